"""Prometheus metrics of the server, served at /metrics.

    mufakat_requests_total{method,route,status}    requests answered
    mufakat_request_seconds{route}                  time to answer (push and pull latency:
                                                    route="/sync/push", route="/sync/pull")
    mufakat_ops_total{result}                       pushed operations: applied, duplicate, rejected
    mufakat_refusals_total{code,of}                 refusals by code, of a whole request or of
                                                    one operation of a push
    mufakat_devices{state}                          enrolled devices: active, revoked
    mufakat_devices_seen{within}                    devices that synced within 1h, 1d, 7d

`mufakat-server serve` runs in prometheus_client's multiprocess mode (PROMETHEUS_MULTIPROC_DIR,
a fresh folder per serve): each worker process writes its counts to files there and a scrape of
any worker adds them all up. The device figures are read from the database at each scrape, so
every process (and every server on the same database) gives the same.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from sqlalchemy import func, select

from server_stub.models import Device
from server_stub.serve import MULTIPROC_ENV
from server_stub.store import ServerStore

REQUESTS = Counter("mufakat_requests", "HTTP requests answered", ["method", "route", "status"], registry=None)
REQUEST_SECONDS = Histogram(
    "mufakat_request_seconds",
    "Time to answer a request, by route",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
    registry=None,
)
OPS = Counter(
    "mufakat_ops", "Pushed operations by result (applied, duplicate, rejected)", ["result"], registry=None
)
REFUSALS = Counter(
    "mufakat_refusals",
    "Refusals by code, of a whole request or of one operation of a push",
    ["code", "of"],
    registry=None,
)
_OWN = (REQUESTS, REQUEST_SECONDS, OPS, REFUSALS)
SEEN_WINDOWS = {"1h": timedelta(hours=1), "1d": timedelta(days=1), "7d": timedelta(days=7)}


class DevicesCollector:
    """Enrolled devices and those seen lately, from the database at each scrape."""

    def __init__(self, store: ServerStore) -> None:
        self._store = store

    def collect(self) -> Iterator[Metric]:
        now = datetime.now(UTC)
        with self._store.transaction() as session:
            revoked = Device.revoked_at.is_not(None)
            counted = session.execute(select(revoked, func.count()).select_from(Device).group_by(revoked))
            by_state: dict[bool, int] = {state: count for state, count in counted}
            seen = {
                window: session.scalar(
                    select(func.count()).select_from(Device).where(Device.last_seen_at >= now - span)
                )
                or 0
                for window, span in SEEN_WINDOWS.items()
            }
        devices = GaugeMetricFamily("mufakat_devices", "Enrolled devices by state", labels=["state"])
        devices.add_metric(["active"], by_state.get(False, 0))
        devices.add_metric(["revoked"], by_state.get(True, 0))
        yield devices
        recent = GaugeMetricFamily(
            "mufakat_devices_seen", "Devices that called the server within the window", labels=["within"]
        )
        for window, count in seen.items():
            recent.add_metric([window], count)
        yield recent


def exposition(store: ServerStore) -> bytes:
    """The text format of every metric: all worker processes' counts, and the devices."""
    registry = CollectorRegistry()
    if os.environ.get(MULTIPROC_ENV):
        MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:  # one process (tests, an embedded server): its own counts
        for metric in _OWN:
            registry.register(metric)
    registry.register(DevicesCollector(store))
    return generate_latest(registry)
