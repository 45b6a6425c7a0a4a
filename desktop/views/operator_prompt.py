"""Who is typing, asked where the history needs a name, nobody is signed in and Settings has
none yet (loading the sample forum): the same field as the first-run set-up's, kept in Settings
afterwards. Without it the history would name the computer's user ("root")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.views.common import app_title


def operator_known(parent: QWidget, ws: Workspace) -> bool:
    """True when Settings names who types here, or the user has just named them; False when
    they cancelled (nothing is done then)."""
    if ws.settings.operator.strip() or ws.ctx.user is not None:  # someone signed in: the history names them
        return True
    label = QCoreApplication.translate("OperatorPrompt", "Your name (in the history)")
    while True:
        name, ok = QInputDialog.getText(parent, app_title(), label, QLineEdit.EchoMode.Normal, "")
        if not ok:
            return False
        if name.strip():
            break
        label = QCoreApplication.translate(
            "OperatorPrompt", "Type your name first: the history records who did what. Your name (in the history)"
        )
    try:
        ws.change_settings(operator=name.strip())
    except MufakatError as exc:
        QMessageBox.warning(parent, app_title(), exc.message)
        return False
    return True
