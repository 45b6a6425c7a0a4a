"""Pieces of the forum documents that know the domain: the unit's kop, labels, signatories."""

from __future__ import annotations

from enum import StrEnum

from desktop.i18n import translate_to
from desktop.reports import indonesian
from desktop.reports.layout import Letterhead, Signatory
from desktop.services.report_data import ForumReport, UnitInfo
from desktop.vocab import LABELS, Gender
from desktop.zones import zone_name


def label(value: StrEnum | None) -> str:
    """The Indonesian name of a code (documents are Indonesian whatever the app's language)."""
    return "" if value is None else translate_to("id", LABELS[value])


def gender_letter(value: Gender | None) -> str:
    return {Gender.MALE: "L", Gender.FEMALE: "P"}.get(value, "") if value else ""


def kop(unit: UnitInfo) -> Letterhead:
    contacts = [unit.address]
    reach = [
        f"Telepon {unit.phone}" if unit.phone else "",
        f"Surel {unit.email}" if unit.email else "",
        f"Laman {unit.website}" if unit.website else "",
    ]
    contacts.append("; ".join(part for part in reach if part))
    return Letterhead(
        upper_lines=unit.letterhead,
        name=unit.full_name or unit.name,
        contact_lines=contacts,
        logo_png=unit.logo_png,
    )


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


def place_and_date(report: ForumReport) -> str:
    place = report.unit.city or report.venue
    return (
        f"{place}, {indonesian.long_date(report.held_on)}" if place else indonesian.long_date(report.held_on)
    )


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
