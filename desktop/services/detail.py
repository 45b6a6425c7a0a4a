"""Everything the triage board shows about one recommendation."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.i18n import N_
from desktop.core.vocab import ForumStatus
from desktop.models import Escalation, FollowUp, Forum, Participant, Recommendation, Unit
from desktop.services.attention import ConflictItem, record_conflict_items
from desktop.services.escalations import escalations_of, may_answer, waiting_to_sync
from desktop.services.history import HistoryLine, history_of
from desktop.services.lifecycle import allowed_actions
from desktop.services.lookup import load
from desktop.services.status_reasons import reason_words
from domain.deadlines import WAITING


@dataclass(frozen=True)
class RecommendationDetail:
    rec: Recommendation
    forum_title: str
    forum_closed: bool  # what was said in it is final: its text can no longer change
    raised_by: str
    actions: list[str]  # life-cycle actions possible now
    follow_ups: list[FollowUp]
    escalations: list[Escalation]
    reason: str  # its status reason, worded in the language of the moment
    unsynced: frozenset[str]  # of `escalations`, those still in this laptop's outbox
    answerable: list[Escalation]  # waiting for the answer this laptop's office may give
    changed_elsewhere: list[ConflictItem]
    history: list[HistoryLine]


def recommendation_detail(session: Session, rec_id: str, device_id: str = "") -> RecommendationDetail:
    rec = load(session, Recommendation, rec_id, N_("Recommendation"))
    forum = session.get(Forum, rec.forum_id)
    raiser = session.get(Participant, rec.raised_by_id) if rec.raised_by_id else None
    follow_ups = list(
        session.scalars(
            select(FollowUp)
            .where(FollowUp.recommendation_id == rec.id, FollowUp.deleted.is_(False))
            .order_by(FollowUp.created_at)
        )
    )
    sent = escalations_of(session, rec.id)
    addressee = session.get(Unit, sent[-1].to_unit_id) if sent else None
    survivor = session.get(Recommendation, rec.merged_into_id) if rec.merged_into_id else None
    reason = reason_words(
        rec.status,
        rec.status_reason,
        escalated_to=addressee.name if addressee else "",
        merged_into=survivor.text if survivor else "",
    )
    return RecommendationDetail(
        rec=rec,
        forum_title=forum.title if forum else "",
        forum_closed=forum is None or forum.status == ForumStatus.CLOSED,
        raised_by=raiser.name if raiser else "",
        actions=allowed_actions(rec.status, rec.scope),
        follow_ups=follow_ups,
        escalations=sent,
        reason=reason,
        unsynced=waiting_to_sync(session, sent),
        answerable=[e for e in sent if e.status in WAITING and may_answer(session, e)],
        changed_elsewhere=record_conflict_items(session, "recommendations", rec.id, device_id),
        history=history_of(session, rec.id),
    )
