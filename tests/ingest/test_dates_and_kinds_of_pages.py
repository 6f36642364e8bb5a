"""A report's date and genre from the shapes reports give them in: a byline's segment, a release line, a court
paper's foot, an order's caption, an appeal's heading after its sender's name."""
from __future__ import annotations

from casewatch.ingest.meta import date_line, detect_kind, detect_published, detect_published_in_page


def test_a_bylines_published_segment_dates_the_page():
    page = "Home\nIslands\nBy Katerina Louka, Mytilene · Published Wednesday 29 August 2018, 18:42 EEST · Updated 21:05 EEST\n"
    assert detect_published_in_page(page) == "2018-08-29"


def test_a_release_line_with_two_cities_is_a_date_line():
    assert date_line("For immediate release - Brussels / Paris, 9 February 2023") == "2023-02-09"
    assert date_line("Brussels/Paris, 9 February 2023") == "2023-02-09"


def test_a_court_papers_foot_dates_it():
    text = "ORDER No. 288/2018\n\nThe council examined the applications and the file.\n\n" \
           "Decided in Mytilene on 5 December 2018, and issued in chambers the same day.\n"
    assert detect_published(text) == "2018-12-05"


def test_an_orders_caption_and_a_press_releases_dateline_tell_the_genre():
    order = "HELLENIC REPUBLIC\nCOURT OF FIRST INSTANCE\n\nORDER No. 288/2018\n\nThe Judicial Council, composed of " \
            "the Judges A and B, met in chambers and decided as follows."
    assert detect_kind(order) == "court_document"
    release = "(Athens, November 5, 2018) – Greek judicial authorities should drop the accusations against five " \
              "rescuers and release those still held, Human Rights Watch said today."
    assert detect_kind(release) == "ngo_statement"
