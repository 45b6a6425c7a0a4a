"""The server's OpenAPI document describes every body, those FastAPI does not see too: the sync
routes read and write msgspec messages (`protocol.messages`) themselves, for speed, so their
schemas come from msgspec and are set on those routes here; every refusal is an `ErrorBody`."""

from __future__ import annotations

from typing import Any

import msgspec
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from protocol.files import UploadState, upload_path
from protocol.messages import EnrollAnswer, ErrorBody, PullPage, PushAnswer, PushRequest

REF = "#/components/schemas/{name}"
JSON = "application/json"


def _ref(message: type[msgspec.Struct]) -> dict[str, Any]:
    return {JSON: {"schema": {"$ref": REF.format(name=message.__name__)}}}


# (path, method) → (request body, answer); None: as FastAPI describes it.
BODIES: dict[tuple[str, str], tuple[type[msgspec.Struct] | None, type[msgspec.Struct]]] = {
    ("/sync/push", "post"): (PushRequest, PushAnswer),
    ("/sync/pull", "get"): (None, PullPage),
    ("/enroll", "post"): (None, EnrollAnswer),
    (upload_path("{sha256}"), "get"): (None, UploadState),
    (upload_path("{sha256}"), "put"): (None, UploadState),  # the body: the file's bytes from `offset`
}


def describe(app: FastAPI) -> None:
    """Make `app.openapi()` describe the sync routes' bodies and the refusals of every route."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        document = get_openapi(title=app.title, version=app.version, routes=app.routes)
        _schemas, components = msgspec.json.schema_components(
            [PushRequest, PushAnswer, PullPage, EnrollAnswer, UploadState, ErrorBody], ref_template=REF
        )
        document.setdefault("components", {}).setdefault("schemas", {}).update(components)
        for (path, method), (request, answer) in BODIES.items():
            operation = document["paths"][path][method]
            if request is not None:
                operation["requestBody"] = {"required": True, "content": _ref(request)}
            operation["responses"]["200"] = {"description": "Successful Response", "content": _ref(answer)}
        refused = {"description": "Refused: a code and its parameters", "content": _ref(ErrorBody)}
        for methods in document["paths"].values():
            for operation in methods.values():
                operation["responses"]["4XX"] = refused
        app.openapi_schema = document
        return document

    app.openapi = openapi  # type: ignore[method-assign]
