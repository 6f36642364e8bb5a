"""The dossier: a case brief a reader can trust, as Markdown, HTML or PDF.

Summary, people and their current measures, a timeline with a chart, charges and provisions,
the international standards the case engages, UN communications received, open conflicts
between sources and the sources themselves.  Every factual sentence carries a numbered
citation [n]; the notes give the document and the exact quote (a span of its text).

One context (build_context) feeds every format, so the numbers agree across them.  The HTML
is also what WeasyPrint turns into the PDF; templates are Jinja2 files a team can replace
(`--template`)."""
from __future__ import annotations

import base64
import re
from datetime import date
from pathlib import Path
from typing import Any, Mapping

from ..casefile.headline import headline, others_text
from ..casefile.state import state
from .appeal import _provision_label, charge_provisions
from .chart import span_of, timeline_svg
from .common import Citations, add_length, day, doc_label
from .standards import by_instrument, engaged, findings, load

TEMPLATES = Path(__file__).parent / "templates"
TEMPLATES_BY_FORMAT = {"md": TEMPLATES / "dossier.md.j2", "html": TEMPLATES / "dossier.html.j2",
                       "pdf": TEMPLATES / "dossier.html.j2"}
FORMATS = tuple(TEMPLATES_BY_FORMAT)
VICTIM_ROLES = ("defendant", "detainee")
COURT_TYPES = ("trial_opened", "hearing", "hearing_postponed", "verdict", "sentence", "appeal")
FIGURE_WORDS = {"detained": "detained", "charged": "charged", "pretrial_detention": "held in pretrial detention",
                "house_arrest": "placed under house arrest"}
HELD_WORDS = {"pretrial_detention": "held in pretrial detention", "house_arrest": "under house arrest",
              "arrest": "under arrest", "administrative_sanction": "held under an administrative sanction",
              "sentence": "serving a sentence"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def human_date(value: str | None) -> str:
    """ "2025-11-13" -> "13 November 2025"; "2025-11" -> "November 2025"; "2025" stays."""
    if not value:
        return "date not given"
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return value


def _join(items: list[str]) -> str:
    items = [i for i in items if i]
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _event_text(e: dict[str, Any]) -> str:
    text = " ".join((e.get("summary") or "").split())
    if not text or text.endswith("…"):
        text = " ".join(e["evidence"][0]["quote"].split())
    return text


def received(cf: dict[str, Any]) -> list[dict[str, Any]]:
    """The UN communications of the case: the case file's own list, else read from its documents
    (a case file built before the list existed)."""
    if "communications" in cf:
        return cf["communications"]
    from ..casefile.communications import communications
    return communications(cf.get("documents", []), cf.get("persons", []))


def _reply_days(reply_window_days: Mapping[str, int] | None) -> Mapping[str, int]:
    if reply_window_days is not None:
        return reply_window_days
    from ..settings import Settings
    return Settings().reply_window_days


def communications_context(cf: dict[str, Any], cites: Citations, reply_window_days: Mapping[str, int] | None = None,
                           signatories: bool = True) -> list[dict[str, Any]]:
    """The received communications with their citations and reply dates, for the templates (a citation
    is made only for what the template shows: the signatories are optional)."""
    windows = _reply_days(reply_window_days)
    docs = {d["id"]: d for d in cf.get("documents", [])}
    out = []
    for c in received(cf):
        kind = c.get("kind") or docs.get(c["doc"], {}).get("kind")
        n = windows.get(kind or "")
        sent = day(c.get("date"))
        out.append({**c, "date_human": human_date(c.get("date")) if c.get("date") else None,
                    "reply_days": n if sent and n else None,
                    "reply_due": add_length(sent, (int(n), "days")).isoformat() if sent and n else None,
                    "reply_due_human": human_date(add_length(sent, (int(n), "days")).isoformat()) if sent and n else None,
                    "cite": cites.refs(c["evidence"], most=1),
                    "mandates_cite": "".join(cites.refs(m["evidence"], most=1) for m in c.get("mandates", [])[:1]),
                    "signatories_cite": "".join(cites.refs(s["evidence"][:1], most=1) for s in c.get("signatories", [])[:1])
                    if signatories else "",
                    "concerning": [p["name"] for p in cf.get("persons", []) if p["id"] in c.get("persons", [])]})
    return out


def build_context(cf: dict[str, Any], today: date | None = None,
                  reply_window_days: Mapping[str, int] | None = None) -> dict[str, Any]:
    """Everything the dossier templates need; citation numbers follow the order of the brief."""
    words = load("dossier")
    ev_labels, m_labels = words["event_labels"], words["measure_labels"]
    cites = Citations(cf)
    persons = cf.get("persons", [])
    victims = [p for p in persons if set(VICTIM_ROLES) & set(p.get("roles", []))]
    victims.sort(key=lambda p: ("defendant" not in p["roles"], p.get("current_measure") is None))
    defendants = [p for p in victims if "defendant" in p["roles"]]
    events = [e for e in cf.get("events", []) if e.get("evidence")]
    provs = charge_provisions(cf)
    criminal = [p for p in provs if "administrative" not in (p.get("instrument_key") or "")]
    admin = [p for p in provs if p not in criminal]
    comms_raw = received(cf)

    # summary -------------------------------------------------------------------------
    summary: list[dict[str, Any]] = []
    held = [p for p in victims if state(p)["held"]]  # as the roster, the web and the appeal count them
    figures = headline(cf)  # one figure a measure, the others beside it: as the overview and `show` give them
    for h in figures:
        if h["measure"] in FIGURE_WORDS and h.get("evidence"):
            named = f"the sources name {h['named']} of them" if h["named"] else "the sources name none of them"
            others = f" ({others_text(h)})" if h["others"] else ""
            summary.append({"text": f"Sources report {h['value']} people {FIGURE_WORDS[h['measure']]}{others}; {named}.",
                            "cite": cites.refs(h["evidence"][:1] + [o["evidence"][0] for o in h["others"]
                                                                    if o["evidence"]], most=1 + len(h["others"]))})
    if defendants and not cf.get("headline"):
        summary.append({"text": f"The sources name {len(defendants)} defendants.",
                        "cite": cites.refs([p["evidence"][0] for p in defendants[:2]])})
    for mtype in HELD_WORDS:
        group = [p for p in held if state(p)["measure"] == mtype]
        if group:
            evs = [m["evidence"][0] for p in group for m in p["measures"] if m["type"] == mtype and m.get("evidence")]
            verb = "is" if len(group) == 1 else "are"
            summary.append({"text": f"{_join([p['name'] for p in group])} {verb} {HELD_WORDS[mtype]}, "
                                    "by the latest report on each.",
                            "cite": cites.refs(list({(e['doc'], e['start']): e for e in evs}.values()), most=2)})
    if criminal:
        summary.append({"text": f"The criminal charges are brought under {_join([_provision_label(p) for p in criminal])}.",
                        "cite": "".join(cites.refs(p["evidence"], most=1) for p in criminal)})
    if admin:
        summary.append({"text": f"Administrative penalties were imposed under {_join([_provision_label(p) for p in admin])}.",
                        "cite": "".join(cites.refs(p["evidence"], most=1) for p in admin)})
    court = [e for e in events if e["type"] in COURT_TYPES and day(e.get("date"))]
    if court:
        last = max(court, key=lambda e: e["date"])
        when = "is set for" if last.get("status") == "announced" else "on"
        summary.append({"text": f"The latest court date reported: {ev_labels.get(last['type'], last['type'])} "
                                f"{when} {human_date(last['date'])}.", "cite": cites.refs(last["evidence"], most=1)})
    for c in comms_raw:
        if c.get("kind") == "un_communication" or c.get("mandates"):
            to = f" to the Government of {c['state']}" if c.get("state") else ""
            when = f" on {human_date(c['date'])}" if c.get("date") else ""
            summary.append({"text": f"UN Special Procedures sent {c.get('type_name') or 'communication'} "
                                    f"{c['reference']}{to}{when}.", "cite": cites.refs(c["evidence"], most=2)})

    # people ----------------------------------------------------------------------------
    people = []
    for p in victims:
        cur = next((m for m in reversed(p.get("measures", [])) if m["type"] == p.get("current_measure")), None)
        evs = (cur or {}).get("evidence") or p.get("evidence", [])
        people.append({"id": p["id"], "name": p["name"], "roles": p["roles"],
                       "aliases": [a for a in p.get("aliases", []) if a != p["name"]],
                       "measure": m_labels.get(p["current_measure"], (p["current_measure"] or "").replace("_", " "))
                       if p.get("current_measure") else "not reported",
                       "measure_type": p.get("current_measure"), "since": p.get("current_since"),
                       "since_human": human_date(p["current_since"]) if p.get("current_since") else "",
                       "length": (cur or {}).get("length"), "held": state(p)["held"],
                       "sources": p.get("sources", 0), "cite": cites.refs(evs, most=1)})
    others = [{"name": p["name"], "roles": [r for r in p["roles"] if r != "other"], "cite": cites.refs(p["evidence"], most=1)}
              for p in persons if p not in victims and set(p.get("roles", [])) - {"other"} and p.get("evidence")]
    unroled = sum(1 for p in persons if p not in victims and not set(p.get("roles", [])) - {"other"})

    # timeline --------------------------------------------------------------------------
    timeline: list[dict[str, Any]] = []
    by_key: dict[tuple[str | None, str], dict[str, Any]] = {}
    for e in sorted(events, key=lambda e: (e.get("date") is None, e.get("date") or "")):
        text = _event_text(e)
        k = (e.get("date"), text)
        label = ev_labels.get(e["type"], e["type"].replace("_", " "))
        if k in by_key:
            if label not in by_key[k]["labels"]:
                by_key[k]["labels"].append(label)
            continue
        row = {"date": e.get("date"), "date_human": human_date(e.get("date")), "labels": [label], "type": e["type"],
               "text": text, "announced": e.get("status") == "announced", "inferred": bool(e.get("date_inferred")),
               "cite": cites.refs(e["evidence"], most=2)}
        by_key[k] = row
        timeline.append(row)
    chart_items = [{"date": e.get("date"), "type": e["type"],
                    "label": (ev_labels.get(e["type"], e["type"]) + (" (announced)" if e.get("status") == "announced" else ""))}
                   for e in events]

    # charges and provisions ---------------------------------------------------------------
    charge_events = [{"date_human": human_date(e.get("date")), "text": _event_text(e), "cite": cites.refs(e["evidence"], most=2)}
                     for e in sorted(events, key=lambda e: e.get("date") or "") if e["type"] == "charge"]
    provisions = [{"label": _provision_label(p), "instrument": p["instrument"], "article": p["article"], "part": p.get("part"),
                   "kind": "administrative" if p in admin else "criminal", "cite": cites.refs(p["evidence"], most=2)}
                  for p in provs]

    # international standards ---------------------------------------------------------------
    found = findings(cf)
    articles = engaged(cf, found)
    for a in articles:
        for b in a["because"]:
            b["cite"] = cites.refs(b["evidence"], most=2)
    standards = by_instrument(articles)

    # UN communications ------------------------------------------------------------------------
    comms = communications_context(cf, cites, reply_window_days)
    for c in comms:
        if c.get("reply_due"):
            chart_items.append({"date": c["reply_due"], "type": "reply_due", "label": f"reply due ({c['reference']})",
                                "deadline": True})

    # conflicts and updates ----------------------------------------------------------------------
    conflicts = []
    for c in cf.get("conflicts", []):
        if c.get("status") == "resolved":
            continue
        conflicts.append({"topic": c["topic"], "claims": [{"value": cl["value"], "cite": cites.refs(cl["evidence"], most=2)}
                                                          for cl in c["claims"] if cl.get("evidence")]})
    updates = [{"topic": u["topic"], "from": u.get("from"), "to": u["to"],
                "cite_from": cites.refs(u["evidence"][:1], most=1) if u.get("evidence") else "",
                "cite_to": cites.refs(u["evidence"][1:2], most=1) if len(u.get("evidence", [])) > 1 else ""}
               for u in cf.get("updates", [])]

    svg, chart_info = timeline_svg(chart_items, words["lanes"], int(words["chart_gap_months"]),
                                   title=f"Timeline of the case {cf.get('title') or cf.get('case') or ''}")
    chart_info["from_human"] = human_date(chart_info["from"][:7]) if chart_info.get("from") else None
    begin = date.fromisoformat(chart_info["from"]) if chart_info.get("from") else None
    for row in timeline:                    # before the chart's period: the background of the case
        sp = span_of(row["date"])
        row["background"] = bool(begin and row["date"] and (sp[0] < begin if sp else int(row["date"][:4]) <= begin.year))
    background = [r for r in timeline if r["background"]]
    docs = [{"id": d["id"], "label": doc_label(d), "title": d.get("title"), "publisher": d.get("publisher"),
             "published": d.get("published"), "kind": (d.get("kind") or "other").replace("_", " "),
             "filename": d.get("filename")} for d in cf.get("documents", [])]
    return {"title": cf.get("title") or cf.get("case") or "", "case": cf.get("case"),
            "today": (today or date.today()).isoformat(), "today_human": human_date((today or date.today()).isoformat()),
            "summary": summary, "people": people, "others": others, "unroled": unroled,
            "headline": figures, "timeline": timeline, "background": background,
            "recent": [r for r in timeline if not r["background"]], "charge_events": charge_events,
            "provisions": provisions, "standards": standards, "communications": comms,
            "conflicts": conflicts, "updates": updates, "documents": docs, "notes": cites.items,
            "chart_svg": svg, "chart_info": chart_info,
            "chart_uri": "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii") if svg else "",
            "chart_href": None, "lanes": words["lanes"], "links": None}


def _env(path: Path, html: bool):  # noqa: ANN202
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
    from .common import md_safe
    env = Environment(loader=FileSystemLoader([str(path.parent), str(TEMPLATES)]), undefined=StrictUndefined,
                      autoescape=select_autoescape(default=html, default_for_string=html),
                      finalize=None if html else md_safe,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["md"] = md_escape
    env.filters["cell"] = md_cell
    return env


def md_escape(s: Any) -> str:
    """Text from the sources, safe inside Markdown prose: no stray emphasis, links or HTML."""
    out = str(s)
    for ch in ("\\", "*", "_", "`", "[", "]", "<", ">", "#"):
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


def md_cell(s: Any) -> str:
    return md_escape(s).replace("|", "\\|")


_CITES = re.compile(r'(?<![^\s>])([^\s<>]{1,120})[ \t]+((?:<a class="cite"[^>]*>\[\d+\]</a>)+)')


def keep_cites_with_words(html: str) -> str:
    """Each run of citation links bound to the word before it (<span class="nw">): a citation never
    starts a line, and WeasyPrint 70 does not strand the word before an inline box at a line end."""
    return _CITES.sub(r'<span class="nw">\1 \2</span>', html)


def render(cf: dict[str, Any], format: str = "md", template: str | Path | None = None, today: date | None = None,
           chart_href: str | None = None, reply_window_days: Mapping[str, int] | None = None,
           context: dict[str, Any] | None = None) -> str:
    """The dossier as Markdown or HTML text.  chart_href: where the Markdown finds the chart (a file
    written beside it); without it the chart is a data: URI."""
    if format not in ("md", "html"):
        raise ValueError(f"render() makes md or html, not {format!r}")
    ctx = context or build_context(cf, today, reply_window_days)
    ctx = {**ctx, "chart_href": chart_href}
    path = Path(template) if template else TEMPLATES_BY_FORMAT[format]
    out = _env(path, html=format == "html").get_template(path.name).render(**ctx)
    return keep_cites_with_words(out) if format == "html" else out


def render_pdf(cf: dict[str, Any], template: str | Path | None = None, today: date | None = None,
               reply_window_days: Mapping[str, int] | None = None, context: dict[str, Any] | None = None) -> bytes:
    html = render(cf, "html", template, today, reply_window_days=reply_window_days, context=context)
    return html_to_pdf(html)


def html_to_pdf(html: str) -> bytes:
    """WeasyPrint, with Debian's pango (see .ci/pdf-setup); a missing library is one clear line."""
    from ..errors import CasewatchError
    try:
        from weasyprint import HTML
    except OSError as e:                                # pango not installed
        raise CasewatchError(f"PDF output needs the pango libraries (run .ci/pdf-setup): {e}") from None
    return HTML(string=html, base_url=str(TEMPLATES)).write_pdf()

