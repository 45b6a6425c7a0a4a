"""The fixed phrasings of the printed documents, in one table.

Documents are Indonesian whatever the app's language; these words are the ones an evaluator
expects (EYD V: no spaces around a slash) and are asserted on the PDFs' text by the tests. A
value's printed name comes from `ENUM_WORDS` before the app's own labels.
"""

from __future__ import annotations

from enum import StrEnum

from protocol.vocab import Category, EscalationStatus, RecCategory, RecStatus

# -- the berita acara
MINUTES_CLOSING = "Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya."
NUMBER_PLACEHOLDER = "……………………"  # "Nomor: ……": the number is written by hand
# The signing place while the office has given no city (short: it sits beside the date).
PLACE_PLACEHOLDER = "……………"
MERGED_UNDER = "Usulan serupa yang digabungkan ke dalam rekomendasi ini:"
VOTES = "Dukungan peserta"
# The one PEKPPP figure (domain.unsur), worded alike on every document and export.
PEKPPP_FIGURE = "Nilai jumlah unsur PEKPPP (indikator 2)"
DIVERSITY = "Keragaman peserta (kategori masyarakat)"

# -- the follow-up report
AS_OF = "posisi per"
PARENT_RESPONSE = "Tanggapan unit atasan"
ESCALATED = "Diusulkan ke unit atasan"
ANSWER_DUE = "batas jawaban unit atasan"  # an escalation's due date: the office above's, not a target of the unit
LATE = "diterima setelah berita acara ditutup"
LATE_HEADING = "Masukan yang diterima setelah berita acara ditutup"

# -- the cover letter to the parent office
LETTER_CLOSING = "Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan terima kasih."
CARBON_COPY = "Tembusan:"

# -- the attendance list
ACKNOWLEDGED = "Mengetahui,"
VULNERABLE = "Kelompok rentan"

# The printed name of a value where the documents' wording differs from the screens'.
ENUM_WORDS: dict[StrEnum, str] = {
    RecStatus.ESCALATED: ESCALATED,
    EscalationStatus.SENT: "Diusulkan",
    Category.ACADEMIC: "Akademisi/pakar",
    Category.NGO: "LSM/organisasi masyarakat",
    RecCategory.COST: "Biaya/tarif",
}

# Every fixed phrasing, by name (the tests assert each one on the document that prints it).
PHRASES: dict[str, str] = {
    "minutes_closing": MINUTES_CLOSING,
    "as_of": AS_OF,
    "parent_response": PARENT_RESPONSE,
    "escalated": ESCALATED,
    "answer_due": ANSWER_DUE,
    "late": LATE,
    "letter_closing": LETTER_CLOSING,
    "acknowledged": ACKNOWLEDGED,
    "academic": ENUM_WORDS[Category.ACADEMIC],
    "pekppp_figure": PEKPPP_FIGURE,
}
