"""The SKM report's additions (PermenPANRB 14/2017; PEKPPP 6–9): the index per jenis layanan, the
trend against the previous period, method and collection period, the rencana tindak lanjut of
the priority elements with owner and date, and its realisation report. Every figure is
recomputed here from the stored questionnaires."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.models import SurveyPeriod, SurveyResponse
from desktop.reports.survey import build_survey_report
from desktop.reports.survey_actions import build_survey_actions_report
from desktop.services import survey_actions, surveys
from desktop.services.report_data import survey_document
from desktop.services.units import update_unit
from tests.helpers import make_tree
from tests.reports.conftest import all_text, out_of_page

U = [f"u{n}" for n in range(1, 10)]

EXACT = "metode bobot 1/9 per unsur"
WEIGHT_0111 = "metode bobot 0,111 per unsur"


def comma(value: Decimal) -> str:
    return str(value).replace(".", ",")


def rounded(value: Fraction | Decimal, places: int) -> Decimal:
    exact = value if isinstance(value, Decimal) else Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def recount(rows: list[SurveyResponse]) -> tuple[list[Decimal], Decimal]:
    """NRR per element (three decimals) and the IKM from the printed NRR (their sum ÷ 9 × 25, two
    decimals: the office's method is the regulation's 1/9)."""
    nrr = [rounded(Fraction(sum(getattr(r, u) for r in rows), len(rows)), 3) for u in U]
    return nrr, rounded(sum(nrr, Decimal(0)) / 9 * 25, 2)


def responses(ws: Workspace, period_id: str) -> list[SurveyResponse]:
    with ws.store.read() as session:
        rows = list(session.scalars(select(SurveyResponse).where(SurveyResponse.period_id == period_id)))
        session.expunge_all()
    return rows


def demo_periods(ws: Workspace, forum: str) -> tuple[SurveyPeriod, SurveyPeriod]:
    with ws.store.read() as session:
        periods = list(session.scalars(select(SurveyPeriod).order_by(SurveyPeriod.starts_on)))
        session.expunge_all()
    earlier, discussed = periods
    assert discussed.forum_id == forum
    return discussed, earlier


def test_per_service_index_from_the_stored_questionnaires(demo_ws: Workspace, demo_forum: str) -> None:
    period, _earlier = demo_periods(demo_ws, demo_forum)
    text = all_text(build_survey_report(demo_ws.read(survey_document, period.id)))
    groups: dict[str, list[SurveyResponse]] = defaultdict(list)
    for row in responses(demo_ws, period.id):
        groups[row.service].append(row)
    assert len(groups) == 3
    indexes = {}
    for service, rows in groups.items():
        nrr, ikm = recount(rows)
        indexes[service] = comma(ikm)
        assert service in text
        for element, value in enumerate(nrr):
            assert comma(value) in text, (service, element)
    assert indexes == {"Pencairan dana (SP2D)": "82,61", "Konsultasi": "81,52", "Rekonsiliasi": "81,88"}
    # Most respondents first: SP2D (46), then the two of 23.
    assert (
        f"Nilai IKM ({EXACT}) {indexes['Pencairan dana (SP2D)']} {indexes['Konsultasi']} {indexes['Rekonsiliasi']}"
        in text
    )
    assert "Jumlah responden 46 23 23" in text
    assert "C. Hasil per jenis layanan" in text and "3 jenis layanan" in text


def test_per_service_and_trend_follow_the_offices_ikm_method(demo_ws: Workspace, demo_forum: str) -> None:
    """An office that weighs by 0,111 gets every index of the report by that method: per
    service, this period and the previous one (so the two compare)."""
    unit = demo_ws.ctx.home_unit_id
    assert unit is not None
    demo_ws.write(update_unit, unit, ikm_method="weight_0111")
    period, earlier = demo_periods(demo_ws, demo_forum)
    text = all_text(build_survey_report(demo_ws.read(survey_document, period.id)))

    def weighted(rows: list[SurveyResponse]) -> str:
        nrr, _ = recount(rows)
        return comma(rounded(sum((v * Decimal("0.111") for v in nrr), Decimal(0)) * 25, 2))

    groups: dict[str, list[SurveyResponse]] = defaultdict(list)
    for row in responses(demo_ws, period.id):
        groups[row.service].append(row)
    per_service = [weighted(groups[s]) for s in ("Pencairan dana (SP2D)", "Konsultasi", "Rekonsiliasi")]
    assert f"Nilai IKM ({WEIGHT_0111}) {' '.join(per_service)}" in text  # the method beside each index
    before, now = weighted(responses(demo_ws, earlier.id)), weighted(responses(demo_ws, period.id))
    assert f"Nilai IKM ({WEIGHT_0111}) {before} {now} " in text
    assert "0,111" in text  # the method is printed


def test_trend_method_and_collection_period(demo_ws: Workspace, demo_forum: str) -> None:
    period, earlier = demo_periods(demo_ws, demo_forum)
    text = all_text(build_survey_report(demo_ws.read(survey_document, period.id)))
    now_rows, before_rows = responses(demo_ws, period.id), responses(demo_ws, earlier.id)
    _nrr, now = recount(now_rows)
    _nrr, before = recount(before_rows)
    change = now - before
    sign = "+" if change > 0 else "-"
    assert f"Nilai IKM ({EXACT}) {comma(before)} {comma(now)} {sign}{comma(abs(change))}" in text
    assert f"Dibandingkan dengan {earlier.title} ({len(before_rows)} responden), nilai IKM ({EXACT}) naik" in text
    for u in U:  # each element's converted score, before and now, and the difference of the printed ones
        # From the printed NRR (three decimals), as every figure beside it.
        b = rounded(rounded(Fraction(sum(getattr(r, u) for r in before_rows), len(before_rows)), 3) * 25, 2)
        n = rounded(rounded(Fraction(sum(getattr(r, u) for r in now_rows), len(now_rows)), 3) * 25, 2)
        assert f"{comma(b)} {comma(n)} {'+' if n > b else '-' if n < b else '±'}{comma(abs(n - b))}" in text
    answered = sorted(r.answered_on for r in now_rows if r.answered_on)
    assert "Metode : Kuesioner sembilan unsur pelayanan" in text
    assert f"Pengumpulan data : {answered[0].day} Januari 2024 – {answered[-1].day} Juni 2024" in text


def test_the_plan_for_the_priority_elements_and_its_realisation(demo_ws: Workspace, demo_forum: str) -> None:
    period, _earlier = demo_periods(demo_ws, demo_forum)
    text = all_text(build_survey_report(demo_ws.read(survey_document, period.id)))
    # The priority element (lowest NRR) first, marked, with its owner and date.
    assert "F. Rencana tindak lanjut" in text
    assert (
        "1 U8 Penanganan Pengaduan, Saran dan Masukan (prioritas) Menetapkan SOP penanganan pengaduan" in text
        and "Kepala Subbagian Umum 30 September 2024" in text
    )
    assert "2 U1 Persyaratan Memperbarui informasi persyaratan" in text and "31 Oktober 2024" in text
    pdf = build_survey_actions_report(demo_ws.read(survey_document, period.id), as_of=date(2024, 11, 15))
    text = all_text(pdf)
    assert "LAPORAN REALISASI RENCANA TINDAK LANJUT HASIL SURVEI KEPUASAN MASYARAKAT" in text
    assert "SOP penanganan pengaduan ditetapkan" in text
    assert "Target 30-09-2024 Selesai 23-09-2024 100% Tepat waktu" in text
    assert "Target 31-10-2024 Selesai - 50% Melewati target" in text  # open after its date
    assert "Dari 2 rencana tindak lanjut, 1 telah selesai; rata-rata progres 75,0%; 1 melewati" in text
    assert "PEKPPP) indikator 8–9." in text and out_of_page(pdf) == []


def test_a_priority_element_without_a_plan_is_named(ws: Workspace) -> None:
    tree = make_tree(ws)
    period = ws.write(
        surveys.create_period,
        unit_id=tree.leaf,
        title="SKM 2026",
        starts_on="2026-01-01",
        ends_on="2026-06-30",
    )
    for scores in ([4, 4, 4, 4, 4, 4, 4, 2, 4], [4, 4, 4, 4, 4, 4, 4, 3, 4]):
        ws.write(surveys.add_response, period, scores)
    text = all_text(build_survey_report(ws.read(survey_document, period)))
    assert "Unsur prioritas yang belum memiliki rencana tindak lanjut: U8 Penanganan Pengaduan" in text
    assert "Belum ada periode survei sebelumnya untuk dibandingkan." in text
    assert "(tidak diisi)" in text  # questionnaires that named no service
    ws.write(survey_actions.add_action, period, element=8, action="Kotak saran daring", owner="Kasubag Umum")
    text = all_text(build_survey_report(ws.read(survey_document, period)))
    assert "belum memiliki rencana" not in text and "Kotak saran daring" in text
