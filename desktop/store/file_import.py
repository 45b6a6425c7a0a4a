"""Reading a file a user attaches: what it really is (by its content, not its name), and for a
photo the print-friendly copy the office keeps (long side at most 2,048 px, JPEG quality 85,
sRGB, turned upright by its EXIF orientation, without the EXIF GPS position). PDF and XLSX
are kept as they are. Nothing is stored here (desktop.store.file_store does that)."""

from __future__ import annotations

import io
import warnings
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from desktop.core.errors import InputError
from desktop.core.i18n import tr
from desktop.store.file_store import too_large
from protocol.entities import MAX_FILE_SIZE

LONG_SIDE = 2048
DRAFT_SLACK = 0.95  # a JPEG may be decoded this much short of LONG_SIDE, then resized up to it
JPEG_QUALITY = 85
# A photo of more pixels than this is refused before it is decoded (a decompression bomb: a
# small file that would fill the memory). 120 megapixels holds a 108 MP phone's photo.
MAX_PIXELS = 120_000_000
GPS_IFD = 0x8825
PRINT_SIDE = 1000  # px on the long side of a photo printed in a report's box (about 300 dpi)
PRINT_QUALITY = 80
ORIENTATION = 0x0112

PHOTO_TYPES = {"image/jpeg": (".jpg", ".jpeg"), "image/png": (".png",), "image/heic": (".heic", ".heif")}
DOCUMENT_TYPES = {
    "application/pdf": (".pdf",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (".xlsx",),
}
ACCEPTED = ", ".join(ext for exts in (*PHOTO_TYPES.values(), *DOCUMENT_TYPES.values()) for ext in exts)


@dataclass(frozen=True)
class Prepared:
    """What to store for an attached file: the photo's new bytes, or the original file."""

    file_name: str
    media_type: str
    data: bytes | None  # a photo's print-friendly copy; None: store `source` as it is
    source: Path
    width: int | None = None
    height: int | None = None
    for_print: bytes | None = None  # a photo reduced for a report's photo box (FileStore.print_copy)

    @property
    def is_photo(self) -> bool:
        return self.width is not None


def prepare(source: Path, *, keep_gps: bool = False) -> Prepared:
    """Raises InputError (with what is wrong and what to do) for a file that cannot be attached."""
    name = source.name
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise InputError(tr("“{name}” cannot be read ({problem}).", name=name, problem=exc.strerror or exc)) from exc
    if not source.is_file():
        raise InputError(tr("“{name}” is not a file.", name=name))
    if size > MAX_FILE_SIZE:
        raise too_large(name, size)
    if size == 0:
        raise InputError(tr("“{name}” is empty.", name=name))
    claimed = _type_by_name(name)
    with source.open("rb") as fh:
        head = fh.read(64)
    found = _type_by_content(head, source)
    if found is None or found != claimed:
        raise InputError(
            tr(
                "“{name}” is not what its name says (its content is not a {kind} file). "
                "Save it again in the program that made it, then add it.",
                name=name,
                kind=_EXTENSION_WORD.get(claimed, claimed),
            )
        )
    if found in PHOTO_TYPES:
        return _photo(source, found, keep_gps)
    return Prepared(name, found, None, source)


_EXTENSION_WORD = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/heic": "HEIC",
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
}


def _type_by_name(name: str) -> str:
    suffix = Path(name).suffix.lower()
    for media_type, extensions in (*PHOTO_TYPES.items(), *DOCUMENT_TYPES.items()):
        if suffix in extensions:
            return media_type
    raise InputError(
        tr(
            "“{name}” cannot be attached: Mufakat takes photos and documents of these kinds: {kinds}.",
            name=name,
            kinds=ACCEPTED,
        )
    )


def _type_by_content(head: bytes, source: Path) -> str | None:
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis", b"hevc"):
        return "image/heic"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"PK\x03\x04") and _is_workbook(source):
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return None


def _is_workbook(source: Path) -> bool:
    try:
        with zipfile.ZipFile(source) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return False
    return "[Content_Types].xml" in names and "xl/workbook.xml" in names


def _photo(source: Path, media_type: str, keep_gps: bool) -> Prepared:
    name = source.name
    if media_type == "image/heic":
        from pillow_heif import register_heif_opener

        register_heif_opener()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(source)
        with image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise _bomb(name, width, height)
            return _reduced(image, name, media_type, source, keep_gps)
    except Image.DecompressionBombError as exc:
        raise _bomb(name, 0, 0) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise InputError(
            tr("“{name}” is damaged and cannot be read as a photo ({problem}).", name=name, problem=str(exc))
        ) from exc


def _bomb(name: str, width: int, height: int) -> InputError:
    size = f"{width} × {height}" if width else tr("too many")
    return InputError(
        tr(
            "“{name}” has {size} pixels; a photo may have at most {limit} megapixels. "
            "Reduce it on the phone or the computer, then add it.",
            name=name,
            size=size,
            limit=MAX_PIXELS // 1_000_000,
        )
    )


def _reduced(image: Image.Image, name: str, media_type: str, source: Path, keep_gps: bool) -> Prepared:
    exif = image.getexif()
    profile = image.info.get("icc_profile")
    width, height = image.size
    long_side = max(width, height)
    if long_side > LONG_SIDE:
        # A JPEG decodes at a half, quarter or eighth of its size directly (its sides before
        # rotation): at the smallest of those scales within 5 % of 2,048 px, then resized to
        # exactly 2,048. A 4,000-px phone photo decodes at 2,000 px and grows by 2.4 % (bilinear:
        # nothing to see at that step, and about 5 times quicker than decoding it whole and
        # reducing it); a photo decoded larger than 2,048 px is reduced with Lanczos.
        reduced = (round(width * LONG_SIDE / long_side), round(height * LONG_SIDE / long_side))
        image.draft("RGB", (int(reduced[0] * DRAFT_SLACK), int(reduced[1] * DRAFT_SLACK)))
        grows = max(image.size) < LONG_SIDE
        image = image.resize(reduced, Image.Resampling.BILINEAR if grows else Image.Resampling.LANCZOS)
    upright = ImageOps.exif_transpose(image) or image
    rgb = _to_srgb(upright, profile)
    for tag in (ORIENTATION, *(() if keep_gps else (GPS_IFD,))):
        if tag in exif:
            del exif[tag]
    out = io.BytesIO()
    try:
        rgb.save(out, "JPEG", quality=JPEG_QUALITY, exif=exif.tobytes())
    except ValueError:  # EXIF past JPEG's 64 KB segment (a long maker note): the photo without it
        out = io.BytesIO()
        rgb.save(out, "JPEG", quality=JPEG_QUALITY)
    stem = Path(name).stem
    return Prepared(f"{stem}.jpg", "image/jpeg", out.getvalue(), source, rgb.width, rgb.height, _for_print(rgb))


def _for_print(picture: Image.Image) -> bytes:
    factor = max(1, max(picture.size) // PRINT_SIDE)
    small = picture.reduce(factor) if factor > 1 else picture  # a box filter: quick, and enough at 2:1
    out = io.BytesIO()
    small.save(out, "JPEG", quality=PRINT_QUALITY)
    return out.getvalue()


def print_reduced(source: Path) -> bytes | None:
    """A stored photo reduced for paper (a 2,048-px JPEG decodes at half size directly); None
    when it cannot be read."""
    try:
        with Image.open(source) as image:
            scale = PRINT_SIDE / max(image.size)
            if scale < 1:
                image.draft("RGB", (int(image.size[0] * scale), int(image.size[1] * scale)))
            picture = image.convert("RGB")
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None
    return _for_print(picture)


_SRGB = ImageCms.createProfile("sRGB")


@lru_cache(maxsize=8)
def _transform_from(icc: bytes) -> ImageCms.ImageCmsTransform | None:
    """The colour transform from a photo's profile to sRGB (None: it is sRGB already, or
    unreadable); made once per profile (phones embed the same few)."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if "srgb" in (ImageCms.getProfileDescription(source) or "").casefold().replace(" ", ""):
            return None
        return ImageCms.buildTransform(source, _SRGB, "RGB", "RGB")
    except (ImageCms.PyCMSError, OSError):
        return None


def _to_srgb(image: Image.Image, icc: object) -> Image.Image:
    """The photo's colours in sRGB (a phone's Display P3 converted through its ICC profile),
    without transparency (laid on white)."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    elif image.mode != "RGB":
        image = image.convert("RGB")
    transform = _transform_from(icc) if isinstance(icc, bytes) and icc else None
    if transform is None:
        return image  # sRGB already, or an unreadable profile: the colours as they are
    return ImageCms.applyTransform(image, transform) or image
