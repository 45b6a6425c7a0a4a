"""Printed documents (reportlab). Builders take plain data from desktop.services.report_data and
return PDF bytes; nothing here imports Qt or opens a session."""

from __future__ import annotations

from collections.abc import Callable

from desktop.reports.attendance import build_attendance_sheet
from desktop.reports.escalation_letter import build_escalation_letter
from desktop.reports.followup import build_followup_report
from desktop.reports.layout import PAPERS
from desktop.reports.minutes import build_minutes
from desktop.services.report_data import ForumReport

# Document name (as the CLI spells it) → builder(report, paper=...) → PDF bytes.
DOCUMENTS: dict[str, Callable[..., bytes]] = {
    "minutes": build_minutes,
    "attendance-sheet": build_attendance_sheet,
    "followup-report": build_followup_report,
    "escalation-letter": build_escalation_letter,
}

__all__ = ["DOCUMENTS", "PAPERS", "ForumReport"]
