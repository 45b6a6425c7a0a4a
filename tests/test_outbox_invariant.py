"""No service path changes a synced row without its audit event and outbox operation.

The check compares whole database states (tests.helpers.assert_journaled), independent of the
journal's own bookkeeping; a second test makes sure every public service function is exercised.
"""

from __future__ import annotations

import inspect
import pkgutil
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

import desktop.services
from desktop.app.workspace import Workspace
from desktop.core.errors import ProgrammingError
from desktop.models import Conflict, OutboxOp, PendingFreeze, Recommendation, RejectedOp
from desktop.services import (
    acting,
    agenda,
    attachments,
    closed_days,
    conflicts,
    demo,
    escalations,
    followups,
    forums,
    frozen,
    inbox,
    office,
    participants,
    publishing,
    refused,
    survey_actions,
    surveys,
    templates,
    units,
    users,
)
from desktop.services import recommendations as recs
from desktop.services.attachments import StoredFile
from protocol.entities import RECOMMENDATIONS
from protocol.ids import new_id
from protocol.roles import Act
from protocol.vocab import AttachmentKind, AttachmentOwner
from tests.helpers import assert_journaled, state

# A scan already in the file store: the record names it (the store itself is not journaled).
SCAN = StoredFile("ab" * 32, 1024, "application/pdf", "daftar-hadir.pdf", None, None)

ADMIN_NIP, KEPALA_NIP, PASSWORD = "198705122010121001", "197001011995031002", "rahasia-kppn-1"

Step = tuple[str, Callable[[Workspace, dict[str, Any]], Any]]

STEPS: list[Step] = [
    (
        "units.create_unit",
        lambda ws, ids: ids.update(top=ws.write(units.create_unit, code="DJPB", name="DJPb")),
    ),
    (
        "units.create_unit",
        lambda ws, ids: ids.update(
            mid=ws.write(units.create_unit, code="KW", name="Kanwil", parent_id=ids["top"])
        ),
    ),
    (
        "units.create_unit",
        lambda ws, ids: ids.update(
            leaf=ws.write(units.create_unit, code="KP", name="KPPN", parent_id=ids["mid"])
        ),
    ),
    ("units.update_unit", lambda ws, ids: ws.write(units.update_unit, ids["leaf"], phone="(0951) 321000")),
    ("units.set_home_unit", lambda ws, ids: ws.write(units.set_home_unit, ids["leaf"])),
    (
        "forums.create_forum",
        lambda ws, ids: ids.update(
            forum=ws.write(forums.create_forum, unit_id=ids["leaf"], title="FKP", held_on="2024-08-21")
        ),
    ),
    (
        "forums.create_forum",
        lambda ws, ids: ids.update(
            spare=ws.write(forums.create_forum, unit_id=ids["leaf"], title="Batal", held_on="2024-09-21")
        ),
    ),
    ("forums.delete_forum", lambda ws, ids: ws.write(forums.delete_forum, ids["spare"])),
    ("forums.update_forum", lambda ws, ids: ws.write(forums.update_forum, ids["forum"], venue="Aula")),
    ("forums.start_forum", lambda ws, ids: ws.write(forums.start_forum, ids["forum"])),
    (
        "participants.add_participant",
        lambda ws, ids: ids.update(
            person=ws.write(participants.add_participant, ids["forum"], name="Siti", category="satker")
        ),
    ),
    (
        "participants.update_participant",
        lambda ws, ids: ws.write(participants.update_participant, ids["person"], organization="Dinas"),
    ),
    ("participants.sign_in", lambda ws, ids: ws.write(participants.sign_in, ids["person"])),
    ("participants.undo_sign_in", lambda ws, ids: ws.write(participants.undo_sign_in, ids["person"])),
    (
        "participants.import_participants",
        lambda ws, ids: ws.write(
            participants.import_participants, ids["forum"], [{"name": "Budi", "category": "akademisi"}]
        ),
    ),
    (
        "participants.remove_participant",
        lambda ws, ids: (
            ids.update(gone=ws.write(participants.add_participant, ids["forum"], name="X", category="media"))
            or ws.write(participants.remove_participant, ids["gone"])
        ),
    ),
    (
        "participants.restore_participant",
        lambda ws, ids: ws.write(participants.restore_participant, ids["gone"]),
    ),
    (
        "agenda.add_item",
        lambda ws, ids: ids.update(item=ws.write(agenda.add_item, ids["forum"], title="Buka")),
    ),
    (
        "agenda.add_item",
        lambda ws, ids: ids.update(item2=ws.write(agenda.add_item, ids["forum"], title="Diskusi")),
    ),
    ("agenda.update_item", lambda ws, ids: ws.write(agenda.update_item, ids["item"], planned_minutes=10)),
    ("agenda.move_item", lambda ws, ids: ws.write(agenda.move_item, ids["item2"], 0)),
    ("agenda.start_item", lambda ws, ids: ws.write(agenda.start_item, ids["item"])),
    ("agenda.remove_item", lambda ws, ids: ws.write(agenda.remove_item, ids["item2"])),
    (
        "recommendations.add_recommendation",
        lambda ws, ids: ids.update(
            r1=ws.write(
                recs.add_recommendation,
                ids["forum"],
                text="CS",
                scope="unit",
                raised_by_id=ids["person"],
                agenda_item_id=ids["item"],
            )
        ),
    ),
    (
        "recommendations.add_recommendation",
        lambda ws, ids: ids.update(
            r2=ws.write(recs.add_recommendation, ids["forum"], text="CS lagi", scope="unit", votes=2)
        ),
    ),
    (
        "recommendations.add_recommendation",
        lambda ws, ids: ids.update(
            r3=ws.write(recs.add_recommendation, ids["forum"], text="Kebijakan", scope="unit")
        ),
    ),
    (
        "recommendations.add_recommendation",
        lambda ws, ids: ids.update(
            r4=ws.write(recs.add_recommendation, ids["forum"], text="Tolak", scope="unit")
        ),
    ),
    (
        "recommendations.add_recommendation",
        lambda ws, ids: ids.update(
            r5=ws.write(recs.add_recommendation, ids["forum"], text="Salah", scope="unit")
        ),
    ),
    (
        "recommendations.edit_recommendation",
        lambda ws, ids: ws.write(recs.edit_recommendation, ids["r1"], text="Customer service", priority=1),
    ),
    ("recommendations.change_scope", lambda ws, ids: ws.write(recs.change_scope, ids["r3"], "policy")),
    (
        "recommendations.correct_recommendation",
        lambda ws, ids: ws.write(recs.correct_recommendation, ids["r3"], scope="policy", category="facilities"),
    ),
    ("recommendations.vote", lambda ws, ids: ws.write(recs.vote, ids["r1"])),
    ("recommendations.merge", lambda ws, ids: ws.write(recs.merge, ids["r2"], ids["r1"])),
    ("recommendations.reject", lambda ws, ids: ws.write(recs.reject, ids["r4"], "Bukan kewenangan")),
    (
        "recommendations.delete_recommendation",
        lambda ws, ids: ws.write(recs.delete_recommendation, ids["r5"]),
    ),
    (
        "recommendations.restore_recommendation",
        lambda ws, ids: ws.write(recs.restore_recommendation, ids["r5"]),
    ),
    ("recommendations.accept", lambda ws, ids: ws.write(recs.accept, ids["r1"])),
    (
        "followups.assign_follow_up",
        lambda ws, ids: ids.update(
            fu=ws.write(followups.assign_follow_up, ids["r1"], action="Rekrut CS", owner="Kasubag")
        ),
    ),
    (
        "followups.update_follow_up",
        lambda ws, ids: ws.write(followups.update_follow_up, ids["fu"], progress=100, evidence="SK"),
    ),
    (
        "followups.assign_follow_up",
        lambda ws, ids: ids.update(
            fu2=ws.write(followups.assign_follow_up, ids["r1"], action="Pelatihan", owner="Kasi")
        ),
    ),
    ("followups.remove_follow_up", lambda ws, ids: ws.write(followups.remove_follow_up, ids["fu2"])),
    ("recommendations.complete", lambda ws, ids: ws.write(recs.complete, ids["r1"], "Bukti")),
    ("recommendations.accept", lambda ws, ids: ws.write(recs.accept, ids["r3"])),
    ("escalations.escalate", lambda ws, ids: ids.update(e1=ws.write(escalations.escalate, ids["r3"]))),
    ("escalations.acknowledge", lambda ws, ids: ws.write(escalations.acknowledge, ids["e1"])),
    ("escalations.forward", lambda ws, ids: ids.update(e2=ws.write(escalations.forward, ids["e1"]))),
    ("escalations.answer", lambda ws, ids: ws.write(escalations.answer, ids["e2"], "declined", "Belum")),
    ("escalations.dispute", lambda ws, ids: ws.write(escalations.dispute, ids["e1"], "Belum menjawab")),
    ("escalations.settled", lambda ws, ids: ws.read(escalations.settled, ws.ctx)),
    ("escalations.close_settled", lambda ws, ids: ws.write(escalations.close_settled)),
    ("inbox.received_escalations", lambda ws, ids: ws.read(inbox.received_escalations, ws.ctx, ids["mid"])),
    (
        "closed_days.add_closed_day",
        lambda ws, ids: ids.update(
            closed=ws.write(closed_days.add_closed_day, ids["leaf"], day="2025-04-14", name="Libur daerah")
        ),
    ),
    ("closed_days.remove_closed_day", lambda ws, ids: ws.write(closed_days.remove_closed_day, ids["closed"])),
    ("closed_days.use_calendar", lambda ws, ids: ws.read(closed_days.use_calendar, ws.ctx)),
    (
        "surveys.create_period",
        lambda ws, ids: ids.update(
            period=ws.write(
                surveys.create_period,
                unit_id=ids["leaf"],
                title="SKM 2024",
                starts_on="2024-01-01",
                ends_on="2024-06-30",
                forum_id=ids["forum"],
            )
        ),
    ),
    (
        "surveys.update_period",
        lambda ws, ids: ws.write(surveys.update_period, ids["period"], service_users=50),
    ),
    (
        "surveys.add_response",
        lambda ws, ids: ids.update(answer=ws.write(surveys.add_response, ids["period"], [4] * 9, gender="P")),
    ),
    (
        "surveys.import_responses",
        lambda ws, ids: ws.write(
            surveys.import_responses, ids["period"], [surveys.clean_response([3] * 9, {"age_band": "20-29"})]
        ),
    ),
    ("surveys.remove_response", lambda ws, ids: ws.write(surveys.remove_response, ids["answer"])),
    ("surveys.issue_report", lambda ws, ids: ws.write(surveys.issue_report, ids["period"])),
    ("surveys.reopen_report", lambda ws, ids: ws.write(surveys.reopen_report, ids["period"], "Kuesioner susulan")),
    (
        "survey_actions.add_action",
        lambda ws, ids: ids.update(
            rtl=ws.write(
                survey_actions.add_action, ids["period"], element=8, action="SOP pengaduan", owner="Kasubag"
            )
        ),
    ),
    (
        "survey_actions.update_action",
        lambda ws, ids: ws.write(
            survey_actions.update_action, ids["rtl"], progress=100, realisation="SOP ditetapkan"
        ),
    ),
    ("survey_actions.remove_action", lambda ws, ids: ws.write(survey_actions.remove_action, ids["rtl"])),
    (
        "templates.update_unit_templates",
        lambda ws, ids: ws.write(
            templates.update_unit_templates,
            ids["leaf"],
            invitation_number="UND-1/2024",
            pekppp_indicators={"notes": "2"},
        ),
    ),
    (
        "templates.update_forum_templates",
        lambda ws, ids: ws.write(
            templates.update_forum_templates,
            ids["forum"],
            report_closing="Demikian.",
            invitation_date="2024-08-14",
        ),
    ),
    ("forums.close_forum", lambda ws, ids: ws.write(forums.close_forum, ids["forum"])),
    ("publishing.set_published", lambda ws, ids: ws.write(publishing.set_published, ids["forum"], True)),
    ("frozen.freeze", lambda ws, ids: ws.write(frozen.freeze, ids["forum"], "folio")),
    ("frozen.freeze_pending", lambda ws, ids: _freeze_pending(ws, ids["forum"])),
    ("forums.reopen_forum", lambda ws, ids: ws.write(forums.reopen_forum, ids["forum"], "Salah ketik nama")),
    ("demo.ensure_units", lambda ws, ids: ws.write(demo.ensure_units)),
    ("demo.load_demo", lambda ws, ids: ws.write(demo.load_demo)),
    ("demo.load_sample", lambda ws, ids: ws.write(demo.load_sample)),
    ("demo.remove_sample", lambda ws, ids: ws.write(demo.remove_sample)),
    ("recommendations.start", lambda ws, ids: _start_one(ws)),
    (
        "office.set_up_office",
        lambda ws, ids: ids.update(
            office=ws.write(office.set_up_office, name="Dinas Pendidikan", parent="Pemerintah Kota", logo="")
        ),
    ),
    ("office.office_named", lambda ws, ids: ws.write(office.office_named, "Inspektorat Kota")),
    (
        "office.set_parent_office",
        lambda ws, ids: ws.write(office.set_parent_office, ids["office"], "Sekretariat Daerah"),
    ),
    (
        "office.adopt_deadlines",
        lambda ws, ids: ws.write(office.adopt_deadlines, {"escalation_working_days": 8}),
    ),
    ("units.use_home_office", lambda ws, ids: ws.read(units.use_home_office, ws.ctx)),
    ("conflicts.use_lost_value", lambda ws, ids: ws.write(conflicts.use_lost_value, *_marker(ws, ids, 1))),
    ("conflicts.keep_current", lambda ws, ids: ws.write(conflicts.keep_current, *_marker(ws, ids, 2))),
    ("conflicts.dismiss", lambda ws, ids: ws.write(conflicts.dismiss, *_marker(ws, ids, 3))),
    ("refused.discard", lambda ws, ids: ws.write(refused.discard, _refused_create(ws, ids, "Dibuang"))),
    ("refused.retry", lambda ws, ids: ws.write(refused.retry, _refused_create(ws, ids, "Dikirim lagi"))),
    (
        "refused.copy_as_new",
        lambda ws, ids: ws.write(refused.copy_as_new, _refused_create(ws, ids, "Disalin")),
    ),
    (
        "forums.create_forum",
        lambda ws, ids: ids.update(
            planned=ws.write(forums.create_forum, unit_id=ids["leaf"], title="Rencana", held_on="2024-10-01")
        ),
    ),
    (
        "participants.add_participant",
        lambda ws, ids: ws.write(participants.add_participant, ids["planned"], name="Rina", category="media"),
    ),
    ("agenda.add_item", lambda ws, ids: ws.write(agenda.add_item, ids["planned"], title="Pembukaan")),
    ("forums.delete_forum", lambda ws, ids: ws.write(forums.delete_forum, ids["planned"])),
    ("forums.restore_forum", lambda ws, ids: ws.write(forums.restore_forum, ids["planned"])),
    (
        "attachments.attach",
        lambda ws, ids: ids.update(
            file=ws.write(attachments.attach, AttachmentOwner.FORUM, ids["planned"], SCAN, caption="Daftar hadir")
        ),
    ),
    ("attachments.set_caption", lambda ws, ids: ws.write(attachments.set_caption, ids["file"], "Hadir, bertanda")),
    (
        "attachments.set_kind",
        lambda ws, ids: ws.write(attachments.set_kind, ids["file"], AttachmentKind.ATTENDANCE_SCAN),
    ),
    (
        "attachments.update_attachment",
        lambda ws, ids: ws.write(attachments.update_attachment, ids["file"], caption="Daftar hadir (pindaian)"),
    ),
    ("attachments.remove", lambda ws, ids: ws.write(attachments.remove, ids["file"])),
    ("attachments.restore", lambda ws, ids: ws.write(attachments.restore, ids["file"])),
    # Users last: once the office has them, every protected step needs one signed in.
    (
        "users.create_user",
        lambda ws, ids: ids.update(
            admin=ws.write(
                users.create_user, nip=ADMIN_NIP, name="Admin", roles=["admin", "operator", "kepala"], password=PASSWORD
            ).id
        ),
    ),
    ("acting.sign_in_checked", lambda ws, ids: ws.write(acting.sign_in_checked, ids["admin"])),
    ("acting.sign_in", lambda ws, ids: ws.write(acting.sign_in, ADMIN_NIP, PASSWORD)),
    ("acting.require", lambda ws, ids: ws.read(acting.require, ws.ctx, Act.MANAGE_USERS)),
    (
        "acting.check_change",
        lambda ws, ids: ws.read(acting.check_change, ws.ctx, "users", "update", None, ["name"], ids["admin"]),
    ),
    ("acting.refresh", lambda ws, ids: ws.read(acting.refresh, ws.ctx)),
    (
        "users.create_user",
        lambda ws, ids: ids.update(
            kepala=ws.write(users.create_user, nip=KEPALA_NIP, name="Kepala", roles=["kepala"], password=PASSWORD).id
        ),
    ),
    ("users.update_user", lambda ws, ids: ws.write(users.update_user, ids["kepala"], jabatan="Kepala Kantor")),
    ("users.set_password", lambda ws, ids: ws.write(users.set_password, ids["admin"], PASSWORD, PASSWORD + "!")),
    ("users.reset_password", lambda ws, ids: ws.write(users.reset_password, ids["kepala"], PASSWORD + "?")),
    ("users.deactivate_user", lambda ws, ids: ws.write(users.deactivate_user, ids["kepala"], ids["admin"])),
    ("users.reactivate_user", lambda ws, ids: ws.write(users.reactivate_user, ids["kepala"])),
]


def _freeze_pending(ws: Workspace, forum_id: str) -> None:
    """A forum listed at the upgrade whose minutes are frozen already needs none (the freezing
    itself is tests/services/test_frozen.py's)."""
    with ws.store.write() as session:
        session.add(PendingFreeze(forum_id=forum_id))
    assert ws.write(frozen.freeze_pending) == 0
def _marker(ws: Workspace, ids: dict[str, Any], n: int) -> tuple[str, str, str, str]:
    """A "changed elsewhere" marker on the first recommendation, as a pull leaves it."""
    loser = f"00170000000000{n}-000000-elsewhere"
    with ws.store.remote_write() as session:
        session.add(
            Conflict(
                entity="recommendations",
                entity_id=ids["r1"],
                register="text",
                loser_hlc=loser,
                winner={"text": "Customer service"},
                loser={"text": f"Versi lain {n}"},
                winner_hlc="001800000000000-000000-here",
            )
        )
    return "recommendations", ids["r1"], "text", loser


def _refused_create(ws: Workspace, ids: dict[str, Any], text: str) -> str:
    """A recommendation the server refused to create, as the sync sets it aside; its action."""
    action, at = new_id(), "2024-08-21T10:00:00+00:00"
    fields = {
        **{f.name: None if f.nullable else "" for f in RECOMMENDATIONS.fields},
        **{"forum_id": ids["forum"], "text": text, "scope": "unit", "priority": 2, "votes": 3},
        **{"vote_counts": {}, "status": "proposed", "unit_id": ids["leaf"], "created_at": at, "at": at},
    }
    with ws.store.remote_write() as session:
        session.add(
            RejectedOp(
                op_id=new_id(),
                action_id=action,
                entity="recommendations",
                entity_id=new_id(),
                kind="create",
                fields=fields,
                hlc="001700000000000-000000-here",
                reason="refused",
                code="action_refused",
            )
        )
    return action


def _start_one(ws: Workspace) -> None:
    with ws.store.read() as session:
        rec = session.scalars(
            select(Recommendation).where(Recommendation.status == "accepted", Recommendation.scope == "unit")
        ).first()
        assert rec is not None
    ws.write(recs.start, rec.id)


def test_every_service_step_is_journaled(ws: Workspace) -> None:
    ids: dict[str, Any] = {}
    for name, step in STEPS:
        before = state(ws)
        step(ws, ids)
        after = state(ws)
        try:
            assert_journaled(before, after)
        except AssertionError as exc:
            raise AssertionError(f"{name}: {exc}") from exc


def _public_service_functions() -> set[str]:
    """Every public function of desktop.services.* whose first parameters are (session, ctx)."""
    found = set()
    for info in pkgutil.iter_modules([str(Path(desktop.services.__file__).parent)]):
        module = import_module(f"desktop.services.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__ or name.startswith("_"):
                continue
            params = list(inspect.signature(fn).parameters)
            if params[:2] == ["session", "ctx"]:
                found.add(f"{info.name}.{name}")
    return found


def test_every_public_service_function_is_exercised() -> None:
    missing = _public_service_functions() - {name for name, _ in STEPS}
    assert not missing, f"add these to STEPS: {sorted(missing)}"


def test_a_failed_action_leaves_no_outbox_entry(ws: Workspace) -> None:
    ids: dict[str, Any] = {}
    for _, step in STEPS[:6]:
        step(ws, ids)
    before = state(ws)
    with pytest.raises(Exception, match="Scope must be chosen"):
        ws.write(recs.add_recommendation, ids["forum"], text="Tanpa ranah")
    assert state(ws).outbox == before.outbox


def test_a_change_outside_the_journal_is_refused(ws: Workspace) -> None:
    ids: dict[str, Any] = {}
    for _, step in STEPS[:6]:
        step(ws, ids)
    rid = ws.write(recs.add_recommendation, ids["forum"], text="Asli", scope="unit")
    with pytest.raises(ProgrammingError, match="changed outside the journal"), ws.store.write() as session:
        row = session.get(Recommendation, rid)
        assert row is not None
        row.text = "diubah diam-diam"
    with pytest.raises(ProgrammingError, match="hard-deleted"), ws.store.write() as session:
        session.delete(session.get(Recommendation, rid))
    with ws.store.read() as session:
        assert session.get(Recommendation, rid).text == "Asli"  # type: ignore[union-attr]


def test_outbox_operation_shapes(ws: Workspace) -> None:
    ids: dict[str, Any] = {}
    for _, step in STEPS[:26]:
        step(ws, ids)
    ws.write(recs.vote, ids["r1"])
    ws.write(recs.accept, ids["r1"])
    with ws.store.read() as session:
        ops = [
            op
            for op in session.scalars(select(OutboxOp).order_by(OutboxOp.device_seq))
            if op.entity == "recommendations" and op.entity_id == ids["r1"]
        ]
    kinds = [op.kind for op in ops]
    assert kinds == ["create", "counter", "transition"]
    create, increment, transition = ops
    assert create.fields["text"] == "CS" and create.fields["scope"] == "unit"
    # A vote carries this device's whole contribution, not a delta; votes are no register.
    assert {k: v for k, v in increment.fields.items() if k != "at"} == {
        "field": "votes",
        "key": ws.ctx.device_id,
        "value": 1,
    }
    assert "at" in increment.fields
    assert len({create.action_id, increment.action_id, transition.action_id}) == 3  # three actions
    assert transition.fields["action"] == "accept" and transition.fields["from"] == "proposed"
    assert transition.fields["fields"]["status"] == "accepted"
    assert transition.fields["base"] == {"status": create.hlc}  # it was made on top of the creation
    assert set(transition.fields["fields"]) == set(Recommendation.__registers__["status"])
    ws.write(recs.edit_recommendation, ids["r1"], text="Customer service diperkuat")
    with ws.store.read() as session:
        edit = session.scalars(
            select(OutboxOp).order_by(OutboxOp.device_seq.desc()).where(OutboxOp.entity == "recommendations")
        ).first()
    assert edit is not None and edit.kind == "update"
    assert edit.fields["set"] == {"text": "Customer service diperkuat"}
    assert set(edit.fields["base"]) == {"text"} and edit.fields["base"]["text"] < edit.hlc
    seqs = [op.device_seq for op in ops]
    assert seqs == sorted(seqs)
    assert create.hlc < increment.hlc < transition.hlc


def _actions_after(ws: Workspace, device_seq: int) -> list[str]:
    """The action ids of the operations queued after `device_seq`, in order, one per run."""
    with ws.store.read() as session:
        ids = session.scalars(
            select(OutboxOp.action_id).where(OutboxOp.device_seq > device_seq).order_by(OutboxOp.device_seq)
        ).all()
    return [a for n, a in enumerate(ids) if n == 0 or ids[n - 1] != a]


def _last_seq(ws: Workspace) -> int:
    with ws.store.read() as session:
        return max(session.scalars(select(OutboxOp.device_seq)).all(), default=0)


def test_one_user_action_is_one_action(ws: Workspace) -> None:
    """Every operation of one local transaction shares one action id (the server applies them
    all or none), whichever services and journals it went through; a bulk action on N items
    is N actions; no two transactions share one."""
    ids: dict[str, Any] = {}
    seen: set[str] = set()
    # An import is one action per row.
    bulk = {"participants.import_participants": 1, "surveys.import_responses": 1}
    for name, step in STEPS:
        start = _last_seq(ws)
        step(ws, ids)
        runs = _actions_after(ws, start)
        assert len(runs) == len(set(runs)), f"{name}: an action's operations are not consecutive"
        if name in bulk:
            assert len(runs) == bulk[name], name
        elif name != "participants.remove_participant":  # two transactions in that step
            assert len(runs) <= 1, f"{name}: one transaction queued {len(runs)} actions"
        assert not seen & set(runs), f"{name}: an action id of an earlier transaction came back"
        seen |= set(runs)
    # A bulk import of three people: three actions.
    start = _last_seq(ws)
    rows = [{"name": f"Peserta {n}", "category": "akademisi"} for n in range(3)]
    ws.write(participants.import_participants, ids["forum"], rows)
    assert len(_actions_after(ws, start)) == 3


def test_an_action_larger_than_a_push_is_refused_as_a_bug(ws: Workspace) -> None:
    """A push never splits an action and holds at most 1,000 operations: a service that queued
    more in one action (a bulk loop without start_action) is a bug, caught here, not a queue
    that can never be sent."""
    ids: dict[str, Any] = {}
    for _, step in STEPS[:6]:
        step(ws, ids)

    def many(session: Any, ctx: Any) -> None:
        for n in range(501):
            participants.add_participant(session, ctx, ids["forum"], name=f"P{n}", category="media")

    before = state(ws)
    with pytest.raises(ProgrammingError, match="start_action"):
        ws.write(many)
    assert state(ws).outbox == before.outbox
