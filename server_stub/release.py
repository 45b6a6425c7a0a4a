"""The app version the office's administrator announces, with the address to download it from
(the office's own server or intranet): every laptop learns it at its next sync (`GET /version`)
and offers the update in Settings → Tentang. Kept in `server_meta`."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from server_stub.admin import AdminError
from server_stub.models import Meta

VERSION_KEY, URL_KEY = "app_version", "app_url"
VERSION = re.compile(r"^\d{1,4}(\.\d{1,4}){0,3}$")
MAX_URL = 200  # server_meta's value column


def announce(session: Session, version: str, url: str) -> None:
    """Announce `version`, downloadable at `url`; refuses what a laptop could not use."""
    if not VERSION.match(version):
        raise AdminError(f"--version {version!r}: write the app's version as numbers with dots, e.g. 0.2.0")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or len(url) > MAX_URL or any(c.isspace() for c in url):
        raise AdminError(
            f"--url {url!r}: write the http(s) address of the installer (at most {MAX_URL} characters), "
            "e.g. https://fkp.kppn-sorong.go.id/mufakat/Mufakat-0.2.0-setup.exe"
        )
    for key, value in ((VERSION_KEY, version), (URL_KEY, url)):
        meta = session.get(Meta, key, with_for_update=True)
        if meta is None:
            session.add(Meta(key=key, value=value))
        else:
            meta.value = value


def announced(session: Session) -> dict[str, str]:
    """What is announced: {"app_version", "download_url"}, empty strings when nothing is."""
    version, url = session.get(Meta, VERSION_KEY), session.get(Meta, URL_KEY)
    return {"app_version": version.value if version else "", "download_url": url.value if url else ""}
