"""The projector view (*tampilan layar*): a second window for the room's projector showing a
running forum's recommendations live, in large type — the agenda item being discussed, and each
recommendation with its scope and votes, as the note-taker saves, edits, votes, re-scopes, merges
or deletes them. It never shows who said what nor anyone's contact details (UU 27/2022): the
data it reads has none.

It opens full screen on the second screen when there is one; F11 toggles full screen, Esc leaves
it. It follows the workspace's change feed and re-reads only the records a change touched."""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QResizeEvent, QScreen, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.app.workspace import Changes, Workspace
from desktop.core import i18n
from desktop.core.vocab import Scope, label
from desktop.services.projector import (
    ScreenHeading,
    ScreenRecommendation,
    screen_heading,
    screen_recommendations,
)

FOLLOW_DELAY_MS = 50  # changes arriving together (a merge, quick votes) are shown together
SCOPE_COLOURS = {Scope.UNIT: ("#e6f4ea", "#1e5631"), Scope.POLICY: ("#e8f0fe", "#174ea6")}
JUST_CHANGED = "#fff4c2"


def other_screen(screens: Sequence[QScreen], laptop: QScreen | None) -> QScreen | None:
    """The screen for the projector: the first one that is not the laptop's, if any."""
    return next((screen for screen in screens if screen is not laptop), None) if len(screens) > 1 else None


class RecommendationCard(QFrame):
    """One recommendation as the room sees it: number, text, scope, votes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._shown: tuple[ScreenRecommendation, int, bool] | None = None
        self.number = QLabel()
        self.number.setObjectName("number")
        self.number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.scope = QLabel()
        self.scope.setObjectName("scope")
        self.votes = QLabel()
        self.votes.setObjectName("votes")
        self.votes.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        side = QVBoxLayout()
        side.addWidget(self.votes)
        side.addStretch(1)
        body = QVBoxLayout()
        body.addWidget(self.text)
        body.addWidget(self.scope, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(self)
        layout.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(body, 1)
        layout.addLayout(side)

    def show_recommendation(self, rec: ScreenRecommendation, number: int, just_changed: bool) -> None:
        shown = (rec, number, just_changed)
        if shown == self._shown:
            return  # a style sheet set again costs a re-polish: only cards that changed
        self._shown = shown
        self.number.setText(f"{number}.")
        self.text.setText(rec.text)
        self.scope.setText(label(rec.scope))
        background, colour = SCOPE_COLOURS[rec.scope]
        self.scope.setStyleSheet(f"background: {background}; color: {colour};")
        self.votes.setText(self.tr("{n} vote(s)").format(n=i18n.number(rec.votes)))
        self.setStyleSheet(f"#card {{ background: {JUST_CHANGED if just_changed else 'white'}; }}")


class ProjectorWindow(QWidget):
    def __init__(self, ws: Workspace, forum_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._ws = ws
        self.forum_id = forum_id
        self.setObjectName("projector")
        # Shown without taking the keyboard: the note-taker goes on typing on the laptop.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.title = QLabel()
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        self.agenda = QLabel()
        self.agenda.setObjectName("agenda")
        self.agenda.setWordWrap(True)
        self.count = QLabel()
        self.count.setObjectName("count")
        self.empty = QLabel(self.tr("No recommendations yet. They appear here as they are recorded."))
        self.empty.setObjectName("empty")
        self.empty.setWordWrap(True)
        self.cards_box = QVBoxLayout()
        self.cards_box.setSpacing(8)
        holder = QWidget()
        holder.setObjectName("holder")
        column = QVBoxLayout(holder)
        column.addWidget(self.empty)
        column.addLayout(self.cards_box)
        column.addStretch(1)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setWidget(holder)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.count, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.agenda)
        layout.addWidget(self.area, 1)

        self.recommendations: dict[str, ScreenRecommendation] = {}
        self.cards: dict[str, RecommendationCard] = {}
        self.just_changed: str | None = None
        self._pending: set[str] = set()
        self._heading_pending = False
        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(FOLLOW_DELAY_MS)
        self._follow.timeout.connect(self._apply_changes)
        listener = self._changed
        ws.change_listeners.append(listener)

        def stop_following() -> None:  # when the window is gone (its Python side may be half torn down)
            if listener in ws.change_listeners:
                ws.change_listeners.remove(listener)

        self.destroyed.connect(stop_following)
        QShortcut(QKeySequence("F11"), self, self.toggle_full_screen)
        QShortcut(QKeySequence("Esc"), self, self.showNormal)
        self._scale()
        self.reload()

    # -- following the forum ------------------------------------------------------------------
    def _stop_following(self, ws: Workspace) -> None:
        if self._changed in ws.change_listeners:
            ws.change_listeners.remove(self._changed)

    def _changed(self, changes: Changes) -> None:
        """A write happened (on the GUI thread): note what it touched, show it shortly."""
        for table, record_id in changes:
            if table == "recommendations":
                self._pending.add(record_id)
            elif table in ("agenda_items", "forums"):
                self._heading_pending = True
        if (self._pending or self._heading_pending) and shiboken6.isValid(self):
            self._follow.start()

    def _apply_changes(self) -> None:
        ids, self._pending = self._pending, set()
        if self._heading_pending:
            self._heading_pending = False
            self._show_heading(self._ws.read(screen_heading, self.forum_id))
        if not ids:
            return
        for rec in self._ws.read(screen_recommendations, self.forum_id, ids):
            self.recommendations[rec.id] = rec
            ids.discard(rec.id)
            self.just_changed = rec.id
        for gone in ids:  # deleted, merged away, or of another forum
            self.recommendations.pop(gone, None)
            card = self.cards.pop(gone, None)
            if card is not None:
                card.deleteLater()
        self._show_cards()

    def reload(self) -> None:
        """Read everything again (when opened, and after a sync brought changes)."""
        self._show_heading(self._ws.read(screen_heading, self.forum_id))
        self.recommendations = {r.id: r for r in self._ws.read(screen_recommendations, self.forum_id)}
        for rec_id in [i for i in self.cards if i not in self.recommendations]:
            self.cards.pop(rec_id).deleteLater()
        self._show_cards()

    # -- showing -----------------------------------------------------------------------------
    def _show_heading(self, heading: ScreenHeading) -> None:
        self.setWindowTitle(self.tr("Projector view — {title}").format(title=heading.title))
        self.title.setText(heading.title)
        if heading.agenda_number:
            self.agenda.setText(
                self.tr("Now discussing: {number}. {title}").format(
                    number=heading.agenda_number, title=heading.agenda_title
                )
            )
        self.agenda.setVisible(bool(heading.agenda_number))

    def _show_cards(self) -> None:
        """Newest first; numbered in the order typed, as the berita acara numbers them."""
        in_order = sorted(self.recommendations.values(), key=lambda r: (r.created_at, r.id))
        for number, rec in enumerate(in_order, start=1):
            card = self.cards.get(rec.id)
            if card is None:
                card = self.cards[rec.id] = RecommendationCard()
            card.show_recommendation(rec, number, rec.id == self.just_changed)
        for position, rec in enumerate(reversed(in_order)):
            card = self.cards[rec.id]
            if self.cards_box.indexOf(card) != position:
                self.cards_box.insertWidget(position, card)
        self.empty.setVisible(not in_order)
        self.count.setText(self.tr("{n} recommendation(s)").format(n=i18n.number(len(in_order))))
        changed = self.cards.get(self.just_changed or "")
        if changed is not None:
            QTimer.singleShot(0, lambda: self._bring_into_view(changed))

    def _bring_into_view(self, card: RecommendationCard) -> None:
        if shiboken6.isValid(card) and shiboken6.isValid(self):  # once laid out
            self.area.ensureWidgetVisible(card)

    def texts(self) -> list[str]:
        """Every text the window shows (its title and labels): what the room can read."""
        return [self.windowTitle(), *(w.text() for w in self.findChildren(QLabel) if w.isVisibleTo(self))]

    # -- the screen --------------------------------------------------------------------------
    def present(self, laptop: QScreen | None) -> None:
        """Show on the projector (full screen on the second screen), or as a window here."""
        target = other_screen(QGuiApplication.screens(), laptop)
        if target is None:
            available = (laptop or QGuiApplication.primaryScreen()).availableGeometry()
            frame = QRect(0, 0, int(available.width() * 0.7), int(available.height() * 0.7))
            frame.moveCenter(available.center())
            self.setGeometry(frame)
            self.show()
        else:
            self.winId()  # the native window, to place on that screen (an X screen of its own, or
            self.windowHandle().setScreen(target)  # a part of one desktop, as on Windows)
            self.setGeometry(target.geometry())
            # Not showFullScreen(): it also activates the window, taking the note-taker's keyboard.
            self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen)
            self.show()
        self.raise_()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def _scale(self) -> None:
        """Large type that grows with the window: read from the back of the room."""
        base = max(18, min(self.height() // 20, self.width() // 36))
        self.setStyleSheet(
            "#projector, #holder { background: white; }"
            f"QLabel {{ color: #111111; font-size: {base}px; }}"
            f"#title {{ font-size: {int(base * 1.3)}px; font-weight: bold; }}"
            f"#agenda {{ font-size: {base}px; color: #174ea6; padding-bottom: 6px; }}"
            f"#count {{ font-size: {int(base * 0.8)}px; color: #555555; }}"
            f"#number {{ color: #555555; min-width: {int(base * 1.6)}px; }}"
            f"#scope {{ font-size: {int(base * 0.7)}px; padding: 2px 8px; border-radius: 4px; }}"
            f"#votes {{ font-weight: bold; min-width: {int(base * 3.5)}px; }}"
            f"#empty {{ color: #555555; }}"
            "#card { border-bottom: 1px solid #dddddd; }"
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_following(self._ws)
        super().closeEvent(event)
