"""The dossier's timeline chart: a hand-built SVG of the dated events of a case, one lane per
group of event types (outputs/data/dossier.yaml), no plotting library.

A day-precision date is a dot; a month-precision date is a bar across its month (the day is
not known); a deadline (a reply due) is a hollow diamond.  Labels are set in rows inside each
lane so that none overlaps another.  Year-only dates are left to the list beside the chart."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from xml.sax.saxutils import escape

FONT = "DejaVu Sans, Noto Sans, Liberation Sans, Arial, sans-serif"
LABEL_PX = 10.5
CHAR_W = 0.58            # average advance of DejaVu Sans, in ems, for placing labels
ROW_H = 15
LANE_PAD = 9
AXIS_H = 30
LEFT = 134
RIGHT = 14
TOP = 8


@dataclass
class Mark:
    start: date
    end: date               # == start for a day
    lane: int
    label: str
    deadline: bool = False

    @property
    def is_day(self) -> bool:
        return self.start == self.end


def span_of(value: str | None) -> tuple[date, date] | None:
    """ "2025-11-13" -> (d, d); "2025-11" -> (1 Nov, 30 Nov); a year alone or nothing -> None."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if not m:
        return None
    y, mo = int(m.group(1)), int(m.group(2))
    try:
        if m.group(3):
            d = date(y, mo, int(m.group(3)))
            return d, d
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
    except ValueError:
        return None


def _months_between(a: date, b: date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


def window(spans: list[tuple[date, date]], gap_months: int) -> date | None:
    """The start of the recent period: the first date after the last gap of gap_months or more."""
    starts = sorted(s for s, _ in spans)
    if not starts:
        return None
    begin = starts[0]
    for a, b in zip(starts, starts[1:]):
        if _months_between(a, b) >= gap_months:
            begin = b
    return begin


def _ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    months = _months_between(lo, hi) + 1
    step = 1 if months <= 14 else 2 if months <= 28 else 3 if months <= 40 else 6 if months <= 80 else 12
    out = []
    d = date(lo.year, lo.month, 1)
    if d < lo:
        d = _add_month(d, 1)
    first = True
    while d <= hi:
        if (d.month - 1) % step == 0:
            label = d.strftime("%b") if not (first or d.month == 1) else d.strftime("%b %Y")
            if step == 12:
                label = str(d.year)
            out.append((d, label))
            first = False
        d = _add_month(d, 1)
    return out


def _add_month(d: date, n: int) -> date:
    m = d.month - 1 + n
    return date(d.year + m // 12, m % 12 + 1, 1)


def _text_w(s: str, px: float = LABEL_PX) -> float:
    return len(s) * px * CHAR_W


def timeline_svg(items: list[dict[str, Any]], lanes: list[dict[str, Any]], gap_months: int = 12,
                 width: int = 720, title: str = "Timeline of the case") -> tuple[str, dict[str, Any]]:
    """items: {date, type, label, deadline?}.  Returns (svg, info) where info says the period shown
    and how many dated items fell before it."""
    lane_of = {t: i for i, ln in enumerate(lanes) for t in ln["types"]}
    other = len(lanes) - 1
    spans = [(it, span_of(it.get("date"))) for it in items]
    dated = [(it, sp) for it, sp in spans if sp]
    begin = window([sp for _, sp in dated], gap_months)
    marks = [Mark(sp[0], sp[1], lane_of.get(it["type"], other), it["label"], bool(it.get("deadline")))
             for it, sp in dated if begin and sp[0] >= begin]
    info = {"shown": len(marks), "earlier": len(dated) - len(marks), "undated": len(items) - len(dated),
            "from": begin.isoformat() if begin else None}
    if not marks:
        return "", info
    lo = min(m.start for m in marks)
    hi = max(m.end for m in marks)
    lo = date(lo.year, lo.month, 1)
    hi = _add_month(date(hi.year, hi.month, 1), 1) - timedelta(days=1)
    plot_w = width - LEFT - RIGHT
    days = max(1, (hi - lo).days)

    def x(d: date) -> float:
        return LEFT + plot_w * (d - lo).days / days

    # labels into rows, lane by lane
    used = sorted({m.lane for m in marks})
    rows: dict[int, list[list[tuple[float, float]]]] = {ln: [] for ln in used}
    placed = []
    for m in sorted(marks, key=lambda m: (m.lane, m.start, m.end)):
        cx = x(m.start) if m.is_day else (x(m.start) + x(m.end)) / 2
        a, b = x(m.start), x(m.end)            # the mark itself (a dot has a == b)
        w = _text_w(m.label)
        left_side = b + 8 + w > width - 2
        x0, x1 = (a - 8 - w, b + 6) if left_side else (a - 6, b + 8 + w)
        lane_rows = rows[m.lane]
        r = next((i for i, row in enumerate(lane_rows) if all(x1 + 4 < a or x0 > b + 4 for a, b in row)), None)
        if r is None:
            lane_rows.append([])
            r = len(lane_rows) - 1
        lane_rows[r].append((x0, x1))
        placed.append((m, cx, r, left_side))
    lane_y: dict[int, float] = {}
    y = TOP
    for ln in used:
        lane_y[ln] = y
        y += LANE_PAD * 2 + ROW_H * max(1, len(rows[ln]))
    plot_bottom = y
    height = int(plot_bottom + AXIS_H)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           f'font-family="{FONT}" role="img" aria-label="{escape(title)}">',
           f"<title>{escape(title)}</title>"]
    # lane bands and names
    for i, ln in enumerate(used):
        top = lane_y[ln]
        h = LANE_PAD * 2 + ROW_H * max(1, len(rows[ln]))
        if i % 2 == 0:
            out.append(f'<rect x="0" y="{top:.1f}" width="{width}" height="{h:.1f}" fill="#f4f4f2"/>')
        colour = lanes[ln]["colour"]
        out.append(f'<rect x="0" y="{top:.1f}" width="3" height="{h:.1f}" fill="{colour}"/>')
        out.append(f'<text x="10" y="{top + LANE_PAD + 10:.1f}" font-size="10.5" font-weight="bold" fill="#333">'
                   f'{escape(lanes[ln]["name"])}</text>')
    # month grid and axis
    out.append(f'<line x1="{LEFT}" y1="{plot_bottom:.1f}" x2="{width - RIGHT}" y2="{plot_bottom:.1f}" stroke="#555" stroke-width="1"/>')
    for d, label in _ticks(lo, hi):
        tx = x(d)
        out.append(f'<line x1="{tx:.1f}" y1="{TOP}" x2="{tx:.1f}" y2="{plot_bottom:.1f}" stroke="#d6d6d2" stroke-width="0.8"/>')
        out.append(f'<line x1="{tx:.1f}" y1="{plot_bottom:.1f}" x2="{tx:.1f}" y2="{plot_bottom + 4:.1f}" stroke="#555"/>')
        out.append(f'<text x="{tx:.1f}" y="{plot_bottom + 16:.1f}" font-size="10" fill="#333" text-anchor="middle">{escape(label)}</text>')
    # marks and labels
    for m, cx, r, left_side in placed:
        colour = lanes[m.lane]["colour"]
        cy = lane_y[m.lane] + LANE_PAD + ROW_H * r + ROW_H / 2
        if m.deadline:
            out.append(f'<path d="M{cx:.1f} {cy - 5.5:.1f} L{cx + 5.5:.1f} {cy:.1f} L{cx:.1f} {cy + 5.5:.1f} L{cx - 5.5:.1f} {cy:.1f} Z" '
                       f'fill="#fff" stroke="{colour}" stroke-width="1.6"/>')
        elif m.is_day:
            out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4.5" fill="{colour}" stroke="#fff" stroke-width="1"/>')
        else:
            x0, x1 = x(m.start), x(m.end)
            out.append(f'<rect x="{x0:.1f}" y="{cy - 3.5:.1f}" width="{max(3.0, x1 - x0):.1f}" height="7" rx="3.5" '
                       f'fill="{colour}" fill-opacity="0.35" stroke="{colour}" stroke-width="0.8"/>')
        if left_side:
            lx = (x(m.start) if not m.is_day else cx) - 8
            anchor = "end"
        else:
            lx = (x(m.end) if not m.is_day else cx) + 8
            anchor = "start"
        out.append(f'<text x="{lx:.1f}" y="{cy + 3.6:.1f}" font-size="{LABEL_PX}" fill="#1a1a1a" text-anchor="{anchor}">'
                   f'{escape(m.label)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n", info
