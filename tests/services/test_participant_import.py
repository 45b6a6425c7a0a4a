from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError, RowErrors
from desktop.core.vocab import Category, Gender
from desktop.models import Participant
from desktop.services import participants
from desktop.services.participant_import import parse_participants
from tests.helpers import make_tree


def _people(ws: Workspace, forum: str) -> list[Participant]:
    with ws.store.read() as session:
        return list(
            session.scalars(
                select(Participant).where(Participant.forum_id == forum).order_by(Participant.name)
            )
        )


def test_excel_semicolon_csv_with_bom_and_indonesian_headers(tmp_path: Path) -> None:
    path = tmp_path / "undangan.csv"
    path.write_bytes(
        "Nama;Instansi;Unsur;L/P;No HP\nMartina Rumbiak;Dinas Pendidikan;Satker;P;081248001234\n"
        "Firman Arwanto;UM Sorong;Akademisi;L;\n".encode("utf-8-sig")
    )
    rows = parse_participants(path)
    assert rows[0] == {
        "name": "Martina Rumbiak",
        "organization": "Dinas Pendidikan",
        "category": Category.CLIENT_OFFICE,
        "gender": Gender.FEMALE,
        "phone": "081248001234",
    }
    assert rows[1]["category"] == Category.ACADEMIC and rows[1]["gender"] == Gender.MALE


def test_xlsx_invitation_list(tmp_path: Path, ws: Workspace) -> None:
    tree = make_tree(ws)
    book = Workbook()
    sheet = book.active
    sheet.append(["No", "Nama Lengkap", "Asal Instansi", "Unsur Masyarakat", "Jenis Kelamin", "Email"])
    sheet.append([1, "Ahmad Junaidi", "Bank Mitra", "Pemangku Kepentingan", "Laki-laki", "ahmad@bank.co.id"])
    sheet.append([2, "Yusna Tangdilintin", "Bendahara", "pengguna layanan", "Perempuan", None])
    sheet.append([None, None, None, None, None, None])
    path = tmp_path / "undangan.xlsx"
    book.save(path)
    result = ws.write(participants.import_participants, tree.forum, parse_participants(path))
    assert (result.added, result.already_listed) == (2, 0)
    people = _people(ws, tree.forum)
    assert [p.name for p in people] == ["Ahmad Junaidi", "Yusna Tangdilintin"]
    assert all(p.invited and not p.attended for p in people)
    again = ws.write(participants.import_participants, tree.forum, parse_participants(path))
    assert (again.added, again.already_listed) == (0, 2)
    assert len(_people(ws, tree.forum)) == 2


def test_bad_rows_are_all_reported_by_line_and_nothing_is_imported(tmp_path: Path, ws: Workspace) -> None:
    tree = make_tree(ws)
    path = tmp_path / "daftar.csv"
    path.write_text(
        "nama,instansi,unsur,jk,email\n"
        "Ana,Dinas,satker,P,ana@dinas.go.id\n"
        ",Dinas,satker,P,\n"
        "Budi,Kampus,alien,L,\n"
        "Citra,LSM,lsm,X,bukan-email\n",
        encoding="utf-8",
    )
    with pytest.raises(RowErrors) as err:
        parse_participants(path)
    assert [line for line, _ in err.value.problems] == [3, 4, 5]
    assert "Name must not be empty" in err.value.problems[0][1]
    assert "alien" in err.value.problems[1][1]
    assert "Unknown Gender 'X'" in err.value.problems[2][1] and "e-mail" in err.value.problems[2][1]
    assert "nothing was imported" in err.value.message
    assert _people(ws, tree.forum) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "is empty"),
        ("Instansi,Unsur\nDinas,satker\n", "no name column"),
        ("Nama,Instansi\nAna,Dinas\n", "element of the public"),
        ("Nama,Unsur\n", "no participants"),
    ],
)
def test_unusable_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "x.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        parse_participants(path)


def test_wrong_kind_of_file(tmp_path: Path) -> None:
    path = tmp_path / "daftar.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError, match="neither CSV nor XLSX"):
        parse_participants(path)
    fake = tmp_path / "rusak.xlsx"
    fake.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="cannot be read as a spreadsheet"):
        parse_participants(fake)
