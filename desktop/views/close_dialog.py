"""Closing a forum: its berita acara is frozen as it is now, so the dialog first asks for what
the minutes still lack (the number, the signatories' names and NIP, the office's city where
they are signed), and on which paper they are printed. What is left empty is said inline (an
empty signature block for the public's representative by name) and written by hand on the
printout (desktop.services.minutes_gaps). A forum with nobody signed in, or with no venue, would
be frozen as if it had barely taken place: the dialog says so, asks for the venue, and closes
only once the user ticks that it is meant (the button waits for it)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.models import Forum, Unit
from desktop.services.forums import close_forum
from desktop.services.lookup import load
from desktop.services.minutes_gaps import attendees, closing_doubts, gaps
from desktop.services.signatory_roles import role_words
from desktop.views.common import InlineMessage
from desktop.views.look import primary
from desktop.views.wheel import guard_wheel

SIGNATORY_KEYS = ("role", "name", "nip", "title")


class CloseForumDialog(QDialog):
    def __init__(self, ws: Workspace, forum_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._forum_id = forum_id
        self.minutes_id: str | None = None
        forum = ws.read(load, Forum, forum_id, "Forum")
        unit = ws.read(load, Unit, forum.unit_id, "Unit")
        self._signatories = [dict(person) for person in forum.signatories]
        self.setWindowTitle(self.tr("Close the forum"))
        explain = QLabel(
            self.tr(
                "Closing the forum freezes its berita acara as it is now: every laptop of the office "
                "prints exactly this, and the forum takes no more changes (its recommendations are "
                "still triaged). What reaches the office afterwards goes in the follow-up report."
            )
        )
        explain.setWordWrap(True)
        self.number = QLineEdit(forum.document_number)
        self.number.setPlaceholderText(self.tr("e.g. BA-1/KPN.1701/2024"))
        self.number.textChanged.connect(self._show_gaps)
        number_label = QLabel(self.tr("&Number of the minutes"))
        number_label.setBuddy(self.number)
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem(self.tr("Folio (215 × 330 mm)"), "folio")
        paper_label = QLabel(self.tr("&Paper"))
        paper_label.setBuddy(self.paper)
        form = QFormLayout()
        form.addRow(number_label, self.number)
        form.addRow(paper_label, self.paper)
        # The office's city, where the minutes are signed: asked for here while it has none.
        self.city: QLineEdit | None = None
        if not unit.city.strip():
            self.city = QLineEdit()
            self.city.setPlaceholderText(self.tr("e.g. Sorong"))
            self.city.textChanged.connect(self._show_gaps)
            city_label = QLabel(self.tr("Signing &place (the office's city)"))
            city_label.setBuddy(self.city)
            form.insertRow(1, city_label, self.city)
        self._city = unit.city
        # The venue, asked for here while the forum has none (the berita acara says where).
        self.venue: QLineEdit | None = None
        if not forum.venue.strip():
            self.venue = QLineEdit()
            self.venue.setPlaceholderText(self.tr("e.g. Aula KPPN Sorong"))
            self.venue.textChanged.connect(self._show_gaps)
            venue_label = QLabel(self.tr("&Venue of the forum"))
            venue_label.setBuddy(self.venue)
            form.insertRow(0, venue_label, self.venue)
        self._present = ws.read(attendees, forum_id)

        self.names: list[QLineEdit] = []
        self.nips: list[QLineEdit] = []
        people = QGroupBox(self.tr("Signatories"))
        grid = QGridLayout(people)
        grid.addWidget(QLabel("<b>" + self.tr("Name") + "</b>"), 0, 1)
        grid.addWidget(QLabel("<b>" + self.tr("NIP") + "</b>"), 0, 2)
        for row, person in enumerate(self._signatories, start=1):
            grid.addWidget(QLabel(person.get("title") or role_words(person.get("role", ""))), row, 0)
            name, nip = QLineEdit(person.get("name", "")), QLineEdit(person.get("nip", ""))
            name.textChanged.connect(self._show_gaps)
            nip.setPlaceholderText(self.tr("e.g. 19750515 200003 1 001"))
            # room for a whole NIP as printed (8-6-1-3), and for the hint while it is empty
            widest = max(
                nip.placeholderText(), "19750515 200003 1 001 ", key=nip.fontMetrics().horizontalAdvance
            )
            nip.setMinimumWidth(nip.fontMetrics().horizontalAdvance(widest) + 16)
            grid.addWidget(name, row, 1)
            grid.addWidget(nip, row, 2)
            self.names.append(name)
            self.nips.append(nip)
        self.gaps = QLabel()
        self.gaps.setWordWrap(True)
        self.gaps.setStyleSheet("color: #8a5a00;")
        self.doubts = QLabel()  # what would make the frozen minutes read as a forum not held
        self.doubts.setWordWrap(True)
        self.doubts.setStyleSheet("color: #b00000;")
        self.confirm = QCheckBox(self.tr("Close it &anyway: the berita acara is frozen like this"))
        self.confirm.toggled.connect(self._show_gaps)
        self.message = InlineMessage(lines=2)  # its room kept: the buttons below stay put
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = buttons.addButton(
            self.tr("&Close the forum"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        primary(self.close_button, "close-forum")
        buttons.accepted.connect(self.close_forum)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        if self._signatories:
            layout.addWidget(people)
        layout.addWidget(self.doubts)
        layout.addWidget(self.confirm)
        layout.addWidget(self.gaps)
        layout.addWidget(self.message)
        layout.addStretch(1)  # the hints come and go; the fields stay where they are
        layout.addWidget(buttons)
        guard_wheel(self)  # the wheel scrolls; it changes a field only with the focus
        self._show_gaps()
        self.resize(620, self.sizeHint().height())

    def _show_gaps(self) -> None:
        """What the minutes will lack, said before they are frozen (not a refusal)."""
        said = gaps(self.number.text(), self.signatories(), self.city.text() if self.city else self._city)
        self.gaps.setText("\n".join(said))
        self.gaps.setVisible(bool(said))
        doubts = closing_doubts(self._present, self.venue.text() if self.venue else "-")
        self.doubts.setText("\n".join(doubts))
        self.doubts.setVisible(bool(doubts))
        self.confirm.setVisible(bool(doubts))
        self.close_button.setEnabled(not doubts or self.confirm.isChecked())

    def signatories(self) -> list[dict[str, str]]:
        people = []
        for person, name, nip in zip(self._signatories, self.names, self.nips, strict=True):
            people.append(
                {
                    **{k: person.get(k, "") for k in SIGNATORY_KEYS},
                    "name": name.text().strip(),
                    "nip": nip.text().strip(),
                }
            )
        return people

    def close_forum(self) -> None:
        if self.confirm.isVisible() and not self.confirm.isChecked():
            return  # the red lines above say what is missing; the box says it is meant
        try:
            self.minutes_id = self._ws.write(
                close_forum,
                self._forum_id,
                document_number=self.number.text().strip(),
                signatories=self.signatories(),
                paper=str(self.paper.currentData()),
                city=self.city.text() if self.city else None,
                venue=self.venue.text() if self.venue else None,
            )
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        self.accept()
