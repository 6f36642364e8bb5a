"""Whether this machine can make and read PDFs: WeasyPrint's pango and poppler's pdftotext (.ci/pdf-setup)."""
from __future__ import annotations

import shutil

import pytest


def _weasyprint() -> bool:
    try:
        import weasyprint  # noqa: F401
    except OSError:                     # pango missing
        return False
    return True


HAVE_PDF = _weasyprint() and shutil.which("pdftotext") is not None and shutil.which("pdffonts") is not None
needs_pdf = pytest.mark.skipif(not HAVE_PDF, reason="needs pango and poppler-utils (run .ci/pdf-setup)")
