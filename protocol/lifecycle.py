"""The three life cycles (recommendation, forum, escalation) asked the same way on both sides.

The transitions are the protocol's entity table (`protocol.entities`: each action's source
statuses, target and scope); the laptop offers and checks an action with `may`, and the server
refuses a pushed transition that `may` refuses (`stale_transition`). The answer of an
escalation travels down the chain of escalations it was forwarded along, and to the
recommendation of the office that first escalated it: `chain_below` and
`answers_recommendation` say which records it reaches, on the laptop that records the answer
and on the server that applies it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from protocol.entities import RECOMMENDATIONS, Entity


def may(entity: Entity, action: str, status: str, scope: str | None = None) -> bool:
    """Whether `action` may move a record of `entity` that is `status` (of `scope`, for a
    recommendation) on."""
    rule = entity.actions[action]
    return status in rule.sources and (rule.scope is None or rule.scope == scope)


def allowed(entity: Entity, status: str, scope: str | None = None) -> list[str]:
    """The actions a record that is `status` may take now, in the table's order."""
    return [name for name in entity.actions if may(entity, name, status, scope)]


def target(entity: Entity, action: str) -> str:
    return entity.actions[action].target


@dataclass(frozen=True)
class Link:
    """An escalation as the chain rule reads it: the office that sent it (its owner), the office
    it is addressed to, the escalation it was forwarded from, the one it was forwarded to."""

    id: str
    unit_id: str
    to_unit_id: str
    previous_id: str | None
    forwarded_to_id: str | None


def chain_below(answered: Link, lookup: Callable[[str], Link | None]) -> list[Link]:
    """The escalations below `answered` that its answer reaches, nearest first: each one that the
    office above received and forwarded to the next (no other office's escalation, whatever an
    id claims). `lookup` gives an escalation by id (None: not known here)."""
    below: list[Link] = []
    later = answered
    while later.previous_id:
        earlier = lookup(later.previous_id)
        if earlier is None or earlier.to_unit_id != later.unit_id or earlier.forwarded_to_id != later.id:
            break
        below.append(earlier)
        later = earlier
    return below


def answers_recommendation(first: Link, rec_unit_id: str, rec_status: str, rec_scope: str | None) -> bool:
    """Whether the answer reaches the recommendation: it is the one of the office that sent the
    first escalation of the chain (`first`), and it is waiting for an answer."""
    return rec_unit_id == first.unit_id and may(RECOMMENDATIONS, "answer", rec_status, rec_scope)
