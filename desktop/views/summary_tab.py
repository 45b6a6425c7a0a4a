"""Agreements and the discussion summary: free text the minutes print, saved as it is typed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.models import Forum
from desktop.services.forums import update_forum
from desktop.services.lookup import load
from desktop.views.common import AutosaveText, InlineMessage, set_read_only


class SummaryTab(QWidget):
    def __init__(self, ws: Workspace, forum_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._forum_id = forum_id
        self.summary = AutosaveText(lambda text: self._save("summary", text))
        self.agreements = AutosaveText(lambda text: self._save("agreements", text))
        self.agreements.setPlaceholderText(self.tr("One agreement per line; the minutes number them."))
        self.message = InlineMessage()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>" + self.tr("Agreements (kesepakatan)") + "</b>"))
        layout.addWidget(self.agreements, 1)
        layout.addWidget(QLabel("<b>" + self.tr("Discussion summary") + "</b>"))
        layout.addWidget(self.summary, 2)
        layout.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        forum = self._ws.read(load, Forum, self._forum_id, "Forum")
        self.summary.load(forum.summary)
        self.agreements.load(forum.agreements)

    def _save(self, field: str, text: str) -> bool:
        try:
            self._ws.write(update_forum, self._forum_id, **{field: text})
        except MufakatError as exc:
            self.message.error(exc.message)
            return False
        self.message.info(self.tr("Saved."))
        return True

    def set_read_only(self, read_only: bool) -> None:
        set_read_only(self.summary, read_only)
        set_read_only(self.agreements, read_only)

    def flush(self) -> None:
        self.summary.flush()
        self.agreements.flush()

    def dirty(self) -> bool:
        return self.summary.dirty() or self.agreements.dirty()
