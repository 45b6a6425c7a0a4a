"""What made the 300/200 minutes cheaper to lay out (issue #13, speed) changes nothing printed:
rows measured without making a reportlab Table get the very heights the Table gives them (a
frozen berita acara must print the same bytes after the change), and the garbage collector is
paused only while a document is laid out, then back as it was."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from reportlab.lib.units import mm

from desktop.reports import layout, minutes
from desktop.reports.collecting import collector_paused
from desktop.reports.layout import Styles, _cells, _measured, _table, fit_columns, markup, text
from tests.reports import samples

LONG_WORD = "Pertanggungjawabannya" * 3
ROWS = [
    ["1", "Zoë Łukasiewicz-Ñúñez", "Satker Balai Wilayah Sungai Papua Barat", "", "L"],
    ["2", f"Nama dengan kata panjang {LONG_WORD}", "Bank", "Akademisi/pakar", "P"],
    ["3", "Baris\ndengan\nempat\nbaris", "Universitas Muhammadiyah Sorong " * 6, "LSM", ""],
    ["4", markup("<b>Tebal</b><br/>dan biasa", Styles.cell), "-", "Media", "L"],
    ["5", "", "", "", ""],
]
HEADER = ["No", "Nama", "Instansi", "Unsur", "L/P"]
WIDTHS = [9 * mm, 40 * mm, 60 * mm, 30 * mm, 21 * mm]


def reportlab_heights(header: list[str], rows: list[list[object]], padding: float | None) -> list[float]:
    """The header's and the rows' heights as reportlab's own Table measures them."""
    columns = fit_columns(header, rows, WIDTHS)
    table = _table(columns, _cells(columns, rows), True, padding)
    table.wrap(sum(columns.widths), float("inf"))
    return list(table._rowHeights)


@pytest.mark.parametrize("padding", [None, 1.5, 4])
def test_rows_measured_without_a_table_have_the_tables_heights(padding: float | None) -> None:
    columns = fit_columns(HEADER, ROWS, WIDTHS)
    measured = _measured(columns, _cells(columns, ROWS), padding)
    assert [measured.header_height, *measured.heights] == reportlab_heights(HEADER, ROWS, padding)


def test_a_big_forums_tables_are_measured_to_the_last_bit() -> None:
    report = samples.forum(attendees=60, recs=40)
    rows: list[list[object]] = [
        [str(n), p.name, p.organization, str(p.category), p.phone] for n, p in enumerate(report.participants)
    ]
    rows += [[str(r.number), r.text, r.raised_by, str(r.scope), str(r.votes)] for r in report.recommendations]
    columns = fit_columns(HEADER, rows, WIDTHS)
    measured = _measured(columns, _cells(columns, rows), None)
    assert [measured.header_height, *measured.heights] == reportlab_heights(HEADER, rows, None)


def test_a_cell_of_several_flowables_is_left_to_the_table() -> None:
    rows: list[list[object]] = [*ROWS, ["6", [text("Dua"), text("paragraf")], "x", "y", "z"]]
    columns = fit_columns(HEADER, rows, WIDTHS)
    measured = _measured(columns, _cells(columns, rows), None)
    assert [measured.header_height, *measured.heights] == reportlab_heights(HEADER, rows, None)


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.mark.usefixtures("collector_on")
def test_the_minutes_are_laid_out_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    build_pdf = layout.build_pdf

    def watched(*args: object, **kwargs: object) -> bytes:
        seen.append(gc.isenabled())
        return build_pdf(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(minutes, "build_pdf", watched)
    minutes.build_minutes(samples.forum(attendees=5, recs=3))
    assert seen == [False]
    assert gc.isenabled()  # back on once it is done


@pytest.mark.usefixtures("collector_on")
def test_the_collector_comes_back_as_it_was() -> None:
    paused = collector_paused(gc.isenabled)
    assert paused() is False and gc.isenabled()

    @collector_paused
    def failing() -> None:
        raise RuntimeError("a layout error")

    with pytest.raises(RuntimeError):
        failing()
    assert gc.isenabled()
    gc.disable()  # the app collects on its GUI thread's timer: a build never turns it on
    assert paused() is False and not gc.isenabled()
    gc.enable()


@pytest.mark.usefixtures("collector_on")
def test_builds_in_two_threads_turn_it_back_on_after_the_last() -> None:
    first_in, second_done = threading.Event(), threading.Event()
    during: list[bool] = []

    @collector_paused
    def first() -> None:
        first_in.set()
        assert second_done.wait(10)
        during.append(gc.isenabled())  # the second build ended: still paused for this one

    @collector_paused
    def second() -> None:
        assert first_in.wait(10)

    worker = threading.Thread(target=first)
    worker.start()
    second()
    second_done.set()
    worker.join(10)
    assert during == [False] and gc.isenabled()
