"""`mufakat --user NIP`: a command that changes something protected acts as a user of the office
(the password from $MUFAKAT_PASSWORD or standard input); without one it refuses in one line,
exit code 2, having written nothing; commands that only read need no user."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.models import AuditEvent, Participant
from desktop.services import acting, forums, units, users
from tests.test_cli import run

ADMIN, OPERATOR, PASSWORD = "198705122010121001", "199203152015032003", "rahasia-kppn-1"


def _office(data: Path) -> str:
    """A data folder of KPPN Sorong with its admin and an operator, and a planned forum."""
    ws = Workspace.open(data, Settings(language="en"))
    try:
        unit = ws.write(units.create_unit, code="KPPN-SORONG", name="KPPN Sorong")
        ws.write(units.set_home_unit, unit)
        ws.write(users.create_user, nip=ADMIN, name="Rina Admin", roles=["admin"], password=PASSWORD)
        ws.write(acting.sign_in, ADMIN, PASSWORD)
        ws.write(users.create_user, nip=OPERATOR, name="Sari Operator", roles=["operator"], password=PASSWORD)
        acting.sign_out(ws.ctx)
        ws.write(acting.sign_in, OPERATOR, PASSWORD)
        return ws.write(forums.create_forum, unit_id=unit, title="FKP", held_on="2026-12-10")
    finally:
        ws.close()


def _people(data: Path) -> list[tuple[str, str]]:
    ws = Workspace.open(data, Settings(language="en"))
    try:
        with ws.store.read() as session:
            names = session.scalars(select(Participant.name)).all()
            actors = session.scalars(
                select(AuditEvent.actor).where(AuditEvent.entity == "participants")
            ).all()
            return list(zip(names, actors, strict=True))
    finally:
        ws.close()


def test_a_protected_command_acts_as_the_user_it_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "d"
    data.mkdir()
    forum = _office(data)
    people = tmp_path / "hadir.csv"
    people.write_text("Nama,Instansi,Unsur\nNur Yulianti,Rekanan,pengguna layanan\n", encoding="utf-8")
    command = ["--data-dir", str(data), "--lang", "en", "import-participants", forum, str(people)]
    code, _out, err = run(capsys, *command)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "Sign in first" in err and "--user NIP" in err
    monkeypatch.setenv("MUFAKAT_PASSWORD", "salah-sekali")
    code, _out, err = run(capsys, "--user", OPERATOR, *command)
    assert code == 2 and "NIP or the password is wrong" in err
    monkeypatch.setenv("MUFAKAT_PASSWORD", PASSWORD)
    code, _out, err = run(capsys, "--user", ADMIN, *command)
    assert code == 2 and "Rina Admin may not sign participants in" in err
    assert _people(data) == []  # nothing written by any refusal
    code, out, _err = run(capsys, *command, "--user", OPERATOR)
    assert code == 0 and "1 participant(s) imported" in out
    assert _people(data) == [("Nur Yulianti", f"Sari Operator (NIP {OPERATOR})")]  # a real person
    code, out, _err = run(capsys, "--data-dir", str(data), "forums")  # reading needs nobody
    assert code == 0 and forum in out
