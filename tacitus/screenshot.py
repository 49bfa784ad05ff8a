"""Serve a database on a free local port and drive the dashboard in headless Chromium (Debian's `chromium`,
via Playwright): used by the browser tests and by `make screenshot` for the README picture."""

from __future__ import annotations

import contextlib
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@contextlib.contextmanager
def serving(db: Path, token: str | None = None) -> Iterator[str]:
    """Run the API and dashboard over `db` in a background thread; yield its base URL."""
    import uvicorn

    from .api import ApiSettings, create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(ApiSettings(db=db, token=token)), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the dashboard server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextlib.contextmanager
def browser_page(width: int = 1400, height: int = 1000):  # type: ignore[no-untyped-def]
    """A Playwright page in headless Chromium from the system (no browser download)."""
    from playwright.sync_api import sync_playwright

    exe = chromium_path()
    if exe is None:
        raise RuntimeError("no chromium on PATH: install Debian's chromium (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser.new_page(viewport={"width": width, "height": height})
        finally:
            browser.close()


def screenshot(db: Path, output: Path) -> Path:
    """Save a PNG of the dashboard over `db` with one event opened."""
    with serving(db) as url, browser_page() as page:
        page.goto(url + "/")
        page.wait_for_selector("body[data-ready='1']", timeout=30_000)
        page.locator("#events tbody tr").first.click()
        page.wait_for_selector("#event-view mark.evidence")
        page.evaluate("window.scrollTo(0, 0)")
        output.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(output), full_page=True)
    return output


if __name__ == "__main__":
    import sys

    print(screenshot(Path(sys.argv[1]), Path(sys.argv[2])))  # noqa: T201 - a script entry point
