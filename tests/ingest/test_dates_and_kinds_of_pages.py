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


def test_a_commonwealth_caption_and_a_judgments_foot_date_and_type_it():
    caption = "IN THE FEDERAL HIGH COURT OF NIGERIA\nIN THE ABUJA JUDICIAL DIVISION\nHOLDEN AT ABUJA\n\n" \
              "ON FRIDAY, THE 1ST DAY OF NOVEMBER, 2024\n\nBEFORE HIS LORDSHIP, THE HONOURABLE JUSTICE A. B. CD\n"
    assert detect_published(caption) == "2024-11-01"
    assert detect_kind(caption + "\nThe defendants were arraigned and pleaded not guilty.") == "court_document"
    foot = "CRIMINAL RULING\n\n(2014) Case No. 171\n\nThe appeal is rejected and the original judgment upheld.\n\n" \
           "Presiding Judge: A\nJudge: B\n20 November 2014\n(Seal of the Court)\n"
    assert detect_published(foot) == "2014-11-20"
    assert detect_published("The court heard the appeal.\n\nDated and delivered at Kampala this 20th day of "
                            "February, 2020.\nJUDGE\n") == "2020-02-20"


def test_a_judgments_parties_operative_part_and_foot_sentence():
    text = "THE PROSECUTOR v. A B\n\nThe Chamber heard the parties.\n\nFOR THESE REASONS\n\nThe Chamber hereby " \
           "convicts the accused.\n\nThis judgment was delivered in open court on 20 September 2021.\n"
    assert detect_kind(text) == "court_document"
    assert detect_published(text) == "2021-09-20"
    assert detect_published("Thus judged and pronounced in public at Kigali on the 3rd of May 2024.\n") == "2024-05-03"
