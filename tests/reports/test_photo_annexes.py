"""The photos on paper (issue #16): the Laporan Pelaksanaan FKP ends with a Dokumentasi annex of
the forum's captioned photos (4 to 6 a page, within the margins, nothing overlapping); a photo
whose file has not arrived prints as a box that says which laptop holds it; the follow-up report
carries the follow-up's evidence photos, named by recommendation and action."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from sqlalchemy import update

from desktop.app.workspace import Workspace
from desktop.documents.builders import build_forum_document
from desktop.models import Attachment, AuditEvent
from desktop.services import attachments, followups, forums
from desktop.services import recommendations as recs
from protocol.vocab import AttachmentKind, AttachmentOwner
from tests.attachments import samples
from tests.reports.conftest import all_text, layout_problems, out_of_page, pdf_text
from tests.reports.geometry import bounds_of


def images_per_page(pdf: bytes) -> list[list[tuple[float, float, float, float]]]:
    document = pdfium.PdfDocument(pdf)
    found = []
    for index in range(len(document)):
        page = document[index]
        found.append(
            [bounds_of(o) for o in page.get_objects(max_depth=3) if o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE]
        )
        page.close()
    document.close()
    return found


def _photos(ws: Workspace, forum: str, folder: Path, count: int) -> None:
    for n in range(count):
        size = (1600 + n, 1200) if n % 3 else (1200, 1600 + n)  # some taken upright; each its own
        photo = samples.phone_photo(folder / f"foto{n + 1}.jpg", size, orientation=1)
        stored = attachments.store_file(ws.files, photo)
        ws.write(attachments.attach, AttachmentOwner.FORUM, forum, stored, caption=f"Kegiatan ke-{n + 1}")


def test_the_implementation_report_ends_with_the_dokumentasi(
    demo_ws: Workspace, demo_forum: str, tmp_path: Path
) -> None:
    without = build_forum_document(demo_ws, "implementation-report", demo_forum)
    assert "DOKUMENTASI KEGIATAN" not in all_text(without) and "Dokumentasi kegiatan" not in all_text(without)
    _photos(demo_ws, demo_forum, tmp_path, 11)
    pdf = build_forum_document(demo_ws, "implementation-report", demo_forum)
    pages = pdf_text(pdf)
    start = next(i for i, page in enumerate(pages) if "DOKUMENTASI KEGIATAN" in page)
    assert "Dokumentasi kegiatan (11 (sebelas) foto)." in all_text(pdf)
    images = images_per_page(pdf)[start:]
    counts = [len(on_page) for on_page in images]
    assert sum(counts) == 11 and all(4 <= n <= 6 for n in counts[:-1]) and counts[-1] <= 6, counts
    for n in range(11):
        assert f"Kegiatan ke-{n + 1}" in " ".join(pages[start:])
    assert layout_problems(pdf) == [] and out_of_page(pdf) == []
    for on_page in images:  # side by side, never over one another
        for i, a in enumerate(on_page):
            for b in on_page[i + 1 :]:
                assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_a_photo_not_received_prints_as_a_box_saying_who_holds_it(
    demo_ws: Workspace, demo_forum: str, tmp_path: Path
) -> None:
    _photos(demo_ws, demo_forum, tmp_path, 2)
    first, second = demo_ws.read(attachments.attachments_of, demo_forum)
    demo_ws.files.path_of(first.sha256).unlink()
    demo_ws.files.path_of(second.sha256).unlink()
    with demo_ws.store.write() as session:  # as if pulled from the laptop at the front desk
        session.execute(update(AuditEvent).where(AuditEvent.entity_id == second.id).values(device_id="other"))
        session.execute(update(Attachment).where(Attachment.id == second.id).values(device_name="PC-LOKET-2"))
    pdf = build_forum_document(demo_ws, "implementation-report", demo_forum)
    text = all_text(pdf)
    assert "Foto belum diterima di laptop ini; ada di laptop “PC-LOKET-2”" in text
    assert "Berkas foto tidak ada lagi di folder data laptop ini" in text  # this laptop's, removed by hand
    assert sum(len(p) for p in images_per_page(pdf)) == (1 if demo_ws.read(_has_logo) else 0)


def _has_logo(session: object) -> bool:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from desktop.models import Unit

    assert isinstance(session, Session)
    return any(session.scalars(select(Unit.logo).where(Unit.logo != "")))


def test_the_follow_up_report_carries_the_evidence_photos(ws: Workspace, tmp_path: Path) -> None:
    from tests.helpers import make_tree

    tree = make_tree(ws)
    rid = ws.write(recs.add_recommendation, tree.forum, text="Tambah kursi ruang tunggu", scope="unit")
    ws.write(recs.accept, rid)
    fid = ws.write(followups.assign_follow_up, rid, action="Beli 20 kursi", owner="Kasubag Umum")
    photo = attachments.store_file(ws.files, samples.phone_photo(tmp_path / "kursi.jpg", (1600, 1200)))
    ws.write(attachments.attach, AttachmentOwner.FOLLOW_UP, fid, photo, caption="Kursi terpasang")
    pdf = build_forum_document(ws, "followup-report", tree.forum)
    text = all_text(pdf)
    assert "LAMPIRAN: FOTO BUKTI TINDAK LANJUT" in text
    assert "Rekomendasi 1 — Beli 20 kursi — Kursi terpasang" in text
    assert "LAMPIRAN: FOTO TERKAIT REKOMENDASI" not in text  # none of its own
    assert sum(len(p) for p in images_per_page(pdf)) >= 1 and layout_problems(pdf) == []


def test_the_recommendations_own_photos_are_apart_from_the_evidence(ws: Workspace, tmp_path: Path) -> None:
    """What was asked for (the crowded room, photographed at the forum) is not evidence that it
    was done: the follow-up report prints it in an annex of its own, after the evidence; a photo
    with no caption is named by its file, with the same separator on every paper."""
    from tests.helpers import make_tree

    tree = make_tree(ws)
    rid = ws.write(recs.add_recommendation, tree.forum, text="Tambah kursi ruang tunggu", scope="unit")
    ws.write(recs.accept, rid)
    fid = ws.write(followups.assign_follow_up, rid, action="Beli 20 kursi", owner="Kasubag Umum")
    crowded = attachments.store_file(
        ws.files, samples.phone_photo(tmp_path / "ruang tunggu penuh.jpg", (1600, 1200))
    )
    ws.write(attachments.attach, AttachmentOwner.RECOMMENDATION, rid, crowded, caption="Antrean berdiri")
    chairs = attachments.store_file(ws.files, samples.phone_photo(tmp_path / "IMG_0412.jpg", (1200, 1600)))
    ws.write(attachments.attach, AttachmentOwner.FOLLOW_UP, fid, chairs)  # no caption
    pages = pdf_text(build_forum_document(ws, "followup-report", tree.forum))
    evidence = next(i for i, page in enumerate(pages) if "LAMPIRAN: FOTO BUKTI TINDAK LANJUT" in page)
    own = next(i for i, page in enumerate(pages) if "LAMPIRAN: FOTO TERKAIT REKOMENDASI" in page)
    assert evidence < own
    assert "Rekomendasi 1 — Beli 20 kursi — IMG_0412.jpg" in " ".join(pages[evidence:own])
    assert "Antrean berdiri" not in " ".join(pages[evidence:own])
    assert "Rekomendasi 1 — Antrean berdiri" in " ".join(pages[own:])
    forum_photo = attachments.store_file(ws.files, samples.phone_photo(tmp_path / "x.jpg", (900, 600)))
    aid = ws.write(attachments.attach, AttachmentOwner.FORUM, tree.forum, forum_photo)
    ws.write(attachments.set_caption, aid, "   ")
    from desktop.documents.builders import forum_photos

    assert [p.caption for p in forum_photos(ws, tree.forum)] == ["x.jpg"]


def test_the_signed_attendance_scan_is_named_where_the_list_is(
    demo_ws: Workspace, demo_forum: str, tmp_path: Path
) -> None:
    """The draft berita acara's attendance annex and the report's list of attachments say the
    scan is attached; a frozen berita acara prints the same bytes as before (it says what was
    true when the forum closed)."""
    said = "Daftar hadir yang telah ditandatangani peserta dilampirkan dalam bentuk pindaian."
    listed = "dan pindaian daftar hadir yang telah ditandatangani;"
    frozen = build_forum_document(demo_ws, "minutes", demo_forum)
    assert listed not in all_text(build_forum_document(demo_ws, "implementation-report", demo_forum))
    scan = attachments.store_file(demo_ws.files, samples.pdf(tmp_path / "daftar hadir bertanda tangan.pdf"))
    demo_ws.write(attachments.attach, AttachmentOwner.FORUM, demo_forum, scan, AttachmentKind.ATTENDANCE_SCAN)
    assert listed in all_text(build_forum_document(demo_ws, "implementation-report", demo_forum))
    assert build_forum_document(demo_ws, "minutes", demo_forum) == frozen
    demo_ws.write(forums.reopen_forum, demo_forum, "Koreksi daftar hadir")
    assert said in all_text(build_forum_document(demo_ws, "minutes", demo_forum))
    marked = demo_ws.read(attachments.attachments_of, demo_forum)[0].id
    demo_ws.write(attachments.set_kind, marked, AttachmentKind.DOCUMENT)
    assert said not in all_text(build_forum_document(demo_ws, "minutes", demo_forum))


def test_one_caption_rule() -> None:
    from desktop.reports.captions import caption_line

    assert caption_line("  Kursi   terpasang ", "IMG_1.jpg", "Rekomendasi 2", "Beli kursi") == (
        "Rekomendasi 2 — Beli kursi — Kursi terpasang"
    )
    assert caption_line("", "IMG_1.jpg") == "IMG_1.jpg"
    assert caption_line("", "", "Rekomendasi 3") == "Rekomendasi 3 — Tanpa keterangan"


def test_each_report_names_the_photos_it_prints(ws: Workspace, tmp_path: Path) -> None:
    """What a laptop fetches before printing: the forum's photos for the Laporan, the
    recommendations' and actions' for the follow-up report; documents without photos none."""
    from desktop.documents.builders import photos_printed
    from tests.helpers import make_tree

    tree = make_tree(ws)
    rid = ws.write(recs.add_recommendation, tree.forum, text="Tambah kursi", scope="unit")
    ws.write(recs.accept, rid)
    fid = ws.write(followups.assign_follow_up, rid, action="Beli kursi", owner="Kasubag Umum")
    names = {}
    for owner, owner_id, name in (
        (AttachmentOwner.FORUM, tree.forum, "forum.jpg"),
        (AttachmentOwner.RECOMMENDATION, rid, "usul.jpg"),
        (AttachmentOwner.FOLLOW_UP, fid, "bukti.jpg"),
    ):
        stored = attachments.store_file(
            ws.files, samples.phone_photo(tmp_path / name, (800, 600 + len(names)))
        )
        ws.write(attachments.attach, owner, owner_id, stored)
        names[stored.sha256] = name
    printed = {
        kind: sorted(names[i.sha256] for i in photos_printed(ws, kind, tree.forum))
        for kind in ("implementation-report", "followup-report", "minutes")
    }
    assert printed == {
        "implementation-report": ["forum.jpg"],
        "followup-report": ["bukti.jpg", "usul.jpg"],
        "minutes": [],
    }
