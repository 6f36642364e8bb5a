"""The entries of feeds read into a case (`casewatch watch`, sources.py): each kept as the SHA-256 of its link or
id (feeds.Entry.key), never the address itself, so a report removed for a source's safety leaves no readable trace
and is not fetched back.  Deleting a case forgets its entries (removal.py)."""
from __future__ import annotations

from typing import Any, Iterable

from sqlalchemy import text


def seen_entries(store: Any, case: str, keys: Iterable[str]) -> set[str]:
    """Of these entries' keys, those read into the case before."""
    keys = set(keys)
    if not keys:
        return set()
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT entry FROM feed_entries WHERE case_id=:c"), {"c": case}).all()
    return {r[0] for r in rows} & keys


def mark_entries_seen(store: Any, case: str, keys: Iterable[str]) -> None:
    """These entries are read (stored, or found stored already): a later poll does not fetch them again."""
    from . import now
    rows = [{"c": case, "e": k, "n": now()} for k in dict.fromkeys(keys)]
    if rows:
        with store.transaction() as conn:
            conn.execute(text("INSERT INTO feed_entries (case_id, entry, seen_at) VALUES (:c, :e, :n) "
                              "ON CONFLICT (case_id, entry) DO NOTHING"), rows)
