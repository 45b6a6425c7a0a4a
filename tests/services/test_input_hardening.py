"""Input that must not hurt: exports that never run as formulas, workbooks made to exhaust
memory, Excel's "Unicode Text", invisible control characters, -o files written whole."""

from __future__ import annotations

import csv
import io
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop.app.workspace import Workspace
from desktop.cli.commands import main as cli
from desktop.core.errors import InputError, RowErrors
from desktop.services import participants
from desktop.services import recommendations as recs
from desktop.services.export import export_csv, export_xlsx
from desktop.services.participant_import import parse_participants
from tests.helpers import make_tree

FORMULAS = ['=HYPERLINK("http://contoh.invalid","klik")', "@SUM(A1:A9)", "+62 812 3456", "-1+2"]


def test_csv_and_xlsx_exports_never_run_a_formula(ws: Workspace) -> None:
    forum = make_tree(ws).forum
    for text in FORMULAS:
        ws.write(recs.add_recommendation, forum, text=text, scope="unit")
    rows = list(csv.DictReader(io.StringIO(ws.read(export_csv, forum))))
    assert sorted(row["text"] for row in rows) == sorted("'" + text for text in FORMULAS)
    workbook = load_workbook(io.BytesIO(ws.read(export_xlsx, forum)))
    sheet = workbook.active
    assert sheet is not None
    header = [cell.value for cell in sheet[1]]
    column = header.index("text")
    cells = [row[column] for row in sheet.iter_rows(min_row=2)]
    assert sorted(str(cell.value) for cell in cells) == sorted(FORMULAS)  # the text as typed
    assert all(cell.data_type == "s" for cell in cells)  # stored as text, not as formulas


def minimal_xlsx(path: Path, sheet_xml: bytes) -> Path:
    """A workbook saved by openpyxl whose first sheet is replaced by `sheet_xml`."""
    book = Workbook()
    book.active.append(["Nama", "Instansi", "Unsur"])  # type: ignore[union-attr]
    plain = io.BytesIO()
    book.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = sheet_xml if item.filename == "xl/worksheets/sheet1.xml" else source.read(item)
            target.writestr(item.filename, data, compresslevel=9)
    return path


SHEET_HEAD = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_TAIL = b"</sheetData></worksheet>"


def test_a_zip_bomb_workbook_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    row = b'<row><c t="inlineStr"><is><t>' + b"A" * 2000 + b"</t></is></c></row>"
    bomb = minimal_xlsx(tmp_path / "undangan.xlsx", SHEET_HEAD + row * 50_000 + SHEET_TAIL)
    assert bomb.stat().st_size < 3 * 1024 * 1024  # a small file that unpacks to 100 MB
    with pytest.raises(InputError, match="would unpack to far more data"):
        parse_participants(bomb)


def test_rows_beyond_the_limit_stop_the_reading(tmp_path: Path) -> None:
    row = b'<row><c t="inlineStr"><is><t>Nama</t></is></c><c t="inlineStr"><is><t>X</t></is></c></row>'
    long = minimal_xlsx(tmp_path / "panjang.xlsx", SHEET_HEAD + row * 200_000 + SHEET_TAIL)
    with pytest.raises(InputError, match="more than 5000 rows"):
        parse_participants(long)


def test_a_billion_laughs_workbook_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    entities = b'<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10)
        for n in range(1, 10)
    )
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE worksheet ['
        + entities
        + b"]>"
        + SHEET_HEAD
        + b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        + SHEET_TAIL
    )
    path = minimal_xlsx(tmp_path / "tawa.xlsx", laughs)
    with pytest.raises(InputError, match="entity declarations"):
        parse_participants(path)


def test_excel_unicode_text_imports(tmp_path: Path) -> None:
    """Excel's "Unicode Text": UTF-16 with a byte-order mark, tab separated, CR LF."""
    path = tmp_path / "undangan.txt"
    lines = ["Nama\tInstansi\tUnsur", "Martina Rumbiak\tDinas Pendidikan\tSatker", "Şükrü Öztürk\tUNAMIN\tAkademisi"]
    path.write_bytes("\r\n".join(lines).encode("utf-16") + "\r\n".encode("utf-16-le"))
    rows = parse_participants(path)
    assert [row["name"] for row in rows] == ["Martina Rumbiak", "Şükrü Öztürk"]


def test_control_characters_are_refused_by_the_field_validators(ws: Workspace, tmp_path: Path) -> None:
    forum = make_tree(ws).forum
    for bad in ("Tambah\x00loket", "Bel\x07", "a\x1bb", "garis\rbaru"):
        with pytest.raises(InputError, match="invisible control character") as refused:
            ws.write(recs.add_recommendation, forum, text=bad, scope="unit")
        assert refused.value.field
    kept = ws.write(recs.add_recommendation, forum, text="Dua baris\r\nkedua\tdengan tab", scope="unit")
    assert kept
    with pytest.raises(InputError, match="invisible control character"):
        ws.write(participants.add_participant, forum, name="Nur\x00", category="satker")
    sheet = tmp_path / "undangan.csv"
    sheet.write_text("Nama,Instansi,Unsur\nAna\x01 Baru,Dinas,satker\nBudi,Dinas,satker\n", encoding="utf-8")
    with pytest.raises(RowErrors) as bad_rows:
        parse_participants(sheet)
    assert [line for line, _ in bad_rows.value.problems] == [2]


def test_an_export_that_fails_leaves_no_temporary_file(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_tree(ws)
    ws.close()
    disk = tmp_path / "usb"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)]).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        target = disk / "semua.json"
        target.write_text("versi lama\n")
        (disk / "filler").write_bytes(b"\0" * (60 * 1024))
        code = cli(
            ["--data-dir", str(ws.data_dir), "--lang", "en", "export", "--format", "json", "-o", str(target)]
        )
        err = capsys.readouterr().err
        assert code == 2 and "Cannot write" in err
        assert sorted(p.name for p in disk.iterdir()) == ["filler", "semua.json"]
        assert target.read_text() == "versi lama\n"
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
