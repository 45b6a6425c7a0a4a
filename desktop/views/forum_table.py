"""Table model of the forum list (Qt model/view over `ForumSummary` rows)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.core.i18n import number
from desktop.core.vocab import ForumStatus, label
from desktop.services.queries import ForumCounts, ForumSummary

Index = QModelIndex | QPersistentModelIndex

HEADERS = (
    str(QT_TRANSLATE_NOOP("ForumTableModel", "Date")),
    str(QT_TRANSLATE_NOOP("ForumTableModel", "Unit")),
    str(QT_TRANSLATE_NOOP("ForumTableModel", "Title")),
    str(QT_TRANSLATE_NOOP("ForumTableModel", "Status")),
    str(QT_TRANSLATE_NOOP("ForumTableModel", "Present / listed")),
    str(QT_TRANSLATE_NOOP("ForumTableModel", "Unit scope")),
    str(QT_TRANSLATE_NOOP("ForumTableModel", "Policy")),
)

COUNTED = (4, 5, 6)  # the columns of counts, blank until they are counted


@cache
def _bold() -> QFont:
    """Running forums stand out (made once: `data()` is called for every visible cell)."""
    font = QFont()
    font.setBold(True)
    return font


class ForumTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ForumSummary] = []

    def set_rows(self, rows: list[ForumSummary]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def set_counts(self, counts: dict[str, ForumCounts]) -> None:
        """The counts, when they arrive after the list."""
        self._rows = [replace(r, counts=counts.get(r.id, ForumCounts())) for r in self._rows]
        if self._rows:
            self.dataChanged.emit(self.index(0, COUNTED[0]), self.index(len(self._rows) - 1, COUNTED[-1]))

    def forum_at(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def summary_of(self, forum_id: str | None) -> ForumSummary | None:
        return next((r for r in self._rows if r.id == forum_id), None)

    def row_of(self, forum_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == forum_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        f = self._rows[index.row()]
        if role == Qt.ItemDataRole.FontRole and f.status == ForumStatus.RUNNING:
            return _bold()
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if f.counts is None and index.column() in COUNTED:
            return ""
        return (
            f.held_on.strftime("%d-%m-%Y"),
            f.unit_name,
            f.title,
            label(f.status),
            f"{number(f.attended)} / {number(f.participants)}",
            number(f.unit_scope),
            number(f.policy_scope),
        )[index.column()]
