"""The evaluation pack ("Paket bukti", issue #16): one ZIP per forum or period with the documents
an evaluator asks for and an index (PDF, XLSX) naming each file's PEKPPP indicators and what is
still missing, computed from the data; the same data give the same bytes; a file this laptop has
not got is listed with the laptop that holds it; a pack is written whole or not at all."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, tzinfo
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from desktop.app.workspace import Workspace
from desktop.core.errors import EnvironmentProblem, InputError
from desktop.documents import evidence_pack as pack_module
from desktop.documents.builders import build_forum_document
from desktop.documents.evidence_pack import INDEX, make_pack
from desktop.models import AuditEvent, Forum, SurveyPeriod
from desktop.services import attachments, forums, surveys, templates
from desktop.services.evidence_pack import Gap, PackScope
from desktop.services.lookup import load
from protocol.vocab import AttachmentKind, AttachmentOwner
from tests.attachments import samples
from tests.reports.conftest import all_text, layout_problems, page_lines

DAY = date(2026, 12, 1)
FOLDER = "fkp-2024-08-21-forum-konsultasi-publik-kppn-sorong"


def _pack(ws: Workspace, scope: PackScope, target: Path) -> zipfile.ZipFile:
    make_pack(ws, scope, target, as_of=DAY)
    return zipfile.ZipFile(target)


def _missing(pack: zipfile.ZipFile) -> list[tuple[str, str]]:
    book = load_workbook(io.BytesIO(pack.read(f"{INDEX}.xlsx")))
    return [(str(row[1]), str(row[2])) for row in book["Yang masih kurang"].iter_rows(min_row=2, values_only=True)]


def _files(pack: zipfile.ZipFile) -> dict[str, tuple[str, str]]:
    """The index's files: path → (what it is, its PEKPPP indicators)."""
    book = load_workbook(io.BytesIO(pack.read(f"{INDEX}.xlsx")))
    return {str(r[1]): (str(r[3]), str(r[5] or "")) for r in book["Berkas"].iter_rows(min_row=2, values_only=True)}


def _photo(ws: Workspace, forum: str, folder: Path, caption: str, n: int = 0) -> str:
    photo = samples.phone_photo(folder / f"foto{n}.jpg", (1600 + n, 1200), orientation=1)
    stored = attachments.store_file(ws.files, photo)
    ws.write(attachments.attach, AttachmentOwner.FORUM, forum, stored, caption=caption)
    return stored.sha256


def test_a_forums_pack_holds_its_documents_and_an_index(demo_ws: Workspace, demo_forum: str, tmp_path: Path) -> None:
    pack = _pack(demo_ws, PackScope.of_forum(demo_forum), tmp_path / "paket.zip")
    assert pack.namelist() == [
        f"{INDEX}.pdf",
        f"{INDEX}.xlsx",
        f"{FOLDER}/01-berita-acara.pdf",
        f"{FOLDER}/02-daftar-hadir-cetak.pdf",
        f"{FOLDER}/03-notulen.pdf",
        f"{FOLDER}/04-laporan-pelaksanaan-fkp.pdf",
        f"{FOLDER}/06-laporan-tindak-lanjut.pdf",
    ]
    # The forum is closed: its frozen berita acara, as every laptop prints it.
    assert pack.read(f"{FOLDER}/01-berita-acara.pdf") == build_forum_document(demo_ws, "minutes", demo_forum)
    assert all(info.date_time == (2026, 12, 1, 0, 0, 0) for info in pack.infolist())
    files = _files(pack)
    assert files[f"{FOLDER}/01-berita-acara.pdf"] == ("Berita acara", "1–2 dan 4")
    assert files[f"{FOLDER}/06-laporan-tindak-lanjut.pdf"] == ("Laporan tindak lanjut", "8–9 dan 27–28")
    where = "Forum Konsultasi Publik KPPN Sorong Tahun 2024 (21-08-2024)"
    assert _missing(pack) == [
        (where, Gap.NO_SIGNED_LIST),
        (where, Gap.NO_PHOTO),
        (where, Gap.NO_FOLLOW_UP.format(n=1)),
        ("SKM Semester I 2024", Gap.SURVEY_NOT_ISSUED),
    ]
    index = pack.read(f"{INDEX}.pdf")
    text = all_text(index)
    for piece in ("INDEKS PAKET BUKTI", "Posisi per : 1 Desember 2026", "01-berita-acara.pdf", "Yang masih kurang",
                  Gap.NO_PHOTO, Gap.SURVEY_NOT_ISSUED, "Indikator 2 — Unsur masyarakat yang terlibat"):
        assert piece in text, piece
    assert layout_problems(index) == []


def test_attaching_a_photo_and_the_signed_list_removes_their_lines(
    demo_ws: Workspace, demo_forum: str, tmp_path: Path
) -> None:
    before = [what for _where, what in _missing(_pack(demo_ws, PackScope.of_forum(demo_forum), tmp_path / "a.zip"))]
    assert Gap.NO_PHOTO in before and Gap.NO_SIGNED_LIST in before
    sha = _photo(demo_ws, demo_forum, tmp_path, "Peserta menyampaikan masukan")
    scan = attachments.store_file(demo_ws.files, samples.pdf(tmp_path / "daftar hadir.pdf"))
    demo_ws.write(attachments.attach, AttachmentOwner.FORUM, demo_forum, scan, AttachmentKind.ATTENDANCE_SCAN)
    pack = _pack(demo_ws, PackScope.of_forum(demo_forum), tmp_path / "b.zip")
    after = [what for _where, what in _missing(pack)]
    assert Gap.NO_PHOTO not in after and Gap.NO_SIGNED_LIST not in after
    assert after == [w for w in before if w not in (Gap.NO_PHOTO, Gap.NO_SIGNED_LIST)]
    photo = f"{FOLDER}/05-dokumentasi/01-peserta-menyampaikan-masukan.jpg"
    assert pack.read(photo) == demo_ws.files.path_of(sha).read_bytes()
    assert pack.read(f"{FOLDER}/02-daftar-hadir-bertanda-tangan.pdf") == demo_ws.files.path_of(scan.sha256).read_bytes()
    assert f"{FOLDER}/02-daftar-hadir-cetak.pdf" not in pack.namelist()
    assert _files(pack)[photo] == ("Foto kegiatan", "1")
    index = pack.read(f"{INDEX}.pdf")
    assert "Peserta menyampaikan masukan" in all_text(index)
    # Each file's name whole on a line of the index, as an evaluator looks for it in the ZIP.
    lines = [line for page in page_lines(index) for line in page]
    for name in pack.namelist()[2:]:
        assert any(name.rsplit("/", 1)[-1] in line for line in lines), name


def test_a_long_caption_names_its_photo_short_enough_to_read_whole(
    demo_ws: Workspace, demo_forum: str, tmp_path: Path
) -> None:
    _photo(demo_ws, demo_forum, tmp_path, "Kepala KPPN Sorong membuka forum dan menjelaskan standar pelayanan")
    pack = _pack(demo_ws, PackScope.of_forum(demo_forum), tmp_path / "paket.zip")
    assert f"{FOLDER}/05-dokumentasi/01-kepala-kppn-sorong-membuka.jpg" in pack.namelist()
    lines = [line for page in page_lines(pack.read(f"{INDEX}.pdf")) for line in page]
    assert any("01-kepala-kppn-sorong-membuka.jpg" in line for line in lines)


def test_the_same_data_give_the_same_bytes_whenever_the_pack_is_made(
    demo_ws: Workspace, demo_forum: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _photo(demo_ws, demo_forum, tmp_path, "Pembukaan")
    make_pack(demo_ws, PackScope.of_forum(demo_forum), tmp_path / "first.zip", as_of=DAY)
    # A month later by the laptop's clock (what zipfile and openpyxl date their parts with).
    import time

    import openpyxl.writer.excel as excel

    later = time.time() + 31 * 86400
    monkeypatch.setattr(time, "time", lambda: later)

    class Later(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> Later:
            return cls.fromtimestamp(later, tz)

    monkeypatch.setattr(excel, "datetime", SimpleNamespace(datetime=Later, timezone=excel.datetime.timezone))
    make_pack(demo_ws, PackScope.of_forum(demo_forum), tmp_path / "again.zip", as_of=DAY)
    assert (tmp_path / "again.zip").read_bytes() == (tmp_path / "first.zip").read_bytes()
    _photo(demo_ws, demo_forum, tmp_path, "Penutupan", 1)
    make_pack(demo_ws, PackScope.of_forum(demo_forum), tmp_path / "changed.zip", as_of=DAY)
    assert (tmp_path / "changed.zip").read_bytes() != (tmp_path / "first.zip").read_bytes()


def test_a_years_pack_holds_each_forum_and_the_issued_survey(
    demo_ws: Workspace, demo_forum: str, tmp_path: Path
) -> None:
    unit = demo_ws.read(load, Forum, demo_forum, "Forum").unit_id
    second = demo_ws.write(forums.create_forum, unit_id=unit, title="FKP Standar Pelayanan", held_on="2024-11-05")
    demo_ws.write(forums.create_forum, unit_id=unit, title="FKP Tahun Depan", held_on="2025-02-10")
    period = demo_ws.read(lambda s: s.query(SurveyPeriod).filter_by(forum_id=demo_forum).one().id)
    demo_ws.write(surveys.issue_report, period)
    pack = _pack(demo_ws, PackScope.of_year(unit, 2024), tmp_path / "2024.zip")
    folders = sorted({name.split("/")[0] for name in pack.namelist() if "/" in name})
    # Semester II 2023's survey ended before 2024: not in it; the forum of 2025 neither.
    assert folders == [FOLDER, "fkp-2024-11-05-fkp-standar-pelayanan", "skm-2024-01-01-skm-semester-i-2024"]
    assert "skm-2024-01-01-skm-semester-i-2024/01-laporan-skm.pdf" in pack.namelist()
    assert "skm-2024-01-01-skm-semester-i-2024/02-realisasi-rtl-skm.pdf" in pack.namelist()
    assert "fkp-2024-11-05-fkp-standar-pelayanan/01-berita-acara-draf.pdf" in pack.namelist()
    lines = _missing(pack)
    draft = "FKP Standar Pelayanan (05-11-2024)"
    assert (draft, Gap.DRAFT_MINUTES) in lines and (draft, Gap.NO_RECOMMENDATION) in lines
    assert ("SKM Semester I 2024", Gap.SURVEY_NOT_ISSUED) not in lines
    assert not any("Tahun Depan" in where for where, _ in lines)  # held in 2025
    text = all_text(pack.read(f"{INDEX}.pdf"))
    assert "Cakupan : Tahun 2024" in text and "2 forum, 1 periode SKM" in text
    assert second and layout_problems(pack.read(f"{INDEX}.pdf")) == []


def test_a_file_this_laptop_has_not_got_is_listed_with_the_laptop_that_holds_it(
    demo_ws: Workspace, demo_forum: str, tmp_path: Path
) -> None:
    sha = _photo(demo_ws, demo_forum, tmp_path, "Diskusi kelompok")
    kept = _photo(demo_ws, demo_forum, tmp_path, "Foto bersama", 1)
    photo = demo_ws.read(attachments.attachments_of, demo_forum)[0]

    def added_elsewhere(session: object) -> None:  # as a pull brings it: added on Rina's laptop
        session.execute(  # type: ignore[attr-defined]
            update(AuditEvent).where(AuditEvent.entity_id == photo.id).values(device_id="laptop-rina", actor="Rina")
        )

    demo_ws.write(lambda session, ctx: added_elsewhere(session))
    demo_ws.files.path_of(sha).unlink()
    pack = _pack(demo_ws, PackScope.of_forum(demo_forum), tmp_path / "paket.zip")
    lines = [what for _where, what in _missing(pack)]
    assert "Foto belum diterima dari laptop Rina: “Diskusi kelompok”." in lines
    assert Gap.NO_PHOTO not in lines
    assert [n for n in pack.namelist() if "05-dokumentasi" in n] == [f"{FOLDER}/05-dokumentasi/01-foto-bersama.jpg"]
    demo_ws.files.path_of(kept).unlink()  # removed by hand from this laptop's data folder
    lines = [what for _where, what in _missing(_pack(demo_ws, PackScope.of_forum(demo_forum), tmp_path / "b.zip"))]
    assert "Foto hilang dari folder data laptop ini: “Foto bersama”; lampirkan lagi." in lines


def test_a_pack_is_written_whole_or_not_at_all(
    demo_ws: Workspace, demo_forum: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "paket.zip"
    target.write_bytes(b"the pack sent last week")

    def broken(*_args: object) -> bytes:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pack_module, "build_forum_document", broken)
    with pytest.raises(EnvironmentProblem, match="the disk is full"):
        make_pack(demo_ws, PackScope.of_forum(demo_forum), target, as_of=DAY)
    assert target.read_bytes() == b"the pack sent last week"
    assert sorted(p.name for p in target.parent.iterdir()) == ["paket.zip"]  # no temporary file left


def test_the_indicator_table_is_the_offices(demo_ws: Workspace, demo_forum: str, tmp_path: Path) -> None:
    unit = demo_ws.read(load, Forum, demo_forum, "Forum").unit_id
    demo_ws.write(templates.update_unit_templates, unit, pekppp_indicators={"minutes": "3, 5–6"})
    files = _files(_pack(demo_ws, PackScope.of_forum(demo_forum), tmp_path / "paket.zip"))
    assert files[f"{FOLDER}/01-berita-acara.pdf"] == ("Berita acara", "3 dan 5–6")
    with pytest.raises(InputError, match="not a document"):
        demo_ws.write(templates.update_unit_templates, unit, pekppp_indicators={"dokumentasi": "1"})


def test_a_period_is_checked(ws: Workspace) -> None:
    with pytest.raises(InputError, match="before it starts"):
        PackScope.of_period("unit", date(2024, 12, 31), date(2024, 1, 1))
    with pytest.raises(InputError, match="at most three years"):
        PackScope.of_period("unit", date(2019, 1, 1), date(2024, 1, 1))
    with pytest.raises(InputError, match="not a year"):
        PackScope.of_year("unit", 24)


def test_a_photo_removed_while_the_pack_is_made_leaves_no_pack(
    demo_ws: Workspace, demo_forum: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sha = _photo(demo_ws, demo_forum, tmp_path, "Pembukaan")
    real = pack_module._add

    def removed_first(pack: zipfile.ZipFile, entry: pack_module.Entry, day: date) -> None:
        if entry.source is not None:
            demo_ws.files.path_of(sha).unlink(missing_ok=True)  # deleted by hand meanwhile
        real(pack, entry, day)

    monkeypatch.setattr(pack_module, "_add", removed_first)
    (tmp_path / "out").mkdir()
    with pytest.raises(EnvironmentProblem, match=r"05-dokumentasi/01-pembukaan\.jpg could not be read"):
        make_pack(demo_ws, PackScope.of_forum(demo_forum), tmp_path / "out" / "paket.zip", as_of=DAY)
    assert list((tmp_path / "out").iterdir()) == []
