"""`make dist-check`: smoke-test the BUILT app, as an office gets it, never this source tree.

The archive `make dist` wrote is unpacked into a fresh folder and its program is run with an empty
environment (no PATH, no PYTHONPATH; only HOME, a fresh one, so the data folder is the default one
under it, and DISPLAY for the window):

1. `--version` prints pyproject.toml's version;
2. without a command the window opens on a real X server (found by its title with xdotool) within
   20 s and is still up 5 s later: the first start, on no data yet;
3. `demo` loads the demo forum;
4. `minutes` prints its berita acara as a PDF whose fonts are all embedded DejaVu (the bundled ones);
5. the data went to the user data folder under that HOME.

Each failure prints one line saying what is wrong and exits with 1. The cold start (program started
→ window shown) is printed, as a figure, not a limit beyond the 20 s.

    .venv/bin/python packaging/smoke.py [--archive dist/mufakat-….tar.gz] [--display :73]
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_dist import DIST, archive_stem, project_version

WINDOW_WITHIN_S = 20.0
STAYS_UP_S = 5.0
COMMAND_TIMEOUT_S = 120.0
WINDOW_TITLE = "Mufakat"  # the main window's title names the app (and the office, the forum)


class SmokeFailure(Exception):
    """What the built app got wrong, in one line."""


def unpack(archive: Path, into: Path) -> Path:
    """Unpack the archive; return the program inside it."""
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(into)
    else:
        with tarfile.open(archive) as tf:
            tf.extractall(into, filter="tar")
    program = into / "mufakat" / ("mufakat-cli.exe" if sys.platform == "win32" else "mufakat")
    if not program.is_file():
        raise SmokeFailure(f"{archive.name} holds no program mufakat/{program.name}")
    return program


def run(program: Path, env: Mapping[str, str], *args: str) -> str:
    """Run a headless command of the built app; its standard output, or SmokeFailure."""
    done = subprocess.run(
        [str(program), *args], env=dict(env), capture_output=True, text=True, timeout=COMMAND_TIMEOUT_S
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["(nothing on stderr)"])[-1]
        raise SmokeFailure(f"`mufakat {' '.join(args)}` exited with {done.returncode}: {last}")
    return done.stdout


def check_version(program: Path, env: Mapping[str, str]) -> None:
    printed = run(program, env, "--version").strip()
    wanted = f"mufakat {project_version()}"
    if printed != wanted:
        raise SmokeFailure(f"--version printed {printed!r}, pyproject.toml says {wanted!r}")
    print(f"smoke: --version: {printed}")


def check_demo_and_minutes(program: Path, env: Mapping[str, str], scratch: Path) -> None:
    forum_id = run(program, env, "demo").strip().splitlines()[-1]
    print(f"smoke: demo loaded (forum {forum_id})")
    pdf = scratch / "berita-acara.pdf"
    run(program, env, "minutes", forum_id, "-o", str(pdf))
    fonts = embedded_fonts(pdf.read_bytes())
    if not_bundled(fonts):
        raise SmokeFailure(f"the minutes' fonts are not all embedded DejaVu: {', '.join(not_bundled(fonts))}")
    print(f"smoke: minutes: {pdf.stat().st_size} bytes, fonts {', '.join(sorted(fonts))} (embedded)")


def embedded_fonts(pdf: bytes) -> dict[str, bool]:
    """Each font of the PDF by its name (subset prefix dropped) → whether its file is embedded."""
    fonts: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources")
        font_dict = resources.get_object().get("/Font") if resources else None
        for font_ref in font_dict.get_object().values() if font_dict else []:
            font = font_ref.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants.get_object()[0].get_object() if descendants else font
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            name = str(font.get("/BaseFont", "?")).lstrip("/").split("+")[-1]
            fonts[name] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return fonts


def not_bundled(fonts: Mapping[str, bool]) -> list[str]:
    """The fonts that are not the bundled DejaVu embedded in the file (a PDF without fonts: all)."""
    if not fonts:
        return ["(no font at all)"]
    return sorted(name for name, embedded in fonts.items() if not (name.startswith("DejaVu") and embedded))


@contextmanager
def x_server(display: str | None) -> Iterator[str]:
    """The display to use: the one given, or a fresh Xvfb (1366×768) for the time of the check."""
    if display:
        yield display
        return
    if shutil.which("Xvfb") is None:
        raise SmokeFailure("Xvfb is not installed (apt-get install xvfb), and no --display was given")
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise SmokeFailure("Xvfb did not start")
        yield f":{number}"
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)


def windows_named(title: str, display: str) -> list[str]:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", title],
        env={"DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=10,
    )
    return found.stdout.split()


def check_window(program: Path, env: Mapping[str, str], display: str, *, report: bool = True) -> float:
    """Start the window; return the seconds until it was shown (the cold start)."""
    if shutil.which("xdotool") is None:
        raise SmokeFailure("xdotool is not installed (apt-get install xdotool)")
    # A file, not a pipe, for what the app prints: a chatty Qt cannot block on a full pipe.
    with tempfile.TemporaryFile() as said:
        started = time.monotonic()
        app = subprocess.Popen([str(program)], env={**env, "DISPLAY": display}, stdout=said, stderr=said)
        try:
            while not windows_named(WINDOW_TITLE, display):
                if app.poll() is not None:
                    said.seek(0)
                    last = said.read().decode(errors="replace").strip().splitlines()[-1:]
                    raise SmokeFailure(
                        f"the app exited with {app.returncode} before its window showed: {last}"
                    )
                if time.monotonic() - started > WINDOW_WITHIN_S:
                    raise SmokeFailure(f"no window titled {WINDOW_TITLE!r} within {WINDOW_WITHIN_S:.0f} s")
                time.sleep(0.1)
            cold_start = time.monotonic() - started
            time.sleep(STAYS_UP_S)
            if app.poll() is not None or not windows_named(WINDOW_TITLE, display):
                raise SmokeFailure(
                    f"the window did not stay up {STAYS_UP_S:.0f} s (exit code {app.returncode})"
                )
            if report:
                print(
                    f"smoke: window {WINDOW_TITLE!r} shown after {cold_start:.2f} s (cold start),"
                    f" still up {STAYS_UP_S:.0f} s later"
                )
            return cold_start
        finally:
            if app.poll() is None:
                app.terminate()
                try:
                    app.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    app.kill()
                    app.wait(timeout=10)


def default_archive() -> Path:
    return next(
        DIST.glob(archive_stem(project_version()) + ".*"),
        DIST / (archive_stem(project_version()) + ".tar.gz"),
    )


def smoke(archive: Path, display: str | None) -> None:
    if not archive.is_file():
        raise SmokeFailure(f"no archive {archive}: build it first with `make dist`")
    print(f"smoke: {archive.name}, {archive.stat().st_size / 1_000_000:.1f} MB")
    with tempfile.TemporaryDirectory(prefix="mufakat-smoke-") as scratch_name:
        scratch = Path(scratch_name)
        program = unpack(archive, scratch / "installed")
        home = scratch / "home"
        home.mkdir()
        env = {"HOME": str(home)}  # no PATH, no PYTHONPATH: the bundle must need neither
        data = home / ".local" / "share" / "mufakat"
        if sys.platform == "win32":  # Windows finds its user folders by API: the folder is given
            data = home / "mufakat"
            env = {"SYSTEMROOT": os.environ.get("SYSTEMROOT", r"C:\Windows"), "MUFAKAT_DATA_DIR": str(data)}
        check_version(program, env)
        if sys.platform != "win32":  # the first start, as an office has it: no data yet
            with x_server(display) as shown_on:
                check_window(program, env, shown_on)
        check_demo_and_minutes(program, env, scratch)
        if not (data / "mufakat.sqlite3").is_file():
            raise SmokeFailure(f"the data did not go to the user data folder {data}")
    print("smoke: the built app passed")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, default=None, help="the archive to test (default: dist/'s)")
    parser.add_argument("--display", default=None, help="an X display to use (default: a fresh Xvfb)")
    args = parser.parse_args()
    try:
        smoke(args.archive or default_archive(), args.display)
    except (SmokeFailure, subprocess.TimeoutExpired) as exc:
        print(f"smoke: FAILED: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
