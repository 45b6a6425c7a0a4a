"""Evidence pack benchmark (issue #16, "Paket bukti"): the pack of the demo forum, and the pack
of a year of an office with 12 forums of 24 photos each (phone photos, reduced on import as the
app does). Prints the wall-clock and processor time of making each pack, its size and number of
files, the peak memory of the process, and whether a second pack of the same data gave the same
bytes. No target is set by the issue; the figures are for the lead to compare.

    .venv/bin/python bench/evidence_pack.py [--forums 12] [--photos 24]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.documents.evidence_pack import make_pack
from desktop.services import attachments, demo, forums, participants
from desktop.services import recommendations as recs
from desktop.services.evidence_pack import PackScope
from protocol.vocab import AttachmentOwner

DAY = date(2026, 12, 1)


def _photos(folder: Path, count: int) -> list[Path]:
    """`count` phone-sized photos with a real photo's detail (noise), each its own."""
    base = Image.effect_noise((4000, 3000), 60).convert("RGB")
    made = []
    for n in range(count):
        image = Image.blend(base, Image.new("RGB", base.size, (n * 9 % 255, 120, 200 - n * 7 % 200)), 0.4)
        path = folder / f"IMG_{n:04d}.jpg"
        image.save(path, "JPEG", quality=90)
        made.append(path)
    return made


def _timed(label: str, work: object) -> None:
    assert callable(work)
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    path = result.path
    size = path.stat().st_size / 1024 / 1024
    with zipfile.ZipFile(path) as pack:
        files = len(pack.namelist())
    print(f"{label}: {wall:.2f} s wall, {cpu:.2f} s processor; {files} files, {size:.1f} MB; "
          f"{len(result.missing)} missing line(s)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forums", type=int, default=12)
    parser.add_argument("--photos", type=int, default=24)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        ws = Workspace.open(root / "data", Settings(language="id", operator="Bench"))
        forum = ws.write(demo.load_demo).forum_id
        _timed("demo forum pack", lambda: make_pack(ws, PackScope.of_forum(forum), root / "demo.zip", as_of=DAY))
        again = make_pack(ws, PackScope.of_forum(forum), root / "demo2.zip", as_of=DAY)
        same = again.path.read_bytes() == (root / "demo.zip").read_bytes()
        print(f"demo pack made twice gives the same bytes: {same}")
        demo_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory so far (the demo's packs): {demo_peak:.0f} MB")

        unit = ws.ctx.home_unit_id
        assert unit is not None
        (root / "phone").mkdir()
        sources = _photos(root / "phone", args.photos)
        started = time.perf_counter()
        for n in range(args.forums):
            fid = ws.write(forums.create_forum, unit_id=unit, title=f"FKP Bulan {n + 1} Tahun 2025",
                           held_on=f"2025-{n + 1:02d}-15", venue="Aula KPPN")
            for p in range(15):
                ws.write(participants.add_participant, fid, name=f"Peserta {p}", category="pengguna layanan",
                         attended=True)
            for r in range(8):
                ws.write(recs.add_recommendation, fid, text=f"Masukan {r} forum {n}", scope="unit")
            for k, source in enumerate(sources):
                image = Image.open(source)
                image.putpixel((k, n), (n, k, 0))  # each forum's photos its own
                copy = root / "phone" / f"f{n}-{source.name}"
                image.save(copy, "JPEG", quality=90)
                stored = attachments.store_file(ws.files, copy)
                ws.write(attachments.attach, AttachmentOwner.FORUM, fid, stored, caption=f"Kegiatan {k + 1}")
                copy.unlink()
        print(f"set-up of {args.forums} forums with {args.photos} photos each: {time.perf_counter() - started:.0f} s")
        _timed(
            f"year pack ({args.forums} forums x {args.photos} photos)",
            lambda: make_pack(ws, PackScope.of_year(unit, 2025), root / "2025.zip", as_of=DAY),
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory of the process (the set-up's 12-megapixel photos included): {peak:.0f} MB")
        ws.close()


if __name__ == "__main__":
    main()
