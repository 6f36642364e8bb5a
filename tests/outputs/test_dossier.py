"""The dossier in Markdown, HTML and PDF (WeasyPrint, read back with poppler's pdftotext), for the
seed case and one case of our own: every defendant with their measure, every citation an exact quote."""
from __future__ import annotations

import base64
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from casewatch.outputs import dossier as ds
from tests.outputs.pdftools import HAVE_PDF, needs_pdf

TODAY = date(2026, 6, 1)
CITE = re.compile(r"\[(\d+)\]")


def flat(s: str) -> str:
    return " ".join(s.split())


def pdftotext(pdf: bytes, tmp: Path, layout: bool = False) -> str:
    path = tmp / "d.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module", params=["seeds_cf", "example_cf"])
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One case's context, Markdown, HTML and PDF (text and layout text), made once."""
    cf = request.getfixturevalue(request.param)
    ctx = ds.build_context(cf, TODAY)
    out: dict[str, Any] = {"cf": cf, "ctx": ctx, "md": ds.render(cf, "md", context=ctx), "html": ds.render(cf, "html", context=ctx)}
    if HAVE_PDF:
        pdf = ds.render_pdf(cf, context=ctx)
        tmp = tmp_path_factory.mktemp("pdf")
        out.update(pdf=pdf, pdf_text=pdftotext(pdf, tmp), pdf_layout=pdftotext(pdf, tmp, layout=True))
    return out


def defendants(cf: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in cf["persons"] if "defendant" in p["roles"]]


def measure_label(p: dict[str, Any]) -> str:
    labels = ds.load("dossier")["measure_labels"]
    return labels[p["current_measure"]] if p.get("current_measure") else "not reported"


def body_and_notes(text: str, heading: str) -> tuple[str, str]:
    i = text.rindex(heading)
    return text[:i], text[i:]


def check_notes(ctx: dict[str, Any], cf: dict[str, Any]) -> None:
    texts = {d["id"]: d["text"] for d in cf["documents"]}
    assert ctx["notes"] and [n["n"] for n in ctx["notes"]] == list(range(1, len(ctx["notes"]) + 1))
    for n in ctx["notes"]:
        assert texts[n["doc"]][n["start"]:n["end"]] == n["quote"] and n["quote"].strip()


@needs_pdf
def test_pdf_renders_and_holds_every_defendant_with_their_measure(rendered):
    assert rendered["pdf"][:5] == b"%PDF-"
    rows = rendered["pdf_layout"].splitlines()
    for p in defendants(rendered["cf"]):
        row = next((r for r in rows if re.search(r"\b" + re.escape(p["name"]) + r"\b", r) and "defendant" in r), None)
        assert row is not None, p["name"]
        assert measure_label(p) in row, (p["name"], row)


@needs_pdf
def test_every_citation_in_the_pdf_points_to_a_real_quote(rendered):
    cf, ctx = rendered["cf"], rendered["ctx"]
    check_notes(ctx, cf)
    body, notes = body_and_notes(rendered["pdf_text"], "NOTES")
    cited = {int(n) for n in CITE.findall(body)}
    numbers = {n["n"] for n in ctx["notes"]}
    assert cited == numbers
    notes_flat = flat(notes)
    # lines break anywhere, and pdftotext joins a word broken after a hyphen ("Kazakhstan-\nChina") without it
    tight = re.sub(r"[\s-]+", "", notes)
    for n in ctx["notes"]:
        assert f"[{n['n']}]" in notes_flat
        assert re.sub(r"[\s-]+", "", n["quote"]) in tight, n["n"]


def test_markdown_and_html_hold_the_same(rendered):
    cf, ctx = rendered["cf"], rendered["ctx"]
    check_notes(ctx, cf)
    md_body, md_notes = body_and_notes(rendered["md"], "## Notes")
    html_body, html_notes = body_and_notes(rendered["html"], 'id="notes"')
    numbers = {n["n"] for n in ctx["notes"]}
    assert {int(n) for n in CITE.findall(md_body)} == numbers
    assert {int(n) for n in re.findall(r'href="#note-(\d+)"', html_body)} == numbers
    md_quotes = {int(m.group(1)): m.group(2) for m in re.finditer(r"^(\d+)\. .*?: “(.*)”$", md_notes, re.MULTILINE)}
    import html as htmllib
    for n in ctx["notes"]:
        assert md_quotes[n["n"]] == flat(n["quote"]) if "\n" in n["quote"] else md_quotes[n["n"]] == n["quote"]
        li = re.search(rf'<li id="note-{n["n"]}">(.*?)</li>', html_notes, re.DOTALL)
        assert li and flat(n["quote"]) in flat(htmllib.unescape(re.sub(r"<[^>]+>", "", li.group(1))))
    for p in defendants(cf):
        assert re.search(rf"\| {re.escape(p['name'])} \|[^|]*\| {re.escape(measure_label(p))}", md_body), p["name"]
        assert p["name"] in html_body and measure_label(p) in html_body


def test_every_fact_line_of_the_markdown_is_cited(rendered):
    """In the factual sections every bullet, table row and paragraph carries [n]; lines in _italics_
    say what is missing, not a fact."""
    md = rendered["md"]
    sections = re.split(r"^## ", md, flags=re.MULTILINE)
    factual = ("Summary", "People and their current measures", "Timeline", "Charges and provisions",
               "International standards engaged", "UN communications received", "Open conflicts between sources")
    checked = 0
    for sec in sections:
        title, _, body = sec.partition("\n")
        if title.strip() not in factual:
            continue
        for line in body.splitlines():
            s = line.strip()
            if (not s or s.startswith(("#", "![", "|---", "| Name", "| Provision", "_", "- _", "Updates over time"))):
                continue
            assert CITE.search(s), f"{title}: {s}"
            checked += 1
    assert checked > 10


def test_the_timeline_chart_is_our_svg_embedded_in_each_format(rendered, tmp_path):
    ctx = rendered["ctx"]
    svg = ctx["chart_svg"]
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg") and root.find("{http://www.w3.org/2000/svg}title") is not None
    shown = {e["type"] for e in rendered["cf"]["events"] if e.get("date") and len(e["date"]) >= 7}
    lanes = [ln["name"] for ln in ctx["lanes"] if set(ln["types"]) & shown]
    assert lanes and all(name in svg for name in lanes)
    assert ctx["chart_info"]["shown"] > 0
    uri = re.search(r'<img src="data:image/svg\+xml;base64,([^"]+)"', rendered["html"])
    assert uri and base64.b64decode(uri.group(1)).decode("utf-8") == svg
    assert "](data:image/svg+xml;base64," in rendered["md"]       # without a file beside it, the Markdown carries it


@needs_pdf
def test_fonts_cover_kazakh_russian_and_turkish_letters(tmp_path):
    name = "Ерғали Нұрлыбаев"
    title = "Қазақстан, Россия, Türkiye: Şükrü Güneş, Ölmez Çağlar, İlkay Işık, ғ қ ң ө ұ ү һ і ә"
    text = f"Police arrested {name} on 3 March 2026."
    cf = {"schema": "casewatch.casefile/1", "title": title, "case": "letters",
          "documents": [{"id": "d1", "title": "Отчёт", "publisher": "Bülten", "published": "2026-03-04", "kind": "news", "text": text}],
          "persons": [{"id": "p1", "name": name, "aliases": [name], "roles": ["defendant"],
                       "measures": [{"type": "pretrial_detention", "date": "2026-03-03", "length": None,
                                     "evidence": [{"doc": "d1", "start": 0, "end": len(text), "quote": text}]}],
                       "current_measure": "pretrial_detention", "current_since": "2026-03-03",
                       "evidence": [{"doc": "d1", "start": 16, "end": 16 + len(name), "quote": name}]}],
          "organizations": [], "places": [], "provisions": [], "figures": [], "conflicts": [], "updates": [], "headline": [],
          "events": [{"id": "e1", "type": "arrest", "date": "2026-03-03", "status": "happened", "participants": ["p1"],
                      "summary": text, "evidence": [{"doc": "d1", "start": 0, "end": len(text), "quote": text}]}]}
    pdf = ds.render_pdf(cf)
    out = flat(pdftotext(pdf, tmp_path))
    assert flat(title) in out and name in out and "Bülten" in out
    (tmp_path / "f.pdf").write_bytes(pdf)
    fonts = subprocess.run(["pdffonts", str(tmp_path / "f.pdf")], capture_output=True, text=True, check=True).stdout
    assert "DejaVu" in fonts or "Noto" in fonts


def test_cli_writes_markdown_with_the_chart_beside_it_and_a_pdf(seeds_store, tmp_path):
    exe = Path(sys.executable).parent / "casewatch"
    env = {"CASEWATCH_DB": seeds_store.url, "PATH": "/usr/bin:/bin"}
    md = tmp_path / "brief.md"
    r = subprocess.run([str(exe), "dossier", "seeds", "-o", str(md)], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "brief-timeline.svg").is_file() and "](brief-timeline.svg)" in md.read_text(encoding="utf-8")
    r = subprocess.run([str(exe), "dossier", "seeds", "--format", "docx"], capture_output=True, text=True, env=env)
    assert r.returncode == 2 and "unknown dossier format 'docx'" in r.stderr and "Traceback" not in r.stderr
    r = subprocess.run([str(exe), "dossier", "nosuchcase", "-f", "pdf", "-o", str(tmp_path / "x.pdf")],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 2 and "no case named 'nosuchcase'" in r.stderr and "Traceback" not in r.stderr
    if HAVE_PDF:
        pdf = tmp_path / "brief.pdf"
        r = subprocess.run([str(exe), "dossier", "seeds", "-f", "pdf", "-o", str(pdf)], capture_output=True, text=True, env=env)
        assert r.returncode == 0 and pdf.read_bytes()[:5] == b"%PDF-", r.stderr


def test_a_team_template(seeds_cf, tmp_path):
    t = tmp_path / "short.md.j2"
    t.write_text("{% for p in people %}{{ p.name }}: {{ p.measure }} {{ p.cite }}\n{% endfor %}", encoding="utf-8")
    out = ds.render(seeds_cf, "md", t)
    assert len(out.splitlines()) == len([p for p in seeds_cf["persons"] if {"defendant", "detainee"} & set(p["roles"])])
