"""Dates in a text: absolute and relative, resolved against an anchor.

Each date is ISO at the precision the text gives ("2025", "2025-11",
"2025-11-13").  Relative expressions ("last November", "the following week",
"later that day", "on Tuesday") are resolved against the document's date or
the dates around them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .data import load
from .prefilter import fast

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
MON = {m: i + 1 for i, m in enumerate(MONTHS)}
MON.update({m[:3]: i + 1 for i, m in enumerate(MONTHS)})
MON["sept"] = 9
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
M = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
WEEKDAY_BEFORE = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:the\s+)?$", re.I)
PART = r"(?:(early|mid|late|the end of|the beginning of|the start of)[\s-]+)?"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("dmy_range", re.compile(rf"\b(\d{{1,2}})\s*[-–]\s*(\d{{1,2}})\s+{M}\s+(\d{{4}})\b", re.I)),
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:day\s+of\s+|of\s+)?{M},?\s+(\d{{4}})\b", re.I)),
    ("mdy", re.compile(rf"\b{M}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)),
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("dotted", re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")),
    ("dm_range", re.compile(rf"\b(\d{{1,2}})\s*[-–]\s*(\d{{1,2}})\s+{M}\b(?!,?\s+\d{{4}})", re.I)),
    ("dm", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:day\s+of\s+|of\s+)?{M}\b(?!,?\s+\d{{4}})", re.I)),
    ("md", re.compile(rf"\b{M}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}})(?!\s*[-–]\s*\d)", re.I)),
    ("my", re.compile(rf"\b{PART}{M},?\s+(\d{{4}})\b", re.I)),
    ("last_month_name", re.compile(rf"\b(last|this|next|in)\s+{PART}{M}\b(?!\s+\d)", re.I)),
    ("year", re.compile(r"\b(?:in|since|from|until|by|during|of|early|late|mid|before|after|year)\s+((?:19|20)\d{2})\b(?![-/.]\d)", re.I)),
    ("rel_year", re.compile(r"\b(last|this|next|the previous|the following)\s+year\b", re.I)),
    ("rel_month", re.compile(r"\b(last|this|next|the previous|the following|earlier this|later this)\s+month\b", re.I)),
    ("rel_week", re.compile(r"\b(last|this|next|the previous|the following|a(?=\s+week\s+later))\s+week(?:\s+later)?\b", re.I)),
    ("rel_day", re.compile(r"\b(later that day|that same day|the same day|that same night|the same night|that night|that day|the next day|the following day|the day after|the day before|the previous day|yesterday|today)\b", re.I)),
    ("n_days", re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(days?|weeks?)\s+"
                          r"(later|afterwards|after that|earlier|before|ago)\b", re.I)),
    ("weekday", re.compile(r"\b(?:on|last|this|next|(?:hours|morning|night|evening) of)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                           rf"(?!,?\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{M})(?!,?\s+{M}\s+\d)", re.I)),
]
# the same shapes in the Romance languages, their month names lower case (data/dates.yaml): "22 de marzo de
# 2017", "1er août 2025", "5 de novembro", "marzo de 2017"
ROMANCE_MONTHS: dict[str, int] = load("dates")["months"]
MON.update(ROMANCE_MONTHS)
RM = "(" + "|".join(sorted(ROMANCE_MONTHS, key=len, reverse=True)) + ")"
_at = next(i for i, (kind, _) in enumerate(PATTERNS) if kind == "dm_range")
PATTERNS[_at:_at] = [
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:º|°|er|o)?\s+(?:de\s+)?{RM}\s+(?:de\s+|del\s+)?(\d{{4}})\b")),
    ("dm", re.compile(rf"\b(\d{{1,2}})(?:º|°|er)?\s+(?:de\s+)?{RM}\b(?!\s+(?:de\s+|del\s+)?\d{{4}})")),
    ("my", re.compile(rf"\b(){RM}\s+(?:de\s+|del\s+)?(\d{{4}})\b")),
]
PATTERNS = [(kind, fast(rx)) for kind, rx in PATTERNS]  # each is scanned over every whole text


@dataclass
class DateMention:
    start: int
    end: int
    value: str  # ISO prefix
    end_value: str | None = None
    relative: bool = False
    approximate: bool = False


def iso(d: date, precision: str = "day") -> str:
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    parts = value.split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2]) if len(parts) > 2 else 1
        return date(y, m, d)
    except (ValueError, IndexError):
        return None


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _yearless(month: int, day: int | None, anchor: date, future: bool, past: bool = False) -> date | None:
    cands = [c for c in (_safe(y, month, day or 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)) if c]
    if future:
        after = [c for c in cands if c >= anchor - timedelta(days=7)]
        return min(after) if after else None
    if past:  # told in the past ("On 20 May the court sent them home", in a February report): the last 20 May
        before = [c for c in cands if c <= anchor + timedelta(days=7)]
        return max(before) if before else None
    # neither told past nor future: the nearest reading, the past weighing half ("7 July" in a June report is
    # next month's hearing, "2 December" in a January report last month's arrest)
    return min(cands, key=lambda c: (anchor - c).days if c <= anchor + timedelta(days=7) else 2 * (c - anchor).days) \
        if cands else None


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    for day in (d.day, 30, 29, 28):
        x = _safe(y, m, day)
        if x:
            return x
    return d


@lru_cache(maxsize=4)
def _expressions(text: str) -> tuple[tuple[int, int, str, re.Match[str]], ...]:
    """The date expressions of a text, left to right, non-overlapping, not yet resolved: the same whatever the
    anchor, so a report with no date of its own, read three times (its latest full date, its latest day, then
    its dates against that day), is scanned once."""
    found: list[tuple[int, int, str, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    for kind, pat in PATTERNS:
        for m in pat.finditer(text):
            s, e = m.span()
            if kind == "year":
                s = m.start(1)
                if re.search(r"\bNo\.?\s*\d+\s*$", text[max(0, m.start() - 20):m.start()]):
                    continue  # "Case No. 1184 of 2025", "Law No. 94 of 2015": a number's year, not a date
            if any(s < b and a < e for a, b in taken):
                continue
            taken.append((s, e))
            found.append((s, e, kind, m))
    found.sort()
    return tuple(found)


@lru_cache(maxsize=None)
def law_year() -> re.Pattern[str]:
    """The words a law's title puts before its year (names.yaml law_heads, and "No. 17")."""
    heads = "|".join(re.escape(w) for w in load("names")["law_heads"] + ["Regulations", "Rules", "Order", "Law", "loi",
                                                                          "ley", "lei", "décret", "decreto"])
    return re.compile(rf"\b(?:(?:{heads})|No\.?\s*\d+)\)?,?\s+(?:of\s+|de\s+|du\s+|del\s+)?$", re.I)


# "the 1958 law on terrorism": a year that names a law after it
YEAR_OF_LAW = re.compile(r"\s+(?:law|act|decree|ordinance|constitution)\b", re.I)
# "the Law of 11 January 1958", "la loi du 11 janvier 1958": a day that names a law before it (its words are law_year's)
LAW_OF_DAY = re.compile(r"\b(?:law|loi|ley|lei|décret|decreto|decree|act|ordinance)\s+(?:of|du|de|del)\s+$", re.I)


def find_dates(text: str, anchor: date | None, future_at=lambda pos: False, background_at=lambda pos: False,
               past_at=lambda pos: False) -> list[DateMention]:
    """All date expressions, left to right, non-overlapping, resolved where possible.

    `anchor` is the document's date (or the latest absolute date in it);
    `future_at(pos)` tells whether the clause at pos speaks of the future, `past_at(pos)` whether it tells what
    happened (a date without its year then reads as the last one before the report).
    """
    out: list[DateMention] = []
    last: DateMention | None = None
    for s, e, kind, m in _expressions(text):
        future = future_at(s)
        dm = _resolve(kind, m, s, e, anchor, last, future, not future and past_at(s))
        if dm is None or not "1800" <= dm.value[:4] <= "2200":
            continue  # "08/08/1401": a date of another calendar (Solar Hijri), not a Gregorian one
        if (len(dm.value) == 4 and law_year().search(text, max(0, s - 40), s)) or LAW_OF_DAY.search(text[max(0, s - 20):s]):
            continue  # "the Crime Prevention Law of 1954", "Act No. 17 of 2023", "the Law of 11 January 1958": a law's
        if len(dm.value) == 4 and YEAR_OF_LAW.match(text, e) and re.search(r"\bthe\s+$", text[max(0, s - 5):s], re.I):
            continue  # "the 1958 law on terrorism"
        out.append(dm)
        until = re.search(r"\b(?:until|till|up to)\s+(?:\w+\s+){0,5}(?:on\s+)?$", text[max(0, s - 60):s])
        if (not dm.relative or kind in ("weekday", "last_month_name", "dm", "md", "dm_range")) and not background_at(s) \
                and not until:  # "held until he appeared on 27 November": an end point, not the story's time
            last = dm
    return out


def _resolve(kind: str, m: re.Match[str], s: int, e: int, anchor: date | None, last: DateMention | None,
             future: bool, past: bool = False) -> DateMention | None:
    g = m.groups()
    if kind == "dmy_range":
        mo, y = MON[g[2].lower().rstrip(".")], int(g[3])
        a, b = _safe(y, mo, int(g[0])), _safe(y, mo, int(g[1]))
        return DateMention(s, e, iso(a), iso(b)) if a and b else None
    if kind == "dmy":
        d = _safe(int(g[2]), MON[g[1].lower().rstrip(".")], int(g[0]))
        return DateMention(s, e, iso(d)) if d else None
    if kind == "mdy":
        d = _safe(int(g[2]), MON[g[0].lower().rstrip(".")], int(g[1]))
        return DateMention(s, e, iso(d)) if d else None
    if kind == "iso":
        d = _safe(int(g[0]), int(g[1]), int(g[2]))
        return DateMention(s, e, iso(d)) if d else None
    if kind == "dotted":
        d = _safe(int(g[2]), int(g[1]), int(g[0]))
        return DateMention(s, e, iso(d)) if d else None
    if kind in ("dm_range", "dm", "md"):
        if anchor is None:
            return None
        if kind == "dm_range":
            mo = MON[g[2].lower().rstrip(".")]
            a = _yearless(mo, int(g[0]), anchor, future, past)
            b = _safe(a.year, mo, int(g[1])) if a else None
            return DateMention(s, e, iso(a), iso(b) if b else None, relative=True) if a else None
        mo, day = (MON[g[1].lower().rstrip(".")], int(g[0])) if kind == "dm" else (MON[g[0].lower().rstrip(".")], int(g[1]))
        if day > 31:
            return None
        d = _yearless(mo, day, anchor, future, past)
        wd = WEEKDAY_BEFORE.search(m.string, max(0, s - 14), s)
        wd = WEEKDAYS.index(wd.group(1).lower()) if wd else None
        if d and wd is not None and d.weekday() != wd:
            # "Tuesday 7 December" in a report of the next December: the year whose 7 December is a Tuesday
            fits = [c for c in (_safe(y, mo, day) for y in range(anchor.year - 3, anchor.year + 2))
                    if c and c.weekday() == wd]
            d = min(fits, key=lambda c: abs((anchor - c).days)) if fits else d
        return DateMention(s, e, iso(d), relative=True) if d else None
    if kind == "my":
        mo, y = MON[g[1].lower().rstrip(".")], int(g[2])
        return DateMention(s, e, f"{y:04d}-{mo:02d}")
    if kind == "last_month_name":
        if anchor is None:
            return None
        which, mo = g[0].lower(), MON[g[2].lower().rstrip(".")]
        if which == "in":
            d = _yearless(mo, 1, anchor, future, past)
        elif which == "last":
            y = anchor.year if mo < anchor.month else anchor.year - 1
            d = date(y, mo, 1)
        elif which == "next":
            y = anchor.year if mo > anchor.month else anchor.year + 1
            d = date(y, mo, 1)
        else:
            d = date(anchor.year, mo, 1)
        return DateMention(s, e, iso(d, "month"), relative=True) if d else None
    if kind == "year":
        return DateMention(s, e, g[0])
    ref = last_date(last) or anchor
    if kind == "rel_year":
        if anchor is None:
            return None
        w = g[0].lower()
        base = anchor if w in ("last", "this", "next") else (ref or anchor)
        off = {"last": -1, "the previous": -1, "this": 0, "next": 1, "the following": 1}[w]
        return DateMention(s, e, str(base.year + off), relative=True)
    if kind == "rel_month":
        w = g[0].lower()
        base = anchor if w in ("last", "this", "next", "earlier this", "later this") else ref
        if base is None:
            return None
        off = {"last": -1, "the previous": -1, "this": 0, "earlier this": 0, "later this": 0, "next": 1, "the following": 1}[w]
        return DateMention(s, e, iso(add_months(base, off), "month"), relative=True)
    if kind == "rel_week":
        w = g[0].lower()
        base = anchor if w in ("last", "this", "next") else ref
        if base is None:
            return None
        off = {"last": -7, "this": 0, "next": 7, "the previous": -7, "the following": 7, "a": 7}[w]
        return DateMention(s, e, iso(base + timedelta(days=off), "month"), relative=True, approximate=True)
    if kind == "rel_day":
        w = g[0].lower()
        if w in ("yesterday", "today"):
            if anchor is None:
                return None
            return DateMention(s, e, iso(anchor - timedelta(days=1 if w == "yesterday" else 0)), relative=True)
        if ref is None or last is None or len(last.value) < 10:
            return None
        off = {"the next day": 1, "the following day": 1, "the day after": 1, "the day before": -1, "the previous day": -1}.get(w, 0)
        return DateMention(s, e, iso(ref + timedelta(days=off)), relative=True)
    if kind == "n_days":
        words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
        n = int(g[0]) if g[0].isdigit() else words[g[0].lower()]
        days = n * (7 if g[1].lower().startswith("week") else 1)
        if g[2].lower() == "ago":  # counted back from the report's own date
            return DateMention(s, e, iso(anchor - timedelta(days=days)), relative=True) if anchor else None
        if ref is None or last is None or len(last.value) < 10:
            return None
        sign = -1 if g[2].lower() in ("earlier", "before") else 1
        return DateMention(s, e, iso(ref + timedelta(days=sign * days)), relative=True)
    if kind == "weekday":
        if anchor is None:
            return None
        wd = WEEKDAYS.index(g[0].lower())
        delta = (anchor.weekday() - wd) % 7
        d = anchor + timedelta(days=(7 - delta) % 7) if future else anchor - timedelta(days=delta or (7 if "last" in m.group(0).lower() else 0))
        return DateMention(s, e, iso(d), relative=True)
    return None


def last_date(dm: DateMention | None) -> date | None:
    return parse_iso(dm.value) if dm else None


def latest_resolved(text: str) -> date | None:
    """For a document with no date of its own: the latest day it names.

    Its yearless days ("on 2 February") are read as falling up to four months after its latest
    full date, since a report is written after the events it tells.
    """
    base = latest_absolute(text)
    if base is None:
        return None
    horizon = base + timedelta(days=120)
    best = base
    for dm in find_dates(text, horizon):
        d = parse_iso(dm.value) if len(dm.value) == 10 else None
        if d and best < d <= horizon:
            best = d
    return best


def latest_absolute(text: str) -> date | None:
    """The latest fully given date in a text: the anchor for documents with no date of their own."""
    best = None
    for dm in find_dates(text, None):
        if not dm.relative and len(dm.value) == 10:
            d = parse_iso(dm.end_value or dm.value)
            if d and (best is None or d > best):
                best = d
    return best
