"""A ruled table's row is never cut across two pages under the header repeated overleaf (issue
#13: survey actions, the follow-up report's section C, the berita acara's participants), unless
the row is taller than a whole page. A berita acara frozen in an earlier layout prints its old
bytes: `data/minutes-layout-2.json` is a snapshot of layout 2 whose participants' table meets
the page's end, `data/minutes-layout-2.pdf` what Mufakat printed from it before version 3."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import reportlab
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from desktop.reports.layout import build_pdf, content_width, grid_table, text
from desktop.reports.minutes import build_minutes
from desktop.services.frozen import report_of
from protocol import minutes as shape
from tests.reports.conftest import pdf_text

DATA = Path(__file__).parent / "data"
FIXTURE_REPORTLAB = "5.1.0"  # the reportlab that printed data/minutes-layout-2.pdf (main at d017f59)


def _row_text(n: int, lines: int) -> str:
    return " ".join(f"r{n}w{i}" for i in range(lines * 9))


@pytest.mark.parametrize("offset", range(0, 240, 17))
def test_a_row_stays_on_one_page_whatever_is_above_the_table(offset: int) -> None:
    width = content_width("a4")
    rows = [[str(n), _row_text(n, 1 + n % 4), f"catatan {n}"] for n in range(1, 31)]
    story = [
        text("Pembuka"),
        Spacer(1, 400 + offset),
        grid_table(["No", "Uraian", "Ket"], rows, [10 * mm, width * 0.6, width * 0.3]),
    ]
    pages = pdf_text(build_pdf(story))
    assert len(pages) >= 2
    for n in range(1, 31):
        words = _row_text(n, 1 + n % 4).split()
        holding = [i for i, page in enumerate(pages) if any(w in page.split() for w in words)]
        assert len(holding) == 1, f"row {n} is cut across pages {holding}"
    for page in pages:  # the header once, at the top of each page the table is on
        assert page.count("No Uraian Ket") <= 1


def test_a_row_taller_than_a_page_is_still_printed_whole() -> None:
    width = content_width("a4")
    long = " ".join(f"panjang{i}" for i in range(1400))
    story = [
        grid_table(
            ["No", "Uraian"], [["1", "pendek"], ["2", long], ["3", "akhir"]], [10 * mm, width - 10 * mm]
        )
    ]
    printed = " ".join(pdf_text(build_pdf(story)))
    assert all(f"panjang{i}" in printed.split() for i in range(1400)) and "akhir" in printed


def _snapshot() -> dict[str, Any]:
    content: dict[str, Any] = json.loads((DATA / "minutes-layout-2.json").read_text(encoding="utf-8"))
    return content


def test_a_berita_acara_frozen_in_layout_2_prints_its_old_bytes() -> None:
    content = _snapshot()
    assert content["layout"] == 2
    printed, old = build_minutes(report_of(content)), (DATA / "minutes-layout-2.pdf").read_bytes()
    if reportlab.Version == FIXTURE_REPORTLAB:
        assert printed == old
    else:  # another reportlab (the lowest-versions run) writes other bytes: the same pages
        assert pdf_text(printed) == pdf_text(old)
    first = pdf_text((DATA / "minutes-layout-2.pdf").read_bytes())[0]
    assert first.count("No Peserta L P Jumlah") == 2  # what it printed: the header repeated mid-page


def test_the_same_berita_acara_frozen_now_keeps_its_participants_rows_whole() -> None:
    assert shape.LAYOUT >= 3
    pages = pdf_text(build_minutes(report_of({**_snapshot(), "layout": shape.LAYOUT})))
    assert pages[0].count("No Peserta L P Jumlah") == 1  # no header in the middle of the page
    assert pages[1].startswith("No Peserta L P Jumlah Jumlah yang hadir")  # the rest, under it overleaf
