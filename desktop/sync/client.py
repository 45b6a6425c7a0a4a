"""HTTP client of the sync protocol: JSON over HTTPS, gzip both ways, bounded timeouts.

Certificates are checked against the operating system's store or the CA file the laptop was
enrolled with (`desktop.sync.trust`); plain http:// goes only where `desktop.sync.address`
allows it, checked before anything is sent.

Network trouble becomes `SyncUnavailable` (try again later), a certificate refused becomes
`CertificateProblem`; a refusal by the server becomes `SyncRefused` with its code, worded by
`desktop.sync.refusals` in the user's language (fix something first).
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from desktop.core.errors import MufakatError
from desktop.core.i18n import tr
from desktop.sync.address import check_sync
from desktop.sync.network_errors import CertificateProblem, HttpsOnly, SyncUnavailable, describe, https_only
from desktop.sync.outbox import PendingOp
from desktop.sync.refusals import describe as describe_refusal
from desktop.sync.tls_probe import speaks_tls
from desktop.sync.trust import ssl_context
from protocol import jsontext
from protocol.files import file_path, upload_path
from protocol.version import PROTOCOL_VERSION

__all__ = ["CertificateProblem", "HttpsOnly", "Prepared", "SyncClient", "SyncRefused", "SyncUnavailable"]

if TYPE_CHECKING:
    import httpx

DOWNLOAD_BLOCK = 256 * 1024
RELEASE_EVERY_S = 3600.0  # how often a client kept from sync to sync asks for the announced version


@dataclass(frozen=True)
class Prepared:
    """A request body ready to send: JSON, gzip-compressed."""

    content: bytes


class SyncRefused(MufakatError):
    """The server refused the request: `code` and `params` as it sent them, `message` worded
    for the user."""

    def __init__(
        self, status: int, message: str, code: str = "", params: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.params = params or {}


def _json(response: httpx.Response) -> bool:
    return "json" in response.headers.get("content-type", "")


class SyncClient:
    def __init__(
        self,
        base_url: str,
        token: str = "",
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
        *,
        ca_file: Path | None = None,
        plain_http: bool = False,
    ) -> None:
        """`ca_file`: trust that certificate authority instead of the system's; `plain_http`:
        the administrator allowed a plain http:// address (enrollment code --allow-http)."""
        check_sync(base_url, plain_http)
        self.base_url = base_url.rstrip("/")
        headers = {"Accept-Encoding": "gzip", "User-Agent": "Mufakat"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        import httpx  # loaded on first sync, not at the app's start-up (~0.13 s)

        self._http = httpx.Client(
            base_url=self.base_url,
            headers=headers,
            timeout=httpx.Timeout(timeout, connect=10.0),
            transport=transport,
            verify=ssl_context(ca_file) if urlsplit(self.base_url).scheme.lower() == "https" else True,
        )
        self.bytes_sent = 0
        self._worker: ThreadPoolExecutor | None = None
        self._release_asked: float | None = None

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._worker is not None:
            self._worker.shutdown(wait=True)
        self._http.close()

    def worker(self) -> Executor:
        """One thread for this client's requests: a request runs while the caller works on."""
        if self._worker is None:
            self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mufakat-sync")
        return self._worker

    def _call(
        self,
        method: str,
        path: str,
        body: Any = None,
        params: dict[str, Any] | None = None,
    ) -> Any:
        import httpx

        content = None
        headers = {"Content-Type": "application/json"}
        if isinstance(body, Prepared):
            content = body.content
            headers["Content-Encoding"] = "gzip"
        elif isinstance(body, bytes):  # a file's chunk, as it is (photos do not compress)
            content = body
            headers["Content-Type"] = "application/octet-stream"
        elif body is not None:
            content = jsontext.dumps_bytes(body)
        if content is not None:
            self.bytes_sent += len(content)
        try:
            response = self._http.request(method, path, content=content, headers=headers, params=params)
        except httpx.HTTPError as exc:
            # Asked at enrollment only, where the address is new: an enrolled laptop's address
            # worked before, and a flaky network must not cost a probe at every failure.
            probe = path == "/enroll" and not isinstance(exc, httpx.TimeoutException)
            if probe and speaks_tls(self.base_url):
                raise https_only(self.base_url) from exc  # uvicorn drops plain HTTP on a TLS port
            raise describe(exc, self.base_url) from exc
        if response.status_code == 400 and not _json(response) and speaks_tls(self.base_url):
            raise https_only(self.base_url)  # nginx: "plain HTTP request was sent to HTTPS port"
        if response.status_code >= 500:
            raise SyncUnavailable(
                tr(
                    "The server {url} has a problem ({status}); try again later.",
                    url=self.base_url,
                    status=response.status_code,
                )
            )
        if response.status_code >= 400:
            raise self._refusal(response)
        try:
            return jsontext.loads(response.content)
        except ValueError as exc:
            raise SyncUnavailable(
                tr("The server {url} sent an answer that is not JSON; try again later.", url=self.base_url)
            ) from exc

    def _refusal(self, response: httpx.Response) -> SyncRefused:
        try:
            answer = jsontext.loads(response.content)
        except ValueError:
            answer = None
        if not isinstance(answer, dict):
            answer = {}
        code = str(answer.get("code") or "")
        sent = answer.get("params")
        params: dict[str, Any] = dict(sent) if isinstance(sent, dict) else {}
        if not code and response.status_code == 426:
            code = "upgrade_required"
        message = describe_refusal(code or f"HTTP {response.status_code}", params, url=self.base_url)
        return SyncRefused(response.status_code, message, code, params)

    def release(self) -> dict[str, Any]:
        """The app version the server announces and its download address (`GET /version`)."""
        return dict(self._call("GET", "/version"))

    def release_due(self) -> bool:
        """Time to ask for the announced version: a new client asks at once, one kept from
        cycle to cycle once an hour (a round trip at every cycle was a fifth of a change's time)."""
        now = time.monotonic()
        if self._release_asked is not None and now - self._release_asked < RELEASE_EVERY_S:
            return False
        self._release_asked = now
        return True

    def health(self) -> dict[str, Any]:
        return dict(self._call("GET", "/healthz"))

    def enroll(
        self,
        code: str,
        device_id: str,
        device_name: str,
        secret: str,
        unit_id: str | None = None,
        moved_from: str = "",
        moved_from_secret: str = "",
    ) -> dict[str, Any]:
        """`secret`: this laptop's enrollment secret (the same at every enrollment of this
        device). `unit_id`: the unit this device already works for (enrolling again): the
        server refuses a code of another unit before it records anything. `moved_from`: the
        device this laptop's data came from (the server retires it) and `moved_from_secret` that
        device's secret, the proof."""
        body = {"code": code, "device_id": device_id, "device_name": device_name, "device_secret": secret}
        if unit_id:
            body["unit_id"] = unit_id
        if moved_from:
            body["moved_from"] = moved_from
        if moved_from_secret:
            body["moved_from_secret"] = moved_from_secret
        return dict(self._call("POST", "/enroll", body))

    @staticmethod
    def prepare_push(device_id: str, ops: Sequence[PendingOp], device_high: int = 0) -> Prepared:
        """A push request's body, built and compressed before it is sent (batches of changes
        compress about tenfold), so it can be made while another request is on the way.
        `device_high`: the highest operation number this device ever made."""
        head = jsontext.dumps_bytes(
            {"device_id": device_id, "schema_version": PROTOCOL_VERSION, "device_high": device_high}
        )
        body = head[:-1] + b',"ops":[' + b",".join(op.wire() for op in ops) + b"]}"
        return Prepared(gzip.compress(body, compresslevel=5))

    def push(self, prepared: Prepared) -> dict[str, Any]:
        """{"results": [...], "server_ms": ...}"""
        return dict(self._call("POST", "/sync/push", prepared))

    # -- attached files (protocol.files) --------------------------------------------------------
    def upload_state(self, sha256: str, size: int) -> dict[str, Any]:
        """How much of the file the server holds for this office: {"received", "complete", …}."""
        return dict(self._call("GET", upload_path(sha256), params={"size": size}))

    def upload_chunk(self, sha256: str, size: int, offset: int, chunk: bytes) -> dict[str, Any]:
        return dict(self._call("PUT", upload_path(sha256), chunk, params={"size": size, "offset": offset}))

    @contextmanager
    def download(self, sha256: str, start: int = 0) -> Iterator[Iterator[bytes]]:
        """The file's bytes from `start` on, as they arrive (never the whole file in memory)."""
        import httpx

        headers = {"Accept-Encoding": "identity"}
        if start:
            headers["Range"] = f"bytes={start}-"
        try:
            with self._http.stream("GET", file_path(sha256), headers=headers) as response:
                if response.status_code >= 400:
                    response.read()
                    if response.status_code >= 500:
                        raise SyncUnavailable(
                            tr(
                                "The server {url} has a problem ({status}); try again later.",
                                url=self.base_url,
                                status=response.status_code,
                            )
                        )
                    raise self._refusal(response)
                if start and response.status_code != 206:
                    raise SyncUnavailable(
                        tr("The server {url} did not send the rest of a file; try again later.", url=self.base_url)
                    )
                yield response.iter_bytes(DOWNLOAD_BLOCK)
        except httpx.HTTPError as exc:
            raise describe(exc, self.base_url) from exc

    def pull(
        self, since: int, limit: int, device_high: int | None = None, own: bool = False
    ) -> dict[str, Any]:
        """A page after `since`; `own`: this device's own records too (restored from a copy)."""
        params: dict[str, Any] = {"since": since, "limit": limit, "schema_version": PROTOCOL_VERSION}
        if device_high is not None:
            params["device_high"] = device_high
        if own:
            params["own"] = "true"
        return dict(self._call("GET", "/sync/pull", params=params))
