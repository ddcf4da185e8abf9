"""The LSTM page in a real browser: every tab renders, training draws curves and heatmaps,
Stop interrupts a long run and leaves a usable page, pasted HTML stays text."""


from playwright.sync_api import expect

from core.i18n import t
from tests.browser.conftest import click_button, no_exception, open_tab, press_enter, screenshot, wait_charts
from tests.browser.wait import act, settle_error_handlers

TABS = ["forecast", "text", "compare", "gates", "gradients"]
def _open(page, server, tab, extra=None):
    open_tab(page, server, "lstm", f"lstm.tab.{tab}", extra)


def _click(page, label):
    click_button(page, label)
    no_exception(page)


_charts = wait_charts
_tall_screenshot = screenshot


def test_every_tab_renders(server, page):
    """Each tab opens from its deep link (the home page links ?tab=<label>) without errors;
    the trained views below take the screenshots."""
    for tab in TABS:
        _open(page, server, tab)
        no_exception(page)
        assert "LSTM / GRU" in page.locator("h1").first.inner_text()
        selected = page.locator('[data-testid="stTabs"] [role="tab"][aria-selected="true"]').first.inner_text()
        assert selected == t(f"lstm.tab.{tab}", "ja")
    _charts(page)
    screenshot(page, "lstm-gradients")


def test_forecast_training_draws_curves(server, page):
    _open(page, server, "forecast", {"lstm_fc_epochs": 10, "lstm_fc_hidden": 16, "lstm_fc_series": "sines",
                                     "lstm_fc_noise": 0.05})
    _click(page, t("lstm.train", "ja"))
    _charts(page, 2)
    assert "学習完了" in page.locator('[data-testid="stMain"]').inner_text()
    _tall_screenshot(page, "lstm-forecast-trained")


def test_compare_overlays_three_cells(server, page):
    _open(page, server, "compare", {"lstm_cmp_epochs": 6, "lstm_cmp_hidden": 16})
    _click(page, t("lstm.cmp.train", "ja"))
    _charts(page, 2)
    legend = " ".join(page.locator('[data-testid="stPlotlyChart"] .legendtext').all_text_contents())
    assert "RNN" in legend and "LSTM" in legend and "GRU" in legend
    _tall_screenshot(page, "lstm-compare-trained")


def test_gates_heatmaps_after_training(server, page):
    _open(page, server, "gates", {"lstm_gates_cell": "lstm"})
    _click(page, t("lstm.gates.quick", "ja", cell="LSTM", epochs=15))
    _charts(page, 2)
    _click(page, t("lstm.bi.train", "ja", cell="LSTM"))
    _charts(page, 4)
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert "検証 MSE: 一方向" in text
    _tall_screenshot(page, "lstm-gates-trained")


def test_gradients_exploding_with_clipping(server, page):
    _open(page, server, "gradients", {"lstm_grad_scale": 3.0, "lstm_grad_clip": "true"})
    _charts(page)
    _tall_screenshot(page, "lstm-gradients-exploding")


def test_stop_mid_training_leaves_a_usable_page(server, page):
    _open(page, server, "forecast", {"lstm_fc_epochs": 300, "lstm_fc_hidden": 128, "lstm_fc_length": 3000})
    page.get_by_role("button", name=t("lstm.train", "ja")).first.click()
    # stop as soon as the run is under way (its Stop button and progress bar are shown)
    page.get_by_role("button", name=t("common.stop", "ja")).first.wait_for(timeout=60_000)
    page.locator('[data-testid="stProgress"]').first.wait_for(timeout=60_000)
    act(page, lambda: page.get_by_role("button", name=t("common.stop", "ja")).first.click(), 240_000)
    no_exception(page)
    main = page.locator('[data-testid="stMain"]')
    expect(main).to_contain_text("停止しました")
    # a usable page: the train button is there again and nothing is left running
    expect(page.get_by_role("button", name=t("lstm.train", "ja")).first).to_be_enabled()
    screenshot(page, "lstm-stopped")


def test_pasted_html_stays_text(server, page):
    _open(page, server, "text", {"lstm_lm_epochs": 3, "lstm_lm_hidden": 16})
    act(page, lambda: page.get_by_text(t("lstm.lm.source.paste", "ja")).first.click())
    payload = "<img src=x onerror=alert(1)> ねこがすき。" * 6
    area = page.locator('[data-testid="stMain"] [data-testid="stTextArea"] textarea').first
    area.fill(payload)
    act(page, lambda: page.keyboard.press("Control+Enter"))
    _click(page, t("lstm.train", "ja"))
    assert "学習完了" in page.locator('[data-testid="stMain"]').inner_text()
    box = page.locator('[data-testid="stMain"] [data-testid="stTextInput"] input').first
    box.fill("<img")
    press_enter(page, box)
    no_exception(page)
    _charts(page, 2)
    settle_error_handlers(page)
    assert page.dialogs == []
    assert page.locator('img[src="x"]').count() == 0
    assert "<img" in page.locator('[data-testid="stText"]').last.inner_text()
    _tall_screenshot(page, "lstm-text-trained")
