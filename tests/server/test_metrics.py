"""/metrics as a monitor scrapes it, over HTTP from a real server: every request counted by
route and status, a push's operations by result, refusals by code (of a request or of one
operation), the latency of each route, and the devices enrolled, revoked and seen lately."""

from __future__ import annotations

import httpx
from prometheus_client.parser import text_string_to_metric_families

from protocol.ids import new_id
from server_stub import admin
from tests.server.conftest import World, create, enrolled
from tests.server.serving import Running
from tests.server.wire import valid_fields

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def scraped(running: Running) -> Samples:
    page = httpx.get(f"{running.url}/metrics", timeout=30)
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(page.text)
        for sample in family.samples
    }


def total(found: Samples, name: str, **labels: str) -> float:
    return sum(
        value
        for (sample, have), value in found.items()
        if sample == name and all((k, v) in have for k, v in labels.items())
    )


def test_the_metrics_count_requests_operations_refusals_and_devices(world: World, server: Running) -> None:
    before = scraped(server)
    kppn = world.kppn
    create(kppn, "forums", title="FKP")  # one applied
    unit = kppn.op("units", new_id(), "create", valid_fields("units", kppn.unit_id))
    assert kppn.refusal(unit)[0] == "admin_only"
    assert kppn.push(unit)[0]["status"] == "duplicate"
    assert httpx.get(f"{server.url}/sync/pull", headers={"Authorization": "Bearer x"}, timeout=30).status_code == 401
    kppn.pull_all()
    spare = enrolled(server, "KPPN-MANOKWARI")
    with server.store.transaction() as session:
        admin.revoke(session, spare.device_id)
    spare.close()
    after = scraped(server)

    def grew(name: str, **labels: str) -> float:
        return total(after, name, **labels) - total(before, name, **labels)

    assert grew("mufakat_ops_total", result="applied") == 1
    assert grew("mufakat_ops_total", result="rejected") == 1
    assert grew("mufakat_ops_total", result="duplicate") == 1
    assert grew("mufakat_refusals_total", code="admin_only", of="operation") == 1  # not its duplicate
    assert grew("mufakat_refusals_total", code="unknown_token", of="request") == 1
    assert grew("mufakat_requests_total", method="POST", route="/sync/push", status="200") == 3
    assert grew("mufakat_requests_total", method="GET", route="/sync/pull", status="401") == 1
    assert grew("mufakat_request_seconds_count", route="/sync/push") == 3
    assert grew("mufakat_request_seconds_count", route="/sync/pull") >= 2
    # the three offices' devices of the world, the spare one revoked
    assert total(after, "mufakat_devices", state="active") == 3
    assert total(after, "mufakat_devices", state="revoked") == 1
    assert total(after, "mufakat_devices_seen", within="1h") == 2  # Sorong and Manokwari pushed; Kanwil did not
