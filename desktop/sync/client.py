"""HTTP client of the sync protocol: JSON over HTTPS, gzip both ways, bounded timeouts.

Network trouble becomes `SyncUnavailable` (try again later); a refusal by the server becomes
`SyncRefused` with the refusal's code and parameters, worded in the user's language by
`desktop.sync.refusals` (the server's own text goes to the log only).
"""

from __future__ import annotations

import gzip
import logging
from collections.abc import Mapping, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop import jsontext
from desktop.errors import EnvironmentProblem, MufakatError
from desktop.i18n import tr
from desktop.sync.outbox import PendingOp
from desktop.sync.protocol import SCHEMA_VERSION
from desktop.sync.refusals import describe
from protocol.refusals import Refusal

if TYPE_CHECKING:
    import httpx

log = logging.getLogger("mufakat.sync")


@dataclass(frozen=True)
class Prepared:
    """A request body ready to send: JSON, gzip-compressed."""

    content: bytes


class SyncUnavailable(EnvironmentProblem):
    """The server could not be reached or did not answer in time."""


class SyncRefused(MufakatError):
    def __init__(self, status: int, code: str, params: Mapping[str, object]) -> None:
        super().__init__(describe(code, params))
        self.status = status
        self.code = code
        self.params = dict(params)


def _refusal(body: bytes) -> tuple[str, dict[str, object]]:
    """The code and parameters of an error answer (a server or proxy may send anything)."""
    log.info("the server refused: %s", body[:500])
    try:
        answer = jsontext.loads(body)
    except ValueError:
        return Refusal.MALFORMED.value, {}
    if not isinstance(answer, dict) or not isinstance(answer.get("code"), str):
        return Refusal.MALFORMED.value, {}
    params = answer.get("params")
    return answer["code"], dict(params) if isinstance(params, dict) else {}


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
            code, params = _refusal(response.content)
            if response.status_code >= 500:
                raise SyncUnavailable(
                    tr(
                        "The server {url} has a problem ({status}); try again later.",
                        url=self.base_url,
                        status=response.status_code,
                    )
                )
            raise SyncRefused(response.status_code, code, params)
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
    def prepare_push(device_id: str, ops: Sequence[PendingOp]) -> Prepared:
        """A push request's body, built and compressed before it is sent (batches of changes
        compress about tenfold), so it can be made while another request is on the way."""
        head = jsontext.dumps_bytes({"device_id": device_id, "schema_version": SCHEMA_VERSION})
        body = head[:-1] + b',"ops":[' + b",".join(op.wire() for op in ops) + b"]}"
        return Prepared(gzip.compress(body, compresslevel=5))

    def push(self, prepared: Prepared) -> list[dict[str, Any]]:
        return list(self._call("POST", "/sync/push", prepared)["results"])

    def pull(self, since: int, limit: int) -> dict[str, Any]:
        return dict(
            self._call(
                "GET", "/sync/pull", params={"since": since, "limit": limit, "schema_version": SCHEMA_VERSION}
            )
        )
