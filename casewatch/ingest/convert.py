"""Bytes -> text, per format: plain text and markdown, HTML, PDF.

Each converter raises ``ValueError(reason)`` with a short reason; the caller
turns it into an ``InputError`` naming the file.
"""
from __future__ import annotations

import datetime
import io
import logging
import re
import time
from dataclasses import dataclass, field
from typing import Any

import yaml

from .ocr import OcrFailed, OcrLimits, read_pages

MEDIA_TYPES = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".eml": "message/rfc822",
}

_HTML_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.{0,4000}?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # C0/C1 controls other than tab, newlines, form feed
_PDF_TITLE_JUNK = re.compile(r"^(?:untitled|microsoft word - .*|.*\.(?:docx?|odt|rtf|pdf|indd)|document\d*|\W*)$", re.I)


class BadInput(ValueError):
    """A reason why the bytes are not a readable report."""


@dataclass
class Converted:
    text: str                      # the report's text, before furniture is removed
    cue_text: str = ""             # text to look for publisher cues in (may hold footers the body lacks)
    meta: dict[str, Any] = field(default_factory=dict)  # title / published / publisher from the format itself
    ocr_pages: int = 0             # pages of a PDF whose text was read by OCR (no text layer)


# --- plain text -------------------------------------------------------------------

def decode(data: bytes, html: bool = False) -> str:
    """UTF-8 (with or without BOM), UTF-32 or UTF-16 with a BOM, or an HTML page's declared charset."""
    text = _with_bom(data)
    if text is None:
        if b"\x00" in data:
            raise BadInput("binary file, not text (contains NUL bytes)")
        try:
            text = data.decode("utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8")
        except UnicodeDecodeError:
            text = _declared(data) if html else None
            if text is None:
                raise BadInput("not valid UTF-8 text") from None
    sample = text[:20000]
    if "\x00" in text or len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise BadInput("binary file, not text (control characters)")
    return text


def _with_bom(data: bytes) -> str | None:
    """A text that opens with a UTF-32 or UTF-16 byte-order mark (UTF-32's opens like UTF-16's: tried first),
    decoded; None for any other."""
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise BadInput(f"not valid {codec.upper()} text") from None
    return None


def _declared(data: bytes) -> str | None:
    """An HTML page in the charset its <meta> declares, if that decodes cleanly."""
    m = _HTML_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return data.decode(m.group(1).decode("ascii").lower())
    except (LookupError, UnicodeDecodeError):
        return None


def from_text(data: bytes) -> Converted:
    return Converted(decode(data))


def from_markdown(data: bytes) -> Converted:
    """Markdown is kept as written; a YAML front matter block gives metadata and is dropped."""
    text = decode(data)
    meta: dict[str, Any] = {}
    m = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if m:
        try:
            fm = yaml.safe_load(m.group(1))
        except yaml.YAMLError:
            fm = None
        if isinstance(fm, dict):
            for key, names in (("title", ("title",)), ("published", ("published", "date")),
                               ("publisher", ("publisher", "source", "site", "sitename"))):
                for name in names:
                    v = fm.get(name)
                    # a plain value only, and a short one: an alias-expanded tree ("billion laughs") is no title
                    if isinstance(v, (str, int, float, datetime.date)) and not isinstance(v, bool) and v != "" \
                            and len(str(v)) <= 500:
                        meta[key] = str(v).strip()
                        break
            text = text.lstrip("\ufeff")[m.end():]
    return Converted(_unmark(text), meta=meta)


# each span bounded (a line, at most a few hundred characters): an opener with no closer is given up after its
# bound, so 50,000 of them cost 50,000 bounded scans, not 50,000 scans to the end of the text
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]{1,300}?)(?<=\S)\1")
_MD_EM = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,300}?)(?<=[^\s*])\*(?![\w*])|(?<![\w_])_(?=[^\s_])([^_\n]{1,300}?)(?<=[^\s_])_(?![\w_])")
_MD_LINK = re.compile(r"!?\[([^\]\n]{1,300})\]\([^)\s\[]{1,2000}(?:\s+\"[^\"\n]{0,300}\")?\)")


def _unmark(text: str) -> str:
    """Inline emphasis and link syntax off ("**Tafadzwa Chikwanha**" reads as the name); headings and lists stay."""
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    return _MD_EM.sub(lambda m: m.group(1) or m.group(2), text)


# --- HTML ---------------------------------------------------------------------------

_BLOCK_TAGS = {"p", "head", "quote", "code", "list", "table", "graphic"}


def _xml_blocks(xml: str) -> list[str]:
    """Paragraphs of trafilatura's XML output, one block each."""
    from lxml import etree

    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(recover=True))
    main = root.find("main")
    if main is None:
        return []

    def inline(el) -> str:
        parts = [el.text or ""]
        for child in el:
            if child.tag == "lb":
                parts.append("\n")
            elif child.tag in ("list", "table"):
                parts.append("\n" + block(child) + "\n")
            else:
                parts.append(inline(child))
            parts.append(child.tail or "")
        return "".join(parts)

    def block(el) -> str:
        if el.tag == "list":
            return "\n".join("- " + " ".join(inline(i).split()) for i in el.iter("item"))
        if el.tag == "table":
            rows = []
            for row in el.iter("row"):
                cells = [" ".join(inline(c).split()) for c in row if c.tag == "cell"]
                rows.append(" | ".join(c for c in cells if c))
            return "\n".join(r for r in rows if r)
        return "\n".join(" ".join(x.split()) for x in inline(el).split("\n"))

    out = []
    for el in main:
        if el.tag not in _BLOCK_TAGS and not len(el) and not (el.text or "").strip():
            continue
        b = block(el).strip()
        if b:
            out.append(b)
    return out


_SKIP_TAGS = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
              "button", "iframe", "select")
_LXML_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "td", "th", "dt", "dd")


def _lxml_text(tree, keep_furniture: bool) -> str:
    """A simple text of the page: block elements separated by blank lines."""
    import copy

    body = tree.find(".//body")
    body = copy.deepcopy(body if body is not None else tree)
    drop = ("script", "style", "noscript", "template", "svg") if keep_furniture else _SKIP_TAGS
    for el in list(body.iter(*drop)):
        if el.getparent() is not None:
            el.drop_tree()
    blocks: list[str] = []
    for el in body.iter(*_LXML_BLOCKS):
        if any(a.tag in _LXML_BLOCKS for a in el.iterancestors()):
            continue
        t = " ".join(el.text_content().split())
        if t:
            blocks.append(t)
    if not blocks or keep_furniture:
        # text outside block elements (divs, spans) as lines
        lines = [" ".join(x.split()) for x in body.text_content().split("\n")]
        loose = "\n".join(x for x in lines if x)
        if not blocks:
            return loose
        return "\n\n".join(blocks) + "\n\n" + loose
    return "\n\n".join(blocks)


def from_html(data: bytes) -> Converted:
    import lxml.html
    import trafilatura
    from trafilatura.metadata import extract_metadata

    html = decode(data, html=True)
    if not html.strip():
        return Converted("")
    try:
        tree = lxml.html.fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except Exception:  # lxml raises several kinds on hopeless markup
        raise BadInput("not readable as HTML") from None

    cue_text = _lxml_text(tree, keep_furniture=True)
    meta: dict[str, Any] = {}
    try:
        md = extract_metadata(tree, extensive=False)
        meta = {"title": md.title, "published": md.date, "publisher": md.sitename, "author": md.author}
    except Exception:  # metadata is a bonus; the text matters
        pass
    text = ""
    try:
        xml = trafilatura.extract(tree, output_format="xml", include_comments=False, include_tables=True,
                                  with_metadata=False)
        if xml:
            text = "\n\n".join(_xml_blocks(xml))
    except Exception:
        text = ""
    if not text.strip():
        text = _lxml_text(tree, keep_furniture=False)
    title = (meta.get("title") or "").strip()
    if title:
        head = [x.strip() for x in text.strip().split("\n")[:4]]
        if not any(_loose_equal(title, x) for x in head):
            text = title + "\n\n" + text.strip()
    author = (meta.get("author") or "").strip()
    if author and len(author) <= 80 and author not in text[:2000]:
        text = with_byline(text, f"By {author}")
    return Converted(text, cue_text=cue_text, meta={k: v for k, v in meta.items() if v})


def with_byline(text: str, line: str) -> str:
    """The byline or masthead a page shows above the story, as a line under the title, so the reporter and the
    outlet are names grounded in the stored text; a second call joins the first line ("By X · Outlet")."""
    first, sep, rest = text.strip().partition("\n\n")
    if rest.startswith("By ") and "\n" not in rest.split("\n\n", 1)[0]:
        head, sep2, tail = rest.partition("\n\n")
        return f"{first}\n\n{head} · {line}\n\n{tail}" if sep2 else f"{first}\n\n{head} · {line}"
    return f"{first}\n\n{line}\n\n{rest}" if sep else f"{first}\n\n{line}"


def _loose_equal(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(re.sub(r"[\W_]+", " ", s).split()).casefold()
    return bool(a) and norm(a) == norm(b)


# --- PDF ----------------------------------------------------------------------------

def _unjustify(page: str) -> str:
    """Justified PDF text: the spaces that stretch a line become one, and a word broken at a line end is joined
    ("informa-\ntion"); a hyphen before a capital is a name's own ("Bautista-\nLedesma")."""
    page = re.sub(r"(?<=\S)[ \t]{2,}(?=\S)", " ", page)
    page = re.sub(r"(?<=[a-zà-ÿ])-\n(?=[a-zà-ÿ])", "", page)
    return re.sub(r"(?<=[A-Za-zÀ-ÿ])-\n(?=[A-ZÀ-Þ])", "-", page)


def from_pdf(data: bytes, max_pages: int = 2_000, max_stream_bytes: int = 32 * 1024 * 1024,
             ocr: OcrLimits | None = None) -> Converted:
    """Text of a PDF's pages.  No stream may expand past `max_stream_bytes` (pypdf's own limits, lowered from
    its 75 MB: a few bytes can expand to gigabytes), and a file of more than `max_pages` pages is refused.

    A page with no letters in its text layer (a scanned page) is read by OCR (ocr.py) within `ocr`'s limits; the
    pages with a text layer keep it.  `ocr` None: such pages are left empty, and a PDF with no text is refused."""
    from pypdf import apply_configuration

    if b"%PDF-" not in data[:1024]:
        raise BadInput("not a PDF file (no %PDF header)")
    if b"%%EOF" not in data[-8192:]:
        raise BadInput("truncated or damaged PDF")
    # pypdf logs a warning for every damaged object; a damaged file is reported once, as an InputError
    log = logging.getLogger("pypdf")
    level = log.level
    if level == logging.NOTSET:
        log.setLevel(logging.ERROR)
    caps = {k: max_stream_bytes for k in ("zlib_maximum_output_length", "lzw_maximum_output_length",
                                          "run_length_maximum_output_length", "array_based_stream_maximum_output_length",
                                          "maximum_declared_stream_length", "brotli_maximum_output_length")}
    try:
        with apply_configuration(**caps, stream_decoding_work_maximum_length=4 * max_stream_bytes):
            return _pdf_text(data, max_pages, ocr)
    finally:
        log.setLevel(level)


def _pdf_text(data: bytes, max_pages: int, ocr: OcrLimits | None) -> Converted:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise BadInput("encrypted PDF (needs a password)")
            except (FileNotDecryptedError, NotImplementedError):
                raise BadInput("encrypted PDF (needs a password)") from None
        if len(reader.pages) > max_pages:
            raise BadInput(f"too many pages ({len(reader.pages):,}; limit {max_pages:,}, CASEWATCH_MAX_PDF_PAGES)")
        start = time.monotonic()
        pages = [(p.extract_text() or "") for p in reader.pages]
        scanned = [(i + 1, float(reader.pages[i].mediabox.width), float(reader.pages[i].mediabox.height))
                   for i, t in enumerate(pages) if not any(c.isalpha() for c in t)] if ocr else []
        title = None
        try:
            info = reader.metadata
            title = (info.title or "").strip() if info else None
        except Exception:
            title = None
    except BadInput:
        raise
    except LimitReachedError:
        raise BadInput("a stream of this PDF expands past the limit (CASEWATCH_MAX_PDF_STREAM_BYTES); a "
                       "decompression bomb?") from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError,
            AssertionError, ZeroDivisionError):
        raise BadInput("truncated or damaged PDF") from None
    if scanned:
        assert ocr is not None
        if len(scanned) > ocr.max_pages:
            raise BadInput(f"a scan of {len(scanned):,} pages without text; OCR reads at most {ocr.max_pages:,} "
                           "(CASEWATCH_MAX_OCR_PAGES)")
        try:
            read = read_pages(data, scanned, ocr, start + ocr.seconds)
        except OcrFailed as e:
            raise BadInput(str(e)) from None
        for n, t in read.items():
            pages[n - 1] = t
    pages = _drop_running_heads([_unjustify(p.replace("\r\n", "\n").strip()) for p in pages])
    text = "\n\n".join(p for p in pages if p)
    if not text.strip():
        raise BadInput("PDF has no text layer, and OCR found no text on its pages" if scanned else
                       "PDF has no text layer (a scan? run OCR first)")
    meta = {"title": title} if title and not _PDF_TITLE_JUNK.match(title) else {}
    return Converted(text, meta=meta, ocr_pages=sum(1 for n, _, _ in scanned if pages[n - 1].strip()))


def _drop_running_heads(pages: list[str]) -> list[str]:
    """Remove a line printed at the top or bottom of most pages (running header or footer)."""
    if len(pages) < 3:
        return pages
    from collections import Counter

    edges: Counter[str] = Counter()
    split = [p.split("\n") for p in pages]
    for lines in split:
        nb = [x.strip() for x in lines if x.strip()]
        edges.update(set(nb[:2] + nb[-2:]))
    limit = max(3, (len(pages) * 6 + 9) // 10)
    running = {x for x, n in edges.items() if n >= limit and len(x) <= 120}
    if not running:
        return pages
    out = []
    for lines in split:
        idx = [i for i, x in enumerate(lines) if x.strip()]
        edge = set(idx[:2] + idx[-2:])
        out.append("\n".join(x for i, x in enumerate(lines) if not (i in edge and x.strip() in running)))
    return out
