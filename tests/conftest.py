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
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED
