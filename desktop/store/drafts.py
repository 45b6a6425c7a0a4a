"""Typing not yet saved (a recommendation in the entry line, a name at the door), kept in the
data folder so that a crash or a power cut does not take it.

Each draft is written within a moment of the typing, by a thread of its own (the typing never
waits on the disk), atomically: a temporary file is written, flushed to the disk and renamed over
the old one, so the file is always either the previous or the new version, never half of one.
A draft is removed as soon as its typing is saved or dropped, and all are removed when the app
closes normally: drafts found at start come from a crash, and are offered back.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Forum, Participant, Recommendation

DRAFTS_FILENAME = "drafts.json"
FORMAT = 1
log = logging.getLogger("mufakat.drafts")


@dataclass(frozen=True)
class Draft:
    forum_id: str
    kind: str  # "capture" or "attendance"
    fields: dict[str, str]
    at: str  # when it was last typed (ISO, UTC)

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.forum_id}"


class Drafts:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / DRAFTS_FILENAME
        self._entries = {draft.key: draft for draft in self.load()}
        self._changed = threading.Condition()
        self._version = 0  # bumped by every change; the writer writes the newest it sees
        self._written = 0
        self._closing = False
        self._writer = threading.Thread(target=self._write_changes, name="mufakat-drafts", daemon=True)
        self._writer.start()

    # -- reading ----------------------------------------------------------------------------
    def load(self) -> list[Draft]:
        """What the file holds (a damaged or foreign file holds nothing, and is logged)."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return [
                Draft(str(d["forum_id"]), str(d["kind"]), {k: str(v) for k, v in d["fields"].items()}, str(d["at"]))
                for d in raw["drafts"]
            ]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            log.error("cannot read the drafts in %s: %s", self.path, exc)
            return []

    def all(self) -> list[Draft]:
        with self._changed:
            return list(self._entries.values())

    def of(self, forum_id: str, kind: str) -> Draft | None:
        with self._changed:
            return self._entries.get(f"{kind}:{forum_id}")

    # -- writing ----------------------------------------------------------------------------
    def keep(self, forum_id: str, kind: str, fields: dict[str, str]) -> None:
        """Keep this typing (only fields with text count); nothing typed removes the draft."""
        typed = {name: value for name, value in fields.items() if value.strip()}
        draft = Draft(forum_id, kind, typed, datetime.now(UTC).isoformat()) if typed else None
        with self._changed:
            if draft is None and self._entries.pop(f"{kind}:{forum_id}", None) is None:
                return
            if draft is not None:
                self._entries[draft.key] = draft
            self._version += 1
            self._changed.notify()

    def drop(self, forum_id: str, kind: str) -> None:
        self.keep(forum_id, kind, {})

    def clear(self) -> None:
        with self._changed:
            if not self._entries:
                return
            self._entries.clear()
            self._version += 1
            self._changed.notify()

    def flush(self, timeout_s: float = 5.0) -> bool:
        """Wait until the file holds every change made so far."""
        with self._changed:
            return self._changed.wait_for(lambda: self._written >= self._version, timeout_s)

    def close(self) -> None:
        self.flush()
        with self._changed:
            self._closing = True
            self._changed.notify()
        self._writer.join(timeout=5)

    def _write_changes(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._closing or self._written < self._version)
                if self._closing and self._written >= self._version:
                    return
                version, entries = self._version, list(self._entries.values())
            try:
                self._write(entries)
            except OSError as exc:  # a full or read-only disk: the typing itself is still on screen
                log.error("cannot write the drafts to %s: %s", self.path, exc)
            with self._changed:
                self._written = max(self._written, version)
                self._changed.notify_all()

    def _write(self, entries: list[Draft]) -> None:
        if not entries:
            self.path.unlink(missing_ok=True)
            return
        body = json.dumps(
            {
                "format": FORMAT,
                "drafts": [
                    {"forum_id": d.forum_id, "kind": d.kind, "fields": d.fields, "at": d.at} for d in entries
                ],
            },
            ensure_ascii=False,
            indent=1,
        )
        temporary = self.path.with_suffix(".tmp")
        with temporary.open("w", encoding="utf-8") as handle:
            handle.write(body)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(self.path)
        if hasattr(os, "O_DIRECTORY"):  # the rename itself reaches the disk (POSIX)
            folder = os.open(self.path.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)


def still_unsaved(session: Session, draft: Draft) -> bool:
    """Whether the draft's forum still exists and its typing did not reach the database before
    the app stopped (the save can land just before the draft's removal does)."""
    forum = session.get(Forum, draft.forum_id)
    if forum is None or forum.deleted:
        return False
    if draft.kind == "capture" and (text := draft.fields.get("text", "").strip()):
        return (
            session.scalar(
                select(Recommendation.id).where(
                    Recommendation.forum_id == forum.id,
                    Recommendation.text == text,
                    Recommendation.deleted.is_(False),
                )
            )
            is None
        )
    if draft.kind == "attendance" and (name := draft.fields.get("name", "").strip()):
        return (
            session.scalar(
                select(Participant.id).where(
                    Participant.forum_id == forum.id,
                    Participant.name == name,
                    Participant.attended.is_(True),
                    Participant.deleted.is_(False),
                )
            )
            is None
        )
    return bool(draft.fields)
