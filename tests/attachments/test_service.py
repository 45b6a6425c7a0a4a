"""Attachments as records: saved after their file, on a forum, a recommendation or a follow-up,
each file once per record, removed with a tombstone (undoable), and counted per forum."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError, NotFoundError
from desktop.models import Attachment, OutboxOp
from desktop.services import attachments, followups
from desktop.services import recommendations as recs
from protocol.vocab import AttachmentKind, AttachmentOwner
from tests.attachments import samples
from tests.helpers import make_tree

FORUM = AttachmentOwner.FORUM


def test_a_photo_is_stored_then_recorded_and_queued(ws: Workspace, tmp_path: Path) -> None:
    tree = make_tree(ws)
    stored = attachments.store_file(ws.files, samples.phone_photo(tmp_path / "IMG_1.jpg", (3000, 2000)))
    assert ws.files.has(stored.sha256)
    aid = ws.write(attachments.attach, FORUM, tree.forum, stored, caption="Sesi tanya jawab")
    items = ws.read(attachments.attachments_of, tree.forum)
    assert [(i.id, i.kind, i.caption, i.width, i.added_by) for i in items] == [
        (aid, AttachmentKind.PHOTO, "Sesi tanya jawab", 1365, "Tester")  # upright: 1365 × 2048
    ]
    with ws.store.read() as session:
        ops = list(session.scalars(select(OutboxOp).where(OutboxOp.entity == "attachments")))
    assert len(ops) == 1 and ops[0].fields["sha256"] == stored.sha256


def test_the_same_file_twice_is_stored_once_and_refused_on_one_record(ws: Workspace, tmp_path: Path) -> None:
    tree = make_tree(ws)
    source = samples.pdf(tmp_path / "undangan.pdf")
    first = attachments.store_file(ws.files, source)
    ws.write(attachments.attach, FORUM, tree.forum, first)
    again = attachments.store_file(ws.files, source)
    assert again == first
    with pytest.raises(InputError, match="is attached here already"):
        ws.write(attachments.attach, FORUM, tree.forum, again)
    assert len(ws.read(attachments.attachments_of, tree.forum)) == 1
    assert len([p for p in ws.files.root.rglob("*") if p.is_file()]) == 1


def test_attachments_on_recommendations_and_follow_ups_count_for_their_forum(ws: Workspace, tmp_path: Path) -> None:
    tree = make_tree(ws)
    rid = ws.write(recs.add_recommendation, tree.forum, text="Perluas ruang tunggu", scope="unit")
    ws.write(recs.accept, rid)
    fid = ws.write(followups.assign_follow_up, rid, action="Tambah kursi", owner="Kasubag Umum")
    pdf = attachments.store_file(ws.files, samples.pdf(tmp_path / "a.pdf"))
    photo = attachments.store_file(ws.files, samples.phone_photo(tmp_path / "b.jpg", (800, 600)))
    ws.write(attachments.attach, AttachmentOwner.RECOMMENDATION, rid, pdf)
    ws.write(attachments.attach, AttachmentOwner.FOLLOW_UP, fid, photo, caption="Kursi baru")
    ws.write(attachments.attach, FORUM, tree.forum, pdf)  # the same file: counted once
    assert ws.read(attachments.forum_disk_use, tree.forum) == pdf.size + photo.size
    assert len(ws.read(attachments.forum_attachments, tree.forum)) == 3
    with pytest.raises(InputError, match="signed attendance list belongs to a forum"):
        ws.write(attachments.attach, AttachmentOwner.FOLLOW_UP, fid, pdf, AttachmentKind.ATTENDANCE_SCAN)
    with pytest.raises(NotFoundError):
        ws.write(attachments.attach, FORUM, "no-such-forum", pdf)


def test_the_signed_attendance_scan_is_its_own_kind(ws: Workspace, tmp_path: Path) -> None:
    tree = make_tree(ws)
    scan = attachments.store_file(ws.files, samples.pdf(tmp_path / "daftar hadir.pdf"))
    assert not ws.read(attachments.has_attendance_scan, tree.forum)
    aid = ws.write(attachments.attach, FORUM, tree.forum, scan)
    ws.write(attachments.set_kind, aid, AttachmentKind.ATTENDANCE_SCAN)
    assert ws.read(attachments.has_attendance_scan, tree.forum)
    with pytest.raises(InputError, match="is not a photo"):
        ws.write(attachments.set_kind, aid, AttachmentKind.PHOTO)


def test_removing_is_a_tombstone_that_undo_lifts(ws: Workspace, tmp_path: Path) -> None:
    tree = make_tree(ws)
    stored = attachments.store_file(ws.files, samples.pdf(tmp_path / "a.pdf"))
    aid = ws.write(attachments.attach, FORUM, tree.forum, stored)
    ws.write(attachments.remove, aid)
    assert ws.read(attachments.attachments_of, tree.forum) == []
    with ws.store.read() as session:
        row = session.get(Attachment, aid)
        assert row is not None and row.deleted
    assert ws.files.has(stored.sha256)  # the file stays: the removal can be undone
    ws.write(attachments.restore, aid)
    assert [i.id for i in ws.read(attachments.attachments_of, tree.forum)] == [aid]


def test_a_caption_is_checked_and_saved(ws: Workspace, tmp_path: Path) -> None:
    tree = make_tree(ws)
    stored = attachments.store_file(ws.files, samples.pdf(tmp_path / "a.pdf"))
    aid = ws.write(attachments.attach, FORUM, tree.forum, stored)
    ws.write(attachments.set_caption, aid, "Pembukaan oleh Kepala Kantor")
    with pytest.raises(InputError):
        ws.write(attachments.set_caption, aid, "x" * 1001)
    assert ws.read(attachments.attachments_of, tree.forum)[0].caption == "Pembukaan oleh Kepala Kantor"


def test_a_photo_gets_a_print_copy_made_again_when_lost(ws: Workspace, tmp_path: Path) -> None:
    from PIL import Image

    stored = attachments.store_file(ws.files, samples.phone_photo(tmp_path / "a.jpg", (3000, 2000)))
    copy = ws.files.print_copy(stored.sha256)
    assert copy is not None and copy.parent == ws.files.root / "print"
    with Image.open(copy) as image:
        assert image.size == (683, 1024)  # upright, 2,048 px halved: about 300 dpi in a report box
    copy.unlink()
    again = ws.files.print_copy(stored.sha256)
    assert again == copy and again.is_file()
    ws.files.path_of(stored.sha256).unlink()  # the photo itself gone: no copy either
    assert ws.files.print_copy(stored.sha256) is None


def test_a_caption_changed_on_two_laptops_is_settled_like_any_field(ws: Workspace, tmp_path: Path) -> None:
    """The editor a "changed elsewhere" marker uses takes the caption and the kind, by the
    same rules as the screen."""
    from desktop.services.conflicts import EDITORS

    tree = make_tree(ws)
    stored = attachments.store_file(ws.files, samples.pdf(tmp_path / "a.pdf"))
    aid = ws.write(attachments.attach, FORUM, tree.forum, stored)
    editor, fields = EDITORS["attachments"]
    assert fields == {"caption", "kind"}
    ws.write(editor, aid, caption="Daftar hadir", kind="attendance_scan")
    item = ws.read(attachments.attachments_of, tree.forum)[0]
    assert (item.caption, item.kind) == ("Daftar hadir", AttachmentKind.ATTENDANCE_SCAN)
    with pytest.raises(InputError, match="is not a photo"):
        ws.write(editor, aid, kind="photo")
