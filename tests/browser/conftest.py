"""Browser tests: Playwright driving Debian's Chromium (its headless shell when installed, else
/usr/bin/chromium: stkit/server.py CHROMIUM) against a real `streamlit run app.py` on a free
localhost port. Skipped, with the reason, when Chromium or Playwright is absent; CI installs both
so they run there. Screenshots go to test-artifacts/screenshots/.
"""
from __future__ import annotations

import pathlib

import pytest

from stkit.server import CHROMIUM, CHROMIUM_ARGS, ROOT, Server
from tests.browser.wait import act, goto, new_context, page_state

SHOTS = ROOT / "test-artifacts" / "screenshots"


def _require_browser():
    if not pathlib.Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium-headless-shell fonts-noto-cjk")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("playwright is not installed: pip install -r requirements-dev.txt")


@pytest.fixture(scope="session")
def browser():
    _require_browser()
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def server(browser, app_server):
    """The shared server (tests/conftest.py: app_server) for the browser tests of the pages."""
    return app_server


@pytest.fixture
def fresh_server(browser):
    """A factory of brand-new servers (for first-request deep-link checks)."""
    started = []

    def start(**env):
        s = Server(env)
        started.append(s)
        return s

    yield start
    for s in started:
        s.stop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed:
        item.failed_call = True  # the page fixture keeps a screenshot of what the test last saw
    return report


@pytest.fixture(scope="module")
def browser_context(browser):
    """One context per test file: its tests share the HTTP and compiled-JavaScript caches. Tests
    that need separate users or settings make their own (new_context)."""
    context = new_context(browser, locale="ja-JP")
    yield context
    context.close()


def _tab(context):
    """The context's tab that the tests of a file take turns on (see ``page``); a new one when
    there is none (the first test, or the last one's tab crashed and was closed)."""
    for p in context.pages:
        if hasattr(p, "dialogs"):
            return p
    p = context.new_page()
    p.dialogs = []  # type: ignore[attr-defined]
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    return p


@pytest.fixture
def page(browser_context, request):
    """A browser tab for one test. Each test opens its own document (goto), so it has its own
    Streamlit session, as a new tab would; the tab itself is the file's: a document opened in a
    warm tab costs the browser about half the CPU of a new tab (0.9–1.6 vs 2.1–2.5 CPU-s for
    /basics with its chart, measured), which is most of what the browser tests spend. When the
    test ends the tab leaves its document (about:blank), which ends that session."""
    p = _tab(browser_context)
    p.dialogs.clear()
    yield p
    if getattr(request.node, "failed_call", False):
        try:
            shot = screenshot(p, f"failed-{request.node.name}"[:120])
            shot.with_suffix(".txt").write_text(repr(page_state(p)))
        except Exception:  # noqa: BLE001 - a page too broken to shoot must not hide the failure
            pass
    try:
        p.goto("about:blank")
    except Exception:  # noqa: BLE001 - a crashed tab is replaced by the next test
        p.close()


def no_exception(page) -> None:
    boxes = page.locator('[data-testid="stException"]')
    assert boxes.count() == 0, boxes.first.inner_text()


def screenshot(page, name: str, *, max_height: int = 6000) -> pathlib.Path:
    """Save a screenshot of the whole page. Streamlit scrolls inside its main container, so a
    plain full_page shot is only the viewport: grow the viewport to the content first."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    size = page.viewport_size or {"width": 1400, "height": 1000}
    height = page.evaluate("""() => { const m = document.querySelector('[data-testid="stMain"]')
                                        || document.querySelector('[data-testid="stAppViewContainer"]');
                                      return m ? m.scrollHeight : document.body.scrollHeight; }""")
    tall = max(size["height"], min(int(height or 0) + 40, max_height))
    if tall != size["height"]:
        page.set_viewport_size({"width": size["width"], "height": tall})
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    try:
        page.screenshot(path=str(path), full_page=True)
    finally:
        if tall != size["height"]:
            page.set_viewport_size(size)
    return path


def open_tab(page, server, path: str, tab_key: str | None = None, extra: dict | None = None,
             lang: str = "ja") -> None:
    """Open /<path>?tab=<label of tab_key>&<extra> and wait for the script run to finish."""
    import urllib.parse

    from core.i18n import t

    q = dict(extra or {})
    if tab_key:
        q = {"tab": t(tab_key, lang), **q}
    goto(page, f"{server.url}/{path}" + (f"?{urllib.parse.urlencode(q)}" if q else ""))


def wait_charts(page, n: int = 1, timeout: int = 90_000) -> None:
    """Plotly charts mount a moment after the script run ends: wait for ``n`` of them."""
    page.wait_for_function(
        f"() => document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .main-svg').length >= {n}",
        timeout=timeout)


def click_button(page, label: str, timeout_ms: int = 120_000) -> None:
    """Click the first button named ``label`` and wait for the script run the click caused."""
    act(page, lambda: page.get_by_role("button", name=label).first.click(), timeout_ms)


def press_enter(page, locator, timeout_ms: int = 120_000) -> None:
    """Press Enter in a text field and wait for the script run it caused."""
    act(page, lambda: locator.press("Enter"), timeout_ms)
