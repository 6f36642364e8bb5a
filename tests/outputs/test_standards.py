"""The rules of outputs/data/standards.yaml, each on a small case file made to meet it (and not to)."""
from __future__ import annotations

from typing import Any

import pytest

from casewatch.extract.data import load as load_extract_data
from casewatch.outputs.standards import engaged, findings, load, note_of, right_of, split_key

RULES: dict[str, Any] = load("standards")["rules"]
NAME = "Ana Ejemplo"                      # the defendant of the small case files


def _case(sentences: list[str]) -> dict[str, Any]:
    """One report holding the sentences, one defendant named in it, nothing else yet."""
    text = " ".join(sentences) if sentences else f"{NAME} spoke to reporters."
    i = text.find(NAME)
    ev = {"doc": "d1", "start": i, "end": i + len(NAME), "quote": NAME} if i >= 0 else None
    return {"schema": "casewatch.casefile/1", "title": "t", "case": "t",
            "documents": [{"id": "d1", "title": "r", "publisher": "p", "published": "2026-01-01", "kind": "news", "text": text}],
            "persons": [{"id": "p1", "name": NAME, "aliases": [NAME], "roles": ["defendant"], "measures": [],
                         "current_measure": None, "current_since": None, "evidence": [ev] if ev else []}],
            "organizations": [], "places": [], "provisions": [], "events": [], "figures": [], "conflicts": [],
            "updates": [], "headline": []}


def _span(cf: dict[str, Any], sentence: str) -> dict[str, Any]:
    text = cf["documents"][0]["text"]
    i = text.index(sentence)
    return {"doc": "d1", "start": i, "end": i + len(sentence), "quote": sentence}


def _meet(cond: dict[str, Any], sentence: str) -> tuple[list[str], Any]:
    """The sentences a condition needs, and what to add to the case file once they are in."""
    if "text" in cond:
        s = f"{NAME} and the others: {sentence}" if cond.get("scope") == "victims" else sentence
    elif cond.get("women"):
        s = f"Ms {NAME} was detained."
    else:
        s = f"{NAME} was named in the report."

    def add(cf: dict[str, Any]) -> None:
        ev = _span(cf, s)
        if "events" in cond or cond.get("scope") == "events":
            etype = (cond.get("events") or cond.get("event_types") or ["other"])[0]
            cf["events"].append({"id": f"e{len(cf['events']) + 1}", "type": etype, "date": "2026-01-01", "status": "happened",
                                 "participants": ["p1"], "summary": s, "evidence": [ev]})
        if "measures" in cond:
            p = cf["persons"][0]
            p["measures"].append({"type": cond["measures"][0], "date": "2026-01-01", "length": None, "evidence": [ev]})
            p["current_measure"] = cond["measures"][0]
        if cond.get("charges") or cond.get("scope") == "charges":
            cf["provisions"].append({"instrument": "Criminal Code", "instrument_key": "criminal_code", "article": "1",
                                     "part": None, "evidence": [ev]})
    return [s], add


def _build(rule_id: str, cond_index: int | None, use_counter: bool = False, skip_requires: str | None = None) -> dict[str, Any]:
    """A case file meeting the rule's requirements (each by its first condition) and its condition cond_index."""
    sentences: list[str] = []
    adders = []

    def need(rid: str, ci: int | None, counter: bool) -> None:
        rule = RULES[rid]
        for req in rule.get("requires", []):
            if req != skip_requires:
                need(req, 0, False)
        conds = rule.get("when") or []
        if ci is None or not conds:
            return
        cond = conds[ci]
        if "rules" in cond:
            need(cond["rules"][0], 0, False)
            return
        key = "counter" if counter else "example"
        example = cond.get(key) or rule.get(key) or "The report says nothing more."
        ss, add = _meet(cond, example)
        if counter and "text" not in cond:
            return                                  # a counter-case for a fact is the case without it
        sentences.extend(s for s in ss if s not in sentences)
        adders.append(add)

    need(rule_id, cond_index, use_counter)
    cf = _case(sentences)
    for add in adders:
        add(cf)
    return cf


CASES = [(rid, i) for rid, r in RULES.items() for i in range(len(r.get("when") or [None]))]


@pytest.mark.parametrize("rule_id,cond", CASES, ids=[f"{r}-{i}" for r, i in CASES])
def test_each_rule_fires_on_its_facts_and_engages_its_articles(rule_id, cond):
    cf = _build(rule_id, cond)
    found = findings(cf)
    assert rule_id in found, (rule_id, cf["documents"][0]["text"])
    f = found[rule_id]
    texts = {d["id"]: d["text"] for d in cf["documents"]}
    assert f.evidence and all(texts[e["doc"]][e["start"]:e["end"]] == e["quote"] for e in f.evidence)
    keys = {a["key"]: a for a in engaged(cf, found)}
    for key in RULES[rule_id].get("engages", []):
        assert key in keys and any(b["rule"] == rule_id for b in keys[key]["because"])


@pytest.mark.parametrize("rule_id,cond", CASES, ids=[f"{r}-{i}" for r, i in CASES])
def test_each_rule_stays_silent_without_its_facts(rule_id, cond):
    rule = RULES[rule_id]
    conds = rule.get("when") or []
    if conds and "text" in conds[cond]:
        cf = _build(rule_id, cond, use_counter=True)         # the counter sentence
    elif conds:
        cf = _build(rule_id, None)                           # its requirements only, not the fact itself
    else:                                                    # a rule of requirements alone: drop the last one
        cf = _build(rule_id, None, skip_requires=rule["requires"][-1])
    assert rule_id not in findings(cf), (rule_id, cf["documents"][0]["text"])


def test_the_rules_name_real_articles_with_their_rights_and_notes():
    data = load("standards")
    instruments = load_extract_data("instruments")
    seen: list[str] = []
    for rid, rule in RULES.items():
        assert rule.get("fact"), rid
        assert all(r in seen for r in rule.get("requires", [])), f"{rid} requires a rule defined after it"
        for cond in rule.get("when") or []:
            assert all(r in seen for r in cond.get("rules", [])), rid
            if "text" in cond:
                assert cond.get("scope", "victims") in ("victims", "events", "charges", "documents"), rid
                assert (cond.get("example") or rule.get("example")) and (cond.get("counter") or rule.get("counter")), \
                    f"{rid}: a text condition needs an example and a counter"
        for key in rule.get("engages", []):
            inst, art = split_key(key)
            assert inst in data["instruments"] and inst in instruments, key
            assert right_of(key), f"{key}: no right in instruments.yaml"
            assert note_of(key), f"{key}: no note in standards.yaml"
            assert art.isdigit(), key
        seen.append(rid)
    assert set(data["instruments"]) == {"iccpr", "udhr", "cat", "cedaw", "hrd_declaration"}


def test_seed_case_engages_liberty_fair_trial_and_assembly(seeds_cf):
    keys = {a["key"]: a for a in engaged(seeds_cf)}
    for key in ("iccpr 9", "iccpr 14", "iccpr 21", "udhr 9", "hrd_declaration 1"):
        assert key in keys, key
    texts = {d["id"]: d["text"] for d in seeds_cf["documents"]}
    for a in keys.values():
        assert a["because"] and a["right"]
        for b in a["because"]:
            assert b["evidence"] and all(texts[e["doc"]][e["start"]:e["end"]] == e["quote"] for e in b["evidence"])


def test_international_provisions_cited_by_the_sources_are_engaged(example_cf):
    keys = {a["key"]: a for a in engaged(example_cf)}
    wanted = {f"{p['instrument_key']} {p['article']}" for p in example_cf["provisions"]
              if p.get("instrument_key") in load("standards")["instruments"]}
    assert wanted and wanted <= set(keys)
    for key in wanted:
        assert any(b["rule"] == "cited" for b in keys[key]["because"])
