"""The store: SQLite by default, PostgreSQL by URL, through SQLAlchemy.

All writes of one report go through one transaction: a failure half-way
leaves the database as it was.
"""
from __future__ import annotations

import json
import re
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Iterator

from sqlalchemy import Connection, create_engine, event, text
from sqlalchemy.exc import IntegrityError

from ..errors import AlreadyThere, CasewatchError, NoCase, NotFound
from ..model import Document, Extraction, Judgement, from_data, to_data
from . import migrations
from . import snapshots as _snap
from .search import (BadQuery, Term, best_passage, fact_label, find_matches, fold_text, fts_expression, index_document,
                     index_facts, like_condition, overlaps, parse_query, provision_test, rebuild_search_index, snippet,
                     spans_by_doc)


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
        with self._migration_lock(), self.engine.begin() as conn:
            if self.engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(726153)"))  # one migrating process at a time
            migrations.apply(conn)
            # full text by FTS5 where the SQLite build has it (m002_search made the tables), else LIKE
            self.fts = conn.dialect.name == "sqlite" and conn.execute(
                text("SELECT 1 FROM sqlite_master WHERE name='facts_fts'")).first() is not None

    @contextmanager
    def _migration_lock(self) -> Iterator[None]:
        """Several processes opening one new SQLite file at once: one creates the tables, the others wait and
        then find them made (SQLite runs each CREATE TABLE on its own, so its transactions cannot order them)."""
        db = self.engine.url.database if self.engine.dialect.name == "sqlite" else None
        if not db or db == ":memory:" or db.startswith("file:"):
            yield
            return
        import fcntl
        with open(f"{db}-migrate.lock", "a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    # cases -----------------------------------------------------------------
    def ensure_case(self, conn: Connection, case: str, title: str | None = None) -> bool:
        """Make the case if there is none of that name; True when this call made it."""
        row = conn.execute(text("SELECT id FROM cases WHERE id=:c"), {"c": case}).first()
        if row is None:  # another ingest may make the same case meanwhile: then its row stands
            made = conn.execute(text("INSERT INTO cases (id, title, created_at, updated_at) VALUES (:c, :t, :n, :n) "
                                     "ON CONFLICT (id) DO NOTHING"), {"c": case, "t": title or case, "n": now()})
            return made.rowcount == 1
        if title:
            conn.execute(text("UPDATE cases SET title=:t, revision=revision+1 WHERE id=:c"), {"c": case, "t": title})
        return False

    def touch_case(self, conn: Connection, case: str) -> None:
        conn.execute(text("UPDATE cases SET updated_at=:n, revision=revision+1 WHERE id=:c"), {"c": case, "n": now()})

    def bump(self, conn: Connection, case: str) -> None:
        """The case's case file changed (its facts, a judgement): a new revision (Store.version)."""
        conn.execute(text("UPDATE cases SET revision=revision+1 WHERE id=:c"), {"c": case})

    def cases(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(text("SELECT c.id, c.title, c.created_at, c.updated_at, c.revision, "
                                     "(SELECT COUNT(*) FROM documents d WHERE d.case_id=c.id) AS documents "
                                     "FROM cases c ORDER BY c.updated_at DESC")).mappings().all()
        return [dict(r) for r in rows]

    def case(self, case: str) -> dict[str, Any]:
        with self.engine.connect() as conn:
            row = conn.execute(text("SELECT * FROM cases WHERE id=:c"), {"c": case}).mappings().first()
        if row is None:
            raise NoCase(case)
        return dict(row)

    # documents -------------------------------------------------------------
    def has_document(self, case: str, sha256: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT 1 FROM documents WHERE case_id=:c AND sha256=:s"),
                                {"c": case, "s": sha256}).first() is not None

    def add_document(self, conn: Connection, case: str, doc: Document) -> None:
        """Store one report; AlreadyThere where the case holds its bytes (the unique key on case and sha256
        decides, so two ingests of one file at once cannot both store it), or, for a page fetched from the web, a
        report from the same address with the same text (a page's bytes change from one fetch to the next: a
        token, an advertisement, the time in its corner)."""
        doc.case = case
        doc.ingested_at = doc.ingested_at or now()
        if doc.source_url and conn.execute(text("SELECT 1 FROM documents WHERE case_id=:c AND source_url=:u AND text=:t"),
                                           {"c": case, "u": doc.source_url, "t": doc.text}).first():
            raise AlreadyThere(f"{doc.filename}: already in case {case} (the same text from the same address)")
        try:
            conn.execute(text(
                "INSERT INTO documents (case_id, id, sha256, filename, media_type, raw, text, title, publisher, published, kind, "
                "ingested_at, language, ocr_pages, source_url, fetched_at, source_note) "
                "VALUES (:case, :id, :sha, :fn, :mt, :raw, :text, :title, :pub, :published, :kind, :at, :lang, :ocr, :url, :fetched, :note)"),
                {"case": case, "id": doc.id, "sha": doc.sha256, "fn": doc.filename, "mt": doc.media_type, "raw": doc.raw,
                 "text": doc.text, "title": doc.title, "pub": doc.publisher, "published": doc.published, "kind": doc.kind,
                 "at": doc.ingested_at, "lang": doc.language, "ocr": doc.ocr_pages, "url": doc.source_url,
                 "fetched": doc.fetched_at, "note": doc.source_note})
        except IntegrityError as e:
            if not re.search(r"UNIQUE|duplicate key", str(e.orig), re.I):
                raise
            raise AlreadyThere(f"{doc.filename}: already in case {case}") from None
        if self.fts:
            index_document(conn, case, doc.id, doc.title, doc.text)

    def documents(self, case: str, with_raw: bool = False, doc_id: str | None = None) -> list[Document]:
        """The case's reports in the order they came in (or only the one `doc_id`)."""
        cols = ("id, sha256, filename, media_type, text, title, publisher, published, kind, ingested_at, case_id, language, "
                "ocr_pages, source_url, fetched_at, source_note" + (", raw" if with_raw else ""))
        only = "" if doc_id is None else " AND id=:d"
        with self.engine.connect() as conn:
            rows = conn.execute(text(f"SELECT {cols} FROM documents WHERE case_id=:c{only} ORDER BY ingested_at, filename"),
                                {"c": case, "d": doc_id}).mappings().all()
        return [Document(id=r["id"], sha256=r["sha256"], filename=r["filename"], media_type=r["media_type"], text=r["text"],
                         title=r["title"], publisher=r["publisher"], published=r["published"], kind=r["kind"],
                         ingested_at=r["ingested_at"], case=r["case_id"], raw=bytes(r["raw"]) if with_raw else b"",
                         language=r["language"], ocr_pages=int(r["ocr_pages"] or 0),
                         source_url=r["source_url"], fetched_at=r["fetched_at"], source_note=r["source_note"])
                for r in rows]

    def document_count(self, case: str) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(text("SELECT COUNT(*) FROM documents WHERE case_id=:c"), {"c": case}).scalar() or 0)

    def document(self, case: str, doc_id: str, with_raw: bool = False) -> Document:
        for d in self.documents(case, with_raw=with_raw, doc_id=doc_id):
            return d
        raise NotFound(f"no document {doc_id!r} in case {case!r}")

    # facts -----------------------------------------------------------------
    def replace_facts(self, conn: Connection, case: str, ex: Extraction) -> int:
        if self.fts:
            conn.execute(text("DELETE FROM facts_fts WHERE rowid IN (SELECT id FROM facts WHERE case_id=:c AND doc_id=:d)"),
                         {"c": case, "d": ex.doc})
        conn.execute(text("DELETE FROM facts WHERE case_id=:c AND doc_id=:d"), {"c": case, "d": ex.doc})
        self.bump(conn, case)
        rows = []
        for kind, fact in ex.facts():
            ev = _first_evidence(kind, fact)
            rows.append({"c": case, "d": ex.doc, "k": kind, "s": ev.start, "e": ev.end, "q": ev.quote,
                         "data": json.dumps(to_data(fact), ensure_ascii=False), "x": ex.extractor})
        if rows:
            conn.execute(text("INSERT INTO facts (case_id, doc_id, kind, start_offset, end_offset, quote, data, extractor) "
                              "VALUES (:c, :d, :k, :s, :e, :q, :data, :x)"), rows)
            if self.fts:
                index_facts(conn, "case_id=:c AND doc_id=:d", {"c": case, "d": ex.doc})
        return len(rows)

    def extractions(self, case: str, only: set[str] | None = None) -> dict[str, Extraction]:
        """Each report's facts, in the order stored (`only`: of these reports)."""
        out: dict[str, Extraction] = {}
        with self.engine.connect() as conn:
            # by report id, whatever order they were written in (the queue's workers write them as each finishes):
            # the order SQLite's primary key gave them in before it was said, so the case files stay as they were
            for d in conn.execute(text("SELECT id FROM documents WHERE case_id=:c ORDER BY id"), {"c": case}):
                if only is None or d[0] in only:
                    out[d[0]] = Extraction(doc=d[0])
            rows = conn.execute(text("SELECT doc_id, kind, data, extractor FROM facts WHERE case_id=:c ORDER BY id"),
                                {"c": case}).all()
        if only is not None:
            rows = [r for r in rows if r[0] in only]
        # one parse for all the facts (a JSON array of the stored objects), each object then made the fact it holds
        datas = json.loads("[" + ",".join([r[2] for r in rows]) + "]") if rows else []
        lists = {"person": "mentions", "organization": "mentions", "place": "mentions", "provision": "provisions",
                 "event": "events", "figure": "figures", "claim": "claims"}
        for (doc_id, kind, _, extractor), data in zip(rows, datas):
            ex = out.get(doc_id)
            if ex is None:
                ex = out[doc_id] = Extraction(doc=doc_id)
            ex.extractor = extractor
            getattr(ex, lists[kind]).append(from_data(kind, data, fresh=True))
        return out

    # judgements --------------------------------------------------------------
    def add_judgement(self, j: Judgement, conn: Connection | None = None) -> Judgement:
        j.created_at = j.created_at or now()

        def run(c: Connection) -> None:
            self.ensure_case(c, j.case)
            sql = 'INSERT INTO judgements (case_id, kind, payload, "user", created_at) VALUES (:c, :k, :p, :u, :t)'
            values = {"c": j.case, "k": j.kind, "p": json.dumps(j.payload, ensure_ascii=False), "u": j.user, "t": j.created_at}
            if c.dialect.name == "postgresql":  # psycopg has no lastrowid: the new id comes back with RETURNING
                j.id = c.execute(text(sql + " RETURNING id"), values).scalar()
            else:
                j.id = c.execute(text(sql), values).lastrowid
            self.bump(c, j.case)
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
            self.bump(c, case)

    def judgements(self, case: str, include_undone: bool = False) -> list[Judgement]:
        q = 'SELECT id, case_id, kind, payload, "user", created_at, undone_at FROM judgements WHERE case_id=:c'
        if not include_undone:
            q += " AND undone_at IS NULL"
        with self.engine.connect() as conn:
            rows = conn.execute(text(q + " ORDER BY id"), {"c": case}).all()
        return [Judgement(kind=r[2], case=r[1], payload=json.loads(r[3]), user=r[4], id=r[0], created_at=r[5], undone_at=r[6])
                for r in rows]

    # snapshots (snapshots.py: whole, as deltas, or marked to be built when read) ------------------------------------
    def save_snapshot(self, conn: Connection, case: str, casefile: dict[str, Any], note: str = "") -> None:
        """The case file as it stands, for `changes`: without the reports' texts, as a delta against the case's
        latest snapshot (or whole, compressed)."""
        _snap.insert(conn, case, _snap.encode(conn, case, _snap.light(casefile), None)[0], note)

    def mark_snapshot(self, conn: Connection, case: str, note: str = "") -> None:
        """A snapshot of the case as it stands, built when first read (`snapshot`): what it holds is recorded."""
        _snap.insert(conn, case, _snap.pending(_snap.state(conn, case)), note)

    def snapshots(self, case: str) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(text("SELECT id, created_at, note FROM snapshots WHERE case_id=:c ORDER BY id"), {"c": case}).mappings().all()
        return [dict(r) for r in rows]

    def pending_snapshots(self, case: str) -> list[tuple[int, dict[str, Any]]]:
        """(id, state) of each snapshot marked and not built yet, oldest first."""
        with self.engine.connect() as conn:
            return _snap.marked(conn, case)

    def snapshot(self, case: str, snap_id: int | None = None,
                 build: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> dict[str, Any] | None:
        """A snapshot (the latest without `snap_id`); one marked and not built yet is built by `build(state)` and
        kept (pipeline.snapshot)."""
        with self.engine.connect() as conn:
            row = _snap.row(conn, case, snap_id)
            if row is None:
                return None
            if not _snap.is_pending(row[1]):
                return _snap.from_lines(_snap.read_lines(conn, case, row[0], row[1]))
        if build is None:
            raise CasewatchError(f"snapshot {row[0]} of case {case!r} is not built yet")
        return self.keep_snapshot(case, row[0], build(_snap.state_of(row[1])))

    def keep_snapshot(self, case: str, snap_id: int, casefile: dict[str, Any]) -> dict[str, Any]:
        """A marked snapshot built: stored (as a delta against the latest built one before it); given back as it
        reads back."""
        with self.transaction() as conn:
            return _snap.keep(conn, case, snap_id, _snap.light(casefile))

    def counts(self, case: str) -> dict[str, int]:
        with self.engine.connect() as conn:
            docs = conn.execute(text("SELECT COUNT(*) FROM documents WHERE case_id=:c"), {"c": case}).scalar()
            facts = conn.execute(text("SELECT COUNT(*) FROM facts WHERE case_id=:c"), {"c": case}).scalar()
        return {"documents": int(docs or 0), "facts": int(facts or 0)}

    def version(self, case: str) -> tuple[Any, ...]:
        """What a built case file depends on, read from one row: every write that changes the case file (a report,
        a fact, a judgement, the title) counts the case's revision up (m005_case_revision)."""
        with self.engine.connect() as conn:
            row = conn.execute(text("SELECT title, updated_at, revision FROM cases WHERE id=:c"), {"c": case}).first()
        return tuple(row) if row else (None, None, None)

    # search ------------------------------------------------------------------
    def search(self, query: str, case: str | None = None, person: Iterable[tuple[str, int, int]] | None = None,
               provision: str | None = None, event_type: str | None = None, limit: int = 50) -> dict[str, Any]:
        """Full text over the reports and the extracted facts.

        query: words (all must occur), "a phrase", a prefix*, and OR between two of them; BadQuery
        (a 400 for the web) for an unbalanced quote, an empty or an overlong query.
        person: the spans (doc, start, end) tied to one person of the case file (its mentions, measures,
        events and claims): the store does not resolve names, the case file does.
        provision: "instrument:article" or "instrument:article:part"; event_type: an event type.
        A filter keeps the reports where it applies and the facts whose span overlaps one it names.

        Returns {"facts": [...], "texts": [...], "more": bool}: each hit has case, doc, title, kind, label,
        start and end (the evidence span, or the matched passage of the text; None when only the title matched),
        snippet (HTML: the source is escaped first, then the matches are wrapped in <mark>) and count
        (mentions of that fact in the report, or matches in the text).
        """
        groups = parse_query(query)
        limit = max(1, min(int(limit), 500))
        if person is not None and not case:
            raise BadQuery("the person filter needs a case")
        filters: list[list[tuple[str, str, int, int]]] = []
        if person is not None:
            filters.append([(case, d, s, e) for d, s, e in person])  # type: ignore[misc]
        if provision:
            filters.append(self._filter_spans(case, "provision", provision_test(provision)))
        if event_type:
            filters.append(self._filter_spans(case, "event", lambda d: d.get("type") == event_type))
        by_doc = [spans_by_doc(f) for f in filters]
        allowed = set.intersection(*[set(f) for f in by_doc]) if by_doc else None

        with self.engine.connect() as conn:
            fact_rows = self._fact_rows(conn, groups, case, 5000 if filters else limit * 20)
            text_rows = self._text_rows(conn, groups, case, 5000 if filters else limit + 1)
        more = len(fact_rows) >= (5000 if filters else limit * 20)

        # facts: a fact whose span overlaps one of each filter; the same fact in the same report is listed once, counted
        facts: dict[tuple[Any, ...], dict[str, Any]] = {}
        for r in fact_rows:
            where = (r["case_id"], r["doc_id"])
            if allowed is not None and (where not in allowed or
                                        not all(overlaps(f[where], r["start_offset"], r["end_offset"]) for f in by_doc)):
                continue
            label = r.get("label") or fact_label(r["kind"], json.loads(r["data"]))
            if not self.fts and not any(find_matches(x, groups) for x in (r["quote"], label, r["kind"])):
                continue  # LIKE matched inside a word, or in the JSON
            key = (*where, r["kind"], fold_text(r["quote"]))
            if key in facts:
                facts[key]["count"] += 1
            elif len(facts) >= limit:
                more = True
            else:
                quote_marks, label_marks = find_matches(r["quote"], groups), find_matches(label, groups)
                facts[key] = {"type": "fact", "case": r["case_id"], "doc": r["doc_id"], "title": r["title"] or r["filename"],
                              "kind": r["kind"], "label": label, "start": r["start_offset"], "end": r["end_offset"],
                              "quote": r["quote"], "snippet": snippet(r["quote"], quote_marks, width=300),
                              "label_snippet": snippet(label, label_marks, width=300), "count": 1}

        # report texts: one hit per report, at its passage where the most terms meet
        picked = [r for r in text_rows if allowed is None or (r["case_id"], r["doc_id"]) in allowed]
        more = more or len(picked) > limit
        picked = picked[:limit]
        bodies: dict[tuple[str, str], str] = {}
        if picked:
            with self.engine.connect() as conn:
                for r in picked:
                    bodies[(r["case_id"], r["doc_id"])] = conn.execute(
                        text("SELECT text FROM documents WHERE case_id=:c AND id=:d"), {"c": r["case_id"], "d": r["doc_id"]}).scalar() or ""
        texts: list[dict[str, Any]] = []
        for r in picked:
            body, title = bodies[(r["case_id"], r["doc_id"])], r["title"] or r["filename"]
            marks, title_marks = find_matches(body, groups), find_matches(title, groups)
            if not marks and not title_marks:
                continue
            start, end = best_passage(marks, groups) if marks else (None, None)
            texts.append({"type": "text", "case": r["case_id"], "doc": r["doc_id"], "title": title, "kind": "document",
                          "label": title, "start": start, "end": end, "quote": body[start:end] if marks else "",
                          "snippet": snippet(body, marks, around=(start, end)) if marks else snippet(body[:240], []),
                          "label_snippet": snippet(title, title_marks, width=300), "count": len(marks)})
        return {"facts": list(facts.values()), "texts": texts, "more": more}

    def _filter_spans(self, case: str | None, kind: str, test: Any) -> list[tuple[str, str, int, int]]:
        q = "SELECT case_id, doc_id, start_offset, end_offset, data FROM facts WHERE kind=:k" + (" AND case_id=:c" if case else "")
        with self.engine.connect() as conn:
            rows = conn.execute(text(q), {"k": kind, "c": case}).all()
        return [(c, d, s, e) for c, d, s, e, data in rows if test(json.loads(data))]

    def _fact_rows(self, conn: Connection, groups: list[list[Term]], case: str | None, cap: int) -> list[dict[str, Any]]:
        cols = ("f.case_id, f.doc_id, f.kind, f.start_offset, f.end_offset, f.quote, d.title, d.filename")
        where = " AND f.case_id=:case" if case else ""
        if self.fts:
            sql = (f"SELECT {cols}, facts_fts.label AS label FROM facts_fts JOIN facts f ON f.id = facts_fts.rowid "
                   f"JOIN documents d ON d.case_id = f.case_id AND d.id = f.doc_id WHERE facts_fts MATCH :q{where} "
                   "ORDER BY bm25(facts_fts, 4.0, 1.0, 2.0), f.id LIMIT :n")
            params: dict[str, Any] = {"q": fts_expression(groups)}
        else:
            cond, params = like_condition(groups, ("lower(f.quote)", "lower(f.data)", "lower(f.kind)"))
            sql = (f"SELECT {cols}, f.data FROM facts f JOIN documents d ON d.case_id = f.case_id AND d.id = f.doc_id "
                   f"WHERE ({cond}){where} ORDER BY f.case_id, d.ingested_at, f.id LIMIT :n")
        return [dict(r) for r in conn.execute(text(sql), {**params, "case": case, "n": cap}).mappings()]

    def _text_rows(self, conn: Connection, groups: list[list[Term]], case: str | None, cap: int) -> list[dict[str, Any]]:
        if self.fts:
            sql = ("SELECT sd.case_id, sd.doc_id, d.title, d.filename FROM documents_fts "
                   "JOIN search_docs sd ON sd.id = documents_fts.rowid JOIN documents d ON d.case_id = sd.case_id AND d.id = sd.doc_id "
                   "WHERE documents_fts MATCH :q" + (" AND sd.case_id=:case" if case else "") +
                   " ORDER BY bm25(documents_fts, 3.0, 1.0), d.ingested_at LIMIT :n")
            params: dict[str, Any] = {"q": fts_expression(groups)}
        else:
            cond, params = like_condition(groups, ("lower(d.text)", "lower(d.title)"))
            sql = ("SELECT d.case_id, d.id AS doc_id, d.title, d.filename FROM documents d WHERE (" + cond + ")" +
                   (" AND d.case_id=:case" if case else "") + " ORDER BY d.case_id, d.ingested_at LIMIT :n")
        return [dict(r) for r in conn.execute(text(sql), {**params, "case": case, "n": cap}).mappings()]

    def rebuild_search(self) -> None:
        """Index every report and fact again (the migration's backfill; also a repair)."""
        if self.fts:
            with self.transaction() as conn:
                rebuild_search_index(conn)
