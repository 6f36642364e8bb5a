"""The headline: one figure for each count of people the sources give (charged, detained, in pretrial detention, under
house arrest), against the people the case names for it, and the other values the sources give for it.

The case file's `headline` keeps every value a report gives (charged: 4, 7 and 11); a reader needs one figure with
what the sources disagree on beside it. The figure is the one an analyst's ruling on the conflict left standing, else
the value the most reports give, else the one of the latest report; the others are listed with their quotes, and the
conflict the case file records between them (`figure.*`, `event_count.*`) is named, with its place among the case's
conflicts for a link. The overview, the dossier and `casewatch show` all read `headline(cf)`, so they agree.
"""
from __future__ import annotations

from typing import Any


def _docs(f: dict[str, Any]) -> set[str]:
    return {e["doc"] for e in f.get("evidence", [])}


def _conflict_of(cf: dict[str, Any], measure: str, values: set[str]) -> tuple[int, dict[str, Any]] | None:
    """The conflict the case file records between counts of this measure (its number among the case's conflicts,
    from 1, as the conflicts page numbers them), the one that holds the most of these values first."""
    found = []
    for n, c in enumerate(cf.get("conflicts", []), 1):
        key = c.get("key") or ""
        if key.startswith((f"figure.{measure}:", f"event_count.{measure}:")):
            found.append((len(values & {str(cl["value"]) for cl in c.get("claims", [])}), -n, c))
    if not found:
        return None
    _, n, c = max(found, key=lambda x: x[:2])
    return -n, c


def headline(cf: dict[str, Any]) -> list[dict[str, Any]]:
    """One row a measure, in the case file's order: the figure (`value`, `sources`, `evidence`), why it was chosen
    (`chosen_by`: only value, analyst, most sources, latest report), the people named for it and the rest, the other
    values (`others`, each with its sources and quotes), whether the sources disagree and the conflict recorded."""
    published = {d["id"]: d.get("published") or "" for d in cf.get("documents", [])}
    figures = {(f["measure"], str(f["value"])): f for f in cf.get("figures", [])}
    rows: dict[str, list[dict[str, Any]]] = {}
    for h in cf.get("headline", []):
        f = figures.get((h["measure"], str(h["value"])), {})
        rows.setdefault(h["measure"], []).append({**h, "sources": f.get("sources", len(_docs(h))),
                                                  "evidence": f.get("evidence") or h.get("evidence", []),
                                                  "latest": max((published.get(d, "") for d in _docs(f or h)),
                                                                default="")})
    out = []
    for measure, vals in rows.items():
        conflict = _conflict_of(cf, measure, {str(v["value"]) for v in vals})
        stands = ((conflict[1].get("resolution") or {}).get("stands")
                  if conflict and conflict[1].get("status") == "resolved" else None)
        ruled = [v for v in vals if stands is not None and str(v["value"]) == str(stands)]
        if ruled:
            pick, why = ruled[0], "analyst"
        elif len(vals) == 1:
            pick, why = vals[0], "only value"
        else:
            pick = max(vals, key=lambda v: (v["sources"], v["latest"], v["value"]))
            most = [v for v in vals if v["sources"] == pick["sources"]]
            why = "most sources" if len(most) == 1 else "latest report"
        others = [{"value": v["value"], "sources": v["sources"], "evidence": v["evidence"]}
                  for v in sorted(vals, key=lambda v: v["value"]) if v is not pick]
        out.append({"measure": measure, "value": pick["value"], "sources": pick["sources"],
                    "evidence": pick["evidence"], "chosen_by": why, "named": pick["named"],
                    "not_named": pick["not_named"], "others": others, "disagree": bool(others),
                    "conflict": {"n": conflict[0], "topic": conflict[1]["topic"], "key": conflict[1].get("key"),
                                 "status": conflict[1].get("status")} if conflict else None})
    return out


def others_text(row: dict[str, Any]) -> str:
    """ "other sources give 4 and 7" ("another source gives 16") for a headline row whose sources disagree, else ""; the words every view uses."""
    if not row["others"]:
        return ""
    vals = [str(o["value"]) for o in row["others"]]
    said = vals[0] if len(vals) == 1 else ", ".join(vals[:-1]) + " and " + vals[-1]
    return f"{'another source gives' if sum(o['sources'] for o in row['others']) == 1 else 'other sources give'} {said}"


CHOSEN = {"only value": "the only value given", "analyst": "the value an analyst's ruling left standing",
          "most sources": "the value the most sources give", "latest report": "the value of the latest report"}
