"""Frozen minutes as PDF, kept on the laptop only to print them again faster.

A frozen berita acara prints from its snapshot alone, in the words and figures of the layout
version it was frozen with (desktop/reports/minutes_wording.py); reportlab's invariant mode
makes the same snapshot the same bytes on every laptop, whether it printed it before or never.
A 300-participant berita acara takes about half a second to lay out, so the first print's file
is kept in the data folder under the snapshot's id and a digest of everything that lays it out
(Mufakat's version, this code, its fonts, the packages it uses, their versions): a file is read back only by the
same code that wrote it, so it is always the file a fresh layout would make, and an upgrade
that lays documents out otherwise writes its own (the old ones are removed).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

from desktop import __version__
from desktop.app.workspace import Workspace
from desktop.core.errors import InputError
from desktop.core.i18n import tr
from desktop.core.vocab import ForumStatus
from desktop.models import Forum
from desktop.services.frozen import frozen_minutes, versions
from desktop.services.lookup import load

FOLDER = "printed"
_ROOT = Path(__file__).parent.parent.parent
# What a frozen berita acara's bytes follow from: the documents' code and fonts, the snapshot's
# reading, the vocabularies and rules it prints, and the packages that lay it out.
_SOURCES = ("desktop/reports", "desktop/services", "desktop/locale", "domain", "protocol")
_FILES = (
    "desktop/core/vocab.py",
    "desktop/core/i18n.py",
    "desktop/rules/skm.py",
    "desktop/rules/pekppp.py",
    "desktop/core/zones.py",
)
_PACKAGES = ("reportlab", "babel", "num2words", "msgspec", "pillow")
_SUFFIXES = frozenset({".py", ".ttf", ".po"})


@cache
def layout_digest() -> str:
    """A digest of everything that lays a frozen berita acara out (not imported: reportlab
    loads on first use). The same digest gives the same bytes."""
    digest = hashlib.sha256(f"mufakat={__version__}".encode())  # a packaged app holds no sources
    paths = [path for folder in _SOURCES for path in (_ROOT / folder).rglob("*") if path.suffix in _SUFFIXES]
    for path in sorted([*paths, *(_ROOT / name for name in _FILES)]):
        digest.update(str(path.relative_to(_ROOT)).encode())
        digest.update(path.read_bytes() if path.is_file() else b"")
    for package in _PACKAGES:
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=-".encode())
    return digest.hexdigest()[:16]


def minutes_pdf(ws: Workspace, minutes_id: str) -> bytes:
    """The PDF of a frozen berita acara (the laptop's copy, if this code made one)."""
    folder = ws.data_dir / FOLDER
    kept = folder / f"berita-acara-{minutes_id}-{layout_digest()}.pdf"
    try:
        return kept.read_bytes()
    except OSError:
        pass
    from desktop.reports.minutes import build_minutes  # reportlab loads on first use

    report, paper = ws.read(frozen_minutes, minutes_id)
    pdf = build_minutes(report, paper=paper.value)
    _keep(kept, pdf)
    for earlier in folder.glob(f"berita-acara-{minutes_id}-*.pdf"):  # an older layout's: never read
        if earlier != kept:
            with contextlib.suppress(OSError):
                earlier.unlink()
    return pdf


def _keep(path: Path, data: bytes) -> None:
    """Written whole or not at all; a folder that cannot be written only costs the next print
    its layout time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        Path(temporary).replace(path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def forum_minutes_pdf(
    ws: Workspace, forum_id: str, version: int | None = None, paper: str | None = None
) -> bytes:
    """A forum's berita acara: the frozen one of a closed forum (its latest version, or
    `version`), else the draft from the forum as it is now (on `paper`, A4 if none)."""
    frozen = ws.read(versions, forum_id)
    forum = ws.read(load, Forum, forum_id, "Forum")
    if version is not None and not 1 <= version <= len(frozen):
        raise InputError(
            tr(
                "The forum has no berita acara version {version}: {count} frozen so far (one each "
                "time it was closed).",
                version=version,
                count=len(frozen),
            )
        )
    if version is None and (forum.status != ForumStatus.CLOSED or not frozen):
        from desktop.reports.minutes import build_minutes
        from desktop.services.report_data import forum_report

        return build_minutes(ws.read(forum_report, forum_id), paper=paper or "a4")
    chosen = frozen[(version or len(frozen)) - 1]
    if paper is not None and paper != chosen.paper:
        raise InputError(
            tr(
                "This berita acara was frozen on {frozen} paper when the forum closed, and prints on "
                "that paper only; leave out the paper size.",
                frozen=chosen.paper.value.upper(),
            )
        )
    return minutes_pdf(ws, chosen.id)
