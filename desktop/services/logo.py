"""The office's logo: any common image file made into a PNG of at most 200 KB, small enough to
travel with the unit's record and sharp enough for the letterhead (printed about 2 cm wide).

The logo is kept as base64 text, because records travel as JSON. A file that is not an image,
a damaged one, or a decompression bomb is refused with a message that says what to do.
"""

from __future__ import annotations

import base64
import binascii
import warnings
from io import BytesIO
from pathlib import Path
from typing import Any

from desktop.core.errors import EnvironmentProblem, InputError
from desktop.core.i18n import N_, tr
from desktop.core.os_words import os_reason

MAX_LOGO_BYTES = 200 * 1024  # the PNG, before base64
MAX_SIDE = 512  # pixels: about 600 dpi at the printed size
MAX_FILE_BYTES = 50 * 1024 * 1024  # a larger file is not a logo
MAX_PIXELS = 50_000_000  # an image claiming more is refused before it is decoded
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
LABEL = N_("Logo")


def _not_an_image(name: str) -> InputError:
    return InputError(
        tr(
            "{name} is not an image Mufakat can read. Choose the office's logo as a PNG, JPEG, "
            "GIF, BMP or WebP file.",
            name=name,
        ),
        field="logo",
    )


def _too_large(name: str) -> InputError:
    return InputError(
        tr("{name} has too many pixels to be a logo. Choose a smaller image.", name=name), field="logo"
    )


def logo_from_file(path: Path) -> str:
    """The logo in `path` as Mufakat keeps it (base64 PNG of at most 200 KB)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                tr(
                    "{name} is {size} MB: too large for a logo. Choose an image of a few hundred KB.",
                    name=path.name,
                    size=size // (1024 * 1024),
                ),
                field="logo",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise EnvironmentProblem(
            tr("Cannot read {path}: {error}", path=path, error=os_reason(exc))
        ) from exc
    return encode_logo(data, path.name)


def encode_logo(data: bytes, name: str) -> str:
    """Re-encode an image (any format Pillow reads) as a PNG of at most 200 KB, as base64."""
    from PIL import Image, ImageOps, UnidentifiedImageError  # loaded when a logo is chosen

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(BytesIO(data)) as opened:
                width, height = opened.size
                if width * height > MAX_PIXELS:
                    raise _too_large(name)
                opened.draft("RGB", (MAX_SIDE * 2, MAX_SIDE * 2))  # JPEG: decode at a fraction
                upright = ImageOps.exif_transpose(opened)
                has_alpha = upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info
                image = upright.convert("RGBA" if has_alpha else "RGB")  # a copy, kept after close
        except UnidentifiedImageError:
            raise _not_an_image(name) from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_large(name) from None
        except (OSError, SyntaxError, ValueError) as exc:  # truncated or damaged image data
            raise InputError(
                tr("{name} is damaged or incomplete. Choose another copy of the logo.", name=name),
                field="logo",
            ) from exc
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    png = _png(image)
    while len(png) > MAX_LOGO_BYTES:
        # A photograph rather than a drawn logo: fewer colours first, then fewer pixels.
        fewer = image.quantize(256) if image.mode != "RGBA" else image.quantize(256, method=2)
        png = _png(fewer)
        if len(png) <= MAX_LOGO_BYTES:
            break
        image = image.resize((max(1, image.width * 3 // 4), max(1, image.height * 3 // 4)))
    return base64.b64encode(png).decode("ascii")


def _png(image: Any) -> bytes:
    out = BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def logo_png(value: str) -> bytes:
    """The PNG bytes of a stored logo (empty: no logo)."""
    return base64.b64decode(value) if value else b""


def _is_png(data: bytes) -> bool:
    """Whether `data` is a whole PNG of a logo's size (checked, not decoded)."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data)) as image:
                fits = image.format == "PNG" and max(image.size) <= MAX_SIDE
                image.verify()
    except Exception:  # whatever Pillow finds wrong, it is not a usable logo
        return False
    return fits


def check_logo(value: Any) -> str:
    """Validator of the unit's `logo` field: empty, or a base64 PNG of at most 200 KB."""
    text = "" if value is None else str(value).strip()
    if not text:
        return ""
    try:
        png = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise InputError(tr("{field} must be a PNG image.", field=tr(LABEL)), field="logo") from None
    if not png.startswith(PNG_SIGNATURE):
        raise InputError(tr("{field} must be a PNG image.", field=tr(LABEL)), field="logo")
    if len(png) > MAX_LOGO_BYTES:
        raise InputError(
            tr(
                "{field} is {size} KB; at most {limit} KB.",
                field=tr(LABEL),
                size=len(png) // 1024,
                limit=MAX_LOGO_BYTES // 1024,
            ),
            field="logo",
        )
    if not _is_png(png):
        raise InputError(tr("{field} must be a PNG image.", field=tr(LABEL)), field="logo")
    return text
