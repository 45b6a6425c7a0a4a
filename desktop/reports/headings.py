"""A heading kept with the first lines of what follows it, not with the whole of it.

reportlab keeps a heading (a paragraph whose style says keepWithNext) together with the
flowable after it; when the two do not fit in what is left of a page, it moves both to the next
page, a whole table with them, and leaves the rest of this page empty (the SKM report's first
page ended halfway down). The document's keepTogetherClass below splits what follows the
heading instead, when its first part fits under the heading here: at least MIN_ROWS rows of a
table (its header row repeating on the next page, at least MIN_ROWS rows there too), or a
paragraph's first lines (reportlab leaves no orphan line). Only when not even that fits do
heading and content move on together: a heading never ends a page.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

MIN_ROWS = 2  # a table's rows under its heading, at the least, before the page breaks


def _height(flowables: list[Flowable], width: float, canvas: Any) -> float:
    """The room `flowables` take on a page, counting every space before and after them (more
    than the frame gives them, never less)."""
    total = 0.0
    for index, flowable in enumerate(flowables):
        _width, height = flowable.wrapOn(canvas, width, 0x7FFFFFFF)
        total += height + flowable.getSpaceAfter() + (flowable.getSpaceBefore() if index else 0.0)
    return total


def _header_rows(table: Table) -> int:
    repeat = table.repeatRows
    return repeat if isinstance(repeat, int) else len(repeat)


def _split(body: Flowable, width: float, room: float, canvas: Any) -> list[Flowable]:
    """`body` split to fit `room`, a table leaving at least MIN_ROWS rows on each side (no row
    alone at the top of the next page either): [] when that cannot be."""
    parts: list[Flowable] = list(body.splitOn(canvas, width, room)) if room > 0 else []
    if len(parts) < 2:
        return []
    if not isinstance(body, Table):
        return parts if isinstance(body, Paragraph) else []
    header = _header_rows(body)
    rows = len(body._cellvalues) - header
    kept = len(parts[0]._cellvalues) - header
    if rows - kept < MIN_ROWS:  # a widow: fewer rows here, so that enough go on together
        kept = rows - MIN_ROWS
        room = sum(body._rowHeights[: header + kept]) + 0.01
        parts = list(body.splitOn(canvas, width, room)) if kept > 0 else []
        if len(parts) < 2 or len(parts[0]._cellvalues) - header != kept:
            return []
    return parts if kept >= MIN_ROWS else []


class KeepHeading(KeepTogether):
    """Headings and the flowable after them (what reportlab's keepWithNext groups): on this
    page with the first part of that flowable when it splits, on the next page otherwise."""

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        *headings, body = self._content
        frame = getattr(self, "_frame", None)
        at_top = bool(frame is not None and getattr(frame, "_atTop", 0))
        if headings and aH < self._H and not at_top and isinstance(body, Table | Paragraph):
            room = aH - _height(headings, aW, self.canv) - body.getSpaceBefore()
            parts = _split(body, aW, room, self.canv)
            if parts:
                return [*headings, *parts]
        return list(super().split(aW, aH))
