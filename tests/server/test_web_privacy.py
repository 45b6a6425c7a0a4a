"""No personal data leaves through the web (issue 17): with marker names, phones and e-mails
seeded, every route of the app's route table under /web is walked as the public, as a parent
office (the Kanwil's kepala, DJPb's) and as the server's administrator, with the XLSX export and
the QR code's target: no marker appears, nor who raised a recommendation, nor a password hash."""

from __future__ import annotations

import re

import httpx
from fastapi.routing import APIRoute
from starlette.routing import Mount

from server_stub.app import create_app
from tests.server.conftest import enrolled
from tests.server.serving import Running
from tests.server.test_web_oversight import xlsx_text
from tests.server.web_client import Browser, add_web_admin
from tests.server.web_world import KEPALA_NIP, MARKERS, PASSWORD, add_user, web_world

# The routes that change something: walked by the tests of their own (their answers are pages
# already walked here), never with a GET.
CHANGES = {"/web/masuk", "/web/admin/masuk", "/web/keluar", "/web/admin/unit", "/web/admin/kode"}
CHANGES_WITH_ID = {"/web/admin/perangkat/{device_id}/cabut"}


def _web_routes(server: Running) -> list[APIRoute]:
    app = create_app(server.store)
    found = [r for r in app.routes if isinstance(r, APIRoute) and r.path.startswith("/web")]
    assert any(isinstance(r, Mount) and r.path == "/web/static" for r in app.routes)
    return found


def _paths(route: APIRoute, codes: list[str]) -> list[str]:
    if "{code}" in route.path:
        return [route.path.replace("{code}", code) for code in codes]
    assert "{" not in route.path, f"walk {route.path} with real values (add it here)"
    return [route.path]


def test_no_personal_data_reaches_any_page_or_export(server: Running) -> None:
    world = web_world(server)
    add_user(world.kanwil, KEPALA_NIP, "Budi Kepala Kanwil", ["kepala"])
    djpb = enrolled(server, "DJPB")
    add_user(djpb, KEPALA_NIP, "Dirjen", ["kepala"])
    add_web_admin(server.store)
    codes = ["KPPN-SORONG", "KANWIL-PBD", "KPPN-MANOKWARI", "DJPB"]
    public = Browser(server.url)
    kanwil = Browser(server.url)
    kanwil.submit("/web/masuk", "/web/masuk", unit_code="KANWIL-PBD", name=KEPALA_NIP, password=PASSWORD)
    head_office = Browser(server.url)
    head_office.submit("/web/masuk", "/web/masuk", unit_code="DJPB", name=KEPALA_NIP, password=PASSWORD)
    administrator = Browser(server.url)
    administrator.sign_in_admin()
    seen: list[str] = []
    walked = set()
    for route in _web_routes(server):
        if route.methods != {"GET"}:
            assert route.methods == {"POST"} and route.path in CHANGES | CHANGES_WITH_ID, route.path
            continue
        walked.add(route.path)
        for path in _paths(route, codes):
            for who in (public, kanwil, head_office, administrator):
                answer = who.http.get(
                    path, params={"dari": "2020", "sampai": "2030"} if "pengawasan" in path else None
                )
                assert answer.status_code in (200, 303, 404), (path, answer.status_code)
                seen.append(
                    xlsx_text(answer.content)
                    if path.endswith(".xlsx") and answer.status_code == 200
                    else answer.text
                )
    assert {
        "/web/publik/{code}",
        "/web/pengawasan",
        "/web/pengawasan.xlsx",
        "/web/admin",
        "/web/admin/perangkat",
    } <= walked
    # The QR code's target: the forum on its unit's public page.
    seen.append(httpx.get(f"{server.url}/web/publik/KPPN-SORONG#forum-{world.forum}").text)
    everything = "\n".join(seen)
    assert (
        "FKP Layanan Pencairan Dana 2026" in everything and "Kemajuan: 50%" in everything
    )  # walked for real
    assert "Pemantauan: kantor di bawah Kanwil" in everything and "Perangkat" in everything
    for marker in MARKERS:
        assert marker not in everything, marker
        assert marker.split()[0] not in everything, marker  # not even the first name
    assert world.raised_by not in everything and "raised_by" not in everything
    assert "$argon2id$" not in everything and not re.search(r"\b0812|\b0813", everything)
