"""Every trigger family of tacitus/data/triggers.yaml has its own tests: sentences written for them
(tests/data/trigger_examples.yaml) must be coded by that family, with the type and sides they name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from tacitus.coding import TriggerLexicon
from tacitus.kb import DATA_DIR
from tacitus.pipeline import Coder

pytestmark = pytest.mark.slow
EXAMPLES = yaml.safe_load((Path(__file__).parent / "data" / "trigger_examples.yaml").read_text(encoding="utf-8"))
RULES = [e.rule for e in TriggerLexicon.load(DATA_DIR / "triggers.yaml").entries]
PUB = dt.date(2023, 5, 12)
# examples the coder gets wrong today, each with why; a fix makes the xfail fail (strict) so it moves out of here
KNOWN_GAPS: dict[str, str] = {}


def test_every_family_has_examples() -> None:
    covered = {e["rule"] for e in EXAMPLES}
    assert set(RULES) <= covered, f"families without examples: {sorted(set(RULES) - covered)}"
    assert covered <= set(RULES), f"examples of unknown families: {sorted(covered - set(RULES))}"


def _ids() -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for e in EXAMPLES:
        seen[e["rule"]] = seen.get(e["rule"], 0) + 1
        out.append(f"{e['rule']}#{seen[e['rule']]}")
    return out


@pytest.mark.parametrize("example", [
    pytest.param(e, id=i, marks=pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[i])) if i in KNOWN_GAPS
    else pytest.param(e, id=i) for e, i in zip(EXAMPLES, _ids())])
def test_family_codes_its_example(coder: Coder, example: dict) -> None:
    events = coder.code_text(example["text"], PUB).events
    by_rule = [e for e in events if e.rule == example["rule"] and e.type == example["type"]]
    assert by_rule, f"{example['rule']} did not fire: {[(e.rule, e.type) for e in events]}"

    got = [(e.source.entity, e.target.entity if e.target else None) for e in by_rule]
    want = (example["source"], example.get("target"))
    if example["type"] == "CONSULT" or any(e.symmetric for e in by_rule):
        # joint actions have no order, and a host's guest is coded as the visitor (the dyadic convention)
        assert any(set(g) == set(want) for g in got), got
    else:
        assert want in got, got
