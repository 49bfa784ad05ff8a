"""Load user-editable YAML data files, validated by pydantic, with errors as `[file:line field] message`."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import DataFileError

M = TypeVar("M", bound=BaseModel)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it: the officials are large


def load_records(path: Path, model: type[M]) -> list[tuple[M, int]]:
    """Read a YAML list of mappings from `path`; return each validated item with its line number."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), None, None, f"cannot read: {exc}") from exc
    try:
        node = yaml.compose(text, Loader=_LOADER)
        data = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise DataFileError(str(path), line, None, f"not valid YAML: {exc.problem}") from exc
    if data is None:
        return []
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        raise DataFileError(str(path), 1, None, "expected a list of entries")
    out: list[tuple[M, int]] = []
    for item, item_node in zip(data, node.value):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict) or not isinstance(item_node, yaml.MappingNode):
            raise DataFileError(str(path), line, None, "expected a mapping")
        field_lines = {k.value: k.start_mark.line + 1 for k, _ in item_node.value if hasattr(k, "value")}
        try:
            out.append((model.model_validate(item), line))
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = [str(p) for p in err["loc"]]
            field = ".".join(loc) if loc else None
            raise DataFileError(str(path), field_lines.get(loc[0], line) if loc else line, field,
                                err["msg"]) from exc
    return out
