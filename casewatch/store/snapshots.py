"""How the snapshots of a case file are kept, for `casewatch changes` (issue 15).

A snapshot is the case file without the reports' texts (they are in `documents`, and `changes` reads quotes, not
texts).  The `casefile` column of a snapshot holds one of:

- ``z2:`` and its lines (below) compressed: all of it; plain JSON (databases made before the snapshots were
  compressed) or ``z1:`` and compressed JSON, as older casewatch kept a whole snapshot, still read;
- ``d1:<base>:<depth>:`` and a compressed delta: the snapshot written as lines (one per item of each list of the
  case file, `lines`), given as runs of lines copied from snapshot <base> of the same case and the lines that are
  new.  Adding one report to a case changes a few of its thousands of items, so a delta is a small part of the
  whole; every KEYFRAME-th snapshot of a chain is kept whole again, so reading one applies at most that many;
- ``p1:`` and the compressed state the snapshot stands for, not built yet: the reports the case held and the
  analyst's judgements in force when the ingest ended, and the case's title.  A large case's ingest records that
  instead of building the case file (pipeline.snapshot_after_ingest); the first read builds it from those reports'
  facts and those judgements, which nothing changes meanwhile (re-extraction builds the pending ones first, a
  removal drops every snapshot), so it is the case file the ingest would have built, and stores it as above.
"""
from __future__ import annotations

import base64
import json
import re
import zlib
from typing import Any, Callable

from sqlalchemy import Connection, text

KEYFRAME = 32  # a chain of deltas is at most this long before a whole snapshot again


def pack(data: Any) -> str:
    return "z1:" + _z(data)


def pack_lines(ls: list[str]) -> str:
    """A whole snapshot as its lines, compressed: read back without parsing (z2)."""
    return "z2:" + base64.b64encode(zlib.compress("\n".join(ls).encode("utf-8"), 6)).decode("ascii")


def _whole_lines(stored: str) -> list[str]:
    if stored.startswith("z2:"):
        body = zlib.decompress(base64.b64decode(stored[3:])).decode("utf-8")
        return body.split("\n") if body else []
    return lines(unpack(stored))


def unpack(stored: str) -> dict[str, Any]:
    """A whole snapshot as stored: compressed ("z1:"), or plain JSON as databases made before kept it."""
    if stored.startswith("z1:"):
        return _unz(stored[3:])
    return json.loads(stored)


def _z(data: Any) -> str:
    return base64.b64encode(zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), 6)).decode("ascii")


def _unz(s: str) -> Any:
    return json.loads(zlib.decompress(base64.b64decode(s)).decode("utf-8"))


def light(casefile: dict[str, Any]) -> dict[str, Any]:
    """The case file as a snapshot keeps it: without the reports' texts."""
    return dict(casefile, documents=[{k: v for k, v in d.items() if k != "text"} for d in casefile.get("documents", [])])


# a snapshot as lines ------------------------------------------------------------------------------------------------
def lines(cf: dict[str, Any]) -> list[str]:
    """One line per value of the case file, and per item of each list (after a line naming the list and its length);
    JSON never holds a bare newline, so `from_lines` reads it back exactly."""
    out: list[str] = []
    for k, v in cf.items():
        if isinstance(v, list):
            out.append("L" + json.dumps([k, len(v)], ensure_ascii=False))
            out += [json.dumps(x, ensure_ascii=False) for x in v]
        else:
            out.append("V" + json.dumps([k, v], ensure_ascii=False))
    return out


def from_lines(ls: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    i = 0
    while i < len(ls):
        head = ls[i]
        k, v = json.loads(head[1:])
        if head[0] == "L":
            out[k] = json.loads("[" + ",".join(ls[i + 1:i + 1 + v]) + "]")
            i += 1 + v
        else:
            out[k] = v
            i += 1
    return out


def delta(old: list[str], new: list[str]) -> list[Any]:
    """`new` from `old` in one pass: runs of lines copied ([start, count]), lines that are old lines changed (a
    person with one more quote: ["~", the old line, runs of its pieces and new pieces], `_pieces`), new lines
    (strings).  A line is looked for where the last run ended, else by a dictionary; a changed line is paired with
    the old line gone from `new` that shares the most pieces with it."""
    kept = set(new)
    gone: dict[str, list[int]] = {}  # piece -> the old lines not in `new` that hold it
    for i, s in enumerate(old):
        if s not in kept:
            for p in set(_pieces(s)):
                gone.setdefault(p, []).append(i)

    def changed(s: str) -> list[Any] | None:
        pieces = _pieces(s)
        votes: dict[int, int] = {}
        for p in set(pieces):
            for j in gone.get(p, ())[:8]:
                votes[j] = votes.get(j, 0) + len(p)
        if not votes:
            return None
        j = max(votes, key=lambda j: (votes[j], -j))
        sub = _runs(_pieces(old[j]), pieces)
        return ["~", j, sub] if sum(len(x) for x in sub if isinstance(x, str)) < len(s) * 0.7 else None
    return _runs(old, new, changed)


def _pieces(line: str) -> list[str]:
    """A line cut before each '{': the pieces of an item are mostly its quotes, one each."""
    return _PIECE.split(line)


_PIECE = re.compile(r"(?=\{)")


def _runs(old: list[str], new: list[str], changed: Callable[[str], Any] | None = None) -> list[Any]:
    """`new` as runs of `old` copied ([start, count]) and, for a line `old` lacks, what `changed` makes of it, else
    the line itself."""
    at: dict[str, int] = {}
    for i, s in enumerate(old):
        at.setdefault(s, i)
    ops: list[Any] = []
    run: list[int] | None = None
    for s in new:
        if run is not None and run[0] + run[1] < len(old) and old[run[0] + run[1]] == s:
            run[1] += 1
            continue
        i = at.get(s)
        if i is not None:
            run = [i, 1]
            ops.append(run)
            continue
        run = None
        op = changed(s) if changed is not None else None
        ops.append(s if op is None else op)
    return ops


def apply(old: list[str], ops: list[Any]) -> list[str]:
    """The lines (or a line's pieces) that `ops` (delta, _runs) make of `old`."""
    out: list[str] = []
    for op in ops:
        if isinstance(op, str):
            out.append(op)
        elif op[0] == "~":
            out.append("".join(apply(_pieces(old[op[1]]), op[2])))
        else:
            out += old[op[0]:op[0] + op[1]]
    return out


# rows -----------------------------------------------------------------------------------------------------------------
def is_pending(stored: str) -> bool:
    return stored.startswith("p1:")


def row(conn: Connection, case: str, snap_id: int | None) -> Any:
    """(id, stored) of a snapshot of the case, the latest without `snap_id`; None if there is none."""
    q = "SELECT id, casefile FROM snapshots WHERE case_id=:c" + (" AND id=:i" if snap_id else "") + " ORDER BY id DESC LIMIT 1"
    return conn.execute(text(q), {"c": case, "i": snap_id}).first()


def insert(conn: Connection, case: str, stored: str, note: str) -> None:
    from . import now
    conn.execute(text("INSERT INTO snapshots (case_id, created_at, note, casefile) VALUES (:c, :t, :n, :j)"),
                 {"c": case, "t": now(), "n": note, "j": stored})


def state(conn: Connection, case: str) -> dict[str, Any]:
    """What a snapshot of the case stands for: its reports, the judgements in force, its title."""
    docs = [r[0] for r in conn.execute(text("SELECT id FROM documents WHERE case_id=:c"), {"c": case})]
    js = [r[0] for r in conn.execute(text("SELECT id FROM judgements WHERE case_id=:c AND undone_at IS NULL"),
                                     {"c": case})]
    title = conn.execute(text("SELECT title FROM cases WHERE id=:c"), {"c": case}).scalar()
    return {"documents": docs, "judgements": js, "title": title}


def marked(conn: Connection, case: str) -> list[tuple[int, dict[str, Any]]]:
    rows = conn.execute(text("SELECT id, casefile FROM snapshots WHERE case_id=:c AND casefile LIKE 'p1:%' ORDER BY id"),
                        {"c": case}).all()
    return [(r[0], state_of(r[1])) for r in rows]


def keep(conn: Connection, case: str, snap_id: int, cf: dict[str, Any]) -> dict[str, Any]:
    """Store the marked snapshot `snap_id` built (`cf`, light); it back as it reads back."""
    stored, ls = encode(conn, case, cf, snap_id)
    conn.execute(text("UPDATE snapshots SET casefile=:j WHERE case_id=:c AND id=:i AND casefile LIKE 'p1:%'"),
                 {"j": stored, "c": case, "i": snap_id})
    return from_lines(ls)


def _row(conn: Connection, case: str, snap_id: int) -> str | None:
    return conn.execute(text("SELECT casefile FROM snapshots WHERE case_id=:c AND id=:i"),
                        {"c": case, "i": snap_id}).scalar()


def _depth(stored: str) -> int:
    return int(stored.split(":", 3)[2]) if stored.startswith("d1:") else 0


def read_lines(conn: Connection, case: str, snap_id: int, stored: str | None = None) -> list[str]:
    """A built snapshot as lines (following its chain of deltas back to a whole one)."""
    chain: list[str] = []
    stored = stored if stored is not None else _row(conn, case, snap_id)
    while stored is not None and stored.startswith("d1:"):
        _, base, _, body = stored.split(":", 3)
        chain.append(body)
        stored = _row(conn, case, int(base))
    if stored is None or is_pending(stored):
        raise ValueError(f"snapshot {snap_id} of case {case!r}: its chain is broken")
    out = _whole_lines(stored)
    for body in reversed(chain):
        out = apply(out, _unz(body))
    return out


def encode(conn: Connection, case: str, cf: dict[str, Any], before: int | None) -> tuple[str, list[str]]:
    """(what to store, its lines) for the snapshot `cf` (light) taken after snapshot `before` (None: the latest
    built one): a delta against the latest built snapshot before it, or whole."""
    ls = lines(cf)
    q = "SELECT id, casefile FROM snapshots WHERE case_id=:c AND casefile NOT LIKE 'p1:%'"
    q += (" AND id<:b" if before is not None else "") + " ORDER BY id DESC LIMIT 1"
    row = conn.execute(text(q), {"c": case, "b": before}).first()
    if row is None or _depth(row[1]) + 1 >= KEYFRAME:
        return pack_lines(ls), ls
    body = _z(delta(read_lines(conn, case, row[0], row[1]), ls))
    if len(body) * 8 > sum(map(len, ls)):  # near what the whole costs compressed (JSON shrinks 8 to 10 times)
        whole = pack_lines(ls)
        if len(whole) <= len(body):
            return whole, ls
    return f"d1:{row[0]}:{_depth(row[1]) + 1}:{body}", ls


def pending(state: dict[str, Any]) -> str:
    return "p1:" + _z(state)


def state_of(stored: str) -> dict[str, Any]:
    return _unz(stored[3:])
