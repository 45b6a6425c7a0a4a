"""The records the server's administrator creates (units) carry the values the laptop's models
would give the fields left out: the server takes them from the protocol's entity table, the
laptop from its column defaults, and both must read the same record."""

from __future__ import annotations

from desktop.models import MODEL_BY_TABLE
from protocol.entities import ENTITIES


def test_the_protocols_defaults_are_the_laptops_column_defaults() -> None:
    made_by_the_administrator = [e for e in ENTITIES.values() if e.admin_only]
    assert [e.name for e in made_by_the_administrator] == ["units"]
    for entity in made_by_the_administrator:
        columns = MODEL_BY_TABLE[entity.name].field_defaults()
        laptop = {name: getattr(value, "value", value) for name, value in columns.items()}
        assert entity.defaults() == laptop
