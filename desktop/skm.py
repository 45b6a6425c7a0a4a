"""The public satisfaction survey (SKM) of PermenPANRB 14/2017: its nine elements and their
answer labels, the index (IKM) and its grade, and the Krejcie–Morgan sample size.

Exact arithmetic: NRR per element = sum of scores ÷ respondents; IKM = mean of the nine NRR ×
25 (each element weighs 1/9), rounded once, at the end, to two decimals (half up) — the figure
that is printed and graded. Bands on that figure: A Sangat Baik 88.31–100.00, B Baik
76.61–88.30, C Kurang Baik 65.00–76.60, D Tidak Baik 25.00–64.99.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from desktop.errors import InputError
from desktop.i18n import tr


@dataclass(frozen=True)
class Element:
    number: int
    name: str  # Indonesian, as on the questionnaire (also the printed name)
    answers: tuple[str, str, str, str]  # labels of scores 1..4


ELEMENTS: tuple[Element, ...] = (
    Element(1, "Persyaratan", ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")),
    Element(2, "Sistem, Mekanisme, dan Prosedur", ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah")),
    Element(3, "Waktu Penyelesaian", ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat")),
    Element(4, "Biaya/Tarif", ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")),
    Element(
        5, "Produk Spesifikasi Jenis Pelayanan", ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")
    ),
    Element(6, "Kompetensi Pelaksana", ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten")),
    Element(
        7,
        "Perilaku Pelaksana",
        ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"),
    ),
    Element(
        8,
        "Penanganan Pengaduan, Saran dan Masukan",
        ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"),
    ),
    Element(9, "Sarana dan Prasarana", ("Buruk", "Cukup", "Baik", "Sangat baik")),
)
SCORE_FIELDS = tuple(f"u{e.number}" for e in ELEMENTS)  # the response columns, u1..u9
CONVERSION = 25
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Grade:
    letter: str
    label: str  # Indonesian (printed), e.g. "Sangat Baik"
    lowest: Decimal  # lowest converted score of the band


GRADES: tuple[Grade, ...] = (
    Grade("A", "Sangat Baik", Decimal("88.31")),
    Grade("B", "Baik", Decimal("76.61")),
    Grade("C", "Kurang Baik", Decimal("65.00")),
    Grade("D", "Tidak Baik", Decimal("25.00")),
)


def grade_of(index: Decimal) -> Grade:
    """The band of a converted score (25.00–100.00, two decimals)."""
    if not Decimal("25.00") <= index <= Decimal("100.00"):
        raise InputError(tr("An index must lie between 25.00 and 100.00, not {value}.", value=index))
    return next(g for g in GRADES if index >= g.lowest)


def check_scores(scores: Sequence[object]) -> tuple[int, ...]:
    """Nine whole scores from 1 to 4, or a message naming the first wrong one."""
    if len(scores) != len(ELEMENTS):
        raise InputError(
            tr("A questionnaire has {n} scores, one per element; got {got}.", n=9, got=len(scores))
        )
    checked = []
    for element, value in zip(ELEMENTS, scores, strict=True):
        try:
            score = int(str(value).strip())
        except ValueError:
            score = 0
        if not 1 <= score <= 4:
            raise InputError(
                tr(
                    "Element {number} ({name}): {value!r} is not a score; answer 1, 2, 3 or 4.",
                    number=element.number,
                    name=element.name,
                    value=str(value),
                ),
                field=f"u{element.number}",
            )
        checked.append(score)
    return tuple(checked)


@dataclass(frozen=True)
class ElementResult:
    element: Element
    total: int
    nrr: Fraction  # mean score, 1–4

    @property
    def nrr_rounded(self) -> Decimal:
        """NRR as printed (three decimals, the convention of the regulation's examples)."""
        return (Decimal(self.nrr.numerator) / Decimal(self.nrr.denominator)).quantize(
            Decimal("0.001"), rounding=ROUND_HALF_UP
        )

    @property
    def converted(self) -> Decimal:
        """The element's own score on the 25–100 scale (for the bars)."""
        value = self.nrr * CONVERSION
        return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class SurveyScore:
    respondents: int
    elements: tuple[ElementResult, ...]
    index: Decimal  # IKM, 25.00–100.00
    grade: Grade
    priority: tuple[Element, ...]  # the lowest NRR (all of them on a tie): improve these first


def score(responses: Sequence[Sequence[int]]) -> SurveyScore:
    """Score questionnaires given as nine scores each (already checked)."""
    if not responses:
        raise InputError(tr("There are no questionnaires to score yet."))
    n = len(responses)
    results = tuple(
        ElementResult(element, total, Fraction(total, n))
        for element, total in zip(
            ELEMENTS, (sum(r[i] for r in responses) for i in range(len(ELEMENTS))), strict=True
        )
    )
    mean = sum((r.nrr for r in results), Fraction(0)) / len(results)
    exact = mean * CONVERSION
    index = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(CENT, rounding=ROUND_HALF_UP)
    lowest = min(r.nrr for r in results)
    return SurveyScore(
        respondents=n,
        elements=results,
        index=index,
        grade=grade_of(index),
        priority=tuple(r.element for r in results if r.nrr == lowest),
    )


# Krejcie & Morgan (1970): S = χ²NP(1−P) / (d²(N−1) + χ²P(1−P)); their published table rounds
# to the nearest whole respondent (N = 1,000 → 277.7 → 278).
CHI_SQUARE = Decimal("3.841")
PROPORTION = Decimal("0.5")
MARGIN = Decimal("0.05")


def minimum_sample(population: int) -> int:
    """Respondents needed for `population` service users (Krejcie–Morgan)."""
    if population < 1:
        raise InputError(tr("The number of service users must be at least 1."))
    n = Decimal(population)
    spread = CHI_SQUARE * PROPORTION * (1 - PROPORTION)
    size = spread * n / (MARGIN * MARGIN * (n - 1) + spread)
    return int(size.quantize(Decimal(1), rounding=ROUND_HALF_UP))
