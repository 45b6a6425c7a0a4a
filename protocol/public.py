"""Where the server publishes a unit's forums (issue 17): the laptop prints this address as the
follow-up report's QR code; the server serves the page there."""

from __future__ import annotations

from urllib.parse import quote

PUBLIC_PAGE = "/web/publik/{code}"


def public_page_url(base: str, unit_code: str) -> str:
    """The unit's public page under the server's public address `base` (https://host[/prefix])."""
    return base.rstrip("/") + PUBLIC_PAGE.format(code=quote(unit_code.strip().upper(), safe="-_."))
