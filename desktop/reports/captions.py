"""A photo's caption on paper, one rule for every document (the Laporan's dokumentasi, the
follow-up report's annexes, the evidence pack): what it is about (the recommendation, the action it
is evidence of), then its own caption; a photo with none is named by its file's name, or "Tanpa
keterangan". No reportlab here: the app names photos without loading the PDF machinery."""

from __future__ import annotations

NO_CAPTION = "Tanpa keterangan"
SEPARATOR = " — "


def caption_line(caption: str, file_name: str = "", *about: str) -> str:
    """ "Rekomendasi 2 — Beli 20 kursi — Kursi terpasang"; "IMG_0412.jpg"; "Tanpa keterangan"."""
    own = " ".join(caption.split()) or file_name.strip() or NO_CAPTION
    return SEPARATOR.join([*(part for part in about if part), own])
