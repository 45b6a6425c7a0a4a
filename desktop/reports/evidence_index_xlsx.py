"""The index of an evaluation pack as an Excel workbook (the same content as its PDF): the files
with what each is and the PEKPPP indicators it serves, what is still missing, and a sheet saying
which office, what the pack covers and as of when. The same index gives the same bytes (the
workbook's dates are the pack's day, its parts dated alike), as the pack around it."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime, time
from typing import TYPE_CHECKING

from openpyxl import Workbook

from desktop.reports.recap_xlsx import Column, _key_values, _Sheet
from desktop.rules.pekppp import described, numbers_text

if TYPE_CHECKING:
    from desktop.documents.evidence_pack import PackIndex

FILES = [
    Column("No.", 6),
    Column("Berkas", 60, wrap=True),
    Column("Forum / periode SKM", 40, wrap=True),
    Column("Isi", 34, wrap=True),
    Column("Keterangan", 40, wrap=True),
    Column("Indikator PEKPPP", 18),
]
CORE = "docProps/core.xml"
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
MISSING = [Column("No.", 6), Column("Forum / periode SKM", 44, wrap=True), Column("Yang masih kurang", 80, wrap=True)]


def build_index_xlsx(index: PackIndex) -> bytes:
    book = Workbook(write_only=True)
    stamp = datetime.combine(index.as_of, time())
    book.properties.creator = "Mufakat"
    book.properties.created = book.properties.modified = stamp
    files = [row for row in index.rows if "/" in row[0]]
    sheet = _Sheet(book, "Berkas", FILES, len(files), UTC)
    for n, (path, what, about, numbers, note) in enumerate(files, start=1):
        sheet.row([n, path, about, what, note or None, numbers_text(numbers) if numbers else None])
    gaps = _Sheet(book, "Yang masih kurang", MISSING, len(index.missing), UTC)
    for n, line in enumerate(index.missing, start=1):
        gaps.row([n, line.where, line.what])
    used = sorted({number for row in files for number in row[3]})
    _key_values(
        book,
        "Keterangan",
        [
            ("Unit", index.unit_name),
            ("Cakupan", index.scope_line),
            ("Posisi per", index.as_of),
            ("Jumlah forum", index.forums),
            ("Jumlah periode SKM", index.surveys),
            ("Jumlah berkas", len(files)),
            ("Jumlah kekurangan", len(index.missing)),
            *((f"Indikator {n}", described(n).partition(" — ")[2] or "—") for n in used),
        ],
        UTC,
    )
    out = io.BytesIO()
    book.save(out)
    return _dated(out.getvalue(), stamp)


def _dated(data: bytes, stamp: datetime) -> bytes:
    """The workbook with each of its parts dated `stamp`, and its "modified" too (openpyxl sets
    both to the moment it saves)."""
    out = io.BytesIO()
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, stamp.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            data = source.read(info)
            if info.filename == CORE:
                data = _MODIFIED.sub(lambda m: m.group(1) + when + m.group(2), data)
            target.writestr(fixed, data, compresslevel=6)
    return out.getvalue()
