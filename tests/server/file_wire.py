"""Files over HTTP as a device sends and fetches them (`protocol.files`), for the server's
tests: the upload's state, chunks at offsets, downloads; an attachment record's fields."""

from __future__ import annotations

import hashlib
import os
from typing import Any

import httpx

from protocol.files import CHUNK_BYTES, file_path, upload_path
from tests.server.wire import Raw, valid_fields


def photo(size: int = 300_000) -> tuple[bytes, str]:
    """Bytes no other test has, and their SHA-256."""
    data = os.urandom(size)
    return data, hashlib.sha256(data).hexdigest()


def state(raw: Raw, sha256: str, size: int) -> httpx.Response:
    return raw.http.get(upload_path(sha256), params={"size": size})


def put(raw: Raw, sha256: str, data: bytes, offset: int, size: int | None = None) -> httpx.Response:
    chunk = data[offset : offset + CHUNK_BYTES]
    params = {"size": len(data) if size is None else size, "offset": offset}
    return raw.http.put(upload_path(sha256), params=params, content=chunk)


def upload(raw: Raw, data: bytes) -> str:
    """The whole file, chunk by chunk from what the server holds; its hash."""
    sha256 = hashlib.sha256(data).hexdigest()
    answer = state(raw, sha256, len(data))
    assert answer.status_code == 200, answer.text
    offset = answer.json()["received"]
    while offset < len(data):
        answer = put(raw, sha256, data, offset)
        assert answer.status_code == 200, answer.text
        offset = answer.json()["received"]
    assert answer.json()["complete"], answer.text
    return sha256


def download(raw: Raw, sha256: str, **headers: str) -> httpx.Response:
    return raw.http.get(file_path(sha256), headers={"Accept-Encoding": "identity", **headers})


def attachment(raw: Raw, owner_entity: str, owner_id: str, sha256: str, size: int, **values: Any) -> dict[str, Any]:
    return valid_fields(
        "attachments",
        raw.unit_id,
        owner_entity=owner_entity,
        owner_id=owner_id,
        kind=values.pop("kind", "photo"),
        sha256=sha256,
        size=size,
        media_type="image/jpeg",
        file_name="foto kegiatan.jpg",
        **values,
    )
