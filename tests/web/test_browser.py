"""The workspace in a real browser: Debian's chromium driven by Playwright, against uvicorn in a thread.

Opt-in by marker (``-m browser``) is not required: the tests skip when
/usr/bin/chromium is missing (.ci/browser-setup installs it).

Screenshots go to a temporary folder, so a test run leaves the checkout as it was;
``CASEWATCH_SCREENSHOTS=docs/screenshots`` (``make screenshots``) refreshes the checked-in set.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

from tests.conftest import ROOT

from .conftest import CASE, EXAMPLE, PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SIZES = [(1280, 800), (390, 844)]
PERSON = "Farid Gurbanov"  # of the example case: arrested, remanded, and told of house arrest and release undated

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (run .ci/browser-setup)")]


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: $CASEWATCH_SCREENSHOTS (relative to the checkout) or a temporary folder."""
    env = os.environ.get("CASEWATCH_SCREENSHOTS")
    if not env:
        return tmp_path_factory.mktemp("screenshots")
    path = Path(env) if Path(env).is_absolute() else ROOT / env
    path.mkdir(parents=True, exist_ok=True)
    return path


def sign_in_page(pg, name: str = "ada") -> None:  # noqa: ANN001
    pg.goto("/login")
    pg.fill("input[name=name]", name)
    pg.fill("input[name=password]", PASSWORD)
    pg.click("form.stack button[type=submit]")
    pg.wait_for_url("**/")


def _signed_in(browser, server: str) -> Iterator:  # noqa: ANN001
    """A page signed in on `server`; no script error may happen on it."""
    ctx = browser.new_context(base_url=server, viewport={"width": 1280, "height": 800})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.set_default_timeout(15000)
    sign_in_page(pg)
    yield pg
    ctx.close()
    assert not errors, errors


@pytest.fixture
def page(browser, live_server: str) -> Iterator:  # noqa: ANN001
    yield from _signed_in(browser, live_server)


def follow_to_quote(page, link) -> None:  # noqa: ANN001
    """Click a quoted fact: the reader opens at that very quote, marked as the target and scrolled into view."""
    quote = link.inner_text().strip("“”")
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url("**/documents/**")
    anchor = href.split("#", 1)[1]
    mark = page.locator(f"mark#{anchor}")
    assert mark.inner_text() == quote
    assert mark.evaluate("m => m.matches(':target') && m.classList.contains('focus')")
    assert quote_visible(page, anchor), "the quote is scrolled into view, not under the header"


def quote_visible(page, anchor: str) -> bool:  # noqa: ANN001
    """The mark's first line is in the viewport and on top (not hidden under the sticky header)."""
    return page.evaluate("""id => {
        const m = document.getElementById(id), r = m.getClientRects()[0];
        if (!r || r.top < 0 || r.bottom > innerHeight) return false;
        const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 10), r.top + r.height / 2);
        return !!hit && (hit === m || m.contains(hit));
    }""", anchor)


def roster_names(page) -> list[str]:  # noqa: ANN001
    return page.locator("table.roster tbody tr td:first-child a").all_inner_texts()


def test_overview_fact_to_quote(page) -> None:  # noqa: ANN001
    page.goto(f"/cases/{CASE}")
    assert int(page.locator("#held-now").inner_text()) >= 10
    assert "Nazigul Maksutkhan" in roster_names(page)
    follow_to_quote(page, page.locator("table.headline a.quote").first)


def test_person_page_quotes_link_to_reader(page) -> None:  # noqa: ANN001
    page.goto(f"/cases/{CASE}")
    page.get_by_role("link", name="Nazigul Maksutkhan").click()
    page.wait_for_url("**/persons/**")
    assert "house arrest" in page.locator("dl.facts").inner_text()
    q = page.locator(".evidence-list a.quote").first
    text = q.inner_text().strip("“”")
    q.click()
    page.wait_for_url("**/documents/**")
    assert page.locator("mark:target").inner_text() == text


def test_resolve_conflict(page) -> None:  # noqa: ANN001
    page.goto(f"/cases/{CASE}/conflicts")
    first = page.locator("section.conflict").first
    assert "open" in first.get_attribute("class")
    value = first.locator("input[name=stands]").nth(1).get_attribute("value")
    first.locator("input[name=stands]").nth(1).check()
    first.locator("input[name=note]").fill("the court's own record")
    first.get_by_role("button", name="Mark as standing").click()
    page.wait_for_load_state()
    first = page.locator("section.conflict").first
    assert "resolved" in first.get_attribute("class")
    assert value in first.locator(".side.stands").inner_text()
    assert "the court's own record" in first.inner_text()


def test_merge_and_undo(page) -> None:  # noqa: ANN001
    page.goto(f"/cases/{CASE}")
    before = roster_names(page)
    assert "Ergali Nurlybayev" in before and "Erbol Nurlybayev" in before
    page.goto(f"/cases/{CASE}/review")
    form = page.locator("#merge-form")
    form.locator("select[name=a]").select_option("Ergali Nurlybayev")
    form.locator("select[name=b]").select_option("Erbol Nurlybayev")
    form.get_by_role("button", name="Merge").click()
    page.wait_for_url(f"**/cases/{CASE}/review")
    row = page.locator("table.history tbody tr").first
    assert "merged" in row.inner_text()
    page.goto(f"/cases/{CASE}")
    merged = roster_names(page)
    assert len(merged) == len(before) - 1
    assert ("Ergali Nurlybayev" in merged) != ("Erbol Nurlybayev" in merged)
    page.goto(f"/cases/{CASE}/review")
    page.locator("table.history tbody tr").first.get_by_role("button", name="Undo").click()
    page.wait_for_url(f"**/cases/{CASE}/review")
    assert "undone" in page.locator("table.history tbody tr").first.get_attribute("class")
    page.goto(f"/cases/{CASE}")
    assert sorted(roster_names(page)) == sorted(before)


def test_upload_changes_roster(page, tmp_path: Path) -> None:  # noqa: ANN001
    page.goto(f"/cases/{CASE}")
    assert "Zhanar Kenzhebekova" not in roster_names(page)
    report = tmp_path / "kenzhebekova.txt"
    report.write_text("Almaty court jails activist Zhanar Kenzhebekova\n\nOn 2 March 2026 the Almaty court placed "
                      "activist Zhanar Kenzhebekova in pretrial detention for two months.\n", encoding="utf-8")
    page.goto(f"/cases/{CASE}/upload")
    page.set_input_files("input[name=file]", str(report))
    page.get_by_role("button", name="Add to the case").click()
    page.wait_for_url(f"**/cases/{CASE}?added=*", timeout=60000)
    assert "Added kenzhebekova.txt" in page.locator(".notice").inner_text()
    assert "Zhanar Kenzhebekova" in roster_names(page)


def test_upload_refuses_wrong_type_and_size(page, tmp_path: Path, settings) -> None:  # noqa: ANN001
    bad = tmp_path / "virus.exe"
    bad.write_bytes(b"MZ\x90\x00")
    page.goto(f"/cases/{CASE}/upload")
    page.set_input_files("input[name=file]", str(bad))
    page.get_by_role("button", name="Add to the case").click()
    page.wait_for_load_state()
    assert "unsupported file type" in page.locator("p.error[role=alert]").inner_text()
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (settings.max_upload_bytes // 4))
    page.goto(f"/cases/{CASE}/upload")
    page.set_input_files("input[name=file]", str(big))
    assert page.locator(".too-big").is_visible()  # told before sending
    assert not page.locator("input[name=file]").evaluate("i => i.checkValidity()")
    # and the server says so too, should the browser check be bypassed
    resp = page.request.post(f"/cases/{CASE}/upload", multipart={
        "csrf": page.locator("input[name=csrf]").first.input_value(),
        "file": {"name": "big.txt", "mimeType": "text/plain", "buffer": big.read_bytes()}})
    assert resp.status == 413 and "limit" in resp.text()


def test_hostile_report_is_shown_escaped(page) -> None:  # noqa: ANN001
    hostile = ('<script>window.__pwned = 1</script>Statement on Daulet Serikbayev\n\n'
               'Activist Daulet Serikbayev was detained in Almaty on 4 March 2026. '
               '<img src=x onerror="window.__pwned = 2"> <svg onload="window.__pwned = 3"></svg> '
               '<iframe srcdoc="<script>parent.__pwned = 4</script>"></iframe>')
    page.goto(f"/cases/{CASE}/upload")
    page.fill("textarea[name=text]", hostile)
    page.fill("input[name=title]", '<img src=x onerror="window.__pwned = 5">')
    page.get_by_role("button", name="Add to the case").click()
    page.wait_for_url(f"**/cases/{CASE}?added=*", timeout=60000)
    doc = page.locator("ul.docs a", has_text="onerror")
    assert doc.count() == 1, "the hostile title is listed as text"
    doc.click()
    page.wait_for_url("**/documents/**")
    page.wait_for_load_state("load")
    text = page.locator("#doctext").inner_text()
    assert "<script>window.__pwned = 1</script>" in text and '<img src=x onerror="window.__pwned = 2">' in text
    assert page.evaluate("() => window.__pwned") is None
    assert page.evaluate("() => document.querySelectorAll('script:not([src]), img, svg, iframe, [onerror], [onload]').length") == 0
    for url in (f"/cases/{CASE}", f"/cases/{CASE}/timeline", "/"):
        page.goto(url)
        assert page.evaluate("() => window.__pwned") is None


def test_search_a_name_and_follow_a_hit_to_its_quote(page) -> None:  # noqa: ANN001
    page.goto(f"/cases/{CASE}")
    page.get_by_role("navigation", name="case").get_by_role("link", name="Search").click()
    page.wait_for_url(f"**/search?case={CASE}")
    words = page.get_by_label("Words")
    # the browser applies autofocus at its next rendering step, which may come after the load event
    page.wait_for_function("document.activeElement && document.activeElement.name === 'q'", timeout=5000)
    assert words.evaluate("e => e === document.activeElement"), "the search box has the focus"
    words.fill("Maksutkhan")
    words.press("Enter")
    page.wait_for_url("**q=Maksutkhan*")
    assert "match “Maksutkhan”" in page.locator("#search-summary").inner_text()
    hit = page.locator(".facts-hits a.quote").first
    assert "Maksutkhan" in hit.inner_text() and hit.locator("mark").count() >= 1
    follow_to_quote(page, hit)
    # a passage of the text, where no fact is, opens at its words too
    page.go_back()
    passage = page.locator(".text-hits .hit-head a").first
    href = passage.get_attribute("href")
    passage.click()
    page.wait_for_url("**/documents/**")
    anchor = href.split("#", 1)[1]
    assert "Maksutkhan" in page.locator(f"mark#{anchor}").inner_text()
    assert quote_visible(page, anchor)


def test_search_filters_by_keyboard(page) -> None:  # noqa: ANN001
    page.goto(f"/search?case={CASE}")
    active = "() => document.activeElement.name || document.activeElement.textContent.trim()"
    # the search box has the focus on arrival (autofocus lands at the browser's next rendering step)
    page.wait_for_function("document.activeElement && document.activeElement.name === 'q'", timeout=5000)
    assert page.evaluate(active) == "q"
    order = []
    for _ in range(5):
        page.keyboard.press("Tab")
        order.append(page.evaluate(active))
    assert order == ["case", "person", "provision", "event_type", "Search"]
    for label in ("Words", "Case", "Person", "Provision", "Event type"):
        assert page.get_by_label(label, exact=True).count() == 1, label
    page.get_by_label("Person").select_option(label="Nazigul Maksutkhan")
    page.get_by_label("Event type").select_option("house_arrest")
    page.get_by_label("Words").fill("arrest")
    page.get_by_label("Words").press("Enter")
    page.wait_for_url("**person=*")
    hits = page.locator(".facts-hits li")
    assert hits.count() >= 1
    assert page.get_by_label("Person").evaluate("s => s.options[s.selectedIndex].text") == "Nazigul Maksutkhan"
    page.get_by_label("Words").fill('"house arrest')
    page.get_by_label("Words").press("Enter")
    page.wait_for_load_state()
    assert "unbalanced quote" in page.locator("p.error[role=alert]").inner_text()


def test_screenshots(browser, example_server: str, shots: Path, example_settings) -> None:  # noqa: ANN001
    """Every page at desktop and phone size, into a temporary folder (or $CASEWATCH_SCREENSHOTS), on an example case
    whose every name is invented (the checked-in set shows no real person)."""
    import json
    import urllib.request

    from casewatch.store import Store
    from casewatch.store.accounts import Accounts
    case = EXAMPLE
    token = Accounts(Store(example_settings.db_url)).new_token("ada", "screenshots")
    req = urllib.request.Request(f"{example_server}/api/cases/{case}", headers={"Authorization": f"Bearer {token}"})
    cf = json.load(urllib.request.urlopen(req))
    pid = next(p["id"] for p in cf["persons"] if p["name"] == PERSON)
    head = cf["headline"][0]["evidence"][0]
    pages = {"cases": "/", "overview": f"/cases/{case}", "timeline": f"/cases/{case}/timeline?person={pid}",
             "person": f"/cases/{case}/persons/{pid}",
             "reader": f"/cases/{case}/documents/{head['doc']}#s-{head['start']}-{head['end']}",
             "conflicts": f"/cases/{case}/conflicts", "review": f"/cases/{case}/review", "upload": f"/cases/{case}/upload",
             "search": f"/search?case={case}&q=pretrial+detention&person={pid}"}
    for w, h in SIZES:
        ctx = browser.new_context(base_url=example_server, viewport={"width": w, "height": h})
        pg = ctx.new_page()
        pg.goto("/login")  # the page everyone sees first
        pg.screenshot(path=str(shots / f"login-{w}x{h}.png"))
        sign_in_page(pg)
        for name, url in pages.items():
            pg.goto(url)
            pg.wait_for_load_state("load")
            if "#" in url:
                assert quote_visible(pg, url.split("#", 1)[1]), (name, w)
            out = shots / f"{name}-{w}x{h}.png"
            pg.screenshot(path=str(out))
            assert out.stat().st_size > 1000
        # nothing overflows sideways on a phone except inside the scrolling tables
        if w < 500:
            for url in (f"/cases/{case}", pages["search"], pages["timeline"], pages["person"]):
                pg.goto(url)
                assert pg.evaluate("() => document.documentElement.scrollWidth") <= w + 1, url
        ctx.close()


@pytest.mark.parametrize("who, sees_case, may_judge", [("vera", True, False), ("olga", False, False), ("eddie", True, True)])
def test_each_role_sees_only_what_it_may(browser, live_server: str, who: str, sees_case: bool, may_judge: bool) -> None:  # noqa: ANN001
    ctx = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 800})
    pg = ctx.new_page()
    sign_in_page(pg, who)
    assert (pg.locator(f'a[href="/cases/{CASE}"]').count() > 0) == sees_case
    pg.goto(f"/cases/{CASE}")
    if not sees_case:
        assert "may not do this here" in pg.locator("main").inner_text()
    else:
        tabs = pg.locator("nav.tabs a").all_inner_texts()
        assert ("Review" in tabs) == may_judge and ("Upload" in tabs) == may_judge
        pg.goto(f"/cases/{CASE}/review")
        assert ("may not do this here" in pg.locator("main").inner_text()) != may_judge
    pg.click("form.who button[type=submit]")  # sign out
    pg.wait_for_url("**/login")
    pg.goto(f"/cases/{CASE}")
    assert "/login" in pg.url
    ctx.close()


@pytest.fixture
def example_page(browser, example_server: str) -> Iterator:  # noqa: ANN001
    """Signed in on the example case (runs without the shared kit)."""
    yield from _signed_in(browser, example_server)


def test_timeline_filters_by_person_and_kind(example_page) -> None:  # noqa: ANN001
    pg = example_page
    pg.goto(f"/cases/{EXAMPLE}/timeline")
    total = pg.locator("ol.timeline > li").count()
    assert total > 10 and pg.locator("#timeline-count").inner_text() == f"{total} of {total} events"
    # one quote an event; the others folded away
    assert all(li.locator(":scope > .what > p.evidence a.quote").count() == 1
               for li in pg.locator("ol.timeline > li").all())
    more = pg.locator("ol.timeline details.more").first
    assert not more.evaluate("d => d.open") and not more.locator("a.quote").first.is_visible()
    more.locator("summary").click()
    assert more.locator("a.quote").first.is_visible()

    pg.get_by_label("Person").select_option(label=PERSON)
    pg.get_by_role("button", name="Filter").click()
    pg.wait_for_url("**/timeline?person=*")
    rows = pg.locator("ol.timeline > li")
    mine = rows.count()
    assert 0 < mine < total and pg.locator("#timeline-count").inner_text() == f"{mine} of {total} events shown"
    assert all(PERSON in li.locator("p.people").inner_text() for li in rows.all())

    pg.get_by_label("Kind").select_option(value="pretrial_detention")
    pg.get_by_role("button", name="Filter").click()
    pg.wait_for_url("**kind=pretrial_detention*")
    rows = pg.locator("ol.timeline > li")
    assert 0 < rows.count() < mine
    assert {li.get_attribute("data-kind") for li in rows.all()} == {"pretrial_detention"}
    assert pg.get_by_label("Person").evaluate("s => s.options[s.selectedIndex].text") == PERSON  # the filter stays set

    pg.get_by_role("link", name="all events").click()
    pg.wait_for_url(f"**/cases/{EXAMPLE}/timeline")
    assert pg.locator("ol.timeline > li").count() == total


def test_person_page_shows_the_dated_history_of_measures(example_page) -> None:  # noqa: ANN001
    pg = example_page
    pg.goto(f"/cases/{EXAMPLE}")
    pg.get_by_role("link", name=PERSON).first.click()
    pg.wait_for_url("**/persons/**")
    rows = pg.locator("#measure-history tbody tr")
    dates = [d for d in rows.locator("td.when").all_inner_texts()]
    dated = [d for d in dates if d != "undated"]
    assert len(dated) >= 2 and dated == sorted(dated) and dates[:len(dated)] == dated  # oldest first, undated last
    kinds = rows.locator("td:nth-child(2) strong").all_inner_texts()
    assert "arrest" in kinds and "pretrial detention" in kinds
    # the row marked "now" is the roster's current measure, since the same date
    now = pg.locator("#measure-history tr.current")
    assert now.count() == 1 and "now" in now.inner_text()
    facts = pg.locator("dl.facts").inner_text()
    assert now.locator("strong").inner_text() in facts and now.locator("td.when").inner_text() in facts
    # each step cites a source: its quote opens the reader at that very quote
    q = now.locator("a.quote").first
    text = q.inner_text().strip("“”")
    q.click()
    pg.wait_for_url("**/documents/**")
    assert text.startswith(pg.locator("mark:target").inner_text())  # (a span another overlaps is marked in pieces)
    pg.go_back()
    pg.get_by_role("link", name=f"{PERSON} on the timeline").click()
    pg.wait_for_url("**/timeline?person=*")
    assert all(PERSON in t for t in pg.locator("ol.timeline > li p.people").all_inner_texts())


def test_person_page_shows_each_role_with_the_sentence_it_rests_on(example_page) -> None:  # noqa: ANN001
    """Issue 14: roles without sources. Each role is shown with a quote (the sentence of a mention that gives it), and
    the quote opens the reader at that sentence."""
    pg = example_page
    pg.goto(f"/cases/{EXAMPLE}")
    pg.get_by_role("link", name=PERSON).first.click()
    pg.wait_for_url("**/persons/**")
    roles = pg.locator("#roles > li")
    assert roles.count() >= 1
    for i in range(roles.count()):
        li = roles.nth(i)
        assert li.locator("a.quote").count() or "role model" in li.inner_text() or "analyst" in li.inner_text()
    q = pg.locator("#roles a.quote").first
    text = q.inner_text().strip("“”")
    q.click()
    pg.wait_for_url("**/documents/**")
    assert text.startswith(pg.locator("mark:target").inner_text())
