"""What "overdue" means, in one place: a follow-up not done by its due date, or an escalation
still waiting for its answer after its due date (a disputed one waits again)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import CompoundSelect, select

from desktop.core.vocab import FollowUpStatus
from desktop.models import Escalation, FollowUp
from domain.deadlines import WAITING

__all__ = ["WAITING", "overdue_ids_query"]


def overdue_ids_query(today: date, rec_ids: Sequence[str] | None = None) -> CompoundSelect[Any]:
    """Ids of the recommendations (among `rec_ids`, if given) that are overdue on `today`."""
    late_follow_ups = select(FollowUp.recommendation_id).where(
        FollowUp.deleted.is_(False), FollowUp.status != FollowUpStatus.DONE, FollowUp.due_on < today
    )
    late_escalations = select(Escalation.recommendation_id).where(
        Escalation.deleted.is_(False), Escalation.status.in_(WAITING), Escalation.due_on < today
    )
    if rec_ids is not None:
        late_follow_ups = late_follow_ups.where(FollowUp.recommendation_id.in_(rec_ids))
        late_escalations = late_escalations.where(Escalation.recommendation_id.in_(rec_ids))
    return late_follow_ups.union(late_escalations)
