from __future__ import annotations

import csv
import io
import json

import pytest

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError
from desktop.core.vocab import RecStatus, Scope
from desktop.models import Forum
from desktop.services import forums, queries
from desktop.services import recommendations as recs
from desktop.services.export import export_csv, export_json
from tests.helpers import make_tree


def test_json_export_is_complete_sorted_and_repeatable(demo_ws: Workspace) -> None:
    first = demo_ws.read(export_json)
    assert demo_ws.read(export_json) == first
    document = json.loads(first)
    tables = document["tables"]
    assert set(tables) == {
        "units",
        "users",
        "closed_days",
        "forums",
        "participants",
        "agenda_items",
        "recommendations",
        "follow_ups",
        "attachments",
        "escalations",
        "survey_periods",
        "survey_responses",
        "survey_actions",
        "survey_reports",
        "frozen_minutes",
        "audit_events",
    }
    for rows in tables.values():
        ids = [row["id"] for row in rows]
        assert ids == sorted(ids)
    assert len(tables["participants"]) == 13 and len(tables["units"]) == 3
    assert "outbox" not in tables


def test_json_export_is_identical_after_reopening(demo_ws: Workspace) -> None:
    from desktop.core.config import Settings

    before = demo_ws.read(export_json)
    demo_ws.close()
    again = Workspace.open(demo_ws.data_dir, Settings())
    assert again.read(export_json) == before
    again.close()


def test_forum_export_holds_only_that_forum(demo_ws: Workspace, demo_forum: str) -> None:
    unit = json.loads(demo_ws.read(export_json))["tables"]["forums"][0]["unit_id"]
    other = demo_ws.write(forums.create_forum, unit_id=unit, title="Forum lain", held_on="2025-01-10")
    demo_ws.write(recs.add_recommendation, other, text="Bukan bagian ekspor", scope="unit")
    tables = json.loads(demo_ws.read(export_json, demo_forum))["tables"]
    assert [f["id"] for f in tables["forums"]] == [demo_forum]
    assert all(r["forum_id"] == demo_forum for r in tables["recommendations"])
    assert len(tables["units"]) == 1
    assert len(tables["escalations"]) == 2 and len(tables["follow_ups"]) == 3
    exported_ids = {row["id"] for name, rows in tables.items() if name != "audit_events" for row in rows}
    assert {a["entity_id"] for a in tables["audit_events"]} <= exported_ids


def test_csv_export(demo_ws: Workspace, demo_forum: str) -> None:
    text = demo_ws.read(export_csv, demo_forum, "recommendations")
    assert text.startswith("\ufeff")  # Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(rows) == 8
    assert list(rows[0])[:3] == ["id", "unit_id", "forum_id"]
    assert {r["scope"] for r in rows} == {"unit", "policy"}
    with pytest.raises(InputError, match="Unknown table"):
        demo_ws.read(export_csv, None, "outbox")


def test_list_forums_counts(demo_ws: Workspace) -> None:
    [forum] = demo_ws.read(queries.list_forums)
    assert (forum.participants, forum.attended) == (13, 12)
    assert (forum.unit_scope, forum.policy_scope) == (5, 2)  # the merged duplicate is not counted
    assert demo_ws.read(queries.list_forums, "sorong")
    assert demo_ws.read(queries.list_forums, "tidak ada") == []


def test_the_forum_list_comes_first_and_its_counts_after(demo_ws: Workspace, demo_forum: str) -> None:
    with demo_ws.store.read() as session:
        unit_id = session.get(Forum, demo_forum).unit_id
    empty = demo_ws.write(forums.create_forum, unit_id=unit_id, title="Belum ada apa-apa", held_on="2026-12-01")
    quick = demo_ws.read(queries.list_forums, with_counts=False)
    assert [f.counts for f in quick] == [None, None]
    counts = demo_ws.read(queries.forum_counts)
    full = {f.id: f for f in demo_ws.read(queries.list_forums)}
    assert [f.id for f in quick] == list(full)  # same forums, same order
    for forum in quick:
        assert counts.get(forum.id, queries.ForumCounts()) == full[forum.id].counts
    assert full[empty].counts == queries.ForumCounts(0, 0, 0, 0)


def _ids(ws: Workspace, **kwargs: object) -> list[str]:
    page = ws.read(queries.list_recommendations, queries.RecommendationFilter(**kwargs))  # type: ignore[arg-type]
    assert page.total >= len(page.rows)
    return [r.id for r in page.rows]


def test_filter_recommendations_by_words_scope_and_openness(ws: Workspace) -> None:
    tree = make_tree(ws)
    a = ws.write(recs.add_recommendation, tree.forum, text="Tambah petugas customer service", scope="unit")
    b = ws.write(recs.add_recommendation, tree.forum, text="Usulkan revisi batas waktu SPM", scope="policy")
    done = ws.write(recs.add_recommendation, tree.forum, text="Customer service di lobi", scope="unit")
    ws.write(recs.reject, done, "Sudah ada")
    assert _ids(ws, text="CUSTOMER service", open_only=True) == [a]
    assert set(_ids(ws, text="customer")) == {a, done}
    assert _ids(ws, scopes=frozenset({Scope.POLICY})) == [b]
    assert _ids(ws, statuses=frozenset({RecStatus.REJECTED})) == [done]


def test_text_filter_matches_inside_words_and_short_words(ws: Workspace) -> None:
    tree = make_tree(ws)
    service = ws.write(recs.add_recommendation, tree.forum, text="Percepat pelayanan SP2D", scope="unit")
    ws.write(recs.add_recommendation, tree.forum, text="Ruang tunggu ber-AC", scope="unit")
    assert _ids(ws, text="layan") == [service]  # Indonesian affixes: pe-layan-an
    assert _ids(ws, text="sp2d percepat") == [service]
    assert len(_ids(ws, text="AC")) == 1  # two letters: no trigram, still found
    assert _ids(ws, text='"; DROP TABLE recommendations; --') == []
    ws.write(recs.edit_recommendation, service, text="Percepat penyelesaian SP2D")
    assert _ids(ws, text="layan") == []  # the index follows edits
    assert _ids(ws, text="penyelesaian") == [service]


def test_pages_and_total(ws: Workspace) -> None:
    tree = make_tree(ws)
    made = [
        ws.write(recs.add_recommendation, tree.forum, text=f"Usul nomor {n}", scope="unit") for n in range(7)
    ]
    flt = queries.RecommendationFilter
    first = ws.read(queries.list_recommendations, flt(text="usul", limit=3))
    second = ws.read(queries.list_recommendations, flt(text="usul", limit=3, offset=3))
    beyond = ws.read(queries.list_recommendations, flt(text="usul", limit=3, offset=30))
    assert (first.total, second.total, beyond.total) == (7, 7, 7)
    assert [r.id for r in first.rows + second.rows] == list(reversed(made))[:6]
    assert beyond.rows == []
