from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from desktop.app.workspace import Workspace
from desktop.cli.commands import main
from desktop.core.errors import InputError
from desktop.reports.attendance import build_attendance_sheet
from desktop.reports.escalation_letter import build_escalation_letter
from desktop.reports.followup import build_followup_report
from desktop.services import escalations
from desktop.services.report_data import forum_report
from tests.helpers import make_tree
from tests.reports.conftest import all_text, font_files, out_of_page, pdf_text


def test_attendance_sheet_lists_the_invitation_list_and_blank_rows(
    demo_ws: Workspace, demo_forum: str
) -> None:
    report = demo_ws.read(forum_report, demo_forum)
    phoned = tuple(replace(p, phone=f"0812-3456-78{n:02d}") for n, p in enumerate(report.participants))
    pdf = build_attendance_sheet(replace(report, participants=phoned), blank_rows=7)
    text = all_text(pdf)
    assert "DAFTAR HADIR" in text and "Rabu, 21 Agustus 2024" in text and "Aula KPPN Sorong" in text
    for person in report.participants:  # invited, whether or not they came
        assert person.name in text
    last = len(report.participants) + 7
    assert f" {last} {last}." in text and f" {last + 1} {last + 1}." not in text
    assert "Tanda tangan" in text and out_of_page(pdf) == []
    assert "0812" not in text  # nobody's phone number goes round the room (UU 27/2022)
    assert "Kelompok rentan" in text
    # legalised by the head of the office, on the page of the last rows
    assert "Mengetahui, Kepala KPPN Sorong" in pdf_text(pdf)[-1] and f" {last} {last}." in pdf_text(pdf)[-1]
    assert "Sorong, 21 Agustus 2024 Mengetahui," in " ".join(pdf_text(pdf)[-1].split())  # where and when
    pages = pdf_text(pdf)
    assert all(f"Halaman {n} dari {len(pages)}" in p for n, p in enumerate(pages, start=1))


def test_followup_report_summary_and_answers(demo_ws: Workspace, demo_forum: str) -> None:
    report = demo_ws.read(forum_report, demo_forum)
    pdf = build_followup_report(report, as_of=date(2024, 10, 1))
    text = all_text(pdf)
    assert "LAPORAN TINDAK LANJUT" in text and "posisi per 1 Oktober 2024" in text
    assert "Dalam proses 2" in text and "Selesai 1" in text and "Diusulkan ke unit atasan 2" in text
    assert "Jumlah 7" in text and "Tanggapan unit atasan" in text
    assert "Menyusun dan mengumumkan target waktu penyelesaian SP2D" in text and "100%" in text
    assert "Tanggapan unit atasan: belum diterima" in text  # under the escalation still unanswered
    assert "batas tanggapan" not in text.lower()  # no deadline demanded of the office above
    escalated = [r for r in report.recommendations if r.escalations]
    with demo_ws.store.read() as session:
        sent = escalations.escalations_of(session, _rec_id(demo_ws, demo_forum, escalated[0].text))
    demo_ws.write(escalations.answer, sent[-1].id, "adopted", "Diakomodasi dalam revisi standar layanan 2025")
    text = all_text(build_followup_report(demo_ws.read(forum_report, demo_forum)))
    assert "Tanggapan unit atasan (diadopsi): Diakomodasi dalam revisi standar layanan 2025" in text
    assert "Dijawab 1" in text
    assert out_of_page(pdf) == [] and not any("NOT EMBEDDED" in f for f in font_files(pdf))


def _rec_id(ws: Workspace, forum: str, text: str) -> str:
    from sqlalchemy import select

    from desktop.models import Recommendation

    with ws.store.read() as session:
        return session.scalars(select(Recommendation.id).where(Recommendation.text == text)).one()


def test_the_followup_signature_keeps_the_survey_result_on_its_page(demo_ws: Workspace, demo_forum: str) -> None:
    """However long the list above it, the head's signature shares its page with the survey's
    IKM, not with the method note alone (it did with the demo's seven recommendations)."""
    report = demo_ws.read(forum_report, demo_forum)
    assert report.survey is not None
    for count in range(1, len(report.recommendations) + 1):
        pdf = build_followup_report(replace(report, recommendations=report.recommendations[:count]))
        page = next(p for p in pdf_text(pdf) if "NIP 19750515 200003 1 001" in p)
        assert "Nilai IKM" in page, count


def test_escalation_letter(demo_ws: Workspace, demo_forum: str) -> None:
    report = demo_ws.read(forum_report, demo_forum)
    pdf = build_escalation_letter(report, number="S-12/KPN.1701/2024", letter_date=date(2024, 8, 26))
    pages = pdf_text(pdf)
    letter, attachment = pages[0], " ".join(pages[1:])
    assert "Nomor : S-12/KPN.1701/2024" in letter and "Sorong, 26 Agustus 2024" in letter
    assert "Lampiran : 1 (satu) berkas" in letter
    # the addressee once, with the city: the head of the office above by its full name
    addressee = "Yth. Kepala Kantor Wilayah Direktorat Jenderal Perbendaharaan Provinsi Papua Barat Daya di Sorong"
    assert addressee in letter and letter.count("Kanwil DJPb Provinsi Papua Barat Daya") == 0
    assert "pada tanggal 21 Agustus 2024" in letter and "dua puluh" not in letter  # dates in figures
    assert "2 (dua) rekomendasi peserta forum yang bersifat kebijakan" in letter
    assert "sebagaimana tercantum dalam lampiran surat ini" in letter
    assert "Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan terima kasih." in letter
    assert "Tembusan: Direktur Jenderal Perbendaharaan" in letter
    assert "mohon tanggapan" not in letter.lower() and "batas" not in letter.lower()  # no deadline demanded
    assert "Usulkan layanan jemput bola" not in letter  # the list is the lampiran
    assert "DAFTAR USULAN REKOMENDASI KEBIJAKAN" in attachment and "Nomor : S-12/KPN.1701/2024" in attachment
    assert "Usulkan layanan jemput bola" in attachment and "Gandung Triyasmoko" in attachment
    assert "Tingkatkan kualitas layanan" not in attachment  # unit scope stays home
    assert out_of_page(pdf) == []


def test_one_letter_however_many_recommendations_go_up(demo_ws: Workspace, demo_forum: str) -> None:
    """45 escalated recommendations: still one page of letter, the rest is the lampiran."""
    report = demo_ws.read(forum_report, demo_forum)
    escalated = next(r for r in report.recommendations if r.escalations)
    many = tuple(replace(escalated, number=n, text=f"{escalated.text} ({n})") for n in range(1, 46))
    pdf = build_escalation_letter(replace(report, recommendations=many), letter_date=date(2024, 8, 26))
    pages = pdf_text(pdf)
    assert "45 (empat puluh lima) rekomendasi" in pages[0] and "Tembusan:" in pages[0]
    assert "DAFTAR USULAN" not in pages[0] and "DAFTAR USULAN" in pages[1]
    assert all(f"({n})" in " ".join(pages[1:]) for n in range(1, 46))


def test_no_escalation_letter_without_escalations(ws: Workspace) -> None:
    tree = make_tree(ws)
    with pytest.raises(InputError, match="has been escalated yet"):
        build_escalation_letter(ws.read(forum_report, tree.forum))


@pytest.mark.parametrize("command", ["minutes", "attendance-sheet", "followup-report", "escalation-letter"])
def test_cli_writes_each_document(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    data = str(tmp_path / "d")
    main(["--data-dir", data, "demo"])
    forum = capsys.readouterr().out.strip()
    target = tmp_path / f"{command}.pdf"
    paper = [] if command == "minutes" else ["--paper", "folio"]  # the demo's minutes are frozen on A4
    assert main(["--data-dir", data, command, forum, "-o", str(target), *paper]) == 0
    assert target.read_bytes().startswith(b"%PDF") and "Halaman 1 dari" in pdf_text(target.read_bytes())[0]


def test_cli_document_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "d")
    main(["--data-dir", data, "demo"])
    forum = capsys.readouterr().out.strip()
    assert main(["--data-dir", data, "--lang", "en", "minutes", "nope", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "Forum nope does not exist" in capsys.readouterr().err
    assert (
        main(["--data-dir", data, "--lang", "en", "minutes", forum, "-o", str(tmp_path / "no" / "x.pdf")])
        == 2
    )
    assert "Cannot write" in capsys.readouterr().err
    code = main(
        [
            "--data-dir",
            data,
            "--lang",
            "en",
            "attendance-sheet",
            forum,
            "-o",
            str(tmp_path / "a.pdf"),
            "--blank-rows",
            "-3",
        ]
    )
    assert code == 2 and "--blank-rows" in capsys.readouterr().err
    assert not (tmp_path / "a.pdf").exists() and not (tmp_path / "x.pdf").exists()


def test_cli_prints_the_frozen_minutes_on_their_paper(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "d")
    main(["--data-dir", data, "demo"])
    forum = capsys.readouterr().out.strip()
    first, again = tmp_path / "1.pdf", tmp_path / "2.pdf"
    assert main(["--data-dir", data, "minutes", forum, "-o", str(first)]) == 0
    assert main(["--data-dir", data, "minutes", forum, "-o", str(again), "--version", "1"]) == 0
    assert first.read_bytes() == again.read_bytes() and "DRAF" not in all_text(first.read_bytes())
    capsys.readouterr()
    folio = ["--data-dir", data, "--lang", "en", "minutes", forum, "-o", str(tmp_path / "f.pdf")]
    assert main([*folio, "--paper", "folio"]) == 2
    assert "frozen on A4 paper" in capsys.readouterr().err
    assert main([*folio[:-2], "-o", str(tmp_path / "v.pdf"), "--version", "2"]) == 2
    assert "no berita acara version 2: 1 frozen so far" in capsys.readouterr().err
    assert not (tmp_path / "f.pdf").exists() and not (tmp_path / "v.pdf").exists()
