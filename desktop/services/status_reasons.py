"""What a recommendation's status reason says, worded when shown or printed. The user's own text
is stored as typed (a rejection's reason, the evidence of done, the answer, why an answer is
disputed); what the app says about an escalation or a merge is not stored but made from the
records it names (the office escalated to, the recommendation merged into), in the language of
the screen or the document: an Indonesian follow-up recap never carries "Escalated to …" because
the office head's UI was in English that day. Older records stored those sentences in the
language of that moment: they are recognised in either language and worded anew."""

from __future__ import annotations

from desktop.core.i18n import LANGUAGES, N_, language, translate_to
from desktop.core.vocab import RecStatus

ESCALATED = N_("Escalated to {unit}")
MERGED = N_("Merged into: {text}")
DISPUTED = N_("Answer disputed: {reason}")
# The sentences stored before, each with its one placeholder at the end.
STORED_BEFORE = {ESCALATED: "unit", MERGED: "text", DISPUTED: "reason"}


def _stored_sentence(stored: str) -> tuple[str, str] | None:
    """(the sentence, what filled its placeholder) of a reason an older version stored."""
    for sentence in STORED_BEFORE:
        for each in LANGUAGES:
            opening = translate_to(each, sentence).split("{", 1)[0]
            if stored.startswith(opening):
                return sentence, stored[len(opening) :]
    return None


def reason_words(
    status: RecStatus | str,
    stored: str,
    *,
    escalated_to: str = "",
    merged_into: str = "",
    in_language: str | None = None,
) -> str:
    """The reason of a recommendation in `status` as `in_language` (the app's when None) says it.
    `escalated_to`: the name of the office of its last escalation; `merged_into`: the text of the
    recommendation it was merged into (each "" when unknown: an older record's own words then)."""
    said = in_language or language()

    def word(sentence: str, **values: str) -> str:
        return translate_to(said, sentence).format(**values)

    if status not in (RecStatus.ESCALATED, RecStatus.MERGED):
        return stored  # the user's own words (a reason, evidence, the answer)
    before = _stored_sentence(stored)
    if before is not None:
        sentence, value = before
        key = STORED_BEFORE[sentence]
        named = {ESCALATED: escalated_to, MERGED: merged_into[:200]}.get(sentence, "")
        return word(sentence, **{key: named or value})
    if status == RecStatus.ESCALATED:  # the user's own words, when the answer was disputed
        if stored:
            return word(DISPUTED, reason=stored)
        return word(ESCALATED, unit=escalated_to) if escalated_to else ""
    return word(MERGED, text=merged_into[:200]) if merged_into else stored
