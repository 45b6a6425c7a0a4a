"""The web pages' Indonesian (server_stub/web/locale/id.po) holds exactly the messages of the
templates, the web package's code and its labels, each translated (`make catalog` adds a new
one empty and names it)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from update_catalog import WEB_PO, read_catalog, untranslated, web_messages  # noqa: E402


def test_the_web_catalog_holds_every_message_of_the_pages_in_indonesian() -> None:
    catalog = read_catalog(WEB_PO)
    assert {m.id for m in catalog if m.id} == set(web_messages()), "run make catalog"
    assert untranslated(catalog) == [], "write their Indonesian in server_stub/web/locale/id.po"
