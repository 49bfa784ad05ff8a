"""The Ray engine in local mode codes JSONL partitions into Parquet partitions with the local engine's events,
and DuckDB reads them through `tacitus attach`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tacitus.cli import SAMPLE
from tacitus.ingest import read_articles
from tacitus.pipeline import Coder, CoderConfig
from tacitus.records import Article
from tacitus.store import Store

pytestmark = pytest.mark.slow
ray = pytest.importorskip("ray")


def test_ray_local_mode_gives_the_local_events(tmp_path: Path, coder: Coder) -> None:
    from tacitus.distributed import code_with_ray

    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "part-0.jsonl").write_text("\n".join(lines[:15]) + "\n", encoding="utf-8")
    (tmp_path / "in" / "part-1.jsonl").write_text("\n".join(lines[15:]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    n = code_with_ray([str(tmp_path / "in" / "*.jsonl")], out, CoderConfig(), workers=2, batch_size=8)
    local = {e.event_id: e for r in coder.code_articles(a for a in read_articles(SAMPLE) if isinstance(a, Article))
             for e in r.events}
    assert n == len(local)
    with Store(tmp_path / "t.duckdb") as store:
        assert store.attach_parquet(out) == n
        rows = store.con.execute("SELECT event_id, type, source_country, target_country, date FROM parquet_events"
                                 ).fetchall()
    assert {r[0] for r in rows} == set(local)
    for event_id, type_, src, tgt, date in rows:
        e = local[event_id]
        assert (type_, src, tgt, date) == (e.type, e.source.country, e.target.country if e.target else None, e.date)


def test_ray_writes_quotes_and_claims_beside_the_events(tmp_path: Path, coder: Coder) -> None:
    import datetime as dt
    import json

    from tacitus.distributed import code_with_ray

    text = ('GAZA - At least 12 people were killed in an Israeli air strike on Monday, the health ministry said. '
            '"We will not stop," Israeli Prime Minister Benjamin Netanyahu said.')
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "part-0.jsonl").write_text(json.dumps({"id": "q1", "published": "2024-03-04", "text": text})
                                                  + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code_with_ray([str(tmp_path / "in" / "*.jsonl")], out, CoderConfig(), workers=1, batch_size=8)
    local = coder.code_text(text, dt.date(2024, 3, 4), doc_id="q1")
    with Store(tmp_path / "t.duckdb") as store:
        store.attach_parquet(out)
        claims = store.con.execute("SELECT doc_id, category, value, event_id FROM parquet_claims").fetchall()
        quotes = store.con.execute("SELECT doc_id, speaker_person FROM parquet_quotes").fetchall()
    assert claims == [(c.doc_id, c.category, c.value, c.event_id) for c in local.claims]
    assert [c[1:3] for c in claims] == [("killed", 12)]
    assert quotes == [("q1", "Benjamin Netanyahu")]
