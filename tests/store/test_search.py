"""Full-text search in the store: FTS5 kept in step with reports and facts, the LIKE fallback, safe snippets."""
from __future__ import annotations

import hashlib
import os
import sqlite3

import pytest
from sqlalchemy import create_engine, text

from casewatch.model import Document, Event, Evidence, Extraction, Mention, Provision
from casewatch.store import BadQuery, Store, find_matches, migrations, parse_query

TEXT = ("Almaty court jails Nazigul Maksutkhan.\n\nOn 2 March 2026 the court placed activist Nazigul Maksutkhan "
        "under house arrest under article 174 of the Criminal Code. Yeni Dalğa reported the <script>alert(1)</script> "
        "hearing. Her lawyer Erbol Nurlybayev appealed.")


def doc(body: str = TEXT, title: str = "Court jails activist") -> Document:
    return Document(sha256=hashlib.sha256(body.encode()).hexdigest(), filename="r.txt", media_type="text/plain",
                    text=body, title=title, published="2026-03-03")


def ev(d: Document, quote: str, nth: int = 0) -> Evidence:
    start = -1
    for _ in range(nth + 1):
        start = d.text.index(quote, start + 1)
    return d.span(start, start + len(quote))


def extraction(d: Document) -> Extraction:
    sentence = "On 2 March 2026 the court placed activist Nazigul Maksutkhan under house arrest under article 174 of the Criminal Code."
    return Extraction(doc=d.id, extractor="test", mentions=[
        Mention("person", "Nazigul Maksutkhan", ev(d, "Nazigul Maksutkhan"), roles=["activist"]),
        Mention("person", "Nazigul Maksutkhan", ev(d, "Nazigul Maksutkhan", 1), roles=["defendant"]),
        Mention("person", "Erbol Nurlybayev", ev(d, "Erbol Nurlybayev"), roles=["lawyer"]),
        Mention("organization", "Yeni Dalga", ev(d, "Yeni Dalğa"))],
        provisions=[Provision("criminal_code", "Criminal Code", "174", None, [ev(d, "article 174 of the Criminal Code")])],
        events=[Event("house_arrest", "2026-03-02", [ev(d, sentence)], participants=["Nazigul Maksutkhan"])])


def store_with(url: str, *docs: Document, case: str = "c") -> Store:
    store = Store(url)
    for d in docs:
        with store.transaction() as conn:
            store.ensure_case(conn, case)
            store.add_document(conn, case, d)
            store.replace_facts(conn, case, extraction(d) if "Nazigul" in d.text else Extraction(doc=d.id, extractor="test"))
    return store


@pytest.fixture
def store(db_url: str) -> Store:
    return store_with(db_url, doc())


def test_a_name_finds_facts_and_text_with_offsets_into_the_report(store: Store) -> None:
    res = store.search("maksutkhan")
    d = doc()
    kinds = [h["kind"] for h in res["facts"]]
    assert "person" in kinds and "event" in kinds
    person = next(h for h in res["facts"] if h["kind"] == "person")
    assert person["count"] == 2  # two mentions, one hit
    for h in res["facts"]:
        assert d.text[h["start"]:h["end"]] == h["quote"]
    [t] = res["texts"]
    assert t["doc"] == d.id and t["case"] == "c" and t["count"] == 2
    assert d.text[t["start"]:t["end"]] == t["quote"] == "Maksutkhan"
    assert "<mark>Maksutkhan</mark>" in t["snippet"]


def test_phrase_prefix_or_and_diacritics(store: Store) -> None:
    assert store.search('"house arrest"')["facts"]
    assert not store.search('"arrest house"')["texts"]
    assert [h["label"] for h in store.search("nurlyb*")["facts"]] == ["Erbol Nurlybayev · lawyer"]
    assert store.search("nothinghere OR lawyer")["facts"]
    assert not store.search("nothinghere lawyer")["facts"]
    hit = store.search("dalga")["texts"][0]  # the report says Dalğa
    assert hit["quote"] == "Dalğa" and "<mark>Dalğa</mark>" in hit["snippet"]


def test_snippets_escape_the_source_then_mark(store: Store) -> None:
    [t] = store.search("alert hearing")["texts"]
    assert "&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt; <mark>hearing</mark>" in t["snippet"]
    assert "<script>" not in t["snippet"]


@pytest.mark.parametrize("q", ['"house', 'a "b" "c', "", "   ", "!!! ...", "OR", "lawyer OR", "OR lawyer", "x" * 501])
def test_bad_queries_say_what_is_wrong(store: Store, q: str) -> None:
    with pytest.raises(BadQuery) as e:
        store.search(q)
    assert str(e.value)


@pytest.mark.parametrize("q", ["NEAR(lawyer court)", "title:court", "^court", "court*-", "lawyer AND", "c'ourt", "(court",
                               "court NOT lawyer", "{title}: court", "*"])
def test_fts_syntax_typed_by_a_user_never_reaches_fts5(store: Store, q: str) -> None:
    try:
        store.search(q)
    except BadQuery:
        pass  # a clear message is fine; an sqlite error is not


def test_parse_query() -> None:
    assert [[t.words for t in g] for g in parse_query('Maksutkhan "house arrest" a OR b')] == \
        [[("maksutkhan",)], [("house", "arrest")], [("a",), ("b",)]]
    assert parse_query("detain*")[0][0].prefix
    assert find_matches("Ms. MAKSUTKHAN, Maksutkhanova", parse_query("maksutkhan")) == [(4, 14, 0)]


def test_replacing_facts_replaces_their_index_entries(store: Store) -> None:
    d = doc()
    assert store.search("lawyer")["facts"]
    with store.transaction() as conn:
        ex = extraction(d)
        ex.mentions = [m for m in ex.mentions if m.name != "Erbol Nurlybayev"]
        store.replace_facts(conn, "c", ex)
    assert not store.search("lawyer")["facts"]
    assert store.search("lawyer")["texts"]  # the text still says it


def test_filters(db_url: str) -> None:
    other = doc("Police detained the journalist Aigerim Tursunova in Astana. Her lawyer was not admitted.", "Journalist held")
    store = store_with(db_url, doc(), other)
    assert {h["doc"] for h in store.search("lawyer")["texts"]} == {doc().id, other.id}
    only = store.search("lawyer", provision="criminal_code:174")
    assert {h["doc"] for h in only["texts"]} == {doc().id}
    assert only["facts"] == []  # the lawyer's mention is not in the provision's span
    assert store.search("Maksutkhan", provision="criminal_code:174")["facts"][0]["kind"] == "event"
    assert store.search("lawyer", provision="criminal_code:999") == {"facts": [], "texts": [], "more": False}
    assert {h["kind"] for h in store.search("court", event_type="house_arrest")["facts"]} == {"event"}
    d = doc()
    span = ev(d, "Erbol Nurlybayev")
    mine = store.search("lawyer", case="c", person=[(d.id, span.start, span.end)])
    assert [h["label"] for h in mine["facts"]] == ["Erbol Nurlybayev · lawyer"] and len(mine["texts"]) == 1
    assert store.search("lawyer", case="nope")["texts"] == []
    with pytest.raises(BadQuery):
        store.search("lawyer", person=[])
    with pytest.raises(BadQuery):
        store.search("lawyer", provision="174")


def test_limit_and_more(db_url: str) -> None:
    docs = [doc(TEXT + f" Copy {i}.") for i in range(4)]
    store = store_with(db_url, *docs)
    res = store.search("lawyer", limit=2)
    assert len(res["texts"]) == 2 and len(res["facts"]) == 2 and res["more"]


def test_like_fallback_finds_the_same(store: Store) -> None:
    fts = store.search("Maksutkhan lawyer")
    store.fts = False  # as on PostgreSQL
    like = store.search("Maksutkhan lawyer")
    assert [h["doc"] for h in like["texts"]] == [h["doc"] for h in fts["texts"]]
    assert like["texts"][0]["snippet"] == fts["texts"][0]["snippet"]
    assert store.search("nurlyb*")["facts"][0]["label"] == "Erbol Nurlybayev · lawyer"
    assert store.search("Maksut")["facts"] == []  # a substring is not a word


def test_existing_database_is_backfilled(tmp_path) -> None:
    """A database made before m002_search: its reports and facts are indexed when the store opens it."""
    path = tmp_path / "old.db"
    url = f"sqlite:///{path}"
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE _migrations (name VARCHAR(200) PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)"))
        migrations.m001_initial(conn)
        conn.execute(text("INSERT INTO _migrations VALUES ('m001_initial', '2026-01-01')"))
    engine.dispose()
    old = Store.__new__(Store)  # the store of that time: tables of m001 only, no index to keep
    old.url, old.engine, old.fts = url, create_engine(url), False
    old.bump = lambda conn, case: None  # nor a revision to count (m005_case_revision)
    d = doc()
    with old.transaction() as conn:
        old.ensure_case(conn, "c")
        conn.execute(text(  # the columns of that time (later migrations add others)
            "INSERT INTO documents (case_id, id, sha256, filename, media_type, raw, text, title, publisher, published, "
            "kind, ingested_at) VALUES ('c', :id, :sha, :fn, :mt, :raw, :text, :title, :pub, :published, :kind, :at)"),
            {"id": d.id, "sha": d.sha256, "fn": d.filename, "mt": d.media_type, "raw": d.raw, "text": d.text,
             "title": d.title, "pub": d.publisher, "published": d.published, "kind": d.kind, "at": "2026-01-01"})
        old.replace_facts(conn, "c", extraction(d))
    old.close()
    store = Store(url)
    assert store.fts
    assert store.search("lawyer")["facts"][0]["label"] == "Erbol Nurlybayev · lawyer"
    assert store.search("Dalga")["texts"][0]["doc"] == d.id
    assert store.document("c", d.id).language is None and store.document("c", d.id).read  # stored before m004: read
    con = sqlite3.connect(path)
    assert [r[0] for r in con.execute("SELECT name FROM _migrations ORDER BY name")] == [n for n, _ in migrations.MIGRATIONS]


def test_version_changes_with_facts_and_judgements(store: Store) -> None:
    from casewatch.model import Judgement
    v0 = store.version("c")
    j = store.add_judgement(Judgement(kind="merge", case="c", payload={"a": "x", "b": "y"}))
    v1 = store.version("c")
    store.undo_judgement("c", j.id)
    v2 = store.version("c")
    with store.transaction() as conn:
        store.replace_facts(conn, "c", extraction(doc()))
    assert len({v0, v1, v2, store.version("c")}) == 4
    assert store.version("nope")[1] is None


@pytest.mark.postgres
@pytest.mark.skipif(not os.environ.get("CASEWATCH_TEST_PG"), reason="set CASEWATCH_TEST_PG to a PostgreSQL URL")
def test_postgres_searches_with_like() -> None:
    url = os.environ["CASEWATCH_TEST_PG"]
    from tests.conftest import empty_postgres
    store = store_with(empty_postgres(url), doc())
    assert not store.fts
    res = store.search("maksutkhan house*")
    assert res["texts"][0]["count"] == 3 and {h["kind"] for h in res["facts"]} == {"event"}
    assert {h["kind"] for h in store.search("Maksutkhan")["facts"]} == {"person", "event"}
    assert store.search("Dalga")["texts"] == []  # no folding of diacritics in the fallback
    with pytest.raises(BadQuery):
        store.search('"house')
    store.close()
