"""The data folder's file store: content-addressed, durable, never twice, nothing half-written."""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.errors import EnvironmentProblem, InputError
from desktop.store.file_store import FileStore
from protocol.entities import MAX_FILE_SIZE


def test_a_file_is_stored_under_its_hash_once(tmp_path: Path) -> None:
    files = FileStore(tmp_path / "files")
    source = tmp_path / "Scan daftar hadir – Sorong.pdf"  # a name with non-ASCII characters
    source.write_bytes(b"%PDF-1.4 a scan")
    digest = hashlib.sha256(b"%PDF-1.4 a scan").hexdigest()
    first = files.put_file(source)
    again = files.put_bytes(b"%PDF-1.4 a scan")
    assert first == again and first.sha256 == digest and first.size == 15
    assert files.path_of(digest) == tmp_path / "files" / digest[:2] / digest[2:]
    assert files.read(digest) == b"%PDF-1.4 a scan"
    assert [p for p in (tmp_path / "files").rglob("*") if p.is_file()] == [files.path_of(digest)]


def test_a_file_over_25_mb_is_refused_before_anything_is_copied(tmp_path: Path) -> None:
    files = FileStore(tmp_path / "files")
    big = tmp_path / "video.pdf"
    with big.open("wb") as fh:  # sparse: 2 GB that take no disk
        fh.truncate(2 * 1024 * 1024 * 1024)
    with pytest.raises(InputError, match="at most 25 MB"):
        files.put_file(big)
    with pytest.raises(InputError, match="at most 25 MB"):
        files.put_bytes(b"x" * (MAX_FILE_SIZE + 1))
    assert not (tmp_path / "files").exists()


def test_a_write_the_disk_refuses_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fault injection: the disk fills after the first megabyte of a copy."""
    files = FileStore(tmp_path / "files")
    source = tmp_path / "big.pdf"
    source.write_bytes(os.urandom(3 * 1024 * 1024))
    real_fdopen = os.fdopen

    class FillingUp:
        def __init__(self, fh: object) -> None:
            self.fh, self.written = fh, 0

        def __enter__(self) -> FillingUp:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()  # type: ignore[attr-defined]

        def write(self, data: bytes) -> int:
            self.written += len(data)
            if self.written > 1024 * 1024:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.fh.write(data)  # type: ignore[attr-defined,no-any-return]

        def __getattr__(self, name: str) -> object:
            return getattr(self.fh, name)

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: FillingUp(real_fdopen(fd, mode)))
    with pytest.raises(EnvironmentProblem, match="The disk is full"):
        files.put_file(source)
    assert [p for p in (tmp_path / "files").rglob("*") if p.is_file()] == []


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MB disk (tmpfs), unmounted afterwards."""
    disk = tmp_path / "disk"
    disk.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_full_disk_mid_copy_leaves_nothing_half_written(tmp_path: Path, tiny_disk: Path) -> None:
    files = FileStore(tiny_disk / "files")
    small = files.put_bytes(b"%PDF-1.4 the first scan")
    source = tmp_path / "scan.pdf"
    source.write_bytes(os.urandom(2 * 1024 * 1024))
    with pytest.raises(EnvironmentProblem, match="The disk is full"):
        files.put_file(source)
    stored = [p for p in tiny_disk.rglob("*") if p.is_file()]
    assert stored == [files.path_of(small.sha256)] and files.leftovers() == []
    assert files.read(small.sha256) == b"%PDF-1.4 the first scan"


def test_a_file_removed_by_hand_reads_as_missing(tmp_path: Path) -> None:
    files = FileStore(tmp_path / "files")
    stored = files.put_bytes(b"%PDF-1.4")
    files.path_of(stored.sha256).unlink()
    assert not files.has(stored.sha256) and files.read(stored.sha256) is None
    again = files.put_bytes(b"%PDF-1.4")  # added again: stored again
    assert files.read(again.sha256) == b"%PDF-1.4"


def test_sizes_are_worded_with_the_languages_decimal_sign(tmp_path: Path) -> None:
    """One rule for sizes on screen, in messages and on paper: "30,0 MB" in Indonesian."""
    from desktop.core.i18n import set_language
    from desktop.core.sizes import megabytes, size_text

    big = tmp_path / "scan.pdf"
    with big.open("wb") as fh:
        fh.truncate(30 * 1024 * 1024)
    set_language("id")
    try:
        with pytest.raises(InputError) as refused:
            FileStore(tmp_path / "files").put_file(big)
        assert "30,0 MB" in refused.value.message and "30.0" not in refused.value.message
        assert (megabytes(1_572_864), size_text(2048), size_text(31_457_280)) == ("1,5", "2 kB", "30,0 MB")
        assert size_text(31_457_280, language="en") == "30.0 MB"
    finally:
        set_language("en")
