"""`tacitus bench`: coding speed against spaCy's bare `nlp.pipe` on the same texts, memory, stage shares and
the speed of loading events into the store. Benchmarks are commands, not timed tests."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil

from .ingest import IngestProblem, read_articles
from .kb import DATA_DIR
from .parallel import batches
from .pipeline import Coder, CoderConfig
from .records import ActorRef, Article, DocumentResult, EventRecord
from .stories import LinkStats, link_stories
from .store import Store

SAMPLE = DATA_DIR / "sample" / "articles.jsonl"


@dataclass(slots=True)
class BenchReport:
    """What one benchmark run measured; `ratio` = tacitus articles/s ÷ bare spaCy articles/s."""

    articles: int
    tokens: int
    workers: int
    spacy_model: str
    spacy_seconds: float
    tacitus_seconds: float
    events: int
    peak_rss_mb: float
    stage_share: dict[str, float] = field(default_factory=dict)
    store_events: int = 0
    store_seconds: float | None = None

    @property
    def ratio(self) -> float:
        return self.spacy_seconds / self.tacitus_seconds if self.tacitus_seconds else 0.0

    def to_dict(self) -> dict[str, object]:
        d = asdict(self)
        d |= {"ratio": round(self.ratio, 3),
              "spacy_articles_per_s": round(self.articles / self.spacy_seconds, 1) if self.spacy_seconds else None,
              "tacitus_articles_per_s": round(self.articles / self.tacitus_seconds, 1) if self.tacitus_seconds else None,
              "tacitus_tokens_per_s": round(self.tokens / self.tacitus_seconds) if self.tacitus_seconds else None}
        return d


def bench_corpus(n: int, source: Path | None = None) -> list[Article]:
    """`n` articles: the given file, or the bundled sample corpus repeated with shifted dates and new ids
    (so every copy is a distinct document and dates resolve against different weekdays)."""
    base = [a for a in read_articles(source or SAMPLE) if not isinstance(a, IngestProblem)]
    if not base:
        raise ValueError(f"{source or SAMPLE}: no article could be read")
    if source is not None and n <= 0:
        return base
    out = []
    for i in range(n):
        a = base[i % len(base)]
        copy = i // len(base)
        published = a.published + dt.timedelta(days=3 * copy) if a.published else None
        out.append(Article(doc_id=f"{a.doc_id}-{copy}", text=a.text, published=published, outlet=a.outlet,
                           title=a.title))
    return out


class _PeakMemory:
    """Samples the resident memory of this process and its children (the workers) every 50 ms."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = me.memory_info().rss
            for child in me.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.05)

    def __enter__(self) -> _PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _bare_spacy(config: CoderConfig, texts: list[str]) -> tuple[float, int]:
    import spacy

    nlp = spacy.load(config.spacy_model)
    t0 = time.perf_counter()
    tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=config.batch_size, n_process=config.n_process))
    return time.perf_counter() - t0, tokens


def synthetic_results(n_events: int, per_doc: int = 5) -> Iterator[DocumentResult]:
    """Documents with `n_events` plausible events in all, for store and linking benchmarks."""
    countries = ["IRN", "QAT", "TUR", "OMN", "USA", "RUS", "CHN", "FRA", "EGY", "ISR"]
    day0 = dt.date(2015, 1, 1)
    for d in range(0, n_events, per_doc):
        art = Article(doc_id=f"syn-{d}", text="x" * 200, published=day0 + dt.timedelta(days=d % 3650))
        res = DocumentResult(art)
        for k in range(min(per_doc, n_events - d)):
            i = d + k
            src = ActorRef(text="a", country=countries[i % 10], agent="GOV", code=countries[i % 10] + "GOV")
            tgt = ActorRef(text="b", country=countries[(i * 7 + 3) % 10], agent="GOV")
            e = EventRecord(doc_id=art.doc_id, type="CONSULT", mode="phone", context=["diplomatic"], cameo="041",
                            status="occurred", date=art.published, date_precision="day", source=src, target=tgt,
                            symmetric=True, sentence="x", span=(k * 10, k * 10 + 9), evidence=[(k * 10, k * 10 + 9)],
                            confidence=0.9, rule="consult.phone.call", coder="bench")
            res.events.append(e)
        yield res


def bench_store(n_events: int, batch_docs: int = 10_000) -> float:
    """Seconds to load `n_events` synthetic events into a new DuckDB file, `batch_docs` documents per commit."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        return _load(store, synthetic_results(n_events), batch_docs)


def _load(store: Store, results: Iterator[DocumentResult], batch_docs: int) -> float:
    """Write results `batch_docs` documents per commit; return the seconds it took."""
    t0 = time.perf_counter()
    for batch in batches(results, batch_docs):
        store.write(batch)
    return time.perf_counter() - t0


_STATES = ["IRN", "QAT", "TUR", "OMN", "USA", "RUS", "CHN", "FRA", "EGY", "ISR", "SAU", "IND", "BRA", "DEU", "JPN",
           "GBR", "PAK", "IRQ", "SYR", "JOR"]
_TOPICS = ["Gaza", "trade", "energy", "the war in Ukraine", "shipping", "water", "refugees", "nuclear talks"]
_FRAMES = ["{a} and {b} discussed {t} by phone on {d}.", "{b} and {a} spoke by telephone about {t}, officials said.",
           "In a call on {d}, {a} told {b} that {t} needed urgent attention.", "{a} phoned {b} to discuss {t}."]


def synthetic_reports(n_events: int, seed: int = 7) -> Iterator[DocumentResult]:
    """`n_events` reports of synthetic calls: each call is told by 1–5 outlets within a day, in varied wording,
    among 190 dyads, over a span that grows with n — constant candidate density for the linking benchmark."""
    import random

    rng = random.Random(seed)
    # keep the density of calls per dyad and day constant as n grows (about one call per dyad every 20 days),
    # so the benchmark measures growth with size, not with crowding
    days = max(365, int(n_events / 3 / 9.5))
    day0 = dt.date(2025, 1, 1) - dt.timedelta(days=days)
    made = 0
    call = 0
    while made < n_events:
        call += 1
        a, b = rng.sample(_STATES, 2)
        date = day0 + dt.timedelta(days=rng.randrange(days))
        topic = rng.choice(_TOPICS)
        for k in range(min(rng.randint(1, 5), n_events - made)):
            day = date + dt.timedelta(days=rng.randint(0, 1))
            text = rng.choice(_FRAMES).format(a=a, b=b, t=topic, d=day.strftime("%A"))
            art = Article(doc_id=f"call{call}-r{k}", text=text, published=day, outlet=f"outlet{k}")
            e = EventRecord(doc_id=art.doc_id, type="CONSULT", mode="phone", context=["diplomatic"], cameo="041",
                            status="occurred", date=day, date_precision="day",
                            source=ActorRef(text=a, country=a, agent="GOV"), target=ActorRef(text=b, country=b, agent="GOV"),
                            symmetric=True, sentence=text, span=(0, len(text)), evidence=[(0, len(text))],
                            confidence=0.9, rule="consult.phone.call", coder="bench")
            made += 1
            yield DocumentResult(art, events=[e])


def bench_linking(n_events: int) -> tuple[float, float, LinkStats]:
    """Seconds to load `n_events` synthetic reports, then seconds to link them into stories."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "link.duckdb") as store:
        load_s = _load(store, synthetic_reports(n_events), 10_000)
        t0 = time.perf_counter()
        stats = link_stories(store.con)
        return load_s, time.perf_counter() - t0, stats


def run_bench(config: CoderConfig, articles: list[Article], store_events: int = 0,
              progress: Callable[[int], None] | None = None) -> BenchReport:
    """Time bare spaCy and tacitus over the same texts with the same pipeline and processes."""
    texts = [a.text for a in articles]
    with _PeakMemory() as mem:
        spacy_s, tokens = _bare_spacy(config, texts)
        coder = Coder(config)
        coder.load()
        stages: dict[str, float] = {}
        n_events = 0
        t0 = time.perf_counter()
        for i, r in enumerate(coder.code_articles(articles), 1):
            n_events += len(r.events)
            for k, v in r.timings.items():
                stages[k] = stages.get(k, 0.0) + v
            if progress and i % 100 == 0:
                progress(i)
        tacitus_s = time.perf_counter() - t0
    total = sum(stages.values()) or 1.0
    report = BenchReport(articles=len(articles), tokens=tokens, workers=config.n_process,
                         spacy_model=config.spacy_model, spacy_seconds=round(spacy_s, 3),
                         tacitus_seconds=round(tacitus_s, 3), events=n_events,
                         peak_rss_mb=round(mem.peak / 2**20, 1),
                         stage_share={k: round(v / total, 3) for k, v in sorted(stages.items())})
    if store_events:
        report.store_events = store_events
        report.store_seconds = round(bench_store(store_events), 2)
    return report


def default_workers() -> int:
    return os.cpu_count() or 1
