"""The triage board's detail pane: one recommendation with its actions, follow-ups, escalation
state, "changed elsewhere" markers (each with its choices: use mine, keep this one, dismiss) and
full history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import MufakatError
from desktop.services.attention import ConflictItem
from desktop.services.detail import RecommendationDetail, recommendation_detail
from desktop.services.followups import assign_follow_up, default_due, update_follow_up
from desktop.services.history import HistoryLine
from desktop.services.overdue import WAITING
from desktop.services.recommendations import change_scope
from desktop.views.answer_dialog import AnswerDialog
from desktop.views.common import InlineMessage, ReplacedButtons, date_edit
from desktop.views.conflict_card import ConflictCard
from desktop.views.rec_actions import BUTTON_ACTIONS, action_label, perform
from desktop.vocab import RecStatus, Scope, label
from desktop.workspace import Workspace


def _history_line(h: HistoryLine) -> str:
    """One readable line: when, who, what, and the values people care about (not ids)."""
    shown = {
        k: v
        for k, v in h.changes.items()
        if v not in (None, "") and not k.endswith("_id") and k not in ("id", "status_at", "status_by")
    }
    values = "; ".join(f"{k}: {str(v)[:80]}" for k, v in shown.items())
    return f"{h.at.astimezone().strftime('%d-%m-%Y %H:%M')} · {h.actor} · {h.entity[:-1]} {h.action}" + (
        f" — {values}" if values else ""
    )


class RecommendationPane(QWidget):
    changed = Signal()
    marker_resolved = Signal()  # a "changed elsewhere" marker was dealt with

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
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
        actions = QHBoxLayout()
        for name in BUTTON_ACTIONS:
            button = QPushButton(action_label(name))
            button.clicked.connect(partial(self._act, name))
            actions.addWidget(button)
            self.buttons[name] = button
        self.scope_button = QPushButton(self.tr("Change scope"))
        self.scope_button.clicked.connect(self._toggle_scope)
        self.answer_button = QPushButton(self.tr("Record the answer…"))
        self.answer_button.clicked.connect(self._record_answer)
        actions.addWidget(self.scope_button)
        actions.addWidget(self.answer_button)
        actions.addStretch(1)
        self.message = InlineMessage()

        self.follow_ups = QListWidget()
        self.follow_ups.setMaximumHeight(90)
        self.fu_action = QLineEdit()
        self.fu_action.setPlaceholderText(self.tr("What will be done"))
        self.fu_owner = QLineEdit()
        self.fu_owner.setPlaceholderText(self.tr("Who"))
        self.fu_due = date_edit()
        self.fu_assign = QPushButton(self.tr("Assign"))
        self.fu_assign.clicked.connect(self._assign)
        self.fu_progress = QSpinBox()
        self.fu_progress.setRange(0, 100)
        self.fu_progress.setSuffix(" %")
        self.fu_update = QPushButton(self.tr("Update progress"))
        self.fu_update.clicked.connect(self._update_progress)
        assign_row = QHBoxLayout()
        for widget in (self.fu_action, self.fu_owner, self.fu_due, self.fu_assign):
            assign_row.addWidget(widget)
        progress_row = QHBoxLayout()
        progress_row.addWidget(QLabel(self.tr("Selected follow-up:")))
        progress_row.addWidget(self.fu_progress)
        progress_row.addWidget(self.fu_update)
        progress_row.addStretch(1)
        follow_box = QGroupBox(self.tr("Follow-up"))
        follow_layout = QVBoxLayout(follow_box)
        follow_layout.addWidget(self.follow_ups)
        follow_layout.addLayout(assign_row)
        follow_layout.addLayout(progress_row)

        self.escalation = QLabel()
        self.escalation.setWordWrap(True)
        escalation_box = QGroupBox(self.tr("Escalation"))
        QVBoxLayout(escalation_box).addWidget(self.escalation)
        self.history = QPlainTextEdit()
        self.history.setReadOnly(True)
        history_box = QGroupBox(self.tr("History"))
        QVBoxLayout(history_box).addWidget(self.history)

        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.meta)
        layout.addWidget(self.elsewhere)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(follow_box)
        layout.addWidget(escalation_box)
        layout.addWidget(history_box, 1)
        self.show_recommendation(None)

    # -- showing -----------------------------------------------------------------------------
    def show_recommendation(self, rec_id: str | None) -> None:
        self.message.clear_message()
        self.detail = self._ws.read(recommendation_detail, rec_id, self._ws.ctx.device_id) if rec_id else None
        self.setEnabled(self.detail is not None)
        if self.detail is None:
            self.text.setText(self.tr("Select a recommendation to see its history and act on it."))
            self.meta.setText("")
            self._show_markers([])
            self.follow_ups.clear()
            self.escalation.setText("")
            self.history.setPlainText("")
            return
        d = self.detail
        rec = d.rec
        self.text.setText(rec.text)
        self.meta.setText(
            self.tr("{forum} · scope: {scope} · status: {status} · {votes} vote(s) · raised by {who}").format(
                forum=d.forum_title,
                scope=label(rec.scope),
                status=label(rec.status),
                votes=rec.votes,
                who=d.raised_by or "—",
            )
            + (f"<br><i>{rec.status_reason}</i>" if rec.status_reason else "")
        )
        self._show_markers(d.changed_elsewhere)
        for name, button in self.buttons.items():
            button.setVisible(name in d.actions)
        self.scope_button.setVisible(rec.status in (RecStatus.PROPOSED, RecStatus.ACCEPTED))
        self.answer_button.setVisible(any(e.status in WAITING for e in d.escalations))
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
        can_follow = rec.scope == Scope.UNIT and rec.status in (RecStatus.ACCEPTED, RecStatus.IN_PROGRESS)
        for editor in (self.fu_action, self.fu_owner, self.fu_due, self.fu_assign):
            editor.setEnabled(can_follow)
        proposed = default_due(self._ws.ctx)
        self.fu_due.setDate(QDate(proposed.year, proposed.month, proposed.day))
        self.fu_update.setEnabled(bool(d.follow_ups))
        self.escalation.setText(
            "<br>".join(
                self.tr("{status}: sent {sent}, answer due {due}").format(
                    status=label(e.status),
                    sent=e.sent_at.astimezone().strftime("%d-%m-%Y"),
                    due=e.due_on.strftime("%d-%m-%Y"),
                )
                + (f" — {label(e.outcome)}: {e.answer}" if e.outcome else "")
                for e in d.escalations
            )
            or self.tr("Not escalated.")
        )
        self.history.setPlainText("\n".join(_history_line(h) for h in d.history))

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

    def _update_progress(self) -> None:
        if not self.detail or not self.detail.follow_ups:
            return
        row = max(self.follow_ups.currentRow(), 0)
        item = self.detail.follow_ups[row]
        changes: dict[str, object] = {"progress": self.fu_progress.value()}
        if self.fu_progress.value() >= 100 and not item.evidence:
            evidence, ok = QInputDialog.getText(self, self.tr("Evidence"), self.tr("What shows it is done?"))
            if not ok:
                return
            changes["evidence"] = evidence
        self._write(update_follow_up, item.id, **changes)

    def _record_answer(self) -> None:
        if not self.detail:
            return
        open_one = next(e for e in reversed(self.detail.escalations) if e.status in WAITING)
        dialog = AnswerDialog(self._ws, open_one.id, self)
        if dialog.exec():
            self._after()
