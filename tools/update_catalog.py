"""Regenerate desktop/locale/id.po: the messages extracted from the code, translated by
tools/id_translations.py. Run after adding or changing a message; the test suite fails when a
message has no Indonesian translation."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from id_translations import ID  # noqa: E402

KEYWORDS = {"tr": None, "N_": None}


def extracted_messages() -> list[str]:
    seen: dict[str, None] = {}
    for _file, _line, message, _comments, _ctx in extract_from_dir(
        str(ROOT / "desktop"), keywords=KEYWORDS, comment_tags=()
    ):
        if isinstance(message, str) and message:
            seen.setdefault(message, None)
    return list(seen)


def main() -> int:
    catalog = Catalog(locale="id", project="mufakat", charset="utf-8")
    missing = []
    for message in extracted_messages():
        if message not in ID:
            missing.append(message)
        catalog.add(message, ID.get(message, ""))
    with (ROOT / "desktop" / "locale" / "id.po").open("wb") as fh:
        write_po(fh, catalog, width=0, sort_output=True, omit_header=False, no_location=True)
    for message in missing:
        print(f"untranslated: {message!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
