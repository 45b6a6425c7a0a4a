"""The printable documents of a forum, by the name the CLI uses, with their titles (translated
where shown). Kept apart from the preview dialog so that listing them loads no PDF machinery."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# In the order of a forum's life (desktop.documents.builders.BUILDERS has the same keys).
TITLES = {
    "invitations": str(QT_TRANSLATE_NOOP("Documents", "Invitation letters (surat undangan)")),
    "attendance-sheet": str(QT_TRANSLATE_NOOP("Documents", "Attendance sheet (daftar hadir)")),
    "minutes": str(QT_TRANSLATE_NOOP("Documents", "Minutes (berita acara)")),
    "notes": str(QT_TRANSLATE_NOOP("Documents", "Notes (notulen)")),
    "implementation-report": str(QT_TRANSLATE_NOOP("Documents", "Implementation report (laporan pelaksanaan)")),
    "followup-report": str(QT_TRANSLATE_NOOP("Documents", "Follow-up report")),
    "escalation-letter": str(QT_TRANSLATE_NOOP("Documents", "Escalation cover letter")),
}
# The survey period's documents and the office's register (not a forum's).
OTHER_TITLES = {
    "survey-report": str(QT_TRANSLATE_NOOP("Documents", "Survey report (SKM)")),
    "survey-actions-report": str(QT_TRANSLATE_NOOP("Documents", "Realisation of the survey's follow-up plan (RTL)")),
    "register": str(QT_TRANSLATE_NOOP("Documents", "Register of consultation inputs")),
    "photos": str(QT_TRANSLATE_NOOP("Documents", "Photos of the forum (dokumentasi)")),
}
