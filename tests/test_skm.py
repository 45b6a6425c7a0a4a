"""The SKM rules of PermenPANRB 14/2017 against hand-computed figures: NRR, IKM, the grade
bands at every boundary, half-up rounding, the priority element, and the Krejcie–Morgan
sample size against the published table."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from desktop import skm
from desktop.errors import InputError


def test_three_questionnaires_scored_by_hand() -> None:
    result = skm.score([(4,) * 9, (3,) * 9, (3,) * 8 + (2,)])
    # U1–U8: (4+3+3)/3 = 3.333…; U9: (4+3+2)/3 = 3; mean = (8 × 10/3 + 3)/9 = 89/27; × 25 = 82.407…
    assert [e.nrr for e in result.elements] == [Fraction(10, 3)] * 8 + [Fraction(3)]
    assert result.elements[0].nrr_rounded == Decimal("3.333")
    assert result.elements[8].converted == Decimal("75.00")
    assert result.index == Decimal("82.41")
    assert (result.grade.letter, result.grade.label) == ("B", "Baik")
    assert [e.number for e in result.priority] == [9]
    assert result.respondents == 3


def test_every_element_weighs_one_ninth() -> None:
    all_ones = skm.score([(1,) * 9])
    all_fours = skm.score([(4,) * 9])
    assert (all_ones.index, all_ones.grade.letter) == (Decimal("25.00"), "D")
    assert (all_fours.index, all_fours.grade.letter) == (Decimal("100.00"), "A")
    one_element_up = skm.score([(4,) + (1,) * 8])  # (4 + 8)/9 × 25 = 33.33
    assert one_element_up.index == Decimal("33.33")


@pytest.mark.parametrize(
    ("index", "letter", "label"),
    [
        ("100.00", "A", "Sangat Baik"),
        ("88.31", "A", "Sangat Baik"),
        ("88.30", "B", "Baik"),
        ("76.61", "B", "Baik"),
        ("76.60", "C", "Kurang Baik"),
        ("65.00", "C", "Kurang Baik"),
        ("64.99", "D", "Tidak Baik"),
        ("25.00", "D", "Tidak Baik"),
    ],
)
def test_grade_bands_at_every_boundary(index: str, letter: str, label: str) -> None:
    grade = skm.grade_of(Decimal(index))
    assert (grade.letter, grade.label) == (letter, label)


@pytest.mark.parametrize("index", ["24.99", "100.01"])
def test_an_index_outside_the_scale_is_refused(index: str) -> None:
    with pytest.raises(InputError):
        skm.grade_of(Decimal(index))


def test_the_index_is_rounded_half_up_once_at_the_end() -> None:
    """5,000 questionnaires whose exact index is 76.605: half-up gives 76.61 (B); rounding to
    even, or rounding each NRR first, would give 76.60 (C)."""
    cells = 5000 * 9
    bumped = 9 * 15321 - 3 * cells  # total score 137,889 = 3.0642 × 45,000
    flat = [3] * cells
    for i in range(bumped):
        flat[i] = 4
    responses = [tuple(flat[r * 9 : r * 9 + 9]) for r in range(5000)]
    result = skm.score(responses)
    assert sum(e.nrr for e in result.elements) / 9 * 25 == Fraction(76605, 1000)
    assert result.index == Decimal("76.61") and result.grade.letter == "B"


def test_a_tie_for_the_lowest_element_names_them_all() -> None:
    result = skm.score([(2, 3, 3, 3, 2, 3, 3, 3, 3)])
    assert [e.number for e in result.priority] == [1, 5]


@pytest.mark.parametrize(
    ("population", "sample"),
    # Krejcie & Morgan (1970), Table 1 (N → S)
    [
        (10, 10),
        (20, 19),
        (50, 44),
        (100, 80),
        (150, 108),
        (200, 132),
        (300, 169),
        (400, 196),
        (500, 217),
        (750, 254),
        (1000, 278),
        (1500, 306),
        (2000, 322),
        (3000, 341),
        (5000, 357),
        (10000, 370),
        (20000, 377),
        (50000, 381),
        (1000000, 384),
    ],
)
def test_minimum_sample_matches_the_published_table(population: int, sample: int) -> None:
    assert skm.minimum_sample(population) == sample


def test_scores_are_checked_with_a_message_naming_the_element() -> None:
    assert skm.check_scores(["4", 3, " 2 ", 1, 4, 4, 4, 4, 4]) == (4, 3, 2, 1, 4, 4, 4, 4, 4)
    with pytest.raises(InputError) as bad:
        skm.check_scores([4, 4, 4, 5, 4, 4, 4, 4, 4])
    assert "Element 4 (Biaya/Tarif)" in bad.value.message and bad.value.field == "u4"
    with pytest.raises(InputError):
        skm.check_scores([4] * 8)
    with pytest.raises(InputError):
        skm.check_scores(["x"] + [4] * 8)
    with pytest.raises(InputError):
        skm.score([])
    with pytest.raises(InputError):
        skm.minimum_sample(0)
