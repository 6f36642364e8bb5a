"""A court order is dated at its foot (ingest/data/documents.yaml `signed_date_after`)."""
from __future__ import annotations

import pytest

from casewatch.ingest.meta import detect_published


def test_the_date_line_after_so_ordered_dates_a_court_order():
    text = ("SUPERIOR COURT OF JUSTICE OF CUSCO\nORDER\n" + "Before the Court are the petitions for bail. " * 8 +
            "\nSO ORDERED.\nCusco, 20 March 2026.\nELIANA CHOQUE\nPresiding Judge\n")
    assert detect_published(text) == "2026-03-20"
    assert detect_published("Before the Court are the petitions.\nSO ORDERED.\nELIANA CHOQUE\n") is None


@pytest.mark.parametrize("s", ["9 December 2024", "December 9, 2024", "Friday, April 25, 2014", "Monday, 9 Dec. 2024",
                               "3rd June 2025", "Sept 3, 2024", "March 2025", "31 February 2024", "May 2025",
                               "Mai 2024", "14.10.2024", "29.01.2026", "12.13.2024", "31.02.2024", "2024-10-14"])
def test_the_quick_reading_of_plain_english_dates_agrees_with_dateparser(s):
    from casewatch.ingest import meta
    quick = meta._plain_english_date(s)
    data = meta._dateparser().get_date_data(s)
    ref = None
    if data and data.date_obj and 1900 <= data.date_obj.year <= 2100:
        ref = (f"{data.date_obj.year:04d}-{data.date_obj.month:02d}" if data.period == "month"
               else data.date_obj.date().isoformat() if data.period == "day" else None)
    if quick is not None:  # a form it reads: the same answer as dateparser's
        assert (quick or None) == ref
    assert meta.parse_date(s) == (ref if not meta._ISO.fullmatch(s) else s)


def test_a_date_of_another_era_is_read_by_the_gregorian_year_beside_it():
    from casewatch.ingest.meta import detect_published
    assert detect_published("JUDGMENT\n\nProvincial Court\nDate: 15 August B.E. 2560 (2017)\n\nCriminal Case\n") == "2017-08-15"


def test_a_byline_of_dashed_segments_gives_its_date():
    from casewatch.ingest.meta import detect_published
    assert detect_published("# Title of the story\n\n*By Ana Pop — Rights Wire — Published 13 May 2019*\n\nText.") == "2019-05-13"


def test_a_press_releases_opening_dateline_is_its_date_but_a_date_inside_its_prose_is_not():
    body = ("Norland: Release the Dockers\n\n(Berlin, 26 May 2022) - Norland's authorities should release three union "
            "leaders detained last week, a rights group said today, as the dockers' strike entered its third week.")
    assert detect_published(body) == "2022-05-26"
    assert detect_published("GENEVA (3 March 2024) - UN experts said today that the detention of a union leader in "
                            "Norland was arbitrary and that he should be released without delay by its authorities.") == "2024-03-03"
    prose = ("Norland: Release the Dockers\n\nThe three union leaders, detained in Berlin, 26 May 2022 - a date the "
             "union remembers - were moved to a prison far from their families, a rights group said on Monday.")
    assert detect_published(prose) is None
