"""The web pages' routes, added to the server's app under /web (no OpenAPI entry: they are pages,
not the laptops' API). Every page checks who may see it: the public page anyone; the oversight a
signed-in kepala or admin of a unit, for the units below theirs only; the administrator's pages
the server's administrator only. A POST without the form's CSRF token gets 403 (asgi-csrf, whose
cookie is Secure over HTTPS), sign-in included."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from asgi_csrf import Errors, asgi_csrf
from fastapi import FastAPI, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.types import ASGIApp, Receive, Scope, Send

from server_stub import admin, auth
from server_stub.models import Device, Meta, ServerUnit
from server_stub.store import ServerStore
from server_stub.web import accounts, export, users
from server_stub.web.oversight import SCOPES, STATUSES, Period, oversight
from server_stub.web.pages import HEADERS, render
from server_stub.web.public import public_page
from server_stub.web.records import subtree, unit_by_code
from server_stub.web.sessions import COOKIE, Kind, Who, close_session, open_session, signed_in

PREFIX = "/web"
SIGN_IN = f"{PREFIX}/masuk"
ADMIN_SIGN_IN = f"{PREFIX}/admin/masuk"
SECRET_KEY = "web_csrf_secret"
STATIC = Path(__file__).parent / "static"


def web_secret(store: ServerStore) -> str:
    """The CSRF cookies' signing secret, one for every server process (kept in the database)."""
    with store.transaction() as session:
        found = session.get(Meta, SECRET_KEY)
        if found is not None:
            return found.value
    try:
        with store.transaction() as session:
            session.add(Meta(key=SECRET_KEY, value=secrets.token_urlsafe(48)))
    except IntegrityError:  # another process made it first
        pass
    with store.transaction() as session:
        return session.get_one(Meta, SECRET_KEY).value


async def _csrf_failed(_scope: Scope, send: Send, _error: Errors) -> None:
    body = (
        b"<!doctype html><meta charset=utf-8><title>403</title><p>Formulir ini kedaluwarsa atau tidak "
        b"dikirim dari halaman ini: muat ulang halaman, lalu coba lagi. (The form expired or did not come "
        b"from this site: reload the page and try again.)</p>"
    )
    headers = [
        (b"content-type", b"text/html; charset=utf-8"),
        *((k.lower().encode(), v.encode()) for k, v in HEADERS.items()),
    ]
    await send({"type": "http.response.start", "status": 403, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class Csrf:
    """asgi-csrf around the whole app (the laptops' API sends no cookie and a bearer token: it
    passes untouched); its cookie Secure when the request came over HTTPS. Sign-in is protected
    even without a cookie (a forged sign-in would put the victim in the attacker's account)."""

    def __init__(self, app: ASGIApp, store: ServerStore) -> None:
        self.app = app
        self.store = store
        self.wrapped: dict[bool, Callable[[Scope, Receive, Send], Awaitable[None]]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope.get("path", "")).startswith(PREFIX):
            await self.app(scope, receive, send)
            return
        secure = scope.get("scheme") == "https"
        if not self.wrapped:
            secret = web_secret(self.store)
            for flag in (False, True):
                self.wrapped[flag] = asgi_csrf(
                    self.app,
                    signing_secret=secret,
                    always_protect={SIGN_IN, ADMIN_SIGN_IN},
                    cookie_secure=flag,
                    cookie_samesite="Strict",
                    send_csrf_failed=_csrf_failed,
                )
        await self.wrapped[secure](scope, receive, send)


def _who(store: ServerStore, request: Request) -> Who | None:
    with store.transaction() as session:
        return signed_in(session, request.cookies.get(COOKIE))


def _signed_in_response(request: Request, token: str, target: str) -> Response:
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https", path=PREFIX
    )
    return response


def _year(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() and 1990 <= int(text) <= 2200 else None


def add_web(app: FastAPI, store: ServerStore) -> None:
    def get(path: str) -> Callable[[Callable[..., Response]], Callable[..., Response]]:
        return app.get(PREFIX + path, include_in_schema=False, response_model=None)

    def post(path: str) -> Callable[[Callable[..., Response]], Callable[..., Response]]:
        return app.post(PREFIX + path, include_in_schema=False, response_model=None)

    def need_admin(request: Request) -> Who | Response:
        who = _who(store, request)
        if who is None or who.kind is not Kind.ADMIN:
            return RedirectResponse(ADMIN_SIGN_IN, status_code=303)
        return who

    def need_user(request: Request) -> Who | Response:
        who = _who(store, request)
        if who is None or who.kind is not Kind.USER or who.unit_id is None:
            return RedirectResponse(SIGN_IN, status_code=303)
        with store.transaction() as session:  # a revoked user's session ends at once
            if not users.still_allowed(session, who):
                return RedirectResponse(SIGN_IN, status_code=303)
        return who

    @get("")
    @get("/")
    def index(request: Request) -> Response:
        with store.transaction() as session:
            units = users.published_units(session)
        return render(request, "index.html", _who(store, request), units=units)

    @get("/publik/{code}")
    def public(request: Request, code: str) -> Response:
        with store.transaction() as session:
            unit = unit_by_code(session, code)
            if unit is None:
                return render(request, "not_found.html", status=404)
            page = public_page(session, unit)
        return render(request, "public.html", page=page)

    # -- sign-in -------------------------------------------------------------------------------

    @get("/masuk")
    def sign_in_page(request: Request) -> Response:
        return render(
            request, "sign_in.html", _who(store, request), kind="user", failed=False, unit_code="", name=""
        )

    @post("/masuk")
    def sign_in(
        request: Request,
        unit_code: Annotated[str, Form(max_length=40)] = "",
        name: Annotated[str, Form(max_length=200)] = "",
        password: Annotated[str, Form(max_length=200)] = "",
    ) -> Response:
        with store.transaction() as session:
            who = users.check_user(session, unit_code, name, password)
            if who is None:
                return render(
                    request,
                    "sign_in.html",
                    status=401,
                    kind="user",
                    failed=True,
                    unit_code=unit_code,
                    name=name,
                )
            token = open_session(session, who)
        return _signed_in_response(request, token, f"{PREFIX}/pengawasan")

    @get("/admin/masuk")
    def admin_sign_in_page(request: Request) -> Response:
        return render(
            request, "sign_in.html", _who(store, request), kind="admin", failed=False, unit_code="", name=""
        )

    @post("/admin/masuk")
    def admin_sign_in(
        request: Request,
        name: Annotated[str, Form(max_length=80)] = "",
        password: Annotated[str, Form(max_length=200)] = "",
    ) -> Response:
        with store.transaction() as session:
            account = accounts.check_admin(session, name, password)
            if account is None:
                return render(
                    request, "sign_in.html", status=401, kind="admin", failed=True, unit_code="", name=name
                )
            token = open_session(session, Who(Kind.ADMIN, account.id, None, account.name))
        return _signed_in_response(request, token, f"{PREFIX}/admin")

    @post("/keluar")
    def sign_out(request: Request) -> Response:
        with store.transaction() as session:
            close_session(session, request.cookies.get(COOKIE))
        response = RedirectResponse(f"{PREFIX}/", status_code=303)
        response.delete_cookie(COOKIE, path=PREFIX)
        return response

    # -- the administrator ---------------------------------------------------------------------

    def units_page(request: Request, who: Who, status: int = 200, **extra: Any) -> Response:
        with store.transaction() as session:
            units = admin_units(session)
        return render(request, "admin_units.html", who, status=status, units=units, **extra)

    @get("/admin")
    def admin_home(request: Request) -> Response:
        who = need_admin(request)
        if isinstance(who, Response):
            return who
        return units_page(request, who)

    @post("/admin/unit")
    def add_unit(
        request: Request,
        code: Annotated[str, Form(max_length=40)] = "",
        name: Annotated[str, Form(max_length=200)] = "",
        parent: Annotated[str, Form(max_length=40)] = "",
    ) -> Response:
        who = need_admin(request)
        if isinstance(who, Response):
            return who
        try:
            with store.transaction() as session:
                unit = admin.add_unit(session, code, name, parent or None)
                added = unit.code
        except admin.AdminError as exc:
            return units_page(request, who, status=400, unit_error=str(exc))
        return units_page(request, who, unit_added=added)

    @post("/admin/kode")
    def new_code(
        request: Request,
        unit_code: Annotated[str, Form(max_length=40)] = "",
        allow_http: Annotated[str, Form(max_length=10)] = "",
    ) -> Response:
        who = need_admin(request)
        if isinstance(who, Response):
            return who
        try:
            with store.transaction() as session:
                code = auth.new_enroll_code(session, unit_code, allow_http=allow_http == "on")
        except auth.AuthError:
            return units_page(request, who, status=400, code_error=unit_code)
        return units_page(request, who, new_code=code, code_unit=unit_code.strip().upper())

    @get("/admin/perangkat")
    def device_list(request: Request) -> Response:
        who = need_admin(request)
        if isinstance(who, Response):
            return who
        with store.transaction() as session:
            devices = admin.devices(session)
        return render(
            request, "admin_devices.html", who, devices=devices, revoked=request.query_params.get("dicabut")
        )

    @post("/admin/perangkat/{device_id}/cabut")
    def revoke(request: Request, device_id: str) -> Response:
        who = need_admin(request)
        if isinstance(who, Response):
            return who
        with store.transaction() as session:
            if session.get(Device, device_id) is None:
                return render(request, "not_found.html", who, status=404)
            admin.revoke(session, device_id)
        return RedirectResponse(f"{PREFIX}/admin/perangkat?dicabut={device_id}", status_code=303)

    # -- the parent office's oversight -------------------------------------------------------------

    def oversight_of(request: Request, who: Who, unit: str, first: str, last: str) -> Any:
        with store.transaction() as session:
            top = session.get_one(ServerUnit, who.unit_id)
            below = {u.id for u in subtree(session, top.id)}
            only = unit if unit in below else None  # another unit is not theirs to see
            period = Period(_year(first), _year(last))
            return oversight(session, top, datetime.now(UTC).date(), period, only), period, only

    @get("/pengawasan")
    def oversight_page(
        request: Request,
        unit: Annotated[str, Query(max_length=36)] = "",
        dari: Annotated[str, Query(max_length=4)] = "",
        sampai: Annotated[str, Query(max_length=4)] = "",
    ) -> Response:
        who = need_user(request)
        if isinstance(who, Response):
            return who
        view, period, only = oversight_of(request, who, unit, dari, sampai)
        return render(
            request,
            "oversight.html",
            who,
            view=view,
            period=period,
            only=only,
            scopes=SCOPES,
            statuses=STATUSES,
            query=request.url.query,
        )

    @get("/pengawasan.xlsx")
    def oversight_export(
        request: Request,
        unit: Annotated[str, Query(max_length=36)] = "",
        dari: Annotated[str, Query(max_length=4)] = "",
        sampai: Annotated[str, Query(max_length=4)] = "",
    ) -> Response:
        who = need_user(request)
        if isinstance(who, Response):
            return who
        view, period, _only = oversight_of(request, who, unit, dari, sampai)
        content = export.workbook(view, period)
        name = f"pengawasan-{view.top.code}.xlsx"
        return Response(
            content,
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers={**HEADERS, "Content-Disposition": f'attachment; filename="{name}"'},
        )

    app.mount(f"{PREFIX}/static", StaticFiles(directory=STATIC), name="web-static")
    app.add_middleware(Csrf, store=store)


def admin_units(session: Session) -> list[tuple[ServerUnit, int, int, datetime | None]]:
    """Every unit in tree order with its depth, its active devices and their latest sync."""
    units = list(session.scalars(select(ServerUnit)))
    devices = list(session.scalars(select(Device)))
    children: dict[str | None, list[ServerUnit]] = {}
    for u in units:
        children.setdefault(u.parent_id if any(p.id == u.parent_id for p in units) else None, []).append(u)
    ordered: list[tuple[ServerUnit, int, int, datetime | None]] = []

    def walk(parent: str | None, depth: int, seen: set[str]) -> None:
        for u in sorted(children.get(parent, []), key=lambda u: u.code):
            if u.id in seen:
                continue
            seen.add(u.id)
            mine = [d for d in devices if d.unit_id == u.id and d.revoked_at is None]
            seen_at = [d.last_seen_at for d in mine if d.last_seen_at is not None]
            ordered.append((u, depth, len(mine), max(seen_at) if seen_at else None))
            walk(u.id, depth + 1, seen)

    walk(None, 0, set())
    return ordered
