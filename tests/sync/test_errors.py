"""Every refusal of a request carries a code (protocol.refusals) and its parameters; a laptop
of an older protocol version is told to upgrade, never served data it would misread."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desktop.app.workspace import Workspace
from desktop.sync.client import SyncRefused
from desktop.sync.engine import sync_once
from protocol.version import PROTOCOL_VERSION, SPOKEN_VERSIONS
from tests.sync.crafted import Raw

Device = Callable[[str, str], Workspace]


def test_an_older_laptop_is_told_to_upgrade(
    device: Device, raw: Callable[[Workspace], Raw], monkeypatch: pytest.MonkeyPatch
) -> None:
    a = raw(device("a", "KPPN-SORONG"))
    old = min(SPOKEN_VERSIONS) - 1  # the server still speaks the version before its own
    answers = [
        a.http.get("/sync/pull", params={"since": 0, "schema_version": old}),
        a.http.post("/sync/push", json={"device_id": a.device_id, "schema_version": old, "ops": []}),
    ]
    for answer in answers:
        assert answer.status_code == 426
        assert answer.json()["code"] == "upgrade_required"
        assert answer.json()["params"] == {"server_version": PROTOCOL_VERSION, "client_version": old}
    monkeypatch.setattr("desktop.sync.client.PROTOCOL_VERSION", old)
    with pytest.raises(SyncRefused) as refused:
        sync_once(a.ws)
    assert refused.value.code == "upgrade_required"
    assert "update whichever is older" in refused.value.message


def test_any_error_of_the_api_has_a_code_params_and_a_text_for_logs(
    device: Device, raw: Callable[[Workspace], Raw]
) -> None:
    a = raw(device("a", "KPPN-SORONG"))
    answers = [
        a.http.get("/no/such/thing"),
        a.http.put("/sync/push"),
        a.http.get("/sync/pull", params={"limit": 0}),
        a.http.get("/sync/pull", params={"since": "abc"}),
        a.http.post("/enroll", json={"code": 5}),
    ]
    assert [r.status_code for r in answers] == [404, 405, 422, 422, 422]
    for answer in answers:
        body = answer.json()
        assert set(body) == {"code", "params", "error"} and body["code"] == "malformed"
