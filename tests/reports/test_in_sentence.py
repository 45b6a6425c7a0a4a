"""Labels written inside a printed sentence: lower case, acronyms kept (an evaluator read
"lsm/organisasi masyarakat" in the berita acara's diversity sentence)."""

from __future__ import annotations

from desktop.core.vocab import Category
from desktop.reports.indonesian import in_sentence
from desktop.reports.parts import label


def test_acronyms_stay_upper_case_in_a_sentence() -> None:
    assert in_sentence("LSM/organisasi masyarakat") == "LSM/organisasi masyarakat"
    assert in_sentence("Instansi terkait (OPD)") == "instansi terkait (OPD)"
    assert in_sentence("Media massa") == "media massa"
    assert in_sentence("Akademisi/pakar") == "akademisi/pakar"


def test_every_category_label_reads_in_a_sentence_without_a_lower_cased_acronym() -> None:
    for category in Category:
        written = in_sentence(label(category))
        for word in label(category).replace("/", " ").split():
            if len(word) > 1 and word.isupper():
                assert word in written, (category, written)
