"""The packaged app carries the widgets' compiled catalog (.qm) without its source (.ts): it is
used as it is, never compiled again (the bundle has no Python to compile it with)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from desktop.views import translation
from desktop.views.translation import Translations, qm_file


def test_a_catalog_without_its_source_is_used_as_it_is(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled = qm_file("id")  # compiled from the source here (make does it too)
    assert compiled is not None
    bundle = tmp_path / "locale"
    bundle.mkdir()
    shutil.copy2(compiled, bundle / compiled.name)
    monkeypatch.setattr(translation, "LOCALE_DIR", bundle)

    def no_compiler(*_args: object) -> None:
        raise AssertionError("the packaged app has no compiler to run")

    monkeypatch.setattr(translation, "compile_catalog", no_compiler)
    assert qm_file("id") == bundle / compiled.name
    translations = Translations(qapp)
    try:
        translations.switch("id")
        assert QCoreApplication.translate("SettingsPage", "Settings") == "Pengaturan"
    finally:
        translations.switch("en")
