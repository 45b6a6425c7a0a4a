"""No English in the Indonesian app (issue #11: the triage questions, "0 done; 4 refused", the
history's "recommendation create — text: …; scope: policy", ISO times). The app in Indonesian
is walked over every screen, dialog and question (tests/views/walk.py), with data on every list
and a recommendation chosen, and every text a user can read there — window titles, labels,
buttons, tabs, group titles, placeholders, tooltips, list entries, column headers and cells, the
history — is checked for common English words of an interface and for any message of the two
catalogs shown in its English source."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.views.fit import shown_text
from tests.views.walk import walk_everything

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from update_catalog import PO, TS, qt_messages, read_catalog  # noqa: E402

# Words of an English interface that Indonesian never uses (names and data aside).
ENGLISH = {
    "the", "and", "of", "to", "is", "not", "with", "for", "yes", "cancel", "save", "open", "close",
    "delete", "edit", "add", "remove", "select", "search", "settings", "recommendation",
    "recommendations", "scope", "vote", "votes", "policy", "accepted", "rejected", "done", "create",
    "update", "proposed", "escalate", "escalated", "follow-up", "answer", "note", "date", "time",
    "name", "organisation", "organization", "sign", "import", "export", "undo", "redo", "page",
    "file", "error", "warning", "change", "changes", "waiting", "overdue", "history",
    "today", "due", "sent", "received", "print", "preview", "paper", "item", "items", "new", "all",
    "any", "none", "unknown", "please", "choose", "details", "attendance", "survey", "triage",
    "parent", "only", "offline", "clock", "behind", "ahead", "needs", "attention",
    "merge", "merged", "duplicate", "evidence", "progress", "assign", "owner", "who", "what",
    "why", "when", "day", "days", "minutes", "present", "women", "men", "vulnerable", "element",
    "elements", "public", "raised", "by", "it", "this", "that", "are", "was", "has", "have",
    "will", "can", "cannot", "could", "must", "may", "from", "into", "there", "than", "yet",
}
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def english_messages() -> list[re.Pattern[str]]:
    """Every message of the catalogs whose Indonesian differs, as a pattern of its English
    source ({placeholders} match anything), matched against whole texts."""
    indonesian: dict[str, set[str]] = {}
    for message in read_catalog(PO):
        if message.id and isinstance(message.id, str):
            indonesian.setdefault(message.id, set()).add(str(message.string))
    for _context, source, text in qt_messages(TS):
        indonesian.setdefault(source, set()).add(text or source)
    patterns = []
    for source, texts in indonesian.items():
        shown = shown_text(source)
        if not shown.strip() or {shown_text(t) for t in texts} == {shown} or len(WORD.findall(shown)) < 2:
            continue  # the same in both languages, or one word (the word list covers those)
        parts = PLACEHOLDER.split(shown)
        patterns.append(re.compile(".+?".join(re.escape(p) for p in parts), re.DOTALL))
    return patterns


def plain(text: str) -> str:
    return QTextDocumentFragment.fromHtml(text).toPlainText() if "<" in text else text


def texts_of(top: QWidget) -> list[str]:
    """Everything a user can read in `top` now."""
    found = [top.windowTitle()]
    for widget in [top, *top.findChildren(QWidget)]:
        if widget is not top and not widget.isVisibleTo(top):
            continue
        found.append(widget.toolTip())
        if isinstance(widget, QLabel):
            found.append(plain(widget.text()))
        elif isinstance(widget, QAbstractButton):
            found.append(shown_text(widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append(shown_text(widget.title()))
        elif isinstance(widget, QTabBar):
            found += [shown_text(widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            found.append(widget.placeholderText())
        elif isinstance(widget, QPlainTextEdit):
            found += [widget.placeholderText(), *widget.toPlainText().splitlines()]
        elif isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for column in range(_columns(model)):
                found.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
                for row in range(min(model.rowCount(QModelIndex()), 40)):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        found.append(str(model.index(row, column).data(role) or ""))
    return [text for text in found if text and text.strip() and not Path(text).is_absolute()]  # a path is data


def _columns(model: QAbstractItemModel) -> int:
    try:
        return model.columnCount(QModelIndex())
    except TypeError:  # a list's private model: one column
        return 1


def english_in(text: str, messages: list[re.Pattern[str]]) -> str | None:
    words = sorted({w for w in WORD.findall(text) if w.lower() in ENGLISH})
    if words:
        return f"English word(s) {words}"
    for lines in (text, *text.splitlines()):
        if any(pattern.fullmatch(lines.strip()) for pattern in messages):
            return "an English message"
    return None


def test_the_indonesian_app_shows_no_english(qtbot: QtBot, tmp_path: Path) -> None:
    messages = english_messages()
    assert len(messages) > 300
    found: dict[str, str] = {}

    def visit(name: str, top: QWidget) -> None:
        for text in texts_of(top):
            problem = english_in(text, messages)
            if problem and text not in found:
                found[text] = f"{name}: {problem} in {text[:160]!r}"

    walk_everything(qtbot, tmp_path, visit, (1366, 697), "id")
    assert not found, f"{len(found)} text(s) in English:\n" + "\n".join(found.values())


def test_the_check_finds_english() -> None:
    """The check itself: the texts this issue found are caught, Indonesian passes."""
    messages = english_messages()
    for text in (
        "0 done; 4 refused:",
        "30-11-2026 19:20 · root · recommendation create — text: Sediakan; scope: policy",
        "Why is it rejected? (the follow-up and implementation reports show this)",
        "12 recommendation(s)",
    ):
        assert english_in(text, messages), text
    for text in ("Rabu, 21-08-2024 10.15 — Martina Rumbiak menerima rekomendasi", "100.000 rekomendasi"):
        assert english_in(text, messages) is None, text
