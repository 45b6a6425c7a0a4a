"""The records behind the new documents: the office's templates (a forum's own over its office's
over the built-in wording), the PEKPPP indicator table, the office's response to what was said,
the day a follow-up was done, and the survey's rencana tindak lanjut. Bad input is refused with
a message naming the field, and changes nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError, MufakatError
from desktop.models import FollowUp, Forum, Recommendation, SurveyAction, Unit
from desktop.rules import pekppp
from desktop.services import followups, forums, survey_actions, surveys, templates
from desktop.services import recommendations as recs
from desktop.services.lookup import load
from tests.helpers import make_tree, state


def test_templates_layers_and_refusals(ws: Workspace) -> None:
    tree = make_tree(ws)
    built_in = ws.read(templates.forum_templates, tree.forum)
    assert built_in.invitation_nature == "Biasa" and built_in.invitation_number == ""
    assert built_in.basis_lines[0] == "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;"
    ws.write(
        templates.update_unit_templates, tree.leaf, invitation_nature="Segera", report_basis="1. A;\n2. B."
    )
    office = ws.read(templates.forum_templates, tree.forum)
    assert office.invitation_nature == "Segera" and office.basis_lines == (
        "A;",
        "B.",
    )  # typed numbers dropped
    ws.write(
        templates.update_forum_templates,
        tree.forum,
        invitation_nature="Penting",
        invitation_date="2024-08-10",
    )
    own = ws.read(templates.forum_templates, tree.forum)
    assert own.invitation_nature == "Penting" and own.invitation_date == date(2024, 8, 10)
    before = state(ws)
    for call, args in (
        (templates.update_forum_templates, {"title": "Bukan templat"}),
        (templates.update_forum_templates, {"invitation_number": "x" * 121}),
        (templates.update_forum_templates, {"invitation_date": "10 Agustus"}),
        (templates.update_unit_templates, {"report_closing": "Demikian\x00"}),
        (templates.update_unit_templates, {"pekppp_indicators": {"berita-acara": [1]}}),
        (templates.update_unit_templates, {"pekppp_indicators": {"notes": "2, tiga"}}),
    ):
        target = tree.forum if call is templates.update_forum_templates else tree.leaf
        with pytest.raises(InputError):
            ws.write(call, target, **args)
    assert state(ws) == before


def test_a_closed_forums_templates_may_change_its_minutes_may_not(ws: Workspace) -> None:
    tree = make_tree(ws)
    ws.write(forums.start_forum, tree.forum)
    ws.write(forums.close_forum, tree.forum)
    ws.write(templates.update_forum_templates, tree.forum, report_purpose="Maksud forum ini.")
    assert ws.read(load, Forum, tree.forum, "Forum").report_purpose == "Maksud forum ini."
    with pytest.raises(MufakatError, match="closed"):
        ws.write(forums.update_forum, tree.forum, venue="Aula")


def test_pekppp_table_unconfirmed_and_configurable(ws: Workspace) -> None:
    assert not pekppp.CONFIRMED  # from evaluators' tools, not the regulation (DOMAIN.md)
    assert pekppp.parse_numbers("8–9, 27-28") == [8, 9, 27, 28] and pekppp.parse_numbers("2 dan 5") == [2, 5]
    assert pekppp.numbers_text([1, 2]) == "1–2" and pekppp.numbers_text([8, 9, 27, 28]) == "8–9 dan 27–28"
    assert pekppp.numbers_text([2, 5, 7]) == "2, 5, dan 7"
    tree = make_tree(ws)
    ws.write(templates.update_unit_templates, tree.leaf, pekppp_indicators={"register": "30", "notes": []})
    unit = ws.read(load, Unit, tree.leaf, "Unit")
    table = pekppp.indicators_of(unit.pekppp_indicators)
    assert table["register"] == (30,) and table["notes"] == () and table["implementation-report"] == (1, 2)
    for bad in ("0", "1000", "a", "1-30"):
        with pytest.raises(InputError):
            pekppp.parse_numbers(bad)


def test_the_offices_response_is_typed_while_the_forum_is_open(ws: Workspace) -> None:
    tree = make_tree(ws)
    ws.write(forums.start_forum, tree.forum)
    rec = ws.write(
        recs.add_recommendation,
        tree.forum,
        text="Perpanjang jam layanan.",
        scope="unit",
        response="Akan dikaji.",
    )
    ws.write(recs.edit_recommendation, rec, response="Jam layanan diperpanjang mulai bulan depan.")
    assert ws.read(load, Recommendation, rec, "R").response == "Jam layanan diperpanjang mulai bulan depan."
    with pytest.raises(InputError, match="too long"):
        ws.write(recs.edit_recommendation, rec, response="x" * 5001)
    ws.write(forums.close_forum, tree.forum)
    with pytest.raises(MufakatError, match="closed"):  # what was answered in the room is fixed with it
        ws.write(recs.edit_recommendation, rec, response="Diubah kemudian.")


def test_a_follow_up_keeps_the_day_it_was_done(ws: Workspace) -> None:
    tree = make_tree(ws)
    ws.write(forums.start_forum, tree.forum)
    rec = ws.write(recs.add_recommendation, tree.forum, text="Tambah loket.", scope="unit")
    ws.write(recs.accept, rec)
    item = ws.write(followups.assign_follow_up, rec, action="Loket baru", owner="Kasubag")
    with pytest.raises(InputError, match="100%"):
        ws.write(followups.update_follow_up, item, completed_on="2024-09-01")
    ws.write(
        followups.update_follow_up, item, progress=100, evidence="Loket dibuka", completed_on="2024-09-02"
    )
    assert ws.read(load, FollowUp, item, "F").completed_on == date(2024, 9, 2)  # recorded later than done
    ws.write(followups.update_follow_up, item, evidence="Loket dibuka, foto terlampir")
    assert ws.read(load, FollowUp, item, "F").completed_on == date(2024, 9, 2)  # kept
    tomorrow = (ws.ctx.today() + timedelta(days=1)).isoformat()
    with pytest.raises(InputError, match="still to come"):
        ws.write(followups.update_follow_up, item, completed_on=tomorrow)
    ws.write(followups.update_follow_up, item, progress=60)
    assert ws.read(load, FollowUp, item, "F").completed_on is None  # not done any more
    other = ws.write(
        followups.assign_follow_up,
        rec,
        action="Papan nomor antrean",
        owner="Kasi",
        progress=100,
        evidence="Terpasang",
    )
    assert ws.read(load, FollowUp, other, "F").completed_on == ws.ctx.today()  # done when recorded


def test_survey_plan_rules(ws: Workspace) -> None:
    tree = make_tree(ws)
    period = ws.write(
        surveys.create_period, unit_id=tree.leaf, title="SKM", starts_on="2026-01-01", ends_on="2026-06-30"
    )
    before = state(ws)
    for values in (
        {"element": 10, "action": "A", "owner": "B"},
        {"element": 8, "action": "", "owner": "B"},
        {"element": 8, "action": "A", "owner": "B", "progress": 100},  # done, but what was done?
        {"element": 8, "action": "A", "owner": "B", "completed_on": "2026-07-01"},
    ):
        with pytest.raises(InputError):
            ws.write(survey_actions.add_action, period, **values)
    assert state(ws) == before
    action = ws.write(
        survey_actions.add_action,
        period,
        element=8,
        action="Kotak saran",
        owner="Kasubag",
        due_on="2026-09-30",
    )
    done = ws.ctx.today() - timedelta(days=10)
    ws.write(
        survey_actions.update_action, action, progress=100, realisation="Kotak saran dipasang", completed_on=done
    )
    stored = ws.read(load, SurveyAction, action, "A")
    assert (stored.progress, stored.completed_on) == (100, done)
    ws.write(survey_actions.remove_action, action)
    assert ws.read(survey_actions.actions_of, period) == []
    with ws.store.read() as session:  # a tombstone, as every synced record
        assert session.scalars(select(SurveyAction.deleted).where(SurveyAction.id == action)).one()


def test_a_refused_change_of_the_new_records_reads_as_people_name_them(ws: Workspace) -> None:
    """"Perlu perhatian" words a refused survey action and the new fields in the user's
    language, not as table and column names."""
    from desktop.core.i18n import set_language
    from desktop.services.record_words import field_label, record_words

    tree = make_tree(ws)
    period = ws.write(
        surveys.create_period, unit_id=tree.leaf, title="SKM", starts_on="2026-01-01", ends_on="2026-06-30"
    )
    action = ws.write(survey_actions.add_action, period, element=8, action="Kotak saran", owner="Kasubag")
    with ws.store.read() as session:
        assert record_words(session, "survey_actions", action) == "Survey action “Kotak saran”"
    assert [field_label(f) for f in ("response", "invitation_subject", "pekppp_indicators")] == [
        "Response",
        "Invitation subject (hal)",
        "PEKPPP indicators",
    ]
    set_language("id")
    try:
        with ws.store.read() as session:
            assert record_words(session, "survey_actions", action) == "Rencana tindak lanjut SKM “Kotak saran”"
        assert field_label("completed_on") == "Tanggal selesai"
    finally:
        set_language("en")


def test_use_mine_on_a_survey_action_goes_through_its_rules(ws: Workspace) -> None:
    """A "changed elsewhere" value of the RTL applied again ("Pakai punya saya") is an edit by
    the plan's own rules: done needs what was done, and the day it was done follows."""
    from desktop.models import Conflict
    from desktop.services import conflicts

    tree = make_tree(ws)
    period = ws.write(
        surveys.create_period, unit_id=tree.leaf, title="SKM", starts_on="2026-01-01", ends_on="2026-06-30"
    )
    action = ws.write(survey_actions.add_action, period, element=8, action="Kotak saran", owner="Kasubag")

    def marker(n: int, lost: dict[str, object]) -> str:
        loser = f"00170000000000{n}-000000-elsewhere"
        with ws.store.remote_write() as session:
            session.add(
                Conflict(
                    entity="survey_actions",
                    entity_id=action,
                    register="progress",
                    loser_hlc=loser,
                    winner={"progress": 0},
                    loser=lost,
                    winner_hlc="001800000000000-000000-here",
                )
            )
        return loser

    bare = marker(1, {"progress": 100})
    before = state(ws)
    with pytest.raises(InputError, match="Describe what was done"):
        ws.write(conflicts.use_lost_value, "survey_actions", action, "progress", bare)
    assert state(ws) == before
    ws.write(survey_actions.update_action, action, realisation="Kotak saran dipasang")
    ws.write(conflicts.use_lost_value, "survey_actions", action, "progress", bare)
    stored = ws.read(load, SurveyAction, action, "A")
    assert (stored.progress, stored.completed_on) == (100, ws.ctx.today())
