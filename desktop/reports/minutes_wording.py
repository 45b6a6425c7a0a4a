"""The berita acara's wording of each layout version a snapshot was ever frozen with, as data.

A frozen berita acara carries the layout version it was frozen with (`protocol.minutes`:
`layout`, 1 for snapshots made before versions existed), and every laptop prints it in that
version's words and figures: a laptop that never printed a berita acara frozen before a
wording change prints it as the room signed it, byte for byte what the laptop that froze it
printed. A change of what a berita acara says adds a version here (and bumps
`protocol.minutes.LAYOUT`); it never edits one already frozen.

Version 1 is the berita acara as Mufakat worded it before the one PEKPPP figure (issue #13):
the public's categories counted as *unsur masyarakat* with "kelompok rentan" among them when a
participant belonged to a vulnerable group, a score of at most five for them, the five-unsur
scale beside it, labels lower-cased in sentences, and signed at the forum's venue while the
office had no city. Version 2 is the one PEKPPP figure, the participants' diversity apart, and
the office's city (dots while it has none). Version 3 keeps each row of the participants' table
and of the PEKPPP mapping whole on one page (versions 1 and 2 let reportlab cut a row under the
header repeated overleaf).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop.reports import wording
from protocol.minutes import LAYOUT


@dataclass(frozen=True)
class MinutesWording:
    layout: int
    # The public's categories present, with {count} and {names} (" (a, b)" or nothing) and the
    # score {score}: "Unsur masyarakat yang hadir: …" (1), "Keragaman peserta …" (2).
    categories: str
    vulnerable: str  # {count} participants of a vulnerable group
    # PEKPPP's five-unsur scale: {score}, {full}, {present} (" (a, b)" or nothing), {missing}.
    pekppp: str
    missing: str  # "; tidak hadir: {names}" or nothing
    # Version 1 counted "kelompok rentan" as an unsur when any participant belonged to one.
    vulnerable_is_unsur: bool
    # Version 1 lower-cased labels inside sentences ("lsm/organisasi masyarakat").
    keep_acronyms: bool
    # Where it was signed while the office had no city: the venue (1), dots to write on (2).
    place_is_venue: bool
    # A row of a small table never cut across two pages (3); reportlab's own split (1, 2).
    whole_rows: bool = False


VERSIONS: dict[int, MinutesWording] = {
    1: MinutesWording(
        layout=1,
        categories=(
            "Unsur masyarakat yang hadir: {count} unsur{names}; nilai jumlah unsur pada evaluasi PEKPPP: "
            "{score} (0 = tidak ada, 1–4 = sejumlah unsur yang hadir, 5 = lebih dari empat unsur)."
        ),
        vulnerable="Termasuk {count} orang dari kelompok rentan.",
        pekppp="Pada skala lima unsur PEKPPP (indikator 2): {score} dari 5 (lima) unsur hadir{present}.",
        missing="",
        vulnerable_is_unsur=True,
        keep_acronyms=False,
        place_is_venue=True,
    ),
    2: MinutesWording(
        layout=2,
        categories=wording.DIVERSITY + ": {count} kategori{names}.",
        vulnerable="Di antara peserta terdapat {count} orang dari kelompok rentan.",
        pekppp=wording.PEKPPP_FIGURE + ": {score} dari {full} unsur hadir{present}{missing}.",
        missing="; tidak hadir: {names}",
        vulnerable_is_unsur=False,
        keep_acronyms=True,
        place_is_venue=False,
    ),
}
VERSIONS[3] = replace(VERSIONS[2], layout=3, whole_rows=True)
CURRENT = VERSIONS[LAYOUT]


def of(layout: int) -> MinutesWording:
    """The wording of a layout version this code prints (`frozen_minutes` refuses the others)."""
    return VERSIONS[layout]
