import datetime as dt
import threading
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tacitus.records import CONSULT_MODES, EVENT_TYPES, STATUSES, ActorRef, Article, DocumentResult, Dropped, EventRecord
from tacitus.store import EventQuery, Store

text_st = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
opt = lambda s: st.none() | s  # noqa: E731
actor_st = st.builds(ActorRef, text=text_st, country=opt(st.sampled_from(["IRN", "QAT", "OMN", "TUR"])),
                     org=opt(st.sampled_from(["OIC", "HAMAS"])), agent=opt(st.sampled_from(["GOV", "MIL", "REB"])),
                     person=opt(text_st), role=opt(text_st), code=opt(text_st))


@st.composite
def events(draw):  # type: ignore[no-untyped-def]
    start = draw(st.integers(0, 10_000))
    span = (start, start + draw(st.integers(1, 500)))
    date = draw(opt(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))))
    return EventRecord(
        doc_id=draw(st.sampled_from(["d1", "d2"])), type=draw(st.sampled_from(EVENT_TYPES)),
        mode=draw(opt(st.sampled_from(CONSULT_MODES))), context=draw(st.lists(st.sampled_from(["diplomatic", "military"]), max_size=2)),
        cameo=draw(opt(st.sampled_from(["041", "111", "190"]))), status=draw(st.sampled_from(STATUSES)), date=date,
        date_precision=draw(st.sampled_from(["day", "month"])) if date else None,
        source=draw(actor_st), target=draw(opt(actor_st)), symmetric=draw(st.booleans()), sentence=draw(text_st),
        span=span, evidence=[span] + draw(st.lists(st.tuples(st.integers(0, 99), st.integers(100, 200)), max_size=2)),
        confidence=draw(st.floats(0, 1)), rule=draw(text_st), coder="tacitus test")


def _result(doc_id: str, evs: list[EventRecord], text: str = "t") -> DocumentResult:
    return DocumentResult(Article(doc_id=doc_id, text=text, published=dt.date(2021, 5, 15)), evs,
                          [Dropped(doc_id, "coding", "no source actor found", "r", "x", (0, 1))])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(events(), max_size=4, unique_by=lambda e: e.event_id))
def test_event_round_trip(evs: list[EventRecord]) -> None:
    with Store(":memory:") as store:
        for doc in ("d1", "d2"):
            store.write([_result(doc, [e for e in evs if e.doc_id == doc])])
        back = {e.event_id: e for e in store.events()}
    assert set(back) == {e.event_id for e in evs}
    for e in evs:
        got = back[e.event_id]
        expect = e.to_dict()
        assert got.to_dict() == expect


def _ev(doc_id: str, country: str, day: dt.date | None, etype: str = "CONSULT") -> EventRecord:
    return EventRecord(doc_id=doc_id, type=etype, mode="phone", context=[], cameo="041", status="occurred", date=day,
                       date_precision="day" if day else None, source=ActorRef("Iran", "IRN"),
                       target=ActorRef("Qatar", country), symmetric=True, sentence="s", span=(0, 1),
                       evidence=[(0, 1)], confidence=0.9, rule="r", coder="c")


def test_recoding_replaces_rows(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        store.write([_result("a", [_ev("a", "QAT", dt.date(2021, 5, 13))])])
        store.write([_result("a", [_ev("a", "OMN", dt.date(2021, 5, 13))])])
        assert store.counts() == {"documents": 1, "events": 1, "actors": 2, "dropped": 1, "quotes": 0, "claims": 0}
        assert [e.target.country for e in store.events()] == ["OMN"]  # type: ignore[union-attr]


def test_failed_write_keeps_committed_rows(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        store.write([_result("a", [_ev("a", "QAT", dt.date(2021, 5, 13))])])
        bad = _ev("a", "OMN", None)
        bad.status = None  # type: ignore[assignment]  # NOT NULL violation mid-transaction
        with pytest.raises(duckdb.Error):
            store.write([_result("a", [bad])])
        assert [e.target.country for e in store.events()] == ["QAT"]  # type: ignore[union-attr]


def test_query_filters_are_parameters(tmp_path: Path) -> None:
    with Store(tmp_path / "q.duckdb") as store:
        store.write([_result("a", [_ev("a", "QAT", dt.date(2019, 5, 6)), _ev("a", "OMN", dt.date(2023, 10, 9), "ACCUSE")])])
        assert len(list(store.events(EventQuery(country="OMN")))) == 1
        assert len(list(store.events(EventQuery(type="CONSULT", since=dt.date(2019, 1, 1))))) == 1
        assert len(list(store.events(EventQuery(since=dt.date(2020, 1, 1), until=dt.date(2024, 1, 1))))) == 1
        assert list(store.events(EventQuery(country="IRN' OR 1=1 --"))) == []


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_export_formats(tmp_path: Path, fmt: str) -> None:
    db = tmp_path / "e.duckdb"
    with Store(db) as store:
        store.write([_result("a", [_ev("a", "QAT", dt.date(2019, 5, 6))])])
    out = tmp_path / f"events.{fmt}"
    with Store(db, read_only=True) as store:
        assert store.export(fmt, out) == 1
    con = duckdb.connect()
    reader = {"csv": "read_csv_auto", "parquet": "read_parquet", "jsonl": "read_json_auto"}[fmt]
    rows = con.execute(f"SELECT * FROM {reader}('{out}')").fetchall()
    assert len(rows) == 1
    assert not out.with_name(out.name + ".part").exists()


def test_first_use_from_many_threads_opens_the_store_once(tmp_path: Path) -> None:
    """The API's worker threads may all touch a store before it is open; each open replaces the schema's view, and
    two at once conflict in DuckDB."""
    path = tmp_path / "t.duckdb"
    with Store(path) as s:
        s.write([DocumentResult(Article("d1", "text"))])
    for _ in range(5):
        store = Store(path)
        barrier = threading.Barrier(8)
        errors: list[Exception] = []

        def first_query() -> None:
            barrier.wait()
            try:
                store.count(EventQuery())
            except Exception as exc:  # noqa: BLE001 - any failure is what this test looks for
                errors.append(exc)

        threads = [threading.Thread(target=first_query) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        store.close()
        assert not errors, errors[0]
