"""Example 1 — Indonesian, pre-experimental one group pretest-posttest, Wilcoxon, n = 20.

Built from one data set of 20 scores before and after (see expected.json "data"); every summary
follows from it except the planted errors:
  * the abstracts say 22 mothers, the methods and tables 20 (n_conflict);
  * Tabel 1 Pendidikan prints SMP 5 (20,0%) and SMA 8 (45,0%): 25,0% and 40,0% are right
    (percent_count, twice; the column still sums to 100);
  * the normality test is reported as "p = 0,000" (p_zero_or_format).
"""

from ..blocks import (Abstract, Authors, Heading, JournalLine, Paper, Para, Reference, TableBlock,
                      Title)

PAPER = Paper(
    id="01_id_one_group_wilcoxon",
    layout="single",
    running_head="Wulandari dkk. Pijat oksitosin dan produksi ASI pada ibu nifas",
    metadata_title="Pengaruh Pijat Oksitosin terhadap Produksi ASI pada Ibu Nifas",
    metadata_author="Rina Wulandari; Siti Aminah; Dewi Kurnia Lestari",
    page_offset=41,
    front=(
        JournalLine("Jurnal Kebidanan Cendekia Nusantara, Vol. 6 No. 2, Oktober 2023, hlm. 41–44. "
                    "DOI: 10.5555/jkcn.v6i2.412"),
        Title("Pengaruh Pijat Oksitosin terhadap Produksi ASI pada Ibu Nifas di Puskesmas "
              "Tanjung Sari"),
        Authors("Rina Wulandari, Siti Aminah, Dewi Kurnia Lestari",
                ("Program Studi Sarjana Kebidanan, Sekolah Tinggi Ilmu Kesehatan Harapan Bunda, "
                 "Garut, Indonesia",
                 "Korespondensi: rina.wulandari@example.ac.id")),
        Abstract(
            "ABSTRAK",
            "Produksi ASI yang sedikit pada hari-hari pertama setelah melahirkan sering membuat ibu "
            "berhenti menyusui secara eksklusif. Pijat oksitosin, yaitu pemijatan di sepanjang kedua "
            "sisi tulang belakang, diharapkan merangsang refleks pengeluaran ASI. Tujuan penelitian "
            "ini adalah mengetahui pengaruh pijat oksitosin terhadap produksi ASI pada ibu nifas. "
            "Desain yang dipakai adalah pre eksperimen dengan rancangan one group pretest posttest. "
            "Sampel berjumlah 22 ibu nifas yang diambil dengan teknik purposive sampling. Produksi "
            "ASI dinilai dengan lembar observasi sepuluh indikator sebelum dan sesudah pijat "
            "oksitosin yang diberikan dua kali sehari selama tiga hari, lalu dianalisis dengan uji "
            "Wilcoxon signed rank. Rerata skor produksi ASI naik dari 4,65 menjadi 6,20. Uji "
            "Wilcoxon menghasilkan nilai Z sebesar -3,380 dengan p value 0,001 (p < 0,05), artinya "
            "pijat oksitosin berpengaruh terhadap produksi ASI. Bidan disarankan mengajarkan pijat "
            "oksitosin kepada ibu dan keluarganya sejak awal masa nifas.",
            "Kata kunci", "pijat oksitosin; produksi ASI; ibu nifas"),
        Abstract(
            "ABSTRACT",
            "A small milk supply in the first days after giving birth often makes mothers give up "
            "exclusive breastfeeding. Oxytocin massage, a massage along both sides of the spine, is "
            "expected to trigger the milk ejection reflex. We assessed whether oxytocin massage "
            "changes breast-milk production in postpartum mothers. The study was pre-experimental "
            "with a one group pretest-posttest design and included 22 postpartum mothers chosen by "
            "purposive sampling. Milk production was scored on a ten-indicator observation sheet "
            "before and after oxytocin massage given twice daily for three days and analysed with "
            "the Wilcoxon signed-rank test. The mean score rose from 4.65 to 6.20 (Z = -3.380, "
            "p = 0.001). Oxytocin massage improved milk production, and midwives should teach it to "
            "mothers and their families early after birth.",
            "Keywords", "oxytocin massage; breast-milk production; postpartum mothers"),
    ),
    body=(
        Heading("PENDAHULUAN"),
        Para("Air susu ibu (ASI) adalah makanan terbaik bagi bayi sampai umur enam bulan karena "
             "komposisinya menyesuaikan kebutuhan bayi dan mengandung zat kekebalan. Meskipun "
             "demikian, cakupan ASI eksklusif di banyak daerah masih rendah. Alasan yang paling "
             "sering disampaikan ibu adalah perasaan bahwa ASI yang keluar tidak cukup, terutama "
             "pada tiga hari pertama setelah persalinan ketika payudara belum terasa penuh."),
        Para("Pengeluaran ASI diatur oleh dua hormon. Prolaktin memicu pembentukan ASI di alveoli, "
             "sedangkan oksitosin membuat sel mioepitel berkontraksi sehingga ASI terdorong ke "
             "saluran dan puting. Rasa cemas, nyeri dan lelah setelah melahirkan dapat menghambat "
             "pelepasan oksitosin. Karena itu intervensi yang membuat ibu rileks dianggap dapat "
             "membantu kelancaran ASI."),
        Para("Pijat oksitosin dilakukan dengan gerakan melingkar kecil memakai kedua ibu jari di "
             "kiri dan kanan tulang belakang, dari leher sampai batas bawah tulang belikat. Tindakan "
             "ini murah, tidak memerlukan alat dan dapat dilakukan oleh suami atau anggota keluarga "
             "setelah dilatih. Studi pendahuluan di Puskesmas Tanjung Sari menemukan tujuh dari "
             "sepuluh ibu nifas mengeluh ASI belum keluar lancar pada hari kedua. Penelitian ini "
             "bertujuan mengetahui pengaruh pijat oksitosin terhadap produksi ASI pada ibu nifas di "
             "wilayah tersebut."),
        Heading("METODE PENELITIAN"),
        Para("Penelitian ini merupakan penelitian kuantitatif dengan desain pre eksperimen dan "
             "rancangan one group pretest posttest, tanpa kelompok pembanding. Penelitian "
             "dilaksanakan di wilayah kerja Puskesmas Tanjung Sari pada bulan Juni sampai Juli 2023."),
        Para("Populasi adalah seluruh ibu nifas hari pertama sampai ketiga yang tercatat selama "
             "periode penelitian, yaitu 31 orang. Sampel sebanyak 20 ibu nifas dipilih dengan teknik "
             "purposive sampling berdasarkan kriteria inklusi: melahirkan normal dengan bayi cukup "
             "bulan, menyusui bayinya, tidak memiliki kelainan puting, dan bersedia menjadi "
             "responden. Ibu yang mengalami perdarahan postpartum atau bayinya dirawat terpisah "
             "dikeluarkan dari penelitian."),
        Para("Pijat oksitosin diberikan oleh peneliti yang telah mengikuti pelatihan, selama 15 "
             "menit pada pagi dan sore hari selama tiga hari berturut-turut. Produksi ASI diukur "
             "dengan lembar observasi berisi sepuluh indikator pada ibu dan bayi, misalnya ASI "
             "merembes saat payudara ditekan, bayi tidur tenang dua sampai tiga jam setelah menyusu, "
             "dan bayi buang air kecil paling sedikit enam kali sehari. Setiap indikator bernilai 1 "
             "bila ada dan 0 bila tidak ada, sehingga skor berkisar 0 sampai 10. Produksi ASI "
             "dikategorikan cukup bila skor ≥ 6 dan kurang bila skor ≤ 5. Pengukuran pretest "
             "dilakukan sebelum pijat pertama dan posttest pada hari ketiga setelah pijat terakhir."),
        Para("Analisis univariat menyajikan distribusi frekuensi serta nilai mean, standar deviasi, "
             "minimum dan maksimum. Normalitas selisih skor diuji dengan uji Shapiro-Wilk. Analisis "
             "bivariat memakai uji Wilcoxon signed rank dengan taraf signifikansi 0,05. Penelitian "
             "ini telah mendapat persetujuan Komisi Etik Penelitian Kesehatan STIKes Harapan Bunda "
             "dengan nomor 087/KEPK/VI/2023, dan setiap responden menandatangani lembar persetujuan."),
        Heading("HASIL"),
        TableBlock(
            "Tabel 1. Karakteristik responden (n = 20)",
            header=(("Karakteristik", "f", "%"),),
            rows=(
                ("Umur", "", ""),
                ("< 20 tahun", "2", "10,0"),
                ("20–35 tahun", "15", "75,0"),
                ("> 35 tahun", "3", "15,0"),
                ("Paritas", "", ""),
                ("Primipara", "9", "45,0"),
                ("Multipara", "11", "55,0"),
                ("Pendidikan", "", ""),
                ("SD", "3", "15,0"),
                ("SMP", "5", "20,0"),
                ("SMA", "8", "45,0"),
                ("Perguruan tinggi", "4", "20,0"),
                ("Pekerjaan", "", ""),
                ("Ibu rumah tangga", "14", "70,0"),
                ("Bekerja", "6", "30,0"),
            ),
            widths=(0.5, 0.25, 0.25),
            note="Sumber: data primer, 2023",
        ),
        Para("Tabel 1 memperlihatkan bahwa sebagian besar responden berumur 20–35 tahun (75,0%), "
             "merupakan multipara (55,0%), berpendidikan SMA (45,0%) dan berstatus ibu rumah tangga "
             "(70,0%)."),
        TableBlock(
            "Tabel 2. Skor produksi ASI sebelum dan sesudah pijat oksitosin",
            header=(("Pengukuran", "n", "Mean", "SD", "Min", "Maks"),),
            rows=(
                ("Pretest", "20", "4,65", "1,09", "3", "7"),
                ("Posttest", "20", "6,20", "1,20", "4", "8"),
            ),
            widths=(0.3, 0.14, 0.14, 0.14, 0.14, 0.14),
            note="Skor 0–10 dari lembar observasi sepuluh indikator",
        ),
        Para("Rerata skor produksi ASI sebelum intervensi adalah 4,65 dengan standar deviasi 1,09, "
             "dan sesudah intervensi menjadi 6,20 dengan standar deviasi 1,20. Skor terendah naik "
             "dari 3 menjadi 4 dan skor tertinggi dari 7 menjadi 8."),
        TableBlock(
            "Tabel 3. Kategori produksi ASI sebelum dan sesudah pijat oksitosin",
            header=(("Kategori produksi ASI", "Pretest f", "Pretest %", "Posttest f",
                     "Posttest %"),),
            rows=(
                ("Cukup", "4", "20,0", "15", "75,0"),
                ("Kurang", "16", "80,0", "5", "25,0"),
                ("Jumlah", "20", "100,0", "20", "100,0"),
            ),
            widths=(0.32, 0.17, 0.17, 0.17, 0.17),
        ),
        Para("Sebelum pijat oksitosin hanya 4 responden (20,0%) yang produksi ASI-nya cukup. Setelah "
             "tiga hari intervensi jumlah tersebut bertambah menjadi 15 responden (75,0%)."),
        Para("Uji normalitas Shapiro-Wilk terhadap selisih skor pretest dan posttest memberikan "
             "p = 0,000 sehingga data dinyatakan tidak berdistribusi normal, dan perbedaan skor "
             "diuji dengan uji Wilcoxon signed rank."),
        TableBlock(
            "Tabel 4. Hasil uji Wilcoxon signed rank skor produksi ASI",
            header=(("Peringkat", "n", "Mean Rank", "Sum of Ranks"),),
            rows=(
                ("Negative Ranks", "2", "3,00", "6,00"),
                ("Positive Ranks", "15", "9,80", "147,00"),
                ("Ties", "3", "", ""),
                ("Total", "20", "", ""),
            ),
            widths=(0.34, 0.22, 0.22, 0.22),
            note="Z = -3,380; Asymp. Sig. (2-tailed) = 0,001",
        ),
        Para("Tabel 4 menunjukkan bahwa 15 responden mengalami kenaikan skor, 2 responden mengalami "
             "penurunan dan 3 responden memiliki skor yang sama. Hasil uji Wilcoxon memperoleh nilai "
             "Z sebesar -3,380 dengan p value 0,001 yang lebih kecil dari 0,05, sehingga H0 ditolak: "
             "ada pengaruh pijat oksitosin terhadap produksi ASI pada ibu nifas."),
        Heading("PEMBAHASAN"),
        Para("Hasil penelitian ini menunjukkan kenaikan rerata skor produksi ASI sebesar 1,55 poin "
             "setelah tiga hari pijat oksitosin. Indikator yang paling sering berubah adalah "
             "rembesan ASI ketika payudara ditekan dan lamanya bayi tidur setelah menyusu. Temuan ini "
             "sejalan dengan cara kerja pijat oksitosin: sentuhan pada punggung membuat ibu lebih "
             "tenang, rangsangan saraf di sepanjang tulang belakang diteruskan ke hipotalamus, dan "
             "hipofisis posterior melepaskan oksitosin yang memeras ASI keluar dari alveoli."),
        Para("Dua responden justru mengalami penurunan skor. Keduanya adalah ibu primipara yang pada "
             "hari ketiga mengeluh payudara bengkak dan bayi sulit melekat, sehingga beberapa "
             "indikator pada bayi tidak terpenuhi. Hal ini mengingatkan bahwa pijat oksitosin perlu "
             "disertai bimbingan posisi dan pelekatan menyusui."),
        Para("Penelitian ini memiliki keterbatasan. Tanpa kelompok kontrol, kenaikan skor dapat juga "
             "dipengaruhi oleh bertambahnya hari nifas, karena produksi ASI memang meningkat secara "
             "alami pada minggu pertama. Pengukuran dengan lembar observasi juga dilakukan oleh "
             "peneliti yang sama dengan pemberi intervensi. Penelitian selanjutnya sebaiknya memakai "
             "kelompok pembanding dan pengukuran volume ASI yang lebih objektif."),
        Heading("KESIMPULAN"),
        Para("Pijat oksitosin yang diberikan dua kali sehari selama tiga hari meningkatkan skor "
             "produksi ASI pada ibu nifas di wilayah kerja Puskesmas Tanjung Sari. Tenaga kesehatan, "
             "khususnya bidan, dapat melatih suami atau keluarga agar pijat ini dilakukan di rumah."),
        Heading("DAFTAR PUSTAKA"),
        Reference("Anggraini, L., & Prasetyo, B. (2020). Relaksasi ibu postpartum dan refleks "
                  "pengeluaran ASI. Jurnal Ilmiah Kebidanan Fiktif, 4(1), 12–19."),
        Reference("Hartati, S. (2021). Asuhan kebidanan masa nifas dan menyusui (edisi ke-2). "
                  "Bandung: Penerbit Contoh Medika."),
        Reference("Maharani, D., Saputri, R., & Yusuf, A. (2022). Lembar observasi kecukupan ASI "
                  "pada minggu pertama postpartum. Jurnal Keperawatan Maternitas Contoh, 7(2), 88–95."),
        Reference("Nugraha, T. (2019). Fisiologi laktasi untuk bidan. Jakarta: Pustaka Contoh."),
    ),
)
