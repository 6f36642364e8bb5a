"""The spaCy pipeline: the only module that loads spaCy models.

We use the statistical English model for names (its NER) and sentences (its
fast `senter`); the tagger and lemmatizer are not needed by our domain layer
and are left out, and the parser runs apart (`load_parser`), only on the few
sentences whose structure decides who is accused, which is what makes the
pipeline fast.  So is
the shared `tok2vec` component: in en_core_web_sm only the tagger and the
parser listen to it, while `ner` and `senter` each embed a token-to-vector
layer of their own, so without those two its output would be computed for
nothing (the names and sentences are the same with it or without it).
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from .models import MODEL_NAMES, NO_MODEL, NoModel, require_model  # noqa: F401


KEEP = ("senter", "ner")


@lru_cache(maxsize=2)
def load(full: bool = False) -> Language:
    """Load the English small model: the official package first, then its PyPI mirror."""
    last: Exception | None = None
    for name in MODEL_NAMES:
        try:
            if full:
                return spacy.load(name)
            nlp = spacy.load(name, exclude=["parser", "lemmatizer", "attribute_ruler", "tagger"])
            if "tok2vec" in nlp.pipe_names and not nlp.get_pipe("tok2vec").listening_components:
                nlp.remove_pipe("tok2vec")  # nothing left listens to it
            if "senter" in nlp.disabled:
                nlp.enable_pipe("senter")
            return nlp
        except OSError as exc:  # not installed under this name
            last = exc
    raise NoModel(f"{NO_MODEL} ({last})")


@lru_cache(maxsize=1)
def load_parser() -> Language:
    """The same model's dependency parser alone (with the token-to-vector layer it listens to), for the few
    sentences whose structure decides who undergoes a step of the case (extract/syntax.py)."""
    last: Exception | None = None
    for name in MODEL_NAMES:
        try:
            return spacy.load(name, exclude=["ner", "senter", "lemmatizer", "attribute_ruler", "tagger"])
        except OSError as exc:
            last = exc
    raise NoModel(f"{NO_MODEL} ({last})")
