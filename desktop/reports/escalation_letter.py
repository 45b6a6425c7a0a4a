"""Surat pengantar: the cover letter that sends a forum's policy recommendations to the parent
office, as tata naskah dinas writes a letter: nomor, sifat, lampiran (counting what is
attached), hal; the addressee once ("Yth. Kepala … di Manokwari"); a short body with dates in
figures that asks nothing of the superior by a deadline; the closing formula; the signature;
tembusan. The recommendations themselves are the lampiran, on pages of their own: one letter
however many there are."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from desktop.reports import indonesian, wording
from desktop.reports.collecting import collector_paused
from desktop.reports.layout import (
    DocTable,
    Styles,
    build_pdf,
    content_width,
    key_values,
    letterhead,
    markup,
    numbered,
    signature_blocks,
    table_parts,
    text,
)
from desktop.reports.parts import head_of, kop, label, signing_place
from desktop.services.report_data import ForumReport, RecLine, UnitInfo, require_escalations

SUBJECT = "Usulan rekomendasi kebijakan hasil Forum Konsultasi Publik"
ATTACHED = "1 (satu) berkas"  # the list of recommendations
NO_NUMBER = ".........................................."


def addressee(unit: UnitInfo, to_unit: str) -> tuple[str, str]:
    """Who the letter goes to, once: the head of the office above by the title it has (when that
    names the office), else "Kepala" and the office's full name; and "di" its city."""
    if to_unit != unit.parent_name:  # an escalation re-addressed elsewhere: by its name only
        return f"Kepala {to_unit}", "Tempat"
    office = unit.parent_full_name or unit.parent_name
    title = unit.parent_head_title
    names_office = any(
        n and n.casefold() in title.casefold() for n in (unit.parent_name, unit.parent_full_name)
    )
    return (title if title and names_office else f"Kepala {office}"), (unit.parent_city or "Tempat")


def _head(number: str, place: str, width: float) -> Flowable:
    heading = [("Nomor", number or NO_NUMBER), ("Sifat", "Biasa"), ("Lampiran", ATTACHED), ("Hal", SUBJECT)]
    return DocTable(
        [
            [
                key_values(heading, width * 0.62, 22 * mm),
                text(place, Styles.right),
            ]
        ],
        colWidths=[width * 0.63, width * 0.37],
        style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, 0), 0)],
    )


def _attachment(
    report: ForumReport, escalated: tuple[RecLine, ...], number: str, when: date, width: float
) -> list[Flowable]:
    rows = [
        [
            str(index),
            rec.text,
            label(rec.raised_by_category) or "-",
            str(rec.votes),
            indonesian.long_date(rec.escalations[0].sent_on),
        ]
        for index, rec in enumerate(escalated, start=1)
    ]
    story: list[Flowable] = [
        key_values(
            [
                ("Lampiran", f"Surat {report.unit.head_title or 'Kepala ' + report.unit.name}"),
                ("Nomor", number or NO_NUMBER),
                ("Tanggal", indonesian.long_date(when)),
            ],
            width * 0.7,
            22 * mm,
        ),
        Spacer(1, 8),
        text("DAFTAR USULAN REKOMENDASI KEBIJAKAN", Styles.title),
        text(f"HASIL {report.title.upper()}", Styles.subtitle),
        text(f"tanggal {indonesian.long_date(report.held_on)}", Styles.center),
        Spacer(1, 8),
    ]
    story += table_parts(
        ["No", "Rekomendasi", "Disampaikan oleh unsur", "Dukungan", "Diusulkan"],
        rows,
        [9 * mm, width * 0.46, width * 0.18, 18 * mm, width - 27 * mm - width * 0.64],
        then=[Spacer(1, 12), signature_blocks([head_of(report.unit)], width)],
    )
    return story


@collector_paused
def build_escalation_letter(
    report: ForumReport, paper: str = "a4", letter_date: date | None = None, number: str = ""
) -> bytes:
    escalated = require_escalations(report)
    width = content_width(paper)
    when = letter_date or max(r.escalations[0].sent_on for r in escalated)
    to_whom, city = addressee(report.unit, escalated[0].escalations[0].to_unit)
    place = signing_place(report.unit, indonesian.long_date(when))
    venue = f" di {escape(report.venue)}" if report.venue else ""
    story: list[Flowable] = [*letterhead(kop(report.unit))]
    story.append(_head(number, place, width))
    story.append(Spacer(1, 12))
    story.append(markup(f"Yth. {escape(to_whom)}<br/>di {escape(city)}", Styles.left))
    story.append(Spacer(1, 12))
    story.append(
        markup(
            f"Sehubungan dengan pelaksanaan <b>{escape(report.title)}</b> pada tanggal "
            f"{indonesian.long_date(report.held_on)}{venue}, dengan ini kami sampaikan "
            f"{indonesian.count_with_words(len(escalated))} rekomendasi peserta forum yang bersifat "
            f"kebijakan dan berada di luar kewenangan {escape(report.unit.name)}, sebagaimana tercantum "
            "dalam lampiran surat ini, untuk dapat dipertimbangkan lebih lanjut."
        )
    )
    story.append(text(wording.LETTER_CLOSING))
    story.append(Spacer(1, 10))
    story.append(signature_blocks([head_of(report.unit)], width))
    copies = [c for c in (report.unit.above_parent_head_title,) if c]
    if copies:
        story.append(Spacer(1, 10))
        story.append(text(wording.CARBON_COPY, Styles.left))
        story += numbered(copies, Styles.left) if len(copies) > 1 else [text(copies[0], Styles.left)]
    story.append(PageBreak())
    story += _attachment(report, escalated, number, when, width)
    return build_pdf(
        story,
        paper=paper,
        title=f"Surat Pengantar Usulan Kebijakan {report.title}",
        footer=f"Usulan kebijakan — {report.title}",
    )
