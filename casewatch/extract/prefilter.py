"""A compiled pattern made faster to scan, with the same matches: a lookahead for the characters a match can
start with, put in front.

Python's regex engine tries every alternative of a pattern at every position of the text; the cue tables are
alternations of tens of phrases, most of them opening with ``\\b`` and a word, and under ``re.I`` the engine
finds no first character to skip ahead with.  ``(?=[bcfw])`` in front lets it drop a position after one test
of one character.  A match is the same match with it or without it (the lookahead is zero-width, holds no
group, and is true of every first character a match can have), so only the time changes.  Where the first
characters cannot be told for certain (a negated class, a dot, an alternative that may match nothing, a flag
other than case set inside the pattern), or where the engine already skips ahead by itself, the pattern is left
as it is.  The `re` module's own parser (an internal of CPython) reads the pattern; should it change, every
pattern is simply left as it is.
"""
from __future__ import annotations

import re
from typing import Any

try:  # the parser of the `re` module (CPython's own; `sre_parse` before 3.11)
    from re import _constants as _c, _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_ZERO_WIDTH_AT = {_c.AT_BEGINNING, _c.AT_BEGINNING_LINE, _c.AT_BEGINNING_STRING, _c.AT_BOUNDARY,
                  _c.AT_NON_BOUNDARY}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set())


class _Unknown(Exception):
    """The first characters of a match cannot be told for certain: no lookahead."""


_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
               _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W"}


def _class_items(items: list[tuple[Any, Any]]) -> list[str]:
    """A character class's members as class text: literals, ranges and the classes \\d \\s \\w and their
    opposites (read under the pattern's own flags, as in the pattern)."""
    out = []
    for op, av in items:
        if op is _c.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is _c.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _c.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:  # a negated class: not a set of members to list
            raise _Unknown
    return out


def _first(seq: Any, bound: bool = False) -> tuple[list[str], bool, bool]:
    """(the class members a match of `seq` can start with, whether `seq` can match nothing, whether a word
    boundary is asserted before each of those first characters); `bound`: one was asserted before `seq`."""
    found: list[str] = []
    all_bound = True
    for op, av in seq:
        if op is _c.AT and av in _ZERO_WIDTH_AT or op in (_c.ASSERT, _c.ASSERT_NOT):
            bound = bound or av is _c.AT_BOUNDARY
            continue  # zero-width: the first character is the next item's
        if op is _c.LITERAL:
            return found + [re.escape(chr(av))], False, all_bound and bound
        if op is _c.IN:
            return found + _class_items(av), False, all_bound and bound
        if op is _c.SUBPATTERN:
            if (av[1] | av[2]) & ~re.IGNORECASE:  # a flag other than case set or unset inside (\w, ^ … read otherwise)
                raise _Unknown
            chars, empty, b = _first(av[3], bound)
            if av[1]:  # case ignored inside only: the lookahead ignores it too (it may pass more, never fewer)
                inner = "".join(c[5:-2] if c.startswith("(?i:[") else c for c in chars)
                chars = [f"(?i:[{inner}])"] if inner else []
        elif op is _c.BRANCH:
            chars, empty, b = [], False, True
            for alt in av[1]:
                c, e, ab = _first(alt, bound)
                chars, empty, b = chars + c, empty or e, b and ab
        elif op in _REPEATS:
            chars, empty, b = _first(av[2], bound)
            empty = empty or av[0] == 0
        else:  # ANY, a category, a back-reference, an end anchor …
            raise _Unknown
        found += chars
        all_bound = all_bound and b
        if not empty:
            return found, False, all_bound
    return found, True, all_bound


def _skips_already(parsed: Any, flags: int) -> bool:
    """The engine finds where a match may start by itself (a literal prefix, or a set of first characters that
    case does not change): a lookahead in front would hide that from it and slow the scan down."""
    try:
        from re import _compiler  # type: ignore[attr-defined]
        return bool(_compiler._get_literal_prefix(parsed, flags)[0] or _compiler._get_charset_prefix(parsed, flags))
    except Exception:  # noqa: BLE001 - another Python's internals: keep the pattern as it is
        return True


def fast(rx: re.Pattern[str]) -> re.Pattern[str]:
    """`rx`, led by a lookahead for the characters its matches can start with; `rx` itself where they cannot be
    told.  Same matches, same groups (by number and by name), same flags."""
    try:
        parsed = _p.parse(rx.pattern, rx.flags)
        chars, empty, bound = _first(parsed)
    except Exception:  # noqa: BLE001 - _Unknown, or a pattern or a parser this module cannot read: left as it is
        return rx
    if _skips_already(parsed, rx.flags):
        return rx
    if empty or not chars:
        return rx
    folded = [c for c in dict.fromkeys(chars) if c.startswith("(?i:")]
    plain = "".join(c for c in dict.fromkeys(chars) if not c.startswith("(?i:"))
    members = "|".join(([f"[{plain}]"] if plain else []) + folded)
    lead = r"\b" if bound else ""  # every alternative asserts a word boundary before its first character
    end = "\n)" if rx.flags & re.VERBOSE else ")"  # a verbose pattern's last line may be a comment
    try:
        return re.compile(f"(?={lead}(?:{members}))(?:{rx.pattern}{end}", rx.flags)
    except re.error:  # flags written at the pattern's start must stay there
        return rx
