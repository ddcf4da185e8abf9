"""The /basics page in a real browser: every section renders without an exception box (desktop
screenshots), the 2-D playground trains live and Stop leaves a usable page, and the page works on a
390-px phone viewport."""
import pytest
from playwright.sync_api import expect

from core.i18n import t
from tests.browser.conftest import click_button, no_exception, open_tab, screenshot, wait_charts
from tests.browser.wait import act, new_context

# (tab key, screenshot name, number of plotly charts the section draws by default)
SECTIONS = [("basics.tab.neuron", "neuron", 1), ("basics.tab.depth", "depth", 1), ("basics.tab.matmul", "matmul", 0),
            ("basics.tab.softmax", "softmax", 1), ("basics.tab.entropy", "entropy", 2),
            ("basics.tab.descent", "descent", 4), ("basics.tab.backprop", "backprop", 1),
            ("basics.tab.playground", "playground", 1), ("basics.tab.knock", "knock", 0)]


def _main_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


@pytest.mark.parametrize("tab_key,name,charts", SECTIONS, ids=[s[1] for s in SECTIONS])
def test_section_renders(server, page, tab_key, name, charts):
    open_tab(page, server, "basics", tab_key)
    no_exception(page)
    expect(page.get_by_role("tab", name=t(tab_key, "ja"))).to_have_attribute("aria-selected", "true")
    if charts:
        wait_charts(page, charts)
    if name == "softmax":
        assert "0.8808" in _main_text(page)
    screenshot(page, f"basics-{name}")


def _train_button(page):
    """The start button, once mounted (the widgets mount a while after the run on a busy machine)."""
    button = page.get_by_role("button", name=t("basics.pg.train", "ja")).first
    button.wait_for(timeout=120_000)
    return button


def test_playground_trains_to_the_end(server, page):
    open_tab(page, server, "basics", "basics.tab.playground", {"bpg_epochs": 60})
    wait_charts(page, 1)  # the data preview
    _train_button(page)
    click_button(page, t("basics.pg.train", "ja"))
    no_exception(page)
    wait_charts(page, 3)  # decision boundary, loss, accuracy
    expect(page.get_by_text(t("basics.pg.test_acc", "ja"))).to_be_visible()
    screenshot(page, "basics-playground-trained")


def test_playground_stop_mid_training_leaves_a_usable_page(server, page):
    open_tab(page, server, "basics", "basics.tab.playground", {"bpg_epochs": 300})
    wait_charts(page, 1)
    _train_button(page).click()
    # the live decision boundary has been drawn at least once: training is under way
    page.wait_for_function("() => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .gtitle')]"
                           ".some(e => e.textContent.includes('学習中の決定境界'))", timeout=120_000)
    act(page, lambda: page.get_by_role("button", name=t("common.stop", "ja")).first.click(), 120_000)
    no_exception(page)
    main = _main_text(page)
    assert "停止しました" in main, main[-1500:]
    wait_charts(page, 3)  # the partly trained model is drawn
    screenshot(page, "basics-playground-stopped")


@pytest.mark.parametrize("tab_key,name", [("basics.tab.neuron", "neuron"), ("basics.tab.playground", "playground"),
                                          ("basics.tab.backprop", "backprop")])
def test_phone_viewport(server, browser, tab_key, name):
    context = new_context(browser, locale="ja-JP", viewport={"width": 390, "height": 844}, is_mobile=True,
                          has_touch=True, device_scale_factor=2)
    try:
        page = context.new_page()
        open_tab(page, server, "basics", tab_key)
        no_exception(page)
        wait_charts(page, 1)
        screenshot(page, f"basics-phone-{name}")
    finally:
        context.close()
