"""Coding on a Ray cluster (or Ray in local mode): Ray Data reads JSONL/Parquet partitions, one `Coder` per
worker actor codes batches, and the events are written as Parquet partitions that DuckDB reads directly, with
the quotes and numeric claims in `_quotes/` and `_claims/` beside them (on a cluster the output directory must
be shared storage, as for any Ray Data write).

Install with `pip install tacitus[ray]`; point at a running cluster with `address="ray://head:10001"` (or set
RAY_ADDRESS), or leave it unset to start Ray on this machine.
"""

from __future__ import annotations

import glob
import logging
import os
import uuid
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .errors import InputError, TacitusError
from .ingest import parse_day
from .pipeline import Coder, CoderConfig
from .records import Article, EventRecord
from .store import CLAIMS_DIR, QUOTES_DIR, claims_table, quotes_table

EVENT_COLUMNS = pa.schema([
    ("event_id", pa.string()), ("doc_id", pa.string()), ("type", pa.string()), ("mode", pa.string()),
    ("context", pa.list_(pa.string())), ("cameo", pa.string()), ("status", pa.string()), ("date", pa.date32()),
    ("date_precision", pa.string()),
    *[(f"{side}_{f}", pa.string()) for side in ("source", "target")
      for f in ("text", "country", "org", "agent", "person", "role", "code")],
    ("symmetric", pa.bool_()), ("sentence", pa.string()), ("span_start", pa.int32()), ("span_end", pa.int32()),
    ("evidence", pa.list_(pa.list_(pa.int32()))), ("confidence", pa.float64()), ("rule", pa.string()),
    ("coder", pa.string()), ("published", pa.date32()), ("outlet", pa.string()),
])


def events_table(events: list[EventRecord], articles: dict[str, Article]) -> pa.Table:
    """Events as one flat Arrow table (the columns of the store's `events_flat` view, plus outlet)."""
    cols: dict[str, list[Any]] = {f.name: [] for f in EVENT_COLUMNS}
    for e in events:
        d = e.to_dict()
        for k in ("event_id", "doc_id", "type", "mode", "context", "cameo", "status", "date_precision",
                  "symmetric", "sentence", "confidence", "rule", "coder"):
            cols[k].append(d[k])
        cols["date"].append(e.date)
        cols["span_start"].append(e.span[0])
        cols["span_end"].append(e.span[1])
        cols["evidence"].append([list(s) for s in e.evidence])
        for side, a in (("source", e.source), ("target", e.target)):
            for f in ("text", "country", "org", "agent", "person", "role", "code"):
                cols[f"{side}_{f}"].append(getattr(a, f) if a is not None else None)
        art = articles.get(e.doc_id)
        cols["published"].append(art.published if art else None)
        cols["outlet"].append(art.outlet if art else None)
    return pa.table(cols, schema=EVENT_COLUMNS)


def articles_from_rows(rows: list[dict[str, Any]]) -> list[Article]:
    """Input rows (JSONL or Parquet, the `tacitus code` input fields) as articles; rows without text are skipped."""
    out = []
    for i, r in enumerate(rows):
        text = r.get("text")
        if not isinstance(text, str) or not text.strip():
            continue
        out.append(Article(doc_id=str(r.get("id") or r.get("doc_id") or f"row-{i}"), text=text,
                           published=parse_day(r.get("published")), outlet=r.get("outlet"), url=r.get("url"),
                           title=r.get("title")))
    return out


class RayCodingActor:
    """One per Ray worker: loads the pipeline and dictionaries once, then codes Arrow batches. Events go back to
    Ray Data; the batch's quotes and claims are written by the actor itself beside them (`_quotes/`, `_claims/`),
    since one Ray dataset holds one kind of row."""

    def __init__(self, config: dict[str, Any], output_dir: str) -> None:
        self.coder = Coder(CoderConfig(**config))
        self.coder.load()
        self.output_dir = Path(output_dir)

    def __call__(self, batch: pa.Table) -> pa.Table:
        articles = articles_from_rows(batch.to_pylist())
        results = list(self.coder.code_batch(articles))
        part = uuid.uuid4().hex
        for sub, table in ((QUOTES_DIR, quotes_table([q for r in results for q in r.quotes])),
                           (CLAIMS_DIR, claims_table([c for r in results for c in r.claims]))):
            if table.num_rows:
                folder = self.output_dir / sub
                folder.mkdir(parents=True, exist_ok=True)
                tmp = folder / f".{part}.parquet.tmp"
                pq.write_table(table, tmp)
                tmp.replace(folder / f"{part}.parquet")  # readers never see a half-written partition
        return events_table([e for r in results for e in r.events], {a.doc_id: a for a in articles})


def input_files(patterns: list[str]) -> tuple[list[str], list[str]]:
    """JSONL and Parquet files named by paths, directories or globs."""
    found: list[str] = []
    for p in patterns:
        path = Path(p)
        if path.is_dir():
            found += sorted(str(f) for f in path.rglob("*") if f.suffix in (".jsonl", ".json", ".parquet"))
        else:
            found += sorted(glob.glob(p)) if any(c in p for c in "*?[") else [p]
    missing = [f for f in found if not Path(f).is_file()]
    if missing:
        raise InputError(f"{missing[0]}: no such file")
    jsonl = [f for f in found if f.endswith((".jsonl", ".json"))]
    parquet = [f for f in found if f.endswith(".parquet")]
    if not jsonl and not parquet:
        raise InputError(f"{', '.join(patterns)}: no .jsonl or .parquet file found (the ray engine reads those)")
    return jsonl, parquet


def code_with_ray(patterns: list[str], output_dir: Path, config: CoderConfig, address: str | None = None,
                  workers: int = 2, batch_size: int = 64) -> int:
    """Code every article of `patterns` on Ray; write Parquet partitions under `output_dir`; return the
    number of events written."""
    try:
        import ray
    except ImportError as exc:
        raise TacitusError("the ray engine needs Ray: pip install 'tacitus[ray]'") from exc
    jsonl, parquet = input_files(patterns)
    address = address or os.environ.get("RAY_ADDRESS") or None
    started_here = not ray.is_initialized()
    if started_here:
        kwargs: dict[str, Any] = {"address": address} if address else {
            # one CPU per coding actor plus one for the read and write tasks, or the actors starve them
            "num_cpus": workers + 1, "object_store_memory": 256 * 2**20, "include_dashboard": False}
        ray.init(ignore_reinit_error=True, log_to_driver=False, logging_level=logging.WARNING, **kwargs)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    try:
        parts = []
        if jsonl:
            parts.append(ray.data.read_json(jsonl))
        if parquet:
            parts.append(ray.data.read_parquet(parquet))
        ds = parts[0] if len(parts) == 1 else parts[0].union(*parts[1:])
        output_dir.mkdir(parents=True, exist_ok=True)
        coded = ds.map_batches(RayCodingActor, fn_constructor_kwargs={"config": config.model_dump(mode="json"),
                                                                      "output_dir": str(output_dir.resolve())},
                               batch_format="pyarrow", batch_size=batch_size, concurrency=workers, num_cpus=1)
        coded.write_parquet(str(output_dir))
    finally:
        if started_here:
            ray.shutdown()
    import pyarrow.dataset as pads

    return pads.dataset(str(output_dir), format="parquet").count_rows()
