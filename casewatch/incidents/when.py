"""When: the date of the attack, chosen among the dates the text gives (absolute,
or relative resolved against the publication date by extract.dates), the
publication date itself, or none."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from ..extract.dates import find_dates, parse_iso
from .features import cue_patterns
from .view import DocView

BARE_YEAR_RE = re.compile(r"(?<![\d/.,-])(?:19|20)\d{2}(?![\d/-])")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@dataclass(eq=False)
class DateCand:
    value: str | None  # ISO prefix (YYYY, YYYY-MM, YYYY-MM-DD); None: no date
    start: int = -1
    end: int = -1
    relative: bool = False
    kind: str = "text"  # text | published | none
    viol: list[str] | None = None  # the violation cues of its sentence
    person: bool = False  # its sentence names a person


def anchor_of(view: DocView) -> date | None:
    return parse_iso(view.published[:10]) if view.published and len(view.published) >= 10 else None


def date_candidates(view: DocView) -> list[DateCand]:
    anchor = anchor_of(view)
    out = [DateCand(None, kind="none")]
    if anchor is not None:
        out.append(DateCand(anchor.isoformat(), kind="published"))
    taken = []
    for dm in find_dates(view.text, anchor):
        if re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", dm.value or "") and 1900 <= int(dm.value[:4]) <= 2100:
            out.append(DateCand(dm.value, dm.start, dm.end, dm.relative))
            taken.append((dm.start, dm.end))
    # years standing alone ("a 2016 trip", "the 2008 hostage-taking")
    for m in BARE_YEAR_RE.finditer(view.text):
        if not any(a <= m.start() < b for a, b in taken) and 1900 <= int(m.group(0)) <= 2100:
            out.append(DateCand(m.group(0), m.start(), m.end(), kind="text"))
    pats = cue_patterns("violations")
    persons = [s for kind, s, _, _ in view.names if kind == "person"]
    for c in out:
        if c.kind != "text":
            continue
        ss, se = view.sentence_at(c.start)
        c.viol = [lab for lab, pat in pats.items() if pat.search(view.text[ss:se])]
        c.person = any(ss <= p < se for p in persons)
    return out


def date_features(view: DocView, cand: DateCand, cands: list[DateCand]) -> dict[str, float]:
    f: dict[str, float] = {"kind:" + cand.kind: 1.0}
    texts = [c for c in cands if c.kind == "text"]
    f["n-dates:" + str(min(len(texts), 5))] = 1.0
    anchor = anchor_of(view)
    if cand.kind == "published":
        f["pub-has-relative"] = 1.0 if any(c.relative for c in texts) else 0.0
        same = [c for c in texts if anchor and c.value[:4] == str(anchor.year)]
        f["pub-year-mentions"] = math.log1p(len(same))
        return f
    if cand.kind == "none":
        f["no-viol-dates"] = 1.0 if not any(c.viol for c in texts) else 0.0
        f["no-absolute"] = 1.0 if all(c.relative for c in texts) else 0.0
        return f
    text = view.text
    y = int(cand.value[:4])
    prec = {4: "year", 7: "month", 10: "day"}.get(len(cand.value), "day")
    f["prec:" + prec] = 1.0
    if cand.relative:
        f["relative"] = 1.0
    if anchor is not None:
        d = y - anchor.year
        f["dy:" + (str(d) if -3 <= d <= 1 else ("<-3" if d < -3 else ">1"))] = 1.0
        c = parse_iso(cand.value)
        if c is not None and c > anchor:
            f["future"] = 1.0
        if c is not None and len(cand.value) == 10 and 0 <= (anchor - c).days <= 10:
            f["within10d"] = 1.0
    rank = texts.index(cand) if cand in texts else 0
    f["rank:" + str(min(rank, 5))] = 1.0
    same = [c for c in texts if c.value[:4] == cand.value[:4]]
    f["year-mentions"] = math.log1p(len(same))
    p = view.paragraph_index(cand.start)
    f["para:" + str(min(p, 6))] = 1.0
    viol = {c: c.viol for c in texts if c.viol}
    if cand.person:
        f["person-sent"] = 1.0
    if cand in viol:
        f["viol-any"] = 1.0
        if cand.person:
            f["viol-person"] = 1.0
        if min(viol, key=lambda c: c.start) is cand:
            f["first-viol-date"] = 1.0
        for label in viol[cand]:
            f["viol:" + label] = 1.0
        order = sorted({c.value[:4] for c in viol})
        k = order.index(cand.value[:4])
        f["viol-year-rank:" + str(min(k, 3))] = 1.0
        f["viol-year-rank-rev:" + str(min(len(order) - 1 - k, 3))] = 1.0
        if all(cand.value <= c.value for c in viol):
            f["viol-earliest"] = 1.0
        vr = sorted(viol, key=lambda c: c.start).index(cand)
        f["viol-rank:" + str(min(vr, 3))] = 1.0
    if all(cand.value[:4] <= c.value[:4] for c in texts):
        f["earliest-year"] = 1.0
    if all(cand.value[:4] >= c.value[:4] for c in texts):
        f["latest-year"] = 1.0
    if viol:
        years = [c.value[:4] for c in viol]
        if max(set(years), key=lambda y: (years.count(y), -years.index(y))) == cand.value[:4]:
            f["mode-viol-year"] = 1.0
        first_abs = next((c for c in sorted(viol, key=lambda c: c.start) if not c.relative), None)
        if first_abs is not None and first_abs.value[:4] == cand.value[:4]:
            f["first-absolute-viol-year"] = 1.0
    before = text[max(0, cand.start - 25):cand.start].casefold().split()
    if before:
        f["p1:" + before[-1]] = 1.0
    if re.search(r"\b(?:since|until|from|between|born|founded|established|elected|ago)\b",
                 text[max(0, cand.start - 40):cand.start], re.I):
        f["background"] = 1.0
    return f


def split_date(value: str | None) -> tuple[str | None, str | None, str | None]:
    """ISO prefix -> (year, English month, day without a leading zero)."""
    if not value:
        return None, None, None
    parts = value.split("-")
    y = parts[0]
    m = MONTHS[int(parts[1]) - 1] if len(parts) > 1 else None
    d = str(int(parts[2])) if len(parts) > 2 else None
    return y, m, d
