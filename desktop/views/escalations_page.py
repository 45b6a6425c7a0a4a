"""The parent office's inbox: escalations received from the units below, with the originating
unit, forum and recommendation; mark them received (due within 3 working days, SP4N-LAPOR!),
answer them (adopted / declined with reason) or forward them further up; one the office below
disputed comes back to be answered again; the photos and files the office below attached to the
recommendation (each a placeholder until it is fetched: opening it fetches it). Shown in the
navigation only when this office has received any."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, tzinfo
from html import escape

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.app.workspace import Workspace
from desktop.core.i18n import number
from desktop.core.vocab import EscalationStatus, Outcome, label
from desktop.services.escalations import acknowledge, forward
from desktop.services.frozen import minutes_of_escalated
from desktop.services.inbox import Received, received_escalations
from desktop.services.overdue import WAITING
from desktop.views.answer_dialog import AnswerDialog
from desktop.views.attachments_panel import AttachmentsPanel
from desktop.views.columns import size_columns
from desktop.views.common import attempt
from desktop.views.empty_state import EmptyState, ListOrEmpty
from desktop.views.look import icon, page_title, primary
from protocol.roles import Act
from protocol.vocab import AttachmentOwner

Index = QModelIndex | QPersistentModelIndex
LATE = QBrush(QColor("#fde2e1"))
COLUMNS = (
    str(QT_TRANSLATE_NOOP("InboxModel", "From")),
    str(QT_TRANSLATE_NOOP("InboxModel", "Recommendation")),
    str(QT_TRANSLATE_NOOP("InboxModel", "Sender's note")),
    str(QT_TRANSLATE_NOOP("InboxModel", "Received")),
    str(QT_TRANSLATE_NOOP("InboxModel", "Acknowledge by")),
    str(QT_TRANSLATE_NOOP("InboxModel", "Answer due")),
    str(QT_TRANSLATE_NOOP("InboxModel", "Status")),
)
TEXT, NOTE = 1, 2  # the columns people read: they share the room (the forum is said below)
LATE_TEXT = QBrush(QColor("#b00020"))  # not acknowledged in time
ACK = 4  # the column of the acknowledgement's due date


class InboxModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Received] = []
        self.today: date | None = None
        self.zone: tzinfo | None = None  # the office's time zone

    def set_rows(self, rows: list[Received], today: date, zone: tzinfo | None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.today = today
        self.zone = zone
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.tr(COLUMNS[section])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        e = self.rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole and self.today and e.overdue(self.today):
            return LATE
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.column() == ACK
            and self.today
            and e.ack_late(self.today)
        ):
            return LATE_TEXT
        if role == Qt.ItemDataRole.ToolTipRole:
            return e.rec_text + (f"\n\n{e.note}" if e.note else "")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        status = label(e.status) + (f": {label(e.outcome)}" if e.outcome else "")
        return (
            e.from_unit,
            e.rec_text,
            e.note or "—",
            e.sent_at.astimezone(self.zone).strftime("%d-%m-%Y"),
            e.ack_due_on.strftime("%d-%m-%Y"),
            e.due_on.strftime("%d-%m-%Y"),
            status,
        )[index.column()]


class EscalationsPage(QWidget):
    changed = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self.model = InboxModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.resizeSection(0, 120)
        day = ["30-12-2026"]
        statuses = [label(s) + ": " + label(o) for s in EscalationStatus for o in Outcome]
        size_columns(self.table, {3: day, ACK: day, 5: day, len(COLUMNS) - 1: statuses}, stretch=TEXT)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.doubleClicked.connect(lambda _i: self.answer_selected())
        # The chosen escalation in full: what the office below recommended, and its note.
        self.detail = QLabel()
        self.detail.setObjectName("escalation-detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setStyleSheet(
            "#escalation-detail { background: white; border: 1px solid #c5ccd6; border-radius: 4px; padding: 8px; }"
        )
        self.empty = EmptyState("no-escalations")
        self.empty.say(
            self.tr("No escalations received"),
            self.tr("Policy recommendations the offices below send up arrive here when this laptop syncs."),
        )
        self.list = ListOrEmpty(self.table, self.empty)
        self.acknowledge_button = QPushButton(icon("received"), self.tr("Mark as &received"))
        self.acknowledge_button.setToolTip(
            self.tr("Tell the office below that this escalation is being looked at (it syncs back).")
        )
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        self.answer_button = primary(QPushButton(self.tr("&Answer…")), "answer")
        self.answer_button.clicked.connect(self.answer_selected)
        self.forward_button = QPushButton(icon("forward"), self.tr("&Forward to our parent office…"))
        self.forward_button.clicked.connect(self.forward_selected)
        self.minutes_button = QPushButton(self.tr("&Minutes of the forum…"))
        self.minutes_button.setToolTip(
            self.tr("The berita acara of the forum this recommendation came from, as it was signed")
        )
        self.minutes_button.clicked.connect(self.open_minutes)
        # What the office below attached to the recommendation (its evidence: a photo of the
        # broken ramp, a scan): read here, never changed; shown on request under the detail.
        self.files = AttachmentsPanel(ws, AttachmentOwner.RECOMMENDATION)
        self.files.for_reading()
        self.files.setMinimumHeight(250)
        self.files.hide()
        self.files_button = QPushButton(icon("attach"), "")
        self.files_button.setCheckable(True)
        self.files_button.toggled.connect(self.files.setVisible)
        self.summary = QLabel()
        actions = QHBoxLayout()
        actions.addWidget(self.summary, 1)
        actions.addWidget(self.acknowledge_button)
        actions.addWidget(self.answer_button)
        actions.addWidget(self.forward_button)
        actions.addWidget(self.minutes_button)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Escalations received")))
        layout.addLayout(actions)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.files_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.files)
        self.reload()

    def has_any(self) -> bool:
        return bool(self.model.rows)

    def reload(self) -> None:
        """Read the inbox again (after a sync too): the escalation selected stays selected."""
        chosen = self.selected()
        today = self._ws.ctx.today()
        rows = self._ws.read(received_escalations, self._ws.ctx, self._ws.ctx.home_unit_id)
        self.model.set_rows(rows, today, self._ws.ctx.zone)
        self.list.show_empty(not rows)
        for row, each in enumerate(rows):
            if chosen is not None and each.id == chosen.id:
                self.table.selectRow(row)
        waiting = sum(1 for r in rows if r.status in WAITING)
        late = sum(1 for r in rows if r.overdue(today))
        unacknowledged = sum(1 for r in rows if r.ack_late(today))
        self.summary.setText(
            self.tr(
                "{waiting} waiting for an answer, {late} overdue, {unacknowledged} not acknowledged within "
                "3 working days"
            ).format(waiting=number(waiting), late=number(late), unacknowledged=number(unacknowledged))
        )
        self.table.resizeRowsToContents()
        self._update_actions()

    def selected(self) -> Received | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def apply_roles(self, may: Callable[[Act], bool]) -> None:
        """Only a user who may answer escalations sees how (the services refuse it anyway)."""
        answers = may(Act.ANSWER)
        for button in (self.acknowledge_button, self.answer_button, self.forward_button):
            button.setVisible(answers)

    def _update_actions(self) -> None:
        chosen = self.selected()
        open_ = chosen is not None and chosen.status in WAITING
        self.acknowledge_button.setEnabled(chosen is not None and chosen.status == EscalationStatus.SENT)
        self.answer_button.setEnabled(open_)
        self.forward_button.setEnabled(open_)
        self.minutes_button.setEnabled(
            chosen is not None and bool(self._ws.read(minutes_of_escalated, chosen.recommendation_id))
        )
        self.detail.setVisible(chosen is not None)
        self.files.set_owner(chosen.recommendation_id if chosen else None)
        self.files_button.setText(
            self.tr("Photos and files from the office below ({count})").format(count=number(len(self.files.items)))
        )
        self.files_button.setVisible(bool(self.files.items))
        if not self.files.items:
            self.files_button.setChecked(False)
        if chosen is None:
            return
        lines = [
            escape(
                self.tr("From {unit}, forum of {date}: {forum}").format(
                    unit=chosen.from_unit, date=chosen.forum_held_on.strftime("%d-%m-%Y"), forum=chosen.forum_title
                )
            ),
            f"<b>{escape(chosen.rec_text)}</b>",
            escape(self.tr("Note from {unit}: “{note}”").format(unit=chosen.from_unit, note=chosen.note))
            if chosen.note
            else escape(self.tr("{unit} sent no note.").format(unit=chosen.from_unit)),
        ]
        if chosen.answer:
            lines.append(escape(self.tr("Our answer: {answer}").format(answer=chosen.answer)))
        lines += self._settling(chosen)
        if chosen.dispute_reason:
            lines.append(
                escape(self.tr("Disputed by the office below: {reason}").format(reason=chosen.dispute_reason))
            )
        self.detail.setText("<br>".join(lines))

    def _settling(self, chosen: Received) -> list[str]:
        """When it was answered, and what the office below may still do about the answer
        (SP4N-LAPOR!: dispute it within 10 working days; undisputed, it is settled)."""
        if chosen.answered_on is None or chosen.dispute_until is None:
            return []
        answered = chosen.answered_on.strftime("%d-%m-%Y")
        until = chosen.dispute_until.strftime("%d-%m-%Y")
        if chosen.status == EscalationStatus.DONE:
            said = self.tr("Answered on {answered}; {unit} did not dispute it by {until}: settled (selesai).")
        elif chosen.status == EscalationStatus.ANSWERED and chosen.dispute_until < (self.model.today or date.max):
            said = self.tr(
                "Answered on {answered}; not disputed by {until}: the answer stands, settled once {unit}'s "
                "laptop syncs."
            )
        elif chosen.status == EscalationStatus.ANSWERED:
            said = self.tr("Answered on {answered}; {unit} may dispute the answer until {until}.")
        else:
            return []
        return [escape(said.format(answered=answered, until=until, unit=chosen.from_unit))]

    def acknowledge_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.status != EscalationStatus.SENT:
            return
        attempt(self, self._ws, acknowledge, chosen.id)
        self.changed.emit()
        self.reload()

    def answer_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.status not in WAITING:
            return
        attempt(self, self._ws, acknowledge, chosen.id)
        if AnswerDialog(self._ws, chosen.id, self).exec():
            self.changed.emit()
        self.reload()

    def open_minutes(self) -> QDialog | None:
        """The frozen berita acara of the chosen escalation's forum (the office below's)."""
        from desktop.views.document_dialog import DocumentDialog, escalated_minutes_document  # on first use

        chosen = self.selected()
        source = escalated_minutes_document(self._ws, chosen.recommendation_id) if chosen else None
        if source is None:
            return None
        dialog = DocumentDialog(source, self)
        dialog.show()
        return dialog

    def forward_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        note, ok = QInputDialog.getMultiLineText(
            self, self.tr("Forward"), self.tr("A note for our parent office (optional)")
        )
        if ok and attempt(self, self._ws, forward, chosen.id, note) is not None:
            self.changed.emit()
        self.reload()
