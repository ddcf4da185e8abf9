"""The word-vector sentiment baseline (issue #9) in a real browser: the BERT page's sentiment
tab offline shows the baseline, trains on the built-in sample, predicts a typed sentence."""
from urllib.parse import urlencode

from core.i18n import t
from tests.browser.conftest import click_button, no_exception, screenshot
from tests.browser.wait import goto


_tall_screenshot = screenshot


def test_baseline_trains_and_predicts(server, page):
    goto(page, server.url)  # the first request of a fresh server may open "/" with a dialog
    query = urlencode({"tab": t("bert.tab.sentiment", "ja"), "base_epochs": 5})
    goto(page, f"{server.url}/bert?{query}")
    no_exception(page)
    main = page.locator('[data-testid="stMain"]')
    assert t("base.title", "ja") in main.inner_text()
    click_button(page, t("base.train", "ja"), timeout_ms=120_000)
    # the results' own labels (the run that trained draws them), not a heading that may also
    # appear elsewhere on the page
    page.get_by_text(t("base.m.majority", "ja")).first.wait_for(timeout=120_000)
    page.get_by_text("見つかった単語").first.wait_for(timeout=60_000)
    no_exception(page)
    text = main.inner_text()
    assert t("base.m.majority", "ja") in text and "見つかった単語" in text
    page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .main-svg').length >= 4",
        timeout=60_000)
    _tall_screenshot(page, "bert_baseline-sentiment")
