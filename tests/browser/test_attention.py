"""The attention page in a real browser: every section renders (screenshots), and HTML/JS typed
into the sentence shows literally and never runs."""
import urllib.parse

import pytest

from core.i18n import t
from tests.browser.conftest import no_exception, open_tab, screenshot, wait_charts
from tests.browser.wait import settle_error_handlers

SECTIONS = [("att.tab.multihead", "multihead", {}),
            ("att.tab.posenc", "posenc", {}),
            ("att.tab.bert", "bert", {}),
            ("att.tab.seq2seq", "seq2seq", {})]


def _open(page, server, tab_key, extra=None):
    open_tab(page, server, "attention", tab_key, extra)


_charts = wait_charts
_tall_screenshot = screenshot


def _url(server, tab_key, extra=None):
    q = {"tab": t(tab_key, "ja"), **(extra or {})}
    return f"{server.url}/attention?{urllib.parse.urlencode(q)}"


@pytest.mark.parametrize("tab_key,name,extra", SECTIONS, ids=[s[1] for s in SECTIONS])
def test_section_renders(server, page, tab_key, name, extra):
    _open(page, server, tab_key, extra)
    no_exception(page)
    if name != "seq2seq":
        _charts(page)
    _tall_screenshot(page, f"attention-{name}")


def test_sdpa_renders_and_html_in_sentence_shows_literally_and_never_runs(server, page):
    _open(page, server, "att.tab.sdpa", {"att_vec": "random"})
    no_exception(page)
    _charts(page, 10)
    _tall_screenshot(page, "attention-sdpa")
    page.set_viewport_size({"width": 1400, "height": 1000})
    payload = "<img src=x onerror=alert(1)>"
    box = page.locator('[data-testid="stMain"] [data-testid="stTextInput"] input').first
    box.fill(payload)
    box.press("Enter")  # the section is an st.fragment: wait for its result below, not a page run
    no_exception(page)
    page.wait_for_function(  # the heatmaps now show the new tokens
        "() => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .xtick text')]"
        ".some(e => e.textContent === 'onerror')", timeout=60_000)
    settle_error_handlers(page)
    assert page.dialogs == []
    assert box.input_value() == payload
    # the tokens are shown as plain text, the characters literally
    code = page.locator('[data-testid="stCode"]').first.inner_text()
    assert "<" in code and "img" in code and "onerror" in code
    # no <img> element was created from user text anywhere on the page
    assert page.locator('img[src="x"]').count() == 0
    # the tick labels of the heatmaps show the "<" literally (escaped for plotly, decoded by it)
    ticks = page.locator('[data-testid="stPlotlyChart"] .xtick text').all_text_contents()
    assert "<" in ticks and ">" in ticks
    _tall_screenshot(page, "attention-xss")
