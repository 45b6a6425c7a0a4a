"""A frozen berita acara prints in the words and figures of the layout version it was frozen
with, for ever (issue #13): a snapshot made before versions existed (no `layout`: version 1)
prints what Mufakat printed when it was frozen, on a laptop that never printed it too.

`data/minutes-layout-1.json` is a snapshot as Mufakat froze it before the one PEKPPP figure
(main at b3c1bf8); `data/minutes-layout-1.pdf` is what that Mufakat printed from it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import msgspec
import pytest

from desktop.reports import minutes_wording
from desktop.reports.minutes import build_minutes
from desktop.services.frozen import report_of
from protocol import minutes as shape
from tests.reports.conftest import all_text

DATA = Path(__file__).parent / "data"


def snapshot_v1() -> dict[str, Any]:
    content: dict[str, Any] = json.loads((DATA / "minutes-layout-1.json").read_text(encoding="utf-8"))
    return content


def test_a_snapshot_without_a_layout_prints_as_the_release_that_froze_it() -> None:
    content = snapshot_v1()
    assert "layout" not in content
    printed_then = (DATA / "minutes-layout-1.pdf").read_bytes()
    printed_now = build_minutes(report_of(content))
    assert all_text(printed_now) == all_text(printed_then)
    text = all_text(printed_now)
    # Version 1's words and figures: "kelompok rentan" counted as an unsur, labels lower case,
    # signed at the venue (the office had no city).
    assert "Unsur masyarakat yang hadir: 4 (empat) unsur" in text
    assert "lsm/organisasi masyarakat, kelompok rentan" in text
    assert "Termasuk 1 (satu) orang dari kelompok rentan." in text
    assert "Aula KPPN Sorong, 21 Agustus 2024" in text
    assert "Keragaman peserta" not in text and "tidak hadir: instansi" not in text


def test_the_same_data_frozen_now_prints_the_newest_wording() -> None:
    content = {**snapshot_v1(), "layout": shape.LAYOUT}
    text = all_text(build_minutes(report_of(content)))
    assert "Keragaman peserta (kategori masyarakat): 3 (tiga) kategori" in text
    assert "LSM/organisasi masyarakat" in text and "Di antara peserta terdapat 1 (satu)" in text
    assert "tidak hadir: instansi terkait, media massa" in text
    assert "……………, 21 Agustus 2024" in text and "Unsur masyarakat yang hadir" not in text


def test_every_layout_version_up_to_the_newest_has_its_wording() -> None:
    assert sorted(minutes_wording.VERSIONS) == list(range(1, shape.LAYOUT + 1))
    assert minutes_wording.CURRENT.layout == shape.LAYOUT
    assert all(words.layout == number for number, words in minutes_wording.VERSIONS.items())


@pytest.mark.parametrize("layout", [0, -1, shape.MAX_LAYOUT + 1, "2", None])
def test_the_server_refuses_a_layout_out_of_range(layout: object) -> None:
    """The shape the server checks every snapshot against (protocol.validate.SHAPES)."""
    with pytest.raises(msgspec.ValidationError, match=r"\$\.layout"):
        msgspec.convert({**snapshot_v1(), "layout": layout}, shape.Minutes)
    assert msgspec.convert(snapshot_v1(), shape.Minutes).layout == 1
    newest = msgspec.convert({**snapshot_v1(), "layout": shape.MAX_LAYOUT}, shape.Minutes)
    assert newest.layout == shape.MAX_LAYOUT
