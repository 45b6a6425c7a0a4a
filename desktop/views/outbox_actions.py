"""Moving unsent changes between laptops from the app: export this laptop's outbox (a revoked
or broken laptop), import another laptop's into this one (it is pushed by the next sync)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.app.workspace import Workspace
from desktop.core.errors import EnvironmentProblem, MufakatError
from desktop.core.files import write_atomically
from desktop.core.i18n import number, tr
from desktop.core.os_words import os_reason
from desktop.sync.outbox_file import export_outbox, import_outbox


def export_unsent(parent: QWidget, ws: Workspace) -> tuple[bool, str]:
    """Ask where, then write the file; (done, message for the user). Cancelled: (False, "")."""
    suggested = str(Path.home() / f"mufakat-unsent-{ws.ctx.device_id[:8]}.json")
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("OutboxActions", "Export unsent changes"),
        suggested,
        QCoreApplication.translate("OutboxActions", "Unsent changes (*.json)"),
    )
    if not name:
        return False, ""
    try:
        content = ws.read(export_outbox)
        write_atomically(Path(name), content.encode("utf-8"))
    except OSError as exc:
        return False, tr("Cannot write {path}: {error}", path=name, error=os_reason(exc))
    except MufakatError as exc:
        return False, exc.message
    return True, QCoreApplication.translate(
        "OutboxActions", "Unsent changes written to {path}. Import the file on another laptop of this office."
    ).format(path=name)


def import_unsent(parent: QWidget, ws: Workspace) -> tuple[bool, str]:
    """Ask which file, then queue its changes here; (done, message for the user)."""
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("OutboxActions", "Import changes of another laptop"),
        str(Path.home()),
        QCoreApplication.translate("OutboxActions", "Unsent changes (*.json)"),
    )
    if not name:
        return False, ""
    path = Path(name)
    try:
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise EnvironmentProblem(
                tr("Cannot read {path}: {error}", path=path, error=os_reason(exc))
            ) from exc
        result = ws.write(lambda session, ctx: import_outbox(session, ctx.clock, path.name, content))
    except MufakatError as exc:
        return False, exc.message
    return True, QCoreApplication.translate(
        "OutboxActions", "{added} change(s) queued, {already} already here; they are sent at the next sync."
    ).format(added=number(result.added), already=number(result.already))
