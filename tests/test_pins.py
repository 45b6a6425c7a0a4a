"""The quick-unlock PIN: per laptop, hashed, five misses and the password is required."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError
from desktop.store.pins import MAX_MISSES, PINS_FILENAME, PinCheck, PinStore


def test_a_pin_is_stored_hashed_and_unlocks(tmp_path: Path) -> None:
    pins = PinStore(tmp_path)
    pins.set_pin("user-1", "482913")
    stored = (tmp_path / PINS_FILENAME).read_text(encoding="utf-8")
    assert "482913" not in stored and "$argon2id$" in stored
    assert pins.check("user-1", "482913") is PinCheck.OK
    assert pins.check("user-2", "482913") is PinCheck.PASSWORD_REQUIRED  # no PIN of theirs here


def test_five_misses_forget_the_pin_even_across_restarts(tmp_path: Path) -> None:
    PinStore(tmp_path).set_pin("user-1", "4829")
    for _ in range(MAX_MISSES - 1):
        assert PinStore(tmp_path).check("user-1", "0000") is PinCheck.WRONG  # a new app each time
    assert PinStore(tmp_path).misses_left("user-1") == 1
    assert PinStore(tmp_path).check("user-1", "0000") is PinCheck.PASSWORD_REQUIRED
    # The right PIN no longer opens it: the password is needed, then a new PIN may be set.
    assert PinStore(tmp_path).check("user-1", "4829") is PinCheck.PASSWORD_REQUIRED
    assert not PinStore(tmp_path).has_pin("user-1")


def test_a_right_pin_resets_the_misses(tmp_path: Path) -> None:
    pins = PinStore(tmp_path)
    pins.set_pin("user-1", "4829")
    for _ in range(MAX_MISSES - 1):
        pins.check("user-1", "1111")
    assert pins.check("user-1", "4829") is PinCheck.OK
    assert pins.misses_left("user-1") == MAX_MISSES


@pytest.mark.parametrize("bad", ["123", "123456789", "12a4", "１２３４", "", "12 34"])
def test_a_pin_is_four_to_eight_digits(tmp_path: Path, bad: str) -> None:
    with pytest.raises(InputError, match="4 to 8 digits"):
        PinStore(tmp_path).set_pin("user-1", bad)
    assert not (tmp_path / PINS_FILENAME).exists()


def test_a_damaged_pin_file_asks_for_the_password(tmp_path: Path) -> None:
    (tmp_path / PINS_FILENAME).write_text("{not json", encoding="utf-8")
    assert PinStore(tmp_path).check("user-1", "4829") is PinCheck.PASSWORD_REQUIRED
    (tmp_path / PINS_FILENAME).write_text(json.dumps({"user-1": {"hash": "plain"}}), encoding="utf-8")
    assert PinStore(tmp_path).check("user-1", "4829") is PinCheck.WRONG


def test_a_move_file_carries_no_pin(tmp_path: Path, ws: Workspace) -> None:
    """A PIN belongs to the laptop it was set on: the new laptop's people sign in with the password."""
    import zipfile

    from desktop.store.db import known_revisions
    from desktop.store.move import export_move

    PinStore(ws.data_dir).set_pin("user-1", "4829")
    target = tmp_path / "pindah.zip"
    export_move(ws.data_dir, target, known_revisions())
    with zipfile.ZipFile(target) as moved:
        assert not [name for name in moved.namelist() if PINS_FILENAME in name]
        assert "mufakat.sqlite3" in moved.namelist()
