"""Printed documents (reportlab). Builders take plain data from desktop.services (report_data,
document_data, register…) and return PDF or XLSX bytes; nothing here imports Qt or opens a
session. desktop/documents/builders.py reads and builds a forum's documents by name."""

from __future__ import annotations

from desktop.reports.layout import PAPERS
from desktop.services.report_data import ForumReport

__all__ = ["PAPERS", "ForumReport"]
