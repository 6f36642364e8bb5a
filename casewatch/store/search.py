"""Full text: queries, matches, snippets, fact labels and the search index.

Queries are parsed here, never handed to FTS5 as typed: the same words then find the rows (FTS5 MATCH, or LIKE
on PostgreSQL) and are located again in Python for the offsets and the highlighted snippet.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable

from markupsafe import escape
from sqlalchemy import Connection, text

from ..errors import CasewatchError


WORD = re.compile(r"[^\W_]+")  # as FTS5's unicode61 tokenizer: runs of letters and digits
QUERY_TOKEN = re.compile(r'"([^"]*)"(\*?)|(\S+)')
MAX_QUERY = 500
MAX_TERMS = 32


class BadQuery(CasewatchError):
    code = "bad-query"


@dataclass(frozen=True)
class Term:
    """A word or a phrase (folded words in a row); prefix: the last word may go on."""

    words: tuple[str, ...]
    prefix: bool = False


def fold_text(s: str) -> str:
    """Lower case without diacritics (FTS5's unicode61 with remove_diacritics 2 folds the same way)."""
    if s.isascii():
        return s.lower()
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).lower()


def parse_query(query: str) -> list[list[Term]]:
    """All groups must match; any term of a group may.  Raises BadQuery with what to fix."""
    query = (query or "").strip()
    if len(query) > MAX_QUERY:
        raise BadQuery(f"the search is too long ({len(query)} characters; at most {MAX_QUERY})")
    if query.count('"') % 2:
        raise BadQuery('the search has an unbalanced quote ("): close the phrase or remove the quote')
    groups: list[list[Term]] = []
    want_or = False
    for m in QUERY_TOKEN.finditer(query):
        phrase, star, bare = m.group(1), m.group(2), m.group(3)
        if bare in ("OR", "|"):
            if not groups or want_or:
                raise BadQuery("OR needs a word on each side")
            want_or = True
            continue
        if bare == "AND":
            continue
        raw = phrase if phrase is not None else bare
        words = tuple(fold_text(w) for w in WORD.findall(raw))
        if not words:
            continue
        term = Term(words, bool(star) if phrase is not None else bare.endswith("*"))
        if want_or:
            groups[-1].append(term)
            want_or = False
        else:
            groups.append([term])
    if want_or:
        raise BadQuery("OR needs a word on each side")
    if not groups:
        raise BadQuery("type a word to search for")
    if sum(len(g) for g in groups) > MAX_TERMS:
        raise BadQuery(f"the search has too many words (at most {MAX_TERMS})")
    return groups


def fts_expression(groups: list[list[Term]]) -> str:
    """An FTS5 MATCH expression built from parsed terms only: every word is quoted, nothing typed gets through."""
    def one(t: Term) -> str:
        return '"' + " ".join(t.words) + '"' + ("*" if t.prefix else "")
    return " AND ".join("(" + " OR ".join(one(t) for t in g) + ")" for g in groups)


def like_condition(groups: list[list[Term]], columns: tuple[str, ...]) -> tuple[str, dict[str, Any]]:
    """The PostgreSQL (and no-FTS5) fallback: each term as a lower-case substring of one of the columns."""
    params: dict[str, Any] = {}
    ands = []
    for gi, g in enumerate(groups):
        ors = []
        for ti, t in enumerate(g):
            params[f"p{gi}_{ti}"] = "%" + " ".join(t.words) + "%"
            ors += [f"{c} LIKE :p{gi}_{ti}" for c in columns]
        ands.append("(" + " OR ".join(ors) + ")")
    return " AND ".join(ands), params


def find_matches(s: str, groups: list[list[Term]]) -> list[tuple[int, int, int]]:
    """Every place in s where a term matches, as (start, end, group), in order and not overlapping."""
    toks = [(m.start(), m.end(), fold_text(m.group())) for m in WORD.finditer(s)]
    at: dict[str, list[int]] = {}
    for i, t in enumerate(toks):
        at.setdefault(t[2], []).append(i)
    found = []
    for gi, g in enumerate(groups):
        for t in g:
            n = len(t.words)
            if n == 1 and t.prefix:
                starts = [i for w, idx in at.items() if w.startswith(t.words[0]) for i in idx]
            else:
                starts = at.get(t.words[0], [])
            for i in starts:
                if i + n > len(toks) or any(toks[i + k][2] != t.words[k] for k in range(1, n - 1)):
                    continue
                last = toks[i + n - 1][2]
                if n == 1 or last == t.words[-1] or (t.prefix and last.startswith(t.words[-1])):
                    found.append((toks[i][0], toks[i + n - 1][1], gi))
    found.sort()
    out: list[tuple[int, int, int]] = []
    for f in found:
        if out and f[0] < out[-1][1]:
            continue
        out.append(f)
    return out


def best_passage(marks: list[tuple[int, int, int]], groups: list[list[Term]], width: int = 160) -> tuple[int, int]:
    """The stretch of text (at most `width` long) where the most different terms match: what a hit links to."""
    if not marks:
        return 0, 0
    best = (0, 0, 0)
    for i, (a, b, _) in enumerate(marks):
        seen: set[int] = set()
        end = b
        for m in marks[i:]:
            if m[1] - a > width:
                break
            if m[2] not in seen:  # a term not yet in the passage takes it this far
                seen.add(m[2])
                end = m[1]
        if len(seen) > best[0]:
            best = (len(seen), a, end)
            if len(seen) == len(groups):
                break
    return best[1], best[2]


def snippet(s: str, marks: list[tuple[int, int, int]], around: tuple[int, int] | None = None, width: int = 240) -> str:
    """HTML: the text around `around` (or all of s when short), escaped piece by piece, the matches in <mark>."""
    if around is None or len(s) <= width:
        lo, hi = 0, len(s)
    else:
        pad = max(40, (width - (around[1] - around[0])) // 2)
        lo, hi = max(0, around[0] - pad), min(len(s), around[1] + pad)
        if lo > 0:
            sp = s.find(" ", lo, around[0])
            lo = sp + 1 if sp != -1 else lo
        if hi < len(s):
            sp = s.rfind(" ", around[1], hi)
            hi = sp if sp != -1 else hi
    spans: list[list[int]] = []
    for a, b, _ in marks:
        if b <= lo or a >= hi:
            continue
        if spans and not s[spans[-1][1]:a].strip():
            spans[-1][1] = min(b, hi)  # "house arrest": one mark over words next to each other
        else:
            spans.append([max(a, lo), min(b, hi)])
    out = ["…" if lo > 0 else ""]
    pos = lo
    for a, b in spans:
        out += [_text(s[pos:a]), "<mark>", _text(s[a:b]), "</mark>"]
        pos = b
    out.append(_text(s[pos:hi]))
    out.append("…" if hi < len(s) else "")
    return "".join(out)


def _text(s: str) -> str:
    return re.sub(r"\s+", " ", str(escape(s)))


def fact_label(kind: str, d: dict[str, Any]) -> str:
    """What a fact says, in words: indexed beside its quote and kind, shown on a hit."""
    def words(v: Any) -> str:
        return str(v or "").replace("_", " ")
    parts: list[str]
    if kind in ("person", "organization", "place"):
        parts = [d.get("name") or "", *[words(r) for r in d.get("roles") or []], *[words(m.get("type")) for m in d.get("measures") or []]]
    elif kind == "provision":
        parts = [f"{d.get('instrument_name') or d.get('instrument')} art. {d.get('article')}" + (f" part {d['part']}" if d.get("part") else "")]
    elif kind == "event":
        parts = [words(d.get("type")), d.get("date") or "", d.get("place") or ""]
    elif kind == "figure":
        v = d.get("value")
        parts = [f"{words(d.get('measure'))}: {int(v) if isinstance(v, float) and v.is_integer() else v}"]
    elif kind == "claim":
        parts = [f"{words(str(d.get('topic') or '').split(':')[0])}: {d.get('value') or ''}"]
    else:
        parts = []
    return " · ".join(dict.fromkeys(p for p in parts if p))


def provision_test(value: str) -> Any:
    parts = [p.strip() for p in (value or "").split(":")]
    if len(parts) not in (2, 3) or not all(parts):
        raise BadQuery("a provision filter is instrument:article or instrument:article:part (e.g. criminal_code:174)")
    inst, art = parts[0], parts[1]
    part = parts[2] if len(parts) == 3 else None
    return lambda d: d.get("instrument") == inst and str(d.get("article")) == art and (part is None or str(d.get("part")) == part)


def spans_by_doc(spans: list[tuple[str, str, int, int]]) -> dict[tuple[str, str], list[tuple[int, int]]]:
    out: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for c, d, s, e in spans:
        out.setdefault((c, d), []).append((s, e))
    return out


def overlaps(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def index_document(conn: Connection, case: str, doc_id: str, title: str | None, body: str) -> None:
    res = conn.execute(text("INSERT INTO search_docs (case_id, doc_id) VALUES (:c, :d)"), {"c": case, "d": doc_id})
    conn.execute(text("INSERT INTO documents_fts (rowid, title, text) VALUES (:r, :t, :x)"),
                 {"r": res.lastrowid, "t": title or "", "x": body})


def index_facts(conn: Connection, where: str, params: dict[str, Any]) -> None:
    rows = conn.execute(text(f"SELECT id, kind, quote, data FROM facts WHERE {where}"), params).all()
    if rows:
        conn.execute(text("INSERT INTO facts_fts (rowid, quote, kind, label) VALUES (:r, :q, :k, :l)"),
                     [{"r": i, "q": q, "k": k, "l": fact_label(k, json.loads(d))} for i, k, q, d in rows])


def rebuild_search_index(conn: Connection) -> None:
    """Empty the full-text tables and index every stored report and fact (SQLite with FTS5 only)."""
    conn.execute(text("DELETE FROM search_docs"))
    conn.execute(text("INSERT INTO documents_fts (documents_fts) VALUES ('delete-all')"))
    conn.execute(text("DELETE FROM facts_fts"))
    for case, doc_id, title, body in conn.execute(text("SELECT case_id, id, title, text FROM documents ORDER BY ingested_at")).all():
        index_document(conn, case, doc_id, title, body)
    index_facts(conn, "1=1", {})
