"""Undoable steps of the forum list (see `desktop/views/undo.py`): correcting a forum not yet
held, and deleting one (undone by restoring the same forum, with its invitation list and its
agenda: an audited restore that travels as the deletion did)."""

from __future__ import annotations

from typing import Any

from desktop.app.workspace import Workspace
from desktop.services.forums import delete_forum, restore_forum, update_forum
from desktop.views.undo import DoneStep, Ref, Report, Step


class EditForum(DoneStep):
    def __init__(
        self, ws: Workspace, report: Report, text: str, forum: Ref, old: dict[str, Any], new: dict[str, Any]
    ) -> None:
        super().__init__(ws, report, text)
        self.forum, self.old, self.new = forum, old, new

    def redo_again(self) -> None:
        self._run(update_forum, self.forum.id, **self.new)

    def undo(self) -> None:
        self._run(update_forum, self.forum.id, **self.old)


class DeleteForum(Step):
    def __init__(self, ws: Workspace, report: Report, text: str, forum: Ref) -> None:
        super().__init__(ws, report, text)
        self.forum = forum

    def redo(self) -> None:
        self._run(delete_forum, self.forum.id)

    def undo(self) -> None:
        self._run(restore_forum, self.forum.id)
