"""Which version of a survey period's report is in force, and whether its questionnaires are
fixed: one rule for the laptop (which refuses to add, import or remove a questionnaire) and the
server (which refuses such a change synced from a laptop: `survey_issued`).

A period's report records are actions, each of a version: *issue* (terbit: the report's date
and its questionnaires are fixed) and *reopen* (the office re-opens that version, with its
reason; the next issue is version + 1). The questionnaires are fixed while the latest version
is issued and not re-opened. The SKM report an office publishes must stay the one its figures
were computed from (PermenPANRB 14/2017); a correction is a new, audited version, as a berita
acara's is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from protocol.vocab import SurveyIssue


@dataclass(frozen=True)
class IssueState:
    version: int  # the latest version acted on (0: never issued)
    issued: bool  # that version is issued and not re-opened: the questionnaires are fixed
    reopened: bool  # that version was re-opened: the next issue is version + 1

    @property
    def next_version(self) -> int:
        return self.version + 1 if self.reopened or self.version == 0 else self.version


def issue_state(actions: Iterable[tuple[str, int]]) -> IssueState:
    """From the period's records as (action, version) pairs, in any order."""
    done = {(SurveyIssue(action), version) for action, version in actions}
    if not done:
        return IssueState(0, issued=False, reopened=False)
    latest = max(version for _action, version in done)
    reopened = (SurveyIssue.REOPEN, latest) in done
    issued = (SurveyIssue.ISSUE, latest) in done and not reopened
    return IssueState(latest, issued=issued, reopened=reopened)
