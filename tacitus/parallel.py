"""Coding in worker processes: each worker holds one loaded `Coder` and parses and codes whole batches.

Batches are submitted a few at a time (bounded memory on endless inputs) and results are yielded in input order.
On Linux the workers are forked from a parent that has already loaded the models, so they start at once and
share the loaded pages copy-on-write.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

from .records import Article, DocumentResult

if TYPE_CHECKING:
    from .pipeline import Coder

# The coder of *this worker process*: set once by the pool initializer (or inherited by fork), never changed.
_worker_coder: Coder | None = None


def _init_worker(coder: Coder | None, config) -> None:  # type: ignore[no-untyped-def]
    global _worker_coder
    if coder is None:  # spawned, not forked: load here
        from .pipeline import Coder

        coder = Coder(config)
    coder.load()
    _worker_coder = coder


def _code_batch(batch: list[Article]) -> list[DocumentResult]:
    assert _worker_coder is not None
    return list(_worker_coder.code_batch(batch))


T = TypeVar("T")


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last may be shorter)."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def code_in_workers(coder: Coder, articles: Iterable[Article]) -> Iterator[DocumentResult]:
    """Code `articles` with `coder.config.n_process` worker processes; results in input order."""
    n = coder.config.n_process
    methods = mp.get_all_start_methods()
    if "fork" in methods:
        coder.load()  # load once in the parent; forked workers inherit it
        ctx, inherited = mp.get_context("fork"), coder
    else:
        ctx, inherited = mp.get_context("spawn"), None
    with ctx.Pool(n, initializer=_init_worker, initargs=(inherited, coder.config)) as pool:
        pending: deque = deque()
        for batch in batches(articles, coder.config.batch_size):
            pending.append(pool.apply_async(_code_batch, (batch,)))
            if len(pending) >= 2 * n:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
