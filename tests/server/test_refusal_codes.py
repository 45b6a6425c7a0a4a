"""The refusal codes of the sync API through a real server, those the write-authorisation and
life-cycle tests do not meet: an operation refused alone (its code and parameters, nothing
stored, the rest of the push applied) and a request refused whole (a 4xx with the error body
`{"code", "params", "error"}`, never a 5xx)."""

from __future__ import annotations

import gzip
from typing import Any

import httpx

from protocol.ids import new_id
from protocol.refusals import PARAMS, Refusal
from protocol.version import MAX_BODY_BYTES, PROTOCOL_VERSION
from server_stub import admin
from tests.server.conftest import World, create, enrolled
from tests.server.serving import Running
from tests.server.wire import NOW, journal_op, on_server, server_state, valid_fields


def _held(server: Running) -> set[tuple[str, str]]:
    """The records the server holds (a refused operation's record gets a new sequence number:
    the refused device hears of it again)."""
    return {(entity, record_id) for entity, record_id, _seq in server_state(server)[2]}


def _person(world: World, forum: str, **values: Any) -> dict[str, Any]:
    fields = valid_fields("participants", world.kppn.unit_id, forum_id=forum, name="Yohana", **values)
    return world.kppn.op("participants", new_id(), "create", fields)


def test_an_unknown_entity_or_kind_is_refused_alone(world: World, server: Running) -> None:
    kppn = world.kppn
    before = _held(server)
    assert kppn.refusal(kppn.op("rapat", new_id(), "create", {"at": NOW})) == (
        "unknown_entity",
        {"entity": "rapat"},
    )
    rename = kppn.op("forums", world.forum, "rename", {"at": NOW})
    assert kppn.refusal(rename) == ("unknown_kind", {"kind": "rename"})
    assert _held(server) == before


def test_a_second_create_of_one_id_is_refused_and_the_first_stands(world: World, server: Running) -> None:
    kppn = world.kppn
    forum = create(kppn, "forums", title="FKP pertama")
    again = kppn.op("forums", forum, "create", valid_fields("forums", kppn.unit_id, title="FKP kedua"))
    assert kppn.refusal(again) == ("id_taken", {"entity": "forums", "id": forum})
    record = on_server(server, "forums", forum)
    assert record is not None and record.data["title"] == "FKP pertama"


def test_a_reference_to_another_offices_record_is_not_visible(world: World, server: Running) -> None:
    op = _person(world, world.other_forum)
    assert world.kppn.refusal(op) == ("not_visible", {"entity": "forums", "id": world.other_forum})
    assert on_server(server, "participants", op["entity_id"]) is None


def test_a_value_that_cannot_be_an_id_names_no_record_and_is_refused(world: World, server: Running) -> None:
    """A reference or an audited id with a NUL or a slash in it is refused as that field's
    problem (PostgreSQL refuses a NUL in a text: looking such a record up answered 500)."""
    kppn = world.kppn
    before = _held(server)
    for bad in ("0000\x0000", "a/b", "x" * 37):
        code, params = kppn.refusal(_person(world, bad))
        assert (code, params["entity"], params["field"]) == ("invalid_field", "participants", "forum_id")
        code, params = kppn.refusal(journal_op(kppn, kppn.unit_id, bad, "edit", entity="recommendations"))
        assert (code, params["field"]) == ("invalid_field", "entity_id")
    assert _held(server) == before


def test_an_action_is_refused_whole_and_its_retry_answers_the_same(world: World, server: Running) -> None:
    kppn, action = world.kppn, new_id()
    forum = kppn.op("forums", new_id(), "create", valid_fields("forums", kppn.unit_id), action_id=action)
    unit = kppn.op("units", new_id(), "create", valid_fields("units", kppn.unit_id), action_id=action)
    alone = _person(world, world.forum)
    first, second, third = kppn.push(forum, unit, alone)
    assert first == {
        "op_id": forum["op_id"],
        "status": "rejected",
        "code": "action_refused",
        "params": {"op_id": unit["op_id"], "code": "admin_only"},
    }
    assert (second["code"], second["params"]) == ("admin_only", {"entity": "units"})
    assert third["status"] == "applied"  # another action of the same push
    assert on_server(server, "forums", forum["entity_id"]) is None
    again = kppn.push(forum, unit)
    assert [(r["status"], r["code"]) for r in again] == [("duplicate", "action_refused"), ("duplicate", "admin_only")]


def test_state_re_sent_to_a_server_that_lost_nothing_is_refused(world: World, server: Running) -> None:
    kppn = world.kppn
    held = on_server(server, "forums", world.forum)
    assert held is not None
    stamp = kppn.clock.now().encode()
    state = {
        "unit_id": kppn.unit_id,
        "created_at": NOW,
        "at": NOW,
        "deleted": False,
        "data": {**_data(held.data), "title": "Judul lain"},
        "clocks": {register: stamp for register in held.clocks},
    }
    assert kppn.refusal(kppn.op("forums", world.forum, "restate", state, hlc=stamp)) == (
        "restate_not_expected",
        {},
    )
    record = on_server(server, "forums", world.forum)
    assert record is not None and record.data["title"] == held.data["title"]


def _data(held: dict[str, Any]) -> dict[str, Any]:
    """A record's data as a device re-sends it: the server's copy without its own times."""
    return {name: value for name, value in held.items() if name not in ("created_at", "updated_at")}


def _error(answer: httpx.Response, status: int, code: Refusal) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert set(body) == {"code", "params", "error"} and body["code"] == code.value, body
    assert set(body["params"]) == set(PARAMS[code]), body
    return dict(body["params"])


def test_requests_refused_whole_say_why_with_a_code(world: World, server: Running) -> None:
    kppn = world.kppn
    push = {"device_id": kppn.device_id, "schema_version": PROTOCOL_VERSION, "ops": []}
    before = _held(server)
    with httpx.Client(base_url=server.url, timeout=30) as anonymous:
        _error(anonymous.post("/sync/push", json=push), 401, Refusal.UNKNOWN_TOKEN)
        forged = {"Authorization": "Bearer " + "x" * 43}
        _error(anonymous.post("/sync/push", json=push, headers=forged), 401, Refusal.UNKNOWN_TOKEN)
        _error(anonymous.get("/sync/pull", params={"since": 0}, headers=forged), 401, Refusal.UNKNOWN_TOKEN)
    other = world.other
    _error(kppn.http.post("/sync/push", json={**push, "device_id": other.device_id}), 403, Refusal.WRONG_DEVICE)
    old = _error(kppn.http.post("/sync/push", json={**push, "schema_version": 1}), 426, Refusal.UPGRADE_REQUIRED)
    assert old == {"server_version": PROTOCOL_VERSION, "client_version": 1}
    _error(kppn.http.post("/sync/push", content=b"{not json"), 400, Refusal.MALFORMED)
    _error(kppn.http.post("/sync/push", json={**push, "ops": "none"}), 422, Refusal.MALFORMED)
    _error(
        kppn.http.post("/sync/push", content=b"\x1f\x8b not gzip", headers={"Content-Encoding": "gzip"}),
        400,
        Refusal.MALFORMED,
    )
    huge = b'{"pad":"' + b"x" * MAX_BODY_BYTES + b'"}'
    _error(kppn.http.post("/sync/push", content=huge), 413, Refusal.TOO_LARGE)
    bomb = gzip.compress(huge)  # small on the wire, too large unpacked
    _error(kppn.http.post("/sync/push", content=bomb, headers={"Content-Encoding": "gzip"}), 413, Refusal.TOO_LARGE)
    _error(kppn.http.get("/sync/pull", params={"since": -1}), 422, Refusal.MALFORMED)
    assert _held(server) == before


def test_a_revoked_device_is_refused_and_others_go_on(world: World, server: Running) -> None:
    spare = enrolled(server, "KPPN-SORONG")
    with server.store.transaction() as session:
        admin.revoke(session, spare.device_id)
    push = {"device_id": spare.device_id, "schema_version": PROTOCOL_VERSION, "ops": []}
    _error(spare.http.post("/sync/push", json=push), 403, Refusal.REVOKED)
    _error(spare.http.get("/sync/pull", params={"since": 0}), 403, Refusal.REVOKED)
    assert world.kppn.push(_person(world, world.forum))[0]["status"] == "applied"
    spare.close()


def test_a_device_behind_its_own_operations_or_the_servers_changes_is_told_so(
    world: World, server: Running
) -> None:
    """A device saying it made fewer operations than the server applied from it runs on an old
    copy of its folder (`device_restored`, with the number applied); a device that has seen
    more changes than the server holds meets a restored server (`checkpoint_ahead`)."""
    kppn = world.kppn
    op = {**_person(world, world.forum), "device_seq": 40}
    assert kppn.push(op)[0]["status"] == "applied"
    push = {"device_id": kppn.device_id, "schema_version": PROTOCOL_VERSION, "device_high": 39, "ops": []}
    restored = _error(kppn.http.post("/sync/push", json=push), 409, Refusal.DEVICE_RESTORED)
    assert restored == {"applied_high": 40}
    pulled = kppn.http.get("/sync/pull", params={"since": 0, "device_high": 39})
    assert _error(pulled, 409, Refusal.DEVICE_RESTORED) == {"applied_high": 40}
    assert kppn.http.post("/sync/push", json={**push, "device_high": 40}).status_code == 200
    newest = server_state(server)[1]
    ahead = _error(kppn.http.get("/sync/pull", params={"since": newest + 5}), 409, Refusal.CHECKPOINT_AHEAD)
    assert ahead == {"since": newest + 5, "newest": newest}


def test_a_questionnaire_of_a_period_whose_report_is_issued_is_refused(world: World, server: Running) -> None:
    """Once the office issued a period's SKM report, a questionnaire typed on a laptop that had
    not heard of it is refused (`survey_issued`, with the version in force); after a re-opening
    it is taken."""
    kppn = world.kppn
    answered = {f"u{n}": 4 for n in range(1, 10)}
    create(kppn, "survey_responses", period_id=world.period, **answered)  # before the issue: taken
    create(kppn, "survey_reports", period_id=world.period, issued_on="2026-11-01", issued_by="Kepala")
    late = kppn.op(
        "survey_responses",
        new_id(),
        "create",
        valid_fields("survey_responses", kppn.unit_id, period_id=world.period, **answered),
    )
    assert kppn.refusal(late) == ("survey_issued", {"period_id": world.period, "version": 1})
    assert on_server(server, "survey_responses", late["entity_id"]) is None
    create(
        kppn,
        "survey_reports",
        period_id=world.period,
        issued_on="2026-11-02",
        issued_by="Kepala",
        action="reopen",
        reason="Kuesioner tertinggal",
    )
    assert kppn.push({**late, "op_id": new_id()})[0]["status"] == "applied"
