"""Schemathesis reads the server's OpenAPI document and sends what it describes, and what it
does not, to a real server on 127.0.0.1 (SQLite and PostgreSQL) with an enrolled device's
token: no answer is a 5xx, and every answer is what the document says (status, content type,
body). Bounded: a few dozen examples per route, no deadline (a loaded machine is slow)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from protocol.version import PROTOCOL_VERSION
from tests.server.conftest import enrolled
from tests.server.serving import Running
from tests.server.wire import Raw

EXAMPLES = 40
# JSON Schema counts 3547.0 as an integer; the protocol's whole numbers (an operation number, a
# page's `since`) are refused as floats (422 `malformed`, msgspec strict), on purpose: a server
# that took them would have to say what 3547.5 means. Every other check runs.
LENIENT = [schemathesis.checks.positive_data_acceptance]


@pytest.fixture
def device(server: Running) -> Iterator[Raw]:
    raw = enrolled(server, "KPPN-SORONG")
    yield raw
    raw.close()


SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def test_the_server_answers_as_its_openapi_document_says(server: Running, device: Raw) -> None:
    api = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    headers = {"Authorization": device.http.headers["Authorization"]}
    operations = [found.ok() for found in api.get_all_operations()]
    assert {op.path for op in operations} >= {"/sync/push", "/sync/pull", "/enroll"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @SETTINGS
        def answers_as_described(case: schemathesis.Case) -> None:
            if case.path == "/sync/push" and isinstance(case.body, dict) and "device_id" in case.body:
                case.body["device_id"] = device.device_id  # past the token's check, most of the time
            if case.path == "/sync/pull" and isinstance(case.query, dict):
                case.query.setdefault("schema_version", PROTOCOL_VERSION)
            case.call_and_validate(headers=headers, excluded_checks=LENIENT, timeout=30)

        answers_as_described()
