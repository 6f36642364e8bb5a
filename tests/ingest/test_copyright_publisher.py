"""The publisher named in a copyright line that a sentence follows (ingest/data/documents.yaml)."""
from __future__ import annotations

from casewatch.ingest.meta import detect_publisher


def test_a_copyright_line_with_a_year_and_a_sentence_after_the_name():
    assert detect_publisher("Text.\n(c) Levant Press Monitor 2026. Republication permitted with attribution.\n") == \
        "Levant Press Monitor"
    assert detect_publisher("Text.\n© 2024 Daily Gazette. All rights reserved.\n") == "Daily Gazette"
