"""A count badge on a navigation entry (a red pill with a number at the entry's right end), for
places that hold something waiting for the user: "Perlu perhatian", escalations that arrived,
answers that came back."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QListWidgetItem, QStyledItemDelegate, QStyleOptionViewItem

BADGE_ROLE = Qt.ItemDataRole.UserRole + 1  # the count an entry shows (0: no badge)
COLOUR_ROLE = Qt.ItemDataRole.UserRole + 2  # the pill's colour (red when not given)
BADGE_COLOUR = QColor("#b00020")  # something to put right ("Perlu perhatian")


def set_badge(item: QListWidgetItem, count: int, spoken: str, colour: QColor = BADGE_COLOUR) -> None:
    """Show `count` on the entry; `spoken` says it in words (tooltip, screen readers); `colour`:
    red for what needs putting right, the office blue for news."""
    item.setData(BADGE_ROLE, count)
    item.setData(COLOUR_ROLE, colour)
    item.setToolTip(spoken if count else "")
    item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{item.text()}, {spoken}" if count else item.text())


def badge_of(item: QListWidgetItem) -> int:
    value = item.data(BADGE_ROLE)
    return int(value) if isinstance(value, int) else 0


class BadgeDelegate(QStyledItemDelegate):
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)
        count = index.data(BADGE_ROLE)
        if not isinstance(count, int) or count <= 0:
            return
        text = str(count) if count < 100 else "99+"
        rect: QRect = option.rect
        metrics = option.fontMetrics
        height = metrics.height() + 4
        width = max(height, metrics.horizontalAdvance(text) + 12)
        pill = QRect(rect.right() - width - 6, rect.center().y() - height // 2, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        colour = index.data(COLOUR_ROLE)
        painter.setBrush(colour if isinstance(colour, QColor) else BADGE_COLOUR)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(QColor("white"))
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
