"""The office's document templates: the texts of the Laporan Pelaksanaan FKP (dasar, maksud dan
tujuan, penutup) and the head of the surat undangan (nomor, sifat, hal) that change from office to
office, not from forum to forum (PermenPANRB 16/2017 leaves their wording to the office).

Three layers, the first non-empty wins: the forum's own text, its unit's (Settings), the built-in
wording below. The forum's own texts stay editable after the forum is closed: the Laporan
Pelaksanaan is written afterwards, and none of them is part of the berita acara.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.errors import InputError
from desktop.core.i18n import N_, tr
from desktop.models import Forum, Unit
from desktop.rules import pekppp
from desktop.services import fields as f
from desktop.services.context import Context
from desktop.services.journal import Journal
from desktop.services.lookup import load

# The legal basis of an FKP, as offices cite it (one numbered line each).
BASIS = (
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;\n"
    "Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 "
    "tentang Pelayanan Publik;\n"
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 16 Tahun 2017 "
    "tentang Pedoman Umum Forum Konsultasi Publik di Lingkungan Unit Penyelenggara Pelayanan Publik;\n"
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 29 Tahun 2022 "
    "tentang Pemantauan dan Evaluasi Kinerja Penyelenggaraan Pelayanan Publik."
)
PURPOSE = (
    "Forum Konsultasi Publik dilaksanakan dengan maksud menghimpun masukan, saran, dan tanggapan "
    "masyarakat secara langsung atas penyelenggaraan pelayanan, dengan tujuan menyepakati perbaikan "
    "standar pelayanan dan kualitas pelayanan publik bersama unsur masyarakat, serta menentukan "
    "rekomendasi yang ditindaklanjuti oleh unit dan yang diusulkan secara berjenjang kepada unit atasan."
)
CLOSING = (
    "Demikian laporan pelaksanaan Forum Konsultasi Publik ini disusun sebagai pertanggungjawaban "
    "pelaksanaan kegiatan dan bahan evaluasi. Rekomendasi yang dihasilkan akan ditindaklanjuti dan "
    "perkembangannya dipublikasikan kepada masyarakat."
)
NUMBER = ""  # none: the letter prints "Nomor: ……" to fill in by hand
NATURE = "Biasa"
SUBJECT = "Undangan Forum Konsultasi Publik"

DEFAULTS: dict[str, str] = {
    "report_basis": BASIS,
    "report_purpose": PURPOSE,
    "report_closing": CLOSING,
    "invitation_number": NUMBER,
    "invitation_nature": NATURE,
    "invitation_subject": SUBJECT,
}
NAMES = tuple(DEFAULTS)
RULES: dict[str, f.Validator] = {
    "report_basis": f.text(N_("Legal basis (dasar)"), required=False, max_len=5000),
    "report_purpose": f.text(N_("Purpose (maksud dan tujuan)"), required=False, max_len=5000),
    "report_closing": f.text(N_("Closing (penutup)"), required=False, max_len=5000),
    "invitation_number": f.text(N_("Invitation number (nomor)"), required=False, max_len=120),
    "invitation_nature": f.text(N_("Invitation nature (sifat)"), required=False, max_len=60),
    "invitation_subject": f.text(N_("Invitation subject (hal)"), required=False, max_len=200),
}
FORUM_RULES: dict[str, f.Validator] = {
    **RULES,
    "invitation_date": f.day(N_("Invitation date"), required=False),
}
UNIT_RULES: dict[str, f.Validator] = {**RULES, "pekppp_indicators": pekppp.check}


@dataclass(frozen=True)
class Templates:
    """The texts a document prints: the first non-empty of forum, unit, built-in."""

    report_basis: str
    report_purpose: str
    report_closing: str
    invitation_number: str
    invitation_nature: str
    invitation_subject: str
    invitation_date: date | None = None  # the forum's; none: the day it is printed

    @property
    def basis_lines(self) -> tuple[str, ...]:
        """Dasar as numbered lines (an office types one per line; numbers it typed are dropped)."""
        lines = (line.strip() for line in self.report_basis.splitlines())
        return tuple(_unnumbered(line) for line in lines if line)


def _unnumbered(line: str) -> str:
    head, _dot, rest = line.partition(". ")
    return rest.strip() if head.isdigit() and rest.strip() else line


def unit_templates(unit: Unit | None) -> dict[str, str]:
    """The unit's own texts (empty where it keeps the built-in wording)."""
    return {name: (getattr(unit, name) or "") if unit is not None else "" for name in NAMES}


def effective(unit: Unit | None, forum: Forum | None = None) -> Templates:
    values: dict[str, Any] = {}
    for name in NAMES:
        own = (getattr(forum, name) or "").strip() if forum is not None else ""
        office = (getattr(unit, name) or "").strip() if unit is not None else ""
        values[name] = own or office or DEFAULTS[name]
    values["invitation_date"] = forum.invitation_date if forum is not None else None
    return Templates(**values)


def forum_templates(session: Session, forum_id: str) -> Templates:
    forum = load(session, Forum, forum_id, N_("Forum"))
    return effective(session.get(Unit, forum.unit_id), forum)


def _only_templates(changes: dict[str, Any], allowed: dict[str, f.Validator]) -> None:
    unknown = set(changes) - set(allowed)
    if unknown:
        raise InputError(tr("Not a document template: {names}.", names=", ".join(sorted(unknown))))


def update_unit_templates(session: Session, ctx: Context, unit_id: str, **changes: Any) -> None:
    """The office's wording for all its forums (empty: the built-in wording), and which PEKPPP
    indicators each document is evidence for (`pekppp_indicators`), in one action."""
    _only_templates(changes, UNIT_RULES)
    unit = load(session, Unit, unit_id, N_("Unit"))
    data = f.clean(UNIT_RULES, changes)
    changed = {k: v for k, v in data.items() if getattr(unit, k) != v}
    if changed:
        Journal(session, ctx).update(unit, **changed)


def check_invitation_date(day: date, held_on: date) -> None:
    """An invitation is sent before the forum: a letter dated after it is refused."""
    if day > held_on:
        raise InputError(
            tr(
                "An invitation is dated before the forum: {day} is after the forum's day {held}.",
                day=day.isoformat(),
                held=held_on.isoformat(),
            ),
            field="invitation_date",
        )


def update_forum_templates(session: Session, ctx: Context, forum_id: str, **changes: Any) -> None:
    """A forum's own wording (empty: its office's). Allowed on a closed forum: none of it is in
    the berita acara, and the Laporan Pelaksanaan is written after the forum."""
    _only_templates(changes, FORUM_RULES)
    forum = load(session, Forum, forum_id, N_("Forum"))
    data = f.clean(FORUM_RULES, changes)
    if data.get("invitation_date") is not None:
        check_invitation_date(data["invitation_date"], forum.held_on)
    changed = {k: v for k, v in data.items() if getattr(forum, k) != v}
    if changed:
        Journal(session, ctx).update(forum, **changed)
