"""The word2vec page in a real browser: every tab renders with Japanese glyphs (screenshots),
training runs from the button, the CBOW steps, and HTML typed as a word never runs."""
import pytest

from core.i18n import t
from tests.browser.conftest import click_button, no_exception, open_tab, screenshot, wait_charts
from tests.browser.wait import settle_error_handlers

TABS = [("w2v.tab.neighbors", "neighbors", 2), ("w2v.tab.analogy", "analogy", 1),
        ("w2v.tab.projection", "projection", 1), ("w2v.tab.eval", "eval", 2),
        ("w2v.tab.train", "train", 0), ("w2v.tab.mechanics", "mechanics", 4)]


def _open(page, server, tab_key, extra=None):
    open_tab(page, server, "word2vec", tab_key, extra)


_charts = wait_charts
_tall_screenshot = screenshot


@pytest.mark.parametrize("tab_key,name,charts", TABS, ids=[x[1] for x in TABS])
def test_tab_renders(server, page, tab_key, name, charts):
    _open(page, server, tab_key)
    no_exception(page)
    if charts:
        _charts(page, charts)
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    if name == "neighbors":  # 猫 → 犬 or 子猫 in the top 10, drawn as Japanese tick labels
        ticks = page.locator('[data-testid="stPlotlyChart"]').first.locator(".ytick text").all_text_contents()
        assert "犬" in ticks or "子猫" in ticks, ticks
    _tall_screenshot(page, f"word2vec-{name}")


def test_train_button_trains_and_other_tabs_can_use_it(server, page):
    _open(page, server, "w2v.tab.train", {"w2v_tr_epochs": "3"})
    click_button(page, t("w2v.tr.start", "ja"))
    page.wait_for_selector(f"text={t('w2v.tr.download', 'ja')}", timeout=120_000)
    no_exception(page)
    _charts(page, 1)
    _tall_screenshot(page, "word2vec-train-done")


def test_cbow_step_and_negative_sampling(server, page):
    _open(page, server, "w2v.tab.mechanics")
    _charts(page, 4)
    click_button(page, t("w2v.cb.step", "ja", n=10))
    no_exception(page)
    assert page.get_by_text(t("w2v.cb.steps", "ja")).count() >= 1


def test_html_word_shows_literally_and_never_runs(server, page):
    payload = "<img src=x onerror=alert(1)>"
    _open(page, server, "w2v.tab.neighbors", {"w2v_word": payload})
    no_exception(page)
    settle_error_handlers(page)
    assert page.dialogs == []
    assert page.locator('img[src="x"]').count() == 0
