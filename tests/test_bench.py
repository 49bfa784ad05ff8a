"""`tacitus bench` measures what it says on a small corpus (speed targets themselves are not tested)."""

from __future__ import annotations

import pytest

from tacitus.bench import bench_corpus, bench_store, run_bench, synthetic_results
from tacitus.pipeline import CoderConfig

pytestmark = pytest.mark.slow


def test_bench_corpus_varies_ids_and_dates() -> None:
    corpus = bench_corpus(60)
    assert len(corpus) == 60 and len({a.doc_id for a in corpus}) == 60
    firsts = [a for a in corpus if a.doc_id.startswith("demo-001-")]
    assert len({a.published for a in firsts}) == len(firsts) > 1


def test_run_bench_reports_both_timings_and_stage_shares() -> None:
    report = run_bench(CoderConfig(n_process=1, batch_size=8), bench_corpus(40), store_events=2000)
    d = report.to_dict()
    assert d["articles"] == 40 and d["tokens"] > 40 * 20 and d["events"] > 40
    assert report.spacy_seconds > 0 and report.tacitus_seconds > 0 and 0 < report.ratio
    assert set(report.stage_share) == {"parse", "actors", "coding", "dates", "dedup"}
    assert abs(sum(report.stage_share.values()) - 1) < 0.01
    assert report.peak_rss_mb > 50 and report.store_seconds is not None


def test_synthetic_events_have_the_requested_count() -> None:
    assert sum(len(r.events) for r in synthetic_results(23)) == 23
    assert bench_store(500) > 0


def test_synthetic_reports_link_back_into_their_calls() -> None:
    import collections

    from tacitus.bench import synthetic_reports
    from tacitus.stories import link_stories
    from tacitus.store import Store

    reports = list(synthetic_reports(600))
    with Store(":memory:") as store:
        store.write(reports)
        link_stories(store.con)
        rows = store.con.execute("SELECT e.doc_id, m.story_id FROM story_members m JOIN events e USING (event_id)"
                                 ).fetchall()
    calls = collections.defaultdict(set)
    for doc, story in rows:
        calls[doc.split("-")[0]].add(story)
    kept_whole = sum(len(s) == 1 for s in calls.values()) / len(calls)
    assert kept_whole >= 0.95, kept_whole  # the reports of one call end in one story
