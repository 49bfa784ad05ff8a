import datetime as dt
import json
from pathlib import Path

from tacitus.ingest import IngestProblem, read_articles, split_date_header
from tacitus.records import Article


def _read(path: Path) -> tuple[list[Article], list[IngestProblem]]:
    items = list(read_articles(path))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, IngestProblem)]


def test_jsonl_good_and_bad_lines_are_reported_by_line(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "ok1", "text": "Iran and Qatar talked.", "published": "2021-05-13", "outlet": "X"}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "ok2", "text": "Second.", "published": "13/05/2021"}),
        "",
    ]), encoding="utf-8")
    arts, probs = _read(f)
    assert [a.doc_id for a in arts] == ["ok1", "ok2"]
    assert arts[0].published == dt.date(2021, 5, 13) and arts[0].outlet == "X" and arts[0].line == 1
    assert arts[1].published is None
    locs = {p.location: p for p in probs}
    assert f"{f}:2" in locs and "malformed JSON" in locs[f"{f}:2"].message
    assert "missing or empty 'text'" in locs[f"{f}:3"].message
    assert "JSON object" in locs[f"{f}:4"].message
    assert locs[f"{f}:5"].fatal is False and "not YYYY-MM-DD" in locs[f"{f}:5"].message


def test_non_utf8_line_does_not_stop_the_file(tmp_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    f.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n' + json.dumps({"id": "b", "text": "fine"}).encode() + b"\n")
    arts, probs = _read(f)
    assert [a.doc_id for a in arts] == ["b"]
    assert probs[0].location.endswith(":1") and "not UTF-8" in probs[0].message


def test_binary_empty_and_unknown_files(tmp_path: Path) -> None:
    (tmp_path / "bin.jsonl").write_bytes(b"\x00\x01\x02garbage")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    for name, words in [("bin.jsonl", "binary"), ("empty.txt", "empty"), ("latin.txt", "not UTF-8")]:
        arts, probs = _read(tmp_path / name)
        assert arts == [] and len(probs) == 1 and words in probs[0].message
    _, probs = _read(tmp_path / "missing.jsonl")
    assert "no such file" in probs[0].message
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    _, probs = _read(tmp_path / "x.pdf")
    assert "unsupported file type" in probs[0].message


def test_directory_of_txt_with_date_header(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("date 2024-06-01\nIran's acting foreign minister spoke with Qatar.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Plain text, no date.", encoding="utf-8")
    arts, probs = _read(tmp_path)
    assert probs == []
    assert [a.doc_id for a in arts] == ["a", "b"]
    assert arts[1].published == dt.date(2024, 6, 1)
    assert arts[1].text.startswith("date 2024-06-01")  # text kept as received: spans index it


def test_split_date_header_same_line() -> None:
    day, offset = split_date_header(" date 2024-06-01 Iran's minister spoke.")
    assert day == dt.date(2024, 6, 1)
    assert " date 2024-06-01 Iran's minister spoke."[offset:] == "Iran's minister spoke."
    assert split_date_header("The date 2024-06-01 is late") == (None, 0)


def test_oversized_record(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import tacitus.ingest as ingest

    monkeypatch.setattr(ingest, "MAX_RECORD_BYTES", 100)
    f = tmp_path / "big.jsonl"
    f.write_text(json.dumps({"id": "big", "text": "x" * 500}) + "\n" + json.dumps({"id": "s", "text": "y"}) + "\n")
    arts, probs = _read(f)
    assert [a.doc_id for a in arts] == ["s"] and "limit" in probs[0].message


def test_duplicate_ids_in_one_file(tmp_path: Path) -> None:
    f = tmp_path / "d.jsonl"
    f.write_text("\n".join(json.dumps({"id": "same", "text": t}) for t in ("one", "two")))
    arts, probs = _read(f)
    assert len(arts) == 1 and "duplicate id" in probs[0].message


# ------------------------------------------------------------------ HTML, feeds, CSV

PAGE = """<html><head><title>Oman and Iran discuss shipping</title>
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<link rel="canonical" href="https://wire.example/oman-iran"><meta property="og:site_name" content="Gulf Wire"></head>
<body><nav>Home | Politics | Sport</nav><article><h1>Oman and Iran discuss shipping</h1>
<p>MUSCAT - Omani Foreign Minister Badr Albusaidi received his Iranian counterpart in Muscat on Monday for talks
on shipping in the Strait of Hormuz, the ministry said in a statement.</p>
<p>The two ministers agreed to meet again in Tehran next month, according to the statement.</p></article>
<footer>All rights reserved</footer></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Levant Desk</title>
<item><guid>lev-1</guid><title>Jordan condemns raid</title><link>https://levant.example/1</link>
<pubDate>Tue, 13 Feb 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;AMMAN - Jordan on Tuesday condemned the Israeli raid on Rafah.&lt;/p&gt;</description></item>
<item><guid>lev-2</guid><title>No body</title></item>
</channel></rss>"""


def test_html_page_gives_main_text_title_url_and_date(tmp_path: Path) -> None:
    f = tmp_path / "oman-iran.html"
    f.write_text(PAGE, encoding="utf-8")
    [a] = list(read_articles(f))
    assert isinstance(a, Article)
    assert a.text.startswith("MUSCAT - Omani Foreign Minister") and "Home | Politics" not in a.text
    assert "All rights reserved" not in a.text
    assert (a.published, a.title, a.url, a.doc_id) == (dt.date(2024, 3, 5), "Oman and Iran discuss shipping",
                                                        "https://wire.example/oman-iran", "oman-iran")


def test_feed_entries_are_articles_and_an_empty_entry_is_named(tmp_path: Path) -> None:
    f = tmp_path / "levant.rss"
    f.write_text(FEED, encoding="utf-8")
    items = list(read_articles(f))
    arts = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, IngestProblem)]
    assert len(arts) == 1 and arts[0].doc_id == "lev-1" and arts[0].published == dt.date(2024, 2, 13)
    assert arts[0].text == "AMMAN - Jordan on Tuesday condemned the Israeli raid on Rafah."
    assert arts[0].outlet == "Levant Desk"
    assert [str(p) for p in problems] == [f"{f}#entry2: entry has no content or summary"]


def test_csv_with_usual_columns_and_with_a_mapping(tmp_path: Path) -> None:
    f = tmp_path / "news.csv"
    f.write_text('guid,headline,body,date\n'
                 'n1,Calls,"Qatar and Egypt spoke by phone on Sunday, the ministry said.",2023-11-06\n'
                 'n2,Empty,,2023-11-06\n', encoding="utf-8")
    items = list(read_articles(f))
    arts = [i for i in items if isinstance(i, Article)]
    assert [(a.doc_id, a.title, a.published) for a in arts] == [("n1", "Calls", dt.date(2023, 11, 6))]
    assert any(isinstance(i, IngestProblem) and str(i) == f"{f}:3: empty text" for i in items)
    g = tmp_path / "odd.csv"
    g.write_text("key,story,when\nk1,Iran condemned the strike.,2020-01-03\n", encoding="utf-8")
    [bad] = list(read_articles(g))
    assert isinstance(bad, IngestProblem) and "no text column" in str(bad) and "--map text=COLUMN" in str(bad)
    [a] = list(read_articles(g, {"text": "story", "id": "key", "published": "when"}))
    assert isinstance(a, Article) and (a.doc_id, a.published) == ("k1", dt.date(2020, 1, 3))
    [wrong] = list(read_articles(g, {"text": "nope"}))
    assert isinstance(wrong, IngestProblem) and "column 'nope' (for text) is not in the header" in str(wrong)


def test_directory_reads_every_supported_format_recursively(tmp_path: Path) -> None:
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "p.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "feed.rss").write_text(FEED, encoding="utf-8")
    (tmp_path / "a.txt").write_text("date 2024-01-02\nIran and Iraq talked.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    ids = sorted(a.doc_id for a in read_articles(tmp_path) if isinstance(a, Article))
    assert ids == ["a", "lev-1", "p"]
