from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.vocab import RecStatus
from desktop.models import Participant, Recommendation
from desktop.reports.layout import PAPERS
from desktop.reports.minutes import build_minutes
from desktop.services import forums, participants
from desktop.services import recommendations as recs
from desktop.services.report_data import forum_report
from tests.helpers import make_tree
from tests.reports.conftest import all_text, font_files, out_of_page, page_sizes, pdf_text


@pytest.fixture
def minutes(demo_ws: Workspace, demo_forum: str) -> bytes:
    return build_minutes(demo_ws.read(forum_report, demo_forum))


def test_required_pieces_of_the_berita_acara(minutes: bytes, demo_ws: Workspace, demo_forum: str) -> None:
    text = all_text(minutes)
    assert "BERITA ACARA" in text and "Nomor: BA-1/KPN.1701/2024" in text
    assert "KEMENTERIAN KEUANGAN REPUBLIK INDONESIA" in text and "KPPN SORONG" in text
    assert (
        "Pada hari Rabu tanggal dua puluh satu bulan Agustus tahun dua ribu dua puluh empat, "
        "bertempat di Aula KPPN Sorong"
    ) in text
    assert "pukul 09.00 sampai dengan 12.00" in text and "12 (dua belas) orang peserta" in text
    assert "Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya." in text
    assert "Sorong, 21 Agustus 2024" in text
    assert "Gandung Triyasmoko" in text and "NIP 19750515 200003 1 001" in text
    assert "Perwakilan masyarakat" in text
    assert "None" not in text


def test_every_attendee_is_listed_in_the_attachment(
    minutes: bytes, demo_ws: Workspace, demo_forum: str
) -> None:
    report = demo_ws.read(forum_report, demo_forum)
    attachment = all_text(minutes).split("DAFTAR HADIR", 1)[1]
    for person in report.attendees:
        assert person.name in attachment
    absent = [p for p in report.participants if not p.attended]
    assert absent and all(p.name not in attachment for p in absent)


def test_the_signatures_never_stand_alone_on_a_page(minutes: bytes, demo_ws: Workspace, demo_forum: str) -> None:
    """The demo's figures (the PEKPPP mapping, the SKM method) pushed the signatures onto a page
    of their own: the closing sentence and the body's last part travel with them."""
    pages = pdf_text(minutes)
    signed = next(page for page in pages if "NIP 19750515 200003 1 001" in page)
    assert "Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya." in signed
    before = signed.split("Demikian berita acara", 1)[0]
    report = demo_ws.read(forum_report, demo_forum)
    last = [r for r in report.recommendations if r.scope == "policy"][-1]
    assert " ".join(last.text.split()[:6]) in before


def test_recommendations_are_under_their_scope(minutes: bytes, demo_ws: Workspace, demo_forum: str) -> None:
    text = all_text(minutes)
    unit_part = text.split("A. Rekomendasi ranah unit", 1)[1].split("B. Rekomendasi kebijakan", 1)[0]
    policy_part = text.split("B. Rekomendasi kebijakan", 1)[1].split("Demikian berita acara", 1)[0]
    report = demo_ws.read(forum_report, demo_forum)
    for rec in report.recommendations:
        words = " ".join(rec.text.split()[:6])
        if rec.scope == "unit":
            assert words in unit_part and words not in policy_part
        else:
            assert words in policy_part and words not in unit_part
    assert "Kanwil DJPb Provinsi Papua Barat Daya" in text.split("B. Rekomendasi kebijakan", 1)[1]
    # What the room agreed, not what triage did later: no statuses, no follow-up owners.
    assert "Kepala Subbagian Umum" not in unit_part and "Diterima" not in unit_part
    # The duplicate merged in the room, under the recommendation it was merged into.
    merged = unit_part.split("Perkuat customer service", 1)[1].split("Tingkatkan koordinasi", 1)[0]
    assert "Tambah petugas customer service pada jam sibuk" in merged and "(Kusharyanto Hasri)" in merged


def test_page_numbers(minutes: bytes) -> None:
    pages = pdf_text(minutes)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari {len(pages)}" in page


def test_nothing_is_drawn_outside_the_page_and_fonts_are_embedded(minutes: bytes) -> None:
    assert out_of_page(minutes) == []
    fonts = font_files(minutes)
    assert fonts and not any("NOT EMBEDDED" in f for f in fonts), fonts
    assert all("DejaVu" in f or "MufakatSans" in f for f in fonts), fonts


def test_draft_until_the_forum_is_closed(ws: Workspace) -> None:
    tree = make_tree(ws)
    running = build_minutes(ws.read(forum_report, tree.forum))
    assert all("DRAF" in page for page in pdf_text(running))
    ws.write(forums.start_forum, tree.forum)
    ws.write(forums.close_forum, tree.forum)
    closed = build_minutes(ws.read(forum_report, tree.forum))
    assert "DRAF" not in all_text(closed)


def test_empty_optional_fields_are_left_out(ws: Workspace) -> None:
    tree = make_tree(ws)  # no theme, venue, times, number, summary, agenda
    text = all_text(build_minutes(ws.read(forum_report, tree.forum)))
    assert "None" not in text and "tema" not in text and "pukul" not in text
    assert "Nomor: ……" in text  # a line to write the number on
    assert "bertempat" not in text and "Pokok-pokok pembahasan" not in text
    assert "Tidak ada." in text  # no recommendations of either scope yet


def test_unicode_names_and_long_texts(ws: Workspace) -> None:
    tree = make_tree(ws)
    names = ["Zoë Łukasiewicz-Ñúñez", "Αλέξανδρος Παπαδόπουλος", "Ольга Смирнова", "Nguyễn Thị Hồng"]
    for name in names:
        person = ws.write(participants.add_participant, tree.forum, name=name, category="pengguna layanan")
        ws.write(participants.sign_in, person)
    long_text = " ".join(["Perbaiki alur antrean dan sistem informasi pelayanan di ruang tunggu"] * 60)
    ws.write(recs.add_recommendation, tree.forum, text=long_text, scope="unit")
    for n in range(40):
        ws.write(
            recs.add_recommendation,
            tree.forum,
            text=f"Usulan kebijakan nomor {n} tentang standar layanan",
            scope="policy",
        )
    pdf = build_minutes(ws.read(forum_report, tree.forum))
    text = all_text(pdf)
    for name in names:
        assert name in text
    assert "Usulan kebijakan nomor 39" in text
    pages = pdf_text(pdf)
    headers = [p for p in pages if re.search(r"No Rekomendasi Diusulkan oleh Dukungan", p)]
    assert len(headers) >= 3  # the table header repeats on the pages a long table flows onto
    assert out_of_page(pdf) == []


@pytest.mark.parametrize("paper", ["a4", "folio"])
def test_paper_size(minutes: bytes, demo_ws: Workspace, demo_forum: str, paper: str) -> None:
    pdf = build_minutes(demo_ws.read(forum_report, demo_forum), paper=paper)
    width, height = PAPERS[paper]
    assert all(abs(w - width) < 1 and abs(h - height) < 1 for w, h in page_sizes(pdf))
    assert out_of_page(pdf) == []


def test_each_recommendation_prints_its_dukungan_from_the_store(
    minutes: bytes, demo_ws: Workspace, demo_forum: str
) -> None:
    """The recommendation table prints each one's *dukungan* (the votes stored, those of the
    duplicates merged into it included) after who raised it, and the merged ones under it."""
    text = all_text(minutes)
    with demo_ws.store.read() as session:
        stored = session.scalars(
            select(Recommendation).where(Recommendation.forum_id == demo_forum, Recommendation.deleted.is_(False))
        ).all()
        names = {p.id: p.name for p in session.scalars(select(Participant))}
        kept = [(r.text, names.get(r.raised_by_id or "", "-"), r.votes) for r in stored if r.status != RecStatus.MERGED]
        merged = [(r.text, r.votes, r.merged_into_id) for r in stored if r.status == RecStatus.MERGED]
    assert kept and merged
    for rec_text, who, votes in kept:
        row = re.search(re.escape(" ".join(rec_text.split()[-3:])) + r" (.*?)" + re.escape(who) + r" (\d+) ", text)
        assert row is not None, rec_text
        assert int(row.group(2)) == votes
    # The duplicate merged into the customer-service one: under it, its votes added to its own.
    [(dup_text, _dup_votes, into)] = merged
    assert f"– {dup_text}" in text and "Usulan serupa yang digabungkan ke dalam rekomendasi ini:" in text
    assert any(r.id == into for r in stored)
