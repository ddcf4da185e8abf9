"""core.hub, core.bert.models / tiny / fill_mask / mlm / sentiment with tiny offline models."""
from __future__ import annotations

import random

import pytest
import torch

from core import InputTooLong, InvalidInput, ModelUnavailable, hub
from core.bert import fill_mask as fm
from core.bert import mlm, models, sentiment, tiny

# --- hub -----------------------------------------------------------------------------------


def test_resolve_order_override_env_default(monkeypatch):
    monkeypatch.delenv("PLAYGROUND_MODEL_FILL_MASK", raising=False)
    assert hub.resolve("fill-mask") == "tohoku-nlp/bert-base-japanese-v3"
    assert hub.resolve("sentiment") == "llm-book/bert-base-japanese-v3-marc_ja"
    assert hub.resolve("translation") == "Helsinki-NLP/opus-mt-ja-en"
    assert hub.origin("fill-mask") == "default"
    monkeypatch.setenv("PLAYGROUND_MODEL_FILL_MASK", "/models/a")
    assert hub.resolve("fill-mask") == "/models/a" and hub.origin("fill-mask") == "env"
    assert hub.resolve("fill-mask", " /models/b ") == "/models/b"
    assert hub.origin("fill-mask", "/models/b") == "session"
    assert hub.resolve("fill-mask", "") == "/models/a"
    assert hub.TRUST_REMOTE_CODE is False


def test_missing_hub_model_names_model_and_command(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelUnavailable) as e:
        hub.locate("tohoku-nlp/bert-base-japanese-v3")
    assert "tohoku-nlp/bert-base-japanese-v3" in e.value.message
    assert "python -m core models download" in e.value.hint
    assert "hf download tohoku-nlp/bert-base-japanese-v3" in e.value.hint


def test_nonexistent_id_and_bad_paths(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelUnavailable, match="ID として正しくありません"):
        hub.locate("not a model id!")
    with pytest.raises(ModelUnavailable, match="ありません"):
        hub.locate("no-such-org/no-such-model-xyz")
    with pytest.raises(ModelUnavailable, match="モデルではありません"):
        hub.locate(str(tmp_path))
    with pytest.raises(ModelUnavailable, match="ディレクトリ .* がありません"):
        hub.locate(str(tmp_path / "missing"))
    with pytest.raises(ModelUnavailable, match="指定されていません"):
        hub.locate("  ")
    with pytest.raises(ModelUnavailable):
        models.load_masked_lm(str(tmp_path))


def test_models_dir_lookup(tmp_path, monkeypatch, tiny_models):
    import shutil

    target = tmp_path / "someorg" / "somebert"
    shutil.copytree(tiny_models["mlm"], target)
    monkeypatch.setenv(hub.MODELS_DIR_ENV, str(tmp_path))
    found = hub.locate("someorg/somebert")
    assert found.where == "models_dir" and found.path == target.resolve()
    row = hub.status("fill-mask", "someorg/somebert")
    assert row["available"] and row["origin"] == "session"


# --- loading -------------------------------------------------------------------------------


def test_load_masked_lm_eval_fp32_and_nsp_flag(tiny_models, loaded_mlm):
    assert loaded_mlm.kind == "masked_lm" and loaded_mlm.has_nsp is True and loaded_mlm.untrained
    assert not loaded_mlm.model.training
    assert loaded_mlm.dtype == torch.float32  # fp16 only on CUDA
    assert all(not p.requires_grad for p in loaded_mlm.model.parameters())
    plain = models.load_masked_lm(str(tiny_models["mlm"]))
    assert plain.has_nsp is False  # BertForMaskedLM checkpoint: no trained NSP head


def test_classifier_labels_come_from_config(tmp_path):
    path = tiny.build(tmp_path / "c3", "classifier", labels=("よい", "ふつう", "わるい"))
    loaded = models.load_classifier(str(path))
    assert loaded.labels == ["よい", "ふつう", "わるい"]
    pred = sentiment.classify_one(loaded, "良い天気です")
    assert set(pred.scores) == {"よい", "ふつう", "わるい"}
    assert abs(sum(pred.scores.values()) - 1) < 1e-5


def test_classifier_refuses_checkpoint_without_head(tiny_models):
    with pytest.raises(ModelUnavailable, match="分類ヘッド"):
        models.load_classifier(str(tiny_models["mlm"]))


def test_encoder_with_attentions(tiny_models):
    enc = models.load_encoder_with_attentions(str(tiny_models["mlm"]))
    batch = enc.tokenizer("猫が寝ている", return_tensors="pt")
    with torch.inference_mode():
        out = enc.model(**batch, output_attentions=True)
    n = batch["input_ids"].shape[1]
    assert len(out.attentions) == 2 and out.attentions[0].shape == (1, 2, n, n)
    torch.testing.assert_close(out.attentions[0].sum(-1), torch.ones(1, 2, n))


def test_tiny_vocab_covers_sample_and_base_size():
    vocab = tiny.build_vocab()
    assert vocab[:5] == tiny.SPECIALS
    assert any(v.startswith("##") for v in vocab)
    big = tiny.build_vocab(size=32768)
    assert len(big) == 32768 == tiny.BASE_V3["vocab_size"] and len(set(big)) == 32768


# --- fill-mask -----------------------------------------------------------------------------


def test_mask_aliases():
    assert fm.normalize_masks("東京は＿＿です") == "東京は[MASK]です"
    assert fm.normalize_masks("［MASK］と[mask]と__") == "[MASK]と[MASK]と[MASK]"


def test_fill_mask_matches_full_forward(loaded_mlm):
    text = "東北大学で[MASK]を研究しています。今日は＿＿天気です。"
    r = fm.fill_mask(loaded_mlm, text, top_k=3)
    assert [m.position for m in r.masks] == [i for i, t in enumerate(r.tokens) if t == "[MASK]"]
    ids = torch.tensor([loaded_mlm.tokenizer.convert_tokens_to_ids(r.tokens)])
    with torch.inference_mode():
        full = torch.softmax(loaded_mlm.model(input_ids=ids).prediction_logits[0].float(), -1)
    vocab = loaded_mlm.tokenizer.get_vocab()
    for m in r.masks:
        for tok, p in m.candidates:
            assert p == pytest.approx(float(full[m.position, vocab[tok]]), abs=1e-5)
        assert [p for _, p in m.candidates] == sorted((p for _, p in m.candidates), reverse=True)
    # filled: the user's text with the top candidates, no WordPiece spaces or ##
    tops = [fm.strip_piece(m.candidates[0][0]) for m in r.masks]
    assert r.filled == f"東北大学で{tops[0]}を研究しています。今日は{tops[1]}天気です。"
    assert r.as_dict().keys() == {"masks", "filled"}


def test_fill_mask_same_as_transformers_pipeline(tiny_models):
    from transformers import BertForMaskedLM, pipeline

    loaded = models.load_masked_lm(str(tiny_models["mlm"]))
    ref = BertForMaskedLM.from_pretrained(str(tiny_models["mlm"])).eval()
    pipe = pipeline("fill-mask", model=ref, tokenizer=loaded.tokenizer, device="cpu")
    text = "今日は[MASK]です。"
    ours = fm.fill_mask(loaded, text, top_k=5).masks[0].candidates
    theirs = {d["token_str"].replace(" ", ""): d["score"] for d in pipe(text, top_k=50)}
    shared = [(tok, p) for tok, p in ours if tok in theirs]
    assert len(shared) >= 3
    for tok, p in shared:
        assert p == pytest.approx(theirs[tok], abs=1e-5)


def test_fill_mask_bad_input(loaded_mlm):
    with pytest.raises(InvalidInput, match=r"\[MASK\] がありません"):
        fm.fill_mask(loaded_mlm, "マスクのない文")
    with pytest.raises(InvalidInput, match="空"):
        fm.fill_mask(loaded_mlm, "   ")
    with pytest.raises(InvalidInput, match="top-k"):
        fm.fill_mask(loaded_mlm, "[MASK]です", top_k=0)
    r = fm.fill_mask(loaded_mlm, "猫が[MASK]。" * 25)
    assert len(r.masks) == fm.MAX_MASKS and any("最初の 20 個" in n for n in r.notes)
    assert r.filled.count("[MASK]") == 5
    r = fm.fill_mask(loaded_mlm, "[MASK]" + "猫が寝ている。" * 150)
    assert len(r.tokens) == 512 and any("切り捨て" in n for n in r.notes)
    with pytest.raises(InvalidInput, match="切り捨て"):
        fm.fill_mask(loaded_mlm, "猫が寝ている。" * 150 + "[MASK]")
    r = fm.fill_mask(loaded_mlm, "<script>alert(1)</script>[MASK]")  # plain text to BERT
    assert r.filled.startswith("<script>")


def test_click_to_mask_reports_rank(loaded_mlm):
    r = fm.predict_at(loaded_mlm, "今日はとても良い天気です。", 3)
    m = r.masks[0]
    assert m.original == r.tokens[3] == "とても"
    assert 1 <= m.original_rank <= len(loaded_mlm.tokenizer.get_vocab())
    assert 0 < m.original_prob < 1
    with pytest.raises(InvalidInput):
        fm.predict_at(loaded_mlm, "今日は良い。", 0)


def test_inspector_mecab_then_wordpiece(loaded_mlm):
    rows = fm.inspect_tokens(loaded_mlm, "東北大学で[MASK]を研究")
    words = [r.word for r in rows]
    assert words[:3] == ["東北", "大学", "で"] and "[MASK]" in words
    # a word outside the vocabulary splits into pieces, continuations marked with ##
    rows = fm.inspect_tokens(loaded_mlm, "寝朝")
    pieces = [p for r in rows for p in r.pieces]
    assert any(p.startswith("##") for p in pieces) or len(rows) > 1
    for r in rows:
        assert r.ids == loaded_mlm.tokenizer.convert_tokens_to_ids(r.pieces)


# --- MLM procedure and NSP -----------------------------------------------------------------


def test_choose_shares_and_seed():
    s = mlm.procedure_stats(n_tokens=100, trials=800, seed=1)
    assert s["chosen_share"] == pytest.approx(0.15, abs=1e-9)
    assert s["mask_share"] == pytest.approx(0.8, abs=0.02)
    assert s["random_share"] == pytest.approx(0.1, abs=0.015)
    assert s["keep_share"] == pytest.approx(0.1, abs=0.015)
    a = mlm.choose(40, random.Random(3))
    assert a == mlm.choose(40, random.Random(3)) and len(a) == 6


def test_apply_procedure(loaded_mlm):
    text = "東北大学で自然言語処理を研究しています。今日はとても良い天気です。"
    r1 = mlm.apply(loaded_mlm, text, seed=5)
    r2 = mlm.apply(loaded_mlm, text, seed=5)
    assert [d.as_dict() for d in r1.decisions] == [d.as_dict() for d in r2.decisions]
    n = len(r1.tokens) - 2
    assert len(r1.decisions) == max(1, round(0.15 * n))
    for d in r1.decisions:
        assert r1.tokens[d.position] == d.original and r1.corrupted[d.position] == d.became
        if d.action == "mask":
            assert d.became == "[MASK]"
        elif d.action == "keep":
            assert d.became == d.original
        assert len(d.predictions) == 5 and 0 <= d.original_prob <= 1
    untouched = set(range(len(r1.tokens))) - {d.position for d in r1.decisions}
    assert all(r1.tokens[i] == r1.corrupted[i] for i in untouched)
    seeds = {tuple(d.position for d in mlm.apply(loaded_mlm, text, seed=s, predict=False).decisions)
             for s in range(6)}
    assert len(seeds) > 1


def test_nsp_segments_and_head(tiny_models, loaded_mlm):
    r = mlm.next_sentence(loaded_mlm, "今日は雨です。", "傘を持つ。")
    sep = [i for i, t in enumerate(r.tokens) if t == "[SEP]"]
    assert r.tokens[0] == "[CLS]" and len(sep) == 2 and sep[1] == len(r.tokens) - 1
    assert r.token_type_ids == [0] * (sep[0] + 1) + [1] * (len(r.tokens) - sep[0] - 1)
    assert r.has_head and 0 < r.is_next < 1
    plain = models.load_masked_lm(str(tiny_models["mlm"]))
    r = mlm.next_sentence(plain, "今日は雨です。", "傘を持つ。")
    assert not r.has_head and r.is_next is None and any("NSP" in n for n in r.notes)


# --- sentiment -----------------------------------------------------------------------------


def test_sentiment_batch_and_limits(loaded_classifier):
    preds = sentiment.classify(loaded_classifier, ["良い", "悪い", "普通です"], batch_size=2)
    assert len(preds) == 3
    for p in preds:
        assert set(p.scores) == {"positive", "negative"} and p.label == max(p.scores, key=p.scores.get)
    single = sentiment.classify_one(loaded_classifier, "悪い")
    assert single.scores == pytest.approx(preds[1].scores, abs=1e-5)  # padding does not change it
    rows = sentiment.to_rows(preds)
    assert list(rows[0]) == ["text", "label", "p(positive)", "p(negative)"]
    assert sentiment.parse_lines("a\n\n b \n") == ["a", "b"]
    with pytest.raises(InvalidInput):
        sentiment.parse_lines("\n \n")
    with pytest.raises(InputTooLong):
        sentiment.parse_lines("\n".join(["x"] * (sentiment.MAX_LINES + 1)))


def test_hub_id_found_in_hf_cache(tmp_path, monkeypatch, tiny_models):
    """A downloaded hub model lives in the HF cache (models--org--name/snapshots/<rev>/):
    locate() finds it without network and the loaders use that snapshot directory."""
    import shutil

    from huggingface_hub import constants

    rev = "0" * 40
    repo = tmp_path / "models--tohoku-nlp--bert-base-japanese-v3"
    shutil.copytree(tiny_models["pretraining"], repo / "snapshots" / rev)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(rev)
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path))
    monkeypatch.delenv("PLAYGROUND_MODEL_FILL_MASK", raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    found = hub.locate("tohoku-nlp/bert-base-japanese-v3")
    assert found.where == "cache" and found.path == repo / "snapshots" / rev
    assert hub.status("fill-mask")["available"] is True
    loaded = models.load_masked_lm("tohoku-nlp/bert-base-japanese-v3")
    assert loaded.source == "tohoku-nlp/bert-base-japanese-v3" and loaded.has_nsp
