"""Qt's translation system for the widgets.

Widget strings are English in the code (`self.tr(...)`); `desktop/locale/mufakat_<lang>.ts`
holds the other languages and is compiled to `.qm` when the project is installed (`make`), or
here when the compiled file is missing or older than its source (a fresh source checkout).
Messages from below the views (services, vocabulary labels) come from `desktop.i18n`, which
switches together with this.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QTranslator

from desktop import i18n

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
