"""User-facing errors: one line each, with a short code."""
from __future__ import annotations


class CasewatchError(Exception):
    code = "error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(CasewatchError):
    """A file that cannot be read as a report: names the file and the reason."""

    code = "bad-input"

    def __init__(self, file: str, reason: str):
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason


class NotFound(CasewatchError):
    code = "not-found"


class NoCase(NotFound):
    """No case of that name (the command line names the nearest ones)."""

    def __init__(self, case: str):
        super().__init__(f"no case named {case!r}")
        self.case = case


class Invalid(CasewatchError):
    code = "invalid"


class AlreadyThere(CasewatchError):
    """The same report is already stored in the case (another ingest stored it first)."""

    code = "already-there"
