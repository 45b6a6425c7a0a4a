"""The Laporan Pelaksanaan FKP (PermenPANRB 16/2017 pasca pelaksanaan; PEKPPP 1–2) as an evaluator
reads it: every required part, the participants per unsur recounted here from the stored
attendance list, the recommendations and their plan from the stored follow-up, the office's
templates, and no names of who raised what."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.vocab import Category, Gender, RecStatus, Role, Scope
from desktop.models import FollowUp, Participant, Recommendation
from desktop.reports.implementation import build_implementation_report
from desktop.reports.indonesian import words
from desktop.services import participants, templates
from desktop.services.document_data import implementation_report
from desktop.services.forums import reopen_forum
from desktop.services.templates import BASIS
from domain.unsur import DEFAULT_MAPPING
from tests.reports.conftest import all_text, font_files, out_of_page, pdf_text

AS_OF = date(2024, 10, 1)
LABELS = {
    Category.SERVICE_USER: "Pengguna layanan",
    Category.CLIENT_OFFICE: "Satuan kerja (satker)",
    Category.STAKEHOLDER: "Pemangku kepentingan",
    Category.ACADEMIC: "Akademisi/pakar",
}


def build(ws: Workspace, forum: str) -> bytes:
    return build_implementation_report(ws.read(implementation_report, forum, AS_OF, ws.ctx.calendar))


def test_every_part_an_evaluator_asks_for(demo_ws: Workspace, demo_forum: str) -> None:
    text = all_text(build(demo_ws, demo_forum))
    assert "KANTOR PELAYANAN PERBENDAHARAAN NEGARA SORONG" in text  # the kop's full name
    assert "LAPORAN PELAKSANAAN FORUM KONSULTASI PUBLIK KPPN SORONG TAHUN 2024" in text
    for part in (
        "I. PENDAHULUAN",
        "A. Dasar",
        "B. Maksud dan Tujuan",
        "II. PELAKSANAAN",
        "III. PESERTA",
        "IV. HASIL FORUM",
        "V. REKOMENDASI",
        "VI. RENCANA TINDAK LANJUT",
        "VII. PENUTUP",
        "Lampiran:",
    ):
        assert part in text, part
    for line in BASIS.splitlines():  # the dasar, numbered, as the built-in template words it
        assert line in text
    assert "1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;" in text
    assert "Hari, tanggal : Rabu, 21 Agustus 2024" in text
    assert "Pukul 09.00 sampai dengan 12.00 WIT" in text and "Aula KPPN Sorong" in text
    assert "Cara pelaksanaan : Tatap muka" in text and "Berita acara : Nomor BA-1/KPN.1701/2024" in text
    assert "Demikian laporan pelaksanaan Forum Konsultasi Publik ini disusun" in text
    assert "Sorong, 1 Oktober 2024" in text and "Gandung Triyasmoko" in text
    assert "Laporan Hasil Survei Kepuasan Masyarakat SKM Semester I 2024" in text  # attached
    assert "PEKPPP) indikator 1–2." in text
    pdf = build(demo_ws, demo_forum)
    assert out_of_page(pdf) == [] and not any("NOT EMBEDDED" in f for f in font_files(pdf))
    pages = pdf_text(pdf)
    assert all(f"Halaman {n} dari {len(pages)}" in p for n, p in enumerate(pages, start=1))


def test_participants_per_unsur_recounted_from_the_attendance_list(
    demo_ws: Workspace, demo_forum: str
) -> None:
    # The office's own staff are organisers: listed apart, never a participant nor an unsur.
    demo_ws.write(reopen_forum, demo_forum, "Menambahkan panitia")
    demo_ws.write(
        participants.add_participant,
        demo_forum,
        name="Pelaksana Umum",
        category="government",
        role="organizer",
        attended=True,
        gender="male",
    )
    with demo_ws.store.read() as session:
        people = session.scalars(
            select(Participant).where(Participant.forum_id == demo_forum, Participant.deleted.is_(False))
        ).all()
    present = [p for p in people if p.attended and p.role != Role.ORGANIZER]
    by = Counter((p.category, p.gender) for p in present)
    text = all_text(build(demo_ws, demo_forum))
    for number, category in enumerate(c for c in Category if any(p.category == c for p in present)):
        male, female = by[(category, Gender.MALE)], by[(category, Gender.FEMALE)]
        assert f"{number + 1} {LABELS[category]} {male} {female} {male + female}" in text
    total = len(present)
    elements = {p.category for p in present} - {Category.GOVERNMENT, Category.OTHER}
    male = sum(by[(c, Gender.MALE)] for c in Category)
    female = sum(by[(c, Gender.FEMALE)] for c in Category)
    # As the berita acara shows them (domain.unsur): the organiser apart, counted among those present.
    assert f"Jumlah peserta unsur masyarakat {male} {female} {total}" in text
    assert "Panitia penyelenggara (bukan peserta) 1 0 1" in text
    assert f"Jumlah yang hadir {male + 1} {female} {total + 1}" in text
    assert f"dihadiri oleh {total} ({words(total)}) orang peserta, dengan rincian" in text
    # The one PEKPPP figure, as the berita acara prints it, and the office's mapping onto it.
    score = len({DEFAULT_MAPPING[c] for c in elements} - {None})  # the office keeps the defaults
    assert f"Nilai jumlah unsur PEKPPP (indikator 2): {score} ({words(score)}) dari 5 (lima) unsur hadir" in text


def test_recommendations_and_their_plan_come_from_the_store(demo_ws: Workspace, demo_forum: str) -> None:
    with demo_ws.store.read() as session:
        recs = session.scalars(
            select(Recommendation)
            .where(Recommendation.forum_id == demo_forum, Recommendation.status != RecStatus.MERGED)
            .order_by(Recommendation.created_at, Recommendation.id)
        ).all()
        follow = {f.recommendation_id: f for f in session.scalars(select(FollowUp))}
        raisers = {p.id: p.name for p in session.scalars(select(Participant))}
    text = all_text(build(demo_ws, demo_forum))
    for number, rec in enumerate(recs, start=1):
        assert f"{number} {rec.text}" in text
        fu = follow.get(rec.id)
        if fu is not None:
            assert f"• {fu.action} {fu.owner}" in text
            assert fu.due_on is not None and f"{fu.due_on.day} " in text
        if rec.scope == Scope.POLICY:
            assert "Diusulkan kepada Kanwil DJPb Provinsi Papua Barat Daya" in text
    # Published: who raised a recommendation is named by unsur, never by name (UU 27/2022).
    for rec in recs:
        assert rec.raised_by_id is not None and raisers[rec.raised_by_id] not in text
    assert "Tingkatkan kualitas layanan KPPN Sorong" in text and "100%" in text


def test_templates_the_forum_then_the_office_then_the_built_in(demo_ws: Workspace, demo_forum: str) -> None:
    unit = demo_ws.ctx.home_unit_id
    assert unit is not None
    demo_ws.write(
        templates.update_unit_templates,
        unit,
        report_basis="1. Keputusan Direktur Jenderal Perbendaharaan tentang Standar Layanan KPPN;",
        report_closing="Demikian laporan ini kami sampaikan.",
    )
    text = all_text(build(demo_ws, demo_forum))
    assert "1. Keputusan Direktur Jenderal Perbendaharaan tentang Standar Layanan KPPN;" in text
    assert "Undang-Undang Nomor 25 Tahun 2009" not in text  # the office's dasar replaces the built-in
    assert "Demikian laporan ini kami sampaikan." in text
    assert "Forum Konsultasi Publik dilaksanakan dengan maksud" in text  # left to the built-in
    # A closed forum's own wording may still change: none of it is in the berita acara.
    demo_ws.write(templates.update_forum_templates, demo_forum, report_closing="Demikian, terima kasih.")
    text = all_text(build(demo_ws, demo_forum))
    assert "Demikian, terima kasih." in text and "Demikian laporan ini kami sampaikan." not in text
    demo_ws.write(templates.update_forum_templates, demo_forum, report_closing="")
    assert "Demikian laporan ini kami sampaikan." in all_text(build(demo_ws, demo_forum))


def test_the_office_chooses_the_pekppp_indicators_printed(demo_ws: Workspace, demo_forum: str) -> None:
    unit = demo_ws.ctx.home_unit_id
    assert unit is not None
    demo_ws.write(
        templates.update_unit_templates, unit, pekppp_indicators={"implementation-report": "3, 5–6"}
    )
    assert "indikator 3 dan 5–6." in all_text(build(demo_ws, demo_forum))
    demo_ws.write(templates.update_unit_templates, unit, pekppp_indicators={"implementation-report": []})
    assert "bukti dukung" not in all_text(build(demo_ws, demo_forum))  # no evidence line


def test_the_statuses_are_those_of_the_reports_day(demo_ws: Workspace, demo_forum: str) -> None:
    """*Posisi per* a day: each status as its history had it at the end of that day (the follow-up
    report's rule). The demo closed its forum on 21 August 2024 and triaged on the 23rd."""
    with demo_ws.store.read() as session:
        live = session.scalars(
            select(Recommendation.text).where(
                Recommendation.forum_id == demo_forum, Recommendation.status != RecStatus.MERGED
            )
        ).all()

    def statuses(day: date) -> str:
        pdf = build_implementation_report(demo_ws.read(implementation_report, demo_forum, day, demo_ws.ctx.calendar))
        return all_text(pdf)

    before_triage = statuses(date(2024, 8, 22))
    assert "posisi per 22 Agustus 2024" in before_triage
    assert before_triage.count(" Diusulkan") >= len(live)
    assert "Ditolak:" not in before_triage and " Selesai" not in before_triage and "Diterima" not in before_triage
    assert "Menugaskan petugas customer service" not in before_triage  # assigned on 26 August
    assert before_triage.count("Belum ditetapkan") == len(live)  # nothing decided or assigned yet
    later = statuses(AS_OF)
    assert "Ditolak: Jam layanan" in later and " Selesai" in later and "Dalam proses" in later
    assert "Menugaskan petugas customer service" in later
