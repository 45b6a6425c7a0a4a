"""Saved files are named after what they are, the forum's date and its title."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from desktop.documents.file_names import TITLE_LENGTH, file_name

AUG_21 = date(2024, 8, 21)


def test_the_name_says_which_document_of_which_forum() -> None:
    assert file_name("minutes", AUG_21, "FKP KPPN Sorong", ".pdf") == "berita-acara-2024-08-21-fkp-kppn-sorong.pdf"
    assert (
        file_name("attendance-sheet", AUG_21, "Forum Konsultasi Publik KPPN Sorong Tahun 2024", ".pdf")
        == "daftar-hadir-2024-08-21-forum-konsultasi-publik-kppn-sorong-tahun-2024.pdf"
    )
    assert file_name("forum-recap", AUG_21, "FKP KPPN Sorong", ".xlsx") == "rekap-forum-2024-08-21-fkp-kppn-sorong.xlsx"


def test_indonesian_spelling_and_diacritics() -> None:
    assert (
        file_name("minutes", AUG_21, "Sosialisasi Layanan Café Désa — Jum'at, 23/8 (Tahap II)", ".pdf")
        == "berita-acara-2024-08-21-sosialisasi-layanan-cafe-desa-jumat-23-8-tahap-ii.pdf"
    )
    quran = file_name("minutes", AUG_21, "Forum Qur’an & Ta'lim", ".pdf")
    assert quran == "berita-acara-2024-08-21-forum-quran-talim.pdf"


def test_a_long_title_is_cut_after_a_whole_word() -> None:
    title = (
        "Penyusunan Standar Pelayanan Kantor Pelayanan Perbendaharaan Negara Sorong "
        "Tahun Anggaran 2024 bersama Satuan Kerja Mitra"
    )
    name = file_name("followup-report", AUG_21, title, ".pdf")
    assert name == "laporan-tindak-lanjut-2024-08-21-penyusunan-standar-pelayanan-kantor-pelayanan-perbendaharaan.pdf"


def test_a_title_with_no_letters_leaves_the_document_and_date() -> None:
    assert file_name("minutes", AUG_21, " — !? ", ".pdf") == "berita-acara-2024-08-21.pdf"
    assert file_name("recommendations-recap", None, "", ".xlsx") == "rekap-rekomendasi.xlsx"


@given(st.text(max_size=300))
def test_any_title_gives_a_safe_short_name(title: str) -> None:
    name = file_name("minutes", AUG_21, title, ".pdf")
    assert re.fullmatch(r"berita-acara-2024-08-21(-[a-z0-9]+)*\.pdf", name), name
    assert len(name) <= len("berita-acara-2024-08-21-.pdf") + TITLE_LENGTH
