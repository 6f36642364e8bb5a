"""What the extraction tests share: one loaded model, a document from a text, the people an extraction names."""
from __future__ import annotations

import hashlib

import pytest

from casewatch.extract import Extractor
from casewatch.model import Document


@pytest.fixture(scope="session")
def x():
    return Extractor()


def doc(text: str, published: str | None = "2026-04-10", kind: str = "news") -> Document:
    return Document(sha256=hashlib.sha256(text.encode()).hexdigest(), filename="t.txt", media_type="text/plain",
                    text=text, published=published, kind=kind)


def people(ex):
    """{name: {"roles": …, "measures": …}} over the person mentions of an extraction."""
    out = {}
    for m in ex.mentions:
        if m.kind == "person":
            p = out.setdefault(m.name, {"roles": set(), "measures": set()})
            p["roles"] |= set(m.roles)
            p["measures"] |= {ms.type for ms in m.measures}
    return out


def kinds(ex):
    """{name: kind} over the mentions of an extraction."""
    return {m.name: m.kind for m in ex.mentions}
