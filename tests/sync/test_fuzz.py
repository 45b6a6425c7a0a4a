"""Fuzzed operations: a valid create with one thing made wrong (a control character, a text
too long, a number out of range, an unknown value, a missing or unknown field, a wrong type,
a bad envelope), and pushes that are not even operations. The server answers every one with
a 4xx and a code, or a per-operation refusal; never a 5xx; it stores nothing; and a laptop
enrolled afterwards still syncs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.app.workspace import Workspace
from desktop.sync.engine import sync_once
from protocol.entities import ENTITIES, Field, Kind
from protocol.ids import new_id
from protocol.version import OP_KINDS, PROTOCOL_VERSION
from tests.sync.conftest import Running
from tests.sync.crafted import Raw, World, server_state, valid_fields

Device = Callable[[str, str], Workspace]
CREATED = ("forums", "participants", "agenda_items", "recommendations", "follow_ups", "survey_periods")
CONTROL = st.sampled_from([chr(c) for c in range(32) if c not in (9, 10)])
FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


NOT_TEXT = JSON.filter(lambda v: not isinstance(v, str))
# A value each part of an operation's envelope never takes.
ENVELOPE: dict[str, st.SearchStrategy[Any]] = {
    "entity": st.text(max_size=12).filter(lambda v: v not in ENTITIES) | NOT_TEXT,
    "kind": st.text(max_size=12).filter(lambda v: v not in OP_KINDS) | NOT_TEXT,
    "entity_id": st.text(min_size=37, max_size=50) | st.just("a/b") | st.just("") | NOT_TEXT,
    "hlc": st.text(max_size=30).map(lambda v: "x" + v) | NOT_TEXT,
    "fields": JSON.filter(lambda v: not isinstance(v, dict)),
    "op_id": st.text(max_size=7) | st.text(min_size=37, max_size=50) | NOT_TEXT,
    "device_seq": st.integers(max_value=-1)
    | st.text(max_size=5)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.none(),
}


def _valid(world: World, raw: Raw, entity: str) -> dict[str, Any]:
    refs = {
        "forum_id": world.forum,
        "recommendation_id": world.local,
        "period_id": world.period,
        "agenda_item_id": None,
        "raised_by_id": None,
        "merged_into_id": None,
    }
    names = {f.name for f in ENTITIES[entity].fields}
    return valid_fields(entity, raw.unit_id, **{k: v for k, v in refs.items() if k in names})


def _wrong_value(f: Field) -> st.SearchStrategy[Any]:
    """A value `f` never takes."""
    if f.kind is Kind.TEXT:
        limit = f.max_length or 0
        return st.one_of(
            st.tuples(st.text(max_size=10), CONTROL, st.text(max_size=10)).map("".join),
            st.integers(min_value=limit + 1, max_value=limit + 40).map(lambda n: "x" * n),
            JSON.filter(lambda v: not isinstance(v, str)),
        )
    if f.kind is Kind.INT:
        return st.one_of(
            st.integers(max_value=(f.low or 0) - 1),
            st.integers(min_value=(f.high or 0) + 1),
            st.booleans(),
            st.text(max_size=5),
            st.floats(allow_nan=False, allow_infinity=False),
        )
    if f.kind is Kind.ENUM:
        values = {m.value for m in f.values or ()}
        return st.text(max_size=12).filter(lambda v: v not in values) | st.integers()
    if f.kind is Kind.BOOL:
        return st.integers() | st.text(max_size=5) | st.none()
    if f.kind in (Kind.DATE, Kind.DATETIME, Kind.TIME):
        return st.text(max_size=12).map(lambda v: "x" + v) | st.integers() | st.booleans()
    if f.kind is Kind.ID:
        return st.one_of(
            st.text(min_size=37, max_size=60), st.just("../etc/passwd"), st.just("a b"), st.integers()
        )
    return st.integers() | st.text(max_size=5)


@st.composite
def broken_ops(draw: st.DrawFn, world: World, raw: Raw) -> dict[str, Any]:
    entity = draw(st.sampled_from(CREATED))
    fields = _valid(world, raw, entity)
    op = raw.op(entity, new_id(), "create", fields)
    how = draw(st.sampled_from(["value", "missing", "unknown", "envelope", "unit", "not_null"]))
    table = ENTITIES[entity].fields
    if how == "value":
        f = draw(st.sampled_from(table))
        fields[f.name] = draw(_wrong_value(f))
    elif how == "missing":  # a field added to the entity later may be missing: an older app's op
        later = {f.name for f in table if f.added}
        del fields[draw(st.sampled_from([k for k in fields if k not in later]))]
    elif how == "unknown":
        fields[draw(st.text(min_size=1, max_size=12).filter(lambda k: k not in fields))] = draw(JSON)
    elif how == "not_null":
        fields[draw(st.sampled_from([f.name for f in table if not f.nullable]))] = None
    elif how == "unit":
        fields["unit_id"] = world.units[draw(st.sampled_from(["DJPB", "KANWIL-PBD", "KPPN-MANOKWARI"]))]
    else:
        key = draw(st.sampled_from([*ENVELOPE]))
        op[key] = draw(ENVELOPE[key])
    return op


def test_broken_operations_are_refused_with_a_code_and_store_nothing(
    world: World, raw: Callable[[Workspace], Raw], device: Device, server: Running
) -> None:
    kppn = raw(world.kppn)
    before = server_state(server)
    seen: set[str] = set()

    @FUZZ
    @given(op=broken_ops(world, kppn))
    def attempt(op: dict[str, Any]) -> None:
        answer = kppn.http.post(
            "/sync/push", json={"device_id": kppn.device_id, "schema_version": PROTOCOL_VERSION, "ops": [op]}
        )
        assert answer.status_code < 500, answer.text
        body = answer.json()
        if answer.status_code == 200:
            [result] = body["results"]
            assert result["status"] == "rejected", (op, result)
            assert isinstance(result["code"], str) and isinstance(result["params"], dict)
            seen.add(result["code"])
        else:
            assert 400 <= answer.status_code < 500 and isinstance(body["code"], str), body
            seen.add(body["code"])

    attempt()
    assert server_state(server) == before  # nothing stored, no number handed out
    assert {"invalid_field", "not_your_record"} <= seen
    fresh = device("fresh", "KPPN-SORONG")
    report = sync_once(fresh)
    assert report.refused == 0 and report.set_aside == 0


def test_pushes_that_are_not_operations_get_a_4xx_with_a_code(
    world: World, raw: Callable[[Workspace], Raw]
) -> None:
    kppn = raw(world.kppn)

    @FUZZ
    @given(body=JSON | st.binary(max_size=40))
    def attempt(body: Any) -> None:
        if isinstance(body, bytes):
            answer = kppn.http.post("/sync/push", content=body, headers={"Content-Type": "application/json"})
        else:
            answer = kppn.http.post("/sync/push", json=body)
        assert 400 <= answer.status_code < 500, answer.text
        assert isinstance(answer.json()["code"], str)

    attempt()
    ops: list[Any] = [1, "x", None, [], {"op_id": 5}]
    answer = kppn.http.post(
        "/sync/push", json={"device_id": kppn.device_id, "schema_version": PROTOCOL_VERSION, "ops": ops}
    )
    assert answer.status_code == 422 and answer.json()["code"] == "malformed"
