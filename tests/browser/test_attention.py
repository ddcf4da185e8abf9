"""The attention page in a real browser: every section renders (screenshots), and HTML/JS typed
into the sentence shows literally and never runs."""
import urllib.parse

import pytest

from core.i18n import t
from tests.browser.conftest import no_exception, screenshot, wait_idle

SECTIONS = [("att.tab.sdpa", "sdpa", {"att_vec": "random"}),
            ("att.tab.multihead", "multihead", {}),
            ("att.tab.posenc", "posenc", {}),
            ("att.tab.bert", "bert", {}),
            ("att.tab.seq2seq", "seq2seq", {})]


def _url(server, tab_key, extra=None):
    q = {"tab": t(tab_key, "ja"), **(extra or {})}
    return f"{server.url}/attention?{urllib.parse.urlencode(q)}"


@pytest.mark.parametrize("tab_key,name,extra", SECTIONS, ids=[s[1] for s in SECTIONS])
def test_section_renders(server, page, tab_key, name, extra):
    page.goto(_url(server, tab_key, extra))
    wait_idle(page)
    no_exception(page)
    assert page.locator('[data-testid="stPlotlyChart"]').count() >= 1 or name == "seq2seq"
    page.wait_for_timeout(500)
    screenshot(page, f"attention-{name}")


def test_html_in_sentence_shows_literally_and_never_runs(server, page):
    page.goto(_url(server, "att.tab.sdpa", {"att_vec": "random"}))
    wait_idle(page)
    payload = "<img src=x onerror=alert(1)>"
    box = page.get_by_label(t("att.sentence", "ja"))
    box.fill(payload)
    box.press("Enter")
    wait_idle(page)
    no_exception(page)
    page.wait_for_timeout(1000)
    assert page.dialogs == []
    # the tokens are shown as plain text, the characters literally
    code = page.locator('[data-testid="stCode"]').first.inner_text()
    assert "<" in code and "img" in code and "onerror" in code
    # no <img> element was created from user text anywhere on the page
    assert page.locator('img[src="x"]').count() == 0
    # the tick labels of the heatmaps show the "<" literally (escaped for plotly, decoded by it)
    ticks = page.locator('[data-testid="stPlotlyChart"] .xtick text').all_inner_texts()
    assert "<" in ticks and ">" in ticks
    screenshot(page, "attention-xss")
