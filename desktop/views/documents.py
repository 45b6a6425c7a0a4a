"""The printable documents of a forum, by the name the CLI uses, with their titles (translated
where shown). Kept apart from the preview dialog so that listing them loads no PDF machinery."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

TITLES = {
    "minutes": str(QT_TRANSLATE_NOOP("Documents", "Minutes (berita acara)")),
    "attendance-sheet": str(QT_TRANSLATE_NOOP("Documents", "Attendance sheet (daftar hadir)")),
    "followup-report": str(QT_TRANSLATE_NOOP("Documents", "Follow-up report")),
    "escalation-letter": str(QT_TRANSLATE_NOOP("Documents", "Escalation cover letter")),
}
