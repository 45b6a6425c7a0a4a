"""Life-cycle invariants over random sequences of actions (hypothesis stateful testing):
no vote is lost by merges, refused actions change nothing, every change is journaled."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import create_engine, select

from desktop.app.workspace import Workspace
from desktop.core.config import DB_FILENAME, Settings
from desktop.core.errors import InputError, TransitionError
from desktop.core.i18n import set_language
from desktop.core.vocab import RecStatus
from desktop.models import Escalation, Recommendation
from desktop.services import escalations, followups
from desktop.services import recommendations as recs
from desktop.store.db import migrate
from tests.helpers import assert_journaled, make_tree, state

_TEMPLATE: dict[str, Path] = {}


def _template() -> Path:
    if "path" not in _TEMPLATE:
        path = Path(tempfile.mkdtemp(prefix="mufakat-hyp-")) / DB_FILENAME
        engine = create_engine(f"sqlite:///{path}")
        with engine.connect() as conn:
            migrate(conn)
            conn.commit()
        engine.dispose()
        _TEMPLATE["path"] = path
    return _TEMPLATE["path"]


class LifeCycle(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        set_language("en")
        self.dir = Path(tempfile.mkdtemp(prefix="mufakat-sm-"))
        shutil.copyfile(_template(), self.dir / DB_FILENAME)
        self.ws = Workspace.open(self.dir, Settings(language="en", operator="Hyp"))
        self.recs: list[str] = []
        self.total_votes = 0

    @initialize()
    def tree(self) -> None:
        self.forum = make_tree(self.ws).forum

    def _do(self, action, *args) -> None:  # type: ignore[no-untyped-def]
        before = state(self.ws)
        try:
            self.ws.write(action, *args)
        except (TransitionError, InputError):
            after = state(self.ws)
            assert after.rows == before.rows and after.outbox == before.outbox, "refusal changed data"
            return
        assert_journaled(before, state(self.ws))

    def _rec(self, index: int) -> str:
        return self.recs[index % len(self.recs)]

    def _status(self, rec_id: str) -> RecStatus:
        with self.ws.store.read() as session:
            return session.get(Recommendation, rec_id).status  # type: ignore[union-attr]

    @rule(scope=st.sampled_from(["unit", "policy"]), votes=st.integers(0, 5))
    def add(self, scope: str, votes: int) -> None:
        before = state(self.ws)
        self.recs.append(
            self.ws.write(
                recs.add_recommendation, self.forum, text=f"R{len(self.recs)}", scope=scope, votes=votes
            )
        )
        self.total_votes += votes
        assert_journaled(before, state(self.ws))

    @precondition(lambda self: self.recs)
    @rule(index=st.integers(0, 50), delta=st.sampled_from([1, -1]))
    def vote(self, index: int, delta: int) -> None:
        rec = self._rec(index)
        with self.ws.store.read() as session:
            row = session.get(Recommendation, rec)
            allowed = row is not None and row.status != RecStatus.MERGED and row.votes + delta >= 0
        self._do(recs.vote, rec, delta)
        if allowed:
            self.total_votes += delta

    @precondition(lambda self: len(self.recs) >= 2)
    @rule(a=st.integers(0, 50), b=st.integers(0, 50))
    def merge(self, a: int, b: int) -> None:
        self._do(recs.merge, self._rec(a), self._rec(b))

    @precondition(lambda self: self.recs)
    @rule(
        index=st.integers(0, 50),
        action=st.sampled_from(["accept", "start", "reject", "complete", "escalate", "scope", "follow_up"]),
    )
    def act(self, index: int, action: str) -> None:
        rec = self._rec(index)
        calls = {
            "accept": (recs.accept, rec),
            "start": (recs.start, rec),
            "reject": (recs.reject, rec, "Alasan"),
            "complete": (recs.complete, rec, "Bukti"),
            "escalate": (escalations.escalate, rec),
            "scope": (recs.change_scope, rec, "policy" if index % 2 else "unit"),
        }
        if action == "follow_up":
            self._do(lambda s, c, r: followups.assign_follow_up(s, c, r, action="A", owner="B"), rec)
        else:
            self._do(*calls[action])

    @precondition(lambda self: self.recs)
    @rule(index=st.integers(0, 50), adopted=st.booleans())
    def answer(self, index: int, adopted: bool) -> None:
        rec = self._rec(index)
        with self.ws.store.read() as session:
            sent = session.scalars(select(Escalation.id).where(Escalation.recommendation_id == rec)).all()
        if sent:
            self._do(escalations.answer, sent[-1], "adopted" if adopted else "declined", "Jawaban")

    @invariant()
    def no_vote_is_lost(self) -> None:
        with self.ws.store.read() as session:
            rows = session.scalars(select(Recommendation)).all()
            live = sum(r.votes for r in rows if r.status != RecStatus.MERGED)
        assert live == self.total_votes

    @invariant()
    def merged_ones_point_to_a_recommendation_of_the_same_forum(self) -> None:
        with self.ws.store.read() as session:
            for row in session.scalars(select(Recommendation)):
                if row.status == RecStatus.MERGED:
                    target = session.get(Recommendation, row.merged_into_id)
                    assert target is not None and target.forum_id == row.forum_id
                else:
                    assert row.merged_into_id is None

    def teardown(self) -> None:
        self.ws.close()
        shutil.rmtree(self.dir, ignore_errors=True)


LifeCycle.TestCase.settings = settings(
    max_examples=20,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestLifeCycle = LifeCycle.TestCase
