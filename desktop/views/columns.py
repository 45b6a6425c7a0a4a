"""Column widths from what a column shows: its header and the longest of a few typical values
(a date, a status), measured in the table's own font, so that nothing in them is cut off in
any language; one column (the text people read) takes the rest of the width. Measuring typical
values instead of every row keeps a list of 100,000 rows as fast as fixed widths."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

CELL_PADDING = 14  # px either side of a cell's text, as Fusion draws an item


def header_width(view: QTableView, column: int) -> int:
    """What the column's header needs (bold text, margins, the sort mark of a sortable list)."""
    header = view.horizontalHeader()
    text = str(view.model().headerData(column, Qt.Orientation.Horizontal) or "")
    bold = header.font()
    bold.setBold(True)
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    needed = QFontMetrics(bold).horizontalAdvance(text) + 2 * margin
    if view.isSortingEnabled():
        needed += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + margin
    return needed + 2


def size_columns(view: QTableView, samples: Mapping[int, Iterable[str]], stretch: int) -> None:
    """Each column of `samples` as wide as its header or its widest sample; `stretch` takes the
    room left."""
    header = view.horizontalHeader()
    metrics = view.fontMetrics()
    for column, texts in samples.items():
        widest = max((metrics.horizontalAdvance(text) for text in texts), default=0) + CELL_PADDING
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, max(widest, header_width(view, column)))
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
