"""The parent office's oversight (issue 17): a kepala or admin of a parent unit signs in with the
password of their user record and sees, for every unit below theirs, counts from what the server
holds; filters by unit and period; exports the same to XLSX. Nobody else sees it."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime

import httpx

from tests.server.conftest import enrolled
from tests.server.serving import Running
from tests.server.web_client import Browser, add_web_admin
from tests.server.web_world import (
    ADMIN_NIP,
    KEPALA_NIP,
    OPERATOR_NIP,
    PASSWORD,
    WebWorld,
    add_survey,
    add_user,
    create,
    deactivate,
    web_world,
)
from tests.server.wire import NOW


def _world(server: Running) -> tuple[WebWorld, dict[str, str]]:
    world = web_world(server)
    people = {
        "kepala": add_user(world.kanwil, KEPALA_NIP, "Budi Kepala Kanwil", ["kepala"]),
        "operator": add_user(world.kanwil, OPERATOR_NIP, "Sari Operator", ["operator"]),
        "admin": add_user(world.kanwil, ADMIN_NIP, "Rina Admin", ["admin", "operator"]),
        "sorong": add_user(world.kppn, KEPALA_NIP, "Kepala Sorong", ["kepala"]),
    }
    create(world.manokwari, "forums", title="FKP Manokwari 2025", held_on="2025-05-05")  # planned
    add_survey(
        world.kppn, "SKM Semester II 2026", "2026-12-31", [[4] * 9, [3] * 9, [4, 4, 3, 4, 4, 4, 4, 3, 4]]
    )
    add_survey(world.manokwari, "SKM 2025", "2025-12-31", [[2] * 9, [3] * 9])
    return world, people


def _signed_in(
    server: Running, unit: str = "KANWIL-PBD", name: str = KEPALA_NIP, password: str = PASSWORD
) -> tuple[Browser, httpx.Response]:
    browser = Browser(server.url)
    answer = browser.submit("/web/masuk", "/web/masuk", unit_code=unit, name=name, password=password)
    return browser, answer


def _cells(html: str, table: str, code: str) -> list[str]:
    body = html.split(f'<table id="{table}">', 1)[1].split("</table>", 1)[0]
    row = next(r for r in body.split("<tr>") if r.startswith(f"<td>{code}</td>"))
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in row.split("<td")[1:]]


def test_a_kepala_of_the_kanwil_sees_every_unit_below_it(server: Running) -> None:
    _world(server)
    browser, answer = _signed_in(server)
    assert answer.status_code == 303 and answer.headers["location"] == "/web/pengawasan"
    html = browser.http.get("/web/pengawasan").text
    assert "Pemantauan: kantor di bawah Kanwil DJPb Provinsi Papua Barat Daya" in html
    # Held, planned, then the five unsur: 2 service users, an academic, a media person.
    forums = _cells(html, "forums", "KPPN-SORONG")
    assert [c.lstrip(">") for c in forums] == ["KPPN-SORONG", "2", "0", "2", "1", "0", "0", "1"]
    recs = [c.lstrip(">") for c in _cells(html, "recommendations", "KPPN-SORONG")]
    # Total 6: unit 4, policy 2; proposed 1 (the hidden forum's), accepted 0, rejected 1,
    # in progress 1, done 1, escalated 1, answered 1.
    assert recs == ["KPPN-SORONG", "6", "4", "2", "1", "0", "1", "1", "1", "1", "1"]
    follow = [c.lstrip(">").split(">")[-1] for c in _cells(html, "follow-up", "KPPN-SORONG")]
    # 3 actions (40, 60, 100 %), 1 done; the escalation waiting since it was sent (NOW).
    waited = (datetime.now(UTC).date() - datetime.fromisoformat(NOW).date()).days
    assert follow[:4] == ["KPPN-SORONG", "3", "1", "67"] and follow[5:] == ["1", str(waited)]
    assert "KPPN-MANOKWARI" in html and "<td>KANWIL-PBD</td>" not in html and "<td>DJPB</td>" not in html
    assert "SKM Semester II 2026" in html and "SKM 2025" in html


def test_the_oversight_filters_by_unit_and_period_and_exports_the_same(server: Running) -> None:
    world, _people = _world(server)
    browser, _ = _signed_in(server, name="Budi Kepala Kanwil")  # by name too
    page = browser.http.get(
        "/web/pengawasan", params={"unit": world.manokwari.unit_id, "dari": "2025", "sampai": "2025"}
    )
    html = page.text
    assert "<td>KPPN-MANOKWARI</td>" in html and "<td>KPPN-SORONG</td>" not in html
    assert [c.lstrip(">") for c in _cells(html, "forums", "KPPN-MANOKWARI")][:3] == [
        "KPPN-MANOKWARI",
        "0",
        "1",
    ]
    assert "SKM 2025" in html and "62,50" in html  # IKM of two questionnaires: NRR 2.5 × 25
    years_2026 = browser.http.get("/web/pengawasan", params={"dari": "2026", "sampai": "2026"}).text
    assert "SKM 2025" not in years_2026 and "SKM Semester II 2026" in years_2026
    # A unit that is not below the Kanwil is not a filter it may use: it sees its own units.
    elsewhere = browser.http.get("/web/pengawasan", params={"unit": world.kanwil.unit_id}).text
    assert "<td>KPPN-SORONG</td>" in elsewhere and "<td>KANWIL-PBD</td>" not in elsewhere
    export = browser.http.get(
        "/web/pengawasan.xlsx", params={"unit": world.manokwari.unit_id, "dari": "2025"}
    )
    assert export.status_code == 200
    assert export.headers["content-type"].startswith("application/vnd.openxmlformats")
    text = xlsx_text(export.content)
    assert "KPPN-MANOKWARI" in text and "KPPN-SORONG" not in text and "SKM 2025" in text


def xlsx_text(content: bytes) -> str:
    """Every string and number a workbook holds (its XML parts), without openpyxl."""
    with zipfile.ZipFile(io.BytesIO(content)) as book:
        return " ".join(book.read(name).decode() for name in book.namelist() if name.endswith(".xml"))


def test_only_a_kepala_or_admin_of_a_parent_unit_may_sign_in(server: Running) -> None:
    _world(server)
    refused = [
        _signed_in(server, name=OPERATOR_NIP)[1],  # an operator
        _signed_in(server, password="bukan-kata-sandi")[1],
        _signed_in(server, unit="KPPN-SORONG")[1],  # a kepala with no unit below
        _signed_in(server, unit="KPPN-MANOKWARI")[1],  # no such user there
        _signed_in(server, unit="TIDAK-ADA")[1],
    ]
    assert [r.status_code for r in refused] == [401] * len(refused)
    assert "Nama atau kata sandi salah" in refused[0].text
    assert _signed_in(server, name=ADMIN_NIP)[1].status_code == 303  # an admin may
    anonymous = httpx.get(f"{server.url}/web/pengawasan", follow_redirects=False)
    assert anonymous.status_code == 303 and anonymous.headers["location"] == "/web/masuk"
    assert httpx.get(f"{server.url}/web/pengawasan.xlsx", follow_redirects=False).status_code == 303
    # The server's administrator is no parent office, and a parent office no administrator.
    add_web_admin(server.store)
    administrator = Browser(server.url)
    administrator.sign_in_admin()
    assert administrator.http.get("/web/pengawasan").headers["location"] == "/web/masuk"
    kepala, _ = _signed_in(server)
    assert kepala.http.get("/web/admin").headers["location"] == "/web/admin/masuk"
    assert kepala.http.get("/web/admin/perangkat").status_code == 303


def test_a_deactivated_user_is_signed_out_at_the_next_page(server: Running) -> None:
    world, people = _world(server)
    browser, _ = _signed_in(server)
    assert browser.http.get("/web/pengawasan").status_code == 200
    deactivate(world.kanwil, people["kepala"])
    assert browser.http.get("/web/pengawasan").status_code == 303
    assert _signed_in(server)[1].status_code == 401


def test_the_head_office_sees_its_whole_subtree(server: Running) -> None:
    _world(server)
    djpb = enrolled(server, "DJPB")
    add_user(djpb, KEPALA_NIP, "Dirjen", ["kepala"])
    browser, _ = _signed_in(server, unit="DJPB")
    html = browser.http.get("/web/pengawasan").text
    for code in ("KANWIL-PBD", "KPPN-SORONG", "KPPN-MANOKWARI"):
        assert f"<td>{code}</td>" in html
