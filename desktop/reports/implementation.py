"""Laporan Pelaksanaan Forum Konsultasi Publik: what the office reports after the forum
(PermenPANRB 16/2017, pasca pelaksanaan; PEKPPP: the FKP was held, with the public's elements).

I Pendahuluan (dasar, maksud dan tujuan), II Pelaksanaan, III Peserta per unsur, IV Hasil,
V Rekomendasi, VI Rencana tindak lanjut, VII Penutup, the signature of the head, and the list of
what is attached. The dasar, maksud dan tujuan and penutup are the office's templates (a forum
may have its own). The public reads this report: who raised a recommendation is given by their
element of the public, never by name (UU 27/2022).
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.core.vocab import RecStatus, Scope
from desktop.reports import indonesian
from desktop.reports.collecting import collector_paused
from desktop.reports.evidence import (
    HEADING,
    NOTE_LEFT,
    SUBHEADING,
    evidence_note,
    heading_over_table,
    numbered,
    sign_off,
)
from desktop.reports.layout import (
    Styles,
    build_pdf,
    content_width,
    key_values,
    letterhead,
    markup,
    paragraphs,
    signature_blocks,
    table_parts,
    text,
)
from desktop.reports.minutes import agreement_items, participation_section
from desktop.reports.parts import head_of, kop, label, parent_answer, signing_place, time_span
from desktop.reports.photo_annex import AnnexPhoto, photo_annex
from desktop.reports.survey_parts import method_name
from desktop.reports.survey_parts import number as decimal_comma
from desktop.services.document_data import ImplementationReport
from desktop.services.report_data import RecLine

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _opening(doc: ImplementationReport, width: float) -> list[Flowable]:
    t = doc.templates
    return [
        text("A. Dasar", SUBHEADING),
        numbered(t.basis_lines, width),
        text("B. Maksud dan Tujuan", SUBHEADING),
        *paragraphs(t.report_purpose),
    ]


def _held(doc: ImplementationReport, width: float) -> list[Flowable]:
    forum = doc.forum
    when = time_span(forum)
    pairs = [
        ("Hari, tanggal", f"{indonesian.day_name(forum.held_on)}, {indonesian.long_date(forum.held_on)}"),
        ("Waktu", when[0].upper() + when[1:] if when else ""),
        ("Tempat", forum.venue),
        ("Cara pelaksanaan", label(forum.mode)),
        ("Tema", forum.theme),
        ("Fasilitator", forum.facilitator),
        ("Moderator", forum.moderator),
        ("Notulis", forum.note_taker),
        ("Berita acara", f"Nomor {forum.document_number}" if forum.document_number else ""),
    ]
    story: list[Flowable] = [
        markup(
            f"Kegiatan <b>{escape(forum.title)}</b> diselenggarakan oleh {escape(forum.unit.name)} "
            "dengan keterangan sebagai berikut:",
            Styles.lead_in,
        ),
        key_values(pairs, width, label_width=38 * mm),
    ]
    if forum.agenda:
        story.append(Spacer(1, 4))
        story.append(text("Susunan acara:", Styles.lead_in))
        story.append(
            numbered([f"{i.title}{' — ' + i.presenter if i.presenter else ''}" for i in forum.agenda], width)
        )
    return story


def _participants(doc: ImplementationReport, width: float) -> list[Flowable]:
    """Who took part, as the berita acara counts and shows them (domain.unsur: organisers and
    those who are no element of the public apart; PEKPPP's five-unsur scale with the office's
    mapping)."""
    count = doc.forum.unsur
    return [
        text(
            f"Forum dihadiri oleh {indonesian.count_with_words(count.participants)} orang peserta, dengan "
            "rincian sebagai berikut:",
            Styles.lead_in,
        ),
        *participation_section(doc.forum, width),
    ]


def _results(doc: ImplementationReport, width: float) -> list[Flowable]:
    forum = doc.forum
    story: list[Flowable] = []
    letter = iter("ABCDE")
    if forum.summary:
        story.append(text(f"{next(letter)}. Pokok-pokok pembahasan", SUBHEADING))
        story += paragraphs(forum.summary)
    if forum.agreements:
        story.append(text(f"{next(letter)}. Kesepakatan", SUBHEADING))
        story.append(numbered(agreement_items(forum.agreements), width))  # as in the berita acara
    survey = forum.survey
    if survey is not None and survey.score is not None:
        story.append(text(f"{next(letter)}. Hasil Survei Kepuasan Masyarakat yang dibahas", SUBHEADING))
        score = survey.score
        story.append(
            text(
                f"{survey.period.title}: {survey.respondents} responden, nilai IKM {decimal_comma(score.index)} "
                f"({method_name(score.method)}; mutu pelayanan {score.grade.letter}, {score.grade.label}); "
                "unsur dengan nilai terendah: "
                + ", ".join(f"U{e.number} {e.name}" for e in score.priority)
                + "."
            )
        )
    if not story:
        story.append(text("Pokok pembahasan dan kesepakatan tercantum dalam berita acara terlampir."))
    return story


def _status(rec: RecLine) -> str:
    status = label(rec.status)
    if rec.status == RecStatus.REJECTED and rec.status_reason:
        return f"{status}: {rec.status_reason}"
    if rec.status == RecStatus.ANSWERED and rec.outcome:
        return f"{status} ({label(rec.outcome).lower()})"
    return status


def _recommendations(doc: ImplementationReport, width: float) -> list[Flowable]:
    forum = doc.forum
    target = forum.unit.parent_name or "unit atasan"
    story: list[Flowable] = []
    for letter, scope, heading in (
        ("A", Scope.UNIT, f"Rekomendasi ranah unit (ditindaklanjuti oleh {forum.unit.name})"),
        ("B", Scope.POLICY, f"Rekomendasi kebijakan (diusulkan secara berjenjang kepada {target})"),
    ):
        recs = [r for r in forum.recommendations if r.scope == scope]
        if not recs:
            story += heading_over_table(f"{letter}. {heading}", Styles.subheading)
            story.append(text("Tidak ada."))
            continue
        # Rows go on under the header at the top of the next page, never cut under a second
        # header in the middle of one (reportlab's own split of a long table).
        story += table_parts(
            ["No", "Rekomendasi", "Unsur pengusul", "Status"],
            [[str(r.number), r.text, label(r.raised_by_category) or "-", _status(r)] for r in recs],
            [9 * mm, width * 0.52, width * 0.2, width - 9 * mm - width * 0.72],
            before=[text(f"{letter}. {heading}", Styles.subheading)],
        )
    story.append(text("Nomor rekomendasi sama dengan nomor pada berita acara.", NOTE_LEFT))
    return story


def _plan_of(rec: RecLine) -> tuple[str, str, str]:
    """What will be done, by whom, by when."""
    if rec.follow_ups:
        actions = "\n".join(f"• {fu.action}" for fu in rec.follow_ups)
        owners = "\n".join(dict.fromkeys(fu.owner for fu in rec.follow_ups))
        dues = [fu.due_on for fu in rec.follow_ups if fu.due_on]
        return actions, owners, indonesian.long_date(max(dues)) if dues else "-"
    if rec.escalations:  # the office above decides when: no deadline is set for it
        last = rec.escalations[-1]
        sent = f"Diusulkan kepada {last.to_unit} pada {indonesian.long_date(last.sent_on)}"
        return "\n".join([sent, *parent_answer(rec)]), last.to_unit, "-"
    if rec.status == RecStatus.REJECTED:
        return "Tidak ditindaklanjuti (ditolak)", "-", "-"
    return "Belum ditetapkan", "-", "-"


def _plan(doc: ImplementationReport, width: float) -> list[Flowable]:
    recs = doc.forum.recommendations
    if not recs:
        return [text("Forum ini tidak menghasilkan rekomendasi.")]
    rows: list[list[object]] = []
    for rec in recs:
        action, owner, due = _plan_of(rec)
        timing = doc.timing[rec.number]
        progress = f"{timing.progress}%" if timing.progress is not None else "-"
        rows.append([str(rec.number), action, owner, due, progress])
    return table_parts(
        ["No", "Tindak lanjut", "Penanggung jawab", "Target", "Progres"],
        rows,
        [9 * mm, width * 0.41, width * 0.22, width * 0.2, width - 9 * mm - width * 0.83],
        before=[text(f"Rencana tindak lanjut atas rekomendasi, posisi per {indonesian.long_date(doc.as_of)}:")],
    )


def _attachments(doc: ImplementationReport, photos: int) -> list[str]:
    forum = doc.forum
    number = f" Nomor {forum.document_number}" if forum.document_number else ""
    items = [
        f"Berita Acara Forum Konsultasi Publik{number} beserta daftar hadir "
        f"({indonesian.count_with_words(len(forum.attendees))} orang)"
        + (" dan pindaian daftar hadir yang telah ditandatangani;" if forum.attendance_scan else ";"),
        "Notulen Forum Konsultasi Publik;",
    ]
    if forum.survey is not None:
        items.append(f"Laporan Hasil Survei Kepuasan Masyarakat {forum.survey.period.title};")
    items.append("Laporan tindak lanjut hasil Forum Konsultasi Publik" + (";" if photos else "."))
    if photos:
        items.append(f"Dokumentasi kegiatan ({indonesian.count_with_words(photos)} foto).")
    return items


def _names_the_forum(title: str) -> bool:
    """The title says it is a Forum Konsultasi Publik already ("… FKP …")."""
    folded = title.casefold()
    return "konsultasi publik" in folded or "fkp" in folded.replace("-", " ").split()


@collector_paused
def build_implementation_report(
    doc: ImplementationReport, paper: str = "a4", photos: Sequence[AnnexPhoto] = ()
) -> bytes:
    """`photos`: the forum's dokumentasi, printed as an annex (4 to 6 captioned photos a page)."""
    width = content_width(paper)
    forum = doc.forum
    story: list[Flowable] = [*letterhead(kop(forum.unit))]
    story.append(text("LAPORAN PELAKSANAAN", Styles.title))
    if not _names_the_forum(forum.title):
        story.append(text("FORUM KONSULTASI PUBLIK", Styles.title))
    story.append(text(forum.title.upper(), Styles.subtitle))
    story.append(Spacer(1, 10))
    sections = (
        ("PENDAHULUAN", _opening),
        ("PELAKSANAAN", _held),
        ("PESERTA", _participants),
        ("HASIL FORUM", _results),
        ("REKOMENDASI", _recommendations),
        ("RENCANA TINDAK LANJUT", _plan),
    )
    for roman, (title, part) in zip(ROMAN, sections, strict=False):
        story += heading_over_table(f"{roman}. {title}")
        story += part(doc, width)
    story.append(text(f"{ROMAN[len(sections)]}. PENUTUP", HEADING))
    story += paragraphs(doc.templates.report_closing)
    when = indonesian.long_date(doc.as_of)
    signature = signature_blocks([head_of(forum.unit)], width, signing_place(forum.unit, when))
    sign_off(story, [Spacer(1, 6)], signature)
    story.append(Spacer(1, 10))
    story.append(text("Lampiran:", Styles.left))
    story.append(numbered(_attachments(doc, len(photos)), width))
    story += evidence_note(doc.forum.unit.indicators.get("implementation-report", ()))
    story += photo_annex("DOKUMENTASI KEGIATAN", photos, width)
    return build_pdf(
        story,
        paper=paper,
        title=f"Laporan Pelaksanaan FKP {forum.title}",
        footer=f"Laporan Pelaksanaan FKP {indonesian.long_date(forum.held_on)}",  # clear of the page number
    )
