"""Quotes and numeric claims: extraction on sentences written for these tests, the DuckDB round trip, and
`tacitus claims`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.pipeline import Coder
from tacitus.records import CLAIM_CATEGORIES, ActorRef, Article, ClaimRecord, DocumentResult, QuoteRecord
from tacitus.store import Store

PUB = dt.date(2021, 5, 12)
TEXT = ("KABUL - Afghanistan's interior ministry said at least 14 people were killed and 37 wounded when a car bomb "
        "exploded outside a school in the capital on Tuesday. Police said they had arrested three suspects. "
        "\u201cThis was an attack on children and on the future of this nation,\u201d Afghan President Ashraf Ghani "
        "said in a statement. \u201cThose responsible will be found.\u201d "
        "Germany pledged 20 million euros in emergency aid to Afghanistan on Wednesday. "
        "The school has 1,200 pupils.")


@pytest.fixture(scope="module")
def result(coder: Coder) -> DocumentResult:
    return coder.code_text(TEXT, PUB, doc_id="c1")


@pytest.mark.slow
def test_numeric_claims_with_who_claims_them(result: DocumentResult) -> None:
    got = {(c.category, c.value, c.qualifier, c.claimant.entity if c.claimant else None) for c in result.claims}
    assert ("killed", 14, "at least", "AFG") in got
    assert ("wounded", 37, None, "AFG") in got
    assert any(c.category == "arrested" and c.value == 3 for c in result.claims)
    [aid] = [c for c in result.claims if c.category == "aid"]
    assert (aid.value, aid.unit, aid.claimant.entity) == (20_000_000, "EUR", "DEU")
    assert aid.event_id in {e.event_id for e in result.events}
    assert not any(c.value == 1200 for c in result.claims), "pupils of a school are no claim"
    for c in result.claims:  # spans index the text as received
        assert TEXT[c.span[0]:c.span[1]] == c.text


@pytest.mark.slow
def test_quotes_with_their_speaker(result: DocumentResult) -> None:
    assert [q.text for q in result.quotes] == [
        "This was an attack on children and on the future of this nation,", "Those responsible will be found."]
    assert all(q.speaker is not None and q.speaker.person == "Ashraf Ghani" for q in result.quotes)
    assert result.quotes[1].reason == "speaker of the quote before"
    for q in result.quotes:
        assert TEXT[q.span[0]:q.span[1]] == q.text


@pytest.mark.slow
def test_scare_quotes_and_plain_numbers_are_not_records(coder: Coder) -> None:
    r = coder.code_text('The minister called the plan "unworkable". The ministry has 300 employees.', PUB)
    assert r.quotes == [] and r.claims == []


ref_st = st.none() | st.builds(ActorRef, text=st.text(min_size=1, max_size=20),
                               country=st.none() | st.sampled_from(["AFG", "DEU"]), org=st.none() | st.just("UN"),
                               person=st.none() | st.just("Ashraf Ghani"))


@st.composite
def claims(draw) -> ClaimRecord:  # type: ignore[no-untyped-def]
    start = draw(st.integers(0, 5000))
    return ClaimRecord(doc_id="d1", category=draw(st.sampled_from(CLAIM_CATEGORIES)),
                       value=draw(st.integers(0, 10**12)), qualifier=draw(st.none() | st.just("at least")),
                       unit=draw(st.none() | st.just("EUR")), span=(start, start + 3), sentence_span=(0, start + 10),
                       text=draw(st.text(max_size=10)), claimant=draw(ref_st),
                       reason=draw(st.none() | st.text(max_size=10)), event_id=draw(st.none() | st.just("e1")))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(claims(), max_size=4, unique_by=lambda c: c.claim_id),
       st.lists(st.builds(QuoteRecord, doc_id=st.just("d1"), span=st.tuples(st.integers(0, 99), st.integers(100, 200)),
                          text=st.text(max_size=30), speaker=ref_st), max_size=3, unique_by=lambda q: q.quote_id))
def test_claims_and_quotes_round_trip_through_duckdb(tmp_path: Path, cs: list[ClaimRecord],
                                                     qs: list[QuoteRecord]) -> None:
    with Store(":memory:") as store:
        store.write([DocumentResult(Article("d1", "text"), claims=cs, quotes=qs)])
        assert sorted(store.claims(), key=lambda c: c.span) == sorted(cs, key=lambda c: c.span)
        assert sorted(store.quotes(), key=lambda q: q.span) == sorted(qs, key=lambda q: q.span)
        store.write([DocumentResult(Article("d1", "text"))])  # re-coding replaces them
        assert store.claims() == [] and store.quotes() == []


@pytest.mark.slow
def test_claims_command(tmp_path: Path, result: DocumentResult) -> None:
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        store.write([result])
    runner = CliRunner()
    r = runner.invoke(app, ["claims", "--db", str(db), "--category", "killed", "--json"])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.output.splitlines()]
    assert [(x["value"], x["claimant"]["country"]) for x in rows] == [(14, "AFG")]
    r = runner.invoke(app, ["claims", "--db", str(db), "--quotes"])
    assert r.exit_code == 0 and "Those responsible" in r.output and "Ashraf Ghani" in r.output
    r = runner.invoke(app, ["claims", "--db", str(db), "--category", "injured"])
    assert r.exit_code == 1 and "unknown category" in r.output
