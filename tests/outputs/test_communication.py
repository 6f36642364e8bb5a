"""The communication to a government: the information received (cited), numbered questions that follow
from the facts, and an annex of the articles engaged, with the rights of the instrument table."""
from __future__ import annotations

import re
from datetime import date

import pytest

from casewatch.extract.data import load as load_extract_data
from casewatch.outputs.communication import build_context, render, render_format, state_of
from casewatch.outputs.dossier import received
from casewatch.outputs.standards import engaged, findings, load
from tests.outputs.pdftools import needs_pdf

TODAY = date(2026, 6, 1)
CITE = re.compile(r"\[(\d+)\]")


@pytest.fixture(params=["seeds_cf", "example_cf"])
def cf(request: pytest.FixtureRequest):
    return request.getfixturevalue(request.param)


def parts(letter: str) -> dict[str, str]:
    head, _, rest = letter.partition("## Annex")
    annex, _, sources = rest.partition("## Sources")
    body, _, tail = head.partition("we would be grateful for your observations on the following matters:")
    return {"body": body, "questions": tail, "annex": annex, "sources": sources}


def test_questions_are_numbered_and_follow_from_the_facts(cf):
    letter = render(cf, today=TODAY)
    q = re.findall(r"^(\d+)\. (Please .+)$", parts(letter)["questions"], re.MULTILINE)
    assert [int(n) for n, _ in q] == list(range(1, len(q) + 1)) and len(q) >= 4
    assert q[0][1] == load("communication")["opening"]
    ctx = build_context(cf, TODAY)
    found = findings(cf)
    asked = {x["rule"] for x in ctx["questions"]}
    for rule in (x["rule"] for x in load("communication")["questions"]):
        assert (rule in asked) == (rule in found), rule          # a question exactly when its facts are there
    assert all(x["cite"] for x in ctx["questions"][1:])
    held = [p["name"] for p in cf["persons"] if "defendant" in p["roles"] and p.get("current_measure") == "house_arrest"]
    if 0 < len(held) <= load("communication")["most_names"]:
        liberty = next(x for x in ctx["questions"] if x["rule"] == "liberty")
        assert all(n in liberty["text"] for n in held)


def test_annex_names_the_articles_engaged_with_their_rights(cf):
    letter = render(cf, today=TODAY)
    annex = parts(letter)["annex"]
    instruments = load_extract_data("instruments")
    keys = {a["key"]: a for a in engaged(cf)}
    by_heading = re.split(r"^### ", annex, flags=re.MULTILINE)[1:]
    listed = set()
    for block in by_heading:
        heading = block.splitlines()[0]
        inst = next(k for k in load("standards")["instruments"] if instruments[k]["name"] in heading)
        for art, right in re.findall(r"^- \*\*Article (\d+)\*\* \(([^)]+)\)\.", block, re.MULTILINE):
            assert right == instruments[inst]["articles"][art]
            listed.add(f"{inst} {art}")
            assert CITE.search(block)
    assert listed == set(keys)
    assert {"iccpr 9", "iccpr 14"} <= listed


def test_every_citation_points_to_a_real_quote(cf):
    letter = render(cf, today=TODAY)
    p = parts(letter)
    cited = {int(n) for n in CITE.findall(p["body"] + p["questions"] + p["annex"])}
    sources = {int(m.group(1)): m.group(2) for m in re.finditer(r"^(\d+)\. .*?: “(.*)”$", p["sources"], re.MULTILINE)}
    assert cited and cited == set(sources)
    texts = {d["id"]: d["text"] for d in cf["documents"]}
    for s in build_context(cf, TODAY)["sources"]:
        assert texts[s["doc"]][s["start"]:s["end"]] == s["quote"]
        assert sources[s["n"]] == " ".join(s["quote"].split("\n"))


def test_it_is_addressed_to_the_state_of_the_letters_received_and_recalls_them(cf):
    letter = render(cf, today=TODAY)
    comms = [c for c in received(cf) if c.get("mandates")]
    assert comms
    assert state_of(cf, comms) == comms[-1]["state"]
    assert letter.startswith(f"# Communication to the Government of {comms[-1]['state']}\n")
    for c in comms:
        assert f"follows {c['type_name']} {c['reference']}" in letter
    assert "Communication to the Government of Ruritania" in render(cf, today=TODAY, state="Ruritania")


def test_a_team_template_and_the_html(cf, tmp_path):
    t = tmp_path / "q.md.j2"
    t.write_text("{% for q in questions %}{{ loop.index }}|{{ q.rule }}\n{% endfor %}", encoding="utf-8")
    lines = render(cf, t, today=TODAY).splitlines()
    assert lines[0] == "1|opening" and len(lines) == len(build_context(cf, TODAY)["questions"])
    html = render_format(cf, "html", today=TODAY)
    assert "<ol>" in html and 'href="#note-1"' in html and 'id="note-1"' in html and "<script" not in html


@needs_pdf
def test_pdf(seeds_cf, tmp_path):
    import subprocess
    pdf = render_format(seeds_cf, "pdf", today=TODAY)
    (tmp_path / "c.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(tmp_path / "c.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "Annex: Reference to international human rights law" in text and "Article 9" in text
