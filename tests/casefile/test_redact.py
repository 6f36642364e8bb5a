"""Sensitive people and reports (issue 13): mark one, export every format, look for every spelling of the name."""
from __future__ import annotations

import json
import re
import pytest

from casewatch.model import Judgement
from casewatch.pipeline import build_casefile, ingest_paths
from casewatch.settings import Settings
from casewatch.store import Store

REPORTS = {
    "001_monitor_arrest.txt": (
        "RIGHTS MONITOR\nPublic statement\n3 March 2026\n\n"
        "On 1 March 2026 police in Lusaka arrested the journalist Daniel Okafor and charged him with sedition under "
        "Section 57 of the Penal Code. He was remanded in custody. A witness, Maria Kovalenko, told the monitor that "
        "officers beat Okafor during the arrest. Kovalenko, 34, said she had been threatened since."),
    "002_wire_hearing.txt": (
        "By Ana Pop\n20 March 2026\n\n"
        "Daniel Okafor appeared in court on 19 March 2026 and the hearing was adjourned. His lawyer, Samuel Eze, said "
        "the charges were baseless. Ms Maria Kovalenko, the witness to his arrest, has gone into hiding."),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    folder = tmp_path_factory.mktemp("redact")
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    url = f"sqlite:///{folder / 'c.db'}"
    s = Store(url)
    rep = ingest_paths(s, "c", [folder], Settings(db_url=url))
    assert len(rep.added) == 2 and not rep.failed
    return s


def outputs(store: Store) -> dict[str, str]:
    from casewatch.api import service
    from casewatch.outputs import EXPORTERS, communication, dossier
    cf = build_casefile(store, "c")
    out = {}
    for name, fn in EXPORTERS.items():
        data = fn(cf)
        out[name] = data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)
    out["dossier"] = dossier.render(cf, "md")
    out["dossier.html"] = dossier.render(cf, "html")
    out["communication"] = communication.render(cf)
    hits = service.search(store, "Kovalenko OR witness OR Okafor")
    out["search"] = json.dumps([hits["facts"], hits["texts"]], ensure_ascii=False)  # not the query echoed back
    return out


def test_a_sensitive_person_leaves_in_no_output_and_the_offsets_hold(store: Store) -> None:
    full = build_casefile(store, "c", internal=True)
    # someone named more than once, by more than one spelling, who is not one of the accused: a witness or relative
    target = next(p for p in full["persons"] if p["name"] == "Maria Kovalenko")
    spellings = {target["name"], *target["aliases"]}
    assert "Kovalenko" in spellings  # the surname alone, too
    store.add_judgement(Judgement(kind="sensitive", case="c", payload={"kind": "person", "name": target["name"]}, user="t"))
    try:
        for fmt, text in outputs(store).items():
            for s in spellings:
                assert not re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text, re.I), (fmt, s)
        cf = build_casefile(store, "c")
        assert target["id"] not in {p["id"] for p in cf["persons"]} and cf["redacted"]["persons"] == 1
        docs = {d["id"]: d["text"] for d in cf["documents"]}

        def spans(x):  # noqa: ANN001, ANN202
            if isinstance(x, dict):
                if {"doc", "start", "end", "quote"} <= set(x):
                    yield x
                for v in x.values():
                    yield from spans(v)
            elif isinstance(x, list):
                for v in x:
                    yield from spans(v)
        for ev in spans({k: v for k, v in cf.items() if k != "documents"}):
            assert docs[ev["doc"]][ev["start"]:ev["end"]] == ev["quote"]  # every quote still where it says
        internal = json.dumps(build_casefile(store, "c", internal=True), ensure_ascii=False)
        assert target["name"] in internal  # the team's own export keeps them, the stored text is intact
    finally:
        for j in store.judgements("c"):
            store.undo_judgement("c", j.id)


def test_a_sensitive_report_and_everything_only_it_grounds_are_left_out(store: Store) -> None:
    full = build_casefile(store, "c", internal=True)
    doc = full["documents"][0]["id"]
    store.add_judgement(Judgement(kind="sensitive", case="c", payload={"kind": "document", "doc": doc}, user="t"))
    try:
        cf = build_casefile(store, "c")
        text = json.dumps({k: v for k, v in cf.items()}, ensure_ascii=False)
        assert doc not in text
        assert len(cf["documents"]) == len(full["documents"]) - 1
    finally:
        for j in store.judgements("c"):
            store.undo_judgement("c", j.id)
