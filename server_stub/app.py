"""The HTTP API of the central server (FastAPI). OpenAPI at /docs."""

import time
import zlib
from typing import Annotated, Any, cast

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from typing_extensions import TypedDict

from desktop import jsontext
from desktop.sync.protocol import MAX_BODY_BYTES, MAX_OPS_PER_PUSH, MAX_PULL_PAGE, SCHEMA_VERSION
from server_stub import auth
from server_stub.apply import Caller, apply_push
from server_stub.models import ServerUnit
from server_stub.pull import pull_page
from server_stub.store import ServerStore


class EnrollRequest(BaseModel):
    code: str = Field(min_length=4, max_length=40)
    device_id: str = Field(min_length=8, max_length=36)
    device_name: str = Field(default="", max_length=200)
    unit_id: str | None = Field(default=None, max_length=36)  # enrolling again: the device's unit


class Op(TypedDict):
    """One pushed operation. A plain dict once validated: the apply step takes dicts, and
    building then dumping a model per operation cost a tenth of a push."""

    op_id: Annotated[str, Field(min_length=8, max_length=36)]
    action_id: Annotated[str, Field(min_length=8, max_length=36)]
    device_seq: int
    entity: Annotated[str, Field(max_length=40)]
    entity_id: Annotated[str, Field(max_length=36)]
    kind: Annotated[str, Field(max_length=16)]
    fields: dict[str, Any]
    hlc: Annotated[str, Field(max_length=80)]


class PushRequest(BaseModel):
    device_id: str = Field(max_length=36)
    schema_version: int
    device_high: int | None = Field(default=None, ge=0)  # the highest operation number it ever made
    ops: list[Op] = Field(max_length=MAX_OPS_PER_PUSH)


class ApiError(Exception):
    def __init__(
        self, status: int, message: str, code: str = "", params: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.message = status, message
        self.code, self.params = code, params or {}


def server_ms() -> int:
    """The server's clock in Unix milliseconds: devices measure their clock's offset by it."""
    return time.time_ns() // 1_000_000


def _not_restored(who: Caller, device_high: int | None) -> None:
    """A device whose highest operation number is below what was applied from it runs on a copy
    of its folder from before: it must fetch its own later records before anything else."""
    if device_high is not None and device_high < who.ops_high:
        raise ApiError(
            409,
            f"this device was restored from a copy: it made operations up to {who.ops_high}, "
            f"it now says {device_high}; pull everything again with own=1",
            "device_restored",
            {"applied_high": who.ops_high},
        )


async def bearer(authorization: Annotated[str | None, Header()] = None) -> str:
    """The request's bearer token (async: no worker thread for a header check)."""
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ApiError(401, "missing bearer token")
    return authorization[7:].strip()


def _caller(session: Session, token: str) -> Caller:
    device = auth.device_for(session, token)
    return Caller(device_id=device.id, unit_id=device.unit_id, ops_high=device.ops_high or 0)


def _units(store: ServerStore) -> list[dict[str, Any]]:
    with store.transaction() as session:
        return [
            {"id": u.id, "code": u.code, "name": u.name, "parent_id": u.parent_id}
            for u in session.scalars(select(ServerUnit).order_by(ServerUnit.code))
        ]


def create_app(store: ServerStore) -> FastAPI:
    app = FastAPI(title="Mufakat server", version="1")
    # Level 6: a pull page compresses within 4% of level 9 (the default) in half the time.
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        body: dict[str, Any] = {"error": exc.message}
        if exc.code:
            body.update(code=exc.code, params=exc.params)
        return JSONResponse(body, status_code=exc.status)

    @app.exception_handler(auth.AuthError)
    async def _auth_error(_request: Request, exc: auth.AuthError) -> JSONResponse:
        return JSONResponse(
            {"code": exc.code, "params": exc.params, "error": exc.message}, status_code=exc.status
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return JSONResponse(
            {"error": f"invalid request: {where}: {first.get('msg', 'malformed')}"}, status_code=422
        )

    def caller(token: Annotated[str, Depends(bearer)]) -> Caller:
        with store.transaction() as session:
            return _caller(session, token)

    @app.get("/healthz")
    def healthz() -> dict[str, Any]:
        return {
            "ok": True,
            "epoch": store.epoch(),
            "schema_version": SCHEMA_VERSION,
            "server_ms": server_ms(),
        }

    @app.post("/enroll")
    def enroll(body: EnrollRequest) -> dict[str, Any]:
        with store.transaction() as session:
            token, unit = auth.enroll(session, body.code, body.device_id, body.device_name, body.unit_id)
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
    async def push(request: Request, who: Annotated[Caller, Depends(caller)]) -> JSONResponse:
        body = await _read_json(request)
        try:
            parsed = PushRequest.model_validate(body)
        except Exception as exc:
            raise ApiError(422, f"invalid push: {str(exc).splitlines()[0]}") from exc
        _check_schema(parsed.schema_version)
        if parsed.device_id != who.device_id:
            raise ApiError(403, "the token belongs to another device")
        _not_restored(who, parsed.device_high)
        ops = cast(list[dict[str, Any]], parsed.ops)

        def apply() -> list[dict[str, Any]]:
            with store.transaction() as session:
                return apply_push(session, who, ops)

        results = await run_in_threadpool(apply)
        # Plain JSONResponse: FastAPI's generic encoder is slow for large pages of plain data.
        return JSONResponse({"results": results, "server_ms": server_ms()})

    @app.get("/sync/pull")
    def pull(
        token: Annotated[str, Depends(bearer)],
        since: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_PAGE)] = 500,
        schema_version: Annotated[int, Query()] = SCHEMA_VERSION,
        device_high: Annotated[int | None, Query(ge=0)] = None,
        own: Annotated[bool, Query()] = False,
    ) -> Response:
        _check_schema(schema_version)
        with store.transaction() as session:  # one transaction: the token's check and the page
            who = _caller(session, token)
            _not_restored(who, device_high)
            page = pull_page(session, who, since, limit, own=own, server_ms=server_ms())
            return Response(page, media_type="application/json")

    return app


def _check_schema(version: int) -> None:
    if version > SCHEMA_VERSION:
        raise ApiError(426, f"this server understands data up to schema {SCHEMA_VERSION}; upgrade the server")
    if version < SCHEMA_VERSION:
        raise ApiError(426, f"upgrade Mufakat on this device: the server needs schema {SCHEMA_VERSION}")


async def _read_json(request: Request) -> Any:
    """The request's JSON, never more than MAX_BODY_BYTES read or unpacked (a small gzip body
    can unpack to gigabytes; a body without a declared length is counted as it arrives)."""
    too_large = ApiError(413, f"request larger than {MAX_BODY_BYTES} bytes; push in smaller batches")
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
    try:
        return jsontext.loads(raw)
    except ValueError as exc:
        raise ApiError(400, "the request body is not JSON") from exc


def _gunzip(raw: bytes, too_large: ApiError) -> bytes:
    unpacker = zlib.decompressobj(wbits=31)  # 31: a gzip header and trailer
    try:
        unpacked = unpacker.decompress(raw, MAX_BODY_BYTES + 1)
    except zlib.error as exc:
        raise ApiError(400, "the request body is not valid gzip") from exc
    if len(unpacked) > MAX_BODY_BYTES:
        raise too_large
    if not unpacker.eof:
        raise ApiError(400, "the request body is not valid gzip (it ends too soon)")
    return unpacked
