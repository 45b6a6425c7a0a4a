"""The laporan tindak lanjut's dates (PEKPPP 8–9, 27–28): received, target, completed, % done, the
working days taken and the late ones marked — recounted here from the stored records, with the
`holidays` package's calendar counted day by day."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.vocab import RecStatus
from desktop.models import FollowUp, Forum, Recommendation
from desktop.reports.followup import build_followup_report
from desktop.services import escalations, followups, forums
from desktop.services import recommendations as recs
from desktop.services.register import register
from desktop.services.report_data import forum_report
from tests.reports.conftest import all_text

HELD = date(2024, 8, 21)
AS_OF = date(2024, 10, 1)
CLOSED = holidays.country_holidays("ID", categories=("public", "government"))


def working_days(start: date, end: date) -> int:
    """Days after `start` up to and including `end` that are neither weekend nor holiday."""
    days = (start + timedelta(n) for n in range(1, (end - start).days + 1))
    return sum(1 for d in days if d.weekday() < 5 and d not in CLOSED)


def figures(d: date) -> str:
    return d.strftime("%d-%m-%Y")


def _follow_up(ws: Workspace, text: str) -> tuple[str, FollowUp]:
    with ws.store.read() as session:
        rec = session.scalars(select(Recommendation).where(Recommendation.text.startswith(text))).one()
        fu = session.scalars(select(FollowUp).where(FollowUp.recommendation_id == rec.id)).one()
        session.expunge_all()
    return rec.id, fu


def test_dates_working_days_and_the_late_ones(demo_ws: Workspace, demo_forum: str) -> None:
    # A third action: due 20 September, done 25 September — late.
    _rec, fu = _follow_up(demo_ws, "Tingkatkan koordinasi")
    demo_ws.write(followups.update_follow_up, fu.id, due_on="2024-09-20")
    demo_ws.write(
        followups.update_follow_up, fu.id, progress=100, evidence="Grup dibentuk", completed_on="2024-09-25"
    )
    with demo_ws.store.read() as session:
        numbered = session.scalars(
            select(Recommendation.text)
            .where(Recommendation.forum_id == demo_forum, Recommendation.status != RecStatus.MERGED)
            .order_by(Recommendation.created_at, Recommendation.id)
        ).all()
    number = {text.split()[0] + text.split()[1]: n for n, text in enumerate(numbered, start=1)}
    text = all_text(build_followup_report(demo_ws.read(forum_report, demo_forum), as_of=AS_OF))
    assert "C. Waktu penyelesaian" in text

    _r, done = _follow_up(demo_ws, "Tingkatkan kualitas")  # done 10 September, due 13 September
    assert done.completed_on == date(2024, 9, 10) and done.due_on is not None
    n = number["Tingkatkankualitas"]
    assert (
        f"{n} {figures(HELD)} {figures(done.due_on)} {figures(done.completed_on)} 100% "
        f"{working_days(HELD, done.completed_on)} Tepat waktu" in text
    )

    _r, open_ = _follow_up(demo_ws, "Perkuat customer")  # due 30 September, still 0% on 1 October
    assert open_.due_on is not None and open_.completed_on is None
    late = working_days(open_.due_on, AS_OF)
    assert (
        f"{figures(open_.due_on)} - 0% {working_days(HELD, AS_OF)} MELEWATI TARGET {late} hari kerja" in text
    )

    late_done = working_days(date(2024, 9, 20), date(2024, 9, 25))
    assert late_done == 3  # 23, 24 and 25 September
    assert (
        f"{figures(date(2024, 9, 20))} {figures(date(2024, 9, 25))} 100% {working_days(HELD, date(2024, 9, 25))} "
        f"TERLAMBAT {late_done} hari kerja" in text
    )
    mean = (working_days(HELD, date(2024, 9, 10)) + working_days(HELD, date(2024, 9, 25))) / 2
    assert f"2 telah selesai atau dijawab dalam rata-rata {mean:.1f}".replace(".", ",") in text
    # The demo's office rejected one two days after the forum: on a report's day before that it
    # was still open, and its days run to the report's day, not to the decision.
    rejected = next(r for r in demo_ws.read(forum_report, demo_forum).recommendations if r.status == RecStatus.REJECTED)
    decided = date(2024, 8, 23)
    assert rejected.status_on == decided < AS_OF
    assert f"{rejected.number} {figures(HELD)} - {figures(decided)} - {working_days(HELD, decided)} Ditolak" in text
    assert "1 ditolak" in text and "melewati target" in text
    before = date(2024, 8, 22)
    then = all_text(build_followup_report(demo_ws.read(forum_report, demo_forum), as_of=before))
    assert f"{rejected.number} {figures(HELD)} - - - {working_days(HELD, before)} Belum ada target" in then
    assert "0 ditolak" in then


def test_an_answer_from_above_completes_a_policy_recommendation(demo_ws: Workspace, demo_forum: str) -> None:
    report = demo_ws.read(forum_report, demo_forum)
    policy = next(r for r in report.recommendations if r.escalations)
    with demo_ws.store.read() as session:
        rec_id = session.scalars(select(Recommendation.id).where(Recommendation.text == policy.text)).one()
        sent = escalations.escalations_of(session, rec_id)
    demo_ws.write(escalations.answer, sent[-1].id, "adopted", "Diakomodasi dalam revisi standar layanan")
    today = demo_ws.ctx.today()
    report = demo_ws.read(forum_report, demo_forum)
    line = next(r for r in report.recommendations if r.number == policy.number)
    assert line.escalations[-1].answered_on == today
    text = all_text(build_followup_report(report, as_of=today))
    due = line.escalations[-1].due_on
    assert (
        f"{policy.number} {figures(HELD)} {figures(due)} batas jawaban unit atasan {figures(today)} 100% "
        f"{working_days(HELD, today)} DIJAWAB TERLAMBAT" in text
    )


def test_a_recommendation_recorded_after_the_forum_counts_from_the_day_it_was_recorded(
    demo_ws: Workspace, demo_forum: str
) -> None:
    """The demo forum (21 August 2024) reopened today and a recommendation typed: it did not exist
    on the forum's day, so its time starts today, not 570 working days ago."""
    demo_ws.write(forums.reopen_forum, demo_forum, "Usulan susulan dari peserta")
    demo_ws.write(recs.add_recommendation, demo_forum, text="Sediakan ruang laktasi", scope="unit")
    today = demo_ws.ctx.today()
    report = demo_ws.read(forum_report, demo_forum)
    added = next(r for r in report.recommendations if r.text == "Sediakan ruang laktasi")
    assert added.recorded_on == today
    text = all_text(build_followup_report(report, as_of=today))
    assert f"{added.number} {figures(today)} - - - 0 Belum ada target" in text
    first = next(r for r in report.recommendations if r.number == 1)  # recorded in the room
    assert first.recorded_on is None
    # The register of inputs counts it alike.
    office = demo_ws.read(lambda s: s.get(Forum, demo_forum).unit_id)
    rows = demo_ws.read(register, office, today, demo_ws.ctx.calendar).rows
    row = next(r for r in rows if r.subject == "Sediakan ruang laktasi")
    assert (row.timing.received, row.timing.working_days) == (today, 0)
    assert next(r for r in rows if r.subject == first.text).timing.received == HELD


def test_a_policy_recommendations_date_is_worded_as_the_answer_due_from_above(
    demo_ws: Workspace, demo_forum: str
) -> None:
    """Section C's "Target" of a recommendation proposed upward is the day the office above should
    answer by (its escalation's due date): printed as that, and its lateness as the answer's."""
    report = demo_ws.read(forum_report, demo_forum)
    policy = [r for r in report.recommendations if r.escalations]
    assert len(policy) == 2
    text = all_text(build_followup_report(report, as_of=AS_OF))
    section = text[text.index("C. Waktu penyelesaian") :]
    for rec in policy:
        due = rec.escalations[-1].due_on
        late = working_days(due, AS_OF)
        assert (
            f"{rec.number} {figures(HELD)} {figures(due)} batas jawaban unit atasan - - "
            f"{working_days(HELD, AS_OF)} BELUM DIJAWAB, lewat batas {late} hari kerja" in section
        )
    assert "MELEWATI TARGET" in section  # the unit's own late follow-up keeps its word
