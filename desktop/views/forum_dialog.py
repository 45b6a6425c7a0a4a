"""New forum: the few fields needed to plan one; the rest is filled in its Details tab. The same
fields correct a forum not yet held, from the forum list (an undoable step there)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.core.vocab import ForumMode
from desktop.models import Forum
from desktop.services import forums
from desktop.services.forums import create_forum, update_forum
from desktop.services.lookup import load
from desktop.services.units import all_units
from desktop.views.common import (
    OK_CANCEL,
    EnumCombo,
    InlineMessage,
    TimeField,
    date_edit,
    office_today,
    passes,
    select_value,
)
from desktop.views.wheel import guard_wheel

DEFAULT_START, DEFAULT_END = "09:00", "12:00"  # a new forum's times until changed
TITLE_CHARACTERS = 100  # of average width: "Forum Konsultasi Publik Rancangan Standar Pelayanan … Tahun 2026" and more


class NewForumDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self.forum_id: str | None = None
        self.setWindowTitle(self.tr("New forum"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Forum Konsultasi Publik on the service standard"))
        # A forum's title is long: the field reads a title of TITLE_CHARACTERS whole.
        self.title.setMinimumWidth(self.title.fontMetrics().averageCharWidth() * TITLE_CHARACTERS)
        self.held_on = date_edit(office_today(ws))
        # What is shown is what is saved: the usual morning typed in, not a grey hint of it.
        self.starts_at = TimeField(forums.RULES["starts_at"], DEFAULT_START)
        self.ends_at = TimeField(forums.RULES["ends_at"], DEFAULT_END)
        self.starts_at.setText(DEFAULT_START)
        self.ends_at.setText(DEFAULT_END)
        self.venue = QLineEdit()
        self.mode = EnumCombo(ForumMode)
        self.unit = QComboBox()
        for unit in ws.read(all_units):
            self.unit.addItem(f"{unit.name} ({unit.code})", unit.id)
        select_value(self.unit, ws.ctx.home_unit_id)
        self.message = InlineMessage(lines=2)  # its room kept: OK stays where it is
        for field in (self.starts_at, self.ends_at):
            field.problem.connect(self._show_problem)
        self.form = form = QFormLayout(self)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Date"), self.held_on)
        form.addRow(self.tr("&Starts at"), self.starts_at)
        form.addRow(self.tr("&Ends at"), self.ends_at)
        form.addRow(self.tr("&Venue"), self.venue)
        form.addRow(self.tr("&Mode"), self.mode)
        form.addRow(self.tr("&Unit"), self.unit)
        form.addRow(self.message)
        buttons = QDialogButtonBox(OK_CANCEL)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        guard_wheel(self)  # the wheel scrolls; it changes a field only with the focus

    def _show_problem(self, text: str) -> None:
        if text:
            self.message.error(text)
        else:
            self.message.clear_message()

    def save(self) -> None:
        self.create_forum()

    def typed(self) -> dict[str, Any]:
        """The forum's fields as typed (times as typed: the service reads them)."""
        return {
            "title": self.title.text(),
            "held_on": self.held_on.date().toPython(),
            "starts_at": self.starts_at.text().strip() or None,
            "ends_at": self.ends_at.text().strip() or None,
            "venue": self.venue.text(),
            "mode": self.mode.value(),
        }

    def refused(self, text: str) -> None:
        """Said under the form; it clears once the field it is about is right."""
        self.message.refused(
            text,
            [
                (self.title, lambda: passes(forums.RULES["title"], self.title.text())),
                (self.venue, lambda: passes(forums.RULES["venue"], self.venue.text())),
            ],
        )

    def create_forum(self) -> None:
        if self.unit.currentData() is None:
            self.message.error(self.tr("There is no unit yet: set up this office in Settings first."))
            return
        try:
            self.forum_id = self._ws.write(create_forum, unit_id=self.unit.currentData(), **self.typed())
        except MufakatError as exc:
            self.refused(exc.message)
            return
        self.accept()


class EditForumDialog(NewForumDialog):
    """A forum not yet held, corrected: its title, date, times, venue and form. Saved on OK;
    `before` and `after` hold what changed, for undo."""

    def __init__(self, ws: Workspace, forum_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self.setWindowTitle(self.tr("Edit forum"))
        self.forum_id = forum_id
        forum = ws.read(load, Forum, forum_id, "Forum")
        self.form.setRowVisible(self.unit, False)  # a forum stays with its office
        self.title.setText(forum.title)
        self.held_on.setDate(forum.held_on)
        for field, value in ((self.starts_at, forum.starts_at), (self.ends_at, forum.ends_at)):
            field.setText(value.strftime("%H:%M") if value else "")
        self.venue.setText(forum.venue)
        self.mode.set_value(forum.mode)
        self.stored: dict[str, Any] = {
            "title": forum.title,
            "held_on": forum.held_on,
            "starts_at": forum.starts_at,
            "ends_at": forum.ends_at,
            "venue": forum.venue,
            "mode": forum.mode,
        }
        self.before: dict[str, Any] = {}
        self.after: dict[str, Any] = {}

    def save(self) -> None:
        assert self.forum_id is not None
        try:
            typed = {name: forums.RULES[name](value) for name, value in self.typed().items()}
        except MufakatError as exc:
            self.refused(exc.message)
            return
        changes = {name: value for name, value in typed.items() if value != self.stored[name]}
        if changes:
            try:
                self._ws.write(update_forum, self.forum_id, **changes)
            except MufakatError as exc:
                self.refused(exc.message)
                return
        self.after = changes
        self.before = {name: self.stored[name] for name in changes}
        self.accept()
