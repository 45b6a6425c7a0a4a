"""The server's web pages (issue 17), server-rendered (Jinja2), mounted at /web: the public page of
each unit, the parent office's oversight, and the administrator's pages. Sessions in the server's
database (`sessions`), CSRF by asgi-csrf (`app`), its own Indonesian catalog (`i18n`)."""
