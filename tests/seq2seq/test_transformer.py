"""The Transformer encoder–decoder on the seq2seq machinery: shapes, the causal mask, padding,
step-by-step decoding = the parallel pass, greedy = beam 1, checkpoints, bad options."""
import numpy as np
import pytest
import torch

from core import InvalidInput
from core.seq2seq import checkpoint
from core.seq2seq.data import BOS_ID, EOS_ID, dataset, split
from core.seq2seq.decode import beam_search, greedy, source_tokens, translate
from core.seq2seq.model import source_mask
from core.seq2seq.train import TrainConfig, Trainer, exact_matches, model_config
from core.seq2seq.transformer import TransformerSeq2Seq


@pytest.fixture(scope="module")
def trained():
    """A small Transformer date model after 2 quick epochs (partly trained: not all outputs equal)."""
    train, val = split(dataset("dates", 600, seed=3), 0.1)
    tr = Trainer(train, val, TrainConfig(epochs=2, batch_size=32, lr=3e-3, seed=0), device=torch.device("cpu"),
                 cell="transformer", hidden=32, heads=4, layers=2)
    tr.run()
    return tr


def _batch(model, B=3, S=6, T=5, seed=0):
    g = torch.Generator().manual_seed(seed)
    src = torch.randint(4, model.config.src_vocab, (B, S), generator=g)
    tgt_in = torch.randint(4, model.config.tgt_vocab, (B, T), generator=g)
    tgt_in[:, 0] = BOS_ID
    return src, torch.full((B,), S), tgt_in


def test_shapes(trained):
    model = trained.model
    assert isinstance(model, TransformerSeq2Seq) and model.config.attention == "multi_head"
    src, src_len, tgt_in = _batch(model)
    memory, state = model.encode(src, src_len)
    assert memory.shape == (3, 6, 32) and state.shape == (0, 3)
    assert model(src, src_len, tgt_in).shape == (3, 5, model.config.tgt_vocab)
    logp, state, a = model.step(tgt_in[:, 0], state, memory, source_mask(src_len, 6))
    assert logp.shape == (3, model.config.tgt_vocab) and state.shape == (1, 3) and a.shape == (3, 6)
    assert torch.allclose(logp.exp().sum(-1), torch.ones(3), atol=1e-5)
    assert model.cross_attention([5, 6, 7, 8], [9, 10, EOS_ID]).shape == (2, 4, 3, 4)


def test_causal_mask_hides_the_future_and_steps_equal_the_parallel_pass(trained):
    model = trained.model.eval()
    src, src_len, tgt_in = _batch(model)
    with torch.no_grad():
        logits = model(src, src_len, tgt_in)
        changed = tgt_in.clone()
        changed[:, 3:] = (changed[:, 3:] + 1) % model.config.tgt_vocab
        logits2 = model(src, src_len, changed)
        # positions 0..2 see only y_<3, which did not change; position 3 sees the changed token
        assert torch.allclose(logits[:, :3], logits2[:, :3], atol=1e-5)
        assert not torch.allclose(logits[:, 3], logits2[:, 3], atol=1e-3)
        memory, state = model.encode(src, src_len)
        for t in range(tgt_in.shape[1]):  # one token at a time = the parallel (teacher-forced) pass
            logp, state, _ = model.step(tgt_in[:, t], state, memory, source_mask(src_len, 6))
            assert torch.allclose(logp, torch.log_softmax(logits[:, t], -1), atol=1e-5)


def test_source_padding_is_masked(trained):
    model = trained.model.eval()
    src, src_len, tgt_in = _batch(model, B=2, S=4)
    padded = torch.cat([src, torch.zeros(2, 3, dtype=torch.long)], dim=1)  # PAD_ID = 0
    with torch.no_grad():
        assert torch.allclose(model(src, src_len, tgt_in), model(padded, src_len, tgt_in), atol=1e-5)


def test_greedy_equals_beam_1_and_batch_greedy(trained):
    model = trained.model.eval()
    for raw, _ in trained.val_pairs.raw[:8]:
        tokens = source_tokens(model, raw)
        with torch.no_grad():
            g_ids, g_lp, g_att = greedy(model, tokens)[0]
            b_ids, b_lp, b_att = beam_search(model, tokens, 1)[0]
        assert g_ids == b_ids and g_lp == pytest.approx(b_lp, abs=1e-4)
        assert np.allclose(g_att, b_att, atol=1e-6)
    # the trainer's batched greedy (exact match) agrees with the one-input decoder
    sample = trained.val_pairs.subset(range(8))
    ok = exact_matches(model, sample)
    single = [translate(model, s).output == g for s, g in sample.raw]
    assert list(ok) == single


def test_translate_gives_every_layer_and_head(trained):
    tr = translate(trained.model, trained.val_pairs.raw[0][0], beam=3)
    cross = tr.extra["cross"]
    assert cross.shape == (2, 4, len(tr.out_tokens), len(tr.src_tokens))
    assert np.allclose(cross.sum(-1), 1.0, atol=1e-5)
    # the single heatmap = the last layer's heads averaged, the same numbers as the grid's last row
    assert np.allclose(tr.attention, cross[-1].mean(0), atol=1e-5)


def test_save_load_round_trip(trained, tmp_path):
    checkpoint.save(trained.model, tmp_path / "m", trained.config_dict())
    loaded = checkpoint.load(tmp_path / "m", device=torch.device("cpu"))
    assert isinstance(loaded, TransformerSeq2Seq) and loaded.config == trained.model.config
    src, src_len, tgt_in = _batch(loaded)
    with torch.no_grad():
        assert torch.equal(loaded(src, src_len, tgt_in), trained.model.eval()(src, src_len, tgt_in))
    text = trained.val_pairs.raw[1][0]
    assert translate(loaded, text, beam=2).candidates == translate(trained.model, text, beam=2).candidates


def test_training_learns_and_teacher_forcing_below_1_runs():
    train, val = split(dataset("dates", 300, seed=1), 0.1)
    tr = Trainer(train, val, TrainConfig(epochs=2, batch_size=32, lr=3e-3, teacher_forcing=0.5),
                 device=torch.device("cpu"), cell="transformer", hidden=16, heads=2, layers=1)
    res = tr.run()
    assert res.history[1]["loss"] < res.history[0]["loss"]


@pytest.mark.parametrize("kw, fragment", [(dict(hidden=30, heads=4), "割り切"), (dict(layers=0), "層の数"),
                                          (dict(layers=7), "層の数")])
def test_bad_transformer_options(kw, fragment):
    with pytest.raises(InvalidInput, match=fragment):
        model_config(10, 10, cell="transformer", **{"hidden": 32, "heads": 4, **kw})
