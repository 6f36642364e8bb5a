"""The reduced spaCy pipeline: only what the domain layer reads, and the same names and sentences."""
from __future__ import annotations

import spacy

from casewatch.extract import nlp
from tests.conftest import EXAMPLES, SEEDS


def test_the_reduced_pipeline_runs_only_senter_and_ner():
    assert nlp.load().pipe_names == list(nlp.KEEP)


def test_leaving_tok2vec_out_changes_no_name_and_no_sentence():
    """ner and senter embed their own token vectors: the shared tok2vec only served the tagger and parser."""
    ours = nlp.load()
    with_tok2vec = _with_tok2vec()
    assert "tok2vec" in with_tok2vec.pipe_names
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")) + sorted(EXAMPLES.rglob("*.txt"))]
    assert texts

    def read(model):
        return [([(e.label_, e.start_char, e.end_char) for e in d.ents], [(s.start_char, s.end_char) for s in d.sents])
                for d in model.pipe(texts, batch_size=4)]
    assert read(ours) == read(with_tok2vec)


def _with_tok2vec():
    for name in nlp.MODEL_NAMES:
        try:
            model = spacy.load(name, exclude=["parser", "lemmatizer", "attribute_ruler", "tagger"])
        except OSError:
            continue
        if "senter" in model.disabled:
            model.enable_pipe("senter")
        return model
    raise AssertionError("no English model installed")
