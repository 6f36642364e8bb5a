"""Help that reads like a plain click command line, whatever typer's version.

Recent typers (0.2x, with click vendored) print each parameter's Python type in the help (`--debug <bool>`,
`--case <str>`, `PATH_OR_URL <list[str]>`) and a required argument in braces in the usage line
(`casewatch show [OPTIONS] {case}`). A newcomer reads those as something to type. Here, as click has it: a flag
has no placeholder, an option that takes a value names its kind in capitals (`--case TEXT`, `--workers INTEGER`),
an argument is its name in capitals (`CASE`, `[REPORT]`, `PATH_OR_URL...`).

`PlainGroup` is the top group's class (`typer.Typer(cls=PlainGroup)`): once typer has built the commands, it gives
every command, parameter and `--help` option of the tree the classes below, which change only how they are shown.
On a typer that has none of these methods (before 0.2x, whose help was already plain) the overrides are unused.
"""
from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

# a typer type label (`<str>`, `<int range>`, …) -> click's word for it
_KINDS = {"str": "TEXT", "int": "INTEGER", "float": "FLOAT", "bool": "BOOLEAN", "path": "PATH", "file": "PATH",
          "directory": "DIRECTORY", "datetime": "DATETIME", "int range": "INTEGER RANGE",
          "float range": "FLOAT RANGE", "uuid": "UUID"}


def _kind(label: str | None) -> str | None:
    if label is None:
        return None
    label = label.strip("<>")
    while label.startswith("list[") and label.endswith("]"):
        label = label[5:-1]
    if "|" in label:
        return f"[{label}]"  # choices, as click shows them
    return _KINDS.get(label, label.upper())


class PlainOption(TyperOption):
    def display_type_rich(self, ctx: Any) -> str | None:
        if self.is_flag or self.count:
            return None
        if self.metavar is not None:
            return self.metavar
        kind = _kind(self.display_type(ctx))
        return f"{kind}..." if kind and self.nargs != 1 else kind


class PlainArgument(TyperArgument):
    @property
    def display_name_raw(self) -> str:
        return self.metavar if self.metavar is not None else (self.name or "").upper()

    def display_type_rich(self, ctx: Any) -> str | None:
        return None  # the name in capitals says it

    def _usage_display_name(self) -> str:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 else "")


def _help_option(opt: Any) -> Any:
    _plain_param(opt)
    return opt


class PlainCommand(TyperCommand):
    def get_help_option(self, ctx: Any) -> Any:
        return _help_option(super().get_help_option(ctx))


class PlainGroup(TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plain(self)

    def get_help_option(self, ctx: Any) -> Any:
        return _help_option(super().get_help_option(ctx))


def _plain_param(p: Any) -> None:
    if type(p) is TyperOption:
        p.__class__ = PlainOption
    elif type(p) is TyperArgument:
        p.__class__ = PlainArgument


def plain(cmd: Any) -> None:
    """Give the command, its parameters and its sub-commands (all the way down) the plain classes."""
    if type(cmd) is TyperCommand:
        cmd.__class__ = PlainCommand
    elif type(cmd) is TyperGroup:
        cmd.__class__ = PlainGroup
    for p in getattr(cmd, "params", []):
        _plain_param(p)
    for sub in (getattr(cmd, "commands", None) or {}).values():
        plain(sub)
