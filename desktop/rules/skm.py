"""The satisfaction survey's rules as the laptop uses them: the shared rules of `domain.skm`
(elements, figures from the printed NRR, the index by the office's method, grades, sample
size), with a refused value worded in the user's language."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TypeVar

from desktop.core.errors import InputError
from desktop.core.i18n import tr
from domain import skm as rules
from domain.errors import RuleError
from domain.skm import ELEMENTS, GRADES, SCORE_FIELDS, Element, ElementResult, Grade, SurveyScore
from protocol.vocab import IkmMethod

__all__ = [
    "ELEMENTS",
    "GRADES",
    "SCORE_FIELDS",
    "Element",
    "ElementResult",
    "Grade",
    "SurveyScore",
    "check_scores",
    "grade_of",
    "minimum_sample",
    "score",
]

T = TypeVar("T")


def _worded(error: RuleError) -> InputError:
    p = error.params
    if error.code == "not_a_score":
        return InputError(
            tr(
                "Element {number} ({name}): {value!r} is not a score; answer 1, 2, 3 or 4.",
                number=p["number"],
                name=p["name"],
                value=p["value"],
            ),
            field=f"u{p['number']}",
        )
    if error.code == "score_count":
        return InputError(
            tr("A questionnaire has {n} scores, one per element; got {got}.", n=p["n"], got=p["got"])
        )
    if error.code == "index_out_of_scale":
        return InputError(tr("An index must lie between 25.00 and 100.00, not {value}.", value=p["value"]))
    if error.code == "no_service_users":
        return InputError(tr("The number of service users must be at least 1."))
    return InputError(tr("There are no questionnaires to score yet."))


def _checked(rule: Callable[[], T]) -> T:
    try:
        return rule()
    except RuleError as exc:
        raise _worded(exc) from None


def check_scores(scores: Sequence[object]) -> tuple[int, ...]:
    """Nine whole scores from 1 to 4, or a message naming the first wrong one."""
    return _checked(lambda: rules.check_scores(scores))


def grade_of(index: Decimal) -> Grade:
    return _checked(lambda: rules.grade_of(index))


def score(responses: Sequence[Sequence[int]], method: IkmMethod = IkmMethod.EXACT) -> SurveyScore:
    return _checked(lambda: rules.score(responses, method))


def minimum_sample(population: int) -> int:
    """Respondents needed for `population` service users (Krejcie–Morgan)."""
    return _checked(lambda: rules.minimum_sample(population))
