"""The server's OpenAPI document describes every body of the sync protocol, those the sync
routes read and write with msgspec too, and what it describes is what the server sends: the
real answers of a push, a pull and an enrollment decode strictly as the described messages."""

from __future__ import annotations

from typing import Any

import httpx
import msgspec

from protocol.files import UploadState
from protocol.messages import EnrollAnswer, PullPage, PushAnswer, PushRequest
from protocol.version import PROTOCOL_VERSION
from tests.server.conftest import World, create
from tests.server.serving import Running


def _schema(content: dict[str, Any]) -> dict[str, Any]:
    return dict(content["application/json"]["schema"])


def test_every_sync_body_is_described(server: Running) -> None:
    document = httpx.get(f"{server.url}/openapi.json", timeout=30).json()
    components = document["components"]["schemas"]
    described = {
        ("/sync/push", "post"): (PushRequest, PushAnswer),
        ("/sync/pull", "get"): (None, PullPage),
        ("/enroll", "post"): ("EnrollRequest", EnrollAnswer),
        ("/files/{sha256}/upload", "get"): (None, UploadState),
        ("/files/{sha256}/upload", "put"): (None, UploadState),
    }
    for (path, method), (request, answer) in described.items():
        operation = document["paths"][path][method]
        if request is not None:
            name = request if isinstance(request, str) else request.__name__
            assert _schema(operation["requestBody"]["content"])["$ref"].endswith(f"/{name}")
        assert _schema(operation["responses"]["200"]["content"])["$ref"].endswith(f"/{answer.__name__}")
    for name in ("PushRequest", "PushAnswer", "PushResult", "PullPage", "PulledRecord", "EnrollAnswer", "ErrorBody"):
        assert components[name]["type"] == "object" and components[name]["properties"], name
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            refused = _schema(operation["responses"]["4XX"]["content"])
            assert refused["$ref"].endswith("/ErrorBody"), (path, method)


def test_the_answers_are_what_is_described(world: World, server: Running) -> None:
    kppn = world.kppn
    create(kppn, "forums", title="FKP", held_on="2026-10-01")
    forum = {"title": "FKP", "held_on": "2026-10-02"}
    pushed = kppn.http.post(
        "/sync/push",
        json={
            "device_id": kppn.device_id,
            "schema_version": PROTOCOL_VERSION,
            "ops": [kppn.op("forums", "0190ffff-ffff-7fff-bfff-ffffffffffff", "update", forum)],
        },
    )
    assert pushed.status_code == 200
    msgspec.json.decode(pushed.content, type=PushAnswer, strict=True)
    page = kppn.http.get("/sync/pull", params={"since": 0, "limit": 5, "schema_version": PROTOCOL_VERSION})
    assert page.status_code == 200
    decoded = msgspec.json.decode(page.content, type=PullPage, strict=True)
    assert decoded.records
    again = httpx.post(
        f"{server.url}/enroll",
        json={
            "code": server.code("KPPN-SORONG"),
            "device_id": "01900000-0000-7000-8000-000000000abc",
            "device_secret": "s" * 43,
        },
        timeout=30,
    )
    assert again.status_code == 200
    msgspec.json.decode(again.content, type=EnrollAnswer, strict=True)
