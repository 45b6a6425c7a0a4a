"""The survey (SKM) result as printed: one table of the nine elements with a bar each, the
index and its grade, the sample check and the element to improve first. Used by the survey
report and by the minutes and follow-up report of a forum that discussed a survey."""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.core import i18n
from desktop.reports import indonesian
from desktop.reports.layout import Styles, key_values, table_parts, text
from desktop.services.surveys import SurveyResult
from domain.skm import SurveyScore
from protocol.vocab import IkmMethod

BAR_COLOURS = {
    "A": colors.HexColor("#1b5e20"),
    "B": colors.HexColor("#2e7d32"),
    "C": colors.HexColor("#f9a825"),
    "D": colors.HexColor("#c62828"),
}


def number(value: int | Decimal) -> str:
    """As Indonesian documents write numbers: a decimal comma, its own digits ("3,250")."""
    return i18n.number(value, language="id")


def whole(value: int) -> str:
    """A whole number with Indonesian thousands dots: 20.000."""
    return i18n.number(value, language="id")


NUMBER = ParagraphStyle("cell_number", parent=Styles.cell, alignment=TA_RIGHT)
NUMBER_BOLD = ParagraphStyle("cell_number_bold", parent=Styles.cell_bold, alignment=TA_RIGHT)
NOTE = ParagraphStyle("survey_note", parent=Styles.small, alignment=TA_JUSTIFY)
METHOD_NAMES = {
    IkmMethod.EXACT: "bobot 1/9 per unsur",
    IkmMethod.WEIGHT_0111: "bobot 0,111 per unsur",
}


def method_name(method: IkmMethod) -> str:
    """The IKM method in the words printed beside the index: "metode bobot 1/9 per unsur"."""
    return f"metode {METHOD_NAMES[method]}"


def calculation(score: SurveyScore) -> str:
    """The index's computation from the printed figures, in one line."""
    if score.method is IkmMethod.WEIGHT_0111:
        return f"IKM = Σ NRR tertimbang × 25 = {number(score.weighted_sum)} × 25 = {number(score.index)}"
    return f"IKM = Σ NRR ÷ 9 × 25 = {number(score.nrr_sum)} ÷ 9 × 25 = {number(score.index)}"


def method_note(method: IkmMethod) -> str:
    """How the figures were computed and rounded, printed under the table."""
    weight = (
        "NRR tertimbang = NRR × 0,111 (tanpa pembulatan); IKM = Σ NRR tertimbang × 25"
        if method is IkmMethod.WEIGHT_0111
        else "bobot setiap unsur 1/9: IKM = Σ NRR ÷ 9 × 25"
    )
    return (
        "Cara menghitung (PermenPANRB Nomor 14 Tahun 2017): NRR per unsur = jumlah nilai ÷ jumlah "
        "responden, dibulatkan tiga desimal; angka berikutnya dihitung dari NRR yang tercetak: nilai "
        f"konversi = NRR × 25; {weight}. Nilai konversi dan IKM dibulatkan dua desimal (angka 5 "
        "atau lebih dibulatkan ke atas)."
    )


class Bar(Flowable):
    """A horizontal bar, `share` (0–1) of its width filled; drawn with rectangles only (a
    reportlab Drawing would pull in a non-embedded Helvetica)."""

    def __init__(self, share: float, width: float, colour: colors.Color) -> None:
        super().__init__()
        self.share, self.width, self.height, self.colour = share, width, 3.2 * mm, colour

    def wrap(self, _available_width: float, _available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(colors.HexColor("#eeeeee"))
        canvas.rect(0, 0.4 * mm, self.width, 2.4 * mm, stroke=0, fill=1)
        canvas.setFillColor(self.colour)
        canvas.rect(0, 0.4 * mm, self.width * self.share, 2.4 * mm, stroke=0, fill=1)


def period_dates(result: SurveyResult) -> str:
    period = result.period
    return f"{indonesian.long_date(period.starts_on)} – {indonesian.long_date(period.ends_on)}"


def period_line(result: SurveyResult) -> str:
    return f"{result.period.title} ({period_dates(result)})"


def sample_text(result: SurveyResult) -> str:
    if result.required is None:
        return f"{result.respondents} responden (jumlah pengguna layanan belum diisi)"
    verdict = "memenuhi" if not result.too_few else f"KURANG {result.required - result.respondents} dari"
    return (
        f"{result.respondents} responden; {verdict} sampel minimum {result.required} "
        f"(Krejcie–Morgan, {result.period.service_users} pengguna layanan)"
    )


def survey_section(result: SurveyResult, width: float, heading: Flowable | None = None) -> list[Flowable]:
    """The result table and its summary, one block with its `heading`; a short note while no
    questionnaire is entered."""
    story: list[Flowable] = [
        *([heading] if heading is not None else []),
        key_values(
            [("Periode survei", period_line(result)), ("Jumlah responden", sample_text(result))],
            width,
            label_width=38 * mm,
        )
    ]
    score = result.score
    if score is None:
        story.append(text("Belum ada kuesioner yang dimasukkan untuk periode ini."))
        return story
    weighted = score.method is IkmMethod.WEIGHT_0111
    bar_width = width * (0.15 if weighted else 0.22)
    colour = BAR_COLOURS[score.grade.letter]
    weakest = {e.number for e in score.priority}

    def figures(*values: str, bold: bool = False) -> list[Flowable]:
        return [text(v, NUMBER_BOLD if bold else NUMBER) for v in values]

    rows: list[list[object]] = []
    for e in score.elements:
        bar = Bar(
            float(e.converted) / 100,
            bar_width - 4 * mm,
            BAR_COLOURS["D"] if e.element.number in weakest else colour,
        )
        extra = [number(e.weighted)] if weighted else []
        rows.append(
            [
                f"U{e.element.number}",
                e.element.name,
                *figures(whole(e.total), number(e.nrr), *extra, number(e.converted)),
                bar,
            ]
        )
    sums = [number(score.nrr_sum), *([number(score.weighted_sum)] if weighted else [])]
    rows.append(["", text("Jumlah", Styles.cell_bold), "", *figures(*sums, bold=True), "", ""])
    header = [
        "No",
        "Unsur pelayanan",
        "Jumlah nilai",
        "NRR",
        *(["NRR tertimbang (× 0,111)"] if weighted else []),
        "Konversi (NRR × 25)",
        "Grafik",
    ]
    fixed = [11 * mm, 16 * mm, 17 * mm, *([25 * mm] if weighted else []), 21 * mm, bar_width]
    widths = [fixed[0], width - sum(fixed), *fixed[1:]]
    priority = ", ".join(f"U{e.number} {e.name}" for e in score.priority)
    summary = key_values(
        [
            ("Nilai IKM", f"{number(score.index)} ({method_name(score.method)})"),
            ("Perhitungan", calculation(score)),
            ("Mutu pelayanan", f"{score.grade.letter} ({score.grade.label})"),
            ("Prioritas perbaikan", f"{priority} (NRR terendah)"),
        ],
        width,
        label_width=38 * mm,
    )
    # The table starts where the text before it ends (its heading with its first rows) and may go
    # on on the next page under its header; its last rows (the sums), the index with its method
    # and the rounding stay on one page: each printed figure can be checked against those beside it.
    note = text(method_note(score.method), NOTE)
    return table_parts(
        header, rows, widths, before=[*story, Spacer(1, 2)], then=[Spacer(1, 4), summary, Spacer(1, 2), note]
    )
