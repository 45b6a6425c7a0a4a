"""The public page of a unit (issue 17): the forums the unit published, what became of each
recommendation, the public's unsur as counts, in Indonesian by default; nothing else."""

from __future__ import annotations

import httpx

from protocol.refusals import Refusal
from server_stub import sequence
from tests.server.conftest import applied
from tests.server.serving import Running
from tests.server.web_world import add_user, publish, web_world
from tests.server.wire import NOW


def test_the_public_page_shows_what_became_of_each_recommendation_of_a_published_forum(
    server: Running,
) -> None:
    web_world(server)
    page = httpx.get(f"{server.url}/web/publik/kppn-sorong")
    assert page.status_code == 200
    html = page.text
    assert '<html lang="id">' in html
    assert "FKP Layanan Pencairan Dana 2026" in html
    assert "1 Oktober 2026" in html
    # Present: 2 service users, an academic, a media person; the organiser and the absent not.
    assert "Peserta hadir: 4" in html
    for label, count in (("Pengguna layanan", 2), ("Ahli/praktisi/akademisi", 1), ("Media massa", 1)):
        assert f"<span>{label}</span> <b>{count}</b>" in html
    assert "Organisasi masyarakat sipil" not in html  # the absent NGO member counts for nothing
    assert "Dalam proses" in html and "Kemajuan: 50%" in html
    assert "Selesai" in html and "Foto loket prioritas yang sudah dibuka" in html
    assert "Menunggu jawaban Kanwil DJPb Provinsi Papua Barat Daya." in html
    assert "Kanal WhatsApp resmi dibuka mulai Januari 2027" in html and "Diadopsi" in html
    assert "Tidak ditindaklanjuti" in html
    assert "Forum yang tidak diterbitkan" not in html and "Rekomendasi forum tertutup" not in html


def test_unpublished_forums_and_other_units_stay_off_the_page(server: Running) -> None:
    world = web_world(server)
    publish(world.kppn, world.forum, published=False)
    html = httpx.get(f"{server.url}/web/publik/KPPN-SORONG").text
    assert "FKP Layanan Pencairan Dana 2026" not in html
    assert "Kantor ini belum memublikasikan forum." in html
    assert httpx.get(f"{server.url}/web/publik/KPPN-TIDAK-ADA").status_code == 404
    assert "FKP Layanan" not in httpx.get(f"{server.url}/web/publik/KPPN-MANOKWARI").text


def test_the_page_speaks_english_on_request_and_keeps_the_choice(server: Running) -> None:
    web_world(server)
    with httpx.Client(base_url=server.url) as client:
        english = client.get("/web/publik/KPPN-SORONG", params={"lang": "en"}).text
        assert '<html lang="en">' in english and "Progress: 50%" in english and "October 1, 2026" in english
        assert "Progress: 50%" in client.get("/web/publik/KPPN-SORONG").text  # the cookie keeps it


def _newest(server: Running) -> int:
    with server.store.transaction() as session:
        return sequence.newest(session)


def test_only_the_kepala_may_publish_even_by_a_crafted_push(server: Running) -> None:
    world = web_world(server)
    publish(world.kppn, world.forum, published=False)
    kppn = world.kppn
    admin = add_user(kppn, "198705122010121001", "Rina Admin", ["admin"])
    seen = _newest(server)
    operator = add_user(kppn, "199203152015032003", "Sari Operator", ["operator"], user_id=admin, seen=seen)
    kepala = add_user(kppn, "197001011995031002", "Budi Kepala", ["kepala"], user_id=admin, seen=seen)
    seen = _newest(server)
    change = {"set": {"published": True}, "base": {}, "at": NOW}
    crafted = kppn.op("forums", world.forum, "update", change, user_id=operator, seen=seen)
    assert kppn.refusal(crafted)[0] == Refusal.ROLE_FORBIDDEN.value
    assert "FKP Layanan" not in httpx.get(f"{server.url}/web/publik/KPPN-SORONG").text
    applied(kppn, kppn.op("forums", world.forum, "update", change, user_id=kepala, seen=seen))
    assert "FKP Layanan" in httpx.get(f"{server.url}/web/publik/KPPN-SORONG").text
