"""Answering an escalation: adopted, or declined with the reason."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QPlainTextEdit, QWidget

from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.core.vocab import Outcome
from desktop.services.escalations import answer
from desktop.views.common import OK_CANCEL, EnumCombo, InlineMessage
from desktop.views.wheel import guard_wheel


class AnswerDialog(QDialog):
    def __init__(self, ws: Workspace, escalation_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._escalation_id = escalation_id
        self.setWindowTitle(self.tr("Answer the escalation"))
        self.outcome = EnumCombo(Outcome)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            self.tr("The answer the originating office will see (a reason when declined)")
        )
        self.message = InlineMessage(lines=2)  # its room kept: the buttons below stay put
        buttons = QDialogButtonBox(OK_CANCEL)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Answer"), self.text)
        form.addRow(self.message)
        form.addRow(buttons)
        self.resize(520, 300)
        self.text.setFocus()  # the answer is what is typed; the outcome is one Shift+Tab away
        guard_wheel(self)  # the wheel scrolls; it changes a field only with the focus

    def save(self) -> None:
        try:
            self._ws.write(answer, self._escalation_id, self.outcome.value(), self.text.toPlainText())
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        self.accept()
