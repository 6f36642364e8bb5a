"""A court order is dated at its foot (ingest/data/documents.yaml `signed_date_after`)."""
from __future__ import annotations

from casewatch.ingest.meta import detect_published


def test_the_date_line_after_so_ordered_dates_a_court_order():
    text = ("SUPERIOR COURT OF JUSTICE OF CUSCO\nORDER\n" + "Before the Court are the petitions for bail. " * 8 +
            "\nSO ORDERED.\nCusco, 20 March 2026.\nELIANA CHOQUE\nPresiding Judge\n")
    assert detect_published(text) == "2026-03-20"
    assert detect_published("Before the Court are the petitions.\nSO ORDERED.\nELIANA CHOQUE\n") is None
