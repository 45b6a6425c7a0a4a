"""Recommendations: live capture, editing, votes, and the transitions of the life cycle."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError, NotFoundError, TransitionError
from desktop.core.i18n import N_, tr
from desktop.core.vocab import RecCategory, RecStatus, Scope, label
from desktop.models import AgendaItem, FollowUp, Forum, Participant, Recommendation
from desktop.services import completion, lifecycle
from desktop.services import fields as f
from desktop.services.context import Context
from desktop.services.forums import open_forum, require_open
from desktop.services.journal import Journal
from desktop.services.lookup import load, load_fields
from domain import counters

RULES: dict[str, f.Validator] = {
    "text": f.text(N_("Recommendation"), max_len=5000),
    "scope": f.choice(Scope, N_("Scope")),
    "category": f.choice(RecCategory, N_("Topic"), required=False),
    "priority": f.integer(N_("Priority"), 1, 3),
    "votes": f.integer(N_("Votes"), 0, 100_000),
    "agenda_item_id": lambda v: v or None,
    "raised_by_id": lambda v: v or None,
    "response": f.text(N_("Response"), required=False, max_len=5000),
}
EDITABLE = ("text", "category", "priority", "agenda_item_id", "raised_by_id", "response")
REASON = f.text(N_("Reason"), max_len=5000)
EVIDENCE = f.text(N_("Evidence of completion"), max_len=5000)


def _check_links(session: Session, forum_id: str, data: dict[str, Any]) -> None:
    """The agenda item and the person who raised it must belong to the same forum."""
    if data.get("agenda_item_id"):
        item = load_fields(session, AgendaItem, data["agenda_item_id"], N_("Agenda item"), "forum_id")
        if item.forum_id != forum_id:
            raise InputError(tr("That agenda item belongs to another forum."), field="agenda_item_id")
    if data.get("raised_by_id"):
        person = load_fields(
            session, Participant, data["raised_by_id"], N_("Participant"), "forum_id", "name"
        )
        if person.forum_id != forum_id:
            raise InputError(
                tr("{name} is a participant of another forum, not of this one.", name=person.name),
                field="raised_by_id",
            )


def add_recommendation(session: Session, ctx: Context, forum_id: str, **values: Any) -> str:
    forum = load_fields(session, Forum, forum_id, N_("Forum"), "id", "unit_id", "status", "title")
    require_open(forum)
    data = f.require(RULES, values, "text", "scope")
    _check_links(session, forum.id, data)
    rec = Recommendation(forum_id=forum.id, unit_id=forum.unit_id, status=RecStatus.PROPOSED, **data)
    # Votes counted before it was typed are this device's contribution.
    rec.vote_counts = counters.with_contribution({}, ctx.device_id, rec.votes or 0)
    Journal(session, ctx).create(rec)
    return rec.id


def _captured(session: Session, rec_id: str) -> Recommendation:
    """A recommendation whose forum is still open: what was said (its text, who said it, its
    votes) is fixed once the forum is closed; its triage is not."""
    rec = load(session, Recommendation, rec_id, N_("Recommendation"))
    open_forum(session, rec.forum_id)
    return rec


def edit_recommendation(session: Session, ctx: Context, rec_id: str, **changes: Any) -> None:
    rec = _captured(session, rec_id)
    not_editable = set(changes) - set(EDITABLE)
    if not_editable:
        raise InputError(
            tr(
                "These fields change through their own action, not by editing: {names}.",
                names=", ".join(sorted(not_editable)),
            )
        )
    data = f.clean(RULES, changes)
    _check_links(session, rec.forum_id, data)
    Journal(session, ctx).update(rec, **data)


def correct_recommendation(session: Session, ctx: Context, rec_id: str, **changes: Any) -> None:
    """What capture set, corrected in one action (the edit dialog): the text, the topic, who
    raised it and the agenda item while its forum is open, the scope while the life cycle allows
    it. The history records each field changed, with what it was and what it became."""
    scope = changes.pop("scope", None)
    if scope is not None:
        change_scope(session, ctx, rec_id, scope)
    if changes:
        edit_recommendation(session, ctx, rec_id, **changes)


def change_scope(session: Session, ctx: Context, rec_id: str, scope: Scope | str) -> None:
    rec = load(session, Recommendation, rec_id, N_("Recommendation"))
    new_scope = RULES["scope"](scope)
    if new_scope == rec.scope:
        return
    if rec.status not in lifecycle.SCOPE_CHANGE_STATUSES:
        raise TransitionError(
            tr(
                "The scope can no longer change: the recommendation is {status}. It can change "
                "while proposed or accepted.",
                status=label(rec.status).lower(),
            )
        )
    Journal(session, ctx).update(rec, "change_scope", scope=new_scope)


def vote(session: Session, ctx: Context, rec_id: str, delta: int = 1) -> None:
    rec = _captured(session, rec_id)
    if delta not in (1, -1):
        raise InputError(tr("A vote adds or removes one."))
    if rec.status == RecStatus.MERGED:
        raise TransitionError(tr("This recommendation was merged; vote on the one it was merged into."))
    if rec.votes + delta < 0:
        raise InputError(tr("Votes cannot go below zero."))
    mine = (rec.vote_counts or {}).get(ctx.device_id, 0)
    Journal(session, ctx).counter(
        rec, "votes", ctx.device_id, mine + delta, "vote" if delta > 0 else "unvote"
    )


def _transition(session: Session, ctx: Context, rec: Recommendation, action: str, **register: Any) -> None:
    target = lifecycle.check(action, rec.status, rec.scope)
    Journal(session, ctx).transition(
        rec, action, status=target, status_at=ctx.now(), status_by=ctx.actor, **register
    )


def accept(session: Session, ctx: Context, rec_id: str) -> None:
    rec = load(session, Recommendation, rec_id, N_("Recommendation"))
    _transition(session, ctx, rec, "accept", status_reason="")


def reject(session: Session, ctx: Context, rec_id: str, reason: str) -> None:
    rec = load(session, Recommendation, rec_id, N_("Recommendation"))
    lifecycle.check("reject", rec.status, rec.scope)
    _transition(session, ctx, rec, "reject", status_reason=REASON(reason))


def merge(session: Session, ctx: Context, rec_id: str, into_id: str) -> None:
    """Merge a duplicate into another recommendation of the same forum; its votes move over
    (under `merge:<duplicate>`, which the server sets from its own count when it applies the
    merge). The status change and the votes are one action: refused together, or applied."""
    rec = load(session, Recommendation, rec_id, N_("Recommendation"))
    survivor = load(session, Recommendation, into_id, N_("Recommendation"))
    lifecycle.check("merge", rec.status, rec.scope)
    if survivor.id == rec.id:
        raise InputError(tr("A recommendation cannot be merged into itself."))
    if survivor.forum_id != rec.forum_id:
        raise InputError(tr("Only recommendations of the same forum can be merged."))
    if survivor.status in (RecStatus.MERGED, RecStatus.REJECTED):
        raise TransitionError(
            tr("Cannot merge into a recommendation that is {status}.", status=label(survivor.status).lower())
        )
    _transition(
        session,
        ctx,
        rec,
        "merge",
        merged_into_id=survivor.id,
        status_reason="",  # worded when shown, from the survivor (desktop/services/status_reasons.py)
    )
    Journal(session, ctx).counter(survivor, "votes", counters.merge_key(rec.id), rec.votes, "merge_votes")


def start(session: Session, ctx: Context, rec_id: str) -> None:
    rec = load(session, Recommendation, rec_id, N_("Recommendation"))
    _transition(session, ctx, rec, "start", status_reason="")


def complete(session: Session, ctx: Context, rec_id: str, evidence: str) -> None:
    """Mark done with its evidence (a text, or files attached to it or to its actions; a file
    when the office asks for one); its actions not done yet are done with it."""
    rec = load(session, Recommendation, rec_id, N_("Recommendation"))
    lifecycle.check("complete", rec.status, rec.scope)
    text = EVIDENCE(evidence) if evidence.strip() else ""
    actions = list(session.scalars(select(FollowUp.id).where(FollowUp.recommendation_id == rec.id)))
    completion.check_evidence(session, rec.unit_id, text, [rec.id, *actions], field="status_reason")
    _transition(session, ctx, rec, "complete", status_reason=text)
    completion.finish_actions(session, ctx, rec.id)


def delete_recommendation(session: Session, ctx: Context, rec_id: str) -> None:
    """Remove a recommendation typed by mistake; only while it is still proposed."""
    rec = _captured(session, rec_id)
    if rec.status != RecStatus.PROPOSED:
        raise TransitionError(
            tr("Only a proposed recommendation can be deleted; reject this one with a reason instead.")
        )
    Journal(session, ctx).delete(rec)


def restore_recommendation(session: Session, ctx: Context, rec_id: str) -> str:
    """Undo a deletion: the same recommendation is in its forum again (its id, its history, its
    votes), while the forum is open. Its tombstone is lifted by an audited operation of its own
    that travels as the deletion did (a restore: the later of the two wins on every laptop)."""
    gone = session.get(Recommendation, rec_id)
    if gone is None or not gone.deleted:
        raise NotFoundError(
            tr("{what} {id} does not exist (or was deleted).", what=tr(N_("Recommendation")), id=rec_id)
        )
    open_forum(session, gone.forum_id)
    Journal(session, ctx).restore(gone)
    return gone.id
