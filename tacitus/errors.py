"""Typed errors. The CLI turns each into one line that names the fix; library code only raises."""


class TacitusError(Exception):
    """Base of every error tacitus raises on purpose."""


class InputError(TacitusError):
    """An input file or record could not be read. `location` is `file` or `file:line`."""

    def __init__(self, location: str, message: str) -> None:
        super().__init__(f"{location}: {message}")
        self.location = location
        self.message = message


class DataFileError(TacitusError):
    """A dictionary or config file is invalid: message is `[file:line field] problem`."""

    def __init__(self, path: str, line: int | None, field: str | None, message: str) -> None:
        where = f"{path}:{line}" if line else path
        if field:
            where += f" {field}"
        super().__init__(f"[{where}] {message}")
        self.path = path
        self.line = line
        self.field = field


class ModelNotInstalledError(TacitusError):
    """The configured spaCy pipeline is not installed."""


class StoreError(TacitusError):
    """The DuckDB store could not be opened or written."""
