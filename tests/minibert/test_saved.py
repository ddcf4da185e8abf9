"""A saved mini-BERT is a normal transformers directory that every BERT path of the app loads
offline (fill-mask, attention views, fine-tuning), and says it was trained here."""
from __future__ import annotations

import json

import pytest

from core import InvalidInput
from core.bert import pretrain
from core.bert import saved


def test_saved_directory_has_transformers_files_and_a_provenance_card(trained):
    res, out = trained
    names = {p.name for p in out.iterdir()}
    assert {"config.json", "model.safetensors", "vocab.txt", "tokenizer_config.json", saved.CARD} <= names
    card = json.loads((out / saved.CARD).read_text(encoding="utf-8"))
    assert card["trained_here"] and card["label"] == f"trained here on test text, {res.n_sentences} sentences"
    assert card["steps"] == res.steps and card["date"].endswith("UTC")
    assert "tohoku" not in json.dumps(card).lower()
    assert json.loads((out / "config.json").read_text())["architectures"] == ["BertForPreTraining"]  # MLM + NSP
    assert saved.card_of(out) == card and saved.card_of(out.parent) is None


def test_saved_models_lists_every_directory_under_the_trained_cache(trained, cache_env):
    _, out = trained
    rows = {r["name"]: r for r in saved.saved_models()}  # other tests of the session may add more
    assert rows["tiny"]["path"] == str(out) and rows["tiny"]["trained_here"]
    (cache_env / "trained" / "mini-bert" / "not-a-model").mkdir(exist_ok=True)
    (cache_env / "trained" / "mini-bert" / ".half-written").mkdir(exist_ok=True)
    names = [r["name"] for r in saved.saved_models()]
    assert "tiny" in names and "not-a-model" not in names and ".half-written" not in names


def test_model_dir_refuses_bad_names(cache_env):
    for bad in ("../x", "", "a/b", ".hidden"):
        with pytest.raises(InvalidInput):
            saved.model_dir(bad)
    assert saved.model_dir("ok-1") == cache_env / "trained" / "mini-bert" / "ok-1"


def test_fill_mask_loads_the_saved_model_through_the_app_loader(trained):
    from core.bert import fill_mask as fm
    from core.bert import models

    res, out = trained
    loaded = models.load_masked_lm(str(out))
    assert type(loaded.tokenizer).__name__ == "BertJapaneseTokenizer" and loaded.has_nsp  # NSP trained here
    got = fm.fill_mask(loaded, res.config.probe, top_k=5).masks[0].candidates
    want = fm.fill_mask(pretrain.as_loaded(res), res.config.probe, top_k=5).masks[0].candidates
    assert [t for t, _ in got] == [t for t, _ in want]
    assert [p for _, p in got] == pytest.approx([p for _, p in want], abs=1e-5)


def test_attention_model_view_and_finetuning_accept_the_saved_model(trained):
    from core.attention import bert as attention_bert
    from core.bert import models

    _, out = trained
    enc = models.load_encoder_with_attentions(str(out))
    ma = attention_bert.bert_attention(enc, "猫が庭で鳴いている。", "犬が吠えた。")
    assert len(ma.attn) == 1  # one layer (TINY)
    assert ma.tokens[0] == "[CLS]" and "猫" in ma.tokens
    model, tok = models.load_classifier_for_training(str(out), ["positive", "negative"])
    assert type(model).__name__ == "BertForSequenceClassification" and model.config.num_labels == 2


def test_ensure_default_trains_once_and_reuses(cache_env):
    out = saved.ensure_default(steps=3)
    card = saved.card_of(out)
    assert out.name == saved.DEFAULT_NAME and card["steps"] == 3 and pretrain.BUILTIN_NAME in card["label"]
    mtime = (out / "model.safetensors").stat().st_mtime_ns
    assert saved.ensure_default(steps=3) == out and (out / "model.safetensors").stat().st_mtime_ns == mtime
