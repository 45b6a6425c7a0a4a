"""`systemctl stop` (SIGTERM) while a laptop's push is under way: the server finishes the push,
answers it and only then exits (code 0); after the restart the laptop's next sync finds every
operation applied exactly once (votes, which would count twice, among them)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.pool import NullPool

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.models import Recommendation
from desktop.services import forums
from desktop.services import recommendations as recs
from desktop.sync.client import SyncUnavailable
from desktop.sync.engine import enroll, sync_once
from desktop.sync.outbox import pending_count
from server_stub.models import AppliedOp, Record
from server_stub.sequence import UNIT_LOCK_CLASS
from server_stub.store import APPLICATION_NAME, ServerStore
from tests.server.processes import add_units, new_code, running_server
from tests.sync.conftest import fresh_pg_database, require_pg

VOTES = 3
WAIT_S = 120  # bound on waiting for the push to reach the lock; it takes well under a second


def _push_waits_on_lock(watch: Connection) -> bool:
    """The server's push is waiting for the lock the test holds."""
    waiting = watch.execute(
        text(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = :name "
            "AND wait_event_type = 'Lock'"
        ),
        {"name": APPLICATION_NAME},
    ).scalar_one()
    return bool(waiting)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_sigterm_during_a_push_finishes_it_and_the_next_sync_finds_it_applied_once(
    tmp_path: Path, workers: str
) -> None:
    require_pg()
    with fresh_pg_database() as url:
        add_units(url)
        ws = Workspace.open(tmp_path / "laptop", Settings(language="en", operator="a"))
        with running_server(url, tmp_path / "logs", "--workers", workers) as server:
            enroll(ws, server.url, new_code(url, "KPPN-SORONG"))
            sync_once(ws)
            unit = ws.store.device().home_unit_id
            forum = ws.write(forums.create_forum, unit_id=unit, title="FKP", held_on="2026-03-12")
            rec = ws.write(recs.add_recommendation, forum, text="Loket prioritas", scope="unit")
            for _ in range(VOTES):
                ws.write(recs.vote, rec)

            engine = create_engine(url, poolclass=NullPool)
            outcome: dict[str, object] = {}
            try:
                with engine.connect() as holder, engine.connect() as watch:
                    # Hold the office's push lock (server_stub.sequence): the push gets in, then
                    # waits for it.
                    holder.execute(
                        text("SELECT pg_advisory_xact_lock(:cls, hashtext(:unit))"),
                        {"cls": UNIT_LOCK_CLASS, "unit": unit},
                    )

                    def push() -> None:
                        try:
                            outcome["report"] = sync_once(ws)
                        except Exception as exc:  # the pull after the push meets a stopped server
                            outcome["error"] = exc

                    pusher = threading.Thread(target=push)
                    pusher.start()
                    deadline = time.monotonic() + WAIT_S
                    while not _push_waits_on_lock(watch):
                        assert time.monotonic() < deadline, "the push never reached the server"
                        watch.commit()
                        time.sleep(0.05)
                    server.proc.send_signal(15)  # SIGTERM, as systemctl stop
                    # uvicorn says so once it has stopped listening and waits for the push
                    while not any("Waiting for connections" in line["message"] for line in server.lines()):
                        assert time.monotonic() < deadline, "the server did not hear SIGTERM"
                        time.sleep(0.05)
                    assert server.proc.poll() is None, "the server quit with a push under way"
                    holder.rollback()  # the push may go on now
                    pusher.join(timeout=WAIT_S)
                    assert not pusher.is_alive()
                # uvicorn ends by raising SIGTERM again once done: systemd counts that a clean stop
                assert server.stop() in (0, -15), server.log.read_text()
                # The push was answered (the laptop's queue is empty); only the pull after it
                # found the server gone.
                assert "report" in outcome or isinstance(outcome["error"], SyncUnavailable)
                with ws.store.read() as session:
                    assert pending_count(session) == 0
                said = [line["message"] for line in server.lines()]
                assert said.index("POST /sync/push 200") > said.index("Shutting down")
            finally:
                engine.dispose()
            # Applied before the server exited, not by a retry after the restart.
            store = ServerStore(url)
            try:
                with store.transaction() as session:
                    held = session.get(Record, ("recommendations", rec))
                    assert held is not None and held.data["votes"] == VOTES
            finally:
                store.close()

        with running_server(url, tmp_path / "logs", port=server.port):
            report = sync_once(ws)
            sync_once(ws)
        assert report.refused == 0 and report.requeued == 0
        with ws.store.read() as session:
            assert session.get_one(Recommendation, rec).votes == VOTES
        store = ServerStore(url)
        try:
            with store.transaction() as session:
                held = session.get(Record, ("recommendations", rec))
                assert held is not None and held.data["votes"] == VOTES
                applied = session.scalars(
                    select(AppliedOp.op_id).where(AppliedOp.device_id == ws.ctx.device_id)
                ).all()
                assert len(applied) == len(set(applied))
        finally:
            store.close()
        ws.close()
