"""The unit's public page on the server (issue 17): a forum is published there by an action of the
kepala (audited: "publish" / "unpublish", synced as the forum's `published` flag), and the
follow-up report carries a QR code to that page once the office names the server's public
address (`public_url`, an office setting)."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.errors import InputError
from desktop.core.i18n import N_, tr
from desktop.core.vocab import ForumStatus
from desktop.models import Forum, Unit
from desktop.services.context import Context
from desktop.services.journal import Journal
from desktop.services.lookup import load
from protocol.public import public_page_url

URL_RE = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d{1,5})?(/[A-Za-z0-9._~/-]*)?$")
MAX_URL = 120


def set_published(session: Session, ctx: Context, forum_id: str, published: bool) -> None:
    """Publish a closed forum on the unit's public page, or take it off again (any time)."""
    forum = load(session, Forum, forum_id, N_("Forum"))
    if published and forum.status != ForumStatus.CLOSED:
        raise InputError(
            tr("Only a closed forum can be published: its minutes and recommendations are final then.")
        )
    if forum.published != published:
        Journal(session, ctx).update(forum, "publish" if published else "unpublish", published=published)


def check_public_url(value: Any) -> str:
    """The server's public address: empty (no QR code), or http(s)://host[:port][/path]."""
    cleaned = "" if value is None else str(value).strip()
    if not cleaned:
        return ""
    if len(cleaned) > MAX_URL or not URL_RE.match(cleaned):
        raise InputError(
            tr(
                "The public address {value!r} is not a web address: write it as "
                "https://server.example.go.id (at most {limit} characters).",
                value=cleaned,
                limit=MAX_URL,
            ),
            field="public_url",
        )
    return cleaned.rstrip("/")


def public_address(unit: Unit | None) -> str | None:
    """The unit's public page, when the office named the server's public address."""
    if unit is None or not unit.public_url or not unit.code:
        return None
    return public_page_url(unit.public_url, unit.code)
