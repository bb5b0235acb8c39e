"""Example 5 — Indonesian literature review with an 8-column extraction table of 5 fictional studies.

Tabel 1 is long enough to break across a page, and its header row is repeated on the next page.
Every study in it is invented for this example. Row 3 reports "p = 0,000" (p_zero_or_format).
"""

from ..blocks import (Abstract, Authors, Heading, JournalLine, Paper, Para, Reference, TableBlock,
                      Title)

COLUMNS = ("No.", "Penulis dan tahun", "Judul", "Desain", "Populasi dan sampel",
           "Intervensi utama", "Intervensi pembanding", "Hasil")

ROWS = (
    ("1.", "Sari, D. & Pratiwi, A. (2019)",
     "Pengaruh pijat oksitosin terhadap skor produksi ASI ibu nifas",
     "Pre eksperimen, one group pretest posttest",
     "20 ibu nifas hari pertama sampai ketiga; purposive sampling",
     "Pijat oksitosin 15 menit, 2 kali sehari selama 3 hari", "Tidak ada",
     "Skor produksi ASI naik dari 4,9 menjadi 6,7; uji Wilcoxon p = 0,001"),
    ("2.", "Handayani, R., Putra, B. & Yanti, S. (2020)",
     "Efektivitas pijat oksitosin dan edukasi menyusui terhadap volume ASI",
     "Kuasi eksperimen, non equivalent control group dengan pretest dan posttest",
     "36 ibu postpartum (18 intervensi, 18 kontrol); consecutive sampling",
     "Pijat oksitosin ditambah edukasi menyusui", "Edukasi menyusui saja",
     "Volume ASI posttest 45,2 ml dibanding 37,9 ml; uji t independen p = 0,004"),
    ("3.", "Putri, M. & Nugroho, H. (2021)",
     "Perbandingan pijat oksitosin dan breast care terhadap waktu pengeluaran ASI",
     "Kuasi eksperimen, posttest only with control group",
     "30 ibu post seksio sesarea (15 dan 15); purposive sampling",
     "Pijat oksitosin", "Breast care",
     "ASI keluar lebih cepat pada kelompok pijat oksitosin; uji Mann-Whitney p = 0,000"),
    ("4.", "Rahmawati, E. (2022)",
     "Pijat punggung dan volume ASI ibu nifas: uji klinis acak",
     "Randomized controlled trial",
     "60 ibu nifas (30 intervensi, 30 kontrol); simple random sampling",
     "Pijat punggung 15 menit, 2 kali sehari selama 3 hari", "Perawatan biasa",
     "Volume ASI hari ketiga lebih tinggi 8,8 ml; uji t independen p = 0,017"),
    ("5.", "Kurniasih, T. & Lestari, W. (2023)",
     "Pijat oksitosin dengan aromaterapi lavender terhadap kelancaran ASI",
     "Pre eksperimen, one group pretest posttest",
     "25 ibu nifas; total sampling",
     "Pijat oksitosin dengan minyak lavender", "Tidak ada",
     "Ibu dengan ASI lancar bertambah dari 8 (32,0%) menjadi 21 (84,0%); uji McNemar p = 0,002"),
)

PAPER = Paper(
    id="05_id_literature_review",
    layout="single",
    running_head="Rahma dan Setiawan. Pijat oksitosin dan produksi ASI: literature review",
    metadata_title="Pijat Oksitosin untuk Meningkatkan Produksi ASI pada Ibu Nifas",
    metadata_author="Annisa Rahma; Bayu Setiawan",
    page_offset=77,
    front=(
        JournalLine("Jurnal Kajian Kebidanan Contoh, Vol. 4 No. 2, Desember 2023, hlm. 77–79. "
                    "DOI: 10.5555/jkkc.v4i2.077"),
        Title("Pijat Oksitosin untuk Meningkatkan Produksi ASI pada Ibu Nifas: Literature Review"),
        Authors("Annisa Rahma, Bayu Setiawan",
                ("Program Studi Pendidikan Profesi Bidan, Universitas Contoh Mandiri, Padang, "
                 "Indonesia",
                 "Korespondensi: annisa.rahma@example.ac.id")),
        Abstract(
            "ABSTRAK",
            "Pijat oksitosin banyak diajarkan oleh bidan untuk membantu ibu nifas yang merasa ASI-nya "
            "kurang, tetapi hasil penelitiannya tersebar di berbagai jurnal dengan desain yang "
            "berbeda-beda. Tujuan kajian ini adalah merangkum bukti tentang pengaruh pijat oksitosin "
            "terhadap produksi ASI. Metode yang digunakan adalah literature review. Artikel dicari "
            "pada Google Scholar, Portal Garuda dan PubMed untuk terbitan 2018 sampai 2023 dengan "
            "kata kunci pijat oksitosin, produksi ASI dan ibu nifas. Dari 214 artikel yang "
            "ditemukan, 5 artikel memenuhi kriteria inklusi. Kelima penelitian melaporkan kenaikan "
            "produksi, volume atau kelancaran ASI setelah pijat oksitosin, dengan p antara 0,000 "
            "dan 0,017. Namun hanya satu penelitian yang memakai randomisasi. Pijat oksitosin "
            "dapat dianjurkan sebagai asuhan pendukung menyusui, dan uji klinis acak yang lebih "
            "besar masih diperlukan.",
            "Kata kunci", "pijat oksitosin; produksi ASI; ibu nifas; literature review"),
        Abstract(
            "ABSTRACT",
            "Midwives often teach oxytocin massage to postpartum mothers who feel their milk is "
            "insufficient, but the studies are scattered and use varied designs. This literature "
            "review summarises the evidence on oxytocin massage and breast-milk production. We "
            "searched Google Scholar, Portal Garuda and PubMed for articles from 2018 to 2023. Of "
            "214 records, 5 studies met the inclusion criteria. All five reported more milk, or "
            "smoother milk flow, after oxytocin massage, but only one was randomised. Oxytocin "
            "massage can be recommended as supportive breastfeeding care, and larger randomised "
            "trials are still needed.",
            "Keywords", "oxytocin massage; breast-milk production; postpartum; literature review"),
    ),
    body=(
        Heading("PENDAHULUAN"),
        Para("Keberhasilan menyusui pada minggu pertama sangat ditentukan oleh keyakinan ibu bahwa "
             "ASI-nya cukup. Ketika ASI terasa sedikit, banyak keluarga segera memberi susu formula, "
             "padahal hisapan bayi yang sering justru diperlukan untuk menaikkan produksi ASI. "
             "Bidan di fasilitas kesehatan primer mencari cara sederhana untuk mendukung ibu pada "
             "masa ini."),
        Para("Pijat oksitosin adalah salah satu cara tersebut. Pemijatan dilakukan pada kedua sisi "
             "tulang belakang dari tengkuk sampai punggung bawah, biasanya oleh suami atau bidan. "
             "Sentuhan yang menenangkan diharapkan memicu pelepasan oksitosin sehingga refleks "
             "pengeluaran ASI berjalan lebih baik. Penelitian tentang pijat ini cukup banyak di "
             "Indonesia, tetapi ukuran hasilnya berbeda-beda: ada yang menilai skor produksi ASI, "
             "volume ASI perah, waktu pertama keluarnya ASI, atau kelancaran ASI menurut pengamatan. "
             "Kajian ini bertujuan merangkum hasil penelitian tersebut agar bidan dapat menilai "
             "kekuatan buktinya."),
        Para("Beberapa kajian pustaka sebelumnya telah membahas pijat oksitosin bersama berbagai "
             "tindakan lain, seperti perawatan payudara, kompres hangat dan pijat marmet, sehingga "
             "pengaruh pijat oksitosin sendiri sulit dinilai. Kajian ini membatasi diri pada "
             "penelitian yang memberikan pijat oksitosin atau pijat punggung sebagai intervensi "
             "utama, dan mencatat secara rinci desain, jumlah sampel, cara pengambilan sampel serta "
             "uji statistik yang dipakai setiap penelitian."),
        Heading("METODE"),
        Para("Kajian ini menggunakan desain literature review. Pencarian artikel dilakukan pada "
             "bulan Oktober 2023 melalui Google Scholar, Portal Garuda dan PubMed dengan kata kunci "
             "pijat oksitosin, oxytocin massage, produksi ASI, volume ASI dan ibu nifas, yang "
             "digabungkan dengan operator AND dan OR."),
        Para("Kriteria inklusi adalah artikel penelitian kuantitatif berbahasa Indonesia atau "
             "Inggris yang terbit tahun 2018 sampai 2023, tersedia dalam teks lengkap, menguji pijat "
             "oksitosin atau pijat punggung pada ibu nifas, dan melaporkan ukuran produksi ASI. "
             "Artikel opini, laporan kasus dan kajian pustaka lain tidak diikutkan."),
        Para("Pencarian menghasilkan 214 artikel. Setelah 61 artikel ganda dihapus, judul dan "
             "abstrak 153 artikel disaring, dan 17 artikel dibaca lengkap. Sebanyak 12 artikel "
             "dikeluarkan karena tidak melaporkan ukuran produksi ASI atau tidak memiliki data "
             "pretest, sehingga 5 artikel dianalisis. Data setiap artikel diekstraksi ke dalam tabel "
             "yang memuat penulis, judul, desain, populasi dan sampel, intervensi, pembanding dan "
             "hasil, lalu dirangkum secara naratif."),
        TableBlock(
            "Tabel 1. Hasil penelusuran dan seleksi artikel",
            header=(("Basis data", "Ditemukan", "Setelah duplikat dihapus", "Dibaca lengkap",
                     "Dianalisis"),),
            rows=(
                ("Google Scholar", "168", "112", "11", "3"),
                ("Portal Garuda", "39", "35", "5", "2"),
                ("PubMed", "7", "6", "1", "0"),
                ("Jumlah", "214", "153", "17", "5"),
            ),
            widths=(0.28, 0.18, 0.18, 0.18, 0.18),
        ),
        Para("Kualitas setiap artikel dinilai oleh dua pengkaji secara terpisah dengan daftar "
             "tilik untuk penelitian eksperimen dan kuasi eksperimen. Aspek yang dinilai meliputi "
             "kejelasan kriteria sampel, ada tidaknya kelompok pembanding, cara pembagian kelompok, "
             "kesamaan pengukuran pada semua kelompok, kelengkapan tindak lanjut dan ketepatan uji "
             "statistik. Perbedaan penilaian diselesaikan dengan diskusi. Tidak ada artikel yang "
             "dikeluarkan karena kualitasnya, tetapi hasil penilaian dipakai untuk menimbang "
             "kekuatan bukti dalam pembahasan."),
        Heading("HASIL"),
        Para("Kelima penelitian dilakukan di Indonesia antara tahun 2019 dan 2023 dengan jumlah "
             "sampel 20 sampai 60 ibu. Dua penelitian memakai desain pre eksperimen tanpa kelompok "
             "pembanding, dua penelitian kuasi eksperimen dengan kelompok kontrol, dan satu "
             "penelitian merupakan uji klinis acak. Ringkasan setiap penelitian disajikan pada "
             "Tabel 2."),
        TableBlock(
            "Tabel 2. Ekstraksi data penelitian yang dikaji",
            header=(COLUMNS,),
            rows=ROWS,
            widths=(0.05, 0.12, 0.14, 0.13, 0.13, 0.12, 0.13, 0.18),
            font_size=7.5,
            numeric_from=99,
            note="Sumber: hasil penelusuran artikel, 2023",
        ),
        Para("Semua penelitian menemukan perbaikan setelah pijat oksitosin. Pada dua penelitian "
             "pre eksperimen, skor produksi ASI dan proporsi ibu dengan ASI lancar meningkat. Dua "
             "penelitian kuasi eksperimen menunjukkan volume ASI yang lebih tinggi dan waktu "
             "keluarnya ASI yang lebih cepat dibanding kelompok pembanding. Uji klinis acak "
             "melaporkan selisih volume ASI hari ketiga sebesar 8,8 ml."),
        Heading("PEMBAHASAN"),
        Para("Arah hasil yang sama pada kelima penelitian mendukung manfaat pijat oksitosin. "
             "Meskipun begitu, kekuatan buktinya terbatas. Penelitian tanpa kelompok pembanding "
             "tidak dapat memisahkan pengaruh pijat dari kenaikan produksi ASI yang terjadi secara "
             "alami pada hari-hari awal nifas. Pembagian kelompok pada penelitian kuasi eksperimen "
             "juga tidak acak, dan hanya satu penelitian yang membutakan penilai hasil."),
        Para("Cara pelaporan statistik juga perlu diperbaiki. Satu penelitian menuliskan nilai "
             "p = 0,000 padahal nilai p tidak pernah nol dan seharusnya ditulis p < 0,001. Sebagian "
             "besar penelitian tidak melaporkan interval kepercayaan atau besar efek, sehingga hasil "
             "tidak dapat digabungkan dalam meta-analisis."),
        Heading("KESIMPULAN"),
        Para("Pijat oksitosin berhubungan dengan peningkatan produksi ASI pada ibu nifas dan aman "
             "untuk diajarkan kepada keluarga. Bukti yang ada sebagian besar berasal dari penelitian "
             "kecil tanpa randomisasi, sehingga uji klinis acak yang lebih besar dengan pelaporan "
             "besar efek masih diperlukan."),
        Heading("DAFTAR PUSTAKA"),
        Reference("Handayani, R., Putra, B., & Yanti, S. (2020). Efektivitas pijat oksitosin dan "
                  "edukasi menyusui terhadap volume ASI. Jurnal Kebidanan Contoh, 5(1), 20–27."),
        Reference("Kurniasih, T., & Lestari, W. (2023). Pijat oksitosin dengan aromaterapi "
                  "lavender terhadap kelancaran ASI. Jurnal Ilmu Bidan Contoh, 2(1), 14–21."),
        Reference("Putri, M., & Nugroho, H. (2021). Perbandingan pijat oksitosin dan breast care "
                  "terhadap waktu pengeluaran ASI. Jurnal Keperawatan Contoh, 9(2), 66–73."),
        Reference("Rahmawati, E. (2022). Pijat punggung dan volume ASI ibu nifas: uji klinis acak. "
                  "Jurnal Riset Kebidanan Contoh, 3(2), 90–98."),
        Reference("Sari, D., & Pratiwi, A. (2019). Pengaruh pijat oksitosin terhadap skor "
                  "produksi ASI ibu nifas. Jurnal Bidan Contoh, 7(1), 5–11."),
    ),
)
