"""The mouse wheel over a form scrolls the page; it changes a field only when that field has
the focus (issue #11: a wheel over Settings changed the language and a deadline, and saved them).
The wheel events go through the window system, as a real mouse's do."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.services.units import home_unit
from desktop.views import main_window as mw
from desktop.views.main_window import MainWindow
from desktop.views.wheel import GUARDED, is_guarded
from tests.views.screens import dialogs, screens

NOTCH = QPoint(0, -120)  # one notch of the wheel, towards the user (scrolls down)


def wheel_over(qtbot: QtBot, widget: QWidget, notches: int = 3) -> None:
    window = widget.window().windowHandle()
    assert window is not None
    where = widget.mapTo(widget.window(), widget.rect().center())
    for _ in range(notches):
        QTest.wheelEvent(window, where, NOTCH)
        qtbot.wait(20)  # let the page move before the next notch, as a hand's does


def test_the_wheel_scrolls_settings_and_changes_a_field_only_with_the_focus(
    qtbot: QtBot, demo_ws: Workspace, window: MainWindow
) -> None:
    window.nav.setCurrentRow(mw.SETTINGS)
    page = window.settings
    scroll = page.findChild(QScrollArea)
    assert scroll is not None and scroll.verticalScrollBar().maximum() > 0
    language, days = page.language, page.deadlines["escalation_working_days"]
    scroll.ensureWidgetVisible(language)
    qtbot.waitUntil(lambda: language.visibleRegion().boundingRect().height() == language.height())

    def stored() -> tuple[object, ...]:  # the language (this laptop's) and the office's deadline
        unit = demo_ws.read(home_unit, demo_ws.ctx.home_unit_id)
        assert unit is not None
        return Settings.load(demo_ws.data_dir).language, unit.escalation_working_days

    before = (language.currentText(), days.value(), stored())
    top = scroll.verticalScrollBar().value()

    wheel_over(qtbot, language)  # the pointer rests on the language while the hand scrolls
    assert scroll.verticalScrollBar().value() > top  # the page moved
    assert not language.hasFocus()
    scroll.ensureWidgetVisible(days)
    qtbot.waitUntil(lambda: days.visibleRegion().boundingRect().height() == days.height())
    wheel_over(qtbot, days)
    assert (language.currentText(), days.value(), stored()) == before

    scroll.ensureWidgetVisible(days)  # the page moved under the pointer: a longer page takes it out of sight
    qtbot.waitUntil(lambda: days.visibleRegion().boundingRect().height() == days.height())
    qtbot.mouseClick(days, Qt.MouseButton.LeftButton)  # chosen on purpose: now the wheel is its
    assert days.hasFocus()
    wheel_over(qtbot, days, notches=2)
    assert days.value() == before[1] - 2


def test_every_combo_box_number_and_date_of_every_screen_is_guarded(
    qtbot: QtBot, demo_ws: Workspace, reopened_demo: str, window: MainWindow
) -> None:
    """Every page, every tab of an open forum, every dialog: none of their fields is left to
    take the wheel from the page."""
    unguarded: list[str] = []

    def look(name: str, root: QWidget) -> None:
        for kind in GUARDED:
            unguarded.extend(
                f"{name}: {type(field).__name__} {field.objectName() or field.toolTip()}"
                for field in root.findChildren(kind)
                if not is_guarded(field)
            )

    for name, top in screens(qtbot, window, reopened_demo):
        look(name, top)
    for name, dialog in dialogs(qtbot, demo_ws, reopened_demo, window):
        look(name, dialog)
    assert not unguarded, "\n".join(unguarded)
