"""A report's language, detected at ingest with py3langid (its naive Bayes model ships inside the package: nothing
is downloaded at run time).

The extractor reads English (model.READ_LANGUAGES).  A report is taken to be in another language only when the
evidence is plain, so that an English report thick with foreign names (a list of defendants, a court's roll) is
never refused:

- at least `MIN_LETTERS` letters (a shorter text is too short to tell: None, read);
- py3langid names a language other than English with a probability of at least `SURE`;
- fewer than `MAX_ENGLISH` of its words are English function words ("the", "of", "were", "said" …): an English
  report keeps a third of them or more however many names it holds; a Spanish or Russian one has next to none.

    detect(text)      # 'en', 'ru', 'fr' …, or None (too short or unsure: read as English)
    name('ru')        # 'Russian'
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

MIN_LETTERS = 200
SURE = 0.90
MAX_ENGLISH = 0.03
SAMPLE = 50_000  # characters read to decide (py3langid takes about a millisecond for this much)

# words of English only (not "a", "in", "on", "is", "die", "war", which other languages written in Latin letters share)
_ENGLISH = frozenset("""the of and to was were for with by from that his her their has have had been which who said
after this are it they he she at be an or not but its than them these those would will into about over under were
against while whose when where what""".split())
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    with open(Path(__file__).parent / "data" / "languages.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def name(code: str | None) -> str:
    """The language's English name ('Russian'), or its code when it has none here."""
    return _names().get(code or "", code or "an unknown language")


def english_share(text: str) -> float:
    """The share of the text's words that are English function words."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    return sum(w.lower() in _ENGLISH for w in words) / len(words)


def detect(text: str) -> str | None:
    """The report's language (an ISO 639 code), or None when too short or unsure to tell (read as English)."""
    sample = text[:SAMPLE]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    code, p = _identifier().classify(sample)
    if code == "en":
        return "en"
    if p < SURE or code == "zxx" or english_share(sample) >= MAX_ENGLISH:
        return None
    return code
