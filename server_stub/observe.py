"""Each request, as the administrator sees it: one JSON log line and the metrics.

The middleware times the request and reads what the application noted on the request's state:
the device that called (`device`), the refusal code of a refused request (`refusal`), and a
push's results (`push`: how many operations were applied, duplicate, rejected, and the refusal
codes of the rejected ones)."""

from __future__ import annotations

import logging
import time
from collections import Counter as Tally
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server_stub import metrics
from server_stub.logs import REQUESTS

log = logging.getLogger(REQUESTS)


def note(scope: Scope, **values: Any) -> None:
    """Something the request's log line and metrics should carry (the request's state)."""
    state = scope.setdefault("state", {})
    state.update(values)


def push_results(results: list[dict[str, Any]]) -> dict[str, Any]:
    """A push's results counted, for `note(scope, push=...)`."""
    statuses = Tally(str(r.get("status")) for r in results)
    codes = Tally(str(r.get("code")) for r in results if r.get("status") == "rejected")
    return {
        "ops": len(results),
        "applied": statuses["applied"],
        "duplicate": statuses["duplicate"],
        "rejected": statuses["rejected"],
        "codes": dict(codes),
    }


class Observe:
    """ASGI middleware: times every HTTP request, logs it, counts it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def watch(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, watch)
        finally:
            self._record(scope, status, time.perf_counter() - started)

    @staticmethod
    def _record(scope: Scope, status: int, seconds: float) -> None:
        route = getattr(scope.get("route"), "path", None) or "unmatched"
        state: dict[str, Any] = scope.get("state") or {}
        metrics.REQUESTS.labels(scope["method"], route, str(status)).inc()
        metrics.REQUEST_SECONDS.labels(route).observe(seconds)
        line: dict[str, Any] = {
            "method": scope["method"],
            "route": route,
            "status": status,
            "ms": round(seconds * 1000, 1),
        }
        client = scope.get("client")
        if client:
            line["client"] = client[0]
        if state.get("device"):
            line["device"] = state["device"]
        refusal = state.get("refusal")
        if refusal:
            line["code"] = refusal
            metrics.REFUSALS.labels(refusal, "request").inc()
        push = state.get("push")
        if push:
            line.update({k: push[k] for k in ("ops", "applied", "duplicate", "rejected")})
            for result in ("applied", "duplicate", "rejected"):
                if push[result]:
                    metrics.OPS.labels(result).inc(push[result])
            for code, count in push["codes"].items():
                metrics.REFUSALS.labels(code, "operation").inc(count)
        level = logging.ERROR if status >= 500 else logging.INFO
        log.log(level, f"{scope['method']} {route} {status}", extra=line)
