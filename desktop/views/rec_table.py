"""Table model over pages of recommendations (SQL paging: the next page is fetched when the
view scrolls near the end), shared by live capture and the triage board."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.core.i18n import number
from desktop.core.vocab import RecStatus, Scope, label
from desktop.services.queries import RecommendationFilter, RecommendationPage, RecommendationRow

Index = QModelIndex | QPersistentModelIndex
Loader = Callable[[RecommendationFilter], RecommendationPage]

COLUMNS: dict[str, str] = {
    "forum": str(QT_TRANSLATE_NOOP("RecommendationTableModel", "Forum")),
    "forum_date": str(QT_TRANSLATE_NOOP("RecommendationTableModel", "Forum")),
    "text": str(QT_TRANSLATE_NOOP("RecommendationTableModel", "Recommendation")),
    "scope": str(QT_TRANSLATE_NOOP("RecommendationTableModel", "Scope")),
    "status": str(QT_TRANSLATE_NOOP("RecommendationTableModel", "Status")),
    "votes": str(QT_TRANSLATE_NOOP("RecommendationTableModel", "Votes")),
    "raised_by": str(QT_TRANSLATE_NOOP("RecommendationTableModel", "Raised by")),
    "category": str(QT_TRANSLATE_NOOP("RecommendationTableModel", "Topic")),
}
SORTABLE = {"text", "scope", "status", "votes"}
# The scope as a list says it (the long label, "Policy (escalate)", is for forms and documents).
SCOPE_SHORT = {
    Scope.UNIT: str(QT_TRANSLATE_NOOP("RecommendationTableModel", "Unit scope")),
    Scope.POLICY: str(QT_TRANSLATE_NOOP("RecommendationTableModel", "Policy")),
}
OVERDUE = QBrush(QColor("#fde2e1"))
POLICY = QBrush(QColor("#e8f0fe"))
SETTLED = QBrush(QColor("#777777"))


class RecommendationTableModel(QAbstractTableModel):
    def __init__(self, columns: tuple[str, ...], loader: Loader) -> None:
        super().__init__()
        self.columns = columns
        self._loader = loader
        self._rows: list[RecommendationRow] = []
        self._total = 0  # -1: not counted (yet)
        self._exhausted = True  # the last page read was not full: nothing more to fetch
        self._filter = RecommendationFilter()
        self._shown = False  # no page shown yet: sorting only remembers the order asked

    # -- contents ----------------------------------------------------------------------------
    def show_page(self, flt: RecommendationFilter, page: RecommendationPage) -> None:
        """Show the first page of a (new) filter."""
        self.beginResetModel()
        self._shown = True
        self._filter = flt
        self._rows = list(page.rows)
        self._total = page.total
        self._exhausted = len(page.rows) < flt.limit
        self.endResetModel()

    def insert_first(self, row: RecommendationRow) -> None:
        """A line just saved, shown at the top (newest first) without reading the list again."""
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, row)
        if self._total >= 0:
            self._total += 1
        self.endInsertRows()

    def set_total(self, total: int) -> None:
        """The count, when it arrives after the page."""
        self._total = total

    def reload(self) -> None:
        """Read again, as many rows as are shown now (after a change)."""
        flt = replace(self._filter, offset=0, limit=max(self._filter.limit, len(self._rows)))
        self.show_page(replace(flt, limit=self._filter.limit), self._loader(flt))

    @property
    def total(self) -> int:
        return self._total

    @property
    def current_filter(self) -> RecommendationFilter:
        return self._filter

    def row_at(self, row: int) -> RecommendationRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, rec_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == rec_id), -1)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return False
        return self._total < 0 or len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self._loader(replace(self._filter, offset=len(self._rows)))
        self._exhausted = len(page.rows) < self._filter.limit
        if not page.rows:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self.endInsertRows()

    # -- Qt model ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[self.columns[section]])
        return None

    def _text(self, r: RecommendationRow, column: str) -> str:
        if column == "forum":
            return f"{r.held_on.strftime('%d-%m-%Y')} {r.forum_title}"
        if column == "forum_date":
            return r.held_on.strftime("%d-%m-%Y")
        if column == "text":
            return r.text
        if column == "scope":
            return self.tr(SCOPE_SHORT[Scope(r.scope)])
        if column == "status":
            return label(r.status) + (" ⚠" if r.overdue else "")
        if column == "votes":
            return number(r.votes)
        if column == "raised_by":
            return r.raised_by
        return label(r.category) if r.category else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "text":
            return r.text
        if role == Qt.ItemDataRole.ToolTipRole and column in ("forum", "forum_date"):
            return f"{r.held_on.strftime('%d-%m-%Y')} {r.forum_title}"
        if role == Qt.ItemDataRole.ToolTipRole and column == "scope":
            return label(r.scope)
        if role == Qt.ItemDataRole.BackgroundRole:
            if r.overdue:
                return OVERDUE
            if column == "scope" and r.scope == Scope.POLICY:
                return POLICY
        if role == Qt.ItemDataRole.ForegroundRole and r.status in (RecStatus.MERGED, RecStatus.REJECTED):
            return SETTLED
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "votes":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column]
        if key not in SORTABLE:
            key = "created"
        flt = replace(self._filter, sort=key, descending=order == Qt.SortOrder.DescendingOrder, offset=0)
        if not self._shown:  # e.g. when the view turns sorting on: the screen's first load follows
            self._filter = flt
            return
        self.show_page(flt, self._loader(flt))
