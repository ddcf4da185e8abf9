"""core/lm: sampling (temperature, top-k, top-p), the unigram baseline, the default prompt and
prompts with unknown characters, the text cap (classroom vs machine), and the language-model
commands' JSON (both models report best / last / unigram figures)."""
from __future__ import annotations

import json
import math
import subprocess
import sys

import pytest
import torch

from core import InputTooLong, InvalidInput
from core.limits import MACHINE
from core.lm import prepare_text
from core.lm.run import unigram_perplexity
from core.lm.sampling import apply_temperature, check_top_p, probabilities, sample, top_k_filter, top_p_filter
from tests.conftest import ROOT

LOGITS = torch.log(torch.tensor([0.5, 0.25, 0.15, 0.1]))


def test_temperature_is_softmax_of_logits_over_tau():
    assert torch.allclose(apply_temperature(LOGITS, 1.0), torch.tensor([0.5, 0.25, 0.15, 0.1]))
    p2 = apply_temperature(LOGITS, 2.0)
    expected = torch.sqrt(torch.tensor([0.5, 0.25, 0.15, 0.1]))
    assert torch.allclose(p2, expected / expected.sum())  # exp(z/2) ∝ √p: flatter
    assert apply_temperature(LOGITS, 0.0).tolist() == [1.0, 0.0, 0.0, 0.0]  # τ = 0: the argmax


def test_top_k_and_top_p_keep_the_most_probable_and_renormalise():
    p = torch.tensor([0.5, 0.25, 0.15, 0.1])
    assert torch.allclose(top_k_filter(p, 2), torch.tensor([2 / 3, 1 / 3, 0.0, 0.0]))
    assert torch.equal(top_k_filter(p, 0), p)
    # nucleus: 0.5 < 0.6 so the second token joins; 0.75 ≥ 0.6 so the third does not
    assert torch.allclose(top_p_filter(p, 0.6), torch.tensor([2 / 3, 1 / 3, 0.0, 0.0]))
    assert torch.allclose(top_p_filter(p, 0.5), torch.tensor([1.0, 0.0, 0.0, 0.0]))
    assert torch.equal(top_p_filter(p, 1.0), p)
    assert torch.allclose(probabilities(LOGITS, 1.0, top_k=3, top_p=0.8), torch.tensor([2 / 3, 1 / 3, 0.0, 0.0]))


def test_sample_draws_only_from_the_nucleus_and_is_reproducible():
    gen = torch.Generator().manual_seed(0)
    draws = {sample(LOGITS, 1.0, top_p=0.6, generator=gen) for _ in range(200)}
    assert draws == {0, 1}
    a = [sample(LOGITS, 1.0, generator=torch.Generator().manual_seed(3)) for _ in range(5)]
    b = [sample(LOGITS, 1.0, generator=torch.Generator().manual_seed(3)) for _ in range(5)]
    assert a == b and sample(LOGITS, 0.0) == 0


@pytest.mark.parametrize("bad", [0, -0.1, 1.5, "x", float("nan")])
def test_bad_top_p_is_a_message(bad):
    with pytest.raises(InvalidInput):
        check_top_p(bad)


def test_unigram_perplexity_is_add_one_counts_of_the_training_part():
    train = torch.tensor([0, 0, 0, 1])  # counts 3, 1, 0 → P = 4/7, 2/7, 1/7
    target = torch.tensor([0, 2])
    expected = math.exp(-(math.log(4 / 7) + math.log(1 / 7)) / 2)
    assert unigram_perplexity(train, target, 3) == pytest.approx(expected)


def test_both_models_default_prompt_and_unknown_prompt():
    from core.lstm.lm import RNNLMRun, lm_config
    from core.transformer.lm import GPTRun, gpt_config

    text = "きょうは はれ。あしたは あめ。あさっては くもり。" * 4
    for run in (RNNLMRun(text, "char", lm_config(hidden=8, epochs=1)),
                GPTRun(text, "char", gpt_config(epochs=1), d_model=8, h=2, n_layers=1, context=8)):
        assert run.default_prompt() == "きょ"
        assert run.usable_prompt("あした") == ("あした", None)
        prompt, unknown = run.usable_prompt("猫は")
        assert prompt == "きょ" and "猫" in unknown.message
        assert 1 < run.unigram_ppl() < len(run.vocab) + 1


def test_the_text_cap_is_the_classroom_one_on_pages_and_larger_for_the_operator():
    long = "出張でお世話になりました。朝食は普通でした。" * 1300  # 28,600 characters, like the course notes
    with pytest.raises(InputTooLong, match="教室用サーバー"):
        prepare_text(long)
    assert len(prepare_text(long, MACHINE)) == len(long) + 1
    with pytest.raises(InputTooLong) as info:
        prepare_text("あい" * (MACHINE.max_text_chars // 2 + 1), MACHINE)
    assert "教室" not in info.value.message


def _cli(*args):
    import os

    env = {k: v for k, v in os.environ.items() if k != "PLAYGROUND_CLASSROOM_LIMITS"}
    return subprocess.run([sys.executable, "-m", "core", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env=env)


KEYS = {"val_loss", "val_ppl", "best_val_loss", "best_val_ppl", "best_epoch", "last_val_loss", "last_val_ppl",
        "unigram_ppl", "epochs", "stopped", "overfitting", "train_tokens", "seconds"}


def test_cli_language_models_take_a_long_text_and_report_best_last_and_unigram(tmp_path):
    """`rnn lm` and `transformer train-lm` on a 21,000-character text: no classroom cap, the JSON
    carries best / last / unigram, and an unknown prompt is a note (exit 0), not a failure."""
    f = tmp_path / "notes.txt"
    f.write_text("出張でお世話になりました。朝食は普通でした。また是非行きたいです。" * 650, encoding="utf-8")
    rnn = _cli("rnn", "lm", "--text-file", str(f), "--epochs", "1", "--hidden", "8", "--prompt", "Q", "--json")
    assert rnn.returncode == 0, rnn.stderr[-800:]
    out = json.loads(rnn.stdout.strip().splitlines()[-1])
    assert KEYS | {"perplexity", "top_k", "generated", "prompt", "prompt_note"} <= set(out)
    assert out["prompt"] == "出張" and out["generated"].startswith("出張") and "Q" in out["prompt_note"]
    assert out["val_loss"] == pytest.approx(out["best_val_loss"]) and out["best_epoch"] == 1
    assert out["best_val_ppl"] == pytest.approx(math.exp(out["best_val_loss"]))
    gpt = _cli("transformer", "train-lm", "--text-file", str(f), "--epochs", "1", "--d-model", "16", "--heads", "2",
               "--layers", "1", "--context", "16", "--json")
    assert gpt.returncode == 0, gpt.stderr[-800:]
    out = json.loads(gpt.stdout.strip().splitlines()[-1])
    assert KEYS | {"params"} <= set(out) and out["best_epoch"] == 1 and out["unigram_ppl"] > 1
    # the classroom's caps only when the operator asks for them
    capped = _cli("transformer", "train-lm", "--text-file", str(f), "--epochs", "1", "--classroom-limits", "--json")
    assert capped.returncode == 2 and "教室用サーバー" in capped.stderr
