"""The word-vector sentiment baseline (issue #9) in a real browser: the BERT page's sentiment
tab offline shows the baseline, trains on the built-in sample, predicts a typed sentence."""
from urllib.parse import urlencode

from core.i18n import t
from tests.browser.conftest import no_exception, screenshot, wait_idle


_tall_screenshot = screenshot


def test_baseline_trains_and_predicts(server, page):
    page.goto(server.url)  # the first request of a fresh server may open "/" with a dialog
    wait_idle(page)
    query = urlencode({"tab": t("bert.tab.sentiment", "ja"), "base_epochs": 5})
    page.goto(f"{server.url}/bert?{query}")
    wait_idle(page)
    no_exception(page)
    main = page.locator('[data-testid="stMain"]')
    assert t("base.title", "ja") in main.inner_text()
    page.get_by_role("button", name=t("base.train", "ja")).click()
    page.get_by_text(t("base.results", "ja")).wait_for(timeout=120_000)
    wait_idle(page, timeout_ms=120_000)
    no_exception(page)
    text = main.inner_text()
    assert t("base.m.majority", "ja") in text and "見つかった単語" in text
    page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .main-svg').length >= 4",
        timeout=60_000)
    _tall_screenshot(page, "bert_baseline-sentiment")
