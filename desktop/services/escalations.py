"""Escalation of policy recommendations up the hierarchy (eskalasi berjenjang) and the answers.

The recommendation's own unit escalates to its parent with a due date in working days; the
parent acknowledges (due within 3 working days, SP4N-LAPOR!), answers (adopted or declined,
with the answer) or forwards one level up. The answer of the last office in the chain becomes
the recommendation's answer. The sending office may dispute an answer (sanggah) up to the 10th
working day after it: it goes back to the office above and the recommendation waits again; an
answer not disputed by then closes the escalation (selesai), which the sending office's laptops
record (`close_settled`). The rules are `domain.deadlines`', which the server checks too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError, TransitionError
from desktop.core.i18n import N_, tr
from desktop.core.vocab import EscalationStatus, Outcome, RecStatus, label
from desktop.models import DeviceState, Escalation, Forum, OutboxOp, Recommendation, Unit
from desktop.services import fields as f
from desktop.services import lifecycle
from desktop.services.context import Context
from desktop.services.journal import Journal, start_action
from desktop.services.lookup import load
from desktop.services.office import is_enrolled
from domain import deadlines
from protocol import lifecycle as life
from protocol.entities import ESCALATIONS

NOTE = f.text(N_("Note"), required=False, max_len=5000)
ANSWER = f.text(N_("Answer"), max_len=10_000)
OUTCOME = f.choice(Outcome, N_("Outcome"))
DISPUTE = f.text(N_("Why the answer is disputed"), max_len=10_000)


@dataclass(frozen=True)
class Subject:
    """What travels with an escalation: the recommendation and its forum, as text."""

    rec_id: str
    rec_text: str
    forum_title: str
    forum_held_on: date


def _send(
    session: Session, ctx: Context, subject: Subject, from_unit: Unit, note: str, previous: Escalation | None
) -> Escalation:
    if not from_unit.parent_id:
        if is_enrolled(session):
            raise InputError(
                tr(
                    "{unit} has no parent office on the server to escalate to. Ask the server's "
                    "administrator to set one; the recommendation stays accepted meanwhile.",
                    unit=from_unit.name,
                )
            )
        raise InputError(
            tr(
                "{unit} has no parent office to escalate to. Name it in Settings, under Office: "
                "Parent office. Escalations then wait on this laptop until it syncs with a server.",
                unit=from_unit.name,
            )
        )
    parent = load(session, Unit, from_unit.parent_id, N_("Parent unit"))
    sent_at = ctx.now()
    escalation = Escalation(
        unit_id=from_unit.id,
        recommendation_id=subject.rec_id,
        from_unit_id=from_unit.id,
        to_unit_id=parent.id,
        previous_id=previous.id if previous else None,
        sent_at=sent_at,
        due_on=ctx.calendar.add_working_days(ctx.today(), ctx.escalation_working_days),
        ack_due_on=deadlines.ack_due(ctx.today(), ctx.calendar),
        status=EscalationStatus.SENT,
        note=note,
        rec_text=subject.rec_text,
        forum_title=subject.forum_title,
        forum_held_on=subject.forum_held_on,
    )
    Journal(session, ctx).create(escalation)
    return escalation


def escalate(session: Session, ctx: Context, rec_id: str, note: str = "") -> str:
    """Send an accepted policy recommendation to the parent office of its forum's unit."""
    rec = load(session, Recommendation, rec_id, N_("Recommendation"))
    target = lifecycle.check("escalate", rec.status, rec.scope)
    forum = load(session, Forum, rec.forum_id, N_("Forum"))
    unit = load(session, Unit, forum.unit_id, N_("Unit"))
    subject = Subject(rec.id, rec.text, forum.title, forum.held_on)
    escalation = _send(session, ctx, subject, unit, NOTE(note), None)
    Journal(session, ctx).transition(
        rec,
        "escalate",
        status=target,
        status_at=ctx.now(),
        status_by=ctx.actor,
        status_reason="",  # worded when shown, from the escalation (desktop/services/status_reasons.py)
    )
    return escalation.id


def _open_escalation(session: Session, escalation_id: str, action: str) -> Escalation:
    """The escalation, if the office it is addressed to may still `action` it (the protocol's
    life cycle: it waits for that office)."""
    escalation = load(session, Escalation, escalation_id, N_("Escalation"))
    if not life.may(ESCALATIONS, action, escalation.status):
        raise TransitionError(
            tr("This escalation is already {status}.", status=label(escalation.status).lower())
        )
    return escalation


def acknowledge(session: Session, ctx: Context, escalation_id: str) -> None:
    escalation = _open_escalation(session, escalation_id, "acknowledge")
    # Sent, or disputed (the office above receives the dispute); received already: nothing to do.
    if escalation.status != EscalationStatus.ACKNOWLEDGED:
        Journal(session, ctx).transition(escalation, "acknowledge", status=EscalationStatus.ACKNOWLEDGED)


def forward(session: Session, ctx: Context, escalation_id: str, note: str = "") -> str:
    """The receiving office passes the escalation one level further up."""
    escalation = _open_escalation(session, escalation_id, "forward")
    receiver = load(session, Unit, escalation.to_unit_id, N_("Unit"))
    subject = Subject(
        escalation.recommendation_id, escalation.rec_text, escalation.forum_title, escalation.forum_held_on
    )
    onward = _send(session, ctx, subject, receiver, NOTE(note), escalation)
    Journal(session, ctx).transition(
        escalation,
        "forward",
        status=EscalationStatus.FORWARDED,
        forwarded_to_id=onward.id,
        answered_by=ctx.actor,
        answered_at=ctx.now(),
    )
    return onward.id


def may_answer(session: Session, escalation: Escalation) -> bool:
    """Only the office an escalation was sent to answers it (the server refuses any other, the
    sending office too). A laptop not on a server keeps every office it records and answers
    for them all."""
    state = session.get(DeviceState, 1)
    if state is None or not state.server_url:
        return True
    return escalation.to_unit_id == state.home_unit_id


def answer(session: Session, ctx: Context, escalation_id: str, outcome: Outcome | str, text: str) -> None:
    """Answer an escalation; the whole chain below it and the recommendation get the answer (the
    protocol's chain rule, which the server applies too; on a server, the server brings it down:
    the recommendation is the sending office's)."""
    escalation = _open_escalation(session, escalation_id, "answer")
    if not may_answer(session, escalation):
        addressee = session.get(Unit, escalation.to_unit_id)
        raise InputError(
            tr(
                "Only {unit}, to which this escalation was sent, can answer it; its answer reaches "
                "this laptop when both sync.",
                unit=addressee.name if addressee else escalation.to_unit_id,
            )
        )
    result = OUTCOME(outcome)
    reply = ANSWER(text)
    journal = Journal(session, ctx)
    now = ctx.now()

    def lookup(escalation_id: str) -> life.Link | None:
        found = session.get(Escalation, escalation_id)
        return _link(found) if found is not None else None

    below = [session.get(Escalation, link.id) for link in life.chain_below(_link(escalation), lookup)]
    chain = [escalation, *(each for each in below if each is not None)]
    for each in chain:
        journal.transition(
            each,
            "answer",
            status=EscalationStatus.ANSWERED,
            answer=reply,
            outcome=result,
            answered_by=ctx.actor,
            answered_at=now,
            forwarded_to_id=each.forwarded_to_id,
        )
    rec = session.get(Recommendation, chain[-1].recommendation_id)
    # On a laptop keeping both offices (not on a server; there the server brings the answer down),
    # to the office that first escalated it, if it still waits for the answer.
    if (
        rec is not None
        and not rec.deleted
        and not is_enrolled(session)
        and life.answers_recommendation(_link(chain[-1]), rec.unit_id, rec.status, rec.scope)
    ):
        target = lifecycle.check("answer", rec.status, rec.scope)
        journal.transition(
            rec,
            "answer",
            status=target,
            status_at=now,
            status_by=ctx.actor,
            status_reason=reply,
            outcome=result,
        )


def _link(escalation: Escalation) -> life.Link:
    return life.Link(
        escalation.id,
        escalation.unit_id,
        escalation.to_unit_id,
        escalation.previous_id,
        escalation.forwarded_to_id,
    )


def ack_due_of(sent_at: datetime, stored: date | None, ctx: Context) -> date:
    """The day the office above should acknowledge an escalation by: as fixed when it was sent,
    or, for one sent before Mufakat kept it, counted now (3 working days, SP4N-LAPOR!)."""
    return stored or deadlines.ack_due(deadlines.local_day(sent_at, ctx.zone), ctx.calendar)


def _answered_on(escalation: Escalation, ctx: Context) -> date:
    assert escalation.answered_at is not None
    return deadlines.local_day(escalation.answered_at, ctx.zone)


def dispute_until(escalation: Escalation, ctx: Context) -> date | None:
    """The last day the sending office may dispute the escalation's answer (None: no answer)."""
    if escalation.answered_at is None:
        return None
    return deadlines.dispute_until(_answered_on(escalation, ctx), ctx.calendar)


def may_dispute(escalation: Escalation, ctx: Context) -> bool:
    """Answered, and its dispute window still open today (the laptop offers "dispute")."""
    until = dispute_until(escalation, ctx)
    return escalation.status == EscalationStatus.ANSWERED and until is not None and ctx.today() <= until


def dispute(session: Session, ctx: Context, escalation_id: str, reason: str) -> None:
    """The sending office does not accept the answer (sanggah): the escalation goes back to the
    office above, and its recommendation waits for an answer again. One action."""
    escalation = load(session, Escalation, escalation_id, N_("Escalation"))
    sender = load(session, Unit, escalation.unit_id, N_("Unit"))
    if ctx.home_unit_id is not None and escalation.unit_id != ctx.home_unit_id:
        raise InputError(
            tr("Only {unit}, which sent this escalation, can dispute its answer.", unit=sender.name)
        )
    if not life.may(ESCALATIONS, "dispute", escalation.status):
        raise TransitionError(
            tr(
                "Only an answer can be disputed; this escalation is {status}.",
                status=label(escalation.status).lower(),
            )
        )
    until = dispute_until(escalation, ctx)
    if until is None or ctx.today() > until:
        raise TransitionError(
            tr(
                "The answer could be disputed until {until} (10 working days); the escalation is "
                "settled (selesai).",
                until=until.strftime("%d-%m-%Y") if until else "-",
            )
        )
    why = DISPUTE(reason)
    now = ctx.now()
    journal = Journal(session, ctx)
    journal.transition(
        escalation, "dispute", status=EscalationStatus.DISPUTED, dispute_reason=why, disputed_at=now
    )
    rec = session.get(Recommendation, escalation.recommendation_id)
    if (
        rec is not None
        and not rec.deleted
        and rec.unit_id == escalation.unit_id
        and rec.status == RecStatus.ANSWERED
    ):
        target = lifecycle.check("dispute", rec.status, rec.scope)
        journal.transition(
            rec,
            "dispute",
            status=target,
            status_at=now,
            status_by=ctx.actor,
            status_reason=why,  # the office's own words; "Answer disputed: …" when shown
            outcome=None,
        )


def settled(session: Session, ctx: Context) -> list[Escalation]:
    """This office's answered escalations whose dispute window is over today."""
    if ctx.home_unit_id is None:
        return []
    answered = session.scalars(
        select(Escalation).where(
            Escalation.unit_id == ctx.home_unit_id,
            Escalation.status == EscalationStatus.ANSWERED,
            Escalation.deleted.is_(False),
        )
    )
    today = ctx.today()
    return [
        e
        for e in answered
        if e.answered_at is not None and deadlines.may_close(_answered_on(e, ctx), today, ctx.calendar)
    ]


def close_settled(session: Session, ctx: Context) -> int:
    """Close (selesai) each answered escalation of this office that was not disputed within its
    window; each is an action of its own. Returns how many."""
    done = settled(session, ctx)
    journal = Journal(session, ctx)
    for escalation in done:
        start_action(session)
        journal.transition(escalation, "close", status=EscalationStatus.DONE)
    return len(done)


def waiting_to_sync(session: Session, escalations: list[Escalation]) -> frozenset[str]:
    """Those of `escalations` whose sending still waits in this laptop's outbox: the server
    (and so the office above) does not have them yet. A laptop not on a server keeps them
    there until it is enrolled."""
    ids = [e.id for e in escalations]
    if not ids:
        return frozenset()
    waiting = select(OutboxOp.entity_id).where(
        OutboxOp.entity == ESCALATIONS.name, OutboxOp.kind == "create", OutboxOp.entity_id.in_(ids)
    )
    return frozenset(session.scalars(waiting))


def escalations_of(session: Session, rec_id: str) -> list[Escalation]:
    return list(
        session.scalars(
            select(Escalation).where(Escalation.recommendation_id == rec_id).order_by(Escalation.sent_at)
        )
    )
