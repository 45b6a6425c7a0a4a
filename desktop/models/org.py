"""The office hierarchy: service units, each with its office-level settings (DESIGN.md "Data"):
names, letterhead, logo, time zone and deadlines. They sync and are audited like any record;
last writer wins per field."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.vocab import IkmMethod, OfficeZone
from desktop.models.base import Str200, Synced, enum_type

ESCALATION_WORKING_DAYS = 5  # an escalation's answer is due after this many working days
FOLLOW_UP_WORKING_DAYS = 20  # a follow-up is due after this many working days


class Unit(Synced):
    """A service unit (satker, KPPN, OPD, puskesmas…) in the office hierarchy.

    A unit owns itself: its `unit_id` equals its `id`.
    """

    __tablename__ = "units"
    # The logo is recorded in the history by its digest, not its bytes.
    __audit_digest__: ClassVar[frozenset[str]] = frozenset({"logo"})

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[Str200]  # the short name sentences use, e.g. "KPPN Sorong"
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), index=True)
    # Letterhead (kop surat): the lines above the unit's name, e.g. ministry and directorate.
    letterhead: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(Text, default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    website: Mapped[str] = mapped_column(String(120), default="")
    head_title: Mapped[str] = mapped_column(String(120), default="")
    head_name: Mapped[str] = mapped_column(String(120), default="")
    head_nip: Mapped[str] = mapped_column(String(18), default="")
    # The full official name the kop prints, e.g. "Kantor Pelayanan Perbendaharaan Negara Sorong".
    full_name: Mapped[str] = mapped_column(String(300), default="")
    # The office's logo for the kop: a PNG of at most 200 KB, base64 (records travel as JSON).
    logo: Mapped[str] = mapped_column(Text, default="")
    # WIB, WITA or WIT; none chosen: the laptop's own zone.
    time_zone: Mapped[OfficeZone | None] = mapped_column(enum_type(OfficeZone, length=8))
    escalation_working_days: Mapped[int] = mapped_column(default=ESCALATION_WORKING_DAYS)
    follow_up_working_days: Mapped[int] = mapped_column(default=FOLLOW_UP_WORKING_DAYS)
    # The office's document templates (empty: the built-in wording; a forum may override each):
    # the Laporan Pelaksanaan's dasar, maksud dan tujuan and penutup; the surat undangan's
    # nomor, sifat and hal (desktop/services/templates.py).
    report_basis: Mapped[str] = mapped_column(Text, default="")
    report_purpose: Mapped[str] = mapped_column(Text, default="")
    report_closing: Mapped[str] = mapped_column(Text, default="")
    invitation_number: Mapped[str] = mapped_column(String(120), default="")
    invitation_nature: Mapped[str] = mapped_column(String(60), default="")
    invitation_subject: Mapped[str] = mapped_column(String(200), default="")
    # Which PEKPPP indicators each document is evidence for: document → indicator numbers, over
    # the defaults of desktop/rules/pekppp.py (the numbers come from evaluators' tools: unconfirmed).
    pekppp_indicators: Mapped[dict[str, list[int]]] = mapped_column(default=dict)
    # The office's choices where PEKPPP counts its public on five unsur: category → unsur or
    # null (not counted); a category not named keeps domain.unsur.DEFAULT_MAPPING's.
    unsur_mapping: Mapped[dict[str, str | None]] = mapped_column(default=dict)
    # How the office weighs the nine SKM elements: exactly 1/9 (the regulation) or 0,111.
    ikm_method: Mapped[IkmMethod] = mapped_column(enum_type(IkmMethod), default=IkmMethod.EXACT)
    # Completing a follow-up (an action at 100 %, a recommendation marked done) needs an attached
    # photo or file as its evidence, not only a text (desktop/services/completion.py).
    completion_needs_file: Mapped[bool] = mapped_column(default=False)
    # The server's public web address: the follow-up report's QR code opens this unit's public
    # page there (desktop/services/public_page.py). Empty: no QR code.
    public_url: Mapped[str] = mapped_column(String(120), default="")


class ClosedDay(Synced):
    """A day an office is closed besides weekends and national holidays: its own (a regional
    holiday, a late decree: owned by the unit), or a national cuti bersama the server's
    administrator entered for every unit (owned by `protocol.entities.NATIONAL`)."""

    __tablename__ = "closed_days"

    day: Mapped[date]
    name: Mapped[Str200]
