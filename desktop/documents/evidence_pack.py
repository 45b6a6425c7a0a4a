"""The evaluation pack ("Paket bukti") as one ZIP: for each forum its berita acara (frozen, or
the draft marked DRAF), daftar hadir (the signed scan when attached, else the printed list),
notulen, Laporan Pelaksanaan FKP, photos (dokumentasi) and follow-up report; for each SKM period
its report and the realisation of its RTL once issued; and an index (PDF and XLSX) naming each
file, the PEKPPP indicators it serves and what is still missing.

Names inside the ZIP are Indonesian, ASCII and sorted (`fkp-2024-08-21-…/01-berita-acara.pdf`);
the same data on the same day give the same bytes (the entries in order, each dated the pack's
day, fixed permissions and compression), so an office can check a pack it receives again. The
ZIP is written under a temporary name beside the target and renamed once whole: a cut leaves the
old file or none, never half a pack. A file this laptop has not received is fetched from the
server when it can be; otherwise the index says which laptop holds it.
"""

from __future__ import annotations

import os
import secrets
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from desktop.app.workspace import Workspace
from desktop.core.errors import EnvironmentProblem, MufakatError
from desktop.core.i18n import tr
from desktop.core.os_words import os_reason
from desktop.documents.builders import Options, build_forum_document
from desktop.documents.file_names import title_slug
from desktop.services.attachments import AttachmentItem
from desktop.services.evidence_pack import (
    ForumEvidence,
    PackContents,
    PackScope,
    SurveyEvidence,
    forum_label,
    missing,
    pack_contents,
    survey_label,
)
from desktop.services.evidence_pack import Missing as MissingLine
from desktop.store.file_store import sync_folder

INDEX = "00-indeks-paket-bukti"
FOLDER_TITLE = 40  # characters of a forum's or a period's title in its folder's name
PHOTO_TITLE = 28  # a photo's name whole on a line of the index (never broken inside)
COMPRESSED = frozenset({".jpg", ".jpeg", ".png", ".heic", ".xlsx", ".zip"})  # stored as they are
MEDIA_SUFFIXES = {"image/jpeg": ".jpg", "image/png": ".png", "image/heic": ".heic", "application/pdf": ".pdf"}
Progress = Callable[[int, int, str], None]  # files done, files in all, the file at hand


@dataclass(frozen=True)
class Entry:
    """One file of the pack: where it goes, what it is (Indonesian), which forum or period, the
    key of the office's PEKPPP table, a note (a caption, "DRAF"), and its content: built on
    demand, or a file of the data folder."""

    path: str
    what: str
    about: str
    key: str
    note: str = ""
    build: Callable[[], bytes] | None = None
    source: Path | None = None


@dataclass(frozen=True)
class PackIndex:
    """What the index prints (plain data for desktop.reports.evidence_index)."""

    unit_id: str
    unit_name: str
    scope_line: str
    as_of: date
    rows: tuple[tuple[str, str, str, tuple[int, ...], str], ...]  # path, what, about, indicators, note
    missing: tuple[MissingLine, ...]
    forums: int
    surveys: int


@dataclass(frozen=True)
class PackResult:
    path: Path
    files: int  # in the ZIP, the index included
    missing: tuple[MissingLine, ...]


def pack_name(ws: Workspace, scope: PackScope) -> str:
    """The file name offered for a pack: `paket-bukti-2024-08-21-<forum>.zip`, or
    `paket-bukti-2024-<office>.zip` for a year, `paket-bukti-<from>-sd-<to>-<office>.zip`."""
    from desktop.documents.file_names import file_name
    from desktop.models import Forum, Unit
    from desktop.services.lookup import load

    if scope.forum_id is not None:
        forum = ws.read(load, Forum, scope.forum_id, "Forum")
        return file_name("evidence-pack", forum.held_on, forum.title, ".zip")
    assert scope.unit_id is not None and scope.starts_on is not None and scope.ends_on is not None
    unit = ws.read(load, Unit, scope.unit_id, "Unit")
    return f"paket-bukti-{_period_slug(scope.starts_on, scope.ends_on)}-{title_slug(unit.name)}.zip"


def _period_slug(starts_on: date, ends_on: date) -> str:
    if _whole_year(starts_on, ends_on):
        return str(starts_on.year)
    return f"{starts_on.isoformat()}-sd-{ends_on.isoformat()}"


def _whole_year(starts_on: date, ends_on: date) -> bool:
    return (starts_on.month, starts_on.day, ends_on.month, ends_on.day) == (1, 1, 12, 31) and (
        starts_on.year == ends_on.year
    )


def make_pack(
    ws: Workspace,
    scope: PackScope,
    target: Path,
    *,
    as_of: date | None = None,
    fetch: bool = True,
    progress: Progress | None = None,
) -> PackResult:
    """Write the pack of `scope` to `target` (replacing it once the new one is whole). The
    reports are as of `as_of` (the office's today by default). Raises InputError for a forum or
    office that does not exist, EnvironmentProblem when the disk refuses the file."""
    day = as_of or ws.ctx.today()
    contents = ws.read(pack_contents, scope)
    absent = _obtain(ws, _files_of(contents), fetch)
    entries = _entries(ws, contents, day, absent)
    gaps = tuple(missing(contents, absent))
    index = PackIndex(
        unit_id=contents.unit_id,
        unit_name=contents.unit_name,
        scope_line=scope_line(contents),
        as_of=day,
        rows=tuple(
            (e.path, e.what, e.about, tuple(contents.indicators.get(e.key, ())), e.note) for e in entries
        ),
        missing=gaps,
        forums=len(contents.forums),
        surveys=len(contents.surveys),
    )
    everything = [*_index_entries(ws, index), *entries]
    _write_zip(target, everything, day, progress)
    return PackResult(target, len(everything), gaps)


def scope_line(contents: PackContents) -> str:
    """ "Forum Konsultasi Publik …, 21 Agustus 2024", "Tahun 2024" or "1 Januari 2024 s.d. …"."""
    from desktop.reports.indonesian import long_date

    if contents.forum_pack:
        forum = contents.forums[0]
        return f"{forum.title}, {long_date(forum.held_on)}"
    if _whole_year(contents.starts_on, contents.ends_on):
        return f"Tahun {contents.starts_on.year}"
    return f"{long_date(contents.starts_on)} s.d. {long_date(contents.ends_on)}"


def _files_of(contents: PackContents) -> list[AttachmentItem]:
    return [item for forum in contents.forums for item in (*forum.scans, *forum.photos)]


def _obtain(ws: Workspace, items: Iterable[AttachmentItem], fetch: bool) -> dict[str, str]:
    """The files this laptop has not got and could not fetch: SHA-256 → who holds them ("" for a
    file added here and removed from the data folder by hand)."""
    from desktop.sync.engine import is_enrolled
    from desktop.sync.files import fetch_one

    absent: dict[str, str] = {}
    online = fetch and is_enrolled(ws)
    for item in items:
        if item.sha256 in absent or ws.files.has(item.sha256):
            continue
        if item.added_on == ws.ctx.device_id:
            absent[item.sha256] = ""
            continue
        if online:
            try:
                fetch_one(ws, item.sha256, item.size)
            except (MufakatError, OSError):
                online = False  # no network, or the server has it not yet: the others are not tried
        if not ws.files.has(item.sha256):
            absent[item.sha256] = item.added_by or "lain"
    return absent


def _forum_folder(forum: ForumEvidence, taken: set[str]) -> str:
    base = f"fkp-{forum.held_on.isoformat()}-{title_slug(forum.title, FOLDER_TITLE) or 'forum'}"
    return _unique(base, taken)


def _survey_folder(survey: SurveyEvidence, taken: set[str]) -> str:
    base = f"skm-{survey.starts_on.isoformat()}-{title_slug(survey.title, FOLDER_TITLE) or 'periode'}"
    return _unique(base, taken)


def _unique(base: str, taken: set[str]) -> str:
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}-{n}"
    taken.add(name)
    return name


def _suffix(item: AttachmentItem) -> str:
    suffix = PurePosixPath(item.file_name).suffix.lower()
    if suffix and suffix[1:].isascii() and suffix[1:].isalnum():
        return suffix
    return MEDIA_SUFFIXES.get(item.media_type, ".bin")


def _entries(ws: Workspace, contents: PackContents, day: date, absent: dict[str, str]) -> list[Entry]:
    taken: set[str] = set()
    entries: list[Entry] = []
    for forum in contents.forums:
        entries += _forum_entries(ws, forum, _forum_folder(forum, taken), day, absent)
    for survey in contents.surveys:
        entries += _survey_entries(ws, survey, _survey_folder(survey, taken), day)
    return entries


def _document(ws: Workspace, kind: str, forum_id: str, options: Options) -> Callable[[], bytes]:
    return lambda: build_forum_document(ws, kind, forum_id, None, options)


def _forum_entries(
    ws: Workspace, forum: ForumEvidence, folder: str, day: date, absent: dict[str, str]
) -> list[Entry]:
    about = forum_label(forum)
    options = Options(blank_rows=0, as_of=day)
    found = []
    if forum.closed:
        found.append(
            Entry(f"{folder}/01-berita-acara.pdf", "Berita acara", about, "minutes",
                  "Final: dibekukan saat forum ditutup", _document(ws, "minutes", forum.id, options))
        )
    else:
        found.append(
            Entry(f"{folder}/01-berita-acara-draf.pdf", "Berita acara (DRAF)", about, "minutes",
                  "DRAF: forum belum ditutup", _document(ws, "minutes", forum.id, options))
        )
    scans = [s for s in forum.scans if s.sha256 not in absent]
    for n, scan in enumerate(scans, start=1):
        part = f"-{n}" if len(scans) > 1 else ""
        found.append(
            Entry(f"{folder}/02-daftar-hadir-bertanda-tangan{part}{_suffix(scan)}", "Daftar hadir bertanda tangan",
                  about, "attendance-sheet", "Pindaian", source=ws.files.path_of(scan.sha256))
        )
    if not scans:
        found.append(
            Entry(f"{folder}/02-daftar-hadir-cetak.pdf", "Daftar hadir", about, "attendance-sheet",
                  "Dicetak dari data; belum ada pindaian yang bertanda tangan",
                  _document(ws, "attendance-sheet", forum.id, options))
        )
    found.append(Entry(f"{folder}/03-notulen.pdf", "Notulen", about, "notes", "",
                       _document(ws, "notes", forum.id, options)))
    found.append(
        Entry(f"{folder}/04-laporan-pelaksanaan-fkp.pdf", "Laporan Pelaksanaan FKP", about, "implementation-report",
              "Dengan lampiran dokumentasi" if forum.photos else "",
              _document(ws, "implementation-report", forum.id, options))
    )
    photos = [p for p in forum.photos if p.sha256 not in absent]
    for n, photo in enumerate(photos, start=1):
        words = title_slug(photo.caption or PurePosixPath(photo.file_name).stem, PHOTO_TITLE) or "foto"
        found.append(
            Entry(f"{folder}/05-dokumentasi/{n:02d}-{words}{_suffix(photo)}", "Foto kegiatan", about, "photos",
                  photo.caption or "(tanpa keterangan)", source=ws.files.path_of(photo.sha256))
        )
    if forum.recommendations:
        found.append(
            Entry(f"{folder}/06-laporan-tindak-lanjut.pdf", "Laporan tindak lanjut", about, "followup-report",
                  f"Posisi per {day.strftime('%d-%m-%Y')}", _document(ws, "followup-report", forum.id, options))
        )
    return found


def _survey_entries(ws: Workspace, survey: SurveyEvidence, folder: str, day: date) -> list[Entry]:
    if not survey.issued:
        return []
    about = survey_label(survey)
    period_id = survey.id

    def report() -> bytes:
        from desktop.reports.survey import build_survey_report
        from desktop.services.issued_survey import printed_document

        return build_survey_report(ws.read(printed_document, period_id), paper="a4")

    def actions() -> bytes:
        from desktop.reports.survey_actions import build_survey_actions_report
        from desktop.services.report_data import survey_document

        return build_survey_actions_report(ws.read(survey_document, period_id), paper="a4", as_of=day)

    found = [
        Entry(f"{folder}/01-laporan-skm.pdf", "Laporan SKM", about, "survey-report",
              f"Diterbitkan, versi {survey.version}", report)
    ]
    if survey.actions:
        found.append(
            Entry(f"{folder}/02-realisasi-rtl-skm.pdf", "Rencana tindak lanjut SKM dan realisasinya", about,
                  "survey-actions-report", f"Posisi per {day.strftime('%d-%m-%Y')}", actions)
        )
    return found


def _index_entries(ws: Workspace, index: PackIndex) -> list[Entry]:
    def pdf() -> bytes:
        from desktop.reports.evidence_index import build_index_pdf
        from desktop.services.report_data import unit_info

        return build_index_pdf(index, ws.read(unit_info, index.unit_id))

    def xlsx() -> bytes:
        from desktop.reports.evidence_index_xlsx import build_index_xlsx

        return build_index_xlsx(index)

    return [
        Entry(f"{INDEX}.pdf", "Indeks paket bukti", "", "", "", pdf),
        Entry(f"{INDEX}.xlsx", "Indeks paket bukti", "", "", "", xlsx),
    ]


def _info(name: str, day: date) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, (day.year, day.month, day.day, 0, 0, 0))
    info.create_system = 3  # the same on every platform (Unix permissions below)
    info.external_attr = 0o644 << 16
    compressed = PurePosixPath(name).suffix.lower() in COMPRESSED
    info.compress_type = zipfile.ZIP_STORED if compressed else zipfile.ZIP_DEFLATED
    return info


def _write_zip(target: Path, entries: list[Entry], day: date, progress: Progress | None) -> None:
    ordered = sorted(entries, key=lambda e: e.path)
    folder = target.parent if str(target.parent) else Path()
    temporary = folder / f".{target.name}.{secrets.token_hex(6)}.part"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        with os.fdopen(fd, "wb") as out:
            with zipfile.ZipFile(out, "w") as pack:
                for done, entry in enumerate(ordered):
                    if progress is not None:
                        progress(done, len(ordered), entry.path)
                    _add(pack, entry, day)
            out.flush()
            os.fsync(out.fileno())
        temporary.replace(target)
        sync_folder(target.parent if str(target.parent) else Path())
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise EnvironmentProblem(
            tr("Cannot write {path}: {error}", path=target, error=os_reason(exc))
        ) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(len(ordered), len(ordered), "")


def _add(pack: zipfile.ZipFile, entry: Entry, day: date) -> None:
    info = _info(entry.path, day)
    if entry.source is not None:
        try:
            source = entry.source.open("rb")
        except OSError as exc:  # removed from the data folder while the pack was being made
            raise EnvironmentProblem(
                tr(
                    "{name} could not be read from the data folder ({error}); no pack was written. Make it again.",
                    name=entry.path,
                    error=os_reason(exc),
                )
            ) from exc
        with source, pack.open(info, "w") as out:
            while block := source.read(1024 * 1024):
                out.write(block)
        return
    assert entry.build is not None
    pack.writestr(info, entry.build(), compresslevel=6)
