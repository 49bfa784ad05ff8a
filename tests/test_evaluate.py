"""`tacitus eval` readers and scoring on small gold files written here, and a run on the public PLOVER gold set
when ../shared is present (a report, not an accuracy gate: issue 4 tracks the targets)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tacitus.evaluate import evaluate, read_petrarch, read_plover, read_tacitus
from tacitus.pipeline import Coder

pytestmark = pytest.mark.slow

PLOVER = [
    {"id": "DOC", "event": "DOCUMENT", "eventText": "header"},
    {"id": "g1", "date": "2021-05-12", "event": "DISAPPROVE", "text": "Egypt condemned the Israeli air strikes on Gaza.",
     "source": [{"actorText": "Egypt", "code": "EGY"}], "target": [{"actorText": "Israeli", "code": "ISR"}]},
    {"id": "g2", "date": "2022-03-09", "event": "CONSULT", "text": "Turkey's president and Russia's president spoke by "
     "telephone on Tuesday.", "source": [{"code": "TUR"}], "target": "RUS"},
    {"id": "g3", "date": "2020-01-01", "event": "AID", "text": "The weather was mild."},
]
PETRARCH = """<Validation>
# free text between tags, as in the public files
<Sentences>
<Sentence category="T" date="20220309" id="p1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="UKR" />
<Text>
U.S. President Joe Biden visited Kyiv on Monday.
</Text>
<Sentence category="T" date="20220309" id="p2" evaluate="true"/>
<Text>No coding here.</Text>
</Sentences>
</Validation>"""
OURS = """
- id: t1
  published: 2023-10-10
  text: Iranian Foreign Minister Hossein Amir-Abdollahian spoke by phone on Monday with his Omani counterpart.
  expected:
    - {type: CONSULT, mode: phone, source: IRN, target: OMN, target_person: Badr Albusaidi, date: 2023-10-09}
  forbidden:
    - {type: CONSULT, source: OMN, target: QAT}
"""


def test_readers(tmp_path: Path) -> None:
    (tmp_path / "p.json").write_text(json.dumps(PLOVER), encoding="utf-8")
    plover = read_plover(tmp_path / "p.json")
    assert [(g.id, g.labels, g.sources, g.targets) for g in plover] == [
        ("g1", ["ACCUSE"], ["EGY"], ["ISR"]), ("g2", ["CONSULT"], ["TUR"], []), ("g3", ["AID"], [], [])]
    (tmp_path / "v.xml").write_text(PETRARCH, encoding="utf-8")
    [p1] = read_petrarch(tmp_path / "v.xml")
    assert (p1.id, p1.labels, p1.text, p1.published.isoformat()) == (
        "p1", ["04"], "U.S. President Joe Biden visited Kyiv on Monday.", "2022-03-09")
    (tmp_path / "o.yaml").write_text(OURS, encoding="utf-8")
    [t1] = read_tacitus(tmp_path / "o.yaml")
    assert t1.labels == ["CONSULT"] and t1.forbidden


def test_scoring(tmp_path: Path, coder: Coder) -> None:
    (tmp_path / "p.json").write_text(json.dumps(PLOVER), encoding="utf-8")
    report = evaluate(coder, read_plover(tmp_path / "p.json"), "plover")
    rates = report.rates()
    assert report.items == 3 and rates["some_event_of_gold_type"] == pytest.approx(2 / 3)
    assert report.per_label_scores()["AID"]["recall"] == 0.0
    assert report.misses and report.misses[0][0] == "g3"
    (tmp_path / "o.yaml").write_text(OURS, encoding="utf-8")
    ours = evaluate(coder, read_tacitus(tmp_path / "o.yaml"), "tacitus")
    assert ours.some_correct == 1 and ours.forbidden_found == 0 and ours.rates()["date_accuracy"] == 1.0
    (tmp_path / "v.xml").write_text(PETRARCH, encoding="utf-8")
    pet = evaluate(coder, read_petrarch(tmp_path / "v.xml"), "petrarch")
    assert pet.top_correct == 1 and pet.actors_right == 1


def test_public_plover_gold_runs(coder: Coder, shared_dir: Path) -> None:
    gold = shared_dir / "data" / "plover" / "PLOVER_GSR_CAMEO.txt"
    if not gold.is_file():
        pytest.skip("PLOVER gold file absent")
    items = read_plover(gold)
    assert len(items) > 300
    report = evaluate(coder, items[:60], "plover")
    assert report.items == 60 and 0 <= report.rates()["top_event_correct"] <= 1
