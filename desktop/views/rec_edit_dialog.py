"""Correcting a recommendation as live capture set it (F3 in live capture, "Edit…" on the triage
board): its text, its scope (while the life cycle allows a change), its topic, who raised it and
the agenda item. Saved on OK as one action, each field changed in its history; `before` and
`after` hold what changed, for undo."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QPlainTextEdit, QWidget

from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.core.i18n import N_
from desktop.core.vocab import RecCategory, Scope, label
from desktop.models import Recommendation
from desktop.services import recommendations as recs
from desktop.services.agenda import items_of
from desktop.services.attendance import attendance_of
from desktop.services.lifecycle import SCOPE_CHANGE_STATUSES
from desktop.services.lookup import load_fields
from desktop.views.common import OK_CANCEL, EnumCombo, InlineMessage, passes, select_value
from desktop.views.wheel import guard_wheel

CHARACTERS = 90  # of average width per line of the text: a recommendation reads in a few lines
LINES = 5
FIELDS = ("text", "scope", "category", "raised_by_id", "agenda_item_id")


class RecommendationDialog(QDialog):
    def __init__(self, ws: Workspace, rec_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._id = rec_id
        rec = ws.read(load_fields, Recommendation, rec_id, N_("Recommendation"), "forum_id", "status", *FIELDS)
        self.stored: dict[str, Any] = {name: getattr(rec, name) for name in FIELDS}
        self.before: dict[str, Any] = {}
        self.after: dict[str, Any] = {}
        self.setWindowTitle(self.tr("Edit recommendation"))
        self.text = QPlainTextEdit(rec.text)
        self.text.setTabChangesFocus(True)  # Tab goes on to the next field; the text is one paragraph
        metrics = self.text.fontMetrics()
        self.text.setMinimumWidth(metrics.averageCharWidth() * CHARACTERS)
        self.text.setFixedHeight(metrics.lineSpacing() * LINES + 12)
        self.scope = EnumCombo(Scope)
        self.scope.set_value(rec.scope)
        if rec.status not in SCOPE_CHANGE_STATUSES:
            self.scope.setEnabled(False)
            said = self.tr("The scope can change while the recommendation is proposed or accepted; it is {status}.")
            self.scope.setToolTip(said.format(status=label(rec.status).lower()))
        self.category = EnumCombo(RecCategory, blank="—")
        self.category.set_value(rec.category)
        self.raised_by = QComboBox()
        self.raised_by.addItem("—", None)
        for person in ws.read(attendance_of, rec.forum_id).people:
            shown = f"{person.name} ({person.organization})" if person.organization else person.name
            self.raised_by.addItem(shown, person.id)
        select_value(self.raised_by, rec.raised_by_id)
        self.agenda = QComboBox()
        self.agenda.addItem("—", None)
        for item in ws.read(items_of, rec.forum_id):
            self.agenda.addItem(item.title, item.id)
        select_value(self.agenda, rec.agenda_item_id)
        self.message = InlineMessage(lines=2)  # its room kept: OK stays where it is
        form = QFormLayout(self)
        form.addRow(self.tr("&Recommendation"), self.text)
        form.addRow(self.tr("&Scope"), self.scope)
        form.addRow(self.tr("&Topic"), self.category)
        form.addRow(self.tr("Raised &by"), self.raised_by)
        form.addRow(self.tr("&Agenda item"), self.agenda)
        form.addRow(self.message)
        buttons = QDialogButtonBox(OK_CANCEL)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)  # saved from inside the text too
        guard_wheel(self)  # the wheel scrolls; it changes a field only with the focus

    def typed(self) -> dict[str, Any]:
        return {
            "text": self.text.toPlainText().strip(),
            "scope": self.scope.value(),
            "category": self.category.value(),
            "raised_by_id": self.raised_by.currentData(),
            "agenda_item_id": self.agenda.currentData(),
        }

    def save(self) -> None:
        changes = {name: value for name, value in self.typed().items() if value != self.stored[name]}
        if changes:
            try:
                self._ws.write(recs.correct_recommendation, self._id, **changes)
            except MufakatError as exc:
                text_ok = lambda: passes(recs.RULES["text"], self.text.toPlainText())  # noqa: E731
                self.message.refused(exc.message, [(self.text, text_ok)])
                return
        self.after = changes
        self.before = {name: self.stored[name] for name in changes}
        self.accept()
