"""Scanned PDFs made by the tests: a report's text set in DejaVu Sans on A4 pages with Pillow, each page saved as an
image only (no text layer), as a scanner or a photocopier's "scan to PDF" makes them."""
from __future__ import annotations

import io
import shutil
import textwrap
from pathlib import Path

import pytest

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

needs_ocr = pytest.mark.skipif(
    not (shutil.which("tesseract") and shutil.which("pdftoppm") and FONT.is_file()),
    reason="needs Debian's tesseract-ocr (eng, rus), poppler-utils and fonts-dejavu-core (bash .ci/ocr-setup)")


def scan_pages(text: str, dpi: int = 200, size_pt: float = 11.0, width: int = 85) -> list:
    """The text set on as many A4 pages as it needs (2.5 cm margins), as grey-scale Pillow images at `dpi`."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), round(size_pt * dpi / 72))
    w, h = round(8.27 * dpi), round(11.69 * dpi)
    margin, step = round(dpi / 2.54 * 2.5), round(size_pt * 1.45 * dpi / 72)
    lines: list[str] = []
    for para in text.split("\n"):
        lines += textwrap.wrap(para, width) or [""]
    per_page = (h - 2 * margin) // step
    pages = []
    for k in range(0, len(lines), per_page):
        img = Image.new("L", (w, h), 255)
        draw = ImageDraw.Draw(img)
        for i, line in enumerate(lines[k:k + per_page]):
            draw.text((margin, margin + i * step), line, font=font, fill=0)
        pages.append(img)
    return pages


def worn(img, seed: int = 14):
    """A page as a photocopier leaves it: a little crooked (0.4 degrees), blurred, with specks of toner."""
    import random

    from PIL import ImageFilter

    rnd = random.Random(seed)
    img = img.rotate(0.4, fillcolor=255, resample=3).filter(ImageFilter.GaussianBlur(0.7))
    px = img.load()
    for _ in range(img.width * img.height // 2000):
        px[rnd.randrange(img.width), rnd.randrange(img.height)] = rnd.randrange(0, 120)
    return img


def scan_pdf(text: str, dpi: int = 200, worn_pages: bool = False) -> bytes:
    """An image-only PDF of the text (one image per page, no text layer); `worn_pages`: as photocopied (`worn`)."""
    pages = scan_pages(text, dpi)
    if worn_pages:
        pages = [worn(p, seed=i) for i, p in enumerate(pages)]
    out = io.BytesIO()
    pages[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return out.getvalue()
