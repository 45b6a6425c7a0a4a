<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
    <context>
        <name />
        <message>
            <source>Cannot write {path}: {error}</source>
            <translation>Tidak dapat menulis {path}: {error}</translation>
        </message>
        <message>
            <source>Cannot read {path}: {error}</source>
            <translation>Tidak dapat membaca {path}: {error}</translation>
        </message>
    </context>
    <context>
        <name>AboutGroup</name>
        <message>
            <source>About</source>
            <translation>Tentang</translation>
        </message>
        <message>
            <source>Mufakat version {version}</source>
            <translation>Mufakat versi {version}</translation>
        </message>
        <message>
            <source>Public consultation forums (Forum Konsultasi Publik), offline first.</source>
            <translation>Forum Konsultasi Publik, tetap jalan tanpa jaringan.</translation>
        </message>
        <message>
            <source>New version available: {version}. Download it from your office's server: {link} and install it over this one; the data stays.</source>
            <translation>Versi baru tersedia: {version}. Unduh dari server kantor Anda: {link} lalu pasang menimpa versi ini; datanya tetap ada.</translation>
        </message>
    </context>
    <context>
        <name>AgendaTab</name>
        <message>
            <source>Agenda item, e.g. Presentation of the service standard</source>
            <translation>Mata acara, mis. Paparan standar pelayanan</translation>
        </message>
        <message>
            <source>Presenter</source>
            <translation>Penyaji</translation>
        </message>
        <message>
            <source> min</source>
            <translation> menit</translation>
        </message>
        <message>
            <source>Make &amp;current</source>
            <translation>Jadikan &amp;berjalan</translation>
        </message>
        <message>
            <source>Add ite&amp;m</source>
            <translation>&amp;Tambah</translation>
        </message>
        <message>
            <source>Remo&amp;ve</source>
            <translation>Ha&amp;pus</translation>
        </message>
        <message>
            <source>Time on the running agenda item</source>
            <translation>Waktu agenda berjalan</translation>
        </message>
        <message>
            <source>Drag items, or Alt+↑/↓, to reorder.</source>
            <translation>Seret mata acara, atau Alt+↑/↓, untuk mengubah urutan.</translation>
        </message>
        <message>
            <source>No agenda items yet</source>
            <translation>Belum ada mata acara</translation>
        </message>
        <message>
            <source>Type the first item above (opening, presentation, discussion…) and press Enter.</source>
            <translation>Ketik mata acara pertama di atas (pembukaan, paparan, diskusi…) lalu tekan Enter.</translation>
        </message>
        <message>
            <source>({minutes} min)</source>
            <translation>({minutes} menit)</translation>
        </message>
        <message>
            <source>No agenda item is running. Select one and press “Make current”.</source>
            <translation>Belum ada mata acara yang berjalan. Pilih satu lalu tekan “Jadikan berjalan”.</translation>
        </message>
        <message>
            <source>Now: {title}</source>
            <translation>Sekarang: {title}</translation>
        </message>
        <message>
            <source>Time on this item: {elapsed} of {planned} (minutes:seconds)</source>
            <translation>Waktu agenda berjalan: {elapsed} dari {planned} (menit:detik)</translation>
        </message>
        <message>
            <source>Time on this item: {elapsed} (minutes:seconds)</source>
            <translation>Waktu agenda berjalan: {elapsed} (menit:detik)</translation>
        </message>
    </context>
    <context>
        <name>AnswerDialog</name>
        <message>
            <source>Answer the escalation</source>
            <translation>Jawab eskalasi</translation>
        </message>
        <message>
            <source>The answer the originating office will see (a reason when declined)</source>
            <translation>Jawaban yang akan dilihat kantor pengusul (beserta alasan bila ditolak)</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Hasil</translation>
        </message>
        <message>
            <source>Answer</source>
            <translation>Jawaban</translation>
        </message>
    </context>
    <context>
        <name>AttachmentsPanel</name>
        <message>
            <source>Add photo/&amp;file…</source>
            <translation>Tambah foto/&amp;berkas…</translation>
        </message>
        <message>
            <source>Photos (JPEG, PNG, HEIC) and documents (PDF, XLSX) of up to 25 MB; or drop them here, or paste</source>
            <translation>Foto (JPEG, PNG, HEIC) dan dokumen (PDF, XLSX) paling besar 25 MB; atau seret ke sini, atau tempel</translation>
        </message>
        <message>
            <source>Signed attendance list (scan)</source>
            <translation>Daftar hadir bertanda tangan (pindaian)</translation>
        </message>
        <message>
            <source>Mark the selected file as the forum's scanned, signed attendance list</source>
            <translation>Tandai berkas terpilih sebagai pindaian daftar hadir forum yang sudah ditandatangani</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>Remove the selected file; Ctrl+Z brings it back</source>
            <translation>Hapus berkas terpilih; Ctrl+Z mengembalikannya</translation>
        </message>
        <message>
            <source>Caption of the selected file (Enter saves it)</source>
            <translation>Keterangan berkas terpilih (Enter untuk menyimpan)</translation>
        </message>
        <message>
            <source>Files of this forum: {size} MB</source>
            <translation>Berkas forum ini: {size} MB</translation>
        </message>
        <message>
            <source>Signed attendance list</source>
            <translation>Daftar hadir bertanda tangan</translation>
        </message>
        <message>
            <source>laptop “{name}”</source>
            <translation>laptop “{name}”</translation>
        </message>
        <message>
            <source>{who}'s laptop</source>
            <translation>laptop {who}</translation>
        </message>
        <message>
            <source>lost from the data folder</source>
            <translation>hilang dari folder data</translation>
        </message>
        <message>
            <source>“{name}” is no longer in the data folder (removed by hand) and was not sent: no other laptop has it. Add the same file again to put it back, or remove this entry.</source>
            <translation>“{name}” tidak ada lagi di folder data (dihapus manual) dan belum terkirim: laptop lain tidak memilikinya. Tambahkan lagi berkas yang sama untuk mengembalikannya, atau hapus entri ini.</translation>
        </message>
        <message>
            <source>on the server: open to fetch</source>
            <translation>ada di server: buka untuk mengambil</translation>
        </message>
        <message>
            <source>Not on this laptop yet, but on the server: open it (double-click or Enter) to fetch it.</source>
            <translation>Belum ada di laptop ini, tetapi sudah ada di server: buka (klik ganda atau Enter) untuk mengambilnya.</translation>
        </message>
        <message>
            <source>on {laptop}</source>
            <translation>ada di {laptop}</translation>
        </message>
        <message>
            <source>Not received on this laptop yet; it is on {laptop}, and comes with its changes.</source>
            <translation>Belum diterima di laptop ini; berkas ada di {laptop} dan akan datang bersama perubahannya.</translation>
        </message>
        <message>
            <source>The server does not have it yet; it is on {laptop}.</source>
            <translation>Server belum memilikinya; berkas ada di {laptop}.</translation>
        </message>
        <message>
            <source>The server could not be reached; open it again once this laptop is online.</source>
            <translation>Server tidak dapat dihubungi; buka lagi setelah laptop ini terhubung.</translation>
        </message>
        <message>
            <source>{size} MB</source>
            <translation>{size} MB</translation>
        </message>
        <message>
            <source>Add photos or files</source>
            <translation>Tambah foto atau berkas</translation>
        </message>
        <message>
            <source>Photos and documents ({patterns});;All files (*)</source>
            <translation>Foto dan dokumen ({patterns});;Semua berkas (*)</translation>
        </message>
        <message>
            <source>Saving {count} file(s)…</source>
            <translation>Menyimpan {count} berkas…</translation>
        </message>
        <message>
            <source>{count} file(s) saved.</source>
            <translation>{count} berkas disimpan.</translation>
        </message>
        <message>
            <source>pasted picture.png</source>
            <translation>gambar tempelan.png</translation>
        </message>
        <message>
            <source>remove “{name}”</source>
            <translation>hapus “{name}”</translation>
        </message>
        <message>
            <source>Removed: “{name}”</source>
            <translation>Dihapus: “{name}”</translation>
        </message>
        <message>
            <source>Fetching the file from the server…</source>
            <translation>Mengambil berkas dari server…</translation>
        </message>
    </context>
    <context>
        <name>AttendanceTab</name>
        <message>
            <source>Type a name, then Enter to sign in</source>
            <translation>Ketik nama, lalu Enter untuk mengisi daftar hadir</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Instansi/organisasi</translation>
        </message>
        <message>
            <source>Vulnerable group</source>
            <translation>Kelompok rentan</translation>
        </message>
        <message>
            <source>Sign &amp;in</source>
            <translation>&amp;Catat hadir</translation>
        </message>
        <message>
            <source>&amp;Undo sign-in</source>
            <translation>&amp;Batalkan kehadiran</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Ubah…</translation>
        </message>
        <message>
            <source>Remo&amp;ve from the list</source>
            <translation>Hapus &amp;dari daftar</translation>
        </message>
        <message>
            <source>I&amp;mport invitation list…</source>
            <translation>&amp;Impor daftar undangan…</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Urungkan</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Ulangi</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>Element of the public</source>
            <translation>Unsur masyarakat</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>Jenis kelamin</translation>
        </message>
        <message>
            <source>Vulnerable</source>
            <translation>Rentan</translation>
        </message>
        <message>
            <source>Signed in</source>
            <translation>Hadir</translation>
        </message>
        <message>
            <source>No one on the list yet</source>
            <translation>Belum ada yang tercatat di daftar</translation>
        </message>
        <message>
            <source>Type a name above and press Enter as people arrive, or import the invitation list (Excel, CSV).</source>
            <translation>Ketik nama di atas lalu tekan Enter saat peserta datang, atau impor daftar undangan (Excel, CSV).</translation>
        </message>
        <message>
            <source>{role} ({element})</source>
            <translation>{role} ({element})</translation>
        </message>
        <message>
            <source>Present: {present} of {listed}: {participants} participant(s) and {organisers} organiser(s) · participants: women {women}, men {men}, vulnerable {vulnerable}</source>
            <translation>Hadir: {present} dari {listed}: {participants} peserta dan {organisers} panitia · peserta: perempuan {women}, laki-laki {men}, kelompok rentan {vulnerable}</translation>
        </message>
        <message>
            <source>Not elements of the public: {others}</source>
            <translation>Bukan unsur masyarakat: {others}</translation>
        </message>
        <message>
            <source>none</source>
            <translation>tidak ada</translation>
        </message>
        <message>
            <source>; missing: {names}</source>
            <translation>; tidak hadir: {names}</translation>
        </message>
        <message>
            <source>The office's mapping (Settings → Office): {mapping}</source>
            <translation>Pemetaan kantor (Pengaturan → Kantor): {mapping}</translation>
        </message>
        <message>
            <source>Diversity of the participants: {n} categor(y/ies) of the public</source>
            <translation>Keragaman peserta: {n} kategori masyarakat</translation>
        </message>
        <message>
            <source>&lt;b&gt;PEKPPP score, number of unsur (indicator 2): {n} of {full}&lt;/b&gt; — {present}{missing}</source>
            <translation>&lt;b&gt;Nilai jumlah unsur PEKPPP (indikator 2): {n} dari {full}&lt;/b&gt; — {present}{missing}</translation>
        </message>
        <message>
            <source>Only {n} of PEKPPP's {full} unsur present; the evaluation gives full marks when all {full} take part. Invite the missing: {names}.</source>
            <translation>Baru {n} dari {full} unsur PEKPPP yang hadir; evaluasi memberi nilai penuh bila {full} unsur hadir semua. Undang yang belum hadir: {names}.</translation>
        </message>
        <message>
            <source>{name} ({details}) is already signed in.</source>
            <translation>{name} ({details}) sudah tercatat hadir.</translation>
        </message>
        <message>
            <source>On the list: {name} ({details}). Enter signs them in.</source>
            <translation>Ada di daftar: {name} ({details}). Enter mencatat kehadirannya.</translation>
        </message>
        <message>
            <source>Someone new: “{name}”</source>
            <translation>Orang baru: “{name}”</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Catat hadir</translation>
        </message>
        <message>
            <source>More than one name on the list has “{typed}”. Who is it?</source>
            <translation>Lebih dari satu nama di daftar memuat “{typed}”. Siapa yang dimaksud?</translation>
        </message>
        <message>
            <source>Type the person's name first.</source>
            <translation>Ketik dulu nama orangnya.</translation>
        </message>
        <message>
            <source>{name} is already signed in.</source>
            <translation>{name} sudah tercatat hadir.</translation>
        </message>
        <message>
            <source>sign in</source>
            <translation>catat hadir</translation>
        </message>
        <message>
            <source>{name} signed in.</source>
            <translation>{name} tercatat hadir.</translation>
        </message>
        <message>
            <source>add walk-in</source>
            <translation>tambah peserta baru</translation>
        </message>
        <message>
            <source>{name} added and signed in.</source>
            <translation>{name} ditambahkan dan tercatat hadir.</translation>
        </message>
        <message>
            <source>Restored what was typed before Mufakat closed; Enter signs them in.</source>
            <translation>Ketikan sebelum Mufakat tertutup dipulihkan; Enter mencatat kehadirannya.</translation>
        </message>
        <message>
            <source>undo sign-in</source>
            <translation>batalkan kehadiran</translation>
        </message>
        <message>
            <source>edit participant</source>
            <translation>ubah data peserta</translation>
        </message>
        <message>
            <source>{name} updated.</source>
            <translation>Data {name} diperbarui.</translation>
        </message>
        <message>
            <source>remove participant</source>
            <translation>hapus peserta</translation>
        </message>
        <message>
            <source>{name} was removed from the list (Ctrl+Z brings them back).</source>
            <translation>{name} dihapus dari daftar (Ctrl+Z mengembalikannya).</translation>
        </message>
        <message>
            <source>Import invitation list</source>
            <translation>Impor daftar undangan</translation>
        </message>
        <message>
            <source>Spreadsheets (*.xlsx *.csv)</source>
            <translation>Lembar kerja (*.xlsx *.csv)</translation>
        </message>
        <message>
            <source>line {line}: {problem}</source>
            <translation>baris {line}: {problem}</translation>
        </message>
        <message>
            <source>{added} imported, {skipped} already on the list.</source>
            <translation>{added} diimpor, {skipped} sudah ada di daftar.</translation>
        </message>
    </context>
    <context>
        <name>AttentionPage</name>
        <message>
            <source>Changes the server refused, and values that lost to a change made at the same time on another laptop. Nothing here is lost: choose what happens to each.</source>
            <translation>Perubahan yang ditolak server, dan isian yang kalah oleh perubahan pada saat yang sama di laptop lain. Tidak ada yang hilang: pilih apa yang terjadi pada masing-masing.</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Apa</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Mengapa</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Kapan</translation>
        </message>
        <message>
            <source>Nothing needs your attention: the server refused no change, and no value lost to another laptop.</source>
            <translation>Tidak ada yang perlu diperhatikan: tidak ada perubahan yang ditolak server, dan tidak ada isian yang kalah oleh laptop lain.</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation>&amp;Coba lagi</translation>
        </message>
        <message>
            <source>Make the change again now, on the record as it is, and send it.</source>
            <translation>Buat perubahan itu lagi sekarang, pada data sebagaimana adanya, lalu kirim.</translation>
        </message>
        <message>
            <source>D&amp;iscard…</source>
            <translation>&amp;Buang…</translation>
        </message>
        <message>
            <source>Keep what the server has; your refused change is not sent.</source>
            <translation>Pakai yang ada di server; perubahan Anda yang ditolak tidak dikirim.</translation>
        </message>
        <message>
            <source>&amp;Copy as new</source>
            <translation>&amp;Salin sebagai baru</translation>
        </message>
        <message>
            <source>Add what you typed again, as a new record of this office.</source>
            <translation>Tambahkan lagi yang Anda ketik, sebagai data baru kantor ini.</translation>
        </message>
        <message>
            <source>Sent again: it goes out with the next sync.</source>
            <translation>Dikirim ulang: ikut terkirim pada sinkronisasi berikutnya.</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>Perlu perhatian</translation>
        </message>
        <message>
            <source>(and {n} later change(s) that depend on it)</source>
            <translation>(dan {n} perubahan sesudahnya yang bergantung padanya)</translation>
        </message>
        <message>
            <source>{record}: {fields} changed on another laptop at the same time</source>
            <translation>{record}: {fields} diubah di laptop lain pada saat yang sama</translation>
        </message>
        <message>
            <source>Kept: “{now}”; lost: “{lost}”</source>
            <translation>Dipakai: “{now}”; kalah: “{lost}”</translation>
        </message>
        <message>
            <source>This laptop now shows the change made first on the other laptop. Discard yours to keep it, or retry to make yours on top of it, if the rules still allow it.</source>
            <translation>Laptop ini kini menampilkan perubahan yang lebih dulu dibuat di laptop lain. Buang perubahan Anda untuk mempertahankannya, atau coba lagi untuk menerapkan perubahan Anda di atasnya, bila aturannya masih mengizinkan.</translation>
        </message>
        <message>
            <source>The server does not have the record this change needs. Retry once it is there (after the other laptop has synced), or discard the change.</source>
            <translation>Server belum memiliki data yang diperlukan perubahan ini. Coba lagi setelah data itu ada (setelah laptop lain bersinkronisasi), atau buang perubahan itu.</translation>
        </message>
        <message>
            <source>Copy it as new to keep what you typed as a record of this office, or discard it.</source>
            <translation>Salin sebagai baru untuk menyimpan yang Anda ketik sebagai data kantor ini, atau buang.</translation>
        </message>
        <message>
            <source>The server runs an older Mufakat: retry once the administrator has updated it.</source>
            <translation>Server menjalankan Mufakat versi lama: coba lagi setelah administrator memperbaruinya.</translation>
        </message>
        <message>
            <source>The server will not take it as it is. Copy it as new, or discard it.</source>
            <translation>Server tidak menerimanya dalam bentuk ini. Salin sebagai baru, atau buang.</translation>
        </message>
        <message>
            <source>Retry it, or discard it to keep what the server has.</source>
            <translation>Coba lagi, atau buang untuk memakai yang ada di server.</translation>
        </message>
        <message>
            <source>The server will not take this change. Discard it to keep what the server has.</source>
            <translation>Server tidak menerima perubahan ini. Buang untuk memakai yang ada di server.</translation>
        </message>
        <message>
            <source>Why: {why}</source>
            <translation>Mengapa: {why}</translation>
        </message>
        <message>
            <source>Made {made}; refused {refused}</source>
            <translation>Dibuat {made}; ditolak {refused}</translation>
        </message>
        <message>
            <source>What to do: {advice}</source>
            <translation>Yang dapat dilakukan: {advice}</translation>
        </message>
        <message>
            <source>Depends on it, and follows your choice:</source>
            <translation>Bergantung padanya, dan mengikuti pilihan Anda:</translation>
        </message>
        <message>
            <source>… and {n} more</source>
            <translation>… dan {n} lagi</translation>
        </message>
        <message>
            <source>Discard this change? This laptop keeps what the server has; the refused change is not sent (it stays in the log of refused changes).</source>
            <translation>Buang perubahan ini? Laptop ini memakai yang ada di server; perubahan yang ditolak tidak dikirim (tetap tercatat dalam log perubahan yang ditolak).</translation>
        </message>
        <message>
            <source>Discarded: this laptop keeps what the server has.</source>
            <translation>Dibuang: laptop ini memakai yang ada di server.</translation>
        </message>
        <message>
            <source>Copied as new: it goes out with the next sync.</source>
            <translation>Disalin sebagai baru: ikut terkirim pada sinkronisasi berikutnya.</translation>
        </message>
        <message>
            <source>{n} later change(s) (a status, votes, a follow-up) start over on the copy.</source>
            <translation>{n} perubahan sesudahnya (status, dukungan, tindak lanjut) dimulai lagi pada salinan.</translation>
        </message>
        <message>
            <source>Done: the other laptops of the office follow at their next sync.</source>
            <translation>Selesai: laptop lain di kantor ini mengikuti pada sinkronisasi berikutnya.</translation>
        </message>
    </context>
    <context>
        <name>AutoBackup</name>
        <message>
            <source>The automatic backup failed; details are in the log.</source>
            <translation>Pencadangan otomatis gagal; rinciannya ada di log.</translation>
        </message>
    </context>
    <context>
        <name>BackupGroup</name>
        <message>
            <source>Backups</source>
            <translation>Cadangan</translation>
        </message>
        <message>
            <source>&amp;Back up now</source>
            <translation>&amp;Cadangkan sekarang</translation>
        </message>
        <message>
            <source>Res&amp;tore from backup…</source>
            <translation>&amp;Pulihkan dari cadangan…</translation>
        </message>
        <message>
            <source>e.g. a USB stick: E:\cadangan-mufakat (optional)</source>
            <translation>mis. flashdisk: E:\cadangan-mufakat (tidak wajib)</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Pilih…</translation>
        </message>
        <message>
            <source>Second folder for every backup</source>
            <translation>Folder kedua untuk setiap cadangan</translation>
        </message>
        <message>
            <source>No backup yet. Mufakat backs the data up once a day while it runs.</source>
            <translation>Belum ada cadangan. Mufakat mencadangkan data sekali sehari selama aplikasi berjalan.</translation>
        </message>
        <message>
            <source>Last backup: {when} ({size}). Mufakat backs the data up once a day while it runs.</source>
            <translation>Cadangan terakhir: {when} ({size}). Mufakat mencadangkan data sekali sehari selama aplikasi berjalan.</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>Sedang mencadangkan…</translation>
        </message>
        <message>
            <source>Backed up: {name}.</source>
            <translation>Sudah dicadangkan: {name}.</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist; plug in the drive or choose another folder.</source>
            <translation>Folder {folder} tidak ada; colokkan drive-nya atau pilih folder lain.</translation>
        </message>
        <message>
            <source>Every backup is copied to {folder} too.</source>
            <translation>Setiap cadangan juga disalin ke {folder}.</translation>
        </message>
        <message>
            <source>Backups are kept in the data folder only.</source>
            <translation>Cadangan hanya disimpan di folder data.</translation>
        </message>
        <message>
            <source>of {when} ({kind})</source>
            <translation>tanggal {when} ({kind})</translation>
        </message>
        <message>
            <source>Restore from backup</source>
            <translation>Pulihkan dari cadangan</translation>
        </message>
        <message>
            <source>Replace the data on this laptop by the copy {name}?

The data of now is kept as a backup. Changes this laptop already sent to the server come back at the next sync.</source>
            <translation>Ganti data di laptop ini dengan salinan {name}?

Data saat ini disimpan sebagai cadangan. Perubahan yang sudah dikirim laptop ini ke server kembali pada sinkronisasi berikutnya.</translation>
        </message>
    </context>
    <context>
        <name>CaptureTab</name>
        <message>
            <source>Type the recommendation; Enter saves it</source>
            <translation>Ketik rekomendasi; Enter menyimpannya</translation>
        </message>
        <message>
            <source>Raised by (attendee)</source>
            <translation>Diusulkan oleh (peserta)</translation>
        </message>
        <message>
            <source>Office's response (optional)</source>
            <translation>Tanggapan kantor (opsional)</translation>
        </message>
        <message>
            <source>(topic)</source>
            <translation>(topik)</translation>
        </message>
        <message>
            <source>Toggle the scope: within our unit ↔ policy, escalate upward (F2)</source>
            <translation>Ganti ranah: kewenangan unit ↔ kebijakan, diteruskan ke atas (F2)</translation>
        </message>
        <message>
            <source>Save (Enter)</source>
            <translation>Simpan (Enter)</translation>
        </message>
        <message>
            <source>Vote +</source>
            <translation>Dukung +</translation>
        </message>
        <message>
            <source>Vote −</source>
            <translation>Dukung −</translation>
        </message>
        <message>
            <source>Edit… (F3)</source>
            <translation>Ubah… (F3)</translation>
        </message>
        <message>
            <source>Response… (F4)</source>
            <translation>Tanggapan… (F4)</translation>
        </message>
        <message>
            <source>Delete (Del)</source>
            <translation>Hapus (Del)</translation>
        </message>
        <message>
            <source>Merge duplicates… (Ctrl+M)</source>
            <translation>Gabungkan duplikat… (Ctrl+M)</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Urungkan</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Ulangi</translation>
        </message>
        <message>
            <source>Enter save · F2 scope · on the list: + / − vote, F3 edit, F4 response, Del delete, Ctrl+M merge · Ctrl+Z undo · Ctrl+Y or Ctrl+Shift+Z redo</source>
            <translation>Enter simpan · F2 ranah · di daftar: + / − dukungan, F3 ubah, F4 tanggapan, Del hapus, Ctrl+M gabung · Ctrl+Z urungkan · Ctrl+Y atau Ctrl+Shift+Z ulangi</translation>
        </message>
        <message>
            <source>No recommendations yet in this forum</source>
            <translation>Belum ada rekomendasi di forum ini</translation>
        </message>
        <message>
            <source>Type what a participant recommends in the line above and press Enter; F2 files it under policy.</source>
            <translation>Ketik usulan peserta pada baris di atas lalu tekan Enter; F2 menjadikannya ranah kebijakan.</translation>
        </message>
        <message>
            <source>(agenda item)</source>
            <translation>(mata acara)</translation>
        </message>
        <message>
            <source>{n} recommendation(s) in this forum</source>
            <translation>{n} rekomendasi di forum ini</translation>
        </message>
        <message>
            <source>{scope} (F2)</source>
            <translation>{scope} (F2)</translation>
        </message>
        <message>
            <source>Restored what was typed before Mufakat closed; Enter saves it.</source>
            <translation>Ketikan sebelum Mufakat tertutup dipulihkan; Enter menyimpannya.</translation>
        </message>
        <message>
            <source>“{name}” fits {people}: pick one from the suggestions.</source>
            <translation>“{name}” cocok dengan {people}: pilih satu dari saran.</translation>
        </message>
        <message>
            <source>{name} is not on the attendance list; sign them in first, or leave it empty.</source>
            <translation>{name} tidak ada di daftar hadir; catat kehadirannya dulu, atau kosongkan.</translation>
        </message>
        <message>
            <source>add recommendation</source>
            <translation>tambah rekomendasi</translation>
        </message>
        <message>
            <source>Saved, raised by {name}.</source>
            <translation>Tersimpan, diusulkan oleh {name}.</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Tersimpan.</translation>
        </message>
        <message>
            <source>Live capture</source>
            <translation>Pencatatan langsung</translation>
        </message>
        <message>
            <source>vote</source>
            <translation>dukungan</translation>
        </message>
        <message>
            <source>change scope</source>
            <translation>ganti ranah</translation>
        </message>
        <message>
            <source>edit</source>
            <translation>ubah</translation>
        </message>
        <message>
            <source>Office's response</source>
            <translation>Tanggapan kantor</translation>
        </message>
        <message>
            <source>Response to: {text}</source>
            <translation>Tanggapan atas: {text}</translation>
        </message>
        <message>
            <source>response</source>
            <translation>tanggapan</translation>
        </message>
        <message>
            <source>delete recommendation</source>
            <translation>hapus rekomendasi</translation>
        </message>
        <message>
            <source>Deleted: “{text}”. Ctrl+Z brings it back.</source>
            <translation>Dihapus: “{text}”. Ctrl+Z mengembalikannya.</translation>
        </message>
        <message>
            <source>Select exactly two recommendations (Ctrl+click): the duplicate and the one to keep.</source>
            <translation>Pilih tepat dua rekomendasi (Ctrl+klik): duplikatnya dan yang dipertahankan.</translation>
        </message>
        <message>
            <source>Merge duplicates</source>
            <translation>Gabungkan duplikat</translation>
        </message>
        <message>
            <source>Merge “{duplicate}” into “{keep}”? Its votes move over. A merge cannot be undone.</source>
            <translation>Gabungkan “{duplicate}” ke dalam “{keep}”? Dukungannya ikut pindah. Penggabungan tidak dapat diurungkan.</translation>
        </message>
        <message>
            <source>Merged.</source>
            <translation>Digabungkan.</translation>
        </message>
    </context>
    <context>
        <name>CloseForumDialog</name>
        <message>
            <source>Close the forum</source>
            <translation>Tutup forum</translation>
        </message>
        <message>
            <source>Closing the forum freezes its berita acara as it is now: every laptop of the office prints exactly this, and the forum takes no more changes (its recommendations are still triaged). What reaches the office afterwards goes in the follow-up report.</source>
            <translation>Menutup forum membekukan berita acaranya seperti sekarang: setiap laptop kantor mencetak persis ini, dan forum tidak dapat diubah lagi (rekomendasinya tetap dapat dipilah). Apa yang diterima kantor sesudahnya masuk ke laporan tindak lanjut.</translation>
        </message>
        <message>
            <source>e.g. BA-1/KPN.1701/2024</source>
            <translation>mis. BA-1/KPN.1701/2024</translation>
        </message>
        <message>
            <source>&amp;Number of the minutes</source>
            <translation>&amp;Nomor berita acara</translation>
        </message>
        <message>
            <source>Folio (215 × 330 mm)</source>
            <translation>Folio (215 × 330 mm)</translation>
        </message>
        <message>
            <source>&amp;Paper</source>
            <translation>&amp;Kertas</translation>
        </message>
        <message>
            <source>e.g. Sorong</source>
            <translation>mis. Sorong</translation>
        </message>
        <message>
            <source>Signing &amp;place (the office's city)</source>
            <translation>K&amp;ota penandatanganan</translation>
        </message>
        <message>
            <source>e.g. Aula KPPN Sorong</source>
            <translation>mis. Aula KPPN Sorong</translation>
        </message>
        <message>
            <source>&amp;Venue of the forum</source>
            <translation>Te&amp;mpat forum</translation>
        </message>
        <message>
            <source>Signatories</source>
            <translation>Penanda tangan</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>NIP</source>
            <translation>NIP</translation>
        </message>
        <message>
            <source>e.g. 19750515 200003 1 001</source>
            <translation>mis. 19750515 200003 1 001</translation>
        </message>
        <message>
            <source>Close it &amp;anyway: the berita acara is frozen like this</source>
            <translation>&amp;Ya, tetap tutup: berita acara dibekukan seperti ini</translation>
        </message>
        <message>
            <source>&amp;Close the forum</source>
            <translation>&amp;Tutup forum</translation>
        </message>
    </context>
    <context>
        <name>Common</name>
        <message>
            <source>Mufakat</source>
            <translation>Mufakat</translation>
        </message>
    </context>
    <context>
        <name>CompleteDialog</name>
        <message>
            <source>Mark done</source>
            <translation>Tandai selesai</translation>
        </message>
        <message>
            <source>What shows it is done? Attach a photo or file (required by the office); a text is optional.</source>
            <translation>Apa buktinya sudah selesai? Lampirkan foto atau berkas (disyaratkan kantor); keterangan tertulis boleh dikosongkan.</translation>
        </message>
        <message>
            <source>What shows it is done? Write it (a document, a link), attach a photo or file, or both.</source>
            <translation>Apa buktinya sudah selesai? Tuliskan (dokumen, tautan), lampirkan foto atau berkas, atau keduanya.</translation>
        </message>
        <message>
            <source>Evidence of completion</source>
            <translation>Bukti penyelesaian</translation>
        </message>
        <message>
            <source>&amp;Mark done</source>
            <translation>&amp;Tandai selesai</translation>
        </message>
        <message>
            <source>The files are still being saved; a moment.</source>
            <translation>Berkas masih disimpan; tunggu sebentar.</translation>
        </message>
    </context>
    <context>
        <name>ConflictCard</name>
        <message>
            <source>Use &amp;mine</source>
            <translation>&amp;Pakai punya saya</translation>
        </message>
        <message>
            <source>Use the value that &amp;lost</source>
            <translation>Pakai yang &amp;kalah</translation>
        </message>
        <message>
            <source>Apply the value that lost again, as a new change: it then replaces the one in use everywhere.</source>
            <translation>Terapkan lagi isian yang kalah sebagai perubahan baru: isian itu lalu menggantikan yang dipakai di semua laptop.</translation>
        </message>
        <message>
            <source>&amp;Keep this one</source>
            <translation>Pakai yang &amp;ini</translation>
        </message>
        <message>
            <source>Keep the value in use; the marker closes on every laptop of the office.</source>
            <translation>Pertahankan isian yang dipakai; tanda ini tertutup di semua laptop kantor.</translation>
        </message>
        <message>
            <source>&amp;Dismiss</source>
            <translation>&amp;Abaikan</translation>
        </message>
        <message>
            <source>Close the marker on every laptop of the office; nothing else changes.</source>
            <translation>Tutup tanda ini di semua laptop kantor; tidak ada yang lain berubah.</translation>
        </message>
        <message>
            <source>typed on this laptop</source>
            <translation>diketik di laptop ini</translation>
        </message>
        <message>
            <source>typed on another laptop</source>
            <translation>diketik di laptop lain</translation>
        </message>
        <message>
            <source>Changed on another laptop at the same time: {fields}</source>
            <translation>Diubah di laptop lain pada saat yang sama: {fields}</translation>
        </message>
        <message>
            <source>In use now: “{value}”</source>
            <translation>Dipakai sekarang: “{value}”</translation>
        </message>
        <message>
            <source>Lost: “{value}”</source>
            <translation>Kalah: “{value}”</translation>
        </message>
    </context>
    <context>
        <name>DetailsTab</name>
        <message>
            <source>Role</source>
            <translation>Peran</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>NIP</source>
            <translation>NIP</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Jabatan</translation>
        </message>
        <message>
            <source>Fills the chosen row with the user's name, NIP and jabatan</source>
            <translation>Mengisi baris terpilih dengan nama, NIP, dan jabatan pengguna</translation>
        </message>
        <message>
            <source>S&amp;tart the forum</source>
            <translation>&amp;Mulai forum</translation>
        </message>
        <message>
            <source>C&amp;lose the forum</source>
            <translation>&amp;Tutup forum</translation>
        </message>
        <message>
            <source>Re&amp;open the forum…</source>
            <translation>&amp;Buka kembali forum…</translation>
        </message>
        <message>
            <source>To correct a closed forum's minutes; the reason is recorded in its history</source>
            <translation>Untuk membetulkan berita acara forum yang sudah ditutup; alasannya dicatat dalam riwayat</translation>
        </message>
        <message>
            <source>Published on the office's public page</source>
            <translation>Dipublikasikan di laman publik kantor</translation>
        </message>
        <message>
            <source>The server shows this forum to the public: its date, topic, how many of each unsur took part, and what became of each recommendation; never a participant's name or contact</source>
            <translation>Server menampilkan forum ini kepada publik: tanggal, topik, jumlah peserta setiap unsur, dan tindak lanjut setiap rekomendasi; tidak pernah nama atau kontak peserta</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Judul</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>Tema</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Tanggal</translation>
        </message>
        <message>
            <source>to</source>
            <translation>s.d.</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Waktu</translation>
        </message>
        <message>
            <source>Venue</source>
            <translation>Tempat</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>Bentuk</translation>
        </message>
        <message>
            <source>Facilitator</source>
            <translation>Fasilitator</translation>
        </message>
        <message>
            <source>Moderator</source>
            <translation>Moderator</translation>
        </message>
        <message>
            <source>Note-taker</source>
            <translation>Notulis</translation>
        </message>
        <message>
            <source>Document number</source>
            <translation>Nomor dokumen</translation>
        </message>
        <message>
            <source>Signatories</source>
            <translation>Penanda tangan</translation>
        </message>
        <message>
            <source>Document te&amp;mplates…</source>
            <translation>Templat dok&amp;umen…</translation>
        </message>
        <message>
            <source>Invitation and report</source>
            <translation>Undangan dan laporan</translation>
        </message>
        <message>
            <source>Public page</source>
            <translation>Laman publik</translation>
        </message>
        <message>
            <source>Status: {status}</source>
            <translation>Status: {status}</translation>
        </message>
        <message>
            <source>Fill the chosen row from a user…</source>
            <translation>Isi baris terpilih dari pengguna…</translation>
        </message>
        <message>
            <source>Start the forum now? Sign-in and live capture are then under way.</source>
            <translation>Mulai forum sekarang? Daftar hadir dan pencatatan langsung pun berjalan.</translation>
        </message>
        <message>
            <source>Reopen the forum</source>
            <translation>Buka kembali forum</translation>
        </message>
        <message>
            <source>Why is the forum reopened? Its minutes were final; the reason is kept in its history (e.g. a name misspelt on the attendance list).</source>
            <translation>Mengapa forum dibuka kembali? Berita acaranya sudah final; alasannya disimpan dalam riwayat (mis. nama salah ketik di daftar hadir).</translation>
        </message>
    </context>
    <context>
        <name>DocumentDialog</name>
        <message>
            <source>Folio (215 × 330 mm)</source>
            <translation>Folio (215 × 330 mm)</translation>
        </message>
        <message>
            <source>Draft (the forum as it is now)</source>
            <translation>Draf (forum seperti sekarang)</translation>
        </message>
        <message>
            <source>&amp;Version</source>
            <translation>&amp;Versi</translation>
        </message>
        <message>
            <source>Save PDF…</source>
            <translation>Simpan PDF…</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>Cetak…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>Paper</source>
            <translation>Kertas</translation>
        </message>
        <message>
            <source>Preparing the document…</source>
            <translation>Menyiapkan dokumen…</translation>
        </message>
        <message>
            <source>Fetching the photos from the server: {done} of {total}…</source>
            <translation>Mengambil foto dari server: {done} dari {total}…</translation>
        </message>
        <message>
            <source>{count} page(s). Check the preview, then save or print.</source>
            <translation>{count} halaman. Periksa pratinjau, lalu simpan atau cetak.</translation>
        </message>
        <message>
            <source>The server could not be reached: photos not on this laptop print as a box that says where they are. Open the document again once online to print them.</source>
            <translation>Server tidak dapat dihubungi: foto yang belum ada di laptop ini tercetak sebagai kotak yang menyebutkan letaknya. Buka lagi dokumen ini setelah terhubung untuk mencetaknya.</translation>
        </message>
        <message>
            <source>The document could not be made; details are in the log file.</source>
            <translation>Dokumen tidak dapat dibuat; rinciannya ada di berkas log.</translation>
        </message>
        <message>
            <source>The printer could not be started.</source>
            <translation>Pencetak tidak dapat dijalankan.</translation>
        </message>
    </context>
    <context>
        <name>Documents</name>
        <message>
            <source>Minutes (berita acara)</source>
            <translation>Berita acara</translation>
        </message>
        <message>
            <source>Attendance sheet (daftar hadir)</source>
            <translation>Daftar hadir</translation>
        </message>
        <message>
            <source>Invitation letters (surat undangan)</source>
            <translation>Surat undangan</translation>
        </message>
        <message>
            <source>Notes (notulen)</source>
            <translation>Notulen</translation>
        </message>
        <message>
            <source>Implementation report (laporan pelaksanaan)</source>
            <translation>Laporan pelaksanaan FKP</translation>
        </message>
        <message>
            <source>Follow-up report</source>
            <translation>Laporan tindak lanjut</translation>
        </message>
        <message>
            <source>Escalation cover letter</source>
            <translation>Surat pengantar eskalasi</translation>
        </message>
        <message>
            <source>Realisation of the survey's follow-up plan (RTL)</source>
            <translation>Realisasi rencana tindak lanjut (RTL) SKM</translation>
        </message>
        <message>
            <source>Register of consultation inputs</source>
            <translation>Register masukan konsultasi</translation>
        </message>
        <message>
            <source>Photos of the forum (dokumentasi)</source>
            <translation>Foto kegiatan forum (dokumentasi)</translation>
        </message>
        <message>
            <source>Version {number}, closed {when}</source>
            <translation>Versi {number}, ditutup {when}</translation>
        </message>
        <message>
            <source> (frozen when Mufakat was upgraded)</source>
            <translation> (dibekukan saat Mufakat diperbarui)</translation>
        </message>
        <message>
            <source>Version {number}, issued {day}</source>
            <translation>Versi {number}, terbit {day}</translation>
        </message>
        <message>
            <source>Draft (the questionnaires as they are now)</source>
            <translation>Draf (kuesioner seperti sekarang)</translation>
        </message>
        <message>
            <source>Survey report (SKM)</source>
            <translation>Laporan hasil SKM</translation>
        </message>
    </context>
    <context>
        <name>EditForumDialog</name>
        <message>
            <source>Edit forum</source>
            <translation>Ubah forum</translation>
        </message>
    </context>
    <context>
        <name>EnrollForm</name>
        <message>
            <source>one-time code from the administrator</source>
            <translation>kode sekali pakai dari administrator</translation>
        </message>
        <message>
            <source>optional: the office's CA certificate (.pem)</source>
            <translation>opsional: sertifikat CA kantor (.pem)</translation>
        </message>
        <message>
            <source>C&amp;hoose…</source>
            <translation>Pili&amp;h…</translation>
        </message>
        <message>
            <source>&amp;Enroll this device</source>
            <translation>&amp;Daftarkan perangkat ini</translation>
        </message>
        <message>
            <source>Server address</source>
            <translation>Alamat server</translation>
        </message>
        <message>
            <source>Enrollment code</source>
            <translation>Kode pendaftaran</translation>
        </message>
        <message>
            <source>Office CA file</source>
            <translation>Berkas CA kantor</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
            <translation>Sertifikat (*.pem *.crt *.cer);;Semua berkas (*)</translation>
        </message>
        <message>
            <source>Fill in both the server address and the enrollment code.</source>
            <translation>Isi alamat server dan kode pendaftaran.</translation>
        </message>
        <message>
            <source>Enrolling…</source>
            <translation>Mendaftarkan…</translation>
        </message>
        <message>
            <source>Enrolled as {unit}. The first sync is running.</source>
            <translation>Terdaftar sebagai {unit}. Sinkronisasi pertama sedang berjalan.</translation>
        </message>
    </context>
    <context>
        <name>EscalationsPage</name>
        <message>
            <source>No escalations received</source>
            <translation>Belum ada eskalasi masuk</translation>
        </message>
        <message>
            <source>Policy recommendations the offices below send up arrive here when this laptop syncs.</source>
            <translation>Rekomendasi kebijakan yang diusulkan kantor di bawah masuk ke sini saat laptop ini bersinkronisasi.</translation>
        </message>
        <message>
            <source>Mark as &amp;received</source>
            <translation>Tandai &amp;diterima</translation>
        </message>
        <message>
            <source>Tell the office below that this escalation is being looked at (it syncs back).</source>
            <translation>Beri tahu kantor di bawah bahwa eskalasi ini sedang ditelaah (terkirim saat sinkronisasi).</translation>
        </message>
        <message>
            <source>&amp;Answer…</source>
            <translation>&amp;Jawab…</translation>
        </message>
        <message>
            <source>&amp;Forward to our parent office…</source>
            <translation>&amp;Teruskan ke kantor atasan kami…</translation>
        </message>
        <message>
            <source>&amp;Minutes of the forum…</source>
            <translation>&amp;Berita acara forum…</translation>
        </message>
        <message>
            <source>The berita acara of the forum this recommendation came from, as it was signed</source>
            <translation>Berita acara forum asal rekomendasi ini, sebagaimana ditandatangani</translation>
        </message>
        <message>
            <source>Escalations received</source>
            <translation>Eskalasi masuk</translation>
        </message>
        <message>
            <source>{waiting} waiting for an answer, {late} overdue, {unacknowledged} not acknowledged within 3 working days</source>
            <translation>{waiting} menunggu jawaban, {late} lewat batas, {unacknowledged} belum ditandai diterima dalam 3 hari kerja</translation>
        </message>
        <message>
            <source>Photos and files from the office below ({count})</source>
            <translation>Foto dan berkas dari kantor di bawah ({count})</translation>
        </message>
        <message>
            <source>From {unit}, forum of {date}: {forum}</source>
            <translation>Dari {unit}, forum tanggal {date}: {forum}</translation>
        </message>
        <message>
            <source>Note from {unit}: “{note}”</source>
            <translation>Catatan dari {unit}: “{note}”</translation>
        </message>
        <message>
            <source>{unit} sent no note.</source>
            <translation>{unit} tidak menyertakan catatan.</translation>
        </message>
        <message>
            <source>Our answer: {answer}</source>
            <translation>Jawaban kami: {answer}</translation>
        </message>
        <message>
            <source>Disputed by the office below: {reason}</source>
            <translation>Disanggah oleh kantor di bawah: {reason}</translation>
        </message>
        <message>
            <source>Answered on {answered}; {unit} did not dispute it by {until}: settled (selesai).</source>
            <translation>Dijawab {answered}; {unit} tidak menyanggahnya sampai {until}: selesai.</translation>
        </message>
        <message>
            <source>Answered on {answered}; not disputed by {until}: the answer stands, settled once {unit}'s laptop syncs.</source>
            <translation>Dijawab {answered}; tidak disanggah sampai {until}: jawaban tetap berlaku, selesai setelah laptop {unit} tersinkron.</translation>
        </message>
        <message>
            <source>Answered on {answered}; {unit} may dispute the answer until {until}.</source>
            <translation>Dijawab {answered}; {unit} dapat menyanggah jawaban sampai {until}.</translation>
        </message>
        <message>
            <source>Forward</source>
            <translation>Teruskan</translation>
        </message>
        <message>
            <source>A note for our parent office (optional)</source>
            <translation>Catatan untuk kantor atasan kami (opsional)</translation>
        </message>
    </context>
    <context>
        <name>FirstRunPage</name>
        <message>
            <source>e.g. KPPN Sorong</source>
            <translation>mis. KPPN Sorong</translation>
        </message>
        <message>
            <source>e.g. Kantor Pelayanan Perbendaharaan Negara Sorong</source>
            <translation>mis. Kantor Pelayanan Perbendaharaan Negara Sorong</translation>
        </message>
        <message>
            <source>e.g. Sorong</source>
            <translation>mis. Sorong</translation>
        </message>
        <message>
            <source>e.g. Kanwil DJPb Provinsi Papua Barat Daya</source>
            <translation>mis. Kanwil DJPb Provinsi Papua Barat Daya</translation>
        </message>
        <message>
            <source>One line each, e.g.
KEMENTERIAN KEUANGAN REPUBLIK INDONESIA
DIREKTORAT JENDERAL PERBENDAHARAAN</source>
            <translation>Satu baris per tingkat, mis.
KEMENTERIAN KEUANGAN REPUBLIK INDONESIA
DIREKTORAT JENDERAL PERBENDAHARAAN</translation>
        </message>
        <message>
            <source>e.g. Rina Wulandari</source>
            <translation>mis. Rina Wulandari</translation>
        </message>
        <message>
            <source>18 digits, e.g. 198705122010122001</source>
            <translation>18 angka, mis. 198705122010122001</translation>
        </message>
        <message>
            <source>e.g. Kepala Subbagian Umum</source>
            <translation>mis. Kepala Subbagian Umum</translation>
        </message>
        <message>
            <source>at least 8 characters</source>
            <translation>sekurang-kurangnya 8 karakter</translation>
        </message>
        <message>
            <source>&amp;Start using Mufakat</source>
            <translation>&amp;Mulai memakai Mufakat</translation>
        </message>
        <message>
            <source>Your office</source>
            <translation>Kantor Anda</translation>
        </message>
        <message>
            <source>Short name (in sentences)</source>
            <translation>Nama singkat (dalam kalimat)</translation>
        </message>
        <message>
            <source>Full official name (in the letterhead)</source>
            <translation>Nama resmi lengkap (di kop surat)</translation>
        </message>
        <message>
            <source>City or regency (where its documents are signed)</source>
            <translation>Kota/kabupaten (tempat tanda tangan)</translation>
        </message>
        <message>
            <source>Parent office (escalations go there)</source>
            <translation>Kantor induk (tujuan eskalasi)</translation>
        </message>
        <message>
            <source>Letterhead lines above the name</source>
            <translation>Baris kop di atas nama</translation>
        </message>
        <message>
            <source>Logo (in the letterhead)</source>
            <translation>Logo (di kop surat)</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>Zona waktu</translation>
        </message>
        <message>
            <source>You, the office's first administrator</source>
            <translation>Anda, administrator pertama kantor</translation>
        </message>
        <message>
            <source>You add the others (the head of office, who triages and signs) in Settings → Users.</source>
            <translation>Pengguna lain (kepala kantor yang memilah dan menandatangani) Anda tambahkan di Pengaturan → Pengguna.</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>Nama Anda</translation>
        </message>
        <message>
            <source>NIP</source>
            <translation>NIP</translation>
        </message>
        <message>
            <source>Jabatan (position)</source>
            <translation>Jabatan</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Kata sandi</translation>
        </message>
        <message>
            <source>Password again</source>
            <translation>Ulangi kata sandi</translation>
        </message>
        <message>
            <source>&amp;Try with a sample forum</source>
            <translation>&amp;Coba dengan forum contoh</translation>
        </message>
        <message>
            <source>Loads a real forum (KPPN Sorong, 21 August 2024) to try every screen. Your own office can be set up later in Settings.</source>
            <translation>Memuat forum sungguhan (KPPN Sorong, 21 Agustus 2024) untuk mencoba setiap layar. Kantor Anda sendiri dapat diatur nanti di Pengaturan.</translation>
        </message>
        <message>
            <source>Just looking?</source>
            <translation>Sekadar melihat-lihat?</translation>
        </message>
        <message>
            <source>Is your office already on a Mufakat server?</source>
            <translation>Kantor Anda sudah terdaftar di server Mufakat?</translation>
        </message>
        <message>
            <source>Enroll this laptop with the code from the administrator: the office comes from the server.</source>
            <translation>Daftarkan laptop ini dengan kode dari administrator: data kantor diambil dari server.</translation>
        </message>
        <message>
            <source>Take in data of an &amp;old laptop…</source>
            <translation>&amp;Ambil data laptop lama…</translation>
        </message>
        <message>
            <source>Replacing an old laptop?</source>
            <translation>Mengganti laptop lama?</translation>
        </message>
        <message>
            <source>Take in the file made on the old laptop with “Export for a new laptop”.</source>
            <translation>Ambil berkas yang dibuat di laptop lama dengan “Ekspor untuk laptop baru”.</translation>
        </message>
        <message>
            <source>Welcome to Mufakat</source>
            <translation>Selamat datang di Mufakat</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Bahasa</translation>
        </message>
        <message>
            <source>Set up this laptop's office: it takes a minute, and all of it can be changed later in Settings. Only the short name and you, its first administrator, are needed to start.</source>
            <translation>Atur kantor untuk laptop ini: cukup semenit, dan semuanya dapat diubah nanti di Pengaturan. Untuk mulai, hanya nama singkat kantor dan Anda, administrator pertamanya, yang wajib diisi.</translation>
        </message>
        <message>
            <source>Type your name: you are the office's first administrator.</source>
            <translation>Ketik nama Anda: Anda administrator pertama kantor.</translation>
        </message>
        <message>
            <source>Type your NIP: 18 digits.</source>
            <translation>Ketik NIP Anda: 18 angka.</translation>
        </message>
        <message>
            <source>The two passwords differ: type the same password twice.</source>
            <translation>Kedua kata sandi berbeda: ketik kata sandi yang sama dua kali.</translation>
        </message>
        <message>
            <source>Type your name first: the history records who loaded the sample forum.</source>
            <translation>Ketik nama Anda dulu: riwayat mencatat siapa yang memuat forum contoh.</translation>
        </message>
    </context>
    <context>
        <name>FollowUpPage</name>
        <message>
            <source>Forum</source>
            <translation>Forum</translation>
        </message>
        <message>
            <source>Proposed</source>
            <translation>Diusulkan</translation>
        </message>
        <message>
            <source>Accepted</source>
            <translation>Diterima</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>Dalam proses</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Selesai</translation>
        </message>
        <message>
            <source>Escalated</source>
            <translation>Dieskalasi</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>Dijawab</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Ditolak</translation>
        </message>
        <message>
            <source>Settled</source>
            <translation>Tuntas</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Batas waktu</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Apa</translation>
        </message>
        <message>
            <source>Recommendation</source>
            <translation>Rekomendasi</translation>
        </message>
        <message>
            <source>Waiting on</source>
            <translation>Menunggu</translation>
        </message>
        <message>
            <source>Re&amp;gister of inputs…</source>
            <translation>Re&amp;gister masukan…</translation>
        </message>
        <message>
            <source>Every input the office's forums received, with its person in charge, status and working days taken, as an Excel workbook (register masukan)</source>
            <translation>Semua masukan yang diterima forum kantor ini, dengan penanggung jawab, status, dan lama penyelesaian dalam hari kerja, sebagai buku kerja Excel (register masukan)</translation>
        </message>
        <message>
            <source>&amp;Evidence pack…</source>
            <translation>Paket &amp;bukti…</translation>
        </message>
        <message>
            <source>One ZIP for an evaluator with every forum and satisfaction survey of a year or a period: documents, signed attendance scans, photos, and an index of the PEKPPP indicators and of what is still missing (paket bukti)</source>
            <translation>Satu ZIP untuk evaluator berisi setiap forum dan survei kepuasan masyarakat dalam satu tahun atau periode: dokumen, pindaian daftar hadir bertanda tangan, foto, serta indeks indikator PEKPPP dan apa yang masih kurang (paket bukti)</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Tindak lanjut</translation>
        </message>
        <message>
            <source>Nothing to follow up yet</source>
            <translation>Belum ada yang ditindaklanjuti</translation>
        </message>
        <message>
            <source>Each forum's recommendations are counted here by status once they are triaged.</source>
            <translation>Rekomendasi setiap forum dihitung di sini menurut statusnya setelah dipilah.</translation>
        </message>
        <message>
            <source>Nothing is overdue</source>
            <translation>Tidak ada yang melewati batas waktu</translation>
        </message>
        <message>
            <source>Register of inputs</source>
            <translation>Register masukan</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Buku kerja Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Overdue ({n})</source>
            <translation>Lewat batas waktu ({n})</translation>
        </message>
        <message>
            <source>follow-up</source>
            <translation>tindak lanjut</translation>
        </message>
        <message>
            <source>escalation answer</source>
            <translation>jawaban eskalasi</translation>
        </message>
    </context>
    <context>
        <name>ForumTableModel</name>
        <message>
            <source>Date</source>
            <translation>Tanggal</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Judul</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Present / listed</source>
            <translation>Hadir / terdaftar</translation>
        </message>
        <message>
            <source>Unit scope</source>
            <translation>Ranah unit</translation>
        </message>
        <message>
            <source>Policy</source>
            <translation>Kebijakan</translation>
        </message>
    </context>
    <context>
        <name>ForumWorkspace</name>
        <message>
            <source>This forum is closed: its minutes are final and nothing in it can be changed. To correct it, reopen it in Details (the reason is recorded).</source>
            <translation>Forum ini sudah ditutup: berita acaranya final dan isinya tidak dapat diubah. Untuk membetulkannya, buka kembali di Rincian (alasannya dicatat).</translation>
        </message>
        <message>
            <source>&amp;Projector view</source>
            <translation>Tampilan &amp;layar</translation>
        </message>
        <message>
            <source>Show the recommendations in large type on the room's projector as they are saved (no names of who raised them); F11 in it: full screen</source>
            <translation>Tampilkan rekomendasi dengan huruf besar di proyektor ruangan begitu disimpan (tanpa nama pengusul); F11 di dalamnya: layar penuh</translation>
        </message>
        <message>
            <source>Forums</source>
            <translation>Forum</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Dokumen</translation>
        </message>
        <message>
            <source>&amp;Evidence pack (paket bukti)…</source>
            <translation>Paket &amp;bukti…</translation>
        </message>
        <message>
            <source>One ZIP for an evaluator: the documents, the signed attendance scan, the photos, and an index of the PEKPPP indicators each serves and of what is still missing</source>
            <translation>Satu ZIP untuk evaluator: dokumen, pindaian daftar hadir bertanda tangan, foto, serta indeks indikator PEKPPP yang didukung tiap berkas dan apa yang masih kurang</translation>
        </message>
        <message>
            <source>&amp;Details</source>
            <translation>&amp;Rincian</translation>
        </message>
        <message>
            <source>&amp;Attendance</source>
            <translation>Daftar &amp;hadir</translation>
        </message>
        <message>
            <source>A&amp;genda</source>
            <translation>A&amp;genda</translation>
        </message>
        <message>
            <source>&amp;Recommendations</source>
            <translation>Re&amp;komendasi</translation>
        </message>
        <message>
            <source>Agreements and &amp;summary</source>
            <translation>K&amp;esepakatan dan ringkasan</translation>
        </message>
        <message>
            <source>Ph&amp;otos and files</source>
            <translation>F&amp;oto dan berkas</translation>
        </message>
        <message>
            <source>Unsaved recommendation</source>
            <translation>Rekomendasi belum disimpan</translation>
        </message>
        <message>
            <source>A recommendation is typed but not saved:

“{text}”

Save it?</source>
            <translation>Ada rekomendasi yang sudah diketik tetapi belum disimpan:

“{text}”

Simpan?</translation>
        </message>
    </context>
    <context>
        <name>ForumsPage</name>
        <message>
            <source>Search title, theme or venue (Enter opens the forum found)…</source>
            <translation>Cari judul, tema atau tempat (Enter membuka forumnya)…</translation>
        </message>
        <message>
            <source>All forums</source>
            <translation>Semua forum</translation>
        </message>
        <message>
            <source>&amp;New forum…</source>
            <translation>&amp;Forum baru…</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Buka</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Ubah…</translation>
        </message>
        <message>
            <source>Correct a forum not yet held: its title, date, times, venue</source>
            <translation>Betulkan forum yang belum berlangsung: judul, tanggal, jam, tempatnya</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Hapus</translation>
        </message>
        <message>
            <source>Delete a forum not yet held (Ctrl+Z brings it back)</source>
            <translation>Hapus forum yang belum berlangsung (Ctrl+Z mengembalikannya)</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Dokumen</translation>
        </message>
        <message>
            <source>E&amp;xport to Excel</source>
            <translation>Ekspor ke E&amp;xcel</translation>
        </message>
        <message>
            <source>A recap of the selected forum as an Excel workbook: participants per element, recommendations and follow-up</source>
            <translation>Rekap forum yang dipilih sebagai buku kerja Excel: peserta per unsur, rekomendasi dan tindak lanjut</translation>
        </message>
        <message>
            <source>Remove the sample forum</source>
            <translation>Hapus forum contoh</translation>
        </message>
        <message>
            <source>Remove the sample forum (CONTOH) and everything in it? The office's own forums are not touched; the history keeps the removal.</source>
            <translation>Hapus forum contoh (CONTOH) beserta seluruh isinya? Forum milik kantor tidak tersentuh; riwayat mencatat penghapusan ini.</translation>
        </message>
        <message>
            <source>Load the sa&amp;mple forum</source>
            <translation>Muat forum &amp;contoh</translation>
        </message>
        <message>
            <source>Adds the forum of KPPN Sorong (21 August 2024), titled CONTOH, to try the app; it stays on this laptop</source>
            <translation>Menambahkan forum KPPN Sorong (21 Agustus 2024), berjudul CONTOH, untuk mencoba aplikasi; forum ini tetap di laptop ini</translation>
        </message>
        <message>
            <source>Remove the sa&amp;mple forum</source>
            <translation>Hapus forum &amp;contoh</translation>
        </message>
        <message>
            <source>Removes the sample forum (CONTOH) and everything in it</source>
            <translation>Menghapus forum contoh (CONTOH) beserta seluruh isinya</translation>
        </message>
        <message>
            <source>No forum matches</source>
            <translation>Tidak ada forum yang cocok</translation>
        </message>
        <message>
            <source>Search for another word of the title, the theme or the venue, or show all forums.</source>
            <translation>Cari kata lain dari judul, tema atau tempat, atau tampilkan semua forum.</translation>
        </message>
        <message>
            <source>No forums yet</source>
            <translation>Belum ada forum</translation>
        </message>
        <message>
            <source>Plan one with “New forum…”, or try the app with the sample forum.</source>
            <translation>Buat forum baru dengan “Forum baru…”, atau coba aplikasi dengan forum contoh.</translation>
        </message>
        <message>
            <source>edit forum</source>
            <translation>ubah forum</translation>
        </message>
        <message>
            <source>Saved: “{title}”.</source>
            <translation>Tersimpan: “{title}”.</translation>
        </message>
        <message>
            <source>delete forum</source>
            <translation>hapus forum</translation>
        </message>
        <message>
            <source>Deleted: “{title}”.</source>
            <translation>Dihapus: “{title}”.</translation>
        </message>
        <message>
            <source>&amp;Try with a sample forum</source>
            <translation>&amp;Coba dengan forum contoh</translation>
        </message>
        <message>
            <source>Forums</source>
            <translation>Forum</translation>
        </message>
        <message>
            <source>Export to Excel</source>
            <translation>Ekspor ke Excel</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Buku kerja Excel (*.xlsx)</translation>
        </message>
    </context>
    <context>
        <name>HandOverDialog</name>
        <message>
            <source>Deactivate {name}</source>
            <translation>Nonaktifkan {name}</translation>
        </message>
        <message>
            <source>{name} can no longer sign in on any laptop of the office once it syncs; the history keeps their name. Their open follow-up actions go to:</source>
            <translation>{name} tidak dapat lagi masuk di laptop mana pun milik kantor setelah laptop itu sinkron; riwayat tetap mencatat namanya. Tindak lanjutnya yang masih terbuka diserahkan kepada:</translation>
        </message>
        <message>
            <source>(choose who takes over)</source>
            <translation>(pilih yang mengambil alih)</translation>
        </message>
        <message>
            <source>&amp;Hand over to</source>
            <translation>&amp;Serahkan kepada</translation>
        </message>
        <message>
            <source>Deactivate</source>
            <translation>Nonaktifkan</translation>
        </message>
    </context>
    <context>
        <name>InboxModel</name>
        <message>
            <source>From</source>
            <translation>Dari</translation>
        </message>
        <message>
            <source>Recommendation</source>
            <translation>Rekomendasi</translation>
        </message>
        <message>
            <source>Sender's note</source>
            <translation>Catatan pengirim</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Masuk</translation>
        </message>
        <message>
            <source>Acknowledge by</source>
            <translation>Batas tanda terima</translation>
        </message>
        <message>
            <source>Answer due</source>
            <translation>Batas jawaban</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
    </context>
    <context>
        <name>LogoField</name>
        <message>
            <source>Choose &amp;logo…</source>
            <translation>Pilih &amp;logo…</translation>
        </message>
        <message>
            <source>Remove logo</source>
            <translation>Hapus logo</translation>
        </message>
        <message>
            <source>no logo</source>
            <translation>tanpa logo</translation>
        </message>
        <message>
            <source>Choose the office's logo</source>
            <translation>Pilih logo kantor</translation>
        </message>
        <message>
            <source>Images ({patterns});;All files (*)</source>
            <translation>Gambar ({patterns});;Semua berkas (*)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Forums</source>
            <translation>Forum</translation>
        </message>
        <message>
            <source>Triage</source>
            <translation>Pemilahan</translation>
        </message>
        <message>
            <source>Escalations</source>
            <translation>Eskalasi</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Tindak lanjut</translation>
        </message>
        <message>
            <source>Survey (SKM)</source>
            <translation>Survei (SKM)</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>Perlu perhatian</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Pengaturan</translation>
        </message>
        <message>
            <source>{name} was deactivated by the office's administrator and is signed out.</source>
            <translation>{name} dinonaktifkan oleh administrator kantor dan telah dikeluarkan.</translation>
        </message>
        <message>
            <source>New escalations: {n}</source>
            <translation>Eskalasi baru: {n}</translation>
        </message>
        <message>
            <source>Answers to our escalations: {n}</source>
            <translation>Jawaban atas eskalasi kita: {n}</translation>
        </message>
        <message>
            <source>Needs attention: {n}</source>
            <translation>{n} perlu perhatian</translation>
        </message>
        <message>
            <source>recommendation</source>
            <translation>rekomendasi</translation>
        </message>
        <message>
            <source>sign-in</source>
            <translation>daftar hadir</translation>
        </message>
        <message>
            <source>Unsaved typing</source>
            <translation>Ketikan belum tersimpan</translation>
        </message>
        <message>
            <source>Mufakat closed before this typing in “{forum}” was saved:

{typed}

Restore it?</source>
            <translation>Mufakat tertutup sebelum ketikan di “{forum}” ini tersimpan:

{typed}

Pulihkan?</translation>
        </message>
    </context>
    <context>
        <name>MoveGroup</name>
        <message>
            <source>Move to a new laptop</source>
            <translation>Pindahkan ke laptop baru</translation>
        </message>
        <message>
            <source>All data of this laptop, with its unsent changes, in one file: take it in on the new laptop, then enroll that one with a new code. This laptop stops syncing once the new one is enrolled.</source>
            <translation>Semua data laptop ini, beserta perubahan yang belum terkirim, dalam satu berkas: ambil di laptop baru, lalu daftarkan laptop baru itu dengan kode baru. Laptop ini berhenti bersinkronisasi setelah laptop baru terdaftar.</translation>
        </message>
        <message>
            <source>Export for a &amp;new laptop…</source>
            <translation>Ekspor untuk laptop &amp;baru…</translation>
        </message>
        <message>
            <source>Take in data of an &amp;old laptop…</source>
            <translation>&amp;Ambil data laptop lama…</translation>
        </message>
        <message>
            <source>Export for a new laptop</source>
            <translation>Ekspor untuk laptop baru</translation>
        </message>
        <message>
            <source>Mufakat move files (*.zip)</source>
            <translation>Berkas pindahan Mufakat (*.zip)</translation>
        </message>
        <message>
            <source>Writing {path}…</source>
            <translation>Menulis {path}…</translation>
        </message>
        <message>
            <source>Written to {path}. On the new laptop: “Take in data of an old laptop” (on its first screen, or in Settings), then enroll it with a new code.</source>
            <translation>Sudah ditulis ke {path}. Di laptop baru: “Ambil data laptop lama” (di layar pertamanya, atau di Pengaturan), lalu daftarkan dengan kode baru.</translation>
        </message>
        <message>
            <source>Take in data of an old laptop</source>
            <translation>Ambil data laptop lama</translation>
        </message>
        <message>
            <source>This laptop holds data of its own. Replace it by the data in {name}?

The data of now is kept as a backup. Afterwards, enroll this laptop with a new code.</source>
            <translation>Laptop ini berisi data sendiri. Ganti dengan data di {name}?

Data saat ini disimpan sebagai cadangan. Sesudahnya, daftarkan laptop ini dengan kode baru.</translation>
        </message>
        <message>
            <source>Take in the data in {name}?

Afterwards, enroll this laptop with a new code.</source>
            <translation>Ambil data di {name}?

Sesudahnya, daftarkan laptop ini dengan kode baru.</translation>
        </message>
    </context>
    <context>
        <name>NewForumDialog</name>
        <message>
            <source>New forum</source>
            <translation>Forum baru</translation>
        </message>
        <message>
            <source>e.g. Forum Konsultasi Publik on the service standard</source>
            <translation>mis. Forum Konsultasi Publik tentang standar pelayanan</translation>
        </message>
        <message>
            <source>&amp;Title</source>
            <translation>&amp;Judul</translation>
        </message>
        <message>
            <source>&amp;Date</source>
            <translation>&amp;Tanggal</translation>
        </message>
        <message>
            <source>&amp;Starts at</source>
            <translation>&amp;Mulai pukul</translation>
        </message>
        <message>
            <source>&amp;Ends at</source>
            <translation>&amp;Selesai pukul</translation>
        </message>
        <message>
            <source>&amp;Venue</source>
            <translation>T&amp;empat</translation>
        </message>
        <message>
            <source>&amp;Mode</source>
            <translation>&amp;Bentuk</translation>
        </message>
        <message>
            <source>&amp;Unit</source>
            <translation>&amp;Unit</translation>
        </message>
        <message>
            <source>There is no unit yet: set up this office in Settings first.</source>
            <translation>Belum ada unit: atur kantor ini di Pengaturan terlebih dahulu.</translation>
        </message>
    </context>
    <context>
        <name>NewSurveyDialog</name>
        <message>
            <source>New survey period</source>
            <translation>Periode survei baru</translation>
        </message>
        <message>
            <source>e.g. SKM Semester I 2026</source>
            <translation>mis. SKM Semester I 2026</translation>
        </message>
        <message>
            <source>not known</source>
            <translation>belum diketahui</translation>
        </message>
        <message>
            <source>How many people used the service in the period (for the minimum sample)</source>
            <translation>Berapa orang menggunakan layanan dalam periode ini (untuk sampel minimum)</translation>
        </message>
        <message>
            <source>(no forum)</source>
            <translation>(tanpa forum)</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Nama</translation>
        </message>
        <message>
            <source>&amp;First day</source>
            <translation>&amp;Hari pertama</translation>
        </message>
        <message>
            <source>&amp;Last day</source>
            <translation>Hari &amp;terakhir</translation>
        </message>
        <message>
            <source>&amp;Service users in the period</source>
            <translation>Jumlah &amp;pengguna layanan dalam periode</translation>
        </message>
        <message>
            <source>Discussed at fo&amp;rum</source>
            <translation>Dibahas di &amp;forum</translation>
        </message>
        <message>
            <source>Choose this device's office in Settings first.</source>
            <translation>Pilih dulu kantor perangkat ini di Pengaturan.</translation>
        </message>
    </context>
    <context>
        <name>OfficeRules</name>
        <message>
            <source>Completing a follow-up needs an attached photo or file</source>
            <translation>Penyelesaian tindak lanjut memerlukan foto atau berkas terlampir</translation>
        </message>
        <message>
            <source>An action at 100 % or a recommendation marked done then needs a file as evidence, not only a text</source>
            <translation>Tindakan 100 % atau rekomendasi yang ditandai selesai lalu memerlukan berkas sebagai bukti, tidak cukup keterangan tertulis</translation>
        </message>
        <message>
            <source>(not counted)</source>
            <translation>(tidak dihitung)</translation>
        </message>
        <message>
            <source>why, e.g. Hari jadi Kota Sorong (Perda)</source>
            <translation>alasannya, mis. Hari jadi Kota Sorong (Perda)</translation>
        </message>
        <message>
            <source>Add closed day</source>
            <translation>Tambah hari libur</translation>
        </message>
        <message>
            <source>Remove the selected day</source>
            <translation>Hapus hari yang dipilih</translation>
        </message>
        <message>
            <source>(national, from the server's administrator)</source>
            <translation>(nasional, dari administrator server)</translation>
        </message>
        <message>
            <source>Closed day added: deadlines skip it.</source>
            <translation>Hari libur ditambahkan: batas waktu melewatinya.</translation>
        </message>
        <message>
            <source>Select one of this office's closed days first.</source>
            <translation>Pilih dulu salah satu hari libur kantor ini.</translation>
        </message>
        <message>
            <source>Closed day removed.</source>
            <translation>Hari libur dihapus.</translation>
        </message>
    </context>
    <context>
        <name>OperatorPrompt</name>
        <message>
            <source>Your name (in the history)</source>
            <translation>Nama Anda (di riwayat)</translation>
        </message>
        <message>
            <source>Type your name first: the history records who did what. Your name (in the history)</source>
            <translation>Ketik nama Anda dulu: riwayat mencatat siapa melakukan apa. Nama Anda (di riwayat)</translation>
        </message>
    </context>
    <context>
        <name>OutboxActions</name>
        <message>
            <source>Export unsent changes</source>
            <translation>Ekspor perubahan yang belum terkirim</translation>
        </message>
        <message>
            <source>Unsent changes (*.json)</source>
            <translation>Perubahan yang belum terkirim (*.json)</translation>
        </message>
        <message>
            <source>Unsent changes written to {path}. Import the file on another laptop of this office.</source>
            <translation>Perubahan yang belum terkirim ditulis ke {path}. Impor berkas itu di laptop lain di kantor ini.</translation>
        </message>
        <message>
            <source>Import changes of another laptop</source>
            <translation>Impor perubahan dari laptop lain</translation>
        </message>
        <message>
            <source>{added} change(s) queued, {already} already here; they are sent at the next sync.</source>
            <translation>{added} perubahan diantrekan, {already} sudah ada di sini; semuanya dikirim pada sinkronisasi berikutnya.</translation>
        </message>
    </context>
    <context>
        <name>PackProgress</name>
        <message>
            <source>Open folder</source>
            <translation>Buka folder</translation>
        </message>
        <message>
            <source>Save the evidence pack</source>
            <translation>Simpan paket bukti</translation>
        </message>
        <message>
            <source>ZIP file (*.zip)</source>
            <translation>Berkas ZIP (*.zip)</translation>
        </message>
        <message>
            <source>Preparing {name}…</source>
            <translation>Menyiapkan {name}…</translation>
        </message>
        <message>
            <source>Adding {file} ({done} of {total})…</source>
            <translation>Menambahkan {file} ({done} dari {total})…</translation>
        </message>
        <message>
            <source>Saved as {name} in {folder}</source>
            <translation>Disimpan sebagai {name} di {folder}</translation>
        </message>
        <message>
            <source>its index lists {n} thing(s) still missing.</source>
            <translation>indeksnya mencantumkan {n} hal yang masih kurang.</translation>
        </message>
        <message>
            <source>nothing is missing.</source>
            <translation>tidak ada yang kurang.</translation>
        </message>
        <message>
            <source>The folder {folder} could not be opened here; open it from the file manager.</source>
            <translation>Folder {folder} tidak dapat dibuka dari sini; bukalah dari pengelola berkas.</translation>
        </message>
    </context>
    <context>
        <name>ParticipantDialog</name>
        <message>
            <source>Edit participant</source>
            <translation>Ubah data peserta</translation>
        </message>
        <message>
            <source>Vulnerable group</source>
            <translation>Kelompok rentan</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Nama</translation>
        </message>
        <message>
            <source>&amp;Organisation</source>
            <translation>&amp;Instansi/organisasi</translation>
        </message>
        <message>
            <source>&amp;Element of the public</source>
            <translation>&amp;Unsur masyarakat</translation>
        </message>
        <message>
            <source>&amp;Gender</source>
            <translation>&amp;Jenis kelamin</translation>
        </message>
        <message>
            <source>&amp;Phone</source>
            <translation>&amp;Telepon</translation>
        </message>
        <message>
            <source>E-&amp;mail</source>
            <translation>&amp;Surel</translation>
        </message>
    </context>
    <context>
        <name>PeriodDialog</name>
        <message>
            <source>Evidence pack of a period</source>
            <translation>Paket bukti satu periode</translation>
        </message>
        <message>
            <source>&amp;Year</source>
            <translation>&amp;Tahun</translation>
        </message>
        <message>
            <source>&amp;From one day to another</source>
            <translation>&amp;Dari tanggal ke tanggal</translation>
        </message>
        <message>
            <source>The pack holds the documents, the signed attendance scans and the photos of every forum held in the period, the reports of the satisfaction surveys (SKM) run in it, and an index of the PEKPPP indicators each file serves and of what is still missing.</source>
            <translation>Paket berisi dokumen, pindaian daftar hadir bertanda tangan, dan foto setiap forum yang diadakan dalam periode ini, laporan survei kepuasan masyarakat (SKM) di dalamnya, serta indeks indikator PEKPPP yang didukung tiap berkas dan apa yang masih kurang.</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Dari</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Sampai</translation>
        </message>
    </context>
    <context>
        <name>ProjectorWindow</name>
        <message>
            <source>No recommendations yet. They appear here as they are recorded.</source>
            <translation>Belum ada rekomendasi. Rekomendasi tampil di sini begitu dicatat.</translation>
        </message>
        <message>
            <source>Projector view — {title}</source>
            <translation>Tampilan layar — {title}</translation>
        </message>
        <message>
            <source>Now discussing: {number}. {title}</source>
            <translation>Sedang dibahas: {number}. {title}</translation>
        </message>
        <message>
            <source>{n} recommendation(s)</source>
            <translation>{n} rekomendasi</translation>
        </message>
    </context>
    <context>
        <name>QAbstractFileIconProvider</name>
        <message>
            <source>Folder</source>
            <translation>Folder</translation>
        </message>
        <message>
            <source>File Folder</source>
            <translation>Folder</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Berkas</translation>
        </message>
        <message>
            <source>Drive</source>
            <translation>Drive</translation>
        </message>
        <message>
            <source>Shortcut</source>
            <translation>Pintasan</translation>
        </message>
        <message>
            <source>Alias</source>
            <translation>Alias</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Tidak diketahui</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>Look in:</source>
            <translation>Cari di:</translation>
        </message>
        <message>
            <source>&amp;Look in:</source>
            <translation>&amp;Cari di:</translation>
        </message>
        <message>
            <source>File &amp;name:</source>
            <translation>&amp;Nama berkas:</translation>
        </message>
        <message>
            <source>Files of type:</source>
            <translation>Jenis berkas:</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>&amp;Jenis berkas:</translation>
        </message>
        <message>
            <source>Directory:</source>
            <translation>Folder:</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Simpan</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Buka</translation>
        </message>
        <message>
            <source>&amp;Choose</source>
            <translation>&amp;Pilih</translation>
        </message>
        <message>
            <source>Save As</source>
            <translation>Simpan sebagai</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Buka</translation>
        </message>
        <message>
            <source>Find Directory</source>
            <translation>Pilih folder</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Kembali</translation>
        </message>
        <message>
            <source>Forward</source>
            <translation>Maju</translation>
        </message>
        <message>
            <source>Parent Directory</source>
            <translation>Folder induk</translation>
        </message>
        <message>
            <source>Create New Folder</source>
            <translation>Buat folder baru</translation>
        </message>
        <message>
            <source>List View</source>
            <translation>Tampilan daftar</translation>
        </message>
        <message>
            <source>Detail View</source>
            <translation>Tampilan rinci</translation>
        </message>
        <message>
            <source>Go back</source>
            <translation>Kembali</translation>
        </message>
        <message>
            <source>Go forward</source>
            <translation>Maju</translation>
        </message>
        <message>
            <source>Go to the parent directory</source>
            <translation>Ke folder induk</translation>
        </message>
        <message>
            <source>Create a New Folder</source>
            <translation>Buat folder baru</translation>
        </message>
        <message>
            <source>Change to list view mode</source>
            <translation>Tampilkan sebagai daftar</translation>
        </message>
        <message>
            <source>Change to detail view mode</source>
            <translation>Tampilkan dengan rincian</translation>
        </message>
        <message>
            <source>Sidebar</source>
            <translation>Panel tempat</translation>
        </message>
        <message>
            <source>List of places and bookmarks</source>
            <translation>Daftar tempat dan markah</translation>
        </message>
        <message>
            <source>Recent Places</source>
            <translation>Tempat terakhir</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Hapus dari daftar</translation>
        </message>
        <message>
            <source>&amp;Rename</source>
            <translation>&amp;Ganti nama</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Hapus</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>Show &amp;hidden files</source>
            <translation>Tampilkan berkas &amp;tersembunyi</translation>
        </message>
        <message>
            <source>&amp;New Folder</source>
            <translation>Folder &amp;baru</translation>
        </message>
        <message>
            <source>New Folder</source>
            <translation>Folder baru</translation>
        </message>
        <message>
            <source>Show </source>
            <translation>Tampilkan </translation>
        </message>
        <message>
            <source>Files</source>
            <translation>Berkas</translation>
        </message>
        <message>
            <source>Directories</source>
            <translation>Folder</translation>
        </message>
        <message>
            <source>All Files (*)</source>
            <translation>Semua berkas (*)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>Semua berkas (*)</translation>
        </message>
        <message>
            <source>%1 already exists.
Do you want to replace it?</source>
            <translation>%1 sudah ada.
Ganti berkas itu?</translation>
        </message>
        <message>
            <source>%1
File not found.
Please verify the correct file name was given.</source>
            <translation>%1
Berkas tidak ditemukan.
Periksa apakah nama berkasnya sudah benar.</translation>
        </message>
        <message>
            <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
            <translation>%1
Folder tidak ditemukan.
Periksa apakah nama foldernya sudah benar.</translation>
        </message>
        <message>
            <source>Are you sure you want to delete '%1'?</source>
            <translation>Yakin ingin menghapus '%1'?</translation>
        </message>
        <message>
            <source>'%1' is write protected.
Do you want to delete it anyway?</source>
            <translation>'%1' dilindungi dari perubahan.
Tetap hapus?</translation>
        </message>
        <message>
            <source>Could not delete directory.</source>
            <translation>Folder tidak dapat dihapus.</translation>
        </message>
    </context>
    <context>
        <name>QFileSystemModel</name>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Ukuran</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Jenis</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Jenis</translation>
        </message>
        <message>
            <source>Date Modified</source>
            <translation>Tanggal diubah</translation>
        </message>
        <message>
            <source>Computer</source>
            <translation>Komputer</translation>
        </message>
        <message>
            <source>My Computer</source>
            <translation>Komputer</translation>
        </message>
        <message>
            <source>Invalid filename</source>
            <translation>Nama berkas tidak dapat dipakai</translation>
        </message>
        <message>
            <source>&lt;b&gt;The name "%1" cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source>
            <translation>&lt;b&gt;Nama "%1" tidak dapat dipakai.&lt;/b&gt;&lt;p&gt;Coba nama lain, yang lebih pendek atau tanpa tanda baca.</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Simpan</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Buang</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>&amp;Yes</source>
            <translation>&amp;Ya</translation>
        </message>
        <message>
            <source>&amp;No</source>
            <translation>&amp;Tidak</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Terapkan</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Buka</translation>
        </message>
    </context>
    <context>
        <name>RecActions</name>
        <message>
            <source>Accept</source>
            <translation>Terima</translation>
        </message>
        <message>
            <source>Reject…</source>
            <translation>Tolak…</translation>
        </message>
        <message>
            <source>Start follow-up</source>
            <translation>Mulai tindak lanjut</translation>
        </message>
        <message>
            <source>Mark done…</source>
            <translation>Tandai selesai…</translation>
        </message>
        <message>
            <source>Escalate…</source>
            <translation>Eskalasikan…</translation>
        </message>
        <message>
            <source>Why is it rejected? (the follow-up and implementation reports show this)</source>
            <translation>Mengapa ditolak? (dicantumkan di laporan tindak lanjut dan laporan pelaksanaan)</translation>
        </message>
        <message>
            <source>What shows it is done? (a document, a photo, a link)</source>
            <translation>Apa buktinya sudah selesai? (dokumen, foto, tautan)</translation>
        </message>
        <message>
            <source>A note for the parent office (optional)</source>
            <translation>Catatan untuk kantor atasan (opsional)</translation>
        </message>
        <message>
            <source>{done} of {total} accepted; {refused} could not be:</source>
            <translation>{done} dari {total} diterima; {refused} tidak dapat diterima:</translation>
        </message>
        <message>
            <source>{done} of {total} rejected; {refused} could not be:</source>
            <translation>{done} dari {total} ditolak; {refused} tidak dapat ditolak:</translation>
        </message>
        <message>
            <source>Follow-up started for {done} of {total}; {refused} could not be:</source>
            <translation>Tindak lanjut dimulai untuk {done} dari {total}; {refused} tidak dapat dimulai:</translation>
        </message>
        <message>
            <source>{done} of {total} marked done; {refused} could not be:</source>
            <translation>{done} dari {total} ditandai selesai; {refused} tidak dapat ditandai:</translation>
        </message>
        <message>
            <source>{done} of {total} escalated; {refused} could not be:</source>
            <translation>{done} dari {total} dieskalasi; {refused} tidak dapat dieskalasi:</translation>
        </message>
    </context>
    <context>
        <name>RecommendationCard</name>
        <message>
            <source>{n} vote(s)</source>
            <translation>{n} dukungan</translation>
        </message>
    </context>
    <context>
        <name>RecommendationDialog</name>
        <message>
            <source>Edit recommendation</source>
            <translation>Ubah rekomendasi</translation>
        </message>
        <message>
            <source>The scope can change while the recommendation is proposed or accepted; it is {status}.</source>
            <translation>Ranah dapat diubah selama rekomendasi masih diusulkan atau diterima; kini statusnya {status}.</translation>
        </message>
        <message>
            <source>&amp;Recommendation</source>
            <translation>&amp;Rekomendasi</translation>
        </message>
        <message>
            <source>&amp;Scope</source>
            <translation>Ra&amp;nah</translation>
        </message>
        <message>
            <source>&amp;Topic</source>
            <translation>&amp;Topik</translation>
        </message>
        <message>
            <source>Raised &amp;by</source>
            <translation>&amp;Diusulkan oleh</translation>
        </message>
        <message>
            <source>&amp;Agenda item</source>
            <translation>&amp;Mata acara</translation>
        </message>
    </context>
    <context>
        <name>RecommendationPane</name>
        <message>
            <source>Change scope</source>
            <translation>Ganti ranah</translation>
        </message>
        <message>
            <source>Record the answer…</source>
            <translation>Catat jawaban…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Ubah…</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>Delete one typed by mistake (a proposed one); Ctrl+Z brings it back</source>
            <translation>Hapus yang salah ketik (yang masih diusulkan); Ctrl+Z mengembalikannya</translation>
        </message>
        <message>
            <source>Dispute the answer…</source>
            <translation>Sanggah jawaban…</translation>
        </message>
        <message>
            <source>What will be done</source>
            <translation>Apa yang akan dilakukan</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Siapa</translation>
        </message>
        <message>
            <source>Assign</source>
            <translation>Tugaskan</translation>
        </message>
        <message>
            <source>Update progress</source>
            <translation>Perbarui kemajuan</translation>
        </message>
        <message>
            <source>Selected follow-up:</source>
            <translation>Tindak lanjut terpilih:</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Tindak lanjut</translation>
        </message>
        <message>
            <source>Escalation</source>
            <translation>Eskalasi</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Riwayat</translation>
        </message>
        <message>
            <source>Choose a recommendation</source>
            <translation>Pilih sebuah rekomendasi</translation>
        </message>
        <message>
            <source>Its history, its follow-up and what can be done with it show here.</source>
            <translation>Riwayatnya, tindak lanjutnya dan apa yang dapat dilakukan terhadapnya tampil di sini.</translation>
        </message>
        <message>
            <source>Select a recommendation to see its history and act on it.</source>
            <translation>Pilih rekomendasi untuk melihat riwayatnya dan menindaklanjutinya.</translation>
        </message>
        <message>
            <source>{forum} · scope: {scope} · status: {status} · {votes} vote(s) · raised by {who}</source>
            <translation>{forum} · ranah: {scope} · status: {status} · {votes} dukungan · diusulkan oleh {who}</translation>
        </message>
        <message>
            <source>topic: {topic}</source>
            <translation>topik: {topic}</translation>
        </message>
        <message>
            <source>{action} — {owner}, due {due}, {progress}% ({status})</source>
            <translation>{action} — {owner}, batas {due}, {progress}% ({status})</translation>
        </message>
        <message>
            <source>Waiting to sync, made {sent}</source>
            <translation>Menunggu sinkron, dibuat {sent}</translation>
        </message>
        <message>
            <source>{status}, sent {sent}</source>
            <translation>{status}, dikirim {sent}</translation>
        </message>
        <message>
            <source>{head};&lt;br&gt;acknowledge by {ack}; answer by {due}</source>
            <translation>{head};&lt;br&gt;batas tanda terima {ack}; batas jawab {due}</translation>
        </message>
        <message>
            <source>edit</source>
            <translation>ubah</translation>
        </message>
        <message>
            <source>delete recommendation</source>
            <translation>hapus rekomendasi</translation>
        </message>
        <message>
            <source>Photos and files ({count})</source>
            <translation>Foto dan berkas ({count})</translation>
        </message>
        <message>
            <source>Evidence of the selected follow-up ({count})</source>
            <translation>Bukti tindak lanjut terpilih ({count})</translation>
        </message>
        <message>
            <source>What shows it is done? (or attach a photo or file below)</source>
            <translation>Apa buktinya sudah selesai? (atau lampirkan foto atau berkas di bawah)</translation>
        </message>
        <message>
            <source>Dispute the answer</source>
            <translation>Sanggah jawaban</translation>
        </message>
        <message>
            <source>Why does the office not accept the answer? (the office above answers again)</source>
            <translation>Mengapa kantor tidak menerima jawaban ini? (kantor atasan menjawab kembali)</translation>
        </message>
        <message>
            <source>Not escalated.</source>
            <translation>Tidak dieskalasi.</translation>
        </message>
        <message>
            <source>Correct it as it was said: text, scope, topic, who raised it, agenda item (forum still open)</source>
            <translation>Betulkan sesuai yang diucapkan: teks, ranah, topik, pengusul, mata acara (selama forum masih terbuka)</translation>
        </message>
        <message>
            <source>It may be disputed until {until}; after that it is settled.</source>
            <translation>Dapat disanggah sampai {until}; setelah itu eskalasi selesai.</translation>
        </message>
        <message>
            <source>Settled (selesai): not disputed by {until}.</source>
            <translation>Selesai: tidak disanggah sampai {until}.</translation>
        </message>
        <message>
            <source>Disputed: {reason}</source>
            <translation>Disanggah: {reason}</translation>
        </message>
        <message>
            <source>The due date {date} is in the past. Assign the follow-up with this date anyway?</source>
            <translation>Tanggal target {date} sudah lewat. Tetap tugaskan tindak lanjut dengan tanggal ini?</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>Bukti</translation>
        </message>
    </context>
    <context>
        <name>RecommendationTableModel</name>
        <message>
            <source>Forum</source>
            <translation>Forum</translation>
        </message>
        <message>
            <source>Recommendation</source>
            <translation>Rekomendasi</translation>
        </message>
        <message>
            <source>Scope</source>
            <translation>Ranah</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Votes</source>
            <translation>Dukungan</translation>
        </message>
        <message>
            <source>Raised by</source>
            <translation>Diusulkan oleh</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>Topik</translation>
        </message>
        <message>
            <source>Unit scope</source>
            <translation>Ranah unit</translation>
        </message>
        <message>
            <source>Policy</source>
            <translation>Kebijakan</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>Restore from backup</source>
            <translation>Pulihkan dari cadangan</translation>
        </message>
        <message>
            <source>The data on this laptop is replaced by the copy you choose; the data of now is kept as a backup too. Changes already sent to the server come back at the next sync.</source>
            <translation>Data di laptop ini diganti dengan salinan yang Anda pilih; data saat ini juga disimpan sebagai cadangan. Perubahan yang sudah dikirim ke server kembali pada sinkronisasi berikutnya.</translation>
        </message>
        <message>
            <source>Taken at</source>
            <translation>Diambil pada</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Ukuran</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Jenis</translation>
        </message>
        <message>
            <source>No backups in the data folder yet.</source>
            <translation>Belum ada cadangan di folder data.</translation>
        </message>
        <message>
            <source>&amp;Restore this copy</source>
            <translation>&amp;Pulihkan salinan ini</translation>
        </message>
        <message>
            <source>&amp;Other file…</source>
            <translation>&amp;Berkas lain…</translation>
        </message>
        <message>
            <source>Mufakat backups (*.sqlite3)</source>
            <translation>Cadangan Mufakat (*.sqlite3)</translation>
        </message>
    </context>
    <context>
        <name>SavedNotice</name>
        <message>
            <source>Open folder</source>
            <translation>Buka folder</translation>
        </message>
        <message>
            <source>Saved as {name} in {folder}</source>
            <translation>Disimpan sebagai {name} di {folder}</translation>
        </message>
        <message>
            <source>Cannot write {path}: {error}</source>
            <translation>Tidak dapat menulis {path}: {error}</translation>
        </message>
        <message>
            <source>Preparing {name}…</source>
            <translation>Menyiapkan {name}…</translation>
        </message>
        <message>
            <source>{name} could not be made; details are in the log file.</source>
            <translation>{name} tidak dapat dibuat; rinciannya ada di berkas log.</translation>
        </message>
        <message>
            <source>The folder {folder} could not be opened here; open it from the file manager.</source>
            <translation>Folder {folder} tidak dapat dibuka dari sini; bukalah dari pengelola berkas.</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Address</source>
            <translation>Alamat</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telepon</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>Surel</translation>
        </message>
        <message>
            <source>Website</source>
            <translation>Situs web</translation>
        </message>
        <message>
            <source>Title of the head</source>
            <translation>Jabatan pimpinan</translation>
        </message>
        <message>
            <source>Name of the head</source>
            <translation>Nama pimpinan</translation>
        </message>
        <message>
            <source>NIP of the head</source>
            <translation>NIP pimpinan</translation>
        </message>
        <message>
            <source>e.g. Kantor Pelayanan Perbendaharaan Negara Sorong</source>
            <translation>mis. Kantor Pelayanan Perbendaharaan Negara Sorong</translation>
        </message>
        <message>
            <source>the office above this one, e.g. Kanwil DJPb Papua Barat Daya</source>
            <translation>kantor di atas kantor ini, mis. Kanwil DJPb Papua Barat Daya</translation>
        </message>
        <message>
            <source>One line each, above the office's name, e.g.
KEMENTERIAN KEUANGAN REPUBLIK INDONESIA</source>
            <translation>Satu baris per tingkat, di atas nama kantor, mis.
KEMENTERIAN KEUANGAN REPUBLIK INDONESIA</translation>
        </message>
        <message>
            <source>(not chosen: this laptop's own)</source>
            <translation>(belum dipilih: zona laptop ini)</translation>
        </message>
        <message>
            <source>code, e.g. KPPN-SORONG</source>
            <translation>kode, mis. KPPN-SORONG</translation>
        </message>
        <message>
            <source>name, e.g. KPPN Sorong</source>
            <translation>nama, mis. KPPN Sorong</translation>
        </message>
        <message>
            <source>Add office</source>
            <translation>Tambah kantor</translation>
        </message>
        <message>
            <source>This device works for</source>
            <translation>Perangkat ini milik</translation>
        </message>
        <message>
            <source>New office</source>
            <translation>Kantor baru</translation>
        </message>
        <message>
            <source>This device</source>
            <translation>Perangkat ini</translation>
        </message>
        <message>
            <source>Operator name (in the history)</source>
            <translation>Nama operator (di riwayat)</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Bahasa</translation>
        </message>
        <message>
            <source>Escalation answer due after (working days)</source>
            <translation>Batas jawaban eskalasi (hari kerja)</translation>
        </message>
        <message>
            <source>Short name (in sentences)</source>
            <translation>Nama singkat (dalam kalimat)</translation>
        </message>
        <message>
            <source>Full official name (in the letterhead)</source>
            <translation>Nama resmi lengkap (di kop surat)</translation>
        </message>
        <message>
            <source>City or regency (where its documents are signed)</source>
            <translation>Kota/kabupaten (tempat tanda tangan)</translation>
        </message>
        <message>
            <source>Public address of the Mufakat server</source>
            <translation>Alamat publik server Mufakat</translation>
        </message>
        <message>
            <source>Office</source>
            <translation>Kantor</translation>
        </message>
        <message>
            <source>Parent office (escalations go there)</source>
            <translation>Kantor induk (tujuan eskalasi)</translation>
        </message>
        <message>
            <source>Letterhead lines above the name</source>
            <translation>Baris kop di atas nama</translation>
        </message>
        <message>
            <source>Logo (in the letterhead)</source>
            <translation>Logo (di kop surat)</translation>
        </message>
        <message>
            <source>e.g. https://fkp.example.go.id (the report's QR code)</source>
            <translation>mis. https://fkp.example.go.id (kode QR pada laporan)</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>Zona waktu</translation>
        </message>
        <message>
            <source>Follow-up due after (working days)</source>
            <translation>Batas tindak lanjut (hari kerja)</translation>
        </message>
        <message>
            <source>Days the office is closed (besides national holidays)</source>
            <translation>Hari kantor libur (selain libur nasional)</translation>
        </message>
        <message>
            <source>Satisfaction index (IKM) method</source>
            <translation>Metode indeks kepuasan (IKM)</translation>
        </message>
        <message>
            <source>Evidence of completion</source>
            <translation>Bukti penyelesaian</translation>
        </message>
        <message>
            <source>PEKPPP's five unsur: how participants are counted</source>
            <translation>Lima unsur PEKPPP: cara menghitung peserta</translation>
        </message>
        <message>
            <source>Document te&amp;mplates…</source>
            <translation>Templat dok&amp;umen…</translation>
        </message>
        <message>
            <source>The wording of the invitations and the implementation report, and the PEKPPP indicators</source>
            <translation>Rumusan surat undangan dan laporan pelaksanaan, serta indikator PEKPPP</translation>
        </message>
        <message>
            <source>Invitations and reports</source>
            <translation>Undangan dan laporan</translation>
        </message>
        <message>
            <source> min</source>
            <translation> menit</translation>
        </message>
        <message>
            <source>With no key pressed nor click for this long, the window locks (unlock with your PIN or password)</source>
            <translation>Tanpa tombol ditekan atau klik selama ini, jendela terkunci (buka dengan PIN atau kata sandi Anda)</translation>
        </message>
        <message>
            <source>Lock the window after (no key nor click)</source>
            <translation>Kunci jendela setelah (tanpa tombol atau klik)</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>Buka folder</translation>
        </message>
        <message>
            <source>Data folder</source>
            <translation>Folder data</translation>
        </message>
        <message>
            <source>E&amp;xport unsent changes…</source>
            <translation>E&amp;kspor perubahan yang belum terkirim…</translation>
        </message>
        <message>
            <source>I&amp;mport changes of another laptop…</source>
            <translation>I&amp;mpor perubahan dari laptop lain…</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Pengaturan</translation>
        </message>
        <message>
            <source>(not chosen)</source>
            <translation>(belum dipilih)</translation>
        </message>
        <message>
            <source>The server {url} no longer knows this laptop. Enroll it again with a new code from the administrator; nothing on this laptop is lost.</source>
            <translation>Server {url} tidak lagi mengenal laptop ini. Daftarkan lagi dengan kode baru dari administrator; tidak ada data laptop ini yang hilang.</translation>
        </message>
        <message>
            <source>Enrolled with {url}.</source>
            <translation>Terdaftar di {url}.</translation>
        </message>
        <message>
            <source>Not enrolled: local only.</source>
            <translation>Belum terdaftar: hanya lokal.</translation>
        </message>
        <message>
            <source>Its certificate is checked with the office's CA file {path}.</source>
            <translation>Sertifikatnya diperiksa dengan berkas CA kantor {path}.</translation>
        </message>
        <message>
            <source>Set on the server by its administrator.</source>
            <translation>Ditetapkan di server oleh administratornya.</translation>
        </message>
        <message>
            <source>Policy recommendations are escalated to this office.</source>
            <translation>Rekomendasi kebijakan dieskalasi ke kantor ini.</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Tersimpan.</translation>
        </message>
        <message>
            <source>Parent office: {name}.</source>
            <translation>Kantor induk: {name}.</translation>
        </message>
        <message>
            <source>No parent office: this office cannot escalate.</source>
            <translation>Tanpa kantor induk: kantor ini tidak dapat melakukan eskalasi.</translation>
        </message>
        <message>
            <source>Office added.</source>
            <translation>Kantor ditambahkan.</translation>
        </message>
    </context>
    <context>
        <name>SignInPage</name>
        <message>
            <source>NIP (18 digits) or full name</source>
            <translation>NIP (18 angka) atau nama lengkap</translation>
        </message>
        <message>
            <source>password</source>
            <translation>kata sandi</translation>
        </message>
        <message>
            <source>&amp;Sign in</source>
            <translation>&amp;Masuk</translation>
        </message>
        <message>
            <source>NIP or name</source>
            <translation>NIP atau nama</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Kata sandi</translation>
        </message>
        <message>
            <source>4 to 8 digits</source>
            <translation>4 sampai 8 angka</translation>
        </message>
        <message>
            <source>the same digits again</source>
            <translation>angka yang sama sekali lagi</translation>
        </message>
        <message>
            <source>Set &amp;PIN</source>
            <translation>Atur &amp;PIN</translation>
        </message>
        <message>
            <source>&amp;Not now</source>
            <translation>&amp;Nanti saja</translation>
        </message>
        <message>
            <source>A PIN unlocks this laptop quickly after it locked itself. It stays on this laptop (it is never sent anywhere); after {n} wrong PINs the password is needed.</source>
            <translation>PIN membuka laptop ini dengan cepat setelah terkunci sendiri. PIN hanya tersimpan di laptop ini (tidak pernah dikirim ke mana pun); setelah {n} kali PIN salah, kata sandi diperlukan.</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <source>PIN again</source>
            <translation>Ulangi PIN</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>&amp;Buka kunci</translation>
        </message>
        <message>
            <source>Use the pass&amp;word</source>
            <translation>Pakai kata &amp;sandi</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>&amp;Keluar</translation>
        </message>
        <message>
            <source>Another person wants to work on this laptop</source>
            <translation>Orang lain hendak bekerja di laptop ini</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Masuk</translation>
        </message>
        <message>
            <source>{office}: sign in with your NIP or name and your password.</source>
            <translation>{office}: masuklah dengan NIP atau nama dan kata sandi Anda.</translation>
        </message>
        <message>
            <source>Locked</source>
            <translation>Terkunci</translation>
        </message>
        <message>
            <source>{name} is signed in. What was typed is kept; unlock to go on.</source>
            <translation>{name} sedang masuk. Yang sudah diketik tetap tersimpan; buka kunci untuk melanjutkan.</translation>
        </message>
        <message>
            <source>Welcome, {name}</source>
            <translation>Selamat datang, {name}</translation>
        </message>
        <message>
            <source>Set a PIN for this laptop?</source>
            <translation>Atur PIN untuk laptop ini?</translation>
        </message>
        <message>
            <source>Type your NIP or your name.</source>
            <translation>Ketik NIP atau nama Anda.</translation>
        </message>
        <message>
            <source>The two PINs differ: type the same digits twice.</source>
            <translation>Kedua PIN berbeda: ketik angka yang sama dua kali.</translation>
        </message>
        <message>
            <source>Wrong PIN. {n} tries left before the password is needed.</source>
            <translation>PIN salah. Tersisa {n} kali coba sebelum kata sandi diperlukan.</translation>
        </message>
        <message>
            <source>Too many wrong PINs: unlock with your password (then set a new PIN).</source>
            <translation>Terlalu banyak PIN salah: buka dengan kata sandi Anda (lalu atur PIN baru).</translation>
        </message>
    </context>
    <context>
        <name>SignedInBadge</name>
        <message>
            <source>Lock</source>
            <translation>Kunci</translation>
        </message>
        <message>
            <source>Lock the window now (unlock with your PIN or password)</source>
            <translation>Kunci jendela sekarang (buka dengan PIN atau kata sandi Anda)</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>Keluar</translation>
        </message>
    </context>
    <context>
        <name>SummaryTab</name>
        <message>
            <source>One agreement per line; the minutes number them.</source>
            <translation>Satu kesepakatan per baris; berita acara menomorinya.</translation>
        </message>
        <message>
            <source>Agreements (kesepakatan)</source>
            <translation>Kesepakatan</translation>
        </message>
        <message>
            <source>Discussion summary</source>
            <translation>Ringkasan diskusi</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Tersimpan.</translation>
        </message>
    </context>
    <context>
        <name>SurveyActionsDialog</name>
        <message>
            <source>Follow-up plan (RTL) — {period}</source>
            <translation>Rencana tindak lanjut (RTL) — {period}</translation>
        </message>
        <message>
            <source>Elements to improve first (lowest NRR): {elements}</source>
            <translation>Unsur prioritas perbaikan (NRR terendah): {elements}</translation>
        </message>
        <message>
            <source>Element</source>
            <translation>Unsur</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Tindakan</translation>
        </message>
        <message>
            <source>Person in charge</source>
            <translation>Penanggung jawab</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Batas waktu</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progres</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Selesai</translation>
        </message>
        <message>
            <source> (priority)</source>
            <translation> (prioritas)</translation>
        </message>
        <message>
            <source>What the office will do</source>
            <translation>Yang akan dilakukan kantor</translation>
        </message>
        <message>
            <source>Who answers for it</source>
            <translation>Siapa yang bertanggung jawab</translation>
        </message>
        <message>
            <source>What was done (needed at 100%)</source>
            <translation>Yang sudah dilakukan (wajib pada 100%)</translation>
        </message>
        <message>
            <source>&amp;Element</source>
            <translation>&amp;Unsur</translation>
        </message>
        <message>
            <source>&amp;Action</source>
            <translation>&amp;Tindakan</translation>
        </message>
        <message>
            <source>&amp;Person in charge</source>
            <translation>Penanggung &amp;jawab</translation>
        </message>
        <message>
            <source>&amp;Due</source>
            <translation>Batas &amp;waktu</translation>
        </message>
        <message>
            <source>Pro&amp;gress</source>
            <translation>Pro&amp;gres</translation>
        </message>
        <message>
            <source>&amp;Realisation</source>
            <translation>&amp;Realisasi</translation>
        </message>
        <message>
            <source>Co&amp;mpleted on</source>
            <translation>Tanggal &amp;selesai</translation>
        </message>
        <message>
            <source>Add as &amp;new</source>
            <translation>Ta&amp;mbah sebagai baru</translation>
        </message>
        <message>
            <source>&amp;Save changes</source>
            <translation>Simpa&amp;n perubahan</translation>
        </message>
        <message>
            <source>Remo&amp;ve</source>
            <translation>Ha&amp;pus</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>Added.</source>
            <translation>Ditambahkan.</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Tersimpan.</translation>
        </message>
        <message>
            <source>Removed.</source>
            <translation>Dihapus.</translation>
        </message>
    </context>
    <context>
        <name>SurveyPage</name>
        <message>
            <source>&amp;New period…</source>
            <translation>Periode &amp;baru…</translation>
        </message>
        <message>
            <source>&amp;Import questionnaires…</source>
            <translation>&amp;Impor kuesioner…</translation>
        </message>
        <message>
            <source>&amp;Report…</source>
            <translation>&amp;Laporan…</translation>
        </message>
        <message>
            <source>Follow-up p&amp;lan (RTL)…</source>
            <translation>&amp;Rencana tindak lanjut (RTL)…</translation>
        </message>
        <message>
            <source>What the office will do about the elements to improve, and what it did</source>
            <translation>Yang akan dilakukan kantor atas unsur yang perlu diperbaiki, dan yang sudah dilakukan</translation>
        </message>
        <message>
            <source>Realisa&amp;tion of the plan…</source>
            <translation>Reali&amp;sasi rencana…</translation>
        </message>
        <message>
            <source>Iss&amp;ue the report…</source>
            <translation>&amp;Terbitkan laporan…</translation>
        </message>
        <message>
            <source>Issue (terbitkan) the report today: its date is fixed, the DRAF mark goes</source>
            <translation>Terbitkan laporan hari ini: tanggalnya tetap, tanda DRAF hilang</translation>
        </message>
        <message>
            <source>Re-&amp;open the report…</source>
            <translation>Buka &amp;kembali laporan…</translation>
        </message>
        <message>
            <source>Re-open the issued report to correct its questionnaires: a new version, the reason kept</source>
            <translation>Buka kembali laporan yang telah terbit untuk memperbaiki kuesionernya: versi baru, alasannya dicatat</translation>
        </message>
        <message>
            <source>Survey periods</source>
            <translation>Periode survei</translation>
        </message>
        <message>
            <source>nine digits 1–4, e.g. 343433323</source>
            <translation>sembilan angka 1–4, mis. 343433323</translation>
        </message>
        <message>
            <source>(gender)</source>
            <translation>(jenis kelamin)</translation>
        </message>
        <message>
            <source>(age)</source>
            <translation>(usia)</translation>
        </message>
        <message>
            <source>(education)</source>
            <translation>(pendidikan)</translation>
        </message>
        <message>
            <source>(occupation)</source>
            <translation>(pekerjaan)</translation>
        </message>
        <message>
            <source>service used (optional)</source>
            <translation>layanan yang diterima (opsional)</translation>
        </message>
        <message>
            <source>Remove the last questionnaire</source>
            <translation>Hapus kuesioner terakhir</translation>
        </message>
        <message>
            <source>Enter a paper questionnaire (Enter saves, then the next one)</source>
            <translation>Masukkan kuesioner kertas (Enter menyimpan, lalu lanjut ke berikutnya)</translation>
        </message>
        <message>
            <source>&amp;Scores U1…U9</source>
            <translation>&amp;Nilai U1…U9</translation>
        </message>
        <message>
            <source>Profile (optional)</source>
            <translation>Profil (opsional)</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Layanan</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Hasil</translation>
        </message>
        <message>
            <source>Satisfaction survey (SKM)</source>
            <translation>Survei Kepuasan Masyarakat (SKM)</translation>
        </message>
        <message>
            <source>Report issued on {day} (version {version}): its questionnaires are fixed. To correct them, re-open the report.</source>
            <translation>Laporan diterbitkan pada {day} (versi {version}): kuesionernya sudah tetap. Untuk memperbaikinya, buka kembali laporan.</translation>
        </message>
        <message>
            <source>Issue the report of {period} today? Its date and its questionnaires are fixed from then on, it prints without the DRAF mark, and its history keeps who issued it.</source>
            <translation>Terbitkan laporan {period} hari ini? Tanggal dan kuesionernya tetap sejak itu, laporan dicetak tanpa tanda DRAF, dan riwayatnya mencatat siapa yang menerbitkan.</translation>
        </message>
        <message>
            <source>Re-open the report</source>
            <translation>Buka kembali laporan</translation>
        </message>
        <message>
            <source>Why is the issued report re-opened? Its questionnaires may then change, and issuing it again makes a new version; the reason is kept in its history (e.g. questionnaires from the front desk found after it was issued).</source>
            <translation>Mengapa laporan yang telah terbit dibuka kembali? Kuesionernya kemudian dapat diubah, dan menerbitkannya lagi menjadi versi baru; alasannya dicatat dalam riwayat (mis. kuesioner dari loket yang ditemukan setelah laporan terbit).</translation>
        </message>
        <message>
            <source>Version {version} of the report is re-opened: questionnaires may change.</source>
            <translation>Versi {version} laporan dibuka kembali: kuesioner dapat diubah.</translation>
        </message>
        <message>
            <source>Create a survey period to start entering questionnaires.</source>
            <translation>Buat periode survei untuk mulai memasukkan kuesioner.</translation>
        </message>
        <message>
            <source>{n} questionnaire(s). Enter the number of service users to check the sample size.</source>
            <translation>{n} kuesioner. Isi jumlah pengguna layanan untuk memeriksa ukuran sampel.</translation>
        </message>
        <message>
            <source>{n} questionnaire(s): {missing} more needed for the minimum sample of {required} (Krejcie–Morgan, {users} service users).</source>
            <translation>{n} kuesioner: kurang {missing} lagi untuk sampel minimum {required} (Krejcie–Morgan, {users} pengguna layanan).</translation>
        </message>
        <message>
            <source>{n} questionnaire(s): the minimum sample of {required} is reached (Krejcie–Morgan, {users} service users).</source>
            <translation>{n} kuesioner: sampel minimum {required} terpenuhi (Krejcie–Morgan, {users} pengguna layanan).</translation>
        </message>
        <message>
            <source>No questionnaires yet</source>
            <translation>Belum ada kuesioner</translation>
        </message>
        <message>
            <source>IKM {index} — {letter} ({label})</source>
            <translation>IKM {index} — {letter} ({label})</translation>
        </message>
        <message>
            <source>Improve first: {elements} (lowest NRR)</source>
            <translation>Prioritas perbaikan: {elements} (NRR terendah)</translation>
        </message>
        <message>
            <source>Method: {method} (the office's choice, in Settings → Office).</source>
            <translation>Metode: {method} (pilihan kantor, di Pengaturan → Kantor).</translation>
        </message>
        <message>
            <source>{method}: IKM {index} — {letter} ({label})</source>
            <translation>{method}: IKM {index} — {letter} ({label})</translation>
        </message>
        <message>
            <source>The two ways of weighing the elements give different grades here:&lt;br&gt;{lines}&lt;br&gt;The report prints the office's method and says which it is.</source>
            <translation>Dua cara pembobotan unsur menghasilkan mutu yang berbeda di sini:&lt;br&gt;{lines}&lt;br&gt;Laporan mencetak metode pilihan kantor dan menyebutkannya.</translation>
        </message>
        <message>
            <source>Type all nine scores (you typed {n}); each is 1, 2, 3 or 4.</source>
            <translation>Ketik kesembilan nilai (baru {n}); masing-masing 1, 2, 3 atau 4.</translation>
        </message>
        <message>
            <source>Questionnaire {n} saved.</source>
            <translation>Kuesioner ke-{n} tersimpan.</translation>
        </message>
        <message>
            <source>The last questionnaire was removed.</source>
            <translation>Kuesioner terakhir dihapus.</translation>
        </message>
        <message>
            <source>Import questionnaires</source>
            <translation>Impor kuesioner</translation>
        </message>
        <message>
            <source>Spreadsheets (*.xlsx *.csv)</source>
            <translation>Lembar kerja (*.xlsx *.csv)</translation>
        </message>
        <message>
            <source>line {line}: {problem}</source>
            <translation>baris {line}: {problem}</translation>
        </message>
        <message>
            <source>{n} questionnaire(s) imported.</source>
            <translation>{n} kuesioner diimpor.</translation>
        </message>
        <message>
            <source>Issue the report</source>
            <translation>Terbitkan laporan</translation>
        </message>
        <message>
            <source>The report is issued, dated {day}.</source>
            <translation>Laporan telah diterbitkan, bertanggal {day}.</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusBar</name>
        <message>
            <source>Mufakat dates changes by the server's clock. Set this laptop's date, time and time zone.</source>
            <translation>Mufakat mencatat waktu perubahan menurut jam server. Betulkan tanggal, jam, dan zona waktu laptop ini.</translation>
        </message>
        <message>
            <source>Not encrypted</source>
            <translation>Tidak terenkripsi</translation>
        </message>
        <message>
            <source>This laptop syncs over plain http://: what it sends can be read on the network. Ask the administrator for the server's https:// address.</source>
            <translation>Laptop ini bersinkronisasi lewat http:// biasa: yang dikirimnya dapat dibaca di jaringan. Mintalah alamat https:// server kepada administrator.</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>Sinkronkan sekarang</translation>
        </message>
        <message>
            <source>Send local changes and fetch new ones now (F9)</source>
            <translation>Kirim perubahan lokal dan ambil yang baru sekarang (F9)</translation>
        </message>
        <message>
            <source>Export unsent changes…</source>
            <translation>Ekspor perubahan yang belum terkirim…</translation>
        </message>
        <message>
            <source>Open the list of what needs your attention</source>
            <translation>Buka daftar yang perlu perhatian Anda</translation>
        </message>
        <message>
            <source>Local only: not connected to a server</source>
            <translation>Hanya lokal: tidak terhubung ke server</translation>
        </message>
        <message>
            <source>Offline: will retry ({reason})</source>
            <translation>Luring: akan dicoba lagi ({reason})</translation>
        </message>
        <message>
            <source>Syncing… sent {pushed}, received {pulled}</source>
            <translation>Menyinkronkan… terkirim {pushed}, diterima {pulled}</translation>
        </message>
        <message>
            <source>Up to date</source>
            <translation>Mutakhir</translation>
        </message>
        <message>
            <source>Sync error: {reason}</source>
            <translation>Kesalahan sinkronisasi: {reason}</translation>
        </message>
        <message>
            <source>{n} change(s) not yet sent</source>
            <translation>{n} perubahan belum terkirim</translation>
        </message>
        <message>
            <source>{n} file(s) waiting</source>
            <translation>{n} berkas menunggu</translation>
        </message>
        <message>
            <source>last sync {when}</source>
            <translation>sinkron terakhir {when}</translation>
        </message>
        <message>
            <source>Needs attention: {n}</source>
            <translation>{n} perlu perhatian</translation>
        </message>
        <message>
            <source>File lost: “{name}”</source>
            <translation>Berkas hilang: “{name}”</translation>
        </message>
        <message>
            <source>{n} files lost</source>
            <translation>{n} berkas hilang</translation>
        </message>
        <message>
            <source>Removed from the data folder before they were sent, so no other laptop can receive them. Put the file back (add the same file again to its record), or remove its entry from the record.</source>
            <translation>Dihapus dari folder data sebelum terkirim, sehingga laptop lain tidak dapat menerimanya. Kembalikan berkasnya (tambahkan lagi berkas yang sama pada catatannya), atau hapus entrinya dari catatan.</translation>
        </message>
        <message>
            <source>{n} min</source>
            <translation>{n} menit</translation>
        </message>
        <message>
            <source>{n} h</source>
            <translation>{n} jam</translation>
        </message>
        <message>
            <source>{n} days</source>
            <translation>{n} hari</translation>
        </message>
        <message>
            <source>Clock {amount} behind</source>
            <translation>Jam laptop terlambat {amount}</translation>
        </message>
        <message>
            <source>Clock {amount} ahead</source>
            <translation>Jam laptop lebih cepat {amount}</translation>
        </message>
    </context>
    <context>
        <name>TemplatesDialog</name>
        <message>
            <source>Document templates — {forum}</source>
            <translation>Templat dokumen — {forum}</translation>
        </message>
        <message>
            <source>Document templates of the office</source>
            <translation>Templat dokumen kantor</translation>
        </message>
        <message>
            <source>Implementation report: legal &amp;basis (one per line)</source>
            <translation>Laporan pelaksanaan: &amp;dasar (satu per baris)</translation>
        </message>
        <message>
            <source>Implementation report: &amp;purpose</source>
            <translation>Laporan pelaksanaan: &amp;maksud dan tujuan</translation>
        </message>
        <message>
            <source>Implementation report: &amp;closing</source>
            <translation>Laporan pelaksanaan: pe&amp;nutup</translation>
        </message>
        <message>
            <source>Invitation: &amp;number</source>
            <translation>Undangan: nomo&amp;r</translation>
        </message>
        <message>
            <source>Invitation: na&amp;ture (sifat)</source>
            <translation>Undangan: s&amp;ifat</translation>
        </message>
        <message>
            <source>Invitation: &amp;subject (hal)</source>
            <translation>Undangan: &amp;hal</translation>
        </message>
        <message>
            <source>(left to fill in by hand)</source>
            <translation>(diisi tangan)</translation>
        </message>
        <message>
            <source>Date the invitations &amp;on</source>
            <translation>Undangan &amp;bertanggal</translation>
        </message>
        <message>
            <source>Invitation date</source>
            <translation>Tanggal undangan</translation>
        </message>
        <message>
            <source>Each field shows the wording this forum's documents print; edit it here. Wording left as the office's keeps following the office's.</source>
            <translation>Setiap kolom menampilkan rumusan yang dicetak pada dokumen forum ini; ubahlah di sini. Rumusan yang dibiarkan sama dengan rumusan kantor tetap mengikuti rumusan kantor.</translation>
        </message>
        <message>
            <source>Each field shows the wording the office's documents print; edit it here. Wording left as Mufakat's own keeps following it. Each forum may change them.</source>
            <translation>Setiap kolom menampilkan rumusan yang dicetak pada dokumen kantor; ubahlah di sini. Rumusan yang dibiarkan sama dengan rumusan bawaan Mufakat tetap mengikutinya. Setiap forum dapat mengubahnya.</translation>
        </message>
        <message>
            <source>PEKPPP indicators each document is evidence for</source>
            <translation>Indikator PEKPPP yang didukung setiap dokumen</translation>
        </message>
        <message>
            <source>These numbers come from the evaluators' worksheets, not from the regulation, and change between years: check them against this year's worksheet. Empty: the document names none.</source>
            <translation>Nomor-nomor ini berasal dari lembar kerja evaluator, bukan dari peraturan, dan dapat berubah setiap tahun: cocokkan dengan lembar kerja tahun ini. Kosong: dokumen tidak menyebut indikator.</translation>
        </message>
    </context>
    <context>
        <name>TimeField</name>
        <message>
            <source>not set (e.g. {time})</source>
            <translation>belum diisi (mis. {time})</translation>
        </message>
    </context>
    <context>
        <name>TriagePage</name>
        <message>
            <source>Search the text (part of a word is enough)…</source>
            <translation>Cari teks (potongan kata pun cukup)…</translation>
        </message>
        <message>
            <source>Any scope</source>
            <translation>Semua ranah</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>Semua status</translation>
        </message>
        <message>
            <source>Open (not settled)</source>
            <translation>Terbuka (belum tuntas)</translation>
        </message>
        <message>
            <source>Any topic</source>
            <translation>Semua topik</translation>
        </message>
        <message>
            <source>Overdue only</source>
            <translation>Hanya yang lewat batas</translation>
        </message>
        <message>
            <source>E&amp;xport to Excel</source>
            <translation>Ekspor ke E&amp;xcel</translation>
        </message>
        <message>
            <source>Every recommendation the filter shows, with its follow-up, as an Excel workbook</source>
            <translation>Semua rekomendasi yang ditampilkan filter, dengan tindak lanjutnya, sebagai buku kerja Excel</translation>
        </message>
        <message>
            <source>Selected:</source>
            <translation>Terpilih:</translation>
        </message>
        <message>
            <source>Deleted: “{text}”.</source>
            <translation>Dihapus: “{text}”.</translation>
        </message>
        <message>
            <source>Forum date from</source>
            <translation>Tanggal forum dari</translation>
        </message>
        <message>
            <source>to</source>
            <translation>s.d.</translation>
        </message>
        <message>
            <source>Triage</source>
            <translation>Pemilahan</translation>
        </message>
        <message>
            <source>any</source>
            <translation>semua</translation>
        </message>
        <message>
            <source>Type a date or pick one; select it and press Delete for “any” again.</source>
            <translation>Ketik tanggal atau pilih; blok lalu hapus untuk kembali ke “semua”.</translation>
        </message>
        <message>
            <source>Any forum</source>
            <translation>Semua forum</translation>
        </message>
        <message>
            <source>counting…</source>
            <translation>menghitung…</translation>
        </message>
        <message>
            <source>No recommendations yet</source>
            <translation>Belum ada rekomendasi</translation>
        </message>
        <message>
            <source>They are typed in a forum's Recommendations tab while it runs; they come here to be accepted, followed up or escalated.</source>
            <translation>Rekomendasi dicatat di tab Rekomendasi sebuah forum saat forum berlangsung; di sini rekomendasi diterima, ditindaklanjuti atau dieskalasi.</translation>
        </message>
        <message>
            <source>No recommendation matches the filters</source>
            <translation>Tidak ada rekomendasi yang cocok dengan filter</translation>
        </message>
        <message>
            <source>Change the search or the filters above, or set them back to “any”.</source>
            <translation>Ubah pencarian atau filter di atas, atau kembalikan ke “semua”.</translation>
        </message>
        <message>
            <source>{n} recommendation(s)</source>
            <translation>{n} rekomendasi</translation>
        </message>
        <message>
            <source>Export to Excel</source>
            <translation>Ekspor ke Excel</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Buku kerja Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>“{action}” is only for recommendations that are {need}; none of those selected is.</source>
            <translation>“{action}” hanya untuk rekomendasi yang {need}; tidak satu pun yang dipilih demikian.</translation>
        </message>
        <message>
            <source>Select recommendations in the list first.</source>
            <translation>Pilih dulu rekomendasi di daftar.</translation>
        </message>
    </context>
    <context>
        <name>UndoBar</name>
        <message>
            <source>Undo (Ctrl+Z)</source>
            <translation>Urungkan (Ctrl+Z)</translation>
        </message>
        <message>
            <source>Redo (Ctrl+Y)</source>
            <translation>Ulangi (Ctrl+Y)</translation>
        </message>
    </context>
    <context>
        <name>UndoKeys</name>
        <message>
            <source>Undone: {step}</source>
            <translation>Diurungkan: {step}</translation>
        </message>
        <message>
            <source>Redone: {step}</source>
            <translation>Diulangi: {step}</translation>
        </message>
    </context>
    <context>
        <name>UserDialog</name>
        <message>
            <source>Operator / facilitator (plans, signs in, captures)</source>
            <translation>Operator/fasilitator (merencanakan, mencatat kehadiran, mencatat masukan)</translation>
        </message>
        <message>
            <source>Head of office — kepala (triage, escalate, answer, sign)</source>
            <translation>Kepala kantor (memilah, mengeskalasi, menjawab, menandatangani)</translation>
        </message>
        <message>
            <source>Administrator (users, the office's settings)</source>
            <translation>Administrator (pengguna, pengaturan kantor)</translation>
        </message>
        <message>
            <source>New user</source>
            <translation>Pengguna baru</translation>
        </message>
        <message>
            <source>Change user</source>
            <translation>Ubah pengguna</translation>
        </message>
        <message>
            <source>Reset password</source>
            <translation>Atur ulang kata sandi</translation>
        </message>
        <message>
            <source>full name, e.g. Rina Wulandari, S.E.</source>
            <translation>nama lengkap, mis. Rina Wulandari, S.E.</translation>
        </message>
        <message>
            <source>18 digits, e.g. 198705122010122001</source>
            <translation>18 angka, mis. 198705122010122001</translation>
        </message>
        <message>
            <source>e.g. Kepala Seksi Bank</source>
            <translation>mis. Kepala Seksi Bank</translation>
        </message>
        <message>
            <source>at least 8 characters</source>
            <translation>sekurang-kurangnya 8 karakter</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Nama</translation>
        </message>
        <message>
            <source>NI&amp;P</source>
            <translation>NI&amp;P</translation>
        </message>
        <message>
            <source>&amp;Jabatan (position)</source>
            <translation>&amp;Jabatan</translation>
        </message>
        <message>
            <source>Roles</source>
            <translation>Peran</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>Pass&amp;word</source>
            <translation>Kata &amp;sandi</translation>
        </message>
        <message>
            <source>New pass&amp;word</source>
            <translation>Kata &amp;sandi baru</translation>
        </message>
        <message>
            <source>Password &amp;again</source>
            <translation>&amp;Ulangi kata sandi</translation>
        </message>
        <message>
            <source>The two passwords differ: type the same password twice.</source>
            <translation>Kedua kata sandi berbeda: ketik kata sandi yang sama dua kali.</translation>
        </message>
        <message>
            <source>Tick at least one role: what may this person do?</source>
            <translation>Centang sekurang-kurangnya satu peran: apa yang boleh dilakukan orang ini?</translation>
        </message>
    </context>
    <context>
        <name>UsersGroup</name>
        <message>
            <source>Users</source>
            <translation>Pengguna</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>NIP</source>
            <translation>NIP</translation>
        </message>
        <message>
            <source>Jabatan</source>
            <translation>Jabatan</translation>
        </message>
        <message>
            <source>Roles</source>
            <translation>Peran</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Create the first &amp;administrator…</source>
            <translation>Buat admin&amp;istrator pertama…</translation>
        </message>
        <message>
            <source>Add &amp;user…</source>
            <translation>&amp;Tambah pengguna…</translation>
        </message>
        <message>
            <source>Chan&amp;ge…</source>
            <translation>Ubah pen&amp;gguna…</translation>
        </message>
        <message>
            <source>Reset pass&amp;word…</source>
            <translation>Atur ulang kata &amp;sandi…</translation>
        </message>
        <message>
            <source>&amp;Deactivate (mutasi)…</source>
            <translation>&amp;Nonaktifkan (mutasi)…</translation>
        </message>
        <message>
            <source>Reacti&amp;vate</source>
            <translation>Akti&amp;fkan lagi</translation>
        </message>
        <message>
            <source>active</source>
            <translation>aktif</translation>
        </message>
        <message>
            <source>deactivated</source>
            <translation>nonaktif</translation>
        </message>
        <message>
            <source>This office has no users yet: the history names the operator of Settings. Create the first administrator (they add the others); from then on everyone signs in.</source>
            <translation>Kantor ini belum punya pengguna: riwayat mencatat nama operator di Pengaturan. Buat administrator pertama (ia menambahkan yang lain); sejak itu setiap orang masuk dengan akunnya.</translation>
        </message>
        <message>
            <source>The people of this office who sign in to Mufakat, on every laptop of the office.</source>
            <translation>Orang-orang kantor ini yang masuk ke Mufakat, di setiap laptop kantor.</translation>
        </message>
        <message>
            <source>The first administrator</source>
            <translation>Administrator pertama</translation>
        </message>
        <message>
            <source>{name} is the office's administrator and is signed in.</source>
            <translation>{name} menjadi administrator kantor dan sudah masuk.</translation>
        </message>
        <message>
            <source>{name} added.</source>
            <translation>{name} ditambahkan.</translation>
        </message>
        <message>
            <source>{name} saved.</source>
            <translation>{name} disimpan.</translation>
        </message>
        <message>
            <source>{name}'s password was reset: tell them the new one; they sign in with it.</source>
            <translation>Kata sandi {name} telah diatur ulang: beri tahu kata sandi barunya; ia masuk dengan itu.</translation>
        </message>
        <message>
            <source>{name} is deactivated; {n} open follow-up action(s) went to {successor}.</source>
            <translation>{name} dinonaktifkan; {n} tindak lanjut terbuka diserahkan kepada {successor}.</translation>
        </message>
        <message>
            <source>{name} is active again.</source>
            <translation>{name} aktif kembali.</translation>
        </message>
    </context>
</TS>
