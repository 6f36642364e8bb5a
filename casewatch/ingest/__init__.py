"""Files -> ``Document``: text, sha256 of the original bytes, metadata.

The stored ``Document.text`` is the cleaned text (page furniture removed, see
``data/boilerplate.yaml``); every offset the rest of the tool makes points
into it, so cleaning happens here and nowhere else.

    paths, errors = iter_paths([Path("reports/")])
    docs = [read_path(p, settings) for p in paths]

An e-mail's attachments of an accepted type are reports of their own (office.eml_attachments, read_attachment).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from ..errors import InputError
from ..model import Document
from ..settings import Settings
from . import convert, office
from .clean import clean, normalize
from .convert import BadInput, MEDIA_TYPES
from .language import detect as detect_language
from .ocr import OcrLimits
from .meta import (detect_kind, detect_published, detect_published_in_page, detect_publisher, detect_title, detect_un_reference,
                   normalize_date, un_title)

__all__ = ["ACCEPTED", "iter_paths", "shown", "read_raw", "read_path", "read_bytes", "read_attachment",
           "detect_un_reference", "clean"]

ACCEPTED = {".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".odt", ".eml"}


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def shown(path: Path | str) -> str:
    """A path or file name as it can be printed and stored: bytes of it that are not UTF-8 (a Linux name may
    hold any) become U+FFFD, and characters that would reorder or hide what a terminal shows (bidirectional
    overrides, other invisible format and control characters) are written as \\uXXXX."""
    text = str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cf", "Cc") else c for c in text)


def iter_paths(paths: list[Path], ignored: list[InputError] | None = None) -> tuple[list[Path], list[InputError]]:
    """Files to read, in order: folders expanded recursively (sorted, hidden and unaccepted files skipped).

    A named file with an unaccepted suffix, or a path that does not exist, is an error.  Each file a folder
    holds and that is not read is added to `ignored` with the reason: hidden, of a type not accepted, not a
    regular file (a FIFO, a device, a broken link), or a link to a file outside the folder.
    """
    ignored = [] if ignored is None else ignored
    files: list[Path] = []
    errors: list[InputError] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            files.append(p)

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            top = p.resolve()
            hidden_dirs: set[Path] = set()
            for f in sorted(p.rglob("*")):
                folder = f.is_dir() and not f.is_symlink()
                rel = f.relative_to(p).parts
                hid = next((i for i, part in enumerate(rel) if part.startswith(".")), None)
                if hid is not None and (folder or hid < len(rel) - 1):  # a hidden folder, named once
                    d = p.joinpath(*rel[:hid + 1])
                    if d not in hidden_dirs:
                        hidden_dirs.add(d)
                        ignored.append(InputError(shown(d), "hidden folder, not read"))
                    continue
                if folder:
                    continue
                reason = _not_read(f, p, top)
                if reason:
                    ignored.append(InputError(shown(f), reason))
                else:
                    add(f)
        elif p.is_file():
            if p.suffix.lower() in ACCEPTED:
                add(p)
            else:
                errors.append(InputError(shown(p), f"unsupported file type {p.suffix or '(none)'!r} "
                                                  f"(accepted: {', '.join(sorted(ACCEPTED))})"))
        elif p.exists():
            errors.append(InputError(shown(p), "not a regular file"))
        else:
            errors.append(InputError(shown(p), "no such file or directory"))
    return files, errors


def _not_read(f: Path, folder: Path, top: Path) -> str | None:
    """Why a file found in a folder is not read, or None."""
    if _hidden(f, folder):
        return "hidden file, not read"
    if f.is_symlink():
        try:
            target = f.resolve(strict=True)
        except (OSError, RuntimeError):
            return "broken or looping link, not read"
        if not target.is_relative_to(top):
            return "link to a file outside the folder, not read"
    if f.is_dir():
        return "link to a folder, not followed"
    if not f.is_file():
        return "not a regular file (a FIFO, a socket or a device), not read"
    if f.suffix.lower() not in ACCEPTED:
        return f"file type {f.suffix or '(none)'!r} not accepted (accepted: {', '.join(sorted(ACCEPTED))})"
    return None


_TAG = re.compile(rb"<[A-Za-z/!]")


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def read_raw(path: Path, settings: Settings) -> bytes:
    """One file's bytes; the size is checked before the file is read."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(str(path), "no such file or directory") from None
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror or e}") from None
    if not path.is_file():
        raise InputError(str(path), "not a regular file")
    if size > settings.max_file_bytes:
        raise InputError(str(path), f"file too large ({_size(size)}; limit {_size(settings.max_file_bytes)})")
    try:
        with open(path, "rb") as fh:
            return fh.read(settings.max_file_bytes + 1)
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror or e}") from None


def read_path(path: Path, settings: Settings) -> Document:
    """Read one file; the size is checked before the file is read."""
    data = read_raw(path, settings)
    try:
        return read_bytes(Path(path).name, data, settings)
    except InputError as e:
        raise InputError(str(path), e.reason) from None


def read_attachment(mail: str, name: str, data: bytes, settings: Settings, mail_date: str | None = None) -> Document:
    """An e-mail's attachment (office.eml_attachments) as a report of its own, named '<e-mail's file name>/<name>':
    read like a file; when neither its metadata nor its text gives a date, it takes the e-mail's `mail_date`.
    `mail`: the e-mail's path or name as errors name it ('<mail>/<name>: reason')."""
    try:
        doc = read_bytes(name, data, settings, attached=True)
    except InputError as e:
        raise InputError(f"{mail}/{name}", e.reason) from None
    doc.filename = f"{Path(mail).name}/{doc.filename}"
    doc.published = doc.published or mail_date
    return doc


def _sniff(data: bytes) -> str:
    head = data[:1024].lstrip().lower()
    if head.startswith(b"%pdf-"):
        return ".pdf"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return ".html"
    return ".txt"


def read_bytes(filename: str, data: bytes, settings: Settings, published: str | None = None,
               title: str | None = None, attached: bool = False) -> Document:
    """Turn one file's bytes into a Document; bad input raises ``InputError(filename, reason)``.

    An e-mail's text names its attachments: those read as reports of their own, and the others; `attached` (the
    file is an e-mail's attachment): an e-mail's attachments are all named as not read (one level only)."""
    name = shown(Path(filename).name or filename)
    if len(data) > settings.max_file_bytes:
        raise InputError(name, f"file too large ({_size(len(data))}; limit {_size(settings.max_file_bytes)})")
    if not data:
        raise InputError(name, "empty file")
    suffix = Path(name).suffix.lower() or _sniff(data)
    if suffix not in ACCEPTED:
        raise InputError(name, f"unsupported file type {suffix!r} (accepted: {', '.join(sorted(ACCEPTED))})")
    try:
        if suffix == ".pdf":
            conv = convert.from_pdf(data, max_pages=settings.max_pdf_pages,
                                    max_stream_bytes=settings.max_pdf_stream_bytes,
                                    ocr=OcrLimits(settings.max_ocr_pages, settings.max_file_seconds,
                                                  settings.ocr_languages, settings.tesseract))
        elif suffix in (".html", ".htm"):
            tags = len(_TAG.findall(data))
            if tags > settings.max_html_tags:
                raise InputError(name, f"HTML too complex to read safely ({tags:,} tags; limit "
                                       f"{settings.max_html_tags:,}, CASEWATCH_MAX_HTML_TAGS)")
            conv = convert.from_html(data)
        elif suffix == ".md":
            conv = convert.from_markdown(data)
        elif suffix == ".docx":
            conv = office.from_docx(data)
        elif suffix == ".odt":
            conv = office.from_odt(data)
        elif suffix == ".eml":
            conv = office.from_eml(data, None if attached else settings.max_file_bytes)
        else:
            conv = convert.from_text(data)
    except BadInput as e:
        raise InputError(name, str(e)) from None

    if len(conv.text) > settings.max_file_chars:
        raise InputError(name, f"text too long ({len(conv.text):,} characters; limit {settings.max_file_chars:,}, "
                               "CASEWATCH_MAX_FILE_CHARS)")
    full = normalize(conv.text)
    if not full.strip():
        raise InputError(name, "no text in file")
    text = clean(full)
    if not text.strip():
        raise InputError(name, "no text left after removing page furniture")

    cue_text = full if not conv.cue_text else normalize(conv.cue_text) + "\n\n" + full
    ref = detect_un_reference(full)
    kind = detect_kind(full)
    doc_title = (title or "").strip() or None
    if doc_title is None and kind == "un_communication" and ref:
        doc_title = un_title(ref)
    if doc_title is None:
        meta_title = conv.meta.get("title")
        doc_title = " ".join(str(meta_title).split()) if meta_title else None
    if doc_title is None:
        doc_title = detect_title(text, markdown=suffix == ".md")

    date: str | None
    if published:
        date = normalize_date(published) or published.strip()
    else:
        date = normalize_date(conv.meta.get("published")) or detect_published(text) or \
            (detect_published_in_page(cue_text) if cue_text is not text else None)

    publisher = detect_publisher(cue_text, ref=ref, fallback=conv.meta.get("publisher"))
    if suffix in (".html", ".htm") and publisher and not re.fullmatch(r"[\w.-]+\.[a-z]{2,}", publisher) \
            and publisher not in text[:3000] and publisher in cue_text:
        text = convert.with_byline(text, publisher)  # the masthead, as the page shows it
    return Document(
        sha256=hashlib.sha256(data).hexdigest(),
        filename=name,
        media_type=MEDIA_TYPES[suffix],
        text=text,
        raw=data,
        title=doc_title,
        publisher=publisher,
        published=date,
        kind=kind,
        language=detect_language(text),
        ocr_pages=conv.ocr_pages,
    )
