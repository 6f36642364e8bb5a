"""`casewatch show`: the case in the terminal."""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from ..casefile.headline import headline, others_text


def render(console: Console, cf: dict[str, Any]) -> None:
    console.rule(f"[bold]{cf['title']}[/bold] — {len(cf['documents'])} reports")
    reports(console, cf)
    for h in headline(cf):  # one figure a measure, the others and their conflict beside it (casefile/headline.py)
        line = f"{h['measure'].replace('_', ' ')}: {h['value']} in the sources, {h['named']} named, {h['not_named']} not named"
        if h["disagree"]:
            line += f" (sources disagree: {others_text(h)}"
            line += f"; conflict {h['conflict']['n']}, {h['conflict']['topic']})" if h["conflict"] else ")"
        console.print(line, highlight=False, markup=False)
    t = Table("person", "role", "current measure", "since", "sources", title="Roster", title_justify="left")
    key = {"defendant": 0, "detainee": 1, "relative": 2}
    for p in sorted(cf["persons"], key=lambda p: (min(key.get(r, 9) for r in p["roles"]), p["name"])):
        t.add_row(p["name"], ", ".join(p["roles"]), (p["current_measure"] or "").replace("_", " "),
                  p["current_since"] or "", str(p["sources"]))
    console.print(t)
    t = Table("date", "event", "status", "sources", "summary", title="Timeline", title_justify="left")
    for e in cf["events"]:
        date = (e["date"] or "?") + ("~" if e.get("date_inferred") else "")
        t.add_row(date, e["type"].replace("_", " "), e["status"], str(e["sources"]), e["summary"][:90])
    console.print(t)
    if cf["conflicts"]:
        t = Table("#", "topic", "claims", "status", title="Conflicts between sources", title_justify="left")
        for n, c in enumerate(cf["conflicts"], 1):
            t.add_row(str(n), c["topic"], " | ".join(f"{x['value']} ({len({e['doc'] for e in x['evidence']})} src)" for x in c["claims"]),
                      c["status"])
        console.print(t)
    if cf.get("updates"):
        t = Table("topic", "from", "to", title="Updates over time", title_justify="left")
        for u in cf["updates"]:
            t.add_row(u["topic"], u["from"] or "", u["to"])
        console.print(t)


def reports(console: Console, cf: dict[str, Any]) -> None:
    """The reports stored and not read (in a language the extractor does not read), and those read by OCR."""
    from ..ingest.language import name
    from ..model import unread_note
    for d in cf["documents"]:
        label = d.get("filename") or d["id"]
        if d.get("read") is False:
            console.print(f"not read: {label} ({d['id']}): in {name(d.get('language'))}, {unread_note(d.get('language'))}",
                          highlight=False, markup=False)
        if d.get("ocr_pages"):
            console.print(f"read by OCR: {label} ({d['id']}), {d['ocr_pages']} page(s) of a scan; names may be "
                          "misread", highlight=False, markup=False)
