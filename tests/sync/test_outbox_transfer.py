"""A revoked laptop's unsent work has a way out: it exports its outbox, another laptop of the
unit imports and pushes it; ids are kept, so nothing is applied twice; another unit's laptop
refuses the file."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from desktop.app.workspace import Workspace
from desktop.cli.commands import main as cli
from desktop.models import OutboxOp, Recommendation
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from desktop.sync.client import SyncClient, SyncRefused, SyncUnavailable
from desktop.sync.engine import server_of, sync_once
from server_stub import admin
from tests.sync.conftest import Running
from tests.sync.test_sync_basics import Device, make_forum


def outbox_size(ws: Workspace) -> int:
    with ws.store.read() as session:
        return session.scalar(select(func.count()).select_from(OutboxOp)) or 0


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli(list(args))
    out, err = capsys.readouterr()
    return code, out, err


class LosePushAnswer(httpx.HTTPTransport):
    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.url.path == "/sync/push":
            response.read()
            raise httpx.ReadError("connection lost after the server answered")
        return response


def test_a_revoked_laptops_outbox_is_pushed_by_another_laptop_of_its_unit(
    device: Device, server: Running, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, c, m = device("a", "KPPN-SORONG"), device("c", "KPPN-SORONG"), device("m", "KPPN-MANOKWARI")
    forum, rec = make_forum(c)
    for _ in range(2):
        c.write(recs.vote, rec)
    url, token = server_of(c)
    with SyncClient(url, token, transport=LosePushAnswer()) as lossy, pytest.raises(SyncUnavailable):
        sync_once(c, lossy)  # applied on the server, but c never heard it: still queued
    later = c.write(recs.add_recommendation, forum, text="Diketik sebelum laptop C dicabut", scope="unit")
    c.write(recs.vote, later)
    pending = outbox_size(c)
    with server.store.transaction() as session:
        admin.revoke(session, c.ctx.device_id)
    with pytest.raises(SyncRefused) as refused:
        sync_once(c)
    assert refused.value.code == "revoked" and outbox_size(c) == pending  # kept

    exported = tmp_path / "laptop-c.json"
    code, _, err = run(
        capsys, "--data-dir", str(c.data_dir), "--lang", "en", "outbox", "export", "-o", str(exported)
    )
    assert code == 0, err
    assert len(json.loads(exported.read_text())["ops"]) == pending

    # Another unit's laptop refuses the file, and queues nothing.
    before = outbox_size(m)
    code, _, err = run(
        capsys, "--data-dir", str(m.data_dir), "--lang", "en", "outbox", "import", str(exported)
    )
    assert code == 2 and "holds changes of KPPN-SORONG" in err and "KPPN-MANOKWARI" in err
    assert outbox_size(m) == before

    code, out, err = run(
        capsys, "--data-dir", str(a.data_dir), "--lang", "en", "outbox", "import", str(exported)
    )
    assert code == 0, err
    assert f"{pending} change(s) queued for KPPN-SORONG, 0 already here" in out
    code, out, _ = run(
        capsys, "--data-dir", str(a.data_dir), "--lang", "en", "outbox", "import", str(exported)
    )
    assert code == 0 and "0 change(s) queued for KPPN-SORONG, " in out  # the same file twice: nothing new
    report = sync_once(a)
    assert report.refused == 0 and outbox_size(a) == 0
    sync_once(a)
    b = device("b", "KPPN-SORONG")
    for ws in (a, b):
        with ws.store.read() as session:
            first = session.get(Recommendation, rec)
            second = session.get(Recommendation, later)
            assert first is not None and second is not None
            assert (first.votes, second.votes) == (5, 1)  # 3 + 2 votes, applied once
            assert second.text == "Diketik sebelum laptop C dicabut"
    assert a.read(export_json) == b.read(export_json)

    # Imported a second time after it was pushed: nothing is queued again, nothing doubles.
    code, out, _ = run(
        capsys, "--data-dir", str(a.data_dir), "--lang", "en", "outbox", "import", str(exported)
    )
    assert code == 0 and f"0 change(s) queued for KPPN-SORONG, {pending} already here" in out
    assert outbox_size(a) == 0
    report = sync_once(a)
    assert report.refused == 0 and report.pushed == 0
    with a.store.read() as session:
        assert session.get(Recommendation, rec).votes == 5  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"not json", "is not JSON"),
        (b'{"format": "mufakat-export", "tables": {}}', "not a Mufakat outbox export"),
        (b'{"format": "mufakat-outbox", "version": 99, "unit_id": "x", "ops": []}', "another version"),
        (
            b'{"format": "mufakat-outbox", "version": 2, "unit_id": "U", "ops": [{"op_id": 1}]}',
            "change 1 lacks",
        ),
    ],
)
def test_a_file_that_is_not_an_outbox_export_is_refused_whole(
    device: Device, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str
) -> None:
    a = device("a", "KPPN-SORONG")
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    before = outbox_size(a)
    code, _, err = run(capsys, "--data-dir", str(a.data_dir), "--lang", "en", "outbox", "import", str(path))
    assert code == 2 and expected in err and err.count("\n") == 1
    assert outbox_size(a) == before


def test_a_forged_create_of_another_unit_is_refused(
    device: Device, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, m = device("a", "KPPN-SORONG"), device("m", "KPPN-MANOKWARI")
    make_forum(a)
    exported = tmp_path / "a.json"
    assert run(capsys, "--data-dir", str(a.data_dir), "outbox", "export", "-o", str(exported))[0] == 0
    document = json.loads(exported.read_text())
    document["ops"][0]["fields"]["unit_id"] = m.ctx.home_unit_id
    exported.write_text(json.dumps(document))
    code, _, err = run(
        capsys, "--data-dir", str(a.data_dir), "--lang", "en", "outbox", "import", str(exported)
    )
    assert code == 2 and "of another unit" in err
