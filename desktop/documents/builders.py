"""A forum's printed documents by the name the CLI and the file names use, each read from the
store and built the same way for the command line and the app's document dialog.

The PDF machinery (reportlab) loads when a document is first built, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from desktop.app.workspace import Workspace
from desktop.reports.captions import caption_line
from desktop.services import attachments
from desktop.services.attachments import AttachmentItem
from protocol.vocab import AttachmentKind

if TYPE_CHECKING:
    from desktop.reports.photo_annex import AnnexPhoto


@dataclass(frozen=True)
class Options:
    """What some documents take besides the paper: the attendance sheet's blank rows, the
    escalation letter's number and date, the day a report is made (None: the office's today),
    the frozen version of a closed forum's minutes (None: the latest)."""

    blank_rows: int = 10
    number: str = ""
    letter_date: date | None = None
    as_of: date | None = None
    version: int | None = None


def annex_photo(ws: Workspace, item: AttachmentItem, *about: str) -> AnnexPhoto:
    """A photo as an annex prints it: from the file store, or a box saying who holds it."""
    from desktop.reports.photo_annex import AnnexPhoto

    caption = caption_line(item.caption, item.file_name, *about)
    path = ws.files.print_copy(item.sha256)
    if path is not None:
        return AnnexPhoto(caption, path)
    return AnnexPhoto(caption, None, not_here(ws, item))


def not_here(ws: Workspace, item: AttachmentItem) -> str:
    """What a photo's box prints when its file is not on this laptop: where it is."""
    if item.added_on == ws.ctx.device_id:
        return "Berkas foto tidak ada lagi di folder data laptop ini"
    laptop = f"laptop “{item.device_name}”" if item.device_name else f"laptop {item.added_by or 'lain'}"
    return f"Foto belum diterima di laptop ini; ada di {laptop}"


def forum_photos(ws: Workspace, forum_id: str) -> list[AnnexPhoto]:
    """The forum's dokumentasi: its photos, in the order they were added."""
    items = ws.read(attachments.attachments_of, forum_id, (AttachmentKind.PHOTO,))
    return [annex_photo(ws, item) for item in items]


@dataclass(frozen=True)
class FollowUpPhotos:
    """The follow-up report's two annexes: the evidence of the actions, and the photos of the
    recommendations themselves (what was asked for: the broken ramp, the crowded room)."""

    evidence: list[AnnexPhoto]
    of_recommendations: list[AnnexPhoto]


def follow_up_photos(ws: Workspace, recs: list[tuple[int, str]]) -> FollowUpPhotos:
    """The photos of each recommendation (its number, its id) and of its follow-up actions,
    each named by the recommendation's number (and the action it is evidence of)."""
    found = FollowUpPhotos([], [])
    for number, rec_id in recs:
        for action, item in ws.read(attachments.evidence_photos, rec_id):
            about = f"Rekomendasi {number}"
            if action:
                found.evidence.append(annex_photo(ws, item, about, action))
            else:
                found.of_recommendations.append(annex_photo(ws, item, about))
    return found


def photos_printed(ws: Workspace, kind: str, forum_id: str) -> list[AttachmentItem]:
    """The photos document `kind` of the forum prints (none for a document without photos)."""
    if kind == "implementation-report":
        return ws.read(attachments.attachments_of, forum_id, (AttachmentKind.PHOTO,))
    if kind == "followup-report":
        photos = ws.read(attachments.forum_attachments, forum_id, (AttachmentKind.PHOTO,))
        return [item for item in photos if item.owner_id != forum_id]  # its recommendations' and actions'

    return []


def _minutes(ws: Workspace, forum_id: str, paper: str | None, options: Options) -> bytes:
    from desktop.documents.printed import forum_minutes_pdf

    # A closed forum's berita acara is its frozen one, on the paper it was frozen on unless asked.
    return forum_minutes_pdf(ws, forum_id, options.version, paper)


def _attendance(ws: Workspace, forum_id: str, paper: str | None, options: Options) -> bytes:
    from desktop.reports.attendance import build_attendance_sheet
    from desktop.services.report_data import forum_report

    return build_attendance_sheet(ws.read(forum_report, forum_id), paper=paper or "a4", blank_rows=options.blank_rows)


def _followup(ws: Workspace, forum_id: str, paper: str | None, options: Options) -> bytes:
    from desktop.reports.followup import build_followup_report
    from desktop.services.as_of import forum_report_on

    as_of = options.as_of or ws.ctx.today()
    report = ws.read(forum_report_on, forum_id, as_of)  # the statuses of its day
    photos = follow_up_photos(ws, [(rec.number, rec.id) for rec in report.recommendations])
    return build_followup_report(
        report,
        paper=paper or "a4",
        as_of=as_of,
        calendar=ws.ctx.calendar,
        photos=photos.evidence,
        rec_photos=photos.of_recommendations,
    )


def _escalation(ws: Workspace, forum_id: str, paper: str | None, options: Options) -> bytes:
    from desktop.reports.escalation_letter import build_escalation_letter
    from desktop.services.report_data import forum_report

    report = ws.read(forum_report, forum_id)
    return build_escalation_letter(
        report, paper=paper or "a4", letter_date=options.letter_date, number=options.number
    )


def _implementation(ws: Workspace, forum_id: str, paper: str | None, options: Options) -> bytes:
    from desktop.reports.implementation import build_implementation_report
    from desktop.services.document_data import implementation_report

    as_of = options.as_of or ws.ctx.today()
    return build_implementation_report(
        ws.read(implementation_report, forum_id, as_of, ws.ctx.calendar),
        paper=paper or "a4",
        photos=forum_photos(ws, forum_id),
    )


def _notes(ws: Workspace, forum_id: str, paper: str | None, options: Options) -> bytes:
    from desktop.reports.notes import build_notes
    from desktop.services.document_data import notes

    return build_notes(ws.read(notes, forum_id), paper=paper or "a4")


def _invitations(ws: Workspace, forum_id: str, paper: str | None, options: Options) -> bytes:
    from desktop.reports.invitation import build_invitations
    from desktop.services.document_data import invitations

    return build_invitations(ws.read(invitations, forum_id, ws.ctx.today(), options.letter_date), paper=paper or "a4")


Builder = Callable[[Workspace, str, str | None, Options], bytes]
# In the order of a forum's life: invited, held, minuted, reported, followed up, escalated.
BUILDERS: dict[str, Builder] = {
    "invitations": _invitations,
    "attendance-sheet": _attendance,
    "minutes": _minutes,
    "notes": _notes,
    "implementation-report": _implementation,
    "followup-report": _followup,
    "escalation-letter": _escalation,
}


def build_forum_document(
    ws: Workspace, kind: str, forum_id: str, paper: str | None = None, options: Options | None = None
) -> bytes:
    """The PDF of document `kind` (a key of BUILDERS) of the forum, on `paper` (None: A4, or for
    a closed forum's minutes the paper they were frozen on)."""
    return BUILDERS[kind](ws, forum_id, paper, options or Options())
