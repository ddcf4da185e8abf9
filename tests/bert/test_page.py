"""AppTest of the BERT page: all four tabs with the tiny fixture models (env-var and session
overrides of core.hub), bad input, and the offline-message path."""
from __future__ import annotations

import pytest

from core.i18n import t

from tests.bert.apptest import open_tab, texts
from tests.conftest import assert_no_exception


def charts(at) -> int:
    return len(at.get("plotly_chart"))


def warnings(at) -> str:
    return "\n".join(str(w.value) for w in at.warning)


@pytest.fixture
def offline(monkeypatch, tmp_path):
    """No model sources configured: the defaults are hub ids that are not downloaded here."""
    for k in ("PLAYGROUND_MODEL_FILL_MASK", "PLAYGROUND_MODEL_SENTIMENT", "PLAYGROUND_MODELS_DIR"):
        monkeypatch.delenv(k, raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("PLAYGROUND_CACHE_DIR", str(tmp_path / "cache"))


# --- fill-mask ------------------------------------------------------------------------------

def test_fill_mask_tab(bert_env):
    at = open_tab("bert.tab.fillmask")
    assert_no_exception(at)
    assert charts(at) == 1
    assert "学習していないモデル" in warnings(at)  # fixture models are labelled untrained
    at.text_area(key="bert_fm_text").set_value("東北大学で[MASK]の＿＿をしています。").run()
    assert_no_exception(at)
    assert charts(at) == 2
    filled = [c.value for c in at.code]
    assert any(v.startswith("東北大学で") and "[MASK]" not in v and "＿＿" not in v for v in filled)
    assert len(at.dataframe) == 1  # the MeCab → WordPiece inspector
    insp = at.dataframe[0].value
    assert "東北" in list(insp.iloc[:, 0])


def test_fill_mask_bad_input(bert_env):
    at = open_tab("bert.tab.fillmask")
    at.text_area(key="bert_fm_text").set_value("マスクのない文です。").run()
    assert_no_exception(at)
    assert "[MASK] がありません" in warnings(at) and charts(at) == 0
    at.text_area(key="bert_fm_text").set_value("").run()
    assert "空" in warnings(at)
    at.text_area(key="bert_fm_text").set_value("猫[MASK]" * 25).run()
    assert_no_exception(at)
    assert charts(at) == 20 and any("最初の 20 個" in str(i.value) for i in at.info)
    at.text_area(key="bert_fm_text").set_value("<script>alert('x')</script>[MASK]<b>太字</b>").run()
    assert_no_exception(at)
    assert all("alert" not in str(h.proto) for h in at.get("html"))
    assert all("<script>" not in str(m.value) for m in at.markdown)


def test_click_to_mask(bert_env):
    at = open_tab("bert.tab.fillmask")
    at.segmented_control(key="bert_fm_mode").set_value("click").run()
    assert_no_exception(at)
    assert charts(at) == 1
    assert any("元のトークン" in str(m.value) for m in at.markdown)
    pills = at.button_group
    assert pills, "token picker missing"


# --- MLM + NSP ------------------------------------------------------------------------------

def test_mlm_tab_with_nsp_head(bert_env):
    at = open_tab("bert.tab.mlm")
    assert_no_exception(at)
    table = at.dataframe[0].value
    assert len(table) >= 1 and "元のトークン" in table.columns
    before = list(table["位置"])
    assert charts(at) == 3  # P(original), the 15%/80-10-10 stats (in an expander) and NSP
    seeds = set()
    for seed in (1, 2, 3):
        at.number_input(key="bert_mlm_seed").set_value(seed).run()
        seeds.add(tuple(at.dataframe[0].value["位置"]))
    assert_no_exception(at)
    assert len(seeds | {tuple(before)}) > 1  # the seed changes which tokens are chosen
    seg = at.dataframe[-1].value
    assert list(seg.loc["segment (token_type_id)"]).count("1") > 0


def test_mlm_tab_without_nsp_head(bert_env, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_ALLOWED_FILL_MASK", str(bert_env["mlm"]))  # the operator lists it
    at = open_tab("bert.tab.mlm", session={"hub_fill_mask": str(bert_env["mlm"])})
    assert_no_exception(at)
    assert any("NSP" in str(i.value) and "ありません" in str(i.value) for i in at.info)


# --- sentiment ------------------------------------------------------------------------------

def test_sentiment_tab_single_and_batch(bert_env):
    at = open_tab("bert.tab.sentiment")
    assert_no_exception(at)
    assert at.radio(key="bert_sent_model").value == "bert"
    assert charts(at) == 1 and "positive" in texts(at)  # probabilities; attributions on a click (issue 24)
    at.button(key="bert_ex_run").click().run()
    assert charts(at) == 2  # + the attributions (issue 16)
    at.text_area(key="bert_sent_batch").set_value("良い\n悪い\n\n普通")
    at.button(key="bert_sent_batch_run").click().run()
    assert_no_exception(at)
    df = at.dataframe[0].value
    assert list(df["text"]) == ["良い", "悪い", "普通"] and "p(positive)" in df.columns
    assert any(d.label for d in at.get("download_button"))
    at.text_input(key="bert_sent_text").set_value("").run()
    assert "空" in warnings(at)


def test_sentiment_baseline_selectable(bert_env):
    at = open_tab("bert.tab.sentiment")
    at.radio(key="bert_sent_model").set_value("baseline").run()
    assert_no_exception(at)


# --- fine-tuning ----------------------------------------------------------------------------

def test_finetune_tab_runs_and_feeds_sentiment(bert_env, monkeypatch, tmp_path):
    monkeypatch.setenv("PLAYGROUND_CACHE_DIR", str(tmp_path / "cache"))
    at = open_tab("bert.tab.finetune")
    at.radio(key="bert_ft_data").set_value("sample").run()
    assert_no_exception(at)
    assert "CPU" in warnings(at) and any("内蔵サンプル" in str(c.value) for c in at.caption)
    at.number_input(key="bert_ft_maxtrain").set_value(24)
    at.select_slider(key="bert_ft_batch").set_value(8)
    at.select_slider(key="bert_ft_maxlen").set_value(16)
    at.select_slider(key="bert_ft_lr").set_value(1e-3)
    at.button(key="bert_ft__start").click().run()
    assert_no_exception(at)
    metrics = {m.label: m.value for m in at.metric}
    assert "macro-F1" in metrics and metrics["学習した文"] == "24"
    assert charts(at) >= 2  # learning curve + confusion matrix
    result = at.session_state["bert_ft_result"]
    assert result.train_examples == 24
    # issue #9: BERT and the baseline on the same split, one table
    assert t("base.compare", "ja") in [s.value for s in at.subheader]
    at.button(key="bert_ft_cmp_train__start").click().run()
    assert_no_exception(at)
    table = at.dataframe[-1].value
    assert len(table) == 2 and table.iloc[0, 0].startswith("BERT")
    # save on the server: a bad name is refused, a good one writes safetensors
    at.text_input(key="bert_ft_save_name").set_value("../etc")
    at.button(key="bert_ft_save_btn").click().run()
    assert "保存名" in warnings(at)
    at.text_input(key="bert_ft_save_name").set_value("my-model")
    at.button(key="bert_ft_save_btn").click().run()
    assert_no_exception(at)
    assert (tmp_path / "cache" / "trained" / "bert-pn" / "my-model" / "model.safetensors").is_file()
    # the session's model is offered in the sentiment tab
    at2 = open_tab("bert.tab.sentiment", session={"bert_ft_result": result})
    assert "このセッションでファインチューニングした BERT" in at2.radio(key="bert_sent_model").options
    at2.radio(key="bert_sent_model").set_value("finetuned").run()
    assert_no_exception(at2)
    assert "positive (1)" in texts(at2) or charts(at2) == 1


def test_finetune_bad_upload(bert_env):
    at = open_tab("bert.tab.finetune")
    at.radio(key="bert_ft_data").set_value("upload").run()
    assert_no_exception(at)
    assert len(at.file_uploader) == 1
    at.file_uploader[0].upload("bad.tsv", "a\tb\tc\n1\t2\t3\n".encode(), "text/tab-separated-values").run()
    assert_no_exception(at)
    assert "列" in warnings(at)
    at.file_uploader[0].upload("bad.csv", "text,label\n良い,maybe\n".encode(), "text/csv").run()
    assert "maybe" in warnings(at)
    rows = "\n".join(f"{'良い部屋' if i % 2 else '悪い部屋'}{i},{'pos' if i % 2 else 'neg'}" for i in range(40))
    at.file_uploader[0].upload("ok.csv", ("text,label\n" + rows).encode(), "text/csv").run()
    assert_no_exception(at)
    summary = at.dataframe[0].value
    assert summary.values.sum() == 40


# --- offline / missing models ---------------------------------------------------------------

def test_offline_message_and_untrained_fallback(offline):
    at = open_tab("bert.tab.fillmask")
    assert_no_exception(at)
    assert "tohoku-nlp/bert-base-japanese-v3" in warnings(at)
    assert any("python -m core models download" in c.value for c in at.code)
    assert charts(at) == 0
    at.toggle(key="bert_use_untrained_fm").set_value(True).run()
    assert_no_exception(at)
    assert charts(at) == 1 and "学習していないモデル" in warnings(at)


def test_offline_sentiment_defaults_to_baseline(offline):
    at = open_tab("bert.tab.sentiment")
    assert_no_exception(at)
    assert at.radio(key="bert_sent_model").value == "baseline"
    assert any("ベースライン" in str(i.value) for i in at.info)
    at.radio(key="bert_sent_model").set_value("bert").run()
    assert "llm-book/bert-base-japanese-v3-marc_ja" in warnings(at)


def test_offline_mlm_and_finetune_stay_usable(offline):
    at = open_tab("bert.tab.mlm")
    assert_no_exception(at)
    assert "tohoku-nlp/bert-base-japanese-v3" in warnings(at)
    at = open_tab("bert.tab.finetune")
    at.radio(key="bert_ft_data").set_value("sample").run()
    assert_no_exception(at)
    assert "tohoku-nlp/bert-base-japanese-v3" in warnings(at)


def test_session_override_bad_sources(bert_env, tmp_path, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_ALLOW_CUSTOM_MODELS", "1")  # free text on; tmp_path inside the roots
    monkeypatch.setenv("PLAYGROUND_MODEL_ROOTS", str(tmp_path))
    at = open_tab("bert.tab.fillmask", session={"hub_fill_mask": str(tmp_path)})
    assert_no_exception(at)
    assert "モデルではありません" in warnings(at)
    at = open_tab("bert.tab.fillmask", session={"hub_fill_mask": "no-such-org/no-such-bert"})
    assert "no-such-org/no-such-bert" in warnings(at)


def test_finetune_stop_shows_partial_result(bert_env):
    """Stop reruns the script mid-loop; the next run evaluates the model trained so far."""
    from core.bert import data, finetune

    state: dict = {}

    def interrupt(step, total, metrics):
        if step == 2:
            raise KeyboardInterrupt  # stands in for Streamlit's rerun inside LiveRun's callback

    cfg = finetune.FinetuneConfig(epochs=1, lr=1e-3, batch_size=8, max_train=40, max_eval=16, max_length=16)
    with pytest.raises(KeyboardInterrupt):
        finetune.finetune(str(bert_env["mlm"]), data.sample_dataset(), cfg, on_progress=interrupt, state=state)
    at = open_tab("bert.tab.finetune", session={"bert_ft_partial": state})
    assert_no_exception(at)
    assert any("停止" in str(i.value) for i in at.info)
    assert at.session_state["bert_ft_result"].stopped
