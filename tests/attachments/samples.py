"""Files a user might attach, made here: phone photos (with EXIF orientation, GPS and a colour
profile), a PNG, a HEIC, a PDF, an XLSX, and files that are not what their names say."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from PIL import Image, ImageCms

ORIENTATION = 0x0112
GPS_IFD = 0x8825
DATETIME_ORIGINAL = 0x9003
EXIF_IFD = 0x8769


def phone_photo(
    path: Path, size: tuple[int, int] = (4000, 3000), *, orientation: int = 6, noise: bool = False, icc: bool = True
) -> Path:
    """A JPEG as a phone writes it: stored sideways with orientation 6 (turn 90° to view), a
    GPS position, the time it was taken and an sRGB-like colour profile. The left half is red,
    the right half blue (to see which way it was turned)."""
    image = Image.new("RGB", size, "blue")
    image.paste(Image.new("RGB", (size[0] // 2, size[1]), "red"), (0, 0))
    if noise:  # a real photo's detail (a flat image compresses to almost nothing)
        image = Image.blend(image, Image.effect_noise(size, 60).convert("RGB"), 0.35)
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(GPS_IFD).update({1: "S", 2: (0.0, 52.0, 30.0), 3: "E", 4: (131.0, 15.0, 0.0)})
    exif.get_ifd(EXIF_IFD)[DATETIME_ORIGINAL] = "2024:08:21 09:30:00"
    extra = {"icc_profile": ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()} if icc else {}
    image.save(path, "JPEG", quality=92, exif=exif.tobytes(), **extra)
    return path


def png(path: Path, size: tuple[int, int] = (800, 600)) -> Path:
    Image.new("RGBA", size, (0, 128, 0, 128)).save(path, "PNG")
    return path


def heic(path: Path, size: tuple[int, int] = (3000, 2000)) -> Path:
    from pillow_heif import register_heif_opener

    register_heif_opener()
    Image.new("RGB", size, "green").save(path, quality=50)
    return path


def pdf(path: Path, pages: int = 1) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    for n in range(pages):
        canvas.drawString(72, 720, f"Daftar hadir, halaman {n + 1}")
        canvas.showPage()
    canvas.save()
    return path


def xlsx(path: Path) -> Path:
    book = Workbook()
    book.active.append(["Nama", "Instansi"])
    book.save(path)
    return path


def png_bomb(path: Path, side: int = 12_000) -> Path:
    """A small file that decodes to `side`² pixels (a decompression bomb)."""
    out = io.BytesIO()
    Image.new("1", (side, side)).save(out, "PNG", optimize=True)
    path.write_bytes(out.getvalue())
    return path
