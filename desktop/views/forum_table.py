"""Table model of the forum list (Qt model/view over `ForumSummary` rows)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.i18n import N_, tr
from desktop.services.queries import ForumSummary
from desktop.vocab import label

Index = QModelIndex | QPersistentModelIndex


class ForumTableModel(QAbstractTableModel):
    HEADERS = (
        N_("Date"),
        N_("Unit"),
        N_("Title"),
        N_("Status"),
        N_("Attended"),
        N_("Unit scope"),
        N_("Policy"),
    )

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ForumSummary] = []

    def set_rows(self, rows: list[ForumSummary]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def forum_at(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        f = self._rows[index.row()]
        return (
            f.held_on.isoformat(),
            f.unit_name,
            f.title,
            label(f.status),
            f"{f.attended}/{f.participants}",
            str(f.unit_scope),
            str(f.policy_scope),
        )[index.column()]
