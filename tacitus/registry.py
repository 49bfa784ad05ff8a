"""Stage registry: each stage implementation is registered under a versioned name and built from config.

`CoderConfig` names the implementations to use, so a new actor resolver or coder ("coding.rules.v2") can be
added beside the old one and chosen per run; the `coder` string of every record says which ran.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
_STAGES: dict[str, Callable[..., Any]] = {}


def register(name: str) -> Callable[[F], F]:
    """Decorator: register a stage factory under `name` (e.g. "actors.gazetteer.v1")."""

    def deco(factory: F) -> F:
        if name in _STAGES:
            raise ValueError(f"stage '{name}' is registered twice")
        _STAGES[name] = factory
        return factory

    return deco


def get(name: str) -> Callable[..., Any]:
    try:
        return _STAGES[name]
    except KeyError:
        raise KeyError(f"unknown stage '{name}' (registered: {', '.join(sorted(_STAGES))})") from None


def names() -> list[str]:
    return sorted(_STAGES)
