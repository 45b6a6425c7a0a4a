"""Surat pengantar: the cover letter that sends a forum's policy recommendations to the parent
office, in the form of an official letter (nomor, sifat, lampiran, hal, addressee)."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.reports import indonesian
from desktop.reports.layout import (
    DocTable,
    Styles,
    build_pdf,
    content_width,
    grid_table,
    key_values,
    letterhead,
    markup,
    signature_blocks,
    text,
)
from desktop.reports.parts import head_of, kop, label
from desktop.services.report_data import ForumReport, require_escalations


def build_escalation_letter(
    report: ForumReport, paper: str = "a4", letter_date: date | None = None, number: str = ""
) -> bytes:
    escalated = require_escalations(report)
    width = content_width(paper)
    when = letter_date or max(r.escalations[0].sent_on for r in escalated)
    to_unit = escalated[0].escalations[0].to_unit
    addressee = report.unit.parent_head_title or f"Kepala {to_unit}"
    story: list[Flowable] = [*letterhead(kop(report.unit))]
    place = f"{report.unit.city}, " if report.unit.city else ""
    heading = [
        ("Nomor", number or ".........................................."),
        ("Sifat", "Biasa"),
        ("Lampiran", "-"),
        ("Hal", "Usulan rekomendasi kebijakan hasil Forum Konsultasi Publik"),
    ]
    head_table = key_values(heading, width * 0.62, 22 * mm)
    story.append(
        DocTable(
            [[head_table, text(f"{place}{indonesian.long_date(when)}", Styles.right)]],
            colWidths=[width * 0.63, width * 0.37],
            style=[("VALIGN", (0, 0), (-1, -1), "TOP")],
        )
    )
    story.append(Spacer(1, 10))
    story.append(markup(f"Yth. {escape(addressee)}<br/>{escape(to_unit)}", Styles.left))
    story.append(Spacer(1, 10))
    story.append(
        markup(
            f"Sehubungan dengan pelaksanaan <b>{escape(report.title)}</b> pada "
            f"{indonesian.date_in_words(report.held_on)}, dengan ini kami sampaikan "
            f"{indonesian.count_with_words(len(escalated))} rekomendasi yang bersifat kebijakan dan berada "
            "di luar kewenangan unit kami, untuk dapat dipertimbangkan lebih lanjut, sebagai berikut:"
        )
    )
    rows = [
        [
            str(index),
            rec.text,
            label(rec.raised_by_category) or "-",
            indonesian.long_date(rec.escalations[0].sent_on),
            indonesian.long_date(rec.escalations[0].due_on),
        ]
        for index, rec in enumerate(escalated, start=1)
    ]
    story.append(
        grid_table(
            ["No", "Rekomendasi", "Disampaikan oleh unsur", "Dikirim", "Batas tanggapan"],
            rows,
            [9 * mm, width * 0.45, width * 0.18, width * 0.14, width - 9 * mm - width * 0.77],
        )
    )
    story.append(Spacer(1, 8))
    story.append(
        text(
            "Kami mohon tanggapan atas usulan tersebut agar dapat kami sampaikan kembali kepada "
            "peserta forum dan masyarakat pengguna layanan. Demikian kami sampaikan, atas perhatian "
            "dan kerja samanya diucapkan terima kasih."
        )
    )
    story.append(Spacer(1, 10))
    story.append(signature_blocks([head_of(report.unit)], width))
    return build_pdf(
        story,
        paper=paper,
        title=f"Surat Pengantar Usulan Kebijakan {report.title}",
        footer=f"Usulan kebijakan — {report.title}",
    )
