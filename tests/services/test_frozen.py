"""A forum's berita acara is frozen when the forum closes (issue #13): a reprint after later
changes is the same file, byte for byte; reopening and closing again makes a new version and
the old one stays printable; forums closed before the upgrade are frozen once, marked so; the
satisfaction survey's report is issued on a fixed date by an explicit, audited action."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from sqlalchemy import create_engine, delete, select, update

from desktop.app.workspace import Workspace
from desktop.core.config import DB_FILENAME, Settings
from desktop.core.errors import InputError, TransitionError
from desktop.documents.printed import FOLDER, forum_minutes_pdf, layout_digest, minutes_pdf
from desktop.models import AuditEvent, FrozenMinutes, OutboxOp, Participant, Recommendation
from desktop.reports.followup import build_followup_report
from desktop.reports.survey import build_survey_report
from desktop.services import followups, forums, frozen, participants, surveys, units
from desktop.services import recommendations as recs
from desktop.services.report_data import forum_report, survey_document
from desktop.store.db import migrate
from protocol.minutes import LAYOUT
from protocol.vocab import FreezeCause, Paper
from tests.helpers import make_tree
from tests.reports.conftest import all_text, page_sizes, pdf_text

SIGNATORIES = [
    {
        "role": "Kepala unit",
        "name": "Gandung Triyasmoko",
        "nip": "19750515 200003 1 001",
        "title": "Kepala KPPN",
    },
    {"role": "Perwakilan masyarakat", "name": "Yusna Tangdilintin", "nip": "", "title": ""},
]


def running_forum(ws: Workspace) -> str:
    tree = make_tree(ws)
    for name, phone in (("Agustinus Wambrauw", "0812-1111-2222"), ("Nguyễn Thị Hồng", "0813-3333-4444")):
        person = ws.write(
            participants.add_participant, tree.forum, name=name, category="pengguna layanan", phone=phone
        )
        ws.write(participants.sign_in, person)
    ws.write(forums.update_forum, tree.forum, agreements="Layanan konsultasi dibuka setiap Senin pagi.")
    ws.write(
        recs.add_recommendation, tree.forum, text="Perkuat customer service pada jam sibuk", scope="unit"
    )
    ws.write(recs.add_recommendation, tree.forum, text="Usulkan layanan jemput bola", scope="policy")
    ws.write(forums.start_forum, tree.forum)
    return tree.forum


def test_closing_freezes_the_minutes_with_what_closing_asked_for(ws: Workspace) -> None:
    forum = running_forum(ws)
    ws.write(
        forums.close_forum,
        forum,
        document_number="BA-3/KPN.1701/2026",
        signatories=SIGNATORIES,
        paper="folio",
    )
    [version] = ws.read(frozen.versions, forum)
    assert (version.number, version.cause, version.paper) == (1, FreezeCause.CLOSING, Paper.FOLIO)
    pdf = forum_minutes_pdf(ws, forum)
    text = all_text(pdf)
    assert "DRAF" not in text and "Nomor: BA-3/KPN.1701/2026" in text
    assert "Yusna Tangdilintin" in text and "NIP 19750515 200003 1 001" in text
    assert all(abs(h - 935.43) < 1 for _w, h in page_sizes(pdf))  # folio, as chosen when closing
    with ws.store.read() as session:
        content = session.scalars(select(FrozenMinutes.content)).one()
    assert [a["name"] for a in content["attendees"]] == ["Agustinus Wambrauw", "Nguyễn Thị Hồng"]
    assert all(
        set(a) == {"id", "name", "organization", "category", "gender", "vulnerable", "role"}
        for a in content["attendees"]
    )  # no contact details
    assert "0812" not in json.dumps(content) and "0813" not in json.dumps(content)


def test_closing_with_a_number_left_empty_prints_a_line_to_write_it(ws: Workspace) -> None:
    forum = running_forum(ws)
    ws.write(forums.close_forum, forum, document_number="")
    assert "Nomor: ……" in all_text(forum_minutes_pdf(ws, forum))


def test_a_bad_paper_or_signatory_changes_nothing(ws: Workspace) -> None:
    forum = running_forum(ws)
    with pytest.raises(InputError, match="Paper"):
        ws.write(forums.close_forum, forum, paper="letter")
    with pytest.raises(InputError, match="18-digit NIP"):
        ws.write(forums.close_forum, forum, signatories=[{**SIGNATORIES[0], "nip": "1975"}])
    assert ws.read(frozen.versions, forum) == []
    assert ws.read(forum_report, forum).status == "running"


def test_a_reprint_after_later_changes_is_the_same_file(ws: Workspace) -> None:
    forum = running_forum(ws)
    ws.write(forums.close_forum, forum, document_number="BA-3/KPN.1701/2026", signatories=SIGNATORIES)
    first = forum_minutes_pdf(ws, forum)
    # Afterwards: triage, follow-up, the office's kop and head change.
    with ws.store.read() as session:
        rec_ids = session.scalars(select(Recommendation.id).order_by(Recommendation.created_at)).all()
        unit_id = session.scalars(select(Participant.unit_id)).first()
    ws.write(recs.accept, rec_ids[0])
    ws.write(followups.assign_follow_up, rec_ids[0], action="Tambah petugas", owner="Kepala Seksi")
    ws.write(
        units.update_unit,
        unit_id,
        full_name="Kantor Pelayanan Perbendaharaan Negara Sorong Baru",
        head_name="Pejabat Baru",
        address="Jl. Baru 1",
    )
    again = forum_minutes_pdf(ws, forum)
    assert again == first
    shutil.rmtree(ws.data_dir / FOLDER)  # laid out again from the snapshot: the same bytes
    assert forum_minutes_pdf(ws, forum) == first
    assert "Pejabat Baru" not in all_text(first) and "Tambah petugas" not in all_text(first)
    # the follow-up report is where what happened afterwards goes
    assert "Tambah petugas" in all_text(
        build_followup_report(ws.read(forum_report, forum), as_of=date(2026, 12, 1))
    )


def test_the_laptops_copy_is_only_a_speed_cache_that_cannot_differ(ws: Workspace) -> None:
    """A file kept by a Mufakat that laid documents out otherwise (another digest) is never read
    back, and goes: every laptop prints what the snapshot gives, whether it printed it before or
    never (the snapshot's layout version keeps its words: tests/reports/test_minutes_layout_versions)."""
    forum = running_forum(ws)
    ws.write(forums.close_forum, forum, document_number="BA-3/KPN.1701/2026", signatories=SIGNATORIES)
    first = forum_minutes_pdf(ws, forum)
    [kept] = list((ws.data_dir / FOLDER).iterdir())
    assert kept.name.endswith(f"-{layout_digest()}.pdf")
    older = ws.data_dir / FOLDER / f"berita-acara-{ws.read(frozen.versions, forum)[0].id}-0123456789abcdef.pdf"
    older.write_bytes(first + b"% laid out by an older version\n")
    kept.unlink()
    assert forum_minutes_pdf(ws, forum) == first
    assert sorted(p.name for p in (ws.data_dir / FOLDER).iterdir()) == [kept.name]
    assert forum_minutes_pdf(ws, forum) == first == kept.read_bytes()


def test_reopening_makes_a_new_version_and_the_old_one_stays_printable(ws: Workspace) -> None:
    forum = running_forum(ws)
    ws.write(forums.close_forum, forum)
    first = forum_minutes_pdf(ws, forum)
    ws.write(forums.reopen_forum, forum, "Kesepakatan kedua belum tercatat")
    assert "DRAF" in all_text(forum_minutes_pdf(ws, forum))  # reopened: the draft of now
    ws.write(forums.update_forum, forum, agreements="Layanan konsultasi dibuka setiap Senin pagi.\n\nKedua.")
    ws.write(forums.close_forum, forum)
    one, two = ws.read(frozen.versions, forum)
    assert (one.number, two.number) == (1, 2)
    assert minutes_pdf(ws, one.id) == first == forum_minutes_pdf(ws, forum, version=1)
    latest = forum_minutes_pdf(ws, forum)
    assert latest == minutes_pdf(ws, two.id) != first
    assert "2. Kedua." in all_text(latest) and "Kedua." not in all_text(first)


def test_forums_closed_before_the_upgrade_are_frozen_once_and_marked(ws: Workspace) -> None:
    forum = running_forum(ws)
    ws.write(forums.close_forum, forum)
    status_at = ws.read(lambda s: s.get(FrozenMinutes, ws.read(frozen.versions, forum)[0].id).frozen_at)
    data = ws.data_dir
    ws.close()
    # The laptop as it was before this version: no frozen minutes table, the forum closed.
    engine = create_engine(f"sqlite:///{data / DB_FILENAME}")
    with engine.begin() as conn:
        conn.execute(delete(OutboxOp.__table__).where(OutboxOp.__table__.c.entity == "frozen_minutes"))
        migrate(conn, "0013")
    engine.dispose()
    upgraded = Workspace.open(data, Settings(language="en", operator="Tester"))
    try:
        [version] = upgraded.read(frozen.versions, forum)
        assert version.cause == FreezeCause.UPGRADE and version.frozen_by == "Tester"
        assert abs((version.frozen_at - status_at).total_seconds()) < 5  # the closing's time
        assert "DRAF" not in all_text(forum_minutes_pdf(upgraded, forum))
        with upgraded.store.read() as session:
            events = select(AuditEvent.action).where(AuditEvent.entity_id == version.id)
            assert session.scalars(events).all() == ["freeze"]
    finally:
        upgraded.close()
    again = Workspace.open(data, Settings(language="en", operator="Tester"))  # once only
    try:
        assert len(again.read(frozen.versions, forum)) == 1
    finally:
        again.close()


def test_the_survey_report_is_issued_on_a_fixed_date(demo_ws: Workspace) -> None:
    period = demo_ws.read(lambda s: surveys.periods_of(s)[0].id)
    draft = build_survey_report(demo_ws.read(survey_document, period))
    assert all("DRAF" in page for page in pdf_text(draft)) and "Sorong, ……" in all_text(draft)
    day = demo_ws.write(surveys.issue_report, period)
    assert day == demo_ws.ctx.today()
    issued = build_survey_report(demo_ws.read(survey_document, period))
    text = all_text(issued)
    assert "DRAF" not in text and f"Sorong, {day.day} " in text
    with pytest.raises(TransitionError, match="was issued on"):
        demo_ws.write(surveys.issue_report, period)
    with demo_ws.store.read() as session:
        [event] = session.scalars(select(AuditEvent).where(AuditEvent.action == "issue")).all()
    assert event.entity == "survey_reports" and event.actor == "Tester"


def test_a_survey_with_no_questionnaire_is_not_issued(ws: Workspace) -> None:
    tree = make_tree(ws)
    period = ws.write(
        surveys.create_period,
        unit_id=tree.leaf,
        title="SKM 2026",
        starts_on="2026-01-01",
        ends_on="2026-06-30",
    )
    with pytest.raises(InputError, match="no questionnaires yet"):
        ws.write(surveys.issue_report, period)


def test_the_minutes_keep_the_offices_rules_of_the_day(demo_ws: Workspace, demo_forum: str) -> None:
    """The IKM method and the PEKPPP mapping the office used when the forum closed are part of
    the frozen minutes: changing them afterwards changes neither the figures nor the bytes."""
    ws = demo_ws
    ws.write(forums.reopen_forum, demo_forum, "Nomor berita acara salah")
    with ws.store.read() as session:
        unit_id = session.scalars(select(Participant.unit_id)).first()
    ws.write(units.update_unit, unit_id, ikm_method="weight_0111", unsur_mapping={"media": None})
    ws.write(forums.close_forum, demo_forum)
    first = forum_minutes_pdf(ws, demo_forum)
    text = " ".join(all_text(first).split())
    assert "NRR tertimbang" in text  # the 0,111 method of that day
    assert "Tidak dihitung Media" in text  # media counted on no PEKPPP unsur that day
    ws.write(units.update_unit, unit_id, ikm_method="exact", unsur_mapping={"media": "mass_media"})
    shutil.rmtree(ws.data_dir / FOLDER)  # laid out again from the snapshot
    assert forum_minutes_pdf(ws, demo_forum) == first
    now = " ".join(all_text(build_followup_report(ws.read(forum_report, demo_forum))).split())
    assert "NRR tertimbang" not in now  # what the office prints today follows today's rules


def test_minutes_frozen_by_a_newer_mufakat_are_refused_with_a_message(ws: Workspace) -> None:
    """A snapshot of a layout this code does not know (frozen by a newer laptop of the office)
    is kept as it came, and printing it says to update rather than printing other words."""
    forum = running_forum(ws)
    ws.write(forums.close_forum, forum)
    [version] = ws.read(frozen.versions, forum)
    table = FrozenMinutes.__table__
    with ws.store.write() as session:
        content = session.scalars(select(table.c.content).where(table.c.id == version.id)).one()
        newer = {**content, "layout": LAYOUT + 1}
        session.execute(update(table).where(table.c.id == version.id).values(content=newer))
    with pytest.raises(InputError, match=f"newer Mufakat \\(layout {LAYOUT + 1}"):
        forum_minutes_pdf(ws, forum)
    assert not (ws.data_dir / FOLDER).exists()


def test_the_kept_copy_follows_the_version_of_mufakat(monkeypatch: pytest.MonkeyPatch) -> None:
    """A packaged Mufakat holds no sources to digest: its version alone tells one release's
    layout from another's, so an upgrade never reads the copy an older release kept."""
    import desktop.documents.printed as printed

    now = printed.layout_digest()
    monkeypatch.setattr(printed, "__version__", "9999.1")
    printed.layout_digest.cache_clear()
    try:
        assert printed.layout_digest() != now
    finally:
        printed.layout_digest.cache_clear()
