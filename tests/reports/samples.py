"""Forum reports made in memory (no database), for the layout tests: as large, as long-titled,
as empty or as international as a test needs."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, time

from PIL import Image, ImageDraw

from desktop.core.vocab import Category, ForumMode, ForumStatus, Gender, OfficeZone, RecStatus, Role, Scope
from desktop.services.report_data import (
    AgendaLine,
    ForumReport,
    MergedLine,
    Person,
    RecLine,
    UnitInfo,
)

NAMES = [
    "Zoë Łukasiewicz-Ñúñez",
    "Nguyễn Thị Hồng",
    "Ömer Ağaoğlu",
    "Søren Kierkegård",
    "Yusna Tangdilintin",
    "Agustinus Wambrauw",
    "Anak Agung Ngurah Ketut Suryawan",
    "Maria Fransiska Mandacan",
]
ORGANISATIONS = [
    "Satker Balai Wilayah Sungai Papua Barat",
    "Bank Mitra KPPN Sorong",
    "Universitas Muhammadiyah Sorong",
    "Lembaga Bantuan Hukum Kabupaten Sorong Selatan",
    "Kantor Camat Sorong Timur",
]


def logo_png() -> bytes:
    image = Image.new("RGB", (160, 160), "white")
    ImageDraw.Draw(image).ellipse((10, 10, 150, 150), outline="navy", width=12)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def unit(**changes: object) -> UnitInfo:
    full = UnitInfo(
        name="KPPN Sorong",
        letterhead=(
            "Kementerian Keuangan Republik Indonesia",
            "Direktorat Jenderal Perbendaharaan",
            "Kantor Wilayah Direktorat Jenderal Perbendaharaan Provinsi Papua Barat Daya",
        ),
        address="Jl. Jenderal Ahmad Yani Nomor 25, Kelurahan Klademak, Distrik Sorong Timur, Kota Sorong, "
        "Papua Barat Daya 98411",
        city="Sorong",
        phone="(0951) 321 000",
        email="kppn.sorong@perbendaharaan.go.id",
        website="djpb.kemenkeu.go.id/kppn/sorong",
        head_title="Kepala KPPN Sorong",
        head_name="Gandung Triyasmoko",
        head_nip="197505152000031001",
        parent_name="Kanwil DJPb Provinsi Papua Barat Daya",
        parent_head_title="Kepala Kantor Wilayah",
        full_name="Kantor Pelayanan Perbendaharaan Negara Sorong",
        logo_png=logo_png(),
        time_zone=OfficeZone.WIT,
        parent_full_name="Kantor Wilayah Direktorat Jenderal Perbendaharaan Provinsi Papua Barat Daya",
        parent_city="Sorong",
        above_parent_head_title="Direktur Jenderal Perbendaharaan",
    )
    return replace(full, **changes)  # type: ignore[arg-type]


EMPTY_UNIT = UnitInfo(
    name="",
    letterhead=(),
    address="",
    city="",
    phone="",
    email="",
    website="",
    head_title="",
    head_name="",
    head_nip="",
    parent_name="",
    parent_head_title="",
)

CATEGORIES = list(Category)


def people(count: int) -> tuple[Person, ...]:
    return tuple(
        Person(
            name=f"{NAMES[n % len(NAMES)]} {n:03d}",
            organization=ORGANISATIONS[n % len(ORGANISATIONS)],
            category=CATEGORIES[n % len(CATEGORIES)],
            gender=(Gender.MALE, Gender.FEMALE, None)[n % 3],
            vulnerable=n % 7 == 0,
            role=Role.PARTICIPANT,
            phone=f"0812-3456-{n:04d}",
            attended=True,
            id=f"person-{n:04d}",
        )
        for n in range(count)
    )


def recommendations(count: int, who: tuple[Person, ...]) -> tuple[RecLine, ...]:
    return tuple(
        RecLine(
            number=n + 1,
            text=(
                f"Rekomendasi {n + 1}: tingkatkan kualitas layanan dan keterbukaan informasi standar "
                "pelayanan agar pengguna layanan di distrik terpencil terlayani tepat waktu"
                + (" dengan kebijakan penyesuaian standar waktu pelayanan." if n % 4 == 0 else ".")
            ),
            scope=Scope.POLICY if n % 3 == 0 else Scope.UNIT,
            status=RecStatus.PROPOSED,
            status_reason="",
            outcome=None,
            votes=n % 17,
            raised_by=who[n % len(who)].name if who else "",
            raised_by_category=who[n % len(who)].category if who else None,
            follow_ups=(),
            escalations=(),
            merged=(
                MergedLine("Usulan serupa: perbanyak petugas pada jam sibuk.", "Nguyễn Thị Hồng 001", "m"),
            )
            if n % 25 == 0
            else (),
            id=f"rec-{n:04d}",
        )
        for n in range(count)
    )


def forum(
    attendees: int = 12,
    recs: int = 7,
    title: str = "Forum Konsultasi Publik KPPN Sorong Tahun 2025",
    office: UnitInfo | None = None,
    status: ForumStatus = ForumStatus.CLOSED,
    number: str = "BA-7/KPN.1701/2025",
) -> ForumReport:
    who = people(attendees)
    return ForumReport(
        unit=unit() if office is None else office,
        title=title,
        theme="Evaluasi standar pelayanan dan maklumat pelayanan",
        held_on=date(2025, 3, 12),
        starts_at=time(8, 30),
        ends_at=time(15, 0),
        venue="Gedung Serbaguna Sorong",
        mode=ForumMode.FACE_TO_FACE,
        facilitator="Gandung Triyasmoko",
        moderator="Kepala Seksi Bank",
        note_taker="Pelaksana Umum",
        document_number=number,
        summary="Peserta menyampaikan masukan atas standar pelayanan.\n\nDibahas pula kendala jaringan.",
        agreements="1. Rekomendasi ranah unit ditindaklanjuti.\n2. Rekomendasi kebijakan diusulkan ke atas.",
        status=status,
        signatories=(
            {
                "role": "Kepala unit",
                "name": "Gandung Triyasmoko",
                "nip": "19750515 200003 1 001",
                "title": "Kepala KPPN Sorong",
            },
            {"role": "Perwakilan masyarakat", "name": "Zoë Łukasiewicz-Ñúñez", "nip": "", "title": ""},
        ),
        participants=who,
        agenda=(AgendaLine("Pembukaan", "Gandung Triyasmoko", 10), AgendaLine("Diskusi", "Moderator", 90)),
        recommendations=recommendations(recs, who),
    )
