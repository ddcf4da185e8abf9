"""Pretrained MT through the app's own loader, with a tiny Marian model built offline."""
import numpy as np
import pytest

from core import InvalidInput, ModelUnavailable
from core.seq2seq.pretrained import DEFAULT_MODEL_ID, load_marian, translate_pretrained


def test_tiny_marian_translates_with_cross_attention(tiny_marian):
    loaded = load_marian(str(tiny_marian))
    assert loaded.model.config._attn_implementation == "eager"
    r = translate_pretrained(loaded, "私は昨日公園で猫を見た", beam=2, max_new_tokens=6)
    L, H, T, S = r.cross_attention.shape
    assert (L, H) == (2, 2) and T == len(r.out_tokens) and S == len(r.src_tokens)
    assert r.src_tokens[-1] == "</s>"
    assert np.allclose(r.cross_attention.sum(-1), 1.0, atol=1e-4)
    assert r.layer_head(1).shape == (T, S) and np.allclose(r.layer_head(1), r.cross_attention[1].mean(0))
    for bad in ("", "あ" * 400):
        with pytest.raises(InvalidInput):
            translate_pretrained(loaded, bad)
    with pytest.raises(InvalidInput):
        translate_pretrained(loaded, "猫", beam=0)


def test_offline_default_names_model_and_fetch_command(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path))  # an empty cache
    monkeypatch.delenv("PLAYGROUND_MODEL_TRANSLATION", raising=False)
    with pytest.raises(ModelUnavailable) as e:
        load_marian(None)
    assert DEFAULT_MODEL_ID in e.value.message and "download" in (e.value.hint or "")
    with pytest.raises(ModelUnavailable):
        load_marian(str(tmp_path / "not-a-model"))


def test_model_view_grid_has_one_heatmap_per_layer_and_head():
    from core.seq2seq.figures import model_view

    cross = np.random.default_rng(0).random((2, 3, 4, 5))
    fig, df = model_view(cross, list("abcaa"), ["x", "y", "x", "</s>"])  # repeated tokens
    assert len(fig.data) == 6 and len(df) == 2 * 3 * 4 * 5
    assert np.asarray(fig.data[0].z).shape == (4, 5)
    assert fig.data[0].customdata[3][0][0] == "&lt;/s&gt;"
