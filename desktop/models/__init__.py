"""SQLAlchemy models of the local store. Import from here; the submodules are one area each."""

from desktop.models.attachment import Attachment
from desktop.models.base import Base, Synced, utcnow
from desktop.models.forum import AgendaItem, Forum, Participant
from desktop.models.journal import (
    AuditEvent,
    Conflict,
    DeviceState,
    ExampleUnit,
    ImportedOp,
    OutboxOp,
    RejectedOp,
    SeenNews,
)
from desktop.models.minutes import FrozenMinutes, PendingFreeze, SurveyReport
from desktop.models.org import ClosedDay, Unit
from desktop.models.recommendation import Escalation, FollowUp, Recommendation
from desktop.models.survey import SurveyAction, SurveyPeriod, SurveyResponse
from desktop.models.user import User

# Every synced table, parents before children (the order export and sync walk them in).
SYNCED_MODELS: tuple[type[Synced], ...] = (
    Unit,
    User,
    ClosedDay,
    Forum,
    Participant,
    AgendaItem,
    Recommendation,
    FollowUp,
    Attachment,
    Escalation,
    SurveyPeriod,
    SurveyResponse,
    SurveyAction,
    SurveyReport,
    FrozenMinutes,
    AuditEvent,
)
MODEL_BY_TABLE: dict[str, type[Synced]] = {m.__tablename__: m for m in SYNCED_MODELS}

__all__ = [
    "MODEL_BY_TABLE",
    "SYNCED_MODELS",
    "AgendaItem",
    "Attachment",
    "AuditEvent",
    "Base",
    "ClosedDay",
    "Conflict",
    "DeviceState",
    "Escalation",
    "ExampleUnit",
    "FollowUp",
    "Forum",
    "FrozenMinutes",
    "ImportedOp",
    "OutboxOp",
    "Participant",
    "PendingFreeze",
    "Recommendation",
    "RejectedOp",
    "SeenNews",
    "SurveyAction",
    "SurveyPeriod",
    "SurveyReport",
    "SurveyResponse",
    "Synced",
    "Unit",
    "User",
    "utcnow",
]
