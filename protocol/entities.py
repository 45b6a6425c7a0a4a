"""The synced entities as laptop and server must agree on them: every field with its type, its
values, its limits, whether a create must give it a value, the register it belongs to, whether
an `update` may set it; the status actions of each life cycle with the fields each one sets.

The desktop's models are checked against this table by a test (every column, type, length,
enum); the server checks every pushed operation against it (`protocol.validate`).

A register is the unit of last-writer-wins: one field, or fields that change together (status,
its reason, who and when). Fields that belong to no register an `update` or an action may set
are fixed when the record is created (an escalation's addressee, its snapshot of the
recommendation, every field of an audit event).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property

from protocol.roles import StaffRole
from protocol.users import USERS
from protocol.vocab import (
    AgeBand,
    AttachmentKind,
    AttachmentOwner,
    Category,
    Education,
    EscalationStatus,
    FollowUpStatus,
    ForumMode,
    ForumStatus,
    FreezeCause,
    Gender,
    IkmMethod,
    Occupation,
    OfficeZone,
    Outcome,
    Paper,
    PekpppUnsur,
    RecCategory,
    RecStatus,
    Role,
    Scope,
    SurveyIssue,
)

LOGO_BASE64 = 4 * (200 * 1024 // 3 + 1)  # a logo of at most 200 KB, as base64 text
CREATED = "*"  # the clock key of a record's creation (every register never changed has it)
DELETED = "deleted"  # the register of the tombstone
STATUS = "status"  # the register every life cycle lives in
# The owner of records the administrator makes for every unit (national closed days): every
# device sees them, none may write them.
NATIONAL = "national"


class Kind(StrEnum):
    TEXT = "text"
    INT = "int"
    BOOL = "bool"
    DATE = "date"  # YYYY-MM-DD
    TIME = "time"  # HH:MM[:SS]
    DATETIME = "datetime"  # ISO 8601 with its offset
    ENUM = "enum"
    ID = "id"  # a record id (UUIDv7 made on a device, or the server's)
    SIGNATORIES = "signatories"  # [{"role", "name", "nip", "title"}]
    OBJECT = "object"  # a JSON object (an audit event's before and after)
    COUNTS = "counts"  # a counter's contributions: {key: whole number} (domain/counters.py)
    # {a short key (lower-case letters, digits, hyphens): [whole numbers low..high]}; `max_length`
    # bounds the keys, `high` the numbers (the PEKPPP indicators each document is evidence for)
    NUMBER_LISTS = "number_lists"
    MAPPING = "mapping"  # {a value of `keys`: a value of `values` or null}
    VALUES = "values"  # a list of distinct values of `values` (a user's roles)


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    required: bool = False  # a create must give it a value (text: not empty)
    nullable: bool = False  # null is a value (an empty date, no agenda item, …)
    max_length: int | None = None  # text: characters; signatories: entries; object: JSON size
    low: int | None = None
    high: int | None = None
    values: type[StrEnum] | None = None
    refers_to: str | None = None  # the entity an id names
    editable: bool = False  # an `update` may set it
    counter: bool = False  # a sum of contributions, not a register (votes)
    keys: type[StrEnum] | None = None  # a mapping's keys
    # A field added after records of its entity already existed (`added`): a record stored
    # before it, or an operation queued by an older app, lacks it and takes `added_default`.
    added: bool = False
    added_default: object = None


def added(f: Field, default: object) -> Field:
    """`f`, added to its entity later: what was stored or queued before takes `default`."""
    return replace(f, added=True, added_default=default)


def text(name: str, max_length: int, *, required: bool = False, editable: bool = True) -> Field:
    return Field(name, Kind.TEXT, required=required, max_length=max_length, editable=editable)


def number(
    name: str, low: int, high: int, *, nullable: bool = False, editable: bool = True, counter: bool = False
) -> Field:
    return Field(
        name,
        Kind.INT,
        required=not nullable,
        nullable=nullable,
        low=low,
        high=high,
        editable=editable,
        counter=counter,
    )


def choice(name: str, values: type[StrEnum], *, nullable: bool = False, editable: bool = True) -> Field:
    return Field(name, Kind.ENUM, required=not nullable, nullable=nullable, values=values, editable=editable)


def ref(name: str, entity: str, *, nullable: bool = False, editable: bool = False) -> Field:
    return Field(name, Kind.ID, required=not nullable, nullable=nullable, refers_to=entity, editable=editable)


def when(name: str, kind: Kind, *, nullable: bool = True, editable: bool = True) -> Field:
    return Field(name, kind, required=not nullable, nullable=nullable, editable=editable)


def flag(name: str, *, editable: bool = True) -> Field:
    return Field(name, Kind.BOOL, required=True, editable=editable)


@dataclass(frozen=True)
class Action:
    """A status action: the statuses it starts from, the one it leads to, the fields of the
    status register it sets (the others keep their values) and those it must give a value."""

    name: str
    sources: frozenset[str]
    target: str
    sets: frozenset[str] = frozenset()
    requires: frozenset[str] = frozenset()
    scope: str | None = None  # recommendations: the scope the record must have
    by_addressee: bool = False  # done by the office an escalation is addressed to


def action(
    name: str,
    sources: Iterable[StrEnum],
    target: StrEnum,
    sets: tuple[str, ...] = (),
    requires: tuple[str, ...] = (),
    scope: StrEnum | None = None,
    by_addressee: bool = False,
) -> Action:
    return Action(
        name,
        frozenset(s.value for s in sources),
        target.value,
        frozenset(sets) | frozenset(requires),
        frozenset(requires),
        scope.value if scope else None,
        by_addressee,
    )


@dataclass(frozen=True)
class Entity:
    name: str
    fields: tuple[Field, ...]
    registers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # of several fields
    actions: Mapping[str, Action] = field(default_factory=dict)
    admin_only: bool = False  # created (and deleted) by the server's administrator only
    append_only: bool = False  # never changed once created
    deletable: bool = True
    delete_from: frozenset[str] | None = None  # the statuses a delete is allowed in
    counters: Mapping[str, str] = field(default_factory=dict)  # a total field → its contributions
    # Records several devices make alike (minutes frozen at an upgrade, with an id made from the
    # forum's): a create of an id that exists with the very same fields is that record again.
    made_alike: bool = False

    @cached_property
    def by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}

    def register_of(self, name: str) -> str:
        for register, names in self.registers.items():
            if name in names:
                return register
        return name

    @cached_property
    def writable_registers(self) -> dict[str, tuple[str, ...]]:
        """Every register an update or a status action may write, with its fields (counters
        are not registers; fields fixed at creation are in none)."""
        found: dict[str, list[str]] = {}
        for f in self.fields:
            in_action = self.actions and f.name in self.registers.get(STATUS, ())
            if (f.editable or in_action) and not f.counter:
                found.setdefault(self.register_of(f.name), []).append(f.name)
        return {register: tuple(names) for register, names in found.items()}

    @cached_property
    def references(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.refers_to)

    def defaults(self) -> dict[str, object]:
        """Each field's value in a record the server's administrator creates (`admin_only`), where
        the laptop's model would have taken its column default: a field added later takes its
        `added_default`, an optional text is empty, anything else is null (a test holds the
        laptop's models of those entities to the same values)."""
        return {
            f.name: f.added_default if f.added else "" if f.kind is Kind.TEXT and not f.required else None
            for f in self.fields
        }


def _entity(
    name: str,
    *fields: Field,
    registers: Mapping[str, tuple[str, ...]] | None = None,
    actions: tuple[Action, ...] = (),
    admin_only: bool = False,
    append_only: bool = False,
    deletable: bool = True,
    delete_from: frozenset[str] | None = None,
    counters: Mapping[str, str] | None = None,
    made_alike: bool = False,
) -> Entity:
    return Entity(
        name,
        fields,
        dict(registers or {}),
        {a.name: a for a in actions},
        admin_only,
        append_only,
        deletable,
        delete_from,
        dict(counters or {}),
        made_alike,
    )


SHORT, NAME, LINE, PARAGRAPH, LONG, DOCUMENT = 120, 200, 1000, 5000, 10_000, 50_000


def _templates() -> tuple[Field, ...]:
    """The document templates a unit sets for its forums and a forum overrides (added in
    protocol 5: records stored before have them empty)."""
    return tuple(
        added(text(name, length), "")
        for name, length in (
            ("report_basis", PARAGRAPH),
            ("report_purpose", PARAGRAPH),
            ("report_closing", PARAGRAPH),
            ("invitation_number", SHORT),
            ("invitation_nature", 60),
            ("invitation_subject", NAME),
        )
    )


UNITS = _entity(
    "units",
    text("code", 40, required=True, editable=False),  # the administrator's
    text("name", NAME, required=True),
    ref("parent_id", "units", nullable=True),  # the administrator's
    text("letterhead", LINE),
    text("address", 500),
    text("city", 100),
    text("phone", 60),
    text("email", SHORT),
    text("website", SHORT),
    text("head_title", SHORT),
    text("head_name", SHORT),
    text("head_nip", 18),
    # The office-level settings (DESIGN.md "Data"), set by the unit's own laptops; added in
    # protocol 4, so units stored before have none and take these values.
    added(text("full_name", 300), ""),
    added(text("logo", LOGO_BASE64), ""),  # a PNG of at most 200 KB, base64
    choice("time_zone", OfficeZone, nullable=True),
    added(number("escalation_working_days", 1, 250), 5),
    added(number("follow_up_working_days", 1, 250), 20),
    # Added in protocol 5: the office's document templates (empty: the built-in wording) and
    # the PEKPPP indicators each document is evidence for (empty: the defaults).
    *_templates(),
    added(
        Field("pekppp_indicators", Kind.NUMBER_LISTS, required=True, max_length=20, high=999, editable=True),
        {},
    ),
    # Added in protocol 5: how the office maps the public's categories onto PEKPPP's five unsur
    # (missing categories: domain.unsur.DEFAULT_MAPPING), and how it weighs its SKM index.
    added(
        Field(
            "unsur_mapping",
            Kind.MAPPING,
            required=True,
            max_length=len(Category),
            keys=Category,
            values=PekpppUnsur,
            editable=True,
        ),
        {},
    ),
    added(choice("ikm_method", IkmMethod), IkmMethod.EXACT.value),
    # Added in protocol 5 (issue 16): completing a follow-up needs an attached file as evidence.
    added(flag("completion_needs_file"), False),
    # The server's public web address (issue 17), e.g. https://fkp.example.go.id: the follow-up
    # report's QR code opens the unit's public page there. Empty: no QR code.
    added(text("public_url", SHORT), ""),
    admin_only=True,
    deletable=False,
)

FORUMS = _entity(
    "forums",
    text("title", NAME, required=True),
    text("theme", 2000),
    when("held_on", Kind.DATE, nullable=False),
    when("starts_at", Kind.TIME),
    when("ends_at", Kind.TIME),
    text("venue", NAME),
    choice("mode", ForumMode),
    text("facilitator", SHORT),
    text("moderator", SHORT),
    text("note_taker", SHORT),
    text("document_number", SHORT),
    text("summary", DOCUMENT),
    text("agreements", DOCUMENT),
    Field("signatories", Kind.SIGNATORIES, required=True, max_length=20, editable=True),
    choice("status", ForumStatus, editable=False),
    when("status_at", Kind.DATETIME, editable=False),
    text("status_by", SHORT, editable=False),
    *_templates(),  # the forum's own, over its unit's (protocol 5)
    added(when("invitation_date", Kind.DATE), None),
    # The unit publishes the forum on the server's public page (issue 17): an action of the
    # kepala, audited; added within protocol 5 (older records and laptops: not published).
    added(flag("published"), False),
    registers={STATUS: ("status", "status_at", "status_by")},
    actions=(
        action("start", {ForumStatus.PLANNED}, ForumStatus.RUNNING, ("status_at", "status_by")),
        action("close", {ForumStatus.RUNNING}, ForumStatus.CLOSED, ("status_at", "status_by")),
        # To correct the minutes of a closed forum; its reason travels in the audit event.
        action("reopen", {ForumStatus.CLOSED}, ForumStatus.RUNNING, ("status_at", "status_by")),
    ),
    delete_from=frozenset({ForumStatus.PLANNED.value}),
)

PARTICIPANTS = _entity(
    "participants",
    ref("forum_id", "forums"),
    text("name", NAME, required=True),
    text("organization", NAME),
    choice("category", Category),
    choice("gender", Gender, nullable=True),
    flag("vulnerable"),
    text("phone", 40),
    text("email", SHORT),
    choice("role", Role),
    flag("invited"),
    flag("attended"),
    when("signed_in_at", Kind.DATETIME),
)

AGENDA_ITEMS = _entity(
    "agenda_items",
    ref("forum_id", "forums"),
    number("position", 0, 10_000),
    text("title", NAME, required=True),
    text("presenter", SHORT),
    number("planned_minutes", 0, 24 * 60),
    text("notes", DOCUMENT),
    when("started_at", Kind.DATETIME),
    when("ended_at", Kind.DATETIME),
)

MAX_VOTES = 100_000
MAX_CONTRIBUTORS = 1000  # devices and merged duplicates that counted votes on one recommendation
_STAMP = ("status_at", "status_by")
RECOMMENDATIONS = _entity(
    "recommendations",
    ref("forum_id", "forums"),
    ref("agenda_item_id", "agenda_items", nullable=True, editable=True),
    ref("raised_by_id", "participants", nullable=True, editable=True),
    text("text", PARAGRAPH, required=True),
    choice("scope", Scope),
    choice("category", RecCategory, nullable=True),
    number("priority", 1, 3),
    number("votes", 0, MAX_VOTES, editable=False, counter=True),  # the sum of vote_counts
    # Each device's contribution, and `merge:<id>` the total of a duplicate merged into it.
    Field(
        "vote_counts", Kind.COUNTS, required=True, max_length=MAX_CONTRIBUTORS, high=MAX_VOTES, counter=True
    ),
    choice("status", RecStatus, editable=False),
    text("status_reason", LONG, editable=False),  # a reason, evidence, or the answer received
    choice("outcome", Outcome, nullable=True, editable=False),
    when("status_at", Kind.DATETIME, editable=False),
    text("status_by", SHORT, editable=False),
    ref("merged_into_id", "recommendations", nullable=True),
    added(text("response", PARAGRAPH), ""),  # the office's response (protocol 5)
    registers={STATUS: ("status", "status_reason", "outcome", "status_at", "status_by", "merged_into_id")},
    actions=(
        action("accept", {RecStatus.PROPOSED}, RecStatus.ACCEPTED, ("status_reason", *_STAMP)),
        action("reject", {RecStatus.PROPOSED}, RecStatus.REJECTED, _STAMP, ("status_reason",)),
        action(
            "merge", {RecStatus.PROPOSED}, RecStatus.MERGED, ("status_reason", *_STAMP), ("merged_into_id",)
        ),
        action(
            "start", {RecStatus.ACCEPTED}, RecStatus.IN_PROGRESS, ("status_reason", *_STAMP), scope=Scope.UNIT
        ),
        action("complete", {RecStatus.IN_PROGRESS}, RecStatus.DONE, _STAMP, ("status_reason",), Scope.UNIT),
        action(
            "escalate",
            {RecStatus.ACCEPTED},
            RecStatus.ESCALATED,
            ("status_reason", *_STAMP),
            scope=Scope.POLICY,
        ),
        action(
            "answer",
            {RecStatus.ESCALATED},
            RecStatus.ANSWERED,
            ("status_reason", *_STAMP),
            ("outcome",),
            Scope.POLICY,
        ),
        # The office disputes the answer (with its escalation, in one action): it waits again.
        action(
            "dispute",
            {RecStatus.ANSWERED},
            RecStatus.ESCALATED,
            ("status_reason", "outcome", *_STAMP),
            scope=Scope.POLICY,
        ),
    ),
    delete_from=frozenset({RecStatus.PROPOSED.value}),
    counters={"votes": "vote_counts"},
)

FOLLOW_UPS = _entity(
    "follow_ups",
    ref("recommendation_id", "recommendations"),
    text("action", PARAGRAPH, required=True),
    text("owner", SHORT, required=True),
    when("due_on", Kind.DATE),
    number("progress", 0, 100),
    choice("status", FollowUpStatus),
    text("evidence", PARAGRAPH),
    added(when("completed_on", Kind.DATE), None),  # protocol 5
)

# Open: waiting for the office above (a dispute sends it back there).
_OPEN = {EscalationStatus.SENT, EscalationStatus.ACKNOWLEDGED, EscalationStatus.DISPUTED}
_ANSWERED = ("answered_by", "answered_at")
ESCALATIONS = _entity(
    "escalations",
    # The recommendation of the office that first escalated it: on a forwarded escalation, an
    # office above that one's (the same as the escalation it was forwarded from).
    ref("recommendation_id", "recommendations"),
    ref("from_unit_id", "units"),
    ref("to_unit_id", "units"),
    ref("previous_id", "escalations", nullable=True),
    when("sent_at", Kind.DATETIME, nullable=False, editable=False),
    when("due_on", Kind.DATE, nullable=False, editable=False),
    choice("status", EscalationStatus, editable=False),
    text("answer", LONG, editable=False),
    choice("outcome", Outcome, nullable=True, editable=False),
    text("answered_by", SHORT, editable=False),
    when("answered_at", Kind.DATETIME, editable=False),
    ref("forwarded_to_id", "escalations", nullable=True),
    text("note", PARAGRAPH, editable=False),
    text("rec_text", PARAGRAPH, required=True, editable=False),
    text("forum_title", NAME, required=True, editable=False),
    when("forum_held_on", Kind.DATE, nullable=False, editable=False),
    # Added in protocol 5 (SP4N-LAPOR!): the day the office above should acknowledge it by,
    # fixed when it is sent; the sending office's dispute of an answer (sanggah).
    added(when("ack_due_on", Kind.DATE, editable=False), None),
    added(text("dispute_reason", LONG, editable=False), ""),
    added(when("disputed_at", Kind.DATETIME, editable=False), None),
    registers={
        STATUS: (
            "status",
            "answer",
            "outcome",
            "answered_by",
            "answered_at",
            "forwarded_to_id",
            "dispute_reason",
            "disputed_at",
        )
    },
    actions=(
        action("acknowledge", _OPEN, EscalationStatus.ACKNOWLEDGED, by_addressee=True),
        action(
            "forward", _OPEN, EscalationStatus.FORWARDED, _ANSWERED, ("forwarded_to_id",), by_addressee=True
        ),
        action(
            "answer", _OPEN, EscalationStatus.ANSWERED, _ANSWERED, ("answer", "outcome"), by_addressee=True
        ),
        # The sending office: within the dispute window (domain.deadlines), and closing what it
        # did not dispute after it. Closing again is harmless (two laptops of one office may
        # both see the window end).
        action(
            "dispute", {EscalationStatus.ANSWERED}, EscalationStatus.DISPUTED, ("disputed_at",), ("dispute_reason",)
        ),
        action("close", {EscalationStatus.ANSWERED, EscalationStatus.DONE}, EscalationStatus.DONE),
    ),
    deletable=False,
)

# A day an office is closed besides weekends and the `holidays` package's national holidays:
# an office's regional holiday or late decree (its own record, made on its laptops), or a
# national cuti bersama decreed after the package's data (owned by NATIONAL, made by the
# server's administrator; every device sees it, none may write it).
CLOSED_DAYS = _entity(
    "closed_days",
    when("day", Kind.DATE, nullable=False, editable=False),
    text("name", NAME, required=True),
)

SURVEY_PERIODS = _entity(
    "survey_periods",
    text("title", NAME, required=True),
    when("starts_on", Kind.DATE, nullable=False),
    when("ends_on", Kind.DATE, nullable=False),
    ref("forum_id", "forums", nullable=True, editable=True),
    number("service_users", 1, 100_000_000, nullable=True),
    text("note", PARAGRAPH),
    deletable=False,
)

SURVEY_RESPONSES = _entity(
    "survey_responses",
    ref("period_id", "survey_periods"),
    *(number(f"u{n}", 1, 4, editable=False) for n in range(1, 10)),
    choice("gender", Gender, nullable=True, editable=False),
    choice("age_band", AgeBand, nullable=True, editable=False),
    choice("education", Education, nullable=True, editable=False),
    choice("occupation", Occupation, nullable=True, editable=False),
    text("service", NAME, editable=False),
    when("answered_on", Kind.DATE, editable=False),
)

# The satisfaction survey's rencana tindak lanjut (protocol 5): per element, what, who, by when,
# and its realisation.
SURVEY_ACTIONS = _entity(
    "survey_actions",
    ref("period_id", "survey_periods"),
    number("element", 1, 9),
    text("action", PARAGRAPH, required=True),
    text("owner", SHORT, required=True),
    when("due_on", Kind.DATE),
    number("progress", 0, 100),
    text("realisation", PARAGRAPH),
    when("completed_on", Kind.DATE),
)

MINUTES_SIZE = 8 * 1024 * 1024  # bytes of a snapshot's JSON (protocol.minutes checks its shape)
SURVEY_REPORTS = _entity(
    # The issued (terbit) report of a survey period: its date is fixed once, by an explicit
    # action, and its questionnaires with it (the server refuses new ones: survey_issued).
    # The office may re-open it (a record of its own, with the reason): that version ends, and
    # the next issue is a new version. One record per action and version (ids made from the
    # period's: a second laptop doing the same is refused). `issued_on`/`issued_by`: the day
    # and the person of the action.
    "survey_reports",
    ref("period_id", "survey_periods"),
    when("issued_on", Kind.DATE, nullable=False, editable=False),
    text("issued_by", SHORT, editable=False),
    added(choice("action", SurveyIssue, editable=False), SurveyIssue.ISSUE.value),
    added(number("version", 1, 1000, editable=False), 1),
    added(text("reason", PARAGRAPH, editable=False), ""),
    # Added in protocol 5: what the issued version prints (protocol.survey_report), so that it
    # keeps its figures once re-opened; empty for a re-opening and a report issued before.
    added(Field("content", Kind.OBJECT, required=True, max_length=MINUTES_SIZE), {}),
    append_only=True,
    deletable=False,
)

FROZEN_MINUTES = _entity(
    # A forum's berita acara as it was when the forum closed (protocol.minutes): every laptop of
    # the office, and the office above once one of its recommendations is escalated, prints
    # exactly this. A forum reopened and closed again gets another; each stays printable.
    "frozen_minutes",
    ref("forum_id", "forums"),
    when("frozen_at", Kind.DATETIME, nullable=False, editable=False),
    text("frozen_by", SHORT, editable=False),
    choice("cause", FreezeCause, editable=False),
    choice("paper", Paper, editable=False),
    Field("content", Kind.OBJECT, required=True, max_length=MINUTES_SIZE),
    append_only=True,
    deletable=False,
    made_alike=True,
)

AUDIT_SIZE = 250_000  # the JSON of an audit event's before or after: a forum's two long texts, twice
AUDIT_EVENTS = _entity(
    "audit_events",
    when("at", Kind.DATETIME, nullable=False, editable=False),
    text("actor", SHORT, editable=False),
    ref("device_id", "devices"),
    Field("hlc", Kind.TEXT, required=True, max_length=80),
    text("entity", 40, required=True, editable=False),
    ref("entity_id", "*"),
    text("action", 40, required=True, editable=False),
    Field("before", Kind.OBJECT, required=True, max_length=AUDIT_SIZE),
    Field("after", Kind.OBJECT, required=True, max_length=AUDIT_SIZE),
    append_only=True,
    deletable=False,
)

# The people of a unit (protocol.users): id made from the unit and the NIP, so laptops that add
# the same person merge; a deactivated user stays (the history names them).
USERS_ENTITY = _entity(
    USERS,
    text("nip", 18, required=True, editable=False),
    text("name", NAME, required=True),
    text("jabatan", NAME),
    Field("roles", Kind.VALUES, required=True, max_length=len(StaffRole), values=StaffRole, editable=True),
    Field("password_hash", Kind.TEXT, required=False, max_length=NAME, editable=True),
    flag("active"),
    when("deactivated_at", Kind.DATETIME),
    text("deactivated_by", SHORT),
    registers={"active": ("active", "deactivated_at", "deactivated_by")},
    deletable=False,
)

MAX_FILE_SIZE = 25 * 1024 * 1024  # bytes of an attached file (the laptop refuses larger before copying)
MAX_IMAGE_SIDE = 100_000  # pixels of a photo's width or height
ATTACHMENTS = _entity(
    # A file (a photo, a scan, a spreadsheet) attached to a forum, a recommendation or a
    # follow-up action. The record names the file by its SHA-256 (lower-case hex); the bytes
    # travel apart from the record (record first, file later). Only the caption changes.
    "attachments",
    choice("owner_entity", AttachmentOwner, editable=False),  # fixed, like the id it goes with
    ref("owner_id", "*"),
    choice("kind", AttachmentKind),  # a file added as a document may be marked as the signed scan
    Field("sha256", Kind.TEXT, required=True, max_length=64),
    number("size", 1, MAX_FILE_SIZE, editable=False),
    text("media_type", 100, required=True, editable=False),  # image/jpeg, application/pdf, …
    text("file_name", NAME, editable=False),  # the original name, for the user
    text("caption", LINE),
    number("width", 1, MAX_IMAGE_SIDE, nullable=True, editable=False),  # photos only
    number("height", 1, MAX_IMAGE_SIDE, nullable=True, editable=False),
    # Added in protocol 5 (issue 16): the laptop it was added on, by its name (the computer's,
    # as enrollment gave it): where a file not received yet is, in words its office knows.
    added(text("device_name", NAME, editable=False), ""),
)

ENTITIES: dict[str, Entity] = {
    e.name: e
    for e in (
        UNITS,
        USERS_ENTITY,
        CLOSED_DAYS,
        FORUMS,
        PARTICIPANTS,
        AGENDA_ITEMS,
        RECOMMENDATIONS,
        FOLLOW_UPS,
        ATTACHMENTS,
        ESCALATIONS,
        SURVEY_PERIODS,
        SURVEY_RESPONSES,
        SURVEY_ACTIONS,
        SURVEY_REPORTS,
        FROZEN_MINUTES,
        AUDIT_EVENTS,
    )
}
# References that name no synced record, or any of them: not checked against a table.
UNCHECKED_REFERENCES = frozenset({"devices", "*"})
