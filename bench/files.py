"""Attached files on the laptop (issue 16), printed, not asserted:

- a phone photo of about 5 MB (12 megapixels, sideways with its EXIF orientation) from the moment
  it is added to its saved thumbnail: read, reduced to 2,048 px, stored durably, recorded (one
  transaction with its history and outbox entry) and its thumbnail decoded as the panel shows it.
  Target (issue 16): at most 300 ms. Median and worst of several photos, each a new one;
- a Laporan Pelaksanaan FKP with 24 photos in its Dokumentasi annex: the first time (each photo's
  print copy made) and again. Target: under 2 s.

    .venv/bin/python bench/files.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.documents.builders import build_forum_document
from desktop.services import attachments, demo
from desktop.views.attachments_panel import thumbnail
from protocol.vocab import AttachmentOwner
from tests.attachments import samples

PHOTOS = 7
REPORT_PHOTOS = 24


def phone_photos(folder: Path, count: int) -> list[Path]:
    """`count` different 12-megapixel photos with a real photo's detail (about 5 MB each)."""
    base = samples.phone_photo(folder / "base.jpg", (4000, 3000), noise=True)
    made = []
    with Image.open(base) as image:
        exif = image.getexif()
        pixels = image.convert("RGB")
    for n in range(count):
        pixels.paste((n * 30 % 256, 90, 200), (10 * n, 10 * n, 10 * n + 40, 10 * n + 40))  # each its own
        path = folder / f"IMG_{n:04}.jpg"
        pixels.save(path, "JPEG", quality=80, exif=exif.tobytes())
        made.append(path)
    return made


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="mufakat-bench-files-") as scratch_name:
        scratch = Path(scratch_name)
        ws = Workspace.open(scratch / "data", Settings(language="id", operator="Bench"))
        try:
            forum = ws.write(demo.load_demo).forum_id
            photos = phone_photos(scratch, max(PHOTOS, REPORT_PHOTOS))
            sizes = [p.stat().st_size / 1_000_000 for p in photos[:PHOTOS]]
            times = []
            for path in photos[:PHOTOS]:
                started = time.perf_counter()
                stored = attachments.store_file(ws.files, path)
                ws.write(attachments.attach, AttachmentOwner.FORUM, forum, stored)
                assert thumbnail(ws.files.thumbnail_source(stored.sha256)) is not None
                times.append((time.perf_counter() - started) * 1000)
            print(
                f"files: a {statistics.mean(sizes):.1f} MB 12-megapixel phone photo to its saved thumbnail: "
                f"first {times[0]:.0f} ms, then median {statistics.median(times[1:]):.0f} ms, "
                f"worst {max(times[1:]):.0f} ms over {PHOTOS - 1} (target ≤ 300 ms)"
            )
            for path in photos[PHOTOS:REPORT_PHOTOS]:
                stored = attachments.store_file(ws.files, path)
                ws.write(attachments.attach, AttachmentOwner.FORUM, forum, stored, caption=path.stem)
            runs = []
            for _ in range(4):
                started = time.perf_counter()
                pdf = build_forum_document(ws, "implementation-report", forum)
                runs.append(time.perf_counter() - started)
            print(
                f"files: Laporan Pelaksanaan FKP with {REPORT_PHOTOS} photos: first {runs[0]:.2f} s (its print "
                f"copies made), then median {statistics.median(runs[1:]):.2f} s of 3, "
                f"{len(pdf) / 1_000_000:.1f} MB (target < 2 s)"
            )
        finally:
            ws.close()


if __name__ == "__main__":
    main()
