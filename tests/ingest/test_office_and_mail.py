"""Word documents, OpenDocument texts and e-mails, made here with the libraries that write them (python-docx, the
standard library's zipfile and email package): their text, title, date and sender are read; a damaged, exploding
or booby-trapped file is refused in one line."""
from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage

import pytest

from casewatch.errors import InputError
from casewatch.ingest import office, read_bytes
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


ODF = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
       'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3"')
CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {ODF}><office:body><office:text>
<text:sequence-decls><text:sequence-decl text:name="Table"/></text:sequence-decls>
<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>
<text:p>A deleted draft sentence.</text:p></text:deletion></text:changed-region></text:tracked-changes>
<text:h text:outline-level="1">URGENT APPEAL</text:h>
<text:p>Police detained the journalist <text:span>Mira Kovac</text:span> in Velgrad on 3 March 2026.<text:s/>She was
 charged under<text:s text:c="3"/>Article 12<text:note
 text:note-class="footnote"><text:note-citation>1</text:note-citation>
<text:note-body><text:p>Penal Code of Veldonia.</text:p></text:note-body></text:note>; see
 <text:a xlink:href="https://example.org">the court order</text:a>.<text:tab/>
Signed<text:line-break/>Rights Desk</text:p>
<text:h text:outline-level="2">Demands</text:h>
<text:list><text:list-item><text:p>Release Mira Kovac.</text:p></text:list-item>
<text:list-item><text:p>Drop the charge.</text:p><text:list><text:list-item><text:p>Article 12</text:p></text:list-item>
</text:list></text:list-item></text:list>
<table:table table:name="Table1"><table:table-column table:number-columns-repeated="2"/>
<table:table-header-rows><table:table-row><table:table-cell><text:p>Name</text:p></table:table-cell>
<table:table-cell><text:p>Measure</text:p></table:table-cell></table:table-row></table:table-header-rows>
<table:table-row><table:table-cell><text:p>Mira Kovac</text:p></table:table-cell>
<table:table-cell><text:p>pretrial detention</text:p><text:p>(two months)</text:p></table:table-cell></table:table-row>
</table:table>
<text:p>Issued by the Rights Desk.<office:annotation><text:p>check with Jonas</text:p></office:annotation></text:p>
</office:text></office:body></office:document-content>"""
META = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta {ODF}><office:meta><dc:title>Urgent appeal: Mira Kovac</dc:title>
<meta:initial-creator>Velgrad Rights Desk</meta:initial-creator><dc:creator>Someone Else</dc:creator>
<meta:creation-date>2026-03-05T09:00:00.123456789</meta:creation-date><dc:date>2026-03-09T10:00:00</dc:date>
</office:meta></office:document-meta>"""
MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


def _odt(content: str | bytes | None = CONTENT, meta: str | None = META,
         mimetype: str = "application/vnd.oasis.opendocument.text", manifest: str = MANIFEST) -> bytes:
    """An .odt as an office suite writes it: the mimetype first and stored, then the manifest and the XML."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", manifest)
        if content is not None:
            z.writestr("content.xml", content)
        if meta is not None:
            z.writestr("meta.xml", meta)
    return buf.getvalue()


def test_an_opendocument_report_is_read_in_order_with_its_lists_tables_and_properties():
    data = _odt()
    assert zipfile.ZipFile(io.BytesIO(data)).infolist()[0].compress_type == zipfile.ZIP_STORED
    doc = read_bytes("appeal.odt", data, SETTINGS)
    text = doc.text
    # white space in the XML is one space; <text:s text:c="3"/>, a tab and a line break are kept as written
    assert "the journalist Mira Kovac in Velgrad on 3 March 2026. She was charged under   Article 12[1]; see " \
           "the court order.\tSigned\nRights Desk" in text
    order = ["URGENT APPEAL", "Demands", "Release Mira Kovac.", "Drop the charge.", "Name | Measure",
             "Mira Kovac | pretrial detention (two months)", "Issued by the Rights Desk.",
             "[1] Penal Code of Veldonia."]
    assert [text.index(x) for x in order] == sorted(text.index(x) for x in order)
    assert "deleted draft" not in text and "check with Jonas" not in text  # a deletion, a comment
    assert doc.title == "Urgent appeal: Mira Kovac" and doc.published == "2026-03-05"
    assert doc.publisher == "Velgrad Rights Desk"
    assert doc.media_type == "application/vnd.oasis.opendocument.text"


def test_opendocument_metadata_falls_back_to_the_last_editor_and_dc_date():
    meta = META.replace("<meta:initial-creator>Velgrad Rights Desk</meta:initial-creator>", "").replace(
        "<meta:creation-date>2026-03-05T09:00:00.123456789</meta:creation-date>", "")
    doc = read_bytes("appeal.odt", _odt(meta=meta), SETTINGS)
    assert doc.published == "2026-03-09"
    assert office.from_odt(_odt(meta=meta)).meta["publisher"] == "Someone Else"
    assert office.from_odt(_odt(meta=None)).meta == {}


def test_a_damaged_exploding_or_booby_trapped_opendocument_file_is_refused_in_one_line():
    with pytest.raises(InputError, match="not an OpenDocument text .not a zip file"):
        read_bytes("x.odt", b"PK\x03\x04 not really a zip", SETTINGS)
    with pytest.raises(InputError, match="not an OpenDocument text .not a zip file"):
        read_bytes("x.odt", BODY.encode(), SETTINGS)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("content.xml", "<office:document-content/>" + " " * (60 * 2**20))  # 60 MB of XML in a few KB
    assert len(buf.getvalue()) < 200_000
    with pytest.raises(InputError, match="OpenDocument file expands to 60 MB .limit 50 MB."):
        read_bytes("bomb.odt", buf.getvalue(), SETTINGS)
    with pytest.raises(InputError, match=r"not an OpenDocument text \(no content.xml\)"):
        read_bytes("empty.odt", _odt(content=None), SETTINGS)
    with pytest.raises(InputError, match="its mimetype is 'application/vnd.oasis.opendocument.spreadsheet'"):
        read_bytes("sheet.odt", _odt(mimetype="application/vnd.oasis.opendocument.spreadsheet"), SETTINGS)
    with pytest.raises(InputError, match="damaged OpenDocument file"):
        read_bytes("cut.odt", _odt(content=CONTENT[:2000]), SETTINGS)
    locked = MANIFEST.replace('"text/xml"/>', '"text/xml"><manifest:encryption-data/></manifest:file-entry>', 1)
    with pytest.raises(InputError, match="password-protected"):
        read_bytes("locked.odt", _odt(content=b"\x8f\x02 ciphertext", manifest=locked), SETTINGS)
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
                        for i in range(1, 10))
              + f']>\n<office:document-content {ODF}><office:body><office:text><text:p>&lol9;</text:p>'
              + "</office:text></office:body></office:document-content>")
    for bad in (laughs, CONTENT.replace("?>", '?>\n<!DOCTYPE office:document-content SYSTEM "file:///etc/passwd">', 1)):
        with pytest.raises(InputError, match="declares a DOCTYPE or entities"):
            read_bytes("laughs.odt", _odt(content=bad), SETTINGS)
    with pytest.raises(InputError, match="declares a DOCTYPE or entities"):
        read_bytes("laughs.odt", _odt(meta=laughs), SETTINGS)


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
