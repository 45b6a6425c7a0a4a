"""A page of captioned photos (dokumentasi): two across, three down (six on a page, four on the
page that starts with the heading), each photo fitted to its box without distortion and its
caption under it. A photo whose file this laptop has not received yet prints as a framed box
that says so, never an error. The photos are reduced for paper (1,200 px on the long side: about
300 dpi at the box's size), so a report with many photos stays small and quick to make."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image as PILImage
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Image, KeepTogether, PageBreak, Table, TableStyle

from desktop.reports.layout import Styles, text

PER_ROW = 2
BOX_HEIGHT = 68 * mm
GAP = 6 * mm
PRINT_SIDE = 1200


@dataclass(frozen=True)
class AnnexPhoto:
    caption: str
    path: Path | None  # None: the file is not on this laptop yet
    missing: str = ""  # what the box says then


def _printable(path: Path) -> tuple[io.BytesIO, int, int] | None:
    """The photo reduced for paper (a JPEG decodes at a smaller scale directly), with its size."""
    try:
        with PILImage.open(path) as image:
            image.draft("RGB", (PRINT_SIDE, PRINT_SIDE))
            picture = image.convert("RGB")
    except (OSError, ValueError, PILImage.DecompressionBombError):
        return None
    picture.thumbnail((PRINT_SIDE, PRINT_SIDE))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=82)
    out.seek(0)
    return out, picture.width, picture.height


def _cell(photo: AnnexPhoto, width: float) -> list[Flowable]:
    found = _printable(photo.path) if photo.path is not None else None
    if found is None:
        box = Table([[text(photo.missing or "(berkas foto tidak tersedia)", Styles.small)]], [width], [BOX_HEIGHT])
        box.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.5, colors.grey),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ]
            )
        )
        picture: Flowable = box
    else:
        data, w, h = found
        scale = min(width / w, BOX_HEIGHT / h)
        picture = Image(data, w * scale, h * scale)
        picture.hAlign = "CENTER"
    return [picture, text(photo.caption, Styles.small) if photo.caption else text("", Styles.small)]


def photo_annex(title: str, photos: Sequence[AnnexPhoto], width: float) -> list[Flowable]:
    """The annex on pages of its own: `title`, then the photos in rows of two."""
    if not photos:
        return []
    column = (width - GAP) / PER_ROW
    story: list[Flowable] = [PageBreak(), text(title, Styles.title)]
    for start in range(0, len(photos), PER_ROW):
        pair = [_cell(photo, column) for photo in photos[start : start + PER_ROW]]
        while len(pair) < PER_ROW:
            pair.append([])
        row = Table([pair], [width / PER_ROW] * PER_ROW)
        row.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                    ("LEFTPADDING", (0, 0), (-1, -1), GAP / 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), GAP / 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
                ]
            )
        )
        story += [CondPageBreak(BOX_HEIGHT + 14 * mm), KeepTogether([row])]
    return story
