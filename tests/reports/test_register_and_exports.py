"""The register of consultation inputs (PEKPPP 27–28, Perpres 76/2013) and the exports as an
Indonesian office opens them in Excel: XLSX with Indonesian headers and labels (never codes such
as `client_office`, `True` or UTC stamps), text never run as a formula; CSV with a byte order
mark, ";" in Indonesian and "," in English. Read back with openpyxl, and with LibreOffice when it
is installed (the CI need not install it)."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.vocab import Category, ForumStatus, Gender, RecStatus, Role, Scope
from desktop.models import Recommendation
from desktop.reports.recap_xlsx import forum_recap_xlsx, recommendations_recap_xlsx
from desktop.reports.register_xlsx import register_xlsx
from desktop.services import followups
from desktop.services.export import csv_delimiter, export_csv
from desktop.services.queries import RecommendationFilter
from desktop.services.recap import forum_recap, recommendations_recap
from desktop.services.register import register
from tests.reports.test_followup_timing import working_days
from tests.test_cli import run

AS_OF = date(2024, 10, 1)
CODES = {v.value for enum in (Category, Gender, Role, RecStatus, Scope, ForumStatus) for v in enum} | {
    "True",
    "False",
}
HEADERS = [
    "No.",
    "Tanggal diterima",
    "Saluran",
    "Forum",
    "Pokok masukan",
    "Unsur pengusul",
    "Ruang lingkup",
    "Penanggung jawab",
    "Status",
    "Target",
    "Tanggal selesai",
    "Lama (hari kerja)",
    "Terlambat",
    "Hari kerja terlambat",
    "Progres (%)",
]


def rows_of(data: bytes, sheet: str) -> list[tuple[object, ...]]:
    book = load_workbook(io.BytesIO(data))
    return [tuple(r) for r in book[sheet].iter_rows(values_only=True)]


def test_register_one_row_per_input_recomputed(demo_ws: Workspace, demo_forum: str) -> None:
    unit = demo_ws.ctx.home_unit_id
    assert unit is not None
    data = register_xlsx(demo_ws.read(register, unit, AS_OF, demo_ws.ctx.calendar))
    rows = rows_of(data, "Register masukan")
    assert list(rows[0]) == HEADERS
    with demo_ws.store.read() as session:
        stored = session.scalars(
            select(Recommendation)
            .where(Recommendation.forum_id == demo_forum, Recommendation.status != RecStatus.MERGED)
            .order_by(Recommendation.created_at, Recommendation.id)
        ).all()
    assert [r[4] for r in rows[1:]] == [r.text for r in stored]  # merged duplicates counted once
    held = date(2024, 8, 21)
    for row in rows[1:]:
        assert row[1] == datetime(2024, 8, 21) and row[2] == "Forum Konsultasi Publik (tatap muka)"
        assert row[8] in {"Diterima", "Ditolak", "Dalam proses", "Selesai", "Dieskalasi"}
        assert row[12] in ("Ya", "Tidak")
        closed = row[10]
        end = closed.date() if isinstance(closed, datetime) else AS_OF
        assert row[11] == working_days(held, end)
    done = next(r for r in rows[1:] if str(r[4]).startswith("Tingkatkan kualitas"))
    assert done[7] == "Kepala Seksi Pencairan Dana" and done[10] == datetime(2024, 9, 10) and done[14] == 100
    late = next(r for r in rows[1:] if str(r[4]).startswith("Perkuat customer"))
    assert late[12] == "Ya" and late[13] == working_days(date(2024, 9, 30), AS_OF)
    escalated = next(r for r in rows[1:] if str(r[4]).startswith("Usulkan layanan jemput"))
    assert (
        escalated[7] == "Kanwil DJPb Provinsi Papua Barat Daya"
        and escalated[6] == "Kebijakan (diusulkan ke atas)"
    )
    about = dict(rows_of(data, "Keterangan")[1:])
    assert about["Jumlah masukan"] == len(stored) and about["Terlambat"] == sum(
        r[12] == "Ya" for r in rows[1:]
    )
    assert about["Bukti dukung PEKPPP"] == "indikator 27–28"
    names = {"Martina Rumbiak", "Nur Yulianti", "Agustinus Wambrauw"}  # who raised them: by unsur only
    assert not any(name in str(cell) for row in rows for cell in row for name in names)


def test_register_period_and_formulas(demo_ws: Workspace, demo_forum: str) -> None:
    unit = demo_ws.ctx.home_unit_id
    assert unit is not None
    later = demo_ws.read(register, unit, AS_OF, demo_ws.ctx.calendar, date(2024, 9, 1))
    assert later.rows == ()
    with demo_ws.store.read() as session:
        rec = session.scalars(
            select(Recommendation).where(Recommendation.text.startswith("Perbarui papan"))
        ).one()
    demo_ws.write(
        followups.assign_follow_up, rec.id, action='=HYPERLINK("http://x.test","klik")', owner="@Kasi"
    )
    data = register_xlsx(demo_ws.read(register, unit, AS_OF, demo_ws.ctx.calendar, date(2024, 8, 1)))
    book = load_workbook(io.BytesIO(data))
    cells = [c for row in book["Register masukan"].iter_rows(min_row=2) for c in row if c.value == "@Kasi"]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)  # shown as typed


def test_csv_for_indonesian_and_english_excel(demo_ws: Workspace, demo_forum: str) -> None:
    for language, separator in (("id", ";"), ("en", ",")):
        text = demo_ws.read(export_csv, demo_forum, "participants", csv_delimiter(language))
        assert text.startswith("\ufeff") and text.splitlines()[0].split(separator)[:3] == [
            "\ufeffid",
            "unit_id",
            "forum_id",
        ]
        rows = list(csv.reader(io.StringIO(text[1:]), delimiter=separator))
        assert len(rows) == 14 and all(len(r) == len(rows[0]) for r in rows)


def _libreoffice(source: Path, out: Path, target: str, infilter: str | None = None) -> None:
    command = ["soffice", "--headless", f"-env:UserInstallation=file://{out}/lo", "--convert-to", target]
    if infilter:
        command += ["--infilter=" + infilter]
    subprocess.run(
        [*command, "--outdir", str(out), str(source)], check=True, capture_output=True, timeout=180
    )


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed (optional check)")
def test_libreoffice_reads_the_csv_with_its_separator(
    demo_ws: Workspace, demo_forum: str, tmp_path: Path
) -> None:
    text = demo_ws.read(export_csv, demo_forum, "recommendations", ";")
    source = tmp_path / "rekomendasi.csv"
    source.write_bytes(text.encode("utf-8"))
    # 59: ";" between cells, 34: '"' around text, 76: UTF-8 — what Indonesian Excel reads by default.
    _libreoffice(source, tmp_path, "xlsx", "CSV:59,34,76,1")
    sheet = load_workbook(tmp_path / "rekomendasi.xlsx").active
    assert sheet is not None
    got = [[("" if c is None else str(c)) for c in row] for row in sheet.iter_rows(values_only=True)]
    expected = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert got[0] == expected[0] and len(got) == len(expected)
    texts = [row[expected[0].index("text")] for row in got[1:]]
    assert texts == [row[expected[0].index("text")] for row in expected[1:]]  # commas, quotes, accents intact


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed (optional check)")
def test_libreoffice_shows_indonesian_in_every_sheet_of_the_workbooks(
    demo_ws: Workspace, demo_forum: str, tmp_path: Path
) -> None:
    unit = demo_ws.ctx.home_unit_id
    assert unit is not None
    books = {
        "rekap-forum.xlsx": forum_recap_xlsx(demo_ws.read(forum_recap, demo_forum)),
        "rekap-rekomendasi.xlsx": recommendations_recap_xlsx(
            demo_ws.read(recommendations_recap, RecommendationFilter(), datetime.now().astimezone())
        ),
        "register.xlsx": register_xlsx(demo_ws.read(register, unit, AS_OF, demo_ws.ctx.calendar)),
    }
    for name, data in books.items():
        source = tmp_path / name
        source.write_bytes(data)
        sheets = load_workbook(source).sheetnames
        out = tmp_path / name.removesuffix(".xlsx")
        out.mkdir()
        # Token 12 = -1: every sheet to a CSV of its own, named after the sheet, as LibreOffice shows it.
        _libreoffice(source, out, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1")
        for sheet in sheets:
            [written] = [f for f in out.glob("*.csv") if f.stem.endswith(f"-{sheet}")]
            shown = list(csv.reader(io.StringIO(written.read_text(encoding="utf-8"))))
            cells = {cell for row in shown for cell in row}
            assert not cells & CODES, (name, sheet, sorted(cells & CODES))
            # No stamp as stored (UTC, ISO); a header may name the zone ("Dicatat (UTC+00:00)").
            assert not any(re.search(r"\d{4}-\d\d-\d\dT|\d\d:\d\d(:\d\d)?\+00:00", cell) for cell in cells), (
                name,
                sheet,
            )
            if sheet == "Register masukan":
                assert shown[0] == HEADERS and any(row[12] == "Ya" for row in shown[1:])
                assert re.fullmatch(r"\d\d-\d\d-\d{4}", shown[1][1])  # a date, as Excel shows dates


def test_cli_register_and_recap(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "d")
    code, forum, _ = run(capsys, "--data-dir", data, "demo")
    target = tmp_path / "register.xlsx"
    assert run(capsys, "--data-dir", data, "register", "-o", str(target), "--as-of", "2024-10-01")[0] == 0
    assert rows_of(target.read_bytes(), "Register masukan")[0] == tuple(HEADERS)
    recap = tmp_path / "rekap.xlsx"
    assert run(capsys, "--data-dir", data, "forum-recap", forum.strip(), "-o", str(recap))[0] == 0
    assert "Peserta per unsur" in load_workbook(recap).sheetnames
    bad = [
        (["register", "-o", str(target), "--from", "2024-09-01", "--to", "2024-08-01"], "2024-08-01"),
        (["register", "-o", str(target), "--unit", "NOPE"], "NOPE"),
        (["register", "-o", str(target), "--from", "1 September"], "1 September"),
    ]
    before = target.read_bytes()
    for args, named in bad:
        code, out, err = run(capsys, "--data-dir", data, "--lang", "en", *args)
        assert code == 2 and out == "" and err.count("\n") == 1 and named in err, err
    assert target.read_bytes() == before  # nothing written
