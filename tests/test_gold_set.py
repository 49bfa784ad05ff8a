"""Our own gold set (tests/data/gold/*.yaml: 66 articles written by hand before tuning, 2000-2025, many regions):
a report of `tacitus eval` in our format, regression floors at the measured levels, and the issue's targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from tacitus.evaluate import EvalReport, evaluate, read_tacitus
from tacitus.pipeline import Coder

pytestmark = pytest.mark.slow
GOLD = sorted((Path(__file__).parent / "data" / "gold").glob("*.yaml"))


@pytest.fixture(scope="module")
def report(coder: Coder) -> EvalReport:
    items = [it for path in GOLD for it in read_tacitus(path)]
    return evaluate(coder, items, "tacitus")


def test_gold_set_is_what_the_issue_asks_for() -> None:
    items = [it for path in GOLD for it in read_tacitus(path)]
    assert len(items) >= 60
    assert len({it.published.year for it in items if it.published}) >= 15
    assert sum(1 for it in items if not it.expected) >= 6  # articles with no event
    assert sum(1 for it in items for e in it.expected if e.get("status") == "denied") >= 3
    assert sum(1 for it in items for e in it.expected if e.get("date", "x") is None) >= 5  # recalled, undated


def test_gold_set_report_and_floors(report: EvalReport) -> None:
    scores = report.per_label_scores()
    print("\nown gold set:", {k: round(v, 3) for k, v in report.rates().items()}, "forbidden", report.forbidden_found)
    for label, sc in scores.items():
        print(f"  {label:10} P={sc['precision']:.2f} R={sc['recall']:.2f} n={sc['support']}")
    # floors just under the levels measured on 2026-11-26 (see README); a drop below them is a regression
    assert scores["CONSULT"]["precision"] >= 0.92 and scores["CONSULT"]["recall"] >= 0.90
    assert report.rates()["person_accuracy"] >= 0.94 and report.rates()["date_accuracy"] >= 0.96
    assert report.forbidden_found == 0
    others = [c for label, c in report.per_label.items() if label != "CONSULT"]
    found = sum(c["tp"] for c in others)
    assert found / max(found + sum(c["fn"] for c in others), 1) >= 0.81  # 264 of 322 expected other events


def test_gold_set_meets_the_issue_targets(report: EvalReport) -> None:
    # met since 2026-11-26 (ninth session), with little room: RETREAT is 9 of 12, five types sit at 0.78-0.80
    scores = report.per_label_scores()
    assert scores["CONSULT"]["precision"] >= 0.9 and scores["CONSULT"]["recall"] >= 0.9
    assert report.rates()["person_accuracy"] >= 0.9 and report.forbidden_found == 0
    assert all(sc["recall"] >= 0.75 for label, sc in scores.items() if label != "CONSULT" and sc["support"])
