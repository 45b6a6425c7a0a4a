"""A working week of several offices through a faulty network, on SQLite and PostgreSQL.

Six laptops of three units (two each in KPPN Sorong, KPPN Manokwari and their parent Kanwil),
whose clocks are 10 minutes, 2 hours, 2 days and a year off, plan forums, sign people in,
capture and vote on recommendations, triage, merge, escalate and answer, and sync through a proxy
that drops connections before and after the server acts, cuts answers short, answers 503 and
delays, at least 200 times with every kind at least ten times. Then the network heals and
everyone syncs. What must hold:

- converged: every laptop of a unit exports the same bytes (votes, clocks and history included);
- exactly once: every vote a laptop cast counts once, however often its push was retried;
- nothing lost: every recommendation typed on any laptop is on every laptop of its unit;
- isolation: no laptop holds another unit's records beyond what is addressed to it.

The seed is printed; `MUFAKAT_FAULT_SEED=N` replays a run.
"""

from __future__ import annotations

import os
import random
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.core.errors import MufakatError
from desktop.core.vocab import EscalationStatus, RecStatus, Scope
from desktop.models import Escalation, Forum, OutboxOp, Recommendation, Unit
from desktop.services import escalations, forums, participants
from desktop.services import recommendations as recs
from desktop.services.export import collect, export_json
from desktop.sync.client import SyncUnavailable
from desktop.sync.engine import enroll, sync_once
from tests.sync.conftest import Running
from tests.sync.faultproxy import FAULTS, Fault, FaultProxy

FAULT_SHARE = 0.35  # of requests while the network is bad
MIN_FAULTS = 200
MIN_EACH = 10
MAX_STEPS = 4000
OFFICES = {"KPPN-SORONG": 2, "KPPN-MANOKWARI": 2, "KANWIL-PBD": 2}
MINUTE_NS = 60 * 10**9
# Field laptops' clocks: WIB set with the WIT zone is 2 h off, a dead CMOS battery a year. Each
# laptop of the week keeps one of these all week (in office order); none may lose a change.
SKEWS_NS = (
    -10 * MINUTE_NS,
    2 * 24 * 60 * MINUTE_NS,
    -365 * 24 * 60 * MINUTE_NS,
    10 * MINUTE_NS,
    -120 * MINUTE_NS,
    120 * MINUTE_NS,
)
PARENT = "KANWIL-PBD"


class Network:
    """Decides the fate of each request: deterministic for a seed, since laptops sync in turn."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self.bad = False

    def choose(self, _request_line: str) -> tuple[Fault, float]:
        with self._lock:
            share = self._rng.random()
            if not self.bad or self._rng.random() >= FAULT_SHARE:
                return Fault.NONE, share
            return self._rng.choice(FAULTS), share


@dataclass
class Laptop:
    name: str
    unit_code: str
    ws: Workspace
    unit_id: str = ""


@dataclass
class Ledger:
    """What the users did, as the test counts it (to check against what the laptops hold)."""

    votes: Counter[str] = field(default_factory=Counter)  # recommendation id → net votes cast
    typed: dict[str, set[str]] = field(default_factory=dict)  # unit code → recommendation ids
    merge_pool: set[str] = field(default_factory=set)  # never voted on: merges may take them
    actions: Counter[str] = field(default_factory=Counter)


class Week:
    def __init__(self, rng: random.Random, laptops: list[Laptop], ledger: Ledger) -> None:
        self.rng = rng
        self.laptops = laptops
        self.ledger = ledger

    # -- what a laptop holds --------------------------------------------------------------
    @staticmethod
    def _ids(ws: Workspace, query: object) -> list[str]:
        with ws.store.read() as session:
            return sorted(session.scalars(query))  # type: ignore[call-overload]

    def _open_forums(self, laptop: Laptop) -> list[str]:
        return self._ids(
            laptop.ws,
            select(Forum.id).where(
                Forum.unit_id == laptop.unit_id, Forum.deleted.is_(False), Forum.status != "closed"
            ),
        )

    def _recs(self, laptop: Laptop, *statuses: RecStatus, scope: Scope | None = None) -> list[str]:
        query = select(Recommendation.id).where(
            Recommendation.unit_id == laptop.unit_id,
            Recommendation.deleted.is_(False),
            Recommendation.status.in_(statuses),
        )
        if scope is not None:
            query = query.where(Recommendation.scope == scope)
        return self._ids(laptop.ws, query)

    # -- one user action ------------------------------------------------------------------
    def act(self, laptop: Laptop) -> None:
        if laptop.unit_code == PARENT:
            name = self.rng.choice(["acknowledge", "answer", "answer"])
        else:
            name = self.rng.choices(
                ["forum", "person", "rec", "vote", "unvote", "accept", "reject", "scope", "edit", "merge",
                 "escalate", "start", "complete"],
                weights=[1, 3, 8, 10, 2, 4, 2, 2, 2, 1, 3, 2, 1],
            )[0]
        try:
            if getattr(self, f"_{name}")(laptop):
                self.ledger.actions[name] += 1
        except MufakatError:
            pass  # the laptop's rules refused it (a user sees a message); nothing was written

    def _pick(self, ids: list[str]) -> str | None:
        return self.rng.choice(ids) if ids else None

    def _forum(self, laptop: Laptop) -> bool:
        laptop.ws.write(
            forums.create_forum, unit_id=laptop.unit_id, title=f"FKP {laptop.name}", held_on="2026-11-20"
        )
        return True

    def _person(self, laptop: Laptop) -> bool:
        forum = self._pick(self._open_forums(laptop))
        if forum is None:
            return self._forum(laptop)
        laptop.ws.write(
            participants.add_participant,
            forum,
            name=f"Peserta {self.rng.randrange(10**6)}",
            category=self.rng.choice(["service_user", "client_office", "academic"]),
            gender=self.rng.choice(["male", "female"]),
        )
        return True

    def _rec(self, laptop: Laptop) -> bool:
        forum = self._pick(self._open_forums(laptop))
        if forum is None:
            return self._forum(laptop)
        scope = self.rng.choice([Scope.UNIT, Scope.POLICY])
        rec = laptop.ws.write(
            recs.add_recommendation, forum, text=f"Usulan {self.rng.randrange(10**6)}", scope=scope
        )
        self.ledger.typed.setdefault(laptop.unit_code, set()).add(rec)
        if self.rng.random() < 0.2:
            self.ledger.merge_pool.add(rec)
        return True

    def _votable(self, laptop: Laptop) -> list[str]:
        return [
            r
            for r in self._recs(laptop, RecStatus.PROPOSED, RecStatus.ACCEPTED, RecStatus.IN_PROGRESS)
            if r not in self.ledger.merge_pool
        ]

    def _vote(self, laptop: Laptop) -> bool:
        rec = self._pick(self._votable(laptop))
        if rec is None:
            return False
        laptop.ws.write(recs.vote, rec, 1)
        self.ledger.votes[rec] += 1
        return True

    def _unvote(self, laptop: Laptop) -> bool:
        """A vote this laptop counted is taken back. (Taking back another laptop's vote while
        that laptop takes it back too would make the total negative: the server refuses the
        second, by design, and the ledger could not know which.)"""
        rec = self._pick([r for r in self._votable(laptop) if self._own_votes(laptop, r) > 0])
        if rec is None:
            return False
        laptop.ws.write(recs.vote, rec, -1)
        self.ledger.votes[rec] -= 1
        return True

    @staticmethod
    def _own_votes(laptop: Laptop, rec_id: str) -> int:
        with laptop.ws.store.read() as session:
            rec = session.get(Recommendation, rec_id)
            return 0 if rec is None else int((rec.vote_counts or {}).get(laptop.ws.ctx.device_id, 0))

    def _accept(self, laptop: Laptop) -> bool:
        rec = self._pick(self._recs(laptop, RecStatus.PROPOSED))
        return rec is not None and laptop.ws.write(recs.accept, rec) is None

    def _reject(self, laptop: Laptop) -> bool:
        rec = self._pick(self._recs(laptop, RecStatus.PROPOSED))
        return rec is not None and laptop.ws.write(recs.reject, rec, "Di luar kewenangan") is None

    def _scope(self, laptop: Laptop) -> bool:
        rec = self._pick(self._recs(laptop, RecStatus.PROPOSED, RecStatus.ACCEPTED))
        if rec is None:
            return False
        scope = self.rng.choice([Scope.UNIT, Scope.POLICY])
        return laptop.ws.write(recs.change_scope, rec, scope) is None

    def _edit(self, laptop: Laptop) -> bool:
        rec = self._pick(self._recs(laptop, RecStatus.PROPOSED, RecStatus.ACCEPTED))
        text = f"Usulan diperbaiki {self.rng.randrange(10**6)}"
        return rec is not None and laptop.ws.write(recs.edit_recommendation, rec, text=text) is None

    def _merge(self, laptop: Laptop) -> bool:
        pool = [r for r in self._recs(laptop, RecStatus.PROPOSED) if r in self.ledger.merge_pool]
        if len(pool) < 2:
            return False
        duplicate, keep = self.rng.sample(pool, 2)
        return laptop.ws.write(recs.merge, duplicate, keep) is None

    def _escalate(self, laptop: Laptop) -> bool:
        rec = self._pick(self._recs(laptop, RecStatus.ACCEPTED, scope=Scope.POLICY))
        return rec is not None and bool(laptop.ws.write(escalations.escalate, rec, "Mohon arahan"))

    def _start(self, laptop: Laptop) -> bool:
        rec = self._pick(self._recs(laptop, RecStatus.ACCEPTED, scope=Scope.UNIT))
        return rec is not None and laptop.ws.write(recs.start, rec) is None

    def _complete(self, laptop: Laptop) -> bool:
        rec = self._pick(self._recs(laptop, RecStatus.IN_PROGRESS))
        return rec is not None and laptop.ws.write(recs.complete, rec, "Sudah dilaksanakan") is None

    def _inbox(self, laptop: Laptop, *statuses: EscalationStatus) -> list[str]:
        return self._ids(
            laptop.ws,
            select(Escalation.id).where(Escalation.to_unit_id == laptop.unit_id, Escalation.status.in_(statuses)),
        )

    def _acknowledge(self, laptop: Laptop) -> bool:
        esc = self._pick(self._inbox(laptop, EscalationStatus.SENT))
        return esc is not None and laptop.ws.write(escalations.acknowledge, esc) is None

    def _answer(self, laptop: Laptop) -> bool:
        esc = self._pick(self._inbox(laptop, EscalationStatus.SENT, EscalationStatus.ACKNOWLEDGED))
        if esc is None:
            return False
        outcome = self.rng.choice(["adopted", "declined"])
        return laptop.ws.write(escalations.answer, esc, outcome, "Ditindaklanjuti di tingkat wilayah") is None


def _sync(laptop: Laptop) -> bool:
    """One background sync as the app runs it; False when the network failed it."""
    try:
        sync_once(laptop.ws)
    except SyncUnavailable:
        return False
    return True


def _outbox(ws: Workspace) -> int:
    with ws.store.read() as session:
        return session.scalar(select(func.count()).select_from(OutboxOp)) or 0


@pytest.fixture
def seed() -> int:
    chosen = int(os.environ.get("MUFAKAT_FAULT_SEED") or random.SystemRandom().randrange(10**9))
    print(f"fault-injection seed: {chosen} (replay with MUFAKAT_FAULT_SEED={chosen})")
    return chosen


@pytest.fixture
def office_week(server: Running, tmp_path: Path, seed: int) -> Iterator[tuple[Network, FaultProxy, list[Laptop]]]:
    network = Network(seed)
    proxy = FaultProxy(server.url, network.choose).start()
    laptops: list[Laptop] = []
    try:
        for code, count in OFFICES.items():
            for n in range(count):
                name = f"{code.lower()}-{n + 1}"
                skew = SKEWS_NS[len(laptops) % len(SKEWS_NS)]
                ws = Workspace.open(
                    tmp_path / name, Settings(language="en", operator=name), lambda skew=skew: time.time_ns() + skew
                )
                enroll(ws, proxy.url, server.code(code))
                sync_once(ws)
                with ws.store.read() as session:
                    unit_id = session.scalars(select(Unit.id).where(Unit.code == code)).one()
                laptops.append(Laptop(name, code, ws, unit_id))
        yield network, proxy, laptops
    finally:
        proxy.stop()
        for laptop in laptops:
            laptop.ws.close()


def _settle(laptops: list[Laptop]) -> None:
    """The network is back: everyone syncs until nothing moves (a few rounds at most)."""
    for _ in range(6):
        moved = 0
        for laptop in laptops:
            report = sync_once(laptop.ws)
            moved += report.pushed + report.refused + report.pulled + report.requeued
        if moved == 0 and all(_outbox(laptop.ws) == 0 for laptop in laptops):
            return
    pytest.fail("the laptops kept exchanging changes after the network healed")


def test_a_week_of_offices_through_a_faulty_network_converges_exactly_once(
    office_week: tuple[Network, FaultProxy, list[Laptop]], seed: int
) -> None:
    network, proxy, laptops = office_week
    rng = random.Random(seed)
    ledger = Ledger()
    week = Week(rng, laptops, ledger)
    network.bad = True
    failed_syncs = 0
    for _ in range(MAX_STEPS):
        laptop = rng.choice(laptops)
        for _ in range(rng.randint(1, 3)):
            week.act(laptop)
        if rng.random() < 0.6:
            failed_syncs += not _sync(laptop)
        if proxy.faults() >= MIN_FAULTS and min(proxy.played[f] for f in FAULTS) >= MIN_EACH:
            break
    played = dict(proxy.played)
    assert proxy.faults() >= MIN_FAULTS and all(played.get(f, 0) >= MIN_EACH for f in FAULTS), (seed, played)
    print(f"faults played: {played}; failed syncs: {failed_syncs}; actions: {dict(ledger.actions)}")
    network.bad = False
    _settle(laptops)

    exports = {laptop.name: export(laptop.ws) for laptop in laptops}
    for code in OFFICES:
        same_unit = [laptop for laptop in laptops if laptop.unit_code == code]
        first = same_unit[0]
        for other in same_unit[1:]:
            if exports[other.name] != exports[first.name]:
                pytest.fail(f"seed {seed}: {other.name} differs from {first.name}:\n" + differences(first, other))

    for laptop in laptops:
        with laptop.ws.store.read() as session:
            tables = collect(session)
        held = {row["id"]: row for row in tables["recommendations"]}
        # Exactly once: each recommendation's votes are the votes cast on it, on every laptop.
        for rec_id, row in held.items():
            if rec_id in ledger.votes:
                assert row["votes"] == ledger.votes[rec_id], (seed, laptop.name, rec_id)
        # Nothing lost: every recommendation typed in the unit is here.
        missing = ledger.typed.get(laptop.unit_code, set()) - set(held)
        assert not missing, (seed, laptop.name, sorted(missing)[:5])
        _assert_isolated(laptop, tables, seed)


def differences(a: Laptop, b: Laptop, limit: int = 8) -> str:
    """The first few records two laptops hold differently, field by field (a readable failure)."""
    with a.ws.store.read() as session:
        left = collect(session)
    with b.ws.store.read() as session:
        right = collect(session)
    found: list[str] = []
    for table in left:
        ours = {row["id"]: row for row in left[table]}
        theirs = {row["id"]: row for row in right[table]}
        for record_id in sorted(set(ours) | set(theirs)):
            x, y = ours.get(record_id), theirs.get(record_id)
            if x == y:
                continue
            if x is None or y is None:
                found.append(f"{table} {record_id}: only on {a.name if y is None else b.name}")
            else:
                fields = {k: (x[k], y.get(k)) for k in x if x[k] != y.get(k)}
                found.append(f"{table} {record_id}: {fields}")
    return "\n".join(found[:limit]) + (f"\n… {len(found) - limit} more" if len(found) > limit else "")


def export(ws: Workspace) -> str:
    with ws.store.read() as session:
        return export_json(session)


def _assert_isolated(laptop: Laptop, tables: dict[str, list[dict[str, object]]], seed: int) -> None:
    addressed = {row["id"] for row in tables["escalations"] if row["to_unit_id"] == laptop.unit_id}
    for name, rows in tables.items():
        if name == "units":
            continue
        for row in rows:
            own = row["unit_id"] == laptop.unit_id
            about_addressed = name == "audit_events" and row["entity_id"] in addressed
            assert own or row["id"] in addressed or about_addressed, (seed, laptop.name, name, row["id"])
