"""The surat undangan (PermenPANRB 16/2017, pra pelaksanaan): one letter per invited organisation
in one PDF, from the invitation list, with the office's nomor, sifat and hal."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError
from desktop.core.vocab import Role
from desktop.models import Participant
from desktop.reports.invitation import CLOSING, PLACEHOLDER, build_invitations
from desktop.services import agenda, participants, templates
from desktop.services.document_data import Invitations, Invitee, Letter, invitations
from desktop.services.report_data import AgendaLine
from desktop.services.templates import Templates
from tests.helpers import make_tree
from tests.reports import samples
from tests.reports.conftest import all_text, out_of_page, page_lines, pdf_text

TODAY = date(2024, 8, 14)
TEMPLATES = Templates("", "", "", "", "Biasa", "Undangan Forum Konsultasi Publik")


def test_one_letter_per_invited_organisation(demo_ws: Workspace, demo_forum: str) -> None:
    with demo_ws.store.read() as session:
        invited = session.scalars(
            select(Participant).where(
                Participant.forum_id == demo_forum,
                Participant.invited.is_(True),
                Participant.role != Role.ORGANIZER,
                Participant.deleted.is_(False),
            )
        ).all()
    organisations = {p.organization.casefold() for p in invited}
    pages = pdf_text(build_invitations(demo_ws.read(invitations, demo_forum, TODAY)))
    assert len(pages) == len(organisations)  # one page each: every letter fits one
    for page in pages:
        assert page.count("KANTOR PELAYANAN PERBENDAHARAAN NEGARA SORONG") == 1  # its own kop
        assert f"Nomor : {PLACEHOLDER}" in page and "Sifat : Biasa" in page and "Lampiran : -" in page
        assert "Hal : Undangan Forum Konsultasi Publik" in page and "Sorong, 14 Agustus 2024" in page
        assert (
            "Hari, tanggal : Rabu, 21 Agustus 2024" in page and "Pukul 09.00 sampai dengan 12.00 WIT" in page
        )
        assert CLOSING in page and "Gandung Triyasmoko" in page and "Halaman" not in page
    addressed = [
        next(o for o in {p.organization for p in invited} if f"Yth. Pimpinan {o} " in page) for page in pages
    ]
    assert sorted(a.casefold() for a in addressed) == sorted(organisations)
    bank = next(page for page in pages if "Bank Mitra KPPN Sorong" in page)
    assert "u.p. Bapak Ahmad Junaidi dan Ibu Maria Mandacan di Tempat" in bank  # both invitees, one letter
    assert "atau pejabat yang ditunjuk" in bank


def test_persons_without_organisation_and_who_is_not_invited(ws: Workspace) -> None:
    forum = make_tree(ws).forum
    ws.write(
        participants.add_participant,
        forum,
        name="Yohana Kambu",
        category="service_user",
        gender="female",
        invited=True,
    )
    ws.write(
        participants.add_participant,
        forum,
        name="Paulus Rumere",
        category="ngo",
        organization="LSM Papua",
        invited=True,
    )
    ws.write(participants.add_participant, forum, name="Datang Sendiri", category="media", attended=True)
    ws.write(
        participants.add_participant,
        forum,
        name="Staf Umum",
        category="government",
        role="organizer",
        invited=True,
    )
    text = all_text(build_invitations(ws.read(invitations, forum, TODAY)))
    assert (
        "Yth. Ibu Yohana Kambu di Tempat" in text
        and "Yth. Pimpinan LSM Papua u.p. Bapak/Ibu Paulus Rumere" in text
    )
    assert "Datang Sendiri" not in text and "Staf Umum" not in text  # a walk-in, the office's own staff


def test_the_offices_template_then_the_forums_own(demo_ws: Workspace, demo_forum: str) -> None:
    unit = demo_ws.ctx.home_unit_id
    assert unit is not None
    demo_ws.write(
        templates.update_unit_templates,
        unit,
        invitation_nature="Segera",
        invitation_number="UND-/KPN.1701/2024",
    )
    text = all_text(build_invitations(demo_ws.read(invitations, demo_forum, TODAY)))
    assert "Nomor : UND-/KPN.1701/2024" in text and "Sifat : Segera" in text
    demo_ws.write(
        templates.update_forum_templates,
        demo_forum,
        invitation_number="UND-12/KPN.1701/2024",
        invitation_subject="Undangan FKP Standar Pelayanan",
        invitation_date="2024-08-12",
    )
    text = all_text(build_invitations(demo_ws.read(invitations, demo_forum, TODAY)))
    assert "Nomor : UND-12/KPN.1701/2024" in text and "Sifat : Segera" in text
    assert "Hal : Undangan FKP Standar Pelayanan" in text and "Sorong, 12 Agustus 2024" in text


def test_a_long_letter_numbers_its_own_pages(ws: Workspace) -> None:
    forum = make_tree(ws).forum
    for n in range(40):
        ws.write(agenda.add_item, forum, title=f"Mata acara nomor {n + 1} tentang standar pelayanan")
    for name in ("A Satu", "B Dua"):
        ws.write(participants.add_participant, forum, name=name, category="service_user", invited=True)
    pdf = build_invitations(ws.read(invitations, forum, TODAY))
    pages = pdf_text(pdf)
    assert len(pages) == 4  # two letters of two pages each
    assert ["Halaman 1 dari 2" in p for p in pages] == [True, False, True, False]
    assert ["Halaman 2 dari 2" in p for p in pages] == [False, True, False, True]
    assert "Yth. Bapak/Ibu A Satu" in pages[0] and "Yth. Bapak/Ibu B Dua" in pages[2]
    assert out_of_page(pdf) == []


def test_no_invitation_list_no_letters(ws: Workspace) -> None:
    forum = make_tree(ws).forum
    with pytest.raises(InputError, match="invitation list"):
        ws.read(invitations, forum, TODAY)


def test_a_letter_is_never_dated_after_the_forum(demo_ws: Workspace, demo_forum: str) -> None:
    later = date(2024, 9, 2)  # the demo forum was held on 21 August 2024
    text = all_text(build_invitations(demo_ws.read(invitations, demo_forum, later)))
    assert f"Sorong, {PLACEHOLDER}" in text and "September" not in text  # left to fill in by hand
    with pytest.raises(InputError, match="after the forum's day 2024-08-21"):
        demo_ws.read(invitations, demo_forum, later, date(2024, 8, 22))
    with pytest.raises(InputError, match="after the forum's day 2024-08-21"):
        demo_ws.write(templates.update_forum_templates, demo_forum, invitation_date="2024-08-22")
    assert demo_ws.read(templates.forum_templates, demo_forum).invitation_date is None
    demo_ws.write(templates.update_forum_templates, demo_forum, invitation_date="2024-08-21")
    assert "Sorong, 21 Agustus 2024" in all_text(build_invitations(demo_ws.read(invitations, demo_forum, later)))


LEAD_INS = ("untuk hadir pada:", "dengan susunan acara:")


@pytest.mark.parametrize("paper", ["a4", "folio"])
def test_a_lead_in_never_ends_a_page(paper: str) -> None:
    """ "… untuk hadir pada:" and "dengan susunan acara:" announce what follows them: like the
    other documents' headings, neither stands at a page's foot, nor with a single line of what
    it announces (the letter's own page set-up had no such rule). Themes of every length move
    them down the first page line by line."""
    found = []
    for words in range(0, 400, 7):
        forum = replace(
            samples.forum(attendees=0, recs=0),
            theme=" ".join(["pelayanan"] * words),
            agenda=tuple(AgendaLine(f"Mata acara nomor {n} tentang standar pelayanan", "", 10) for n in range(6)),
        )
        doc = Invitations(forum, TEMPLATES, (Letter("Bank Mitra", (Invitee("Ahmad Junaidi", None),)),), TODAY)
        pages = page_lines(build_invitations(doc, paper))
        for number, lines in enumerate(pages[:-1], start=1):
            body = [line for line in lines if not line.startswith("Halaman")]
            for index, line in enumerate(body):
                if line.rstrip().endswith(LEAD_INS) and len(body) - index - 1 < 2:
                    found.append(f"theme of {words} words, page {number}: {body[index:]}")
    assert found == []
