"""Marking a recommendation done ("Tandai selesai…"): its evidence, a text and the files attached
to it (a photo, a scan: added here with "Add photo/file…", by dropping or pasting). Either is
enough, unless the office asks for a file (Settings → Office); the service decides, the dialog
says why it refused and stays open."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.models import Recommendation
from desktop.services import completion
from desktop.services import recommendations as recs
from desktop.services.lookup import load_fields
from desktop.views.attachments_panel import AttachmentsPanel
from desktop.views.common import InlineMessage
from protocol.vocab import AttachmentOwner


class CompleteDialog(QDialog):
    def __init__(self, ws: Workspace, rec_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self.rec_id = rec_id
        self.setWindowTitle(self.tr("Mark done"))
        rec = ws.read(load_fields, Recommendation, rec_id, "Recommendation", "unit_id", "text")
        needs_file = ws.read(completion.needs_file, rec.unit_id)
        self.intro = QLabel(
            self.tr(
                "What shows it is done? Attach a photo or file (required by the office); a text is optional."
            )
            if needs_file
            else self.tr(
                "What shows it is done? Write it (a document, a link), attach a photo or file, or both."
            )
        )
        self.intro.setWordWrap(True)
        self.evidence = QPlainTextEdit()
        self.evidence.setPlaceholderText(self.tr("Evidence of completion"))
        self.evidence.setTabChangesFocus(True)
        self.evidence.setMaximumHeight(self.evidence.fontMetrics().lineSpacing() * 5 + 12)
        self.files = AttachmentsPanel(ws, AttachmentOwner.RECOMMENDATION, rec_id)
        self.files.setMinimumHeight(280)
        self.message = InlineMessage(lines=2)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Mark done"))
        buttons.accepted.connect(self.mark_done)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.evidence)
        layout.addWidget(self.files, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(720, 600)

    def mark_done(self) -> None:
        if self.files.busy():
            self.message.info(self.tr("The files are still being saved; a moment."))
            return
        try:
            self._ws.write(recs.complete, self.rec_id, self.evidence.toPlainText())
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        self.accept()
