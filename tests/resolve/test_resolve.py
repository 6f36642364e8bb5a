"""Resolution: spellings and surnames joined, namesakes kept apart, judgements applied."""
from __future__ import annotations

from casewatch.model import Evidence, Extraction, Judgement, Mention
from casewatch.resolve import resolve


def ex(doc: str, *names: tuple[str, str]) -> Extraction:
    out = Extraction(doc=doc)
    pos = 0
    for kind, name in names:
        out.mentions.append(Mention(kind=kind, name=name, evidence=Evidence(doc, pos, pos + len(name), name)))
        pos += len(name) + 1
    return out


def groups(ents, kind="person"):
    return sorted(sorted(e.aliases) for e in ents if e.kind == kind)


def test_transliterations_merge_and_namesakes_do_not():
    ents = resolve({"a": ex("a", ("person", "Alimnur Turganbai"), ("person", "Ergali Nurlybayev"), ("person", "Erbol Nurlybayev")),
                    "b": ex("b", ("person", "Alimnur Turganbay"), ("person", "Nurlybayev")),
                    "c": ex("c", ("person", "Turgunbay"), ("person", "Alimnur Turganbay"))})
    g = groups(ents)
    assert ["Alimnur Turganbai", "Alimnur Turganbay", "Turgunbay"] in g
    assert ["Ergali Nurlybayev"] in g and ["Erbol Nurlybayev"] in g
    assert not any("Nurlybayev" == a for grp in g for a in grp)  # an ambiguous surname is not a person


def test_acronyms_and_short_forms_of_organisations():
    a = ex("a", ("organization", "Committee to Protect Journalists"), ("organization", "Amnesty International"))
    a.mentions[0].attrs["acronym"] = "CPJ"
    ents = resolve({"a": a, "b": ex("b", ("organization", "CPJ"), ("organization", "Amnesty"))})
    g = groups(ents, "organization")
    assert ["CPJ", "Committee to Protect Journalists"] in g and ["Amnesty", "Amnesty International"] in g


def test_merge_and_split_judgements_survive_and_undo():
    exs = {"a": ex("a", ("person", "Rauf Aliyev"), ("person", "Rauf Aliev Jr"))}
    assert len(groups(resolve(exs))) == 2
    merge = Judgement(kind="merge", case="c", payload={"kind": "person", "a": "Rauf Aliyev", "b": "Rauf Aliev Jr"})
    assert len(groups(resolve(exs, [merge]))) == 1
    split = Judgement(kind="split", case="c", payload={"kind": "person", "name": "Rauf Aliev Jr"}, id=2)
    assert len(groups(resolve(exs, [merge, split]))) == 2
