"""Frozen minutes as PDF, made once per laptop and kept: a reprint is the very same file.

The first print of a frozen berita acara lays it out (reportlab's invariant mode: the same
snapshot gives the same bytes on every laptop); the file is kept in the data folder, under the
snapshot's id and the layout code's digest, and every later print reads it (a 300-participant
berita acara takes about half a second to lay out, a fraction of that to read). A berita acara
is signed as printed: after an upgrade that lays documents out otherwise (or words a figure
otherwise), the file this laptop printed before is still the one it prints.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import cache
from pathlib import Path

from desktop.errors import InputError
from desktop.i18n import tr
from desktop.models import Forum
from desktop.services.frozen import frozen_minutes, versions
from desktop.services.lookup import load
from desktop.vocab import ForumStatus
from desktop.workspace import Workspace

FOLDER = "printed"


@cache
def layout_digest() -> str:
    """A digest of the code that lays documents out: a Mufakat that lays them out otherwise
    makes its own files (fonts included; the same code gives the same bytes)."""
    folder = Path(__file__).parent / "reports"  # not imported: reportlab loads on first use
    digest = hashlib.sha256()
    for path in sorted([*folder.glob("*.py"), *folder.glob("fonts/*.ttf")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def minutes_pdf(ws: Workspace, minutes_id: str) -> bytes:
    """The PDF of a frozen berita acara, from the laptop's copy if it has made one."""
    folder = ws.data_dir / FOLDER
    kept = folder / f"berita-acara-{minutes_id}-{layout_digest()}.pdf"
    earlier = sorted(folder.glob(f"berita-acara-{minutes_id}-*.pdf"), key=_made_at) if folder.is_dir() else []
    for path in ([kept] if kept in earlier else []) + earlier:
        try:
            return path.read_bytes()
        except OSError:
            continue
    from desktop.reports.minutes import build_minutes  # reportlab loads on first use

    report, paper = ws.read(frozen_minutes, minutes_id)
    pdf = build_minutes(report, paper=paper.value)
    _keep(kept, pdf)
    return pdf


def _made_at(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return float("inf")


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
