"""A communication to a government in the form UN Special Procedures use, drafted from the case file.

A summary of the information received (every fact cited [n]), numbered questions that follow
from the facts, and an annex naming the international provisions the case engages, with the
right each protects and what the standard says.  Which questions are asked and which articles
are engaged are rules in data files (outputs/data/communication.yaml and standards.yaml); the
UN letters already received in the case are recalled.  Markdown by default; HTML and PDF go
through the same letter page as the appeal (templates/letter.html.j2)."""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any, Mapping

from .appeal import FACT_TYPES, charge_provisions
from .common import Citations
from .dossier import (VICTIM_ROLES, _event_text, _join, _provision_label, communications_context, human_date,
                      keep_cites_with_words, md_cell, md_escape)
from .standards import articles_phrase, by_instrument, engaged, findings, load

TEMPLATES = Path(__file__).parent / "templates"
DEFAULT_TEMPLATE = TEMPLATES / "communication.md.j2"
LETTER_HTML = TEMPLATES / "letter.html.j2"
FORMATS = ("md", "html", "pdf")
HELD_WORDS = {"pretrial_detention": "held in pretrial detention", "house_arrest": "under house arrest",
              "administrative_sanction": "held in administrative detention", "arrest": "under arrest"}


def state_of(cf: dict[str, Any], comms: list[dict[str, Any]] | None = None) -> str | None:
    """The State the case concerns: the addressee of the UN letters received, else the country a
    national code is named after ("Criminal Code of Kazakhstan"), else the country the sources
    name most often."""
    from rigour.territories import lookup_territory
    for c in sorted(comms or [], key=lambda c: c.get("date") or "", reverse=True):
        if c.get("state") and c.get("state_code") and c["state_code"].isalpha() and c.get("mandates"):
            return c["state"]
    for p in cf.get("provisions", []):
        m = re.search(r"\bof (?:the )?(?:Republic of )?([A-Z][\w' -]+)$", p.get("instrument") or "")
        t = lookup_territory(m.group(1)) if m else None
        if t is not None and t.is_country:
            return t.name
    counts: Counter[str] = Counter()
    for pl in cf.get("places", []):
        t = lookup_territory(pl["name"])
        if t is not None and t.is_country and t.name == pl["name"]:
            counts[t.name] += len(pl.get("evidence", []))
    return counts.most_common(1)[0][0] if counts else None


def _names(names: list[str], most: int, noun: str = "persons named above") -> str:
    if not names:
        return ""
    return _join(names) if len(names) <= most else f"the {len(names)} {noun}"


def build_context(cf: dict[str, Any], today: date | None = None, state: str | None = None,
                  reply_window_days: Mapping[str, int] | None = None) -> dict[str, Any]:
    """Everything the template needs; citation numbers follow the order of the letter."""
    data = load("communication")
    most = int(data["most_names"])
    cites = Citations(cf)
    persons = cf.get("persons", [])
    victims = [p for p in persons if set(VICTIM_ROLES) & set(p.get("roles", []))]
    victims.sort(key=lambda p: "defendant" not in p["roles"])
    found = findings(cf)
    articles = engaged(cf, found)
    from .dossier import received
    comms_raw = received(cf)
    state = state or state_of(cf, comms_raw)

    # what the letter concerns ----------------------------------------------------------------
    acts = [w for r, words in data["concerns"].items() if r in found for w in words]
    noun = "human rights defenders" if "defenders" in found else "individuals"
    concerned = [p for p in victims if "defendant" in p["roles"]] or victims
    who = f"{len(concerned)} {noun}" if concerned else noun
    subject = f"the {_join(acts)} of {who}" if acts else f"the situation of {who}"
    for r, words in data["concerns_context"].items():
        if r in found:
            subject += " " + words
    subject_cite = "".join(cites.refs(found[r].evidence, most=1)
                           for r in [*data["concerns"], *data["concerns_context"]] if r in found)

    # the UN letters already received: this one follows them
    comms = [c for c in communications_context(cf, cites, reply_window_days, signatories=False) if c.get("mandates") or c.get("date")]


    # the facts, in date order, from the first event of the case's people -------------------------
    events = [e for e in cf.get("events", []) if e.get("evidence") and e.get("date") and e["type"] in FACT_TYPES]
    victim_ids = {p["id"] for p in victims if "defendant" in p["roles"]} or {p["id"] for p in victims}
    theirs = [e for e in events if victim_ids & set(e.get("participants", []))]
    since = min((e["date"] for e in theirs), default=None)
    facts, seen = [], set()
    for e in sorted(events, key=lambda e: e["date"]):
        if since and e["date"] < since:
            continue
        text = _event_text(e)
        if text in seen:
            continue
        seen.add(text)
        facts.append({"date": e["date"], "date_human": human_date(e["date"]), "text": text,
                      "announced": e.get("status") == "announced", "cite": cites.refs(e["evidence"], most=2)})

    # who is held, and how ----------------------------------------------------------------------
    held_groups = []
    for mtype, words in HELD_WORDS.items():
        group = [p for p in concerned if p.get("current_measure") == mtype]
        if group:
            evs = [m["evidence"][0] for p in group for m in p["measures"] if m["type"] == mtype and m.get("evidence")]
            held_groups.append({"measure": mtype, "words": words, "names": [p["name"] for p in group],
                                "names_text": _join([p["name"] for p in group]),
                                "cite": cites.refs(list({(e["doc"], e["start"]): e for e in evs}.values()), most=2)})
    held_text = ", and of ".join(f"the {len(g['names'])} persons {g['words']}" if len(g["names"]) > most
                                 else f"{_join(g['names'])}, {g['words']}" for g in held_groups)

    criminal = [p for p in charge_provisions(cf) if "administrative" not in (p.get("instrument_key") or "")]
    charges = _join([_provision_label(p) for p in criminal])
    charges_cite = "".join(cites.refs(p["evidence"], most=1) for p in criminal)

    concerns = []
    for rid in ("detention_conditions", "maternal_health", "ill_treatment", "counsel", "family_contact", "closed_hearing", "reprisals"):
        if rid in found and found[rid].evidence:
            ev = found[rid].evidence[0]
            concerns.append({"rule": rid, "fact": found[rid].fact, "text": " ".join(ev["quote"].split()),
                             "cite": cites.refs([ev], most=1)})


    # questions ----------------------------------------------------------------------------------
    held_names = [n for g in held_groups for n in g["names"]]
    questions = [{"rule": "opening", "text": data["opening"], "cite": ""}]
    for q in data["questions"]:
        f = found.get(q["rule"])
        if f is None:
            continue
        names = [n for n in f.persons if n in {p["name"] for p in victims}]
        values = {"names": _names(names, most), "held": held_text, "charges": charges,
                  "articles": articles_phrase(articles, q["rule"]) or "international human rights law"}
        needed = set(re.findall(r"\{(\w+)\}", q["text"]))
        text = q["text"] if all(values.get(k) for k in needed) else q.get("fallback")
        if not text:
            continue
        text = text.format(**values)
        if q["rule"] == "liberty" and not held_names and "fallback" in q:
            text = q["fallback"].format(**values)
        questions.append({"rule": q["rule"], "text": text, "cite": cites.refs(f.evidence, most=2)})

    # annex --------------------------------------------------------------------------------------
    for a in articles:
        for b in a["because"]:
            b["cite"] = cites.refs(b["evidence"], most=1)
    suggested = []
    for rid, title in data["mandates"].items():
        if rid in found and title not in suggested:
            suggested.append(title)

    reply_days = (reply_window_days or _settings_windows()).get("un_communication")
    return {"title": cf.get("title") or cf.get("case") or "", "case": cf.get("case"),
            "today": (today or date.today()).isoformat(), "today_human": human_date((today or date.today()).isoformat()),
            "state": state, "subject": subject, "subject_cite": subject_cite, "held": held_groups,
            "facts": facts, "concerns": concerns, "charges": charges, "charges_cite": charges_cite,
            "previous": comms, "questions": questions, "annex": by_instrument(articles),
            "in_particular": articles_phrase([a for a in articles if a["instrument"] == articles[0]["instrument"]]) if articles else "",
            "facts_engaged": [f.fact for r, f in found.items() if r in data["mandates"] or r in data["concerns"]],
            "mandates": suggested, "reply_days": reply_days, "sources": cites.items,
            "defendants": [p["name"] for p in victims if "defendant" in p["roles"]]}


def _settings_windows() -> Mapping[str, int]:
    from ..settings import Settings
    return Settings().reply_window_days


def _env(path: Path):  # noqa: ANN202
    from jinja2 import Environment, FileSystemLoader, StrictUndefined
    from .common import md_safe
    env = Environment(loader=FileSystemLoader([str(path.parent), str(TEMPLATES)]), undefined=StrictUndefined,
                      finalize=md_safe, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["md"] = md_escape
    env.filters["cell"] = md_cell
    return env


def render(cf: dict[str, Any], template: str | Path | None = None, today: date | None = None,
           state: str | None = None, reply_window_days: Mapping[str, int] | None = None) -> str:
    """The communication in Markdown."""
    path = Path(template) if template else DEFAULT_TEMPLATE
    return _env(path).get_template(path.name).render(**build_context(cf, today, state, reply_window_days))


def letter_html(markdown: str, title: str, links: dict[str, str] | None = None) -> str:
    """A Markdown letter (communication or appeal) as a standalone HTML page: markdown-it with raw
    HTML off (source text is never markup), in the dossier's stylesheet."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markdown_it import MarkdownIt
    body = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table").render(markdown)
    head, sep, tail = body.partition("<h2>Sources</h2>")
    head = re.sub(r"\[(\d+)\]", r'<a class="cite" href="#note-\1">[\1]</a>', head)
    n = iter(range(1, 100000))
    tail = re.sub(r"<li>", lambda m: f'<li id="note-{next(n)}">', tail)
    body = keep_cites_with_words(head) + sep + tail
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True))
    from markupsafe import Markup
    return env.get_template(LETTER_HTML.name).render(title=title, body=Markup(body), links=links)


def render_format(cf: dict[str, Any], format: str = "md", template: str | Path | None = None, today: date | None = None,
                  state: str | None = None, reply_window_days: Mapping[str, int] | None = None) -> str | bytes:
    md = render(cf, template, today, state, reply_window_days)
    if format == "md":
        return md
    html = letter_html(md, f"Communication: {cf.get('title') or cf.get('case') or ''}")
    if format == "html":
        return html
    from .dossier import html_to_pdf
    return html_to_pdf(html)
