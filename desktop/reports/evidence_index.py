"""The index of an evaluation pack ("Indeks paket bukti") as a PDF an evaluator reads first: the
office's kop, what the pack covers and as of when, then per forum and per SKM period its folder
and files, each with what it is and the PEKPPP indicators it serves; what is still missing;
and what the indicator numbers stand for (the office's table, unconfirmed numbers)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desktop.reports import indonesian
from desktop.reports.evidence import HEADING, NOTE_LEFT, SUBHEADING
from desktop.reports.layout import (
    Styles,
    build_pdf,
    content_width,
    key_values,
    letterhead,
    numbered,
    table_parts,
    text,
)
from desktop.reports.parts import kop
from desktop.rules.pekppp import described, numbers_text
from desktop.services.report_data import UnitInfo

if TYPE_CHECKING:
    from desktop.documents.evidence_pack import PackIndex

HEADER = ("No.", "Berkas", "Isi", "Indikator PEKPPP")
WIDTHS = (9 * mm, 72 * mm, 50 * mm, 29 * mm)  # A4 less the margins: 160 mm
NOTHING_MISSING = "Tidak ada kekurangan yang tercatat."
ABOUT_NUMBERS = (
    "Nomor indikator mengikuti tabel kantor (Pengaturan → templat dokumen). Nomor ini berasal dari "
    "lembar kerja evaluator PEKPPP (PermenPANRB 29/2022), bukan dari teks peraturan, dan dapat berubah "
    "dari tahun ke tahun: periksa terhadap lembar kerja tahun berjalan."
)
HOW = (
    "Kekurangan dihitung dari data aplikasi pada tanggal posisi: melengkapi data (misalnya melampirkan "
    "foto kegiatan atau pindaian daftar hadir bertanda tangan) lalu membuat paket lagi menghapus barisnya."
)


def _file_cell(name: str) -> str:
    """A file name whole (never broken inside): a subfolder on a line of its own."""
    folder, _, rest = name.rpartition("/")
    return f"{folder}/\n{rest}" if folder else name


Row = tuple[str, str, str, tuple[int, ...], str]  # path, what, about, indicators, note


def _section(title: str, folder: str, rows: Sequence[Row], start: int) -> list[Flowable]:
    width = content_width("a4")
    cells = [
        [
            str(n),
            _file_cell(path.removeprefix(folder + "/")),
            f"{what}\n{note}" if note else what,
            numbers_text(numbers) if numbers else "—",
        ]
        for n, (path, what, _about, numbers, note) in enumerate(rows, start=start)
    ]
    before = [text(title, HEADING), text(f"Folder: {folder}/", NOTE_LEFT), Spacer(1, 3)]
    return table_parts(HEADER, cells, [w * width / sum(WIDTHS) for w in WIDTHS], before=before)


def build_index_pdf(index: PackIndex, unit: UnitInfo) -> bytes:
    width = content_width("a4")
    story: list[Flowable] = [*letterhead(kop(unit))]
    story.append(text("INDEKS PAKET BUKTI", Styles.title))
    story.append(text("Bukti dukung Pemantauan dan Evaluasi Kinerja Penyelenggaraan Pelayanan Publik", Styles.center))
    story.append(Spacer(1, 8))
    files = [row for row in index.rows if "/" in row[0]]
    story.append(
        key_values(
            [
                ("Unit", index.unit_name),
                ("Cakupan", index.scope_line),
                ("Posisi per", indonesian.long_date(index.as_of)),
                ("Isi paket", f"{index.forums} forum, {index.surveys} periode SKM, {len(files)} berkas"),
            ],
            width,
        )
    )
    groups: dict[str, list[Row]] = {}
    for row in files:
        groups.setdefault(row[0].split("/", 1)[0], []).append(row)
    n = 1
    for number, (folder, rows) in enumerate(groups.items(), start=1):
        story += _section(f"{number}. {rows[0][2]}", folder, rows, n)
        n += len(rows)
    story.append(text("Yang masih kurang", HEADING))
    by_place: dict[str, list[str]] = {}
    for line in index.missing:
        by_place.setdefault(line.where, []).append(line.what)
    for place, lines in by_place.items():
        story.append(text(place, SUBHEADING))
        story += numbered(lines)
    if not index.missing:
        story.append(text(NOTHING_MISSING))
    story.append(text(HOW, NOTE_LEFT))
    used = sorted({number for row in files for number in row[3]})
    if used:
        legend = [text("Indikator PEKPPP", HEADING)]
        legend += [text(f"Indikator {described(number)}", Styles.left) for number in used]
        story.append(KeepTogether([*legend, text(ABOUT_NUMBERS, NOTE_LEFT)]))
    return build_pdf(
        story,
        paper="a4",
        title=f"Indeks paket bukti — {index.scope_line}",
        footer=f"Indeks paket bukti — {index.unit_name}",
        subject="Paket bukti PEKPPP",
    )
