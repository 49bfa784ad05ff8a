"""Read articles from JSONL files, `.txt` files or directories of them, reporting bad records by location."""

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


def read_articles(path: Path) -> Iterator[Article | IngestProblem]:
    """Yield every article under `path` (file or directory) and a problem for each unreadable record."""
    if not path.exists():
        yield IngestProblem(str(path), "no such file or directory")
        return
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES)
        if not files:
            yield IngestProblem(str(path), "directory holds no .txt or .jsonl files")
        for f in files:
            yield from read_articles(f)
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path)
    elif suffix in TEXT_SUFFIXES:
        yield from _read_text_file(path)
    else:
        yield IngestProblem(str(path), f"unsupported file type '{suffix or 'none'}' (use .jsonl or .txt)")


def _looks_binary(head: bytes) -> bool:
    return b"\x00" in head


def _read_text_file(path: Path) -> Iterator[Article | IngestProblem]:
    loc = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_RECORD_BYTES:
            yield IngestProblem(loc, f"file is {size:,} bytes, over the {MAX_RECORD_BYTES:,}-byte limit per article")
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield IngestProblem(loc, f"cannot read: {exc.strerror or exc}")
        return
    if _looks_binary(raw[:8192]):
        yield IngestProblem(loc, "binary file, not text")
        return
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield IngestProblem(loc, f"not UTF-8 (byte {exc.start}); re-encode the file as UTF-8")
        return
    if not text.strip():
        yield IngestProblem(loc, "empty file")
        return
    published, _ = split_date_header(text)
    yield Article(doc_id=path.stem, text=text, published=published, source_file=loc, line=None)


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
