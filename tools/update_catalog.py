"""Regenerate the Indonesian catalogs from the code, translated by tools/id_translations.py:

- desktop/locale/id.po: messages of services, CLI and errors (`tr()`, `N_()`), read by Babel;
- desktop/locale/mufakat_id.ts: widget strings (`self.tr()`), Qt's format, compiled to .qm.

Run after adding or changing a message; the test suite fails when one has no translation."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from id_translations import ID, QT_OWN  # noqa: E402

KEYWORDS = {"tr": None, "N_": None}


def extracted_messages() -> list[str]:
    seen: dict[str, None] = {}
    for file, _line, message, _comments, _ctx in extract_from_dir(
        str(ROOT / "desktop"), keywords=KEYWORDS, comment_tags=()
    ):
        if Path(file).parts[0] == "views":  # widget strings: Qt's catalog (below)
            continue
        if isinstance(message, str) and message:
            seen.setdefault(message, None)
    return list(seen)


def qt_sources() -> list[Path]:
    return sorted((ROOT / "desktop" / "views").glob("*.py"))


def run_lupdate(ts: Path) -> None:
    """Refresh `ts` with the widget strings of the views (drops strings no longer in the code)."""
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from PySide6.scripts.pyside_tool import lupdate; lupdate()",
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            *map(str, qt_sources()),
            "-ts",
            str(ts),
        ],
        check=True,
        timeout=120,
    )


def qt_messages(ts: Path) -> list[tuple[str, str, str | None]]:
    """(context, source, translation or None when unfinished) for every message of `ts`."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") != "unfinished" and translation.text
            found.append((name, message.findtext("source") or "", translation.text if done else None))
    return found


def fill_qt_catalog(ts: Path) -> list[str]:
    """Write the Indonesian of every widget string into `ts`; returns the ones with none."""
    tree = ET.parse(ts)
    missing = []
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            own = QT_OWN.get((context.findtext("name") or "", source))
            text = own if own is not None else ID.get(source)
            translation = message.find("translation")
            assert translation is not None
            if text is not None:
                translation.text = text
                translation.attrib.pop("type", None)
            else:
                missing.append(source)
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return missing


def update_qt_catalog() -> list[str]:
    ts = ROOT / "desktop" / "locale" / "mufakat_id.ts"
    run_lupdate(ts)
    tree = ET.parse(ts)
    tree.getroot().set("language", "id_ID")
    tree.getroot().set("sourcelanguage", "en")
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return fill_qt_catalog(ts)


def main() -> int:
    catalog = Catalog(locale="id", project="mufakat", charset="utf-8")
    missing = []
    for message in extracted_messages():
        if message not in ID:
            missing.append(message)
        catalog.add(message, ID.get(message, ""))
    with (ROOT / "desktop" / "locale" / "id.po").open("wb") as fh:
        write_po(fh, catalog, width=0, sort_output=True, omit_header=False, no_location=True)
    missing += update_qt_catalog()
    for message in missing:
        print(f"untranslated: {message!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
