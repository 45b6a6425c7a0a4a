"""The HTTP API of the central server (FastAPI). OpenAPI at /docs.

Every refusal of a request is a 4xx whose body is `{"code", "params", "error"}` (the codes of
`protocol.refusals`; `error` is English, for logs); a refused operation of a push is answered
in the push's results, and the others apply.

For the administrator: /livez (the process answers), /readyz (it can serve: its database
answers at the schema this server needs), /metrics (Prometheus, `server_stub.metrics`), and a
JSON log line per request (`server_stub.observe`).
"""

import logging
import time
import zlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Annotated, Any

import msgspec
from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from protocol.messages import SPOKEN, PushRequest
from protocol.refusals import Refusal
from protocol.schema import DEVICE_ID_PATTERN, ID_PATTERN, MAX_DEVICE_NAME, NO_CONTROL, SECRET_PATTERN
from protocol.version import MAX_BODY_BYTES, MAX_PULL_PAGE, SPOKEN_VERSIONS
from protocol.version import PROTOCOL_VERSION as SCHEMA_VERSION
from server_stub import auth, metrics, openapi, release
from server_stub.apply import Caller, apply_push
from server_stub.errors import ApiError
from server_stub.file_api import FileLimits, add_file_routes
from server_stub.filestore import FileStore, default_root
from server_stub.models import Device, ServerUnit
from server_stub.observe import Observe, note, push_results
from server_stub.pull import pull_page
from server_stub.store import ServerStore
from server_stub.web.app import add_web

log = logging.getLogger("mufakat.server")
MAX_SINCE = 2**62  # beyond any sequence number (PostgreSQL's BIGINT): a checkpoint, not a number


class EnrollRequest(BaseModel):
    """Checked with the protocol's rules before anything is looked up or stored (422 otherwise)."""

    code: str = Field(min_length=4, max_length=40, pattern=NO_CONTROL)
    device_id: str = Field(pattern=DEVICE_ID_PATTERN)
    device_name: str = Field(default="", max_length=MAX_DEVICE_NAME, pattern=NO_CONTROL)
    device_secret: str = Field(pattern=SECRET_PATTERN)  # the laptop's own (auth.py)
    unit_id: str | None = Field(default=None, max_length=36, pattern=ID_PATTERN)  # enrolling again
    # A laptop that got its data from another device of its unit: that device is retired.
    moved_from: str | None = Field(default=None, pattern=DEVICE_ID_PATTERN)
    moved_from_secret: str | None = Field(default=None, pattern=SECRET_PATTERN)  # its secret: the proof


async def bearer(authorization: Annotated[str | None, Header()] = None) -> str:
    """The request's bearer token (async: no worker thread for a header check)."""
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ApiError(401, Refusal.UNKNOWN_TOKEN, "missing bearer token")
    return authorization[7:].strip()


def _caller(session: Session, token: str) -> Caller:
    device = auth.device_for(session, token)
    return Caller(
        device_id=device.id,
        unit_id=device.unit_id,
        ops_high=device.ops_high or 0,
        may_restate=auth.may_restate(device),
    )


def server_ms() -> int:
    """The server's clock in Unix milliseconds: devices measure their clock's offset by it."""
    return time.time_ns() // 1_000_000


def _not_restored(who: Caller, device_high: int | None) -> None:
    """A device whose highest operation number is below what was applied from it runs on a copy
    of its folder from before: it must fetch its own later records before anything else."""
    if device_high is not None and device_high < who.ops_high:
        raise ApiError(
            409,
            Refusal.DEVICE_RESTORED,
            f"this device was restored from a copy: it made operations up to {who.ops_high}, "
            f"it now says {device_high}; pull everything again with own=1",
            applied_high=who.ops_high,
        )


def _units(store: ServerStore) -> list[dict[str, Any]]:
    with store.transaction() as session:
        return [
            {"id": u.id, "code": u.code, "name": u.name, "parent_id": u.parent_id}
            for u in session.scalars(select(ServerUnit).order_by(ServerUnit.code))
        ]


def create_app(store: ServerStore, files: FileStore | None = None, limits: FileLimits | None = None) -> FastAPI:
    """`files`: the attached files' folder (`server_stub.filestore.default_root` otherwise);
    `limits`: a file's largest size and an office's default quota."""
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()  # at a stop: SQLite folds its write-ahead log back into the file

    app = FastAPI(title="Mufakat server", version="1", lifespan=lifespan)
    openapi.describe(app)
    # Level 6: a pull page compresses within 4% of level 9 (the default) in half the time.
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)
    app.add_middleware(Observe)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        note(request.scope, refusal=exc.code.value)
        return JSONResponse(exc.body(), status_code=exc.status)

    @app.exception_handler(auth.AuthError)
    async def _auth_error(request: Request, exc: auth.AuthError) -> JSONResponse:
        note(request.scope, refusal=exc.code)
        body = {"code": exc.code, "params": exc.params, "error": exc.message}
        return JSONResponse(body, status_code=exc.status)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        note(request.scope, refusal=Refusal.MALFORMED.value)
        return JSONResponse(_body(Refusal.MALFORMED, str(exc.detail)), status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        note(request.scope, refusal=Refusal.MALFORMED.value)
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        error = f"invalid request: {where}: {first.get('msg', 'malformed')}"
        return JSONResponse(_body(Refusal.MALFORMED, error), status_code=422)

    @app.exception_handler(Exception)
    async def _bug(_request: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected error", exc_info=exc)
        return JSONResponse(_body(Refusal.SERVER_ERROR, "unexpected server error"), status_code=500)

    def caller(request: Request, token: Annotated[str, Depends(bearer)]) -> Caller:
        with store.transaction() as session:
            who = _caller(session, token)
        note(request.scope, device=who.device_id)
        return who

    @app.get("/livez")
    async def livez() -> dict[str, Any]:
        """The process answers (a supervisor restarts it when it does not)."""
        return {"ok": True}

    @app.get("/readyz")
    def readyz() -> JSONResponse:
        """The server can serve: its database answers, at the schema this server needs (a
        proxy or a monitor sends laptops elsewhere while it does not)."""
        problem = store.not_ready()
        if problem:
            return JSONResponse({"ready": False, "problem": problem}, status_code=503)
        return JSONResponse({"ready": True})

    @app.get("/metrics", response_class=PlainTextResponse)  # Prometheus' text format, as described
    def metrics_page() -> Response:
        return Response(metrics.exposition(store), media_type=CONTENT_TYPE_LATEST)

    @app.get("/healthz")
    def healthz() -> dict[str, Any]:
        return {
            "ok": True,
            "epoch": store.epoch(),
            "schema_version": SCHEMA_VERSION,
            "server_ms": server_ms(),
        }

    @app.get("/version")
    def version() -> dict[str, Any]:
        """The app version the administrator announces, and where to download it."""
        with store.transaction() as session:
            return {"schema_version": SCHEMA_VERSION, **release.announced(session)}

    @app.post("/enroll")
    def enroll(body: EnrollRequest) -> dict[str, Any]:
        with store.transaction() as session:
            token, unit = auth.enroll(
                session,
                body.code,
                body.device_id,
                body.device_name,
                body.device_secret,
                body.unit_id,
                body.moved_from,
                body.moved_from_secret,
            )
            unit_id, unit_code = unit.id, unit.code
        return {
            "token": token,
            "unit_id": unit_id,
            "unit_code": unit_code,
            "epoch": store.epoch(),
            "units": _units(store),
            "schema_version": SCHEMA_VERSION,
        }

    @app.post("/sync/push")
    async def push(request: Request, token: Annotated[str, Depends(bearer)]) -> Response:
        raw = await _read_body(request)

        def apply() -> list[dict[str, Any]]:
            # One transaction: the token's check and the push (a transaction less per change).
            with store.transaction() as session:
                who = _caller(session, token)
                note(request.scope, device=who.device_id)
                parsed = _push_request(raw)
                _check_schema(parsed.schema_version)
                if parsed.device_id != who.device_id:
                    raise ApiError(403, Refusal.WRONG_DEVICE, "the token belongs to another device")
                _not_restored(who, parsed.device_high)
                return apply_push(session, who, parsed.ops)

        # msgspec, not FastAPI's generic encoder: that one is slow for large pages of plain data.
        results = await run_in_threadpool(apply)
        note(request.scope, push=push_results(results))
        answer = {"results": results, "server_ms": server_ms()}
        return Response(msgspec.json.encode(answer), media_type="application/json")

    @app.get("/sync/pull")
    def pull(
        request: Request,
        token: Annotated[str, Depends(bearer)],
        since: Annotated[int, Query(ge=0, le=MAX_SINCE)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_PAGE)] = 500,
        schema_version: Annotated[int, Query(json_schema_extra=SPOKEN)] = SCHEMA_VERSION,
        device_high: Annotated[int | None, Query(ge=0, le=MAX_SINCE)] = None,
        own: Annotated[bool, Query()] = False,
    ) -> Response:
        _check_schema(schema_version)
        with store.transaction() as session:  # one transaction: the token's check and the page
            who = _caller(session, token)
            note(request.scope, device=who.device_id)
            _not_restored(who, device_high)
            try:
                page = pull_page(session, who, since, limit, own=own, server_ms=server_ms())
            except ApiError as exc:
                if exc.code is not Refusal.CHECKPOINT_AHEAD:
                    raise
                ahead = exc  # the server lost what it had sent: the device re-sends its state
                auth.expect_restate(session.get_one(Device, who.device_id), datetime.now(UTC))
            else:
                return Response(page, media_type="application/json")
        raise ahead

    add_file_routes(app, store, files or FileStore(default_root(store.url)), caller, limits or FileLimits())
    add_web(app, store)  # the web pages: public, oversight, administrator (server_stub.web)
    return app


def _body(code: Refusal, error: str) -> dict[str, Any]:
    return {"code": code.value, "params": {}, "error": error}


def _check_schema(version: int) -> None:
    """Only the versions this server speaks (this one, and the one before: a version-5 laptop's
    operations carry no user and are accepted as made before accounts existed): an older device
    would send what this server refuses to read; a newer one, data this server cannot check."""
    if version not in SPOKEN_VERSIONS:
        side = "the server" if version > SCHEMA_VERSION else "Mufakat on this device"
        raise ApiError(
            426,
            Refusal.UPGRADE_REQUIRED,
            f"the device speaks protocol {version}, the server {SCHEMA_VERSION}: upgrade {side}",
            server_version=SCHEMA_VERSION,
            client_version=version,
        )


def _push_request(raw: bytes) -> PushRequest:
    """The push's envelope, in one pass (its operations are checked one by one later)."""
    try:
        return msgspec.json.decode(raw, type=PushRequest)
    except msgspec.ValidationError as exc:
        raise ApiError(422, Refusal.MALFORMED, f"invalid push: {exc}") from exc
    except msgspec.DecodeError as exc:
        raise ApiError(400, Refusal.MALFORMED, "the request body is not JSON") from exc


async def _read_body(request: Request) -> bytes:
    """The request's body, never more than MAX_BODY_BYTES read or unpacked (a small gzip body
    can unpack to gigabytes; a body without a declared length is counted as it arrives)."""
    too_large = ApiError(
        413, Refusal.TOO_LARGE, f"request larger than {MAX_BODY_BYTES} bytes; push in smaller batches"
    )
    declared = request.headers.get("content-length") or "0"
    if not declared.isdigit() or int(declared) > MAX_BODY_BYTES:
        raise too_large
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise too_large
        chunks.append(chunk)
    raw = b"".join(chunks)
    if request.headers.get("content-encoding", "").lower() == "gzip":
        raw = _gunzip(raw, too_large)
    return raw


def _gunzip(raw: bytes, too_large: ApiError) -> bytes:
    unpacker = zlib.decompressobj(wbits=31)  # 31: a gzip header and trailer
    try:
        unpacked = unpacker.decompress(raw, MAX_BODY_BYTES + 1)
    except zlib.error as exc:
        raise ApiError(400, Refusal.MALFORMED, "the request body is not valid gzip") from exc
    if len(unpacked) > MAX_BODY_BYTES:
        raise too_large
    if not unpacker.eof:
        raise ApiError(400, Refusal.MALFORMED, "the request body is not valid gzip (it ends too soon)")
    return unpacked
