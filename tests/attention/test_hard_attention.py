"""Hard attention as the notes define it (issue 16 item 11): one key sampled from the attention
distribution (seeded), shown beside argmax and labelled."""
from __future__ import annotations

import torch

from core import attention
from tests.attention.apptest import open_section
from tests.conftest import assert_no_exception

W = torch.tensor([[0.5, 0.3, 0.2, 0.0], [0.1, 0.1, 0.1, 0.7]])


def test_sampling_is_seeded_one_hot_and_never_picks_masked_keys():
    a, b = attention.sampled_hard_attention(W, seed=3), attention.sampled_hard_attention(W, seed=3)
    assert torch.equal(a, b) and torch.all(a.sum(-1) == 1)
    picks = torch.stack([attention.sampled_hard_attention(W, seed=s) for s in range(200)])  # (200, 2, 4)
    assert picks[:, 0, 3].sum() == 0  # weight 0 → never drawn
    assert picks[:, 0, 1].sum() > 0  # unlike argmax, a key that is not the largest is sometimes drawn
    assert not torch.equal(picks[:, 0].mean(0), attention.hard_attention(W)[0])


def test_frequencies_approach_the_soft_weights():
    f = attention.sample_frequencies(W, 20000, seed=0)
    torch.testing.assert_close(f, W, atol=0.02, rtol=0)


def test_page_shows_argmax_and_sampling_labelled():
    at = open_section("att.tab.sdpa", query={"att_vec": "random"})
    assert_no_exception(at)
    captions = " ".join(str(c.value) for c in at.caption)
    assert "argmax" in captions and "抽出 (sampling)" in captions
    ids = [c.proto.id for c in at.get("plotly_chart")]
    assert any(i.endswith("-att_sdpa_hard") for i in ids) and any(i.endswith("-att_sdpa_hard_sampled") for i in ids)
    bar = next(c for c in at.get("plotly_chart") if c.proto.id.endswith("-att_sdpa_bar")).proto.spec
    assert "hard (argmax)" in bar and "hard (sampling)" in bar
    at.button(key="att_hard_redraw").click().run()
    assert_no_exception(at)
    assert at.number_input(key="att_hard_seed").value == 1
    assert "seed 1" in next(c for c in at.get("plotly_chart") if c.proto.id.endswith("-att_sdpa_hard_sampled")).proto.spec
