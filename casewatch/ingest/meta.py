"""Document metadata from the text: title, publisher, date line, kind, UN reference.

Every cue lives in ``data/documents.yaml``; this module compiles them once and
applies them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"
_ISO = re.compile(r"((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})")
_ISO_ANY = re.compile(r"((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?")
_MD_DECOR = re.compile(r"^\s*(?:#{1,6}\s+|>\s*)?[*_]{0,3}\s*|\s*[*_]{0,3}\s*$")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+(\S.*?)\s*#*\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class _Publisher:
    rx: re.Pattern[str]
    value: str | None
    value_noref: str | None


@dataclass(frozen=True)
class _Kind:
    name: str
    min: int
    cues: tuple[tuple[re.Pattern[str], int, int, int | None], ...]  # regex, weight, matches counted, head


@dataclass(frozen=True)
class Cues:
    publishers: tuple[_Publisher, ...]
    publisher_reject: re.Pattern[str]
    date_line: re.Pattern[str]
    date_label: re.Pattern[str]
    date_beside: re.Pattern[str]
    date_window: int
    prose_words: int
    date_after_prose: int
    title_max: int
    title_lead_ins: tuple[re.Pattern[str], ...]
    title_skip: tuple[re.Pattern[str], ...]
    kinds: tuple[_Kind, ...]
    default_kind: str
    un_reference: re.Pattern[str]
    un_title: str
    signed_date_after: re.Pattern[str] | None  # the line that closes a court order, before its dated foot
    dateline_open: re.Pattern[str] | None = None  # "(Berlin, 26 May 2022) –" opening a press release's first paragraph
    signed_line: re.Pattern[str] | None = None  # "Decided in Mytilene on 5 December 2018": a court paper's dated foot
    foot_line: re.Pattern[str] | None = None  # "… was delivered in open court on 20 September 2021", among the last lines


def _rx(entry: Any, flags: int = re.MULTILINE) -> re.Pattern[str]:
    if isinstance(entry, str):
        return re.compile(entry, flags | re.IGNORECASE)
    return re.compile(entry["re"], flags | (0 if entry.get("case") else re.IGNORECASE))


@lru_cache(maxsize=None)
def cues() -> Cues:
    with open(DATA / "documents.yaml", encoding="utf-8") as fh:
        d = yaml.safe_load(fh)
    shapes = "|".join(f"(?:{s.replace('{months}', d['months'])})" for s in d["date_shapes"])
    date_line = re.compile(f"{d['date_prefix']}(?P<date>{shapes}){d['date_suffix']}", re.IGNORECASE)
    return Cues(
        publishers=tuple(_Publisher(_rx(e), e.get("value"), e.get("value_noref")) for e in d["publishers"]),
        publisher_reject=re.compile(d["publisher_reject"], re.IGNORECASE),
        date_line=date_line,
        date_label=re.compile(d["date_label"], re.IGNORECASE),
        date_beside=re.compile(d["date_beside"].replace("{months}", d["months"]), re.IGNORECASE),
        date_window=int(d["date_window"]),
        prose_words=int(d["prose_words"]),
        date_after_prose=int(d["date_after_prose"]),
        title_max=int(d["title_max"]),
        title_lead_ins=tuple(_rx(x, 0) for x in d["title_lead_ins"]),
        title_skip=tuple(_rx(x, 0) for x in d["title_skip"]),
        kinds=tuple(_Kind(name, int(k["min"]),
                          tuple((_rx(c), int(c.get("weight", 1)), int(c.get("per_match", 1)), c.get("head"))
                                for c in k["cues"]))
                    for name, k in d["kinds"].items()),
        default_kind=d["default_kind"],
        un_reference=re.compile(d["un_reference"]),
        un_title=d["un_title"],
        signed_date_after=re.compile(d["signed_date_after"], re.M) if d.get("signed_date_after") else None,
        dateline_open=re.compile(d["dateline_open"].replace("{months}", d["months"])) if d.get("dateline_open") else None,
        signed_line=re.compile(d["signed_line"].replace("{months}", d["months"]), re.M) if d.get("signed_line") else None,
        foot_line=re.compile(d["foot_line"].replace("{months}", d["months"]), re.I) if d.get("foot_line") else None,
    )


# --- UN reference ------------------------------------------------------------------

def detect_un_reference(text: str) -> str | None:
    """The first UN Special Procedures reference in the text ("UA ARV 4/2024"), or None."""
    m = cues().un_reference.search(text)
    return " ".join(m.group().split()) if m else None


# --- kind ----------------------------------------------------------------------------

def _count(rx: re.Pattern[str], text: str, most: int, head: int | None) -> int:
    if head:
        text = text[:head]
    if most == 1:
        return 1 if rx.search(text) else 0
    return sum(1 for _ in islice(rx.finditer(text), most))


def kind_scores(text: str) -> dict[str, int]:
    """Each kind's score: the weights of its cues found in the text."""
    return {k.name: sum(w * _count(rx, text, most, head) for rx, w, most, head in k.cues) for k in cues().kinds}


def detect_kind(text: str) -> str:
    """news, ngo_statement, urgent_appeal, un_communication, court_document, testimony (see documents.yaml)."""
    best, score = cues().default_kind, 0
    scores = kind_scores(text)
    for k in cues().kinds:
        s = scores[k.name]
        if s >= k.min and s > score:
            best, score = k.name, s
    return best


# --- publisher ---------------------------------------------------------------------

_TRAILING_YEARS = re.compile(r"[\s,]+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?$")


def _clean_name(name: str) -> str | None:
    name = " ".join(name.replace("*", "").split()).strip(" .,;:-–—\"'“”")
    name = _TRAILING_YEARS.sub("", name).strip(" .,;:-–—")  # "AFP 2017-2022"
    if not (2 <= len(name) <= 80) or not re.search(r"[^\W\d_]", name) or cues().publisher_reject.search(f" {name} "):
        return None
    return name


def detect_publisher(text: str, ref: str | None = None, fallback: str | None = None) -> str | None:
    """A fixed cue (UN letter, Observatory) first, then `fallback` (HTML site name), then a named cue (©, SOURCE:)."""
    named: str | None = None
    for p in cues().publishers:
        m = p.rx.search(text)
        if not m:
            continue
        if p.value:
            return p.value.format(ref=ref) if ref else (p.value_noref or p.value.replace(" ({ref})", ""))
        if named is None and "name" in p.rx.groupindex:
            named = _clean_name(m.group("name"))
    if fallback:
        fb = _clean_name(fallback)
        if fb and not (named and re.fullmatch(r"[\w.-]+\.[a-z]{2,}", fb)):  # a site's name beats its domain
            return fb
    return named


# --- published date ----------------------------------------------------------------

@lru_cache(maxsize=1)
def _dateparser():
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en", "fr", "es", "de", "ru"], settings={
        "DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": False, "STRICT_PARSING": False})


_MONTHS = {m: i + 1 for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                           "september", "october", "november", "december"])}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())} | {"sept": 9})
_DMY = re.compile(r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
                  r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>[a-z]{3,9})\.?,?\s+(?P<y>(?:19|20)\d\d)", re.I)
_MDY = re.compile(r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
                  r"(?P<m>[a-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)", re.I)
_MY = re.compile(r"(?P<m>[a-z]{3,9})\.?,?\s+(?P<y>(?:19|20)\d\d)", re.I)
_DOTTED = re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)")  # day first, as DATE_ORDER says


def _plain_english_date(s: str) -> str | None:
    """The forms most reports use ("9 December 2024", "December 9, 2024", "Monday, 9 Dec. 2024", "March 2025"),
    read without dateparser (a few milliseconds a call): an ISO date, "" for an impossible day, or None for any
    other form, which dateparser reads."""
    m = _DOTTED.fullmatch(s)
    if m:
        try:
            return date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
        except ValueError:
            return None  # "31.02.2024": dateparser may read it otherwise
    for rx in (_DMY, _MDY, _MY):
        m = rx.fullmatch(s)
        if m and m["m"].casefold() in _MONTHS:
            month, year = _MONTHS[m["m"].casefold()], int(m["y"])
            if "d" not in rx.groupindex:
                return f"{year:04d}-{month:02d}"
            try:
                return date(year, month, int(m["d"])).isoformat()
            except ValueError:
                return ""
    return None


def parse_date(s: str) -> str | None:
    """A date written alone ("14.10.2024", "9 December 2024", "March 2025") -> ISO at its precision."""
    s = s.strip()
    m = _ISO.fullmatch(s)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    quick = _plain_english_date(s)
    if quick is not None:
        return quick or None
    data = _dateparser().get_date_data(s)
    if not data or not data.date_obj:
        return None
    d = data.date_obj
    if not 1900 <= d.year <= 2100:
        return None
    if data.period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if data.period == "day":
        return d.date().isoformat()
    return None


def normalize_date(value: str | None) -> str | None:
    """An ISO date or datetime from metadata -> "YYYY-MM-DD" / "YYYY-MM" / "YYYY"."""
    if not value:
        return None
    m = _ISO_ANY.match(str(value).strip())
    if m:
        return "-".join(x for x in m.groups() if x)
    return parse_date(str(value))


def date_line(line: str) -> str | None:
    """The ISO date if the line is nothing but a date (with an optional dateline prefix), else None."""
    s = _MD_DECOR.sub("", line).strip()
    if not s or len(s) > 80 or not re.search(r"\d", s):
        return None
    m = cues().date_line.fullmatch(s)
    return parse_date(m.group("date")) if m else None


def detect_published(text: str) -> str | None:
    """A date standing alone on a line among the first non-blank lines; never a date from a sentence."""
    c = cues()
    seen = prose = 0
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            continue
        seen += 1
        if seen > c.date_window:
            break
        if len(s) > 120 and s[-1] in ".!?\"”" and len(s.split()) >= c.prose_words:
            if prose < c.date_after_prose and (d := _labelled_date(line)):
                return d  # a translator's note: "… of Tikimt 10, 2008 E.C. (21 October 2015) …"
            if prose == 0 and c.dateline_open and (m := c.dateline_open.match(s)) and (d := parse_date(m.group("date"))):
                return d  # a press release's dateline: "(Berlin, 26 May 2022) – Tajik authorities should …"
            prose += 1
            if prose > c.date_after_prose:   # the body has begun: a date line further down is a timeline entry
                break
            continue
        d = date_line(line) or _labelled_date(line)
        if d:
            return d
        # a byline of segments: "*Caspian Dispatch · Rights & Justice · 18 June 2026*"
        segments = re.split(r"\s+[·•|—–]\s+", _plain(line).strip("*_ "))
        if 1 < len(segments) <= 6:
            for seg in segments:
                d = date_line(seg.strip("*_ "))
                if d:
                    return d
    return _signed_date(text)


# a year of another era with the Gregorian year beside it: "15 August B.E. 2560 (2017)" is 15 August 2017
ERA_YEAR = re.compile(r"\b(?:B\.\s?E\.|BE|E\.\s?C\.|A\.\s?H\.|AH|S\.\s?H\.)\s*\d{4}\s*\(((?:19|20)\d\d)\)")


def _labelled_date(line: str) -> str | None:
    """"Date: 13 June 2024" among other fields of a header line; of a date in another calendar, the Gregorian
    date written beside it ("04/02/1403 [23 April 2024]"), the last where a line gives several."""
    c = cues()
    line = ERA_YEAR.sub(r"\1", line)
    m = c.date_label.search(line)
    if m:
        rest = line[m.end():]
        d = date_line(re.split(r"\s{2,}|\s[|·•]\s", rest)[0].strip().rstrip(".,;")) or date_line(rest[:40].split(",")[0])
        if d:
            return d
    beside = [x.group("date") for x in c.date_beside.finditer(line)]
    return parse_date(beside[-1]) if beside else None


def detect_published_in_page(page: str) -> str | None:
    """A page's date line among the furniture the story's text leaves out ("Published 26 June 2021, 09:14 ·
    Updated …"): a labelled date on a line of its own among the first lines of the page."""
    for line in [x for x in page.split("\n") if x.strip()][:80]:
        # the label may open the line or one of its segments ("By A, Mytilene · Published Wednesday 29 August 2018")
        for seg in re.split(r"\s+[·•|]\s+", line.strip()):
            if re.match(r"\s*(?:published|posted|updated|date)\b", seg, re.I):
                d = date_line(seg) or _labelled_date(seg)
                if d:
                    return d
    return None


def _foot_date(text: str) -> str | None:
    """A court paper with no "SO ORDERED." dated at its foot: "Decided in Mytilene on 5 December 2018" (the last such
    line), else a date line among the last lines beside the seal or the judges' signatures, else the day the foot's
    own sentence tells ("This judgment was delivered in open court on 20 September 2021")."""
    c = cues()
    feet = list(c.signed_line.finditer(text)) if c.signed_line else []
    if feet:
        return parse_date(feet[-1].group("date"))
    tail = [x for x in text.split("\n") if x.strip()][-10:]
    if any(SIGNED_FOOT.search(x) for x in tail):
        d = next((d for line in reversed(tail) if (d := date_line(line))), None)
        if d:
            return d
    told = [m for line in tail for m in c.foot_line.finditer(line)] if c.foot_line else []
    return parse_date(told[-1].group("date")) if told else None


SIGNED_FOOT = re.compile(r"\b(?:seal|clerk|judge|signed|signature|registrar|presiding)\b", re.I)


def _signed_date(text: str) -> str | None:
    """A court order's date at its foot: the date line just after "SO ORDERED." (else `_foot_date`)."""
    rx = cues().signed_date_after
    m = rx.search(text) if rx else None
    if not m:
        return _foot_date(text)
    for line in [x for x in text[m.end():].split("\n") if x.strip()][:2]:
        d = date_line(line.strip().rstrip("."))
        if d:
            return d
    return None


# --- title -------------------------------------------------------------------------

def _plain(line: str) -> str:
    return " ".join(_MD_DECOR.sub("", line).split())


def _shorten(s: str, limit: int = 120) -> str:
    if len(s) <= limit:
        return s
    cut = s[:limit].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return cut + "…"


def detect_title(text: str, markdown: bool = False) -> str | None:
    """A markdown heading, else the first substantive line, else the first sentence, shortened."""
    c = cues()
    lines = [x for x in text.split("\n") if x.strip()][:40]
    if markdown:
        for x in lines[:10]:
            m = _MD_HEADING.match(x)
            if m:
                return _shorten(_plain(m.group(1)), c.title_max)
    for x in lines:
        s = _plain(x)
        if not s or any(rx.fullmatch(s) for rx in c.title_skip) or date_line(x):
            continue
        if len(s) <= c.title_max and not (len(s) > 100 and s.endswith(".")):
            return s
        first = _SENTENCE_END.split(s, 1)[0]
        for rx in c.title_lead_ins:
            first = rx.sub("", first, count=1)
        first = first.strip()
        if not first:
            return None
        first = first[0].upper() + first[1:]
        return _shorten(first.rstrip("."))
    return None


def un_title(ref: str) -> str:
    return cues().un_title.format(ref=ref)
