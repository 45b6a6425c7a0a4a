"""The triage board (office head): every recommendation across forums, filtered and sorted,
with a detail pane and bulk accept / reject / escalate. Overdue follow-ups and unanswered
escalations are highlighted. Queries run off the GUI thread; only the newest one is shown."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.app.background import Jobs, explain
from desktop.app.workspace import Workspace
from desktop.core.i18n import number
from desktop.core.vocab import RecCategory, RecStatus, Scope, label
from desktop.documents.file_names import file_name
from desktop.services import lifecycle
from desktop.services.queries import (
    RecommendationFilter,
    RecommendationPage,
    count_recommendations,
    list_forums,
    list_recommendations,
)
from desktop.views.columns import size_columns
from desktop.views.common import EnumCombo, ReplacedButtons, date_edit
from desktop.views.empty_state import EmptyState, ListOrEmpty
from desktop.views.look import icon, page_title
from desktop.views.rec_actions import BULK_ACTIONS, action_act, action_label, perform
from desktop.views.rec_detail import RecommendationPane
from desktop.views.rec_table import SCOPE_SHORT, RecommendationTableModel
from desktop.views.save_file import SavedNotice
from desktop.views.undo import UndoKeys
from desktop.views.undo_bar import UndoBar
from protocol.roles import Act

NO_DATE = QDate(2000, 1, 1)
OPEN = "open"  # the status filter's entry for every status not yet settled


log = logging.getLogger("mufakat.triage")

class TriagePage(QWidget):
    shown = Signal()  # the newest filter's result is on screen
    counted = Signal()  # … and its count

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._jobs = Jobs(self)  # the page and its count being read: the newest filter only
        self._generation = 0
        self.shown_generation = 0  # the newest filter whose result is on screen
        self._guard = ReplacedButtons()
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Search the text (part of a word is enough)…"))
        self.text.setClearButtonEnabled(True)
        self.text.textChanged.connect(self.refresh)
        self.scope = EnumCombo(Scope, blank=self.tr("Any scope"))
        self.status = EnumCombo(RecStatus, blank=self.tr("Any status"))
        self.status.insertItem(1, self.tr("Open (not settled)"), OPEN)
        self.forum = QComboBox()
        self._forum_entries: list[tuple[str, str]] | None = None  # None: the choices were never filled
        self.category = EnumCombo(RecCategory, blank=self.tr("Any topic"))
        self.held_from = self._date_edit()
        self.held_to = self._date_edit()
        self.overdue = QCheckBox(self.tr("Overdue only"))
        for combo in (self.scope, self.status, self.forum, self.category):
            combo.currentIndexChanged.connect(self.refresh)
        for edit in (self.held_from, self.held_to):
            edit.dateChanged.connect(self.refresh)
        self.overdue.toggled.connect(self.refresh)
        self.excel_button = QPushButton(icon("excel"), self.tr("E&xport to Excel"))
        self.excel_button.setToolTip(
            self.tr("Every recommendation the filter shows, with its follow-up, as an Excel workbook")
        )
        self.excel_button.clicked.connect(self.export_excel)
        self.notice = SavedNotice()

        self.model = RecommendationTableModel(
            ("forum_date", "text", "scope", "status", "votes"),
            lambda flt: self._ws.read(list_recommendations, flt),
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        size_columns(
            self.table,
            {
                0: ["30-12-2026"],
                2: [self.model.tr(text) for text in SCOPE_SHORT.values()],
                3: [label(status) + " ⚠" for status in RecStatus],
                4: ["9.999"],
            },
            stretch=1,
        )
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.count = QLabel()
        self.bulk: dict[str, QPushButton] = {}
        bulk_row = QHBoxLayout()
        bulk_row.addWidget(self.count, 1)
        bulk_row.addWidget(QLabel(self.tr("Selected:")))
        for name in BULK_ACTIONS:
            button = QPushButton(action_label(name))
            button.setIcon(icon(name))
            button.clicked.connect(partial(self.bulk_action, name))
            bulk_row.addWidget(button)
            self.bulk[name] = button
        # Editing and deleting are undoable here (Ctrl+Z with the search empty; the bar's buttons).
        self.undo_stack = QUndoStack(self)
        self.keys = UndoKeys(self, self.undo_stack, (self.text,), say=self._undone)
        self.undo_bar = UndoBar(self.undo_stack, self.keys)
        self.undo_stack.indexChanged.connect(self._stack_moved)
        self.pane = RecommendationPane(ws, self.undo_stack)
        self.pane.changed.connect(self._reload_keep)
        self.pane.deleted.connect(
            lambda text: self.undo_bar.say(self.tr("Deleted: “{text}”.").format(text=text[:80]))
        )

        # The filters span the page; the list and the chosen recommendation share what is left.
        filters = QHBoxLayout()
        filters.addWidget(self.text, 4)
        for widget, stretch in ((self.scope, 2), (self.status, 2), (self.category, 2), (self.forum, 3)):
            filters.addWidget(widget, stretch)
        dates = QHBoxLayout()
        dates.addWidget(QLabel(self.tr("Forum date from")))
        dates.addWidget(self.held_from)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.held_to)
        dates.addWidget(self.overdue)
        dates.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.empty = EmptyState("no-recommendations")
        self.list = ListOrEmpty(self.table, self.empty)
        left_layout.addLayout(bulk_row)
        left_layout.addWidget(self.list, 1)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 460])
        layout = QVBoxLayout(self)
        heading = QHBoxLayout()
        heading.addWidget(page_title(self.tr("Triage")), 1)
        heading.addWidget(self.excel_button)
        layout.addLayout(heading)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(self.notice)
        layout.addWidget(self.undo_bar)
        layout.addWidget(splitter, 1)
        self._update_bulk()  # the lists load when the page is first shown (reload)

    def _date_edit(self) -> QDateEdit:
        edit = date_edit()
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setToolTip(self.tr("Type a date or pick one; select it and press Delete for “any” again."))
        edit.setDate(NO_DATE)
        return edit

    def _fill_forums(self) -> None:
        """The forum filter's choices, rebuilt only when the forums changed (2,000 entries take
        tens of milliseconds each time the page is shown)."""
        entries = [
            (f"{forum.held_on.strftime('%d-%m-%Y')} {forum.title[:40]}", forum.id)
            for forum in self._ws.read(list_forums, with_counts=False)
        ]
        if entries == self._forum_entries:
            return
        self._forum_entries = entries
        keep = self.forum.currentData()
        self.forum.blockSignals(True)
        self.forum.clear()
        self.forum.addItem(self.tr("Any forum"), None)
        for text, forum_id in entries:
            self.forum.addItem(text, forum_id)
        self.forum.setCurrentIndex(max(self.forum.findData(keep), 0))
        self.forum.blockSignals(False)

    @staticmethod
    def _day(edit: QDateEdit) -> date | None:
        return None if edit.date() == NO_DATE else edit.date().toPython()  # type: ignore[return-value]

    def current_filter(self) -> RecommendationFilter:
        open_only = self.status.currentData() == OPEN
        status = None if open_only else self.status.value()
        scope = self.scope.value()
        sort = self.model.current_filter
        return RecommendationFilter(
            text=self.text.text(),
            open_only=open_only,
            scopes=frozenset({scope}) if scope else frozenset(),
            statuses=frozenset({status}) if status else frozenset(),
            forum_id=self.forum.currentData(),
            category=self.category.value(),
            held_from=self._day(self.held_from),
            held_to=self._day(self.held_to),
            today=self._ws.ctx.today(),
            overdue_only=self.overdue.isChecked(),
            sort=sort.sort,
            descending=sort.descending,
        )

    # -- loading (off the GUI thread) ----------------------------------------------------------
    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        flt = self.current_filter()
        self._jobs.run(  # the page first; its count follows (as costly as the page itself)
            lambda: self._ws.read(list_recommendations, flt, with_total=False),
            lambda page: self._show(generation, flt, page),
            self._failed,
            slot="page",
        )

    def _show(self, generation: int, flt: RecommendationFilter, page: RecommendationPage) -> None:
        if generation != self._generation:
            return  # a newer filter is on its way
        self.model.show_page(flt, page)
        self._show_empty(flt, not page.rows)
        self.count.setText(self.tr("counting…"))
        self._jobs.run(
            lambda: self._ws.read(count_recommendations, flt),
            lambda total: self._show_count(generation, total),
            self._failed,
            slot="count",
        )
        self.pane.show_recommendation(None)
        self._update_bulk()
        self.shown_generation = generation
        self.shown.emit()

    def _show_empty(self, flt: RecommendationFilter, empty: bool) -> None:
        """Nothing to triage yet, or nothing the filters let through: what to do next."""
        if empty and flt == replace(RecommendationFilter(today=flt.today), sort=flt.sort, descending=flt.descending):
            self.empty.say(
                self.tr("No recommendations yet"),
                self.tr(
                    "They are typed in a forum's Recommendations tab while it runs; "
                    "they come here to be accepted, followed up or escalated."
                ),
            )
        elif empty:
            self.empty.say(
                self.tr("No recommendation matches the filters"),
                self.tr("Change the search or the filters above, or set them back to “any”."),
            )
        self.list.show_empty(empty)

    def _show_count(self, generation: int, total: int) -> None:
        if generation == self._generation:
            self.model.set_total(total)
            self.count.setText(self.tr("{n} recommendation(s)").format(n=number(total)))
            self.counted.emit()

    def _failed(self, exc: BaseException) -> None:
        """Background work never pops a dialog: the line under the list says it."""
        self.notice.failed(explain(exc, log, self._ws.data_dir))

    def _reload_keep(self) -> None:
        keep = self.selected_ids()
        self.model.reload()
        self.count.setText(self.tr("{n} recommendation(s)").format(n=number(self.model.total)))
        for rec_id in keep[:1]:
            row = self.model.row_of(rec_id)
            if row >= 0:
                self.table.selectRow(row)

    def reload(self) -> None:
        """When the page is shown again or a sync brought changes."""
        self._fill_forums()
        self.refresh()

    def export_excel(self) -> None:
        """Save every recommendation the filter matches (all pages, in the list's order) as XLSX."""
        from desktop.reports.recap_xlsx import recommendations_recap_xlsx  # openpyxl: on first use
        from desktop.services.recap import recommendations_recap

        ws, flt, made_at = self._ws, self.current_filter(), self._ws.ctx.now()
        self.notice.save_built(
            self.tr("Export to Excel"),
            file_name("recommendations-recap", made_at.astimezone().date(), self._export_title(), ".xlsx"),
            self.tr("Excel workbook (*.xlsx)"),
            lambda: recommendations_recap_xlsx(
                ws.read(recommendations_recap, flt, made_at, ws.ctx.home_unit_id)
            ),
        )

    def _export_title(self) -> str:
        """What the file name says about the filter: its forum, else its search text."""
        if self.forum.currentData():
            return self.forum.currentText().split(" ", 1)[-1]
        return self.text.text()

    # -- selection and actions -------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [r.id for row in rows if (r := self.model.row_at(row)) is not None]

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        self.pane.show_recommendation(ids[0] if len(ids) == 1 else None)
        self._update_bulk()

    def apply_roles(self, may: Callable[[Act], bool]) -> None:
        """Hide what the person signed in may not do (the services refuse it anyway)."""
        self.pane.may = may
        for name, button in self.bulk.items():
            button.setVisible(may(action_act(name)))
        self.pane.show_recommendation(self.pane.detail.rec.id if self.pane.detail is not None else None)

    def _update_bulk(self) -> None:
        """Each action is offered for a selection it applies to (one of the selected can take
        it); otherwise its tooltip says which recommendations it is for."""
        rows = [r for index in self.table.selectionModel().selectedRows() if (r := self.model.row_at(index.row()))]
        for name, button in self.bulk.items():
            fits = any(lifecycle.may(name, r.status, r.scope) for r in rows)
            button.setEnabled(fits)
            if fits:
                button.setToolTip("")
            elif rows:
                said = self.tr("“{action}” is only for recommendations that are {need}; none of those selected is.")
                action = button.text().replace("&", "").rstrip("…")
                button.setToolTip(said.format(action=action, need=lifecycle.requirement(name)))
            else:
                button.setToolTip(self.tr("Select recommendations in the list first."))

    def bulk_action(self, action: str) -> None:
        ids = self.selected_ids()
        if not ids or not self._guard.allows():
            return
        done = perform(self, self._ws, action, ids)
        self._guard.acted()
        if done:
            self._reload_keep()

    def _undone(self, said: str) -> None:
        self.undo_bar.say(said)

    def _stack_moved(self, _index: int) -> None:
        self._reload_keep()

    def focus_filter(self) -> None:
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
