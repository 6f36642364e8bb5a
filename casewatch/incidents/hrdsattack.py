"""The HRDsAttack data set's splits as documents, and its label spellings.

A split is a JSON list of items, each with `sample` (`Input.GLOBALEVENTID`,
`Input.title`, `Input.publish_date`, `Input.article_interface`: the article as
`<p>` paragraphs) and `merged_sample` (the agreed record).  Each article
becomes one document: its title, then its paragraphs, one per block.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from .data import load

PARA_RE = re.compile(r"<p>(.*?)</p>", re.S)


@dataclass
class Article:
    id: int
    title: str
    published: str  # ISO date (YYYY-MM-DD), or "" when the split has none
    paragraphs: list[str]
    answer: dict[str, Any] = field(default_factory=dict)  # merged_sample, where the split has it

    @property
    def text(self) -> str:
        head = [self.title] if self.title else []
        return "\n\n".join(head + self.paragraphs) + "\n"


def _clean(s: str) -> str:
    s = html.unescape(re.sub(r"<[^>]+>", " ", s))
    return re.sub(r"[ \t\u00a0]+", " ", s).strip()


def read_split(path: Path) -> list[Article]:
    """Read a split; anything that is not one raises InputError(path, reason)."""
    name = str(path)
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except UnicodeDecodeError:
        raise InputError(name, "not UTF-8 text") from None
    except OSError as e:
        raise InputError(name, f"cannot read: {e.strerror or e}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        raise InputError(name, f"not JSON (line {e.lineno}: {e.msg})") from None
    if not isinstance(data, list) or not data:
        raise InputError(name, "not an HRDsAttack split (expected a non-empty JSON list of articles)")
    out: list[Article] = []
    seen: set[int] = set()
    for n, item in enumerate(data, 1):
        s = item.get("sample") if isinstance(item, dict) else None
        if not isinstance(s, dict) or "Input.GLOBALEVENTID" not in s or "Input.article_interface" not in s:
            raise InputError(name, f"not an HRDsAttack split (item {n} has no sample with Input.GLOBALEVENTID "
                                   "and Input.article_interface)")
        try:
            i = int(s["Input.GLOBALEVENTID"])
        except (TypeError, ValueError):
            raise InputError(name, f"item {n}: Input.GLOBALEVENTID is not a number") from None
        if i in seen:
            raise InputError(name, f"item {n}: Input.GLOBALEVENTID {i} given twice")
        seen.add(i)
        body = str(s.get("Input.article_interface") or "")
        paras = [p for p in (_clean(x) for x in PARA_RE.findall(body)) if p]
        if not paras and body.strip():
            paras = [_clean(body)]
        pub = str(s.get("Input.publish_date") or "")[:10]
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub):
            pub = ""
        merged = item.get("merged_sample")
        out.append(Article(id=i, title=_clean(str(s.get("Input.title") or "")), published=pub, paragraphs=paras,
                           answer=merged if isinstance(merged, dict) else {}))
    return out


def to_dataset_labels(record: dict[str, Any], spellings: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
    """An incident record in the data set's own spellings: its perpetrator types (labels.yaml) and, where
    given, the country names its labellers wrote most often in the training split (model.json)."""
    rec = dict(record)
    spell = load("labels")["hrdsattack_perpetrator_type"]
    if rec.get("perpetrator_type") in spell:
        rec["perpetrator_type"] = spell[rec["perpetrator_type"]]
    if spellings is None:
        from .build import models
        spellings = models().spec.get("dataset_spellings") or {}
    countries = spellings.get("country") or {}
    if rec.get("country") in countries:
        rec["country"] = countries[rec["country"]]
    return rec


def from_dataset_label(value: str | None) -> str | None:
    """The data set's spelling of a perpetrator type -> the incident record's (INCIDENT.md)."""
    if value is None:
        return None
    back = {v: k for k, v in load("labels")["hrdsattack_perpetrator_type"].items()}
    return back.get(value, value)
