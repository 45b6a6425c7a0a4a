"""Small pieces every screen uses: running a service call with its refusal shown to the user,
an inline message line, and combo boxes over the domain vocabularies."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, time
from enum import StrEnum
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError, MufakatError
from desktop.core.vocab import label
from desktop.services import fields

T = TypeVar("T")
OK_CANCEL = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
E = TypeVar("E", bound=StrEnum)
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
KEYPAD = Qt.KeyboardModifier.KeypadModifier


def app_title() -> str:
    return QCoreApplication.translate("Common", "Mufakat")


def attempt(
    parent: QWidget, ws: Workspace, action: Callable[..., T], /, *args: object, **kwargs: object
) -> T | None:
    """Run one service call as one transaction; if the rules refuse it, say why in a dialog and
    return None (nothing was changed). Anything else is a bug and goes to the app's error hook."""
    try:
        return ws.write(action, *args, **kwargs)
    except MufakatError as exc:
        QMessageBox.warning(parent, app_title(), exc.message)
        return None


def placeholder_in_full(edit: QLineEdit) -> None:
    """The field is at least as wide as its placeholder: it says what to type in full, whatever
    else shares the row."""
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 16)


def passes(rule: fields.Validator, value: object) -> bool:
    """Whether `value` passes a service's rule for its field (the one copy of the rule)."""
    try:
        rule(value)
    except InputError:
        return False
    return True


NOTICE_MS = 6000  # how long a notice ("Saved.", "Undone: …") stays, unless the next action clears it first


class InlineMessage(QLabel):
    """A line under a form that says what to fix (red) or what just happened (green).

    Its space is kept whether it shows something or not (`lines` lines of text), so that the
    buttons below it never move under the pointer when a message appears. An error about one
    field clears as soon as that field's input is valid again (or, without a rule, as soon as it
    changes); a notice fades after a few seconds, or at the next action (`clear_notice`)."""

    def __init__(self, parent: QWidget | None = None, lines: int = 1) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * lines + 2)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._notice = False
        self._fade = QTimer(self)
        self._fade.setSingleShot(True)
        self._fade.timeout.connect(self.clear_notice)
        self._field: QWidget | None = None  # the input the error shown is about
        self._valid: Callable[[], bool] | None = None
        self._watched: list[QWidget] = []

    def error(self, text: str, field: QWidget | None = None, valid: Callable[[], bool] | None = None) -> None:
        """Show what to fix; `field`: the input it is about (it clears once `valid()` holds
        there, or, without `valid`, once the field changes)."""
        self._show(text, "color: #b00020; font-weight: bold;", notice=False)
        if field is not None:
            self._field, self._valid = field, valid or (lambda: True)
            self._watch(field)

    def shown(self) -> bool:
        """Whether it says something now."""
        return bool(self.text())

    def refused(self, text: str, checks: Sequence[tuple[QWidget, Callable[[], bool]]]) -> None:
        """Show a refusal about the first input whose check fails now (each check is the rule the
        service applies, `passes(RULES[name], value)`), so that it clears once that is fixed."""
        failing = next(((field, check) for field, check in checks if not check()), None)
        if failing is None:
            self.error(text)
        else:
            self.error(text, *failing)

    def info(self, text: str, lasting: bool = False) -> None:
        """What just happened; it fades after NOTICE_MS unless `lasting` (it stays until the
        next action)."""
        self._show(text, "color: #1b5e20;", notice=True)
        if not lasting:
            self._fade.start(NOTICE_MS)

    def clear_notice(self) -> None:
        """The next action: a notice has had its say (an error stays until it is fixed)."""
        if self._notice:
            self.clear_message()

    def clear_message(self) -> None:
        self._fade.stop()
        self._field = self._valid = None
        self._notice = False
        self.setText("")  # empty, not hidden: its room stays

    def _show(self, text: str, style: str, notice: bool) -> None:
        self._fade.stop()
        self._field = self._valid = None
        self._notice = notice
        self.setStyleSheet(style)
        self.setText(text)

    def _watch(self, field: QWidget) -> None:
        if field in self._watched:
            return
        self._watched.append(field)
        for name in ("textChanged", "currentIndexChanged", "dateChanged", "toggled"):
            signal = getattr(field, name, None)
            if signal is not None:
                signal.connect(lambda *_args, changed=field: self._recheck(changed))
                return

    def _recheck(self, changed: QWidget) -> None:
        if changed is self._field and self._valid is not None and self._valid():
            self.clear_message()


class EnumCombo(QComboBox, Generic[E]):
    """A combo box of `enum`'s labels; `blank` (e.g. "All") adds a first entry meaning none.

    Every combo box over a vocabulary is one of these: Qt hands item data back as a plain `str`
    (PySide6 6.11 converts a StrEnum member to a QString), so `value()` converts it back through
    the enum, and a code that is not one of the enum's is a bug, not a silent "no filter"."""

    def __init__(self, enum: type[E], blank: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._enum = enum
        if blank is not None:
            self.addItem(blank, None)
        for member in enum:
            self.addItem(label(member), member.value)

    def value(self) -> E | None:
        data = self.currentData()
        return None if data is None else self._enum(data)

    def set_value(self, value: E | str | None) -> None:
        """Show `value` (a member or its code); None shows the blank entry, if there is one."""
        index = self.findData(None if value is None else self._enum(value).value)
        if index >= 0:
            self.setCurrentIndex(index)


def select_value(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


class AutosaveText(QPlainTextEdit):
    """A text area that saves itself shortly after the typing stops, when it loses focus, and
    on `flush()` (the window calls it before closing), so nothing typed is dropped."""

    def __init__(
        self, save: Callable[[str], bool], delay_ms: int = 800, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._saved_text = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._timer.start)

    def load(self, text: str) -> None:
        self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(False)
        self._saved_text = text

    def dirty(self) -> bool:
        return self.toPlainText() != self._saved_text

    def flush(self) -> None:
        self._timer.stop()
        text = self.toPlainText()
        if text != self._saved_text and self._save(text):
            self._saved_text = text

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        super().focusOutEvent(event)


SECTION_KEYS = frozenset(".,/-")  # what people type between day, month and year


class DateField(QDateEdit):
    """A date as Indonesian offices write it (dd-mm-yyyy), with a calendar to pick from, typed
    the way people type dates: a complete part, or `.` `/` `-`, moves on to the next part;
    ← and → move between the parts; Tab leaves the field (Qt's own Tab walked day → month →
    year, so "9.00" typed for the next field went into the month)."""

    def __init__(self, value: QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(value or QDate.currentDate(), parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd-MM-yyyy")
        self._typed = False  # digits typed into the current part (a separator then moves on)
        self._entered_by_click = False  # focus came with the click being handled
        self._click_pending = False
        # Clicks reach the line of text inside (the widget under the pointer), which puts a bare
        # cursor where the click landed: typing there was refused or garbled ("05-12-2026"
        # typed after a click stored 01-12-2026). A click that enters the field selects the
        # day, as Tab does, so a whole date can be typed; a click inside selects that part.
        self.lineEdit().installEventFilter(self)
        # The calendar opens where the field's date is; a field left empty ("any", its minimum
        # date) opens it at today, not at the minimum (January 2000).
        self.calendarWidget().window().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and watched is self.calendarWidget().window():
            self._page_for_empty_value()
        if watched is self.lineEdit() and event.type() == QEvent.Type.MouseButtonRelease:
            self._click_pending = True  # done once the line has placed its cursor
            QTimer.singleShot(0, self._select_clicked_part)
        return super().eventFilter(watched, event)

    def _page_for_empty_value(self) -> None:
        if self.date() == self.minimumDate() and self.specialValueText():
            today = QDate.currentDate()
            calendar = self.calendarWidget()
            # Today chosen in the calendar (its keys start there), not yet in the field: the
            # calendar's selection signals would set the field at once; Escape keeps "any".
            calendar.blockSignals(True)
            calendar.setSelectedDate(today)
            calendar.setCurrentPage(today.year(), today.month())
            calendar.blockSignals(False)

    def _select_clicked_part(self) -> None:
        if not self._click_pending:
            return
        self._click_pending = False
        if not self.hasFocus() or self.lineEdit().hasSelectedText():
            return  # a drag selected something itself
        self._typed = False
        if self._entered_by_click:
            self._entered_by_click = False
            self.setSelectedSection(QDateTimeEdit.Section.DaySection)
        else:
            self.setSelectedSection(self.currentSection())

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if event.reason() == Qt.FocusReason.BacktabFocusReason:  # arriving backwards: the day too
            event = QFocusEvent(event.type(), Qt.FocusReason.TabFocusReason)
        self._typed = False
        self._entered_by_click = event.reason() == Qt.FocusReason.MouseFocusReason
        super().focusInEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, plain = event.key(), event.modifiers() in (NO_MODIFIER, KEYPAD)
        self._select_clicked_part()  # keys typed before the event loop came round
        line = self.lineEdit()
        if plain and event.text().isdigit() and self.specialValueText() and self.date() == self.minimumDate():
            self.setDate(QDate.currentDate())  # typing into "any": a date is being typed, from its day
            line.selectAll()
        whole = line.hasSelectedText() and line.selectedText() == line.text()
        if plain and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.specialValueText() and whole:
            self.setDate(self.minimumDate())  # a field that may be empty ("any"): emptied
            line.selectAll()
            return
        if plain and event.text().isdigit() and whole:
            self.setSelectedSection(QDateTimeEdit.Section.DaySection)  # all selected: a new date
            self._typed = False
        if plain and event.text() and event.text() in SECTION_KEYS:
            if self._typed:  # "3." moves on; the "." after a complete "30" (moved on already) does not
                self._step(+1)
        elif plain and key == Qt.Key.Key_Right:
            self._step(+1)
        elif plain and key == Qt.Key.Key_Left:
            self._step(-1)
        else:
            part = self.currentSectionIndex()
            super().keyPressEvent(event)
            self._typed = event.text().isdigit() and self.currentSectionIndex() == part

    def _step(self, direction: int) -> None:
        """To the next or previous part (fixing up what was typed), never out of the field."""
        self._typed = False
        target = self.currentSectionIndex() + direction
        if 0 <= target < self.sectionCount():
            QDateEdit.focusNextPrevChild(self, direction > 0)  # Qt's section walk


def qdate(day: date) -> QDate:
    """A Python date as Qt's."""
    return QDate(day.year, day.month, day.day)


def date_edit(value: QDate | None = None) -> DateField:
    """The one date field every screen uses."""
    return DateField(value)


Field = QLineEdit | QPlainTextEdit | QAbstractSpinBox | QAbstractItemView


def set_read_only(
    field: Field,
    read_only: bool,
    edit_triggers: QAbstractItemView.EditTrigger = QAbstractItemView.EditTrigger.NoEditTriggers,
) -> None:
    """A field that cannot be changed now (a closed forum's, a record's history) also looks so,
    or a user tries to type into it: drawn on the page, without a frame, arrows or a calendar
    button (the application's style sheet, READ_ONLY in desktop/views/look.py); Qt shows no
    caret in it. Editable again, it looks as it did. A table (a forum's signatories) is drawn
    the same way, and its cells are not opened for editing (editable again: `edit_triggers`)."""
    if isinstance(field, QAbstractItemView):
        field.setEditTriggers(edit_triggers if not read_only else QAbstractItemView.EditTrigger.NoEditTriggers)
        field.setProperty("readOnly", read_only)  # a table has no such property of its own
    else:
        field.setReadOnly(read_only)
    if isinstance(field, QAbstractSpinBox):
        field.setButtonSymbols(
            QAbstractSpinBox.ButtonSymbols.NoButtons if read_only else QAbstractSpinBox.ButtonSymbols.UpDownArrows
        )
    field.style().unpolish(field)  # the style sheet's [readOnly="true"] is read again
    field.style().polish(field)


def office_today(ws: Workspace) -> QDate:
    """Today where the office is (its time zone), not where this laptop's clock is set: at
    06.00 WIT it is already tomorrow for an office whose laptop keeps UTC or WIB."""
    today = ws.ctx.today()
    return QDate(today.year, today.month, today.day)


class TimeField(QLineEdit):
    """A time of day as people type it (9, 9.00, 09.00, 9:00, 0900, 21.30), shown as 09:00 once
    the field is left; anything else is refused there and then: the field turns red and
    `problem` says what to type (an empty message: fine again)."""

    problem = Signal(str)

    def __init__(self, rule: fields.Validator, example: str = "", parent: QWidget | None = None) -> None:
        """`rule`: the service's validator of this field (e.g. `forums.RULES["starts_at"]`).
        `example`: a time shown in the empty field's hint, worded as an example of a field not
        set (a grey "09:00" alone reads as a time that is set, and is saved as none)."""
        super().__init__(parent)
        self._rule = rule
        if example:
            self.setPlaceholderText(self.tr("not set (e.g. {time})").format(time=example))
        self.editingFinished.connect(self._tidy)

    def value(self) -> time | None:
        """The time typed, None when empty; `InputError` saying what to type otherwise."""
        result: time | None = self._rule(self.text())
        return result

    def _tidy(self) -> None:
        try:
            value = self.value()
        except InputError as exc:
            self.setStyleSheet("border: 2px solid #b00020;")
            self.problem.emit(exc.message)
            return
        self.setStyleSheet("")
        self.problem.emit("")
        if value is not None and self.text() != value.strftime("%H:%M"):
            modified = self.isModified()  # a form saves on this same signal when it is set
            self.setText(value.strftime("%H:%M"))
            self.setModified(modified)


class ReplacedButtons:
    """Guards a set of action buttons that replace each other under the pointer ("Accept", then
    "Start follow-up" in the same spot): after an action, clicks are ignored for the system's
    double-click interval, so a double-click fires one action, never two."""

    def __init__(self) -> None:
        self._since = QElapsedTimer()

    def acted(self) -> None:
        """An action was taken: the set may have changed under the pointer."""
        self._since.start()

    def allows(self) -> bool:
        """Whether a click now is a new decision rather than the rest of a double-click."""
        return not self._since.isValid() or self._since.elapsed() >= QApplication.doubleClickInterval()
