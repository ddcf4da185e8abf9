"""The mini-BERT tab in a real browser: pre-train live (progress, curve, fill-mask), Stop mid-run,
and a saved mini-BERT used offline by the fill-mask tab and the attention page's BERT view,
labelled as trained here."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from core.i18n import t
from tests.browser.conftest import click_button, no_exception, open_tab, press_enter, screenshot, wait_charts

LABEL = "東北大の BERT ではありません"


@pytest.fixture(scope="module")
def mb_server(browser, tmp_path_factory):
    """Offline (no hub model), with one small mini-BERT already saved in the cache dir."""
    from core.bert import pretrain
    from core.bert import saved
    from tests.browser.conftest import Server
    from tests.minibert.conftest import TINY, small_text

    cache = tmp_path_factory.mktemp("mb-cache")
    res = pretrain.pretrain(small_text(), pretrain.PretrainConfig(**TINY), text_name="browser test text")
    saved.save(res, cache / "trained" / "mini-bert" / "tiny")
    s = Server({"PLAYGROUND_CACHE_DIR": str(cache), "OMP_NUM_THREADS": "1",
                "PLAYGROUND_MODEL_FILL_MASK": "", "PLAYGROUND_MODEL_SENTIMENT": "",
                # the model-source text field (custom models on, local paths under the cache only)
                "PLAYGROUND_ALLOW_CUSTOM_MODELS": "1", "PLAYGROUND_MODEL_ROOTS": str(cache)}, warm=True)
    s.cache = cache
    yield s
    s.stop()


def body(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def test_pretrain_live_then_fill_mask(mb_server, page):
    open_tab(page, mb_server, "bert", "bert.tab.pretrain", {"bert_pt_seconds": 5, "bert_pt_layers": 1,
                                                          "bert_pt_d": 64})
    start = page.get_by_role("button", name=t("bert.pt.start", "ja", s=5))
    expect(start).to_be_visible(timeout=120_000)
    saved = page.get_by_role("combobox", name=t("bert.pt.use", "ja"))  # the saved mini-BERTs
    expect(saved).to_have_value(re.compile(r"mini-bert/tiny$"), timeout=120_000)
    no_exception(page)
    click_button(page, t("bert.pt.start", "ja", s=5), timeout_ms=300_000)
    no_exception(page)
    wait_charts(page, 2)
    text = body(page)
    assert "このセッションで学習" in text and "MLM" in text
    screenshot(page, "minibert-pretrain-result")


def test_stop_mid_run_keeps_the_partial_model(mb_server, page):
    open_tab(page, mb_server, "bert", "bert.tab.pretrain", {"bert_pt_seconds": 300, "bert_pt_layers": 1,
                                                          "bert_pt_d": 64})
    start = page.get_by_role("button", name=t("bert.pt.start", "ja", s=300))
    expect(start).to_be_visible(timeout=120_000)
    start.click()
    progress = page.get_by_text("mlm_loss=").first  # the progress text once steps are running
    expect(progress).to_be_visible(timeout=240_000)
    click_button(page, t("common.stop", "ja"), timeout_ms=240_000)
    expect(page.get_by_text(t("common.stopped", "ja")).first).to_be_visible(timeout=120_000)
    no_exception(page)
    wait_charts(page, 2)
    assert "このセッションで学習" in body(page)
    screenshot(page, "minibert-stopped")


def test_offline_fill_mask_uses_the_mini_bert_trained_here(mb_server, page):
    open_tab(page, mb_server, "bert", "bert.tab.fillmask", {"bert_fm_text": "父は昼に[MASK]を食べた。"})
    no_exception(page)
    wait_charts(page, 1)
    expect(page.get_by_text(LABEL).first).to_be_visible(timeout=120_000)
    screenshot(page, "minibert-offline-fill-mask")


def test_attention_model_view_on_the_saved_mini_bert(mb_server, page):
    open_tab(page, mb_server, "attention", "att.tab.bert")
    from core import hub

    field = page.get_by_role("textbox", name=t("bert.source.field", "ja", label=hub.spec("fill-mask").label))
    expect(field).to_be_visible(timeout=120_000)
    field.fill(str(mb_server.cache / "trained" / "mini-bert" / "tiny"))
    press_enter(page, field, timeout_ms=240_000)
    no_exception(page)
    expect(page.get_by_text(LABEL).first).to_be_visible(timeout=120_000)
    wait_charts(page, 1)
    screenshot(page, "minibert-attention-view")
