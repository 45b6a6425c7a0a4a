"""The closed vocabularies of the domain (DOMAIN.md "Words"), with their user-facing labels.

Stored values are short English codes, defined once in `protocol.vocab` (the server checks
records against them); labels are English source strings translated by
`desktop.core.i18n` (Indonesian by default). `parse_choice` accepts a code, a label in either
language or a known alias, the way people type them into spreadsheets.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import TypeVar

from desktop.core.i18n import LANGUAGES, N_, tr, translate_to
from protocol.vocab import (
    AgeBand,
    AttachmentKind,
    Category,
    Education,
    EscalationStatus,
    FollowUpStatus,
    ForumMode,
    ForumStatus,
    Gender,
    IkmMethod,
    Occupation,
    OfficeZone,
    Outcome,
    PekpppUnsur,
    RecCategory,
    RecStatus,
    Role,
    Scope,
)

# The values come from the protocol; this module adds what people read.
__all__ = [
    "AgeBand",
    "AttachmentKind",
    "Category",
    "Education",
    "EscalationStatus",
    "FollowUpStatus",
    "ForumMode",
    "ForumStatus",
    "Gender",
    "IkmMethod",
    "Occupation",
    "OfficeZone",
    "Outcome",
    "PekpppUnsur",
    "RecCategory",
    "RecStatus",
    "Role",
    "Scope",
]

OPEN_STATUSES = frozenset(
    {RecStatus.PROPOSED, RecStatus.ACCEPTED, RecStatus.IN_PROGRESS, RecStatus.ESCALATED}
)


LABELS: dict[StrEnum, str] = {
    Category.SERVICE_USER: N_("Service user"),
    Category.CLIENT_OFFICE: N_("Client office (satker)"),
    Category.STAKEHOLDER: N_("Stakeholder"),
    Category.ACADEMIC: N_("Academic / expert"),
    Category.COMMUNITY_FIGURE: N_("Community figure"),
    Category.NGO: N_("NGO / civil society"),
    Category.MEDIA: N_("Media"),
    Category.VULNERABLE_GROUP: N_("Vulnerable group"),
    Category.GOVERNMENT: N_("Government agency"),
    Category.OTHER: N_("Other"),
    Gender.MALE: N_("Male"),
    Gender.FEMALE: N_("Female"),
    Role.PARTICIPANT: N_("Participant"),
    Role.SPEAKER: N_("Speaker"),
    Role.ORGANIZER: N_("Organizer"),
    ForumMode.FACE_TO_FACE: N_("Face to face"),
    ForumMode.ONLINE: N_("Online"),
    ForumMode.HYBRID: N_("Hybrid"),
    ForumStatus.PLANNED: N_("Planned"),
    ForumStatus.RUNNING: N_("Running"),
    ForumStatus.CLOSED: N_("Closed"),
    Scope.UNIT: N_("Unit scope"),
    Scope.POLICY: N_("Policy (escalate)"),
    RecStatus.PROPOSED: N_("Proposed"),
    RecStatus.ACCEPTED: N_("Accepted"),
    RecStatus.REJECTED: N_("Rejected"),
    RecStatus.MERGED: N_("Merged"),
    RecStatus.IN_PROGRESS: N_("In progress"),
    RecStatus.DONE: N_("Done"),
    RecStatus.ESCALATED: N_("Escalated"),
    RecStatus.ANSWERED: N_("Answered"),
    RecCategory.REQUIREMENTS: N_("Requirements"),
    RecCategory.PROCEDURE: N_("Procedure"),
    RecCategory.TIME: N_("Completion time"),
    RecCategory.COST: N_("Cost / fee"),
    RecCategory.PRODUCT: N_("Service product"),
    RecCategory.STAFF: N_("Staff competence and conduct"),
    RecCategory.FACILITIES: N_("Facilities"),
    RecCategory.COMPLAINTS: N_("Complaint handling"),
    RecCategory.INFORMATION: N_("Service information"),
    RecCategory.INNOVATION: N_("Innovation"),
    RecCategory.OTHER: N_("Other"),
    Outcome.ADOPTED: N_("Adopted"),
    Outcome.DECLINED: N_("Declined"),
    FollowUpStatus.PLANNED: N_("Planned"),
    FollowUpStatus.IN_PROGRESS: N_("In progress"),
    FollowUpStatus.DONE: N_("Done"),
    AttachmentKind.PHOTO: N_("Photo"),
    AttachmentKind.DOCUMENT: N_("Document"),
    AttachmentKind.ATTENDANCE_SCAN: N_("Signed attendance list (scan)"),
    EscalationStatus.SENT: N_("Sent"),
    EscalationStatus.ACKNOWLEDGED: N_("Acknowledged"),
    EscalationStatus.ANSWERED: N_("Answered"),
    EscalationStatus.FORWARDED: N_("Forwarded"),
    EscalationStatus.DISPUTED: N_("Disputed"),
    # EscalationStatus.DONE ("selesai") is RecStatus.DONE's "done": the same key, the same label.
    IkmMethod.EXACT: N_("Weight exactly 1/9 per element (PermenPANRB 14/2017)"),
    IkmMethod.WEIGHT_0111: N_("Weight 0.111 per element (NRR × 0.111)"),
    PekpppUnsur.SERVICE_USERS: N_("Service users"),
    PekpppUnsur.EXPERTS: N_("Experts/practitioners/academics"),
    PekpppUnsur.RELATED_AGENCIES: N_("Related agencies"),
    PekpppUnsur.CIVIL_SOCIETY: N_("Civil society organisations"),
    PekpppUnsur.MEDIA: N_("Mass media"),
    OfficeZone.WIB: N_("WIB — Western Indonesia Time (UTC+7)"),
    OfficeZone.WITA: N_("WITA — Central Indonesia Time (UTC+8)"),
    OfficeZone.WIT: N_("WIT — Eastern Indonesia Time (UTC+9)"),
    AgeBand.UNDER_20: N_("Under 20"),
    AgeBand.FROM_20: N_("20–29"),
    AgeBand.FROM_30: N_("30–39"),
    AgeBand.FROM_40: N_("40–49"),
    AgeBand.FROM_50: N_("50–59"),
    AgeBand.FROM_60: N_("60 and over"),
    Education.PRIMARY: N_("Primary school (SD)"),
    Education.JUNIOR_SECONDARY: N_("Junior secondary (SMP)"),
    Education.SENIOR_SECONDARY: N_("Senior secondary (SMA/SMK)"),
    Education.DIPLOMA: N_("Diploma (D1–D4)"),
    Education.BACHELOR: N_("Bachelor (S1)"),
    Education.POSTGRADUATE: N_("Master or doctorate (S2/S3)"),
    Occupation.CIVIL_SERVANT: N_("Civil servant (PNS/ASN)"),
    Occupation.MILITARY_POLICE: N_("Military or police (TNI/Polri)"),
    Occupation.PRIVATE: N_("Private employee"),
    Occupation.SELF_EMPLOYED: N_("Self-employed"),
    Occupation.STUDENT: N_("Student"),
    Occupation.OTHER: N_("Other occupation"),
}

# Spellings seen in office spreadsheets and the shared sample data, beyond the labels.
ALIASES: dict[StrEnum, tuple[str, ...]] = {
    Category.SERVICE_USER: ("pengguna_layanan", "pengguna", "masyarakat", "user"),
    Category.CLIENT_OFFICE: ("satker", "satuan kerja", "opd", "skpd", "client office"),
    Category.STAKEHOLDER: ("pemangku_kepentingan", "stakeholder", "mitra"),
    Category.ACADEMIC: ("akademisi", "pakar", "ahli", "expert"),
    Category.COMMUNITY_FIGURE: ("tokoh_masyarakat", "tokoh", "tokoh agama", "tokoh adat"),
    Category.NGO: ("lsm", "ormas", "cso", "lsm/ormas"),
    Category.MEDIA: ("pers", "wartawan", "jurnalis"),
    Category.VULNERABLE_GROUP: (
        "kelompok_rentan",
        "rentan",
        "disabilitas",
        "penyandang disabilitas",
        "lansia",
    ),
    Category.GOVERNMENT: ("instansi pemerintah", "pemerintah", "pemda"),
    Category.OTHER: ("lain", "lainnya"),
    Gender.MALE: ("l", "lk", "laki", "laki-laki", "pria", "m"),
    Gender.FEMALE: ("p", "pr", "wanita", "f"),
    Role.SPEAKER: ("narasumber", "pembicara"),
    Role.ORGANIZER: ("panitia", "penyelenggara", "fasilitator", "moderator", "notulis"),
    RecStatus.PROPOSED: ("diusulkan",),
    RecStatus.ACCEPTED: ("diterima",),
    RecStatus.REJECTED: ("ditolak",),
    RecStatus.MERGED: ("digabung",),
    RecStatus.IN_PROGRESS: ("dalam_proses",),
    RecStatus.DONE: ("selesai",),
    RecStatus.ESCALATED: ("dieskalasi",),
    RecStatus.ANSWERED: ("dijawab",),
    Scope.UNIT: ("ranah unit", "unit"),
    Scope.POLICY: ("kebijakan", "policy"),
    AgeBand.UNDER_20: ("<20", "< 20", "dibawah 20", "di bawah 20"),
    AgeBand.FROM_20: ("20-29",),
    AgeBand.FROM_30: ("30-39",),
    AgeBand.FROM_40: ("40-49",),
    AgeBand.FROM_50: ("50-59",),
    AgeBand.FROM_60: ("60+", ">60", "> 60", "60 ke atas"),
    Education.PRIMARY: ("sd", "sekolah dasar"),
    Education.JUNIOR_SECONDARY: ("smp", "sltp"),
    Education.SENIOR_SECONDARY: ("sma", "smk", "slta", "sma/smk"),
    Education.DIPLOMA: ("d1", "d2", "d3", "d4", "diploma", "d1-d3-d4", "d1/d2/d3/d4"),
    Education.BACHELOR: ("s1", "sarjana"),
    Education.POSTGRADUATE: ("s2", "s3", "s2 ke atas", "pascasarjana", "magister", "doktor"),
    Occupation.CIVIL_SERVANT: ("pns", "asn", "pegawai negeri"),
    Occupation.MILITARY_POLICE: ("tni", "polri", "tni/polri"),
    Occupation.PRIVATE: ("swasta", "pegawai swasta", "karyawan swasta"),
    Occupation.SELF_EMPLOYED: ("wirausaha", "wiraswasta", "usahawan"),
    Occupation.STUDENT: ("pelajar", "mahasiswa", "pelajar/mahasiswa"),
    Occupation.OTHER: ("lainnya", "lain-lain", "lain"),
}

E = TypeVar("E", bound=StrEnum)


def label(value: StrEnum) -> str:
    """The user-facing name of a code, in the current language."""
    return tr(LABELS[value])


def _fold(text: str) -> str:
    return re.sub(r"[\s_\-/()]+", " ", text.strip().lower()).strip()


def parse_choice(enum: type[E], text: str) -> E | None:
    """The member of `enum` that `text` names (code, label in any language, alias), or None."""
    wanted = _fold(text)
    if not wanted:
        return None
    for member in enum:
        names = [member.value, *ALIASES.get(member, ())]
        if member in LABELS:
            names += [translate_to(language, LABELS[member]) for language in LANGUAGES]
            names.append(LABELS[member])
        if wanted in {_fold(name) for name in names}:
            return member
    return None


def choices_text(enum: type[StrEnum]) -> str:
    """A comma-separated list of the labels a user may choose from (for error messages)."""
    return ", ".join(label(member) if member in LABELS else member.value for member in enum)
