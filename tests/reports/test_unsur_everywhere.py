"""One rule for who counts as an element of the public (issue #13): the attendance screen's count,
the berita acara, the Excel recap and the PEKPPP score agree, and PEKPPP's five-unsur scale
follows the office's own mapping, printed on the document.

The forum: 9 people signed in. Organisers (the office's staff) are listed apart; "Instansi
pemerintah" and "Lainnya" are present but no element of the public; a participant from a
vulnerable group makes "kelompok rentan" an element whatever category she came as. The
berita acara used to print "4 unsur" here (every category present) while the screen said 3.
"""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from desktop.errors import InputError
from desktop.models import Unit
from desktop.reports.minutes import build_minutes
from desktop.reports.recap_xlsx import forum_recap_xlsx
from desktop.services import participants, units
from desktop.services.attendance import attendance_of
from desktop.services.recap import forum_recap
from desktop.services.report_data import forum_report
from desktop.vocab import Category, PekpppUnsur
from desktop.workspace import Workspace
from tests.helpers import make_tree
from tests.reports.conftest import all_text

PEOPLE = [
    # name, category, role, vulnerable, attended
    ("Nur Yulianti", "service_user", "participant", False, True),
    ("Kusharyanto Hasri", "service_user", "participant", False, True),
    ("Yusna Tangdilintin", "service_user", "participant", True, True),  # disability: kelompok rentan
    ("Firman Arwanto", "academic", "participant", False, True),
    ("Camat Sorong Timur", "government", "participant", False, True),  # Instansi pemerintah
    ("Warga Lain", "other", "participant", False, True),  # Lainnya
    ("Kepala Seksi Bank", "service_user", "organizer", False, True),  # the office's own staff
    ("Pelaksana Umum", "government", "organizer", False, True),
    ("Gandung Triyasmoko", "stakeholder", "speaker", False, True),  # an outside speaker counts
    ("Wartawan Absen", "media", "participant", False, False),  # invited, did not come
]


def _forum(ws: Workspace) -> tuple[str, str]:
    tree = make_tree(ws)
    for name, category, role, vulnerable, attended in PEOPLE:
        ws.write(
            participants.add_participant,
            tree.forum,
            name=name,
            category=category,
            role=role,
            vulnerable=vulnerable,
            attended=attended,
            gender="female" if vulnerable else "male",
        )
    return tree.forum, tree.leaf


def test_the_screen_the_minutes_the_recap_and_the_score_count_alike(ws: Workspace) -> None:
    forum, _office = _forum(ws)
    count = ws.read(attendance_of, forum).count
    # Elements: service users, academics, stakeholders (the speaker), vulnerable groups.
    assert count.elements == {
        Category.SERVICE_USER,
        Category.ACADEMIC,
        Category.STAKEHOLDER,
        Category.VULNERABLE_GROUP,
    }
    assert (count.present, count.participants, count.organisers, count.score) == (9, 7, 2, 4)
    assert count.pekppp == {
        PekpppUnsur.SERVICE_USERS,
        PekpppUnsur.EXPERTS,
        PekpppUnsur.RELATED_AGENCIES,
        PekpppUnsur.CIVIL_SOCIETY,
    }

    text = all_text(build_minutes(ws.read(forum_report, forum)))
    assert "dihadiri oleh 7 (tujuh) orang peserta dan 2 (dua) orang panitia penyelenggara" in text
    assert "Unsur masyarakat yang hadir: 4 (empat) unsur" in text
    assert "nilai jumlah unsur pada evaluasi PEKPPP: 4" in text
    assert "skala lima unsur PEKPPP (indikator 2): 4 (empat) dari 5 (lima) unsur hadir" in text
    # The participation table: per element, those who are not one, the organisers, the total.
    assert re.search(r"Jumlah peserta unsur masyarakat 4 1 5 ", text)
    assert re.search(r"Instansi pemerintah \(bukan unsur masyarakat\) 1 0 1 ", text)
    assert re.search(r"Lainnya \(bukan unsur masyarakat\) 1 0 1 ", text)
    assert re.search(r"Panitia penyelenggara \(bukan peserta\) 2 0 2 ", text)
    assert re.search(r"Jumlah yang hadir 8 1 9 ", text)
    # In the attendance attachment, the organisers are marked as such, not by a category.
    assert re.search(r"Kepala Seksi Bank - Panitia penyelenggara L ", text)
    assert re.search(r"Nur Yulianti - Pengguna layanan L ", text)

    book = load_workbook(io.BytesIO(forum_recap_xlsx(ws.read(forum_recap, forum))))
    summary = dict(list(book["Ringkasan"].iter_rows(values_only=True))[1:])
    assert summary["Unsur masyarakat hadir"] == len(count.elements) == 4
    assert summary["Nilai PEKPPP jumlah unsur (0–5)"] == count.score
    assert summary["Peserta hadir"] == count.participants and summary["Panitia hadir (bukan peserta)"] == 2
    assert summary["Unsur PEKPPP hadir (skala lima unsur)"] == len(count.pekppp)


def test_the_office_mapping_decides_the_five_unsur_scale_and_is_printed(ws: Workspace) -> None:
    forum, office = _forum(ws)
    # This office does not count stakeholders, and counts academics as instansi terkait.
    ws.write(units.update_unit, office, unsur_mapping={"stakeholder": None, "akademisi": "instansi terkait"})
    count = ws.read(attendance_of, forum).count
    assert count.pekppp == {
        PekpppUnsur.SERVICE_USERS,
        PekpppUnsur.RELATED_AGENCIES,
        PekpppUnsur.CIVIL_SOCIETY,
    }
    assert count.score == 4  # the elements of the public do not depend on the mapping
    text = all_text(build_minutes(ws.read(forum_report, forum)))
    present = "pengguna layanan, instansi terkait, organisasi masyarakat sipil"
    assert f"3 (tiga) dari 5 (lima) unsur hadir ({present})" in text
    assert re.search(r"Instansi terkait Akademisi / pakar hadir", text)
    assert re.search(r"Ahli/praktisi/akademisi - tidak hadir", text)
    assert re.search(r"Tidak dihitung Pemangku kepentingan -", text)


def test_a_mapping_of_what_is_no_element_is_refused_and_changes_nothing(ws: Workspace) -> None:
    _forum_id, office = _forum(ws)
    for bad in ({"government": "experts"}, {"academic": "tokoh"}, ["academic"]):
        with pytest.raises(InputError):
            ws.write(units.update_unit, office, unsur_mapping=bad)
    assert ws.read(lambda s: s.get(Unit, office).unsur_mapping) == {}
