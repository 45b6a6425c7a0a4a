"""`mufakat evidence-pack` as an office runs it: a forum, a year or a period to a ZIP; a mistake
is one line on stderr with exit code 2 and writes nothing; an existing file is replaced only
with --force."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from desktop.cli.commands import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's own refusals
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    folder = str(tmp_path / "d")
    code, out, _ = run(capsys, "--data-dir", folder, "demo")
    assert code == 0
    return folder, out.strip()


def test_a_forums_pack_and_a_years(tmp_path: Path, capsys: pytest.CaptureFixture[str], data: tuple[str, str]) -> None:
    folder, forum = data
    target = tmp_path / "paket.zip"
    code, out, err = run(capsys, "--data-dir", folder, "--lang", "en", "evidence-pack", "--forum", forum,
                         "--out", str(target), "--as-of", "2026-12-01")
    assert (code, out.strip()) == (0, str(target))
    assert "7 file(s) in the pack; 4 line(s) of what is still missing" in err
    names = zipfile.ZipFile(target).namelist()
    assert names[:2] == ["00-indeks-paket-bukti.pdf", "00-indeks-paket-bukti.xlsx"] and len(names) == 7
    year = tmp_path / "2024.zip"
    assert run(capsys, "--data-dir", folder, "evidence-pack", "--year", "2024", "--out", str(year))[0] == 0
    assert run(capsys, "--data-dir", folder, "evidence-pack", "--from", "2024-08-01", "--to", "2024-08-31",
               "--out", str(tmp_path / "agustus.zip"))[0] == 0
    assert zipfile.ZipFile(tmp_path / "agustus.zip").namelist()[2].startswith("fkp-2024-08-21-")


def test_an_existing_file_is_replaced_only_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: tuple[str, str]
) -> None:
    folder, forum = data
    target = tmp_path / "paket.zip"
    target.write_bytes(b"last week's pack")
    code, out, err = run(capsys, "--data-dir", folder, "--lang", "en", "evidence-pack", "--forum", forum,
                         "--out", str(target))
    assert (code, out) == (2, "")
    assert err == f"mufakat: {target} exists already; add --force to replace it.\n"
    assert target.read_bytes() == b"last week's pack"
    assert run(capsys, "--data-dir", folder, "evidence-pack", "--forum", forum, "--out", str(target), "--force")[0] == 0
    assert zipfile.is_zipfile(target)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--forum", "no-such-forum"], "Forum no-such-forum does not exist"),
        (["--year", "2024", "--unit", "NOPE"], "No office has the code NOPE"),
        (["--year", "24"], "24 is not a year of forums"),
        (["--from", "2024-12-31", "--to", "2024-01-01"], "The period ends (2024-01-01) before it starts"),
        (["--from", "2024-01-01"], "--from and --to go together"),
        (["--year", "2024", "--from", "2024-01-01"], "not allowed with argument"),
        (["--from", "2024-13-01", "--to", "2024-12-31"], "'2024-13-01' is not a date"),
        ([], "one of the arguments --forum --year --from is required"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: tuple[str, str], args: list[str], said: str
) -> None:
    folder, _forum = data
    target = tmp_path / "out" / "paket.zip"
    target.parent.mkdir()
    code, out, err = run(capsys, "--data-dir", folder, "--lang", "en", "evidence-pack", *args, "--out", str(target))
    assert code == 2 and out == "" and said in err and err.count("\n") == 1, err
    assert list(target.parent.iterdir()) == []


def test_the_target_must_be_a_zip_in_a_folder_that_exists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: tuple[str, str]
) -> None:
    folder, forum = data
    for target, said in (
        (tmp_path / "paket.pdf", "The evidence pack is a ZIP file"),
        (tmp_path / "no-such-folder" / "paket.zip", "does not exist"),
    ):
        code, _out, err = run(capsys, "--data-dir", folder, "--lang", "en", "evidence-pack", "--forum", forum,
                              "--out", str(target))
        assert code == 2 and said in err and err.count("\n") == 1
        assert not target.exists()


def test_a_full_disk_leaves_the_old_pack_and_no_half_written_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: tuple[str, str]
) -> None:
    """A real 1 MB disk (tmpfs) that a pack with a phone photo does not fit on."""
    from desktop.app.workspace import Workspace
    from desktop.core.config import Settings
    from desktop.services import attachments
    from protocol.vocab import AttachmentOwner
    from tests.attachments import samples
    from tests.test_store_errors import mount

    folder, forum = data
    ws = Workspace.open(Path(folder), Settings(language="en", operator="Tester"))
    sizes = 0
    for n, size in enumerate(((4000, 3000), (3000, 2250))):
        photo = attachments.store_file(ws.files, samples.phone_photo(tmp_path / f"foto{n}.jpg", size, noise=True))
        ws.write(attachments.attach, AttachmentOwner.FORUM, forum, photo, caption=f"Suasana forum {n}")
        sizes += photo.size
    ws.close()
    assert sizes > 1024 * 1024  # the pack cannot fit on the disk
    disk = tmp_path / "usb"
    mount(disk, "size=1m")
    try:
        target = disk / "paket.zip"
        target.write_bytes(b"last week's pack")
        code, out, err = run(capsys, "--data-dir", folder, "--lang", "en", "evidence-pack", "--forum", forum,
                             "--out", str(target), "--force")
        assert (code, out) == (2, "") and "the disk is full" in err and err.count("\n") == 1, err
        assert sorted(p.name for p in disk.iterdir()) == ["paket.zip"]
        assert target.read_bytes() == b"last week's pack"
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
