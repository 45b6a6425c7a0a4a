"""Laporan hasil Survei Kepuasan Masyarakat (SKM) of one survey period (PermenPANRB 14/2017):
method and collection period, the result per element, the index and grade, the sample check,
the result per jenis layanan, the trend against the previous period, the respondents' profile,
and the rencana tindak lanjut for the elements to improve."""

from __future__ import annotations

from enum import StrEnum
from fractions import Fraction

from reportlab.platypus import Flowable, Spacer

from desktop.reports import indonesian
from desktop.reports.collecting import collector_paused
from desktop.reports.evidence import evidence_note, heading_over_table, sign_off
from desktop.reports.layout import (
    Styles,
    build_pdf,
    content_width,
    grid_table,
    letterhead,
    signature_blocks,
    text,
)
from desktop.reports.parts import head_of, kop, label, signing_place
from desktop.reports.survey_details import method, per_service, plan, trend
from desktop.reports.survey_parts import number, period_dates, survey_section, whole
from desktop.services.report_data import SurveyDocument
from domain.skm import half_up

NO_DATE = "……………… 20……"  # an unissued report: the date is not known yet

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


@collector_paused
def build_survey_report(document: SurveyDocument, paper: str = "a4") -> bytes:
    """The report, dated the day it was issued (Terbitkan); a draft, undated, until then."""
    width = content_width(paper)
    result = document.result
    story: list[Flowable] = [*letterhead(kop(document.unit))]
    story.append(text("LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT", Styles.title))
    story.append(text(f"{document.unit.name} — {result.period.title}".upper(), Styles.subtitle))
    story.append(Spacer(1, 8))
    details = document.details
    letters = iter("ABCDEFGHIJ")
    if details is not None:
        story += heading_over_table(f"{next(letters)}. Metode dan periode survei")
        story += method(result, details, width)
    story += survey_section(result, width, text(f"{next(letters)}. Hasil per unsur pelayanan", Styles.heading))
    if details is not None:
        story += heading_over_table(f"{next(letters)}. Hasil per jenis layanan")
        story += per_service(details, width)
        story += heading_over_table(f"{next(letters)}. Perbandingan dengan periode sebelumnya")
        story += trend(result, details, width)
    story += heading_over_table(f"{next(letters)}. Profil responden")
    story += _profile(document, width)
    if details is not None:
        story += heading_over_table(f"{next(letters)}. Rencana tindak lanjut")
        story += plan(result, details.actions, width)
    if result.period.note:
        story.append(text(f"{next(letters)}. Catatan", Styles.heading))
        story.append(text(result.period.note))
    when = indonesian.long_date(document.issued_on) if document.issued_on else NO_DATE
    signature = signature_blocks([head_of(document.unit)], width, signing_place(document.unit, when))
    note = evidence_note(document.unit.indicators.get("survey-report", ()))
    sign_off(story, [Spacer(1, 8), text("Demikian laporan ini kami sampaikan."), Spacer(1, 4)], signature, note)
    return build_pdf(
        story,
        paper=paper,
        title=f"Laporan SKM {result.period.title}",
        footer=f"Laporan Hasil SKM {period_dates(result)}",  # short: clear of the page number
        draft=document.issued_on is None,
    )
