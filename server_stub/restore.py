"""After the database was restored from a backup: carry into it the units, enrollments and
revocations of the database it replaces, so the laptops enrolled since the backup keep working
and the laptops revoked since stay revoked. The replaced database is only read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, create_engine, inspect, make_url, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from server_stub.admin import AdminError, next_seq
from server_stub.models import Device, EnrollCode, Record, ServerUnit

Row = dict[str, Any]
NEEDED = ("units", "devices", "enroll_codes")


def _read_only(url: URL) -> URL:
    """A SQLite URL opened read-only (a missing file is an error, not a new empty database)."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return url
    return url.set(database=f"file:{url.database}?mode=ro", query={**url.query, "uri": "true"})


def _rows(conn: Any, table: Table, *where: Any) -> list[Row]:
    return [dict(row._mapping) for row in conn.execute(select(table).where(*where))]


@dataclass(frozen=True)
class Previous:
    """What the replaced database knew of units, devices and enrollment codes."""

    units: list[Row]
    unit_records: list[Row]
    devices: list[Row]
    codes: list[Row]


def read_previous(previous_url: str) -> Previous:
    """Units, their records, devices and enrollment codes of the replaced database."""
    try:
        url = make_url(previous_url)
    except SQLAlchemyError as exc:
        raise AdminError(f"--previous {previous_url!r} is not a database URL") from exc
    shown = url.render_as_string(hide_password=True)
    engine = create_engine(_read_only(url))
    try:
        with engine.connect() as conn:
            missing = [name for name in NEEDED if not inspect(conn).has_table(name)]
            if missing:
                raise AdminError(f"{shown} is not a Mufakat server database (no {', '.join(missing)} table)")
            units = _rows(conn, ServerUnit.__table__)  # type: ignore[arg-type]
            records = _rows(conn, Record.__table__, Record.entity == "units")  # type: ignore[arg-type]
            devices = _rows(conn, Device.__table__)  # type: ignore[arg-type]
            codes = _rows(conn, EnrollCode.__table__)  # type: ignore[arg-type]
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise AdminError(f"the previous database {shown} cannot be read: {reason}") from exc
    finally:
        engine.dispose()
    return Previous(units, records, devices, codes)


def carry_over(session: Session, previous: Previous) -> list[str]:
    """Re-apply what the replaced database knew and the restored one lacks; one line per
    change, for the administrator."""
    units, unit_records, devices, codes = (
        previous.units,
        previous.unit_records,
        previous.devices,
        previous.codes,
    )
    lines: list[str] = []
    present_units = {u.id: u.code for u in session.scalars(select(ServerUnit))}
    records_by_id = {r["id"]: r for r in unit_records}
    for unit in sorted(units, key=lambda u: str(u["code"])):
        if unit["id"] in present_units:
            continue
        if unit["code"] in present_units.values():
            lines.append(
                f"unit {unit['code']} NOT carried over: the restored database has another unit "
                "with that code (its devices are skipped too)"
            )
            continue
        session.add(ServerUnit(**unit))
        record = records_by_id.get(unit["id"])
        if record is not None:
            session.add(Record(**{**record, "seq": next_seq(session)}))
        present_units[unit["id"]] = unit["code"]
        lines.append(f"unit re-applied: {unit['code']} ({unit['name']})")
    session.flush()
    known_units = set(present_units)
    for old in sorted(devices, key=lambda d: d["enrolled_at"]):
        unit_code = present_units.get(old["unit_id"], old["unit_id"])
        label = f"{old['id']} ({unit_code}, {old['name']})"
        current = session.get(Device, old["id"])
        if current is None:
            if old["unit_id"] not in known_units:
                continue
            session.add(Device(**old))
            what = "enrollment and revocation" if old["revoked_at"] is not None else "enrollment"
            lines.append(f"{what} re-applied: device {label}")
            continue
        if old["revoked_at"] is not None and current.revoked_at is None:
            current.revoked_at = old["revoked_at"]
            lines.append(f"revocation re-applied: device {label}")
        elif current.revoked_at is None and old["token_hash"] != current.token_hash:
            current.token_hash = old["token_hash"]  # enrolled again after the backup
            current.secret_hash = old.get("secret_hash") or current.secret_hash
            lines.append(f"later enrollment re-applied: device {label}")
    carried = 0
    for old in codes:
        current_code = session.get(EnrollCode, old["code_hash"])
        if current_code is None and old["unit_id"] in known_units:
            session.add(EnrollCode(**old))
            carried += 1
        elif current_code is not None and old["used_at"] is not None and current_code.used_at is None:
            current_code.used_at, current_code.used_by = old["used_at"], old["used_by"]
            carried += 1
    if carried:
        lines.append(f"enrollment codes re-applied: {carried} (issued or used after the backup)")
    return lines
