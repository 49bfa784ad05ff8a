import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tacitus.cli import app

runner = CliRunner()
COMMANDS = ["code", "events", "export", "demo", "actors lookup", "actors list", "bench", "attach", "stories link", "ingest", "stories list", "stories explain", "stories merge", "stories split", "serve", "eval"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_an_example(command: str) -> None:
    res = runner.invoke(app, [*command.split(), "--help"])
    assert res.exit_code == 0
    assert "Example: tacitus " + command in " ".join(res.output.split())


def test_actors_lookup_explains_a_typo_with_scores() -> None:
    res = runner.invoke(app, ["actors", "lookup", "Amir Adollahian", "--date", "2023-10-09"])
    assert res.exit_code == 0, res.output
    first = " ".join(res.output.split())
    assert "-> Hossein Amir-Abdollahian (IRN); Foreign Minister of IRN; best score" in first
    assert "score" in first and "candidate" in first


def test_actors_lookup_breaks_a_surname_tie_by_date() -> None:
    res = runner.invoke(app, ["actors", "lookup", "Aoun", "--date", "2018-01-01"])
    assert "-> Michel Aoun" in " ".join(res.output.split())
    res = runner.invoke(app, ["actors", "lookup", "Aoun", "--date", "2025-06-01"])
    assert "-> Joseph Aoun" in " ".join(res.output.split())


def test_actors_list_prints_who_held_which_role_that_day() -> None:
    res = runner.invoke(app, ["actors", "list", "--country", "QAT", "--date", "2024-06-01"])
    text = " ".join(res.output.split())
    assert res.exit_code == 0 and "Tamim bin Hamad Al Thani" in text and "Prime Minister" in text
    res = runner.invoke(app, ["actors", "list", "--country", "IRN", "--date", "2024-06-01"])
    assert "Mohammad Mokhber" in res.output and "yes" in res.output  # acting president
    res = runner.invoke(app, ["actors", "list", "--country", "XX", "--date", "2024-06-01"])
    assert res.exit_code == 1 and "unknown country 'XX'" in res.output


def test_bad_actor_file_names_file_line_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text("- name: Jane Roe\n  country: QAT\n  roles:\n    - {role: Emperor, start: 2020-01-01}\n")
    res = runner.invoke(app, ["actors", "list", "--country", "QAT", "--date", "2024-06-01", "--actors", str(bad)])
    assert res.exit_code == 1 and f"[{bad}:1 roles.role] unknown role 'Emperor'" in " ".join(res.output.split())
    assert "Traceback" not in res.output


def test_nothing_readable_is_one_line_and_nonzero(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b"\x00\x01binary")
    res = runner.invoke(app, ["code", "--input", str(bad), "--db", str(tmp_path / "x.duckdb")])
    assert res.exit_code == 1
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert any(f"{bad}: binary file" in line for line in lines)
    assert lines[-1].startswith("error: no article could be read")
    assert "Traceback" not in res.output


def test_bad_options_give_one_line(tmp_path: Path) -> None:
    res = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 1 and "no such database" in res.output and "Traceback" not in res.output
    res = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb"), "--type", "HUG"])
    assert res.exit_code == 1 and "unknown type 'HUG'" in res.output
    res = runner.invoke(app, ["events", "--since", "last tuesday"])
    assert res.exit_code == 1 and "YYYY-MM-DD" in res.output


def test_missing_model_is_named(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "a", "text": "Iran and Qatar talked by phone."}) + "\n")
    res = runner.invoke(app, ["code", "--input", str(f), "--no-db", "--model", "no_such_pipeline"])
    assert res.exit_code == 1 and "spaCy pipeline 'no_such_pipeline' is not installed" in res.output


@pytest.mark.slow
def test_code_query_export_end_to_end(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "one", "published": "2022-03-09", "text":
                    "Turkish President Recep Tayyip Erdogan and Russian President Vladimir Putin discussed the war "
                    "in Ukraine by telephone on Tuesday, the Turkish presidency said."}),
        "{broken",
    ]) + "\n")
    db, out = tmp_path / "t.duckdb", tmp_path / "events.jsonl"
    res = runner.invoke(app, ["code", "--input", str(f), "--output", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert f"{f}:2: malformed JSON" in " ".join(res.output.split())
    events = [json.loads(line) for line in out.read_text().splitlines()]
    call = [e for e in events if e["type"] == "CONSULT"]
    assert len(call) == 1 and {call[0]["source"]["country"], call[0]["target"]["country"]} == {"TUR", "RUS"}
    assert call[0]["date"] == "2022-03-08" and call[0]["mode"] == "phone"
    res = runner.invoke(app, ["events", "--db", str(db), "--country", "RUS", "--type", "CONSULT", "--json"])
    assert res.exit_code == 0 and json.loads(res.output.splitlines()[0])["event_id"] == call[0]["event_id"]
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "parquet", "--output", str(tmp_path / "e.parquet")])
    assert res.exit_code == 0 and (tmp_path / "e.parquet").stat().st_size > 0
    # re-coding the same input replaces, never duplicates
    runner.invoke(app, ["code", "--input", str(f), "--db", str(db)])
    res = runner.invoke(app, ["events", "--db", str(db), "--json"])
    assert len(res.output.splitlines()) == len(events)


def test_bad_data_file_error_prints_as_is(tmp_path: Path) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text("- name: X\n  country: QQQ\n", encoding="utf-8")
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "a", "text": "Iran and Qatar talked by phone."}) + "\n")
    res = runner.invoke(app, ["code", "--input", str(f), "--no-db", "--actors", str(bad)])
    assert res.exit_code == 1
    assert f"error: [{bad}:2 country]" in " ".join(res.output.split()) and "Traceback" not in res.output


@pytest.mark.slow
def test_ingest_skips_what_is_stored_and_resumes_after_an_interrupt(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import tacitus.pipeline as pipeline
    from tacitus.store import Store

    src = tmp_path / "news"
    src.mkdir()
    for i, country in enumerate(["Qatari", "Omani", "Turkish", "Egyptian"]):
        (src / f"a{i}.txt").write_text(f"date 2024-01-0{i + 2}\nIranian President Ebrahim Raisi spoke by phone "
                                       f"with his {country} counterpart on Monday.", encoding="utf-8")
    db = tmp_path / "t.duckdb"
    real = pipeline.Coder.code_articles

    def interrupted(self, articles):  # type: ignore[no-untyped-def]
        for n, r in enumerate(real(self, articles)):
            if n == 2:
                raise KeyboardInterrupt
            yield r

    monkeypatch.setattr(pipeline.Coder, "code_articles", interrupted)
    res = runner.invoke(app, ["ingest", str(src), "--db", str(db), "--batch-size", "1", "--workers", "1"])
    assert res.exit_code == 130 and "run the same command again to resume" in " ".join(res.output.split())
    with Store(db) as store:
        assert store.counts()["documents"] == 2
    monkeypatch.setattr(pipeline.Coder, "code_articles", real)
    res = runner.invoke(app, ["ingest", str(src), "--db", str(db), "--batch-size", "1", "--workers", "1"])
    text = " ".join(res.output.split())
    assert res.exit_code == 0 and "coded 2 article(s)" in text and "2 already stored, skipped" in text
    with Store(db) as store:
        assert store.counts()["documents"] == 4
        assert store.counts()["events"] == 4
    res = runner.invoke(app, ["ingest", str(src), "--db", str(db), "--workers", "1"])
    assert "coded 0 article(s)" in " ".join(res.output.split()) and "4 already stored" in " ".join(res.output.split())


def test_ingest_map_must_be_field_equals_column(tmp_path: Path) -> None:
    res = runner.invoke(app, ["ingest", str(tmp_path), "--map", "body", "--db", str(tmp_path / "x.duckdb")])
    assert res.exit_code == 1 and "--map 'body' is not FIELD=COLUMN" in res.output


@pytest.mark.slow
def test_demo_codes_the_sample_and_links_stories(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    res = runner.invoke(app, ["demo", "--db", str(db), "--output", str(tmp_path / "demo.jsonl")])
    assert res.exit_code == 0, res.output
    text = " ".join(res.output.split())
    assert "coded 27 article(s)" in text and "stories" in text
    assert len((tmp_path / "demo.jsonl").read_text().splitlines()) > 50


def test_eval_reads_a_directory_of_gold_files_in_our_format(tmp_path: Path) -> None:
    for i, (text, target) in enumerate([("Turkish President Recep Tayyip Erdogan spoke by phone on Monday with "
                                         "Vladimir Putin.", "RUS"),
                                        ("Turkish President Recep Tayyip Erdogan spoke by phone on Monday with "
                                         "Emmanuel Macron.", "FRA")]):
        (tmp_path / f"g{i}.yaml").write_text(
            f"- id: t{i}\n  published: 2023-05-03\n  text: {text}\n  expected:\n"
            f"    - {{type: CONSULT, mode: phone, source: TUR, target: {target}, symmetric: true}}\n", encoding="utf-8")
    res = runner.invoke(app, ["eval", str(tmp_path), "--format", "tacitus"])
    assert res.exit_code == 0, res.output
    assert "│ gold items" in res.output and " 2 " in res.output.split("gold items")[1].splitlines()[0]
    res = runner.invoke(app, ["eval", str(tmp_path / "none"), "--format", "tacitus"])
    assert res.exit_code != 0 and "no such file" in res.output
