"""The README's "Installing the server as a service" walked as far as a test can: every file the
steps install is installed into a scratch root (the repository's own files, from this checkout),
the installed units pass `systemd-analyze verify` and name what the steps made (the user, the
settings file, the data folder, the README of `Documentation=`), `server.env` reads the same for
systemd and the shell and its options pass `serve`'s own checks for the database it names (two
workers need PostgreSQL), and step 5 (`init` through the settings file) runs for real.
Making the system user and starting systemd are the steps a test cannot take here."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from server_stub.__main__ import _parser
from server_stub.serve import ServeOptions, check_tls, check_workers
from tests.server.deploy import INSTALLED
from tests.server.processes import ROOT, make_certs
from tests.server.serving import server_db  # noqa: F401 - fixture

HEADING = "#### Installing the server as a service"
SOURCE = "/opt/mufakat/src"  # where the steps keep the repository's folder
ENV_FILE = "/etc/mufakat/server.env"
PROGRAM = Path(sys.executable).parent / "mufakat-server"
# A value systemd's EnvironmentFile= and the shell's `.` read alike: double quotes around text
# with no $, `, \ or " (systemd would expand or unescape some of these differently).
ASSIGNMENT = re.compile(r'^(#\s*)?([A-Z_][A-Z0-9_]*)="([^$`\\"]*)"$')


def readme_steps() -> list[list[str]]:
    """The commands of the first sh block after the heading, as words (comments left out)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert HEADING in text, f"the README lost its section {HEADING!r}"
    block = text.split(HEADING, 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    steps = [shlex.split(line, comments=True) for line in block.splitlines()]
    return [words for words in steps if words]


def without_sudo(words: list[str]) -> tuple[str, list[str]]:
    """The user a step runs as and its command."""
    if words[:2] == ["sudo", "-u"]:
        return words[2], words[3:]
    return "root", words


@dataclass
class Walk:
    """What the steps made, in a scratch root."""

    root: Path
    certs: Path
    users: list[str] = field(default_factory=list)
    installed: list[str] = field(default_factory=list)  # absolute paths, as on the server
    reloaded_after: int = -1  # how many files were installed when systemd was reloaded
    enabled: list[str] = field(default_factory=list)
    init: str = ""  # step 5's shell script

    def local(self, path: str) -> Path:
        """Where an absolute path of the server is in this walk (the repository: this checkout;
        a file named without a folder: the administrator's certificate files)."""
        if path == SOURCE or path.startswith(SOURCE + "/"):
            return ROOT / path[len(SOURCE) + 1 :]
        if not path.startswith("/"):
            return self.certs / path
        return self.root / path.lstrip("/")

    def install(self, args: list[str]) -> None:
        """`install [-d] [-m MODE] [-o USER] [-g GROUP] SOURCE… TARGET` (coreutils), here."""
        directories, mode, paths = False, 0o755, []
        owners = []
        words = iter(args)
        for word in words:
            if word == "-d":
                directories = True
            elif word == "-m":
                mode = int(next(words), 8)
            elif word in ("-o", "-g"):
                owners.append(next(words))
            else:
                paths.append(word)
        for owner in owners:
            assert owner == "root" or owner in self.users, f"install names {owner} before useradd made it"
        if directories:
            for folder in paths:
                self.local(folder).mkdir(parents=True, exist_ok=True)
                self.local(folder).chmod(mode)
                self.installed.append(folder)
            return
        *sources, target = paths
        for source in sources:
            origin = self.local(source)
            assert origin.is_file(), f"step installs {source}, which is not there"
            into = self.local(target)
            placed = into / origin.name if target.endswith("/") else into
            assert placed.parent.is_dir(), f"{target}: its folder was not made by an earlier step"
            shutil.copyfile(origin, placed)
            placed.chmod(mode)
            self.installed.append(target + origin.name if target.endswith("/") else target)


def walk(scratch: Path) -> Walk:
    certs = make_certs(scratch / "admin")  # server.crt and server.key, as the administrator has them
    done = Walk(scratch / "root", certs.cert.parent)
    (done.root / "etc" / "systemd" / "system").mkdir(parents=True)  # there on any systemd machine
    for words in readme_steps():
        user, command = without_sudo(words)
        if command[0] == "useradd":
            assert "--system" in command and user == "root", command
            done.users.append(command[-1])
        elif command[0] == "install":
            done.install(command[1:])
        elif command[:2] == ["systemctl", "daemon-reload"]:
            done.reloaded_after = len(done.installed)
        elif command[:3] == ["systemctl", "enable", "--now"]:
            assert done.reloaded_after == len(done.installed), (
                "systemctl daemon-reload after the last unit copied"
            )
            done.enabled = command[3:]
        elif command[:2] == ["sh", "-c"] and "init" in command[2]:
            assert user in done.users, f"step 5 runs as {user}, a user the steps made"
            done.init = command[2]
    return done


def units_of(done: Walk) -> list[Path]:
    folder = done.local("/etc/systemd/system")
    return sorted(folder.iterdir()) if folder.is_dir() else []


def unit_settings(unit: Path) -> dict[str, str]:
    settings = {}
    for line in unit.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith(("#", ";", "[")):
            key, value = line.split("=", 1)
            settings[key.strip()] = value.strip()
    return settings


def test_the_steps_install_every_unit_and_they_verify(tmp_path: Path) -> None:
    if shutil.which("systemd-analyze") is None:
        pytest.fail("systemd-analyze is missing: install Debian's systemd package (.ci/run does)")
    done = walk(tmp_path)
    shipped = {p.name for p in (ROOT / "deploy" / "systemd").iterdir() if p.suffix in (".service", ".timer")}
    units = units_of(done)
    assert {u.name for u in units} == shipped, "every unit of deploy/systemd is installed"
    assert done.enabled, "the steps start the units"
    for name in done.enabled:
        template = re.sub(r"@[^.]+\.", "@.", name if "." in name else name + ".service")
        assert template in shipped, f"systemctl enable {name}: no such unit installed"
    for unit in units:
        settings = unit_settings(unit)
        if unit.suffix == ".timer":
            continue
        assert settings["User"] in done.users and settings["Group"] in done.users, unit.name
        assert settings["EnvironmentFile"] in done.installed, f"{unit.name}: its settings file is installed"
        assert settings["ReadWritePaths"] in done.installed, f"{unit.name}: its data folder is made"
        documentation = settings["Documentation"].removeprefix("file://")
        assert done.local(documentation).is_file(), f"{unit.name}: Documentation={documentation} is not there"
        # The program where this checkout's environment has it (the steps' venv is not made here).
        unit.write_text(unit.read_text(encoding="utf-8").replace(INSTALLED, str(PROGRAM)), encoding="utf-8")
    folder = done.local("/etc/systemd/system")
    for target in [str(unit) for unit in units] + [n if "." in n else n + ".service" for n in done.enabled]:
        verified = subprocess.run(
            ["systemd-analyze", "verify", target],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=folder,
            env={"SYSTEMD_UNIT_PATH": f"{folder}:", "PATH": "/usr/bin:/bin:/usr/sbin:/sbin"},
            check=False,
        )
        assert verified.returncode == 0 and "mufakat" not in verified.stderr, verified.stderr


def env_values(path: Path) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The settings as systemd reads them, and the commented alternatives in order."""
    active: dict[str, str] = {}
    alternatives: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or (line.startswith("#") and "=" not in line):
            continue
        found = ASSIGNMENT.match(line)
        if found is None:
            assert line.startswith("#"), f"{path.name}: {line!r} reads differently for systemd and sh"
            continue
        commented, key, value = found.groups()
        if commented:
            alternatives.append((key, value))
        else:
            active[key] = value
    return active, alternatives


def check_options(done: Walk, database: str, options: str) -> None:
    """`serve`'s own checks on the unit's command line: `--port %i $MUFAKAT_SERVE_OPTIONS` (an
    unquoted $VAR in ExecStart is split at white space)."""
    args = _parser().parse_args(["serve", "--port", "8765", *options.split()])
    local = {
        name: done.local(str(getattr(args, name))) for name in ("certfile", "keyfile") if getattr(args, name)
    }
    check_workers(ServeOptions(database, args.host, args.port, args.workers))
    check_tls(local.get("certfile"), local.get("keyfile"))


def test_server_env_reads_alike_and_each_choice_passes_serves_checks(tmp_path: Path) -> None:
    done = walk(tmp_path)
    installed = done.local(ENV_FILE)
    assert ENV_FILE in done.installed and installed.stat().st_mode & 0o007 == 0, "not readable by others"
    active, alternatives = env_values(installed)
    shell = subprocess.run(
        ["sh", "-c", f"set -a; . {shlex.quote(str(installed))}; exec env -0"],
        capture_output=True,
        timeout=30,
        env={"PATH": "/usr/bin:/bin"},
        check=True,
    )
    read_by_sh = dict(item.split("=", 1) for item in shell.stdout.decode().split("\0") if "=" in item)
    assert {k: read_by_sh.get(k) for k in active} == active
    assert active["MUFAKAT_SERVER_DB"].startswith("postgresql"), "the example: PostgreSQL, two processes"
    check_options(done, active["MUFAKAT_SERVER_DB"], active["MUFAKAT_SERVE_OPTIONS"])
    database, checked = active["MUFAKAT_SERVER_DB"], 0
    for key, value in alternatives:  # each commented choice, with the database named before it
        if key == "MUFAKAT_SERVER_DB":
            database = value
        elif key == "MUFAKAT_SERVE_OPTIONS":
            check_options(done, database, value)
            checked += 1
    assert checked >= 2 and database.startswith("sqlite"), "the nginx and the SQLite choices"


def test_an_env_file_with_two_workers_on_sqlite_fails_the_check(tmp_path: Path) -> None:
    """The check above can fail: the mistake the example once invited."""
    from server_stub.admin import AdminError

    done = walk(tmp_path)
    with pytest.raises(AdminError, match="a SQLite database takes one server process"):
        check_options(
            done, "sqlite:////var/lib/mufakat/mufakat-server.sqlite3", "--host 127.0.0.1 --workers 2"
        )


def test_step_5_makes_the_database_through_the_settings_file(
    server_db: str,  # noqa: F811 - fixture
    tmp_path: Path,
) -> None:
    done = walk(tmp_path)
    assert done.init, "the steps make the database's tables (mufakat-server init)"
    installed = done.local(ENV_FILE)
    text = installed.read_text(encoding="utf-8")
    edited = re.sub(r'^MUFAKAT_SERVER_DB=".*"$', f'MUFAKAT_SERVER_DB="{server_db}"', text, flags=re.M)
    installed.write_text(edited, encoding="utf-8")  # step 4: the administrator's database
    script = done.init.replace(ENV_FILE, shlex.quote(str(installed))).replace(INSTALLED, str(PROGRAM))
    env = {k: v for k, v in os.environ.items() if k != "MUFAKAT_SERVER_DB"}
    ran = subprocess.run(
        ["sh", "-c", script], capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path
    )
    assert ran.returncode == 0 and "made a new Mufakat server database" in ran.stdout, ran.stderr
    listed = subprocess.run(
        ["sh", "-c", script.replace(" init", " unit list")],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=tmp_path,
    )
    assert listed.returncode == 0, listed.stderr  # the administrator's commands now find it
    assert not (tmp_path / "mufakat-server.sqlite3").exists()  # the settings' database, not the default
