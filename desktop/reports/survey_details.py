"""The parts of the SKM report beyond the period's own table: method and collection period, the
score per jenis layanan, the trend against the previous period, and the rencana tindak lanjut
(RTL). Every figure is printed beside the figures it comes from (NRR per element, and the index
from them), so a reader can recompute it."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desktop.core.vocab import IkmMethod
from desktop.reports import indonesian
from desktop.reports.layout import Styles, grid_table, key_values, text
from desktop.reports.survey_parts import method_name, method_note, number
from desktop.rules import skm
from desktop.services.survey_breakdown import ActionLine, ServiceScore, SurveyDetails
from desktop.services.surveys import SurveyResult

SERVICES_PER_TABLE = 4
NO_SERVICE = "(tidak diisi)"


def method(result: SurveyResult, details: SurveyDetails, width: float) -> list[Flowable]:
    period = result.period
    if details.answered_from and details.answered_to:
        collected = (
            f"{indonesian.long_date(details.answered_from)} – {indonesian.long_date(details.answered_to)} "
            "(tanggal pengisian kuesioner)"
        )
    else:
        collected = f"{indonesian.long_date(period.starts_on)} – {indonesian.long_date(period.ends_on)}"
    services = len(details.services)
    return [
        key_values(
            [
                (
                    "Dasar",
                    "Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei "
                    "Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik",
                ),
                (
                    "Metode",
                    "Kuesioner sembilan unsur pelayanan dengan empat pilihan jawaban (nilai 1–4), "
                    "diisi oleh pengguna layanan",
                ),
                ("Pengumpulan data", collected),
                ("Jenis layanan", f"{services} jenis layanan" if services else "-"),
                (
                    "Pengolahan",
                    f"{method_note(result.score.method if result.score else IkmMethod.EXACT)} Mutu "
                    "pelayanan A (88,31–100), B (76,61–88,30), C (65,00–76,60), D (25,00–64,99).",
                ),
            ],
            width,
            label_width=38 * mm,
        )
    ]


def _chunks(items: Sequence[ServiceScore], size: int) -> list[Sequence[ServiceScore]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def per_service(details: SurveyDetails, width: float) -> list[Flowable]:
    """NRR of each element for each service, then its index and grade."""
    if not details.services:
        return [text("Belum ada kuesioner.")]
    story: list[Flowable] = []
    for chunk in _chunks(details.services, SERVICES_PER_TABLE):
        first = 12 * mm + width * 0.3
        column = (width - first) / len(chunk)
        rows: list[list[object]] = []
        for index, element in enumerate(skm.ELEMENTS):
            rows.append(
                [
                    f"U{element.number}",
                    element.name,
                    *(number(s.score.elements[index].nrr) for s in chunk),
                ]
            )
        rows.append(
            ["", text("Jumlah responden", Styles.cell_bold), *(str(s.score.respondents) for s in chunk)]
        )
        rows.append(
            [
                "",
                text(f"Nilai IKM ({method_name(chunk[0].score.method)})", Styles.cell_bold),
                *(text(number(s.score.index), Styles.cell_bold) for s in chunk),
            ]
        )
        rows.append(
            [
                "",
                text("Mutu pelayanan", Styles.cell_bold),
                *(f"{s.score.grade.letter} ({s.score.grade.label})" for s in chunk),
            ]
        )
        story.append(
            grid_table(
                ["No", "Unsur pelayanan (NRR)", *(s.service or NO_SERVICE for s in chunk)],
                rows,
                [12 * mm, width * 0.3, *(column,) * len(chunk)],
            )
        )
    return story


def _change(now: Decimal, before: Decimal) -> str:
    delta = now - before
    sign = "+" if delta > 0 else ("-" if delta < 0 else "±")
    return f"{sign}{number(abs(delta))}"


def trend(result: SurveyResult, details: SurveyDetails, width: float) -> list[Flowable]:
    """Each element's converted score and the index, this period against the previous one."""
    score, previous = result.score, details.previous
    if score is None:
        return [text("Belum ada kuesioner.")]
    if previous is None:
        return [text("Belum ada periode survei sebelumnya untuk dibandingkan.")]
    rows: list[list[object]] = [
        [
            f"U{now.element.number}",
            now.element.name,
            number(before.converted),
            number(now.converted),
            _change(now.converted, before.converted),
        ]
        for now, before in zip(score.elements, previous.score.elements, strict=True)
    ]
    rows.append(
        [
            "",
            text(f"Nilai IKM ({method_name(score.method)})", Styles.cell_bold),
            text(number(previous.score.index), Styles.cell_bold),
            text(number(score.index), Styles.cell_bold),
            text(_change(score.index, previous.score.index), Styles.cell_bold),
        ]
    )
    rows.append(
        [
            "",
            text("Mutu pelayanan", Styles.cell_bold),
            previous.score.grade.letter,
            score.grade.letter,
            "",
        ]
    )
    rest = width - 12 * mm - width * 0.36
    table = grid_table(
        ["No", "Unsur pelayanan (nilai konversi)", previous.title, result.period.title, "Perubahan"],
        rows,
        [12 * mm, width * 0.36, rest * 0.35, rest * 0.35, rest * 0.3],
    )
    direction = (
        "naik"
        if score.index > previous.score.index
        else "turun"
        if score.index < previous.score.index
        else "tetap"
    )
    return [
        table,
        text(
            f"Dibandingkan dengan {previous.title} ({previous.score.respondents} responden), nilai IKM "
            f"({method_name(score.method)}) {direction} {number(abs(score.index - previous.score.index))} poin.",
        ),
    ]


def prioritised(result: SurveyResult, actions: Sequence[ActionLine]) -> list[ActionLine]:
    """The priority elements' actions first, then the others (each in the order planned)."""
    priority = {e.number for e in result.score.priority} if result.score else set()
    return sorted(actions, key=lambda a: a.element not in priority)


def element_name(number_: int) -> str:
    return next((f"U{e.number} {e.name}" for e in skm.ELEMENTS if e.number == number_), f"U{number_}")


def plan(result: SurveyResult, actions: Sequence[ActionLine], width: float) -> list[Flowable]:
    """The rencana tindak lanjut: per element (the priority ones marked), what, who, by when."""
    priority = {e.number for e in result.score.priority} if result.score else set()
    actions = prioritised(result, actions)
    story: list[Flowable] = []
    if actions:
        rows = [
            [
                str(n),
                element_name(a.element) + (" (prioritas)" if a.element in priority else ""),
                a.action,
                a.owner,
                indonesian.long_date(a.due_on) if a.due_on else "-",
            ]
            for n, a in enumerate(actions, start=1)
        ]
        story.append(
            grid_table(
                ["No", "Unsur", "Rencana tindak lanjut", "Penanggung jawab", "Target waktu"],
                rows,
                [9 * mm, width * 0.24, width * 0.36, width * 0.17, width - 9 * mm - width * 0.77],
            )
        )
    missing = sorted(priority - {a.element for a in actions})
    if missing:
        names = ", ".join(element_name(n) for n in missing)
        story.append(text(f"Unsur prioritas yang belum memiliki rencana tindak lanjut: {names}."))
    if not story:
        story.append(text("Belum ada rencana tindak lanjut."))
    return story
