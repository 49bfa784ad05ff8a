"""The dashboard in a real headless Chromium (Debian's chromium, driven by Playwright): it loads, filters, opens
an event and highlights the evidence inside the article."""

from __future__ import annotations

from pathlib import Path

import pytest

from tacitus.screenshot import browser_page, chromium_path, serving

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(chromium_path() is None, reason="needs Debian's chromium (.ci/run installs it)")]
pytest.importorskip("playwright")


def test_load_filter_open_event_and_see_the_highlight(demo_db: Path) -> None:
    with serving(demo_db) as url, browser_page() as page:
        page.goto(url + "/")
        page.wait_for_selector("body[data-ready='1']", timeout=30_000)
        assert page.locator("#events tbody tr").count() == 25  # first page
        assert page.locator("#timeline rect").count() > 5
        assert page.locator("#network line.edge").count() > 3
        loads = page.evaluate("document.body.dataset.loads")
        page.fill("input[name=dyad]", "IRN-OMN")
        page.click("#apply")
        page.wait_for_function(f"document.body.dataset.loads !== '{loads}'")
        rows = page.locator("#events tbody tr")
        assert rows.count() >= 1
        for i in range(rows.count()):
            cells = rows.nth(i).inner_text()
            assert "IRN" in cells and "OMN" in cells
        rows.first.click()
        mark = page.locator("#event-view mark.evidence").first
        mark.wait_for()
        event_id = page.inner_text("#ev-id")
        assert page.is_visible("#event-view")
        import json
        import urllib.request

        with urllib.request.urlopen(f"{url}/v1/events/{event_id}") as res:  # noqa: S310 - our own local server
            detail = json.load(res)
        assert mark.inner_text() == detail["evidence_text"][0]
        assert detail["event"]["sentence"] in page.inner_text("#ev-article")
        facts = page.inner_text("#ev-facts")
        assert detail["event"]["rule"] in facts and "CONSULT" in facts
