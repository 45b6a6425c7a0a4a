"""HTTP client of the sync protocol: JSON over HTTPS, gzip both ways, bounded timeouts.

Network trouble becomes `SyncUnavailable` (try again later); a refusal by the server becomes
`SyncRefused` with the server's own message (fix something first).
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop import jsontext
from desktop.errors import EnvironmentProblem, MufakatError
from desktop.i18n import tr
from desktop.sync.outbox import PendingOp
from desktop.sync.protocol import SCHEMA_VERSION

if TYPE_CHECKING:
    import httpx


@dataclass(frozen=True)
class Prepared:
    """A request body ready to send: JSON, gzip-compressed."""

    content: bytes


class SyncUnavailable(EnvironmentProblem):
    """The server could not be reached or did not answer in time."""


class SyncRefused(MufakatError):
    """The server refused the request; `code` and `params` say why (the sync contract's codes)."""

    def __init__(
        self, status: int, message: str, code: str = "", params: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.params = params or {}


class SyncClient:
    def __init__(
        self,
        base_url: str,
        token: str = "",
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
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
        )
        self.bytes_sent = 0
        self._worker: ThreadPoolExecutor | None = None

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
        elif body is not None:
            content = jsontext.dumps_bytes(body)
        if content is not None:
            self.bytes_sent += len(content)
        try:
            response = self._http.request(method, path, content=content, headers=headers, params=params)
        except httpx.TimeoutException as exc:
            raise SyncUnavailable(tr("The server {url} did not answer in time.", url=self.base_url)) from exc
        except httpx.HTTPError as exc:
            raise SyncUnavailable(
                tr(
                    "The server {url} cannot be reached ({error}).",
                    url=self.base_url,
                    error=type(exc).__name__,
                )
            ) from exc
        if response.status_code >= 400:
            code, params = "", {}
            try:
                answer = jsontext.loads(response.content)
                message = str(answer.get("error", response.text))
                code, params = str(answer.get("code") or ""), dict(answer.get("params") or {})
            except (ValueError, AttributeError, TypeError):
                message = response.text[:200]
            if response.status_code >= 500:
                raise SyncUnavailable(
                    tr(
                        "The server {url} has a problem ({status}); try again later.",
                        url=self.base_url,
                        status=response.status_code,
                    )
                )
            raise SyncRefused(
                response.status_code, tr("The server refused: {message}", message=message), code, params
            )
        try:
            return jsontext.loads(response.content)
        except ValueError as exc:
            raise SyncUnavailable(
                tr("The server {url} sent an answer that is not JSON; try again later.", url=self.base_url)
            ) from exc

    def health(self) -> dict[str, Any]:
        return dict(self._call("GET", "/healthz"))

    def enroll(self, code: str, device_id: str, device_name: str) -> dict[str, Any]:
        return dict(
            self._call("POST", "/enroll", {"code": code, "device_id": device_id, "device_name": device_name})
        )

    @staticmethod
    def prepare_push(device_id: str, ops: Sequence[PendingOp], device_high: int = 0) -> Prepared:
        """A push request's body, built and compressed before it is sent (batches of changes
        compress about tenfold), so it can be made while another request is on the way.
        `device_high`: the highest operation number this device ever made."""
        head = jsontext.dumps_bytes(
            {"device_id": device_id, "schema_version": SCHEMA_VERSION, "device_high": device_high}
        )
        body = head[:-1] + b',"ops":[' + b",".join(op.wire() for op in ops) + b"]}"
        return Prepared(gzip.compress(body, compresslevel=5))

    def push(self, prepared: Prepared) -> dict[str, Any]:
        """{"results": [...], "server_ms": ...}"""
        return dict(self._call("POST", "/sync/push", prepared))

    def pull(
        self, since: int, limit: int, device_high: int | None = None, own: bool = False
    ) -> dict[str, Any]:
        """A page after `since`; `own`: this device's own records too (restored from a copy)."""
        params: dict[str, Any] = {"since": since, "limit": limit, "schema_version": SCHEMA_VERSION}
        if device_high is not None:
            params["device_high"] = device_high
        if own:
            params["own"] = "true"
        return dict(self._call("GET", "/sync/pull", params=params))
