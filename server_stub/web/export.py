"""The oversight as a workbook (XlsxWriter: the server holds no openpyxl), one sheet per table, the
same counts as the page and nothing more: no names, phones or e-mails."""

from __future__ import annotations

from io import BytesIO

import xlsxwriter

from protocol.vocab import PekpppUnsur
from server_stub.web.i18n import translations
from server_stub.web.labels import SCOPE_LABELS, STATUS_LABELS, UNSUR_LABELS
from server_stub.web.oversight import SCOPES, STATUSES, Oversight, Period


def workbook(view: Oversight, period: Period) -> bytes:
    _ = translations("id").gettext
    out = BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    bold = book.add_format({"bold": True})
    years = f"{period.first or '…'}–{period.last or '…'}"

    def sheet(title: str, header: list[str], rows: list[list[object]]) -> None:
        ws = book.add_worksheet(title[:31])
        ws.write_row(0, 0, [f"{view.top.name} — {years}"], bold)
        ws.write_row(2, 0, header, bold)
        for n, row in enumerate(rows, start=3):
            ws.write_row(n, 0, row)
        ws.set_column(0, 1, 28)

    unit = [_("Unit code"), _("Unit")]
    sheet(
        _("Forums"),
        [*unit, _("Held"), _("Planned"), *(_(UNSUR_LABELS[u]) for u in PekpppUnsur)],
        [
            [r.code, r.name, r.held, r.planned, *(r.unsur.get(u.value, 0) for u in PekpppUnsur)]
            for r in view.rows
        ],
    )
    sheet(
        _("Recommendations"),
        [*unit, _("Total"), *(_(SCOPE_LABELS[s]) for s in SCOPES), *(_(STATUS_LABELS[s]) for s in STATUSES)],
        [
            [
                r.code,
                r.name,
                r.recommendations_total,
                *(r.by_scope(s) for s in SCOPES),
                *(r.by_status(s) for s in STATUSES),
            ]
            for r in view.rows
        ],
    )
    sheet(
        _("Follow-up"),
        [
            *unit,
            _("Actions"),
            _("Done"),
            _("Mean progress (per cent)"),
            _("Overdue"),
            _("Escalations waiting"),
            _("Longest wait (days)"),
        ],
        [
            [
                r.code,
                r.name,
                r.follow_ups,
                r.follow_ups_done,
                r.progress if r.progress is not None else "",
                r.overdue,
                r.waiting,
                r.oldest_waiting_days if r.oldest_waiting_days is not None else "",
            ]
            for r in view.rows
        ],
    )
    sheet(
        _("SKM"),
        [*unit, _("Survey"), _("Ends on"), _("Respondents"), _("IKM"), _("Grade")],
        [
            [
                r.code,
                r.name,
                s.title,
                s.ends_on,
                s.respondents,
                float(s.index) if s.index is not None else "",
                s.grade,
            ]
            for r in view.rows
            for s in r.surveys
        ],
    )
    book.close()
    return out.getvalue()
