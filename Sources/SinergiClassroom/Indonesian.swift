import SinergiModel

/// A control's text in another language: its label, its explanation (a lever's lecture note,
/// a slider's help) and its source. Domain terms stay as Indonesian government documents
/// write them: OPD, Bappeda, SPBE, the SPBE predicates, e-planning, e-budgeting, SIMDA, KPK.
public struct ControlText: Sendable, Equatable {
    public var label: String
    public var text: String
    public var source: String

    public init(label: String, text: String, source: String) {
        self.label = label
        self.text = text
        self.source = source
    }
}

extension LeverInfo {
    /// The lever's label, lecture note and source in Bahasa Indonesia.
    public var indonesian: ControlText {
        switch lever {
        case .politicalWill:
            ControlText(
                label: "Kemauan politik kepala daerah",
                text:
                    "Kepala daerah mendukung program SPBE secara terbuka dan melalui anggaran. Kemauan politik yang efektif menutup sebagian jaraknya ke 1, sehingga komitmen setiap OPD naik dan, setiap Januari, anggaran TIK bertambah. Kemauan saja tidak membangun apa pun: OPD tetap memerlukan pegawai, dana, dan forum.",
                source:
                    "Seed 000 (Provinsi Jambi) dan seed 001: kolaborasi tersendat karena kurangnya komitmen pimpinan \"di tingkat elite\"; kemauan politik menentukan apakah TIK mendapat anggaran."
            )
        case .champion:
            ControlText(
                label: "Penggerak yang bersemangat",
                text:
                    "Seorang pejabat yang disegani memimpin forum koordinasi dan menjaga semua pihak tetap terlibat. Forum lebih sering bertemu, komitmen naik, dan kapasitas untuk bertindak bersama tumbuh. Pengaruhnya hanya bertahan selama penggerak itu menjabat.",
                source:
                    "Linden 2010: pemimpin kolaboratif dengan \"ego yang terukur\" dan penggerak yang bersemangat; seed 000 menyebut perlunya pemimpin semacam itu (Ansell & Gash 2008, kepemimpinan fasilitatif)."
            )
        case .coordinationTeam:
            ControlText(
                label: "Tim Koordinasi SPBE",
                text:
                    "Sebuah peraturan membentuk Tim Koordinasi SPBE beserta aturan dasar forum. Desain kelembagaan naik sekali dan bersifat tetap: rapat lebih sering, dialog lebih baik, dan nilai domain kebijakan lebih tinggi. Pengaruhnya tetap ada walaupun tuas ini kemudian dimatikan.",
                source:
                    "Seed 002 (Kota Jambi): tidak ada OPD yang mengoordinasikan kolaborasi; seed 001: desain kolaborasi belum ada. Ansell & Gash 2008: desain kelembagaan sebagai kondisi awal."
            )
        case .neutralMediator:
            ControlText(
                label: "Mediator netral",
                text:
                    "Seorang fasilitator yang tidak memihak memandu forum sehingga OPD dengan anggaran terbesar tidak mendominasi. Ketimpangan kekuasaan tidak lagi banyak merusak dialog, sehingga kepercayaan dan pemahaman bersama tumbuh lebih cepat.",
                source:
                    "Seed 000 (Provinsi Jambi): mediator yang netral dan tidak memihak diperlukan ketika OPD bernegosiasi dalam ketimpangan kekuasaan (Ansell & Gash 2008)."
            )
        case .externalMandate:
            ControlText(
                label: "Mandat eksternal (KPK)",
                text:
                    "Lembaga dari luar menuntut sistem bersama, seperti KPK yang merekomendasikan e-planning dan e-budgeting. Mandat menaikkan komitmen dan menjadi satu-satunya hal yang membuat OPD yang mementingkan diri sendiri ikut berupaya. Setelah pergantian kepala daerah, bobotnya berkurang selama enam bulan.",
                source:
                    "Seed 000 (Provinsi Jambi): KPK merekomendasikan e-planning dan e-budgeting, tetapi Bakeuda tetap memakai SIMDA."
            )
        case .budgetRingfence:
            ControlText(
                label: "Anggaran TIK yang dilindungi",
                text:
                    "Anggaran TIK setiap OPD dilindungi pada batas bawah sebesar intensitas. Anggaran membatasi upaya yang dapat diberikan OPD, sehingga batas bawah paling membantu OPD yang paling miskin. Tuas ini juga mengubah siapa yang berkuasa di forum.",
                source:
                    "Seed 000, 001, 002, dan 004: anggaran TIK terbatas, anggaran tidak difokuskan pada infrastruktur, anggaran infrastruktur tidak terealisasi (Makassar)."
            )
        case .training:
            ControlText(
                label: "Pelatihan untuk pelatih (ToT)",
                text:
                    "Operator dilatih setiap bulan selama tuas menyala, dan pelatih yang sudah dilatih tetap mengajar setelahnya. Kecukupan pegawai naik sekarang, dan OPD belajar lebih cepat sepanjang sisa masa simulasi. Rotasi pejabat tetap menggerus hasil pelatihan.",
                source:
                    "Seed 000 (Provinsi Jambi): ToT selama 4 hari berdasarkan MoU dengan Provinsi Sumatera Utara; seed 001: pelatihan belum menyeluruh."
            )
        case .staffRetention:
            ControlText(
                label: "Pertahankan pegawai terlatih",
                text:
                    "Operator terlatih dipertahankan pada jabatannya dan tidak dirotasi. Peluang bulanan kehilangan operator terlatih turun sebesar intensitas. Tuas ini melindungi hasil pelatihan.",
                source: "Seed 000 (Provinsi Jambi): rotasi pejabat menimbulkan \"kekosongan dan miskomunikasi\"."
            )
        case .legacyMigration:
            ControlText(
                label: "Migrasi dari sistem lama",
                text:
                    "OPD pemilik sistem lama merencanakan dan mendanai migrasinya. Ketergantungan pada sistem lama turun sedikit setiap bulan, sehingga komitmennya dan kontribusinya pada sistem bersama yang baru pulih. Sistem bersama yang bergantung pada mata rantai terlemah menunggu tepat OPD ini.",
                source:
                    "Seed 000 (Provinsi Jambi): Bakeuda tetap memakai SIMDA, sehingga e-budgeting tidak berjalan walaupun e-planning berjalan."
            )
        case .regulationIntegration:
            ControlText(
                label: "Aturan kewenangan yang terintegrasi",
                text:
                    "Peraturan menetapkan OPD mana yang memegang kewenangan dan data yang mana. Ego sektoral turun sekali dan bersifat tetap, sebesar separuh intensitas. Ego yang lebih rendah berarti komitmen lebih tinggi pada setiap bulan berikutnya.",
                source:
                    "Seed 000 dan 001: peraturan tentang kewenangan antar-OPD belum terintegrasi, sehingga memperkuat ego sektoral."
            )
        case .cultureChange:
            ControlText(
                label: "Budaya berbagi pengetahuan",
                text:
                    "Sebuah program menggeser OPD dari budaya yang statis ke budaya dinamis yang berbagi pengetahuan. Budaya berubah perlahan, sedikit setiap bulan. Budaya yang dinamis mempercepat pembelajaran dan kematangan.",
                source:
                    "Seed 001: budaya organisasi yang statis; seed 002 dan 003: budaya lambat berubah; Anderson dkk. 2015: budaya berbagi pengetahuan."
            )
        case .citizenOutreach:
            ControlText(
                label: "Sosialisasi kepada warga",
                text:
                    "Kampanye memperkenalkan layanan elektronik kepada warga dan membantu mereka menggunakannya. Adopsi spontan naik hingga tiga kali lipat dan kesiapan digital tumbuh perlahan. Sosialisasi tidak membantu sebelum ada layanan yang diluncurkan untuk warga.",
                source:
                    "Seed 002 (Kota Jambi): kesiapan masyarakat yang kurang; seed 001: kesenjangan digital (difusi Bass 1969)."
            )
        case .infrastructure:
            ControlText(
                label: "Infrastruktur TIK",
                text:
                    "Daerah berinvestasi pada jaringan agar lebih banyak warga mendapat akses internet. Batas atas akses naik sekali dan bersifat tetap, dan akses tumbuh lebih cepat selama tuas menyala. Akses yang lebih luas berarti lebih banyak calon pengguna.",
                source:
                    "Seed 001: infrastruktur adalah \"50% kunci\" keberhasilan e-government; seed 000: 35,82% penduduk berusia 5 tahun ke atas memiliki akses internet di Jambi pada 2018."
            )
        case .partnership:
            ControlText(
                label: "Kemitraan",
                text:
                    "Perusahaan swasta, daerah lain, atau program luar negeri meminjamkan dana dan tenaga ahli. Anggaran setiap OPD mendapat tambahan dan pegawainya sedikit membaik setiap bulan. Tambahan itu berakhir bersama kemitraannya.",
                source:
                    "Seed 002 (Kota Jambi): mitra dari perusahaan, Kabupaten Bungo, dan Singapore Cooperation Programme; seed 003 (Jakarta): kemitraan pemerintah–swasta ketika sumber daya terbatas."
            )
        }
    }
}

extension Construct {
    /// The slider's label, help and source in Bahasa Indonesia.
    public var indonesian: ControlText {
        // The sources are citations (seed numbers, authors and years), the same in both languages.
        ControlText(label: indonesianLabel, text: indonesianHelp, source: source)
    }

    private var indonesianLabel: String {
        switch self {
        case .ego: "Ego sektoral"
        case .politicalWill: "Kemauan politik kepala daerah"
        case .champion: "Penggerak (kepemimpinan fasilitatif)"
        case .design: "Desain kelembagaan"
        case .budget: "Kecukupan anggaran TIK"
        case .hr: "Kecukupan SDM TI"
        case .culture: "Budaya dinamis"
        case .legacyLockIn: "Ketergantungan pada sistem lama"
        case .mandate: "Mandat eksternal"
        }
    }

    private var indonesianHelp: String {
        switch self {
        case .ego:
            "Seberapa enggan OPD berbagi kegiatan, data, atau kewenangan. Menetapkan rerata ego setiap OPD, diambil dari Beta(4μ, 4(1−μ)); ego yang tinggi menurunkan komitmen."
        case .politicalWill:
            "Komitmen kepala daerah. W diambil secara seragam dalam ±0,2 dari nilai penggeser (juga ketika kepala daerah baru terpilih); W menaikkan komitmen dan anggaran TIK tahunan."
        case .champion:
            "Penggerak yang bersemangat memimpin forum koordinasi. Menetapkan L untuk setiap pemerintah daerah: rapat forum lebih sering, komitmen lebih tinggi, dan kapasitas bertindak bersama lebih besar."
        case .design:
            "Peraturan, Tim Koordinasi SPBE, dan aturan dasar forum. Menetapkan D: rapat, mutu dialog, kapasitas bertindak bersama, dan domain kebijakan dalam indeks."
        case .budget:
            "Anggaran TIK yang tersedia dibagi anggaran yang dibutuhkan (1 = cukup, hingga 1,5). Anggaran dasar B⁰ setiap OPD diambil secara seragam dalam ±0,3 dari nilai penggeser; anggaran membatasi upaya yang diberikan."
        case .hr:
            "Pegawai TIK yang kompeten dibagi pegawai yang dibutuhkan. H setiap OPD diambil secara seragam dalam ±0,3 dari nilai penggeser; pegawai membatasi upaya yang diberikan."
        case .culture:
            "Budaya organisasi dari statis (0) sampai dinamis (1). Menetapkan rerata budaya setiap OPD, diambil dari Beta(4μ, 4(1−μ)); budaya mempercepat pembelajaran dan kematangan."
        case .legacyLockIn:
            "Seberapa kuat OPD pemilik sistem lama berpegang padanya. Menetapkan ℓ untuk pemilik sistem lama; ketergantungan menurunkan komitmen mereka dan kontribusi mereka pada sistem yang menggantikannya."
        case .mandate:
            "Tekanan evaluasi dari luar, seperti rekomendasi KPK. Menetapkan I: menaikkan komitmen dan upaya, bahkan dari OPD yang mementingkan diri sendiri."
        }
    }

}
