"""Indonesian translations of the service/CLI messages; `python tools/update_catalog.py` writes
desktop/locale/id.po from this table and the messages extracted from the code."""

ID = {
    "Something went wrong; details are in {path}": "Terjadi kesalahan; rinciannya ada di {path}",
    "data folder (default: $MUFAKAT_DATA_DIR or the user data folder)": "folder data (bawaan: $MUFAKAT_DATA_DIR atau folder data pengguna)",
    "language of messages (default: from settings, Indonesian)": "bahasa pesan (bawaan: dari pengaturan, Bahasa Indonesia)",
    "Mufakat: public consultation forums, offline first. Without a command it opens the desktop app.": "Mufakat: forum konsultasi publik, tetap jalan tanpa jaringan. Tanpa perintah, aplikasi desktop dibuka.",
    "load the demo forum (KPPN Sorong, 21 August 2024)": "muat forum contoh (KPPN Sorong, 21 Agustus 2024)",
    "list forums": "daftar forum",
    "only forums whose title, theme or venue has this": "hanya forum yang judul, tema atau tempatnya memuat teks ini",
    "export data as JSON or CSV": "ekspor data sebagai JSON atau CSV",
    "only this forum (default: everything)": "hanya forum ini (bawaan: semua data)",
    "with --format csv: which table (default: recommendations)": "dengan --format csv: tabel yang diekspor (bawaan: recommendations)",
    "write here (default: standard output)": "tulis ke berkas ini (bawaan: keluaran standar)",
    "import an invitation list (CSV or XLSX) into a forum": "impor daftar undangan (CSV atau XLSX) ke sebuah forum",
    "forum id": "id forum",
    "see --help": "lihat --help",
    "Cannot write {path}: {error}": "Tidak dapat menulis {path}: {error}",
    "The demo forum was already loaded.": "Forum contoh sudah dimuat sebelumnya.",
    "No forums yet. Create one in the app, or load the demo with: mufakat demo": "Belum ada forum. Buat di aplikasi, atau muat contoh dengan: mufakat demo",
    "ID": "ID",
    "Date": "Tanggal",
    "Unit": "Unit",
    "Title": "Judul",
    "Status": "Status",
    "Attended": "Hadir",
    "Unit scope": "Ranah unit",
    "Policy": "Kebijakan",
    "{added} participant(s) imported, {skipped} already on the list.": "{added} peserta diimpor, {skipped} sudah ada di daftar.",
    "unexpected error; details are in {path}": "kesalahan tak terduga; rinciannya ada di {path}",
    "Unknown language {value!r}; choose one of: {choices}.": "Bahasa {value!r} tidak dikenal; pilih salah satu: {choices}.",
    "{name} must be a whole number of working days from 1 to 250.": "{name} harus bilangan bulat hari kerja dari 1 sampai 250.",
    "The settings file {path} cannot be read ({error}). Fix or delete it.": "Berkas pengaturan {path} tidak dapat dibaca ({error}). Perbaiki atau hapus berkas itu.",
    "The settings file {path} is invalid: {error}": "Berkas pengaturan {path} tidak valid: {error}",
    "Cannot write the settings file {path}: {error}": "Tidak dapat menulis berkas pengaturan {path}: {error}",
    "No backup copy of {path} could be made before updating it ({error}); nothing was changed. Free some disk space and try again.": "Salinan cadangan {path} tidak dapat dibuat sebelum pembaruan ({error}); tidak ada yang diubah. Kosongkan sebagian ruang disk lalu coba lagi.",
    "The database {path} cannot be written: {error}. Check the disk and the folder's permissions, or choose another data folder.": "Basis data {path} tidak dapat ditulis: {error}. Periksa disk dan izin folder, atau pilih folder data lain.",
    "The data folder {path} cannot be written ({error}). Choose a folder you can write to with --data-dir or MUFAKAT_DATA_DIR.": "Folder data {path} tidak dapat ditulisi ({error}). Pilih folder yang dapat ditulisi dengan --data-dir atau MUFAKAT_DATA_DIR.",
    "The database file {path} cannot be read ({error}).": "Berkas basis data {path} tidak dapat dibaca ({error}).",
    "The file {path} is not a Mufakat database (damaged or of another kind). It was left untouched; restore a copy from the backups folder or choose another data folder.": "Berkas {path} bukan basis data Mufakat (rusak atau jenis lain). Berkas tidak diubah; pulihkan salinan dari folder backups atau pilih folder data lain.",
    "The database {path} is damaged ({error}). It was left untouched; restore a copy from the backups folder or choose another data folder.": "Basis data {path} rusak ({error}). Berkas tidak diubah; pulihkan salinan dari folder backups atau pilih folder data lain.",
    "The file {path} is a database of another program, not Mufakat. It was left untouched; choose another data folder.": "Berkas {path} adalah basis data program lain, bukan Mufakat. Berkas tidak diubah; pilih folder data lain.",
    "The database {path} was written by a newer version of Mufakat (schema {revision}). It was left untouched; install the newer version to open it.": "Basis data {path} ditulis oleh versi Mufakat yang lebih baru (skema {revision}). Berkas tidak diubah; pasang versi yang lebih baru untuk membukanya.",
    "Service user": "Pengguna layanan",
    "Client office (satker)": "Satuan kerja (satker)",
    "Stakeholder": "Pemangku kepentingan",
    "Academic / expert": "Akademisi/pakar",
    "Community figure": "Tokoh masyarakat",
    "NGO / civil society": "LSM/organisasi masyarakat",
    "Media": "Media",
    "Vulnerable group": "Kelompok rentan",
    "Government agency": "Instansi pemerintah",
    "Other": "Lainnya",
    "Male": "Laki-laki",
    "Female": "Perempuan",
    "Participant": "Peserta",
    "Speaker": "Narasumber",
    "Organizer": "Panitia",
    "Face to face": "Tatap muka",
    "Online": "Daring",
    "Hybrid": "Hibrida",
    "Planned": "Direncanakan",
    "Running": "Berlangsung",
    "Closed": "Ditutup",
    "Policy (escalate)": "Kebijakan (diusulkan ke atas)",
    "Proposed": "Diusulkan",
    "Accepted": "Diterima",
    "Rejected": "Ditolak",
    "Merged": "Digabung",
    "In progress": "Dalam proses",
    "Done": "Selesai",
    "Escalated": "Dieskalasi",
    "Answered": "Dijawab",
    "Requirements": "Persyaratan",
    "Procedure": "Sistem, mekanisme dan prosedur",
    "Completion time": "Waktu penyelesaian",
    "Cost / fee": "Biaya/tarif",
    "Service product": "Produk layanan",
    "Staff competence and conduct": "Kompetensi dan perilaku pelaksana",
    "Facilities": "Sarana dan prasarana",
    "Complaint handling": "Penanganan pengaduan",
    "Service information": "Informasi layanan",
    "Innovation": "Inovasi",
    "Adopted": "Diadopsi",
    "Declined": "Tidak diadopsi",
    "Sent": "Terkirim",
    "Acknowledged": "Diterima atasan",
    "Forwarded": "Diteruskan",
    "Agenda item": "Mata acara",
    "Presenter": "Penyaji",
    "Planned minutes": "Durasi rencana (menit)",
    "Notes": "Catatan",
    "Forum": "Forum",
    "Position {position} is outside the agenda (1 to {count}).": "Urutan {position} di luar agenda (1 sampai {count}).",
    "Note": "Catatan",
    "Answer": "Jawaban",
    "Outcome": "Hasil",
    "{unit} has no parent office to escalate to. Set its parent unit in Settings first.": "{unit} tidak memiliki kantor atasan tujuan eskalasi. Atur unit induknya di Pengaturan terlebih dahulu.",
    "Parent unit": "Unit induk",
    "Recommendation": "Rekomendasi",
    "Escalated to {unit}": "Dieskalasi ke {unit}",
    "Escalation": "Eskalasi",
    "This escalation is already {status}.": "Eskalasi ini sudah berstatus {status}.",
    "Unknown table {table!r}. Choose one of: {choices}.": "Tabel {table!r} tidak dikenal. Pilih salah satu: {choices}.",
    "{field} must not be empty.": "{field} wajib diisi.",
    "{field} is too long ({length} characters; at most {limit}).": "{field} terlalu panjang ({length} karakter; paling banyak {limit}).",
    "{field} must be chosen. Choose one of: {choices}.": "{field} wajib dipilih. Pilih salah satu: {choices}.",
    "Unknown {field} {value!r}. Choose one of: {choices}.": "{field} {value!r} tidak dikenal. Pilih salah satu: {choices}.",
    "{field} must be given (YYYY-MM-DD).": "{field} wajib diisi (TTTT-BB-HH).",
    "{field} {value!r} is not a date; write it as YYYY-MM-DD.": "{field} {value!r} bukan tanggal; tulis sebagai TTTT-BB-HH.",
    "{field} {value!r} is not a time of day; type it as 9, 9.00, 09.00, 9:00 or 0900.": "{field} {value!r} bukan jam yang dikenal; ketik seperti 9, 9.00, 09.00, 9:00 atau 0900.",
    "{field} must be a whole number.": "{field} harus bilangan bulat.",
    "{field} must be between {low} and {high}.": "{field} harus antara {low} dan {high}.",
    "{field} must be yes or no (ya/tidak), not {value!r}.": "{field} harus ya atau tidak, bukan {value!r}.",
    "{field} {value!r} is not an e-mail address.": "{field} {value!r} bukan alamat surel.",
    "{field} {value!r} is not a phone number.": "{field} {value!r} bukan nomor telepon.",
    "{field} must be the 18-digit NIP, not {value!r}.": "{field} harus NIP 18 digit, bukan {value!r}.",
    "NIP": "NIP",
    "{field} must be a list of signatories.": "{field} harus berupa daftar penanda tangan.",
    "Every signatory needs a role (e.g. Kepala Kantor).": "Setiap penanda tangan memerlukan jabatan/peran (mis. Kepala Kantor).",
    "Action": "Tindakan",
    "Person in charge": "Penanggung jawab",
    "Due date": "Batas waktu",
    "Progress (%)": "Kemajuan (%)",
    "Evidence": "Bukti",
    "Follow-up is for recommendations of unit scope; escalate policy recommendations instead.": "Tindak lanjut hanya untuk rekomendasi ranah unit; rekomendasi kebijakan dieskalasi.",
    "Accept the recommendation before assigning follow-up.": "Terima rekomendasi terlebih dahulu sebelum menetapkan tindak lanjut.",
    "Describe the evidence before setting progress to 100%.": "Isi bukti penyelesaian sebelum menetapkan kemajuan 100%.",
    "Follow-up": "Tindak lanjut",
    "Theme": "Tema",
    "Start time": "Jam mulai",
    "End time": "Jam selesai",
    "Venue": "Tempat",
    "Mode": "Bentuk",
    "Facilitator": "Fasilitator",
    "Moderator": "Moderator",
    "Note-taker": "Notulis",
    "Document number": "Nomor dokumen",
    "Discussion summary": "Ringkasan diskusi",
    "Agreements": "Kesepakatan",
    "Signatories": "Penanda tangan",
    "start": "memulai",
    "close": "menutup",
    "Head of unit": "Kepala unit",
    "Head of {unit}": "Kepala {unit}",
    "Representative of the public": "Perwakilan masyarakat",
    "The end time {end} must be later than the start time {start}.": "Jam selesai {end} harus setelah jam mulai {start}.",
    "Cannot {action} a forum that is {status}. Allowed now: {allowed}.": "Tidak dapat {action} forum yang berstatus {status}. Yang dapat dilakukan sekarang: {allowed}.",
    "nothing": "tidak ada",
    "Only a planned forum can be deleted; this one is {status}.": "Hanya forum yang masih direncanakan yang dapat dihapus; forum ini berstatus {status}.",
    "accept": "menerima",
    "reject": "menolak",
    "merge": "menggabungkan",
    "start follow-up": "memulai tindak lanjut",
    "mark done": "menandai selesai",
    "escalate": "mengeskalasi",
    "record the answer": "mencatat jawaban",
    "Cannot {action}: that is only for recommendations of {scope}; this one is {current}. Allowed now: {allowed}.": "Tidak dapat {action}: itu hanya untuk rekomendasi {scope}; rekomendasi ini {current}. Yang dapat dilakukan sekarang: {allowed}.",
    "Cannot {action} a recommendation that is {status}. Allowed now: {allowed}.": "Tidak dapat {action} rekomendasi yang berstatus {status}. Yang dapat dilakukan sekarang: {allowed}.",
    "{what} {id} does not exist (or was deleted).": "{what} {id} tidak ada (atau sudah dihapus).",
    "The file has no name column. The first row must hold the column names, e.g. Nama, Instansi, Unsur, Jenis Kelamin.": "Berkas tidak memiliki kolom nama. Baris pertama harus berisi nama kolom, mis. Nama, Instansi, Unsur, Jenis Kelamin.",
    "The file has no column for the element of the public (Unsur). Add one: every participant needs it.": "Berkas tidak memiliki kolom unsur masyarakat (Unsur). Tambahkan kolom itu: setiap peserta memerlukannya.",
    "{name} is neither CSV nor XLSX. Save the list from Excel as .xlsx or .csv.": "{name} bukan CSV maupun XLSX. Simpan daftar dari Excel sebagai .xlsx atau .csv.",
    "Cannot read {path}: {error}": "Tidak dapat membaca {path}: {error}",
    "{name} cannot be read as a spreadsheet ({error}).": "{name} tidak dapat dibaca sebagai lembar kerja ({error}).",
    "{name} is empty.": "{name} kosong.",
    "{name} has more than {limit} rows; split it.": "{name} berisi lebih dari {limit} baris; pecah menjadi beberapa berkas.",
    "line {line}: {problem}": "baris {line}: {problem}",
    "{count} row(s) of {name} are wrong, so nothing was imported. {detail}": "{count} baris pada {name} salah, sehingga tidak ada yang diimpor. {detail}",
    " (and {more} more)": " (dan {more} lainnya)",
    "{name} has a header row but no participants.": "{name} memiliki baris judul kolom tetapi tidak ada peserta.",
    "Name": "Nama",
    "Organization": "Instansi",
    "Element of the public": "Unsur masyarakat",
    "Gender": "Jenis kelamin",
    "Phone": "Telepon",
    "E-mail": "Surel",
    "Role": "Peran",
    "Invited": "Diundang",
    "Scope": "Ranah",
    "Topic": "Topik",
    "Priority": "Prioritas",
    "Votes": "Dukungan",
    "Reason": "Alasan",
    "Evidence of completion": "Bukti penyelesaian",
    "That agenda item belongs to another forum.": "Mata acara itu milik forum lain.",
    "{name} is a participant of another forum, not of this one.": "{name} adalah peserta forum lain, bukan forum ini.",
    "These fields change through their own action, not by editing: {names}.": "Isian berikut berubah melalui tindakannya sendiri, bukan dengan penyuntingan: {names}.",
    "The scope can no longer change: the recommendation is {status}. It can change while proposed or accepted.": "Ranah tidak dapat diubah lagi: rekomendasi berstatus {status}. Ranah dapat diubah selama diusulkan atau diterima.",
    "A vote adds or removes one.": "Satu dukungan menambah atau mengurangi satu.",
    "This recommendation was merged; vote on the one it was merged into.": "Rekomendasi ini sudah digabung; berikan dukungan pada rekomendasi hasil penggabungan.",
    "Votes cannot go below zero.": "Dukungan tidak dapat kurang dari nol.",
    "A recommendation cannot be merged into itself.": "Rekomendasi tidak dapat digabung ke dirinya sendiri.",
    "Only recommendations of the same forum can be merged.": "Hanya rekomendasi dari forum yang sama yang dapat digabung.",
    "Cannot merge into a recommendation that is {status}.": "Tidak dapat menggabungkan ke rekomendasi yang berstatus {status}.",
    "Merged into: {text}": "Digabung ke: {text}",
    "Only a proposed recommendation can be deleted; reject this one with a reason instead.": "Hanya rekomendasi yang masih diusulkan yang dapat dihapus; tolak rekomendasi ini dengan alasan.",
    "Unit code": "Kode unit",
    "Unit name": "Nama unit",
    "Letterhead": "Kop surat",
    "Address": "Alamat",
    "City": "Kota",
    "Website": "Situs web",
    "Title of the head": "Jabatan pimpinan",
    "Name of the head": "Nama pimpinan",
    "NIP of the head": "NIP pimpinan",
    "Unit code {code} is already used by {name}.": "Kode unit {code} sudah dipakai oleh {name}.",
    "A unit cannot be placed below itself.": "Unit tidak dapat ditempatkan di bawah dirinya sendiri.",
    "Forums": "Forum",
    "This Python's SQLite is {version}; Mufakat needs {needed} or newer. Install a newer Python (3.11 from python.org has it).": "SQLite pada Python ini versi {version}; Mufakat memerlukan {needed} atau yang lebih baru. Pasang Python yang lebih baru (3.11 dari python.org sudah memadai).",
    "No forums yet. Load the demo forum with: mufakat demo": "Belum ada forum. Muat forum contoh dengan: mufakat demo",
    "Local only: not connected to a server": "Hanya lokal: tidak terhubung ke server",
    "print the minutes (berita acara) of a forum as PDF": "cetak berita acara forum sebagai PDF",
    "print the attendance sheet (daftar hadir) to sign at the forum": "cetak daftar hadir untuk ditandatangani di forum",
    "print the follow-up report (laporan tindak lanjut) of a forum": "cetak laporan tindak lanjut forum",
    "print the cover letter sending a forum's policy recommendations upward": "cetak surat pengantar usulan rekomendasi kebijakan forum ke unit atasan",
    "where to write the PDF": "lokasi berkas PDF yang ditulis",
    "paper size (default: a4)": "ukuran kertas (bawaan: a4)",
    "empty rows for walk-ins (default: 10)": "baris kosong untuk peserta tanpa undangan (bawaan: 10)",
    "the letter's number (nomor surat)": "nomor surat",
    "--blank-rows must be between 0 and 500.": "--blank-rows harus antara 0 dan 500.",
    "No recommendation of this forum has been escalated yet, so there is no escalation letter to print. Escalate accepted policy recommendations first.": "Belum ada rekomendasi forum ini yang dieskalasi, sehingga belum ada surat pengantar yang dapat dicetak. Eskalasikan dahulu rekomendasi kebijakan yang telah diterima.",
    "Minutes (berita acara)": "Berita acara",
    "Attendance sheet (daftar hadir)": "Daftar hadir",
    "Follow-up report": "Laporan tindak lanjut",
    "Escalation cover letter": "Surat pengantar eskalasi",
    "Folio (215 × 330 mm)": "Folio (215 × 330 mm)",
    "Save PDF…": "Simpan PDF…",
    "Print…": "Cetak…",
    "Close": "Tutup",
    "Paper": "Kertas",
    "Preparing the document…": "Menyiapkan dokumen…",
    "{count} page(s). Check the preview, then save or print.": "{count} halaman. Periksa pratinjau, lalu simpan atau cetak.",
    "The document could not be made; details are in the log file.": "Dokumen tidak dapat dibuat; rinciannya ada di berkas log.",
    "Saved to {path}": "Disimpan ke {path}",
    "The printer could not be started.": "Pencetak tidak dapat dijalankan.",
    "Documents": "Dokumen",
    "connect this device to a Mufakat server": "hubungkan perangkat ini ke server Mufakat",
    "the one-time code from the administrator": "kode sekali pakai dari administrator",
    "send local changes to the server and fetch new ones": "kirim perubahan lokal ke server dan ambil yang baru",
    "Enrolled with {url} for unit {unit}. Run: mufakat sync": "Terdaftar di {url} untuk unit {unit}. Jalankan: mufakat sync",
    "Sent {pushed} change(s), {refused} refused by the server; received {pulled} record(s).": "Terkirim {pushed} perubahan, {refused} ditolak server; diterima {pulled} data.",
    "The server {url} did not answer in time.": "Server {url} tidak menjawab tepat waktu.",
    "The server {url} cannot be reached ({error}).": "Server {url} tidak dapat dihubungi ({error}).",
    "The server {url} has a problem ({status}); try again later.": "Server {url} sedang bermasalah ({status}); coba lagi nanti.",
    "The server refused: {message}": "Server menolak: {message}",
    "This device is not enrolled with a server yet. Enroll it first: mufakat enroll --server URL --code CODE": "Perangkat ini belum terdaftar di server. Daftarkan dahulu: mufakat enroll --server URL --code KODE",
    "This device is already enrolled with {url}.": "Perangkat ini sudah terdaftar di {url}.",
    "The forum “{title}” is closed: its minutes are final, so this cannot change. To change it, reopen the forum (Details, with the reason).": "Forum “{title}” sudah ditutup: berita acaranya final, jadi ini tidak dapat diubah. Untuk mengubahnya, buka kembali forum itu (di Rincian, dengan alasannya).",
    "reopen": "buka kembali",
    "Reason for reopening": "Alasan membuka kembali",
    "{name} raised {count} recommendation(s) of this forum, so they stay on the list (the minutes name them). To correct the name, edit it.": "{name} mengusulkan {count} rekomendasi di forum ini, jadi tetap ada di daftar (berita acara menyebut namanya). Untuk membetulkan namanya, ubah datanya.",
}

# Widget strings (Qt catalog desktop/locale/mufakat_id.ts).
ID.update(
    {
        "OK": "OK",
        "Cancel": "Batal",
        "Save": "Simpan",
        "Discard": "Buang",
        "&Yes": "&Ya",
        "&No": "&Tidak",
        "Apply": "Terapkan",
        "Open": "Buka",
        "Mufakat": "Mufakat",
        "Agenda item, e.g. Presentation of the service standard": "Mata acara, mis. Paparan standar pelayanan",
        " min": " menit",
        "Add ite&m": "&Tambah",
        "Make &current": "Jadikan &berjalan",
        "Remo&ve": "Ha&pus",
        "Drag items, or Alt+↑/↓, to reorder.": "Seret mata acara, atau Alt+↑/↓, untuk mengubah urutan.",
        "({minutes} min)": "({minutes} menit)",
        "No agenda item is running. Select one and press “Make current”.": "Belum ada mata acara yang berjalan. Pilih satu lalu tekan “Jadikan berjalan”.",
        "Now: {title}": "Sekarang: {title}",
        "Time on the running agenda item": "Waktu agenda berjalan",
        "Time on this item: {elapsed} of {planned} (minutes:seconds)": "Waktu agenda berjalan: {elapsed} dari {planned} (menit:detik)",
        "Time on this item: {elapsed} (minutes:seconds)": "Waktu agenda berjalan: {elapsed} (menit:detik)",
        "Answer the escalation": "Jawab eskalasi",
        "The answer the originating office will see (a reason when declined)": "Jawaban yang akan dilihat kantor pengusul (beserta alasan bila ditolak)",
        "Type a name, then Enter to sign in": "Ketik nama, lalu Enter untuk mengisi daftar hadir",
        "Organisation": "Instansi/organisasi",
        "Sign &in": "&Catat hadir",
        "&Undo sign-in": "&Batalkan kehadiran",
        "I&mport invitation list…": "&Impor daftar undangan…",
        "Vulnerable": "Rentan",
        "Signed in": "Hadir",
        "Present: {present} of {listed} · women {women}, men {men} · vulnerable {vulnerable}": "Hadir: {present} dari {listed} · perempuan {women}, laki-laki {men} · kelompok rentan {vulnerable}",
        "Only {n} of PEKPPP's {full} unsur present; the evaluation gives full marks when all {full} take part. Invite the missing: {names}.": "Baru {n} dari {full} unsur PEKPPP yang hadir; evaluasi memberi nilai penuh bila {full} unsur hadir semua. Undang yang belum hadir: {names}.",
        "Type the person's name first.": "Ketik dulu nama orangnya.",
        "{name} is already signed in.": "{name} sudah tercatat hadir.",
        "{name} signed in.": "{name} tercatat hadir.",
        "{name} added and signed in.": "{name} ditambahkan dan tercatat hadir.",
        "Import invitation list": "Impor daftar undangan",
        "Spreadsheets (*.xlsx *.csv)": "Lembar kerja (*.xlsx *.csv)",
        "{added} imported, {skipped} already on the list.": "{added} diimpor, {skipped} sudah ada di daftar.",
        "Type the recommendation; Enter saves it": "Ketik rekomendasi; Enter menyimpannya",
        "Raised by (attendee)": "Diusulkan oleh (peserta)",
        "(topic)": "(topik)",
        "Toggle the scope: within our unit ↔ policy, escalate upward (F2)": "Ganti ranah: kewenangan unit ↔ kebijakan, diteruskan ke atas (F2)",
        "Save (Enter)": "Simpan (Enter)",
        "Vote +": "Dukung +",
        "Vote −": "Dukung −",
        "Edit… (F3)": "Ubah… (F3)",
        "Merge duplicates… (Ctrl+M)": "Gabungkan duplikat… (Ctrl+M)",
        "Undo": "Urungkan",
        "Redo": "Ulangi",
        "Enter save · F2 scope · on the list: + / − vote, F3 edit, Ctrl+M merge · Ctrl+Z undo · Ctrl+Shift+Z redo": "Enter simpan · F2 ranah · di daftar: + / − dukungan, F3 ubah, Ctrl+M gabung · Ctrl+Z urungkan · Ctrl+Shift+Z ulangi",
        "(agenda item)": "(mata acara)",
        "{n} recommendation(s) in this forum": "{n} rekomendasi di forum ini",
        "{scope} (F2)": "{scope} (F2)",
        "Restored what was typed before Mufakat closed; Enter saves it.": "Ketikan sebelum Mufakat tertutup dipulihkan; Enter menyimpannya.",
        "Restored what was typed before Mufakat closed; Enter signs them in.": "Ketikan sebelum Mufakat tertutup dipulihkan; Enter mencatat kehadirannya.",
        "recommendation": "rekomendasi",
        "sign-in": "daftar hadir",
        "Unsaved typing": "Ketikan belum tersimpan",
        "Mufakat closed before this typing in “{forum}” was saved:\n\n{typed}\n\nRestore it?": "Mufakat tertutup sebelum ketikan di “{forum}” ini tersimpan:\n\n{typed}\n\nPulihkan?",
        "&Element of the public": "&Unsur masyarakat",
        "&Gender": "&Jenis kelamin",
        "&Organisation": "&Instansi/organisasi",
        "&Phone": "&Telepon",
        "E-&mail": "&Surel",
        "Edit participant": "Ubah data peserta",
        "&Edit…": "&Ubah…",
        "More than one name on the list has “{typed}”. Who is it?": "Lebih dari satu nama di daftar memuat “{typed}”. Siapa yang dimaksud?",
        "On the list: {name} ({details}). Enter signs them in.": "Ada di daftar: {name} ({details}). Enter mencatat kehadirannya.",
        "Redone: {step}": "Diulangi: {step}",
        "Undone: {step}": "Diurungkan: {step}",
        "Remo&ve from the list": "Hapus &dari daftar",
        "Sign in": "Catat hadir",
        "Someone new: “{name}”": "Orang baru: “{name}”",
        "add walk-in": "tambah peserta baru",
        "edit participant": "ubah data peserta",
        "remove participant": "hapus peserta",
        "sign in": "catat hadir",
        "undo sign-in": "batalkan kehadiran",
        "{name} ({details}) is already signed in.": "{name} ({details}) sudah tercatat hadir.",
        "{name} updated.": "Data {name} diperbarui.",
        "{name} was removed from the list (Ctrl+Z brings them back).": "{name} dihapus dari daftar (Ctrl+Z mengembalikannya).",
        "Re&open the forum…": "&Buka kembali forum…",
        "Reopen the forum": "Buka kembali forum",
        "To correct a closed forum's minutes; the reason is recorded in its history": "Untuk membetulkan berita acara forum yang sudah ditutup; alasannya dicatat dalam riwayat",
        "Why is the forum reopened? Its minutes were final; the reason is kept in its history (e.g. a name misspelt on the attendance list).": "Mengapa forum dibuka kembali? Berita acaranya sudah final; alasannya disimpan dalam riwayat (mis. nama salah ketik di daftar hadir).",
        "This forum is closed: its minutes are final and nothing in it can be changed. To correct it, reopen it in Details (the reason is recorded).": "Forum ini sudah ditutup: berita acaranya final dan isinya tidak dapat diubah. Untuk membetulkannya, buka kembali di Rincian (alasannya dicatat).",
        "The due date {date} is in the past. Assign the follow-up with this date anyway?": "Tanggal target {date} sudah lewat. Tetap tugaskan tindak lanjut dengan tanggal ini?",
        "{name} is not on the attendance list; sign them in first, or leave it empty.": "{name} tidak ada di daftar hadir; catat kehadirannya dulu, atau kosongkan.",
        "add recommendation": "tambah rekomendasi",
        "Saved.": "Tersimpan.",
        "Live capture": "Pencatatan langsung",
        "vote": "dukungan",
        "change scope": "ganti ranah",
        "Edit recommendation": "Ubah rekomendasi",
        "Text": "Teks",
        "edit": "ubah",
        "Select exactly two recommendations (Ctrl+click): the duplicate and the one to keep.": "Pilih tepat dua rekomendasi (Ctrl+klik): duplikatnya dan yang dipertahankan.",
        "Merge duplicates": "Gabungkan duplikat",
        "Merge “{duplicate}” into “{keep}”? Its votes move over. A merge cannot be undone.": "Gabungkan “{duplicate}” ke dalam “{keep}”? Dukungannya ikut pindah. Penggabungan tidak dapat diurungkan.",
        "Merged.": "Digabungkan.",
        "Position": "Jabatan",
        "S&tart the forum": "&Mulai forum",
        "C&lose the forum": "&Tutup forum",
        "to": "s.d.",
        "Time": "Waktu",
        "Status: {status}": "Status: {status}",
        "Start the forum now? Sign-in and live capture are then under way.": "Mulai forum sekarang? Daftar hadir dan pencatatan langsung pun berjalan.",
        "From": "Dari",
        "Received": "Diterima",
        "Answer due": "Batas jawaban",
        "&Answer…": "&Jawab…",
        "&Forward to our parent office…": "&Teruskan ke kantor atasan kami…",
        "Escalations received": "Eskalasi masuk",
        "Forward": "Teruskan",
        "A note for our parent office (optional)": "Catatan untuk kantor atasan kami (opsional)",
        "Settled": "Tuntas",
        "Due": "Batas waktu",
        "What": "Apa",
        "Waiting on": "Menunggu",
        "Overdue ({n})": "Lewat batas waktu ({n})",
        "follow-up": "tindak lanjut",
        "escalation answer": "jawaban eskalasi",
        "Present / listed": "Hadir / terdaftar",
        "New forum": "Forum baru",
        "e.g. Forum Konsultasi Publik on the service standard": "mis. Forum Konsultasi Publik tentang standar pelayanan",
        "&Title": "&Judul",
        "&Date": "&Tanggal",
        "&Starts at": "&Mulai pukul",
        "&Ends at": "&Selesai pukul",
        "&Venue": "T&empat",
        "&Mode": "&Bentuk",
        "&Unit": "&Unit",
        "There is no unit yet: set up this office in Settings first.": "Belum ada unit: atur kantor ini di Pengaturan terlebih dahulu.",
        "← Forums": "← Forum",
        "&Details": "&Rincian",
        "&Attendance": "Daftar &hadir",
        "A&genda": "A&genda",
        "&Recommendations": "Re&komendasi",
        "Agreements and &summary": "K&esepakatan dan ringkasan",
        "Unsaved recommendation": "Rekomendasi belum disimpan",
        "A recommendation is typed but not saved:\n\n“{text}”\n\nSave it?": "Ada rekomendasi yang sudah diketik tetapi belum disimpan:\n\n“{text}”\n\nSimpan?",
        "Search title, theme or venue (Enter opens the forum found)…": "Cari judul, tema atau tempat (Enter membuka forumnya)…",
        "All forums": "Semua forum",
        "&New forum…": "&Forum baru…",
        "&Open": "&Buka",
        "No forums yet. Create one with “New forum”, or load the demo with: mufakat demo": "Belum ada forum. Buat dengan “Forum baru”, atau muat contoh dengan: mufakat demo",
        "Triage": "Pemilahan",
        "Escalations": "Eskalasi",
        "Settings": "Pengaturan",
        "Change scope": "Ganti ranah",
        "Record the answer…": "Catat jawaban…",
        "What will be done": "Apa yang akan dilakukan",
        "Who": "Siapa",
        "Assign": "Tugaskan",
        "Update progress": "Perbarui kemajuan",
        "Selected follow-up:": "Tindak lanjut terpilih:",
        "History": "Riwayat",
        "Select a recommendation to see its history and act on it.": "Pilih rekomendasi untuk melihat riwayatnya dan menindaklanjutinya.",
        "{forum} · scope: {scope} · status: {status} · {votes} vote(s) · raised by {who}": "{forum} · ranah: {scope} · status: {status} · {votes} dukungan · diusulkan oleh {who}",
        "Changed elsewhere ({register}): kept {kept}; the other value was {lost}": "Diubah di perangkat lain ({register}): yang berlaku {kept}; nilai lainnya {lost}",
        "{action} — {owner}, due {due}, {progress}% ({status})": "{action} — {owner}, batas {due}, {progress}% ({status})",
        "Not escalated.": "Tidak dieskalasi.",
        "What shows it is done?": "Apa buktinya sudah selesai?",
        "Raised by": "Diusulkan oleh",
        "Office name": "Nama kantor",
        "Letterhead (parent ministry, directorate…)": "Kop surat (kementerian, direktorat…)",
        "code, e.g. KPPN-SORONG": "kode, mis. KPPN-SORONG",
        "name, e.g. KPPN Sorong": "nama, mis. KPPN Sorong",
        "Add office": "Tambah kantor",
        "This office": "Kantor ini",
        "This device works for": "Perangkat ini milik",
        "New office": "Kantor baru",
        "This device": "Perangkat ini",
        "Operator name (in the history)": "Nama operator (di riwayat)",
        "Language": "Bahasa",
        "Escalation answer due after (working days)": "Batas jawaban eskalasi (hari kerja)",
        "Follow-up due after (working days)": "Batas tindak lanjut (hari kerja)",
        "Open folder": "Buka folder",
        "Data folder": "Folder data",
        "one-time code from the administrator": "kode sekali pakai dari administrator",
        "&Enroll this device": "&Daftarkan perangkat ini",
        "Server": "Server",
        "Server address": "Alamat server",
        "Enrollment code": "Kode pendaftaran",
        "(not chosen)": "(belum dipilih)",
        "Enrolled with {url}.": "Terdaftar di {url}.",
        "Not enrolled: local only.": "Belum terdaftar: hanya lokal.",
        "Office added.": "Kantor ditambahkan.",
        "Fill in both the server address and the enrollment code.": "Isi alamat server dan kode pendaftaran.",
        "Enrolling…": "Mendaftarkan…",
        "Enrolled as {unit}. The first sync is running.": "Terdaftar sebagai {unit}. Sinkronisasi pertama sedang berjalan.",
        "One agreement per line; the minutes number them.": "Satu kesepakatan per baris; berita acara menomorinya.",
        "Agreements (kesepakatan)": "Kesepakatan",
        "Sync now": "Sinkronkan sekarang",
        "Send local changes and fetch new ones now (F9)": "Kirim perubahan lokal dan ambil yang baru sekarang (F9)",
        "Offline: will retry ({reason})": "Luring: akan dicoba lagi ({reason})",
        "Syncing… sent {pushed}, received {pulled}": "Menyinkronkan… terkirim {pushed}, diterima {pulled}",
        "Up to date": "Mutakhir",
        "Sync error: {reason}": "Kesalahan sinkronisasi: {reason}",
        "{n} change(s) not yet sent": "{n} perubahan belum terkirim",
        "last sync {when}": "sinkron terakhir {when}",
        "Mufakat dates changes by the server's clock. Set this laptop's date, time and time zone.": "Mufakat mencatat waktu perubahan menurut jam server. Betulkan tanggal, jam, dan zona waktu laptop ini.",
        "{n} min": "{n} menit",
        "{n} h": "{n} jam",
        "{n} days": "{n} hari",
        "Clock {amount} behind": "Jam laptop terlambat {amount}",
        "Clock {amount} ahead": "Jam laptop lebih cepat {amount}",
        "Search the text (part of a word is enough)…": "Cari teks (potongan kata pun cukup)…",
        "Any scope": "Semua ranah",
        "Any status": "Semua status",
        "Open (not settled)": "Terbuka (belum tuntas)",
        "Any topic": "Semua topik",
        "Overdue only": "Hanya yang lewat batas",
        "Selected:": "Terpilih:",
        "Forum date from": "Tanggal forum dari",
        "any": "semua",
        "Any forum": "Semua forum",
        "{n} recommendation(s)": "{n} rekomendasi",
        "This cannot be empty; write it, or cancel.": "Ini tidak boleh kosong; isi, atau batalkan.",
        "Why is it rejected? (the follow-up and implementation reports show this)": "Mengapa ditolak? (dicantumkan di laporan tindak lanjut dan laporan pelaksanaan)",
        "What shows it is done? (a document, a photo, a link)": "Apa buktinya sudah selesai? (dokumen, foto, tautan)",
        "A note for the parent office (optional)": "Catatan untuk kantor atasan (opsional)",
        "{done} done; {refused} refused:": "{done} berhasil; {refused} ditolak:",
    }
)

# The satisfaction survey (SKM).
ID.update(
    {
        "Choose this device's office in Settings first.": "Pilih dulu kantor perangkat ini di Pengaturan.",
        "The forum belongs to another unit; choose one of this unit's forums.": "Forum itu milik unit lain; pilih salah satu forum unit ini.",
        "print a survey period's index (IKM) per element": "tampilkan indeks (IKM) per unsur dari satu periode survei",
        "print a survey period's report as PDF": "cetak laporan satu periode survei sebagai PDF",
        "&First day": "&Hari pertama",
        "&Import questionnaires…": "&Impor kuesioner…",
        "&Last day": "Hari &terakhir",
        "&Name": "&Nama",
        "&New period…": "Periode &baru…",
        "&Report…": "&Laporan…",
        "&Scores U1…U9": "&Nilai U1…U9",
        "&Service users in the period": "Jumlah &pengguna layanan dalam periode",
        "(no forum)": "(tanpa forum)",
        "20–29": "20–29 tahun",
        "30–39": "30–39 tahun",
        "40–49": "40–49 tahun",
        "50–59": "50–59 tahun",
        "60 and over": "60 tahun ke atas",
        "Under 20": "Di bawah 20 tahun",
        "A questionnaire has {n} scores, one per element; got {got}.": "Satu kuesioner berisi {n} nilai, satu per unsur; yang diisi {got}.",
        "Age": "Usia",
        "An index must lie between 25.00 and 100.00, not {value}.": "Indeks harus di antara 25,00 dan 100,00, bukan {value}.",
        "Bachelor (S1)": "S1",
        "Civil servant (PNS/ASN)": "PNS/ASN",
        "Create a survey period to start entering questionnaires.": "Buat periode survei untuk mulai memasukkan kuesioner.",
        "Date answered": "Tanggal pengisian",
        "Diploma (D1–D4)": "Diploma (D1–D4)",
        "Discussed at fo&rum": "Dibahas di &forum",
        "Education": "Pendidikan",
        "Element {number} ({name}): {value!r} is not a score; answer 1, 2, 3 or 4.": "Unsur {number} ({name}): {value!r} bukan nilai; jawab 1, 2, 3 atau 4.",
        "Enter a paper questionnaire (Enter saves, then the next one)": "Masukkan kuesioner kertas (Enter menyimpan, lalu lanjut ke berikutnya)",
        "First day": "Hari pertama",
        "How many people used the service in the period (for the minimum sample)": "Berapa orang menggunakan layanan dalam periode ini (untuk sampel minimum)",
        "IKM {index} — {letter} ({label})": "IKM {index} — {letter} ({label})",
        "Import questionnaires": "Impor kuesioner",
        "Improve first: {elements} (lowest NRR)": "Prioritas perbaikan: {elements} (NRR terendah)",
        "Improve first: {elements}": "Prioritas perbaikan: {elements}",
        "Junior secondary (SMP)": "SMP",
        "Last day": "Hari terakhir",
        "Master or doctorate (S2/S3)": "S2/S3",
        "Military or police (TNI/Polri)": "TNI/Polri",
        "New survey period": "Periode survei baru",
        "No questionnaires yet": "Belum ada kuesioner",
        "No questionnaires yet.": "Belum ada kuesioner.",
        "No survey periods yet.": "Belum ada periode survei.",
        "Occupation": "Pekerjaan",
        "Other occupation": "Lainnya",
        "Primary school (SD)": "SD",
        "Private employee": "Pegawai swasta",
        "Profile (optional)": "Profil (opsional)",
        "Questionnaire {n} saved.": "Kuesioner ke-{n} tersimpan.",
        "Questionnaire": "Kuesioner",
        "Remove the last questionnaire": "Hapus kuesioner terakhir",
        "Result": "Hasil",
        "Satisfaction survey (SKM)": "Survei Kepuasan Masyarakat (SKM)",
        "Self-employed": "Wirausaha",
        "Senior secondary (SMA/SMK)": "SMA/SMK",
        "Service used": "Layanan yang diterima",
        "Service users": "Pengguna layanan",
        "Service": "Layanan",
        "Student": "Pelajar/mahasiswa",
        "Survey (SKM)": "Survei (SKM)",
        "Survey period": "Periode survei",
        "Survey periods": "Periode survei",
        "Survey report (SKM)": "Laporan hasil SKM",
        "The file lacks the score column(s) {names}. The first row must name the nine elements, e.g. U1 … U9.": "Berkas tidak memiliki kolom nilai {names}. Baris pertama harus menamai kesembilan unsur, mis. U1 … U9.",
        "The last day {end} is before the first day {start}.": "Hari terakhir {end} sebelum hari pertama {start}.",
        "The last questionnaire was removed.": "Kuesioner terakhir dihapus.",
        "The number of service users must be at least 1.": "Jumlah pengguna layanan minimal 1.",
        "There are no questionnaires to score yet.": "Belum ada kuesioner untuk dinilai.",
        "Type all nine scores (you typed {n}); each is 1, 2, 3 or 4.": "Ketik kesembilan nilai (baru {n}); masing-masing 1, 2, 3 atau 4.",
        "e.g. SKM Semester I 2026": "mis. SKM Semester I 2026",
        "enough": "cukup",
        "too few": "kurang",
        "import questionnaires (CSV or XLSX) into a survey period": "impor kuesioner (CSV atau XLSX) ke sebuah periode survei",
        "list satisfaction survey (SKM) periods": "daftar periode survei kepuasan masyarakat (SKM)",
        "nine digits 1–4, e.g. 343433323": "sembilan angka 1–4, mis. 343433323",
        "not known": "belum diketahui",
        "service used (optional)": "layanan yang diterima (opsional)",
        "survey period id": "id periode survei",
        "{name} has a header row but no questionnaires.": "{name} memiliki baris judul tetapi tanpa kuesioner.",
        "{n} questionnaire(s) imported.": "{n} kuesioner diimpor.",
        "{n} questionnaire(s). Enter the number of service users to check the sample size.": "{n} kuesioner. Isi jumlah pengguna layanan untuk memeriksa ukuran sampel.",
        "{n} questionnaire(s): the minimum sample of {required} is reached (Krejcie–Morgan, {users} service users).": "{n} kuesioner: sampel minimum {required} terpenuhi (Krejcie–Morgan, {users} pengguna layanan).",
        "{n} questionnaire(s): {missing} more needed for the minimum sample of {required} (Krejcie–Morgan, {users} service users).": "{n} kuesioner: kurang {missing} lagi untuk sampel minimum {required} (Krejcie–Morgan, {users} pengguna layanan).",
        "{n} respondent(s); minimum sample {required} for {users} service users: {verdict}": "{n} responden; sampel minimum {required} untuk {users} pengguna layanan: {verdict}",
        "{n} respondent(s); the number of service users is not set.": "{n} responden; jumlah pengguna layanan belum diisi.",
        "Element": "Unsur",
        "Converted": "Konversi",
        "(gender)": "(jenis kelamin)",
        "(age)": "(usia)",
        "(education)": "(pendidikan)",
        "(occupation)": "(pekerjaan)",
        "counting…": "menghitung…",
    }
)

ID.update(
    {
        "The server {url} sent an answer that is not JSON; try again later.": (
            "Server {url} mengirim jawaban yang bukan JSON; coba lagi nanti."
        ),
    }
)

# The server's refusals, worded on the laptop (desktop/sync/refusals.py).
ID.update(
    {
        "The server refused a {entity}: its field “{field}” {problem}.": "Server menolak {entity}: kolom “{field}” {problem}.",
        "The server does not know records of the kind “{entity}”. Update Mufakat on this laptop or the server.": "Server tidak mengenal data berjenis “{entity}”. Perbarui Mufakat di laptop ini atau di server.",
        "The server does not know changes of the kind “{kind}”. Update Mufakat on this laptop or the server.": "Server tidak mengenal perubahan berjenis “{kind}”. Perbarui Mufakat di laptop ini atau di server.",
        "The server has no {entity} with the id {id}: it may have been deleted, or never arrived.": "Server tidak memiliki {entity} dengan id {id}: mungkin sudah dihapus, atau belum pernah sampai.",
        "This office may not change that {entity} (id {id}): it belongs to another office.": "Kantor ini tidak boleh mengubah {entity} itu (id {id}): milik kantor lain.",
        "Only the server's administrator creates or removes a {entity}.": "Hanya administrator server yang membuat atau menghapus {entity}.",
        "The server already has another {entity} with the id {id}; this one was not stored.": "Server sudah memiliki {entity} lain dengan id {id}; yang ini tidak disimpan.",
        "Could not {action} this {entity} (id {id}): on the server it is already {status}. Someone changed it on another laptop first.": "Tidak dapat {action} {entity} ini (id {id}): di server statusnya sudah {status}. Seseorang mengubahnya lebih dulu di laptop lain.",
        "A {entity} is never changed or deleted once recorded.": "Sekali dicatat, {entity} tidak pernah diubah atau dihapus.",
        "A {entity} cannot be deleted.": "Data {entity} tidak dapat dihapus.",
        "The field “{field}” of a {entity} cannot be changed in this way.": "Kolom “{field}” pada {entity} tidak dapat diubah dengan cara ini.",
        "An escalation goes to this office's parent office only, not to the office with the id {to_unit_id}.": "Eskalasi hanya dikirim ke kantor induk kantor ini, bukan ke kantor dengan id {to_unit_id}.",
        "The {entity} with the id {id} that this change points to is not one this office can see.": "Perubahan ini merujuk ke {entity} dengan id {id} yang tidak dapat dilihat kantor ini.",
        "Not saved on the server, because another change made in the same step (id {op_id}) was refused (reason: {code}).": "Tidak disimpan di server karena perubahan lain dalam langkah yang sama (id {op_id}) ditolak (alasan: {code}).",
        "The server refused this change earlier, before it was upgraded.": "Server sudah menolak perubahan ini sebelumnya, sebelum server diperbarui.",
        "The server holds fewer changes ({newest}) than this laptop has already received ({since}): it was probably restored from a backup. This laptop sends its data to the server again.": "Server menyimpan lebih sedikit perubahan ({newest}) daripada yang sudah diterima laptop ini ({since}): kemungkinan server dipulihkan dari cadangan. Laptop ini mengirim ulang datanya ke server.",
        "This Mufakat speaks sync version {client_version} and the server version {server_version}: update whichever is older.": "Mufakat ini memakai sinkronisasi versi {client_version}, sedangkan server versi {server_version}: perbarui yang lebih lama.",
        "The server received a request in another laptop's name. Enroll this laptop again.": "Server menerima permintaan atas nama laptop lain. Daftarkan ulang laptop ini.",
        "The request was too large for the server. Try again: Mufakat sends smaller parts.": "Permintaan terlalu besar bagi server. Coba lagi: Mufakat mengirim bagian yang lebih kecil.",
        "The server could not read the request. Update Mufakat; if it persists, contact support.": "Server tidak dapat membaca permintaan. Perbarui Mufakat; jika masih terjadi, hubungi dukungan teknis.",
        "The server had a problem. Try again later.": "Server mengalami masalah. Coba lagi nanti.",
        "is missing or empty": "kosong atau tidak ada",
        "holds the wrong kind of value": "berisi jenis nilai yang salah",
        "holds a value the server does not know": "berisi nilai yang tidak dikenal server",
        "is too long": "terlalu panjang",
        "is out of the allowed range": "di luar rentang yang diizinkan",
        "contains an invisible control character": "memuat karakter kendali yang tak terlihat",
        "is not one the server knows": "tidak dikenal server",
        "is not written in the expected form": "tidak ditulis dalam bentuk yang diharapkan",
        "carries a time in the future (check this laptop's clock)": "memuat waktu di masa depan (periksa jam laptop ini)",
        "may not take that value here": "tidak boleh berisi nilai itu di sini",
        "office": "kantor",
        "forum": "forum",
        "participant": "peserta",
        "agenda item": "butir agenda",
        "recommendation": "rekomendasi",
        "escalation": "eskalasi",
        "survey period": "periode survei",
        "questionnaire": "kuesioner",
        "history entry": "catatan riwayat",
        "answer": "menjawab",
        "acknowledge": "mengonfirmasi",
        "forward": "meneruskan",
        "delete": "menghapus",
        "change the scope of": "mengubah ranah",
    }
)


# The office: first-run set-up, office-level settings of the unit, escalation before a server.
ID.update(
    {
        "WIB — Western Indonesia Time (UTC+7)": "WIB — Waktu Indonesia Barat (UTC+7)",
        "WITA — Central Indonesia Time (UTC+8)": "WITA — Waktu Indonesia Tengah (UTC+8)",
        "WIT — Eastern Indonesia Time (UTC+9)": "WIT — Waktu Indonesia Timur (UTC+9)",
        "{unit} has no parent office on the server to escalate to. Ask the server's administrator to set one; the recommendation stays accepted meanwhile.": "{unit} belum memiliki kantor induk di server untuk tujuan eskalasi. Minta administrator server menetapkannya; sementara itu rekomendasi tetap berstatus diterima.",
        "{unit} has no parent office to escalate to. Name it in Settings, under Office: Parent office. Escalations then wait on this laptop until it syncs with a server.": "{unit} belum memiliki kantor induk untuk tujuan eskalasi. Isi di Pengaturan, bagian Kantor: Kantor induk. Eskalasi lalu menunggu di laptop ini sampai tersinkron dengan server.",
        "Logo": "Logo",
        "{name} is not an image Mufakat can read. Choose the office's logo as a PNG, JPEG, GIF, BMP or WebP file.": "{name} bukan gambar yang dapat dibaca Mufakat. Pilih logo kantor berupa berkas PNG, JPEG, GIF, BMP atau WebP.",
        "{name} is {size} MB: too large for a logo. Choose an image of a few hundred KB.": "{name} berukuran {size} MB: terlalu besar untuk logo. Pilih gambar berukuran beberapa ratus KB.",
        "{name} has too many pixels to be a logo. Choose a smaller image.": "{name} memiliki terlalu banyak piksel untuk sebuah logo. Pilih gambar yang lebih kecil.",
        "{name} is damaged or incomplete. Choose another copy of the logo.": "{name} rusak atau tidak lengkap. Pilih salinan logo yang lain.",
        "{field} must be a PNG image.": "{field} harus berupa gambar PNG.",
        "{field} is {size} KB; at most {limit} KB.": "{field} berukuran {size} KB; paling besar {limit} KB.",
        "This laptop is on a server: the parent office of {unit} is set there by the server's administrator.": "Laptop ini terhubung ke server: kantor induk {unit} ditetapkan di sana oleh administrator server.",
        "Full official name": "Nama resmi lengkap",
        "Time zone": "Zona waktu",
        "On the server, {office} has no parent office, so {n} escalation(s) waiting to be sent cannot be delivered. Ask the server's administrator to set its parent office.": "Di server, {office} tidak memiliki kantor induk, sehingga {n} eskalasi yang menunggu dikirim tidak dapat disampaikan. Minta administrator server menetapkan kantor induknya.",
        "On the server, the parent office of {office} is {server}, not {local} as named on this laptop. The server's is used from now on.": "Di server, kantor induk {office} adalah {server}, bukan {local} seperti yang diisi di laptop ini. Mulai sekarang yang dipakai adalah yang di server.",
        "{n} escalation(s) waiting to be sent will go to {server}.": "{n} eskalasi yang menunggu dikirim akan ditujukan ke {server}.",
        "e.g. KPPN Sorong": "mis. KPPN Sorong",
        "e.g. Kantor Pelayanan Perbendaharaan Negara Sorong": "mis. Kantor Pelayanan Perbendaharaan Negara Sorong",
        "e.g. Kanwil DJPb Provinsi Papua Barat Daya": "mis. Kanwil DJPb Provinsi Papua Barat Daya",
        "One line each, e.g.\nKEMENTERIAN KEUANGAN REPUBLIK INDONESIA\nDIREKTORAT JENDERAL PERBENDAHARAAN": "Satu baris per tingkat, mis.\nKEMENTERIAN KEUANGAN REPUBLIK INDONESIA\nDIREKTORAT JENDERAL PERBENDAHARAAN",
        "e.g. Rina Wulandari": "mis. Rina Wulandari",
        "&Start using Mufakat": "&Mulai memakai Mufakat",
        "Your office": "Kantor Anda",
        "Short name (in sentences)": "Nama singkat (dalam kalimat)",
        "Full official name (in the letterhead)": "Nama resmi lengkap (di kop surat)",
        "Parent office (escalations go there)": "Kantor induk (tujuan eskalasi)",
        "Letterhead lines above the name": "Baris kop di atas nama",
        "Logo (in the letterhead)": "Logo (di kop surat)",
        "Your name (in the history)": "Nama Anda (di riwayat)",
        "&Try with a sample forum": "&Coba dengan forum contoh",
        "Loads a real forum (KPPN Sorong, 21 August 2024) to try every screen. Your own office can be set up later in Settings.": "Memuat forum sungguhan (KPPN Sorong, 21 Agustus 2024) untuk mencoba setiap layar. Kantor Anda sendiri dapat diatur nanti di Pengaturan.",
        "Just looking?": "Sekadar melihat-lihat?",
        "Is your office already on a Mufakat server?": "Kantor Anda sudah terdaftar di server Mufakat?",
        "Enroll this laptop with the code from the administrator: the office comes from the server.": "Daftarkan laptop ini dengan kode dari administrator: data kantor diambil dari server.",
        "Welcome to Mufakat": "Selamat datang di Mufakat",
        "Set up this laptop's office: it takes a minute, and all of it can be changed later in Settings. Only the short name is needed to start.": "Atur kantor untuk laptop ini: cukup semenit, dan semuanya dapat diubah nanti di Pengaturan. Untuk mulai, hanya nama singkat yang wajib diisi.",
        "No forums yet. Plan one with “New forum…”, or try the app with the sample forum.": "Belum ada forum. Rencanakan dengan “Forum baru…”, atau coba aplikasi dengan forum contoh.",
        "Choose &logo…": "Pilih &logo…",
        "Remove logo": "Hapus logo",
        "no logo": "tanpa logo",
        "Choose the office's logo": "Pilih logo kantor",
        "Images ({patterns});;All files (*)": "Gambar ({patterns});;Semua berkas (*)",
        "the office above this one, e.g. Kanwil DJPb Papua Barat Daya": "kantor di atas kantor ini, mis. Kanwil DJPb Papua Barat Daya",
        "One line each, above the office's name, e.g.\nKEMENTERIAN KEUANGAN REPUBLIK INDONESIA": "Satu baris per tingkat, di atas nama kantor, mis.\nKEMENTERIAN KEUANGAN REPUBLIK INDONESIA",
        "(not chosen: this laptop's own)": "(belum dipilih: zona laptop ini)",
        "Office": "Kantor",
        "Set on the server by its administrator.": "Ditetapkan di server oleh administratornya.",
        "Policy recommendations are escalated to this office.": "Rekomendasi kebijakan dieskalasi ke kantor ini.",
        "Parent office: {name}.": "Kantor induk: {name}.",
        "No parent office: this office cannot escalate.": "Tanpa kantor induk: kantor ini tidak dapat melakukan eskalasi.",
        "Mark as &received": "Tandai &diterima",
        "Tell the office below that this escalation is being looked at (it syncs back).": "Beri tahu kantor di bawah bahwa eskalasi ini sedang ditelaah (terkirim saat sinkronisasi).",
    }
)
# Projector view, named files with "open folder", Excel recaps (ui-features).
ID.update(
    {
        "&Projector view": "Tampilan &layar",
        "Show the recommendations in large type on the room's projector as they are saved (no names of who raised them); F11 in it: full screen": "Tampilkan rekomendasi dengan huruf besar di proyektor ruangan begitu disimpan (tanpa nama pengusul); F11 di dalamnya: layar penuh",
        "E&xport to Excel": "Ekspor ke E&xcel",
        "Export to Excel": "Ekspor ke Excel",
        "A recap of the selected forum as an Excel workbook: participants per element, recommendations and follow-up": "Rekap forum yang dipilih sebagai buku kerja Excel: peserta per unsur, rekomendasi dan tindak lanjut",
        "Every recommendation the filter shows, with its follow-up, as an Excel workbook": "Semua rekomendasi yang ditampilkan filter, dengan tindak lanjutnya, sebagai buku kerja Excel",
        "Excel workbook (*.xlsx)": "Buku kerja Excel (*.xlsx)",
        "No recommendations yet. They appear here as they are recorded.": "Belum ada rekomendasi. Rekomendasi tampil di sini begitu dicatat.",
        "Projector view — {title}": "Tampilan layar — {title}",
        "Now discussing: {number}. {title}": "Sedang dibahas: {number}. {title}",
        "{n} vote(s)": "{n} dukungan",
        "Saved as {name} in {folder}": "Disimpan sebagai {name} di {folder}",
        "Preparing {name}…": "Menyiapkan {name}…",
        "{name} could not be made; details are in the log file.": "{name} tidak dapat dibuat; rinciannya ada di berkas log.",
        "The folder {folder} could not be opened here; open it from the file manager.": "Folder {folder} tidak dapat dibuka dari sini; bukalah dari pengelola berkas.",
    }
)
# sync-admin: enrollment, refusals, certificates, outbox transfer
ID.update(
    {
        "move unsent changes of a revoked or lost laptop to another one": "pindahkan perubahan yang belum terkirim dari laptop yang dicabut atau hilang ke laptop lain",
        "write this laptop's unsent changes to a file": "tulis perubahan laptop ini yang belum terkirim ke sebuah berkas",
        "queue the unsent changes of another laptop of this unit; the next sync sends them": "antrekan perubahan laptop lain dari unit ini yang belum terkirim; sinkronisasi berikutnya mengirimnya",
        "{added} change(s) queued for {unit}, {already} already here. Run: mufakat sync": "{added} perubahan diantrekan untuk {unit}, {already} sudah ada di sini. Jalankan: mufakat sync",
        "The server address {url} must start with http:// or https://.": "Alamat server {url} harus diawali http:// atau https://.",
        "The certificate of {url} is not valid yet as this laptop sees it. This laptop's clock says {now}: check its date, time and time zone, then sync again.": "Menurut laptop ini, sertifikat {url} belum berlaku. Jam laptop ini menunjukkan {now}: periksa tanggal, jam, dan zona waktunya, lalu sinkronkan lagi.",
        "The certificate of {url} has expired as this laptop sees it. This laptop's clock says {now}: check its date, time and time zone; if they are right, tell the administrator the server's certificate must be renewed.": "Menurut laptop ini, sertifikat {url} sudah kedaluwarsa. Jam laptop ini menunjukkan {now}: periksa tanggal, jam, dan zona waktunya; jika sudah benar, beri tahu administrator bahwa sertifikat server harus diperbarui.",
        "The certificate of {url} belongs to another address. Check the server address; if it is right, tell the administrator.": "Sertifikat {url} milik alamat lain. Periksa alamat server; jika sudah benar, beri tahu administrator.",
        "The certificate of {url} is not trusted by this laptop ({reason}). Check the server address; if it is right, the office's certificate authority (the administrator has it) must be installed in this computer's certificate store.": "Sertifikat {url} tidak dipercaya oleh laptop ini ({reason}). Periksa alamat server; jika sudah benar, otoritas sertifikat (CA) kantor (ada pada administrator) harus dipasang di penyimpanan sertifikat komputer ini.",
        "The secure connection to {url} failed. Check whether the address starts with http:// or https:// as the administrator gave it.": "Sambungan aman ke {url} gagal. Periksa apakah alamatnya diawali http:// atau https:// sesuai yang diberikan administrator.",
        "The server {url} cannot be reached. Check the network and the server address; sync is retried by itself.": "Server {url} tidak dapat dihubungi. Periksa jaringan dan alamat server; sinkronisasi dicoba lagi dengan sendirinya.",
        "The connection to {url} was interrupted; sync is retried by itself.": "Sambungan ke {url} terputus; sinkronisasi dicoba lagi dengan sendirinya.",
        "{name} is not an export of unsent changes ({problem}); nothing was imported.": "{name} bukan ekspor perubahan yang belum terkirim ({problem}); tidak ada yang diimpor.",
        "change {n} is not an object": "perubahan ke-{n} bukan objek",
        "This laptop runs on a copy of its data folder made before changes it had already sent (up to number {applied_high}). Sync again: it fetches them back from the server.": "Laptop ini berjalan dari salinan folder datanya yang dibuat sebelum perubahan yang sudah terkirim (sampai nomor {applied_high}). Sinkronkan lagi: perubahan itu diambil kembali dari server.",
        "change {n} lacks an id, action, entity, kind, fields or clock stamp": "perubahan ke-{n} tidak memiliki id, tindakan, entitas, jenis, isian, atau cap waktu",
        "change {n} names an unknown entity or kind": "perubahan ke-{n} menyebut entitas atau jenis yang tidak dikenal",
        "change {n} has a malformed clock stamp": "cap waktu perubahan ke-{n} rusak",
        "it is not JSON": "isinya bukan JSON",
        "it is not a Mufakat outbox export": "berkas ini bukan ekspor kotak keluar Mufakat",
        "{name} was written by another version of Mufakat (outbox format {version}); import it with the same version.": "{name} ditulis oleh versi Mufakat lain (format kotak keluar {version}); impor dengan versi yang sama.",
        "it names no unit or has no list of changes": "tidak menyebut unit atau tidak memuat daftar perubahan",
        "it is larger than {mb} MB": "ukurannya lebih dari {mb} MB",
        "Enroll this laptop with the server first: imported changes are sent by its next sync.": "Daftarkan laptop ini ke server terlebih dahulu: perubahan yang diimpor dikirim pada sinkronisasi berikutnya.",
        "{name} holds changes of {unit}, and this laptop works for {home}. Import it on a laptop of {unit}; nothing was imported.": "{name} berisi perubahan milik {unit}, sedangkan laptop ini bekerja untuk {home}. Impor di laptop {unit}; tidak ada yang diimpor.",
        "{name} holds {count} change(s) of another unit (the first: {entity} {id}); nothing was imported.": "{name} berisi {count} perubahan milik unit lain (yang pertama: {entity} {id}); tidak ada yang diimpor.",
        "The server does not know this enrollment code. Check it (letters and digits as given) or ask the administrator for a new one.": "Server tidak mengenal kode pendaftaran ini. Periksa kodenya (huruf dan angka sesuai yang diberikan) atau minta kode baru kepada administrator.",
        "This enrollment code was already used by another device. Ask the administrator for a new code.": "Kode pendaftaran ini sudah dipakai perangkat lain. Minta kode baru kepada administrator.",
        "This enrollment code has expired. Ask the administrator for a new one.": "Kode pendaftaran ini sudah kedaluwarsa. Minta kode baru kepada administrator.",
        "This device works for {device_unit} on the server, and the code is for {code_unit}. Ask the administrator for a code of {device_unit}.": "Di server, perangkat ini bekerja untuk {device_unit}, sedangkan kode ini untuk {code_unit}. Minta kode untuk {device_unit} kepada administrator.",
        "The server has no unit {unit}. Ask the administrator.": "Server tidak memiliki unit {unit}. Tanyakan kepada administrator.",
        "The server does not know this device any more (its database may have been restored from a backup). Enroll it again with a new code from the administrator, in Settings or with: mufakat enroll --server {url} --code CODE. Nothing on this laptop is lost: its changes are sent after enrolling.": "Server tidak lagi mengenal perangkat ini (basis datanya mungkin dipulihkan dari cadangan). Daftarkan lagi dengan kode baru dari administrator, di Pengaturan atau dengan: mufakat enroll --server {url} --code KODE. Tidak ada data laptop ini yang hilang: perubahannya dikirim setelah pendaftaran.",
        "This laptop's Mufakat and the server's are of different versions. Install the newest Mufakat on this laptop, or ask the administrator to update the server.": "Versi Mufakat di laptop ini dan di server berbeda. Pasang Mufakat terbaru di laptop ini, atau minta administrator memperbarui server.",
        "The administrator revoked this device: it can no longer sync. Its unsent changes are kept: export them (mufakat outbox export -o FILE, or the button in Settings) and import them on another laptop of the office.": "Administrator telah mencabut perangkat ini: perangkat ini tidak dapat lagi bersinkronisasi. Perubahannya yang belum terkirim tetap disimpan: ekspor (mufakat outbox export -o BERKAS, atau tombol di Pengaturan) lalu impor di laptop lain di kantor ini.",
        "The server has this device's id enrolled by another laptop, so this one was not enrolled. A copy of another laptop's data folder cannot enroll in its place: move the data with Settings (a new laptop gets its own id), or ask the administrator.": "Server mencatat ID perangkat ini sudah didaftarkan oleh laptop lain, jadi laptop ini tidak didaftarkan. Salinan folder data laptop lain tidak dapat didaftarkan menggantikannya: pindahkan datanya melalui Pengaturan (laptop baru mendapat ID sendiri), atau tanyakan kepada administrator.",
        "The server did not lose this record, so it did not take this laptop's copy of it over its own. Discard this item: the record as the server holds it is already on this laptop.": "Server tidak kehilangan catatan ini, jadi salinan dari laptop ini tidak dipakai menggantikan milik server. Buang butir ini: catatan sebagaimana tersimpan di server sudah ada di laptop ini.",
        "The server refused the request ({code}). Ask the administrator.": "Server menolak permintaan ({code}). Tanyakan kepada administrator.",
        "export data as JSON, CSV or XLSX": "ekspor data sebagai JSON, CSV atau XLSX",
        "with --format csv or xlsx: which table (default: recommendations)": "dengan --format csv atau xlsx: tabel yang diekspor (bawaan: recommendations)",
        "An XLSX export needs a file: add -o FILE.xlsx.": "Ekspor XLSX memerlukan berkas: tambahkan -o BERKAS.xlsx.",
        "The disk holding {path} is full, so nothing was saved. Free some space (empty the recycle bin, move large files away), then try again; what was saved before is intact.": "Disk tempat {path} sudah penuh, jadi tidak ada yang disimpan. Kosongkan sebagian ruang (kosongkan tempat sampah, pindahkan berkas besar), lalu coba lagi; data yang tersimpan sebelumnya tetap utuh.",
        "The database {path} cannot be written: its disk or folder is read-only. Nothing was saved. Copy the data folder to a disk you can write to, or choose another data folder.": "Basis data {path} tidak dapat ditulisi: disk atau foldernya hanya-baca. Tidak ada yang disimpan. Salin folder data ke disk yang dapat ditulisi, atau pilih folder data lain.",
        "The database {path} is busy: another program or Mufakat window is writing to it. Nothing was saved; close the other one and try again.": "Basis data {path} sedang dipakai: program atau jendela Mufakat lain sedang menulisinya. Tidak ada yang disimpan; tutup yang lain itu lalu coba lagi.",
        "The disk could not read or write {path} (an input/output error). Nothing was saved. Check the disk (a removed USB drive, a failing disk) and try again; keep a copy of the data folder.": "Disk tidak dapat membaca atau menulis {path} (kesalahan masukan/keluaran). Tidak ada yang disimpan. Periksa disk (flashdisk yang tercabut, disk yang rusak) lalu coba lagi; simpan salinan folder data.",
        "The database {path} cannot be opened: check that the data folder still exists and can be written, or choose another data folder.": "Basis data {path} tidak dapat dibuka: periksa bahwa folder data masih ada dan dapat ditulisi, atau pilih folder data lain.",
        "The database {path} is damaged ({error}). Stop using this copy: restore the newest copy from the backups folder, or ask for help to recover it; keep the damaged file.": "Basis data {path} rusak ({error}). Berhenti memakai salinan ini: pulihkan salinan terbaru dari folder backups, atau minta bantuan untuk memulihkannya; simpan berkas yang rusak.",
        "{field} contains an invisible control character (U+{code:04X}) at position {position}; remove it.": "{field} memuat karakter kendali tak terlihat (U+{code:04X}) di posisi {position}; hapus karakter itu.",
        "{name} would unpack to far more data than a list of {limit} rows holds; it was not read. Save the list again from Excel, or split it.": "{name} akan terurai menjadi data yang jauh lebih besar daripada daftar {limit} baris; berkas tidak dibaca. Simpan ulang daftar dari Excel, atau pecah menjadi beberapa berkas.",
        "{name} holds XML that a spreadsheet saved by Excel never has (entity declarations, as in a file made to exhaust memory); it was not read.": "{name} memuat XML yang tidak pernah ada pada lembar kerja yang disimpan Excel (deklarasi entitas, seperti pada berkas yang dibuat untuk menghabiskan memori); berkas tidak dibaca.",
        "Export unsent changes": "Ekspor perubahan yang belum terkirim",
        "Unsent changes (*.json)": "Perubahan yang belum terkirim (*.json)",
        "Unsent changes written to {path}. Import the file on another laptop of this office.": "Perubahan yang belum terkirim ditulis ke {path}. Impor berkas itu di laptop lain di kantor ini.",
        "Import changes of another laptop": "Impor perubahan dari laptop lain",
        "{added} change(s) queued, {already} already here; they are sent at the next sync.": "{added} perubahan diantrekan, {already} sudah ada di sini; semuanya dikirim pada sinkronisasi berikutnya.",
        "E&xport unsent changes…": "E&kspor perubahan yang belum terkirim…",
        "I&mport changes of another laptop…": "I&mpor perubahan dari laptop lain…",
        "The server {url} no longer knows this laptop. Enroll it again with a new code from the administrator; nothing on this laptop is lost.": "Server {url} tidak lagi mengenal laptop ini. Daftarkan lagi dengan kode baru dari administrator; tidak ada data laptop ini yang hilang.",
        "Export unsent changes…": "Ekspor perubahan yang belum terkirim…",
    }
)
ID[
    "The database {path} was replaced by another copy (a restore?), and the journal of the previous one was still beside it. It was not applied to this copy; it was kept as {kept}."
] = "Basis data {path} telah diganti dengan salinan lain (dipulihkan?), dan jurnal basis data sebelumnya masih ada di sampingnya. Jurnal itu tidak diterapkan ke salinan ini; jurnal disimpan sebagai {kept}."

# Frozen minutes (issue #13): closing asks for what the berita acara lacks; versions; the SKM
# report issued on a fixed date.
ID.update(
    {
        "paper size (default: a4; a closed forum's minutes: the paper they were frozen on)": "ukuran kertas (bawaan: a4; berita acara forum yang sudah ditutup: kertas saat dibekukan)",
        "a closed forum's minutes: which frozen version (default: the latest)": "berita acara forum yang sudah ditutup: versi beku yang mana (bawaan: yang terakhir)",
        "The forum has no berita acara version {version}: {count} frozen so far (one each time it was closed).": "Forum ini tidak memiliki berita acara versi {version}: baru {count} yang dibekukan (satu setiap kali forum ditutup).",
        "This berita acara was frozen on {frozen} paper when the forum closed, and prints on that paper only; leave out the paper size.": "Berita acara ini dibekukan pada kertas {frozen} ketika forum ditutup dan hanya dicetak pada kertas itu; jangan sebutkan ukuran kertas.",
        "issue (terbitkan) a survey period's report: its date is fixed from today on": "terbitkan laporan periode survei: tanggalnya tetap mulai hari ini",
        "The report is issued, dated {day}.": "Laporan telah diterbitkan, bertanggal {day}.",
        "Berita acara": "Berita acara",
        "Paper": "Kertas",
        "The report of {period} was issued on {day}; its date stays as it was.": "Laporan {period} telah diterbitkan pada {day}; tanggalnya tetap seperti semula.",
        "The period has no questionnaires yet: there is no result to issue.": "Periode ini belum memiliki kuesioner: belum ada hasil yang dapat diterbitkan.",
        "Draft (the forum as it is now)": "Draf (forum seperti sekarang)",
        "&Version": "&Versi",
        "Close the forum": "Tutup forum",
        "Closing the forum freezes its berita acara as it is now: every laptop of the office prints exactly this, and the forum takes no more changes (its recommendations are still triaged). What reaches the office afterwards goes in the follow-up report.": "Menutup forum membekukan berita acaranya seperti sekarang: setiap laptop kantor mencetak persis ini, dan forum tidak dapat diubah lagi (rekomendasinya tetap dapat dipilah). Apa yang diterima kantor sesudahnya masuk ke laporan tindak lanjut.",
        "e.g. BA-1/KPN.1701/2024": "mis. BA-1/KPN.1701/2024",
        "&Number of the minutes": "&Nomor berita acara",
        "&Paper": "&Kertas",
        "e.g. 19750515 200003 1 001": "mis. 19750515 200003 1 001",
        "&Close the forum": "&Tutup forum",
        "The minutes have no number yet: type it, or leave it to write by hand.": "Berita acara belum bernomor: ketik nomornya, atau biarkan kosong untuk ditulis tangan.",
        "A signatory has no name yet: type it, or leave it to write by hand.": "Ada penanda tangan yang belum bernama: ketik namanya, atau biarkan kosong untuk ditulis tangan.",
        "Version {number}, closed {when}": "Versi {number}, ditutup {when}",
        " (frozen when Mufakat was upgraded)": " (dibekukan saat Mufakat diperbarui)",
        "&Minutes of the forum…": "&Berita acara forum…",
        "The berita acara of the forum this recommendation came from, as it was signed": "Berita acara forum asal rekomendasi ini, sebagaimana ditandatangani",
        "Iss&ue the report…": "&Terbitkan laporan…",
        "Issue (terbitkan) the report today: its date is fixed, the DRAF mark goes": "Terbitkan laporan hari ini: tanggalnya tetap, tanda DRAF hilang",
        "Report issued on {day}.": "Laporan diterbitkan pada {day}.",
        "Issue the report of {period} today? Its date is fixed from then on, it prints without the DRAF mark, and its history keeps who issued it.": "Terbitkan laporan {period} hari ini? Tanggalnya tetap sejak itu, laporan dicetak tanpa tanda DRAF, dan riwayatnya mencatat siapa yang menerbitkan.",
        "Issue the report": "Terbitkan laporan",
    }
)

# The server as an administrator runs it: encrypted or allowed plain http://, the office's CA.
ID.update(
    {
        "The address {url} is not encrypted (http://): what this laptop sends could be read on the network. Use the server's https:// address; if the office's server has no certificate, ask the administrator for an enrollment code made with --allow-http.": "Alamat {url} tidak terenkripsi (http://): yang dikirim laptop ini dapat dibaca di jaringan. Gunakan alamat https:// server; jika server kantor tidak punya sertifikat, mintalah kepada administrator kode pendaftaran yang dibuat dengan --allow-http.",
        "This laptop syncs with {url}, which is not encrypted (http://), and the administrator has not allowed it. Ask for the server's https:// address and enroll again with it.": "Laptop ini bersinkronisasi dengan {url}, yang tidak terenkripsi (http://), dan administrator tidak mengizinkannya. Mintalah alamat https:// server, lalu daftarkan lagi laptop ini dengan alamat itu.",
        "The certificate file {path} does not exist.": "Berkas sertifikat {path} tidak ada.",
        "{path} is not a certificate file: give the office's CA certificate in PEM form (text that starts with -----BEGIN CERTIFICATE-----).": "{path} bukan berkas sertifikat: berikan sertifikat CA kantor dalam bentuk PEM (teks yang diawali -----BEGIN CERTIFICATE-----).",
        "the office's certificate authority (PEM), if it is not installed on this computer": "otoritas sertifikat (CA) kantor (PEM), bila belum terpasang di komputer ini",
        "Not encrypted": "Tidak terenkripsi",
        "This laptop syncs over plain http://: what it sends can be read on the network. Ask the administrator for the server's https:// address.": "Laptop ini bersinkronisasi lewat http:// biasa: yang dikirimnya dapat dibaca di jaringan. Mintalah alamat https:// server kepada administrator.",
    }
)
# Figures an evaluator can recompute, the rules both sides share (issue #13, paper-figures).
ID.update(
    {
        "Total": "Jumlah nilai",
        "Method: {method}": "Metode: {method}",
        "The other method ({method}) gives {index} — {letter}: another grade.": "Metode lain ({method}) menghasilkan {index} — {letter}: mutu yang berbeda.",
        "Disputed": "Disanggah",
        "Weight exactly 1/9 per element (PermenPANRB 14/2017)": "Bobot tepat 1/9 per unsur (PermenPANRB 14/2017)",
        "Weight 0.111 per element (NRR × 0.111)": "Bobot 0,111 per unsur (NRR × 0,111)",
        "Experts/practitioners/academics": "Ahli/praktisi/akademisi",
        "Related agencies": "Instansi terkait",
        "Civil society organisations": "Organisasi masyarakat sipil",
        "Mass media": "Media massa",
        "The PEKPPP mapping must name, for each category, one of the five unsur or none.": "Pemetaan PEKPPP harus menyebut, untuk setiap kategori, salah satu dari lima unsur atau tidak ada.",
        "{category} is not an element of the public: PEKPPP's scale does not count it.": "{category} bukan unsur masyarakat: skala PEKPPP tidak menghitungnya.",
        "{value!r} is not one of PEKPPP's five unsur; choose one, or none.": "{value!r} bukan salah satu dari lima unsur PEKPPP; pilih salah satu, atau tidak ada.",
        "Closed day": "Hari libur kantor",
        "Reason the office is closed": "Alasan kantor libur",
        "{day} is a weekend day: it is not a working day anyway.": "{day} adalah hari Sabtu atau Minggu: memang bukan hari kerja.",
        "{day} is already a national holiday or cuti bersama ({name}).": "{day} sudah merupakan hari libur nasional atau cuti bersama ({name}).",
        "{day} is already a closed day: {name}.": "{day} sudah tercatat sebagai hari libur: {name}.",
        "{day} ({name}) was entered by the server's administrator for every office; only the administrator can remove it.": "{day} ({name}) dimasukkan oleh administrator server untuk semua kantor; hanya administrator yang dapat menghapusnya.",
        "Why the answer is disputed": "Alasan sanggahan",
        "Only {unit}, which sent this escalation, can dispute its answer.": "Hanya {unit}, yang mengirim eskalasi ini, yang dapat menyanggah jawabannya.",
        "Only an answer can be disputed; this escalation is {status}.": "Hanya jawaban yang dapat disanggah; eskalasi ini berstatus {status}.",
        "The answer could be disputed until {until} (10 working days); the escalation is settled (selesai).": "Jawaban dapat disanggah sampai {until} (10 hari kerja); eskalasi ini sudah selesai.",
        "Answer disputed: {reason}": "Jawaban disanggah: {reason}",
        "dispute the answer": "sanggah jawaban",
        "IKM method": "Metode IKM",
        "Could not {action} the escalation (id {id}): its answer may be disputed up to and including {until} (10 working days), and it closes only after that. Check this laptop's date.": "Tidak dapat {action} eskalasi (id {id}): jawabannya dapat disanggah sampai dengan {until} (10 hari kerja), dan eskalasi baru selesai setelah itu. Periksa tanggal di laptop ini.",
        "closed day": "hari libur kantor",
        "dispute": "menyanggah",
        "{role} ({element})": "{role} ({element})",
        "Present: {present} of {listed}: {participants} participant(s) and {organisers} organiser(s) · participants: women {women}, men {men}, vulnerable {vulnerable}": "Hadir: {present} dari {listed}: {participants} peserta dan {organisers} panitia · peserta: perempuan {women}, laki-laki {men}, kelompok rentan {vulnerable}",
        "Not elements of the public: {others}": "Bukan unsur masyarakat: {others}",
        "Diversity of the participants: {n} categor(y/ies) of the public": "Keragaman peserta: {n} kategori masyarakat",
        "<b>PEKPPP score, number of unsur (indicator 2): {n} of {full}</b> — {present}{missing}": "<b>Nilai jumlah unsur PEKPPP (indikator 2): {n} dari {full}</b> — {present}{missing}",
        "none": "tidak ada",
        "; missing: {names}": "; tidak hadir: {names}",
        "The office's mapping (Settings → Office): {mapping}": "Pemetaan kantor (Pengaturan → Kantor): {mapping}",
        "Method: {method} (the office's choice, in Settings → Office).": "Metode: {method} (pilihan kantor, di Pengaturan → Kantor).",
        "{method}: IKM {index} — {letter} ({label})": "{method}: IKM {index} — {letter} ({label})",
        "The two ways of weighing the elements give different grades here:<br>{lines}<br>The report prints the office's method and says which it is.": "Dua cara pembobotan unsur menghasilkan mutu yang berbeda di sini:<br>{lines}<br>Laporan mencetak metode pilihan kantor dan menyebutkannya.",
    }
)
ID.update(
    {
        "{waiting} waiting for an answer, {late} overdue, {unacknowledged} not acknowledged within 3 working days": "{waiting} menunggu jawaban, {late} lewat batas, {unacknowledged} belum ditandai diterima dalam 3 hari kerja",
        "Disputed by the office below": "Disanggah oleh kantor di bawah",
        "Acknowledge by": "Batas diterima atasan",
        "(not counted)": "(tidak dihitung)",
        "why, e.g. Hari jadi Kota Sorong (Perda)": "alasannya, mis. Hari jadi Kota Sorong (Perda)",
        "Add closed day": "Tambah hari libur",
        "Remove the selected day": "Hapus hari yang dipilih",
        "(national, from the server's administrator)": "(nasional, dari administrator server)",
        "Closed day added: deadlines skip it.": "Hari libur ditambahkan: batas waktu melewatinya.",
        "Select one of this office's closed days first.": "Pilih dulu salah satu hari libur kantor ini.",
        "Closed day removed.": "Hari libur dihapus.",
        "Dispute the answer…": "Sanggah jawaban…",
        "Dispute the answer": "Sanggah jawaban",
        "Why does the office not accept the answer? (the office above answers again)": "Mengapa kantor tidak menerima jawaban ini? (kantor atasan menjawab kembali)",
        "{status} {sent}; acknowledge by {ack}; answer by {due}": "{status} {sent}; batas tanggap {ack}; batas jawab {due}",
        "It may be disputed until {until}; after that it is settled.": "Dapat disanggah sampai {until}; setelah itu eskalasi selesai.",
        "Disputed: {reason}": "Disanggah: {reason}",
        "Days the office is closed (besides national holidays)": "Hari kantor libur (selain libur nasional)",
        "Satisfaction index (IKM) method": "Metode indeks kepuasan (IKM)",
        "PEKPPP's five unsur: how participants are counted": "Lima unsur PEKPPP: cara menghitung peserta",
    }
)
# "Perlu perhatian": refused changes and "changed elsewhere" markers (issue #12).
ID.update(
    {
        "accepted": "diterima",
        "rejected": "ditolak",
        "merged into {into}": "digabung ke {into}",
        "follow-up started": "tindak lanjut dimulai",
        "marked done": "ditandai selesai",
        "escalated": "dieskalasi",
        "answer recorded": "jawaban dicatat",
        "started": "dimulai",
        "closed": "ditutup",
        "marked received": "ditandai diterima",
        "forwarded": "diteruskan",
        "answered": "dijawab",
        "added": "ditambahkan",
        "changed: {fields}": "diubah: {fields}",
        "deleted": "dihapus",
        "votes counted": "dukungan dihitung",
        "sent again after the server was restored": "dikirim ulang setelah server dipulihkan",
        "“changed elsewhere” marker closed": "tanda “diubah di tempat lain” ditutup",
        "status changed": "status diubah",
        "scope changed to {scope}": "ranah diubah menjadi {scope}",
        "{subject}: {done}": "{subject}: {done}",
        "This “changed elsewhere” marker is closed already (or its record was deleted).": "Tanda “diubah di tempat lain” ini sudah ditutup (atau datanya sudah dihapus).",
        "History entry": "Catatan riwayat",
        "{kind} “{name}”": "{kind} “{name}”",
        "yes": "ya",
        "no": "tidak",
        "This refused change was dealt with already.": "Perubahan yang ditolak ini sudah ditangani.",
        "The record this change was made to is no longer on this laptop; discard it.": "Data yang diubah oleh perubahan ini sudah tidak ada di laptop ini; buang perubahan itu.",
        "This change no longer applies: the record is now {status}.": "Perubahan ini tidak berlaku lagi: datanya kini berstatus {status}.",
        "This Mufakat does not know records of that kind; discard the change.": "Mufakat ini tidak mengenal data jenis itu; buang perubahan itu.",
        "Only a record the server refused to create can be copied as new.": "Hanya data yang ditolak server saat dibuat yang dapat disalin sebagai baru.",
        "Changes the server refused, and values that lost to a change made at the same time on another laptop. Nothing here is lost: choose what happens to each.": "Perubahan yang ditolak server, dan isian yang kalah oleh perubahan pada saat yang sama di laptop lain. Tidak ada yang hilang: pilih apa yang terjadi pada masing-masing.",
        "Why": "Mengapa",
        "When": "Kapan",
        "Nothing needs your attention: the server refused no change, and no value lost to another laptop.": "Tidak ada yang perlu diperhatikan: tidak ada perubahan yang ditolak server, dan tidak ada isian yang kalah oleh laptop lain.",
        "&Retry": "&Coba lagi",
        "Make the change again now, on the record as it is, and send it.": "Buat perubahan itu lagi sekarang, pada data sebagaimana adanya, lalu kirim.",
        "D&iscard…": "&Buang…",
        "Keep what the server has; your refused change is not sent.": "Pakai yang ada di server; perubahan Anda yang ditolak tidak dikirim.",
        "&Copy as new": "&Salin sebagai baru",
        "Add what you typed again, as a new record of this office.": "Tambahkan lagi yang Anda ketik, sebagai data baru kantor ini.",
        "Sent again: it goes out with the next sync.": "Dikirim ulang: ikut terkirim pada sinkronisasi berikutnya.",
        "Needs attention": "Perlu perhatian",
        "(and {n} later change(s) that depend on it)": "(dan {n} perubahan sesudahnya yang bergantung padanya)",
        "{record}: {fields} changed on another laptop at the same time": "{record}: {fields} diubah di laptop lain pada saat yang sama",
        "Kept: “{now}”; lost: “{lost}”": "Dipakai: “{now}”; kalah: “{lost}”",
        "This laptop now shows the change made first on the other laptop. Discard yours to keep it, or retry to make yours on top of it, if the rules still allow it.": "Laptop ini kini menampilkan perubahan yang lebih dulu dibuat di laptop lain. Buang perubahan Anda untuk mempertahankannya, atau coba lagi untuk menerapkan perubahan Anda di atasnya, bila aturannya masih mengizinkan.",
        "The server does not have the record this change needs. Retry once it is there (after the other laptop has synced), or discard the change.": "Server belum memiliki data yang diperlukan perubahan ini. Coba lagi setelah data itu ada (setelah laptop lain bersinkronisasi), atau buang perubahan itu.",
        "Copy it as new to keep what you typed as a record of this office, or discard it.": "Salin sebagai baru untuk menyimpan yang Anda ketik sebagai data kantor ini, atau buang.",
        "The server runs an older Mufakat: retry once the administrator has updated it.": "Server menjalankan Mufakat versi lama: coba lagi setelah administrator memperbaruinya.",
        "The server will not take it as it is. Copy it as new, or discard it.": "Server tidak menerimanya dalam bentuk ini. Salin sebagai baru, atau buang.",
        "Retry it, or discard it to keep what the server has.": "Coba lagi, atau buang untuk memakai yang ada di server.",
        "The server will not take this change. Discard it to keep what the server has.": "Server tidak menerima perubahan ini. Buang untuk memakai yang ada di server.",
        "Why: {why}": "Mengapa: {why}",
        "Made {made}; refused {refused}": "Dibuat {made}; ditolak {refused}",
        "What to do: {advice}": "Yang dapat dilakukan: {advice}",
        "Depends on it, and follows your choice:": "Bergantung padanya, dan mengikuti pilihan Anda:",
        "Discard this change? This laptop keeps what the server has; the refused change is not sent (it stays in the log of refused changes).": "Buang perubahan ini? Laptop ini memakai yang ada di server; perubahan yang ditolak tidak dikirim (tetap tercatat dalam log perubahan yang ditolak).",
        "Discarded: this laptop keeps what the server has.": "Dibuang: laptop ini memakai yang ada di server.",
        "Copied as new: it goes out with the next sync.": "Disalin sebagai baru: ikut terkirim pada sinkronisasi berikutnya.",
        "{n} later change(s) (a status, votes, a follow-up) start over on the copy.": "{n} perubahan sesudahnya (status, dukungan, tindak lanjut) dimulai lagi pada salinan.",
        "Done: the other laptops of the office follow at their next sync.": "Selesai: laptop lain di kantor ini mengikuti pada sinkronisasi berikutnya.",
        "Use &mine": "&Pakai punya saya",
        "Use the value that &lost": "Pakai yang &kalah",
        "Apply the value that lost again, as a new change: it then replaces the one in use everywhere.": "Terapkan lagi isian yang kalah sebagai perubahan baru: isian itu lalu menggantikan yang dipakai di semua laptop.",
        "&Keep this one": "Pakai yang &ini",
        "Keep the value in use; the marker closes on every laptop of the office.": "Pertahankan isian yang dipakai; tanda ini tertutup di semua laptop kantor.",
        "&Dismiss": "&Abaikan",
        "Close the marker on every laptop of the office; nothing else changes.": "Tutup tanda ini di semua laptop kantor; tidak ada yang lain berubah.",
        "typed on this laptop": "diketik di laptop ini",
        "typed on another laptop": "diketik di laptop lain",
        "Changed on another laptop at the same time: {fields}": "Diubah di laptop lain pada saat yang sama: {fields}",
        "In use now: “{value}”": "Dipakai sekarang: “{value}”",
        "Lost: “{value}”": "Kalah: “{value}”",
        "Needs attention: {n}": "{n} perlu perhatian",
        "Open the list of what needs your attention": "Buka daftar yang perlu perhatian Anda",
    }
)
ID["(an image)"] = "(sebuah gambar)"
ID["{n} change(s) wait for a record the server does not have yet; they are sent again at the next sync."] = (
    "{n} perubahan menunggu data yang belum ada di server; dikirim ulang pada sinkronisasi berikutnya."
)
ID["The app lists what the server refused under “Needs attention”, with what to do."] = (
    "Aplikasi mencantumkan yang ditolak server di “Perlu perhatian”, beserta yang dapat dilakukan."
)
ID["… and {n} more"] = "… dan {n} lagi"
# laptop-safe: backups and restoring one
ID.update(
    {
        "Restored {file}.": "{file} sudah dipulihkan.",
        "The database it replaced is kept as {path}.": "Basis data yang digantikannya disimpan sebagai {path}.",
        "back the database up now (into the data folder's backups)": "cadangkan basis data sekarang (ke folder cadangan di folder data)",
        "also copy it to this folder (default: the second backup folder of the settings)": "salin juga ke folder ini (bawaan: folder cadangan kedua di pengaturan)",
        "only if no backup was taken today (for a scheduled task)": "hanya bila hari ini belum ada cadangan (untuk tugas terjadwal)",
        "list the backups with their date and size": "daftar cadangan beserta tanggal dan ukurannya",
        "replace the database by a backup (checked first; the replaced one is kept); close the app first": "ganti basis data dengan sebuah cadangan (diperiksa dulu; yang digantikan tetap disimpan); tutup aplikasi terlebih dahulu",
        "There is no database in {folder} to back up.": "Tidak ada basis data di {folder} untuk dicadangkan.",
        "A backup was already taken today.": "Hari ini sudah ada cadangan.",
        "No backups yet in {folder}. Take one with: mufakat backup": "Belum ada cadangan di {folder}. Buat dengan: mufakat backup",
        "daily": "harian",
        "taken by hand": "diambil manual",
        "replaced by a restore or a move": "digantikan saat pemulihan atau pemindahan",
        "taken before the update to schema {revision}": "diambil sebelum pembaruan ke skema {revision}",
        "No backup could be written to {folder} ({error}). Free some space or check the folder, then try again; nothing was changed.": "Cadangan tidak dapat ditulis ke {folder} ({error}). Kosongkan sebagian ruang disk atau periksa folder itu, lalu coba lagi; tidak ada yang diubah.",
        "The second backup folder {folder} is not there (a USB stick not plugged in?); the backup was kept in the data folder only.": "Folder cadangan kedua {folder} tidak ada (flashdisk belum dicolokkan?); cadangan hanya disimpan di folder data.",
        "The backup could not be copied to {folder} ({error}); it was kept in the data folder only.": "Cadangan tidak dapat disalin ke {folder} ({error}); cadangan hanya disimpan di folder data.",
        "{path} is not a Mufakat backup (not a database file). Nothing was changed.": "{path} bukan cadangan Mufakat (bukan berkas basis data). Tidak ada yang diubah.",
        "The backup {path} is damaged ({error}); choose another one. Nothing was changed.": "Cadangan {path} rusak ({error}); pilih cadangan lain. Tidak ada yang diubah.",
        "{path} is a database of another program, not a Mufakat backup. Nothing was changed.": "{path} adalah basis data program lain, bukan cadangan Mufakat. Tidak ada yang diubah.",
        "The backup {path} was written by a newer version of Mufakat (schema {revision}); install that version to restore it. Nothing was changed.": "Cadangan {path} ditulis oleh Mufakat versi yang lebih baru (skema {revision}); pasang versi itu untuk memulihkannya. Tidak ada yang diubah.",
        "The backup could not be put in place ({error}); the data in {folder} is as it was.": "Cadangan tidak dapat dipasang ({error}); data di {folder} tetap seperti semula.",
        "The second backup folder must be a folder's path.": "Folder cadangan kedua harus berupa alamat sebuah folder.",
        "The automatic backup failed; details are in the log.": "Pencadangan otomatis gagal; rinciannya ada di log.",
        "Backups": "Cadangan",
        "&Back up now": "&Cadangkan sekarang",
        "Res&tore from backup…": "&Pulihkan dari cadangan…",
        "e.g. a USB stick: E:\\cadangan-mufakat (optional)": "mis. flashdisk: E:\\cadangan-mufakat (tidak wajib)",
        "Choose…": "Pilih…",
        "Second folder for every backup": "Folder kedua untuk setiap cadangan",
        "No backup yet. Mufakat backs the data up once a day while it runs.": "Belum ada cadangan. Mufakat mencadangkan data sekali sehari selama aplikasi berjalan.",
        "Last backup: {when} ({size}). Mufakat backs the data up once a day while it runs.": "Cadangan terakhir: {when} ({size}). Mufakat mencadangkan data sekali sehari selama aplikasi berjalan.",
        "Backing up…": "Sedang mencadangkan…",
        "Backed up: {name}.": "Sudah dicadangkan: {name}.",
        "The folder {folder} does not exist; plug in the drive or choose another folder.": "Folder {folder} tidak ada; colokkan drive-nya atau pilih folder lain.",
        "Every backup is copied to {folder} too.": "Setiap cadangan juga disalin ke {folder}.",
        "Backups are kept in the data folder only.": "Cadangan hanya disimpan di folder data.",
        "Restore from backup": "Pulihkan dari cadangan",
        "Replace the data on this laptop by the copy {name}?\n\nThe data of now is kept as a backup. Changes this laptop already sent to the server come back at the next sync.": "Ganti data di laptop ini dengan salinan {name}?\n\nData saat ini disimpan sebagai cadangan. Perubahan yang sudah dikirim laptop ini ke server kembali pada sinkronisasi berikutnya.",
        "The data on this laptop is replaced by the copy you choose; the data of now is kept as a backup too. Changes already sent to the server come back at the next sync.": "Data di laptop ini diganti dengan salinan yang Anda pilih; data saat ini juga disimpan sebagai cadangan. Perubahan yang sudah dikirim ke server kembali pada sinkronisasi berikutnya.",
        "Taken at": "Diambil pada",
        "Size": "Ukuran",
        "Kind": "Jenis",
        "No backups in the data folder yet.": "Belum ada cadangan di folder data.",
        "&Restore this copy": "&Pulihkan salinan ini",
        "&Other file…": "&Berkas lain…",
        "Mufakat backups (*.sqlite3)": "Cadangan Mufakat (*.sqlite3)",
    }
)
# laptop-safe: moving the data to a new laptop
ID.update(
    {
        "The data of the old laptop is here, with its unsent changes. Enroll this laptop with a new code from the administrator (Settings → Server).": "Data laptop lama sudah ada di sini, beserta perubahan yang belum terkirim. Daftarkan laptop ini dengan kode baru dari administrator (Pengaturan → Server).",
        "move this laptop's data to a new laptop (one file)": "pindahkan data laptop ini ke laptop baru (satu berkas)",
        "write this laptop's data to one file": "tulis data laptop ini ke satu berkas",
        "take in the data of the old laptop; then enroll this laptop with a new code": "ambil data laptop lama; lalu daftarkan laptop ini dengan kode baru",
        "replace the data this laptop holds (kept as a backup)": "ganti data yang ada di laptop ini (disimpan sebagai cadangan)",
        "On the new laptop: mufakat move import {file}, then enroll it with a new code. This laptop stops syncing once the new one is enrolled.": "Di laptop baru: mufakat move import {file}, lalu daftarkan dengan kode baru. Laptop ini berhenti bersinkronisasi setelah laptop baru terdaftar.",
        "The data of the old laptop is here, with its unsent changes. Enroll this laptop with a new code from the administrator: mufakat enroll --server URL --code CODE": "Data laptop lama sudah ada di sini, beserta perubahan yang belum terkirim. Daftarkan laptop ini dengan kode baru dari administrator: mufakat enroll --server URL --code KODE",
        "There is no database in {folder} to move.": "Tidak ada basis data di {folder} untuk dipindahkan.",
        "{path} is not a file made by “Move to a new laptop” (or it is damaged). Nothing was changed.": "{path} bukan berkas buatan “Pindahkan ke laptop baru” (atau berkas itu rusak). Tidak ada yang diubah.",
        "{path} was made by a newer version of Mufakat; install it to take the data in. Nothing was changed.": "{path} dibuat oleh Mufakat versi yang lebih baru; pasang versi itu untuk mengambil datanya. Tidak ada yang diubah.",
        "{path} is damaged: its {name} does not match its checksum. Copy the file again from the old laptop. Nothing was changed.": "{path} rusak: {name} di dalamnya tidak cocok dengan checksum-nya. Salin ulang berkas itu dari laptop lama. Tidak ada yang diubah.",
        "This laptop already holds data of its own. Taking in the old laptop's data replaces it (it is kept as a backup): confirm with --replace. Nothing was changed.": "Laptop ini sudah berisi data sendiri. Mengambil data laptop lama akan menggantinya (data itu disimpan sebagai cadangan): tegaskan dengan --replace. Tidak ada yang diubah.",
        "The data could not be put in place ({error}); the data in {folder} is as it was.": "Data tidak dapat dipasang ({error}); data di {folder} tetap seperti semula.",
        "This laptop's data was moved to a new laptop, which is now enrolled: this one no longer syncs. Work on the new laptop. Changes made here after the move are kept: export them (mufakat outbox export -o FILE, or the button in Settings) and import them there.": "Data laptop ini sudah dipindahkan ke laptop baru yang kini terdaftar: laptop ini tidak lagi bersinkronisasi. Lanjutkan bekerja di laptop baru. Perubahan yang dibuat di sini sesudah pemindahan tetap tersimpan: ekspor (mufakat outbox export -o BERKAS, atau tombolnya di Pengaturan) lalu impor di laptop baru.",
        "Take in data of an &old laptop…": "&Ambil data laptop lama…",
        "Replacing an old laptop?": "Mengganti laptop lama?",
        "Take in the file made on the old laptop with “Export for a new laptop”.": "Ambil berkas yang dibuat di laptop lama dengan “Ekspor untuk laptop baru”.",
        "Move to a new laptop": "Pindahkan ke laptop baru",
        "All data of this laptop, with its unsent changes, in one file: take it in on the new laptop, then enroll that one with a new code. This laptop stops syncing once the new one is enrolled.": "Semua data laptop ini, beserta perubahan yang belum terkirim, dalam satu berkas: ambil di laptop baru, lalu daftarkan laptop baru itu dengan kode baru. Laptop ini berhenti bersinkronisasi setelah laptop baru terdaftar.",
        "Export for a &new laptop…": "Ekspor untuk laptop &baru…",
        "Export for a new laptop": "Ekspor untuk laptop baru",
        "Mufakat move files (*.zip)": "Berkas pindahan Mufakat (*.zip)",
        "Writing {path}…": "Menulis {path}…",
        "Written to {path}. On the new laptop: “Take in data of an old laptop” (on its first screen, or in Settings), then enroll it with a new code.": "Sudah ditulis ke {path}. Di laptop baru: “Ambil data laptop lama” (di layar pertamanya, atau di Pengaturan), lalu daftarkan dengan kode baru.",
        "Take in data of an old laptop": "Ambil data laptop lama",
        "This laptop holds data of its own. Replace it by the data in {name}?\n\nThe data of now is kept as a backup. Afterwards, enroll this laptop with a new code.": "Laptop ini berisi data sendiri. Ganti dengan data di {name}?\n\nData saat ini disimpan sebagai cadangan. Sesudahnya, daftarkan laptop ini dengan kode baru.",
        "Take in the data in {name}?\n\nAfterwards, enroll this laptop with a new code.": "Ambil data di {name}?\n\nSesudahnya, daftarkan laptop ini dengan kode baru.",
    }
)
# laptop-safe: updating
ID.update(
    {
        "About": "Tentang",
        "Mufakat {version}": "Mufakat {version}",
        "New version available: {version}. Download it from your office's server: {link} and install it over this one; the data stays.": "Versi baru tersedia: {version}. Unduh dari server kantor Anda: {link} lalu pasang menimpa versi ini; datanya tetap ada.",
    }
)
ID["of {when} ({kind})"] = "tanggal {when} ({kind})"
ID["Mufakat is open on {folder}: close it first, then run this again. Nothing was changed."] = (
    "Mufakat sedang terbuka pada {folder}: tutup dulu, lalu jalankan perintah ini lagi. Tidak ada yang diubah."
)
# ui-look: fit, language, look; editing and deleting with undo; badges (issue #11)
ID.update(
    {
        "Accept": "Terima",
        "Reject…": "Tolak…",
        "Start follow-up": "Mulai tindak lanjut",
        "Mark done…": "Tandai selesai…",
        "Escalate…": "Eskalasikan…",
        "{done} of {total} accepted; {refused} could not be:": "{done} dari {total} diterima; {refused} tidak dapat diterima:",
        "{done} of {total} rejected; {refused} could not be:": "{done} dari {total} ditolak; {refused} tidak dapat ditolak:",
        "Follow-up started for {done} of {total}; {refused} could not be:": "Tindak lanjut dimulai untuk {done} dari {total}; {refused} tidak dapat dimulai:",
        "{done} of {total} marked done; {refused} could not be:": "{done} dari {total} ditandai selesai; {refused} tidak dapat ditandai:",
        "{done} of {total} escalated; {refused} could not be:": "{done} dari {total} dieskalasi; {refused} tidak dapat dieskalasi:",
    }
)
# ui-look: the history of a recommendation as sentences
ID.update(
    {
        "{who} recorded the recommendation ({scope}): “{text}”": "{who} mencatat rekomendasi ({scope}): “{text}”",
        "{who} recorded the recommendation “{text}” under {scope}": "{who} mencatat rekomendasi “{text}” dalam {scope}",
        "{who} restored the deleted recommendation": "{who} memulihkan rekomendasi yang telah dihapus",
        "{who} changed the scope to {scope}": "{who} mengubah ranah menjadi {scope}",
        "{who} added a vote ({votes} in all)": "{who} menambah satu dukungan (seluruhnya {votes})",
        "{who} took a vote back ({votes} in all)": "{who} menarik satu dukungan (seluruhnya {votes})",
        "{who} added the votes of a merged duplicate ({votes} in all)": "{who} menambahkan dukungan dari duplikat yang digabung (seluruhnya {votes})",
        "{who} accepted the recommendation": "{who} menerima rekomendasi",
        "{who} rejected the recommendation: {reason}": "{who} menolak rekomendasi: {reason}",
        "{who} merged it into “{into}”": "{who} menggabungkannya ke “{into}”",
        "{who} started the follow-up": "{who} memulai tindak lanjut",
        "{who} marked it done; evidence: {reason}": "{who} menandainya selesai; bukti: {reason}",
        "{who} escalated it to the parent office": "{who} mengeskalasikannya ke kantor atasan",
        "{who} recorded the parent office's answer: {outcome} — {reason}": "{who} mencatat jawaban kantor atasan: {outcome} — {reason}",
        "{who} deleted the recommendation": "{who} menghapus rekomendasi",
        "{who} assigned a follow-up to {owner}, due {due_on}: “{action}”": "{who} menugaskan tindak lanjut kepada {owner}, batas waktu {due_on}: “{action}”",
        "{who} removed the follow-up “{action}”": "{who} menghapus tindak lanjut “{action}”",
        "{who} sent it to {to_unit}, answer due {due_on}{note}": "{who} mengirimkannya ke {to_unit}, batas jawaban {due_on}{note}",
        "{who} marked the escalation received": "{who} menandai eskalasi telah diterima",
        "{who} forwarded the escalation one level up": "{who} meneruskan eskalasi ke kantor di atasnya",
        "{who} answered the escalation: {outcome} — {answer}": "{who} menjawab eskalasi: {outcome} — {answer}",
        "the text to “{value}”": "teks menjadi “{value}”",
        "the topic to {value}": "topik menjadi {value}",
        "the priority to {value}": "prioritas menjadi {value}",
        "the agenda item to {value}": "mata acara menjadi {value}",
        "who raised it to {value}": "pengusul menjadi {value}",
        "the action to “{value}”": "tindakan menjadi “{value}”",
        "the person in charge to {value}": "penanggung jawab menjadi {value}",
        "the due date to {value}": "batas waktu menjadi {value}",
        "the progress to {value}%": "kemajuan menjadi {value}%",
        "the evidence to “{value}”": "bukti menjadi “{value}”",
        "{who} changed {changes}": "{who} mengubah {changes}",
        "{who} changed the follow-up “{name}”: {changes}": "{who} mengubah tindak lanjut “{name}”: {changes}",
        "{who} changed the {record}": "{who} mengubah {record}",
        "; note: “{note}”": "; catatan: “{note}”",
    }
)
# ui-look: why the system refused a file, in the user's language
ID.update(
    {
        "it does not exist": "berkas atau folder itu tidak ada",
        "this user may not open it": "pengguna ini tidak diizinkan membukanya",
        "the disk is full": "disk sudah penuh",
        "the disk is read-only": "disk hanya dapat dibaca",
        "it is a folder, not a file": "itu folder, bukan berkas",
        "a part of its path is not a folder": "sebagian jalurnya bukan folder",
        "it already exists": "sudah ada",
        "the disk could not read or write it": "disk tidak dapat membaca atau menulisnya",
        "its name is too long": "namanya terlalu panjang",
        "another program is using it": "sedang dipakai program lain",
        "the system refused ({code})": "sistem menolak ({code})",
    }
)
# ui-look: empty states, the escalation inbox's detail
ID.update(
    {
        "No escalations received": "Belum ada eskalasi masuk",
        "Policy recommendations the offices below send up arrive here when this laptop syncs.": "Rekomendasi kebijakan yang diusulkan kantor di bawah masuk ke sini saat laptop ini bersinkronisasi.",
        "From {unit}, forum of {date}: {forum}": "Dari {unit}, forum tanggal {date}: {forum}",
        "Note from {unit}: “{note}”": "Catatan dari {unit}: “{note}”",
        "{unit} sent no note.": "{unit} tidak menyertakan catatan.",
        "Our answer: {answer}": "Jawaban kami: {answer}",
        "No forum matches": "Tidak ada forum yang cocok",
        "Search for another word of the title, the theme or the venue, or show all forums.": "Cari kata lain dari judul, tema atau tempat, atau tampilkan semua forum.",
        "No forums yet": "Belum ada forum",
        "Plan one with “New forum…”, or try the app with the sample forum.": "Buat forum baru dengan “Forum baru…”, atau coba aplikasi dengan forum contoh.",
        "Sender's note": "Catatan pengirim",
        "Choose a recommendation": "Pilih sebuah rekomendasi",
        "Its history, its follow-up and what can be done with it show here.": "Riwayatnya, tindak lanjutnya dan apa yang dapat dilakukan terhadapnya tampil di sini.",
        "No recommendations yet": "Belum ada rekomendasi",
        "They are typed in a forum's Recommendations tab while it runs; they come here to be accepted, followed up or escalated.": "Rekomendasi dicatat di tab Rekomendasi sebuah forum saat forum berlangsung; di sini rekomendasi diterima, ditindaklanjuti atau dieskalasi.",
        "No recommendation matches the filters": "Tidak ada rekomendasi yang cocok dengan filter",
        "Change the search or the filters above, or set them back to “any”.": "Ubah pencarian atau filter di atas, atau kembalikan ke “semua”.",
    }
)
ID.update(
    {
        "No agenda items yet": "Belum ada mata acara",
        "Type the first item above (opening, presentation, discussion…) and press Enter.": "Ketik mata acara pertama di atas (pembukaan, paparan, diskusi…) lalu tekan Enter.",
        "No one on the list yet": "Belum ada yang tercatat di daftar",
        "Type a name above and press Enter as people arrive, or import the invitation list (Excel, CSV).": "Ketik nama di atas lalu tekan Enter saat peserta datang, atau impor daftar undangan (Excel, CSV).",
        "No recommendations yet in this forum": "Belum ada rekomendasi di forum ini",
        "Type what a participant recommends in the line above and press Enter; F2 files it under policy.": "Ketik usulan peserta pada baris di atas lalu tekan Enter; F2 menjadikannya ranah kebijakan.",
        "Nothing to follow up yet": "Belum ada yang ditindaklanjuti",
        "Each forum's recommendations are counted here by status once they are triaged.": "Rekomendasi setiap forum dihitung di sini menurut statusnya setelah dipilah.",
        "Nothing is overdue": "Tidak ada yang melewati batas waktu",
    }
)
# ui-look: editing and deleting, with undo
ID.update(
    {
        "Delete (Del)": "Hapus (Del)",
        "Enter save · F2 scope · on the list: + / − vote, F3 edit, Del delete, Ctrl+M merge · Ctrl+Z undo · Ctrl+Shift+Z redo": "Enter simpan · F2 ranah · di daftar: + / − dukungan, F3 ubah, Del hapus, Ctrl+M gabung · Ctrl+Z urungkan · Ctrl+Shift+Z ulangi",
        "delete recommendation": "hapus rekomendasi",
        "Deleted: “{text}”. Ctrl+Z brings it back.": "Dihapus: “{text}”. Ctrl+Z mengembalikannya.",
        "Edit forum": "Ubah forum",
        "Correct a forum not yet held: its title, date, times, venue": "Betulkan forum yang belum berlangsung: judul, tanggal, jam, tempatnya",
        "&Delete": "&Hapus",
        "Delete a forum not yet held (Ctrl+Z brings it back)": "Hapus forum yang belum berlangsung (Ctrl+Z mengembalikannya)",
        "edit forum": "ubah forum",
        "Saved: “{title}”.": "Tersimpan: “{title}”.",
        "delete forum": "hapus forum",
        "Deleted: “{title}”.": "Dihapus: “{title}”.",
        "Edit…": "Ubah…",
        "Correct it as it was said: text, scope, topic, who raised it, agenda item (forum still open)": "Betulkan sesuai yang diucapkan: teks, ranah, topik, pengusul, mata acara (selama forum masih terbuka)",
        "Delete": "Hapus",
        "Delete one typed by mistake (a proposed one); Ctrl+Z brings it back": "Hapus yang salah ketik (yang masih diusulkan); Ctrl+Z mengembalikannya",
        "Deleted: “{text}”.": "Dihapus: “{text}”.",
        "Undo (Ctrl+Z)": "Urungkan (Ctrl+Z)",
        "Redo (Ctrl+Y)": "Ulangi (Ctrl+Y)",
    }
)
# ui-look: news badges in the navigation
ID.update(
    {
        "New escalations: {n}": "Eskalasi baru: {n}",
        "Answers to our escalations: {n}": "Jawaban atas eskalasi kita: {n}",
    }
)
ID["Disputed by the office below: {reason}"] = "Disanggah oleh kantor di bawah: {reason}"

# The documents of issue #13 (paper-documents): Laporan Pelaksanaan, notulen, surat undangan,
# follow-up dates, the survey's RTL, the register, the templates and the PEKPPP indicators.
ID.update(
    {
        "print the invitation letters (surat undangan), one per invited organisation": "cetak surat undangan, satu untuk setiap organisasi yang diundang",
        "print the notes (notulen): who said what per agenda item, and the responses": "cetak notulen: siapa menyampaikan apa pada setiap mata acara, beserta tanggapannya",
        "print the forum's implementation report (laporan pelaksanaan FKP)": "cetak laporan pelaksanaan FKP",
        "the letter's date, YYYY-MM-DD": "tanggal surat, TTTT-BB-HH",
        "the report's date, YYYY-MM-DD (default: today)": "tanggal laporan, TTTT-BB-HH (bawaan: hari ini)",
        "a forum's recap as an Excel workbook": "rekap forum sebagai buku kerja Excel",
        "where to write it": "tempat menulis berkasnya",
        "the register of consultation inputs (register masukan) as an Excel workbook": "register masukan konsultasi sebagai buku kerja Excel",
        "forums held from this day": "forum yang diadakan sejak tanggal ini",
        "forums held up to this day": "forum yang diadakan sampai tanggal ini",
        "the register's date, YYYY-MM-DD (default: today)": "tanggal posisi register, TTTT-BB-HH (bawaan: hari ini)",
        "the office (default: this laptop's)": "kantor (bawaan: kantor laptop ini)",
        "{value!r} is not a date; write it as YYYY-MM-DD.": "{value!r} bukan tanggal; tulis sebagai TTTT-BB-HH.",
        "No office has the code {code}; see: mufakat forums.": "Tidak ada kantor dengan kode {code}; lihat: mufakat forums.",
        "This laptop has no office yet: name one with --unit CODE.": "Laptop ini belum memiliki kantor: sebutkan dengan --unit KODE.",
        "{part!r} is not an indicator number; write numbers from 1 to {highest} and ranges such as “8, 9, 27–28”.": "{part!r} bukan nomor indikator; tulis angka 1 sampai {highest} dan rentang seperti “8, 9, 27–28”.",
        "At most {most} indicators per document.": "Paling banyak {most} indikator untuk setiap dokumen.",
        "The PEKPPP indicators must be a table of documents and numbers.": "Indikator PEKPPP harus berupa tabel dokumen dan nomor.",
        "{name!r} is not a document. Choose one of: {choices}.": "{name!r} bukan dokumen. Pilih salah satu: {choices}.",
        "Indicator numbers are whole numbers from 1 to {highest}.": "Nomor indikator adalah bilangan bulat 1 sampai {highest}.",
        "print the realisation of a survey period's follow-up plan (RTL) as PDF": "cetak laporan realisasi rencana tindak lanjut (RTL) hasil survei sebagai PDF",
        "Nobody is on this forum's invitation list, so there is no invitation to print. Import the invitation list in Attendance first.": "Belum ada seorang pun dalam daftar undangan forum ini, jadi tidak ada undangan yang dapat dicetak. Impor daftar undangan di Daftar hadir terlebih dahulu.",
        "Date completed": "Tanggal selesai",
        "A follow-up gets its completion date when its progress reaches 100%.": "Tanggal selesai tindak lanjut diisi ketika progresnya mencapai 100%.",
        "The completion date {day} is still to come; give the day the action was done.": "Tanggal selesai {day} belum terjadi; isi tanggal tindakan itu diselesaikan.",
        "Response": "Tanggapan",
        "Realisation": "Realisasi",
        "An action gets its completion date when its progress reaches 100%.": "Tanggal selesai kegiatan diisi ketika progresnya mencapai 100%.",
        "Describe what was done before setting progress to 100%.": "Uraikan realisasinya sebelum mengisi progres 100%.",
        "Survey action": "Rencana tindak lanjut SKM",
        "Legal basis (dasar)": "Dasar",
        "Purpose (maksud dan tujuan)": "Maksud dan tujuan",
        "Closing (penutup)": "Penutup",
        "Invitation number (nomor)": "Nomor undangan",
        "Invitation nature (sifat)": "Sifat undangan",
        "Invitation subject (hal)": "Hal undangan",
        "Invitation date": "Tanggal undangan",
        "Not a document template: {names}.": "Bukan templat dokumen: {names}.",
        "survey follow-up plan": "rencana tindak lanjut SKM",
        "Office's response (optional)": "Tanggapan kantor (opsional)",
        "Response… (F4)": "Tanggapan… (F4)",
        "Enter save · F2 scope · on the list: + / − vote, F3 edit, F4 response, Del delete, Ctrl+M merge · Ctrl+Z undo · Ctrl+Shift+Z redo": "Enter simpan · F2 ranah · di daftar: + / − dukungan, F3 ubah, F4 tanggapan, Del hapus, Ctrl+M gabung · Ctrl+Z urungkan · Ctrl+Shift+Z ulangi",
        "Enter save · F2 scope · on the list: + / − vote, F3 edit, F4 response, Del delete, Ctrl+M merge · Ctrl+Z undo · Ctrl+Y or Ctrl+Shift+Z redo": "Enter simpan · F2 ranah · di daftar: + / − dukungan, F3 ubah, F4 tanggapan, Del hapus, Ctrl+M gabung · Ctrl+Z urungkan · Ctrl+Y atau Ctrl+Shift+Z ulangi",
        "Office's response": "Tanggapan kantor",
        "Response to: {text}": "Tanggapan atas: {text}",
        "response": "tanggapan",
        "Document te&mplates…": "Templat dok&umen…",
        "Invitation and report": "Undangan dan laporan",
        "Invitation letters (surat undangan)": "Surat undangan",
        "Notes (notulen)": "Notulen",
        "Implementation report (laporan pelaksanaan)": "Laporan pelaksanaan FKP",
        "Realisation of the survey's follow-up plan (RTL)": "Realisasi rencana tindak lanjut (RTL) SKM",
        "Register of consultation inputs": "Register masukan konsultasi",
        "The wording of the invitations and the implementation report, and the PEKPPP indicators": "Rumusan surat undangan dan laporan pelaksanaan, serta indikator PEKPPP",
        "Invitations and reports": "Undangan dan laporan",
        "Follow-up plan (RTL) — {period}": "Rencana tindak lanjut (RTL) — {period}",
        "Elements to improve first (lowest NRR): {elements}": "Unsur prioritas perbaikan (NRR terendah): {elements}",
        "Progress": "Progres",
        "Completed": "Selesai",
        " (priority)": " (prioritas)",
        "What the office will do": "Yang akan dilakukan kantor",
        "Who answers for it": "Siapa yang bertanggung jawab",
        "What was done (needed at 100%)": "Yang sudah dilakukan (wajib pada 100%)",
        "&Element": "&Unsur",
        "&Action": "&Tindakan",
        "&Person in charge": "Penanggung &jawab",
        "&Due": "Batas &waktu",
        "Pro&gress": "Pro&gres",
        "&Realisation": "&Realisasi",
        "Co&mpleted on": "Tanggal &selesai",
        "Add as &new": "Ta&mbah sebagai baru",
        "&Save changes": "Simpa&n perubahan",
        "Added.": "Ditambahkan.",
        "Removed.": "Dihapus.",
        "Follow-up p&lan (RTL)…": "&Rencana tindak lanjut (RTL)…",
        "What the office will do about the elements to improve, and what it did": "Yang akan dilakukan kantor atas unsur yang perlu diperbaiki, dan yang sudah dilakukan",
        "Realisa&tion of the plan…": "Reali&sasi rencana…",
        "Document templates — {forum}": "Templat dokumen — {forum}",
        "Document templates of the office": "Templat dokumen kantor",
        "Implementation report: legal &basis (one per line)": "Laporan pelaksanaan: &dasar (satu per baris)",
        "Implementation report: &purpose": "Laporan pelaksanaan: &maksud dan tujuan",
        "Implementation report: &closing": "Laporan pelaksanaan: pe&nutup",
        "Invitation: &number": "Undangan: nomo&r",
        "Invitation: na&ture (sifat)": "Undangan: s&ifat",
        "Invitation: &subject (hal)": "Undangan: &hal",
        "(left to fill in by hand)": "(diisi tangan)",
        "Date the invitations &on": "Undangan &bertanggal",
        "PEKPPP indicators each document is evidence for": "Indikator PEKPPP yang didukung setiap dokumen",
        "These numbers come from the evaluators' worksheets, not from the regulation, and change between years: check them against this year's worksheet. Empty: the document names none.": "Nomor-nomor ini berasal dari lembar kerja evaluator, bukan dari peraturan, dan dapat berubah setiap tahun: cocokkan dengan lembar kerja tahun ini. Kosong: dokumen tidak menyebut indikator.",
    }
)
# The register of inputs, saved from the forum list (paper-documents).
ID["Re&gister of inputs…"] = "Re&gister masukan…"
ID["Register of inputs"] = "Register masukan"
ID[
    "Every input the office's forums received, with its person in charge, status and working days taken, as an Excel workbook (register masukan)"
] = "Semua masukan yang diterima forum kantor ini, dengan penanggung jawab, status, dan lama penyelesaian dalam hari kerja, sebagai buku kerja Excel (register masukan)"
ID["An invitation is dated before the forum: {day} is after the forum's day {held}."] = (
    "Undangan diberi tanggal sebelum forum: {day} jatuh setelah hari forum {held}."
)
ID["Each field shows the wording this forum's documents print; edit it here. Wording left as the office's keeps following the office's."] = (
    "Setiap kolom menampilkan rumusan yang dicetak pada dokumen forum ini; ubahlah di sini. Rumusan yang dibiarkan sama dengan rumusan kantor tetap mengikuti rumusan kantor."
)
ID["Each field shows the wording the office's documents print; edit it here. Wording left as Mufakat's own keeps following it. Each forum may change them."] = (
    "Setiap kolom menampilkan rumusan yang dicetak pada dokumen kantor; ubahlah di sini. Rumusan yang dibiarkan sama dengan rumusan bawaan Mufakat tetap mengikutinya. Setiap forum dapat mengubahnya."
)
ID["PEKPPP indicators"] = "Indikator PEKPPP"
ID["About"] = "Tentang"
ID["Mufakat version {version}"] = "Mufakat versi {version}"
ID["Public consultation forums (Forum Konsultasi Publik), offline first."] = (
    "Forum Konsultasi Publik, tetap jalan tanpa jaringan."
)

# Qt's own words, per context (Qt's file dialog): Qt ships no Indonesian catalog. One source may
# mean something else in our screens ("Forward" of an escalation is "Teruskan"; in the file
# dialog it is the way back's opposite, "Maju"), so these are looked up by (context, source).
QT_OWN = {
    ("QFileDialog", "Look in:"): "Cari di:",
    ("QFileDialog", "&Look in:"): "&Cari di:",
    ("QFileDialog", "File &name:"): "&Nama berkas:",
    ("QFileDialog", "Files of type:"): "Jenis berkas:",
    ("QFileDialog", "Files of &type:"): "&Jenis berkas:",
    ("QFileDialog", "Directory:"): "Folder:",
    ("QFileDialog", "&Save"): "&Simpan",
    ("QFileDialog", "&Open"): "&Buka",
    ("QFileDialog", "&Choose"): "&Pilih",
    ("QFileDialog", "Save As"): "Simpan sebagai",
    ("QFileDialog", "Open"): "Buka",
    ("QFileDialog", "Find Directory"): "Pilih folder",
    ("QFileDialog", "Back"): "Kembali",
    ("QFileDialog", "Forward"): "Maju",
    ("QFileDialog", "Parent Directory"): "Folder induk",
    ("QFileDialog", "Create New Folder"): "Buat folder baru",
    ("QFileDialog", "List View"): "Tampilan daftar",
    ("QFileDialog", "Detail View"): "Tampilan rinci",
    ("QFileDialog", "Go back"): "Kembali",
    ("QFileDialog", "Go forward"): "Maju",
    ("QFileDialog", "Go to the parent directory"): "Ke folder induk",
    ("QFileDialog", "Create a New Folder"): "Buat folder baru",
    ("QFileDialog", "Change to list view mode"): "Tampilkan sebagai daftar",
    ("QFileDialog", "Change to detail view mode"): "Tampilkan dengan rincian",
    ("QFileDialog", "Sidebar"): "Panel tempat",
    ("QFileDialog", "List of places and bookmarks"): "Daftar tempat dan markah",
    ("QFileDialog", "Recent Places"): "Tempat terakhir",
    ("QFileDialog", "Remove"): "Hapus dari daftar",
    ("QFileDialog", "&Rename"): "&Ganti nama",
    ("QFileDialog", "&Delete"): "&Hapus",
    ("QFileDialog", "Delete"): "Hapus",
    ("QFileDialog", "Show &hidden files"): "Tampilkan berkas &tersembunyi",
    ("QFileDialog", "&New Folder"): "Folder &baru",
    ("QFileDialog", "New Folder"): "Folder baru",
    ("QFileDialog", "Show "): "Tampilkan ",
    ("QFileDialog", "Files"): "Berkas",
    ("QFileDialog", "Directories"): "Folder",
    ("QFileDialog", "All Files (*)"): "Semua berkas (*)",
    ("QFileDialog", "All files (*)"): "Semua berkas (*)",
    ("QFileDialog", "%1 already exists.\nDo you want to replace it?"): "%1 sudah ada.\nGanti berkas itu?",
    ("QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."): (
        "%1\nBerkas tidak ditemukan.\nPeriksa apakah nama berkasnya sudah benar."
    ),
    ("QFileDialog", "%1\nDirectory not found.\nPlease verify the correct directory name was given."): (
        "%1\nFolder tidak ditemukan.\nPeriksa apakah nama foldernya sudah benar."
    ),
    ("QFileDialog", "Are you sure you want to delete '%1'?"): "Yakin ingin menghapus '%1'?",
    ("QFileDialog", "'%1' is write protected.\nDo you want to delete it anyway?"): (
        "'%1' dilindungi dari perubahan.\nTetap hapus?"
    ),
    ("QFileDialog", "Could not delete directory."): "Folder tidak dapat dihapus.",
    ("QFileSystemModel", "Name"): "Nama",
    ("QFileSystemModel", "Size"): "Ukuran",
    ("QFileSystemModel", "Type"): "Jenis",
    ("QFileSystemModel", "Kind"): "Jenis",
    ("QFileSystemModel", "Date Modified"): "Tanggal diubah",
    ("QFileSystemModel", "Computer"): "Komputer",
    ("QFileSystemModel", "My Computer"): "Komputer",
    ("QFileSystemModel", "Invalid filename"): "Nama berkas tidak dapat dipakai",
    (
        "QFileSystemModel",
        '<b>The name "%1" cannot be used.</b><p>Try using another name, with fewer characters or no punctuation marks.',
    ): '<b>Nama "%1" tidak dapat dipakai.</b><p>Coba nama lain, yang lebih pendek atau tanpa tanda baca.',
    ("QAbstractFileIconProvider", "Folder"): "Folder",
    ("QAbstractFileIconProvider", "File Folder"): "Folder",
    ("QAbstractFileIconProvider", "File"): "Berkas",
    ("QAbstractFileIconProvider", "Drive"): "Drive",
    ("QAbstractFileIconProvider", "Shortcut"): "Pintasan",
    ("QAbstractFileIconProvider", "Alias"): "Alias",
    ("QAbstractFileIconProvider", "Unknown"): "Tidak diketahui",
}

# The sample forum beside the office's own (Forums), and the operator asked before it loads.
ID["Load the sa&mple forum"] = "Muat forum &contoh"
ID["Remove the sa&mple forum"] = "Hapus forum &contoh"
ID["Remove the sample forum"] = "Hapus forum contoh"
ID[
    "Remove the sample forum (CONTOH) and everything in it? The office's own forums are not touched; the history keeps the removal."
] = "Hapus forum contoh (CONTOH) beserta seluruh isinya? Forum milik kantor tidak tersentuh; riwayat mencatat penghapusan ini."
ID["Adds the forum of KPPN Sorong (21 August 2024), titled CONTOH, to try the app; it stays on this laptop"] = (
    "Menambahkan forum KPPN Sorong (21 Agustus 2024), berjudul CONTOH, untuk mencoba aplikasi; forum ini tetap di laptop ini"
)
ID["Removes the sample forum (CONTOH) and everything in it"] = "Menghapus forum contoh (CONTOH) beserta seluruh isinya"
ID["There is no sample forum to remove."] = "Tidak ada forum contoh untuk dihapus."
ID["Type your name first: the history records who did what. Your name (in the history)"] = (
    "Ketik nama Anda dulu: riwayat mencatat siapa melakukan apa. Nama Anda (di riwayat)"
)
ID["Type your name first: the history records who loaded the sample forum."] = (
    "Ketik nama Anda dulu: riwayat mencatat siapa yang memuat forum contoh."
)
# The edit dialog of a recommendation (F3), its topic on the triage board.
ID["&Recommendation"] = "&Rekomendasi"
ID["&Scope"] = "Ra&nah"
ID["&Topic"] = "&Topik"
ID["Raised &by"] = "&Diusulkan oleh"
ID["&Agenda item"] = "&Mata acara"
ID["topic: {topic}"] = "topik: {topic}"
ID["The scope can change while the recommendation is proposed or accepted; it is {status}."] = (
    "Ranah dapat diubah selama rekomendasi masih diusulkan atau diterima; kini statusnya {status}."
)
ID["restored after it was deleted"] = "dipulihkan setelah dihapus"
# paper13a: the signing place (the office's city) and the empty signature blocks
ID["a signatory"] = "seorang penanda tangan"
ID["The berita acara will print an empty signature block for {who}: type the name, or leave it to be written by hand."] = (
    "Berita acara akan mencetak kolom tanda tangan kosong untuk {who}: ketik namanya, atau biarkan kosong untuk ditulis tangan."
)
ID["The office has no city yet, so the signing place is left as dots to fill by hand: type the city or regency where the office is (Settings → Office keeps it)."] = (
    "Kantor belum mengisi kota, sehingga tempat penandatanganan dibiarkan bertitik untuk ditulis tangan: ketik kota atau kabupaten tempat kantor berada (disimpan di Pengaturan → Kantor)."
)
ID["e.g. Sorong"] = "mis. Sorong"
ID["Signing &place (the office's city)"] = "K&ota penandatanganan"
ID["City or regency (where its documents are signed)"] = "Kota/kabupaten (tempat tanda tangan)"
# paper13a: the SKM report re-opened as a new version
ID["The SKM report of {period} was issued on {day}: its questionnaires are fixed, so none can be added, imported or removed. To correct them, re-open the report (a new version, with the reason kept in the history) and issue it again."] = (
    "Laporan SKM {period} telah diterbitkan pada {day}: kuesionernya sudah tetap, sehingga tidak ada yang dapat ditambah, diimpor, atau dihapus. Untuk memperbaikinya, buka kembali laporan (versi baru, alasannya dicatat dalam riwayat) lalu terbitkan lagi."
)
ID["Reason"] = "Alasan"
ID["Say why the report is re-opened: the reason is kept in its history."] = (
    "Sebutkan alasan laporan dibuka kembali: alasannya dicatat dalam riwayat."
)
ID["The report of {period} is not issued: its questionnaires may already change."] = (
    "Laporan {period} belum diterbitkan: kuesionernya masih dapat diubah."
)
ID["re-open an issued survey report to correct its questionnaires (a new version)"] = (
    "buka kembali laporan survei yang telah terbit untuk memperbaiki kuesionernya (versi baru)"
)
ID["why it is re-opened (kept in its history)"] = "alasan dibuka kembali (dicatat dalam riwayat)"
ID["Version {version} of the report is re-opened: questionnaires may change, and issuing it again makes version {next}."] = (
    "Versi {version} laporan dibuka kembali: kuesioner dapat diubah, dan menerbitkannya lagi menjadi versi {next}."
)
ID["Not saved on the server: the SKM report of this survey period (id {period_id}) was issued (version {version}) before this questionnaire reached it, and its questionnaires are fixed. If it belongs in the report, re-open the report (a new version) and enter it again."] = (
    "Tidak tersimpan di server: laporan survei kepuasan masyarakat periode ini (id {period_id}) telah diterbitkan (versi {version}) sebelum kuesioner ini sampai, dan kuesionernya sudah tetap. Bila kuesioner ini termasuk laporan, buka kembali laporan (versi baru) lalu masukkan lagi."
)
ID["Re-&open the report…"] = "Buka &kembali laporan…"
ID["Re-open the issued report to correct its questionnaires: a new version, the reason kept"] = (
    "Buka kembali laporan yang telah terbit untuk memperbaiki kuesionernya: versi baru, alasannya dicatat"
)
ID["Report issued on {day} (version {version}): its questionnaires are fixed. To correct them, re-open the report."] = (
    "Laporan diterbitkan pada {day} (versi {version}): kuesionernya sudah tetap. Untuk memperbaikinya, buka kembali laporan."
)
ID["Issue the report of {period} today? Its date and its questionnaires are fixed from then on, it prints without the DRAF mark, and its history keeps who issued it."] = (
    "Terbitkan laporan {period} hari ini? Tanggal dan kuesionernya tetap sejak itu, laporan dicetak tanpa tanda DRAF, dan riwayatnya mencatat siapa yang menerbitkan."
)
ID["Re-open the report"] = "Buka kembali laporan"
ID["Why is the issued report re-opened? Its questionnaires may then change, and issuing it again makes a new version; the reason is kept in its history (e.g. questionnaires from the front desk found after it was issued)."] = (
    "Mengapa laporan yang telah terbit dibuka kembali? Kuesionernya kemudian dapat diubah, dan menerbitkannya lagi menjadi versi baru; alasannya dicatat dalam riwayat (mis. kuesioner dari loket yang ditemukan setelah laporan terbit)."
)
ID["Version {version} of the report is re-opened: questionnaires may change."] = (
    "Versi {version} laporan dibuka kembali: kuesioner dapat diubah."
)
# trust15: moving a laptop with proof, the office's CA file, answers to escalations
ID[
    "The server did not enroll this laptop: the move file does not prove that the data came from the old laptop (it lacks that laptop's secret), so the old laptop was not retired. Make the move file again on the old laptop with this version of Mufakat and take it in here; if the old laptop is lost, ask the administrator to revoke it, then enroll again."
] = "Server tidak mendaftarkan laptop ini: berkas pindahan tidak membuktikan bahwa datanya berasal dari laptop lama (rahasia laptop itu tidak ada di dalamnya), jadi laptop lama tidak dihentikan. Buat lagi berkas pindahan di laptop lama dengan Mufakat versi ini lalu ambil di sini; jika laptop lama hilang, minta administrator mencabutnya, lalu daftarkan lagi."
ID[
    "The server did not enroll this laptop: the old laptop's data was already moved to another laptop with this move file. Work on that laptop, or make a new move file there."
] = "Server tidak mendaftarkan laptop ini: data laptop lama sudah dipindahkan ke laptop lain dengan berkas pindahan ini. Bekerjalah di laptop itu, atau buat berkas pindahan baru di sana."
ID[
    "The server did not enroll this laptop: the old laptop works for another office than the code's. Ask the administrator for a code of the old laptop's office."
] = "Server tidak mendaftarkan laptop ini: laptop lama bekerja untuk kantor lain daripada kantor kode ini. Mintalah kepada administrator kode untuk kantor laptop lama."
ID["Only {unit}, to which this escalation was sent, can answer it; its answer reaches this laptop when both sync."] = (
    "Hanya {unit}, tujuan eskalasi ini, yang dapat menjawabnya; jawabannya sampai ke laptop ini ketika keduanya bersinkron."
)
ID[
    "The answer to this recommendation (id {id}) comes from the office it was escalated to, with its answer to the escalation; this laptop cannot record it. Discard this item: the answer reaches this laptop when that office has answered and both have synced."
] = "Jawaban atas rekomendasi ini (id {id}) datang dari kantor tujuan eskalasinya, bersama jawabannya atas eskalasi itu; laptop ini tidak dapat mencatatnya. Buang butir ini: jawabannya sampai ke laptop ini setelah kantor itu menjawab dan keduanya bersinkron."
ID["optional: the office's CA certificate (.pem)"] = "opsional: sertifikat CA kantor (.pem)"
ID["C&hoose…"] = "Pili&h…"
ID["Office CA file"] = "Berkas CA kantor"
ID["Certificates (*.pem *.crt *.cer);;All files (*)"] = "Sertifikat (*.pem *.crt *.cer);;Semua berkas (*)"
ID["Its certificate is checked with the office's CA file {path}."] = "Sertifikatnya diperiksa dengan berkas CA kantor {path}."

# The lead, after the walk: the date filter set back to "any"
ID["Type a date or pick one; select it and press Delete for “any” again."] = (
    "Ketik tanggal atau pilih; blok lalu hapus untuk kembali ke “semua”."
)

# paper13c: frozen documents keep their layout version; the issued SKM report keeps its figures
ID[
    "This berita acara was frozen by a newer Mufakat (layout {layout}; this one prints up to {known}). "
    "Update Mufakat on this laptop to print it as it was signed."
] = (
    "Berita acara ini dibekukan oleh Mufakat yang lebih baru (tata letak {layout}; versi ini mencetak "
    "sampai {known}). Perbarui Mufakat di laptop ini untuk mencetaknya sebagaimana ditandatangani."
)
ID["The SKM report has no issued version {version}: {count} issued so far."] = (
    "Laporan SKM tidak memiliki versi terbit {version}: baru {count} yang diterbitkan."
)
ID[
    "Version {version} of the SKM report was issued before Mufakat kept what an issued report printed, "
    "and its questionnaires have changed since it was re-opened: it cannot be printed as issued. "
    "Print the current version."
] = (
    "Versi {version} laporan SKM diterbitkan sebelum Mufakat menyimpan isi laporan yang diterbitkan, "
    "dan kuesionernya telah berubah sejak laporan dibuka kembali: versi itu tidak dapat dicetak "
    "sebagaimana diterbitkan. Cetak versi yang berlaku."
)
ID["an issued version, as it was issued (default: the one in force, else the draft)"] = (
    "versi yang diterbitkan, sebagaimana diterbitkan (bawaan: versi yang berlaku, jika tidak ada: draf)"
)
ID["Version {number}, issued {day}"] = "Versi {number}, terbit {day}"
ID["Draft (the questionnaires as they are now)"] = "Draf (kuesioner seperti sekarang)"
# trust15b: certificates and addresses at enrollment, said where the user acts
ID["The server's certificate is not trusted ({detail}): enroll this laptop again with the office's CA file, or contact the administrator."] = (
    "Sertifikat server tidak dipercaya ({detail}): daftarkan laptop ini lagi dengan berkas CA kantor, atau hubungi administrator."
)
ID["The server's certificate is not trusted ({detail}): give the office's CA certificate with --ca-file FILE, or contact the administrator."] = (
    "Sertifikat server tidak dipercaya ({detail}): berikan sertifikat CA kantor dengan --ca-file BERKAS, atau hubungi administrator."
)
ID["The server's certificate is not trusted ({detail}): choose the office's CA certificate in the field “{field}”, or contact the administrator."] = (
    "Sertifikat server tidak dipercaya ({detail}): pilih sertifikat CA kantor di kolom “{field}”, atau hubungi administrator."
)
ID["The server {url} answers only encrypted connections: use the address {secure} (https://, not http://)."] = (
    "Server {url} hanya menerima sambungan terenkripsi: gunakan alamat {secure} (https://, bukan http://)."
)
# j11c: the walk's leftovers (an escalation waiting in the outbox, actions offered for the
# selections they apply to)
ID.update(
    {
        "Waiting to sync, made": "Menunggu sinkronisasi, dibuat",
        " or ": " atau ",
        "{statuses}, with the scope {scope}": "{statuses}, dengan ranah {scope}",
        "“{action}” is only for recommendations that are {need}; none of those selected is.": (
            "“{action}” hanya untuk rekomendasi yang {need}; tidak satu pun yang dipilih demikian."
        ),
        "Select recommendations in the list first.": "Pilih dulu rekomendasi di daftar.",
    }
)
ID.update(
    {
        "“{name}” fits {people}: pick one from the suggestions.": "“{name}” cocok dengan {people}: pilih satu dari saran.",
        "Saved, raised by {name}.": "Tersimpan, diusulkan oleh {name}.",
    }
)
ID.update(
    {
        "The forum “{title}” cannot be deleted: {n} of its recommendations were already triaged (accepted, rejected or merged). Keep the forum, or hold it and record what happened.": (
            "Forum “{title}” tidak dapat dihapus: {n} rekomendasinya sudah dipilah (diterima, ditolak "
            "atau digabung). Biarkan forum ini, atau laksanakan dan catat apa yang terjadi."
        ),
    }
)
# ev16b: attached files travel with sync
ID["The server {url} did not send the rest of a file; try again later."] = (
    "Server {url} tidak mengirim sisa sebuah berkas; coba lagi nanti."
)
ID["Unknown way of fetching files {value!r}; choose one of: {choices}."] = (
    "Cara mengambil berkas {value!r} tidak dikenal; pilih salah satu: {choices}."
)
ID["attached file"] = "berkas lampiran"
ID[
    "The server takes files of at most {max} MB; this one is {size} MB. Remove it and attach a smaller copy (a scan at a lower resolution, a PDF split in two)."
] = "Server hanya menerima berkas paling besar {max} MB; berkas ini {size} MB. Hapus lampiran ini dan lampirkan salinan yang lebih kecil (pindaian beresolusi lebih rendah, PDF yang dipecah dua)."
ID[
    "The office's files on the server take {used} MB of its {quota} MB, so a file of {size} MB was not sent. Ask the administrator for a larger quota; the file stays on this laptop and is sent at a later sync."
] = "Berkas kantor ini di server sudah memakai {used} MB dari kuotanya {quota} MB, sehingga berkas berukuran {size} MB tidak dikirim. Mintalah kuota yang lebih besar kepada administrator; berkas tetap tersimpan di laptop ini dan dikirim pada sinkronisasi berikutnya."
ID[
    "The server does not hold the attached file {sha256} this record names (yet): this laptop sends the file first, then the record. If this stays, the file was refused (see the sync status) or removed from this laptop's data folder."
] = "Server belum memiliki berkas lampiran {sha256} yang disebut catatan ini: laptop ini mengirim berkasnya lebih dahulu, baru catatannya. Jika keadaan ini menetap, berkasnya ditolak (lihat keadaan sinkronisasi) atau terhapus dari folder data laptop ini."
ID[
    "The attached file {sha256} on this laptop is not what its record says (it was changed or damaged in the data folder); the server did not take it. Attach the file again."
] = "Berkas lampiran {sha256} di laptop ini tidak sesuai dengan catatannya (berubah atau rusak di folder data); server tidak menerimanya. Lampirkan berkas itu lagi."
ID["The server held another part of a file ({received} bytes) than expected. Sync again."] = (
    "Server memegang bagian berkas yang berbeda ({received} bita) dari yang diharapkan. Sinkronkan lagi."
)
ID["{n} file(s) waiting"] = "{n} berkas menunggu"

# ev16a: attachments (file store, import, records)
ID.update(
    {
        "“{name}” is {size} MB; a file may be at most {limit} MB. Reduce it (a scan at a lower resolution, a PDF split in two) and add it again.": "“{name}” berukuran {size} MB; satu berkas paling besar {limit} MB. Perkecil dulu (pindai dengan resolusi lebih rendah, atau bagi PDF menjadi dua), lalu tambahkan lagi.",
        "The file changed while it was being copied; add it again.": "Berkas berubah ketika sedang disalin; tambahkan lagi.",
        "The disk is full: the file was not saved. Free some space on the disk and add it again.": "Disk penuh: berkas tidak disimpan. Kosongkan sebagian ruang disk, lalu tambahkan lagi.",
        "The file could not be saved in the data folder ({problem}); nothing was changed.": "Berkas tidak dapat disimpan di folder data ({problem}); tidak ada yang diubah.",
        "“{name}” cannot be read ({problem}).": "“{name}” tidak dapat dibaca ({problem}).",
        "“{name}” is not a file.": "“{name}” bukan berkas.",
        "“{name}” is empty.": "“{name}” kosong.",
        "“{name}” is not what its name says (its content is not a {kind} file). Save it again in the program that made it, then add it.": "Isi “{name}” tidak sesuai dengan namanya (isinya bukan berkas {kind}). Simpan ulang di program yang membuatnya, lalu tambahkan.",
        "“{name}” cannot be attached: Mufakat takes photos and documents of these kinds: {kinds}.": "“{name}” tidak dapat dilampirkan: Mufakat menerima foto dan dokumen berjenis: {kinds}.",
        "“{name}” is damaged and cannot be read as a photo ({problem}).": "“{name}” rusak dan tidak dapat dibaca sebagai foto ({problem}).",
        "too many": "terlalu banyak",
        "“{name}” has {size} pixels; a photo may have at most {limit} megapixels. Reduce it on the phone or the computer, then add it.": "“{name}” berukuran {size} piksel; satu foto paling besar {limit} megapiksel. Perkecil dulu di ponsel atau komputer, lalu tambahkan.",
        "Caption": "Keterangan",
        "Attachment": "Lampiran",
        "A signed attendance list belongs to a forum.": "Pindaian daftar hadir bertanda tangan dilampirkan pada forum.",
        "“{name}” is not a photo; attach it as a document.": "“{name}” bukan foto; lampirkan sebagai dokumen.",
        "“{name}” is attached here already.": "“{name}” sudah dilampirkan di sini.",
    }
)

# ev16a: the photos and files panel
ID.update(
    {
        "Add photo/&file…": "Tambah foto/&berkas…",
        "Photos (JPEG, PNG, HEIC) and documents (PDF, XLSX) of up to 25 MB; or drop them here, or paste": "Foto (JPEG, PNG, HEIC) dan dokumen (PDF, XLSX) paling besar 25 MB; atau seret ke sini, atau tempel",
        "Signed attendance list (scan)": "Daftar hadir bertanda tangan (pindaian)",
        "Mark the selected file as the forum's scanned, signed attendance list": "Tandai berkas terpilih sebagai pindaian daftar hadir forum yang sudah ditandatangani",
        "Remove": "Hapus",
        "Remove the selected file; Ctrl+Z brings it back": "Hapus berkas terpilih; Ctrl+Z mengembalikannya",
        "Caption of the selected file (Enter saves it)": "Keterangan berkas terpilih (Enter untuk menyimpan)",
        "Files of this forum: {size} MB": "Berkas forum ini: {size} MB",
        "Signed attendance list": "Daftar hadir bertanda tangan",
        "The file is missing from the data folder; remove this entry and add the file again.": "Berkasnya tidak ada di folder data; hapus entri ini lalu tambahkan berkasnya lagi.",
        "file not yet received from {who}'s laptop": "berkas belum diterima dari laptop {who}",
        "{size} MB": "{size} MB",
        "Add photos or files": "Tambah foto atau berkas",
        "Photos and documents ({patterns});;All files (*)": "Foto dan dokumen ({patterns});;Semua berkas (*)",
        "{count} file(s) saved.": "{count} berkas disimpan.",
        "remove “{name}”": "hapus “{name}”",
        "Removed: “{name}”": "Dihapus: “{name}”",
        "Ph&otos and files": "F&oto dan berkas",
        "Evidence of the selected follow-up ({count})": "Bukti tindak lanjut terpilih ({count})",
        "Photos and files ({count})": "Foto dan berkas ({count})",
        "Photos and files": "Foto dan berkas",
        "Photo": "Foto",
        "The attached files could not all be copied to {folder} ({error}); they are kept in the data folder.": "Tidak semua berkas lampiran dapat disalin ke {folder} ({error}); berkas tetap tersimpan di folder data.",
        "file missing from the data folder": "berkas tidak ada di folder data",
        "Saving {count} file(s)…": "Menyimpan {count} berkas…",
        "pasted picture.png": "gambar tempelan.png",
        "Document": "Dokumen",
        "Kind of file": "Jenis berkas",
        "File name": "Nama berkas",
    }
)
ID["Fetching the file from the server…"] = "Mengambil berkas dari server…"
ID["Files: {sent} sent, {received} received."] = "Berkas: {sent} terkirim, {received} diterima."
ID["A file transfer was cut off; the next sync goes on from where it stopped."] = (
    "Pengiriman sebuah berkas terputus; sinkronisasi berikutnya melanjutkannya dari titik terakhir."
)
