"""One rule for who counts as an element of the public and one PEKPPP figure (issue #13): the
attendance screen's count, the berita acara, the Excel recap and the PEKPPP score agree. The
figure is counted on PEKPPP's five-unsur scale through the office's own mapping, printed beside
it; the app's categories are the participants' diversity (no score), and a participant from a
vulnerable group is that, never an unsur of her own.

The forum: 9 people signed in. Organisers (the office's staff) are listed apart; "Instansi
pemerintah" and "Lainnya" are present but no element of the public. The berita acara used to
print "nilai jumlah unsur pada evaluasi PEKPPP: 4" (the vulnerable service user counted as
"kelompok rentan") and, a few lines later, "3 … dari 5 … unsur hadir" with a mapping of its own.
"""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError
from desktop.core.vocab import Category, PekpppUnsur
from desktop.models import Unit
from desktop.reports.minutes import build_minutes
from desktop.reports.parts import label
from desktop.reports.recap_xlsx import forum_recap_xlsx
from desktop.services import participants, units
from desktop.services.attendance import attendance_of
from desktop.services.recap import forum_recap
from desktop.services.report_data import forum_report
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


def printed_figure(text: str) -> int:
    found = re.search(r"Nilai jumlah unsur PEKPPP \(indikator 2\): (\d) \(\w+\) dari 5 \(lima\) unsur hadir", text)
    assert found, text
    return int(found.group(1))


def recomputed_from_the_page(text: str, names: list[str]) -> set[str]:
    """PEKPPP's unsur present, from the attendance list and the mapping table as printed."""
    categories = {label(c) for c in Category}
    attached = text[text.index("DAFTAR HADIR") :]
    printed = set()
    for name in names:
        found = re.search(re.escape(name) + r" - (.+?) [LP] ", attached)
        assert found, name
        printed.add(found.group(1))
    assert printed <= categories | {"Panitia penyelenggara"}
    mapping = {}
    for unsur in PekpppUnsur:
        row = re.search(re.escape(label(unsur)) + r" (.+?) (?:hadir|tidak hadir)", text[text.index("Pemetaan") :])
        assert row, unsur
        for category in row.group(1).split(", "):
            mapping[category] = label(unsur)
    return {mapping[c] for c in printed if c in mapping}


def test_the_screen_the_minutes_the_recap_and_the_score_count_alike(ws: Workspace) -> None:
    forum, _office = _forum(ws)
    count = ws.read(attendance_of, forum).count
    # Diversity: service users, academics, stakeholders (the speaker); the vulnerable service
    # user is a service user, and adds no unsur.
    assert count.categories == {Category.SERVICE_USER, Category.ACADEMIC, Category.STAKEHOLDER}
    assert (count.present, count.participants, count.organisers, count.vulnerable) == (9, 7, 2, 1)
    assert count.pekppp == {PekpppUnsur.SERVICE_USERS, PekpppUnsur.EXPERTS, PekpppUnsur.RELATED_AGENCIES}
    assert count.score == 3

    text = all_text(build_minutes(ws.read(forum_report, forum)))
    assert "dihadiri oleh 7 (tujuh) orang peserta dan 2 (dua) orang panitia penyelenggara" in text
    # One figure, recomputed from the printed attendance list and the printed mapping.
    attended = [p[0] for p in PEOPLE if p[4]]
    assert printed_figure(text) == len(recomputed_from_the_page(text, attended)) == 3
    assert text.count("Nilai jumlah unsur PEKPPP") == 1
    assert "tidak hadir: organisasi masyarakat sipil, media massa." in text
    assert "nilai jumlah unsur pada evaluasi" not in text and "skala lima unsur" not in text
    # The categories are the diversity, not a score; the vulnerable group an attribute.
    assert "Keragaman peserta (kategori masyarakat): 3 (tiga) kategori" in text
    assert "Di antara peserta terdapat 1 (satu) orang dari kelompok rentan." in text
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
    assert summary["Nilai jumlah unsur PEKPPP (indikator 2)"] == count.score == 3
    assert summary["Keragaman peserta (kategori masyarakat)"] == len(count.categories) == 3
    assert summary["Peserta hadir"] == count.participants and summary["Panitia hadir (bukan peserta)"] == 2
    assert not any(k == "Unsur masyarakat hadir" or "skala lima" in str(k) for k in summary)


def test_a_participant_who_came_for_a_vulnerable_group_counts_where_the_office_maps_it(ws: Workspace) -> None:
    forum, _office = _forum(ws)
    ws.write(
        participants.add_participant, forum, name="Ketua Pertuni Sorong", category="vulnerable_group",
        role="participant", attended=True, gender="male",
    )
    count = ws.read(attendance_of, forum).count
    assert PekpppUnsur.CIVIL_SOCIETY in count.pekppp and count.score == 4
    text = all_text(build_minutes(ws.read(forum_report, forum)))
    attended = [p[0] for p in PEOPLE if p[4]] + ["Ketua Pertuni Sorong"]
    assert printed_figure(text) == len(recomputed_from_the_page(text, attended)) == 4


def test_the_office_mapping_decides_the_five_unsur_scale_and_is_printed(ws: Workspace) -> None:
    forum, office = _forum(ws)
    # This office does not count stakeholders, and counts academics as instansi terkait.
    ws.write(units.update_unit, office, unsur_mapping={"stakeholder": None, "akademisi": "instansi terkait"})
    count = ws.read(attendance_of, forum).count
    assert count.pekppp == {PekpppUnsur.SERVICE_USERS, PekpppUnsur.RELATED_AGENCIES}
    assert count.score == 2  # the figure follows the office's mapping
    text = all_text(build_minutes(ws.read(forum_report, forum)))
    present = "pengguna layanan, instansi terkait"
    assert f"2 (dua) dari 5 (lima) unsur hadir ({present})" in text
    assert printed_figure(text) == len(recomputed_from_the_page(text, [p[0] for p in PEOPLE if p[4]])) == 2
    assert re.search(r"Instansi terkait Akademisi/pakar hadir", text)  # EYD V: no spaces at the slash
    assert re.search(r"Ahli/praktisi/akademisi - tidak hadir", text)
    assert re.search(r"Tidak dihitung Pemangku kepentingan -", text)


def test_a_mapping_of_what_is_no_element_is_refused_and_changes_nothing(ws: Workspace) -> None:
    _forum_id, office = _forum(ws)
    for bad in ({"government": "experts"}, {"academic": "tokoh"}, ["academic"]):
        with pytest.raises(InputError):
            ws.write(units.update_unit, office, unsur_mapping=bad)
    assert ws.read(lambda s: s.get(Unit, office).unsur_mapping) == {}
