"""The new documents laid out under strain (issue #13, "Tests"): a forum of 300 participants and 200
recommendations with a 120-character title, an office with nothing but its name, and names in
Latin with diacritics. On every page no two text lines overlap and none crosses the margins; the
page with the first signature also holds the closing sentence; the fonts are embedded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from desktop.app.workspace import Workspace
from desktop.documents.builders import Options, build_forum_document
from desktop.reports.layout import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP
from desktop.reports.survey import build_survey_report
from desktop.reports.survey_actions import build_survey_actions_report
from desktop.services import agenda, followups, forums, participants, survey_actions, surveys, units
from desktop.services import recommendations as recs
from desktop.services.report_data import survey_document
from tests.reports.conftest import TOLERANCE, font_files, out_of_page
from tests.reports.geometry import outside, overlapping, pages_with

TITLE = (
    "Forum Konsultasi Publik Evaluasi Standar Pelayanan Perizinan Berusaha Berbasis Risiko "
    "dan Pengaduan Masyarakat Tahun 2026"
)[:120].ljust(120, ".")
NAMES = [
    "Ñoño Suárez",
    "Đặng Thị Hương",
    "Gérard Müller-Łukasik",
    "I Gusti Ngurah Agung Ṭirtayasa",
    "Zoë Ålvik",
]


@dataclass(frozen=True)
class Office:
    unit: str
    forum: str
    head: str  # the first signature's name line


def big_forum(ws: Workspace, empty: bool) -> Office:
    if empty:
        unit = ws.write(units.create_unit, code="PUSKESMAS", name="Puskesmas Distrik Aimas")
    else:
        unit = ws.write(
            units.create_unit,
            code="DPMPTSP",
            name="DPMPTSP Kabupaten Sorong",
            full_name="Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Sorong",
            letterhead="PEMERINTAH KABUPATEN SORONG",
            address="Jl. Sorong–Klamono Km. 24, Aimas",
            city="Aimas",
            phone="(0951) 3170000",
            time_zone="WIT",
            head_title="Kepala Dinas Penanaman Modal dan PTSP",
            head_name="Yosepina Kambuaya-Mambrasar",
            head_nip="197505152000032001",
        )
    ws.write(units.set_home_unit, unit)
    forum = ws.write(
        forums.create_forum,
        unit_id=unit,
        title=TITLE,
        held_on="2026-03-05",
        starts_at="09:00",
        ends_at="13:00",
        venue="Aula Kantor Bupati",
        facilitator=NAMES[0],
        note_taker=NAMES[1],
        theme=TITLE,
    )
    items = [
        ws.write(agenda.add_item, forum, title=f"Sesi {n}: masukan dan tanggapan", presenter=NAMES[n])
        for n in range(1, 4)
    ]
    categories = ["service_user", "client_office", "academic", "ngo", "media", "community_figure"]
    people = [
        ws.write(
            participants.add_participant,
            forum,
            name=f"{NAMES[n % len(NAMES)]} {n:03d}",
            organization=f"Organisasi Masyarakat Sipil Peduli Pelayanan Publik Nomor {n % 40:02d}",
            category=categories[n % len(categories)],
            gender="female" if n % 2 else "male",
            invited=n % 3 == 0,
            attended=True,
            phone=f"0812{n:08d}",
        )
        for n in range(300)
    ]
    ws.write(forums.start_forum, forum)
    for n in range(200):
        rec = ws.write(
            recs.add_recommendation,
            forum,
            text=f"Masukan {n}: percepat layanan perizinan dan perbaiki informasi persyaratan bagi pelaku usaha "
            "mikro di distrik yang jauh, termasuk yang belum terjangkau jaringan internet.",
            scope="policy" if n % 5 == 0 else "unit",
            raised_by_id=people[n],
            agenda_item_id=items[n % 3],
            response=f"Tanggapan {n}: dicatat dan akan ditindaklanjuti sesuai kewenangan." if n % 2 else "",
        )
        if n % 5 and n < 60:
            ws.write(recs.accept, rec)
            ws.write(
                followups.assign_follow_up,
                rec,
                action="Menyusun SOP layanan jemput bola.",
                owner="Kepala Bidang Pelayanan",
                due_on="2026-04-30",
            )
    ws.write(forums.update_forum, forum, summary="Ringkasan. " * 80, agreements="Kesepakatan bersama. " * 40)
    ws.write(forums.close_forum, forum)
    return Office(
        unit, forum, "(.........................................)" if empty else "Yosepina Kambuaya-Mambrasar"
    )


CLOSINGS = {
    "invitations": "Atas perhatian dan kerja sama Bapak/Ibu",
    "notes": "Demikian notulen ini dibuat",
    "implementation-report": "Demikian laporan pelaksanaan",
    "followup-report": "Demikian laporan ini kami sampaikan.",
}


def check(pdf: bytes, closing: str, head: str, paper: str = "a4") -> None:
    assert out_of_page(pdf) == [] and not any("NOT EMBEDDED" in f for f in font_files(pdf))
    assert overlapping(pdf) == []
    assert outside(pdf, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM, slack=TOLERANCE) == []
    signed = pages_with(pdf, head)
    assert signed and set(signed) <= set(pages_with(pdf, closing)), (signed, pages_with(pdf, closing))


@pytest.mark.parametrize("empty", [False, True], ids=["full office", "empty office"])
def test_forum_documents_under_strain(ws: Workspace, empty: bool) -> None:
    office = big_forum(ws, empty)
    for kind, closing in CLOSINGS.items():
        for paper in ("a4", "folio"):
            pdf = build_forum_document(ws, kind, office.forum, paper, Options(as_of=date(2026, 5, 4)))
            check(pdf, closing, office.head, paper)


def test_survey_documents_under_strain(ws: Workspace) -> None:
    office = big_forum(ws, empty=False)
    period = ws.write(
        surveys.create_period,
        unit_id=office.unit,
        title=TITLE,
        starts_on="2026-01-01",
        ends_on="2026-06-30",
        service_users=5000,
    )
    services = [f"Layanan {NAMES[n % 5]} perizinan nomor {n}" for n in range(9)]  # three tables of services
    for n in range(180):
        ws.write(
            surveys.add_response, period, [1 + (n * k) % 4 for k in range(1, 10)], service=services[n % 9]
        )
    for element in range(1, 10):
        ws.write(
            survey_actions.add_action,
            period,
            element=element,
            action="Perbaikan " * 30,
            owner=NAMES[element % 5],
            due_on="2026-09-30",
        )
    ws.write(surveys.issue_report, period)  # as sent: dated, without the DRAF mark across the text
    document = ws.read(survey_document, period)
    check(
        build_survey_report(document),
        "Demikian laporan ini kami sampaikan.",
        office.head,
    )
    check(
        build_survey_actions_report(document, as_of=date(2026, 10, 1)),
        "Demikian laporan ini kami sampaikan.",
        office.head,
    )
