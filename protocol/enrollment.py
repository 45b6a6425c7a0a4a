"""Enrollment codes as the server makes them and the laptop reads them.

A code is twelve letters and digits, printed in groups (`ABCD-EFGH-JKLM`); case, spaces and
dashes do not matter. A code the administrator made with `enroll-code --allow-http` starts with
`HTTP-`: with it a laptop may enroll with (and then sync with) a plain `http://` address on the
office network, which it otherwise refuses, and it remembers that it may. The prefix is part of
the code (the server stores the hash of the whole), so it cannot be added to another code.
"""

from __future__ import annotations

PLAIN_HTTP_PREFIX = "HTTP"


def normalized(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def allows_plain_http(code: str) -> bool:
    """A code made with --allow-http (the server checks that it is a real one)."""
    return normalized(code).startswith(PLAIN_HTTP_PREFIX)
