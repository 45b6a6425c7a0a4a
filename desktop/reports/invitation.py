"""Surat undangan: the invitation to a forum, one letter per invited organisation (its invitees
named for attention, *u.p.*) and one per person invited on their own, all in one PDF to print
and sign (PermenPANRB 16/2017, pra pelaksanaan: the public's elements are invited).

Each letter is an official letter (tata naskah dinas): the kop, nomor, sifat, lampiran and hal
beside the place and date, the addressee, the invitation with the day, time, place and
programme, the closing formula and the head's signature. Nomor, sifat and hal are the office's
templates (a forum may have its own); a letter's pages are numbered within the letter.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Spacer

from desktop.core.vocab import ForumMode, Gender
from desktop.reports import indonesian
from desktop.reports.collecting import collector_paused
from desktop.reports.evidence import numbered, sign_off
from desktop.reports.layout import (
    FONT,
    MARGIN_BOTTOM,
    MARGIN_RIGHT,
    DocTable,
    Styles,
    build_pdf,
    content_width,
    key_values,
    letterhead,
    markup,
    signature_blocks,
    text,
)
from desktop.reports.parts import head_of, kop, label, signing_place, time_span
from desktop.services.document_data import Invitations, Invitee, Letter

PLACEHOLDER = "……………………………"  # a number (or a date) to fill in by hand
CLOSING = "Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan terima kasih."


def salutation(person: Invitee) -> str:
    title = (
        {Gender.MALE: "Bapak", Gender.FEMALE: "Ibu"}.get(person.gender, "Bapak/Ibu")
        if person.gender
        else "Bapak/Ibu"
    )
    return f"{title} {person.name}"


def joined(items: Sequence[str]) -> str:
    """A, B, dan C (Indonesian lists end with "dan")."""
    if len(items) <= 2:
        return " dan ".join(items)
    return ", ".join(items[:-1]) + f", dan {items[-1]}"


def addressee(letter: Letter) -> list[str]:
    """The lines after "Yth.": the organisation's head, for the attention of its invitees; or
    the person invited on their own."""
    if not letter.organization:
        return [salutation(letter.invitees[0])]
    return [f"Pimpinan {letter.organization}", f"u.p. {joined([salutation(p) for p in letter.invitees])}"]


class _LetterStart(Flowable):
    """Marks the page a letter starts on (draws nothing)."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, _aw: float, _ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._letter_index = self.index


class _LetterCanvas(Canvas):
    """Numbers the pages of each letter apart ("Halaman 2 dari 2" on a letter's second page;
    a one-page letter carries no page number)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **{**kwargs, "initialFontName": FONT})
        self._pages: list[dict[str, Any]] = []
        self._letter_index = 0

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        letters = [state["_letter_index"] for state in self._pages]
        for number, state in enumerate(self._pages):
            self.__dict__.update(state)
            own = [i for i, letter in enumerate(letters) if letter == letters[number]]
            if len(own) > 1:
                width, _height = self._pagesize
                self.saveState()
                self.setFont(FONT, 8.5)
                self.setFillColor(colors.Color(0.3, 0.3, 0.3))
                page = f"Halaman {own.index(number) + 1} dari {len(own)}"
                self.drawRightString(width - MARGIN_RIGHT, MARGIN_BOTTOM / 2, page)
                self.restoreState()
            super().showPage()
        super().save()


def _head(doc: Invitations, width: float) -> Flowable:
    t = doc.templates
    when = indonesian.long_date(doc.letter_date) if doc.letter_date else PLACEHOLDER
    pairs = [
        ("Nomor", t.invitation_number or PLACEHOLDER),
        ("Sifat", t.invitation_nature),
        ("Lampiran", "-"),
        ("Hal", t.invitation_subject),
    ]
    return DocTable(
        [
            [
                key_values(pairs, width * 0.62, 22 * mm),
                text(signing_place(doc.forum.unit, when), Styles.right),
            ]
        ],
        colWidths=[width * 0.63, width * 0.37],
        style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
    )


def _body(doc: Invitations, letter: Letter, width: float) -> list[Flowable]:
    forum = doc.forum
    unit = forum.unit
    theme = f" dengan tema <b>{escape(forum.theme)}</b>" if forum.theme else ""
    when = time_span(forum)
    place = forum.venue or ("(tautan disampaikan kemudian)" if forum.mode == ForumMode.ONLINE else "")
    if forum.mode != ForumMode.FACE_TO_FACE:
        place = f"{place} ({label(forum.mode).lower()})" if place else label(forum.mode)
    details = [
        ("Hari, tanggal", f"{indonesian.day_name(forum.held_on)}, {indonesian.long_date(forum.held_on)}"),
        ("Waktu", when[0].upper() + when[1:] if when else ""),
        ("Tempat", place),
        ("Acara", forum.title),
    ]
    who = "Bapak/Ibu atau pejabat yang ditunjuk" if letter.organization else "Bapak/Ibu"
    story: list[Flowable] = [
        markup(
            f"Dalam rangka meningkatkan kualitas pelayanan publik, {escape(unit.name)} akan menyelenggarakan "
            f"Forum Konsultasi Publik{theme} untuk menghimpun masukan dan saran dari unsur masyarakat."
        ),
        text(f"Sehubungan dengan hal tersebut, kami mengundang {who} untuk hadir pada:", Styles.lead_in),
        key_values(details, width - 10 * mm, 30 * mm),
    ]
    if forum.agenda:
        story.append(Spacer(1, 4))
        story.append(text("dengan susunan acara:", Styles.lead_in))
        story.append(numbered([item.title for item in forum.agenda], width))
    story.append(Spacer(1, 4))
    story.append(
        text(
            "Mengingat pentingnya masukan Bapak/Ibu bagi perbaikan pelayanan, kami mengharapkan "
            "kehadiran Bapak/Ibu tepat pada waktunya."
        )
    )
    return story


def _letter(doc: Invitations, letter: Letter, width: float, index: int) -> list[Flowable]:
    story: list[Flowable] = [_LetterStart(index), *letterhead(kop(doc.forum.unit))]
    story.append(_head(doc, width))
    story.append(Spacer(1, 10))
    lines = "<br/>".join(escape(line) for line in addressee(letter))
    story.append(markup(f"Yth. {lines}<br/>di Tempat", Styles.left))
    story.append(Spacer(1, 10))
    story += _body(doc, letter, width)
    head = head_of(doc.forum.unit)
    sign_off(story, [Spacer(1, 2), text(CLOSING), Spacer(1, 10)], signature_blocks([head], width))
    return story


@collector_paused
def build_invitations(doc: Invitations, paper: str = "a4") -> bytes:
    width = content_width(paper)
    story: list[Flowable] = []
    for index, letter in enumerate(doc.letters):
        if index:
            story.append(PageBreak())
        story += _letter(doc, letter, width, index)
    # The documents' one page set-up: the margins, no "today" in the file, and a lead-in kept
    # with the first lines of what it announces (desktop/reports/headings.py).
    return build_pdf(story, paper=paper, title=f"Undangan {doc.forum.title}", canvas=_LetterCanvas)
