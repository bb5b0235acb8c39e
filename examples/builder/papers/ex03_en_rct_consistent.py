"""Example 3 — English randomised controlled trial, 30 + 30, independent t; consistent on purpose.

Every number agrees with every other: t follows from the group means and SDs, p from t and df,
each 95% CI from its mean, SD and n (t quantile, df = n - 1; the difference's from the pooled SD,
df = 58), percentages from counts, χ² from the 2 × 2 counts. A checker must raise nothing of
severity error or warning here.
"""

from ..blocks import (Abstract, Authors, Heading, JournalLine, Paper, Para, Reference, TableBlock,
                      Title)

PAPER = Paper(
    id="03_en_rct_consistent",
    layout="single",
    running_head="Santoso et al. Back massage and breast-milk volume: a randomised trial",
    metadata_title="Back Massage and Breast-Milk Volume in the First Postpartum Week",
    metadata_author="Maria Santoso; Hendra Wijaya; Ayu Permatasari",
    page_offset=1,
    front=(
        JournalLine("Example Journal of Midwifery Research, 2024, Vol. 2, Issue 1, pp. 1–2. "
                    "DOI: 10.5555/ejmr.2024.0103"),
        Title("Back Massage and Breast-Milk Volume in the First Postpartum Week: "
              "A Randomised Controlled Trial"),
        Authors("Maria Santoso, Hendra Wijaya, Ayu Permatasari",
                ("Department of Midwifery, Example Institute of Health Sciences, Yogyakarta, "
                 "Indonesia",
                 "Correspondence: maria.santoso@example.org")),
        Abstract(
            "ABSTRACT",
            "Background: Many mothers worry that they do not make enough milk in the first days "
            "after birth. Back massage along the spine is widely taught in Indonesia, but randomised "
            "evidence is scarce. Methods: In this randomised controlled trial, 60 mothers selected "
            "by simple random sampling from the postnatal register of a district hospital were "
            "allocated to back massage twice daily for three days plus usual care (n = 30) or to "
            "usual care alone (n = 30). The primary outcome was the volume of milk expressed in one "
            "standardised pumping session on day 3. Groups were compared with the independent "
            "samples t-test. Results: Mean day-3 volume was 58.4 ml (SD 14.2) with massage and "
            "49.6 ml (SD 13.6) with usual care, a difference of 8.8 ml (95% CI 1.6 to 16.0); "
            "t(58) = 2.45, p = .017. The day-7 volume was also higher with massage (t(58) = 2.19, "
            "p = .033). Conclusion: Back massage modestly increased early milk volume.",
            "Keywords", "back massage; oxytocin massage; breast-milk volume; randomised "
                        "controlled trial; postpartum"),
    ),
    body=(
        Heading("Introduction"),
        Para("Perceived insufficient milk is one of the commonest reasons for stopping exclusive "
             "breastfeeding early. In the first postpartum week milk volume rises steeply, and "
             "practices that help the let-down reflex may help mothers through this period. Back "
             "massage along both sides of the spine, often called oxytocin massage, is cheap, "
             "acceptable and easy to teach to partners. Most published evaluations, however, are "
             "small before-and-after studies without a control group, which cannot separate the "
             "effect of massage from the natural increase in supply."),
        Para("We therefore compared back massage plus usual care with usual care alone in a "
             "randomised trial, with expressed milk volume as the primary outcome."),
        Heading("Methods"),
        Para("Design and setting. This was a parallel-group randomised controlled trial with a 1:1 "
             "allocation ratio, carried out on the postnatal ward of a district hospital in "
             "Yogyakarta between May and August 2023. The protocol was approved by the institutional "
             "research ethics board (approval 2023/045), and all mothers gave written consent."),
        Para("Participants. Eligible mothers had a vaginal birth of a healthy singleton at term, "
             "intended to breastfeed and were aged 18 years or more. Mothers with breast surgery, "
             "severe illness or a baby admitted to neonatal care were not eligible. From the "
             "register of 68 eligible mothers, 60 were drawn by simple random sampling."),
        Para("Randomisation and blinding. A statistician not involved in recruitment prepared a "
             "computer-generated allocation list in blocks of four, concealed in sealed opaque "
             "envelopes. The midwives who measured milk volume did not know the allocation."),
        Para("Interventions. The massage group received a 15-minute back massage from trained "
             "midwives twice a day for three days, in addition to usual care. Usual care consisted "
             "of breastfeeding education, help with positioning and attachment, and rooming-in."),
        Para("Outcomes. The primary outcome was the volume of milk (ml) expressed from both breasts "
             "in one 15-minute session with the same electric pump on the morning of day 3. The "
             "secondary outcome was the volume expressed in the same way on day 7 at a home visit."),
        Para("Sample size and analysis. Thirty mothers per group gave 80% power to detect a "
             "standardised difference of 0.75 at a two-sided alpha of 0.05. Continuous outcomes are "
             "given as mean, standard deviation and 95% confidence interval and were compared with "
             "the independent samples t-test; normality was checked with the Shapiro-Wilk test "
             "(all p > .05). Categorical characteristics were compared with the χ² test. Analyses "
             "followed the intention-to-treat principle; no mother was lost to follow-up."),
        Heading("Results"),
        Para("All 60 randomised mothers completed the study and were analysed in the group to "
             "which they were allocated. The groups were similar at baseline (Table 1)."),
        TableBlock(
            "Table 1. Baseline characteristics of the participants",
            header=(("Characteristic", "Massage (n = 30)", "Usual care (n = 30)", "Test", "p"),),
            rows=(
                ("Age, years, mean (SD)", "27.3 (4.8)", "26.9 (5.1)", "t(58) = 0.31", ".756"),
                ("Primiparous, n (%)", "14 (46.7)", "16 (53.3)", "χ²(1) = 0.27", ".606"),
                ("Caesarean birth, n (%)", "9 (30.0)", "11 (36.7)", "χ²(1) = 0.30", ".584"),
            ),
            widths=(0.3, 0.18, 0.18, 0.2, 0.14),
        ),
        Para("Milk volume on day 3 was higher in the massage group (Table 2). The mean difference "
             "was 8.8 ml (95% CI 1.6 to 16.0), t(58) = 2.45, p = .017. On day 7 the mean volume was "
             "96.5 ml (SD 21.3) with massage and 84.1 ml (SD 22.6) with usual care, a difference of "
             "12.4 ml (95% CI 1.1 to 23.7), t(58) = 2.19, p = .033. No adverse events were "
             "reported."),
        TableBlock(
            "Table 2. Expressed milk volume (ml) by group",
            header=(("Outcome", "Group", "n", "Mean (SD)", "95% CI"),),
            rows=(
                ("Day 3", "Massage", "30", "58.4 (14.2)", "53.1 to 63.7"),
                ("Day 3", "Usual care", "30", "49.6 (13.6)", "44.5 to 54.7"),
                ("Day 7", "Massage", "30", "96.5 (21.3)", "88.5 to 104.5"),
                ("Day 7", "Usual care", "30", "84.1 (22.6)", "75.7 to 92.5"),
            ),
            widths=(0.16, 0.22, 0.1, 0.26, 0.26),
            numeric_from=2,
            note="CI: confidence interval for the group mean (t distribution, 29 df).",
        ),
        Heading("Discussion"),
        Para("In this trial, three days of back massage on top of usual care increased the volume "
             "of milk mothers could express by about 9 ml on day 3 and 12 ml on day 7. The "
             "confidence intervals are wide, and the lower limits are close to no effect, so the "
             "true benefit may be small. The effect is plausible: massage relaxes the mother and "
             "may support oxytocin release and milk ejection."),
        Para("The trial has strengths: random selection and allocation, concealed allocation, "
             "blinded outcome assessment and complete follow-up. Its limitations are the single "
             "site, the short follow-up and a pumped volume that measures only part of what a baby "
             "drinks. Mothers could not be blinded to massage."),
        Heading("Conclusion"),
        Para("Back massage is a safe, simple addition to postnatal care that modestly increases "
             "early milk volume. Larger multicentre trials with breastfeeding outcomes at six "
             "months are needed."),
        Heading("References"),
        Reference("Adi, P., & Kusuma, R. (2021). Let-down reflex and maternal relaxation: a "
                  "narrative review. Example Nursing Review, 12(2), 45–52."),
        Reference("Brown, E. (2019). Measuring breast-milk output in clinical studies. Journal of "
                  "Example Lactation Methods, 3(1), 10–18."),
        Reference("Utami, S., Halim, D., & Prakoso, B. (2022). Oxytocin massage in Indonesian "
                  "postnatal care: a survey of midwives. Example Midwifery Journal, 8(4), 201–209."),
    ),
)
