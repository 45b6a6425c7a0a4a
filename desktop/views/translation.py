"""Qt's translation system for the widgets.

Widget strings are English in the code (`self.tr(...)`); `desktop/locale/mufakat_<lang>.ts`
holds the other languages and is compiled to `.qm` when the project is installed (`make`), or
here when the compiled file is missing or older than its source (a fresh source checkout).
Messages from below the views (services, vocabulary labels) come from `desktop.core.i18n`, which
switches together with this.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QTranslator

from desktop.core import i18n

log = logging.getLogger("mufakat.translation")
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

# Texts Qt itself shows on standard buttons; translated in our catalog because Qt ships no
# Indonesian one.
STANDARD_BUTTONS = (
    str(QT_TRANSLATE_NOOP("QPlatformTheme", "OK")),
    str(QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel")),
    str(QT_TRANSLATE_NOOP("QPlatformTheme", "Save")),
    str(QT_TRANSLATE_NOOP("QPlatformTheme", "Discard")),
    str(QT_TRANSLATE_NOOP("QPlatformTheme", "Close")),
    str(QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes")),
    str(QT_TRANSLATE_NOOP("QPlatformTheme", "&No")),
    str(QT_TRANSLATE_NOOP("QPlatformTheme", "Apply")),
    str(QT_TRANSLATE_NOOP("QPlatformTheme", "Open")),
)

# Texts of Qt's own file dialog (the non-native one Linux desktops without a portal get, and the
# tests): its labels, buttons, tooltips, menus and columns, and the names its model gives files
# and folders. Qt ships no Indonesian catalog (no qtbase_id.qm), so ours supplies them; the
# contexts and sources are Qt's own (see qtbase_de.qm). Its shortcuts ("Alt+Left") stay as Qt
# has them.
FILE_DIALOG = (
    str(QT_TRANSLATE_NOOP("QFileDialog", "Look in:")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "&Look in:")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "File &name:")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Files of type:")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Directory:")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "&Save")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "&Open")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "&Choose")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Save As")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Open")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Find Directory")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Back")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Forward")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Parent Directory")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Create New Folder")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "List View")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Detail View")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Go back")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Go forward")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Go to the parent directory")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Create a New Folder")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Change to list view mode")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Change to detail view mode")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Sidebar")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "List of places and bookmarks")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Recent Places")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Remove")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "&Rename")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "&Delete")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Delete")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Show &hidden files")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "&New Folder")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "New Folder")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Show ")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Files")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Directories")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "All Files (*)")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "All files (*)")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "%1 already exists.\nDo you want to replace it?")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given.")),
    str(
        QT_TRANSLATE_NOOP(
            "QFileDialog", "%1\nDirectory not found.\nPlease verify the correct directory name was given."
        )
    ),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Are you sure you want to delete '%1'?")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "'%1' is write protected.\nDo you want to delete it anyway?")),
    str(QT_TRANSLATE_NOOP("QFileDialog", "Could not delete directory.")),
    str(QT_TRANSLATE_NOOP("QFileSystemModel", "Name")),
    str(QT_TRANSLATE_NOOP("QFileSystemModel", "Size")),
    str(QT_TRANSLATE_NOOP("QFileSystemModel", "Type")),
    str(QT_TRANSLATE_NOOP("QFileSystemModel", "Kind")),
    str(QT_TRANSLATE_NOOP("QFileSystemModel", "Date Modified")),
    str(QT_TRANSLATE_NOOP("QFileSystemModel", "Computer")),
    str(QT_TRANSLATE_NOOP("QFileSystemModel", "My Computer")),
    str(QT_TRANSLATE_NOOP("QFileSystemModel", "Invalid filename")),
    str(
        QT_TRANSLATE_NOOP(
            "QFileSystemModel",
            '<b>The name "%1" cannot be used.</b><p>Try using another name, with fewer characters or no punctuation marks.',  # noqa: E501
        )
    ),
    str(QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder")),
    str(QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File Folder")),
    str(QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File")),
    str(QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive")),
    str(QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut")),
    str(QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Alias")),
    str(QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown")),
)

# The locale each language of the app gives Qt's own widgets (the calendar's names of months and days).
LOCALES = {
    "id": QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def ts_file(language: str) -> Path:
    return LOCALE_DIR / f"mufakat_{language}.ts"


def compile_catalog(ts: Path, qm: Path) -> None:
    """ts → qm with the lrelease that ships inside PySide6."""
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from PySide6.scripts.pyside_tool import lrelease; lrelease()",
            "-silent",
            str(ts),
            "-qm",
            str(qm),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )


def qm_file(language: str) -> Path | None:
    """The compiled catalog for `language`, or None for English (the source language)."""
    ts = ts_file(language)
    qm = ts.with_suffix(".qm")
    if not ts.exists():  # the packaged app carries the compiled catalog only (nothing to compile with)
        return qm if qm.exists() else None
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    try:
        compile_catalog(ts, qm)
    except (OSError, subprocess.SubprocessError):  # installed read-only: compile into a cache
        qm = Path(tempfile.gettempdir()) / f"mufakat-{language}.qm"
        compile_catalog(ts, qm)
    return qm


class Translations:
    """The one translator installed in the application; `switch` changes the language of
    everything built afterwards (the app rebuilds its window after a switch)."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translator: QTranslator | None = None

    def switch(self, language: str) -> None:
        i18n.set_language(language)
        # Qt's own words follow the locale: the calendar's months and days ("Januari", "Sen").
        QLocale.setDefault(LOCALES.get(language, LOCALES["en"]))
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
        qm = qm_file(language)
        if qm is None:
            return
        translator = QTranslator(self._app)
        if not translator.load(str(qm)):
            log.error("cannot load the %s catalog %s", language, qm)
            return
        self._app.installTranslator(translator)
        self._translator = translator
