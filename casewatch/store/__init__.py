"""The store: SQLite by default, PostgreSQL by URL, through SQLAlchemy.

All writes of one report go through one transaction: a failure half-way
leaves the database as it was.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any, Iterator

from sqlalchemy import Connection, create_engine, event, text

from ..errors import NotFound
from ..model import Document, Extraction, Judgement, from_data, to_data
from . import migrations


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _first_evidence(kind: str, fact: Any):
    return fact.evidence if kind in ("person", "organization", "place") else fact.evidence[0]


class Store:
    def __init__(self, url: str):
        self.url = url
        self.engine = create_engine(url, future=True)
        if self.engine.dialect.name == "sqlite":
            @event.listens_for(self.engine, "connect")
            def _pragmas(dbapi_conn, _rec):  # noqa: ANN001
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA busy_timeout=10000")
                cur.close()
        with self.engine.begin() as conn:
            migrations.apply(conn)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    # cases -----------------------------------------------------------------
    def ensure_case(self, conn: Connection, case: str, title: str | None = None) -> None:
        row = conn.execute(text("SELECT id FROM cases WHERE id=:c"), {"c": case}).first()
        if row is None:
            conn.execute(text("INSERT INTO cases (id, title, created_at, updated_at) VALUES (:c, :t, :n, :n)"),
                         {"c": case, "t": title or case, "n": now()})
        elif title:
            conn.execute(text("UPDATE cases SET title=:t WHERE id=:c"), {"c": case, "t": title})

    def touch_case(self, conn: Connection, case: str) -> None:
        conn.execute(text("UPDATE cases SET updated_at=:n WHERE id=:c"), {"c": case, "n": now()})

    def cases(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(text("SELECT c.id, c.title, c.created_at, c.updated_at, "
                                     "(SELECT COUNT(*) FROM documents d WHERE d.case_id=c.id) AS documents "
                                     "FROM cases c ORDER BY c.updated_at DESC")).mappings().all()
        return [dict(r) for r in rows]

    def case(self, case: str) -> dict[str, Any]:
        with self.engine.connect() as conn:
            row = conn.execute(text("SELECT * FROM cases WHERE id=:c"), {"c": case}).mappings().first()
        if row is None:
            raise NotFound(f"no case named {case!r}")
        return dict(row)

    # documents -------------------------------------------------------------
    def has_document(self, case: str, sha256: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT 1 FROM documents WHERE case_id=:c AND sha256=:s"),
                                {"c": case, "s": sha256}).first() is not None

    def add_document(self, conn: Connection, case: str, doc: Document) -> None:
        doc.case = case
        doc.ingested_at = doc.ingested_at or now()
        conn.execute(text(
            "INSERT INTO documents (case_id, id, sha256, filename, media_type, raw, text, title, publisher, published, kind, ingested_at) "
            "VALUES (:case, :id, :sha, :fn, :mt, :raw, :text, :title, :pub, :published, :kind, :at)"),
            {"case": case, "id": doc.id, "sha": doc.sha256, "fn": doc.filename, "mt": doc.media_type, "raw": doc.raw,
             "text": doc.text, "title": doc.title, "pub": doc.publisher, "published": doc.published, "kind": doc.kind,
             "at": doc.ingested_at})

    def documents(self, case: str, with_raw: bool = False) -> list[Document]:
        cols = "id, sha256, filename, media_type, text, title, publisher, published, kind, ingested_at, case_id" + (", raw" if with_raw else "")
        with self.engine.connect() as conn:
            rows = conn.execute(text(f"SELECT {cols} FROM documents WHERE case_id=:c ORDER BY ingested_at, filename"),
                                {"c": case}).mappings().all()
        return [Document(id=r["id"], sha256=r["sha256"], filename=r["filename"], media_type=r["media_type"], text=r["text"],
                         title=r["title"], publisher=r["publisher"], published=r["published"], kind=r["kind"],
                         ingested_at=r["ingested_at"], case=r["case_id"], raw=bytes(r["raw"]) if with_raw else b"")
                for r in rows]

    def document(self, case: str, doc_id: str, with_raw: bool = False) -> Document:
        for d in self.documents(case, with_raw=with_raw):
            if d.id == doc_id:
                return d
        raise NotFound(f"no document {doc_id!r} in case {case!r}")

    # facts -----------------------------------------------------------------
    def replace_facts(self, conn: Connection, case: str, ex: Extraction) -> int:
        conn.execute(text("DELETE FROM facts WHERE case_id=:c AND doc_id=:d"), {"c": case, "d": ex.doc})
        rows = []
        for kind, fact in ex.facts():
            ev = _first_evidence(kind, fact)
            rows.append({"c": case, "d": ex.doc, "k": kind, "s": ev.start, "e": ev.end, "q": ev.quote,
                         "data": json.dumps(to_data(fact), ensure_ascii=False), "x": ex.extractor})
        if rows:
            conn.execute(text("INSERT INTO facts (case_id, doc_id, kind, start_offset, end_offset, quote, data, extractor) "
                              "VALUES (:c, :d, :k, :s, :e, :q, :data, :x)"), rows)
        return len(rows)

    def extractions(self, case: str) -> dict[str, Extraction]:
        out: dict[str, Extraction] = {}
        with self.engine.connect() as conn:
            for d in conn.execute(text("SELECT id FROM documents WHERE case_id=:c"), {"c": case}):
                out[d[0]] = Extraction(doc=d[0])
            rows = conn.execute(text("SELECT doc_id, kind, data, extractor FROM facts WHERE case_id=:c ORDER BY id"),
                                {"c": case}).all()
        for doc_id, kind, data, extractor in rows:
            ex = out.setdefault(doc_id, Extraction(doc=doc_id))
            ex.extractor = extractor
            fact = from_data(kind, json.loads(data))
            {"person": ex.mentions, "organization": ex.mentions, "place": ex.mentions, "provision": ex.provisions,
             "event": ex.events, "figure": ex.figures, "claim": ex.claims}[kind].append(fact)
        return out

    # judgements --------------------------------------------------------------
    def add_judgement(self, j: Judgement, conn: Connection | None = None) -> Judgement:
        j.created_at = j.created_at or now()

        def run(c: Connection) -> None:
            self.ensure_case(c, j.case)
            res = c.execute(text('INSERT INTO judgements (case_id, kind, payload, "user", created_at) VALUES (:c, :k, :p, :u, :t)'),
                            {"c": j.case, "k": j.kind, "p": json.dumps(j.payload, ensure_ascii=False), "u": j.user, "t": j.created_at})
            j.id = res.lastrowid if res.lastrowid else c.execute(text("SELECT MAX(id) FROM judgements")).scalar()
        if conn is not None:
            run(conn)
        else:
            with self.transaction() as c:
                run(c)
        return j

    def undo_judgement(self, case: str, jid: int) -> None:
        with self.transaction() as c:
            res = c.execute(text("UPDATE judgements SET undone_at=:n WHERE id=:i AND case_id=:c AND undone_at IS NULL"),
                            {"n": now(), "i": jid, "c": case})
            if res.rowcount == 0:
                raise NotFound(f"no active judgement {jid} in case {case!r}")

    def judgements(self, case: str, include_undone: bool = False) -> list[Judgement]:
        q = 'SELECT id, case_id, kind, payload, "user", created_at, undone_at FROM judgements WHERE case_id=:c'
        if not include_undone:
            q += " AND undone_at IS NULL"
        with self.engine.connect() as conn:
            rows = conn.execute(text(q + " ORDER BY id"), {"c": case}).all()
        return [Judgement(kind=r[2], case=r[1], payload=json.loads(r[3]), user=r[4], id=r[0], created_at=r[5], undone_at=r[6])
                for r in rows]

    # snapshots ---------------------------------------------------------------
    def save_snapshot(self, conn: Connection, case: str, casefile: dict[str, Any], note: str = "") -> None:
        conn.execute(text("INSERT INTO snapshots (case_id, created_at, note, casefile) VALUES (:c, :t, :n, :j)"),
                     {"c": case, "t": now(), "n": note, "j": json.dumps(casefile, ensure_ascii=False)})

    def snapshots(self, case: str) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(text("SELECT id, created_at, note FROM snapshots WHERE case_id=:c ORDER BY id"), {"c": case}).mappings().all()
        return [dict(r) for r in rows]

    def snapshot(self, case: str, snap_id: int | None = None) -> dict[str, Any] | None:
        q = "SELECT casefile FROM snapshots WHERE case_id=:c" + (" AND id=:i" if snap_id else "") + " ORDER BY id DESC LIMIT 1"
        with self.engine.connect() as conn:
            row = conn.execute(text(q), {"c": case, "i": snap_id}).first()
        return json.loads(row[0]) if row else None

    def counts(self, case: str) -> dict[str, int]:
        with self.engine.connect() as conn:
            docs = conn.execute(text("SELECT COUNT(*) FROM documents WHERE case_id=:c"), {"c": case}).scalar()
            facts = conn.execute(text("SELECT COUNT(*) FROM facts WHERE case_id=:c"), {"c": case}).scalar()
        return {"documents": int(docs or 0), "facts": int(facts or 0)}
