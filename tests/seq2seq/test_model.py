"""Model, attention scores (numerically against torch), decoding and checkpoints."""
import numpy as np
import pytest
import torch

from core import InputTooLong, InvalidInput, ModelUnavailable, OutOfVocabulary
from core.seq2seq import checkpoint
from core.seq2seq.data import Pairs, split
from core.seq2seq.decode import translate
from core.seq2seq.model import Attention
from core.seq2seq.train import TrainConfig, Trainer


def _inputs():
    torch.manual_seed(0)
    return torch.randn(2, 3, 8), torch.randn(2, 5, 8), torch.tensor([[1, 1, 1, 1, 0], [1, 1, 1, 1, 1]], dtype=torch.bool)


def test_dot_and_general_match_torch_sdpa():
    h, enc, mask = _inputs()
    att = Attention("dot", 8)
    c, a = att(h, enc, mask)
    ref = torch.nn.functional.scaled_dot_product_attention(h, enc, enc, attn_mask=mask.unsqueeze(1), scale=1.0)
    assert torch.allclose(c, ref, atol=1e-5)
    assert torch.allclose(a.sum(-1), torch.ones(2, 3)) and float(a[0, :, 4].abs().max()) == 0.0
    gen = Attention("general", 8)
    c, _ = gen(h, enc, mask)
    ref = torch.nn.functional.scaled_dot_product_attention(gen.W_a(h), enc, enc, attn_mask=mask.unsqueeze(1), scale=1.0)
    assert torch.allclose(c, ref, atol=1e-5)


def test_additive_matches_the_formula():
    h, enc, mask = _inputs()
    att = Attention("additive", 8)
    c, a = att(h, enc, None)
    for b in range(2):
        for t in range(3):
            e = torch.stack([att.v_a(torch.tanh(att.W_1(h[b, t]) + att.W_2(enc[b, s]))).squeeze()
                             for s in range(5)])
            w = torch.softmax(e, 0)
            assert torch.allclose(a[b, t], w, atol=1e-5)
            assert torch.allclose(c[b, t], (w.unsqueeze(1) * enc[b]).sum(0), atol=1e-5)


def _pairs(n=120):
    return Pairs([(f"{i} {i % 7}", f"{i % 7}-{i}") for i in range(n)])


@pytest.mark.parametrize("cell, attention, reverse, tf", [("gru", "additive", False, 1.0), ("lstm", "dot", True, 0.5),
                                                           ("gru", "none", False, 1.0), ("lstm", "general", False, 1.0)])
def test_train_decode_save_load(tmp_path, cell, attention, reverse, tf):
    train, val = split(_pairs(), 0.2)
    tr = Trainer(train, val, TrainConfig(epochs=2, batch_size=32, teacher_forcing=tf), hidden=16, emb=8,
                 cell=cell, attention=attention, reverse_input=reverse, device=torch.device("cpu"))
    res = tr.run()
    assert res.epochs_run == 2 and len(res.history) == 2 and np.isfinite(res.history[-1]["loss"])
    assert res.history[1]["loss"] < res.history[0]["loss"] * 1.5
    out = translate(tr.model, "12 5", beam=3)
    assert out.attention.shape == (len(out.out_tokens), 4)
    assert 1 <= len(out.candidates) <= 3
    lps = [lp for _, lp in out.candidates]
    assert lps == sorted(lps, reverse=True) and all(lp <= 0 for lp in lps)
    if attention != "none":
        assert np.allclose(out.attention.sum(1), 1.0, atol=1e-4)
    checkpoint.save(tr.model, tmp_path / "m")
    m2 = checkpoint.load(tmp_path / "m", device=torch.device("cpu"))
    again = translate(m2, "12 5", beam=3)
    assert again.candidates[0][0] == out.candidates[0][0]
    assert np.allclose(again.attention, out.attention, atol=1e-5)
    assert not (tmp_path / "m" / "model.pkl").exists()


def test_committed_date_model_is_good_and_beam_is_consistent():
    from core.seq2seq import date_model

    model = checkpoint.load(date_model.COMMITTED, device=torch.device("cpu"))
    assert model.checkpoint_info["train_summary"]["val_exact_match"] >= 0.99
    cases = {"平成6年9月27日": "1994-09-27", "令和元年五月一日": "2019-05-01", "TUESDAY, SEPTEMBER 27, 1994": "1994-09-27",
             "9/27/94": "1994-09-27", "一九九四年九月二十七日": "1994-09-27", "昭和64年1月7日": "1989-01-07",
             "１９９４年９月２７日": "1994-09-27"}
    ok = sum(translate(model, src).output == iso for src, iso in cases.items())
    assert ok >= len(cases) - 1, ok
    g = translate(model, "平成6年9月27日", beam=1)
    b = translate(model, "平成6年9月27日", beam=5)
    assert len(b.candidates) == 5 and len({c for c, _ in b.candidates}) == 5
    assert b.candidates[0][1] >= g.candidates[0][1] - 1e-4  # beam never worse than greedy
    assert g.out_tokens[-1] == "</s>" and g.attention.shape == (11, len("平成6年9月27日"))
    # the heatmap rows are distributions over the source, and the year digits look at the era year
    assert np.allclose(g.attention.sum(1), 1.0, atol=1e-4)


def test_bad_inputs_to_translate():
    train, val = split(_pairs(40), 0.2)
    model = Trainer(train, val, TrainConfig(epochs=1), hidden=8, emb=4, device=torch.device("cpu")).run().model
    with pytest.raises(InvalidInput):
        translate(model, "   ")
    with pytest.raises(OutOfVocabulary, match="Z"):
        translate(model, "1Z")
    with pytest.raises(InputTooLong):
        translate(model, "1" * 40)
    for beam in (0, 1000, -1):
        with pytest.raises(InvalidInput):
            translate(model, "1", beam=beam)
    with pytest.raises(InvalidInput):
        TrainConfig(epochs=0).validate()
    with pytest.raises(ModelUnavailable):
        checkpoint.load("/nonexistent/dir")


def test_heatmap_figure_escapes_labels_and_keeps_repeated_tokens():
    from core.seq2seq.figures import attention_heatmap

    att = np.eye(3, 4)
    fig, df = attention_heatmap(att, ["9", "9", "<b>", "▁"], ["1", "9", "</s>"])
    ax = fig.layout
    assert list(ax.xaxis.ticktext) == ["9", "9", "&lt;b&gt;", "␣"]
    assert list(ax.yaxis.ticktext)[-1] == "&lt;/s&gt;"
    assert df.shape == (3, 4) and df.index[-1] == "2:</s>"


def test_date_model_trains_on_first_use_and_caches(monkeypatch, tmp_path):
    """Without a committed checkpoint the shared model is trained once, saved to the disk cache
    and loaded from there next time (tiny recipe here; the real one is RECIPE)."""
    from core.seq2seq import date_model

    tiny = {"n": 200, "data_seed": 0, "val_fraction": 0.1,
            "model": {"emb": 8, "hidden": 8, "cell": "gru", "attention": "additive", "reverse_input": False},
            "train": {"epochs": 1, "batch_size": 64, "lr": 5e-3, "seed": 0}}
    monkeypatch.setattr(date_model, "COMMITTED", tmp_path / "none")
    monkeypatch.setattr(date_model, "RECIPE", tiny)
    monkeypatch.setenv("PLAYGROUND_CACHE_DIR", str(tmp_path / "cache"))
    m1 = date_model.load_or_train()
    assert not m1.training and (tmp_path / "cache" / "seq2seq" / "dates" / "model.safetensors").exists()
    m2 = date_model.load_or_train()
    assert m2.checkpoint_info["recipe"] == tiny


def test_target_accuracy_stops_part_way_through_an_epoch():
    train, val = split(Pairs([("ab", "ba")] * 400), 0.1)
    tr = Trainer(train, val, TrainConfig(epochs=3, batch_size=8, lr=1e-2, target_accuracy=1.0, evals_per_epoch=4),
                 hidden=16, emb=8, device=torch.device("cpu"))
    res = tr.run()
    assert res.reached_target and res.val_exact_match == 1.0
    steps = int(next(iter(tr.opt.state.values()))["step"])
    per_epoch = -(-len(train) // 8)
    assert steps < res.epochs_run * per_epoch  # stopped before the end of the epoch


def test_torch_threads_is_per_thread_and_restored():
    import threading

    from core.device import cpu_threads as torch_threads

    before = torch.get_num_threads()
    seen = {}

    def worker():
        with torch_threads(1):
            seen["worker"] = torch.get_num_threads()

    th = threading.Thread(target=worker)
    th.start()
    th.join()
    assert seen["worker"] == 1 and torch.get_num_threads() == before
    with torch_threads(1):
        assert torch.get_num_threads() == 1
    assert torch.get_num_threads() == before
