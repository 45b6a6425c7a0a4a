"""One sync cycle as named steps: push the outbox (in batches, acknowledged ops dropped,
refused ones set aside), then pull pages (each page and its checkpoint in one transaction).
Enrollment binds the device to its unit on a server."""

from __future__ import annotations

import os
import platform
import tempfile
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from desktop.errors import InputError
from desktop.i18n import tr
from desktop.models import DeviceState, utcnow
from desktop.sync import outbox
from desktop.sync.client import Prepared, SyncClient, SyncRefused
from desktop.sync.protocol import MAX_OPS_PER_PUSH
from desktop.sync.pull import apply_page
from desktop.sync.rehome import rehome
from desktop.sync.repush import requeue_everything
from desktop.workspace import Workspace
from protocol.refusals import Refusal

TOKEN_FILENAME = "device-token"
PUSH_BATCH = MAX_OPS_PER_PUSH
PULL_PAGE = 1000


@dataclass
class SyncReport:
    pushed: int = 0
    refused: int = 0
    pulled: int = 0
    pages: int = 0
    bytes_sent: int = 0
    requeued: int = 0  # operations queued again after the server was restored
    set_aside: int = 0  # pulled records this laptop could not store (logged)


def token_path(ws: Workspace) -> Path:
    return ws.data_dir / TOKEN_FILENAME


def _save_token(path: Path, token: str) -> None:
    """Write the token file whole or not at all (a temporary file, readable by the user only,
    renamed over the old one): a failure never leaves half a token behind."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".device-token-")
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(token)
            fh.flush()
            os.fsync(fh.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def server_of(ws: Workspace) -> tuple[str, str]:
    """The server URL and token of an enrolled device, or a clear message."""
    url = ws.store.device().server_url
    path = token_path(ws)
    if not url or not path.exists():
        raise InputError(
            tr(
                "This device is not enrolled with a server yet. Enroll it first: "
                "mufakat enroll --server URL --code CODE"
            )
        )
    return url, path.read_text(encoding="utf-8").strip()


def server_address(url: str) -> str:
    """The server's address as stored (no trailing slash), or a clear message."""
    cleaned = url.strip().rstrip("/")
    parts = urlsplit(cleaned)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise InputError(
            tr("The server address {url} must start with http:// or https://.", url=url.strip())
        )
    return cleaned


def enroll(ws: Workspace, server_url: str, code: str, client: SyncClient | None = None) -> str:
    """Enroll with a one-time code; returns the unit's code. The first sync brings the data.

    Safe to repeat: the server gives the same device a new token for the same code (the answer
    of an earlier attempt may have been lost), and a device already enrolled with this server
    may enroll again with a new code of its unit (after the server lost it in a restore, or its
    token file was lost). That keeps its data, its outbox, and its checkpoint and epoch: if the
    server was restored, the next sync notices and sends this laptop's whole state again."""
    url = server_address(server_url)
    state = ws.store.device()
    again = bool(state.server_url)
    if again and state.server_url != url:
        raise InputError(tr("This device is already enrolled with {url}.", url=state.server_url))
    if client is None:
        own = SyncClient(url)
        try:
            return enroll(ws, url, code, own)
        finally:
            own.close()
    answer = client.enroll(
        code.strip(), ws.ctx.device_id, platform.node() or "Mufakat", state.home_unit_id if again else None
    )
    _save_token(token_path(ws), answer["token"])
    if again:
        return str(answer["unit_code"])
    with ws.store.remote_write(durable=True) as session:  # re-homes what was typed here
        rehome(session, answer["units"], answer["unit_id"], ws.ctx.clock)
        device = session.get(DeviceState, 1)
        assert device is not None
        device.server_url = url
        device.server_epoch = answer["epoch"]
        device.home_unit_id = answer["unit_id"]
        device.checkpoint = 0
    ws.ctx.home_unit_id = answer["unit_id"]
    return str(answer["unit_code"])


Progress = Callable[[SyncReport], None]


def is_enrolled(ws: Workspace) -> bool:
    return bool(ws.store.device().server_url) and token_path(ws).exists()


def sync_once(
    ws: Workspace, client: SyncClient | None = None, progress: Progress | None = None
) -> SyncReport:
    """Push, then pull; `progress` hears the running totals after every batch and page."""
    if client is not None:
        return _cycle(ws, client, progress)
    url, token = server_of(ws)
    own = SyncClient(url, token)
    try:
        return _cycle(ws, own, progress)
    finally:
        own.close()


def _batch_after(ws: Workspace, device_seq: int) -> tuple[list[outbox.PendingOp], Prepared | None]:
    """The next batch of the outbox and its request body, ready to send (None: nothing left)."""
    with ws.store.read() as session:
        batch = outbox.pending(session, PUSH_BATCH, after=device_seq)
    return batch, SyncClient.prepare_push(ws.ctx.device_id, batch) if batch else None


def _push_all(ws: Workspace, client: SyncClient, report: SyncReport, progress: Progress | None) -> None:
    """Send the outbox in order, one batch at a time, and settle each answer in the outbox.
    The next batch is read and compressed while the server applies one, and sent before that
    one is settled."""
    wire = client.worker()
    batch, request = _batch_after(ws, 0)
    answer = wire.submit(client.push, request) if request else None
    while answer is not None:
        following, request = _batch_after(ws, batch[-1].device_seq)
        results = answer.result()
        answer = wire.submit(client.push, request) if request else None
        with ws.store.write(durable=False) as session:  # if lost, the server answers "duplicate"
            applied, refused = outbox.settle(session, batch, results)
        report.pushed += applied
        report.refused += refused
        if progress:
            progress(report)
        batch = following


def _pull_all(ws: Workspace, client: SyncClient, report: SyncReport, progress: Progress | None) -> None:
    """Pull pages until the server has no more; the next page is fetched while one is written.
    Each page and the checkpoint after it are one transaction, so a pull stopped anywhere
    resumes where it stood."""
    wire = client.worker()
    fetching: Future[dict[str, Any]] = wire.submit(client.pull, ws.store.device().checkpoint, PULL_PAGE)
    while True:
        try:
            page = fetching.result()
        except SyncRefused as exc:
            if exc.code != Refusal.CHECKPOINT_AHEAD:
                raise
            # This laptop has seen more than the server holds: the server lost what it had
            # acknowledged (restored from a backup). Pull from its beginning and send it
            # everything again, as after a new epoch, for this laptop alone.
            with ws.store.remote_write() as session:
                state = session.get(DeviceState, 1)
                assert state is not None
                state.checkpoint = 0
                report.requeued += requeue_everything(session)
            fetching = wire.submit(client.pull, 0, PULL_PAGE)
            continue
        if page["more"]:
            fetching = wire.submit(client.pull, int(page["next"]), PULL_PAGE)
        with ws.store.remote_write() as session:
            state = session.get(DeviceState, 1)
            assert state is not None
            restored = bool(state.server_epoch) and page["epoch"] != state.server_epoch
            if restored:
                # The server was restored from a backup: start again from its beginning, and
                # send it everything again (it may have lost what it had acknowledged).
                state.server_epoch, state.checkpoint = page["epoch"], 0
                report.requeued += requeue_everything(session)
            else:
                applied = apply_page(session, ws.ctx.clock, page)
                report.pulled += applied.pulled
                report.set_aside += applied.set_aside
                report.pages += 1
                state.last_sync_at = utcnow()
        if restored:
            if page["more"]:
                fetching.result()  # a page of the old numbering: not wanted
            fetching = wire.submit(client.pull, 0, PULL_PAGE)
            continue
        if progress:
            progress(report)
        if not page["more"]:
            return


def _cycle(ws: Workspace, client: SyncClient, progress: Progress | None, again: bool = False) -> SyncReport:
    report = SyncReport()
    _push_all(ws, client, report, progress)
    _pull_all(ws, client, report, progress)
    report.bytes_sent = client.bytes_sent
    if report.requeued and not again:
        # Send what was queued again and pull what it changed: one more cycle, once.
        more = _cycle(ws, client, progress, again=True)
        report.pushed += more.pushed
        report.refused += more.refused
        report.pulled += more.pulled
        report.set_aside += more.set_aside
        report.pages += more.pages
        report.bytes_sent = more.bytes_sent
    return report
