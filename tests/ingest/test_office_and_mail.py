"""Word documents and e-mails, made here with the libraries that write them (python-docx, the standard library's
email package): their text, title, date and sender are read; a damaged or exploding file is refused in one line."""
from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage

import pytest

from casewatch.errors import InputError
from casewatch.ingest import read_bytes
from casewatch.settings import Settings

SETTINGS = Settings(db_url="sqlite://")
BODY = "Police detained the blogger Anna Berg in Port Halvard on 3 March 2026. She was charged under Article 12."


def _docx() -> bytes:
    import datetime

    import docx
    d = docx.Document()
    d.core_properties.title = "Urgent appeal: Anna Berg"
    d.core_properties.author = "Rights Desk"
    d.core_properties.created = datetime.datetime(2026, 3, 5, 9, 0)
    d.add_heading("URGENT APPEAL", 1)
    d.add_paragraph(BODY)
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Name", "Measure"
    t.cell(1, 0).text, t.cell(1, 1).text = "Anna Berg", "pretrial detention"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_a_word_report_is_read_with_its_tables_and_properties():
    doc = read_bytes("appeal.docx", _docx(), SETTINGS)
    assert "Anna Berg in Port Halvard" in doc.text and "Anna Berg | pretrial detention" in doc.text
    assert doc.title == "Urgent appeal: Anna Berg" and doc.published == "2026-03-05"
    assert doc.media_type.endswith("wordprocessingml.document")


def test_a_damaged_or_exploding_word_file_is_refused_in_one_line():
    with pytest.raises(InputError, match="not a Word document"):
        read_bytes("x.docx", b"PK\x03\x04 not really a zip", SETTINGS)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document/>" + " " * (60 * 2**20))  # 60 MB of XML in a few KB
    with pytest.raises(InputError, match="expands to"):
        read_bytes("bomb.docx", buf.getvalue(), SETTINGS)


def test_an_email_with_a_plain_body_and_an_attachment():
    m = EmailMessage()
    m["From"] = "Field Monitor <monitor@example.org>"
    m["Subject"] = "Anna Berg detained in Port Halvard"
    m["Date"] = "Thu, 05 Mar 2026 09:14:00 +0100"
    m.set_content(BODY)
    m.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="court-order.pdf")
    doc = read_bytes("alert.eml", m.as_bytes(), SETTINGS)
    assert BODY in doc.text and "court-order.pdf" in doc.text
    assert doc.title == "Anna Berg detained in Port Halvard" and doc.published == "2026-03-05"
    assert doc.publisher == "Field Monitor"


def test_an_email_with_only_html_and_a_file_that_is_no_email():
    m = EmailMessage()
    m["From"] = "desk@example.org"
    m["Subject"] = "Update"
    m.set_content(f"<html><body><p>{BODY}</p><script>alert(1)</script></body></html>", subtype="html")
    doc = read_bytes("update.eml", m.as_bytes(), SETTINGS)
    assert "Anna Berg" in doc.text and "alert(1)" not in doc.text
    with pytest.raises(InputError, match="not an e-mail"):
        read_bytes("plain.eml", BODY.encode(), SETTINGS)
