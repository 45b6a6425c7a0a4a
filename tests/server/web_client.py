"""A browser's requests to the web pages, without a browser: cookies kept, each form's CSRF token
read from the page it is on (as a browser sends it), the administrator signed in with the
account the admin command made."""

from __future__ import annotations

import re

import httpx

from server_stub.store import ServerStore
from server_stub.web import accounts

ADMIN, ADMIN_PASSWORD = "admin", "kata-sandi-panjang-sekali"
TOKEN = re.compile(r'name="csrftoken" value="([^"]+)"')


def add_web_admin(store: ServerStore, name: str = ADMIN, password: str = ADMIN_PASSWORD) -> None:
    with store.transaction() as session:
        accounts.add_admin(session, name, password)


def token_of(page: httpx.Response) -> str:
    found = TOKEN.search(page.text)
    assert found, page.text[:500]
    return found.group(1)


class Browser:
    def __init__(self, url: str, **options: object) -> None:
        self.http = httpx.Client(base_url=url, timeout=30, **options)  # type: ignore[arg-type]

    def submit(self, page_path: str, action: str, **form: str) -> httpx.Response:
        """Open `page_path`, then post its form to `action` with the page's token."""
        token = token_of(self.http.get(page_path))
        return self.http.post(action, data={"csrftoken": token, **form})

    def sign_in_admin(self, name: str = ADMIN, password: str = ADMIN_PASSWORD) -> httpx.Response:
        return self.submit("/web/admin/masuk", "/web/admin/masuk", name=name, password=password)

    def close(self) -> None:
        self.http.close()
