"""The parallel path (worker processes that parse and code) gives the serial path's events, in order."""

from __future__ import annotations

import pytest

from tacitus.cli import SAMPLE
from tacitus.ingest import read_articles
from tacitus.pipeline import Coder, CoderConfig
from tacitus.records import Article

pytestmark = pytest.mark.slow


def test_workers_give_the_serial_events_in_order(coder: Coder) -> None:
    articles = [a for a in read_articles(SAMPLE) if isinstance(a, Article)]
    serial = [(r.article.doc_id, [e.to_dict() for e in r.events]) for r in coder.code_articles(articles)]
    parallel = Coder(CoderConfig(n_process=2, batch_size=4))
    got = [(r.article.doc_id, [e.to_dict() for e in r.events]) for r in parallel.code_articles(articles)]
    assert got == serial
    assert sum(len(evs) for _, evs in got) > 50
