"""Example 2 — Indonesian quasi-experiment, non equivalent control group, 16 + 16, two columns.

Planted errors:
  * Tabel 4: the intervention group's post-test mean of infant voidings, 7,45, is not a possible
    mean of 16 whole-number counts (119/16 = 7,4375 -> 7,44) (grim);
  * Tabel 3 / text / abstract: t = 1,845 with df = 30 gives two-sided p = 0,075, but p = 0,032 is
    printed and read as significant (p_recompute + decision_error).
The t itself follows from the post-test means and SDs; everything else is consistent.
"""

from ..blocks import (Abstract, Authors, Heading, JournalLine, Paper, Para, Reference, TableBlock,
                      Title)

PAPER = Paper(
    id="02_id_quasi_two_column",
    layout="two_column",
    running_head="Safitri dkk. Pijat oksitosin dan volume ASI: kuasi eksperimen",
    metadata_title="Efektivitas Pijat Oksitosin terhadap Volume ASI Ibu Postpartum",
    metadata_author="Yuliana Safitri; Ahmad Fauzan; Nurul Hidayah",
    page_offset=15,
    front=(
        JournalLine("Jurnal Kesehatan Ibu dan Anak Contoh, Vol. 3 No. 1, April 2024, hlm. 15–16. "
                    "DOI: 10.5555/jkiac.v3i1.207"),
        Title("Efektivitas Pijat Oksitosin terhadap Volume ASI Ibu Postpartum: Studi Kuasi "
              "Eksperimen di RSUD Kota Baru"),
        Authors("Yuliana Safitri, Ahmad Fauzan, Nurul Hidayah",
                ("Jurusan Kebidanan, Politeknik Kesehatan Contoh, Kota Baru, Indonesia",
                 "Korespondensi: yuliana.safitri@example.ac.id")),
        Abstract(
            "ABSTRAK",
            "Volume ASI yang rendah pada minggu pertama postpartum mendorong pemberian susu formula "
            "terlalu dini. Penelitian ini menilai efektivitas pijat oksitosin terhadap volume ASI ibu "
            "postpartum. Penelitian kuasi eksperimen ini memakai rancangan non equivalent control "
            "group dengan pretest dan posttest. Sebanyak 32 ibu postpartum dipilih secara purposive "
            "sampling dan dibagi menjadi kelompok intervensi (16 orang) yang menerima pijat "
            "oksitosin dua kali sehari selama tiga hari di samping perawatan standar, serta kelompok "
            "kontrol (16 orang) yang hanya menerima perawatan standar. Volume ASI diukur dengan "
            "memerah ASI selama 15 menit memakai pompa manual. Rerata volume ASI posttest adalah "
            "42,6 ml pada kelompok intervensi dan 36,4 ml pada kelompok kontrol. Uji t independen "
            "menghasilkan p = 0,032 (p < 0,05), sehingga pijat oksitosin efektif meningkatkan "
            "volume ASI. Pijat oksitosin layak dimasukkan ke dalam asuhan nifas rutin.",
            "Kata kunci", "pijat oksitosin; volume ASI; postpartum; kuasi eksperimen"),
        Abstract(
            "ABSTRACT",
            "Low milk volume in the first postpartum week pushes families towards early formula "
            "feeding. We tested whether oxytocin massage increases the milk volume of postpartum "
            "mothers. This quasi-experimental study used a non-equivalent control group design with "
            "pretest and posttest. Thirty-two mothers recruited by purposive sampling formed an "
            "intervention group (n = 16) that received oxytocin massage twice a day for three days "
            "on top of standard care and a control group (n = 16) that received standard care only. "
            "Milk volume was the amount expressed in 15 minutes with a manual pump. Mean posttest "
            "volume was 42.6 ml with massage and 36.4 ml without it; the independent t-test gave "
            "p = 0.032. Oxytocin massage is effective and could be part of routine postnatal care.",
            "Keywords", "oxytocin massage; milk volume; postpartum; quasi-experiment"),
    ),
    body=(
        Heading("PENDAHULUAN"),
        Para("Menyusui dalam satu jam pertama dan pemberian ASI eksklusif selama enam bulan "
             "dianjurkan untuk semua bayi. Di ruang nifas, keluhan yang paling sering muncul adalah "
             "ASI yang keluar sedikit sehingga keluarga memberi susu formula sebelum bayi pulang. "
             "Padahal pada hari-hari awal volume ASI memang kecil dan akan naik bila payudara sering "
             "dikosongkan serta refleks let down bekerja baik."),
        Para("Refleks let down bergantung pada oksitosin, hormon yang dilepaskan hipofisis posterior "
             "ketika puting diisap atau ketika ibu merasa nyaman. Pijat oksitosin di sepanjang "
             "tulang belakang merupakan cara sederhana untuk membantu pelepasan hormon ini. Sebagian "
             "besar penelitian tentang pijat oksitosin di Indonesia memakai satu kelompok saja, "
             "sehingga sulit memisahkan efek pijat dari kenaikan alami volume ASI. Penelitian ini "
             "menambahkan kelompok kontrol untuk menilai efektivitas pijat oksitosin terhadap volume "
             "ASI ibu postpartum."),
        Heading("METODE"),
        Para("Desain penelitian adalah kuasi eksperimen dengan rancangan non equivalent control "
             "group (pretest posttest with control group). Penelitian dilakukan di ruang nifas RSUD "
             "Kota Baru pada Februari sampai Maret 2024."),
        Para("Populasi penelitian adalah ibu postpartum hari pertama yang dirawat di ruang nifas. "
             "Sampel berjumlah 32 orang yang dipilih dengan purposive sampling, yaitu ibu dengan "
             "persalinan pervaginam, bayi tunggal cukup bulan dan sehat, serta tidak memakai obat "
             "pelancar ASI. Ibu yang dirawat pada minggu ganjil masuk kelompok intervensi dan ibu "
             "pada minggu genap masuk kelompok kontrol, masing-masing 16 orang."),
        Para("Kelompok intervensi menerima pijat oksitosin selama 15 menit setiap pagi dan sore "
             "selama tiga hari, diberikan oleh bidan yang telah dilatih, ditambah perawatan standar "
             "berupa edukasi menyusui. Kelompok kontrol hanya menerima perawatan standar. Volume ASI "
             "diukur dengan memerah kedua payudara selama 15 menit memakai pompa manual pada pagi "
             "hari sebelum intervensi (pretest) dan pada hari keempat (posttest), lalu dicatat dalam "
             "mililiter. Frekuensi buang air kecil (BAK) bayi selama 24 jam dihitung oleh ibu dengan "
             "lembar catatan harian sebagai indikator kecukupan ASI."),
        Para("Normalitas data diuji dengan Shapiro-Wilk. Perubahan dalam kelompok dianalisis dengan "
             "uji t berpasangan, sedangkan perbedaan antar kelompok dianalisis dengan uji t "
             "independen pada α = 0,05. Izin etik diperoleh dari komite etik RSUD Kota Baru dengan "
             "nomor 014/KE/II/2024."),
        Heading("HASIL"),
        TableBlock(
            "Tabel 1. Karakteristik responden per kelompok",
            header=(("Karakteristik", "Intervensi f (%)", "Kontrol f (%)"),),
            rows=(
                ("Umur", "", ""),
                ("< 20 tahun", "1 (6,3)", "2 (12,5)"),
                ("20–35 tahun", "13 (81,3)", "12 (75,0)"),
                ("> 35 tahun", "2 (12,5)", "2 (12,5)"),
                ("Paritas", "", ""),
                ("Primipara", "7 (43,8)", "8 (50,0)"),
                ("Multipara", "9 (56,3)", "8 (50,0)"),
                ("Pekerjaan", "", ""),
                ("Tidak bekerja", "10 (62,5)", "11 (68,8)"),
                ("Bekerja", "6 (37,5)", "5 (31,3)"),
            ),
            widths=(0.44, 0.28, 0.28),
            font_size=7.5,
        ),
        Para("Umur, paritas dan pekerjaan responden pada kedua kelompok hampir sama. Volume ASI "
             "pretest juga tidak berbeda antara kelompok intervensi dan kontrol (t = -0,160; "
             "p = 0,874), sehingga kedua kelompok dianggap setara. Uji Shapiro-Wilk menunjukkan data "
             "volume ASI berdistribusi normal pada semua kelompok (p > 0,05)."),
        TableBlock(
            "Tabel 2. Volume ASI (ml) sebelum dan sesudah intervensi",
            header=(("Kelompok", "n", "Pretest Mean ± SD", "Posttest Mean ± SD", "t", "p"),),
            rows=(
                ("Intervensi", "16", "24,8 ± 8,6", "42,6 ± 9,8", "7,12", "< 0,001"),
                ("Kontrol", "16", "25,3 ± 9,1", "36,4 ± 9,2", "4,05", "0,001"),
            ),
            widths=(0.23, 0.07, 0.21, 0.21, 0.12, 0.16),
            font_size=7.5,
            note="Uji t berpasangan (df = 15)",
        ),
        Para("Tabel 2 menunjukkan bahwa volume ASI naik pada kedua kelompok. Kenaikan pada kelompok "
             "intervensi adalah 17,8 ml, sedangkan pada kelompok kontrol 11,1 ml."),
        TableBlock(
            "Tabel 3. Perbedaan volume ASI posttest antar kelompok",
            header=(("Kelompok", "n", "Mean", "SD", "t", "df", "p"),),
            rows=(
                ("Intervensi", "16", "42,6", "9,8", "1,845", "30", "0,032"),
                ("Kontrol", "16", "36,4", "9,2", "", "", ""),
            ),
            widths=(0.22, 0.1, 0.14, 0.12, 0.15, 0.11, 0.16),
            font_size=7.5,
            note="Uji t independen",
        ),
        Para("Hasil uji t independen pada data posttest memperoleh t = 1,845 dengan df = 30 dan "
             "p = 0,032. Karena p < 0,05, terdapat perbedaan volume ASI yang bermakna antara "
             "kelompok yang mendapat pijat oksitosin dan kelompok kontrol."),
        TableBlock(
            "Tabel 4. Frekuensi BAK bayi (kali per 24 jam)",
            header=(("Kelompok", "Pretest Mean ± SD", "Posttest Mean ± SD"),),
            rows=(
                ("Intervensi", "5,94 ± 1,00", "7,45 ± 0,96"),
                ("Kontrol", "6,00 ± 0,89", "6,81 ± 1,11"),
            ),
            widths=(0.3, 0.35, 0.35),
            font_size=7.5,
        ),
        Para("Frekuensi BAK bayi juga bertambah, dari 5,94 menjadi 7,45 kali sehari pada kelompok "
             "intervensi dan dari 6,00 menjadi 6,81 kali sehari pada kelompok kontrol."),
        Heading("PEMBAHASAN"),
        Para("Kedua kelompok mengalami kenaikan volume ASI karena produksi ASI secara fisiologis "
             "bertambah pada hari-hari pertama nifas. Kenaikan yang lebih besar pada kelompok "
             "intervensi menunjukkan tambahan manfaat dari pijat oksitosin. Ibu pada kelompok "
             "intervensi juga melaporkan merasa lebih santai dan tidur lebih nyenyak setelah dipijat, "
             "yang diduga memperlancar refleks let down."),
        Para("Kelompok dibentuk menurut minggu perawatan, bukan secara acak, sehingga perbedaan yang "
             "tidak terukur antara kedua kelompok masih mungkin ada. Volume yang diperah dalam 15 "
             "menit juga hanya menggambarkan sebagian dari ASI yang diminum bayi dalam sehari. "
             "Meskipun demikian, hasil ini mendukung penerapan pijat oksitosin sebagai bagian dari "
             "asuhan nifas."),
        Heading("KESIMPULAN"),
        Para("Pijat oksitosin efektif meningkatkan volume ASI ibu postpartum dibandingkan perawatan "
             "standar saja. Rumah sakit dapat melatih bidan dan keluarga pasien untuk melakukan "
             "pijat oksitosin selama masa rawat nifas."),
        Heading("DAFTAR PUSTAKA"),
        Reference("Fitriani, A., & Gunawan, R. (2021). Let down reflex dan kenyamanan ibu nifas. "
                  "Jurnal Bidan Contoh, 9(3), 101–108."),
        Reference("Lestari, P. (2020). Manajemen laktasi di rumah sakit. Surabaya: Penerbit Contoh."),
        Reference("Rahayu, S., Hakim, L., & Dewi, M. (2022). Mengukur volume ASI perah pada minggu "
                  "pertama. Jurnal Kesehatan Reproduksi Contoh, 5(1), 33–40."),
        Reference("Susanti, N. (2019). Desain kuasi eksperimen untuk penelitian kebidanan. Jakarta: "
                  "Pustaka Ilmu Contoh."),
    ),
)
