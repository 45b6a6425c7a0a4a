"""The server's address, as the laptop checks it before it sends anything.

An address starts with https:// (encrypted: the server's certificate is checked) or http://.
Plain http:// is refused to anything but this computer itself (loopback), unless the
administrator allowed it: the laptop was enrolled with a code made by `mufakat-server
enroll-code --allow-http` (protocol.enrollment), and remembers it. Whatever this laptop sends
over plain http (the token, the attendance lists) can be read by anyone on the network between.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from desktop.core.errors import InputError
from desktop.core.i18n import tr


class NotEncrypted(InputError):
    """A plain http:// address the administrator did not allow: a person must act."""


def server_address(url: str) -> str:
    """The server's address as stored (no trailing slash), or a clear message."""
    cleaned = url.strip().rstrip("/")
    parts = urlsplit(cleaned)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise InputError(tr("The server address {url} must start with http:// or https://.", url=url.strip()))
    return cleaned


def is_loopback(url: str) -> bool:
    """An address of this computer itself (localhost, 127.x.x.x, ::1)."""
    host = (urlsplit(url.strip()).hostname or "").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def unencrypted(url: str) -> bool:
    """Plain http:// to another computer: what goes there can be read on the way."""
    return urlsplit(url.strip()).scheme.lower() == "http" and not is_loopback(url)


def check_enrollment(url: str, code_allows_http: bool) -> None:
    """Refuse to enroll over plain http:// unless the administrator's code allows it."""
    if unencrypted(url) and not code_allows_http:
        raise NotEncrypted(
            tr(
                "The address {url} is not encrypted (http://): what this laptop sends could be read "
                "on the network. Use the server's https:// address; if the office's server has no "
                "certificate, ask the administrator for an enrollment code made with --allow-http.",
                url=url,
            )
        )


def check_sync(url: str, plain_http_allowed: bool) -> None:
    """Refuse to sync over plain http:// unless this laptop was enrolled with the allowance."""
    if unencrypted(url) and not plain_http_allowed:
        raise NotEncrypted(
            tr(
                "This laptop syncs with {url}, which is not encrypted (http://), and the administrator "
                "has not allowed it. Ask for the server's https:// address and enroll again with it.",
                url=url,
            )
        )
