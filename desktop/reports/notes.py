"""Notulen of a forum: who said what, per agenda item, and the office's response to each (PEKPPP:
the public's input is recorded and answered). The forum's details head it; the note-taker signs,
the head of the office acknowledges (*mengetahui*). An internal record: speakers are named
with their organisation, as a notulen names them; no contact details.

A forum that is not closed prints as a draft, as its berita acara does.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desktop.core.vocab import ForumStatus, Scope
from desktop.reports import indonesian
from desktop.reports.collecting import collector_paused
from desktop.reports.evidence import HEADING, evidence_note, sign_off
from desktop.reports.layout import (
    CachedParagraph,
    Signatory,
    Styles,
    build_pdf,
    content_width,
    key_values,
    letterhead,
    numbered,
    signature_blocks,
    text,
)
from desktop.reports.minutes import agreement_items
from desktop.reports.parts import head_of, kop, label, place_and_date, time_span
from desktop.services.document_data import NoteLine, Notes

NO_ITEM = "Masukan di luar mata acara"
NO_RESPONSE = "(belum ada tanggapan)"
RESPONSE = "Tanggapan"
# In the size of a table's cells (the notulen's rows were), the width of the page.
INPUT = ParagraphStyle(
    "note_input", parent=Styles.numbered, fontSize=9, leading=11.5, spaceBefore=4, spaceAfter=0.5
)
ANSWER = ParagraphStyle("note_answer", parent=INPUT, spaceBefore=0, spaceAfter=0)


def _details(doc: Notes, width: float) -> Flowable:
    forum = doc.forum
    when = time_span(forum)
    chair = forum.moderator or forum.facilitator
    present = len(forum.attendees)
    return key_values(
        [
            ("Kegiatan", forum.title),
            ("Hari, tanggal", f"{indonesian.day_name(forum.held_on)}, {indonesian.long_date(forum.held_on)}"),
            ("Waktu", when[0].upper() + when[1:] if when else ""),
            ("Tempat", forum.venue),
            ("Pimpinan forum", chair),
            ("Notulis", forum.note_taker),
            (
                "Peserta",
                f"{indonesian.count_with_words(present)} orang (daftar hadir terlampir pada berita acara)",
            ),
        ],
        width,
        label_width=34 * mm,
    )


def _speaker(line: NoteLine) -> str:
    """ "Name (organisation)", the unsur where no organisation was typed."""
    if not line.speaker:
        return "(tidak dicatat)"
    org = line.organization or label(line.category)
    return f"{line.speaker} ({org})" if org else line.speaker


def _said(line: NoteLine) -> list[str]:
    parts = [line.text]
    if line.scope == Scope.POLICY:
        parts.append("[Usulan kebijakan]")
    if line.merged_into is not None:
        parts.append(f"[Sama dengan masukan no. {line.merged_into}]")
    return parts


def _input(line: NoteLine) -> list[Flowable]:
    """One input as a notulen writes it, the whole width of the page: its number, who said it,
    what was said, and the office's response under it. (A four-column table wrapped names and
    texts onto short lines: 200 inputs took 26 pages.)"""
    said = f"<b>{escape(_speaker(line))}:</b> " + " ".join(escape(part) for part in _said(line))
    response = line.response or NO_RESPONSE
    return [
        CachedParagraph(said, INPUT, bulletText=f"{line.number}."),
        CachedParagraph(f"<i>{RESPONSE}:</i> {escape(response)}", ANSWER),
    ]


def _section(
    number: int, title: str, presenter: str, lines: tuple[NoteLine, ...], width: float
) -> list[Flowable]:
    """Each input kept whole on a page, the heading with the first one."""
    heading = text(f"{number}. {title}" + (f" ({presenter})" if presenter else ""), HEADING)
    if not lines:
        return [heading, text("Tidak ada masukan yang dicatat.")]
    first, *rest = [_input(line) for line in lines]
    return [KeepTogether([heading, *first]), *(KeepTogether(parts) for parts in rest)]


@collector_paused
def build_notes(doc: Notes, paper: str = "a4") -> bytes:
    width = content_width(paper)
    forum = doc.forum
    story: list[Flowable] = [*letterhead(kop(forum.unit))]
    story.append(text("NOTULEN", Styles.title))
    story.append(text(forum.title.upper(), Styles.subtitle))
    story.append(Spacer(1, 8))
    story.append(_details(doc, width))
    story.append(Spacer(1, 4))
    story.append(
        text(
            "Masukan, pertanyaan, dan saran yang disampaikan dalam forum beserta tanggapan "
            f"{forum.unit.name}, menurut mata acara:"
        )
    )
    for number, section in enumerate(doc.sections, start=1):
        story += _section(number, section.title or NO_ITEM, section.presenter, section.lines, width)
    if not doc.inputs:
        story.append(text("Tidak ada masukan yang dicatat dalam forum ini."))
    if forum.agreements:
        story.append(text("Kesepakatan", HEADING))
        story += numbered(agreement_items(forum.agreements))  # numbered as in the berita acara
    head = head_of(forum.unit)
    signers = [
        Signatory(role=head.role, name=head.name, nip=head.nip, title=f"Mengetahui,\n{head.title}"),
        Signatory(role="Notulis", name=forum.note_taker, title="\u00a0\nNotulis"),  # level with the head's
    ]
    closing = [Spacer(1, 8), text("Demikian notulen ini dibuat dengan sebenarnya."), Spacer(1, 6)]
    note = evidence_note(doc.forum.unit.indicators.get("notes", ()))
    sign_off(story, closing, signature_blocks(signers, width, place_and_date(forum)), note)
    return build_pdf(
        story,
        paper=paper,
        title=f"Notulen {forum.title}",
        footer=f"Notulen FKP {indonesian.long_date(forum.held_on)}",  # clear of the page number
        draft=forum.status != ForumStatus.CLOSED,
    )
