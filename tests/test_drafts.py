"""The draft file: typing not yet saved, kept in the data folder through a crash; written whole
or not at all, removed once nothing is left unsaved, and judged against the database at start
(a line saved just before the crash is not offered again)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.app.workspace import Workspace
from desktop.services import forums, participants
from desktop.services import recommendations as recs
from desktop.store.drafts import DRAFTS_FILENAME, Draft, Drafts, still_unsaved
from tests.helpers import make_tree


@pytest.fixture
def drafts(tmp_path: Path) -> Iterator[Drafts]:
    made = Drafts(tmp_path)
    yield made
    made.close()


def test_typing_is_written_and_read_back_by_the_next_start(tmp_path: Path, drafts: Drafts) -> None:
    drafts.keep("f1", "capture", {"text": "Perkuat layanan", "raised_by": "", "scope": "policy"})
    assert drafts.flush()
    stored = json.loads((tmp_path / DRAFTS_FILENAME).read_text(encoding="utf-8"))
    assert stored["drafts"][0]["fields"] == {"text": "Perkuat layanan", "scope": "policy"}
    again = Drafts(tmp_path)
    try:
        [draft] = again.all()
        assert (draft.forum_id, draft.kind, draft.fields["text"]) == ("f1", "capture", "Perkuat layanan")
    finally:
        again.close()


def test_nothing_left_unsaved_leaves_no_file(tmp_path: Path, drafts: Drafts) -> None:
    drafts.keep("f1", "attendance", {"name": "Yohanis"})
    drafts.keep("f1", "capture", {"text": "Usulan"})
    drafts.drop("f1", "attendance")
    assert drafts.flush() and [d.kind for d in Drafts(tmp_path).all()] == ["capture"]
    drafts.keep("f1", "capture", {"text": "  "})  # only blanks: nothing to keep
    assert drafts.flush() and not (tmp_path / DRAFTS_FILENAME).exists()


def test_a_damaged_file_or_a_leftover_temporary_does_not_stop_the_app(tmp_path: Path) -> None:
    (tmp_path / DRAFTS_FILENAME).write_text("{half a fi", encoding="utf-8")
    (tmp_path / "drafts.tmp").write_text("{also half", encoding="utf-8")  # a crash during a write
    drafts = Drafts(tmp_path)
    try:
        assert drafts.all() == []
        drafts.keep("f1", "capture", {"text": "Baru"})
        assert drafts.flush()
        assert json.loads((tmp_path / DRAFTS_FILENAME).read_text(encoding="utf-8"))["drafts"][0]["fields"] == {
            "text": "Baru"
        }
    finally:
        drafts.close()


def test_a_draft_already_saved_or_of_a_deleted_forum_is_not_offered(ws: Workspace) -> None:
    tree = make_tree(ws)
    ws.write(recs.add_recommendation, tree.forum, text="Sudah tersimpan", scope="unit")
    person = ws.write(participants.add_participant, tree.forum, name="Ana", category="satker")

    def unsaved(kind: str, **fields: str) -> bool:
        return ws.read(still_unsaved, Draft(tree.forum, kind, fields, "2026-11-30T01:00:00+00:00"))

    assert not unsaved("capture", text="Sudah tersimpan")
    assert unsaved("capture", text="Belum tersimpan")
    assert unsaved("attendance", name="Ana")  # listed, not signed in yet
    ws.write(participants.sign_in, person)
    assert not unsaved("attendance", name="Ana")
    ws.write(forums.delete_forum, tree.forum)
    assert not unsaved("capture", text="Belum tersimpan")
