"""Does a server answer TLS where the user typed http://? A plain HTTP request to a TLS port
fails in ways that look like a flaky network (uvicorn drops the connection, nginx answers 400
"plain HTTP request was sent to HTTPS port"), and "sync is retried by itself" would never help.
After such a failure at enrollment (where the address is new), or a 400 that is not the
server's JSON, the client opens one TLS handshake to the same host and port: when it completes,
the address must start with https://. Only the protocol is asked; nothing is sent over the
connection and its certificate is not what is judged here (the https:// request that follows
checks it as every request does)."""

from __future__ import annotations

import socket
import ssl
from urllib.parse import urlsplit

PROBE_TIMEOUT_S = 3.0  # a TLS server answers a handshake at once


def speaks_tls(url: str, timeout: float = PROBE_TIMEOUT_S) -> bool:
    """Whether the server of the http:// `url` completes a TLS handshake on its port."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "http" or not parts.hostname:
        return False
    try:
        port = parts.port or 80
    except ValueError:
        return False
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the question is the protocol, not whom to trust
    try:
        with (
            socket.create_connection((parts.hostname, port), timeout=timeout) as sock,
            context.wrap_socket(sock, server_hostname=parts.hostname),
        ):
            return True
    except OSError:  # ssl.SSLError included: no TLS there (or nothing at all)
        return False
