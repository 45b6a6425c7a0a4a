"""The survey (SKM) result as printed: one table of the nine elements with a bar each, the
index and its grade, the sample check and the element to improve first. Used by the survey
report and by the minutes and follow-up report of a forum that discussed a survey."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.reports import indonesian
from desktop.reports.layout import Styles, grid_table, key_values, text
from desktop.services.surveys import SurveyResult

BAR_COLOURS = {
    "A": colors.HexColor("#1b5e20"),
    "B": colors.HexColor("#2e7d32"),
    "C": colors.HexColor("#f9a825"),
    "D": colors.HexColor("#c62828"),
}


def number(value: object) -> str:
    """Decimal comma, as Indonesian documents write numbers."""
    return str(value).replace(".", ",")


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


def survey_section(result: SurveyResult, width: float) -> list[Flowable]:
    """The result table and its summary; a short note while no questionnaire is entered."""
    story: list[Flowable] = [
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
    bar_width = width * 0.26
    colour = BAR_COLOURS[score.grade.letter]
    weakest = {e.number for e in score.priority}
    rows = [
        [
            f"U{e.element.number}",
            e.element.name,
            number(e.nrr_rounded),
            number(e.converted),
            Bar(
                float(e.converted) / 100,
                bar_width - 4 * mm,
                BAR_COLOURS["D"] if e.element.number in weakest else colour,
            ),
        ]
        for e in score.elements
    ]
    story.append(
        grid_table(
            ["No", "Unsur pelayanan", "NRR", "Nilai konversi", "Grafik"],
            rows,
            [12 * mm, width - 12 * mm - 2 * 24 * mm - bar_width, 24 * mm, 24 * mm, bar_width],
        )
    )
    story.append(Spacer(1, 4))
    priority = ", ".join(f"U{e.number} {e.name}" for e in score.priority)
    story.append(
        key_values(
            [
                ("Nilai IKM", number(score.index)),
                ("Mutu pelayanan", f"{score.grade.letter} ({score.grade.label})"),
                ("Prioritas perbaikan", f"{priority} (NRR terendah)"),
            ],
            width,
            label_width=38 * mm,
        )
    )
    story.append(
        text(
            "IKM = rata-rata NRR kesembilan unsur (bobot masing-masing 1/9) × 25, sesuai PermenPANRB "
            "Nomor 14 Tahun 2017.",
            Styles.small,
        )
    )
    return story
