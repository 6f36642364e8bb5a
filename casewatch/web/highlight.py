"""The stored text of a report with evidence spans as nested <mark> elements.

Spans may nest (a name inside an event's sentence) or cross; a crossing span
is closed and reopened around the one it crosses, so the HTML stays well
formed.  The first piece of each span carries its id (s-START-END), so
``#s-120-138`` scrolls to it.  Every piece of text is escaped.
"""
from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape


def _open(span: dict[str, Any], first: bool) -> str:
    kinds = " ".join(f"k-{k}" for k in span["kinds"])
    attrs = f' id="{escape(span["id"])}"' if first else ""
    return (f'<mark{attrs} class="ev {kinds}{"" if first else " cont"}" data-kinds="{escape(" ".join(span["kinds"]))}" '
            f'title="{escape("; ".join(span["labels"]))}">')


def render(text: str, spans: list[dict[str, Any]]) -> Markup:
    spans = [s for s in spans if 0 <= s["start"] < s["end"] <= len(text)]
    starts: dict[int, list[dict[str, Any]]] = {}
    for s in spans:
        starts.setdefault(s["start"], []).append(s)
    for v in starts.values():
        v.sort(key=lambda s: -s["end"])  # longest first: it encloses the others
    points = sorted({0, len(text), *[s["start"] for s in spans], *[s["end"] for s in spans]})
    out: list[str] = []
    stack: list[dict[str, Any]] = []
    for i, pos in enumerate(points):
        # close what ends here; reopen anything above it that goes on
        while any(s["end"] == pos for s in stack):
            idx = min(k for k, s in enumerate(stack) if s["end"] == pos)
            above = stack[idx + 1:]
            out.append("</mark>" * (len(stack) - idx))
            del stack[idx:]
            for s in above:
                if s["end"] != pos:
                    out.append(_open(s, False))
                    stack.append(s)
        for s in starts.get(pos, []):
            out.append(_open(s, True))
            stack.append(s)
        if i + 1 < len(points):
            out.append(str(escape(text[pos:points[i + 1]])))
    out.append("</mark>" * len(stack))
    return Markup("".join(out))
