"""Named, transactional, recorded schema migrations (in the manner of sqlite-utils).

Each migration runs once, inside a transaction, and is recorded by name in
`_migrations`.  Add new ones at the end; never edit an applied one.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

from sqlalchemy import Connection, text

MIGRATIONS: list[tuple[str, Callable[[Connection], None]]] = []


def migration(fn: Callable[[Connection], None]) -> Callable[[Connection], None]:
    MIGRATIONS.append((fn.__name__, fn))
    return fn


def _exec(conn: Connection, sql: str) -> None:
    for stmt in [s.strip() for s in sql.split(";") if s.strip()]:
        conn.execute(text(stmt))


@migration
def m001_initial(conn: Connection) -> None:
    blob = "BYTEA" if conn.dialect.name == "postgresql" else "BLOB"
    serial = "SERIAL PRIMARY KEY" if conn.dialect.name == "postgresql" else "INTEGER PRIMARY KEY AUTOINCREMENT"
    _exec(conn, f"""
    CREATE TABLE cases (
        id VARCHAR(200) PRIMARY KEY,
        title TEXT,
        created_at VARCHAR(40) NOT NULL,
        updated_at VARCHAR(40) NOT NULL
    );
    CREATE TABLE documents (
        case_id VARCHAR(200) NOT NULL REFERENCES cases(id),
        id VARCHAR(40) NOT NULL,
        sha256 VARCHAR(64) NOT NULL,
        filename TEXT NOT NULL,
        media_type VARCHAR(100) NOT NULL,
        raw {blob} NOT NULL,
        text TEXT NOT NULL,
        title TEXT,
        publisher TEXT,
        published VARCHAR(20),
        kind VARCHAR(40) NOT NULL,
        ingested_at VARCHAR(40) NOT NULL,
        PRIMARY KEY (case_id, id),
        UNIQUE (case_id, sha256)
    );
    CREATE TABLE facts (
        id {serial},
        case_id VARCHAR(200) NOT NULL,
        doc_id VARCHAR(40) NOT NULL,
        kind VARCHAR(40) NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        quote TEXT NOT NULL,
        data TEXT NOT NULL,
        extractor VARCHAR(80) NOT NULL,
        FOREIGN KEY (case_id, doc_id) REFERENCES documents(case_id, id)
    );
    CREATE INDEX facts_case_doc ON facts(case_id, doc_id);
    CREATE TABLE judgements (
        id {serial},
        case_id VARCHAR(200) NOT NULL REFERENCES cases(id),
        kind VARCHAR(40) NOT NULL,
        payload TEXT NOT NULL,
        "user" VARCHAR(200) NOT NULL,
        created_at VARCHAR(40) NOT NULL,
        undone_at VARCHAR(40)
    );
    CREATE TABLE snapshots (
        id {serial},
        case_id VARCHAR(200) NOT NULL REFERENCES cases(id),
        created_at VARCHAR(40) NOT NULL,
        note TEXT,
        casefile TEXT NOT NULL
    );
    CREATE INDEX snapshots_case ON snapshots(case_id, id)
    """)


@migration
def m002_search(conn: Connection) -> None:
    """Full text (SQLite FTS5) over the reports and the facts, filled from what is already stored.

    documents_fts is contentless (the text stays in documents only; search_docs gives each report the integer
    rowid FTS5 needs); facts_fts keeps its quote and label, keyed by facts.id.  PostgreSQL, and a SQLite built
    without FTS5, search with LIKE instead and need no table.
    """
    if conn.dialect.name != "sqlite":
        return
    try:
        conn.execute(text("CREATE VIRTUAL TABLE temp._fts5_probe USING fts5(x)"))
        conn.execute(text("DROP TABLE temp._fts5_probe"))
    except Exception:  # noqa: BLE001 - no FTS5 in this SQLite
        return
    tokenize = "tokenize = 'unicode61 remove_diacritics 2'"
    _exec(conn, f"""
    CREATE TABLE search_docs (
        id INTEGER PRIMARY KEY,
        case_id VARCHAR(200) NOT NULL,
        doc_id VARCHAR(40) NOT NULL,
        UNIQUE (case_id, doc_id)
    );
    CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='', {tokenize});
    CREATE VIRTUAL TABLE facts_fts USING fts5(quote, kind, label, {tokenize})
    """)
    from .search import rebuild_search_index  # the same code that keeps the index up to date
    rebuild_search_index(conn)


def apply(conn: Connection) -> list[str]:
    """Apply every migration not yet recorded; returns the names applied."""
    conn.execute(text("CREATE TABLE IF NOT EXISTS _migrations (name VARCHAR(200) PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)"))
    done = {r[0] for r in conn.execute(text("SELECT name FROM _migrations"))}
    applied = []
    for name, fn in MIGRATIONS:
        if name in done:
            continue
        fn(conn)
        conn.execute(text("INSERT INTO _migrations (name, applied_at) VALUES (:n, :t)"),
                     {"n": name, "t": datetime.now(timezone.utc).isoformat(timespec="seconds")})
        applied.append(name)
    return applied


@migration
def m003_accounts(conn: Connection) -> None:
    """Accounts, their grants on cases, server-side sessions, API tokens and the audit log (issue 13).

    Passwords are stored as argon2 hashes; session and API tokens as SHA-256 digests (the token itself is shown
    once and never stored).  The audit log is append-only: nothing in casewatch updates or deletes its rows."""
    serial = "SERIAL PRIMARY KEY" if conn.dialect.name == "postgresql" else "INTEGER PRIMARY KEY AUTOINCREMENT"
    _exec(conn, f"""
    CREATE TABLE users (
        name VARCHAR(100) PRIMARY KEY,
        password_hash TEXT NOT NULL,
        role VARCHAR(20) NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at VARCHAR(40) NOT NULL
    );
    CREATE TABLE grants (
        user_name VARCHAR(100) NOT NULL REFERENCES users(name),
        case_id VARCHAR(200) NOT NULL,
        PRIMARY KEY (user_name, case_id)
    );
    CREATE TABLE sessions (
        token_hash VARCHAR(64) PRIMARY KEY,
        user_name VARCHAR(100) NOT NULL REFERENCES users(name),
        csrf VARCHAR(64) NOT NULL,
        created_at VARCHAR(40) NOT NULL,
        expires_at VARCHAR(40) NOT NULL
    );
    CREATE TABLE api_tokens (
        token_hash VARCHAR(64) PRIMARY KEY,
        user_name VARCHAR(100) NOT NULL REFERENCES users(name),
        label TEXT,
        created_at VARCHAR(40) NOT NULL
    );
    CREATE TABLE audit (
        id {serial},
        at VARCHAR(40) NOT NULL,
        user_name VARCHAR(100),
        action VARCHAR(40) NOT NULL,
        case_id VARCHAR(200),
        detail TEXT,
        address VARCHAR(100)
    );
    CREATE INDEX audit_at ON audit(at)
    """)


@migration
def m004_report_language(conn: Connection) -> None:
    """Each report's language as detected at ingest (NULL: too short to tell, and every report stored before, all
    read) and the pages of a scanned PDF read by OCR (issue 14)."""
    _exec(conn, """
    ALTER TABLE documents ADD COLUMN language VARCHAR(16);
    ALTER TABLE documents ADD COLUMN ocr_pages INTEGER NOT NULL DEFAULT 0
    """)


@migration
def m005_case_revision(conn: Connection) -> None:
    """A case's revision, counted up by every write that changes its case file (a report, its facts, a judgement,
    the title): the version a built case file is kept under is one row's read, not counts over the facts (issue
    15); and each case's summary for the list of cases, kept with the revision it was made at."""
    _exec(conn, """
    ALTER TABLE cases ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE case_summaries (
        case_id VARCHAR(200) PRIMARY KEY,
        revision INTEGER NOT NULL,
        summary TEXT NOT NULL
    )
    """)


@migration
def m006_web_sources(conn: Connection) -> None:
    """Reports fetched from the web (issue 14): each keeps its address, when it was fetched and, when it is a feed's
    own text of an entry rather than the page, a note saying so; `feed_entries` holds, per case, the SHA-256 of each
    feed entry's link (or id) already read, so `casewatch watch` fetches only what is new (a digest, not the address:
    a report removed for a source's safety leaves no readable trace here, and is not fetched again)."""
    _exec(conn, """
    ALTER TABLE documents ADD COLUMN source_url TEXT;
    ALTER TABLE documents ADD COLUMN fetched_at VARCHAR(40);
    ALTER TABLE documents ADD COLUMN source_note TEXT;
    CREATE INDEX documents_source ON documents(case_id, source_url);
    CREATE TABLE feed_entries (
        case_id VARCHAR(200) NOT NULL,
        entry VARCHAR(64) NOT NULL,
        seen_at VARCHAR(40) NOT NULL,
        PRIMARY KEY (case_id, entry)
    )
    """)


@migration
def m007_queue(conn: Connection) -> None:
    """The queue's own record of what it was given (casewatch/queue.py, issue 15): a batch per `casewatch queue
    ingest|reextract`, with how many of its items are not finished yet and when its snapshot was made; an item per
    report, with the bytes it carries until a worker has read them (then dropped: a report's bytes live in
    `documents` only, so a removal leaves none here), its outcome and the reason of a failure.  The tasks
    themselves are procrastinate's tables, made beside these on PostgreSQL (queue.ensure_schema)."""
    blob = "BYTEA" if conn.dialect.name == "postgresql" else "BLOB"
    serial = "SERIAL PRIMARY KEY" if conn.dialect.name == "postgresql" else "INTEGER PRIMARY KEY AUTOINCREMENT"
    _exec(conn, f"""
    CREATE TABLE queue_batches (
        id {serial},
        case_id VARCHAR(200) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        created_at VARCHAR(40) NOT NULL,
        total INTEGER NOT NULL,
        remaining INTEGER NOT NULL,
        snapshot_at VARCHAR(40)
    );
    CREATE TABLE queue_items (
        id {serial},
        batch_id INTEGER NOT NULL REFERENCES queue_batches(id) ON DELETE CASCADE,
        case_id VARCHAR(200) NOT NULL,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        kind VARCHAR(20) NOT NULL,
        data {blob},
        url TEXT,
        doc_id VARCHAR(40),
        meta TEXT,
        job_id BIGINT,
        state VARCHAR(20),
        reason TEXT,
        worker VARCHAR(200),
        seconds REAL,
        finished_at VARCHAR(40)
    );
    CREATE INDEX queue_items_batch ON queue_items(batch_id, state);
    CREATE INDEX queue_items_case ON queue_items(case_id, state)
    """)
