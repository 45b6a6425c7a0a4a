"""Keep the Indonesian catalogs current with the code. The catalogs are the source of the
translations, edited by hand (any text editor, Poedit, Qt Linguist):

- desktop/locale/id.po: messages of services, CLI and errors (`tr()`, `N_()`), read by Babel;
- desktop/locale/mufakat_id.ts: widget strings (`self.tr()`), one context per screen, so one
  English word may read differently on two screens; compiled to .qm by `make`;
- server_stub/web/locale/id.po: the server's web pages (the templates' `_()`, the labels of
  server_stub/web/labels.py, `_()` in server_stub/web's code), read by Babel on the server.

Run after adding or changing a message (`make catalog`): each new message is added with an empty
translation, one the code no longer has is dropped, every translation is kept. It ends with exit
code 1 naming each message still without Indonesian; write it into the catalog, and the test
suite (which fails while any is missing) passes."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "desktop" / "locale"
PO = LOCALE / "id.po"
TS = LOCALE / "mufakat_id.ts"
KEYWORDS = {"tr": None, "N_": None}
WEB = ROOT / "server_stub" / "web"
WEB_PO = WEB / "locale" / "id.po"


def extracted_messages() -> list[str]:
    """The messages of `tr()` and `N_()` below the views, in the order the code has them."""
    seen: dict[str, None] = {}
    for file, _line, message, _comments, _ctx in extract_from_dir(
        str(ROOT / "desktop"), keywords=KEYWORDS, comment_tags=()
    ):
        if Path(file).parts[0] == "views":  # widget strings: Qt's catalog (below)
            continue
        if isinstance(message, str) and message:
            seen.setdefault(message, None)
    return list(seen)


def web_messages() -> list[str]:
    """The web pages' messages: the templates' (Jinja2's i18n extension), `_()` in the web
    package's code, and the labels of the records' values."""
    sys.path.insert(0, str(ROOT))
    from server_stub.web.labels import every_label

    seen: dict[str, None] = {}
    method_map = [("templates/**.html", "jinja2"), ("**.py", "python")]
    options = {"templates/**.html": {"extensions": "jinja2.ext.i18n", "trimmed": "false"}}
    for _file, _line, message, _comments, _ctx in extract_from_dir(
        str(WEB), method_map=method_map, options_map=options, keywords={"_": None, "gettext": None}, comment_tags=()
    ):
        if isinstance(message, str) and message:
            seen.setdefault(message, None)
    for label in every_label():
        seen.setdefault(label, None)
    return list(seen)


def read_catalog(po: Path) -> Catalog:
    with po.open("rb") as fh:
        return read_po(fh, locale="id")


def untranslated(catalog: Catalog) -> list[str]:
    """Messages with no Indonesian (empty, or only a fuzzy guess: the app does not show those)."""
    return [m.id for m in catalog if m.id and isinstance(m.id, str) and (not m.string or m.fuzzy)]


def update_po(po: Path, messages: Iterable[str]) -> list[str]:
    """Bring `po` to exactly `messages`: new ones empty, gone ones dropped, translations kept.
    Returns the messages without Indonesian."""
    template = Catalog(locale="id", project="mufakat", charset="utf-8")
    for message in messages:
        template.add(message)
    catalog = read_catalog(po)
    catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
    with po.open("wb") as fh:
        write_po(fh, catalog, width=0, sort_output=True, no_location=True, ignore_obsolete=True)
    return untranslated(catalog)


def qt_sources() -> list[Path]:
    return sorted((ROOT / "desktop" / "views").glob("*.py"))


def run_lupdate(ts: Path) -> None:
    """Merge the widget strings of the views into `ts`: new ones unfinished, translations kept,
    strings no longer in the code dropped."""
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
            text = translation.text if translation is not None else None
            done = translation is not None and translation.get("type") != "unfinished" and text
            found.append((name, message.findtext("source") or "", text if done else None))
    return found


def update_ts(ts: Path) -> list[str]:
    """Merge the views' strings into `ts`, written in one layout (the diff shows only what
    changed); returns "context: source" of each message without Indonesian."""
    run_lupdate(ts)
    tree = ET.parse(ts)
    tree.getroot().set("language", "id_ID")
    tree.getroot().set("sourcelanguage", "en")
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return [f"{context}: {source}" for context, source, text in qt_messages(ts) if text is None]


def main() -> int:
    missing = [f"desktop/locale/{PO.name}: {m!r}" for m in update_po(PO, extracted_messages())]
    missing += [f"desktop/locale/{TS.name}, {m!r}" for m in update_ts(TS)]
    missing += [f"server_stub/web/locale/{WEB_PO.name}: {m!r}" for m in update_po(WEB_PO, web_messages())]
    for message in missing:
        print(f"no Indonesian yet in {message}", file=sys.stderr)
    if missing:
        print(f"write the Indonesian of these {len(missing)} in the catalog, then run this again", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
