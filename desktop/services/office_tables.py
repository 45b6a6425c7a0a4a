"""The tables of `mufakat export --format csv/xlsx` as an office reads them in Excel: Indonesian
column headings (the app's words), references by what they name (the forum's title, the
participant's name, the unit's name, never an internal id), vocabulary values as Python enums
(the writer prints their labels), yes/no as booleans, dates as dates and moments as aware
datetimes (the writer puts them in the office's zone and names it in the heading).

The machine-readable dump of every column (`export --raw`, and JSON) is `desktop.services.export`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.errors import InputError
from desktop.core.i18n import tr
from desktop.core.zones import office_zone, zone_name
from desktop.models import (
    AgendaItem,
    ClosedDay,
    Escalation,
    FollowUp,
    Forum,
    Participant,
    Recommendation,
    SurveyAction,
    SurveyPeriod,
    SurveyResponse,
    Synced,
    Unit,
)
from desktop.services.export import scoped_rows
from desktop.services.lookup import load
from domain.skm import ELEMENTS


class Names:
    """What an id names, for the tables that refer to another record."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._cache: dict[tuple[type[Synced], str], str] = {}

    def of(self, model: type[Synced], record_id: str | None) -> str | None:
        if record_id is None:
            return None
        key = (model, record_id)
        if key not in self._cache:
            row = self.session.get(model, record_id)
            self._cache[key] = _name(row) if row is not None else ""
        return self._cache[key] or None


def _name(row: Synced) -> str:
    for attribute in ("name", "title", "text"):
        value = getattr(row, attribute, None)
        if isinstance(value, str):
            return value
    return ""


Getter = Callable[[Any, Names], Any]


@dataclass(frozen=True)
class Field:
    header: str
    get: Getter
    width: float = 16
    wrap: bool = False
    timed: bool = False  # a moment: the heading names the zone it is printed in


def _attr(name: str) -> Getter:
    return lambda row, _names: getattr(row, name)


def _ref(model: type[Synced], name: str) -> Getter:
    return lambda row, names: names.of(model, getattr(row, name))


def f(header: str, name: str, width: float = 16, wrap: bool = False) -> Field:
    return Field(header, _attr(name), width, wrap)


def ref(header: str, model: type[Synced], name: str, width: float = 30, wrap: bool = False) -> Field:
    return Field(header, _ref(model, name), width, wrap)


def moment(header: str, name: str) -> Field:
    return Field(header, _attr(name), 17, timed=True)


def _time(name: str) -> Getter:
    return lambda row, _names: getattr(row, name) or None


def _survey_score(number: int) -> Getter:
    return lambda row, _names: getattr(row, f"u{number}")


@dataclass(frozen=True)
class Sheet:
    """One table as an office reads it."""

    title: str  # the sheet's name (31 characters at most)
    model: type[Synced]
    fields: tuple[Field, ...]


_UNIT = ref("Unit", Unit, "unit_id", 28)
SHEETS: dict[str, Sheet] = {
    s.model.__tablename__: s
    for s in (
        Sheet(
            "Unit",
            Unit,
            (
                f("Kode", "code", 14),
                f("Nama singkat", "name", 28),
                f("Nama lengkap (kop)", "full_name", 40, wrap=True),
                ref("Unit atasan", Unit, "parent_id", 28),
                f("Alamat", "address", 36, wrap=True),
                f("Kota", "city", 16),
                f("Telepon", "phone", 16),
                f("Surel", "email", 24),
                f("Laman", "website", 24),
                f("Jabatan kepala", "head_title", 24),
                f("Nama kepala", "head_name", 24),
                f("NIP kepala", "head_nip", 22),
                f("Zona waktu", "time_zone", 10),
                f("Batas jawaban eskalasi (hari kerja)", "escalation_working_days", 14),
                f("Batas tindak lanjut (hari kerja)", "follow_up_working_days", 14),
                f("Metode IKM", "ikm_method", 22),
            ),
        ),
        Sheet("Hari libur kantor", ClosedDay, (_UNIT, f("Tanggal", "day", 13), f("Keterangan", "name", 40))),
        Sheet(
            "Forum",
            Forum,
            (
                _UNIT,
                f("Judul", "title", 40, wrap=True),
                f("Tema", "theme", 36, wrap=True),
                f("Tanggal", "held_on", 13),
                Field("Mulai", _time("starts_at"), 8),
                Field("Selesai", _time("ends_at"), 8),
                f("Tempat", "venue", 24),
                f("Cara pelaksanaan", "mode", 16),
                f("Fasilitator", "facilitator", 22),
                f("Moderator", "moderator", 22),
                f("Notulis", "note_taker", 22),
                f("Nomor berita acara", "document_number", 24),
                f("Status", "status", 12),
                moment("Status sejak", "status_at"),
                f("Ringkasan pembahasan", "summary", 50, wrap=True),
                f("Kesepakatan", "agreements", 50, wrap=True),
            ),
        ),
        Sheet(
            "Peserta",
            Participant,
            (
                ref("Forum", Forum, "forum_id", 30),
                f("Nama", "name", 28),
                f("Instansi/organisasi", "organization", 30),
                f("Unsur", "category", 24),
                f("Jenis kelamin", "gender", 13),
                f("Kelompok rentan", "vulnerable", 14),
                f("Peran", "role", 13),
                f("Telepon", "phone", 16),
                f("Surel", "email", 24),
                f("Diundang", "invited", 10),
                f("Hadir", "attended", 8),
                moment("Waktu hadir", "signed_in_at"),
            ),
        ),
        Sheet(
            "Agenda",
            AgendaItem,
            (
                ref("Forum", Forum, "forum_id", 30),
                Field("No.", lambda row, _n: row.position + 1, 6),
                f("Acara", "title", 36, wrap=True),
                f("Penyaji", "presenter", 24),
                f("Rencana (menit)", "planned_minutes", 12),
                f("Catatan", "notes", 40, wrap=True),
                moment("Mulai", "started_at"),
                moment("Selesai", "ended_at"),
            ),
        ),
        Sheet(
            "Rekomendasi",
            Recommendation,
            (
                ref("Forum", Forum, "forum_id", 30),
                f("Rekomendasi", "text", 60, wrap=True),
                ref("Agenda", AgendaItem, "agenda_item_id", 24),
                ref("Diusulkan oleh", Participant, "raised_by_id", 24),
                f("Ruang lingkup", "scope", 22),
                f("Topik", "category", 22),
                f("Dukungan", "votes", 10),
                f("Status", "status", 14),
                f("Keterangan status", "status_reason", 30, wrap=True),
                f("Hasil", "outcome", 14),
                moment("Status sejak", "status_at"),
                f("Status oleh", "status_by", 20),
                ref("Digabung ke", Recommendation, "merged_into_id", 40, wrap=True),
                f("Tanggapan", "response", 40, wrap=True),
                moment("Dicatat", "created_at"),
            ),
        ),
        Sheet(
            "Tindak lanjut",
            FollowUp,
            (
                ref("Rekomendasi", Recommendation, "recommendation_id", 50, wrap=True),
                f("Tindakan", "action", 50, wrap=True),
                f("Penanggung jawab", "owner", 22),
                f("Target", "due_on", 12),
                f("Progres (%)", "progress", 11),
                f("Status", "status", 14),
                f("Bukti", "evidence", 40, wrap=True),
                f("Tanggal selesai", "completed_on", 13),
            ),
        ),
        Sheet(
            "Eskalasi",
            Escalation,
            (
                f("Rekomendasi", "rec_text", 50, wrap=True),
                f("Forum", "forum_title", 30),
                f("Tanggal forum", "forum_held_on", 13),
                ref("Dari unit", Unit, "from_unit_id", 28),
                ref("Kepada unit", Unit, "to_unit_id", 28),
                moment("Dikirim", "sent_at"),
                f("Batas tanda terima", "ack_due_on", 13),
                f("Batas jawaban", "due_on", 13),
                f("Status", "status", 14),
                f("Catatan pengantar", "note", 30, wrap=True),
                f("Jawaban", "answer", 40, wrap=True),
                f("Hasil", "outcome", 14),
                f("Dijawab oleh", "answered_by", 20),
                moment("Dijawab", "answered_at"),
                f("Alasan keberatan", "dispute_reason", 30, wrap=True),
                moment("Keberatan diajukan", "disputed_at"),
            ),
        ),
        Sheet(
            "Periode SKM",
            SurveyPeriod,
            (
                _UNIT,
                f("Judul", "title", 30),
                f("Mulai", "starts_on", 12),
                f("Sampai", "ends_on", 12),
                ref("Dibahas di forum", Forum, "forum_id", 30),
                f("Jumlah pengguna layanan", "service_users", 14),
                f("Catatan", "note", 30, wrap=True),
            ),
        ),
        Sheet(
            "Kuesioner SKM",
            SurveyResponse,
            (
                ref("Periode SKM", SurveyPeriod, "period_id", 24),
                f("Tanggal isi", "answered_on", 12),
                f("Jenis layanan", "service", 24),
                *(Field(f"U{e.number} {e.name}", _survey_score(e.number), 12) for e in ELEMENTS),
                f("Jenis kelamin", "gender", 13),
                f("Umur", "age_band", 12),
                f("Pendidikan", "education", 16),
                f("Pekerjaan", "occupation", 16),
            ),
        ),
        Sheet(
            "Rencana tindak lanjut SKM",
            SurveyAction,
            (
                ref("Periode SKM", SurveyPeriod, "period_id", 24),
                Field("Unsur SKM", lambda row, _n: f"U{row.element} {ELEMENTS[row.element - 1].name}", 30),
                f("Tindakan", "action", 50, wrap=True),
                f("Penanggung jawab", "owner", 22),
                f("Target", "due_on", 12),
                f("Progres (%)", "progress", 11),
                f("Realisasi", "realisation", 40, wrap=True),
                f("Tanggal selesai", "completed_on", 13),
            ),
        ),
    )
}


@dataclass(frozen=True)
class OfficeTable:
    title: str
    headers: tuple[str, ...]
    fields: tuple[Field, ...]
    rows: tuple[tuple[Any, ...], ...]
    zone: tzinfo  # moments are printed in it
    zone_name: str  # and the headings of moments name it: "Waktu hadir (WIT)"


def office_table(
    session: Session, table: str, forum_id: str | None = None, unit_id: str | None = None
) -> OfficeTable:
    """`table` as an office reads it: one forum's rows (`forum_id`) or every live row. Times in
    the zone of the forum's unit, else of `unit_id` (this laptop's office). Deleted rows are left
    out: they are no longer the office's data (the raw export keeps them)."""
    sheet = SHEETS.get(table)
    if sheet is None:
        raise InputError(
            tr(
                "The table {table!r} has no spreadsheet layout. Choose one of: {choices}; "
                "or add --raw for every column as stored.",
                table=table,
                choices=", ".join(SHEETS),
            )
        )
    if forum_id is not None:
        unit_id = load(session, Forum, forum_id, "Forum").unit_id
    unit = session.get(Unit, unit_id) if unit_id else None
    zone = unit.time_zone if unit is not None else None
    names = Names(session)
    records: Sequence[Any] = [r for r in scoped_rows(session, forum_id)[table] if not r.deleted]
    named = zone_name(zone)
    headers = tuple(
        f"{field.header} ({named})" if field.timed and named else field.header for field in sheet.fields
    )
    rows = tuple(tuple(field.get(record, names) for field in sheet.fields) for record in records)
    return OfficeTable(sheet.title, headers, sheet.fields, rows, office_zone(zone), named)


def known_tables() -> list[str]:
    return list(SHEETS)


__all__ = ["SHEETS", "OfficeTable", "Sheet", "known_tables", "office_table"]
