"""Example 4 — English one-group pre/post study, paired t-test, purposive sampling, n = 25.

Planted errors:
  * "9 of the 25 mothers (32%)": 9/25 is 36% (percent_count);
  * Table 2 gives the post-test mean 64.8 (SD 16.0, n = 25) a 95% CI of 61.6 to 68.0; with n = 25
    it is 58.2 to 71.4, and 61.6 to 68.0 would need n of about 98 (ci_mismatch).
The paired t follows from the mean difference, its SD and n; the other CIs and percentages are right.
"""

from ..blocks import (Abstract, Authors, Heading, JournalLine, Paper, Para, Reference, TableBlock,
                      Title)

PAPER = Paper(
    id="04_en_paired_t",
    layout="two_column",
    running_head="Hidayati and Ramli. Oxytocin massage before and after: a pilot study",
    metadata_title="Milk Volume Before and After Oxytocin Massage: A One-Group Pilot Study",
    metadata_author="Laila Hidayati; Faisal Ramli",
    page_offset=112,
    front=(
        JournalLine("Example Asian Journal of Maternal Health, 2022, 9(3), 112–113. "
                    "DOI: 10.5555/eajmh.9.3.112"),
        Title("Milk Volume Before and After Oxytocin Massage: A One-Group Pilot Study in "
              "Postpartum Mothers"),
        Authors("Laila Hidayati, Faisal Ramli",
                ("School of Nursing, Example University of Health, Makassar, Indonesia",
                 "Correspondence: laila.hidayati@example.edu")),
        Abstract(
            "Abstract",
            "Objective: To describe the change in expressed breast-milk volume after a short course "
            "of oxytocin massage. Design: One-group pretest-posttest study. Setting and "
            "participants: Twenty-five postpartum mothers from two community health centres, chosen "
            "by purposive sampling. Intervention: Oxytocin massage for 20 minutes once a day for "
            "five days, given by trained nurses. Measurements: Milk volume expressed with an "
            "electric pump in 15 minutes, before the first massage and after the last one, "
            "compared with the paired t-test. Results: Mean volume rose from 52.4 ml (SD 13.5) to "
            "64.8 ml (SD 16.0); the mean increase was 12.4 ml (95% CI 6.2 to 18.6), "
            "t(24) = 4.11, p < .001. Conclusion: Milk volume increased after oxytocin massage; a "
            "controlled trial is needed to show that the massage caused the increase.",
            "Keywords", "oxytocin massage; lactation; breast-milk volume; pretest-posttest"),
    ),
    body=(
        Heading("Introduction"),
        Para("Mothers who think their milk is not enough often add formula in the first week, and "
             "early supplementation shortens breastfeeding. Nurses in Indonesian community health "
             "centres increasingly teach oxytocin massage, a slow circular massage beside the spine "
             "that aims to relax the mother and help milk ejection."),
        Para("Before planning a controlled trial we wanted to know how much milk volume changes "
             "during a five-day course of massage, how variable the change is, and whether mothers "
             "accept daily sessions. This pilot study reports those figures."),
        Heading("Methods"),
        Para("Design. We used a pre-experimental one-group pretest-posttest design without a "
             "comparison group."),
        Para("Participants. Mothers attending two community health centres in Makassar between "
             "January and March 2022 were approached on postpartum day 2 or 3. Purposive sampling "
             "selected mothers with a term singleton baby, exclusive breastfeeding intention and no "
             "breast disease. Twenty-five mothers took part."),
        Para("Intervention. Trained nurses gave oxytocin massage for 20 minutes once a day for five "
             "consecutive days at the mother's home. Mothers continued to breastfeed on demand."),
        Para("Measurements. Milk volume (ml) was expressed from both breasts for 15 minutes with "
             "the same electric pump before the first massage (pretest) and one day after the last "
             "massage (posttest). Formula use in the previous 24 hours was recorded at both visits."),
        Para("Analysis. We report means, standard deviations and 95% confidence intervals. The "
             "pre − post difference was tested with the paired t-test at a two-sided alpha of "
             "0.05 after a Shapiro-Wilk test of the differences (p = .412)."),
        Heading("Results"),
        Para("All 25 mothers completed the five sessions. Their mean age was 28.6 years (SD 5.2). "
             "At baseline, 9 of the 25 mothers (32%) were already giving some formula; at the "
             "posttest visit 4 mothers (16%) were."),
        TableBlock(
            "Table 1. Characteristics of the mothers (n = 25)",
            header=(("Characteristic", "n", "%"),),
            rows=(
                ("Parity", "", ""),
                ("Primiparous", "11", "44"),
                ("Multiparous", "14", "56"),
                ("Mode of birth", "", ""),
                ("Vaginal birth", "18", "72"),
                ("Caesarean birth", "7", "28"),
                ("Education", "", ""),
                ("≤ junior high school", "6", "24"),
                ("Senior high school", "13", "52"),
                ("College or university", "6", "24"),
            ),
            widths=(0.6, 0.2, 0.2),
            font_size=7.5,
        ),
        TableBlock(
            "Table 2. Expressed milk volume (ml) before and after the massage course",
            header=(("Measurement", "Mean", "SD", "95% CI"),),
            rows=(
                ("Pretest", "52.4", "13.5", "46.8 to 58.0"),
                ("Posttest", "64.8", "16.0", "61.6 to 68.0"),
                ("Difference (post − pre)", "12.4", "15.1", "6.2 to 18.6"),
            ),
            widths=(0.38, 0.15, 0.15, 0.32),
            font_size=7.5,
            note="n = 25; paired t-test: t(24) = 4.11, p < .001",
        ),
        Para("Milk volume increased in 19 of the 25 mothers. The mean change from pretest to "
             "posttest was 12.4 ml (SD 15.1), which is a pre − post difference of −12.4 ml. The "
             "paired t-test gave t(24) = 4.11, p < .001 (Table 2)."),
        Heading("Discussion"),
        Para("Expressed milk volume was about a quarter higher after five days of oxytocin massage. "
             "Because milk supply rises naturally in the first weeks, this design cannot tell how "
             "much of the change is due to the massage. The standard deviation of the change, "
             "15.1 ml, will be used to size the planned randomised trial."),
        Para("Mothers accepted daily home visits well, and no session was missed. Formula use "
             "fell over the study period, which is encouraging but may also reflect the extra "
             "attention mothers received."),
        Heading("Conclusion"),
        Para("Milk volume rose during a five-day course of oxytocin massage. A randomised trial "
             "with a usual-care control group is feasible and needed."),
        Heading("References"),
        Reference("Gani, R., & Sari, M. (2020). Community nursing support for breastfeeding "
                  "mothers. Example Community Health Journal, 6(2), 77–84."),
        Reference("Kusnadi, A. (2021). Pilot studies in nursing research: purpose and size. "
                  "Example Nursing Methods, 4(1), 1–9."),
        Reference("Tanoto, W., Lim, K., & Rusdi, H. (2019). Expressed milk volume as an outcome "
                  "measure. Example Lactation Science, 2(2), 58–66."),
    ),
)
