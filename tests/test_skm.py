"""The SKM rules of PermenPANRB 14/2017 against hand-computed figures: every figure after the NRR
comes from the printed NRR (three decimals), the index by either method (1/9 or 0,111), the
grade bands at every boundary, half-up rounding at each printed figure, the priority element,
and the Krejcie–Morgan sample size against the published table."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.core.errors import InputError
from desktop.rules import skm
from domain.skm import half_up
from protocol.vocab import IkmMethod


def _responses(n: int, fours_per_element: list[int]) -> list[tuple[int, ...]]:
    """`n` questionnaires of threes, with so many fours in each element's column."""
    return [tuple(4 if r < fours else 3 for fours in fours_per_element) for r in range(n)]


def test_three_questionnaires_scored_by_hand() -> None:
    result = skm.score([(4,) * 9, (3,) * 9, (3,) * 8 + (2,)])
    # U1–U8: 10/3 → 3,333 printed; U9: 9/3 = 3,000. Σ NRR = 8 × 3,333 + 3,000 = 29,664;
    # IKM = 29,664 ÷ 9 × 25 = 82,40 (from the unrounded NRR it was 82,407…, printed 82,41).
    assert [e.nrr for e in result.elements] == [Decimal("3.333")] * 8 + [Decimal("3.000")]
    assert result.elements[0].converted == Decimal("83.33")  # 3,333 × 25 = 83,325
    assert result.elements[8].converted == Decimal("75.00")
    assert result.nrr_sum == Decimal("29.664")
    assert result.index == Decimal("82.40") and result.method is IkmMethod.EXACT
    assert (result.grade.letter, result.grade.label) == ("B", "Baik")
    assert [e.number for e in result.priority] == [9]
    assert result.respondents == 3
    # NRR × 0,111: 29,664 × 0,111 = 3,292704; × 25 = 82,3176 → 82,32.
    weighted = skm.score([(4,) * 9, (3,) * 9, (3,) * 8 + (2,)], IkmMethod.WEIGHT_0111)
    assert weighted.elements[0].weighted == Decimal("0.369963")
    assert weighted.weighted_sum == Decimal("3.292704")
    assert weighted.index == Decimal("82.32")
    assert weighted.indexes == result.indexes  # the same figures, the office's method printed


def test_the_conversion_uses_the_printed_nrr() -> None:
    """The issue's U6: 307 points from 92 respondents = 3,33695… → 3,337 printed; 3,337 × 25 =
    83,425 → 83,43 (the unrounded NRR gave 83,42, which no reader could recompute)."""
    scores = _responses(92, [0] * 9)
    scores = [(*row[:5], 4 if r < 31 else 3, *row[6:]) for r, row in enumerate(scores)]  # 31×4 + 61×3 = 307
    element = skm.score(scores).elements[5]
    assert (element.total, element.nrr, element.converted) == (307, Decimal("3.337"), Decimal("83.43"))


def test_ten_questionnaires_graded_a_by_one_ninth_and_b_by_0111() -> None:
    """318 points in 10 questionnaires: Σ NRR = 31,8. 31,8 ÷ 9 × 25 = 88,333… → 88,33 (A);
    31,8 × 0,111 × 25 = 88,245 → 88,25 (B). The methods disagree: the screen warns."""
    fours = [6, 6, 6, 5, 5, 5, 5, 5, 5]  # 48 fours and 42 threes = 318
    result = skm.score(_responses(10, fours))
    assert result.nrr_sum == Decimal("31.800")
    assert result.indexes == {IkmMethod.EXACT: Decimal("88.33"), IkmMethod.WEIGHT_0111: Decimal("88.25")}
    assert (result.grade_by(IkmMethod.EXACT).letter, result.grade_by(IkmMethod.WEIGHT_0111).letter) == ("A", "B")
    assert result.methods_disagree
    assert not skm.score([(4,) * 9]).methods_disagree


def test_every_element_weighs_one_ninth() -> None:
    all_ones = skm.score([(1,) * 9])
    all_fours = skm.score([(4,) * 9])
    assert (all_ones.index, all_ones.grade.letter) == (Decimal("25.00"), "D")
    assert (all_fours.index, all_fours.grade.letter) == (Decimal("100.00"), "A")
    one_element_up = skm.score([(4,) + (1,) * 8])  # (4 + 8)/9 × 25 = 33.33
    assert one_element_up.index == Decimal("33.33")
    # 0,111 × 9 = 0,999: the spreadsheets' method tops out at 99,90.
    assert skm.score([(4,) * 9], IkmMethod.WEIGHT_0111).index == Decimal("99.90")


def test_each_printed_figure_is_rounded_half_up() -> None:
    # NRR: 6001 points from 2000 respondents = 3,0005 → 3,001 (to even would give 3,000).
    element = skm.score(_responses(2000, [1] + [0] * 8)).elements[0]
    assert element.nrr == Decimal("3.001")
    # IKM: 9 × 3,065 = 27,585; ÷ 9 × 25 = 76,625 → 76,63 (to even: 76,62).
    result = skm.score(_responses(1000, [65] * 9))
    assert result.nrr_sum == Decimal("27.585") and result.index == Decimal("76.63")
    assert half_up(Decimal("83.425"), 2) == Decimal("83.43") and half_up(Decimal("-0.005"), 2) == Decimal("-0.01")


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
    with pytest.raises(InputError) as short:
        skm.check_scores([4] * 8)
    assert "got 8" in short.value.message
    with pytest.raises(InputError):
        skm.check_scores(["x"] + [4] * 8)
    with pytest.raises(InputError) as empty:
        skm.score([])
    assert "no questionnaires" in empty.value.message
    with pytest.raises(InputError) as none:
        skm.minimum_sample(0)
    assert "at least 1" in none.value.message
