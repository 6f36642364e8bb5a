"""Remove page furniture from a report's text, once, at ingest.

The cleaned text is what the tool stores and what every evidence offset points
into, so nothing after ingest may change it. The cue patterns live in
``data/boilerplate.yaml``; this module only applies them.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"

# characters that are removed or replaced before anything else looks at the text
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2002\u2003\u2009\u200a"), " ")
_BLANK_RUNS = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"[ \t]+$", re.M)
_NORM = re.compile(r"\W+")
HEAD_LINES = 30  # breadcrumbs and repeated titles are only looked for this near the top


@dataclass(frozen=True)
class _Line:
    rx: re.Pattern[str]
    max_len: int


@dataclass(frozen=True)
class _Footer:
    rx: re.Pattern[str]
    max_lines: int
    max_len: int


@dataclass(frozen=True)
class Rules:
    lines: tuple[_Line, ...]
    longest: int
    footers: tuple[_Footer, ...]
    crumb_start: re.Pattern[str]
    crumb_continue: re.Pattern[str]


def _flags(entry: dict) -> int:
    return 0 if entry.get("case") else re.IGNORECASE


@lru_cache(maxsize=None)
def rules() -> Rules:
    with open(DATA / "boilerplate.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    lines = tuple(_Line(re.compile(e["re"], _flags(e)), int(e.get("max_len", 160))) for e in data["lines"])
    footers = tuple(_Footer(re.compile(e["re"], _flags(e)), int(e.get("max_lines", 4)), int(e.get("max_len", 200)))
                    for e in data.get("footers", []))
    crumbs = data["breadcrumbs"]
    return Rules(lines=lines, longest=max(x.max_len for x in lines), footers=footers,
                 crumb_start=re.compile(crumbs["start"], re.IGNORECASE),
                 crumb_continue=re.compile(crumbs["continue"], re.IGNORECASE))


def normalize(text: str) -> str:
    """Unicode NFC, one kind of line break and of space, no invisible characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = unicodedata.normalize("NFC", text)
    return text.translate(_INVISIBLE).translate(_SPACES)


def is_furniture(line: str) -> bool:
    """True when the whole line is page furniture (a menu, a share button, a © line …)."""
    s = line.strip()
    if not s:
        return False
    n = len(s)
    if n > rules().longest:
        return False
    return any(n <= r.max_len and r.rx.fullmatch(s) for r in rules().lines)


def _same(a: str, b: str) -> bool:
    return bool(a) and _NORM.sub(" ", a).strip().casefold() == _NORM.sub(" ", b).strip().casefold()


def _drop_breadcrumbs(lines: list[str]) -> list[str]:
    r = rules()
    out: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        s = lines[i].strip()
        if i < HEAD_LINES and s and r.crumb_start.fullmatch(s):
            before = next((x.strip() for x in reversed(out) if x.strip()), "")
            j, last = i + 1, s
            while j < n and lines[j].strip() and r.crumb_continue.fullmatch(lines[j].strip()):
                last = lines[j].strip()
                j += 1
            if j == i + 1 and not re.search(r"[›»>/|]", s):
                # a lone "Home" line is only a crumb when more crumbs follow it
                # (or it is a menu item, which `lines` handles)
                out.append(lines[i])
                i += 1
                continue
            # a title repeated right after the crumbs
            k = j
            while k < n and not lines[k].strip():
                k += 1
            crumb_text = re.sub(r"^[•·›»>|\-*]\s*", "", last)
            if k < n and (_same(lines[k], before) or _same(lines[k], crumb_text)):
                j = k + 1
            i = j
            continue
        out.append(lines[i])
        i += 1
    return out


def _drop_footer(lines: list[str]) -> list[str]:
    r = rules()
    nonblank = [i for i, x in enumerate(lines) if x.strip()]
    for pos, i in enumerate(nonblank):
        rest = nonblank[pos + 1:]
        s = lines[i].strip()
        for f in r.footers:
            if len(rest) <= f.max_lines and len(s) <= f.max_len and f.rx.fullmatch(s) \
                    and all(len(lines[j].strip()) <= f.max_len for j in rest):
                return lines[:i]
    return lines


def _drop_repeats(lines: list[str]) -> list[str]:
    """Near the top, a non-blank line equal to the previous non-blank line is a repeated title."""
    out: list[str] = []
    prev = ""
    for i, line in enumerate(lines):
        s = line.strip()
        if s and i < HEAD_LINES and _same(s, prev):
            continue
        if s:
            prev = s
        out.append(line)
    return out


def clean(text: str) -> str:
    """Normalised text with furniture lines removed, blank runs collapsed, no trailing spaces."""
    text = _TRAILING.sub("", normalize(text))
    lines = text.split("\n")
    lines = _drop_breadcrumbs(lines)
    lines = [x for x in lines if not is_furniture(x)]
    lines = _drop_footer(lines)
    lines = _drop_repeats(lines)
    text = "\n".join(lines)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n")
