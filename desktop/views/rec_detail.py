"""The triage board's detail pane: one recommendation with its actions, follow-ups, escalation
state (with its SP4N-LAPOR! deadlines, and "dispute" while an answer may be disputed), "changed
elsewhere" markers (each with its choices: use mine, keep this one, dismiss) and full history."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.core.i18n import number
from desktop.core.vocab import EscalationStatus, RecStatus, Scope, label
from desktop.core.zones import screen_time
from desktop.models import Escalation
from desktop.services.attention import ConflictItem
from desktop.services.completion import needs_file
from desktop.services.detail import RecommendationDetail, recommendation_detail
from desktop.services.escalations import ack_due_of, dispute, dispute_until, may_dispute
from desktop.services.followups import assign_follow_up, default_due, update_follow_up
from desktop.services.recommendations import change_scope
from desktop.views.answer_dialog import AnswerDialog
from desktop.views.attachments_panel import AttachmentsPanel
from desktop.views.capture_commands import CorrectRecommendation, DeleteRecommendation
from desktop.views.common import InlineMessage, ReplacedButtons, date_edit, set_read_only
from desktop.views.conflict_card import ConflictCard
from desktop.views.empty_state import EmptyState
from desktop.views.look import icon, primary
from desktop.views.rec_actions import BUTTON_ACTIONS, action_act, action_label, perform
from desktop.views.rec_edit_dialog import RecommendationDialog
from desktop.views.undo import Refs
from protocol.roles import Act
from protocol.vocab import AttachmentOwner


class RecommendationPane(QWidget):
    changed = Signal()
    deleted = Signal(str)  # the text of the recommendation just deleted
    marker_resolved = Signal()  # a "changed elsewhere" marker was dealt with

    def __init__(self, ws: Workspace, undo_stack: QUndoStack | None = None, parent: QWidget | None = None) -> None:
        """`undo_stack`: where editing and deleting go, to be undone (the board's)."""
        super().__init__(parent)
        self._ws = ws
        self.undo_stack = undo_stack or QUndoStack(self)
        self._refs = Refs()
        self.detail: RecommendationDetail | None = None
        self._guard = ReplacedButtons()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet("font-size: 12pt;")
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.elsewhere = QWidget()  # one card per open marker
        self.elsewhere_layout = QVBoxLayout(self.elsewhere)
        self.elsewhere_layout.setContentsMargins(0, 0, 0, 0)
        self.cards: list[ConflictCard] = []
        self.buttons: dict[str, QPushButton] = {}
        self.may: Callable[[Act], bool] = lambda _act: True  # the person signed in (MainWindow.apply_roles)
        actions = QHBoxLayout()  # the life-cycle step(s) possible now
        for name in BUTTON_ACTIONS:
            button = primary(QPushButton(action_label(name)), name, on=False)
            button.clicked.connect(partial(self._act, name))
            actions.addWidget(button)
            self.buttons[name] = button
        actions.addStretch(1)
        self.scope_button = QPushButton(self.tr("Change scope"))
        self.scope_button.setIcon(icon("scope"))
        self.scope_button.clicked.connect(self._toggle_scope)
        self.answer_button = QPushButton(self.tr("Record the answer…"))
        self.answer_button.setIcon(icon("answer"))
        self.answer_button.clicked.connect(self._record_answer)
        self.edit_button = QPushButton(icon("edit"), self.tr("Edit…"))
        self.edit_button.setToolTip(
            self.tr("Correct it as it was said: text, scope, topic, who raised it, agenda item (forum still open)")
        )
        self.edit_button.clicked.connect(self.edit)
        self.delete_button = QPushButton(icon("delete"), self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete one typed by mistake (a proposed one); Ctrl+Z brings it back"))
        self.delete_button.clicked.connect(self.delete)
        more = QHBoxLayout()  # what else can be done with it
        more.addWidget(self.scope_button)
        more.addWidget(self.answer_button)
        more.addWidget(self.edit_button)
        more.addWidget(self.delete_button)
        more.addStretch(1)
        self._more = more
        # Sanggah: within 10 working days of the answer; after that the escalation is settled.
        self.dispute_button = QPushButton(self.tr("Dispute the answer…"))
        self.dispute_button.clicked.connect(self._dispute)
        self.message = InlineMessage()

        self.follow_ups = QListWidget()
        self.follow_ups.setMaximumHeight(90)
        self.follow_ups.setWordWrap(True)
        self.follow_ups.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.follow_ups.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.fu_action = QLineEdit()
        self.fu_action.setPlaceholderText(self.tr("What will be done"))
        self.fu_owner = QLineEdit()
        self.fu_owner.setPlaceholderText(self.tr("Who"))
        self.fu_due = date_edit()
        self.fu_assign = QPushButton(self.tr("Assign"))
        self.fu_assign.setIcon(icon("assign"))
        self.fu_assign.clicked.connect(self._assign)
        self.fu_progress = QSpinBox()
        self.fu_progress.setRange(0, 100)
        self.fu_progress.setSuffix(" %")
        self.fu_update = QPushButton(self.tr("Update progress"))
        self.fu_update.clicked.connect(self._update_progress)
        assign = QGridLayout()
        assign.addWidget(self.fu_action, 0, 0, 1, 3)
        assign.addWidget(self.fu_owner, 1, 0)
        assign.addWidget(self.fu_due, 1, 1)
        assign.addWidget(self.fu_assign, 1, 2)
        assign.setColumnStretch(0, 1)
        progress_row = QHBoxLayout()
        progress_row.addWidget(QLabel(self.tr("Selected follow-up:")))
        progress_row.addWidget(self.fu_progress)
        progress_row.addWidget(self.fu_update)
        progress_row.addStretch(1)
        # The evidence of the selected follow-up action (photos, scans).
        # Shown on request (a pane of thumbnails would push the rest out of sight).
        self.fu_files = AttachmentsPanel(ws, AttachmentOwner.FOLLOW_UP)
        self.fu_files.setMinimumHeight(260)
        self.fu_files.hide()
        self.fu_files.changed.connect(self._count_files)
        self.fu_files_button = QPushButton()
        self.fu_files_button.setCheckable(True)
        self.fu_files_button.toggled.connect(self.fu_files.setVisible)
        self.follow_ups.currentRowChanged.connect(self._follow_up_chosen)
        self.follow_box = QGroupBox(self.tr("Follow-up"))
        follow_layout = QVBoxLayout(self.follow_box)
        follow_layout.addWidget(self.follow_ups)
        follow_layout.addLayout(assign)
        follow_layout.addLayout(progress_row)
        follow_layout.addWidget(self.fu_files_button, 0, Qt.AlignmentFlag.AlignLeft)
        follow_layout.addWidget(self.fu_files)
        self.files = AttachmentsPanel(ws, AttachmentOwner.RECOMMENDATION)
        self.files.setMinimumHeight(260)
        self.files.hide()
        self.files.changed.connect(self._count_files)
        self.files_button = QPushButton(icon("attach"), "")
        self.files_button.setCheckable(True)
        self.files_button.toggled.connect(self.files.setVisible)
        self.files_box = QWidget()
        files_layout = QVBoxLayout(self.files_box)
        files_layout.setContentsMargins(0, 0, 0, 0)
        files_layout.addWidget(self.files_button, 0, Qt.AlignmentFlag.AlignLeft)
        files_layout.addWidget(self.files)

        self.escalation = QLabel()
        self.escalation.setWordWrap(True)
        self.escalation_box = QGroupBox(self.tr("Escalation"))
        escalation_layout = QVBoxLayout(self.escalation_box)
        escalation_layout.addWidget(self.escalation)
        escalation_layout.addWidget(self.dispute_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.history = QPlainTextEdit()
        set_read_only(self.history, True)  # a record of what was done: read, never typed into
        self.history.setMinimumHeight(110)
        history_box = QGroupBox(self.tr("History"))
        QVBoxLayout(history_box).addWidget(self.history)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 6, 0)
        # The buttons first, anchored at the top: a text that wraps to more lines, a longer status
        # line or a "changed elsewhere" card never moves them under the pointer between two clicks.
        layout.addLayout(actions)
        layout.addLayout(more)
        layout.addWidget(self.message)
        layout.addWidget(self.text)
        layout.addWidget(self.meta)
        layout.addWidget(self.elsewhere)
        layout.addWidget(self.follow_box)
        layout.addWidget(self.escalation_box)
        layout.addWidget(self.files_box)
        layout.addWidget(history_box, 1)
        scroll = QScrollArea()  # a long text, markers and follow-ups scroll; nothing is squeezed
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.none_chosen = EmptyState("triage")
        self.none_chosen.say(
            self.tr("Choose a recommendation"),
            self.tr("Its history, its follow-up and what can be done with it show here."),
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(scroll)
        self.stack.addWidget(self.none_chosen)
        self._scroll = scroll
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.show_recommendation(None)

    # -- showing -----------------------------------------------------------------------------
    def show_recommendation(self, rec_id: str | None) -> None:
        self.message.clear_message()
        self.detail = self._ws.read(recommendation_detail, rec_id, self._ws.ctx.device_id) if rec_id else None
        self.stack.setCurrentWidget(self._scroll if self.detail is not None else self.none_chosen)
        if self.detail is None:
            self.text.setText(self.tr("Select a recommendation to see its history and act on it."))
            self.meta.setText("")
            self._show_markers([])
            self.follow_ups.clear()
            self.escalation.setText("")
            self.dispute_button.hide()
            self.history.setPlainText("")
            for button in (*self.buttons.values(), self.scope_button, self.answer_button):
                button.hide()
            self.edit_button.hide()
            self.delete_button.hide()
            self.follow_box.hide()
            self.escalation_box.hide()
            self.files.set_owner(None)
            self.fu_files.set_owner(None)
            return
        d = self.detail
        rec = d.rec
        self.text.setText(rec.text)
        self.meta.setText(
            self.tr("{forum} · scope: {scope} · status: {status} · {votes} vote(s) · raised by {who}").format(
                forum=d.forum_title,
                scope=label(rec.scope),
                status=label(rec.status),
                votes=number(rec.votes),
                who=d.raised_by or "—",
            )
            + (" · " + self.tr("topic: {topic}").format(topic=label(rec.category)) if rec.category else "")
            + (f"<br><i>{html.escape(d.reason)}</i>" if d.reason else "")
        )
        self._show_markers(d.changed_elsewhere)
        may = self.may
        first = next((name for name in BUTTON_ACTIONS if name in d.actions and may(action_act(name))), None)
        for name, button in self.buttons.items():
            button.setVisible(name in d.actions and may(action_act(name)))
            primary(button, name, on=name == first)  # the next step, in sight
        captures = may(Act.CAPTURE)
        self.scope_button.setVisible(captures and rec.status in (RecStatus.PROPOSED, RecStatus.ACCEPTED))
        # only the office it was sent to answers
        self.answer_button.setVisible(bool(d.answerable) and may(Act.ANSWER))
        self.edit_button.setVisible(captures and not d.forum_closed)
        self.delete_button.setVisible(captures and not d.forum_closed and rec.status == RecStatus.PROPOSED)
        self.files.set_owner(rec.id)
        self._count_files()
        self.follow_ups.blockSignals(True)
        self.follow_ups.clear()
        for item in d.follow_ups:
            due = item.due_on.strftime("%d-%m-%Y") if item.due_on else "—"
            self.follow_ups.addItem(
                self.tr("{action} — {owner}, due {due}, {progress}% ({status})").format(
                    action=item.action,
                    owner=item.owner,
                    due=due,
                    progress=item.progress,
                    status=label(item.status),
                )
            )
        self.follow_ups.blockSignals(False)
        if d.follow_ups:
            self.follow_ups.setCurrentRow(0)
        self._follow_up_chosen(self.follow_ups.currentRow())
        can_follow = rec.scope == Scope.UNIT and rec.status in (RecStatus.ACCEPTED, RecStatus.IN_PROGRESS)
        self.follow_box.setVisible(can_follow or bool(d.follow_ups))
        self.escalation_box.setVisible(rec.scope == Scope.POLICY or bool(d.escalations))
        for editor in (self.fu_action, self.fu_owner, self.fu_due, self.fu_assign):
            editor.setEnabled(can_follow and may(Act.FOLLOW_UP))
        proposed = default_due(self._ws.ctx)
        self.fu_due.setDate(QDate(proposed.year, proposed.month, proposed.day))
        self.fu_update.setEnabled(bool(d.follow_ups) and may(Act.FOLLOW_UP))
        lines = [self._escalation_line(e, e.id in d.unsynced) for e in d.escalations]
        self.escalation.setText("<br>".join(lines) or self.tr("Not escalated."))
        # Its lines kept whole when the scrolling pane is short (a wrapping label's minimum is one line).
        self.escalation.setMinimumHeight(self.escalation.heightForWidth(max(self.escalation.width(), 320)))
        self.escalation_box.setMinimumHeight(self.escalation_box.sizeHint().height())
        self.dispute_button.setVisible(
            may(Act.ESCALATE) and any(may_dispute(e, self._ws.ctx) for e in d.escalations)
        )
        zone = self._ws.ctx.zone
        self.history.setPlainText("\n".join(f"{screen_time(h.at, zone, weekday=True)} — {h.said}" for h in d.history))

    def _escalation_line(self, e: Escalation, unsynced: bool) -> str:
        """Its status and SP4N-LAPOR! deadlines: acknowledged within 3 working days, answered by
        its due date, disputable for 10 working days after the answer. `unsynced`: its sending
        still waits in the outbox; "sent" would tell the office head the office above has it.
        Two lines: a label that wraps gets one line's height in the scrolling pane."""
        ctx = self._ws.ctx
        waiting = unsynced and e.status == EscalationStatus.SENT
        sent = e.sent_at.astimezone(ctx.zone).strftime("%d-%m-%Y")
        # The day it was sent said as that: "Selesai 27-08-2024" read as the day it was settled.
        head = (
            self.tr("Waiting to sync, made {sent}") if waiting else self.tr("{status}, sent {sent}")
        ).format(status=label(e.status), sent=sent)
        line = self.tr("{head};<br>acknowledge by {ack}; answer by {due}").format(
            head=head,
            ack=ack_due_of(e.sent_at, e.ack_due_on, ctx).strftime("%d-%m-%Y"),
            due=e.due_on.strftime("%d-%m-%Y"),
        )
        if e.outcome:
            line += f" — {label(e.outcome)}: {html.escape(e.answer)}"
        until = dispute_until(e, ctx)
        if e.status == EscalationStatus.ANSWERED and until is not None:
            line += "<br>" + self.tr("It may be disputed until {until}; after that it is settled.").format(
                until=until.strftime("%d-%m-%Y")
            )
        if e.status == EscalationStatus.DONE and until is not None:
            line += "<br>" + self.tr("Settled (selesai): not disputed by {until}.").format(
                until=until.strftime("%d-%m-%Y")
            )
        if e.status == EscalationStatus.DISPUTED and e.dispute_reason:
            line += "<br>" + self.tr("Disputed: {reason}").format(reason=html.escape(e.dispute_reason))
        return line

    def _show_markers(self, markers: list[ConflictItem]) -> None:
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        for marker in markers:
            card = ConflictCard(self._ws, marker)
            card.resolved.connect(self._marker_resolved)
            card.refused.connect(self.message.error)
            self.elsewhere_layout.addWidget(card)
            card.show()
            self.cards.append(card)
        self.elsewhere.setVisible(bool(self.cards))

    def _marker_resolved(self) -> None:
        self._after()
        self.marker_resolved.emit()

    def _after(self) -> None:
        rec_id = self.detail.rec.id if self.detail else None
        self.show_recommendation(rec_id)
        self.changed.emit()

    # -- acting ------------------------------------------------------------------------------
    def _act(self, action: str) -> None:
        if not self.detail or not self._guard.allows():
            return
        done = perform(self, self._ws, action, [self.detail.rec.id])
        self._guard.acted()  # set after the action: clicks queued while it ran are ignored too
        if done:
            self._after()

    def _write(self, step: Callable[..., object], /, *args: object, **kwargs: object) -> bool:
        try:
            self._ws.write(step, *args, **kwargs)
        except MufakatError as exc:
            self.message.error(exc.message)
            return False
        self._after()
        return True

    def edit(self) -> None:
        """Correct what capture set (an undoable step of the board)."""
        if not self.detail:
            return
        rec = self.detail.rec
        dialog = RecommendationDialog(self._ws, rec.id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.after:
            ref, before, after = self._refs.of(rec.id), dialog.before, dialog.after
            step = CorrectRecommendation(self._ws, self.message.error, self.tr("edit"), ref, before, after)
            self.undo_stack.push(step)
            self._after()

    def delete(self) -> None:
        """Delete one typed by mistake (an undoable step of the board: it comes back as it was)."""
        if not self.detail or not self._guard.allows():
            return
        rec = self.detail.rec
        before = self.undo_stack.count()
        ref = self._refs.of(rec.id)
        step = DeleteRecommendation(self._ws, self.message.error, self.tr("delete recommendation"), ref)
        self.undo_stack.push(step)
        self._guard.acted()
        if self.undo_stack.count() > before:
            self.deleted.emit(rec.text)

    def _toggle_scope(self) -> None:
        if self.detail and self._guard.allows():
            rec = self.detail.rec
            self._write(change_scope, rec.id, Scope.POLICY if rec.scope == Scope.UNIT else Scope.UNIT)
            self._guard.acted()

    def _assign(self) -> None:
        if not self.detail:
            return
        due = self.fu_due.date().toPython()
        assert isinstance(due, date)
        if due < self._ws.ctx.today():
            answer = QMessageBox.question(
                self,
                self.tr("Follow-up"),
                self.tr("The due date {date} is in the past. Assign the follow-up with this date anyway?").format(
                    date=due.strftime("%d-%m-%Y")
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.fu_due.setFocus()
                return
        if self._write(
            assign_follow_up,
            self.detail.rec.id,
            action=self.fu_action.text(),
            owner=self.fu_owner.text(),
            due_on=due,
        ):
            self.fu_action.clear()
            self.fu_owner.clear()

    def _follow_up_chosen(self, row: int) -> None:
        follow_ups = self.detail.follow_ups if self.detail else []
        chosen = follow_ups[row] if 0 <= row < len(follow_ups) else None
        self.fu_progress.setValue(chosen.progress if chosen else 0)  # where it stands, to move on from
        self.fu_files.set_owner(chosen.id if chosen else None)
        self.fu_files_button.setVisible(chosen is not None)
        self._count_files()

    def _count_files(self) -> None:
        self.files_button.setText(self.tr("Photos and files ({count})").format(count=len(self.files.items)))
        self.fu_files_button.setText(
            self.tr("Evidence of the selected follow-up ({count})").format(count=len(self.fu_files.items))
        )

    def _update_progress(self) -> None:
        if not self.detail or not self.detail.follow_ups:
            return
        row = max(self.follow_ups.currentRow(), 0)
        item = self.detail.follow_ups[row]
        changes: dict[str, object] = {"progress": self.fu_progress.value()}
        if self.fu_progress.value() >= 100 and not item.evidence and not self.fu_files.items:
            if self._ws.read(needs_file, self.detail.rec.unit_id):  # a file, attached below
                self.fu_files_button.setChecked(True)
            else:
                evidence, ok = QInputDialog.getText(
                    self, self.tr("Evidence"), self.tr("What shows it is done? (or attach a photo or file below)")
                )
                if not ok:
                    return
                changes["evidence"] = evidence
        if not self._write(update_follow_up, item.id, **changes):
            self.fu_files_button.setChecked(True)  # what it lacks is added there

    def _dispute(self) -> None:
        if not self.detail:
            return
        open_one = next((e for e in reversed(self.detail.escalations) if may_dispute(e, self._ws.ctx)), None)
        if open_one is None:
            return
        reason, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Dispute the answer"),
            self.tr("Why does the office not accept the answer? (the office above answers again)"),
        )
        if ok:
            self._write(dispute, open_one.id, reason)

    def _record_answer(self) -> None:
        if not self.detail or not self.detail.answerable:
            return
        dialog = AnswerDialog(self._ws, self.detail.answerable[-1].id, self)
        if dialog.exec():
            self._after()
