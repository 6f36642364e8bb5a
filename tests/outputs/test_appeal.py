"""The appeal letter: recipients from the sources, every citation an exact quote."""
from __future__ import annotations

import re

from casewatch.outputs import EXPORTERS
from casewatch.outputs.appeal import build_context, render

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _sources(letter: str) -> dict[int, str]:
    part = letter.split("## Sources", 1)[1]
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"^(\d+)\. .*?: “(.*)”$", part, re.MULTILINE)}


def test_appeal_lists_five_authorities_with_email(seeds_cf):
    letter = EXPORTERS["appeal"](seeds_cf)
    to = letter.split("**To:**", 1)[1].split("Your Excellencies", 1)[0]
    assert len(set(EMAIL.findall(to))) == 5
    ctx = build_context(seeds_cf)
    assert len(ctx["recipients"]) == 5 and all(r["email"] and r["title"] for r in ctx["recipients"])


def test_every_citation_points_to_a_quote_in_its_document(seeds_cf):
    letter = render(seeds_cf)
    body = letter.split("## Sources", 1)[0]
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", body)}
    sources = _sources(letter)
    assert cited and cited == set(sources)
    ctx = build_context(seeds_cf)
    texts = {d["id"]: d["text"] for d in seeds_cf["documents"]}
    for s in ctx["sources"]:
        assert texts[s["doc"]][s["start"]:s["end"]] == s["quote"]
        assert s["quote"] in texts[s["doc"]]
        assert sources[s["n"]] == s["quote"]


def test_requests_follow_from_the_situation(seeds_cf):
    ctx = build_context(seeds_cf)
    kinds = {r["kind"] for r in ctx["requests"]}
    detained = [p["name"] for p in seeds_cf["persons"] if p.get("current_measure") == "pretrial_detention"
                and {"defendant", "detainee"} & set(p["roles"])]
    if detained:
        assert "pretrial_detention" in kinds
        release = next(r for r in ctx["requests"] if r["kind"] == "pretrial_detention")
        assert all(n in release["text"] for n in detained)
    assert "charges" in kinds and "health" in kinds
    assert all(r["cite"] for r in ctx["requests"])


def test_custom_template(seeds_cf, tmp_path):
    t = tmp_path / "short.md.j2"
    t.write_text("{% for r in recipients %}{{ r.email }}\n{% endfor %}", encoding="utf-8")
    assert len(render(seeds_cf, t).split()) == 5
