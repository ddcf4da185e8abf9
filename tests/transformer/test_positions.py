"""Positional encodings of the mini-GPT (issue 27, item 4): sinusoidal / learned / RoPE, and the
CLI's `transformer train-lm --pos`."""
import json
import os
import subprocess
import sys

import pytest
import torch

from core import InvalidInput
from core.attention import rope
from core.transformer.gpt import GPTConfig, MiniGPT


def test_rope_scores_depend_only_on_the_offset():
    S = rope.relative_scores(d_k=16, n=10)
    for k in range(-9, 10):
        d = torch.diagonal(S, offset=k)
        torch.testing.assert_close(d, d[0].expand_as(d), rtol=1e-4, atol=1e-4)  # constant along m − n
    assert not torch.allclose(torch.diagonal(S, 0)[0], torch.diagonal(S, 3)[0])


def test_rope_is_a_rotation():
    x = torch.randn(2, 7, 8)
    y = rope.rotate(x)
    torch.testing.assert_close(y.norm(dim=-1), x.norm(dim=-1))  # lengths kept
    torch.testing.assert_close(y[:, 0], x[:, 0])  # position 0: angle 0
    torch.testing.assert_close(rope.rotate(x[:, 3:], offset=3), y[:, 3:])


@pytest.mark.parametrize("pos", ["sinusoidal", "learned", "rope"])
def test_each_position_choice_is_causal_and_position_aware(pos):
    torch.manual_seed(0)
    model = MiniGPT(GPTConfig(vocab_size=7, context=10, d_model=16, h=2, n_layers=1, pos=pos)).eval()
    if pos == "learned":
        assert model.pos_emb.weight.shape == (10, 16)
    idx = torch.tensor([[1, 2, 3, 4, 1, 2, 3, 4]])
    with torch.no_grad():
        logits = model(idx)
        changed = idx.clone()
        changed[0, 6] = 5
        torch.testing.assert_close(model(changed)[0, :6], logits[0, :6])  # the causal mask holds
    # the same token after the same history shape but at another position gets other logits
    assert not torch.allclose(logits[0, 1], logits[0, 5], atol=1e-5)


def test_bad_position_choice():
    with pytest.raises(InvalidInput, match="位置エンコーディング"):
        GPTConfig(vocab_size=5, pos="absolute").validated()
    with pytest.raises(InvalidInput, match="RoPE"):
        GPTConfig(vocab_size=5, d_model=6, h=2, pos="rope").validated()  # d_k = 3 is odd


def test_cli_train_lm_pos(tmp_path):
    env = dict(os.environ, HF_HUB_OFFLINE="1", OMP_NUM_THREADS="1")
    outs = {}
    for pos in ("learned", "rope"):
        p = subprocess.run([sys.executable, "-m", "core", "transformer", "train-lm", "--epochs", "1", "--d-model", "16",
                            "--heads", "2", "--layers", "1", "--context", "16", "--pos", pos,
                            "--save", str(tmp_path / pos), "--json"], capture_output=True, text=True, timeout=300, env=env)
        assert p.returncode == 0, p.stderr
        outs[pos] = json.loads(p.stdout.strip().splitlines()[-1])
        saved = json.loads((tmp_path / pos / "config.json").read_text(encoding="utf-8"))
        assert saved["model"]["pos"] == pos
    assert outs["learned"]["params"] == outs["rope"]["params"] + 16 * 16  # the learned table: context × d_model
    bad = subprocess.run([sys.executable, "-m", "core", "transformer", "train-lm", "--pos", "absolute"],
                         capture_output=True, text=True, timeout=60, env=env)
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
