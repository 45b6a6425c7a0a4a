"""The closed vocabularies the records use (DOMAIN.md "Words"): the values that travel and are
stored, one copy for the laptop and the server. The labels people read are the desktop's
(`desktop.core.vocab`); the server only checks values against these."""

from __future__ import annotations

from datetime import timedelta, timezone
from enum import StrEnum


class Category(StrEnum):
    """Element of the public (unsur masyarakat) a participant represents."""

    SERVICE_USER = "service_user"
    CLIENT_OFFICE = "client_office"
    STAKEHOLDER = "stakeholder"
    ACADEMIC = "academic"
    COMMUNITY_FIGURE = "community_figure"
    NGO = "ngo"
    MEDIA = "media"
    VULNERABLE_GROUP = "vulnerable_group"
    GOVERNMENT = "government"
    OTHER = "other"


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"


class Role(StrEnum):
    PARTICIPANT = "participant"
    SPEAKER = "speaker"
    ORGANIZER = "organizer"


class ForumMode(StrEnum):
    FACE_TO_FACE = "face_to_face"
    ONLINE = "online"
    HYBRID = "hybrid"


class ForumStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    CLOSED = "closed"


class Paper(StrEnum):
    """The paper a document is printed on: A4, or folio (215 × 330 mm) as some regions use."""

    A4 = "a4"
    FOLIO = "folio"


class FreezeCause(StrEnum):
    """Why a forum's minutes were frozen: closed on a laptop that froze them, or already
    closed when the laptop was upgraded to a Mufakat that freezes them."""

    CLOSING = "closing"
    UPGRADE = "upgrade"


class SurveyIssue(StrEnum):
    """A record of a survey period's report: issued (terbit, its questionnaires fixed from then
    on), or re-opened by the office (that version ends; the next issue is a new version)."""

    ISSUE = "issue"
    REOPEN = "reopen"


class SurveyStatus(StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"  # the report is issued (terbit): its date is fixed


class Scope(StrEnum):
    UNIT = "unit"
    POLICY = "policy"


class RecStatus(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    MERGED = "merged"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    ESCALATED = "escalated"
    ANSWERED = "answered"


class RecCategory(StrEnum):
    """What a recommendation is about (the service components of PermenPANRB 15/2014)."""

    REQUIREMENTS = "requirements"
    PROCEDURE = "procedure"
    TIME = "time"
    COST = "cost"
    PRODUCT = "product"
    STAFF = "staff"
    FACILITIES = "facilities"
    COMPLAINTS = "complaints"
    INFORMATION = "information"
    INNOVATION = "innovation"
    OTHER = "other"


class Outcome(StrEnum):
    """The parent office's answer to an escalated recommendation."""

    ADOPTED = "adopted"
    DECLINED = "declined"


class FollowUpStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class EscalationStatus(StrEnum):
    """An escalation's life cycle (SP4N-LAPOR!'s shape): sent, acknowledged by the office above,
    answered (or forwarded one level up); the sending office may dispute an answer within its
    window (it goes back to the office above), and an answer not disputed closes it."""

    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"
    ANSWERED = "answered"
    FORWARDED = "forwarded"
    DISPUTED = "disputed"  # sanggah: the sending office does not accept the answer
    DONE = "done"  # selesai: the answer stood through its dispute window


class IkmMethod(StrEnum):
    """How an office weighs the nine elements of its satisfaction index (IKM): exactly 1/9 each
    (PermenPANRB 14/2017), or 0,111 each as many offices' spreadsheets do."""

    EXACT = "exact"
    WEIGHT_0111 = "weight_0111"


class PekpppUnsur(StrEnum):
    """The five elements of the public PEKPPP's evaluators count (indicator 2): an office maps
    its participants' categories onto them (DOMAIN.md: from evaluators' tools, configurable)."""

    SERVICE_USERS = "service_users"  # pengguna layanan
    EXPERTS = "experts"  # ahli/praktisi/akademisi
    RELATED_AGENCIES = "related_agencies"  # instansi terkait
    CIVIL_SOCIETY = "civil_society"  # organisasi masyarakat sipil
    MEDIA = "mass_media"  # media massa (not Category.MEDIA's "media": labels are keyed by value)


class OfficeZone(StrEnum):
    """Indonesia's three time zones (no daylight saving: each is a fixed offset from UTC)."""

    WIB = "WIB"
    WITA = "WITA"
    WIT = "WIT"

    @property
    def hours(self) -> int:
        return {"WIB": 7, "WITA": 8, "WIT": 9}[self.value]

    def tzinfo(self) -> timezone:
        return timezone(timedelta(hours=self.hours), self.value)

    @classmethod
    def of_offset(cls, offset: timedelta | None) -> OfficeZone | None:
        """The zone a UTC offset is (a laptop's clock set to WIT says +09:00), or None."""
        return next((zone for zone in cls if offset == timedelta(hours=zone.hours)), None)


class AgeBand(StrEnum):
    """Age of a survey respondent, in the bands the SKM report tabulates."""

    UNDER_20 = "under_20"
    FROM_20 = "20_29"
    FROM_30 = "30_39"
    FROM_40 = "40_49"
    FROM_50 = "50_59"
    FROM_60 = "60_plus"


class Education(StrEnum):
    PRIMARY = "primary"
    JUNIOR_SECONDARY = "junior_secondary"
    SENIOR_SECONDARY = "senior_secondary"
    DIPLOMA = "diploma"
    BACHELOR = "bachelor"
    POSTGRADUATE = "postgraduate"


class Occupation(StrEnum):
    CIVIL_SERVANT = "civil_servant"
    MILITARY_POLICE = "military_police"
    PRIVATE = "private"
    SELF_EMPLOYED = "self_employed"
    STUDENT = "student"
    OTHER = "other"


class AttachmentOwner(StrEnum):
    """The kind of record a file is attached to (an attachment's `owner_entity`)."""

    FORUM = "forums"
    RECOMMENDATION = "recommendations"
    FOLLOW_UP = "follow_ups"


class AttachmentKind(StrEnum):
    """What an attached file is: a photo (dokumentasi), another document (a PDF scan, an XLSX),
    or the scanned, signed attendance list (daftar hadir) of a forum."""

    PHOTO = "photo"
    DOCUMENT = "document"
    ATTENDANCE_SCAN = "attendance_scan"
