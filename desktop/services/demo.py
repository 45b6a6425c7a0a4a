"""The demo data: the real forum of seed 000, KPPN Sorong, Wednesday 21 August 2024.

From the article: KPPN Sorong held a Forum Konsultasi Publik with its partners: client offices
(satker), stakeholders, service users and academics. It evaluated the service standards in
force. Recommendations within KPPN's own scope (better service, customer service) are followed
up by the office; policy recommendations are proposed step by step to the head office. The head
of the office is Gandung Triyasmoko; the office has 19 staff and serves many satker across a
wide, hard-to-reach region.

Participant names, the letterhead address, phone and NIP numbers are illustrative, not from the
article. Loading twice does not duplicate anything.

On a laptop with no office yet (first run, `mufakat demo`), the demo office becomes the laptop's
office. On a laptop that has its own office, the demo is loaded as a *sample* beside it
(`load_sample`): its own units, marked "(contoh)", a forum titled "CONTOH — …", and nothing of it
ever goes to the office's server (the units are `ExampleUnit`s: the journal audits their
records and queues no operation for them; the office's server would refuse another office's
records, and a real office of the same code, or its real parent office, must never receive
the demo's recommendations or escalations). `remove_sample` tombstones all of it in one action.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError
from desktop.core.i18n import tr
from desktop.core.vocab import OfficeZone
from desktop.models import SYNCED_MODELS, ExampleUnit, Forum, Unit
from desktop.rules import skm
from desktop.services import (
    agenda,
    escalations,
    followups,
    forums,
    participants,
    survey_actions,
    surveys,
    units,
)
from desktop.services import recommendations as recs
from desktop.services.context import Context
from desktop.services.journal import Journal, example_units, start_action
from protocol.ids import new_id

DEMO_TITLE = "Forum Konsultasi Publik KPPN Sorong Tahun 2024"
SAMPLE_TITLE = "CONTOH — " + DEMO_TITLE  # the sample beside an office's own forums says what it is
SAMPLE_NAME = "{name} (contoh)"
SAMPLE_CODE = "CONTOH-{code}-{suffix}"  # unique: a removed sample's tombstoned units keep theirs
DEMO_DATE = "2024-08-21"

UNITS: list[dict[str, Any]] = [
    {
        "code": "DJPB",
        "name": "Direktorat Jenderal Perbendaharaan",
        "full_name": "Direktorat Jenderal Perbendaharaan",
        "letterhead": "KEMENTERIAN KEUANGAN REPUBLIK INDONESIA",
        "city": "Jakarta",
        "time_zone": "WIB",
        "head_title": "Direktur Jenderal Perbendaharaan",
    },
    {
        "code": "KANWIL-PBD",
        "name": "Kanwil DJPb Provinsi Papua Barat Daya",
        "full_name": "Kantor Wilayah Direktorat Jenderal Perbendaharaan Provinsi Papua Barat Daya",
        "parent": "DJPB",
        "letterhead": "KEMENTERIAN KEUANGAN REPUBLIK INDONESIA\nDIREKTORAT JENDERAL PERBENDAHARAAN",
        "city": "Sorong",
        "time_zone": "WIT",
        "head_title": "Kepala Kantor Wilayah",
    },
    {
        "code": "KPPN-SORONG",
        "name": "KPPN Sorong",
        "full_name": "Kantor Pelayanan Perbendaharaan Negara Sorong",
        "parent": "KANWIL-PBD",
        "letterhead": "KEMENTERIAN KEUANGAN REPUBLIK INDONESIA\nDIREKTORAT JENDERAL PERBENDAHARAAN\n"
        "KANTOR WILAYAH DIREKTORAT JENDERAL PERBENDAHARAAN PROVINSI PAPUA BARAT DAYA",
        "address": "Jl. Jenderal Ahmad Yani, Kota Sorong, Papua Barat Daya",
        "city": "Sorong",
        "phone": "(0951) 321000",
        "time_zone": "WIT",
        "head_title": "Kepala KPPN Sorong",
        "head_name": "Gandung Triyasmoko",
        "head_nip": "197505152000031001",
    },
]

PARTICIPANTS: list[dict[str, Any]] = [
    {
        "name": "Martina Rumbiak",
        "organization": "Satker Dinas Pendidikan",
        "category": "client_office",
        "gender": "female",
    },
    {
        "name": "Agustinus Wambrauw",
        "organization": "Satker RSUD Sorong",
        "category": "client_office",
        "gender": "male",
    },
    {
        "name": "Yohanis Kambu",
        "organization": "Satker Polres Sorong",
        "category": "client_office",
        "gender": "male",
    },
    {
        "name": "Siti Rahayu",
        "organization": "Kantor Camat Sorong Timur",
        "category": "client_office",
        "gender": "female",
    },
    {
        "name": "Fransiska Sapulete",
        "organization": "Satker Balai Wilayah Sungai Papua Barat",
        "category": "client_office",
        "gender": "female",
    },
    {
        "name": "Ahmad Junaidi",
        "organization": "Bank Mitra KPPN Sorong",
        "category": "stakeholder",
        "gender": "male",
    },
    {
        "name": "Maria Mandacan",
        "organization": "Bank Mitra KPPN Sorong",
        "category": "stakeholder",
        "gender": "female",
    },
    {
        "name": "Bambang Irawan",
        "organization": "PT Pos Indonesia Cabang Sorong",
        "category": "stakeholder",
        "gender": "male",
    },
    {
        "name": "Nur Yulianti",
        "organization": "Rekanan pengadaan",
        "category": "service_user",
        "gender": "female",
    },
    {
        "name": "Kusharyanto Hasri",
        "organization": "Bendahara satker",
        "category": "service_user",
        "gender": "male",
    },
    {
        "name": "Yusna Tangdilintin",
        "organization": "Bendahara satker",
        "category": "service_user",
        "gender": "female",
    },
    {
        "name": "Firman Arwanto",
        "organization": "Universitas Muhammadiyah Sorong",
        "category": "academic",
        "gender": "male",
    },
    {
        "name": "Otok Kuswandaru",
        "organization": "Universitas Papua",
        "category": "academic",
        "gender": "male",
        "attended": False,
    },
]

AGENDA: list[dict[str, Any]] = [
    {
        "title": "Pembukaan dan sambutan Kepala KPPN Sorong",
        "presenter": "Gandung Triyasmoko",
        "planned_minutes": 15,
    },
    {
        "title": "Paparan evaluasi standar pelayanan KPPN Sorong",
        "presenter": "Seksi Bank",
        "planned_minutes": 30,
    },
    {
        "title": "Diskusi: masukan dan rekomendasi mitra kerja",
        "presenter": "Moderator",
        "planned_minutes": 60,
    },
    {"title": "Perumusan kesepakatan dan penutup", "presenter": "Gandung Triyasmoko", "planned_minutes": 15},
]

SUMMARY = (
    "Forum menjadi wadah evaluasi atas standar pelayanan KPPN Sorong yang telah diimplementasikan. "
    "Mitra kerja menyampaikan review, saran dan rekomendasi atas pelayanan. Peserta menyoroti "
    "kendala kontur dan geografis wilayah yang luas, akses yang sulit dijangkau pada beberapa titik, "
    "serta banyaknya satker di Papua Barat Daya yang dilayani KPPN Sorong."
)
AGREEMENTS = (
    "1. Rekomendasi yang menjadi ranah KPPN Sorong ditindaklanjuti oleh KPPN Sorong.\n"
    "2. Rekomendasi yang bersifat kebijakan diusulkan secara berjenjang kepada Kanwil DJPb Provinsi "
    "Papua Barat Daya dan Kantor Pusat Direktorat Jenderal Perbendaharaan sebagai referensi "
    "penyusunan standar layanan.\n"
    "3. KPPN Sorong meningkatkan koordinasi dan komunikasi dengan pengguna layanan."
)


@dataclass(frozen=True)
class DemoResult:
    forum_id: str
    created: bool


def ensure_units(session: Session, ctx: Context) -> dict[str, str]:
    """The demo's unit tree (made if missing); code → id."""
    ids: dict[str, str] = {}
    for spec in UNITS:
        values = {k: v for k, v in spec.items() if k != "parent"}
        existing = units.unit_by_code(session, spec["code"])
        if existing is not None:
            ids[spec["code"]] = existing.id
            continue
        parent = ids.get(spec.get("parent", ""))
        ids[spec["code"]] = units.create_unit(session, ctx, parent_id=parent, **values)
    return ids


def _sample_units(session: Session, ctx: Context) -> dict[str, str]:
    """A unit tree of the demo's own, marked as a sample and kept on this laptop; code → id."""
    ids: dict[str, str] = {}
    suffix = new_id()[-4:].upper()
    for spec in UNITS:
        unit_id = new_id()
        session.add(ExampleUnit(unit_id=unit_id, added_at=ctx.now()))
        example_units(session).add(unit_id)  # before its first record is journaled
        values = {k: v for k, v in spec.items() if k != "parent"}
        values["code"] = SAMPLE_CODE.format(code=spec["code"], suffix=suffix)
        values["name"] = SAMPLE_NAME.format(name=spec["name"])
        parent = ids.get(spec.get("parent", ""))
        ids[spec["code"]] = units.create_unit(session, ctx, new_unit_id=unit_id, parent_id=parent, **values)
    return ids


def sample_forum(session: Session) -> str | None:
    """The sample forum loaded beside the office's own, if there is one now."""
    return session.scalar(
        select(Forum.id).where(
            Forum.unit_id.in_(example_units(session)), Forum.title == SAMPLE_TITLE, Forum.deleted.is_(False)
        )
    )


def load_sample(session: Session, ctx: Context) -> DemoResult:
    """The demo forum beside the office's own forums, as a sample: its own units, a title that
    says so, nothing sent to the server. Loaded once; the office's records are not touched."""
    existing = sample_forum(session) or _demo_of_office(session, ctx.home_unit_id)
    if existing is not None:
        return DemoResult(existing, created=False)
    if ctx.home_unit_id is None:
        return load_demo(session, ctx)  # no office yet: the demo office becomes this laptop's
    return _load(session, ctx, _sample_units(session, ctx), SAMPLE_TITLE)


def remove_sample(session: Session, ctx: Context) -> int:
    """Remove the sample in one action: every record of its units tombstoned and audited, as any
    delete (nothing goes to the server: none of it was ever sent). Returns how many."""
    examples = example_units(session)
    if sample_forum(session) is None:
        raise InputError(tr("There is no sample forum to remove."))
    start_action(session)
    removed = 0
    for model in SYNCED_MODELS:
        if model.__tablename__ == "audit_events":
            continue  # the history stays: it says who loaded and who removed the sample
        rows = session.scalars(select(model).where(model.unit_id.in_(examples), model.deleted.is_(False)))
        for row in rows:
            Journal(session, ctx).delete(row, "remove_sample")
            removed += 1
    return removed


def _demo_of_office(session: Session, office: str | None) -> str | None:
    """The demo forum, where the demo office is this laptop's own (loaded at first run)."""
    if office is None:
        return None
    return session.scalar(
        select(Forum.id).where(Forum.unit_id == office, Forum.title == DEMO_TITLE, Forum.deleted.is_(False))
    )


def load_demo(session: Session, ctx: Context) -> DemoResult:
    unit_ids = ensure_units(session, ctx)
    kppn = unit_ids["KPPN-SORONG"]
    existing = session.scalar(
        select(Forum).where(Forum.unit_id == kppn, Forum.title == DEMO_TITLE, Forum.deleted.is_(False))
    )
    if existing is not None:
        return DemoResult(existing.id, created=False)
    if ctx.home_unit_id is None:
        units.set_home_unit(session, ctx, kppn)
    return _load(session, ctx, unit_ids, DEMO_TITLE)


@dataclass
class DatedContext(Context):
    """The demo's story told on its own days: every record, sign-in and line of history is dated
    when it would have happened (the forum on 21 August 2024 in Sorong, the triage after it),
    not when the demo was loaded, so the recap, the berita acara and a report *posisi per* a
    past day read as they would have. Only the wall time is the story's: the sync clock (HLC)
    stays this laptop's, so nothing of the demo orders wrongly against later changes."""

    at: datetime | None = None

    def now(self) -> datetime:
        return self.at if self.at is not None else super().now()

    def on(self, day: str, clock: str) -> DatedContext:
        """From now on, `clock` (HH:MM, the office's WIT) on `day` (YYYY-MM-DD)."""
        self.at = datetime.combine(date.fromisoformat(day), time.fromisoformat(clock), tzinfo=DEMO_ZONE)
        return self

    def later(self, minutes: int) -> DatedContext:
        assert self.at is not None
        self.at += timedelta(minutes=minutes)
        return self


DEMO_ZONE = OfficeZone.WIT.tzinfo()  # Sorong


def dated(ctx: Context) -> DatedContext:
    return DatedContext(**{f.name: getattr(ctx, f.name) for f in fields(Context)})


def _load(session: Session, real: Context, unit_ids: dict[str, str], title: str) -> DemoResult:
    kppn = unit_ids["KPPN-SORONG"]
    ctx = dated(real).on("2024-07-29", "10:00")  # planned three weeks ahead
    forum_id = forums.create_forum(
        session,
        ctx,
        unit_id=kppn,
        title=title,
        theme="Evaluasi standar pelayanan KPPN Sorong",
        held_on=DEMO_DATE,
        starts_at="09:00",
        ends_at="12:00",
        venue="Aula KPPN Sorong",
        mode="face_to_face",
        facilitator="Gandung Triyasmoko",
        moderator="Kepala Seksi Bank",
        note_taker="Pelaksana Umum",
        document_number="BA-1/KPN.1701/2024",
    )
    items = [agenda.add_item(session, ctx.later(5), forum_id, **item) for item in AGENDA]
    ctx.on(DEMO_DATE, "08:25")  # the forum's morning: people sign in as they arrive
    people = [
        participants.add_participant(session, ctx.later(3), forum_id, **{"attended": True, "invited": True, **p})
        for p in PARTICIPANTS
    ]
    forums.start_forum(session, ctx.on(DEMO_DATE, "09:05"), forum_id)
    discussion = items[2]
    ctx.on(DEMO_DATE, "10:05")  # the discussion

    def add(text: str, scope: str, who: int, category: str, votes: int, response: str = "") -> str:
        ctx.later(9)
        return recs.add_recommendation(
            session,
            ctx,
            forum_id,
            text=text,
            scope=scope,
            category=category,
            raised_by_id=people[who],
            agenda_item_id=discussion,
            votes=votes,
            response=response,
        )

    service = add(
        "Tingkatkan kualitas layanan KPPN Sorong, terutama kecepatan dan kepastian waktu "
        "penyelesaian layanan pencairan dana.",
        "unit",
        0,
        "time",
        9,
        "Kepala KPPN: target waktu penyelesaian SP2D akan diumumkan di ruang layanan dan dipantau setiap minggu.",
    )
    customer = add(
        "Perkuat customer service di KPPN Sorong: petugas khusus di front office dan layanan "
        "konsultasi pada jam sibuk awal bulan.",
        "unit",
        8,
        "staff",
        12,
        "Kepala Subbagian Umum: petugas customer service khusus disiapkan pada tanggal 1–10 setiap bulan.",
    )
    duplicate = add("Tambah petugas customer service pada jam sibuk.", "unit", 9, "staff", 4)
    coordination = add(
        "Tingkatkan koordinasi dan komunikasi dengan pengguna layanan melalui sosialisasi "
        "berkala dan grup layanan satker.",
        "unit",
        3,
        "information",
        7,
    )
    board = add(
        "Perbarui papan informasi standar pelayanan dan maklumat pelayanan di ruang layanan.",
        "unit",
        11,
        "information",
        3,
    )
    remote = add(
        "Usulkan layanan jemput bola bagi satker di distrik yang sulit dijangkau karena kontur "
        "dan geografis Papua Barat Daya.",
        "policy",
        1,
        "procedure",
        10,
        "Kepala KPPN: layanan jemput bola memerlukan kebijakan kantor pusat; diusulkan secara berjenjang.",
    )
    standard = add(
        "Usulkan penyesuaian standar waktu layanan bagi satker di wilayah dengan akses dan "
        "jaringan terbatas sebagai referensi kebijakan penyusunan standar layanan.",
        "policy",
        5,
        "time",
        8,
    )
    weekend = add(
        "Buka layanan pada hari Sabtu menjelang akhir tahun anggaran.",
        "unit",
        10,
        "time",
        1,
        "Jam layanan mengikuti ketentuan kantor pusat; akan dijawab setelah forum.",
    )

    recs.merge(session, ctx.later(3), duplicate, customer)  # a duplicate, merged in the room
    forums.update_forum(session, ctx.on(DEMO_DATE, "11:45"), forum_id, summary=SUMMARY, agreements=AGREEMENTS)
    _demo_survey(session, ctx, kppn, forum_id)  # the semester's SKM, discussed at the forum
    forums.close_forum(session, ctx.on(DEMO_DATE, "12:00"), forum_id)  # the berita acara is frozen

    # Triage after the forum, as the head of office would do it (Friday 23 August).
    ctx.on("2024-08-23", "09:30")
    for rec_id in (service, customer, coordination, board, remote, standard):
        recs.accept(session, ctx.later(2), rec_id)
    recs.reject(
        session,
        ctx.later(5),
        weekend,
        "Jam layanan mengikuti ketentuan kantor pusat; layanan akhir tahun "
        "anggaran diatur melalui surat edaran tersendiri.",
    )
    ctx.on("2024-08-26", "08:30")  # the follow-up assigned on Monday
    followups.assign_follow_up(
        session,
        ctx,
        customer,
        action="Menugaskan petugas customer service khusus di front office pada tanggal 1-10 setiap bulan.",
        owner="Kepala Subbagian Umum",
        due_on="2024-09-30",
    )
    follow = followups.assign_follow_up(
        session,
        ctx.later(10),
        service,
        action="Menyusun dan mengumumkan target waktu penyelesaian SP2D di ruang layanan.",
        owner="Kepala Seksi Pencairan Dana",
        due_on="2024-09-13",
    )
    followups.update_follow_up(
        session,
        ctx.on("2024-09-10", "15:20"),
        follow,
        progress=100,
        evidence="Pengumuman target waktu SP2D dipasang 10 September 2024.",
        completed_on="2024-09-10",
    )
    recs.complete(session, ctx.on("2024-09-11", "09:10"), service, "Target waktu SP2D diumumkan dan dipantau mingguan.")
    followups.assign_follow_up(
        session,
        ctx.on("2024-08-26", "09:00"),
        coordination,
        action="Membentuk grup layanan satker dan jadwal sosialisasi triwulanan.",
        owner="Kepala Seksi Bank",
    )
    office = session.get(Unit, kppn)
    if office is not None and office.parent_id:  # an office set up as KPPN Sorong may have none yet
        ctx.on("2024-08-27", "10:00")  # proposed upward the week after
        escalations.escalate(session, ctx, remote, "Usulan berjenjang sesuai kesepakatan FKP.")
        escalations.escalate(session, ctx.later(5), standard, "Referensi penyusunan standar layanan.")
    return DemoResult(forum_id, created=True)


# The SKM of the semester before the forum, discussed at it, and the one before that (its trend).
# Illustrative figures: 120 service users (so 92 questionnaires are needed), answers drawn with a
# fixed seed so the index lands in band B (Baik), with complaint handling (element 8) the weakest.
SURVEY_USERS = 120
SURVEY_ANSWERS = {  # score → weight, per element
    "usual": ((1, 1), (2, 5), (3, 56), (4, 38)),
    "weak": ((1, 3), (2, 22), (3, 55), (4, 20)),
}
EARLIER_ANSWERS = {  # the semester before: complaint handling weaker still
    "usual": ((1, 2), (2, 8), (3, 58), (4, 32)),
    "weak": ((1, 6), (2, 30), (3, 50), (4, 14)),
}
PROFILES = (
    ("male", "30_39", "bachelor", "civil_servant", "Pencairan dana (SP2D)"),
    ("female", "40_49", "diploma", "civil_servant", "Konsultasi"),
    ("female", "20_29", "bachelor", "private", "Pencairan dana (SP2D)"),
    ("male", "50_59", "senior_secondary", "civil_servant", "Rekonsiliasi"),
)
# The rencana tindak lanjut of the semester's survey: its weakest element first.
SURVEY_ACTIONS: list[dict[str, Any]] = [
    {
        "element": 8,
        "action": "Menetapkan SOP penanganan pengaduan dan membuka kanal pengaduan daring (WhatsApp dan laman).",
        "owner": "Kepala Subbagian Umum",
        "due_on": "2024-09-30",
        "progress": 100,
        "realisation": "SOP penanganan pengaduan ditetapkan; kanal pengaduan daring dibuka 23 September 2024.",
        "completed_on": "2024-09-23",
    },
    {
        "element": 1,
        "action": "Memperbarui informasi persyaratan layanan di laman dan di ruang layanan.",
        "owner": "Kepala Seksi Bank",
        "due_on": "2024-10-31",
        "progress": 50,
    },
]


def _questionnaires(
    session: Session, ctx: Context, period: str, count: int, answers: dict[str, Any], seed: int, first: date
) -> None:
    rng = random.Random(seed)
    for n in range(count):
        scores = []
        for element in skm.ELEMENTS:
            values, weights = zip(*answers["weak" if element.number == 8 else "usual"], strict=True)
            scores.append(rng.choices(values, weights)[0])
        gender, age, education, occupation, service = PROFILES[n % len(PROFILES)]
        surveys.add_response(
            session,
            ctx,
            period,
            scores,
            gender=gender,
            age_band=age,
            education=education,
            occupation=occupation,
            service=service,
            answered_on=first + timedelta(days=n * 150 // count),  # collected over the semester
        )


def _demo_survey(session: Session, ctx: DatedContext, unit_id: str, forum_id: str) -> str:
    """Entered after each semester's questionnaires were collected; the time of day goes back to
    the forum's when done."""
    resume = ctx.at
    period = surveys.create_period(
        session,
        ctx.on("2024-07-15", "10:00"),
        unit_id=unit_id,
        title="SKM Semester I 2024",
        starts_on="2024-01-01",
        ends_on="2024-06-30",
        forum_id=forum_id,
        service_users=SURVEY_USERS,
        note="Data ilustratif untuk contoh.",
    )
    _questionnaires(session, ctx, period, skm.minimum_sample(SURVEY_USERS), SURVEY_ANSWERS, 2024, date(2024, 1, 8))
    ctx.on("2024-07-22", "09:00")  # its rencana tindak lanjut; progress reported on the day it was made
    for action in SURVEY_ACTIONS:
        planned = {k: v for k, v in action.items() if k in ("element", "action", "owner", "due_on")}
        item = survey_actions.add_action(session, ctx.later(10), period, **planned)
        progress = {k: v for k, v in action.items() if k not in planned}
        if progress:
            reported = str(action.get("completed_on", "2024-08-19"))
            survey_actions.update_action(session, ctx.on(reported, "15:00"), item, **progress)
    earlier = surveys.create_period(
        session,
        ctx.on("2024-01-12", "10:00"),
        unit_id=unit_id,
        title="SKM Semester II 2023",
        starts_on="2023-07-01",
        ends_on="2023-12-31",
        service_users=SURVEY_USERS,
        note="Data ilustratif untuk contoh.",
    )
    _questionnaires(session, ctx, earlier, skm.minimum_sample(SURVEY_USERS), EARLIER_ANSWERS, 2023, date(2023, 7, 10))
    ctx.at = resume
    return period
