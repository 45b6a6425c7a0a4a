"""The public satisfaction survey (SKM) of PermenPANRB 14/2017: its nine elements and their
answer labels, the index (IKM) by the office's method and its grade, and the Krejcie–Morgan
sample size.

Every printed figure can be recomputed from the figures printed beside it (issue #13):

- NRR of an element = its total score ÷ respondents, rounded once to three decimals (half up).
  That printed NRR is what every later figure is computed from.
- The element's converted score = NRR × 25, rounded to two decimals.
- Σ NRR, the sum of the nine printed NRR (exact: three decimals).
- IKM, by the office's method (`IkmMethod`):
  - exactly 1/9 each (the regulation's weight, the default): IKM = Σ NRR ÷ 9 × 25;
  - 0,111 each (many offices' spreadsheets): NRR tertimbang = NRR × 0,111 (exact: six
    decimals, nothing rounded), IKM = Σ NRR tertimbang × 25.
  Rounded once, at the end, to two decimals (half up): the figure that is printed and graded.
- Bands on that figure: A Sangat Baik 88.31–100.00, B Baik 76.61–88.30, C Kurang Baik
  65.00–76.60, D Tidak Baik 25.00–64.99.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from domain.errors import RuleError
from protocol.vocab import IkmMethod


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
WEIGHT = Decimal("0.111")  # the spreadsheets' weight of one element
NRR_PLACES = 3
INDEX_PLACES = 2
LOWEST, HIGHEST = Decimal("25.00"), Decimal("100.00")


def half_up(value: Fraction | Decimal, places: int) -> Decimal:
    """`value` rounded to `places` decimals, half up (the way the regulation's tables round);
    exact for any fraction (no binary floating point anywhere)."""
    exact = Fraction(value)
    sign = -1 if exact < 0 else 1
    whole = math.floor(abs(exact) * 10**places + Fraction(1, 2))
    return Decimal(sign * whole).scaleb(-places)


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
    if not LOWEST <= index <= HIGHEST:
        raise RuleError("index_out_of_scale", value=str(index))
    return next(g for g in GRADES if index >= g.lowest)


def check_scores(scores: Sequence[object]) -> tuple[int, ...]:
    """Nine whole scores from 1 to 4; `RuleError` names the first wrong one."""
    if len(scores) != len(ELEMENTS):
        raise RuleError("score_count", n=len(ELEMENTS), got=len(scores))
    checked = []
    for element, value in zip(ELEMENTS, scores, strict=True):
        try:
            score = int(str(value).strip())
        except ValueError:
            score = 0
        if not 1 <= score <= 4:
            raise RuleError("not_a_score", number=element.number, name=element.name, value=str(value))
        checked.append(score)
    return tuple(checked)


@dataclass(frozen=True)
class ElementResult:
    element: Element
    total: int  # the sum of the respondents' scores
    respondents: int

    @property
    def nrr_exact(self) -> Fraction:
        return Fraction(self.total, self.respondents)

    @property
    def nrr(self) -> Decimal:
        """NRR as printed: total ÷ respondents, three decimals. Every later figure uses it."""
        return half_up(self.nrr_exact, NRR_PLACES)

    @property
    def converted(self) -> Decimal:
        """The element's own score on the 25–100 scale: printed NRR × 25, two decimals."""
        return half_up(self.nrr * CONVERSION, INDEX_PLACES)

    @property
    def weighted(self) -> Decimal:
        """NRR tertimbang (method 0,111): printed NRR × 0,111, exact (six decimals)."""
        return self.nrr * WEIGHT


def nrr_sum(elements: Sequence[ElementResult]) -> Decimal:
    """Σ NRR of the printed figures (exact)."""
    return sum((e.nrr for e in elements), Decimal("0.000"))


def index_of(elements: Sequence[ElementResult], method: IkmMethod) -> Decimal:
    """IKM from the printed NRR by `method`, rounded once to two decimals."""
    total = nrr_sum(elements)
    if method is IkmMethod.WEIGHT_0111:
        return half_up(total * WEIGHT * CONVERSION, INDEX_PLACES)
    return half_up(Fraction(total) / len(elements) * CONVERSION, INDEX_PLACES)


@dataclass(frozen=True)
class SurveyScore:
    respondents: int
    elements: tuple[ElementResult, ...]
    method: IkmMethod  # the office's: the index printed and graded
    indexes: Mapping[IkmMethod, Decimal]  # the index by each method (the screen compares them)
    priority: tuple[Element, ...]  # the lowest printed NRR (all of them on a tie): improve first

    @property
    def index(self) -> Decimal:
        """IKM, 25.00–100.00, by the office's method."""
        return self.indexes[self.method]

    @property
    def grade(self) -> Grade:
        return grade_of(self.index)

    @property
    def nrr_sum(self) -> Decimal:
        return nrr_sum(self.elements)

    @property
    def weighted_sum(self) -> Decimal:
        """Σ NRR tertimbang (method 0,111): exact, six decimals."""
        return self.nrr_sum * WEIGHT

    def grade_by(self, method: IkmMethod) -> Grade:
        return grade_of(self.indexes[method])

    @property
    def methods_disagree(self) -> bool:
        """The two methods put the survey in different grades (near a band's edge)."""
        return len({self.grade_by(m).letter for m in IkmMethod}) > 1


def score(responses: Sequence[Sequence[int]], method: IkmMethod = IkmMethod.EXACT) -> SurveyScore:
    """Score questionnaires given as nine scores each (already checked)."""
    if not responses:
        raise RuleError("no_questionnaires")
    return score_of_totals([sum(r[i] for r in responses) for i in range(len(ELEMENTS))], len(responses), method)


def score_of_totals(totals: Sequence[int], n: int, method: IkmMethod = IkmMethod.EXACT) -> SurveyScore:
    """The same from each element's sum of scores over `n` questionnaires (a database sums them)."""
    if n <= 0:
        raise RuleError("no_questionnaires")
    results = tuple(ElementResult(element, total, n) for element, total in zip(ELEMENTS, totals, strict=True))
    lowest = min(r.nrr for r in results)
    return SurveyScore(
        respondents=n,
        elements=results,
        method=method,
        indexes={m: index_of(results, m) for m in IkmMethod},
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
        raise RuleError("no_service_users")
    n = Decimal(population)
    spread = CHI_SQUARE * PROPORTION * (1 - PROPORTION)
    size = spread * n / (MARGIN * MARGIN * (n - 1) + spread)
    return int(size.quantize(Decimal(1), rounding=ROUND_HALF_UP))
