"""The laptop's models and rules agree with the protocol's entity table: what a laptop stores
and sends is exactly what the server checks operations against, and the laptop refuses a
value before the server would."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import JSON, Boolean, Date, Enum, ForeignKey, Integer, String, Text, Time

from desktop.core.errors import InputError
from desktop.models import SYNCED_MODELS, Synced
from desktop.models.base import UTCDateTime
from desktop.services import agenda, escalations, followups, forums, lifecycle, participants, surveys, units
from desktop.services import recommendations as recs
from protocol.entities import ENTITIES, Field, Kind

MODELS = {model.__tablename__: model for model in SYNCED_MODELS}


def _column_kind(model: type[Synced], name: str) -> tuple[Kind, Any]:
    """The protocol kind a column's type stands for, and its length or enum."""
    column = model.__table__.c[name]
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return Kind.DATETIME, None
    if isinstance(kind, Enum):
        return Kind.ENUM, kind.enum_class
    if isinstance(kind, String) and column.foreign_keys:
        return Kind.ID, next(iter(column.foreign_keys)).column.table.name
    if isinstance(kind, Text):
        return Kind.TEXT, None
    if isinstance(kind, String):
        return Kind.TEXT, kind.length
    if isinstance(kind, Boolean):
        return Kind.BOOL, None
    if isinstance(kind, Integer):
        return Kind.INT, None
    if isinstance(kind, Date):
        return Kind.DATE, None
    if isinstance(kind, Time):
        return Kind.TIME, None
    if isinstance(kind, JSON):
        return Kind.OBJECT, None
    raise AssertionError(f"{model.__tablename__}.{name}: no protocol kind for {kind!r}")


@pytest.mark.parametrize("name", sorted(MODELS))
def test_every_column_agrees_with_the_protocol(name: str) -> None:
    model, entity = MODELS[name], ENTITIES[name]
    assert list(model.data_fields()) == [f.name for f in entity.fields]
    for f in entity.fields:
        column = model.__table__.c[f.name]
        kind, detail = _column_kind(model, f.name)
        where = f"{name}.{f.name}"
        assert column.nullable == f.nullable, f"{where}: nullable"
        if f.kind is Kind.ID:
            assert kind in (Kind.ID, Kind.TEXT), where
            assert isinstance(column.type, String) and column.type.length == 36, where
            if kind is Kind.ID:  # a foreign key names the table the protocol names
                assert detail == f.refers_to, where
        elif f.kind in (Kind.SIGNATORIES, Kind.OBJECT, Kind.COUNTS, Kind.NUMBER_LISTS, Kind.MAPPING, Kind.VALUES):
            assert kind is Kind.OBJECT, where
        else:
            assert kind is f.kind, where
        if f.kind is Kind.ENUM:
            assert detail is f.values, where
        if f.kind is Kind.TEXT:
            assert f.max_length is not None, f"{where}: the server needs a limit"
            if detail is not None:  # String(n): the same length
                assert f.max_length == detail, where


@pytest.mark.parametrize("name", sorted(MODELS))
def test_registers_agree(name: str) -> None:
    assert dict(MODELS[name].__registers__) == dict(ENTITIES[name].registers)


def test_foreign_keys_are_references_of_the_protocol() -> None:
    for name, model in MODELS.items():
        for column in model.__table__.columns:
            for key in column.foreign_keys:
                assert isinstance(key, ForeignKey)
                f = ENTITIES[name].by_name.get(column.key)
                assert f is not None and f.refers_to == key.column.table.name, f"{name}.{column.key}"


def test_the_life_cycles_are_the_protocols() -> None:
    for name, action in ENTITIES["recommendations"].actions.items():
        mine = lifecycle.ACTIONS[name]
        assert {s.value for s in mine.sources} == action.sources and mine.target.value == action.target
        assert (mine.scope.value if mine.scope else None) == action.scope
    assert set(forums.ACTION_LABELS) == set(ENTITIES["forums"].actions)


# The laptop's own rules for the fields a person types: each must refuse a value the server
# would refuse (longer than the protocol allows), or the change would be stuck on that laptop.
RULES: dict[str, dict[str, Any]] = {
    "units": units.RULES,
    "forums": forums.RULES,
    "participants": participants.RULES,
    "agenda_items": agenda.RULES,
    "recommendations": {**recs.RULES, "status_reason": recs.REASON},
    "follow_ups": followups.RULES,
    "escalations": {"note": escalations.NOTE, "answer": escalations.ANSWER},
    "survey_periods": surveys.PERIOD_RULES,
    "survey_responses": surveys.PROFILE_RULES,
}


def _text_fields() -> list[tuple[str, Field]]:
    return [
        (name, f)
        for name, entity in ENTITIES.items()
        for f in entity.fields
        if f.kind is Kind.TEXT and f.name in RULES.get(name, {})
    ]


@pytest.mark.parametrize(("name", "field"), _text_fields(), ids=lambda v: getattr(v, "name", v))
def test_the_laptop_refuses_text_longer_than_the_server_takes(name: str, field: Field) -> None:
    rule = RULES[name][field.name]
    assert field.max_length is not None
    with pytest.raises(InputError):
        rule("x" * (field.max_length + 1))


def test_the_protocol_imports_neither_qt_nor_the_desktop_nor_the_server() -> None:
    for path in Path("protocol").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names.append(node.module)
            for imported in names:
                assert imported.split(".")[0] not in {"desktop", "server_stub", "PySide6"}, (
                    f"{path}: {imported}"
                )


@pytest.mark.parametrize("code", range(32))
def test_the_laptop_refuses_the_control_characters_the_server_refuses(code: int) -> None:
    from protocol.refusals import Refused
    from protocol.validate import check_create
    from tests.server.wire import valid_fields

    text = f"Perkuat{chr(code)}layanan"
    fields = valid_fields("recommendations", "u1", forum_id="f1", text=text)
    try:
        check_create(ENTITIES["recommendations"], fields)
        server_refuses = False
    except Refused:
        server_refuses = True
    try:
        recs.RULES["text"](text)
        laptop_refuses = False
    except InputError:
        laptop_refuses = True
    assert laptop_refuses == server_refuses == (code not in (9, 10))
