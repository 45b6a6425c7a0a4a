from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from desktop.core import vocab
from desktop.core.i18n import language, set_language, tr
from desktop.core.vocab import Category, Gender, RecStatus, Scope, label, parse_choice

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from update_catalog import PO, extracted_messages, read_catalog, update_po  # noqa: E402

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def test_every_message_has_an_indonesian_translation_with_the_same_placeholders() -> None:
    """desktop/locale/id.po, the source of the messages' Indonesian, holds exactly the messages
    of the code, each translated (a fuzzy guess is not), with the same placeholders."""
    catalog = {m.id: m.string for m in read_catalog(PO) if m.id and not m.fuzzy}
    messages = extracted_messages()
    assert len(messages) > 150
    assert set(catalog) == set(messages), "run tools/update_catalog.py (make catalog)"
    missing = [m for m in messages if not catalog.get(m)]
    assert not missing, f"write their Indonesian in desktop/locale/id.po: {missing[:5]}"
    for message in messages:
        assert sorted(PLACEHOLDER.findall(message)) == sorted(PLACEHOLDER.findall(catalog[message])), message


def test_the_catalog_tool_adds_new_messages_empty_and_keeps_every_translation(tmp_path: Path) -> None:
    """A developer adds a message in the code and runs tools/update_catalog.py: the message
    comes into id.po with no Indonesian and the tool names it; the catalog's other translations
    stay as they were, and a message the code no longer has leaves the catalog."""
    po = tmp_path / "id.po"
    po.write_bytes(PO.read_bytes())
    before = {m.id: m.string for m in read_catalog(po) if m.id}
    gone, *kept = extracted_messages()
    added = "A message written today, {count} time(s)"

    missing = update_po(po, [*kept, added])

    assert missing == [added]
    after = {m.id: m.string for m in read_catalog(po) if m.id}
    assert after == {**{m: before[m] for m in kept}, added: ""}
    assert gone not in after
    written = po.read_bytes()
    assert update_po(po, [*kept, added]) == [added]
    assert po.read_bytes() == written  # a second run changes nothing


def test_every_vocabulary_code_has_a_label() -> None:
    for enum in (
        vocab.Category,
        vocab.Gender,
        vocab.Role,
        vocab.ForumMode,
        vocab.ForumStatus,
        vocab.Scope,
        vocab.RecStatus,
        vocab.RecCategory,
        vocab.Outcome,
        vocab.FollowUpStatus,
        vocab.EscalationStatus,
        vocab.AgeBand,
        vocab.Education,
        vocab.Occupation,
        vocab.AttachmentKind,
    ):
        for member in enum:
            assert member in vocab.LABELS, member


def test_language_switch() -> None:
    set_language("id")
    assert label(RecStatus.ESCALATED) == "Dieskalasi"
    assert tr("{field} must not be empty.", field=tr("Name")) == "Nama wajib diisi."
    set_language("en")
    assert label(RecStatus.ESCALATED) == "Escalated"
    with pytest.raises(ValueError):
        set_language("fr")


@pytest.mark.parametrize(
    ("enum", "text", "expected"),
    [
        (Category, "Satker", Category.CLIENT_OFFICE),
        (Category, "pengguna_layanan", Category.SERVICE_USER),
        (Category, "Pemangku Kepentingan", Category.STAKEHOLDER),
        (Category, "Academic / expert", Category.ACADEMIC),
        (Category, "LSM/Ormas", Category.NGO),
        (Gender, "L", Gender.MALE),
        (Gender, "perempuan", Gender.FEMALE),
        (Scope, "Kebijakan", Scope.POLICY),
        (RecStatus, "dalam_proses", RecStatus.IN_PROGRESS),
        (Category, "martians", None),
        (Category, "  ", None),
    ],
)
def test_parse_choice_understands_spreadsheet_spellings(enum: type, text: str, expected: object) -> None:
    assert parse_choice(enum, text) == expected


def test_every_widget_string_has_an_indonesian_translation(tmp_path: Path) -> None:
    """desktop/locale/mufakat_id.ts is current with the code (lupdate finds nothing new) and
    every message in it is translated, with the same placeholders."""
    from update_catalog import qt_messages, run_lupdate

    catalog = ROOT / "desktop" / "locale" / "mufakat_id.ts"
    fresh = tmp_path / "fresh.ts"
    run_lupdate(fresh)
    in_code = {(context, source) for context, source, _ in qt_messages(fresh)}
    translated = {(context, source): text for context, source, text in qt_messages(catalog)}
    assert len(in_code) > 150
    assert in_code == set(translated), "run tools/update_catalog.py"
    for (context, source), text in translated.items():
        assert text, f"untranslated in {context}: {source!r}"
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), source


def test_the_qt_catalog_compiles_and_switches_the_widgets(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from desktop.views.translation import Translations

    translations = Translations(QCoreApplication.instance())  # type: ignore[arg-type]
    translations.switch("id")
    try:
        assert QCoreApplication.translate("SyncStatusBar", "Up to date") == "Mutakhir"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Batal"
        assert label(RecStatus.ESCALATED) == "Dieskalasi"
    finally:
        translations.switch("en")
    assert QCoreApplication.translate("SyncStatusBar", "Up to date") == "Up to date"


def test_numbers_are_written_as_the_language_writes_them() -> None:
    """One function (Babel's format_decimal) for every decimal sign: the documents' "3,250" and
    "12,50" always Indonesian, other figures (a backup's size) in the user's language."""
    from decimal import Decimal

    from desktop.core.i18n import number
    from desktop.reports.evidence import decimal
    from desktop.reports.survey_parts import number as printed

    assert language() == "en"
    assert number(Decimal("3.250")) == "3.250" and number(100_000) == "100,000"
    assert number(1.25, 1) == "1.3"  # half up, not to even
    assert number(Decimal("3.250"), language="id") == "3,250"  # a Decimal keeps its digits
    assert number(Decimal("1234.5"), language="id") == "1.234,5"
    assert number(Decimal("2.345"), 2, language="id") == "2,35"
    assert printed(Decimal("88.125")) == "88,125" and printed(20_000) == "20.000"  # documents: Indonesian
    assert decimal(Decimal("12.5")) == "12,50" and decimal(7, 0) == "7"
    set_language("id")
    try:
        assert number(Decimal("-1.05")) == "-1,05" and number(1_500_000) == "1.500.000"
    finally:
        set_language("en")
