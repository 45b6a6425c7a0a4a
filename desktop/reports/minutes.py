"""Berita acara FKP (the minutes), laid out as government convention has it (DOMAIN.md).

Kop, title and number, the opening sentence with the date written out in words, who took part
(per element of the public and by gender), agenda, discussion, agreements, recommendations
grouped by scope, the closing sentence, place and date, signatures, and the attendance list as
an attachment with a signature column. A forum that is not closed prints as a draft.
"""

from __future__ import annotations

from collections import Counter
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from desktop.reports import indonesian
from desktop.reports.layout import (
    Styles,
    build_pdf,
    content_width,
    grid_table,
    letterhead,
    markup,
    paragraphs,
    signature_blocks,
    text,
)
from desktop.reports.parts import gender_letter, kop, label, place_and_date, signatories, time_span
from desktop.reports.survey_parts import survey_section
from desktop.services.report_data import ForumReport, Person, RecLine
from desktop.vocab import Category, ForumStatus, Gender, PekpppUnsur, RecStatus, Scope
from domain.unsur import NOT_PUBLIC, PUBLIC_CATEGORIES, is_participant

CLOSING = "Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya."


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


def _participation(report: ForumReport, width: float) -> list[Flowable]:
    """Who took part, counted by the one rule (domain.unsur): the participants per element of
    the public, those who are not one, and the organisers apart; the number of elements and
    PEKPPP's five-unsur scale with the office's mapping onto it."""
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
    table = grid_table(
        ["No", "Peserta", "L", "P", "Jumlah"],
        rows,
        [10 * mm, width - 10 * mm - 3 * 18 * mm, 18 * mm, 18 * mm, 18 * mm],
    )
    elements = ", ".join(label(c).lower() for c in Category if c in count.elements)
    notes = [
        f"Unsur masyarakat yang hadir: {indonesian.count_with_words(len(count.elements))} unsur"
        + (f" ({elements})" if elements else "")
        + f"; nilai jumlah unsur pada evaluasi PEKPPP: {count.score} (0 = tidak ada, 1–4 = sejumlah "
        "unsur yang hadir, 5 = lebih dari empat unsur)."
    ]
    if count.vulnerable:
        notes.append(f"Termasuk {indonesian.count_with_words(count.vulnerable)} orang dari kelompok rentan.")
    unspecified = sum(1 for p in present if p.gender is None)
    if unspecified:
        notes.append(f"Jenis kelamin {unspecified} orang tidak dicatat.")
    return [table, Spacer(1, 3), text(" ".join(notes)), *_pekppp_scale(report, width)]


def _pekppp_scale(report: ForumReport, width: float) -> list[Flowable]:
    """PEKPPP indicator 2's five unsur: how many took part, and the office's mapping of the
    participants' categories onto them (printed, so the count can be checked)."""
    count = report.unsur
    present = ", ".join(label(u).lower() for u in PekpppUnsur if u in count.pekppp)
    rows: list[list[object]] = []
    for unsur in PekpppUnsur:
        mapped = ", ".join(label(c) for c in count.mapped_from(unsur)) or "-"
        rows.append([label(unsur), mapped, "hadir" if unsur in count.pekppp else "tidak hadir"])
    unmapped = [c for c in PUBLIC_CATEGORIES if count.mapping.get(c) is None]
    if unmapped:
        rows.append(["Tidak dihitung", ", ".join(label(c) for c in unmapped), "-"])
    return [
        Spacer(1, 3),
        text(
            f"Pada skala lima unsur PEKPPP (indikator 2): {indonesian.count_with_words(len(count.pekppp))} "
            "dari 5 (lima) unsur hadir" + (f" ({present})." if present else ".")
            + " Pemetaan kategori peserta ke unsur PEKPPP menurut pengaturan kantor:"
        ),
        grid_table(
            ["Unsur PEKPPP", "Kategori peserta", "Keterangan"],
            rows,
            [width * 0.32, width - width * 0.32 - 26 * mm, 26 * mm],
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


def _follow_up_text(rec: RecLine) -> str:
    if not rec.follow_ups:
        return "-"
    lines = []
    for fu in rec.follow_ups:
        due = f", target {indonesian.long_date(fu.due_on)}" if fu.due_on else ""
        lines.append(f"{fu.action} (PJ: {fu.owner}{due})")
    return "\n".join(lines)


def _status_text(rec: RecLine) -> str:
    status = label(rec.status)
    if rec.status == RecStatus.REJECTED and rec.status_reason:
        return f"{status}: {rec.status_reason}"
    if rec.status == RecStatus.ANSWERED and rec.outcome:
        return f"{status} ({label(rec.outcome).lower()})"
    return status


def _recommendations(report: ForumReport, width: float) -> list[Flowable]:
    unit_recs = [r for r in report.recommendations if r.scope == Scope.UNIT]
    policy_recs = [r for r in report.recommendations if r.scope == Scope.POLICY]
    parts: list[Flowable] = []
    parts.append(
        text(f"A. Rekomendasi ranah unit (ditindaklanjuti oleh {report.unit.name})", Styles.subheading)
    )
    if unit_recs:
        parts.append(
            grid_table(
                ["No", "Rekomendasi", "Diusulkan oleh", "Tindak lanjut (penanggung jawab, target)", "Status"],
                [
                    [str(i), r.text, r.raised_by or "-", _follow_up_text(r), _status_text(r)]
                    for i, r in enumerate(unit_recs, start=1)
                ],
                [9 * mm, width * 0.36, width * 0.16, width * 0.26, width - 9 * mm - width * 0.78],
            )
        )
    else:
        parts.append(text("Tidak ada."))
    target = report.unit.parent_name or "unit atasan"
    parts.append(
        text(f"B. Rekomendasi kebijakan (diusulkan secara berjenjang kepada {target})", Styles.subheading)
    )
    if policy_recs:
        parts.append(
            grid_table(
                ["No", "Rekomendasi", "Diusulkan oleh", "Diusulkan kepada", "Status"],
                [
                    [
                        str(i),
                        r.text,
                        r.raised_by or "-",
                        r.escalations[-1].to_unit if r.escalations else target,
                        _status_text(r),
                    ]
                    for i, r in enumerate(policy_recs, start=1)
                ],
                [9 * mm, width * 0.42, width * 0.16, width * 0.2, width - 9 * mm - width * 0.78],
            )
        )
    else:
        parts.append(text("Tidak ada."))
    return parts


def _attendance_attachment(report: ForumReport, width: float) -> list[Flowable]:
    number = f" Nomor {report.document_number}" if report.document_number else ""
    parts: list[Flowable] = [
        text("Lampiran", Styles.left),
        text(f"Berita Acara{number} tanggal {indonesian.long_date(report.held_on)}", Styles.left),
        Spacer(1, 6),
        text("DAFTAR HADIR", Styles.title),
        text(report.title, Styles.subtitle),
        Spacer(1, 6),
    ]
    rows: list[list[object]] = []
    for index, person in enumerate(report.attendees, start=1):
        # Numbers alternate left and middle in the signature column, as on paper forms.
        sign = text(f"{index}.", Styles.cell if index % 2 else Styles.cell_center)
        rows.append(
            [
                str(index),
                person.name,
                person.organization or "-",
                label(person.category) if is_participant(person) else "Panitia penyelenggara",
                gender_letter(person.gender),
                sign,
            ]
        )
    parts.append(
        grid_table(
            ["No", "Nama", "Instansi", "Unsur", "L/P", "Tanda tangan"],
            rows,
            [9 * mm, width * 0.27, width * 0.24, width * 0.17, 10 * mm, width - 19 * mm - width * 0.68],
            extra=[("TOPPADDING", (0, 1), (-1, -1), 7), ("BOTTOMPADDING", (0, 1), (-1, -1), 7)],
        )
    )
    return parts


def build_minutes(report: ForumReport, paper: str = "a4") -> bytes:
    width = content_width(paper)
    story: list[Flowable] = [*letterhead(kop(report.unit))]
    story.append(text("BERITA ACARA", Styles.title))
    story.append(text(f"{report.title}".upper(), Styles.subtitle))
    if report.document_number:
        story.append(text(f"Nomor: {report.document_number}", Styles.center))
    story.append(Spacer(1, 10))
    story.append(_opening(report))
    roles = _roles(report)
    if roles:
        story.append(roles)

    story.append(text("I. Peserta", Styles.heading))
    story += _participation(report, width)
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
        story += paragraphs(report.agreements)
        section += 1
    if report.survey is not None:
        heading = text(f"{roman[section - 1]}. Hasil Survei Kepuasan Masyarakat", Styles.heading)
        story += survey_section(report.survey, width, heading)
        section += 1
    story.append(text(f"{roman[section - 1]}. Rekomendasi", Styles.heading))
    recommendations = _recommendations(report, width)
    # The signatures never stand alone on a page: the closing sentence and the last part of the
    # body (the policy recommendations, heading and table) travel with them.
    story += recommendations[:-2]
    signatures = signature_blocks(signatories(report), width, place_and_date(report))
    story.append(KeepTogether([*recommendations[-2:], Spacer(1, 8), text(CLOSING), Spacer(1, 6), signatures]))
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
