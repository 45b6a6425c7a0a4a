""" "Perlu perhatian" (needs attention): every change the server refused that nobody has dealt with
yet, and every value that lost to a concurrent edit on another laptop. Background sync never
pops a dialog; this is where a user looks (the navigation's badge and the status bar count what
is here).

A refused change shows what it was (in words), why (the server's refusal in the language of
the moment), when, and what to do: retry it, discard it (this laptop keeps the server's
state), or copy what it created as a new record. A "changed elsewhere" marker shows both values
and is resolved or dismissed for every laptop of the office.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.core.i18n import number
from desktop.core.zones import screen_time
from desktop.services.attention import ConflictItem, RefusedItem, conflict_items, refused_items
from desktop.services.record_words import shortened
from desktop.services.refused import copy_as_new, discard, retry
from desktop.sync.refusals import describe
from desktop.views.common import InlineMessage, app_title
from desktop.views.conflict_card import ConflictCard
from desktop.views.look import page_title
from desktop.views.rows_model import Index, RowsModel
from protocol.refusals import Refusal

CELL = 160  # characters of a value in the list (the whole value is shown below it)
LATER_SHOWN = 6  # the changes folded into an item that its detail names one by one


class _Rows(RowsModel):
    """The list's texts; a cell's tooltip is its whole text (a row shows three lines)."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return self.text(index.row(), index.column())
        return super().data(index, role)


@dataclass(frozen=True)
class Entry:
    """One row of the list: a refused change or a marker."""

    key: str
    refused: RefusedItem | None = None
    conflict: ConflictItem | None = None


def _when(moment: datetime | None, zone: tzinfo | None) -> str:
    return screen_time(moment, zone) if moment else "—"


class AttentionPage(QWidget):
    changed = Signal()  # a choice went through: counts, other pages and the next sync follow

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self.entries: list[Entry] = []
        self.intro = QLabel(
            self.tr(
                "Changes the server refused, and values that lost to a change made at the same time "
                "on another laptop. Nothing here is lost: choose what happens to each."
            )
        )
        self.intro.setWordWrap(True)
        self.model = _Rows([self.tr("What"), self.tr("Why"), self.tr("When")])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        # Three lines a row, whatever the text (the whole of it is below the list and in the
        # tooltip): sizing each row to its text took half a second at a few hundred rows.
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * 3 + 6)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.empty = QLabel(
            self.tr(
                "Nothing needs your attention: the server refused no change, and no value lost to another laptop."
            )
        )
        self.empty.setStyleSheet("color: #1b5e20; font-size: 11pt;")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.list = QStackedWidget()  # the list, or the line saying there is nothing
        self.list.addWidget(self.table)
        self.list.addWidget(self.empty)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.retry_button = QPushButton(self.tr("&Retry"))
        self.retry_button.setToolTip(
            self.tr("Make the change again now, on the record as it is, and send it.")
        )
        self.discard_button = QPushButton(self.tr("D&iscard…"))
        self.discard_button.setToolTip(self.tr("Keep what the server has; your refused change is not sent."))
        self.copy_button = QPushButton(self.tr("&Copy as new"))
        self.copy_button.setToolTip(self.tr("Add what you typed again, as a new record of this office."))
        self.retry_button.clicked.connect(
            lambda: self._act(retry, self.tr("Sent again: it goes out with the next sync."))
        )
        self.discard_button.clicked.connect(self._discard)
        self.copy_button.clicked.connect(self._copy)
        self.refused_buttons = QWidget()
        buttons = QHBoxLayout(self.refused_buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.retry_button, self.discard_button, self.copy_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.card_slot = QVBoxLayout()
        self.card: ConflictCard | None = None
        self.message = InlineMessage()
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Needs attention")))
        layout.addWidget(self.intro)
        layout.addWidget(self.message)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.refused_buttons)
        layout.addLayout(self.card_slot)
        self.reload()

    # -- reading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the list again (after a sync, after a choice); the entry selected stays so."""
        chosen = self.selected()
        device_id = self._ws.ctx.device_id
        refused = self._ws.read(refused_items)
        markers = self._ws.read(conflict_items, device_id)
        self.entries = [Entry(f"r:{item.key}", refused=item) for item in refused] + [
            Entry(f"c:{m.marker.entity_id}:{m.marker.register}:{m.marker.loser_hlc}", conflict=m)
            for m in markers
        ]
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows([self._cells(entry) for entry in self.entries])
        self.table.selectionModel().blockSignals(False)
        self.list.setCurrentWidget(self.table if self.entries else self.empty)
        keys = [e.key for e in self.entries]
        if chosen is not None and chosen.key in keys:
            self.table.selectRow(keys.index(chosen.key))
        elif self.entries:
            self.table.selectRow(0)
        self._show_selected()

    def count(self) -> int:
        return len(self.entries)

    def _cells(self, entry: Entry) -> tuple[str, str, str]:
        if entry.refused is not None:
            item = entry.refused
            what = item.what + (
                " " + self.tr("(and {n} later change(s) that depend on it)").format(n=number(len(item.later)))
                if item.later
                else ""
            )
            return what, self.why(item), _when(item.refused_at, self._ws.ctx.zone)
        assert entry.conflict is not None
        c = entry.conflict
        what = self.tr("{record}: {fields} changed on another laptop at the same time").format(
            record=c.subject, fields=c.fields[:1].lower() + c.fields[1:]
        )
        why = self.tr("Kept: “{now}”; lost: “{lost}”").format(
            now=shortened(c.now, CELL), lost=shortened(c.lost, CELL)
        )
        return what, why, _when(c.at, self._ws.ctx.zone)

    def why(self, item: RefusedItem) -> str:
        return describe(item.code, item.params)

    def advice(self, item: RefusedItem) -> str:
        """What to do about it, by the refusal's code."""
        code = item.code
        if code == Refusal.STALE_TRANSITION:
            return self.tr(
                "This laptop now shows the change made first on the other laptop. Discard yours to keep "
                "it, or retry to make yours on top of it, if the rules still allow it."
            )
        if code in (Refusal.UNKNOWN_RECORD, Refusal.NOT_VISIBLE):
            return self.tr(
                "The server does not have the record this change needs. Retry once it is there (after "
                "the other laptop has synced), or discard the change."
            )
        if code in (Refusal.NOT_YOUR_RECORD, Refusal.ID_TAKEN):
            return self.tr("Copy it as new to keep what you typed as a record of this office, or discard it.")
        if code in (Refusal.UNKNOWN_KIND, Refusal.UNKNOWN_ENTITY, Refusal.UPGRADE_REQUIRED):
            return self.tr("The server runs an older Mufakat: retry once the administrator has updated it.")
        if item.can_copy:
            return self.tr("The server will not take it as it is. Copy it as new, or discard it.")
        if item.can_retry:
            return self.tr("Retry it, or discard it to keep what the server has.")
        return self.tr("The server will not take this change. Discard it to keep what the server has.")

    def selected(self) -> Entry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows and rows[0].row() < len(self.entries) else None

    # -- the selected entry ----------------------------------------------------------------
    def _show_selected(self) -> None:
        entry = self.selected()
        if self.card is not None:
            self.card.setParent(None)
            self.card.deleteLater()
            self.card = None
        item = entry.refused if entry is not None else None
        self.refused_buttons.setVisible(item is not None)
        if item is not None:
            self.retry_button.setEnabled(item.can_retry)
            self.copy_button.setEnabled(item.can_copy)
            self.detail.setText(self._detail(item))
        else:
            self.detail.setText("")
        if entry is not None and entry.conflict is not None:
            self.card = ConflictCard(self._ws, entry.conflict)
            self.card.resolved.connect(self._resolved)
            self.card.refused.connect(self.message.error)
            self.card_slot.addWidget(self.card)
            self.card.show()  # at once: its keys work as soon as the entry is chosen
        self.detail.setVisible(item is not None)

    def _detail(self, item: RefusedItem) -> str:
        lines = [
            f"<b>{escape(item.what)}</b>",
            escape(self.tr("Why: {why}").format(why=self.why(item))),
            escape(
                self.tr("Made {made}; refused {refused}").format(
                    made=_when(item.made_at, self._ws.ctx.zone), refused=_when(item.refused_at, self._ws.ctx.zone)
                )
            ),
            escape(self.tr("What to do: {advice}").format(advice=self.advice(item))),
        ]
        if item.later:
            lines.append(escape(self.tr("Depends on it, and follows your choice:")))
            lines += [f"&nbsp;&nbsp;• {escape(text)}" for text in item.later[:LATER_SHOWN]]
            if len(item.later) > LATER_SHOWN:
                more = self.tr("… and {n} more").format(n=len(item.later) - LATER_SHOWN)
                lines.append(f"&nbsp;&nbsp;{escape(more)}")
        return "<br>".join(lines)

    # -- choices ---------------------------------------------------------------------------
    def _act(self, choice: Callable[..., object], done: str) -> bool:
        entry = self.selected()
        if entry is None or entry.refused is None:
            return False
        try:
            self._ws.write(choice, entry.refused.key)
        except MufakatError as exc:
            self.message.error(exc.message)
            return False
        self.message.info(done)
        self._after()
        return True

    def _discard(self) -> None:
        entry = self.selected()
        if entry is None or entry.refused is None:
            return
        answer = QMessageBox.question(
            self,
            app_title(),
            self.tr(
                "Discard this change? This laptop keeps what the server has; the refused change is not "
                "sent (it stays in the log of refused changes)."
            )
            + "\n\n"
            + entry.refused.what,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._act(discard, self.tr("Discarded: this laptop keeps what the server has."))

    def _copy(self) -> None:
        entry = self.selected()
        if entry is None or entry.refused is None:
            return
        try:
            copied = self._ws.write(copy_as_new, entry.refused.key)
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        text = self.tr("Copied as new: it goes out with the next sync.")
        if copied.left:
            text += " " + self.tr(
                "{n} later change(s) (a status, votes, a follow-up) start over on the copy."
            ).format(n=copied.left)
        self.message.info(text)
        self._after()

    def _resolved(self) -> None:
        self.message.info(self.tr("Done: the other laptops of the office follow at their next sync."))
        self._after()

    def _after(self) -> None:
        self.reload()
        self.changed.emit()
