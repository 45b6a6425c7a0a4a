"""The register of consultation inputs as an Excel workbook an Indonesian office opens: one row
per input (Indonesian headers and labels, dates as Excel dates, "Ya"/"Tidak", typed text never
run as a formula), and a sheet saying which office, which period, as of which day, and how the
working days were counted. Plain data in (desktop.services.register), bytes out."""

from __future__ import annotations

from datetime import UTC

from openpyxl import Workbook

from desktop.reports.recap_xlsx import Column, _bytes, _key_values, _label, _Sheet
from desktop.rules.pekppp import numbers_text
from desktop.services.register import Register

COLUMNS = [
    Column("No.", 6),
    Column("Tanggal diterima", 13),
    Column("Saluran", 26),
    Column("Forum", 34),
    Column("Pokok masukan", 60, wrap=True),
    Column("Unsur pengusul", 22),
    Column("Ruang lingkup", 22),
    Column("Penanggung jawab", 28),
    Column("Status", 14),
    Column("Target", 12),
    Column("Tanggal selesai", 13),
    Column("Lama (hari kerja)", 12),
    Column("Terlambat", 11),
    Column("Hari kerja terlambat", 13),
    Column("Progres (%)", 11),
]
RULE = (
    "Tanggal diterima: tanggal forum. Target: batas waktu tindak lanjut terakhir (ranah unit) atau "
    "batas tanggapan unit atasan (kebijakan). Tanggal selesai: tindak lanjut selesai, jawaban atasan "
    "diterima, atau usulan ditolak. Lama: hari kerja sejak diterima sampai selesai (yang belum selesai: "
    "sampai tanggal posisi), tanpa hari libur nasional dan cuti bersama. Terlambat: selesai setelah "
    "target, atau belum selesai padahal target telah lewat."
)


def register_xlsx(register: Register) -> bytes:
    book = Workbook(write_only=True)
    zone = UTC  # the register holds dates only: no time is converted
    sheet = _Sheet(book, "Register masukan", COLUMNS, len(register.rows), zone)
    for row in register.rows:
        t = row.timing
        sheet.row(
            [
                row.number,
                t.received,
                f"Forum Konsultasi Publik ({_label(row.channel).lower()})",
                row.forum_title,
                row.subject,
                row.raised_by_category,
                row.scope,
                row.person_in_charge or None,
                row.status,
                t.target,
                t.closed,
                t.working_days,
                t.late,
                t.late_days if t.late else None,
                t.progress,
            ]
        )
    closed = [r for r in register.rows if r.timing.closed]
    late = sum(1 for r in register.rows if r.timing.late)
    period = " – ".join(d.strftime("%d-%m-%Y") for d in (register.held_from, register.held_to) if d)
    pairs = [
        ("Unit", register.unit_name),
        ("Forum yang diadakan", period or "Semua"),
        ("Posisi per", register.as_of),
        ("Jumlah masukan", len(register.rows)),
        ("Selesai (termasuk ditolak)", len(closed)),
        ("Masih berjalan", len(register.rows) - len(closed)),
        ("Terlambat", late),
        ("Cara menghitung", RULE),
    ]
    if register.indicators:
        pairs.append(("Bukti dukung PEKPPP", f"indikator {numbers_text(register.indicators)}"))
    _key_values(book, "Keterangan", pairs, zone)
    return _bytes(book)
