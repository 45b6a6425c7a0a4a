"""Layout an office would not send back (issue #13), read on the PDFs as pypdfium2 lays their
text out: no two lines of text overlap and none crosses the margins of tata naskah dinas, on
every page of a 300-participant / 200-recommendation forum, a 120-character title, an empty
unit and names in Latin with diacritics; the signatures never stand alone; no word breaks in
the middle of a syllable; a phone number never breaks; a table's header repeats only at the top
of a page; the fixed phrasings are printed as the wording table has them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop.core.vocab import EscalationStatus, ForumStatus, Scope
from desktop.reports import wording
from desktop.reports.attendance import build_attendance_sheet
from desktop.reports.escalation_letter import build_escalation_letter
from desktop.reports.followup import build_followup_report
from desktop.reports.minutes import build_minutes
from desktop.services.report_data import EscalationLine, ForumReport
from tests.reports import samples
from tests.reports.conftest import (
    all_text,
    broken_words,
    hyphenated,
    layout_problems,
    page_lines,
    pdf_text,
    text_boxes,
)


def signature_page_holds_the_closing(pdf: bytes, first_signatory: str) -> bool:
    pages = pdf_text(pdf)
    page = next(p for p in pages if first_signatory in p and "NIP" in p)
    return wording.MINUTES_CLOSING in page


def headers_only_at_the_top_or_under_their_heading(
    pdf: bytes,
    header: str = "No Rekomendasi Diusulkan oleh",
    headings: tuple[str, ...] = ("A. Rekomendasi ranah unit", "B. Rekomendasi kebijakan"),
) -> list[str]:
    """Every header row of a table is the first line of its page's body, or right under the
    heading of its table: never in the middle of a page."""
    found = []
    for number, lines in enumerate(page_lines(pdf), start=1):
        for index, line in enumerate(lines):
            if not line.startswith(header):
                continue
            above = " ".join(lines[max(0, index - 2) : index])
            if index and not any(heading in above for heading in headings):
                found.append(f"page {number}, line {index + 1}: {line!r} under {above!r}")
    return found


@pytest.fixture(scope="module")
def big() -> ForumReport:
    return samples.forum(attendees=300, recs=200)


@pytest.fixture(scope="module")
def big_minutes(big: ForumReport) -> bytes:
    return build_minutes(big)


def test_a_300_participant_forum_lays_out_cleanly(big: ForumReport, big_minutes: bytes) -> None:
    assert layout_problems(big_minutes) == []
    assert signature_page_holds_the_closing(big_minutes, "Gandung Triyasmoko")
    assert headers_only_at_the_top_or_under_their_heading(big_minutes) == []
    text = all_text(big_minutes)
    for person in big.attendees:
        assert person.name in text
    assert "Rekomendasi 200:" in text


def test_a_long_follow_up_table_repeats_its_header_only_at_the_top_of_a_page(big: ForumReport) -> None:
    """Rows too tall for what is left of a page go whole to the next one, under the header;
    they were cut in two under a second header in the middle of the page."""
    pdf = build_followup_report(big, as_of=date(2025, 4, 1))
    assert headers_only_at_the_top_or_under_their_heading(
        pdf, "No Rekomendasi Status dan", ("B. Rincian tindak lanjut",)
    ) == []
    assert layout_problems(pdf) == []


@pytest.mark.parametrize("recs", [8, 20])
def test_a_recommendation_longer_than_a_page_goes_on_under_the_header(recs: int) -> None:
    """A row taller than a page is cut and goes on on the next page, under the header there: in
    a short table reportlab put a second header under the first row, mid-page."""
    report = samples.forum(attendees=10, recs=recs)
    long = " ".join(f"kalimat{n} tentang pelayanan" for n in range(700))
    changed = tuple(replace(r, text=long) if r.number == 4 else r for r in report.recommendations)
    pdf = build_minutes(replace(report, recommendations=changed))
    assert headers_only_at_the_top_or_under_their_heading(pdf) == []
    assert layout_problems(pdf) == []
    text = all_text(pdf)
    assert "kalimat0 tentang" in text and "kalimat699 tentang pelayanan" in text


def test_the_signatures_travel_with_the_last_lines_of_the_body(big: ForumReport) -> None:
    """Whatever the length of the body, the page with the first signature also has the closing
    sentence and at least one row of the recommendations (the bug: signatures alone on p.110)."""
    for count in range(190, 215, 3):
        report = replace(big, recommendations=samples.recommendations(count, big.participants))
        pdf = build_minutes(report)
        pages = pdf_text(pdf)
        page = next(p for p in pages if "NIP 19750515 200003 1 001" in p)
        assert wording.MINUTES_CLOSING in page, count
        assert "Rekomendasi " in page.split(wording.MINUTES_CLOSING)[0], count


@pytest.mark.parametrize("length", [64, 120])
def test_a_long_title_never_runs_into_the_page_number(length: int) -> None:
    title = ("Forum Konsultasi Publik Evaluasi Standar Pelayanan Penyaluran Dana dan Kebijakan " * 3)[:length]
    report = samples.forum(title=title.strip())
    for pdf in (
        build_minutes(report),
        build_attendance_sheet(report),
        build_followup_report(report, as_of=date(2025, 4, 1)),
    ):
        assert layout_problems(pdf) == []
        footer = [b for page in text_boxes(pdf) for b in page if b.top < 25 * 2.835]
        assert footer and all(b.right < 560 for b in footer)


def test_an_empty_unit_and_a_forum_with_nothing_yet() -> None:
    report = samples.forum(attendees=0, recs=0, office=samples.EMPTY_UNIT, number="")
    for pdf in (
        build_minutes(report),
        build_attendance_sheet(report),
        build_followup_report(report, as_of=date(2025, 4, 1)),
    ):
        assert layout_problems(pdf) == []
        assert "None" not in all_text(pdf)
    assert f"Nomor: {wording.NUMBER_PLACEHOLDER}" in all_text(build_minutes(report))


def test_an_empty_unit_leaves_no_hole_in_a_sentence() -> None:
    """A unit with no name yet: the headings still read as sentences (not "oleh )")."""
    pdf = build_minutes(samples.forum(attendees=3, recs=2, office=samples.EMPTY_UNIT, number=""))
    text = " ".join(all_text(pdf).split())
    assert layout_problems(pdf) == []
    assert "ditindaklanjuti oleh unit penyelenggara)" in text
    assert " )" not in text and "( " not in text and " ," not in text


def test_names_with_diacritics_print_as_typed() -> None:
    report = samples.forum(attendees=16, recs=9)
    pdf = build_minutes(report)
    text = all_text(pdf)
    for name in samples.NAMES:
        assert name in text
    assert layout_problems(pdf) == []


@pytest.mark.parametrize("paper", ["a4", "folio"])
def test_margins_of_tata_naskah_dinas_on_both_papers(paper: str) -> None:
    report = samples.forum(attendees=40, recs=30)
    assert layout_problems(build_minutes(report, paper=paper), paper) == []


def test_the_minutes_print_what_an_evaluator_checks() -> None:
    report = samples.forum(attendees=12, recs=7)
    text = all_text(build_minutes(report))
    assert "NIP 19750515 200003 1 001" in text  # 8-6-1-3, typed with or without spaces
    assert "Nomor: BA-7/KPN.1701/2025" in text
    assert "1. Rekomendasi ranah unit ditindaklanjuti. 2. Rekomendasi kebijakan diusulkan ke atas." in text
    assert "No Rekomendasi Diusulkan oleh Dukungan" in text
    plain = report.recommendations[1]
    assert f"{plain.text} {plain.raised_by} {plain.votes}" in text  # votes in the table
    # a duplicate merged into a recommendation: under it, with who raised it
    assert (
        f"{wording.MERGED_UNDER} – Usulan serupa: perbanyak petugas pada jam sibuk. (Nguyễn Thị Hồng 001)"
        in text
    )
    assert "KANTOR PELAYANAN PERBENDAHARAAN NEGARA SORONG" in text  # the kop: full name
    assert "A. Rekomendasi ranah unit (ditindaklanjuti oleh KPPN Sorong)" in text  # sentences: short name
    assert "Telepon (0951) 321 000" in text and "Surel kppn.sorong@perbendaharaan.go.id" in text
    assert "Laman djpb.kemenkeu.go.id/kppn/sorong" in text


def test_a_phone_number_is_never_split() -> None:
    report = samples.forum(
        office=samples.unit(address="", email="pengaduan.dan.informasi.kppn.sorong@kemenkeu.go.id")
    )
    for pdf in (build_minutes(report), build_attendance_sheet(report)):
        lines = [line for page in page_lines(pdf) for line in page]
        assert any("Telepon (0951) 321 000" in line.replace("\xa0", " ") for line in lines)


def test_no_word_breaks_in_the_middle_of_a_syllable() -> None:
    report = samples.forum(attendees=30, recs=24)
    report = replace(
        report,
        recommendations=tuple(
            replace(
                r,
                escalations=(
                    EscalationLine(
                        report.unit.parent_name,
                        date(2025, 3, 14),
                        date(2025, 3, 21),
                        EscalationStatus.SENT,
                        "",
                        None,
                        "",
                    ),
                ),
            )
            if r.scope == Scope.POLICY
            else r
            for r in report.recommendations
        ),
    )
    vocabulary = {
        word
        for value in [
            *(p.name for p in report.participants),
            *(p.organization for p in report.participants),
            *(r.text for r in report.recommendations),
            "Kebijakan Ranah unit Diusulkan ke unit atasan Pemangku kepentingan Akademisi/pakar",
            "LSM/organisasi masyarakat Kelompok rentan Tanggapan unit atasan Satuan kerja (satker)",
        ]
        for word in value.split()
    }
    for pdf in (
        build_minutes(report),
        build_attendance_sheet(report),
        build_followup_report(report, as_of=date(2025, 4, 1)),
        build_escalation_letter(report, letter_date=date(2025, 3, 14)),
    ):
        assert broken_words(pdf, vocabulary) == []
        assert layout_problems(pdf) == []


def test_a_word_wider_than_its_column_breaks_between_syllables() -> None:
    long = "Penyelenggaraanpelayananperbendaharaannegarakabupatensorongselatan"  # wider than the table
    report = samples.forum(attendees=3, recs=2)
    people = (replace(report.participants[0], organization=f"Balai {long}"), *report.participants[1:])
    pdf = build_attendance_sheet(replace(report, participants=people))
    assert broken_words(pdf, {long}) == []
    assert any(long in token.replace("|", "") for token in hyphenated(pdf))  # it broke, with a hyphen


def test_the_fixed_phrasings_are_printed_as_the_table_has_them() -> None:
    report = samples.forum(attendees=12, recs=7)
    escalated = tuple(
        replace(
            r,
            status=r.status if r.scope == Scope.UNIT else type(r.status)("escalated"),
            escalations=(
                EscalationLine(
                    report.unit.parent_name,
                    date(2025, 3, 14),
                    date(2025, 3, 21),
                    EscalationStatus.SENT,
                    "",
                    None,
                    "",
                ),
            )
            if r.scope == Scope.POLICY
            else (),
        )
        for r in report.recommendations
    )
    report = replace(report, recommendations=escalated)
    printed = {
        "minutes": all_text(build_minutes(report)),
        "follow-up": all_text(build_followup_report(report, as_of=date(2025, 4, 1))),
        "letter": all_text(build_escalation_letter(report, letter_date=date(2025, 3, 14))),
        "attendance": all_text(build_attendance_sheet(report)),
    }
    where = {
        "minutes_closing": "minutes",
        "as_of": "follow-up",
        "parent_response": "follow-up",
        "escalated": "follow-up",
        "answer_due": "follow-up",
        "letter_closing": "letter",
        "acknowledged": "attendance",
        "academic": "minutes",
        "pekppp_figure": "minutes",
    }
    for name, phrase in wording.PHRASES.items():
        if name == "late":
            continue  # printed only when something arrived late (tests/services/test_frozen.py)
        assert phrase in printed[where[name]], name
    assert "Akademisi / pakar" not in printed["minutes"]


def test_the_draft_watermark_stays_until_the_forum_is_closed() -> None:
    running = build_minutes(samples.forum(status=ForumStatus.RUNNING))
    assert all("DRAF" in page for page in pdf_text(running))
    assert "DRAF" not in all_text(build_minutes(samples.forum()))
