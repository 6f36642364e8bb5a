"""Word documents (.docx, with python-docx), OpenDocument texts (.odt, with the standard library's zipfile and
ElementTree) and e-mails (.eml, with the standard library's email package).

A .docx or .odt is a zip of XML: its members' declared sizes are summed before anything is parsed, so a zip bomb is
refused in one line.  An .odt's XML is refused if it declares a DOCTYPE or entities (a "billion laughs" would
expand them without end); its paragraphs, headings, list items and table rows (cells joined by " | ") are read in
document order, its footnotes after the text; deleted tracked changes and comments are not read.  Its meta.xml
gives the title, the author and the date.  An e-mail's report is its body (the plain-text part, else the HTML part
read as a page); its subject, date and sender give the title, the date and the publisher.  Each attachment of a type
ingest reads is a report of its own (`eml_attachments`: at most MAX_ATTACHMENTS, their sizes together within the
file-size limit, each under a clean file name; the pipeline reads them like files, named '<e-mail>/<attachment>');
the body names them at its end, and names the others as not read.  An e-mail attached to another is read as a
report, but its own attachments are only named (one level only).
"""
from __future__ import annotations

import datetime
import io
import re
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
import zlib
from email import policy
from email.message import EmailMessage
from email.header import decode_header, make_header
from email.parser import BytesParser
from email.utils import parseaddr, parsedate_to_datetime
from pathlib import Path
from xml.parsers.expat import ExpatError, ParserCreate

from .convert import MEDIA_TYPES, BadInput, Converted, decode, from_html

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


MAX_ATTACHMENTS = 50  # an e-mail's attachments read as reports of their own; the others are only named
MAX_NAMED = 100  # attachments named in an e-mail's body, past which they are counted
MAX_PARAMS = 2000  # characters of a Content-Type or Content-Disposition whose parameters are read
# an attachment's suffix from its content type, when its name gives none: the suffixes ingest reads (MEDIA_TYPES,
# which is ingest.ACCEPTED), text/html written .html
_SUFFIX = {t: s for s, t in MEDIA_TYPES.items() if s != ".htm"}
_NOT_IN_NAMES = {"Cc", "Cf", "Cs", "Zl", "Zp"}  # control and format characters, line and paragraph separators
_FLAT = policy.compat32.clone(mangle_from_=False)  # a forwarded e-mail's bytes, its lines as written


class _AsWritten(policy.Compat32):
    """Headers as written (compat32), their 8-bit bytes read as UTF-8 (compat32 would give a Header object)."""

    def header_fetch_parse(self, name: str, value: str) -> str:  # type: ignore[override]
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _parse(data: bytes) -> EmailMessage:
    try:
        msg = BytesParser(policy=policy.default).parsebytes(data)
    except Exception as e:  # noqa: BLE001
        raise BadInput(f"not a readable e-mail ({type(e).__name__})") from None
    if not (msg.get("From") or msg.get("Subject") or msg.get("Date")):
        raise BadInput("not an e-mail (no From, Subject or Date header)")
    return msg


class _Part(EmailMessage):
    """A part of an e-mail as its attachments are listed (in the main process of an ingest, outside the watched
    workers): its headers are kept as written (_AsWritten; the default policy's header parser takes minutes on a
    few hostile MB), and a Content-Type or Content-Disposition longer than MAX_PARAMS has no parameters read
    (their parser is quadratic): no boundary, no file name."""

    def is_attachment(self) -> bool:
        return self.get_content_disposition() == "attachment"

    def get_param(self, param: str, failobj: object = None, header: str = "content-type",  # type: ignore[override]
                  unquote: bool = True) -> object:
        if len(str(self.get(header, ""))) > MAX_PARAMS:
            return failobj
        return super().get_param(param, failobj, header, unquote)


def _structure(data: bytes) -> _Part | None:
    """An e-mail's MIME structure, or None when it is no readable e-mail."""
    try:
        msg = BytesParser(_class=_Part, policy=_AsWritten()).parsebytes(data)
    except Exception:  # noqa: BLE001 - nested too deeply, or worse: its own report says why
        return None
    return msg if msg.get("From") or msg.get("Subject") or msg.get("Date") else None


def _date(value: object) -> str | None:
    try:
        return parsedate_to_datetime(str(value)[:300]).date().isoformat() if value else None
    except Exception:  # noqa: BLE001 - a Date that cannot be read is no date
        return None


def eml_date(data: bytes) -> str | None:
    """An e-mail's Date as an ISO date (its headers only are parsed), or None."""
    try:
        return _date(BytesParser(policy=_AsWritten()).parsebytes(data, headersonly=True).get("Date"))
    except Exception:  # noqa: BLE001
        return None


def _name(part: _Part, n: int) -> str:
    """An attachment's file name as it can be stored and shown: its last path component, without control or format
    characters, at most 120 characters; the suffix of its content type added when it has none; 'attachment-N'
    when nothing is left."""
    try:
        raw = part.get_filename() or ""
        if "=?" in raw:  # RFC 2047 encoded words, as some mailers write a name
            raw = str(make_header(decode_header(raw)))
    except Exception:  # noqa: BLE001 - a malformed parameter is no name
        raw = ""
    name = re.split(r"[/\\]", raw)[-1]
    name = " ".join("".join(c for c in name if unicodedata.category(c) not in _NOT_IN_NAMES).split())
    if name in ("", ".", ".."):
        name = f"attachment-{n}"
    stem, suffix = name[:len(name) - len(Path(name).suffix)], Path(name).suffix
    if len(suffix) > 12:  # no file type's suffix
        stem, suffix = name, ""
    suffix = suffix or _SUFFIX.get(part.get_content_type(), "")
    return stem[:120 - len(suffix)] + suffix


def _payload(part: _Part) -> bytes:
    if part.get_content_type() == "message/rfc822":  # a forwarded e-mail: the message inside, as its own bytes
        inner = part.get_payload()
        return inner[0].as_bytes(policy=_FLAT) if isinstance(inner, list) and inner else b""
    return part.get_payload(decode=True) or b""


def _attachments(data: bytes, max_bytes: int | None) -> tuple[list[tuple[str, bytes]], list[str], int]:
    """The attachments read as reports of their own, as (name, bytes): those of a type ingest reads, the first
    MAX_ATTACHMENTS of them that fit together in `max_bytes`; the names of the first MAX_NAMED others (with why,
    when it is a limit), and how many more there are.  `max_bytes` None (an e-mail attached to another): none is
    read."""
    read: list[tuple[str, bytes]] = []
    others: list[str] = []
    more = 0
    msg = _structure(data)
    left = max_bytes or 0
    for n, part in enumerate(msg.iter_attachments() if msg is not None else (), 1):
        if len(others) >= MAX_NAMED and (max_bytes is None or len(read) >= MAX_ATTACHMENTS):
            more += 1  # nothing more can be read or named
            continue
        name = _name(part, n)
        if max_bytes is None or Path(name).suffix.lower() not in MEDIA_TYPES:
            others.append(name)
        elif len(read) >= MAX_ATTACHMENTS:
            others.append(f"{name} (past the limit of {MAX_ATTACHMENTS} attachments read)")
        else:
            att = _payload(part)
            if len(att) > left:
                others.append(f"{name} (too large: the attachments read may hold {max_bytes:,} bytes together)")
            else:
                left -= len(att)
                read.append((name, att))
    more += max(0, len(others) - MAX_NAMED)
    return read, others[:MAX_NAMED], more


def eml_attachments(data: bytes, max_bytes: int) -> list[tuple[str, bytes]]:
    """An e-mail's attachments read as reports of their own, as (file name, decoded bytes), in their order: those
    whose suffix ingest reads, at most MAX_ATTACHMENTS, their sizes together at most `max_bytes` (the file-size
    limit).  An e-mail that cannot be read has none (its own report says why).  Cheap enough for the main process:
    the MIME structure only is parsed, in time linear in the e-mail's size (tests/pipeline/test_mail_attachments.py
    times hostile ones)."""
    return _attachments(data, max_bytes)[0]


def _named(label: str, names: list[str], more: int = 0) -> str:
    return f"\n\n[{label}: " + "; ".join(names) + (f"; and {more:,} more" if more else "") + "]"


def from_eml(data: bytes, max_bytes: int | None = None) -> Converted:
    """An e-mail's body and headers.  max_bytes: its attachments are read as reports of their own within this
    budget (eml_attachments), and named so at the end of the text; None (an e-mail attached to another, or read
    alone): all are named as not read."""
    msg = _parse(data)
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
    read, others, more = _attachments(data, max_bytes)
    if read:
        text += _named("attachments read as reports of their own", [name for name, _ in read])
    if others:
        text += _named("attachments, not read", others, more)
    meta: dict[str, str] = {}
    if msg.get("Subject"):
        meta["title"] = str(msg["Subject"])
    date = _date(msg.get("Date"))
    if date:
        meta["published"] = date
    sender = parseaddr(str(msg.get("From", "")))
    if sender[0] or sender[1]:
        meta["publisher"] = sender[0] or sender[1]
    return Converted(text, meta=meta)
