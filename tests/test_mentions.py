"""Actor resolution measured on a mention test set written by us (tests/data/mentions/*.yaml): names, spelling
variants and typos, titles by date, counterparts, pronouns, metonyms and persons outside the knowledge base.

Each case is a short text with a publication date and the mentions an analyst expects, with the person (or null
for "no person") and the country or organisation. The failures are printed whatever the outcome."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, ConfigDict

from tacitus.pipeline import Coder
from tacitus.records import MentionRecord

pytestmark = pytest.mark.slow
CASES_DIR = Path(__file__).parent / "data" / "mentions"
PERSON_TARGET = 0.95
COUNTRY_TARGET = 0.98


class ExpectedMention(BaseModel):
    model_config = ConfigDict(extra="forbid")
    mention: str
    nth: int = 1  # which occurrence of that exact text in the article
    person: str | None = "<unchecked>"
    country: str | None = None
    org: str | None = None
    kind: str  # name | variant | typo | title | counterpart | pronoun | metonym | outside-kb


class MentionCase(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    published: dt.date
    text: str
    expect: list[ExpectedMention]


def load_cases() -> list[MentionCase]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        cases += [MentionCase.model_validate(c) for c in yaml.safe_load(path.read_text(encoding="utf-8"))]
    return cases


@dataclass
class Outcome:
    case: str
    want: ExpectedMention
    got: MentionRecord | None

    @property
    def entity_ok(self) -> bool:
        if self.got is None:
            return False
        return self.got.actor.country == self.want.country and (self.want.org is None or self.got.actor.org == self.want.org)

    @property
    def person_ok(self) -> bool:
        return self.got is not None and self.got.actor.person == self.want.person


def _find(text: str, records: list[MentionRecord], want: ExpectedMention) -> MentionRecord | None:
    same = [r for r in records if text[r.span[0]:r.span[1]] == want.mention]
    return same[want.nth - 1] if len(same) >= want.nth else None


def test_mention_set_is_large_and_varied() -> None:
    cases = load_cases()
    mentions = [m for c in cases for m in c.expect]
    kinds = {m.kind for m in mentions}
    assert len(mentions) >= 150, len(mentions)
    assert {"name", "variant", "typo", "title", "counterpart", "pronoun", "metonym", "outside-kb"} <= kinds, kinds
    assert len({c.id for c in cases}) == len(cases)


def test_mention_accuracy(coder: Coder, capsys: pytest.CaptureFixture[str]) -> None:
    cases = load_cases()
    outcomes: list[Outcome] = []
    for case in cases:
        result = coder.code_text(case.text, case.published, doc_id=case.id)
        for want in case.expect:
            outcomes.append(Outcome(case.id, want, _find(case.text, result.mentions, want)))
    checked = [o for o in outcomes if o.want.person != "<unchecked>"]
    person_acc = sum(o.person_ok for o in checked) / len(checked)
    entity_acc = sum(o.entity_ok for o in outcomes) / len(outcomes)
    lines = [f"mention set: {len(outcomes)} mentions in {len(cases)} texts; person accuracy {person_acc:.3f} "
             f"({len(checked)} checked), country/organisation accuracy {entity_acc:.3f}"]
    by_kind: dict[str, list[Outcome]] = {}
    for o in outcomes:
        by_kind.setdefault(o.want.kind, []).append(o)
    for kind, os_ in sorted(by_kind.items()):
        ok = sum(o.entity_ok and (o.person_ok or o.want.person == "<unchecked>") for o in os_)
        lines.append(f"  {kind:12s} {ok}/{len(os_)}")
    for o in outcomes:
        if not o.entity_ok or (o.want.person != "<unchecked>" and not o.person_ok):
            got = "not found as a mention" if o.got is None else (
                f"person={o.got.actor.person!r} country={o.got.actor.country} org={o.got.actor.org} "
                f"reason={o.got.reason!r}")
            lines.append(f"  FAIL {o.case} [{o.want.kind}] {o.want.mention!r}: want person={o.want.person!r} "
                         f"country={o.want.country} org={o.want.org}; got {got}")
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert person_acc >= PERSON_TARGET and entity_acc >= COUNTRY_TARGET, "\n".join(lines)
