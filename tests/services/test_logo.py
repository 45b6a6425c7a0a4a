"""The office's logo: any common image made a PNG of at most 200 KB; anything else refused with
a message that says what to do."""

from __future__ import annotations

import base64
import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from desktop.core.errors import InputError
from desktop.services.logo import MAX_LOGO_BYTES, MAX_SIDE, check_logo, encode_logo, logo_from_file, logo_png


def png_of(logo: str) -> Image.Image:
    return Image.open(io.BytesIO(logo_png(logo)))


def test_a_phone_photo_becomes_a_small_png(tmp_path: Path) -> None:
    photo = tmp_path / "logo.jpg"
    Image.effect_noise((4000, 3000), 80).convert("RGB").save(photo, quality=95)
    assert photo.stat().st_size > 2_000_000
    logo = logo_from_file(photo)
    image = png_of(logo)
    assert image.format == "PNG" and max(image.size) <= MAX_SIDE
    assert len(logo_png(logo)) <= MAX_LOGO_BYTES
    assert check_logo(logo) == logo


def test_a_drawn_logo_keeps_its_transparency_and_shape() -> None:
    drawn = Image.new("RGBA", (1200, 600), (0, 0, 0, 0))
    ImageDraw.Draw(drawn).rectangle([100, 100, 1100, 500], fill=(0, 60, 140, 255))
    out = io.BytesIO()
    drawn.save(out, "PNG")
    image = png_of(encode_logo(out.getvalue(), "logo.png"))
    assert image.size == (MAX_SIDE, MAX_SIDE // 2) and image.mode == "RGBA"
    assert image.getpixel((0, 0))[3] == 0  # the corner stays transparent


def test_a_photo_taken_sideways_is_turned_upright() -> None:
    photo = Image.new("RGB", (800, 400), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view"
    out = io.BytesIO()
    photo.save(out, "JPEG", exif=exif)
    assert png_of(encode_logo(out.getvalue(), "foto.jpg")).size == (256, 512)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"%PDF-1.7 a document, not a picture", "is not an image"),
        (b"", "is not an image"),
    ],
)
def test_what_is_not_an_image_is_refused(content: bytes, expected: str) -> None:
    with pytest.raises(InputError, match=expected) as refused:
        encode_logo(content, "kop.pdf")
    assert "PNG, JPEG" in refused.value.message


def test_a_damaged_image_is_refused() -> None:
    out = io.BytesIO()
    Image.effect_noise((600, 600), 50).convert("RGB").save(out, "JPEG")
    with pytest.raises(InputError, match="damaged or incomplete"):
        encode_logo(out.getvalue()[:3000], "logo.jpg")


def test_a_decompression_bomb_is_refused_before_it_is_decoded() -> None:
    """A tiny PNG that claims 40,000 × 40,000 pixels (1.6 billion)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 40_000, 40_000, 8, 0, 0, 0, 0)
    bomb = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")
    with pytest.raises(InputError, match=r"bom\.png has too many pixels to be a logo"):
        encode_logo(bomb, "bom.png")


def test_an_image_over_the_pixel_limit_is_refused_before_it_is_decoded() -> None:
    out = io.BytesIO()
    Image.new("1", (10_000, 6_000)).save(out, "PNG")  # 60 million pixels, a few kilobytes
    with pytest.raises(InputError, match="too many pixels"):
        encode_logo(out.getvalue(), "scan.png")


def test_a_file_that_cannot_be_read_says_so(tmp_path: Path) -> None:
    from desktop.core.errors import EnvironmentProblem

    with pytest.raises(EnvironmentProblem, match="Cannot read"):
        logo_from_file(tmp_path / "missing.png")


def test_the_stored_field_accepts_only_a_small_png() -> None:
    assert check_logo("") == "" and check_logo(None) == ""
    with pytest.raises(InputError, match="must be a PNG"):
        check_logo("not base64 at all!")
    with pytest.raises(InputError, match="must be a PNG"):
        check_logo(base64.b64encode(b"GIF89a....").decode())
    noise = io.BytesIO()
    Image.effect_noise((512, 512), 100).convert("RGBA").save(noise, "PNG")
    assert len(noise.getvalue()) > MAX_LOGO_BYTES
    with pytest.raises(InputError, match="at most 200 KB"):
        check_logo(base64.b64encode(noise.getvalue()).decode())
    huge = io.BytesIO()
    Image.new("1", (5000, 100)).save(huge, "PNG")  # small in bytes, too wide for a logo
    with pytest.raises(InputError, match="must be a PNG"):
        check_logo(base64.b64encode(huge.getvalue()).decode())
