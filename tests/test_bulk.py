"""Rows inserted in bulk straight through the driver (sync's fast path) are stored exactly as
SQLAlchemy stores them, defaults included, and indexed rows stay searchable."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any, cast

from sqlalchemy import Table, insert, text

from desktop.app.workspace import Workspace
from desktop.core.vocab import RecCategory, Scope
from desktop.models import Forum, Recommendation
from desktop.services import queries
from desktop.store import search
from storage import bulk

TABLE = cast(Table, Recommendation.__table__)
WITA = timezone(timedelta(hours=8))


def row(record_id: str) -> dict[str, Any]:
    """A pulled recommendation as sync hands it over; priority, votes, status and the other
    defaulted columns are absent (an older device's record)."""
    return {
        "id": record_id,
        "unit_id": "unit-1",
        "forum_id": "forum-1",
        "agenda_item_id": None,
        "raised_by_id": None,
        "text": "Tambah loket pelayanan prioritas",
        "scope": Scope.POLICY,
        "category": RecCategory.FACILITIES,
        "outcome": None,
        "status_at": None,
        "merged_into_id": None,
        "created_at": datetime(2024, 8, 21, 10, 30, 15, 123456, tzinfo=WITA),
        "updated_at": datetime(2024, 8, 21, 2, 31, tzinfo=UTC),
        "deleted": False,
        "clocks": {"*": "0001724207415123-0000-dev-a", "text": "0001724207500000-0001-dev-b"},
    }


def stored(ws: Workspace, record_id: str) -> dict[str, Any]:
    with ws.store.engine.connect() as conn:
        found = conn.exec_driver_sql("SELECT * FROM recommendations WHERE id = ?", (record_id,)).mappings()
        return {key: value for key, value in found.one().items() if key != "id"}


def test_bulk_insert_stores_what_sqlalchemy_stores(ws: Workspace) -> None:
    with ws.store.remote_write() as session:
        session.execute(insert(TABLE), [row("by-sqlalchemy")])
        bulk.insert_rows(session, TABLE, [row("by-driver")])
    by_driver = stored(ws, "by-driver")
    assert by_driver == stored(ws, "by-sqlalchemy")
    assert (by_driver["priority"], by_driver["votes"], by_driver["status"]) == (2, 0, "proposed")
    with ws.store.read() as session:
        loaded = session.get(Recommendation, "by-driver")
        assert loaded is not None
        assert loaded.created_at == datetime(2024, 8, 21, 2, 30, 15, 123456, tzinfo=UTC)
        assert loaded.clocks["text"] == "0001724207500000-0001-dev-b"


def found(ws: Workspace, words: str) -> list[str]:
    with ws.store.read() as session:
        page = queries.list_recommendations(session, queries.RecommendationFilter(text=words, limit=500))
    return sorted(r.text for r in page.rows)


def test_rows_inserted_in_bulk_into_an_indexed_table_are_searchable(
    demo_ws: Workspace, demo_forum: str
) -> None:
    assert found(demo_ws, "kanopi") == []
    with demo_ws.store.read() as session:
        unit_id = session.get(Forum, demo_forum).unit_id  # type: ignore[union-attr]
    rows = [
        {
            **row(f"rec-{n}"),
            "forum_id": demo_forum,
            "unit_id": unit_id,
            "text": f"Pasang kanopi parkir blok {n}",
        }
        for n in range(50)
    ]
    with demo_ws.store.remote_write() as session:
        search.insert_rows(session, TABLE, rows)
        assert session.execute(text("SELECT count(*) FROM temp.stage_recommendations")).scalar() == 0
    assert len(found(demo_ws, "kanopi")) == 50
    assert found(demo_ws, "kanopi blok 42") == ["Pasang kanopi parkir blok 42"]
