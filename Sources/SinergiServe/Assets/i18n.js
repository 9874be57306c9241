// Sinergi classroom: the pages' words in English and Bahasa Indonesia. Every label of
// index.html and join.html carries a data-i18n attribute naming its key here, and every
// sentence the scripts build goes through t(key, {parameters}). The language is the
// reader's choice (the EN | ID switch, kept in localStorage), else the browser's first
// English or Indonesian language (navigator.languages), else English. Domain terms stay as
// Indonesian government documents write them: OPD, SPBE, the SPBE predicates (Kurang, Cukup,
// Baik, Sangat Baik, Memuaskan), e-planning, e-budgeting.
//
// The catalogues between the two marker comments are plain JSON: the tests read them.
"use strict";
(function () {
  const catalogues = /* catalogues begin */ {
  "en": {
    "common.dismiss": "Dismiss",
    "common.language": "Language",
    "report.expected": "expected {expected}",
    "report.noAnswer": "{what}: the server did not answer ({detail}).",
    "report.stillRunning": "Is `sinergi serve` still running?",
    "what.loading": "Loading the scenario",
    "what.starting": "Starting a session",
    "what.session": "Session",
    "what.setup": "Setup",
    "what.step": "Step",
    "what.futures": "Futures",
    "what.lever": "Lever {label}",
    "date.monthsShort": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    "lecturer.pageTitle": "Sinergi classroom",
    "lecturer.documentTitle": "{name} — Sinergi classroom",
    "lecturer.kicker": "Sinergi classroom · inter-agency e-government",
    "lecturer.loading": "Loading the scenario…",
    "lecturer.government": "Government",
    "lecturer.session": "Session",
    "run.title": "Run",
    "run.setup": "Setup",
    "run.setupTitle": "Start again at month 0 with the settings below",
    "run.step": "Step",
    "run.stepTitle": "Simulate one month",
    "run.go": "Go",
    "run.pause": "Pause",
    "run.goTitle": "Run month after month until the end or Pause",
    "run.speed": "Speed",
    "run.speedValue": "{n} months/s",
    "run.seed": "Seed",
    "run.download": "Download scenario",
    "run.downloadTitle": "The session as a scenario file: `sinergi run FILE --replicates 1` reproduces this run",
    "run.futures": "Run 200 futures",
    "run.futuresTitle": "Run 200 replicates of the current settings and levers to the end",
    "run.futuresRunning": "running {count} futures…",
    "run.pending": "Settings changed — press <strong>Setup</strong> to apply them.",
    "run.atHorizon": "The run is at its horizon: press Setup to start again.",
    "constructs.title": "The city",
    "constructs.subtitle": "means at Setup",
    "constructs.source": "(Source: {source}.)",
    "levers.title": "Levers",
    "levers.subtitle": "act from this month",
    "levers.noteTitle": "Lecture notes",
    "levers.noteText": "Switch a lever or press its <strong>why</strong> button to see what it does and where it comes from.",
    "levers.switchTitle": "Switch on or off from this month",
    "levers.why": "why",
    "levers.whyLabel": "Why this lever",
    "levers.intensity": "Intensity",
    "levers.levelAgency": "agencies",
    "levers.levelGovernment": "government",
    "levers.noNote": "No lecture note for this lever.",
    "levers.source": "Source: {source}",
    "readout.month": "Month",
    "readout.spbe": "SPBE index",
    "readout.scale": "1 – 5 scale",
    "readout.predicate": "Predicate",
    "readout.dateOf": "{date} · of {months}",
    "readout.launched": "{launched} of {total} joint systems launched",
    "chart.spbe": "SPBE index",
    "chart.spbeLabel": "SPBE index over time",
    "chart.spbeTitle": "SPBE index by month",
    "chart.trust": "Trust and commitment",
    "chart.trustNote": "(agency means)",
    "chart.trustLabel": "Mean trust and commitment over time",
    "chart.trustTitle": "Mean trust and commitment",
    "chart.trustAxis": "mean over agencies",
    "chart.trustSeries": "trust",
    "chart.commitmentSeries": "commitment",
    "chart.progress": "Joint systems: progress",
    "chart.progressLabel": "Initiative progress over time",
    "chart.progressTitle": "Initiative progress",
    "chart.progressAxis": "progress",
    "chart.launchAt": "launch at {p}",
    "chart.launchThreshold": "launch threshold",
    "chart.adoption": "Citizens using the e-services",
    "chart.adoptionLabel": "Adoption share over time",
    "chart.adoptionTitle": "Adoption share",
    "chart.adoptionAxis": "share of the population",
    "chart.thisRun": "this run",
    "chart.fanBoth": "futures: 5–95% and 25–75%",
    "chart.fanOuter": "futures: 5–95%",
    "chart.futuresMedian": "futures median",
    "status.active": "active",
    "status.launched": "launched",
    "status.integrated": "integrated",
    "network.title": "The agencies",
    "network.caption": "at month {month} ({date})",
    "network.label": "Agencies of {name}",
    "network.played": "played",
    "network.tooltip": "{name}: maturity {maturity}, budget {budget}, trust {trust}, {motivation}",
    "network.playedBy": " — played by {names}",
    "network.legendLabel": "Legend of the network",
    "network.maturity": "Maturity (colour)",
    "network.budget": "Budget adequacy (area)",
    "network.motivation": "Motivation (ring)",
    "network.prosocial": "prosocial",
    "network.conditional": "conditional",
    "network.selfish": "selfish",
    "network.lines": "Lines: agencies sharing an initiative, thicker and darker with more trust. <span style=\"color:#D55E00;font-weight:700\">Dotted red halo</span>: played by students.",
    "futures.title": "Where 200 futures end",
    "futures.label": "Histogram of the final SPBE index across futures",
    "futures.chartTitle": "Final SPBE across futures",
    "futures.thisRun": "this run: {value}",
    "futures.thisRunAt": "this run at month {month}: {value}",
    "futures.median": "median {value}",
    "futures.axis": "SPBE index at month {month} ({date})",
    "futures.caption": "({count} futures from the settings and levers of month {month}; seed {seed})",
    "futures.lead": "In {share} of {count} futures {name} ends {predicate}",
    "futures.summary": ". Final SPBE: median {median}, 90% between {low} and {high}.",
    "participation.title": "Participation",
    "participation.switch": "students play agencies",
    "participation.open": "Students open",
    "participation.code": "and type the code",
    "participation.help": "Each month a played agency follows the majority of its students: share or guard its data, send staff to training, commit its budget. Press <strong>Step</strong> when the stances are in.",
    "players.agency": "Agency",
    "players.students": "Students",
    "players.thisMonth": "This month",
    "players.past": "Applied in past months",
    "players.none": "No students yet.",
    "players.waiting": "waiting",
    "players.month": "month {month}: ",
    "stance.share": "share",
    "stance.guard": "guard",
    "stance.training": "training",
    "stance.noTraining": "no training",
    "stance.budget": "budget",
    "stance.noBudget": "no budget",
    "stance.undecided": "tie or no stance: left to the model",
    "session.notHere": "Session {id} is run from the page that started it; a new one was started.",
    "session.gone": "Session {id} has expired or does not exist; a new one was started.",
    "session.expired": "The session had expired; a new one was started.",
    "join.pageTitle": "Join the class — Sinergi",
    "join.kicker": "Sinergi classroom",
    "join.heading": "Join the class",
    "join.intro": "Play one agency of the city. Each month you decide what your agency does; the lecturer moves the simulation on when the class is ready.",
    "join.openSessions": "Open sessions",
    "join.typeCode": "Type the code shown on the projector.",
    "join.code": "Session code (on the projector)",
    "join.codePlaceholder": "e.g. K7QX2MP4HC",
    "join.government": "Government",
    "join.agency": "Your agency",
    "join.name": "Your name",
    "join.namePlaceholder": "first name",
    "join.join": "Join",
    "join.sessionLine": "{name} · month {month} · {players} players",
    "join.badCode": "The session code has ten letters or digits, as on the projector.",
    "join.noName": "Type your name (1–40 characters).",
    "join.noSession": "No open session {id}: check the code on the projector.",
    "join.noAnswer": "The server did not answer ({detail}).",
    "join.noScenario": "Cannot load the scenario: {reason}",
    "play.heading": "Your agency",
    "play.who": "{name} · {government} · session {id}",
    "play.month": "Month",
    "play.spbe": "City SPBE",
    "play.maturity": "Your maturity (1–5)",
    "play.budget": "Your budget",
    "play.budgetNote": "1.00 = what you need",
    "play.trust": "Your trust in partners",
    "play.commitment": "Your commitment",
    "play.dateOf": "{date} · of {months}",
    "play.question": "This month, your agency will…",
    "play.data": "Data",
    "play.share": "Share data",
    "play.shareNote": "with the partners of the joint systems",
    "play.guard": "Guard data",
    "play.guardNote": "keep it in the agency",
    "play.training": "Send staff to training",
    "play.trainingNote": "fewer hands this month, more skills later",
    "play.budgetChoice": "Commit budget",
    "play.budgetChoiceNote": "to the joint systems rather than your own",
    "play.submit": "Submit",
    "play.status": "Choose, then Submit.",
    "play.statusMonth": "Month {month}: choose, then Submit.",
    "play.submitted": "Submitted for month {month} — waiting for the lecturer.",
    "play.finished": "The run has finished. Look at the projector.",
    "play.chooseFirst": "Choose Share data or Guard data first.",
    "play.ended": "The session has ended or expired. Join again with the new code.",
    "play.leave": "Leave this session",
    "error.run_finished": "The run has finished at month {months}; Setup starts it again.",
    "error.stances_finished": "The run has finished at month {months}; no more stances.",
    "error.participation_off": "Session {session} does not take players: participation is off.",
    "error.players_full": "Session {session} already has the maximum of {maximum} players.",
    "error.name_length": "The name must have 1 to 40 characters (it has {count}).",
    "error.name_control": "The name must not contain control characters.",
    "error.month_over": "Month {month} is over; the session is at month {current}.",
    "error.month_not_started": "Month {month} has not started; the session is at month {current}.",
    "error.player_not_found": "No player with this token in session {session}: join again.",
    "error.bad_request": "The server refused the request: {message}",
    "error.forbidden": "The server refused the request: {message}",
    "error.not_found": "Not found: {message}",
    "error.conflict": "The request conflicts with the session: {message}",
    "error.content_too_large": "The request is larger than {kib} KiB.",
    "error.unsupported_media_type": "The server refused the request: {message}",
    "error.misdirected_request": "The server refused the request: {message}",
    "error.too_many_requests": "Too many requests from this device: {message}",
    "error.service_unavailable": "The server is busy: {message}",
    "error.internal": "The server failed to answer this request; the session is unchanged.",
    "error.no_session": "No session {session}: it never existed, was deleted, or expired.",
    "error.lecturer_only": "Only the lecturer's page of this session may do this.",
    "error.sessions_full": "The server already holds its maximum of {maximum} sessions; try again when one ends.",
    "error.sessions_per_client": "This device already holds {count} sessions, the most one address may.",
    "error.players_per_client": "This device has already joined {count} players to session {session}; each student joins from their own device.",
    "error.futures_running": "Session {session} is already running futures; wait for them.",
    "error.futures_busy": "All {capacity} futures slots of the server are busy; try again in a few seconds.",
    "error.futures_per_client": "This device already runs {count} futures at once, the most one address may."
  },
  "id": {
    "common.dismiss": "Tutup",
    "common.language": "Bahasa",
    "report.expected": "yang diharapkan: {expected}",
    "report.noAnswer": "{what}: server tidak menjawab ({detail}).",
    "report.stillRunning": "Apakah `sinergi serve` masih berjalan?",
    "what.loading": "Memuat skenario",
    "what.starting": "Memulai sesi",
    "what.session": "Sesi",
    "what.setup": "Siapkan",
    "what.step": "Langkah",
    "what.futures": "Proyeksi",
    "what.lever": "Tuas {label}",
    "date.monthsShort": "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des",
    "lecturer.pageTitle": "Kelas Sinergi",
    "lecturer.documentTitle": "{name} — Kelas Sinergi",
    "lecturer.kicker": "Kelas Sinergi · e-government lintas OPD",
    "lecturer.loading": "Memuat skenario…",
    "lecturer.government": "Pemerintah daerah",
    "lecturer.session": "Sesi",
    "run.title": "Simulasi",
    "run.setup": "Siapkan",
    "run.setupTitle": "Mulai lagi dari bulan 0 dengan pengaturan di bawah",
    "run.step": "Langkah",
    "run.stepTitle": "Simulasikan satu bulan",
    "run.go": "Jalankan",
    "run.pause": "Jeda",
    "run.goTitle": "Jalankan bulan demi bulan sampai akhir atau sampai Jeda",
    "run.speed": "Kecepatan",
    "run.speedValue": "{n} bulan/detik",
    "run.seed": "Seed",
    "run.download": "Unduh skenario",
    "run.downloadTitle": "Sesi ini sebagai berkas skenario: `sinergi run FILE --replicates 1` mengulang simulasi ini",
    "run.futures": "Jalankan 200 proyeksi",
    "run.futuresTitle": "Jalankan 200 replikasi pengaturan dan tuas saat ini sampai akhir",
    "run.futuresRunning": "menjalankan {count} proyeksi…",
    "run.pending": "Pengaturan berubah — tekan <strong>Siapkan</strong> untuk menerapkannya.",
    "run.atHorizon": "Simulasi sudah mencapai akhir: tekan Siapkan untuk memulai lagi.",
    "constructs.title": "Daerah",
    "constructs.subtitle": "rerata saat Siapkan",
    "constructs.source": "(Sumber: {source}.)",
    "levers.title": "Tuas kebijakan",
    "levers.subtitle": "berlaku mulai bulan ini",
    "levers.noteTitle": "Catatan kuliah",
    "levers.noteText": "Nyalakan sebuah tuas atau tekan tombol <strong>mengapa</strong> untuk melihat apa yang dilakukannya dan dari mana asalnya.",
    "levers.switchTitle": "Nyalakan atau matikan mulai bulan ini",
    "levers.why": "mengapa",
    "levers.whyLabel": "Mengapa tuas ini",
    "levers.intensity": "Intensitas",
    "levers.levelAgency": "OPD",
    "levers.levelGovernment": "pemerintah daerah",
    "levers.noNote": "Tidak ada catatan kuliah untuk tuas ini.",
    "levers.source": "Sumber: {source}",
    "readout.month": "Bulan",
    "readout.spbe": "Indeks SPBE",
    "readout.scale": "skala 1 – 5",
    "readout.predicate": "Predikat",
    "readout.dateOf": "{date} · dari {months}",
    "readout.launched": "{launched} dari {total} sistem bersama diluncurkan",
    "chart.spbe": "Indeks SPBE",
    "chart.spbeLabel": "Indeks SPBE dari waktu ke waktu",
    "chart.spbeTitle": "Indeks SPBE per bulan",
    "chart.trust": "Kepercayaan dan komitmen",
    "chart.trustNote": "(rerata OPD)",
    "chart.trustLabel": "Rerata kepercayaan dan komitmen dari waktu ke waktu",
    "chart.trustTitle": "Rerata kepercayaan dan komitmen",
    "chart.trustAxis": "rerata seluruh OPD",
    "chart.trustSeries": "kepercayaan",
    "chart.commitmentSeries": "komitmen",
    "chart.progress": "Sistem bersama: kemajuan",
    "chart.progressLabel": "Kemajuan inisiatif dari waktu ke waktu",
    "chart.progressTitle": "Kemajuan inisiatif",
    "chart.progressAxis": "kemajuan",
    "chart.launchAt": "diluncurkan pada {p}",
    "chart.launchThreshold": "ambang peluncuran",
    "chart.adoption": "Warga yang memakai layanan elektronik",
    "chart.adoptionLabel": "Pangsa adopsi dari waktu ke waktu",
    "chart.adoptionTitle": "Pangsa adopsi",
    "chart.adoptionAxis": "pangsa penduduk",
    "chart.thisRun": "simulasi ini",
    "chart.fanBoth": "proyeksi: 5–95% dan 25–75%",
    "chart.fanOuter": "proyeksi: 5–95%",
    "chart.futuresMedian": "median proyeksi",
    "status.active": "berjalan",
    "status.launched": "diluncurkan",
    "status.integrated": "terintegrasi",
    "network.title": "Para OPD",
    "network.caption": "pada bulan {month} ({date})",
    "network.label": "OPD {name}",
    "network.played": "dimainkan",
    "network.tooltip": "{name}: kematangan {maturity}, anggaran {budget}, kepercayaan {trust}, {motivation}",
    "network.playedBy": " — dimainkan oleh {names}",
    "network.legendLabel": "Keterangan jaringan",
    "network.maturity": "Kematangan (warna)",
    "network.budget": "Anggaran (luas)",
    "network.motivation": "Motivasi (cincin)",
    "network.prosocial": "prososial",
    "network.conditional": "bersyarat",
    "network.selfish": "mementingkan diri",
    "network.lines": "Garis: OPD yang berbagi inisiatif, makin tebal dan gelap bila kepercayaan makin tinggi. <span style=\"color:#D55E00;font-weight:700\">Lingkaran merah bertitik</span>: dimainkan oleh mahasiswa.",
    "futures.title": "Di mana 200 proyeksi berakhir",
    "futures.label": "Histogram indeks SPBE akhir dari seluruh proyeksi",
    "futures.chartTitle": "SPBE akhir dari seluruh proyeksi",
    "futures.thisRun": "simulasi ini: {value}",
    "futures.thisRunAt": "simulasi ini pada bulan {month}: {value}",
    "futures.median": "median {value}",
    "futures.axis": "Indeks SPBE pada bulan {month} ({date})",
    "futures.caption": "({count} proyeksi dari pengaturan dan tuas bulan {month}; seed {seed})",
    "futures.lead": "Dalam {share} dari {count} proyeksi, {name} berakhir dengan predikat {predicate}",
    "futures.summary": ". SPBE akhir: median {median}, 90% antara {low} dan {high}.",
    "participation.title": "Partisipasi",
    "participation.switch": "mahasiswa memerankan OPD",
    "participation.open": "Mahasiswa membuka",
    "participation.code": "lalu mengetik kode",
    "participation.help": "Setiap bulan, OPD yang dimainkan mengikuti suara terbanyak mahasiswanya: membagikan atau menahan datanya, mengirim pegawai ke pelatihan, mengalokasikan anggarannya. Tekan <strong>Langkah</strong> setelah semua sikap masuk.",
    "players.agency": "OPD",
    "players.students": "Mahasiswa",
    "players.thisMonth": "Bulan ini",
    "players.past": "Diterapkan pada bulan sebelumnya",
    "players.none": "Belum ada mahasiswa.",
    "players.waiting": "menunggu",
    "players.month": "bulan {month}: ",
    "stance.share": "berbagi",
    "stance.guard": "menahan",
    "stance.training": "pelatihan",
    "stance.noTraining": "tanpa pelatihan",
    "stance.budget": "anggaran",
    "stance.noBudget": "tanpa anggaran",
    "stance.undecided": "seri atau tanpa sikap: diserahkan kepada model",
    "session.notHere": "Sesi {id} dijalankan dari halaman yang memulainya; sesi baru telah dimulai.",
    "session.gone": "Sesi {id} sudah kedaluwarsa atau tidak ada; sesi baru telah dimulai.",
    "session.expired": "Sesi sudah kedaluwarsa; sesi baru telah dimulai.",
    "join.pageTitle": "Bergabung ke kelas — Sinergi",
    "join.kicker": "Kelas Sinergi",
    "join.heading": "Bergabung ke kelas",
    "join.intro": "Perankan satu OPD di daerah ini. Setiap bulan Anda memutuskan apa yang dilakukan OPD Anda; dosen melanjutkan simulasi ketika kelas sudah siap.",
    "join.openSessions": "Sesi yang terbuka",
    "join.typeCode": "Ketik kode yang tampil di proyektor.",
    "join.code": "Kode sesi (di proyektor)",
    "join.codePlaceholder": "mis. K7QX2MP4HC",
    "join.government": "Pemerintah daerah",
    "join.agency": "OPD Anda",
    "join.name": "Nama Anda",
    "join.namePlaceholder": "nama depan",
    "join.join": "Bergabung",
    "join.sessionLine": "{name} · bulan {month} · {players} pemain",
    "join.badCode": "Kode sesi terdiri atas sepuluh huruf atau angka, seperti di proyektor.",
    "join.noName": "Ketik nama Anda (1–40 karakter).",
    "join.noSession": "Tidak ada sesi terbuka {id}: periksa kode di proyektor.",
    "join.noAnswer": "Server tidak menjawab ({detail}).",
    "join.noScenario": "Skenario tidak dapat dimuat: {reason}",
    "play.heading": "OPD Anda",
    "play.who": "{name} · {government} · sesi {id}",
    "play.month": "Bulan",
    "play.spbe": "SPBE daerah",
    "play.maturity": "Kematangan Anda (1–5)",
    "play.budget": "Anggaran Anda",
    "play.budgetNote": "1,00 = sesuai kebutuhan",
    "play.trust": "Kepercayaan Anda pada mitra",
    "play.commitment": "Komitmen Anda",
    "play.dateOf": "{date} · dari {months}",
    "play.question": "Bulan ini, OPD Anda akan…",
    "play.data": "Data",
    "play.share": "Bagikan data",
    "play.shareNote": "kepada mitra sistem bersama",
    "play.guard": "Tahan data",
    "play.guardNote": "simpan di dalam OPD",
    "play.training": "Kirim pegawai ke pelatihan",
    "play.trainingNote": "tenaga berkurang bulan ini, keterampilan bertambah kemudian",
    "play.budgetChoice": "Alokasikan anggaran",
    "play.budgetChoiceNote": "untuk sistem bersama, bukan untuk sistem sendiri",
    "play.submit": "Kirim",
    "play.status": "Pilih, lalu Kirim.",
    "play.statusMonth": "Bulan {month}: pilih, lalu Kirim.",
    "play.submitted": "Terkirim untuk bulan {month} — menunggu dosen.",
    "play.finished": "Simulasi telah selesai. Lihat ke proyektor.",
    "play.chooseFirst": "Pilih dulu Bagikan data atau Tahan data.",
    "play.ended": "Sesi telah berakhir atau kedaluwarsa. Bergabunglah lagi dengan kode yang baru.",
    "play.leave": "Keluar dari sesi ini",
    "error.run_finished": "Simulasi telah selesai pada bulan {months}; Siapkan untuk memulainya lagi.",
    "error.stances_finished": "Simulasi telah selesai pada bulan {months}; sikap tidak dapat dikirim lagi.",
    "error.participation_off": "Sesi {session} tidak menerima pemain: partisipasi tidak diaktifkan.",
    "error.players_full": "Sesi {session} sudah mencapai batas {maximum} pemain.",
    "error.name_length": "Nama harus terdiri atas 1 sampai 40 karakter (saat ini {count}).",
    "error.name_control": "Nama tidak boleh mengandung karakter kontrol.",
    "error.month_over": "Bulan {month} sudah lewat; sesi berada pada bulan {current}.",
    "error.month_not_started": "Bulan {month} belum dimulai; sesi berada pada bulan {current}.",
    "error.player_not_found": "Tidak ada pemain dengan token ini di sesi {session}: bergabunglah lagi.",
    "error.bad_request": "Server menolak permintaan: {message}",
    "error.forbidden": "Server menolak permintaan: {message}",
    "error.not_found": "Tidak ditemukan: {message}",
    "error.conflict": "Permintaan bertentangan dengan keadaan sesi: {message}",
    "error.content_too_large": "Permintaan lebih besar dari {kib} KiB.",
    "error.unsupported_media_type": "Server menolak permintaan: {message}",
    "error.misdirected_request": "Server menolak permintaan: {message}",
    "error.too_many_requests": "Terlalu banyak permintaan dari perangkat ini: {message}",
    "error.service_unavailable": "Server sedang sibuk: {message}",
    "error.internal": "Server gagal menjawab permintaan ini; sesi tidak berubah.",
    "error.no_session": "Tidak ada sesi {session}: sesi itu tidak pernah ada, telah dihapus, atau sudah kedaluwarsa.",
    "error.lecturer_only": "Hanya halaman dosen untuk sesi ini yang dapat melakukannya.",
    "error.sessions_full": "Server sudah menampung batas {maximum} sesi; coba lagi setelah ada sesi yang berakhir.",
    "error.sessions_per_client": "Perangkat ini sudah memegang {count} sesi, batas untuk satu alamat.",
    "error.players_per_client": "Perangkat ini sudah mendaftarkan {count} pemain ke sesi {session}; setiap mahasiswa bergabung dari perangkatnya sendiri.",
    "error.futures_running": "Sesi {session} sedang menjalankan proyeksi; tunggu hingga selesai.",
    "error.futures_busy": "Seluruh {capacity} slot proyeksi di server sedang terpakai; coba lagi beberapa detik lagi.",
    "error.futures_per_client": "Perangkat ini sudah menjalankan {count} proyeksi sekaligus, batas untuk satu alamat."
  }
} /* catalogues end */;

  const STORAGE_KEY = "sinergi-language";
  const languages = Object.keys(catalogues);
  const listeners = [];

  function stored() {
    try { return localStorage.getItem(STORAGE_KEY); } catch (e) { return null; }
  }
  /** The browser's first English or Indonesian language ("id-ID", "id", "in" → id), else English. */
  function fromBrowser() {
    const list = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""]);
    for (const tag of list) {
      const primary = String(tag).toLowerCase().split("-")[0];
      if (primary === "id" || primary === "in") return "id";
      if (primary === "en") return "en";
    }
    return "en";
  }
  let language = languages.includes(stored()) ? stored() : fromBrowser();

  /** The sentence `key` in the current language with each {name} replaced by params[name]. */
  function t(key, params) {
    const text = catalogues[language][key] !== undefined ? catalogues[language][key]
      : catalogues.en[key] !== undefined ? catalogues.en[key] : key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name) => (params[name] !== undefined && params[name] !== null ? String(params[name]) : whole));
  }
  /** `value` with `digits` decimals as the language writes it: 1.542 in English, 1,542 in Indonesian. */
  function num(value, digits) {
    const text = Number(value).toFixed(digits);
    return language === "id" ? text.replace(".", ",") : text;
  }
  function has(key) { return catalogues[language][key] !== undefined; }

  /**
   * The sentence for an error reply of the API ({error, expected, code, parameters}):
   * the catalogue's `error.CODE` with the reply's parameters, or the reply's own English
   * sentence for a code the catalogue does not know. `generic` tells that the sentence
   * quotes the server's English message, so the page may show `expected` beside it.
   */
  function errorText(reply) {
    const body = reply || {};
    const key = body.code ? "error." + body.code : null;
    if (!key || !has(key)) return { text: body.error || "", generic: true };
    const template = catalogues[language][key];
    return { text: t(key, Object.assign({ message: body.error || "" }, body.parameters || {})), generic: template.includes("{message}") };
  }

  /** Writes every data-i18n* attribute's sentence into the page, and the page's language. */
  function apply(root) {
    const scope = root || document;
    for (const node of scope.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    for (const node of scope.querySelectorAll("[data-i18n-html]")) node.innerHTML = t(node.dataset.i18nHtml);
    for (const node of scope.querySelectorAll("[data-i18n-title]")) node.title = t(node.dataset.i18nTitle);
    for (const node of scope.querySelectorAll("[data-i18n-aria-label]")) node.setAttribute("aria-label", t(node.dataset.i18nAriaLabel));
    for (const node of scope.querySelectorAll("[data-i18n-placeholder]")) node.placeholder = t(node.dataset.i18nPlaceholder);
    document.documentElement.lang = language;
    for (const button of document.querySelectorAll("[data-language]")) {
      button.setAttribute("aria-pressed", String(button.dataset.language === language));
    }
  }

  /** Switches to `next`, remembers it, rewrites the labels, then tells the page's script. */
  function setLanguage(next) {
    if (!languages.includes(next)) return;
    language = next;
    try { localStorage.setItem(STORAGE_KEY, next); } catch (e) { /* the choice lasts for this page only */ }
    apply();
    for (const listener of listeners) listener(language);
  }

  /** A control's text in the current language: `item.translations[lang][field]`, else item[field]. */
  function local(item, field) {
    const own = item && item.translations && item.translations[language];
    return own && own[field] !== undefined ? own[field] : item ? item[field] : undefined;
  }

  window.SinergiI18n = {
    t, num, has, errorText, apply, setLanguage, local, catalogues,
    get language() { return language; },
    onChange(listener) { listeners.push(listener); },
  };

  // A deferred script: the document is parsed, and the page's own script runs after this one.
  for (const button of document.querySelectorAll("[data-language]")) {
    button.addEventListener("click", () => setLanguage(button.dataset.language));
  }
  apply();
})();
