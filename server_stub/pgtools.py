"""PostgreSQL's own tools for backups: pg_dump (custom format) and pg_restore.

The connection comes from the server's database URL, handed over in libpq's environment
variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE), never on the command line where
`ps` would show the password. A failure is the tool's own first line of error.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL

from server_stub.admin import AdminError

CLIENT_TOOLS = (
    "install PostgreSQL's client tools (Debian: apt install postgresql-client), "
    "the same major version as the server or newer"
)


def environment(url: URL, purpose: str) -> dict[str, str]:
    env = dict(os.environ)
    values = {
        "PGHOST": url.host or url.query.get("host"),
        "PGPORT": url.port,
        "PGUSER": url.username,
        "PGPASSWORD": url.password,
        "PGDATABASE": url.database,
        "PGSSLMODE": url.query.get("sslmode"),
    }
    for name, value in values.items():
        if value is not None and not isinstance(value, tuple):
            env[name] = str(value)
    env["PGAPPNAME"] = f"mufakat-server {purpose}"
    return env


def run(tool: str, args: list[str], url: URL, purpose: str) -> str:
    """Run a PostgreSQL client tool; its standard output, or its first error line as an AdminError."""
    found = shutil.which(tool)
    if found is None:
        raise AdminError(f"{tool} is not installed: {CLIENT_TOOLS}")
    done = subprocess.run(
        [found, *args], env=environment(url, purpose), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise AdminError(f"{tool}: {_first_error(done.stderr)}")
    return done.stdout


def _first_error(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    for line in lines:
        for prefix in ("pg_dump: error: ", "pg_restore: error: ", "pg_dump: ", "pg_restore: "):
            if line.startswith(prefix):
                line = line[len(prefix) :]
                break
        if line and not line.startswith(("detail:", "hint:", "DETAIL:", "HINT:")):
            return line
    return lines[0] if lines else "failed without a message"


def dump(url: URL, target: Path) -> None:
    """The whole database in pg_dump's custom format (compressed; pg_restore reads it)."""
    run("pg_dump", ["--format=custom", f"--file={target}"], url, "backup")


def restore(url: URL, archive: Path) -> None:
    """Load an archive into the database (whose tables of the same names were dropped first),
    in one transaction: all of it or nothing."""
    args = ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges"]
    run("pg_restore", [*args, f"--dbname={url.database}", str(archive)], url, "restore")


def archive_tables(url: URL, archive: Path) -> set[str]:
    """The tables an archive holds (its table of contents)."""
    listing = run("pg_restore", ["--list", str(archive)], url, "restore")
    tables = set()
    for line in listing.splitlines():
        words = line.split()
        # e.g. "215; 1259 16390 TABLE public records mufakat"
        if len(words) >= 6 and not line.startswith(";") and words[3] == "TABLE":
            tables.add(words[5])
    return tables


def archive_revision(url: URL, archive: Path) -> str | None:
    """The schema revision an archive was made at (its alembic_version row)."""
    script = run(
        "pg_restore", ["--data-only", "--table=alembic_version", "--file=-", str(archive)], url, "restore"
    )
    lines = script.splitlines()
    for n, line in enumerate(lines):
        if line.startswith("COPY ") and "alembic_version" in line and n + 1 < len(lines):
            value = lines[n + 1].strip()
            return None if value == "\\." else value
    return None
