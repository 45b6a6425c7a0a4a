"""Whether an announced version is newer than the running one, and what a server may announce."""

from __future__ import annotations

import pytest

from desktop.sync.updates import announced_release, is_newer


@pytest.mark.parametrize(
    ("announced", "running", "newer"),
    [
        ("0.2.0", "0.1.0", True),
        ("0.10", "0.9.3", True),
        ("0.2", "0.2.0", False),
        ("0.1.0", "0.2.0", False),
        ("1.0.0", "1.0.0rc1", False),
        ("", "0.1.0", False),
        ("1.0-beta", "0.1.0", False),
    ],
)
def test_is_newer(announced: str, running: str, newer: bool) -> None:
    assert is_newer(announced, running) is newer


@pytest.mark.parametrize(
    "answer",
    [
        None,
        {"app_version": "", "download_url": ""},
        {"app_version": "2.0", "download_url": "file:///C:/Windows/system32/calc.exe"},
        {"app_version": "2.0", "download_url": "https://x/a b.exe"},
        {"app_version": 2, "download_url": "https://x/a.exe"},
        {"app_version": "2.0; rm -rf", "download_url": "https://x/a.exe"},
    ],
)
def test_an_unusable_announcement_is_taken_as_none(answer: object) -> None:
    assert announced_release(answer) == ("", "")


def test_a_usable_announcement() -> None:
    assert announced_release({"app_version": "2.0.1", "download_url": "https://fkp.go.id/m.exe"}) == (
        "2.0.1",
        "https://fkp.go.id/m.exe",
    )
