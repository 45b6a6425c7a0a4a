"""Load the shared deterministic dataset (../shared/bench/make_dataset.py) into a local store.

Benchmark set-up only: rows are bulk-inserted as already-synced data (no audit events, an empty
outbox), which is what a device looks like after its first full pull. What a benchmark then
measures goes through the real services.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from desktop.app.workspace import Workspace
from desktop.core.vocab import Category, Gender, RecStatus, parse_choice
from desktop.models import Forum, OutboxOp, Participant, Recommendation, Synced, Unit
from desktop.services.journal import jsonable, outbox_rows
from protocol.ids import new_id
from protocol.messages import QueuedOp, new_op

ROOT = Path(__file__).resolve().parent.parent
# ../shared next to the checkout (a worktree sits one level deeper: look in each parent folder).
GENERATOR = next(
    (
        folder / "shared" / "bench" / "make_dataset.py"
        for folder in ROOT.parents
        if (folder / "shared" / "bench" / "make_dataset.py").exists()
    ),
    ROOT.parent / "shared" / "bench" / "make_dataset.py",
)
STAMP = "000000000000000-000000-dataset"
NOW = datetime(2024, 1, 1, tzinfo=UTC)


def generate(forums: int, participants: int = 30, recommendations: int = 50) -> Iterator[dict[str, Any]]:
    if not GENERATOR.exists():
        sys.exit(f"bench: the dataset generator is missing: {GENERATOR}")
    proc = subprocess.run(
        [
            sys.executable,
            str(GENERATOR),
            "--forums",
            str(forums),
            "--participants",
            str(participants),
            "--recommendations",
            str(recommendations),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    for line in proc.stdout.splitlines():
        yield json.loads(line)


def _create_op(ws: Workspace, model: type[Synced], row: dict[str, Any]) -> QueuedOp:
    fields = {k: jsonable(v) for k, v in row.items() if k in model.data_fields()}
    for name, default in model.field_defaults().items():  # what the row left to its columns' defaults
        fields.setdefault(name, jsonable(default))
    wire = {**fields, "unit_id": row["unit_id"], "created_at": NOW.isoformat(), "at": NOW.isoformat()}
    # each record typed is an action of its own
    return new_op(model.__tablename__, row["id"], "create", wire, ws.ctx.clock.now().encode(), new_id())


def _meta(record_id: str, unit_id: str) -> dict[str, Any]:
    return {
        "id": record_id,
        "unit_id": unit_id,
        "created_at": NOW,
        "updated_at": NOW,
        "deleted": False,
        "clocks": {},
    }


def load(ws: Workspace, records: Iterator[dict[str, Any]], home_unit: str | None = None) -> dict[str, int]:
    """Insert the records; returns how many of each type.

    With `home_unit`, every forum belongs to that unit, the dataset's units are not inserted
    (the server's are), and each record is queued in the outbox as a create, as if typed here.
    """
    units: list[dict[str, Any]] = []
    forums: list[dict[str, Any]] = []
    people: list[dict[str, Any]] = []
    recs: list[dict[str, Any]] = []
    forum_unit: dict[str, str] = {}
    for r in records:
        kind = r["type"]
        if kind == "unit":
            units.append(
                {
                    **_meta(r["id"], r["id"]),
                    "code": r["code"],
                    "name": r["name"],
                    "parent_id": r["parent_id"],
                    "letterhead": "",
                    "address": "",
                    "city": "",
                    "phone": "",
                    "email": "",
                    "website": "",
                    "head_title": "",
                    "head_name": "",
                    "head_nip": "",
                }
            )
        elif kind == "forum":
            forum_unit[r["id"]] = home_unit or r["unit_id"]
            r = {**r, "unit_id": forum_unit[r["id"]]}
            forums.append(
                {
                    **_meta(r["id"], r["unit_id"]),
                    "title": r["title"],
                    "theme": r["theme"],
                    "held_on": date.fromisoformat(r["held_on"]),
                    "venue": r["venue"],
                    "mode": "face_to_face",
                    "facilitator": r["facilitator"],
                    "moderator": "",
                    "note_taker": "",
                    "document_number": "",
                    "summary": "",
                    "agreements": "",
                    "signatories": [],
                    "status": "closed",
                    "status_by": "",
                }
            )
        elif kind == "participant":
            people.append(
                {
                    **_meta(r["id"], forum_unit[r["forum_id"]]),
                    "forum_id": r["forum_id"],
                    "name": r["name"],
                    "organization": r["organization"],
                    "category": parse_choice(Category, r["category"]),
                    "gender": parse_choice(Gender, r["gender"]),
                    "vulnerable": False,
                    "phone": "",
                    "email": "",
                    "role": "participant",
                    "invited": True,
                    "attended": True,
                }
            )
        elif kind == "recommendation":
            recs.append(
                {
                    **_meta(r["id"], forum_unit[r["forum_id"]]),
                    "forum_id": r["forum_id"],
                    "raised_by_id": r["raised_by"],
                    "text": r["text"],
                    "scope": r["scope"],
                    "priority": r["priority"],
                    "votes": r["votes"],
                    "vote_counts": {ws.ctx.device_id: r["votes"]} if r["votes"] else {},
                    "status": parse_choice(RecStatus, r["status"]),
                    "status_reason": "",
                    "status_by": "",
                }
            )
    tables: list[tuple[type[Synced], list[dict[str, Any]]]] = [
        (Forum, forums),
        (Participant, people),
        (Recommendation, recs),
    ]
    if home_unit is None:
        tables.insert(0, (Unit, units))
    ops: list[QueuedOp] = []
    if home_unit is not None:  # as if typed here: each row's creation stamp is its create op's
        for model, rows in tables:
            for row in rows:
                op = _create_op(ws, model, row)
                row["clocks"] = {Synced.CREATED_CLOCK: op.hlc}
                ops.append(op)
    with ws.store.write() as session:
        for model, rows in tables:
            for start in range(0, len(rows), 5000):
                session.execute(insert(model), rows[start : start + 5000])
        for start in range(0, len(ops), 5000):
            session.execute(insert(OutboxOp), outbox_rows(ops[start : start + 5000], NOW))
    return {
        "units": len(units),
        "forums": len(forums),
        "participants": len(people),
        "recommendations": len(recs),
    }


# -- a Kanwil's offices on the server (the web's oversight, issue 17) ---------------------------


def kanwil_on_server(store: Any, kppns: int = 30, years: int = 5, first_year: int = 2022) -> dict[str, int]:
    """A Kanwil with `kppns` KPPN below it, each with `years` years of what its laptops sync:
    per year 4 forums (3 closed, 1 planned) of 30 participants and 10 recommendations (every
    status; a follow-up action for each of the unit's own, an escalation for each policy one),
    and a satisfaction survey of 200 questionnaires. Written straight into the server's records
    table (`store`: a migrated `server_stub.store.ServerStore`), deterministic. Returns counts."""
    import random

    from server_stub import admin
    from server_stub.models import Record

    rnd = random.Random(17)
    counts: dict[str, int] = {}
    rows: list[dict[str, Any]] = []
    seq = 1_000_000  # after the units' own

    def add(entity: str, unit_id: str, data: dict[str, Any]) -> str:
        nonlocal seq
        seq += 1
        record_id = new_id()
        when = NOW.isoformat()
        rows.append(
            {
                "entity": entity,
                "id": record_id,
                "unit_id": unit_id,
                "to_unit_id": data.get("to_unit_id"),
                "seq": seq,
                "deleted": False,
                "data": {**data, "created_at": when, "updated_at": when},
                "clocks": {"*": STAMP},
                "conflicts": [],
                "origin": None,
            }
        )
        counts[entity] = counts.get(entity, 0) + 1
        return record_id

    with store.transaction() as session:
        kanwil = admin.add_unit(session, "KANWIL-BENCH", "Kanwil DJPb Bench")
        offices = [
            admin.add_unit(session, f"KPPN-BENCH-{n:02}", f"KPPN Bench {n:02}", "KANWIL-BENCH")
            for n in range(kppns)
        ]
        kanwil_id, office_ids = kanwil.id, [u.id for u in offices]
    categories = [c.value for c in Category]
    statuses = ["proposed", "accepted", "rejected", "in_progress", "done", "escalated", "answered"]
    for unit in office_ids:
        for year in range(first_year, first_year + years):
            for n in range(4):
                held = f"{year}-{3 * n + 2:02}-15"
                forum = add(
                    "forums",
                    unit,
                    {
                        "title": f"FKP {year} #{n}",
                        "held_on": held,
                        "status": "planned" if n == 3 else "closed",
                        "published": n == 0,
                    },
                )
                for p in range(30):
                    add(
                        "participants",
                        unit,
                        {
                            "forum_id": forum,
                            "name": f"Peserta {p}",
                            "category": rnd.choice(categories),
                            "role": "organizer" if p == 0 else "participant",
                            "attended": p % 7 != 0,
                            "vulnerable": p % 11 == 0,
                            "phone": "",
                            "email": "",
                        },
                    )
                for r in range(10):
                    status = statuses[(r + n) % len(statuses)]
                    scope = "policy" if status in ("escalated", "answered") else "unit"
                    rec = add(
                        "recommendations",
                        unit,
                        {
                            "forum_id": forum,
                            "text": f"Rekomendasi {r}",
                            "scope": scope,
                            "status": status,
                            "votes": r,
                        },
                    )
                    if scope == "unit" and status in ("in_progress", "done", "accepted"):
                        add(
                            "follow_ups",
                            unit,
                            {
                                "recommendation_id": rec,
                                "action": "Aksi",
                                "owner": "PIC",
                                "due_on": f"{year}-12-31",
                                "progress": 100 if status == "done" else 40,
                                "status": "done" if status == "done" else "in_progress",
                            },
                        )
                    if scope == "policy":
                        add(
                            "escalations",
                            unit,
                            {
                                "recommendation_id": rec,
                                "from_unit_id": unit,
                                "to_unit_id": kanwil_id,
                                "status": "sent" if status == "escalated" else "answered",
                                "sent_at": f"{year}-06-01T00:00:00+00:00",
                                "forum_held_on": held,
                            },
                        )
            period = add(
                "survey_periods",
                unit,
                {"title": f"SKM {year}", "starts_on": f"{year}-01-01", "ends_on": f"{year}-12-31"},
            )
            for _ in range(200):
                add(
                    "survey_responses",
                    unit,
                    {"period_id": period, **{f"u{e}": rnd.randint(2, 4) for e in range(1, 10)}},
                )
    with store.transaction() as session:
        for start in range(0, len(rows), 5000):
            session.execute(insert(Record), rows[start : start + 5000])
    return counts
