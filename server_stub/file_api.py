"""The HTTP routes of attached files (`protocol.files`): resumable chunked upload, ranged
download. Refusals are the API's usual 4xx bodies; what the caller may not see is answered as
if the server did not hold it (`server_stub.file_access`)."""


import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.responses import Response, StreamingResponse
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from protocol.files import CHUNK_BYTES, MAX_FILE_SIZE, SHA256_PATTERN, UploadState, file_path, upload_path
from protocol.refusals import Refusal
from server_stub import file_access
from server_stub.authorize import Caller
from server_stub.errors import ApiError
from server_stub.filestore import FileStore, OffsetMismatch, StoreFull
from server_stub.observe import note
from server_stub.store import ServerStore

STREAM_BLOCK = 256 * 1024
_RANGE = re.compile(r"^bytes=(\d+)-(\d*)$")
Hash = Annotated[str, Path(pattern=SHA256_PATTERN)]


@dataclass(frozen=True)
class FileLimits:
    max_size: int = MAX_FILE_SIZE  # bytes of one file
    quota: int = file_access.DEFAULT_QUOTA  # bytes per office, where the administrator set none


def _state(sha256: str, size: int, received: int) -> dict[str, Any]:
    return {"sha256": sha256, "size": size, "received": received, "complete": received == size}


def _encode(state: dict[str, Any]) -> UploadState:
    return UploadState(**state)


def add_file_routes(
    app: FastAPI, store: ServerStore, files: FileStore, caller: Callable[..., Caller], limits: FileLimits
) -> None:
    def check_size(size: int) -> None:
        if size > limits.max_size:
            raise ApiError(
                413,
                Refusal.FILE_TOO_LARGE,
                f"a file of {size} bytes; an attachment is at most {limits.max_size}",
                size=size,
                max=limits.max_size,
            )

    def held_whole(session: Session, who: Caller, sha256: str, size: int) -> bool:
        """Does the office hold this file on the server already (uploaded, or one it may
        download)? A grant whose file is gone (lost with a disk) is dropped: upload it again."""
        grant = file_access.grant(session, who.unit_id, sha256)
        if grant is not None and grant.size == size and files.size(sha256) == size:
            file_access.keep_grant(session, who.unit_id, sha256, size, who.device_id)
            return True
        if grant is not None:
            session.delete(grant)
        return files.size(sha256) == size and file_access.downloadable(session, who.unit_id, sha256)

    def received(who: Caller, sha256: str, size: int) -> int:
        held = files.received(who.unit_id, sha256)
        if held > size:  # another size was announced before: start again
            files.discard(who.unit_id, sha256)
            return 0
        return held

    def within_quota(session: Session, who: Caller, sha256: str, size: int) -> None:
        """Does the file fit beside the office's other files and uploads under way? Called with
        the office's files locked (`file_access.lock_files`)."""
        quota = file_access.quota_of(session, who.unit_id, limits.quota)
        used = file_access.used(session, who.unit_id, besides=sha256)
        if used + size > quota:
            raise ApiError(
                413,
                Refusal.QUOTA_EXCEEDED,
                f"this office's files take {used} of its {quota} bytes; a file of {size} does not fit",
                size=size,
                used=used,
                quota=quota,
            )

    def finish(who: Caller, sha256: str, size: int) -> dict[str, Any]:
        """The office's upload is whole: checked, in the store, the office's to name."""
        if not files.complete(who.unit_id, sha256):
            with store.transaction() as session:
                file_access.drop_upload(session, who.unit_id, sha256)
            raise ApiError(422, Refusal.HASH_MISMATCH, f"the uploaded bytes are not the file {sha256}", sha256=sha256)
        with store.transaction() as session:
            file_access.lock_files(session, who.unit_id)
            # Again: an upload begun before its size was held (an older server) may not fit.
            within_quota(session, who, sha256, size)
            file_access.keep_grant(session, who.unit_id, sha256, size, who.device_id)
        return _state(sha256, size, size)

    def may_start(who: Caller, sha256: str, size: int) -> bool:
        """A first chunk: is the file there for the office already (nothing to send)? If not,
        does it fit in the office's quota beside its other files and uploads under way? Then its
        size is held. One transaction, the office's files locked."""
        with store.transaction() as session:
            file_access.lock_files(session, who.unit_id)
            if held_whole(session, who, sha256, size):
                return False
            within_quota(session, who, sha256, size)
            file_access.hold_upload(session, who.unit_id, sha256, size, who.device_id)
        return True

    @app.get(upload_path("{sha256}"))
    def upload_state(
        request: Request,
        sha256: Hash,
        size: Annotated[int, Query(ge=1)],
        who: Annotated[Caller, Depends(caller)],
    ) -> Response:
        """How much of this file the server holds for the caller's office."""
        check_size(size)
        with store.transaction() as session:
            whole = held_whole(session, who, sha256, size)
        held = size if whole else received(who, sha256, size)
        note(request.scope, file=sha256[:12])
        if not whole and held == size:  # all of it arrived, but was not finished (a crash)
            return _json(finish(who, sha256, size))
        return _json(_state(sha256, size, held))

    @app.put(upload_path("{sha256}"))
    async def upload_chunk(
        request: Request,
        sha256: Hash,
        size: Annotated[int, Query(ge=1)],
        offset: Annotated[int, Query(ge=0)],
        who: Annotated[Caller, Depends(caller)],
    ) -> Response:
        """The bytes from `offset` on (at most one chunk); the last one completes the file."""
        check_size(size)
        chunk = await _read_chunk(request)
        if offset + len(chunk) > size or not chunk:
            raise ApiError(400, Refusal.MALFORMED, f"a chunk of {len(chunk)} bytes at {offset} of a file of {size}")

        def write() -> dict[str, Any]:
            if offset == 0 and not may_start(who, sha256, size):
                return _state(sha256, size, size)
            try:
                held = files.append(who.unit_id, sha256, offset, chunk)
            except StoreFull as exc:
                raise ApiError(507, Refusal.SERVER_ERROR, str(exc)) from exc
            except OffsetMismatch as exc:
                raise ApiError(
                    409,
                    Refusal.OFFSET_MISMATCH,
                    f"the server holds {exc.held} bytes of this upload, not {offset}",
                    received=received(who, sha256, size),
                ) from None
            return _state(sha256, size, held) if held < size else finish(who, sha256, size)

        state = await run_in_threadpool(write)
        note(request.scope, file=sha256[:12])
        return _json(state)

    @app.get(file_path("{sha256}"))
    def download(request: Request, sha256: Hash, who: Annotated[Caller, Depends(caller)]) -> Response:
        """The file, or from `Range: bytes=K-` on: only one a live attachment the caller may see
        names (or that its office uploaded)."""
        with store.transaction() as session:
            allowed = file_access.grant(session, who.unit_id, sha256) is not None or file_access.downloadable(
                session, who.unit_id, sha256
            )
        size = files.size(sha256) if allowed else None
        note(request.scope, file=sha256[:12])
        if size is None:
            raise file_access_unknown(sha256)
        start, end = _range(request.headers.get("range"), size)
        headers = {"Accept-Ranges": "bytes", "Content-Length": str(end - start)}
        if (start, end) != (0, size):
            headers["Content-Range"] = f"bytes {start}-{end - 1}/{size}"
        return StreamingResponse(
            _blocks(files, sha256, start, end),
            status_code=206 if "Content-Range" in headers else 200,
            media_type="application/octet-stream",
            headers=headers,
        )


def file_access_unknown(sha256: str) -> ApiError:
    return ApiError(404, Refusal.FILE_UNKNOWN, f"no file {sha256} this office may use", sha256=sha256)


def _range(header: str | None, size: int) -> tuple[int, int]:
    """[start, end) of the bytes asked for: all of them, or one range `bytes=K-[L]`."""
    if not header:
        return 0, size
    found = _RANGE.match(header.strip())
    if found is None or int(found[1]) >= size:
        raise ApiError(416, Refusal.MALFORMED, f"range {header!r} of a file of {size} bytes")
    start = int(found[1])
    end = min(size, int(found[2]) + 1) if found[2] else size
    if end <= start:
        raise ApiError(416, Refusal.MALFORMED, f"range {header!r} of a file of {size} bytes")
    return start, end


def _blocks(files: FileStore, sha256: str, start: int, end: int) -> Iterator[bytes]:
    """The file's bytes in blocks, read as they are sent (never the whole file in memory)."""
    with files.path(sha256).open("rb") as source:
        source.seek(start)
        left = end - start
        while left > 0:
            block = source.read(min(STREAM_BLOCK, left))
            if not block:
                return
            left -= len(block)
            yield block


async def _read_chunk(request: Request) -> bytes:
    too_large = ApiError(413, Refusal.TOO_LARGE, f"a chunk is at most {CHUNK_BYTES} bytes")
    declared = request.headers.get("content-length") or "0"
    if not declared.isdigit() or int(declared) > CHUNK_BYTES:
        raise too_large
    parts, size = [], 0
    async for part in request.stream():
        size += len(part)
        if size > CHUNK_BYTES:
            raise too_large
        parts.append(part)
    return b"".join(parts)


def _json(state: dict[str, Any]) -> Response:
    import msgspec

    return Response(msgspec.json.encode(_encode(state)), media_type="application/json")
