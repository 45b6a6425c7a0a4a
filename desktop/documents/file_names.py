"""The names offered when a document or an export is saved: what it is, the forum's date and its
title, e.g. `berita-acara-2024-08-21-fkp-kppn-sorong.pdf`. Offices file dozens of these; a name
that says which forum and which paper it is saves opening each one."""

from __future__ import annotations

from datetime import date

# What each saved file is, in the words of the office (the documents are Indonesian).
DOCUMENTS = {
    "invitations": "surat-undangan",
    "notes": "notulen",
    "implementation-report": "laporan-pelaksanaan-fkp",
    "survey-actions-report": "laporan-realisasi-rtl-skm",
    "register": "register-masukan",
    "minutes": "berita-acara",
    "attendance-sheet": "daftar-hadir",
    "followup-report": "laporan-tindak-lanjut",
    "escalation-letter": "surat-pengantar-eskalasi",
    "survey-report": "laporan-skm",
    "forum-recap": "rekap-forum",
    "recommendations-recap": "rekap-rekomendasi",
    "evidence-pack": "paket-bukti",
}
TITLE_LENGTH = 60  # the title part, cut after a whole word
# Apostrophes join a word in Indonesian (Jum'at, Qur'an, Nja'): dropped, not made a separator.
_JOINERS = [[mark, ""] for mark in ("'", "’", "‘", "`")]


def title_slug(title: str, length: int = TITLE_LENGTH) -> str:
    """Lower-case ASCII words joined by hyphens (diacritics and other scripts transliterated),
    at most `length` characters, cut after a whole word (a single longer word is cut)."""
    from slugify import slugify  # its transliteration tables load when a file is first saved, not at start-up

    return str(slugify(title, max_length=length, word_boundary=True, save_order=True, replacements=_JOINERS))


def file_name(document: str, day: date | None, title: str, suffix: str) -> str:
    """`document` is a key of DOCUMENTS; `suffix` includes its dot (".pdf")."""
    parts = [DOCUMENTS[document], day.isoformat() if day else "", title_slug(title)]
    return "-".join(part for part in parts if part) + suffix
