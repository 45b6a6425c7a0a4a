"""The recommendation life cycle of DESIGN.md as one table, so every layer checks the same rules.

```
proposed ──accept──▶ accepted ──(unit scope)──▶ in_progress ──▶ done
   │                    └──(policy scope)──▶ escalated ──▶ answered (adopted | declined)
   ├──reject (reason)──▶ rejected                  │  ▲        │
   └──merge──▶ merged (into another …)           forward   └─dispute (sanggah, within
                                          (one level up)         10 working days)
```
The statuses each action starts from and leads to are the protocol's (`protocol.entities`),
which the server checks pushed transitions against; this module adds what people read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.core.errors import TransitionError
from desktop.core.i18n import N_, tr
from desktop.core.vocab import RecStatus, Scope, label
from protocol import lifecycle as life
from protocol.entities import RECOMMENDATIONS


@dataclass(frozen=True)
class Action:
    name: str
    label: str  # English source, translated when shown
    sources: frozenset[RecStatus]
    target: RecStatus
    scope: Scope | None = None  # the scope the recommendation must have, if any


LABELS = {
    "accept": N_("accept"),
    "reject": N_("reject"),
    "merge": N_("merge"),
    "start": N_("start follow-up"),
    "complete": N_("mark done"),
    "escalate": N_("escalate"),
    "answer": N_("record the answer"),
    "dispute": N_("dispute the answer"),
}
ACTIONS: dict[str, Action] = {
    name: Action(
        name,
        LABELS[name],
        frozenset(RecStatus(s) for s in rule.sources),
        RecStatus(rule.target),
        Scope(rule.scope) if rule.scope else None,
    )
    for name, rule in RECOMMENDATIONS.actions.items()
}

# The scope may change only before the recommendation has gone down one of the two roads.
SCOPE_CHANGE_STATUSES = frozenset({RecStatus.PROPOSED, RecStatus.ACCEPTED})


def allowed_actions(status: RecStatus, scope: Scope) -> list[str]:
    """The names of the actions possible now, in table order."""
    return life.allowed(RECOMMENDATIONS, status, scope)


def may(action_name: str, status: RecStatus, scope: Scope) -> bool:
    """Whether a recommendation in `status` and `scope` can take `action_name` now."""
    return life.may(RECOMMENDATIONS, action_name, status, scope)


def requirement(action_name: str) -> str:
    """What a recommendation must be to take `action_name`: "accepted, with the scope policy
    (escalate)" (said when none of those chosen can)."""
    action = ACTIONS[action_name]
    statuses = tr(N_(" or ")).join(label(s).lower() for s in RecStatus if s in action.sources)
    if action.scope is None:
        return statuses
    return tr("{statuses}, with the scope {scope}", statuses=statuses, scope=label(action.scope).lower())


def check(action_name: str, status: RecStatus, scope: Scope) -> RecStatus:
    """The status `action_name` leads to, or a `TransitionError` saying what is allowed now."""
    action = ACTIONS[action_name]
    if life.may(RECOMMENDATIONS, action_name, status, scope):
        return action.target
    allowed = [tr(ACTIONS[name].label) for name in allowed_actions(status, scope)]
    if status in action.sources and action.scope is not None:
        raise TransitionError(
            tr(
                "Cannot {action}: that is only for recommendations of {scope}; this one is {current}. "
                "Allowed now: {allowed}.",
                action=tr(action.label),
                scope=label(action.scope).lower(),
                current=label(scope).lower(),
                allowed=", ".join(allowed) or tr("nothing"),
            )
        )
    raise TransitionError(
        tr(
            "Cannot {action} a recommendation that is {status}. Allowed now: {allowed}.",
            action=tr(action.label),
            status=label(status).lower(),
            allowed=", ".join(allowed) or tr("nothing"),
        )
    )


def refusals(session: Session, action_name: str, rec_ids: Sequence[str]) -> list[str]:
    """Why each of `rec_ids` cannot take `action_name` now (the ones that can are left out):
    asked before the user writes the reason or note an action needs, so no text is typed for
    an action that cannot happen."""
    from desktop.models import Recommendation

    reasons = []
    for rec_id in rec_ids:
        rec = session.get(Recommendation, rec_id)
        if rec is None:
            continue
        try:
            check(action_name, rec.status, rec.scope)
        except TransitionError as exc:
            reasons.append(exc.message)
    return reasons
