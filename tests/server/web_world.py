"""A published forum of KPPN Sorong as laptops push it (over HTTP, with real tokens), for the web
pages' tests: every state a recommendation can show the public, and personal data marked so a
test can prove it never leaves (names, phones, e-mails, who raised a recommendation)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from protocol.ids import new_id
from protocol.users import user_id
from tests.server.conftest import STAMP, applied, create, enrolled, transition
from tests.server.file_wire import attachment, photo, upload
from tests.server.serving import Running
from tests.server.wire import NOW, Raw, valid_fields

# Personal data no page, export or QR target may show (the public, the parent office, the admin).
MARKERS = (
    "Yohana Penandarahasia",  # a participant
    "0812-7788-9911",  # her phone
    "yohana.penanda@contoh.id",  # her e-mail
    "Bonifasius Rahasiapeserta",  # the organiser (staff) at the door
    "0813-4455-6677",
    "boni.rahasia@contoh.id",
    "Fasilitator Rahasianama",  # the facilitator, signatories
)
RAISED_BY_MARK = "raised_by"  # never in a page: neither the field nor its value


@dataclass
class WebWorld:
    kppn: Raw
    kanwil: Raw
    manokwari: Raw
    forum: str
    hidden_forum: str  # closed, not published
    raised_by: str  # the participant who raised a recommendation


def _person(raw: Raw, forum: str, name: str, category: str, **values: Any) -> str:
    return create(raw, "participants", forum_id=forum, name=name, category=category, attended=True, **values)


def _rec(
    raw: Raw, forum: str, text: str, scope: str, *steps: tuple[str, dict[str, Any]], **values: Any
) -> str:
    rec = create(raw, "recommendations", forum_id=forum, text=text, scope=scope, **values)
    for action, register in steps:
        applied(raw, transition(raw, "recommendations", rec, action, **register, **STAMP))
    return rec


def _close(raw: Raw, forum: str) -> None:
    applied(raw, transition(raw, "forums", forum, "start", status="running", **STAMP))
    applied(raw, transition(raw, "forums", forum, "close", status="closed", **STAMP))


def publish(raw: Raw, forum: str, published: bool = True) -> None:
    applied(raw, raw.op("forums", forum, "update", {"set": {"published": published}, "base": {}, "at": NOW}))


def web_world(running: Running) -> WebWorld:
    kppn, kanwil, manokwari = (
        enrolled(running, code) for code in ("KPPN-SORONG", "KANWIL-PBD", "KPPN-MANOKWARI")
    )
    signatory = {"role": "head", "name": MARKERS[6], "nip": "197505152000031001", "title": "Kepala Kantor"}
    forum = create(
        kppn,
        "forums",
        title="FKP Layanan Pencairan Dana 2026",
        theme="Percepatan pencairan dana bagi satker di daerah terpencil",
        held_on="2026-10-01",
        venue="Aula KPPN Sorong",
        facilitator=MARKERS[6],
        signatories=[signatory],
    )
    raiser = _person(kppn, forum, MARKERS[0], "service_user", phone=MARKERS[1], email=MARKERS[2])
    _person(kppn, forum, "Peserta Dua", "service_user")
    _person(kppn, forum, "Peserta Tiga", "academic")
    _person(kppn, forum, "Peserta Empat", "media")
    _person(kppn, forum, MARKERS[3], "government", role="organizer", phone=MARKERS[4], email=MARKERS[5])
    create(kppn, "participants", forum_id=forum, name="Tidak Hadir", category="ngo", attended=False)
    accepted = ("accept", {"status": "accepted"})
    started = ("start", {"status": "in_progress"})
    going = _rec(kppn, forum, "Perpanjang jam layanan loket", "unit", accepted, started, raised_by_id=raiser)
    for progress in (40, 60):
        create(
            kppn,
            "follow_ups",
            recommendation_id=going,
            action="Jadwal baru",
            owner=MARKERS[6],
            progress=progress,
        )
    done = _rec(kppn, forum, "Sediakan loket prioritas", "unit", accepted, started)
    action = create(
        kppn,
        "follow_ups",
        recommendation_id=done,
        action="Loket dibuka",
        owner=MARKERS[6],
        progress=100,
        status="done",
    )
    data, _media = photo()
    sha = upload(kppn, data)
    applied(
        kppn,
        kppn.op(
            "attachments",
            new_id(),
            "create",
            attachment(
                kppn, "follow_ups", action, sha, len(data), caption="Foto loket prioritas yang sudah dibuka"
            ),
        ),
    )
    applied(
        kppn,
        transition(
            kppn, "recommendations", done, "complete", status="done", status_reason="Loket dibuka", **STAMP
        ),
    )
    waiting = _rec(kppn, forum, "Jemput bola bagi satker terpencil", "policy", accepted)
    _escalate(kppn, waiting, kanwil.unit_id, "Jemput bola bagi satker terpencil")
    answered = _rec(kppn, forum, "Tambah kanal konsultasi daring", "policy", accepted)
    asked = _escalate(kppn, answered, kanwil.unit_id, "Tambah kanal konsultasi daring")
    answer = {
        "status": "answered",
        "answer": "Kanal WhatsApp resmi dibuka mulai Januari 2027",
        "outcome": "adopted",
        "answered_by": "Kepala Kanwil",
        "answered_at": NOW,
    }
    applied(kanwil, transition(kanwil, "escalations", asked, "answer", **answer))
    _rec(
        kppn,
        forum,
        "Usulan di luar kewenangan",
        "unit",
        ("reject", {"status": "rejected", "status_reason": MARKERS[0]}),
    )
    _close(kppn, forum)
    publish(kppn, forum)
    hidden = create(kppn, "forums", title="Forum yang tidak diterbitkan", held_on="2026-09-01")
    _rec(kppn, hidden, "Rekomendasi forum tertutup", "unit")
    _close(kppn, hidden)
    return WebWorld(kppn, kanwil, manokwari, forum, hidden, raiser)


def _escalate(raw: Raw, rec: str, to_unit: str, text: str) -> str:
    escalation, action = new_id(), new_id()
    sent = valid_fields(
        "escalations",
        raw.unit_id,
        recommendation_id=rec,
        from_unit_id=raw.unit_id,
        to_unit_id=to_unit,
        rec_text=text,
        forum_title="FKP Layanan Pencairan Dana 2026",
        forum_held_on="2026-10-01",
        sent_at=NOW,
    )
    applied(
        raw,
        raw.op("escalations", escalation, "create", sent, action_id=action),
        {
            **transition(raw, "recommendations", rec, "escalate", status="escalated", **STAMP),
            "action_id": action,
        },
    )
    return escalation


KEPALA_NIP, OPERATOR_NIP, ADMIN_NIP = "197001011995031002", "199203152015032003", "198705122010121001"
PASSWORD = "rahasia-kanwil-1"


def add_user(
    raw: Raw,
    nip: str,
    name: str,
    roles: list[str],
    password: str = PASSWORD,
    active: bool = True,
    **extra: Any,
) -> str:
    """A user of the device's unit as its laptop syncs it (the argon2id hash made there)."""
    from argon2 import PasswordHasher

    record = user_id(raw.unit_id, nip)
    fields = valid_fields(
        "users",
        raw.unit_id,
        nip=nip,
        name=name,
        roles=roles,
        password_hash=PasswordHasher().hash(password),
        active=active,
    )
    applied(raw, raw.op("users", record, "create", fields, **extra))
    return record


def deactivate(raw: Raw, record: str) -> None:
    change = {"active": False, "deactivated_at": NOW, "deactivated_by": "Admin"}
    applied(raw, raw.op("users", record, "update", {"set": change, "base": {}, "at": NOW}))


def add_survey(raw: Raw, title: str, ends_on: str, scores: list[list[int]]) -> str:
    period = create(raw, "survey_periods", title=title, starts_on=ends_on[:4] + "-01-01", ends_on=ends_on)
    for answers in scores:
        create(
            raw, "survey_responses", period_id=period, **{f"u{n}": s for n, s in enumerate(answers, start=1)}
        )
    return period
