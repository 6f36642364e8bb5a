"""Who undergoes a step of the case, by the sentence's structure: the dependency parse of spaCy's English
model, run only on the sentences that name a person next to a word of the accused (charged, convicted,
sentenced, remanded …), so it costs what it pays for.

A person whose name is the object of such a verb ("convicted Reza Tavakoli"), its passive subject ("Tavakoli
was charged"), or one of a list governed by it ("acquitted seven others, including A and B") is accused in
the case; one who is the active subject of it ("Judge Barati convicted …") is not, nor one who only speaks
of it ("his lawyer said the charges …").  The words of the accused are data (cues.yaml `accused_verbs`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..model import Mention
from .data import cue, load
from .spans import ByStart

SPEECH = re.compile(r"^(?:said|says|say|told|tells|stated|states|added|adds|noted|explained|urged|warned|wrote|argued|"
                    r"insisted|claimed|denied|described|called|alleged|confirmed|announced)$", re.I)
MINOR = re.compile(r"\badministrative\b|\b\d{1,2}\s+days\b|\b(?:19|20)\d\d\s+conviction\b|\bprevious(?:ly)?\b", re.I)
PATIENT_DEPS = {"dobj", "obj", "nsubjpass", "nsubj:pass", "dative", "oprd"}
CHAIN_DEPS = {"compound", "appos", "conj", "flat", "nmod", "poss", "amod", "cc"}


@lru_cache(maxsize=None)
def _word_of(key: str) -> re.Pattern[str]:
    """A whole token that is one of cues.yaml's words under `key`."""
    return re.compile(r"^(?:" + "|".join(load("cues")[key]) + r")$", re.I)


def _accused() -> re.Pattern[str]:
    return _word_of("accused_verbs")


def _custody() -> re.Pattern[str]:
    return _word_of("custody_verbs")


def _harm() -> re.Pattern[str]:
    return _word_of("harm_words")


def _receives_a_term(tok: Any) -> bool:
    """A verb of receiving with a term for object: "received nine years", "were given six years"."""
    return bool(_word_of("term_verbs").match(tok.text)) and any(
        c.dep_ in ("dobj", "obj", "attr", "npadvmod") and _word_of("term_nouns").match(c.text) for c in tok.children)


@lru_cache(maxsize=None)
def _step_words() -> re.Pattern[str]:
    """A word of the accused, of custody or of harm anywhere in a sentence: the sentences worth parsing."""
    words = load("cues")["accused_verbs"] + load("cues")["custody_verbs"] + load("cues")["harm_words"] + \
        load("cues")["term_verbs"]
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I)


def _head_token(sdoc: Any, s: int, e: int) -> Any | None:
    """The token of the parsed sentence that heads the name at [s, e) (character offsets in the sentence)."""
    toks = [t for t in sdoc if s <= t.idx < e]
    for t in toks:
        if not (s <= t.head.idx < e) or t.head is t:
            return t
    return toks[-1] if toks else None


KIN = re.compile(r"^(?:son|daughter|wife|husband|brother|sister|mother|father|widow|nephew|niece|cousin|relative|"
                 r"counsel|lawyer|attorney|advocate)s?$", re.I)


def verdict(tok: Any) -> str | None:
    """'patient' (undergoes an accused verb), 'spared' (the patient of a negated one: "were not charged"),
    'bystander' (the subject of another verb in a clause of its own: "at which A spoke, B was convicted"), 'victim'
    (whom a word of harm befalls: "the accused killed A"), 'agent'
    (its active subject), 'grantor' (the one who grants, pardons or orders a step of custody, or the agent of a
    passive one), 'speaker', 'kin' (named as someone's relative or counsel: "son of Changiz", "counsel for the
    accused: A"), or None."""
    accused, custody = _accused(), _custody()
    t = tok
    via_list = False  # reached through "including"/"among", whose attachment the parser often gets wrong
    for _ in range(8):
        dep, head = t.dep_, t.head
        if any(c.dep_ == "relcl" and accused.match(c.text) and any(n.dep_ == "neg" for n in c.children) for c in t.children):
            return "spared"  # "two other women, A and B, who were not charged"
        if head is t:
            return None
        if (dep in PATIENT_DEPS and _harm().match(head.text)) or \
                (dep == "pobj" and head.text.lower() == "of" and _harm().match(head.head.text)) or \
                (dep == "nsubj" and (head.text.lower() in ("died", "perished") or (head.lemma_ == "lose" and any(
                    c.dep_ == "dobj" and c.text.lower() in ("life", "lives") for c in head.children)))):
            return "victim"  # "the accused killed A and B", "the murder of two men, A and B", "A and B lost their lives"
        if not via_list and dep == "pobj" and head.dep_ == "agent" and \
                (accused.match(head.head.text) or custody.match(head.head.text)):
            return "grantor"  # "pardoned by Senior General A", "sentenced by Judge B"
        if not via_list and dep in ("nsubj", "csubj") and custody.match(head.text) and not accused.match(head.text):
            return "grantor"  # "Justices A and B granted him bail"
        if dep == "pobj" and head.text.lower() in ("of", "for") and KIN.match(head.head.text):
            return "kin"
        if dep == "appos" and KIN.match(head.text):
            return "kin"  # "his father, Mr. A, acting as guarantor"
        if dep in PATIENT_DEPS and custody.match(head.text) and not accused.match(head.text) and any(
                c.dep_ == "conj" and accused.match(c.text) and not unreal(c) for c in head.children):
            return "patient"  # "A was arrested on 29 July and charged with …": the second verb shares the subject
        if dep in ("nsubj", "nsubjpass", "nsubj:pass") and _receives_a_term(head) and not unreal(head):
            return "patient"  # "A, an organiser who had been held since 2016, received nine years"
        if accused.match(head.text):
            if dep in PATIENT_DEPS and any(c.dep_ == "neg" for c in head.children):
                return "spared"  # "two other women, who were not charged on Thursday"
            if dep in PATIENT_DEPS or (dep == "pobj" and t.head.text.lower() in ("against", "of")):
                return "patient"
            if dep in ("nsubj", "csubj"):
                return "agent"
        if dep == "pobj" and head.text.lower() in ("including", "among", "against") and head.head is not head:
            via_list = via_list or head.text.lower() != "against"
            t = head.head  # "seven others, including A" -> "others"; "charges against A" -> "charges"
            if t.text.lower() in ("charges", "charge", "case", "indictment", "proceedings"):
                return "patient"
            continue
        if dep in ("nsubj",) and SPEECH.match(head.text):
            return "speaker"
        # (the parser runs without a tagger: the dependency alone tells a clause's verb)
        if not via_list and dep == "nsubj" and head.dep_ in ("relcl", "advcl", "acl") \
                and not (accused.match(head.text) or custody.match(head.text)):
            return "bystander"  # "the forum, at which activist A spoke by video, B was convicted": A did another thing
        if dep in CHAIN_DEPS or dep == "prep" or dep == "pobj" and head.text.lower() in ("including", "among", "of"):
            # "a bench of Justices A and B granted him bail": A and B are the bench
            via_list = via_list or (dep == "pobj" and head.text.lower() in ("including", "among"))
            t = head
            continue
        if not via_list and dep in ("dobj", "obj") and \
                head.dep_ in ("relcl", "acl") and not (accused.match(head.text) or custody.match(head.text)):
            return "other_object"  # "accused over videos that criticised the security chief A": A is what they did
        return None
    return None


MODAL = {"would", "could", "might", "may", "should"}
IRREALIS_MARK = {"whether", "if"}


def unreal(tok: Any) -> bool:
    """The accused word does not tell a step that happened: negated ("was never charged", "has not been charged"),
    hypothetical ("whether she would be charged"), or absent ("held without charge").  A noun is read through the
    verb that governs it ("could face charges")."""
    chain = [tok]
    if tok.dep_ in ("dobj", "obj", "pobj", "attr") and tok.head is not tok:
        chain.append(tok.head)
        if tok.dep_ == "pobj" and tok.head.head is not tok.head:
            chain.append(tok.head.head)
    for t in chain:
        if t.text.lower() == "without":
            return True
        for c in t.children:
            if c.dep_ == "neg" or (c.dep_ == "aux" and c.text.lower() in MODAL) or \
                    (c.dep_ == "mark" and c.text.lower() in IRREALIS_MARK):
                return True
    return False


def settle_accused(text: str, sents: list[tuple[int, int]], persons: list[Mention], parse: Any) -> int:
    """Mend the rules' "defendant" by the parse, in place, in the sentences where a person and an accused word
    meet; returns how many sentences were parsed.  `parse` is a spaCy pipeline with a parser: the sentences are
    parsed in one batch."""
    step_words, accused_cue = _step_words(), cue("cues", "defendant")
    todo = []
    by_start = ByStart(persons)
    for s, e in sents:
        here = by_start.within(s, e)
        if here and step_words.search(text, s, e):
            todo.append((s, e, here))
    texts = [text[s:e] for s, e, _ in todo]
    # in batches of a few dozen: the model's working memory grows with the batch, not with the report
    for (s, e, here), sdoc in zip(todo, parse.pipe(texts, batch_size=32)):
        minor = bool(MINOR.search(text, s, e))  # an administrative penalty in days is no criminal case
        # where every word of the accused in the sentence is negated or hypothetical, nobody in it is accused by it
        cues = [m.start() - s for m in accused_cue.finditer(text, s, e)]
        toks = [next((t for t in sdoc if t.idx <= c < t.idx + len(t) + 1), None) for c in cues]
        nowhere = bool(cues) and all(t is not None and _accused().match(t.text) and unreal(t) for t in toks)
        heads = [_head_token(sdoc, p.evidence.start - s, p.evidence.end - s) for p in here]
        said = [verdict(tok) if tok is not None else None for tok in heads]
        # where the parse finds whom the step befell, another named in the sentence whom only the sentence's words
        # made accused is not ("A, whose party B leads, was charged": B is no accused)
        found = "patient" in said
        for p, tok, v in zip(here, heads, said):
            if tok is None:
                continue
            if nowhere and v in (None, "patient"):
                v = "spared"
            if (found and v is None or v == "other_object") and p.attrs.get("accused_in") == f"{s}-{e}":
                v = "beside"  # accused only by the sentence's words, and the parse says the step is another's
            if v == "patient":
                if not minor and "defendant" not in p.roles and not ({"official", "lawyer"} & set(p.roles)):
                    p.roles.append("defendant")
                    p.attrs["syntax"] = v
            elif v in ("agent", "grantor", "speaker", "kin", "spared", "bystander", "beside", "victim") and not p.attrs.get("caption"):
                if "defendant" in p.roles:
                    p.roles.remove("defendant")
                    p.attrs["syntax"] = v
                if v == "grantor" and (p.measures or "detainee" in p.roles):
                    # the one who grants, pardons or orders: the step and its measure are another's
                    p.measures = []
                    if "detainee" in p.roles:
                        p.roles.remove("detainee")
                    p.attrs["syntax"] = v
    return len(todo)
