"""The small typed data model that every step passes around.

Every fact is tied to its evidence: the document, the character span and the
exact quote.  Vocabularies live in data files beside this module.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=None)
def vocab() -> dict[str, Any]:
    """Roles, measures/event types, figure measures and document kinds (vocab.yaml)."""
    with open(DATA / "vocab.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@dataclass(frozen=True)
class Evidence:
    """A span of a document's stored text: text[start:end] == quote."""

    doc: str
    start: int
    end: int
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "start": self.start, "end": self.end, "quote": self.quote}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Evidence":
        return cls(d["doc"], int(d["start"]), int(d["end"]), d["quote"])


# the languages the extractor reads (spaCy's English model and English cue phrases): a report detected in another
# is stored and shown, and no fact is extracted from it but the laws it cites (ingest/language.py decides, Document.read
# tells)
READ_LANGUAGES = frozenset({"en"})
# the languages whose citations of laws the provision grammar reads ("articles 6 et 7 de la loi du 11 janvier 1958",
# "artículos 209 y 230 del Código Penal"): from a report in one of them the laws it cites are extracted, nothing else
CITED_LANGUAGES = frozenset({"fr", "es", "pt", "it"})


@dataclass
class Document:
    """One report as stored: the original bytes, the plain text that offsets point into, metadata."""

    sha256: str
    filename: str
    media_type: str
    text: str
    raw: bytes = b""
    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date at the precision known
    kind: str = "other"
    id: str = ""  # stable id, derived from the sha256
    case: str | None = None
    ingested_at: str | None = None
    # ISO 639 code of the language detected at ingest; None where the text is too short or mixed to tell (read)
    language: str | None = None
    ocr_pages: int = 0  # pages of a PDF read by OCR (a scan): their text is tesseract's, not the file's
    source_url: str | None = None  # a report fetched from the web: the address its bytes came from (after redirects)
    fetched_at: str | None = None  # and when (UTC, ISO)
    source_note: str | None = None  # how it was read when not as the page itself (a feed's own text of an entry)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = "d" + self.sha256[:12]

    @property
    def read(self) -> bool:
        """Whether the extractor reads this report: not when it is known to be in a language it cannot read."""
        return self.language is None or self.language in READ_LANGUAGES

    @property
    def laws_read(self) -> bool:
        """Whether, not read, the laws it cites are read from it all the same (`CITED_LANGUAGES`)."""
        return not self.read and self.language in CITED_LANGUAGES

    def span(self, start: int, end: int) -> Evidence:
        return Evidence(self.id, start, end, self.text[start:end])


def unread_note(language: str | None) -> str:
    """What every view says of a report in a language the extractor does not read."""
    if language in CITED_LANGUAGES:
        return "stored, and of it only the laws it cites are read (the extractor reads English)"
    return "stored but not read (the extractor reads English)"


@dataclass
class Measure:
    """A restriction on a person's liberty (remand, house arrest, sentence …)."""

    type: str
    date: str | None
    evidence: list[Evidence]
    length: str | None = None  # "10 days", "two months"


@dataclass
class Mention:
    """A name in one document: a person, organization or place."""

    kind: str  # person | organization | place
    name: str
    evidence: Evidence
    roles: list[str] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)  # title, acronym, sex, relative_of …


@dataclass
class Provision:
    instrument: str  # key in instruments.yaml, or the slug of the title as written
    instrument_name: str  # as the text writes it
    article: str
    part: str | None
    evidence: list[Evidence]
    head: str = "Article"  # the numbered unit's word: Article, Section, Rule, Clause
    acronym: str | None = None  # the acronym the text gives the instrument ("UAPA")


def provision_label(head: str | None, article: str, part: str | None, instrument: str | None = None) -> str:
    """"Section 66A(2) of the Information Technology Act", "Article 206.3.2", "Article 37(1)(b)": one label for
    every output."""
    num = article
    if part:
        if re.fullmatch(r"\d+(?:\.\d+)+", part):  # the post-Soviet codes' three levels: "206.3.2"
            num = f"{article}.{part}"
        else:
            first, _, rest = part.partition("(")
            num = f"{article}({first})" + (f"({rest}" if rest else "")
    label = f"{head or 'Article'} {num}"
    return f"{label} of the {instrument}" if instrument else label


@dataclass
class Event:
    type: str
    date: str | None
    evidence: list[Evidence]
    date_end: str | None = None
    place: str | None = None
    participants: list[str] = field(default_factory=list)
    summary: str = ""
    status: str = "happened"  # happened | announced
    date_inferred: bool = False
    whole_group: bool = False  # befell all the accused at once ("released all 119 defendants"), none named


@dataclass
class Figure:
    measure: str
    value: float
    evidence: list[Evidence]
    unit: str = "people"


@dataclass
class Claim:
    """A value a source states about a topic, for agreement, conflict and update."""

    topic: str  # e.g. "administrative_detention.length", "status:<person>"
    value: str
    evidence: list[Evidence]
    subject: str | None = None
    update: bool = False  # the source presents it as a change (extension, later news)
    date: str | None = None


@dataclass
class Extraction:
    """What one document says, as extracted: everything carries evidence."""

    doc: str
    mentions: list[Mention] = field(default_factory=list)
    provisions: list[Provision] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    extractor: str = ""

    def facts(self) -> list[tuple[str, Any]]:
        out: list[tuple[str, Any]] = [(m.kind, m) for m in self.mentions]
        out += [("provision", x) for x in self.provisions]
        out += [("event", x) for x in self.events]
        out += [("figure", x) for x in self.figures]
        out += [("claim", x) for x in self.claims]
        return out


FACT_TYPES: dict[str, type] = {
    "person": Mention, "organization": Mention, "place": Mention,
    "provision": Provision, "event": Event, "figure": Figure, "claim": Claim,
}


def to_data(obj: Any) -> Any:
    """Dataclass -> JSON-able dict (evidence as dicts)."""
    if dataclasses.is_dataclass(obj):
        return {f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list):
        return [to_data(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_data(v) for k, v in obj.items()}
    return obj


def from_data(kind: str, data: dict[str, Any], fresh: bool = False) -> Any:
    """The fact of `kind` a JSON-able dict holds; `fresh`: the dict is the caller's to spend (just parsed), so it
    is changed in place rather than copied."""
    cls = FACT_TYPES[kind]
    d = data if fresh else dict(data)
    if cls is Mention:
        d["evidence"] = Evidence.from_dict(d["evidence"])
        d["measures"] = [Measure(m["type"], m.get("date"), [Evidence.from_dict(e) for e in m["evidence"]], m.get("length"))
                         for m in d.get("measures", [])]
    else:
        d["evidence"] = [Evidence.from_dict(e) for e in d["evidence"]]
    return cls(**d)


@dataclass
class Judgement:
    """An analyst's correction, kept in a log that survives re-extraction.

    kind: merge | split | reject | add | conflict
    """

    kind: str
    case: str
    payload: dict[str, Any]
    user: str = "analyst"
    id: int | None = None
    created_at: str | None = None
    undone_at: str | None = None
