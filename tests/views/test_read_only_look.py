"""A field that cannot be changed looks so (issue #11: the fields of a closed forum looked as
editable as any, and people tried to type into them): drawn on the page, without a frame,
arrows or a calendar button; reopened, the forum's fields look editable again. Judged on
the pixels drawn, as a user sees them."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.views.main_window import MainWindow
from tests.views.drive import click, click_tab, closing, with_modal
from tests.views.forum_setup import Running
from tests.views.test_closed_forum_screens import reason_typed


def colour_at(window: QWidget, point: QPoint) -> QColor:
    image = window.grab().toImage()
    ratio = image.devicePixelRatio()
    return image.pixelColor(QPoint(int(point.x() * ratio), int(point.y() * ratio)))


def background(field: QWidget) -> tuple[str, str]:
    """The colour drawn inside the field, right of its text (where nothing is written), and the
    page's just above it (the room between two rows of the form)."""
    window = field.window()
    inside = field.mapTo(window, QPoint(field.width() - 12, field.height() // 2))
    above = field.mapTo(window, QPoint(field.width() - 12, -2))
    return colour_at(window, inside).name(), colour_at(window, above).name()


def looks_editable(field: QWidget) -> bool:
    inside, page = background(field)
    return inside != page


def test_a_closed_forums_fields_look_read_only_until_it_is_reopened(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    workspace = window.open_forum(running.forum)
    assert workspace is not None
    details = workspace.details
    click_tab(qtbot, workspace.tabs, details)
    fields = [details.lines["venue"], details.lines["starts_at"], details.held_on, details.theme, details.signatories]
    assert all(looks_editable(f) for f in fields)
    with_modal(qtbot, lambda: click(qtbot, details.close_button), closing(qtbot))
    qtbot.waitUntil(lambda: details.lines["venue"].isReadOnly())
    assert not any(looks_editable(f) for f in fields), [background(f) for f in fields]
    with_modal(qtbot, lambda: click(qtbot, details.reopen_button), reason_typed(qtbot, "Nama notulis salah"))
    qtbot.waitUntil(lambda: not details.lines["venue"].isReadOnly())
    assert all(looks_editable(f) for f in fields)
