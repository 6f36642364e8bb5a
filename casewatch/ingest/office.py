"""Word documents (.docx, with python-docx), OpenDocument texts (.odt, with the standard library's zipfile and
ElementTree) and e-mails (.eml, with the standard library's email package).

A .docx or .odt is a zip of XML: its members' declared sizes are summed before anything is parsed, so a zip bomb is
refused in one line.  An .odt's XML is refused if it declares a DOCTYPE or entities (a "billion laughs" would
expand them without end); its paragraphs, headings, list items and table rows (cells joined by " | ") are read in
document order, its footnotes after the text; deleted tracked changes and comments are not read.  Its meta.xml
gives the title, the author and the date.  An e-mail's report is its body (the plain-text part, else the HTML part
read as a page); its subject, date and sender give the title, the date and the publisher; its attachments are named
at the end of the text, not read (save them and ingest them as files of their own).
"""
from __future__ import annotations

import datetime
import io
import re
import xml.etree.ElementTree as ET
import zipfile
import zlib
from email import policy
from email.parser import BytesParser
from email.utils import parseaddr, parsedate_to_datetime
from xml.parsers.expat import ExpatError, ParserCreate

from .convert import BadInput, Converted, decode, from_html

MAX_UNZIPPED = 50 * 1024 * 1024  # a Word or OpenDocument file's XML, all members together
ODT = "application/vnd.oasis.opendocument.text"


def from_docx(data: bytes) -> Converted:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            total = sum(i.file_size for i in z.infolist())
            if total > MAX_UNZIPPED:
                raise BadInput(f"Word file expands to {total / 2**20:,.0f} MB (limit {MAX_UNZIPPED // 2**20} MB)")
            if "word/document.xml" not in z.namelist():
                raise BadInput("not a Word document (no word/document.xml)")
    except zipfile.BadZipFile:
        raise BadInput("not a Word document (not a zip file)") from None
    import docx  # python-docx
    try:
        d = docx.Document(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 - python-docx raises many kinds on a damaged file
        raise BadInput(f"damaged Word document ({type(e).__name__})") from None
    blocks = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            cells = []
            for c in row.cells:
                if not cells or c.text != cells[-1]:  # a merged cell repeats itself
                    cells.append(c.text)
            blocks.append(" | ".join(x.strip() for x in cells))
    text = "\n\n".join(b.strip() for b in blocks if b.strip())
    props = d.core_properties
    meta = {"title": props.title or None, "publisher": props.author or None,
            "published": props.created.date().isoformat() if props.created else None}
    return Converted(text, meta={k: v for k, v in meta.items() if v})


# --- OpenDocument text ------------------------------------------------------------------

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
_BLOCKS = (_TEXT + "p", _TEXT + "h")
_ROW_GROUPS = (_TABLE + "table-header-rows", _TABLE + "table-rows", _TABLE + "table-row-group")
_NOT_READ = (_TEXT + "tracked-changes", _OFFICE + "annotation", _OFFICE + "annotation-end",  # deleted text, comments
             _TEXT + "sequence-decls", _TEXT + "variable-decls", _TEXT + "user-field-decls", _OFFICE + "forms",
             _SVG + "title", _SVG + "desc")  # a picture's alt text is not on the page
MAX_SPACES = 64  # one <text:s text:c="…"/> writes at most this many spaces
_WS = re.compile(r"[ \t\r\n]+")


def from_odt(data: bytes) -> Converted:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            total = sum(i.file_size for i in z.infolist())
            if total > MAX_UNZIPPED:
                raise BadInput(f"OpenDocument file expands to {total / 2**20:,.0f} MB "
                               f"(limit {MAX_UNZIPPED // 2**20} MB)")
            names = set(z.namelist())
            if "mimetype" in names:
                kind = z.read("mimetype").decode("utf-8", "replace").strip()
                if kind != ODT:
                    raise BadInput(f"not an OpenDocument text (its mimetype is {kind[:80]!r}, not {ODT!r})")
            if "content.xml" not in names:
                raise BadInput("not an OpenDocument text (no content.xml)")
            if "META-INF/manifest.xml" in names and b"encryption-data" in z.read("META-INF/manifest.xml"):
                raise BadInput("OpenDocument file is password-protected (save it without a password and ingest that)")
            content = _xml(z.read("content.xml"))
            meta = _xml(z.read("meta.xml")) if "meta.xml" in names else None
    except zipfile.BadZipFile:
        raise BadInput("not an OpenDocument text (not a zip file, or a damaged one)") from None
    except (zipfile.LargeZipFile, RuntimeError, EOFError, OSError, zlib.error) as e:  # encrypted, unknown method…
        raise BadInput(f"damaged OpenDocument file ({str(e)[:100] or type(e).__name__})") from None
    blocks: list[str] = []
    notes: list[str] = []
    try:
        for body in content.iter(_OFFICE + "text"):
            _blocks(body, blocks, notes)
    except RecursionError:
        raise BadInput("damaged OpenDocument file (its XML is nested too deeply)") from None
    text = "\n\n".join(b.strip() for b in blocks + notes if b.strip())
    return Converted(text, meta=_odt_meta(meta) if meta is not None else {})


def _xml(raw: bytes) -> ET.Element:
    """One member's XML.  A first pass with expat stops at a DOCTYPE or an entity declaration, before anything
    declared there could be expanded; only then is the tree built."""
    def refuse(*_: object) -> None:
        raise BadInput("OpenDocument XML declares a DOCTYPE or entities (refused: they can expand without end)")
    guard = ParserCreate()
    guard.StartDoctypeDeclHandler = guard.EntityDeclHandler = refuse
    try:
        guard.Parse(raw, True)
        return ET.fromstring(raw)
    except (ExpatError, ET.ParseError):
        raise BadInput("damaged OpenDocument file") from None


def _blocks(parent: ET.Element, out: list[str], notes: list[str]) -> None:
    """Paragraphs, headings and table rows under `parent`, in document order (lists and sections are walked)."""
    for e in parent:
        if e.tag in _BLOCKS:
            out.append(_para(e, notes))
        elif e.tag == _TABLE + "table":
            out.extend(_rows(e, notes))
        elif e.tag not in _NOT_READ:
            _blocks(e, out, notes)


def _rows(table: ET.Element, notes: list[str]) -> list[str]:
    rows: list[str] = []
    for e in table:
        if e.tag == _TABLE + "table-row":
            cells = []
            for c in e:
                if c.tag == _TABLE + "table-cell":  # a covered cell (under a merged one) holds nothing to read
                    parts: list[str] = []
                    _blocks(c, parts, notes)
                    cells.append(" ".join(p.strip() for p in parts if p.strip()))
            rows.append(" | ".join(cells))
        elif e.tag in _ROW_GROUPS:
            rows.extend(_rows(e, notes))
    return rows


def _para(e: ET.Element, notes: list[str]) -> str:
    """A paragraph's or heading's text.  As ODF says, a run of white space in the XML is one space, and none at the
    start of the paragraph or of a line; <text:s/>, <text:tab/> and <text:line-break/> are kept as written."""
    runs: list[str | tuple[str, bool]] = []
    _runs(e, notes, runs)
    out: list[str] = []
    space = True  # the text so far ends in a space, or is at the start of a line
    for r in runs:
        if isinstance(r, tuple):
            out.append(r[0])
            space = r[1]
        else:
            r = _WS.sub(" ", r)
            r = r[1:] if space and r.startswith(" ") else r
            if r:
                out.append(r)
                space = r.endswith(" ")
    return "".join(out)


def _runs(e: ET.Element, notes: list[str], runs: list[str | tuple[str, bool]]) -> None:
    """The text inside `e`: character data as str; spaces, tabs and breaks as written as (text, starts a line).
    Spans, links and fields give their text; a footnote's body goes to `notes`, its number stays in place."""
    runs.append(e.text or "")
    for c in e:
        if c.tag == _TEXT + "s":
            n = c.get(_TEXT + "c", "1")
            runs.append((" " * (max(1, min(int(n[:6]), MAX_SPACES)) if n.isdecimal() else 1), False))
        elif c.tag == _TEXT + "tab":
            runs.append(("\t", True))
        elif c.tag == _TEXT + "line-break":
            runs.append(("\n", True))
        elif c.tag == _TEXT + "note":
            mark = "".join(x.text or "" for x in c.iter(_TEXT + "note-citation")).strip()
            runs.append(f"[{mark}]" if mark else "")
            for b in c.iter(_TEXT + "note-body"):
                parts: list[str] = []
                _blocks(b, parts, notes)
                notes.append(" ".join([f"[{mark}]" if mark else ""] + [p.strip() for p in parts if p.strip()]))
        elif c.tag in _BLOCKS:  # a paragraph in a frame or text box inside this one
            runs.extend([("\n", True), (_para(c, notes), False), ("\n", True)])
        elif c.tag not in _NOT_READ:
            _runs(c, notes, runs)
        runs.append(c.tail or "")


def _odt_meta(meta: ET.Element) -> dict[str, str]:
    def first(*tags: str) -> str | None:
        for tag in tags:
            for e in meta.iter(tag):
                if e.text and e.text.strip():
                    return " ".join(e.text.split())
        return None
    out = {"title": first(_DC + "title"), "publisher": first(_META + "initial-creator", _DC + "creator")}  # the author, else the last editor
    when = first(_META + "creation-date", _DC + "date")
    try:
        out["published"] = datetime.date.fromisoformat(when[:10]).isoformat() if when else None
    except ValueError:
        pass
    return {k: v for k, v in out.items() if v}


def from_eml(data: bytes) -> Converted:
    try:
        msg = BytesParser(policy=policy.default).parsebytes(data)
    except Exception as e:  # noqa: BLE001
        raise BadInput(f"not a readable e-mail ({type(e).__name__})") from None
    if not (msg.get("From") or msg.get("Subject") or msg.get("Date")):
        raise BadInput("not an e-mail (no From, Subject or Date header)")
    body = msg.get_body(preferencelist=("plain", "html"))
    if body is None:
        text = ""
    elif body.get_content_type() == "text/html":
        text = from_html(body.get_payload(decode=True) or b"").text
    else:
        raw = body.get_payload(decode=True) or b""
        charset = body.get_content_charset()
        try:
            text = raw.decode(charset) if charset else decode(raw)
        except (LookupError, UnicodeDecodeError):
            text = decode(raw)
    names = [a.get_filename() or "(no name)" for a in msg.iter_attachments()]
    if names:
        text += "\n\n[attachments, not read: " + "; ".join(names) + "]"
    meta: dict[str, str] = {}
    if msg.get("Subject"):
        meta["title"] = str(msg["Subject"])
    try:
        if msg.get("Date"):
            meta["published"] = parsedate_to_datetime(str(msg["Date"])).date().isoformat()
    except (TypeError, ValueError):
        pass
    sender = parseaddr(str(msg.get("From", "")))
    if sender[0] or sender[1]:
        meta["publisher"] = sender[0] or sender[1]
    return Converted(text, meta=meta)
