"""The Excel recaps as an office opens them: Indonesian headers and labels, dates as dates in the
office's time zone, no formula run from typed text, names only in the participant list."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from desktop.app.workspace import Workspace
from desktop.core.vocab import RecStatus, Scope
from desktop.models import Forum, Recommendation
from desktop.reports.recap_xlsx import forum_recap_xlsx, recommendations_recap_xlsx
from desktop.services import followups, forums, participants, units
from desktop.services import recommendations as recs
from desktop.services.queries import RecommendationFilter
from desktop.services.recap import forum_recap, recommendations_recap
from tests.helpers import make_tree

WIT = ZoneInfo("Asia/Jayapura")  # UTC+9, no daylight saving
FORMULAS = ['=HYPERLINK("http://contoh.test","klik")', "+62 811 000", "-5% biaya", "@SUM(A1:A9)"]
NAMES = ("Martina Rumbiak", "Yohanis Kambu")


def make_forum(ws: Workspace) -> tuple[str, list[str]]:
    tree = make_tree(ws)
    forum = ws.write(
        forums.create_forum,
        unit_id=tree.leaf,
        title="FKP KPPN Sorong",
        held_on="2024-08-21",
        starts_at="09:00",
        ends_at="12:00",
        venue="Aula",
    )
    martina = ws.write(
        participants.add_participant,
        forum,
        name=NAMES[0],
        phone="081234567890",
        category="satker",
        gender="female",
        attended=True,
        invited=True,
    )
    ws.write(participants.add_participant, forum, name=NAMES[1], category="media", gender="male", attended=True)
    ws.write(participants.add_participant, forum, name="Tidak Datang", category="akademisi", invited=True)
    # The office's own staff: present, listed, and not a participant (nor an element of the public).
    ws.write(
        participants.add_participant,
        forum,
        name="Panitia KPPN",
        category="service_user",
        role="organizer",
        attended=True,
    )
    ws.write(units.update_unit, tree.leaf, time_zone="WIT")  # the office's zone: every time is in it
    ids = [
        ws.write(recs.add_recommendation, forum, text=text, scope="unit", raised_by_id=martina) for text in FORMULAS
    ]
    ws.write(recs.accept, ids[0])
    ws.write(followups.assign_follow_up, ids[0], action="=1+1 tindakan", owner="Kepala Seksi", due_on="2024-09-30")
    return forum, ids


def workbook(data: bytes) -> Workbook:
    return load_workbook(io.BytesIO(data))


def rows(book: Workbook, sheet: str) -> list[tuple[object, ...]]:
    return list(book[sheet].iter_rows(values_only=True))


def as_dicts(book: Workbook, sheet: str) -> list[dict[str, object]]:
    header, *body = rows(book, sheet)
    return [dict(zip(header, row, strict=True)) for row in body]


def test_forum_recap_reads_as_an_indonesian_office_expects(ws: Workspace) -> None:
    forum_id, rec_ids = make_forum(ws)
    data = forum_recap_xlsx(ws.read(forum_recap, forum_id))
    book = workbook(data)
    assert book.sheetnames == ["Ringkasan", "Peserta per unsur", "Daftar peserta", "Rekomendasi", "Tindak lanjut"]

    summary = dict(rows(book, "Ringkasan")[1:])
    assert summary["Forum"] == "FKP KPPN Sorong" and summary["Tanggal"] == datetime(2024, 8, 21)
    assert book["Ringkasan"]["B5"].number_format == "DD-MM-YYYY"
    assert summary["Status forum"] == "Direncanakan" and summary["Cara pelaksanaan"] == "Tatap muka"
    assert (summary["Peserta hadir"], summary["Rekomendasi"]) == (2, 4)
    assert summary["Keragaman peserta (kategori masyarakat)"] == 2
    assert summary["Waktu"] == "09.00 – 12.00 WIT"
    # The organiser is counted apart; PEKPPP's five-unsur scale through the office's mapping.
    assert summary["Panitia hadir (bukan peserta)"] == 1
    assert summary["Nilai jumlah unsur PEKPPP (indikator 2)"] == 2
    assert summary["Unsur PEKPPP yang hadir"] == "Pengguna layanan, Media massa"

    per_element = {row["Unsur"]: row for row in as_dicts(book, "Peserta per unsur")}
    assert per_element["Satuan kerja (satker)"] == {
        "Unsur": "Satuan kerja (satker)",
        "Unsur masyarakat": "Ya",
        "Unsur PEKPPP": "Pengguna layanan",
        "Hadir": 1,
        "Laki-laki": 0,
        "Perempuan": 1,
    }
    assert per_element["Pengguna layanan"]["Hadir"] == 0  # the organiser came as one: not counted
    assert per_element["Media"]["Hadir"] == 1 and per_element["Media"]["Laki-laki"] == 1
    assert per_element["Instansi pemerintah"]["Unsur masyarakat"] == "Tidak"
    assert per_element["Instansi pemerintah"]["Unsur PEKPPP"] is None
    assert per_element["Jumlah peserta"]["Hadir"] == 2

    people = {row["Nama"]: row for row in as_dicts(book, "Daftar peserta")}
    assert set(people) == {*NAMES, "Tidak Datang", "Panitia KPPN"}
    assert people["Panitia KPPN"]["Peran"] == "Panitia"
    assert people["Tidak Datang"]["Hadir"] == "Tidak" and people[NAMES[0]]["Jenis kelamin"] == "Perempuan"

    # Times in the office's zone (WIT), as Excel dates.
    with ws.store.read() as session:
        created = session.get(Recommendation, rec_ids[0]).created_at
    recs_sheet = as_dicts(book, "Rekomendasi")
    first = recs_sheet[0]
    assert abs(first["Dicatat (WIT)"] - created.astimezone(WIT).replace(tzinfo=None)) < timedelta(seconds=1)
    assert book["Rekomendasi"]["J2"].number_format == "DD-MM-YYYY HH:MM"
    assert first["Status"] == "Dalam proses" and first["Ruang lingkup"] == "Ranah unit"
    assert first["Unsur pengusul"] == "Satuan kerja (satker)"
    assert first["Target"] == datetime(2024, 9, 30) and first["Progres (%)"] == 0
    [follow] = as_dicts(book, "Tindak lanjut")
    assert follow["No. rekomendasi"] == 1 and follow["Penanggung jawab"] == "Kepala Seksi"

    # Typed text that looks like a formula stays text, shown as typed.
    sheet = book["Rekomendasi"]
    for row, typed in enumerate(FORMULAS, start=2):
        cell = sheet.cell(row=row, column=2)
        assert (cell.value, cell.data_type, cell.quotePrefix) == (typed, "s", True)
    assert book["Tindak lanjut"]["C2"].value == "=1+1 tindakan" and book["Tindak lanjut"]["C2"].data_type == "s"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert not any("<f>" in archive.read(name).decode() for name in archive.namelist() if "worksheets" in name)

    # Names only in the participant list; no phone numbers; no codes or Python words anywhere.
    everything = {
        name: " ".join(str(v) for row in rows(book, name) for v in row if v is not None) for name in book.sheetnames
    }
    for sheet_name, text in everything.items():
        if sheet_name != "Daftar peserta":
            assert not any(name in text for name in NAMES), sheet_name
        for leak in ("081234567890", "client_office", "True", "False", "None", "in_progress", "+00:00"):
            assert leak not in text, (sheet_name, leak)


def test_recommendations_recap_holds_every_match_and_says_which_filter(ws: Workspace) -> None:
    forum_id, rec_ids = make_forum(ws)
    for n in range(230):  # more than a page of the triage list
        ws.write(recs.add_recommendation, forum_id, text=f"Perbaiki layanan loket {n}", scope="policy")
    ws.write(recs.reject, rec_ids[2], reason="Sudah diatur")
    flt = RecommendationFilter(text="layan", scopes=frozenset({Scope.POLICY}), forum_id=forum_id, limit=200)
    made = datetime(2024, 8, 21, 3, 30, tzinfo=UTC)
    office = ws.read(lambda session: session.get(Forum, forum_id).unit_id)
    recap = ws.read(recommendations_recap, flt, made, office)
    book = workbook(recommendations_recap_xlsx(recap))
    assert book.sheetnames == ["Rekomendasi", "Tindak lanjut", "Keterangan"]
    listed = as_dicts(book, "Rekomendasi")
    assert len(listed) == 230 and [r["No."] for r in listed] == list(range(1, 231))
    assert listed[0]["Rekomendasi"] == "Perbaiki layanan loket 229"  # the list's order: newest first
    assert {r["Forum"] for r in listed} == {"FKP KPPN Sorong"} and listed[0]["Tanggal forum"] == datetime(2024, 8, 21)
    about = dict(rows(book, "Keterangan")[1:])
    assert about["Dibuat (WIT)"] == datetime(2024, 8, 21, 12, 30)  # 03:30 UTC is 12:30 WIT
    assert about["Jumlah rekomendasi"] == 230 and about["Teks memuat"] == "layan"
    assert about["Ruang lingkup"] == "Kebijakan (diusulkan ke atas)" and about["Forum"] == "FKP KPPN Sorong"

    rejected = replace(flt, text="", scopes=frozenset(), statuses=frozenset({RecStatus.REJECTED}))
    book = workbook(recommendations_recap_xlsx(ws.read(recommendations_recap, rejected, made)))
    [only] = as_dicts(book, "Rekomendasi")
    assert (only["Rekomendasi"], only["Status"], only["Keterangan status"]) == (FORMULAS[2], "Ditolak", "Sudah diatur")


def test_a_long_text_gets_a_row_tall_enough_to_read_it(ws: Workspace) -> None:
    forum_id, _ids = make_forum(ws)
    long_text = "Perbaiki alur layanan pencairan dana agar satker di distrik terpencil terlayani. " * 5
    ws.write(recs.add_recommendation, forum_id, text=long_text.strip(), scope="unit")
    book = workbook(forum_recap_xlsx(ws.read(forum_recap, forum_id)))
    sheet = book["Rekomendasi"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 2).value == long_text.strip())
    assert sheet.row_dimensions[row].height >= 5 * 15  # about 400 characters in a column of 60
    assert sheet.cell(row, 2).alignment.wrap_text and sheet.cell(row, 1).alignment.vertical == "top"
    assert sheet.row_dimensions[2].height is None  # one line: left to the spreadsheet


def test_characters_a_workbook_cannot_hold_are_dropped_not_fatal(ws: Workspace) -> None:
    forum_id, _ids = make_forum(ws)
    recap = ws.read(forum_recap, forum_id)
    recap = replace(recap, title="Forum\x00 dengan\x07 kendali")
    book = workbook(forum_recap_xlsx(recap))
    assert dict(rows(book, "Ringkasan")[1:])["Forum"] == "Forum dengan kendali"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed (optional check)")
def test_libreoffice_opens_the_recap_and_shows_typed_text_not_formula_results(ws: Workspace, tmp_path: Path) -> None:
    forum_id, _ids = make_forum(ws)
    source = tmp_path / "rekap.xlsx"
    source.write_bytes(forum_recap_xlsx(ws.read(forum_recap, forum_id)))
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,4", "--outdir",
         str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = (tmp_path / "rekap-Rekomendasi.csv").read_text(encoding="utf-8")
    assert '=HYPERLINK(""http://contoh.test"",""klik"")' in text and "@SUM(A1:A9)" in text
    assert ",=1+1 tindakan," in text and ",-5% biaya," in text  # shown as typed, not computed
    assert ",30-09-2024," in text and re.search(r",\d\d-\d\d-\d{4} \d\d:\d\d,", text)  # dates read as dates
