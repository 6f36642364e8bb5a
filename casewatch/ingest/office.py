"""Word documents (.docx, with python-docx) and e-mails (.eml, with the standard library's email package).

A .docx is a zip of XML: its members' declared sizes are summed before anything is parsed, so a zip bomb is refused
in one line.  An e-mail's report is its body (the plain-text part, else the HTML part read as a page); its subject,
date and sender give the title, the date and the publisher; its attachments are named at the end of the text, not
read (save them and ingest them as files of their own).
"""
from __future__ import annotations

import io
import zipfile
from email import policy
from email.parser import BytesParser
from email.utils import parseaddr, parsedate_to_datetime

from .convert import BadInput, Converted, decode, from_html

MAX_UNZIPPED = 50 * 1024 * 1024  # a Word file's XML, all members together


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
