"""A newer Mufakat, as the office's server announces it: which version, where to download it,
and whether it is newer than the one running. What a server sends is checked: a version is
numbers with dots, an address is http(s) (anything else is taken as nothing announced)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from desktop import __version__

VERSION = re.compile(r"^\d{1,4}(\.\d{1,4}){0,3}$")
MAX_URL = 300


def announced_release(answer: Any) -> tuple[str, str]:
    """(version, download address) from the server's `/version` answer; ("", "") if unusable."""
    if not isinstance(answer, dict):
        return "", ""
    version, url = answer.get("app_version"), answer.get("download_url")
    if not isinstance(version, str) or not VERSION.match(version):
        return "", ""
    if not isinstance(url, str) or len(url) > MAX_URL or any(c.isspace() for c in url):
        return "", ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "", ""
    return version, url


def _numbers(version: str) -> tuple[int, ...]:
    parts = [int(p) for p in version.split(".")]
    while parts and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def is_newer(version: str, running: str = __version__) -> bool:
    """`version` is later than the one running (0.2 is 0.2.0; "" is never newer)."""
    if not VERSION.match(version):
        return False
    base = re.match(r"^[\d.]*\d", running)
    return _numbers(version) > _numbers(base.group(0) if base else "0")
