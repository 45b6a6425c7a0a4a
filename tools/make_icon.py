"""Draw the app's icon (a white "M." on the office blue) into the files the app
and the installers use: desktop/resources/mufakat.png (the window's icon, the Linux bundle) and
packaging/windows/mufakat.ico (the Windows executable and installer). Run it after changing the
drawing; the outputs are committed, so building the app needs no drawing step.

    .venv/bin/python tools/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
PNG = ROOT / "desktop" / "resources" / "mufakat.png"
ICO = ROOT / "packaging" / "windows" / "mufakat.ico"
FONT = ROOT / "desktop" / "reports" / "fonts" / "DejaVuSans-Bold.ttf"
BLUE = (31, 85, 150, 255)  # the office blue of desktop/views/look.py
SIZE = 256
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw(size: int = SIZE) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin = size // 16
    pen.rounded_rectangle((margin, margin, size - margin, size - margin), radius=size // 5, fill=BLUE)
    # A full stop under the letter: what was agreed (mufakat) is settled.
    dot = size // 9
    left, top = size * 44 // 64, size * 38 // 64
    pen.ellipse((left, top, left + dot, top + dot), fill="white")
    font = ImageFont.truetype(str(FONT), size // 2)
    pen.text((size * 29 // 64, size // 2), "M", font=font, fill="white", anchor="mm")
    return image


def main() -> None:
    image = draw()
    PNG.parent.mkdir(parents=True, exist_ok=True)
    image.save(PNG, optimize=True)
    image.save(ICO, sizes=ICO_SIZES)
    print(f"wrote {PNG.relative_to(ROOT)} and {ICO.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
