"""One sync cycle as named steps: push the outbox (in batches of whole user actions,
acknowledged ops dropped, refused actions set aside), then pull pages (each page and its
checkpoint in one transaction). Every answer measures this laptop's clock against the
server's. A laptop restored from a copy of its folder (the server applied operations from it
with higher numbers than it ever made) first pulls everything again, its own records too.
Enrollment binds the device to its unit on a server."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from desktop.app.workspace import Workspace
from desktop.core.config import FETCH_BACKGROUND, MOVED_SECRET_FILENAME, SECRET_FILENAME, TOKEN_FILENAME
from desktop.core.device import device_name
from desktop.core.errors import InputError
from desktop.core.files import write_private
from desktop.core.i18n import tr
from desktop.models import DeviceState, utcnow
from desktop.services import acting
from desktop.sync import files, outbox
from desktop.sync.address import check_enrollment, server_address, unencrypted
from desktop.sync.client import Prepared, SyncClient, SyncRefused, SyncUnavailable
from desktop.sync.clock_offset import OffsetProbe
from desktop.sync.pull import apply_page
from desktop.sync.refusals import DEVICE_RESTORED
from desktop.sync.rehome import rehome
from desktop.sync.repush import requeue_everything
from desktop.sync.settle import settle
from desktop.sync.trust import ca_path, keep_ca, kept_ca, read_ca_file
from desktop.sync.updates import announced_release
from protocol.enrollment import allows_plain_http
from protocol.hlc import MAX_AHEAD_MS, HybridClock
from protocol.refusals import Refusal
from protocol.version import MAX_OPS_PER_PUSH

PUSH_BATCH = MAX_OPS_PER_PUSH
PULL_PAGE = 1000


@dataclass
class SyncReport:
    pushed: int = 0  # operations
    refused: int = 0  # user actions set aside (shown in "Perlu perhatian")
    waiting: int = 0  # user actions refused for now (a record the server lacks yet): still queued
    pulled: int = 0
    pages: int = 0
    bytes_sent: int = 0
    requeued: int = 0  # operations queued again after the server was restored
    set_aside: int = 0  # pulled records this laptop could not store (logged)
    clock_offset_ms: int | None = None  # this laptop's clock against the server's, if measured
    restored_copy: bool = False  # this laptop runs on a restored copy: it pulled everything again
    files: files.FileReport = field(default_factory=files.FileReport)  # attached files moved


def token_path(ws: Workspace) -> Path:
    return ws.data_dir / TOKEN_FILENAME


def enroll_secret(ws: Workspace) -> str:
    """This laptop's enrollment secret, made (and kept, readable by the user only) before its
    first enrollment is sent: the server enrolls this device id again only for the same secret,
    so nobody else who learns the id can take the device over."""
    path = ws.data_dir / SECRET_FILENAME
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    secret = secrets.token_urlsafe(32)
    _save_token(path, secret)
    return secret


def _save_token(path: Path, token: str) -> None:
    """Write the token file whole or not at all, readable by the user only: a failure never
    leaves half a token behind."""
    write_private(path, token)


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


def _same_server(enrolled: str, url: str) -> bool:
    """The address the laptop is enrolled with, or the same server's https:// address (the
    office has moved to an encrypted connection)."""
    before, after = urlsplit(enrolled), urlsplit(url)
    return enrolled == url or (after.scheme.lower() == "https" and before.hostname == after.hostname)


def enroll(
    ws: Workspace,
    server_url: str,
    code: str,
    client: SyncClient | None = None,
    ca_file: Path | None = None,
) -> str:
    """Enroll with a one-time code; returns the unit's code. The first sync brings the data.
    `ca_file`: the office's certificate authority, trusted for this server from now on (the
    system's store is trusted otherwise). A plain http:// address to another computer needs a
    code made with --allow-http (`desktop.sync.address`); the laptop remembers the allowance.

    Safe to repeat: the server gives the same device a new token for the same code (the answer
    of an earlier attempt may have been lost), and a device already enrolled with this server
    may enroll again with a new code of its unit (after the server lost it in a restore, or its
    token file was lost), also at the server's new https:// address. That keeps its data, its
    outbox, and its checkpoint and epoch: if the server was restored, the next sync notices and
    sends this laptop's whole state again."""
    url = server_address(server_url)
    state = ws.store.device()
    again = bool(state.server_url)
    if again and not _same_server(state.server_url, url):
        raise InputError(tr("This device is already enrolled with {url}.", url=state.server_url))
    plain_http = allows_plain_http(code) or (again and state.plain_http and state.server_url == url)
    check_enrollment(url, plain_http)
    authority = read_ca_file(ca_file) if ca_file is not None else None
    if client is None:
        own = SyncClient(url, ca_file=ca_file or ca_path(ws.data_dir), plain_http=plain_http)
        try:
            return enroll(ws, url, code, own, ca_file)
        finally:
            own.close()
    moved_from = "" if again else state.moved_from
    answer = client.enroll(
        code.strip(),
        ws.ctx.device_id,
        device_name(),
        enroll_secret(ws),
        state.home_unit_id if again else None,
        moved_from,
        _moved_secret(ws) if moved_from else "",
    )
    _save_token(token_path(ws), answer["token"])
    if authority is not None:
        keep_ca(ws.data_dir, authority)
    if again:
        with ws.store.remote_write(durable=True) as session:
            device = session.get(DeviceState, 1)
            assert device is not None
            device.server_url = url
            device.plain_http = plain_http and unencrypted(url)
            if ca_file is not None:
                device.ca_file = str(kept_ca(ws.data_dir))
        return str(answer["unit_code"])
    with ws.store.remote_write(durable=True) as session:  # re-homes what was typed here
        rehome(session, answer["units"], answer["unit_id"], ws.ctx.clock)
        device = session.get(DeviceState, 1)
        assert device is not None
        device.server_url = url
        device.plain_http = plain_http and unencrypted(url)
        device.server_epoch = answer["epoch"]
        device.home_unit_id = answer["unit_id"]
        device.checkpoint = 0
        device.ca_file = str(kept_ca(ws.data_dir)) if ca_file is not None else ""
    ws.ctx.home_unit_id = answer["unit_id"]
    with ws.store.read() as session:  # a user signed in before: the same person, re-homed
        acting.refresh(session, ws.ctx)
    (ws.data_dir / MOVED_SECRET_FILENAME).unlink(missing_ok=True)  # the old device is retired
    return str(answer["unit_code"])


def _moved_secret(ws: Workspace) -> str:
    """The secret of the device this laptop's data came from (carried in the move file), the
    proof that retires it; empty when the move file carried none."""
    path = ws.data_dir / MOVED_SECRET_FILENAME
    return path.read_text(encoding="utf-8").strip() if path.exists() else ""


def client_for(ws: Workspace) -> SyncClient:
    """A client for the server this laptop is enrolled with, as it was enrolled: its token, the
    CA file it was given, the plain http:// it was allowed."""
    url, token = server_of(ws)
    allowed = ws.store.device().plain_http
    return SyncClient(url, token, ca_file=ca_path(ws.data_dir), plain_http=allowed)


Progress = Callable[[SyncReport], None]


def is_enrolled(ws: Workspace) -> bool:
    return bool(ws.store.device().server_url) and token_path(ws).exists()


def sync_once(
    ws: Workspace, client: SyncClient | None = None, progress: Progress | None = None
) -> SyncReport:
    """Push, then pull; `progress` hears the running totals after every batch and page."""
    if client is not None:
        return _cycle(ws, client, progress)
    own = client_for(ws)
    try:
        return _cycle(ws, own, progress)
    finally:
        own.close()


@dataclass
class _Exchange:
    """Whatever the cycle learns from each answer: the clock offset (best sample so far)."""

    ws: Workspace
    client: SyncClient
    report: SyncReport
    progress: Progress | None
    probe: OffsetProbe

    @property
    def clock(self) -> HybridClock:
        return self.ws.ctx.clock

    def ask(self, call: Callable[..., dict[str, Any]], *args: Any) -> Future[dict[str, Any]]:
        """Send a request from the client's worker; the answer notes this machine's clock at
        sending and receiving (the clock's offset is measured from them)."""
        return self.client.worker().submit(self._timed, call, *args)

    def _timed(self, call: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
        sent = self.clock.raw_ms()
        answer = call(*args)
        received = self.clock.raw_ms()
        if self.probe.note(sent, received, answer.get("server_ms")):
            self.clock.set_offset(self.probe.correction_ms())
            self.report.clock_offset_ms = self.probe.offset_ms
        return answer

    def tell(self) -> None:
        if self.progress:
            self.progress(self.report)


def _batch_after(ws: Workspace, device_seq: int) -> tuple[list[outbox.PendingOp], Prepared | None]:
    """The next batch of the outbox and its request body, ready to send (None: nothing left)."""
    with ws.store.read() as session:
        batch = outbox.pending(session, PUSH_BATCH, after=device_seq)
        high = outbox.device_high(session)
    return batch, SyncClient.prepare_push(ws.ctx.device_id, batch, high) if batch else None


def _push_all(x: _Exchange) -> None:
    """Send the outbox; actions refused for now (waiting for a record the server lacks) go out
    once more at once when something else applied after them (it may be that record)."""
    pushed = x.report.pushed
    waiting = _push_pass(x)
    if waiting and x.report.pushed > pushed:
        waiting = _push_pass(x, again=True)
    x.report.waiting = waiting


def _push_pass(x: _Exchange, again: bool = False) -> int:
    """Send the outbox in order, one batch at a time, and settle each answer in the outbox.
    The next batch is read and compressed while the server applies one, and sent before that
    one is settled. What settling queued (a corrected vote) goes out in the same push. Returns
    how many actions were refused for now and wait in the queue."""
    ws = x.ws
    waiting = 0
    last = 0
    batch, request = _batch_after(ws, last)
    while request is not None:
        answer: Future[dict[str, Any]] | None = x.ask(x.client.push, request)
        while answer is not None:
            following, request = _batch_after(ws, batch[-1].device_seq)
            results = answer.result()["results"]
            answer = x.ask(x.client.push, request) if request else None
            with ws.store.remote_write() as session:  # if lost, the server answers "duplicate"
                settled = settle(session, batch, results, x.clock, again)
                _remember_stamps(session, results)
            x.report.pushed += settled.applied
            x.report.refused += settled.refused
            waiting += settled.waiting
            x.tell()
            last = batch[-1].device_seq
            batch = following
        batch, request = _batch_after(ws, last)
    return waiting


def _remember_stamps(session: Any, results: list[dict[str, Any]]) -> None:
    """Stamps the server gave are stamps seen: a restart's clock starts after them."""
    stamps = [str(r["hlc"]) for r in results if isinstance(r.get("hlc"), str)]
    state = session.get(DeviceState, 1)
    if stamps and state is not None:
        state.last_hlc = max([state.last_hlc, *stamps])


def _pull_all(x: _Exchange) -> None:
    """Pull pages until the server has no more; the next page is fetched while one is written.
    Each page and the checkpoint after it are one transaction, so a pull stopped anywhere
    resumes where it stood."""
    ws = x.ws
    fetching = _ask_page(x, ws.store.device().checkpoint)
    while True:
        try:
            page = fetching.result()
        except SyncRefused as exc:
            if exc.code == DEVICE_RESTORED:
                _mark_restored(x, exc.params)
            elif exc.code == Refusal.CHECKPOINT_AHEAD:
                # This laptop has seen more than the server holds: the server lost what it had
                # acknowledged (restored from a backup). Pull from its beginning and send it
                # everything again, as after a new epoch, for this laptop alone.
                with ws.store.remote_write() as session:
                    state = session.get(DeviceState, 1)
                    assert state is not None
                    state.checkpoint = 0
                    x.report.requeued += requeue_everything(session)
            else:
                raise
            fetching = _ask_page(x, 0)
            continue
        if page["more"]:
            fetching = _ask_page(x, int(page["next"]))
        with ws.store.remote_write() as session:
            state = session.get(DeviceState, 1)
            assert state is not None
            restored = bool(state.server_epoch) and page["epoch"] != state.server_epoch
            if restored:
                # The server was restored from a backup: start again from its beginning, and
                # send it everything again (it may have lost what it had acknowledged).
                state.server_epoch, state.checkpoint = page["epoch"], 0
                x.report.requeued += requeue_everything(session)
            else:
                applied = apply_page(session, ws.ctx.clock, page)
                x.report.pulled += applied.pulled
                x.report.set_aside += applied.set_aside
                x.report.pages += 1
                state.last_sync_at = utcnow()
                state.clock_offset_ms = ws.ctx.clock.offset_ms
        if restored:
            if page["more"]:
                fetching.result()  # a page of the old numbering: not wanted
            fetching = _ask_page(x, 0)
            continue
        x.tell()
        if not page["more"]:
            return


def _ask_page(x: _Exchange, since: int) -> Future[dict[str, Any]]:
    with x.ws.store.read() as session:
        high = outbox.device_high(session)
        state = session.get(DeviceState, 1)
        own = bool(state is not None and state.refetch_own)
    return x.ask(x.client.pull, since, PULL_PAGE, high, own)


def _mark_restored(x: _Exchange, params: dict[str, Any]) -> None:
    """This laptop runs on a copy of its folder from before operations the server applied from
    it: fetch everything again, its own records too; number new operations above those; votes
    the copy made are corrected by the server's count when they are applied."""
    applied_high = params.get("applied_high")
    high = applied_high if isinstance(applied_high, int) and not isinstance(applied_high, bool) else 0
    with x.ws.store.remote_write(durable=True) as session:
        state = session.get(DeviceState, 1)
        assert state is not None
        state.restored_below = max(state.restored_below, outbox.device_high(session))
        state.refetch_own = True
        state.checkpoint = 0
        outbox.raise_device_high(session, high)
    x.report.restored_copy = True


def _cycle(ws: Workspace, client: SyncClient, progress: Progress | None, again: bool = False) -> SyncReport:
    report = SyncReport()
    sent_before = client.bytes_sent  # a client kept from cycle to cycle counts all it sent
    x = _Exchange(ws, client, report, progress, OffsetProbe())
    _upload_files(x)  # before the records naming them: the server takes no record of a file it lacks
    try:
        _push_all(x)
    except SyncRefused as exc:
        if exc.code != DEVICE_RESTORED:
            raise
        _mark_restored(x, exc.params)
        _pull_all(x)  # the server's state first: the copy's votes are counted from it
        _push_all(x)
    _pull_all(x)  # on a restored copy, its own records too: what it just sent as the server has it
    if ws.settings.fetch_files == FETCH_BACKGROUND:
        _fetch_files(x)
    _restored_caught_up(ws)
    learn_release(ws, client)
    _fall_back(ws)
    report.bytes_sent = client.bytes_sent - sent_before
    if report.requeued and not again:
        # Send what was queued again and pull what it changed: one more cycle, once.
        more = _cycle(ws, client, progress, again=True)
        report.pushed += more.pushed
        report.refused += more.refused
        report.waiting = more.waiting
        report.pulled += more.pulled
        report.set_aside += more.set_aside
        report.pages += more.pages
        report.bytes_sent += more.bytes_sent
    return report


def _upload_files(x: _Exchange) -> None:
    with x.ws.store.read() as session:
        wanted = files.to_upload(session)
    if wanted:
        files.upload_all(x.client, x.ws.data_dir, wanted, x.report.files)
        x.tell()


def _fetch_files(x: _Exchange) -> None:
    """The files of the records pulled (and of any still missing), after the records: a screen
    shows a placeholder until its file is here."""
    with x.ws.store.read() as session:
        wanted = files.to_fetch(session, x.ws.data_dir)
    if wanted:
        files.fetch_all(x.client, x.ws.data_dir, wanted, x.report.files)
        x.tell()


def learn_release(ws: Workspace, client: SyncClient) -> None:
    """Keep the app version the server announces (an older server has none: nothing changes)."""
    if not client.release_due():
        return
    try:
        answer = client.release()
    except (SyncUnavailable, SyncRefused):
        return
    version, url = announced_release(answer)
    device = ws.store.device()
    if (version, url) == (device.latest_app_version, device.download_url):
        return
    with ws.store.remote_write() as session:
        state = session.get(DeviceState, 1)
        assert state is not None
        state.latest_app_version, state.download_url = version, url


def _restored_caught_up(ws: Workspace) -> None:
    """After a whole cycle, a restored copy has all its own records again, and once no vote it
    made on the copy waits any more, none needs correcting."""
    device = ws.store.device()
    if not (device.refetch_own or device.restored_below):
        return
    with ws.store.remote_write() as session:
        state = session.get(DeviceState, 1)
        assert state is not None
        state.refetch_own = False
        oldest = outbox.pending(session, 1)
        if not oldest or oldest[0].device_seq > state.restored_below:
            state.restored_below = 0


def _fall_back(ws: Workspace) -> None:
    """A clock that ran ahead (its stamps were re-stamped and adopted) drops back to the newest
    stamp the device holds, so what it stamps next is stamped by the corrected time."""
    clock = ws.ctx.clock
    seen = clock.last
    if seen.wall_ms <= clock.reading_ms() + MAX_AHEAD_MS:
        return
    floor = ws.store.last_stamp(ws.ctx.device_id)
    if floor is not None:
        clock.fall_back(floor, seen)
