"""The Transformer sections of the attention page in a real browser (issue #13): the assembled
layers render, the mini-GPT trains, generates and shows its attention, the card renders."""
from playwright.sync_api import expect

from core.i18n import t
from tests.browser.conftest import click_button, no_exception, open_tab, screenshot, wait_charts

SMALL = {"tf_gpt_d": 32, "tf_gpt_layers": 2, "tf_gpt_h": 2, "tf_gpt_ctx": 32, "tf_gpt_epochs": 3,
         "tf_gpt_sec": 60}


def test_assemble_renders_every_step(server, page):
    open_tab(page, server, "attention", "att.tab.assemble")
    no_exception(page)
    wait_charts(page, 20)  # X, PE, 7 encoder steps, 10 decoder steps, per-head weights
    page.locator('[data-testid="stGraphVizChart"] svg').first.wait_for(timeout=60_000)
    screenshot(page, "attention-assemble")


def test_mini_gpt_trains_generates_and_shows_attention(server, page):
    open_tab(page, server, "attention", "att.tab.gpt", SMALL)
    no_exception(page)
    click_button(page, t("lstm.train", "ja"))
    no_exception(page)
    page.get_by_text(t("tf.gpt.par", "ja")).first.wait_for(timeout=120_000)
    wait_charts(page, 2)  # loss curves and the model view (layers × heads)
    expect(page.locator('[data-testid="stDataFrame"]')).to_have_count(1)  # parallel vs one-by-one table
    screenshot(page, "attention-mini-gpt")


def test_family_card_renders(server, page):
    open_tab(page, server, "attention", "att.tab.family")
    no_exception(page)
    page.get_by_text(t("tf.fam.gpt.mask", "ja")).first.wait_for(timeout=60_000)
    screenshot(page, "attention-family")
