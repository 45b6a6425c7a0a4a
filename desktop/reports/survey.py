"""Laporan hasil Survei Kepuasan Masyarakat (SKM) of one survey period: the result per element,
the index and grade, the sample check, and the respondents' profile."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from fractions import Fraction

from reportlab.platypus import Flowable, Spacer

from desktop.reports import indonesian
from desktop.reports.layout import (
    Styles,
    build_pdf,
    content_width,
    grid_table,
    letterhead,
    signature_blocks,
    text,
)
from desktop.reports.parts import head_of, kop, label
from desktop.reports.survey_parts import number, survey_section, whole
from desktop.services.report_data import SurveyDocument
from desktop.zones import office_today
from domain.skm import half_up

PROFILE_TITLES = {
    "gender": "Jenis kelamin",
    "age_band": "Usia",
    "education": "Pendidikan",
    "occupation": "Pekerjaan",
}


def _profile(document: SurveyDocument, width: float) -> list[Flowable]:
    result = document.result
    rows = []
    for field, title in PROFILE_TITLES.items():
        counts: dict[StrEnum, int] = result.profile.get(field, {})
        for value, n in sorted(counts.items(), key=lambda item: (-item[1], str(item[0]))):
            # Of all respondents (one without this field is in no group), one decimal, half up.
            share = number(half_up(Fraction(100 * n, result.respondents), 1)) if result.respondents else "0"
            rows.append([title, label(value), whole(n), f"{share}%"])
            title = ""
    if not rows:
        return [text("Profil responden tidak diisi.")]
    return [
        grid_table(
            ["Profil", "Kelompok", "Jumlah", "Persentase"],
            rows,
            [width * 0.25, width * 0.45, width * 0.15, width * 0.15],
        )
    ]


def build_survey_report(document: SurveyDocument, paper: str = "a4", as_of: date | None = None) -> bytes:
    width = content_width(paper)
    as_of = as_of or office_today(document.unit.time_zone)
    result = document.result
    story: list[Flowable] = [*letterhead(kop(document.unit))]
    story.append(text("LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT", Styles.title))
    story.append(text(f"{document.unit.name} — {result.period.title}".upper(), Styles.subtitle))
    story.append(Spacer(1, 8))
    story += survey_section(result, width, text("A. Hasil per unsur pelayanan", Styles.heading))
    story.append(text("B. Profil responden", Styles.heading))
    story += _profile(document, width)
    if result.period.note:
        story.append(text("C. Catatan", Styles.heading))
        story.append(text(result.period.note))
    story.append(Spacer(1, 12))
    place = document.unit.city
    when = indonesian.long_date(as_of)
    story.append(signature_blocks([head_of(document.unit)], width, f"{place}, {when}" if place else when))
    return build_pdf(
        story,
        paper=paper,
        title=f"Laporan SKM {result.period.title}",
        footer=f"Laporan Hasil Survei Kepuasan Masyarakat — {result.period.title}",
    )
