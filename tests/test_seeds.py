"""Golden real-world cases: the five seed articles in ../shared/seeds (skipped when absent).

Must appear: the nine telephone consultations, each once, with both states, both persons, mode and date.
Must not appear: a call between Oman and Qatar, or any CONSULT pairing actors the text does not pair.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tacitus.ingest import read_articles
from tacitus.pipeline import Coder
from tacitus.records import Article, EventRecord

D = dt.date
# (doc prefix, {state, state}, (surname-ish of person A, of person B), acceptable dates)
NINE_CALLS = [
    ("000", {"IRN", "QAT"}, ("Rouhani", "Tamim"), {D(2019, 5, 6)}),
    ("001", {"IRN", "QAT"}, ("Rouhani", "Tamim"), {D(2021, 5, 13)}),
    ("001", {"IRN", "PSE"}, ("Zarif", "Nakhal"), {D(2021, 5, 12)}),
    ("001", {"IRN", "PSE"}, ("Zarif", "Haniyeh"), {D(2021, 5, 10)}),
    ("001", {"IRN", "TUR"}, ("Zarif", "Cavusoglu"), {D(2021, 5, 10)}),
    ("002", {"IRN", "TUR"}, ("Rouhani", "Erdogan"), {D(2021, 5, 16)}),
    ("003", {"IRN", "OMN"}, ("Abdollahian", "Busaidi"), {D(2023, 10, 9)}),
    ("003", {"IRN", "QAT"}, ("Abdollahian", "Abdulrahman"), {D(2023, 10, 9)}),
    ("004", {"IRN", "QAT"}, ("Bagheri", "Abdulrahman"), {D(2024, 5, 31), D(2024, 6, 1)}),
]
# Other consultations the texts really report (doc prefix, dyad, whether they must be undated)
ALLOWED_OTHER = [("001", {"IRN", "SYR"}, False), ("004", {"IRN", "QAT"}, True)]


def _norm(s: str | None) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", s or "")
    return "".join(c for c in s if not unicodedata.combining(c)).replace("-", " ").replace(" ", "").lower()


def _has(person: str | None, needle: str) -> bool:
    return _norm(needle) in _norm(person)


@pytest.fixture(scope="module")
def seed_events(coder: Coder, shared_dir: Path) -> dict[str, list[EventRecord]]:
    arts = [a for a in read_articles(shared_dir / "seeds" / "seeds.jsonl") if isinstance(a, Article)]
    assert len(arts) == 5
    return {r.article.doc_id[:3]: r.events for r in coder.code_articles(arts)}


def _calls(events: list[EventRecord]) -> list[EventRecord]:
    return [e for e in events if e.type == "CONSULT" and e.target is not None]


@pytest.mark.parametrize("doc,states,persons,dates", NINE_CALLS, ids=[f"{c[0]}-{c[2][0]}-{c[2][1]}" for c in NINE_CALLS])
def test_each_of_the_nine_calls_once(seed_events, doc, states, persons, dates) -> None:  # type: ignore[no-untyped-def]
    matches = []
    for e in _calls(seed_events[doc]):
        assert e.target is not None
        if {e.source.country, e.target.country} != states:
            continue
        pair = (e.source.person, e.target.person)
        if any(_has(a, persons[0]) and _has(b, persons[1]) for a, b in (pair, pair[::-1])):
            matches.append(e)
    assert len(matches) == 1, f"expected one {persons} call, got {[m.to_dict() for m in matches]}"
    e = matches[0]
    assert e.mode == "phone" and e.status == "occurred" and e.symmetric
    assert e.date in dates, e.date
    assert e.cameo == "041"


def test_no_call_between_oman_and_qatar(seed_events) -> None:  # type: ignore[no-untyped-def]
    for e in _calls(seed_events["003"]):
        assert {e.source.country, e.target.country} != {"OMN", "QAT"}  # type: ignore[union-attr]


def test_other_consultations_are_ones_the_text_reports(seed_events) -> None:  # type: ignore[no-untyped-def]
    expected = {(c[0], frozenset(c[1]), c[2]) for c in NINE_CALLS}
    for doc, events in seed_events.items():
        for e in _calls(events):
            dyad = frozenset({e.source.entity, e.target.entity})  # type: ignore[union-attr]
            pair = (e.source.person, e.target.person)  # type: ignore[union-attr]
            if any(d == doc and s == dyad and any(_has(a, p[0]) and _has(b, p[1]) for a, b in (pair, pair[::-1]))
                   for d, s, p in expected):
                continue
            allowed = [a for a in ALLOWED_OTHER if a[0] == doc and frozenset(a[1]) == dyad]
            assert allowed, f"{doc}: CONSULT between {set(dyad)} is not reported by the text: {e.sentence!r}"
            if allowed[0][2]:
                assert e.date is None, f"recalled consultation dated {e.date}: {e.sentence!r}"


def test_every_event_carries_its_evidence(seed_events, shared_dir: Path) -> None:  # type: ignore[no-untyped-def]
    texts = {a.doc_id[:3]: a.text for a in read_articles(shared_dir / "seeds" / "seeds.jsonl") if isinstance(a, Article)}
    for doc, events in seed_events.items():
        for e in events:
            assert texts[doc][e.span[0]:e.span[1]] == e.sentence
            assert e.span in e.evidence and e.rule and e.coder.startswith("tacitus ")


CANONICAL = {"Rouhani": "Hassan Rouhani", "Tamim": "Tamim bin Hamad Al Thani", "Zarif": "Mohammad Javad Zarif",
             "Nakhal": "Ziyad al-Nakhalah", "Haniyeh": "Ismail Haniyeh", "Cavusoglu": "Mevlut Cavusoglu",
             "Erdogan": "Recep Tayyip Erdogan", "Abdollahian": "Hossein Amir-Abdollahian", "Busaidi": "Badr Albusaidi",
             "Abdulrahman": "Mohammed bin Abdulrahman Al Thani", "Bagheri": "Ali Bagheri Kani"}


@pytest.mark.parametrize("doc,states,persons,dates", NINE_CALLS, ids=[f"{c[0]}-{c[2][0]}-{c[2][1]}" for c in NINE_CALLS])
def test_call_persons_are_canonical_names(seed_events, doc, states, persons, dates) -> None:  # type: ignore[no-untyped-def]
    want = {CANONICAL[persons[0]], CANONICAL[persons[1]]}
    got = [{e.source.person, e.target.person} for e in _calls(seed_events[doc])  # type: ignore[union-attr]
           if {e.source.country, e.target.country} == states and e.date in dates]
    assert want in got, got
