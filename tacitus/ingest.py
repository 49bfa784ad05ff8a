"""Read articles from JSONL, CSV, `.txt`, `.html` and RSS/Atom files or directories of them, reporting every bad
record by `file:line` (or `file#entry`) and reading the good ones."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .records import Article

MAX_RECORD_BYTES = 5_000_000
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
CSV_SUFFIXES = {".csv", ".tsv"}
ALL_SUFFIXES = JSONL_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | CSV_SUFFIXES
# CSV columns tried for each article field when no mapping is given (first present wins)
CSV_COLUMNS = {"id": ("id", "guid", "doc_id", "article_id"), "text": ("text", "body", "content", "article"),
               "published": ("published", "date", "pub_date", "publish_date", "datetime"),
               "outlet": ("outlet", "source", "publisher", "site"), "url": ("url", "link"),
               "title": ("title", "headline")}
_DATE_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\r?\n?[ \t]*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class IngestProblem:
    """A record or file that could not be read (or was read with a caveat), named by `file:line`."""

    location: str
    message: str
    fatal: bool = True  # False: the record was still read, e.g. with its bad date ignored

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


def split_date_header(text: str) -> tuple[dt.date | None, int]:
    """A leading `date YYYY-MM-DD` line: return (that date, offset where the body starts)."""
    m = _DATE_HEADER.match(text)
    if not m:
        return None, 0
    try:
        return dt.date.fromisoformat(m.group(1)), m.end()
    except ValueError:
        return None, 0


def read_articles(path: Path, csv_map: dict[str, str] | None = None) -> Iterator[Article | IngestProblem]:
    """Yield every article under `path` (file or directory, recursively) and a problem for each unreadable record.

    `csv_map` maps article fields (id, text, published, outlet, url, title) to CSV column names."""
    if not path.exists():
        yield IngestProblem(str(path), "no such file or directory")
        return
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ALL_SUFFIXES)
        if not files:
            yield IngestProblem(str(path), "directory holds no .jsonl, .csv, .txt, .html or feed files")
        for f in files:
            yield from read_articles(f, csv_map)
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path)
    elif suffix in TEXT_SUFFIXES:
        yield from _read_text_file(path)
    elif suffix in HTML_SUFFIXES:
        yield from _read_html(path)
    elif suffix in FEED_SUFFIXES:
        yield from _read_feed(path)
    elif suffix in CSV_SUFFIXES:
        yield from _read_csv(path, csv_map or {})
    else:
        yield IngestProblem(str(path), f"unsupported file type '{suffix or 'none'}' "
                                       "(use .jsonl, .csv, .txt, .html, .rss/.atom/.xml)")


def _read_bytes(path: Path, kind: str, limit: int | None = None) -> bytes | IngestProblem:
    """The file's bytes, or the problem: unreadable, over `limit`, empty or binary."""
    loc = str(path)
    limit = limit or MAX_RECORD_BYTES * 20
    try:
        size = path.stat().st_size
        if size > limit:
            return IngestProblem(loc, f"file is {size:,} bytes, over the {limit:,}-byte limit for a {kind} file")
        raw = path.read_bytes()
    except OSError as exc:
        return IngestProblem(loc, f"cannot read: {exc.strerror or exc}")
    if not raw.strip():
        return IngestProblem(loc, "empty file")
    if _looks_binary(raw[:8192]):
        return IngestProblem(loc, f"binary file, not {kind}")
    return raw


def _read_text(path: Path, kind: str, limit: int | None = None) -> str | IngestProblem:
    """The file as UTF-8 text (a BOM is dropped), or the problem."""
    raw = _read_bytes(path, kind, limit)
    if isinstance(raw, IngestProblem):
        return raw
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return IngestProblem(str(path), f"not UTF-8 (byte {exc.start}); re-encode the file as UTF-8")
    if not text.strip():
        return IngestProblem(str(path), "empty file")
    return text


def parse_day(value: object) -> dt.date | None:
    """A date from a date, a datetime or text starting YYYY-MM-DD; None when there is none."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _read_html(path: Path) -> Iterator[Article | IngestProblem]:
    """Main text, title, canonical URL and publication date of a web page (trafilatura, htmldate)."""
    raw = _read_bytes(path, "HTML")
    if isinstance(raw, IngestProblem):
        yield raw
        return
    import trafilatura

    doc = trafilatura.bare_extraction(raw, with_metadata=True, favor_recall=True)
    text = (doc.text or "") if doc is not None else ""
    if not text.strip():
        yield IngestProblem(str(path), "no article text found in the page")
        return
    title = doc.title or None
    if title and text.startswith(title + "\n"):  # the page's own headline repeated as the first line
        text = text[len(title) + 1:]
    yield Article(doc_id=path.stem, text=text, published=parse_day(doc.date), outlet=doc.sitename or None,
                  url=doc.url or None, title=title, source_file=str(path))


_TAG = re.compile(r"<[^>]+>")


def _read_feed(path: Path) -> Iterator[Article | IngestProblem]:
    """One article per RSS/Atom entry: its full content when the feed carries it, else its summary."""
    raw = _read_bytes(path, "feed")
    if isinstance(raw, IngestProblem):
        yield raw
        return
    import html

    import feedparser

    feed = feedparser.parse(raw)
    if not feed.entries:
        why = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        yield IngestProblem(str(path), f"no RSS/Atom entries found{why}")
        return
    outlet = feed.feed.get("title") or None
    seen: set[str] = set()
    for n, entry in enumerate(feed.entries, start=1):
        where = f"{path}#entry{n}"
        body = entry.get("content", [{}])[0].get("value") if entry.get("content") else entry.get("summary")
        text = " ".join(html.unescape(_TAG.sub(" ", body or "")).split())
        if not text:
            yield IngestProblem(where, "entry has no content or summary")
            continue
        doc_id = str(entry.get("id") or entry.get("link") or f"{path.stem}-{n}")
        if doc_id in seen:
            yield IngestProblem(where, f"duplicate entry id '{doc_id}'; skipped")
            continue
        seen.add(doc_id)
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        yield Article(doc_id=doc_id, text=text, published=published, outlet=outlet, url=entry.get("link"),
                      title=entry.get("title"), source_file=str(path), line=n)


def _read_csv(path: Path, mapping: dict[str, str]) -> Iterator[Article | IngestProblem]:
    """One article per row; columns by `mapping` (field -> column) or by the usual names (CSV_COLUMNS)."""
    import csv
    import io

    text = _read_text(path, "CSV")
    if isinstance(text, IngestProblem):
        yield text
        return
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
    header = reader.fieldnames or []
    unknown = [f for f in mapping if f not in CSV_COLUMNS]
    if unknown:
        yield IngestProblem(str(path), f"unknown field '{unknown[0]}' in the column mapping "
                                       f"(fields: {', '.join(CSV_COLUMNS)})")
        return
    columns = {}
    for field, names in CSV_COLUMNS.items():
        if field in mapping:
            if mapping[field] not in header:
                yield IngestProblem(str(path), f"column '{mapping[field]}' (for {field}) is not in the header "
                                               f"({', '.join(header)})")
                return
            columns[field] = mapping[field]
        else:
            found = next((h for h in header if h.strip().lower() in names), None)
            if found:
                columns[field] = found
    if "text" not in columns:
        yield IngestProblem(str(path), f"no text column (header: {', '.join(header)}); map one with --map text=COLUMN")
        return
    seen: set[str] = set()
    try:
        for row in reader:
            lineno = reader.line_num
            where = f"{path}:{lineno}"
            body = (row.get(columns["text"]) or "").strip()
            if not body:
                yield IngestProblem(where, "empty text")
                continue
            doc_id = (row.get(columns["id"]) or "").strip() if "id" in columns else ""
            doc_id = doc_id or f"{path.stem}-{lineno}"
            if doc_id in seen:
                yield IngestProblem(where, f"duplicate id '{doc_id}' in this file; row skipped")
                continue
            seen.add(doc_id)
            raw_pub = row.get(columns["published"]) if "published" in columns else None
            published = parse_day(raw_pub)
            if raw_pub and published is None:
                yield IngestProblem(where, f"date {raw_pub!r} is not YYYY-MM-DD; coded without it", fatal=False)

            def opt(field: str) -> str | None:
                v = row.get(columns[field]) if field in columns else None
                return v.strip() or None if isinstance(v, str) else None

            yield Article(doc_id=doc_id, text=body, published=published, outlet=opt("outlet"), url=opt("url"),
                          title=opt("title"), source_file=str(path), line=lineno)
    except csv.Error as exc:
        yield IngestProblem(f"{path}:{reader.line_num}", f"malformed CSV: {exc}")


def _looks_binary(head: bytes) -> bool:
    return b"\x00" in head


def _read_text_file(path: Path) -> Iterator[Article | IngestProblem]:
    text = _read_text(path, "text", MAX_RECORD_BYTES)
    if isinstance(text, IngestProblem):
        yield text
        return
    published, _ = split_date_header(text)
    yield Article(doc_id=path.stem, text=text, published=published, source_file=str(path), line=None)


def _read_jsonl(path: Path) -> Iterator[Article | IngestProblem]:
    loc = str(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield IngestProblem(loc, f"cannot read: {exc.strerror or exc}")
        return
    seen: set[str] = set()
    any_line = False
    with fh:
        head = fh.read(8192)
        if _looks_binary(head):
            yield IngestProblem(loc, "binary file, not JSONL")
            return
        fh.seek(0)
        for lineno, raw in enumerate(fh, start=1):
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            any_line = True
            where = f"{loc}:{lineno}"
            if len(raw) > MAX_RECORD_BYTES:
                yield IngestProblem(where, f"record is {len(raw):,} bytes, over the {MAX_RECORD_BYTES:,}-byte limit")
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield IngestProblem(where, f"not UTF-8 (byte {exc.start}); re-encode the file as UTF-8")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield IngestProblem(where, f"malformed JSON: {exc.msg} at column {exc.colno}")
                continue
            yield from _article_from_json(obj, path, lineno, seen)
    if not any_line:
        yield IngestProblem(loc, "empty file")


def _article_from_json(obj: object, path: Path, lineno: int, seen: set[str]) -> Iterator[Article | IngestProblem]:
    where = f"{path}:{lineno}"
    if not isinstance(obj, dict):
        yield IngestProblem(where, "expected a JSON object with a 'text' field")
        return
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        yield IngestProblem(where, "missing or empty 'text' field")
        return
    raw_id = obj.get("id")
    doc_id = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id).strip() else f"{path.stem}-{lineno}"
    if doc_id in seen:
        yield IngestProblem(where, f"duplicate id '{doc_id}' in this file; record skipped")
        return
    seen.add(doc_id)
    published: dt.date | None = None
    raw_pub = obj.get("published")
    if raw_pub not in (None, ""):
        try:
            published = dt.date.fromisoformat(str(raw_pub)[:10])
        except ValueError:
            yield IngestProblem(where, f"'published' value {raw_pub!r} is not YYYY-MM-DD; coded without it", fatal=False)
    if published is None:
        published, _ = split_date_header(text)

    def opt(key: str) -> str | None:
        v = obj.get(key)
        return str(v) if v not in (None, "") else None

    yield Article(doc_id=doc_id, text=text, published=published, outlet=opt("outlet"), url=opt("url"),
                  title=opt("title"), source_file=str(path), line=lineno)
