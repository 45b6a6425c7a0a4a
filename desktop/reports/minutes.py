"""Berita acara FKP (the minutes), laid out as government convention has it (DOMAIN.md).

Kop, title and number, the opening sentence with the date written out in words, who took part
(per element of the public and by gender), agenda, discussion, agreements, recommendations
grouped by scope, the closing sentence, place and date, signatures, and the attendance list as
an attachment with a signature column. A forum that is not closed prints as a draft.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from desktop.core.vocab import Category, ForumStatus, Gender, PekpppUnsur, Scope
from desktop.reports import indonesian, minutes_wording, wording
from desktop.reports.collecting import collector_paused
from desktop.reports.layout import (
    Styles,
    build_pdf,
    content_width,
    grid_table,
    letterhead,
    markup,
    numbered,
    paragraphs,
    signature_blocks,
    table_parts,
    text,
)
from desktop.reports.parts import (
    attendance_table,
    kop,
    label,
    number_line,
    place_and_date,
    signatories,
    time_span,
)
from desktop.reports.survey_parts import survey_section
from desktop.services.report_data import ForumReport, Person, RecLine
from domain.unsur import NOT_PUBLIC, PUBLIC_CATEGORIES, UNSUR_FOR_FULL_SCORE, UnsurCount, is_participant

CLOSING = wording.MINUTES_CLOSING


def _opening(report: ForumReport) -> Flowable:
    where = f", bertempat di {escape(report.venue)}" if report.venue else ""
    theme = f" dengan tema <b>{escape(report.theme)}</b>" if report.theme else ""
    when = time_span(report)
    count = report.unsur
    organisers = (
        f" dan {indonesian.count_with_words(count.organisers)} orang panitia penyelenggara" if count.organisers else ""
    )
    sentence = (
        f"Pada {indonesian.date_in_words(report.held_on)}{where}, telah dilaksanakan "
        f"<b>{escape(report.title)}</b>{theme} secara {label(report.mode).lower()}"
        f"{', ' + when if when else ''}, yang dihadiri oleh {indonesian.count_with_words(count.participants)} "
        f"orang peserta{organisers} sebagaimana tercantum dalam daftar hadir terlampir."
    )
    return markup(sentence)


def _gender_row(title: str, people: list[Person], number: str = "", bold: bool = False) -> list[object]:
    """A row of the participation table: who, men, women, all (L + P = Jumlah unless a gender
    was not recorded: the note under the table says how many)."""
    by_gender = Counter(p.gender for p in people)
    values = [title, str(by_gender[Gender.MALE]), str(by_gender[Gender.FEMALE]), str(len(people))]
    return [number, *(text(v, Styles.cell_bold) for v in values)] if bold else [number, *values]


def participation_section(report: ForumReport, width: float) -> list[Flowable]:
    """Who took part, counted by the one rule (domain.unsur): the participants per element of
    the public, those who are not one, and the organisers apart; the diversity of categories,
    and PEKPPP's figure on its five-unsur scale with the office's mapping onto it."""
    count = report.unsur
    present = list(report.attendees)
    participants = [p for p in present if is_participant(p)]
    organisers = [p for p in present if not is_participant(p)]
    rows: list[list[object]] = []
    public = [c for c in PUBLIC_CATEGORIES if count.by_category.get(c)]
    for number, category in enumerate(public, start=1):
        rows.append(_gender_row(label(category), [p for p in participants if p.category == category], str(number)))
    in_public = [p for p in participants if p.category not in NOT_PUBLIC]
    apart: list[list[object]] = []  # present, but not an element of the public
    for category in sorted(NOT_PUBLIC, key=list(Category).index):
        if count.by_category.get(category):
            others = [p for p in participants if p.category == category]
            apart.append(_gender_row(f"{label(category)} (bukan unsur masyarakat)", others))
    if organisers:
        apart.append(_gender_row("Panitia penyelenggara (bukan peserta)", organisers))
    if apart:
        rows += [_gender_row("Jumlah peserta unsur masyarakat", in_public, bold=True), *apart]
    rows.append(_gender_row("Jumlah yang hadir", present, bold=True))
    words = minutes_wording.of(report.layout)
    table = grid_table(
        ["No", "Peserta", "L", "P", "Jumlah"],
        rows,
        [10 * mm, width - 10 * mm - 3 * 18 * mm, 18 * mm, 18 * mm, 18 * mm],
        whole_rows=words.whole_rows,
    )
    if words.vulnerable_is_unsur and count.vulnerable:  # version 1: "kelompok rentan" an unsur
        count = _with_vulnerable_unsur(count)
    in_sentence = indonesian.in_sentence if words.keep_acronyms else str.lower
    categories = [in_sentence(label(c)) for c in Category if c in count.categories]
    notes = [
        words.categories.format(
            count=indonesian.count_with_words(len(count.categories)),
            names=f" ({', '.join(categories)})" if categories else "",
            score=min(len(count.categories), UNSUR_FOR_FULL_SCORE),
        )
    ]
    if count.vulnerable:
        notes.append(words.vulnerable.format(count=indonesian.count_with_words(count.vulnerable)))
    unspecified = sum(1 for p in present if p.gender is None)
    if unspecified:
        notes.append(f"Jenis kelamin {unspecified} orang tidak dicatat.")
    return [table, Spacer(1, 3), text(" ".join(notes)), *pekppp_scale(count, width, words)]


def _with_vulnerable_unsur(count: UnsurCount) -> UnsurCount:
    """Version 1's count: "kelompok rentan" among the public's categories present when a
    participant belonged to a vulnerable group, and on PEKPPP's scale through its mapping."""
    categories = count.categories | {Category.VULNERABLE_GROUP}
    pekppp = frozenset(u for c in categories if (u := count.mapping.get(c)) is not None)
    return replace(count, categories=categories, pekppp=pekppp)


def pekppp_figure(count: UnsurCount, words: minutes_wording.MinutesWording = minutes_wording.CURRENT) -> str:
    """The one PEKPPP figure (domain.unsur), in the one wording every document prints (a frozen
    berita acara: in its version's)."""
    in_sentence = indonesian.in_sentence if words.keep_acronyms else str.lower
    present = ", ".join(in_sentence(label(u)) for u in PekpppUnsur if u in count.pekppp)
    missing = ", ".join(in_sentence(label(u)) for u in count.missing)
    return words.pekppp.format(
        score=indonesian.count_with_words(count.score),
        full=indonesian.count_with_words(UNSUR_FOR_FULL_SCORE),
        present=f" ({present})" if present else "",
        missing=words.missing.format(names=missing) if missing and words.missing else "",
    )


def pekppp_scale(count: UnsurCount, width: float, words: minutes_wording.MinutesWording) -> list[Flowable]:
    """PEKPPP indicator 2's figure: the five unsur, how many took part, and the office's
    mapping of the participants' categories onto them (printed, so the figure can be checked
    against the table above)."""
    rows: list[list[object]] = []
    for unsur in PekpppUnsur:
        mapped = ", ".join(label(c) for c in count.mapped_from(unsur)) or "-"
        rows.append([label(unsur), mapped, "hadir" if unsur in count.pekppp else "tidak hadir"])
    unmapped = [c for c in PUBLIC_CATEGORIES if count.mapping.get(c) is None]
    if unmapped:
        rows.append(["Tidak dihitung", ", ".join(label(c) for c in unmapped), "-"])
    return [
        Spacer(1, 3),
        text(f"{pekppp_figure(count, words)} Pemetaan kategori peserta ke unsur PEKPPP menurut pengaturan kantor:"),
        grid_table(
            ["Unsur PEKPPP", "Kategori peserta", "Keterangan"],
            rows,
            [width * 0.32, width - width * 0.32 - 26 * mm, 26 * mm],
            whole_rows=words.whole_rows,
        ),
    ]


def _roles(report: ForumReport) -> Flowable | None:
    parts = [
        (name, value)
        for name, value in (
            ("Fasilitator", report.facilitator),
            ("Moderator", report.moderator),
            ("Notulis", report.note_taker),
        )
        if value
    ]
    if not parts:
        return None
    return markup("; ".join(f"{name}: {escape(value)}" for name, value in parts) + ".")


def agreement_items(value: str) -> list[str]:
    """The agreements as separate items, to be numbered: one per paragraph (or per line, when
    typed one per line), without the numbers or bullets typed before them."""
    blocks = [b.strip() for b in value.split("\n\n") if b.strip()]
    if len(blocks) == 1:
        lines = [line.strip() for line in blocks[0].splitlines() if line.strip()]
        if len(lines) > 1 and all(NUMBERED.match(line) for line in lines):
            blocks = lines
    return [NUMBERED.sub("", block, count=1).strip() or block for block in blocks]


NUMBERED = re.compile(r"^\s*(?:\d{1,3}[.)]|[a-z][.)]|[-•*–])\s+")


def _recommendation_cell(rec: RecLine) -> object:
    """The recommendation's text, and under it those merged into it (with who raised them)."""
    if not rec.merged:
        return rec.text
    lines = [text(rec.text, Styles.cell), text(wording.MERGED_UNDER, Styles.cell_note)]
    for merged in rec.merged:
        who = f" ({merged.raised_by})" if merged.raised_by else ""
        lines.append(text(f"– {merged.text}{who}", Styles.cell_note))
    return lines


def _rec_rows(recs: list[RecLine]) -> list[list[object]]:
    return [
        [str(i), _recommendation_cell(r), r.raised_by or "-", str(r.votes)]
        for i, r in enumerate(recs, start=1)
    ]


REC_HEADER = ("No", "Rekomendasi", "Diusulkan oleh", "Dukungan")


def _rec_widths(width: float) -> list[float]:
    return [9 * mm, width - 9 * mm - width * 0.22 - 20 * mm, width * 0.22, 20 * mm]


def _recommendations(report: ForumReport, width: float, number: str, then: list[Flowable]) -> list[Flowable]:
    """Recommendations grouped by scope, each with who raised it and its votes, duplicates
    merged into it shown under it. A heading stays with the first rows of its table; the last
    lines stay with `then` (the closing sentence and the signatures)."""
    unit_recs = [r for r in report.recommendations if r.scope == Scope.UNIT]
    policy_recs = [r for r in report.recommendations if r.scope == Scope.POLICY]
    heading = text(f"{number}. Rekomendasi", Styles.heading)
    doer = report.unit.name or "unit penyelenggara"
    unit_heading = text(f"A. Rekomendasi ranah unit (ditindaklanjuti oleh {doer})", Styles.subheading)
    target = report.unit.parent_name or "unit atasan"
    policy_heading = text(
        f"B. Rekomendasi kebijakan (diusulkan secara berjenjang kepada {target})", Styles.subheading
    )
    parts: list[Flowable] = []
    if unit_recs:
        parts += table_parts(
            REC_HEADER, _rec_rows(unit_recs), _rec_widths(width), before=[heading, unit_heading]
        )
    else:
        parts.append(KeepTogether([heading, unit_heading, text("Tidak ada.")]))
    if policy_recs:
        parts += table_parts(
            REC_HEADER, _rec_rows(policy_recs), _rec_widths(width), before=[policy_heading], then=then
        )
    else:
        parts.append(KeepTogether([policy_heading, text("Tidak ada."), *then]))
    return parts


SIGNED_SCAN = "Daftar hadir yang telah ditandatangani peserta dilampirkan dalam bentuk pindaian."


def _attendance_attachment(report: ForumReport, width: float) -> list[Flowable]:
    number = f" Nomor {report.document_number}" if report.document_number else ""
    return [
        text("Lampiran", Styles.left),
        text(f"Berita Acara{number} tanggal {indonesian.long_date(report.held_on)}", Styles.left),
        Spacer(1, 6),
        text("DAFTAR HADIR", Styles.title),
        text(report.title, Styles.subtitle),
        *([text(SIGNED_SCAN, Styles.center)] if report.attendance_scan else []),
        Spacer(1, 6),
        *attendance_table(report.attendees, width),
    ]


def _signed_at(report: ForumReport) -> str:
    """Place and date of the signatures; version 1 was signed at the venue while the office
    had no city."""
    if minutes_wording.of(report.layout).place_is_venue:
        place, day = report.unit.city or report.venue, indonesian.long_date(report.held_on)
        return f"{place}, {day}" if place else day
    return place_and_date(report)


@collector_paused
def build_minutes(report: ForumReport, paper: str = "a4") -> bytes:
    width = content_width(paper)
    story: list[Flowable] = [*letterhead(kop(report.unit))]
    story.append(text("BERITA ACARA", Styles.title))
    story.append(text(f"{report.title}".upper(), Styles.subtitle))
    story.append(text(number_line(report.document_number), Styles.center))
    story.append(Spacer(1, 10))
    story.append(_opening(report))
    roles = _roles(report)
    if roles:
        story.append(roles)

    story.append(text("I. Peserta", Styles.heading))
    story += participation_section(report, width)
    if report.agenda:
        story.append(text("II. Susunan acara", Styles.heading))
        for index, item in enumerate(report.agenda, start=1):
            presenter = f" — {item.presenter}" if item.presenter else ""
            story.append(text(f"{index}. {item.title}{presenter}", Styles.left))
    section = 3 if report.agenda else 2
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    if report.summary:
        story.append(text(f"{roman[section - 1]}. Pokok-pokok pembahasan", Styles.heading))
        story += paragraphs(report.summary)
        section += 1
    if report.agreements:
        story.append(text(f"{roman[section - 1]}. Kesepakatan", Styles.heading))
        story += numbered(agreement_items(report.agreements))
        section += 1
    if report.survey is not None:
        heading = text(f"{roman[section - 1]}. Hasil Survei Kepuasan Masyarakat", Styles.heading)
        story += survey_section(report.survey, width, heading)
        section += 1
    closing: list[Flowable] = [
        Spacer(1, 8),
        text(wording.MINUTES_CLOSING),
        Spacer(1, 6),
        signature_blocks(signatories(report), width, _signed_at(report)),
    ]
    story += _recommendations(report, width, roman[section - 1], closing)
    story.append(PageBreak())
    story += _attendance_attachment(report, width)
    draft = report.status != ForumStatus.CLOSED
    return build_pdf(
        story,
        paper=paper,
        title=f"Berita Acara {report.title}",
        draft=draft,
        footer=f"Berita Acara {report.title}",
    )
