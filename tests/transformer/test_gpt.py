"""mini-GPT: causal mask, training, generation, save/load and bad input (issue #13)."""
import math

import pytest
import torch

from core import InputTooLong, InvalidInput, ModelUnavailable, OutOfVocabulary, TrainingDiverged
from core.lstm.lm import RNNLMRun, lm_config
from core.transformer.gpt import GPTConfig, MiniGPT
from core.transformer.lm import GPTRun, gpt_config

SMALL = dict(context=16, d_model=16, h=2, n_layers=1)


def test_changing_a_future_token_never_changes_earlier_logits():
    torch.manual_seed(0)
    model = MiniGPT(GPTConfig(vocab_size=11, context=12, d_model=16, h=4, n_layers=2)).eval()
    idx = torch.randint(0, 11, (1, 12))
    for t in (3, 7, 11):
        changed = idx.clone()
        changed[0, t] = (changed[0, t] + 1) % 11
        with torch.no_grad():
            a, b = model(idx), model(changed)
        torch.testing.assert_close(a[0, :t], b[0, :t])  # positions before t cannot see token t
        assert not torch.allclose(a[0, t:], b[0, t:])  # from t on they do


def test_attention_weights_are_causal():
    model = MiniGPT(GPTConfig(vocab_size=5, context=8, d_model=8, h=2, n_layers=3)).eval()
    logits, w = model(torch.randint(0, 5, (2, 6)), need_weights=True)
    assert logits.shape == (2, 6, 5) and w.shape == (3, 2, 2, 6, 6)
    assert torch.all(w.triu(1) == 0)


def test_loss_decreases_and_uses_the_lstm_tokens():
    run = GPTRun(None, "char", gpt_config(epochs=4, seed=0), **SMALL)
    lstm = RNNLMRun(None, "char", lm_config(epochs=1))
    assert run.vocab.itos == lstm.vocab.itos  # same tokens and vocabulary
    assert torch.equal(run.val_ids, lstm.val_ids)  # same validation part: the last 10 %
    before = run.val_loss()
    run.fit()
    assert run.status == "done" and run.epochs_done == 4
    assert run.history[-1]["loss"] < run.history[0]["loss"]
    assert run.val_loss() < before
    assert all("seconds" in row for row in run.history)


def test_parallel_equals_autoregressive_and_generation():
    run = GPTRun(None, "char", gpt_config(epochs=1), **SMALL).fit()
    rows = run.parallel_vs_autoregressive("猫はごはんを食べて")
    assert len(rows) == 9 and all(r["max_diff"] < 1e-5 and r["parallel"] == r["step"] for r in rows)
    text = run.generate("猫は", 30, temperature=0.8, seed=1, top_k=3)
    assert len(text) == 30 and set(text) <= set(run.vocab.itos)
    assert run.generate("猫は", 20, temperature=0) == run.generate("猫は", 20, temperature=0, seed=5)
    # top-k = 1 is greedy whatever the temperature
    assert run.generate("猫は", 20, temperature=2.0, top_k=1) == run.generate("猫は", 20, temperature=0)
    toks, w = run.attention("猫はごはん")
    assert toks[0] == "\n" and w.shape == (1, 2, 6, 6)


def test_save_load_round_trip(tmp_path):
    run = GPTRun(None, "word", gpt_config(epochs=1), **SMALL).fit()
    run.save(tmp_path / "m")
    assert sorted(p.name for p in (tmp_path / "m").iterdir()) == ["config.json", "model.safetensors", "vocab.json"]
    loaded = GPTRun.load(tmp_path / "m")
    assert loaded.vocab.itos == run.vocab.itos and loaded.level == "word"
    for prompt in ("猫は", "わたしは毎朝"):
        assert loaded.generate(prompt, 15, 0.9, seed=3, top_k=5) == run.generate(prompt, 15, 0.9, seed=3, top_k=5)
    with pytest.raises(ModelUnavailable):
        GPTRun.load(tmp_path / "missing")


def test_seconds_bound_and_stop():
    run = GPTRun(None, "char", gpt_config(epochs=300), **SMALL).fit(seconds=0.5)
    assert run.status == "time" and run.epochs_done < 300
    lstm = RNNLMRun(None, "char", lm_config(epochs=300, hidden=16)).fit(seconds=0.5)  # the same bound
    assert lstm.status == "time" and lstm.epochs_done < 300 and "seconds" in lstm.history[-1]
    with pytest.raises(InvalidInput, match="学習時間"):
        lstm.fit(seconds=0)
    calls = []
    run2 = GPTRun(None, "char", gpt_config(epochs=5), **SMALL)
    run2.fit(should_stop=lambda: calls.append(1) or len(calls) >= 2)
    assert run2.status == "stopped" and len(calls) == 2 and run2.history[-1]["partial"]


@pytest.mark.parametrize("arch, exc, words", [
    (dict(d_model=30, h=4), InvalidInput, "割り切れません"),
    (dict(n_layers=0), InvalidInput, "層の数"),
    (dict(context=10_000), InputTooLong, "文脈の長さ"),
    (dict(context=1), InvalidInput, "2 以上"),
])
def test_bad_architecture(arch, exc, words):
    with pytest.raises(exc, match=words):
        GPTRun(None, "char", gpt_config(epochs=1), **{**SMALL, **arch})


@pytest.mark.parametrize("text, exc, words", [
    ("猫は窓のそばで目をさまします。" * 3, InvalidInput, "文脈の長さ"),  # shorter than the context
    ("あ" * 500, InvalidInput, "短すぎ"),  # one repeated character
    ("猫は鳥を見る。" * 800_000, InputTooLong, "長すぎ"),  # ~5 MB
])
def test_bad_text(text, exc, words):
    with pytest.raises(exc, match=words):
        GPTRun(text, "char", gpt_config(epochs=1), context=64)


def test_learning_rate_100_diverges_with_an_explanation():
    with pytest.raises(TrainingDiverged, match="学習率"):
        GPTRun(None, "char", gpt_config(epochs=3, lr=100.0), **SMALL).fit()


def test_bad_generation_input():
    run = GPTRun(None, "char", gpt_config(epochs=1), **SMALL)
    with pytest.raises(OutOfVocabulary):
        run.generate("ＸＹＺ", 5)
    with pytest.raises(InvalidInput, match="top-k"):
        run.generate("猫", 5, top_k=-1)
    with pytest.raises(InvalidInput, match="温度"):
        run.generate("猫", 5, temperature=9)
    assert math.isfinite(run.perplexity())
