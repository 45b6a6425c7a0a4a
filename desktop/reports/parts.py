"""Pieces of the forum documents that know the domain: the unit's kop, labels, signatories, the
number line, the attendance table. The other documents (and those still to come) build from
these, so a forum's papers look like one office's papers."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desktop.core.i18n import translate_to
from desktop.core.vocab import LABELS, Gender, Role
from desktop.core.zones import zone_name
from desktop.reports import indonesian, wording
from desktop.reports.fitting import unbreakable
from desktop.reports.layout import Letterhead, Signatory, Styles, table_parts, text
from desktop.services.report_data import ForumReport, Person, RecLine, UnitInfo


def label(value: StrEnum | None) -> str:
    """The Indonesian name of a code (documents are Indonesian whatever the app's language):
    the documents' own wording first (`wording.ENUM_WORDS`), else the app's label."""
    if value is None:
        return ""
    return wording.ENUM_WORDS.get(value) or translate_to("id", LABELS[value])


def parent_answer(rec: RecLine) -> list[str]:
    """The office above's last answer to an escalated recommendation, as the documents word it
    (none when it was never escalated): asked of a superior, it has no deadline in print."""
    if not rec.escalations:
        return []
    answered = [e for e in rec.escalations if e.answer]
    if not answered:
        return [f"{wording.PARENT_RESPONSE}: belum diterima"]
    last = answered[-1]
    outcome = f" ({label(last.outcome).lower()})" if last.outcome else ""
    return [f"{wording.PARENT_RESPONSE}{outcome}: {last.answer}"]


def gender_letter(value: Gender | None) -> str:
    return {Gender.MALE: "L", Gender.FEMALE: "P"}.get(value, "") if value else ""


def kop(unit: UnitInfo) -> Letterhead:
    """The letterhead: the lines above (ministry, directorate general…), the office's full
    official name, its address, then phone, e-mail and website, each whole on its line."""
    reach = [
        f"Telepon {unit.phone}" if unit.phone else "",
        f"Surel {unit.email}" if unit.email else "",
        f"Laman {unit.website}" if unit.website else "",
    ]
    # A phone number (and each part of the line) never breaks; the line breaks between parts.
    contacts = [unit.address, "   ".join(unbreakable(part) for part in reach if part)]
    return Letterhead(
        upper_lines=unit.letterhead,
        name=unit.full_name or unit.name,
        contact_lines=contacts,
        logo_png=unit.logo_png,
    )


def number_line(number: str) -> str:
    """ "Nomor: BA-1/KPN.1701/2024", or a line to write it by hand when it is not known yet."""
    return f"Nomor: {number.strip() or wording.NUMBER_PLACEHOLDER}"


def signatories(report: ForumReport) -> list[Signatory]:
    people = [
        Signatory(
            role=s.get("role", ""), name=s.get("name", ""), nip=s.get("nip", ""), title=s.get("title", "")
        )
        for s in report.signatories
    ]
    return people or [head_of(report.unit)]


def head_of(unit: UnitInfo) -> Signatory:
    return Signatory(
        role="Kepala", name=unit.head_name, nip=unit.head_nip, title=unit.head_title or f"Kepala {unit.name}"
    )


def signing_place(unit: UnitInfo, when: str) -> str:
    """ "Sorong, 21 Agustus 2024": every document is signed where the office is (its city, a
    field of the unit), never at the forum's venue ("Aula KPPN Sorong, …" said the berita acara).
    While the office has given none, a dotted place to write by hand (the app asks for it when
    the forum closes, and Settings → Office keeps it)."""
    return f"{unit.city.strip() or wording.PLACE_PLACEHOLDER}, {when}"


def place_and_date(report: ForumReport) -> str:
    """The berita acara's: signed on the forum's day."""
    return signing_place(report.unit, indonesian.long_date(report.held_on))


def time_span(report: ForumReport) -> str:
    """ "pukul 09.00 sampai dengan 12.00 WIT": every printed time carries its zone, the office's
    (this laptop's while the office has chosen none)."""
    zone = f" {zone_name(report.unit.time_zone)}"
    if report.starts_at and report.ends_at:
        start, end = indonesian.clock(report.starts_at), indonesian.clock(report.ends_at)
        return f"pukul {start} sampai dengan {end}{zone}"
    if report.starts_at:
        return f"mulai pukul {indonesian.clock(report.starts_at)}{zone}"
    return ""


ORGANISER = "Panitia penyelenggara"  # the office's own staff: listed, not an element of the public
ATTENDANCE_HEADER = ("No", "Nama", "Instansi", "Unsur", "L/P", wording.VULNERABLE, "Tanda tangan")


def attendance_table(
    people: Sequence[Person],
    width: float,
    blank_rows: int = 0,
    row_padding: float = 7,
    then: Sequence[Flowable] = (),
) -> list[Flowable]:
    """The attendance list to sign: number, name, organisation, element of the public, sex, a
    vulnerable-group column, and a signature column whose numbers alternate left and middle
    (as on paper forms). No phone number or e-mail is printed (UU 27/2022: the sheet goes
    round the room); `blank_rows` numbered empty rows follow for walk-ins; `then` (the
    legalisation) stays with the last rows."""

    def sign(index: int) -> Flowable:
        return text(f"{index}.", Styles.cell if index % 2 else Styles.cell_center)

    rows: list[list[object]] = [
        [
            str(index),
            person.name,
            person.organization or "-",
            label(person.category) if person.role != Role.ORGANIZER else ORGANISER,
            gender_letter(person.gender),
            "Ya" if person.vulnerable else "",
            sign(index),
        ]
        for index, person in enumerate(people, start=1)
    ]
    start = len(people) + 1
    rows += [[str(i), "", "", "", "", "", sign(i)] for i in range(start, start + max(0, blank_rows))]
    fixed = 9 * mm + 9 * mm + 17 * mm
    return table_parts(
        ATTENDANCE_HEADER,
        rows,
        [9 * mm, width * 0.23, width * 0.2, width * 0.16, 9 * mm, 17 * mm, width - fixed - width * 0.59],
        row_padding=row_padding,
        then=then,
    )
