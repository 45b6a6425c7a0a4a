"""A closed forum's content is final: what was said, who came, the agenda, the details and the
agreements cannot change (its minutes are signed on the day); its recommendations are still
triaged. Reopening (closed → running) needs a reason, which the audit trail keeps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError, TransitionError
from desktop.core.vocab import ForumStatus, RecStatus, Scope
from desktop.models import AuditEvent, Forum
from desktop.services import agenda, forums, participants
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from tests.helpers import make_tree


@pytest.fixture
def closed(ws: Workspace) -> dict[str, str]:
    tree = make_tree(ws)
    ids = {"forum": tree.forum}
    ids["person"] = ws.write(participants.add_participant, tree.forum, name="Ana", category="satker")
    ids["item"] = ws.write(agenda.add_item, tree.forum, title="Pembukaan")
    ws.write(forums.start_forum, tree.forum)
    ids["rec"] = ws.write(recs.add_recommendation, tree.forum, text="Tambah loket", scope="unit")
    ids["other"] = ws.write(recs.add_recommendation, tree.forum, text="Tambah loket lagi", scope="unit")
    ws.write(forums.close_forum, tree.forum)
    return ids


CHANGES: dict[str, Callable[[Workspace, dict[str, str]], Any]] = {
    "details": lambda ws, ids: ws.write(forums.update_forum, ids["forum"], venue="Aula lain"),
    "agreements": lambda ws, ids: ws.write(forums.update_forum, ids["forum"], agreements="Baru"),
    "add participant": lambda ws, ids: ws.write(
        participants.add_participant, ids["forum"], name="Budi", category="media"
    ),
    "edit participant": lambda ws, ids: ws.write(participants.update_participant, ids["person"], name="Anna"),
    "sign in": lambda ws, ids: ws.write(participants.sign_in, ids["person"]),
    "remove participant": lambda ws, ids: ws.write(participants.remove_participant, ids["person"]),
    "import participants": lambda ws, ids: ws.write(
        participants.import_participants, ids["forum"], [{"name": "Cici", "category": "academic"}]
    ),
    "add agenda item": lambda ws, ids: ws.write(agenda.add_item, ids["forum"], title="Tambahan"),
    "start agenda item": lambda ws, ids: ws.write(agenda.start_item, ids["item"]),
    "remove agenda item": lambda ws, ids: ws.write(agenda.remove_item, ids["item"]),
    "add recommendation": lambda ws, ids: ws.write(
        recs.add_recommendation, ids["forum"], text="Usulan susulan", scope="unit"
    ),
    "edit recommendation": lambda ws, ids: ws.write(recs.edit_recommendation, ids["rec"], text="Diubah"),
    "vote": lambda ws, ids: ws.write(recs.vote, ids["rec"], 1),
    "delete recommendation": lambda ws, ids: ws.write(recs.delete_recommendation, ids["rec"]),
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_closed_forum_refuses_every_change_to_its_content(
    ws: Workspace, closed: dict[str, str], change: str
) -> None:
    before = ws.read(export_json)
    with pytest.raises(TransitionError, match="is closed: its minutes are final") as refused:
        CHANGES[change](ws, closed)
    assert "reopen" in refused.value.message
    assert ws.read(export_json) == before


def test_its_recommendations_are_still_triaged(ws: Workspace, closed: dict[str, str]) -> None:
    ws.write(recs.change_scope, closed["rec"], Scope.POLICY)
    ws.write(recs.merge, closed["other"], closed["rec"])
    ws.write(recs.accept, closed["rec"])
    with ws.store.read() as session:
        assert session.get(Forum, closed["forum"]).status == ForumStatus.CLOSED  # type: ignore[union-attr]
    from desktop.models import Recommendation

    with ws.store.read() as session:
        rec = session.get(Recommendation, closed["rec"])
        assert rec is not None and (rec.status, rec.scope) == (RecStatus.ACCEPTED, Scope.POLICY)


def test_reopening_needs_a_reason_and_audits_it(ws: Workspace, closed: dict[str, str]) -> None:
    before = ws.read(export_json)
    with pytest.raises(InputError, match="Reason for reopening must not be empty"):
        ws.write(forums.reopen_forum, closed["forum"], "   ")
    assert ws.read(export_json) == before
    ws.write(forums.reopen_forum, closed["forum"], "Nama peserta salah ketik di daftar hadir")
    with ws.store.read() as session:
        forum = session.get(Forum, closed["forum"])
        assert forum is not None and forum.status == ForumStatus.RUNNING
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.entity_id == forum.id, AuditEvent.action == "reopen")
        ).one()
    assert event.before["status"] == "closed" and event.after["status"] == "running"
    assert event.after["reason"] == "Nama peserta salah ketik di daftar hadir"
    ws.write(participants.update_participant, closed["person"], name="Anna")  # open again
    with pytest.raises(TransitionError, match="Cannot reopen a forum that is running"):
        ws.write(forums.reopen_forum, closed["forum"], "Sekali lagi")
