"""What the new documents print travels to every laptop of the office (SQLite and PostgreSQL
servers): the office's templates and PEKPPP table, a forum's own templates, the office's response
to what was said, the day a follow-up was done, the survey's rencana tindak lanjut. Another
office sees none of it, and the server refuses a malformed value with a code."""

from __future__ import annotations

from datetime import date

from desktop.models import FollowUp, Forum, Recommendation, SurveyAction, Unit
from desktop.services import followups, forums, survey_actions, surveys, templates
from desktop.services import recommendations as recs
from desktop.services.document_data import implementation_report, notes
from desktop.services.lookup import load
from desktop.sync.engine import sync_once
from protocol.entities import FORUMS
from tests.sync.conftest import Running
from tests.sync.crafted import Raw, raw, valid_fields  # noqa: F401 - fixtures
from tests.sync.test_sync_basics import Device, unit_id

NOW = "2026-11-01T08:30:00+00:00"


def test_the_documents_records_reach_every_laptop_of_the_office(device: Device, server: Running) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    unit = unit_id(a, "KPPN-SORONG")
    a.write(
        templates.update_unit_templates, unit, invitation_nature="Segera", pekppp_indicators={"notes": "2, 5"}
    )
    forum = a.write(forums.create_forum, unit_id=unit, title="FKP 2026", held_on="2026-10-07")
    a.write(forums.start_forum, forum)
    rec = a.write(recs.add_recommendation, forum, text="Tambah loket.", scope="unit", response="Disetujui.")
    a.write(forums.close_forum, forum)
    a.write(templates.update_forum_templates, forum, report_closing="Demikian.", invitation_date="2026-09-30")
    a.write(recs.accept, rec)
    item = a.write(
        followups.assign_follow_up,
        rec,
        action="Loket baru",
        owner="Kasubag",
        progress=100,
        evidence="Dibuka",
        completed_on="2026-10-20",
    )
    period = a.write(
        surveys.create_period, unit_id=unit, title="SKM", starts_on="2026-01-01", ends_on="2026-06-30"
    )
    action = a.write(survey_actions.add_action, period, element=8, action="Kotak saran", owner="Kasubag")
    assert sync_once(a).refused == 0
    sync_once(b)
    assert b.read(load, Unit, unit, "U").invitation_nature == "Segera"
    assert b.read(load, Unit, unit, "U").pekppp_indicators == {"notes": [2, 5]}
    own = b.read(load, Forum, forum, "F")
    assert (own.report_closing, own.invitation_date) == ("Demikian.", date(2026, 9, 30))
    assert b.read(load, Recommendation, rec, "R").response == "Disetujui."
    assert b.read(load, FollowUp, item, "F").completed_on == date(2026, 10, 20)
    assert b.read(load, SurveyAction, action, "A").action == "Kotak saran"
    # Both laptops print the same notes and report from what they hold.
    for document, *args in ((notes,), (implementation_report, date(2026, 11, 2), a.ctx.calendar)):
        assert a.read(document, forum, *args) == b.read(document, forum, *args)  # type: ignore[operator]
    b.write(
        survey_actions.update_action, action, progress=100, realisation="Dipasang", completed_on="2026-10-01"
    )
    sync_once(b)
    sync_once(a)
    assert a.read(load, SurveyAction, action, "A").realisation == "Dipasang"
    other = device("c", "KPPN-MANOKWARI")
    assert other.read(survey_actions.actions_of, period) == []


def test_the_server_refuses_a_malformed_indicator_table(device: Device, server: Running, raw) -> None:  # noqa: F811
    a = device("a", "KPPN-SORONG")
    unit = unit_id(a, "KPPN-SORONG")
    kppn: Raw = raw(a)
    for value, problem in (
        ({"notes": [0]}, "out_of_range"),
        ({"notes": "2"}, "wrong_type"),
        ({"Notes!": [2]}, "malformed"),
        ({f"d{n}": [1] for n in range(21)}, "too_long"),
    ):
        op = kppn.op("units", unit, "update", {"set": {"pekppp_indicators": value}, "base": {}, "at": NOW})
        assert kppn.refusal(op) == (
            "invalid_field",
            {"entity": "units", "field": "pekppp_indicators", "problem": problem},
        ), value
    bad = kppn.op(
        "survey_actions",
        "01a0000000000000000000000000000a",
        "create",
        {
            "period_id": "nope",
            "element": 12,
            "action": "A",
            "owner": "B",
            "due_on": None,
            "progress": 0,
            "realisation": "",
            "completed_on": None,
            "unit_id": unit,
            "created_at": NOW,
            "at": NOW,
        },
    )
    assert kppn.refusal(bad)[0] == "invalid_field"


def test_a_create_from_an_older_app_takes_the_added_fields_defaults(
    device: Device, server: Running, raw  # noqa: F811
) -> None:
    """A forum created by an app of before the documents (its queued operation lacks the
    templates and the invitation date) is stored with their defaults, neither refused nor a
    server error, and reaches the other laptops so."""
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    unit = unit_id(a, "KPPN-SORONG")
    kppn: Raw = raw(a)
    forum_id = "01a0000000000000000000000000f0f0"
    later = {f.name for f in FORUMS.fields if f.added}
    assert {"report_basis", "invitation_subject", "invitation_date"} <= later
    fields = {k: v for k, v in valid_fields("forums", unit).items() if k not in later}
    [result] = kppn.push(kppn.op("forums", forum_id, "create", {**fields, "title": "FKP dari aplikasi lama"}))
    assert result["status"] != "rejected", result
    sync_once(b)
    stored = b.read(load, Forum, forum_id, "F")
    assert (stored.title, stored.invitation_subject, stored.report_basis, stored.invitation_date) == (
        "FKP dari aplikasi lama",
        "",
        "",
        None,
    )
