"""Minimal real PDF files made by the tests (one page, one content stream), for the readers and the fuzz run."""
from __future__ import annotations

import zlib


def one_page_pdf(stream: bytes, filtered: bool = True, font: bool = False) -> bytes:
    """A PDF with one page whose content stream is `stream`, Flate-compressed when `filtered`; with `font` the page
    names Helvetica as /F1, so text drawn in the stream is a text layer pypdf reads (without it, none)."""
    body = zlib.compress(stream) if filtered else stream
    resources = b" /Resources << /Font << /F1 5 0 R >> >>" if font else b""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R%s >>" % resources,
            b"<< /Length %d%s >>\nstream\n" % (len(body), b" /Filter /FlateDecode" if filtered else b"") + body + b"\nendstream"]
    if font:
        objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out, offs = b"%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
