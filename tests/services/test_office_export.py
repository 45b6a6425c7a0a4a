"""`mufakat export --format csv/xlsx` as an office opens it in Excel: the app's Indonesian
headings, Ya/Tidak, labels instead of codes, no internal ids, times in the office's zone (WIT
for KPPN Sorong) written the Indonesian way; XLSX with typed cells and a frozen header row.
`--raw` keeps the stored columns for programs."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.cli.commands import main
from desktop.core.vocab import OfficeZone
from desktop.models import Escalation, Participant, Recommendation

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
CODES = {"client_office", "service_user", "True", "False", "unit", "policy", "face_to_face", "female", "male"}


def _export(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> str:
    code = main(["--data-dir", str(data), "export", *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def _rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


@pytest.fixture
def data(demo_ws: Workspace, demo_forum: str) -> Path:
    path = demo_ws.data_dir
    demo_ws.close()
    return path


def test_the_csv_speaks_the_offices_words(
    data: Path, demo_forum: str, capsys: pytest.CaptureFixture[str]
) -> None:
    people = _rows(_export(capsys, data, "--forum", demo_forum, "--format", "csv", "--table", "participants"))
    assert list(people[0]) == [
        "Forum", "Nama", "Instansi/organisasi", "Unsur", "Jenis kelamin", "Kelompok rentan", "Peran",
        "Telepon", "Surel", "Diundang", "Hadir", "Waktu hadir (WIT)",
    ]  # fmt: skip
    cells = [value for row in people for value in row.values()]
    assert not CODES & set(cells) and not any(UUID.search(value) for value in cells)
    assert {row["Hadir"] for row in people} == {"Ya", "Tidak"}
    assert "Satuan kerja (satker)" in {row["Unsur"] for row in people}

    ws = Workspace.open(data)
    with ws.store.read() as session:
        stored = {p.name: p.signed_in_at for p in session.scalars(select(Participant))}
    ws.close()
    wit = OfficeZone.WIT.tzinfo()
    for row in people:
        at = stored[row["Nama"]]
        expected = at.astimezone(wit).strftime("%d-%m-%Y %H.%M") if at else ""
        assert row["Waktu hadir (WIT)"] == expected

    recs = _rows(_export(capsys, data, "--forum", demo_forum, "--format", "csv"))
    assert {row["Ruang lingkup"] for row in recs} == {"Ranah unit", "Kebijakan (diusulkan ke atas)"}
    assert "Ditolak" in {row["Status"] for row in recs}
    cells = [value for row in recs for value in row.values()]
    assert not CODES & set(cells) and not any(UUID.search(value) for value in cells)
    merged = [row for row in recs if row["Status"] == "Digabung"]
    assert merged and merged[0]["Digabung ke"].startswith("Perkuat customer service")  # named, not an id


def test_the_workbook_has_typed_cells_and_a_frozen_header(
    data: Path, demo_forum: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "eskalasi.xlsx"
    _export(
        capsys, data, "--forum", demo_forum, "--format", "xlsx", "--table", "escalations", "-o", str(target)
    )
    sheet = load_workbook(target).active
    assert sheet is not None and sheet.title == "Eskalasi" and sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Rekomendasi", "Forum", "Tanggal forum"] and "Dikirim (WIT)" in header
    rows = list(sheet.iter_rows(min_row=2))
    ws = Workspace.open(data)
    with ws.store.read() as session:
        sent = sorted(e.sent_at for e in session.scalars(select(Escalation)))
        votes = sorted(r.votes for r in session.scalars(select(Recommendation)))
    ws.close()
    assert len(rows) == len(sent) == 2
    held = [row[header.index("Tanggal forum")] for row in rows]
    assert all(c.value == datetime(2024, 8, 21) and c.is_date for c in held)  # a date, not text
    times = sorted(row[header.index("Dikirim (WIT)")].value for row in rows)
    wit = OfficeZone.WIT.tzinfo()
    assert times == [
        s.astimezone(wit).replace(tzinfo=None, microsecond=0) for s in sent
    ]  # the office's wall clock
    assert {row[header.index("Status")].value for row in rows} == {"Terkirim"}

    target = tmp_path / "rekomendasi.xlsx"
    _export(capsys, data, "--forum", demo_forum, "--format", "xlsx", "-o", str(target))
    sheet = load_workbook(target).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    support = [row[header.index("Dukungan")] for row in sheet.iter_rows(min_row=2)]
    assert sorted(c.value for c in support) == votes and all(c.data_type == "n" for c in support)


def test_raw_keeps_the_stored_columns_and_a_bad_table_is_explained(
    data: Path, demo_forum: str, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = _rows(_export(capsys, data, "--forum", demo_forum, "--format", "csv", "--raw"))
    assert list(raw[0])[:3] == ["id", "unit_id", "forum_id"] and {r["scope"] for r in raw} == {
        "unit",
        "policy",
    }
    code = main(["--data-dir", str(data), "export", "--format", "csv", "--table", "audit_events"])
    _out, err = capsys.readouterr()
    assert code != 0 and "--raw" in err and len(err.strip().splitlines()) == 1
    assert _rows(_export(capsys, data, "--format", "csv", "--table", "audit_events", "--raw"))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed (optional check)")
def test_libreoffice_reads_the_workbook_with_its_words_and_dates(
    data: Path, demo_forum: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "peserta.xlsx"
    _export(
        capsys, data, "--forum", demo_forum, "--format", "xlsx", "--table", "participants", "-o", str(source)
    )
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "ods",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    import zipfile

    content = zipfile.ZipFile(tmp_path / "peserta.ods").read("content.xml").decode("utf-8")
    assert (
        "Waktu hadir (WIT)" in content
        and "Satuan kerja (satker)" in content
        and "client_office" not in content
    )
    assert 'office:value-type="date"' in content  # the sign-in times stay dates in LibreOffice
