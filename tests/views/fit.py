"""What "fits" means on a screen, checked widget by widget: no text of a button, label, tab,
group, combo box, header or placeholder is cut off (its `horizontalAdvance` in the widget's font
against the room the widget gives it; a field's label also by the pixels drawn), no widget
reaches outside the window or its parent, no list needs a sideways scroll bar, and the column of
a table meant to take the room gets it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QScrollBar,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QTabBar,
    QTableView,
    QToolButton,
    QWidget,
)

MIN_STRETCHED_COLUMN = 220  # px: the column that takes the room (a text) shows a readable line
# Widgets built inside Qt's composite widgets are Qt's to lay out.
COMPOSITES = (QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QTabBar, QScrollBar, QHeaderView)


def shown_text(text: str) -> str:
    """A button's text as drawn: the mnemonic's `&` is not drawn, `&&` is one `&`."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def widest_line(metrics: QFontMetrics, text: str) -> int:
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _button_room(button: QPushButton) -> int:
    option = QStyleOptionButton()
    button.initStyleOption(option)
    contents = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
    room = contents.width()
    if not button.icon().isNull():
        room -= button.iconSize().width() + 4
    if button.menu() is not None:
        room -= button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, button)
    return room


def _cut_button(button: QAbstractButton) -> str | None:
    text = shown_text(button.text())
    if not text:
        return None
    if isinstance(button, QPushButton):
        needed, room = widest_line(button.fontMetrics(), text), _button_room(button)
    elif isinstance(button, QToolButton | QCheckBox | QRadioButton):
        needed, room = button.sizeHint().width(), button.width()
    else:
        return None
    return f"{type(button).__name__} {text!r} needs {needed} px, has {room}" if needed > room else None


def _cut_label(label: QLabel) -> str | None:
    if not label.text() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height():
            return f"QLabel {label.text()[:60]!r} needs {needed} px of height, has {label.height()}"
        return None
    hint = label.minimumSizeHint()
    if hint.width() > label.width():
        return f"QLabel {label.text()[:60]!r} needs {hint.width()} px, has {label.width()}"
    if hint.height() > label.height():
        return f"QLabel {label.text()[:60]!r} needs {hint.height()} px of height, has {label.height()}"
    return None


INK = 80  # how far a pixel's colour is from the background for it to be ink (sum of R, G, B)


def _ink_right(label: QLabel) -> int:
    """The rightmost pixel column with ink of the label as drawn now (-1: none)."""
    image = label.grab().toImage()
    background = image.pixelColor(0, 0)
    for x in range(image.width() - 1, -1, -1):
        for y in range(image.height()):
            colour = image.pixelColor(x, y)
            distance = (
                abs(colour.red() - background.red())
                + abs(colour.green() - background.green())
                + abs(colour.blue() - background.blue())
            )
            if distance > INK:
                return x
    return -1


def _cut_ink(label: QLabel) -> str | None:
    """A field's label whose last glyph loses its edge: Qt sizes a label to its text's advance,
    and the anti-aliased edge of an "n" or a "t" may lie past it ("Telepor"). Measured on what
    is drawn: the label as it is against the same label with room to spare."""
    if label.buddy() is None or label.wordWrap() or not label.text():
        return None
    size = label.size()
    drawn = _ink_right(label)
    label.resize(size.width() + 20, size.height())
    whole = _ink_right(label)
    label.resize(size)
    return f"QLabel {shown_text(label.text())!r} loses the edge of its last letter" if whole > drawn else None


def _cut_line(line: QLineEdit) -> str | None:
    """An empty line's placeholder (what to type) is read whole."""
    placeholder = line.placeholderText()
    if line.text() or not placeholder or not line.isEnabled():
        return None
    option = QStyleOptionFrame()
    line.initStyleOption(option)
    room = line.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, line).width() - 4
    margins = line.textMargins()
    room -= margins.left() + margins.right()
    needed = line.fontMetrics().horizontalAdvance(placeholder)
    return f"QLineEdit placeholder {placeholder!r} needs {needed} px, has {room}" if needed > room else None


def _cut_combo(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    needed = combo.fontMetrics().horizontalAdvance(text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        needed += combo.iconSize().width() + 4
    return f"QComboBox {text!r} needs {needed} px, has {field.width()}" if needed > field.width() else None


def _cut_tabs(bar: QTabBar) -> list[str]:
    found = []
    for index in range(bar.count()):
        if bar.isTabVisible(index) and bar.tabSizeHint(index).width() > bar.tabRect(index).width():
            found.append(f"tab {bar.tabText(index)!r} is cut")
    if bar.tabRect(bar.count() - 1).right() > bar.width():
        found.append("the tabs need scroll buttons")
    return found


def _cut_header(header: QHeaderView) -> list[str]:
    if header.orientation().name != "Horizontal" or not header.isVisible():
        return []
    found = []
    model = header.model()
    bold = header.font()
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, header.orientation()) or "")
        needed = metrics.horizontalAdvance(text) + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            needed += header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + margin
        if text and needed > header.sectionSize(section):
            found.append(f"column {text!r} needs {needed} px, has {header.sectionSize(section)}")
        stretched = header.sectionResizeMode(section) == QHeaderView.ResizeMode.Stretch
        if stretched and header.sectionSize(section) < MIN_STRETCHED_COLUMN:
            found.append(f"column {text!r} gets {header.sectionSize(section)} px (at least {MIN_STRETCHED_COLUMN})")
    return found


CELLS_CHECKED = 60  # rows of a list looked at (those in sight are what a user reads)


def _cut_cells(view: QTableView) -> list[str]:
    """A cell whose text does not fit its column (elided "Diren…", or wrapped beyond the row's
    height); the stretched column, where long text is cut on purpose (whole in the pane or the
    tooltip), is not counted."""
    model, header = view.model(), view.horizontalHeader()
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1  # as an item is drawn
    found = []
    for column in range(model.columnCount()):
        if header.isSectionHidden(column) or header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            continue
        for row in range(min(model.rowCount(), CELLS_CHECKED)):
            index = model.index(row, column)
            text = index.data()
            if not isinstance(text, str) or not text or view.isRowHidden(row):
                continue
            font = index.data(Qt.ItemDataRole.FontRole)
            metrics = QFontMetrics(font if isinstance(font, QFont) else view.font())
            room = view.visualRect(index).adjusted(margin, 0, -margin, 0)
            if view.wordWrap():
                flags = int(Qt.TextFlag.TextWordWrap)
                needed = metrics.boundingRect(QRect(0, 0, room.width(), 100_000), flags, text)
                cut = needed.width() > room.width() or needed.height() > room.height()
            else:
                cut = metrics.horizontalAdvance(text) > room.width()
            if cut:
                name = model.headerData(column, Qt.Orientation.Horizontal)
                found.append(f"column {name!r}: {text!r} is cut ({room.width()} px wide)")
                break
    return found


def _inside_scrolled_content(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport():
            return True
        parent = grand
    return False


def _inside_composite(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, COMPOSITES):
            return True
        parent = parent.parentWidget()
    return False


def _outside(widget: QWidget, root: QWidget) -> str | None:
    """A widget that reaches beyond its parent or the window is cut off where it does."""
    parent = widget.parentWidget()
    if parent is None or widget.isWindow():
        return None
    area = parent.parentWidget()
    scrolled = isinstance(area, QAbstractScrollArea) and parent is area.viewport()
    if not scrolled and not parent.rect().contains(widget.geometry()):
        return f"reaches outside its {type(parent).__name__} ({widget.geometry()} in {parent.rect()})"
    if not _inside_scrolled_content(widget, root):
        corner = widget.mapTo(root, QPoint(0, 0))
        if not root.rect().contains(QRect(corner, widget.size())):
            return f"reaches outside the window ({QRect(corner, widget.size())} in {root.rect()})"
    return None


def describe(widget: QWidget) -> str:
    names = []
    at: QWidget | None = widget
    while at is not None and not at.isWindow():
        names.append(at.objectName() or type(at).__name__)
        at = at.parentWidget()
    return "/".join(reversed(names[:3]))


def problems(root: QWidget) -> list[str]:
    """Everything cut off or outside in `root` (a window or a dialog), as it is on screen now."""
    found: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.objectName().startswith("qt_"):
            continue
        if widget.isWindow() or _inside_composite(widget, root):
            continue
        where = describe(widget)
        outside = _outside(widget, root)
        if outside:
            found.append(f"{where}: {outside}")
        if isinstance(widget, QAbstractButton):
            cut = _cut_button(widget)
        elif isinstance(widget, QLabel):
            cut = _cut_label(widget) or _cut_ink(widget)
        elif isinstance(widget, QLineEdit):
            cut = _cut_line(widget)
        elif isinstance(widget, QComboBox):
            cut = _cut_combo(widget)
        elif isinstance(widget, QGroupBox) and widget.title():
            needed = widget.fontMetrics().horizontalAdvance(shown_text(widget.title())) + 16
            cut = f"group {widget.title()!r} is cut" if needed > widget.width() else None
        else:
            cut = None
        if cut:
            found.append(f"{where}: {cut}")
        if isinstance(widget, QTabBar):
            found += [f"{where}: {p}" for p in _cut_tabs(widget)]
        if isinstance(widget, QTableView):
            found += [f"{where}: {p}" for p in _cut_header(widget.horizontalHeader())]
            found += [f"{where}: {p}" for p in _cut_cells(widget)]
        if isinstance(widget, QAbstractItemView | QScrollArea) and widget.horizontalScrollBar().maximum() > 0:
            found.append(f"{where}: needs a sideways scroll bar")
    return found
