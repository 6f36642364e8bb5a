"""Ingest of real small files: text, metadata, furniture removal, sha256."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from casewatch.ingest import ACCEPTED, detect_un_reference, iter_paths, read_bytes, read_path
from casewatch.ingest.clean import clean
from casewatch.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def settings() -> Settings:
    return Settings(db_url="sqlite://")


def lines(text: str) -> list[str]:
    return [x.strip() for x in text.split("\n")]


def test_accepted():
    assert ACCEPTED == {".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".odt", ".eml"}


def test_txt_statement_with_page_furniture(settings):
    path = FIXTURES / "statement.txt"
    doc = read_path(path, settings)
    raw = path.read_bytes()
    assert doc.raw == raw
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.filename == "statement.txt"
    assert doc.media_type == "text/plain"
    assert doc.title == "Arvenia: Release blogger Ilya Verenko and drop the false information charge"
    assert doc.publisher == "Arvenian Rights Watch"
    assert doc.published is None          # only narrative dates ("On 4 September 2024, …")
    assert doc.kind == "ngo_statement"
    # furniture gone
    for gone in ("menu_open", "We use cookies", "More information", "12 4", "previous day",
                 "appeared first on", "©", "https://"):
        assert gone not in doc.text
    assert "Share" not in lines(doc.text) and "Tweet" not in lines(doc.text)
    # real content intact, including a paragraph that starts like a share button and a short heading
    assert ("Verenko was arrested on 2 September 2024 after he published photographs of dead fish near the "
            "Halvard river port. On 4 September 2024, the Port Halvard District Court placed him in pre-trial "
            "detention for two months.") in lines(doc.text)
    assert any(x.startswith("Share of the river that is polluted") for x in lines(doc.text))
    assert "Background" in lines(doc.text)
    assert doc.text.startswith("Arvenia: Release blogger")
    assert "\n\n\n" not in doc.text
    assert all(x == x.rstrip() for x in doc.text.split("\n"))


def test_markdown_appeal(settings):
    doc = read_path(FIXTURES / "appeal.md", settings)
    assert doc.media_type == "text/markdown"
    assert doc.title == "Urgent Appeal: Arvenia – arbitrary detention of blogger Ilya Verenko"
    assert doc.published == "2024-10-21"
    assert doc.publisher == "Harbour Defenders Network"
    assert doc.kind == "urgent_appeal"
    assert "**" not in doc.text and "Ilya Verenko" in doc.text   # inline emphasis off, so names read as names
    assert doc.text.startswith("# Urgent Appeal")      # headings and lists kept as written
    assert "- drop the charge under Article 212 of the Criminal Code." in doc.text
    assert "All rights reserved" not in doc.text
    assert not doc.text.endswith("\n")


def test_html_page_with_nav_cookie_banner_and_footer(settings):
    doc = read_path(FIXTURES / "news_page.html", settings)
    assert doc.media_type == "text/html"
    assert doc.title == "Arvenia: Court extends detention of blogger Ilya Verenko"
    assert doc.publisher == "Northern Ledger"
    assert doc.published == "2024-10-14"             # from the page's metadata
    assert doc.kind == "news"
    for gone in ("We use cookies", "Accept all cookies", "Subscribe", "Opinion", "Harbour workers strike",
                 "Privacy policy", "©", "Tweet"):
        assert gone not in doc.text
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Arvenia: Court extends detention of blogger Ilya Verenko"
    assert ("The next hearing is scheduled for 9 December 2024. Verenko faces up to five years in prison "
            "if convicted.") in paragraphs
    assert paragraphs[1] == "By Dana Kestrel"        # the page's author, kept as a byline under the title
    assert len(paragraphs) == 6                      # title + byline + four paragraphs, separated by blank lines


def test_pdf_court_document(settings):
    path = FIXTURES / "verdict.pdf"
    doc = read_path(path, settings)
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.media_type == "application/pdf"
    assert doc.title == "Verdict in the case of Ilya Verenko"   # the PDF's own title
    assert doc.publisher == "Port Halvard District Court"
    assert doc.published == "2024-11-18"
    assert doc.kind == "court_document"
    assert "Case No. 1-318/2024" in doc.text
    # two pages joined by a blank line
    first, second = doc.text.split("\n\n")
    assert "Criminal Code of Arvenia." in first
    assert second.startswith("The court found Ilya Verenko guilty")


def test_un_letter(settings):
    doc = read_path(FIXTURES / "letter.txt", settings)
    assert doc.kind == "un_communication"
    assert doc.title == "Communication UA ARV 4/2024"
    assert doc.publisher == "UN Special Procedures (UA ARV 4/2024)"
    assert doc.published == "2024-10-30"
    assert doc.text.startswith("Mandates of the Special Rapporteur")   # leading blank lines stripped
    assert detect_un_reference(doc.text) == "UA ARV 4/2024"


def test_detect_un_reference():
    assert detect_un_reference("Ref.: JAL  ARV\n12/2025 (Please use…)") == "JAL ARV 12/2025"
    assert detect_un_reference("see communication AL OTH 3/2024 of the mandate holders") == "AL OTH 3/2024"
    assert detect_un_reference("Article 174(2) of the Criminal Code, 2/2026") is None


def test_explicit_published_and_title_override(settings):
    data = (FIXTURES / "appeal.md").read_bytes()
    doc = read_bytes("appeal.md", data, settings, published="2024-10-22", title="My title")
    assert doc.published == "2024-10-22"
    assert doc.title == "My title"
    # a timestamp is cut to the date
    assert read_bytes("appeal.md", data, settings, published="2024-10-22 02:48:13").published == "2024-10-22"


@pytest.mark.parametrize("line, iso", [
    ("29.01.2026", "2026-01-29"),
    ("6 March 2026", "2026-03-06"),
    ("January 29, 2026", "2026-01-29"),
    ("Published: 3 February 2025", "2025-02-03"),
    ("Thursday, 29 January 2026", "2026-01-29"),
    ("March 2026", "2026-03"),
    ("2026-01-02", "2026-01-02"),
])
def test_date_line_alone_near_top(settings, line, iso):
    doc = read_bytes("a.txt", f"A headline\n\n{line}\n\nPolice detained two activists.\n".encode(), settings)
    assert doc.published == iso


def test_no_date_from_narrative_or_far_down(settings):
    body = "A headline\n\nOn 6 March 2026, police detained two activists in Port Halvard.\n"
    assert read_bytes("a.txt", body.encode(), settings).published is None
    far = "A headline\n\n" + "".join(f"Paragraph {i} about the case.\n\n" for i in range(20)) + "6 March 2026\n"
    assert read_bytes("a.txt", far.encode(), settings).published is None


@pytest.mark.parametrize("text, kind", [
    ("Statement\n\nWe, the undersigned organisations, call for the immediate release of Ilya Verenko.", "ngo_statement"),
    ("RIVER WATCH\nPress statement - for immediate release\n\nPort Halvard, 2 May 2026\n\nPolice detained two "
     "activists on Monday.", "ngo_statement"),
    ("Harbour Rights Centre\nNews Release\n\nPort Halvard: Free the Two\n\nPolice detained two activists.",
     "ngo_statement"),
    ("Harbour Press Desk\nAlerts\n\nThe Harbour Press Desk condemns the arrest of two bloggers and asks for their "
     "release. Police detained them on Monday.", "ngo_statement"),
    ("Police detained two activists on Monday. Later the Harbour Rights Centre said in a press release that it "
     "condemns the arrests.", "news"),
    ("Case No. 2-77/2024\n\nThe court found the defendant guilty.", "court_document"),
    ("My name is Anna Berg.\nI was detained at the bus station and held for two days.", "testimony"),
    ("Police detained a blogger on Monday, a spokesman said. The indictment was not published.", "news"),
    ("A blogger was arrested.\n\n\u201cI was shocked,\u201d his mother said.", "news"),
])
def test_kinds(settings, text, kind):
    assert read_bytes("k.txt", text.encode(), settings).kind == kind


def test_crlf_and_bom_and_utf16(settings):
    doc = read_bytes("w.txt", "\ufeffTitle line\r\n\r\nBody text here.\r\n".encode("utf-8"), settings)
    assert doc.text == "Title line\n\nBody text here."
    doc16 = read_bytes("w16.txt", "Title line\r\n\r\nBody text here.".encode("utf-16"), settings)
    assert doc16.text == "Title line\n\nBody text here."


def test_clean_breadcrumbs_repeated_title_and_source_footer():
    text = ("A fictional headline about Port Halvard\n  \u2022 Home\n  \u2022 >\n"
            "  \u2022 A fictional headline about Port Halvard\n\nA fictional headline about Port Halvard\n\n"
            "01.02.2025\n\nThe first real paragraph.   \n\n\n\n\nThe last real paragraph.\n\n"
            "SOURCE:\n\nNorthern Ledger\n\nhttps://example.org/story\n")
    assert clean(text) == ("A fictional headline about Port Halvard\n\n01.02.2025\n\n"
                           "The first real paragraph.\n\nThe last real paragraph.")


def test_clean_keeps_timeline_years_and_bylines():
    text = "A timeline of the case\n\nBy Dana Kestrel\n\n2019\n\nThe blog was launched.\n\n2024\n\nThe blogger was arrested."
    assert clean(text) == text


def test_date_after_the_body_began_is_not_taken(settings):
    para = "paragraph of the body that tells the story of the case and goes on for many words " * 2 + "here."
    text = f"A timeline of the case\n\nA first {para}\n\nA second {para}\n\n7 June 1994\n\nThe blogger was born.\n"
    assert read_bytes("t.txt", text.encode(), settings).published is None


def test_clean_keeps_bullet_lists_and_source_sentences():
    text = ("Headline\n\nPlease write to:\n\u2022 the Prosecutor General\n\u2022 the Minister of Justice\n\n"
            "Source: a lawyer who asked not to be named, speaking on 3 May, said the hearing had been moved "
            "to a larger courtroom.\n\nMore paragraphs follow here.")
    assert clean(text) == text


def test_iter_paths(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b.txt", "a.HTML", "sub/c.pdf", "sub/d.md", "notes.rtf", ".secret.txt", ".hidden/e.txt"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "photo.png").write_bytes(b"x")
    files, errors = iter_paths([tmp_path, tmp_path / "photo.png", tmp_path / "missing.txt", tmp_path / "b.txt"])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a.HTML", "b.txt", "sub/c.pdf", "sub/d.md"]
    assert [Path(e.file).name for e in errors] == ["photo.png", "missing.txt"]
    assert "unsupported file type" in errors[0].reason
    assert "no such file" in errors[1].reason


def test_html_fallback_and_declared_charset(settings):
    # too little for trafilatura: the simple lxml extraction takes over
    tiny = b"<html><body><div>Police detained three activists in Port Halvard.</div><div>Share</div></body></html>"
    assert read_bytes("tiny.html", tiny, settings).text == "Police detained three activists in Port Halvard."
    # not UTF-8, but the page declares its charset
    page = ("<html><head><meta charset='windows-1251'></head><body><p>"
            "\u0421\u0443\u0434 \u0432 \u041f\u043e\u0440\u0442-\u0425\u0430\u043b\u0432\u0430\u0440\u0434\u0435"
            "</p></body></html>").encode("cp1251")
    assert read_bytes("ru.htm", page, settings).text == "Суд в Порт-Халварде"


def test_markdown_front_matter(settings):
    data = ("---\ntitle: Verenko hearing notes\ndate: 2024-12-09\nsource: Harbour Defenders Network\n---\n"
            "The hearing was postponed.\n").encode()
    doc = read_bytes("notes.md", data, settings)
    assert doc.text == "The hearing was postponed."
    assert (doc.title, doc.published, doc.publisher) == ("Verenko hearing notes", "2024-12-09",
                                                          "Harbour Defenders Network")


def test_a_masthead_line_names_the_publisher(settings):
    md = ("# Court adjourns the trial of four volunteers\n\n**Danube Courier** · Courts & prisons · 18 June 2026\n"
          "*By Ana Popescu*\n\nThe trial of four volunteers opened on Tuesday behind closed doors.\n")
    doc = read_bytes("story.md", md.encode(), settings)
    assert doc.publisher == "Danube Courier"
