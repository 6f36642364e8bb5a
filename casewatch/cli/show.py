"""`casewatch show`: the case in the terminal."""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table


def render(console: Console, cf: dict[str, Any]) -> None:
    console.rule(f"[bold]{cf['title']}[/bold] — {len(cf['documents'])} reports")
    reports(console, cf)
    for h in cf.get("headline", []):
        console.print(f"{h['measure'].replace('_', ' ')}: {h['value']} in the sources, {h['named']} named, "
                      f"{h['not_named']} not named", highlight=False)
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
        t = Table("topic", "claims", "status", title="Conflicts between sources", title_justify="left")
        for c in cf["conflicts"]:
            t.add_row(c["topic"], " | ".join(f"{x['value']} ({len({e['doc'] for e in x['evidence']})} src)" for x in c["claims"]),
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
    for d in cf["documents"]:
        label = d.get("filename") or d["id"]
        if d.get("read") is False:
            console.print(f"not read: {label} ({d['id']}): in {name(d.get('language'))}, stored but not read "
                          "(the extractor reads English)", highlight=False, markup=False)
        if d.get("ocr_pages"):
            console.print(f"read by OCR: {label} ({d['id']}), {d['ocr_pages']} page(s) of a scan; names may be "
                          "misread", highlight=False, markup=False)
