"""The document templates: the texts of the Laporan Pelaksanaan (dasar, maksud dan tujuan,
penutup) and the head of the surat undangan (nomor, sifat, hal), for the office (Settings) or
for one forum (its Details: over the office's; a forum may also fix its invitation's date). Each
field shows the wording that prints, to edit in place; a field left as the wording below it
(Mufakat's, or for a forum its office's) is stored empty, so it keeps following that wording.
The office also sets here which PEKPPP indicators each document is evidence for (numbers from
evaluators' tools: unconfirmed)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.models import Forum, Unit
from desktop.rules import pekppp
from desktop.services.lookup import load
from desktop.services.templates import (
    DEFAULTS,
    NAMES,
    effective,
    update_forum_templates,
    update_unit_templates,
)
from desktop.views.common import OK_CANCEL, InlineMessage, date_edit, qdate
from desktop.views.documents import OTHER_TITLES, TITLES
from desktop.views.wheel import guard_wheel

LONG = ("report_basis", "report_purpose", "report_closing")
DOCUMENT_TITLES = {**TITLES, **OTHER_TITLES}


class TemplatesDialog(QDialog):
    """`forum_id` given: that forum's own texts; otherwise the office's (`unit_id`)."""

    def __init__(
        self, ws: Workspace, unit_id: str, forum_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._unit_id = unit_id
        self._forum_id = forum_id
        unit = ws.read(load, Unit, unit_id, "Unit")
        forum = ws.read(load, Forum, forum_id, "Forum") if forum_id else None
        inherited = effective(unit) if forum is not None else None  # what an empty forum field prints
        self.setWindowTitle(
            self.tr("Document templates — {forum}").format(forum=forum.title)
            if forum is not None
            else self.tr("Document templates of the office")
        )
        self.resize(760, 640)
        labels = {
            "report_basis": self.tr("Implementation report: legal &basis (one per line)"),
            "report_purpose": self.tr("Implementation report: &purpose"),
            "report_closing": self.tr("Implementation report: &closing"),
            "invitation_number": self.tr("Invitation: &number"),
            "invitation_nature": self.tr("Invitation: na&ture (sifat)"),
            "invitation_subject": self.tr("Invitation: &subject (hal)"),
        }
        own = forum if forum is not None else unit
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        self._below: dict[str, str] = {}  # the wording each field follows while left as it is
        form = QFormLayout()
        for name in NAMES:
            below = getattr(inherited, name) if inherited is not None else DEFAULTS[name]
            self._below[name] = below
            shown = getattr(own, name) or below
            edit: QLineEdit | QPlainTextEdit
            if name in LONG:
                edit = QPlainTextEdit(shown)
                edit.setTabChangesFocus(True)
                edit.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
            else:
                edit = QLineEdit(shown)
            edit.setPlaceholderText(below or self.tr("(left to fill in by hand)"))
            self.fields[name] = edit
            form.addRow(labels[name], edit)
        self.fixed_date = QCheckBox(self.tr("Date the invitations &on"))
        self.letter_date = date_edit(QDate.currentDate())
        if forum is not None:
            # Offered: today, or a week before a forum already past (a letter is sent before it).
            if forum.held_on < QDate.currentDate().toPython():
                self.letter_date.setDate(qdate(forum.held_on - timedelta(days=7)))
            if forum.invitation_date:
                self.fixed_date.setChecked(True)
                self.letter_date.setDate(qdate(forum.invitation_date))
            self.letter_date.setEnabled(self.fixed_date.isChecked())
            self.fixed_date.toggled.connect(self.letter_date.setEnabled)
            row = QHBoxLayout()
            row.addWidget(self.fixed_date)
            row.addWidget(self.letter_date)
            row.addStretch(1)
            form.addRow(self.tr("Invitation date"), row)
        hint = QLabel(
            self.tr(
                "Each field shows the wording this forum's documents print; edit it here. Wording "
                "left as the office's keeps following the office's."
            )
            if forum is not None
            else self.tr(
                "Each field shows the wording the office's documents print; edit it here. Wording "
                "left as Mufakat's own keeps following it. Each forum may change them."
            )
        )
        hint.setWordWrap(True)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(hint)
        body_layout.addLayout(form)
        self.indicators: dict[str, QLineEdit] = {}
        if forum is None:
            body_layout.addWidget(self._indicator_box(unit))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.message = InlineMessage(lines=2)  # its room kept: the buttons below stay put
        buttons = QDialogButtonBox(OK_CANCEL)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        guard_wheel(self)  # the wheel scrolls; it changes a field only with the focus

    def _indicator_box(self, unit: Unit) -> QGroupBox:
        box = QGroupBox(self.tr("PEKPPP indicators each document is evidence for"))
        form = QFormLayout(box)
        note = QLabel(
            self.tr(
                "These numbers come from the evaluators' worksheets, not from the regulation, and change "
                "between years: check them against this year's worksheet. Empty: the document names none."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        stored = unit.pekppp_indicators or {}
        for key, numbers in pekppp.DEFAULT.items():
            edit = QLineEdit(", ".join(str(n) for n in stored[key]) if key in stored else "")
            edit.setPlaceholderText(", ".join(str(n) for n in numbers))
            self.indicators[key] = edit
            form.addRow(QCoreApplication.translate("Documents", DOCUMENT_TITLES[key]), edit)
        return box

    def values(self) -> dict[str, object]:
        found: dict[str, object] = {}
        for name, edit in self.fields.items():
            typed = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
            # Left as the wording below: stored empty, so it follows that wording when it changes.
            found[name] = "" if typed.strip() == self._below[name].strip() else typed
        if self._forum_id is not None:
            found["invitation_date"] = (
                self.letter_date.date().toPython() if self.fixed_date.isChecked() else None
            )
        return found

    def indicator_values(self) -> dict[str, str]:
        """The documents whose numbers the office typed (the others keep the defaults)."""
        return {key: edit.text() for key, edit in self.indicators.items() if edit.text().strip()}

    def save(self) -> None:
        try:
            if self._forum_id is not None:
                self._ws.write(update_forum_templates, self._forum_id, **self.values())
            else:
                values = {**self.values(), "pekppp_indicators": self.indicator_values()}
                self._ws.write(update_unit_templates, self._unit_id, **values)
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        self.accept()
