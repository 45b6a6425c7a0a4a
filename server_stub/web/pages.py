"""Rendering a page: the template in the reader's language (Indonesian unless they chose English,
kept in a cookie), with the CSRF token for its forms and who is signed in; the security headers
every page carries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from server_stub.web import i18n, labels
from server_stub.web.sessions import Who

TEMPLATES = Path(__file__).parent / "templates"
LANG_COOKIE = "mufakat_lang"
HEADERS = {
    # No script, no frame, nothing from elsewhere: the pages are plain HTML and one stylesheet.
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def _environment(lang: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(i18n.translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.filters["day"] = lambda value: i18n.day(value, lang)
    env.filters["moment"] = lambda value: i18n.moment(value, lang)
    env.filters["number"] = lambda value, places=0: i18n.number(value, lang, places)
    env.globals["labels"] = labels
    return env


ENVIRONMENTS = {lang: _environment(lang) for lang in i18n.LANGUAGES}


def language_of(request: Request) -> str:
    return i18n.language(request.query_params.get("lang") or request.cookies.get(LANG_COOKIE))


def render(
    request: Request, template: str, who: Who | None = None, status: int = 200, **context: Any
) -> HTMLResponse:
    lang = language_of(request)
    token = request.scope.get("csrftoken")
    html = (
        ENVIRONMENTS[lang]
        .get_template(template)
        .render(
            lang=lang,
            who=who,
            csrftoken=token() if callable(token) else "",
            path=request.url.path,
            **context,
        )
    )
    response = HTMLResponse(html, status_code=status, headers=HEADERS)
    if request.query_params.get("lang") in i18n.LANGUAGES:
        response.set_cookie(
            LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax", secure=request.url.scheme == "https"
        )
    return response
