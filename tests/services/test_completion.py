"""Completing follow-up: its evidence (a text or a file; a file when the office asks for one) and
what it does to the actions (a recommendation marked done has its actions done too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError
from desktop.core.vocab import FollowUpStatus, RecStatus
from desktop.models import FollowUp, Recommendation
from desktop.services import attachments, followups, units
from desktop.services import recommendations as recs
from protocol.vocab import AttachmentOwner
from tests.attachments import samples
from tests.helpers import make_tree


def _started(ws: Workspace) -> tuple[str, str, str]:
    tree = make_tree(ws)
    rid = ws.write(recs.add_recommendation, tree.forum, text="Perluas ruang tunggu", scope="unit")
    ws.write(recs.accept, rid)
    fid = ws.write(followups.assign_follow_up, rid, action="Tambah kursi", owner="Kasubag Umum")
    return tree.leaf, rid, fid


def _follow_up(ws: Workspace, fid: str) -> FollowUp:
    with ws.store.read() as session:
        item = session.get(FollowUp, fid)
        assert item is not None
        session.expunge(item)
        return item


def test_marking_the_recommendation_done_finishes_its_actions(ws: Workspace) -> None:
    _office, rid, fid = _started(ws)
    assert _follow_up(ws, fid).status == FollowUpStatus.PLANNED
    ws.write(recs.complete, rid, "Foto ruang tunggu baru")
    item = _follow_up(ws, fid)
    assert (item.progress, item.status, item.completed_on) == (100, FollowUpStatus.DONE, ws.ctx.today())
    assert item.evidence == ""  # the recommendation's evidence is its own (a report as of before shows none)


def test_an_action_done_before_keeps_its_own_evidence_and_day(ws: Workspace) -> None:
    _office, rid, fid = _started(ws)
    ws.write(followups.update_follow_up, fid, progress=100, evidence="BAST kursi")
    before = _follow_up(ws, fid)
    ws.write(recs.complete, rid, "Semua selesai")
    after = _follow_up(ws, fid)
    assert (after.evidence, after.completed_on, after.updated_at) == (
        "BAST kursi",
        before.completed_on,
        before.updated_at,
    )


def test_a_file_is_evidence_enough_when_no_text_is_given(ws: Workspace, tmp_path: Path) -> None:
    _office, rid, fid = _started(ws)
    with pytest.raises(InputError, match="Describe the evidence, or attach a photo or file"):
        ws.write(recs.complete, rid, "  ")
    with pytest.raises(InputError, match="Describe the evidence, or attach a photo or file"):
        ws.write(followups.update_follow_up, fid, progress=100)
    photo = attachments.store_file(ws.files, samples.phone_photo(tmp_path / "kursi.jpg", (800, 600)))
    ws.write(attachments.attach, AttachmentOwner.FOLLOW_UP, fid, photo)
    ws.write(followups.update_follow_up, fid, progress=100)
    assert _follow_up(ws, fid).status == FollowUpStatus.DONE
    ws.write(recs.complete, rid, "")  # the action's photo is the recommendation's evidence too
    with ws.store.read() as session:
        assert session.get(Recommendation, rid).status == RecStatus.DONE  # type: ignore[union-attr]


def test_the_office_can_require_an_attached_file(ws: Workspace, tmp_path: Path) -> None:
    office, rid, fid = _started(ws)
    ws.write(units.update_unit, office, completion_needs_file="ya")
    with pytest.raises(InputError, match="asks for an attached photo or file"):
        ws.write(followups.update_follow_up, fid, progress=100, evidence="Kursi sudah dipasang")
    with pytest.raises(InputError, match="asks for an attached photo or file"):
        ws.write(recs.complete, rid, "Kursi sudah dipasang")
    ws.write(followups.update_follow_up, fid, progress=60)  # progress short of done needs nothing
    with ws.store.read() as session:
        assert session.get(Recommendation, rid).status == RecStatus.IN_PROGRESS  # type: ignore[union-attr]
    assert _follow_up(ws, fid).progress == 60
    scan = attachments.store_file(ws.files, samples.pdf(tmp_path / "bast.pdf"))
    ws.write(attachments.attach, AttachmentOwner.RECOMMENDATION, rid, scan)
    ws.write(recs.complete, rid, "")  # text optional once a file is there
    assert _follow_up(ws, fid).status == FollowUpStatus.DONE


def test_a_removed_file_is_no_evidence(ws: Workspace, tmp_path: Path) -> None:
    office, rid, _fid = _started(ws)
    ws.write(units.update_unit, office, completion_needs_file=True)
    scan = attachments.store_file(ws.files, samples.pdf(tmp_path / "bast.pdf"))
    aid = ws.write(attachments.attach, AttachmentOwner.RECOMMENDATION, rid, scan)
    ws.write(attachments.remove, aid)
    with pytest.raises(InputError, match="asks for an attached photo or file"):
        ws.write(recs.complete, rid, "BAST")
