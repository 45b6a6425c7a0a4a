"""Follow-up at a glance: per forum, how many recommendations are done, in progress,
escalated and answered; and the list of what is overdue. The office's register of inputs
(register masukan: each input, its person in charge, status, working days taken, late or not)
is saved from here as an Excel workbook."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.app.workspace import Workspace
from desktop.core.i18n import number
from desktop.core.vocab import RecStatus
from desktop.documents.file_names import file_name
from desktop.models import Unit
from desktop.services.lookup import load
from desktop.services.progress import forum_progress, overdue_items
from desktop.views.empty_state import EmptyState, ListOrEmpty
from desktop.views.evidence_pack import PackProgress, PeriodDialog
from desktop.views.look import icon, page_title
from desktop.views.rows_model import RowsModel
from desktop.views.save_file import SavedNotice

COUNTED = (
    RecStatus.PROPOSED,
    RecStatus.ACCEPTED,
    RecStatus.IN_PROGRESS,
    RecStatus.DONE,
    RecStatus.ESCALATED,
    RecStatus.ANSWERED,
    RecStatus.REJECTED,
)


WAITING_ON = 3  # the overdue list's column of who an item waits on


def _table(model: RowsModel, stretch: int) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class FollowUpPage(QWidget):
    open_forum = Signal(str)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._forum_ids: list[str] = []
        self.forums_model = RowsModel(
            [
                self.tr("Forum"),
                self.tr("Proposed"),
                self.tr("Accepted"),
                self.tr("In progress"),
                self.tr("Done"),
                self.tr("Escalated"),
                self.tr("Answered"),
                self.tr("Rejected"),
                self.tr("Settled"),
            ]
        )
        self.forums = _table(self.forums_model, 0)
        self.forums.doubleClicked.connect(self._open)
        self.overdue_model = RowsModel(
            [self.tr("Due"), self.tr("What"), self.tr("Recommendation"), self.tr("Waiting on")]
        )
        self.overdue = _table(self.overdue_model, 2)
        self.overdue_title = QLabel()
        self.register_button = QPushButton(icon("excel"), self.tr("Re&gister of inputs…"))
        self.register_button.setToolTip(
            self.tr(
                "Every input the office's forums received, with its person in charge, status and "
                "working days taken, as an Excel workbook (register masukan)"
            )
        )
        self.register_button.clicked.connect(self.export_register)
        self.pack_button = QPushButton(icon("documents"), self.tr("&Evidence pack…"))
        self.pack_button.setToolTip(
            self.tr(
                "One ZIP for an evaluator with every forum and satisfaction survey of a year or a "
                "period: documents, signed attendance scans, photos, and an index of the PEKPPP "
                "indicators and of what is still missing (paket bukti)"
            )
        )
        self.pack_button.clicked.connect(self.make_evidence_pack)
        self.notice = SavedNotice()
        self.pack = PackProgress(ws)
        head = QHBoxLayout()
        head.addWidget(page_title(self.tr("Follow-up")))
        head.addStretch(1)
        head.addWidget(self.register_button)
        head.addWidget(self.pack_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.notice)
        layout.addWidget(self.pack)
        self.no_forums = EmptyState("no-follow-up")
        self.no_forums.say(
            self.tr("Nothing to follow up yet"),
            self.tr("Each forum's recommendations are counted here by status once they are triaged."),
        )
        self.no_overdue = EmptyState("no-follow-up")
        self.no_overdue.say(self.tr("Nothing is overdue"))
        self.forums_list = ListOrEmpty(self.forums, self.no_forums)
        self.overdue_list = ListOrEmpty(self.overdue, self.no_overdue)
        layout.addWidget(self.forums_list, 3)
        layout.addWidget(self.overdue_title)
        layout.addWidget(self.overdue_list, 2)  # loads when shown (reload)

    def export_register(self) -> QFileDialog | None:
        """Save the office's register of consultation inputs as XLSX, as of today (PEKPPP:
        inputs handled and how fast; Perpres 76/2013)."""
        from desktop.reports.register_xlsx import register_xlsx  # openpyxl: on first use
        from desktop.services.register import register

        ws, unit_id = self._ws, self._ws.ctx.home_unit_id
        if unit_id is None:
            return None
        today = ws.ctx.today()
        unit = ws.read(load, Unit, unit_id, "Unit")
        return self.notice.save_built(
            self.tr("Register of inputs"),
            file_name("register", today, unit.name, ".xlsx"),
            self.tr("Excel workbook (*.xlsx)"),
            lambda: register_xlsx(ws.read(register, unit_id, today, ws.ctx.calendar)),
        )

    def make_evidence_pack(self) -> PeriodDialog | None:
        """The office's evidence pack of a year or a period: which one, where to save it, then
        made in the background."""
        unit_id = self._ws.ctx.home_unit_id
        if unit_id is None or self.pack.busy():
            return None
        dialog = PeriodDialog(unit_id, self._ws.ctx.today(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen() -> None:
            if dialog.scope is not None:
                self.pack.ask(dialog.scope)

        dialog.accepted.connect(chosen)
        dialog.open()
        return dialog

    def _open(self, index: object) -> None:
        row = index.row()  # type: ignore[attr-defined]
        self.open_forum.emit(self._forum_ids[row])

    def reload(self) -> None:
        self.register_button.setEnabled(self._ws.ctx.home_unit_id is not None)
        self.pack_button.setEnabled(self._ws.ctx.home_unit_id is not None)
        rows = self._ws.read(forum_progress)
        self._forum_ids = [r.forum_id for r in rows]
        table = []
        for p in rows:
            share = round(100 * p.settled / p.total) if p.total else 0
            counts = tuple(number(p.by_status.get(status, 0)) for status in COUNTED)
            settled = f"{number(p.settled)}/{number(p.total)} ({share}%)"
            table.append((f"{p.held_on.strftime('%d-%m-%Y')} {p.title}", *counts, settled))
        self.forums_model.set_rows(table)
        self.forums_list.show_empty(not table)
        late = self._ws.read(overdue_items, self._ws.ctx.today())
        self.overdue_title.setText("<b>" + self.tr("Overdue ({n})").format(n=number(len(late))) + "</b>")
        kinds = {"follow_up": self.tr("follow-up"), "escalation": self.tr("escalation answer")}
        self.overdue_model.set_rows(
            [(item.due_on.strftime("%d-%m-%Y"), kinds[item.kind], item.rec_text, item.who) for item in late]
        )
        self.overdue_list.show_empty(not late)
        self._fit_waiting_on()

    def _fit_waiting_on(self) -> None:
        """Who it waits on is read whole (a person or an office, "Kepala Subbagian Umum"), up to
        a third of the list; the recommendation's text takes the rest."""
        header = self.overdue.horizontalHeader()
        header.setSectionResizeMode(WAITING_ON, QHeaderView.ResizeMode.Interactive)
        self.overdue.resizeColumnToContents(WAITING_ON)
        header.resizeSection(WAITING_ON, min(header.sectionSize(WAITING_ON), max(self.overdue.width() // 3, 160)))
