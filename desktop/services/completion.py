"""What completing follow-up takes, in one place: a follow-up action set to 100 % or a
recommendation marked done needs its evidence, a text or an attached file (a photo of the new
counter, the signed decree's scan); an office that sets "completion needs an attached file"
(a field of the unit: synced to its laptops, audited) asks for a file, the text then optional.
And what completion does to the actions: a recommendation marked done has its actions done too
(100 %, the day it was marked), so no screen or paper reads "0 % (planned)" beside "done"."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError
from desktop.core.i18n import tr
from desktop.core.vocab import FollowUpStatus
from desktop.models import Attachment, FollowUp, Unit
from desktop.services.context import Context
from desktop.services.journal import Journal

DONE = 100  # percent: an action at this progress is done


def status_for(progress: int) -> FollowUpStatus:
    """An action's status follows its progress: planned at 0 %, in progress, done at 100 %."""
    if progress >= DONE:
        return FollowUpStatus.DONE
    return FollowUpStatus.IN_PROGRESS if progress > 0 else FollowUpStatus.PLANNED


def needs_file(session: Session, unit_id: str | None) -> bool:
    """Whether the office asks for an attached file to complete follow-up."""
    unit = session.get(Unit, unit_id) if unit_id else None
    return bool(unit is not None and unit.completion_needs_file)


def files_attached(session: Session, owner_ids: list[str]) -> int:
    """Live files attached to any of these records."""
    if not owner_ids:
        return 0
    query = (
        select(func.count())
        .select_from(Attachment)
        .where(Attachment.owner_id.in_(owner_ids), Attachment.deleted.is_(False))
    )
    return int(session.scalar(query) or 0)


def check_evidence(
    session: Session, unit_id: str, text: str, owner_ids: list[str], field: str = "evidence"
) -> None:
    """Refuse a completion without its evidence: a file on one of `owner_ids` when the office
    asks for one, else a text or a file."""
    has_file = files_attached(session, owner_ids) > 0
    if needs_file(session, unit_id):
        if not has_file:
            raise InputError(
                tr(
                    "The office asks for an attached photo or file as evidence of completion: "
                    "attach one (“Add photo/file…”), then mark it done."
                ),
                field=field,
            )
    elif not text.strip() and not has_file:
        raise InputError(
            tr("Describe the evidence, or attach a photo or file, before marking it done (100%)."),
            field=field,
        )


def finish_actions(session: Session, ctx: Context, rec_id: str) -> int:
    """The recommendation is done: each of its actions not done yet is done today (its evidence
    is the recommendation's: not copied, so a report of an earlier day does not show it). How
    many were finished."""
    open_ones = session.scalars(
        select(FollowUp).where(
            FollowUp.recommendation_id == rec_id,
            FollowUp.deleted.is_(False),
            FollowUp.status != FollowUpStatus.DONE,
        )
    ).all()
    for item in open_ones:
        Journal(session, ctx).update(item, progress=DONE, status=FollowUpStatus.DONE, completed_on=ctx.today())
    return len(open_ones)
