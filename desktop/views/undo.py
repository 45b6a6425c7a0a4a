"""Undo and redo of saved actions (QUndoStack), shared by live capture and the attendance list.

Each step is its own transaction through the services, so an undo is itself a new, audited,
synced action: a creation is undone with a tombstone, a removal by restoring the same record (an
audited restore that lifts its tombstone everywhere; nothing is ever erased). A step the rules no longer allow (say, the
recommendation was accepted meanwhile) is refused with a message and dropped from the stack.

The keys: in an entry line with text typed, Ctrl+Z undoes the typing, and Ctrl+Y or Ctrl+Shift+Z
redo what it undid; in an empty line (or elsewhere in the tab) they undo and redo the saved
actions. A saved line is emptied with `setText("")`, which forgets its typing's history."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError

Report = Callable[[str], None]
CTRL = Qt.KeyboardModifier.ControlModifier
UNDO_KEYS = frozenset({QKeyCombination(CTRL, Qt.Key.Key_Z)})
REDO_KEYS = frozenset(
    {QKeyCombination(CTRL, Qt.Key.Key_Y), QKeyCombination(CTRL | Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Z)}
)


@dataclass
class Ref:
    """The id of a record that several steps act on (one object, so that every step of the
    record follows it; undo and redo keep the record's id)."""

    id: str


class Refs:
    """The one `Ref` per record for every step of a stack."""

    def __init__(self) -> None:
        self._refs: list[Ref] = []

    def of(self, record_id: str) -> Ref:
        found = next((ref for ref in self._refs if ref.id == record_id), None)
        if found is None:
            found = Ref(record_id)
            self._refs.append(found)
        return found

    def clear(self) -> None:
        self._refs.clear()


class Step(QUndoCommand):
    def __init__(self, ws: Workspace, report: Report, text: str) -> None:
        super().__init__(text)
        self._ws = ws
        self._report = report

    def _run(self, action: Callable[..., Any], *args: object, **kwargs: object) -> Any:
        try:
            return self._ws.write(action, *args, **kwargs)
        except MufakatError as exc:
            self._report(exc.message)
            self.setObsolete(True)
            return None


class DoneStep(Step):
    """A step already done when it is pushed (the save must not wait for the stack): the
    stack's first call of `redo()` does nothing."""

    def __init__(self, ws: Workspace, report: Report, text: str) -> None:
        super().__init__(ws, report, text)
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.redo_again()

    def redo_again(self) -> None:
        raise NotImplementedError


class UndoKeys(QObject):
    """Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z for `owner` (a tab) and its entry `lines`; `enabled`:
    whether saved actions may be undone now (not in a closed forum); `say`: tells the user
    what was undone or redone. The tab's Undo and Redo buttons call `undo` and `redo` too."""

    def __init__(
        self,
        owner: QWidget,
        stack: QUndoStack,
        lines: Sequence[QLineEdit],
        enabled: Callable[[], bool] = lambda: True,
        say: Callable[[str], None] = lambda _text: None,
    ) -> None:
        super().__init__(owner)
        self._stack = stack
        self._enabled = enabled
        self._say = say
        for keys, act in ((UNDO_KEYS, self.undo), (REDO_KEYS, self.redo)):
            for combination in keys:  # each key bound once: a key bound twice fires neither
                shortcut = QShortcut(QKeySequence(combination), owner)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(act)
        for line in lines:
            line.installEventFilter(self)

    def undo(self) -> None:
        if self._enabled() and self._stack.canUndo():
            step = self._stack.undoText()
            self._stack.undo()
            self._say(QCoreApplication.translate("UndoKeys", "Undone: {step}").format(step=step))

    def redo(self) -> None:
        if self._enabled() and self._stack.canRedo():
            step = self._stack.redoText()
            self._stack.redo()
            self._say(QCoreApplication.translate("UndoKeys", "Redone: {step}").format(step=step))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not isinstance(watched, QLineEdit) or kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        combination = event.keyCombination()
        undo, redo = combination in UNDO_KEYS, combination in REDO_KEYS
        if not (undo or redo):
            return False
        typing = watched.isRedoAvailable() if redo else bool(watched.text())
        if not typing:  # nothing typed (to undo or redo): the tab's shortcut acts on saved actions
            event.ignore()
            return True
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the typing's own: the line gets the key press
        elif undo:
            watched.undo()
        else:
            watched.redo()
        return True
