"""Shared fixtures: one loaded coder for the whole session (spaCy loads once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tacitus.pipeline import Coder, CoderConfig

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def coder() -> Coder:
    c = Coder(CoderConfig())
    c.load()
    return c


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, coder: Coder) -> Path:
    """A DuckDB file holding the coded sample corpus, its stories linked."""
    from tacitus.cli import SAMPLE
    from tacitus.ingest import read_articles
    from tacitus.records import Article
    from tacitus.stories import link_stories
    from tacitus.store import Store

    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with Store(db) as store:
        store.write(coder.code_articles(a for a in read_articles(SAMPLE) if isinstance(a, Article)))
        link_stories(store.con)
    return db


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED
