"""Story linking: reports of one event across articles become one story; repeated real events stay apart."""

from __future__ import annotations

import datetime as dt

from tacitus.records import ActorRef, Article, DocumentResult, EventRecord
from tacitus.stories import link_stories
from tacitus.store import Store


def _report(doc: str, day: dt.date | None, src: str, tgt: str, precision: str = "day", symmetric: bool = True,
            type_: str = "CONSULT") -> DocumentResult:
    art = Article(doc_id=doc, text="x" * 50, published=day)
    e = EventRecord(doc_id=doc, type=type_, mode="phone", context=["diplomatic"], cameo="041", status="occurred",
                    date=day, date_precision=precision if day else None, source=ActorRef(text=src, country=src),
                    target=ActorRef(text=tgt, country=tgt), symmetric=symmetric, sentence="x", span=(0, 10),
                    evidence=[(0, 10)], confidence=0.9, rule="consult.phone.call", coder="test")
    return DocumentResult(art, events=[e])


def _stories(results: list[DocumentResult]) -> dict[str, str]:
    with Store(":memory:") as store:
        store.write(results)
        link_stories(store.con)
        return dict(store.con.execute("SELECT doc_id, story_id FROM story_members").fetchall())


def test_reports_of_one_call_join_and_repeated_calls_stay_apart() -> None:
    d = dt.date
    got = _stories([
        _report("a", d(2021, 5, 13), "IRN", "QAT"),
        _report("b", d(2021, 5, 14), "QAT", "IRN"),  # same call, reversed, a day later
        _report("c", d(2021, 5, 13), "IRN", "TUR"),  # another dyad
        _report("d", d(2019, 5, 6), "IRN", "QAT"),  # the 2019 call
        _report("e", None, "IRN", "QAT"),  # undated: its own story
        _report("f", d(2021, 5, 13), "IRN", "QAT", type_="ACCUSE"),  # another type
        _report("g", d(2021, 5, 1), "IRN", "QAT", precision="month"),  # month precision reaches the call
    ])
    assert got["a"] == got["b"] == got["g"]
    assert len({got["a"], got["c"], got["d"], got["e"], got["f"]}) == 5


def test_asymmetric_events_keep_their_direction() -> None:
    d = dt.date(2022, 1, 10)
    got = _stories([_report("a", d, "USA", "IRN", symmetric=False), _report("b", d, "IRN", "USA", symmetric=False)])
    assert got["a"] != got["b"]


def test_link_counts() -> None:
    with Store(":memory:") as store:
        d = dt.date(2020, 3, 1)
        store.write([_report("a", d, "IRN", "QAT"), _report("b", d, "IRN", "QAT"), _report("c", d, "FRA", "DEU")])
        stats = link_stories(store.con)
    assert (stats.events, stats.stories, stats.multi_report_stories) == (3, 2, 1)
