"""The administrator's web pages (issue 17): signed in with an account of the admin command
(argon2id), the units and their hierarchy, enrollment codes, devices and their last sync,
revocation; sessions kept in the server's database (every server process sees them); CSRF: a
POST without its token gets 403 and changes nothing."""

from __future__ import annotations

from pathlib import Path

import httpx
from sqlalchemy import func, select

from protocol.refusals import Refusal
from server_stub.models import Device, EnrollCode, WebAdmin, WebSession
from tests.server.conftest import enrolled
from tests.server.processes import make_certs
from tests.server.serving import Running, serving
from tests.server.web_client import ADMIN, Browser, add_web_admin
from tests.server.wire import enroll_over_http


def test_the_admin_pages_need_the_administrator_signed_in(server: Running) -> None:
    add_web_admin(server.store)
    browser = Browser(server.url)
    for path in ("/web/admin", "/web/admin/perangkat"):
        answer = browser.http.get(path)
        assert answer.status_code == 303 and answer.headers["location"] == "/web/admin/masuk", path
    wrong = browser.sign_in_admin(password="bukan-kata-sandinya")
    assert wrong.status_code == 401 and "Nama atau kata sandi salah" in wrong.text
    assert browser.sign_in_admin(name="tidak-ada").status_code == 401
    right = browser.sign_in_admin()
    assert right.status_code == 303 and right.headers["location"] == "/web/admin"
    units = browser.http.get("/web/admin").text
    for code in ("DJPB", "KANWIL-PBD", "KPPN-SORONG", "KPPN-MANOKWARI"):
        assert code in units
    with server.store.transaction() as session:  # only the password's argon2id hash is kept
        stored = session.scalars(select(WebAdmin.password_hash)).one()
    assert stored.startswith("$argon2id$") and "kata-sandi" not in stored


def test_an_enrollment_code_made_on_the_web_enrolls_a_laptop_of_that_unit(server: Running) -> None:
    add_web_admin(server.store)
    browser = Browser(server.url)
    browser.sign_in_admin()
    page = browser.submit("/web/admin", "/web/admin/kode", unit_code="KPPN-MANOKWARI")
    assert page.status_code == 200
    code = page.text.split('<code id="new-code">', 1)[1].split("<", 1)[0]
    laptop = enroll_over_http(server.url, code, "KPPN-MANOKWARI")
    with server.store.transaction() as session:
        assert session.get_one(Device, laptop.device_id).unit_id == laptop.unit_id
    refused = browser.submit("/web/admin", "/web/admin/kode", unit_code="KPPN-TIDAK-ADA")
    assert refused.status_code == 400 and "Tidak ada unit dengan kode KPPN-TIDAK-ADA" in refused.text


def test_revoking_a_device_on_the_web_refuses_its_next_sync(server: Running) -> None:
    add_web_admin(server.store)
    laptop = enrolled(server, "KPPN-SORONG")
    assert laptop.http.get("/sync/pull").status_code == 200  # its last sync shows on the page
    browser = Browser(server.url)
    browser.sign_in_admin()
    devices = browser.http.get("/web/admin/perangkat").text
    assert laptop.device_id in devices and "Aktif" in devices
    answer = browser.submit("/web/admin/perangkat", f"/web/admin/perangkat/{laptop.device_id}/cabut")
    assert answer.status_code == 303
    assert "Dicabut" in browser.http.get(answer.headers["location"]).text
    refused = laptop.http.get("/sync/pull")
    assert refused.status_code in (401, 403) and refused.json()["code"] == Refusal.REVOKED.value


def test_a_post_without_its_csrf_token_gets_403_and_changes_nothing(server: Running) -> None:
    add_web_admin(server.store)
    laptop = enrolled(server, "KPPN-SORONG")
    browser = Browser(server.url)
    browser.sign_in_admin()
    forged = [
        browser.http.post(f"/web/admin/perangkat/{laptop.device_id}/cabut"),
        browser.http.post("/web/admin/kode", data={"unit_code": "KPPN-SORONG"}),
        browser.http.post("/web/admin/kode", data={"unit_code": "KPPN-SORONG", "csrftoken": "palsu"}),
        # A sign-in from another site, without a cookie: refused too (it would sign the victim in).
        httpx.post(f"{server.url}/web/admin/masuk", data={"name": ADMIN, "password": "x" * 20}),
    ]
    assert [answer.status_code for answer in forged] == [403] * len(forged)
    assert "Formulir ini kedaluwarsa" in forged[0].text
    with server.store.transaction() as session:
        assert session.get_one(Device, laptop.device_id).revoked_at is None
        assert session.scalar(select(func.count()).select_from(EnrollCode)) == 1  # the laptop's own


def test_a_session_is_seen_by_every_server_process_and_a_sign_out_ends_it_everywhere(server: Running) -> None:
    add_web_admin(server.store)
    first = Browser(server.url)
    first.sign_in_admin()
    with serving(server.store) as other_url:  # a second server process on the same database
        second = Browser(other_url)
        second.http.cookies = first.http.cookies
        assert second.http.get("/web/admin").status_code == 200
        assert second.submit("/web/admin", "/web/keluar").status_code == 303
        assert first.http.get("/web/admin").status_code == 303  # signed out on the first one too
    with server.store.transaction() as session:
        assert session.scalar(select(func.count()).select_from(WebSession)) == 0


def test_cookies_are_http_only_strict_and_secure_over_https(server: Running, tmp_path: Path) -> None:
    add_web_admin(server.store)
    certs = make_certs(tmp_path / "tls")
    pem = tmp_path / "server.pem"
    pem.write_bytes(certs.key.read_bytes() + certs.cert.read_bytes())
    with serving(server.store, pem=pem) as url:
        fresh = httpx.get(f"{url}/web/admin/masuk", verify=certs.context())
        browser = Browser(url, verify=certs.context())
        signed = browser.sign_in_admin()
        browser.close()
    csrf = fresh.headers["set-cookie"]
    assert csrf.startswith("csrftoken=") and "Secure" in csrf and "SameSite=Strict" in csrf, csrf
    session = signed.headers["set-cookie"]
    assert session.startswith("mufakat_web="), session
    for flag in ("HttpOnly", "Secure", "SameSite=strict", "Path=/web"):
        assert flag.lower() in session.lower(), session
