"""Who may do what: the staff roles, the protected actions, and which roles each action needs.

One copy for the laptop's services (`desktop.services.acting.require`) and the server's check of
every pushed operation (`server_stub.accounts`), so the two never disagree.

- `StaffRole`: `operator` (the forum's facilitator and note-taker: plans forums, signs people in,
  captures inputs and recommendations, runs surveys), `kepala` (the office head: triage, escalate,
  answer an escalation, publish, sign), `admin` (users and the office's settings). A user may
  hold several.
- `Act`: a protected action. `ROLES_FOR[act]`: the roles any one of which allows it.
- `act_of(entity, kind, action)`: the act a synced operation performs (None: no role needed,
  e.g. an audit event, which travels with the change it records, or a change a laptop makes on
  its own, such as closing an escalation whose dispute window ended).
- `needed(...)`: the same for one operation, with the one exception the table cannot express: a
  user changing their own password needs no role.

A unit whose users are not set up yet works without any of this (see `protocol.users`).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class StaffRole(StrEnum):
    OPERATOR = "operator"
    KEPALA = "kepala"
    ADMIN = "admin"


class Act(StrEnum):
    PLAN_FORUM = "plan_forum"  # forums, their agenda, starting, closing and reopening them
    SIGN_IN = "sign_in"  # participants: invitations and the attendance list
    CAPTURE = "capture"  # recommendations as the forum raised them (text, scope, votes)
    ATTACH = "attach"  # photos, scans and documents attached to a record
    SURVEY = "survey"  # SKM periods, questionnaires, the survey's action plan
    FOLLOW_UP = "follow_up"  # follow-up actions, their progress, starting and completing them
    # Hand a follow-up action to another person (alone: its other fields unchanged), as when a
    # user is deactivated (mutasi) and their open actions go to someone named.
    HAND_OVER = "hand_over"
    TRIAGE = "triage"  # accept, reject, merge a proposed recommendation
    ESCALATE = "escalate"  # escalate to the office above, dispute its answer
    ANSWER = "answer"  # acknowledge, forward, answer an escalation addressed to the office
    PUBLISH = "publish"  # issue (or re-open) a survey report, publish a forum's outcome
    SIGN = "sign"  # sign the minutes and reports as the office's head
    MANAGE_USERS = "manage_users"  # create, change, deactivate users, reset their passwords
    OFFICE_SETTINGS = "office_settings"  # the unit's settings, its closed days


_O, _K, _A = StaffRole.OPERATOR, StaffRole.KEPALA, StaffRole.ADMIN
ROLES_FOR: dict[Act, frozenset[StaffRole]] = {
    Act.PLAN_FORUM: frozenset({_O}),
    Act.SIGN_IN: frozenset({_O}),
    Act.CAPTURE: frozenset({_O, _K}),
    Act.ATTACH: frozenset({_O, _K}),
    Act.SURVEY: frozenset({_O}),
    Act.FOLLOW_UP: frozenset({_O, _K}),
    Act.HAND_OVER: frozenset({_O, _K, _A}),
    Act.TRIAGE: frozenset({_K}),
    Act.ESCALATE: frozenset({_K}),
    Act.ANSWER: frozenset({_K}),
    Act.PUBLISH: frozenset({_K}),
    Act.SIGN: frozenset({_K}),
    Act.MANAGE_USERS: frozenset({_A}),
    Act.OFFICE_SETTINGS: frozenset({_A}),
}

# Every change of an entity's records (create, update, delete, restore, votes, a conflict
# closed) is this act, unless a status action of its own is named in `_ACTIONS`.
_ENTITY_ACTS: dict[str, Act | None] = {
    "units": Act.OFFICE_SETTINGS,
    "closed_days": Act.OFFICE_SETTINGS,
    "forums": Act.PLAN_FORUM,
    "agenda_items": Act.PLAN_FORUM,
    "participants": Act.SIGN_IN,
    "recommendations": Act.CAPTURE,
    "follow_ups": Act.FOLLOW_UP,
    "attachments": Act.ATTACH,
    "escalations": Act.ESCALATE,  # a new one: sent up
    "survey_periods": Act.SURVEY,
    "survey_responses": Act.SURVEY,
    "survey_actions": Act.SURVEY,
    "survey_reports": Act.PUBLISH,
    "users": Act.MANAGE_USERS,
    # Made by whichever laptop closes a forum or is upgraded, and the history of every change:
    # they travel with (or follow from) an action whose own operation is checked.
    "frozen_minutes": None,
    "audit_events": None,
}
_ACTIONS: dict[tuple[str, str], Act | None] = {
    ("recommendations", "accept"): Act.TRIAGE,
    ("recommendations", "reject"): Act.TRIAGE,
    ("recommendations", "merge"): Act.TRIAGE,
    ("recommendations", "start"): Act.FOLLOW_UP,
    ("recommendations", "complete"): Act.FOLLOW_UP,
    ("recommendations", "escalate"): Act.ESCALATE,
    ("recommendations", "dispute"): Act.ESCALATE,
    ("recommendations", "answer"): Act.ANSWER,
    ("escalations", "acknowledge"): Act.ANSWER,
    ("escalations", "forward"): Act.ANSWER,
    ("escalations", "answer"): Act.ANSWER,
    ("escalations", "dispute"): Act.ESCALATE,
    # Any laptop of the office closes what was not disputed once the window ends, on its own.
    ("escalations", "close"): None,
}
# The kinds of operation that re-send what the server lost rather than change anything: the
# server already accepted the changes they carry.
RESENT = frozenset({"restate"})
PASSWORD_FIELDS = frozenset({"password_hash"})
HANDED_OVER = frozenset({"owner"})
PUBLISHED = frozenset({"published"})


def act_of(entity: str, kind: str, action: str | None = None) -> Act | None:
    """The act an operation of `kind` on `entity` performs (`action`: a transition's name)."""
    if kind in RESENT:
        return None
    if kind == "transition" and action is not None and (entity, action) in _ACTIONS:
        return _ACTIONS[(entity, action)]
    return _ENTITY_ACTS.get(entity)


def needed(
    entity: str,
    kind: str,
    action: str | None,
    changed: Iterable[str],
    entity_id: str,
    user_id: str | None,
) -> Act | None:
    """The act one operation needs a role for: `act_of`, except that a user may set their own
    password (an update of their own record that changes nothing else), and that a follow-up
    action handed to another person (its owner alone changes) is a hand-over."""
    names = set(changed)
    if entity == "users" and kind == "update" and entity_id == user_id and names <= PASSWORD_FIELDS:
        return None
    if entity == "follow_ups" and kind == "update" and names and names <= HANDED_OVER:
        return Act.HAND_OVER
    if entity == "forums" and kind == "update" and PUBLISHED & names:
        return Act.PUBLISH  # a forum on the unit's public page (issue 17): the kepala's
    return act_of(entity, kind, action)


def may(roles: Iterable[str], act: Act | None) -> bool:
    """Whether a user holding `roles` may perform `act` (None: anyone may)."""
    if act is None:
        return True
    held = set(roles)
    return any(role.value in held for role in ROLES_FOR[act])
