"""The seq2seq page in a real browser: every tab renders (screenshots), a tiny training run and
the side-by-side comparison finish, the translate heatmap shows, and user text typed into the
input appears literally (never as HTML)."""
from core.i18n import t
from tests.browser.conftest import click_button, no_exception, open_tab, screenshot, wait_charts
from tests.browser.wait import act


def _open(page, server, tab_key, extra=None):
    open_tab(page, server, "seq2seq", tab_key, extra)


_charts = wait_charts
_tall_screenshot = screenshot
_click = click_button


def test_translate_tab_heatmap(server, page):
    _open(page, server, "s2s.tab.translate", {"s2s_text": "平成6年9月27日", "s2s_beam": "4"})
    no_exception(page)
    _charts(page)
    body = page.inner_text("body")
    assert "1994-09-27" in body
    assert page.locator('[data-testid="stPlotlyChart"] .heatmaplayer').count() >= 1
    _tall_screenshot(page, "seq2seq-translate")


def test_translate_tab_user_text_is_literal(server, page):
    _open(page, server, "s2s.tab.translate", {"s2s_text": "<b>x</b>"})
    no_exception(page)
    assert page.locator("b", has_text="x").count() == 0
    assert "<b>x</b>" in page.inner_text("body") or "学習データにない" in page.inner_text("body")
    assert not page.dialogs


def test_train_tab_tiny_run(server, page):
    _open(page, server, "s2s.tab.train", {"s2s_tr_n": "300", "s2s_tr_hidden": "16", "s2s_tr_epochs": "2"})
    no_exception(page)
    _click(page, t("s2s.train.start", "ja"))
    no_exception(page)
    _charts(page, 2)
    assert "2 エポック" in page.inner_text("body")
    _tall_screenshot(page, "seq2seq-train")


def test_compare_tab_tiny_run(server, page):
    _open(page, server, "s2s.tab.compare", {"s2s_cmp_n": "300", "s2s_cmp_hidden": "16", "s2s_cmp_epochs": "1"})
    no_exception(page)
    _click(page, t("s2s.cmp.start", "ja"))
    no_exception(page)
    _charts(page, 2)
    _tall_screenshot(page, "seq2seq-compare")


def test_pretrained_tab_offline_message(server, page):
    _open(page, server, "s2s.tab.pretrained")
    no_exception(page)
    page.wait_for_selector('[data-testid="stCode"]', timeout=30_000)
    body = page.inner_text('[data-testid="stMain"]')
    assert "Helsinki-NLP/opus-mt-ja-en" in body and "python -m core models download" in body
    _tall_screenshot(page, "seq2seq-pretrained")


def test_pretrained_tab_with_tiny_marian(fresh_server, page, tmp_path):
    """A tiny offline Marian model (PLAYGROUND_MODEL_TRANSLATION) through the real page: the
    cross-attention heatmap and the layers × heads grid render."""
    from tests.seq2seq.tiny_marian import build

    server = fresh_server(PLAYGROUND_MODEL_TRANSLATION=str(build(tmp_path / "marian")))
    _open(page, server, "s2s.tab.pretrained")
    no_exception(page)
    _charts(page)
    act(page, lambda: page.get_by_text(t("s2s.mt.grid", "ja")).first.click())
    _charts(page, 2)
    no_exception(page)
    _tall_screenshot(page, "seq2seq-pretrained-tiny-marian")


def test_transformer_train_then_cross_attention_grid(server, page):
    """Train a tiny Transformer in the browser, then the translate tab (same session) shows the
    averaged heatmap and the layers × heads grid of its source–target attention."""
    from playwright.sync_api import expect

    from core.seq2seq.data import dataset

    text = dataset("dates", 300, seed=0).raw[0][0]  # a training input: every character is in the vocabulary
    _open(page, server, "s2s.tab.train", {"s2s_tr_n": "300", "s2s_tr_hidden": "16", "s2s_tr_epochs": "1",
                                          "s2s_tr_cell": t("s2s.cell.transformer", "ja"), "s2s_text": text})
    no_exception(page)
    expect(page.get_by_text(t("s2s.heads", "ja"))).to_be_visible()
    _click(page, t("s2s.train.start", "ja"))
    no_exception(page)
    _charts(page, 2)
    act(page, lambda: page.get_by_role("tab", name=t("s2s.tab.translate", "ja")).click())
    act(page, lambda: page.get_by_text(t("s2s.tr.mine", "ja")).click())
    expect(page.get_by_text(t("s2s.tr.cross_grid", "ja"))).to_be_visible(timeout=90_000)
    no_exception(page)
    page.wait_for_function("() => document.querySelectorAll('[data-testid=\"stPlotlyChart\"]').length >= 2 && "
                           "document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .heatmaplayer').length >= 2",
                           timeout=90_000)
    _tall_screenshot(page, "seq2seq-transformer-cross-attention")
