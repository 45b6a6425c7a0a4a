"""How Mufakat looks, in one place.

- The UI font is bundled: DejaVu Sans, the font the printed documents embed (desktop/reports/
  fonts). Text measures the same on every laptop, so a screen that fits here fits on Windows
  (whose Segoe UI is narrower) and on any Linux.
- Qt's Fusion style on every platform, for the same reason (native styles pad buttons differently),
  with room after the text of a field's label for its last glyph: Qt sizes a label to its text's
  advance, and the anti-aliased edge of an "n" or a "t" reaches a pixel past it, cut off when
  the label is as wide as its text (a form's labels: "Telepor" for "Telepon").
- One application style sheet: headings, the primary action of each screen (filled, in the
  office blue), empty states, the navigation.
- The icons of the navigation and the main actions come from a well-kept icon set: Material
  Design Icons through qtawesome (MIT; the icon font is under the Apache licence 2.0)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QProxyStyle, QPushButton

FONT_DIR = Path(__file__).resolve().parent.parent / "reports" / "fonts"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")
UI_FONT = "DejaVu Sans"
UI_POINT_SIZE = 9

ACCENT = "#1f5596"  # the office blue: primary actions, the current place, badges of news
ACCENT_DARK = "#17406f"
MUTED = "#5f6b7a"  # secondary text, icons at rest
SIDEBAR = "#f4f6f9"

# A field that cannot be changed now (desktop.views.common.set_read_only) is drawn on the page.
READ_ONLY = """
QLineEdit[readOnly="true"], QAbstractSpinBox[readOnly="true"], QPlainTextEdit[readOnly="true"],
QAbstractItemView[readOnly="true"] {
    background: transparent; border: none;
}
"""
STYLE = READ_ONLY + f"""
QPushButton[primary="true"] {{
    background: {ACCENT}; color: white; font-weight: bold;
    border: 1px solid {ACCENT_DARK}; border-radius: 3px; padding: 4px 12px;
}}
QPushButton[primary="true"]:hover {{ background: #2566b0; }}
QPushButton[primary="true"]:pressed {{ background: {ACCENT_DARK}; }}
QPushButton[primary="true"]:disabled {{ background: #b8c3d1; border-color: #a8b4c4; color: #eef1f5; }}
QLabel[heading="true"] {{ font-size: 15pt; font-weight: bold; color: #1d2733; }}
QWidget#empty-state {{ background: white; border: 1px dashed #c5ccd6; border-radius: 6px; }}
QLabel#empty-title {{ font-size: 12pt; font-weight: bold; color: #1d2733; }}
QLabel#empty-text {{ color: {MUTED}; }}
QWidget#sidebar {{ background: {SIDEBAR}; }}
QListWidget#navigation {{
    background: {SIDEBAR}; border: none; font-size: 11pt; outline: 0;
}}
QListWidget#navigation::item {{ padding: 7px 6px; border-radius: 4px; color: #1d2733; }}
QListWidget#navigation::item:selected {{ background: {ACCENT}; color: white; }}
QListWidget#navigation::item:hover:!selected {{ background: #e3e8ef; }}
QLabel#office-name {{ font-size: 11pt; font-weight: bold; color: #1d2733; }}
QLabel#office-full-name {{ color: {MUTED}; font-size: 8pt; }}
QLabel#signed-in-name {{ font-weight: bold; color: #1d2733; }}
QLabel#signed-in-jabatan {{ color: {MUTED}; font-size: 8pt; }}
"""

# What each icon shows, by the job it does (Material Design Icons 6, through qtawesome).
ICONS = {
    # the navigation
    "forums": "mdi6.forum-outline",
    "triage": "mdi6.clipboard-check-outline",
    "escalations": "mdi6.inbox-arrow-down-outline",
    "follow-up": "mdi6.progress-check",
    "survey": "mdi6.chart-bar",
    "attention": "mdi6.alert-circle-outline",
    "settings": "mdi6.cog-outline",
    # actions
    "new": "mdi6.plus",
    "open": "mdi6.folder-open-outline",
    "documents": "mdi6.file-document-outline",
    "excel": "mdi6.file-excel-outline",
    "projector": "mdi6.projector-screen-outline",
    "back": "mdi6.arrow-left",
    "sign-in": "mdi6.account-check-outline",
    "cancel-sign-in": "mdi6.account-cancel-outline",
    "import": "mdi6.file-import-outline",
    "edit": "mdi6.pencil-outline",
    "delete": "mdi6.delete-outline",
    "undo": "mdi6.undo",
    "redo": "mdi6.redo",
    "save": "mdi6.content-save-outline",
    "accept": "mdi6.check",
    "reject": "mdi6.close",
    "start": "mdi6.play-outline",
    "complete": "mdi6.check-all",
    "escalate": "mdi6.arrow-up-bold-outline",
    "answer": "mdi6.reply-outline",
    "forward": "mdi6.share-outline",
    "received": "mdi6.email-open-outline",
    "scope": "mdi6.swap-horizontal",
    "sync": "mdi6.sync",
    "print": "mdi6.printer-outline",
    "pdf": "mdi6.file-pdf-box",
    "start-forum": "mdi6.play-circle-outline",
    "close-forum": "mdi6.lock-outline",
    "reopen-forum": "mdi6.lock-open-variant-outline",
    "make-current": "mdi6.play",
    "vote-up": "mdi6.thumb-up-outline",
    "vote-down": "mdi6.thumb-down-outline",
    "merge": "mdi6.call-merge",
    "sample": "mdi6.school-outline",
    "assign": "mdi6.account-arrow-right-outline",
    "folder": "mdi6.folder-outline",
    "logo": "mdi6.image-outline",
    "attach": "mdi6.paperclip",
    "file": "mdi6.file-outline",
    "file-waiting": "mdi6.file-clock-outline",  # not received yet, on another laptop
    "file-fetch": "mdi6.file-download-outline",  # on the server: fetched when opened
    "file-lost": "mdi6.file-remove-outline",  # removed from the data folder before it was sent
    "enroll": "mdi6.server-network",
    # empty states
    "no-forums": "mdi6.forum-outline",
    "no-recommendations": "mdi6.clipboard-text-search-outline",
    "no-people": "mdi6.account-group-outline",
    "no-agenda": "mdi6.format-list-numbered",
    "no-escalations": "mdi6.inbox-outline",
    "no-follow-up": "mdi6.clipboard-list-outline",
    "no-survey": "mdi6.chart-bar",
    "office": "mdi6.office-building-outline",
    # who works on the laptop
    "log-in": "mdi6.login",
    "log-out": "mdi6.logout",
    "lock": "mdi6.lock-clock",
    "users": "mdi6.account-multiple-outline",
}


INK_ROOM = 2  # px after a label's text, for the last glyph's edge (a pixel at 100 %, more at 125 %)


class LookStyle(QProxyStyle):
    """Fusion, with room for the last glyph of every field's label (a QObject, not a screen).
    A field's label (one with a buddy: a form's, or one with a mnemonic) keeps its text for the
    window's life (a language switch builds a new window), so it is widened once, when shown."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def polish(self, target: Any) -> Any:  # QStyle.polish takes a widget, the application or a palette
        result = super().polish(target)
        if isinstance(target, QLabel) and target.buddy() is not None and not target.wordWrap():
            target.setMinimumWidth(target.sizeHint().width() + INK_ROOM)
        return result


def apply_look(app: QApplication) -> None:
    """The font, the style and the style sheet of the whole application (once, at start)."""
    if app.property("mufakat-look"):
        return
    app.setProperty("mufakat-look", True)
    app.setStyle(LookStyle())
    for name in FONT_FILES:
        QFontDatabase.addApplicationFont(str(FONT_DIR / name))
    font = QFont(UI_FONT, UI_POINT_SIZE)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    app.setFont(font)
    app.setStyleSheet(STYLE)


@cache
def icon(name: str, color: str = MUTED, active: str | None = None) -> QIcon:
    """The icon for `name` (a key of ICONS), drawn in `color` (`active`: when selected)."""
    os.environ.setdefault("QT_API", "pyside6")  # qtawesome's Qt layer must use our binding
    import qtawesome  # loads its fonts on first use, not at import of the views

    options: dict[str, str] = {"color": color, "color_disabled": "#b4bcc8"}
    if active is not None:
        options["color_active"] = active
        options["color_selected"] = active
    return qtawesome.icon(ICONS[name], **options)  # type: ignore[no-any-return]


def with_icon(button: QAbstractButton, name: str, color: str = MUTED) -> QAbstractButton:
    button.setIcon(icon(name, color))
    return button


def primary(button: QPushButton, name: str | None = None, on: bool = True) -> QPushButton:
    """The screen's main action: filled in the office blue (with its icon in white); `on=False`
    makes it an ordinary button again (the main action moved to another one)."""
    if bool(button.property("primary")) == on and (name is None or button.property("primary-icon") == name):
        return button
    button.setProperty("primary", on)
    button.setProperty("primary-icon", name)
    if name is not None:
        button.setIcon(icon(name, "white" if on else MUTED))
    button.style().unpolish(button)
    button.style().polish(button)
    return button


def page_title(text: str) -> QLabel:
    """A page's title, as every page shows it."""
    title = QLabel(text)
    title.setProperty("heading", True)
    return title
