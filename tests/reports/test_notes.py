"""The notulen (PEKPPP 2): who said what, per agenda item in the agenda's order, with the office's
response to each, typed in live capture; what was said under no item still printed."""

from __future__ import annotations

from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.models import AgendaItem, Participant, Recommendation
from desktop.reports.notes import NO_ITEM, NO_RESPONSE, build_notes
from desktop.services import agenda, forums, participants
from desktop.services import recommendations as recs
from desktop.services.document_data import notes
from tests.helpers import make_tree
from tests.reports.conftest import all_text, out_of_page


def test_each_input_with_its_speaker_and_the_offices_response(demo_ws: Workspace, demo_forum: str) -> None:
    pdf = build_notes(demo_ws.read(notes, demo_forum))
    text = all_text(pdf)
    with demo_ws.store.read() as session:
        rows = session.execute(
            select(Recommendation.text, Recommendation.response, Participant.name, Participant.organization)
            .join(Participant, Participant.id == Recommendation.raised_by_id)
            .where(Recommendation.forum_id == demo_forum, Recommendation.deleted.is_(False))
            .order_by(Recommendation.created_at, Recommendation.id)
        ).all()
        items = session.scalars(
            select(AgendaItem.title).where(AgendaItem.forum_id == demo_forum).order_by(AgendaItem.position)
        ).all()
    assert "NOTULEN" in text and "Rabu, 21 Agustus 2024" in text and "Notulis : Pelaksana Umum" in text
    for number, (said, response, name, organization) in enumerate(rows, start=1):  # merged ones too
        assert f"{number}. {name} ({organization}): {said}" in text
        assert f"Tanggapan: {response or NO_RESPONSE}" in text
    positions = [text.index(title) for title in items]
    assert positions == sorted(positions)  # per agenda item, in the agenda's order
    assert "[Sama dengan masukan no. 2]" in text  # the duplicate merged into the second input
    assert "Mengetahui, Kepala KPPN Sorong" in text and "Demikian notulen ini dibuat" in text
    assert "PEKPPP) indikator 2." in text and out_of_page(pdf) == []


def test_input_under_no_agenda_item_and_a_draft_until_closed(ws: Workspace) -> None:
    forum = make_tree(ws).forum
    ws.write(agenda.add_item, forum, title="Paparan standar pelayanan")
    person = ws.write(
        participants.add_participant, forum, name="Ni Luh Ayu", category="service_user", attended=True
    )
    ws.write(forums.start_forum, forum)
    ws.write(
        recs.add_recommendation, forum, text="Sediakan ruang laktasi.", scope="unit", raised_by_id=person
    )
    rec = ws.write(recs.add_recommendation, forum, text="Tambah kursi tunggu.", scope="unit")
    ws.write(recs.edit_recommendation, rec, response="Akan dianggarkan tahun depan.")
    text = all_text(build_notes(ws.read(notes, forum)))
    assert "1. Paparan standar pelayanan Tidak ada masukan yang dicatat." in text
    assert f"2. {NO_ITEM}" in text
    assert "Ni Luh Ayu (Pengguna layanan): Sediakan ruang laktasi." in text  # no organisation: the unsur
    assert "(tidak dicatat): Tambah kursi tunggu. Tanggapan: Akan dianggarkan tahun depan." in text
    assert "DRAF" in text  # the forum is not closed
    ws.write(forums.close_forum, forum)
    assert "DRAF" not in all_text(build_notes(ws.read(notes, forum)))
