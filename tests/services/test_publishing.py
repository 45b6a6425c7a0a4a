"""Publishing a forum on the unit's public page (#17): the kepala's action on a closed forum,
audited and queued for the server; the office's public address; the follow-up report's QR code
opening the forum's page, read back from the rendered PDF."""

from __future__ import annotations

from datetime import date

import pypdfium2 as pdfium
import pytest
import zxingcpp
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError
from desktop.models import AuditEvent, Forum, OutboxOp, Unit
from desktop.reports.followup import build_followup_report
from desktop.services import acting, forums, units, users
from desktop.services import recommendations as recs
from desktop.services.acting import NotAllowed
from desktop.services.publishing import set_published
from desktop.services.report_data import forum_report
from protocol.public import public_page_url
from tests.helpers import Tree, make_tree

KEPALA_NIP, OPERATOR_NIP, ADMIN_NIP = "197001011995031002", "199203152015032003", "198705122010121001"
PASSWORD = "rahasia-kppn-1"
ADDRESS = "https://fkp.kemenkeu.example.go.id"


def _closed(ws: Workspace) -> Tree:
    tree = make_tree(ws)
    ws.write(units.set_home_unit, tree.leaf)
    ws.write(recs.add_recommendation, tree.forum, text="Perkuat customer service", scope="unit")
    ws.write(forums.start_forum, tree.forum)
    ws.write(forums.close_forum, tree.forum)
    return tree


def test_publishing_a_closed_forum_is_audited_and_sent_to_the_server(ws: Workspace) -> None:
    tree = _closed(ws)
    ws.write(set_published, tree.forum, True)
    ws.write(set_published, tree.forum, True)  # again: nothing more happens
    ws.write(set_published, tree.forum, False)
    with ws.store.read() as session:
        assert session.get_one(Forum, tree.forum).published is False
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity_id == tree.forum).order_by(AuditEvent.hlc)
        ).all()
        sent = [
            op.fields["set"]
            for op in session.scalars(
                select(OutboxOp).where(OutboxOp.entity_id == tree.forum, OutboxOp.kind == "update")
            )
        ]
    assert actions[-2:] == ["publish", "unpublish"]
    assert sent[-2:] == [{"published": True}, {"published": False}]


def test_a_forum_not_closed_cannot_be_published(ws: Workspace) -> None:
    tree = make_tree(ws)
    with pytest.raises(InputError, match="Only a closed forum can be published"):
        ws.write(set_published, tree.forum, True)
    with ws.store.read() as session:
        assert session.get_one(Forum, tree.forum).published is False


def test_only_a_kepala_publishes_once_the_unit_has_users(ws: Workspace) -> None:
    tree = _closed(ws)
    ws.write(users.create_user, nip=ADMIN_NIP, name="Rina Admin", roles=["admin"], password=PASSWORD)
    ws.write(acting.sign_in, ADMIN_NIP, PASSWORD)
    ws.write(users.create_user, nip=KEPALA_NIP, name="Budi Kepala", roles=["kepala"], password=PASSWORD)
    ws.write(users.create_user, nip=OPERATOR_NIP, name="Sari Operator", roles=["operator"], password=PASSWORD)
    acting.sign_out(ws.ctx)
    ws.write(acting.sign_in, OPERATOR_NIP, PASSWORD)
    with pytest.raises(NotAllowed, match="Sari Operator may not"):
        ws.write(set_published, tree.forum, True)
    with ws.store.read() as session:
        assert session.get_one(Forum, tree.forum).published is False
    acting.sign_out(ws.ctx)
    ws.write(acting.sign_in, KEPALA_NIP, PASSWORD)
    ws.write(set_published, tree.forum, True)
    with ws.store.read() as session:
        assert session.get_one(Forum, tree.forum).published is True
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "publish")).one()
    assert "Budi Kepala" in event.actor


def test_the_public_address_must_be_a_web_address(ws: Workspace) -> None:
    tree = make_tree(ws)
    with pytest.raises(InputError, match="not a web address"):
        ws.write(units.update_unit, tree.leaf, public_url="fkp kemenkeu")
    ws.write(units.update_unit, tree.leaf, public_url=ADDRESS + "/")
    with ws.store.read() as session:
        assert session.get_one(Unit, tree.leaf).public_url == ADDRESS


def _qr_codes(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    image = document[0].render(scale=3).to_pil()
    return [found.text for found in zxingcpp.read_barcodes(image)]


def test_the_follow_up_report_carries_a_qr_code_to_the_forum_on_the_public_page(ws: Workspace) -> None:
    tree = _closed(ws)
    as_of = date(2026, 12, 1)
    assert _qr_codes(build_followup_report(ws.read(forum_report, tree.forum), as_of=as_of)) == []
    ws.write(units.update_unit, tree.leaf, public_url=ADDRESS)
    assert (
        _qr_codes(build_followup_report(ws.read(forum_report, tree.forum), as_of=as_of)) == []
    )  # not published
    ws.write(set_published, tree.forum, True)
    pdf = build_followup_report(ws.read(forum_report, tree.forum), as_of=as_of)
    assert _qr_codes(pdf) == [f"{public_page_url(ADDRESS, 'KPPN-SORONG')}#forum-{tree.forum}"]
    assert public_page_url(ADDRESS, "KPPN-SORONG") == f"{ADDRESS}/web/publik/KPPN-SORONG"
