"""Forums: planning, details, and the planned → running → closed life."""

from __future__ import annotations

from datetime import time
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError, NotFoundError, TransitionError
from desktop.core.i18n import N_, number, tr, translate_to
from desktop.core.vocab import ForumMode, ForumStatus, RecStatus, label
from desktop.models import AgendaItem, AuditEvent, Forum, Participant, Recommendation, Unit
from desktop.services import fields as f
from desktop.services import frozen, units
from desktop.services import signatory_roles as roles
from desktop.services.context import Context
from desktop.services.journal import Journal
from desktop.services.lookup import load
from protocol import lifecycle as life
from protocol.entities import FORUMS
from protocol.vocab import Paper

RULES: dict[str, f.Validator] = {
    "title": f.text(N_("Title")),
    "theme": f.text(N_("Theme"), required=False, max_len=2000),
    "held_on": f.day(N_("Date")),
    "starts_at": f.clock_time(N_("Start time")),
    "ends_at": f.clock_time(N_("End time")),
    "venue": f.text(N_("Venue"), required=False),
    "mode": f.choice(ForumMode, N_("Mode")),
    "facilitator": f.text(N_("Facilitator"), required=False, max_len=120),
    "moderator": f.text(N_("Moderator"), required=False, max_len=120),
    "note_taker": f.text(N_("Note-taker"), required=False, max_len=120),
    "document_number": f.text(N_("Document number"), required=False, max_len=120),
    "summary": f.text(N_("Discussion summary"), required=False, max_len=50_000),
    "agreements": f.text(N_("Agreements"), required=False, max_len=50_000),
    "signatories": f.signatory_list(N_("Signatories")),
}

ACTION_LABELS = {"start": N_("start"), "close": N_("close"), "reopen": N_("reopen")}
# The actions of the protocol's forum life cycle (`protocol.lifecycle`, which the server checks
# too); "reopen" comes with a reason, kept in the audit trail.
REOPEN_REASON = f.text(N_("Reason for reopening"), max_len=2000)
PAPER = f.choice(Paper, N_("Paper"))


def require_open(forum: Forum | Row[Any]) -> None:
    """A closed forum's content is final (its minutes are signed on the day): what was said,
    who came, the agenda and the agreements cannot change until it is reopened. Triage of its
    recommendations (status, scope, merges, follow-up) goes on."""
    if forum.status == ForumStatus.CLOSED:
        raise TransitionError(
            tr(
                "The forum “{title}” is closed: its minutes are final, so this cannot change. "
                "To change it, reopen the forum (Details, with the reason).",
                title=forum.title,
            )
        )


def open_forum(session: Session, forum_id: str) -> Forum:
    """The forum, loaded, if its content may still change (see `require_open`)."""
    forum = load(session, Forum, forum_id, N_("Forum"))
    require_open(forum)
    return forum


def default_signatories(unit: Unit) -> list[dict[str, str]]:
    """Head of the unit and a representative of the public (DOMAIN.md, configurable per forum).
    Their roles are stored as codes, worded when shown and printed (`signatory_roles`); the
    head's title is the office's own, or its Indonesian default: it is printed as it is."""
    head_title = unit.head_title or translate_to("id", N_("Head of {unit}")).format(unit=unit.name)
    return [
        {"role": roles.HEAD_OF_UNIT, "name": unit.head_name, "nip": unit.head_nip, "title": head_title},
        {"role": roles.PUBLIC_REPRESENTATIVE, "name": "", "nip": "", "title": ""},
    ]


def _coded(data: dict[str, Any]) -> dict[str, Any]:
    """The values to store: the signatories' roles the app words, by their codes (a role shown
    in the table in the words of the moment and saved back is the same role)."""
    if "signatories" in data:
        data["signatories"] = roles.coded(data["signatories"])
    return data


def _check_times(starts: time | None, ends: time | None) -> None:
    if starts is not None and ends is not None and ends <= starts:
        raise InputError(
            tr(
                "The end time {end} must be later than the start time {start}.",
                end=ends.strftime("%H:%M"),
                start=starts.strftime("%H:%M"),
            ),
            field="ends_at",
        )


def create_forum(session: Session, ctx: Context, *, unit_id: str, **values: Any) -> str:
    unit = load(session, Unit, unit_id, N_("Unit"))
    data = _coded(f.require(RULES, values, "title", "held_on"))
    _check_times(data.get("starts_at"), data.get("ends_at"))
    data.setdefault("signatories", default_signatories(unit))
    forum = Forum(unit_id=unit.id, status=ForumStatus.PLANNED, **data)
    Journal(session, ctx).create(forum)
    return forum.id


def update_forum(session: Session, ctx: Context, forum_id: str, **changes: Any) -> None:
    forum = open_forum(session, forum_id)
    data = _coded(f.clean(RULES, changes))
    _check_times(data.get("starts_at", forum.starts_at), data.get("ends_at", forum.ends_at))
    Journal(session, ctx).update(forum, **data)


def _move(session: Session, ctx: Context, forum_id: str, action: str, reason: str = "") -> None:
    forum = load(session, Forum, forum_id, N_("Forum"))
    if not life.may(FORUMS, action, forum.status):
        allowed = [tr(ACTION_LABELS[name]) for name in life.allowed(FORUMS, forum.status)]
        raise TransitionError(
            tr(
                "Cannot {action} a forum that is {status}. Allowed now: {allowed}.",
                action=tr(ACTION_LABELS[action]),
                status=label(forum.status).lower(),
                allowed=", ".join(allowed) or tr("nothing"),
            )
        )
    Journal(session, ctx).transition(
        forum,
        action,
        reason=reason,
        status=ForumStatus(life.target(FORUMS, action)),
        status_at=ctx.now(),
        status_by=ctx.actor,
    )


def start_forum(session: Session, ctx: Context, forum_id: str) -> None:
    _move(session, ctx, forum_id, "start")


def close_forum(
    session: Session,
    ctx: Context,
    forum_id: str,
    *,
    document_number: str | None = None,
    signatories: list[dict[str, str]] | None = None,
    paper: str = Paper.A4,
    city: str | None = None,
    venue: str | None = None,
) -> str:
    """Running → closed, and its berita acara frozen as it is now (one action): the number and
    the signatories and the venue given here (asked for when empty) are set first, and the office's city
    (where its documents are signed, asked for while the office has none) is kept for the
    office. Returns the frozen minutes' id."""
    if city is not None and city.strip():
        forum = load(session, Forum, forum_id, N_("Forum"))
        units.update_unit(session, ctx, forum.unit_id, city=city)
    changes: dict[str, Any] = {}
    if document_number is not None:
        changes["document_number"] = document_number
    if signatories is not None:
        changes["signatories"] = signatories
    if venue is not None and venue.strip():
        changes["venue"] = venue.strip()
    chosen = PAPER(paper)
    if changes:
        update_forum(session, ctx, forum_id, **changes)
    _move(session, ctx, forum_id, "close")
    return frozen.freeze(session, ctx, forum_id, chosen)


def reopen_forum(session: Session, ctx: Context, forum_id: str, reason: str) -> None:
    """Closed → running again, to correct what the minutes say; the reason is audited."""
    _move(session, ctx, forum_id, "reopen", REOPEN_REASON(reason))


# What goes with a planned forum that is deleted, and comes back when it is restored: its
# invitation list, its agenda and the recommendations typed for it (each a tombstone of its own,
# in the same action, so the server applies all of it or none).
CHILDREN: tuple[type[Participant | AgendaItem | Recommendation], ...] = (Recommendation, Participant, AgendaItem)
WITH_FORUM = "delete_with_forum"  # the audited action of a child deleted with its forum


def delete_forum(session: Session, ctx: Context, forum_id: str) -> None:
    """Only a planned forum can be deleted; one that took place is evidence and stays. Its
    invitation list, agenda and typed recommendations go with it, as one step (undone by
    `restore_forum`); a recommendation already acted on (accepted, rejected…) has a life of
    its own, and keeps the forum until it is dealt with."""
    forum = load(session, Forum, forum_id, N_("Forum"))
    if forum.status != ForumStatus.PLANNED:
        raise TransitionError(
            tr(
                "Only a planned forum can be deleted; this one is {status}.",
                status=label(forum.status).lower(),
            )
        )
    acted_on = session.scalar(
        select(func.count())
        .select_from(Recommendation)
        .where(
            Recommendation.forum_id == forum.id,
            Recommendation.deleted.is_(False),
            Recommendation.status != RecStatus.PROPOSED,
        )
    )
    if acted_on:
        raise TransitionError(
            tr(
                "The forum “{title}” cannot be deleted: {n} of its recommendations were already "
                "triaged (accepted, rejected or merged). Keep the forum, or hold it and record "
                "what happened.",
                title=forum.title,
                n=number(int(acted_on)),
            )
        )
    journal = Journal(session, ctx)
    for model in CHILDREN:
        for child in session.scalars(select(model).where(model.forum_id == forum.id, model.deleted.is_(False))):
            journal.delete(child, WITH_FORUM)
    journal.delete(forum)


def restore_forum(session: Session, ctx: Context, forum_id: str) -> str:
    """Undo the deletion of a planned forum: the same forum is in the list again (its id, its
    history), with the invitation list, agenda and recommendations deleted with it (not those
    deleted on their own before) and the survey period to be discussed at it, which still points
    at it. Each tombstone is lifted by an audited restore that travels as the deletion did."""
    gone = session.get(Forum, forum_id)
    if gone is None or not gone.deleted:
        raise NotFoundError(tr("{what} {id} does not exist (or was deleted).", what=tr(N_("Forum")), id=forum_id))
    journal = Journal(session, ctx)
    journal.restore(gone)
    for model in reversed(CHILDREN):  # a recommendation's participant and agenda item first
        for child in session.scalars(select(model).where(model.forum_id == gone.id, model.deleted.is_(True))):
            if _last_action(session, model.__tablename__, child.id) == WITH_FORUM:
                journal.restore(child)
    return gone.id


def _last_action(session: Session, entity: str, entity_id: str) -> str | None:
    """The audited action that last changed a record (its deletion, for a tombstone)."""
    return session.scalar(
        select(AuditEvent.action)
        .where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id)
        .order_by(AuditEvent.hlc.desc())
        .limit(1)
    )
