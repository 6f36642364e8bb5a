"""Removing a case, or one report of a case, without a trace.

A team must be able to take a source's report out for that source's safety.  So a removal takes the report's
text, its raw bytes, its facts and their quotes out of every table and of the full-text index, drops the case's
snapshots (each held the whole case file, texts included: the history of `changes` starts again from the case
as it is after the removal), and on SQLite overwrites the freed pages (`secure_delete`), empties the write-ahead
log and compacts the file, so the words are not left in free pages either.

A report read from a feed leaves the digest of its entry's link in `feed_entries` (not the link itself): so
`casewatch watch` does not fetch it back into the case.  Deleting the case deletes those too.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

from ..errors import NotFound


def _fts(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite" and conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE name='facts_fts'")).first() is not None


def _unindex(conn: Connection, case: str, doc: str | None) -> None:
    """Out of the full-text tables: documents_fts is contentless, so each row is deleted with the values it
    was indexed with (FTS5's 'delete' command); facts_fts keeps its own copy and is deleted from directly."""
    where, params = ("case_id=:c", {"c": case}) if doc is None else ("case_id=:c AND doc_id=:d", {"c": case, "d": doc})
    only = "" if doc is None else " AND s.doc_id=:d"
    rows = conn.execute(text("SELECT s.id, d.title, d.text FROM search_docs s JOIN documents d "
                             "ON d.case_id=s.case_id AND d.id=s.doc_id WHERE s.case_id=:c" + only), params).all()
    for rowid, title, body in rows:
        conn.execute(text("INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', :r, :t, :x)"),
                     {"r": rowid, "t": title or "", "x": body})
    conn.execute(text(f"DELETE FROM search_docs WHERE {where}"), params)
    conn.execute(text(f"DELETE FROM facts_fts WHERE rowid IN (SELECT id FROM facts WHERE {where})"), params)


def _scrub(store: Any) -> None:
    """SQLite: freed pages overwritten (secure_delete was on during the removal), the log emptied, the file
    compacted; nothing of the removed text stays in the file."""
    if store.engine.dialect.name != "sqlite":
        return
    with store.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        conn.execute(text("VACUUM"))
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))


# the tables whose rows belong to a case: a case with a row in none of them is empty (drop_if_empty)
_CASE_TABLES = ("documents", "judgements", "snapshots", "grants", "feed_entries")


def drop_if_empty(store: Any, case: str) -> bool:
    """Remove a case that holds no report and nothing else of its own (no judgement, snapshot, feed entry or
    grant): what an ingest that stored nothing leaves behind. True when it was removed."""
    with store.transaction() as conn:
        for table in _CASE_TABLES:
            if conn.execute(text(f"SELECT 1 FROM {table} WHERE case_id=:c"), {"c": case}).first() is not None:
                return False
        conn.execute(text("DELETE FROM case_summaries WHERE case_id=:c"), {"c": case})
        return conn.execute(text("DELETE FROM cases WHERE id=:c"), {"c": case}).rowcount == 1


def delete_case(store: Any, case: str) -> int:
    """Remove a case and everything of it; returns how many reports it held."""
    store.case(case)  # NotFound if there is no such case
    with store.transaction() as conn:
        if conn.dialect.name == "sqlite":
            conn.execute(text("PRAGMA secure_delete=ON"))
        n = conn.execute(text("SELECT COUNT(*) FROM documents WHERE case_id=:c"), {"c": case}).scalar() or 0
        if _fts(conn):
            _unindex(conn, case, None)
        for table in ("facts", "documents", "judgements", "snapshots", "case_summaries", "feed_entries",
                      "queue_items", "queue_batches", "cases"):
            conn.execute(text(f"DELETE FROM {table} WHERE {'id' if table == 'cases' else 'case_id'}=:c"), {"c": case})
    _scrub(store)
    return int(n)


def delete_report(store: Any, case: str, ref: str) -> str:
    """Remove one report of a case, named by its id ("d1a2b3…"), its sha256 (or a prefix of 8 or more) or its
    file name; returns its file name.  The case's snapshots go with it (they held its text)."""
    store.case(case)
    with store.transaction() as conn:
        if conn.dialect.name == "sqlite":
            conn.execute(text("PRAGMA secure_delete=ON"))
        rows = conn.execute(text("SELECT id, filename FROM documents WHERE case_id=:c AND "
                                 "(id=:r OR filename=:r OR (LENGTH(:r) >= 8 AND sha256 LIKE :p))"),
                            {"c": case, "r": ref, "p": ref.lower() + "%"}).all()
        if not rows:
            raise NotFound(f"no report {ref!r} in case {case!r} (give its id, sha256 or file name)")
        if len(rows) > 1:
            raise NotFound(f"{ref!r} names {len(rows)} reports of case {case!r}: give its id ("
                           + ", ".join(r[0] for r in rows) + ")")
        doc, filename = rows[0]
        if _fts(conn):
            _unindex(conn, case, doc)
        conn.execute(text("DELETE FROM facts WHERE case_id=:c AND doc_id=:d"), {"c": case, "d": doc})
        conn.execute(text("DELETE FROM documents WHERE case_id=:c AND id=:d"), {"c": case, "d": doc})
        conn.execute(text("DELETE FROM queue_items WHERE case_id=:c AND doc_id=:d"), {"c": case, "d": doc})  # its name
        conn.execute(text("DELETE FROM snapshots WHERE case_id=:c"), {"c": case})
        store.touch_case(conn, case)
    _scrub(store)
    return filename
