"""Store stage: a DuckDB file with tables for documents, events, actors and dropped candidates.

Re-coding an article replaces its rows inside one transaction; each batch of articles commits on its own,
so a crash mid-run loses only the batch in flight and never what was committed before.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from .errors import StoreError
from .records import ActorRef, Article, ClaimRecord, DocumentResult, EventRecord, QuoteRecord

CLAIMS_DIR, QUOTES_DIR = "_claims", "_quotes"  # beside the ray engine's event partitions

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, published DATE, outlet VARCHAR, url VARCHAR,
    title VARCHAR, text VARCHAR NOT NULL, source_file VARCHAR, coder VARCHAR, coded_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, type VARCHAR NOT NULL, mode VARCHAR,
    context VARCHAR[], cameo VARCHAR, status VARCHAR NOT NULL, date DATE, date_precision VARCHAR,
    "symmetric" BOOLEAN NOT NULL, sentence VARCHAR NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    evidence INTEGER[][] NOT NULL, confidence DOUBLE NOT NULL, rule VARCHAR NOT NULL, coder VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS actors (
    event_id VARCHAR NOT NULL, side VARCHAR NOT NULL, text VARCHAR NOT NULL, country VARCHAR, org VARCHAR,
    agent VARCHAR, person VARCHAR, role VARCHAR, code VARCHAR, PRIMARY KEY (event_id, side)
);
CREATE TABLE IF NOT EXISTS dropped (
    doc_id VARCHAR NOT NULL, stage VARCHAR NOT NULL, reason VARCHAR NOT NULL, rule VARCHAR, text VARCHAR,
    span_start INTEGER, span_end INTEGER
);
CREATE TABLE IF NOT EXISTS quotes (
    quote_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    text VARCHAR NOT NULL, speaker_text VARCHAR, speaker_country VARCHAR, speaker_org VARCHAR,
    speaker_person VARCHAR, reason VARCHAR, event_id VARCHAR
);
CREATE TABLE IF NOT EXISTS claims (
    claim_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, category VARCHAR NOT NULL, value BIGINT NOT NULL,
    qualifier VARCHAR, unit VARCHAR, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL, text VARCHAR NOT NULL,
    claimant_text VARCHAR, claimant_country VARCHAR, claimant_org VARCHAR, claimant_person VARCHAR,
    reason VARCHAR, event_id VARCHAR
);
CREATE OR REPLACE VIEW events_flat AS
SELECT e.event_id, e.doc_id, e.type, e.mode, e.context, e.cameo, e.status, e.date, e.date_precision,
       s.text AS source_text, s.country AS source_country, s.org AS source_org, s.agent AS source_agent,
       s.person AS source_person, s.role AS source_role, s.code AS source_code,
       t.text AS target_text, t.country AS target_country, t.org AS target_org, t.agent AS target_agent,
       t.person AS target_person, t.role AS target_role, t.code AS target_code,
       e."symmetric", e.sentence, e.span_start, e.span_end, e.evidence, e.confidence, e.rule, e.coder
FROM events e
JOIN actors s ON s.event_id = e.event_id AND s.side = 'source'
LEFT JOIN actors t ON t.event_id = e.event_id AND t.side = 'target';
"""


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for `Store.events`; every value is passed as a query parameter, never spliced into SQL."""

    country: str | None = None
    type: str | None = None
    person: str | None = None
    status: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    doc_id: str | None = None
    limit: int | None = None
    offset: int = 0
    mode: str | None = None
    dyad: tuple[str, str] | None = None  # unordered pair of countries/organisations
    actor: str | None = None  # text, person or code of either side, case-insensitive substring
    outlet: str | None = None
    text: str | None = None  # substring of the evidence sentence
    event_id: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """SQL condition over `events_flat` (joined with documents as `d`) and its parameters."""
        where: list[str] = []
        params: list[Any] = []
        if self.country:
            where.append("(source_country = ? OR target_country = ? OR source_org = ? OR target_org = ?)")
            params += [self.country] * 4
        for column, value in (("type", self.type), ("mode", self.mode), ("status", self.status),
                              ("f.doc_id", self.doc_id), ("event_id", self.event_id)):
            if value:
                where.append(f"{column} = ?")
                params.append(value)
        for column, value in (("d.outlet", self.outlet), ("sentence", self.text)):  # substrings
            if value:
                where.append(f"{column} ILIKE ?")
                params.append(f"%{value}%")
        if self.person:
            where.append("(source_person ILIKE ? OR target_person ILIKE ?)")
            params += [f"%{self.person}%"] * 2
        if self.actor:
            where.append("(source_text ILIKE ? OR target_text ILIKE ? OR source_person ILIKE ? OR target_person "
                         "ILIKE ? OR source_code ILIKE ? OR target_code ILIKE ?)")
            params += [f"%{self.actor}%"] * 6
        if self.dyad:
            where.append("((coalesce(source_country, source_org) = ? AND coalesce(target_country, target_org) = ?) OR "
                         "(coalesce(source_country, source_org) = ? AND coalesce(target_country, target_org) = ?))")
            params += [self.dyad[0], self.dyad[1], self.dyad[1], self.dyad[0]]
        if self.since:
            where.append("date >= ?")
            params.append(self.since)
        if self.until:
            where.append("date <= ?")
            params.append(self.until)
        return (" WHERE " + " AND ".join(where)) if where else "", params


class Store:
    """A DuckDB event store. Use as a context manager; `path=":memory:"` for tests."""

    def __init__(self, path: str | Path = "tacitus.duckdb", read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._con: duckdb.DuckDBPyConnection | None = None
        # the API's worker threads may all reach a store before it is open: open it once (two opens at a time
        # replace the schema's view together, which DuckDB refuses)
        self._opening = threading.Lock()

    def __enter__(self) -> Store:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def open(self) -> None:
        if self.read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such database (run `tacitus code --db {self.path}` first)")
        try:
            self._con = duckdb.connect(self.path, read_only=self.read_only)
            if not self.read_only:
                self._con.execute(SCHEMA)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open as a DuckDB database ({exc})") from exc

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            with self._opening:
                if self._con is None:
                    self.open()
        assert self._con is not None
        return self._con

    def write(self, results: Iterable[DocumentResult]) -> int:
        """Replace the rows of these articles in one transaction; return the number of events written."""
        results = list(results)
        if not results:
            return 0
        con = self.con
        ids = [r.article.doc_id for r in results]
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DELETE FROM actors WHERE event_id IN (SELECT event_id FROM events WHERE doc_id IN "
                        "(SELECT unnest(?)))", [ids])
            for table in ("events", "dropped", "quotes", "claims", "documents"):
                con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [ids])
            insert_arrow(con, "documents", _documents_table(results, now))
            events = [e for r in results for e in r.events]
            if events:
                insert_arrow(con, "events", _events_table(events))
                insert_arrow(con, "actors", _actors_table(events))
            quotes = [q for r in results for q in r.quotes]
            if quotes:
                insert_arrow(con, "quotes", quotes_table(quotes))
            claims = [c for r in results for c in r.claims]
            if claims:
                insert_arrow(con, "claims", claims_table(claims))
            drops = [d for r in results for d in r.dropped]
            if drops:
                insert_arrow(con, "dropped", _dropped_table(drops))
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return len(events)

    def attach_parquet(self, directory: Path) -> int:
        """Create the view `parquet_events` over Parquet partitions (from the ray engine), and `parquet_claims` /
        `parquet_quotes` over the claims and quotes beside them; return the number of events."""
        root = Path(directory).resolve()
        if not root.is_dir() or not any(root.glob("*.parquet")):
            raise StoreError(f"{directory}: no .parquet files (write them with tacitus code --engine ray)")
        for view, sub in (("parquet_events", ""), ("parquet_claims", CLAIMS_DIR), ("parquet_quotes", QUOTES_DIR)):
            folder = root / sub if sub else root
            if any(folder.glob("*.parquet")):
                pattern = str(folder / "*.parquet").replace("'", "''")
                self.con.execute(f"CREATE OR REPLACE VIEW {view} AS SELECT * FROM read_parquet('{pattern}')")
        return int(self.con.execute("SELECT count(*) FROM parquet_events").fetchone()[0])  # type: ignore[index]

    def known_hashes(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT doc_id, content_hash FROM documents").fetchall())

    def events(self, q: EventQuery = EventQuery()) -> Iterator[EventRecord]:
        """Stored events matching `q`, ordered by date then document and position."""
        where, params = q.where()
        sql = ("SELECT f.* FROM events_flat f LEFT JOIN documents d ON d.doc_id = f.doc_id" + where
               + " ORDER BY date NULLS LAST, f.doc_id, span_start, event_id")
        if q.limit:
            sql += " LIMIT ?"
            params.append(q.limit)
        if q.offset:
            sql += " OFFSET ?"
            params.append(q.offset)
        cur = self.con.cursor().execute(sql, params)
        cols = [d[0] for d in cur.description]  # type: ignore[union-attr]
        for row in cur.fetchall():
            yield _event_from_row(dict(zip(cols, row)))

    def count(self, q: EventQuery = EventQuery()) -> int:
        where, params = q.where()
        sql = "SELECT count(*) FROM events_flat f LEFT JOIN documents d ON d.doc_id = f.doc_id" + where
        return int(self.con.cursor().execute(sql, params).fetchone()[0])  # type: ignore[index]

    def document(self, doc_id: str) -> Article | None:
        row = self.con.execute("SELECT doc_id, text, published, outlet, url, title, source_file FROM documents "
                               "WHERE doc_id = ?", [doc_id]).fetchone()
        if row is None:
            return None
        return Article(doc_id=row[0], text=row[1], published=row[2], outlet=row[3], url=row[4], title=row[5],
                       source_file=row[6] or "")

    def claims(self, doc_id: str | None = None, category: str | None = None, country: str | None = None,
               limit: int = 1000) -> list[ClaimRecord]:
        """Numeric claims, filtered by document, category and the claimant's country or organisation."""
        sql, params = "SELECT * FROM claims WHERE 1=1", []  # type: ignore[var-annotated]
        for column, value in (("doc_id", doc_id), ("category", category)):
            if value is not None:
                sql += f" AND {column} = ?"
                params.append(value)
        if country is not None:
            sql += " AND (claimant_country = ? OR claimant_org = ?)"
            params += [country, country]
        rows = self._rows(sql + " ORDER BY doc_id, span_start LIMIT ?", [*params, limit])
        return [ClaimRecord(doc_id=r["doc_id"], category=r["category"], value=r["value"], qualifier=r["qualifier"],
                            unit=r["unit"], span=(r["span_start"], r["span_end"]),
                            sentence_span=(r["sentence_start"], r["sentence_end"]), text=r["text"],
                            claimant=_ref_from_row(r, "claimant"), reason=r["reason"], event_id=r["event_id"])
                for r in rows]

    def quotes(self, doc_id: str | None = None, country: str | None = None, limit: int = 1000) -> list[QuoteRecord]:
        """Direct quotes, filtered by document and the speaker's country or organisation."""
        sql, params = "SELECT * FROM quotes WHERE 1=1", []  # type: ignore[var-annotated]
        if doc_id is not None:
            sql += " AND doc_id = ?"
            params.append(doc_id)
        if country is not None:
            sql += " AND (speaker_country = ? OR speaker_org = ?)"
            params += [country, country]
        rows = self._rows(sql + " ORDER BY doc_id, span_start LIMIT ?", [*params, limit])
        return [QuoteRecord(doc_id=r["doc_id"], span=(r["span_start"], r["span_end"]), text=r["text"],
                            speaker=_ref_from_row(r, "speaker"), reason=r["reason"], event_id=r["event_id"])
                for r in rows]

    def _rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        try:
            cur = self.con.cursor().execute(sql, params)  # a cursor per call: the API serves from threads
        except duckdb.CatalogException as exc:
            raise StoreError(f"{self.path}: written by an older tacitus without quotes and claims "
                             "(code the articles again with `tacitus code --db ...`)") from exc
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
                for t in ("documents", "events", "actors", "dropped", "quotes", "claims")}

    def export(self, fmt: str, output: Path) -> int:
        """Write all events to `output` as csv, parquet or jsonl (jsonl follows the output contract)."""
        tmp = output.with_name(output.name + ".part")
        if fmt == "jsonl":
            n = 0
            with tmp.open("w", encoding="utf-8") as fh:
                for e in self.events():
                    fh.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
                    n += 1
        elif fmt in ("csv", "parquet"):
            n = self.con.execute("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]
            query = "SELECT * FROM events_flat ORDER BY date NULLS LAST, doc_id, span_start"
            if fmt == "csv":  # CSV has no lists: evidence and context as JSON text
                query = ("SELECT * REPLACE (to_json(evidence)::VARCHAR AS evidence, "
                         "to_json(context)::VARCHAR AS context) FROM (" + query + ")")
            self.con.execute(f"COPY ({query}) TO '{_sql_path(tmp)}' (FORMAT {fmt.upper()})")
        else:
            raise StoreError(f"unknown export format '{fmt}' (use csv, parquet or jsonl)")
        tmp.replace(output)
        return n


def insert_arrow(con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table) -> None:
    """Insert a whole Arrow table at once (row-by-row executemany is a hundred times slower)."""
    con.register("_batch", rows)
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM _batch")
    finally:
        con.unregister("_batch")


_DOCUMENTS = pa.schema([("doc_id", pa.string()), ("content_hash", pa.string()), ("published", pa.date32()),
                        ("outlet", pa.string()), ("url", pa.string()), ("title", pa.string()), ("text", pa.string()),
                        ("source_file", pa.string()), ("coder", pa.string()), ("coded_at", pa.timestamp("us"))])
_EVENTS = pa.schema([("event_id", pa.string()), ("doc_id", pa.string()), ("type", pa.string()), ("mode", pa.string()),
                     ("context", pa.list_(pa.string())), ("cameo", pa.string()), ("status", pa.string()),
                     ("date", pa.date32()), ("date_precision", pa.string()), ("symmetric", pa.bool_()),
                     ("sentence", pa.string()), ("span_start", pa.int32()), ("span_end", pa.int32()),
                     ("evidence", pa.list_(pa.list_(pa.int32()))), ("confidence", pa.float64()),
                     ("rule", pa.string()), ("coder", pa.string())])
_ACTORS = pa.schema([("event_id", pa.string()), ("side", pa.string()), ("text", pa.string()),
                     ("country", pa.string()), ("org", pa.string()), ("agent", pa.string()),
                     ("person", pa.string()), ("role", pa.string()), ("code", pa.string())])
_DROPPED = pa.schema([("doc_id", pa.string()), ("stage", pa.string()), ("reason", pa.string()), ("rule", pa.string()),
                      ("text", pa.string()), ("span_start", pa.int32()), ("span_end", pa.int32())])


def _documents_table(results: list[DocumentResult], now: dt.datetime) -> pa.Table:
    arts = [r.article for r in results]
    return pa.table({
        "doc_id": [a.doc_id for a in arts], "content_hash": [a.content_hash for a in arts],
        "published": [a.published for a in arts], "outlet": [a.outlet for a in arts], "url": [a.url for a in arts],
        "title": [a.title for a in arts], "text": [a.text for a in arts], "source_file": [a.source_file for a in arts],
        "coder": [r.events[0].coder if r.events else None for r in results], "coded_at": [now] * len(arts),
    }, schema=_DOCUMENTS)


def _events_table(events: list[EventRecord]) -> pa.Table:
    return pa.table({
        "event_id": [e.event_id for e in events], "doc_id": [e.doc_id for e in events],
        "type": [e.type for e in events], "mode": [e.mode for e in events],
        "context": [list(e.context) for e in events], "cameo": [e.cameo for e in events],
        "status": [e.status for e in events], "date": [e.date for e in events],
        "date_precision": [e.date_precision for e in events], "symmetric": [e.symmetric for e in events],
        "sentence": [e.sentence for e in events], "span_start": [e.span[0] for e in events],
        "span_end": [e.span[1] for e in events], "evidence": [[list(s) for s in e.evidence] for e in events],
        "confidence": [e.confidence for e in events], "rule": [e.rule for e in events],
        "coder": [e.coder for e in events],
    }, schema=_EVENTS)


def _actors_table(events: list[EventRecord]) -> pa.Table:
    rows = [(e.event_id, side, a) for e in events for side, a in (("source", e.source), ("target", e.target))
            if a is not None]
    return pa.table({
        "event_id": [r[0] for r in rows], "side": [r[1] for r in rows], "text": [r[2].text for r in rows],
        "country": [r[2].country for r in rows], "org": [r[2].org for r in rows], "agent": [r[2].agent for r in rows],
        "person": [r[2].person for r in rows], "role": [r[2].role for r in rows], "code": [r[2].code for r in rows],
    }, schema=_ACTORS)


def _dropped_table(drops: list) -> pa.Table:  # type: ignore[type-arg]
    return pa.table({
        "doc_id": [d.doc_id for d in drops], "stage": [d.stage for d in drops], "reason": [d.reason for d in drops],
        "rule": [d.rule for d in drops], "text": [d.text for d in drops],
        "span_start": [d.span[0] if d.span else None for d in drops],
        "span_end": [d.span[1] if d.span else None for d in drops],
    }, schema=_DROPPED)


_SIDE_FIELDS = ("text", "country", "org", "person")  # how a quote's speaker or a claim's claimant is stored


def _side(prefix: str, refs: list[ActorRef | None]) -> dict[str, list[str | None]]:
    return {f"{prefix}_{f}": [getattr(r, f) if r is not None else None for r in refs] for f in _SIDE_FIELDS}


_S = pa.string()
_I32 = pa.int32()
_QUOTES = pa.schema([("quote_id", _S), ("doc_id", _S), ("span_start", _I32), ("span_end", _I32), ("text", _S),
                     *[(f"speaker_{f}", _S) for f in _SIDE_FIELDS], ("reason", _S),
                     ("event_id", _S)])
_CLAIMS = pa.schema([("claim_id", _S), ("doc_id", _S), ("category", _S), ("value", pa.int64()), ("qualifier", _S),
                     ("unit", _S), ("span_start", _I32), ("span_end", _I32), ("sentence_start", _I32),
                     ("sentence_end", _I32), ("text", _S),
                     *[(f"claimant_{f}", _S) for f in _SIDE_FIELDS], ("reason", _S),
                     ("event_id", _S)])


def quotes_table(quotes: list[QuoteRecord]) -> pa.Table:
    """Quotes as an Arrow table with the columns of the `quotes` table."""
    return pa.table({
        "quote_id": [q.quote_id for q in quotes], "doc_id": [q.doc_id for q in quotes],
        "span_start": [q.span[0] for q in quotes], "span_end": [q.span[1] for q in quotes],
        "text": [q.text for q in quotes], **_side("speaker", [q.speaker for q in quotes]),
        "reason": [q.reason for q in quotes], "event_id": [q.event_id for q in quotes],
    }, schema=_QUOTES)


def claims_table(claims: list[ClaimRecord]) -> pa.Table:
    """Numeric claims as an Arrow table with the columns of the `claims` table."""
    return pa.table({
        "claim_id": [c.claim_id for c in claims], "doc_id": [c.doc_id for c in claims],
        "category": [c.category for c in claims], "value": [c.value for c in claims],
        "qualifier": [c.qualifier for c in claims], "unit": [c.unit for c in claims],
        "span_start": [c.span[0] for c in claims], "span_end": [c.span[1] for c in claims],
        "sentence_start": [c.sentence_span[0] for c in claims], "sentence_end": [c.sentence_span[1] for c in claims],
        "text": [c.text for c in claims], **_side("claimant", [c.claimant for c in claims]),
        "reason": [c.reason for c in claims], "event_id": [c.event_id for c in claims],
    }, schema=_CLAIMS)


def _ref_from_row(row: dict[str, Any], prefix: str) -> ActorRef | None:
    if row[f"{prefix}_text"] is None:
        return None
    return ActorRef(text=row[f"{prefix}_text"], country=row[f"{prefix}_country"], org=row[f"{prefix}_org"],
                    person=row[f"{prefix}_person"])


def _sql_path(p: Path) -> str:
    return str(p).replace("'", "''")


def _actor(row: dict[str, Any], side: str) -> ActorRef | None:
    if row.get(f"{side}_text") is None:
        return None
    return ActorRef(**{k: row[f"{side}_{k}"] for k in ("text", "country", "org", "agent", "person", "role", "code")})


def _event_from_row(row: dict[str, Any]) -> EventRecord:
    source = _actor(row, "source")
    assert source is not None
    return EventRecord(
        event_id=row["event_id"], doc_id=row["doc_id"], type=row["type"], mode=row["mode"],
        context=list(row["context"] or []), cameo=row["cameo"], status=row["status"], date=row["date"],
        date_precision=row["date_precision"], source=source, target=_actor(row, "target"),
        symmetric=bool(row["symmetric"]), sentence=row["sentence"], span=(row["span_start"], row["span_end"]),
        evidence=[(int(a), int(b)) for a, b in row["evidence"]], confidence=float(row["confidence"]),
        rule=row["rule"], coder=row["coder"])
