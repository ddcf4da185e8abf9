"""core.attention.figures: figures carry escaped tokens, CSV tables carry the numbers."""
import json

import numpy as np
import torch

from core import attention
from core.attention import figures as attention_figures

XSS = "<img src=x onerror=alert(1)>"


def _json(fig) -> str:
    return json.dumps(json.loads(fig.to_json()), ensure_ascii=False)


def test_heatmap_escapes_tokens_and_keeps_raw_tokens_in_csv():
    toks = [XSS, "が", "<b>好き</b>"]
    fig, df = attention_figures.heatmap(torch.eye(3), toks, toks, title="t")
    text = _json(fig)
    assert "<img" not in text and "<b>" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    assert list(df.index) == toks and df.iloc[0, 0] == 1.0


def test_heatmap_masked_cells_show_minus_infinity():
    s = attention.steps(attention.standardize(attention.random_token_vectors(list("abc"), 8)), *attention.projections(8, 4), causal=True)
    fig, df = attention_figures.heatmap(s.scaled, list("abc"), list("abc"), masked=~s.mask)
    assert fig.data[0].text[0][2] == "−∞" and np.isneginf(df.iloc[0, 2]) and np.isnan(fig.data[0].z[0][2])


def test_model_view_grid_filters_and_average():
    attn = np.random.default_rng(0).dirichlet(np.ones(5), size=(3, 4, 5)).astype(np.float32)
    toks = ["[CLS]", XSS, "a", "b", "[SEP]"]
    fig, df = attention_figures.model_view(attn, toks, layers=[0, 2], heads=[1, 3])
    assert len(df) == 2 * 2 * 5 * 5
    assert "<img" not in _json(fig)
    np.testing.assert_allclose(df.query("layer == 2 and head == '3'")["weight"].to_numpy(), attn[2, 3].ravel())
    z = np.asarray(fig.data[0].z)
    step = 5 + 1  # tiles of n = 5 with a one-cell gap
    np.testing.assert_allclose(z[step:step + 5, step:step + 5], attn[2, 3])  # row L2, column H3
    assert np.isnan(z[5]).all() and np.isnan(z[:, 5]).all()  # the gaps
    assert len(set(fig.data[0].x)) == len(fig.data[0].x) == z.shape[1]  # unique hover labels
    assert {a.text for a in fig.layout.annotations} == {"H1", "H3", "L0", "L2"}
    fig, df = attention_figures.model_view(attn, toks, layers=[1], heads=None, average=True)
    np.testing.assert_allclose(np.asarray(fig.data[0].z), attn[1].mean(0), rtol=1e-6)
    np.testing.assert_allclose(df["weight"].to_numpy(), attn[1].mean(0).ravel(), rtol=1e-6)
    _, none = attention_figures.model_view(attn, toks, layers=[0], heads=[0], with_data=False)
    assert none is None


def test_head_view_lines_escape_and_weights():
    W = np.array([[0.9, 0.1], [0.2, 0.8]], dtype=np.float32)
    fig = attention_figures.head_view_lines(W, [XSS, "b"])
    assert "<img" not in _json(fig)
    assert any(tr.mode == "lines" for tr in fig.data)


def test_positional_encoding_figures():
    pe = attention.positional_encoding(20, 16)
    fig, df = attention_figures.pe_heatmap(pe)  # the slide's orientation: positions across, dimensions up the side
    assert df.shape == (16, 20) and df.index.name == "dim"
    assert fig.data[0].z.shape == (16, 20) and "位置" in fig.layout.xaxis.title.text
    assert "次元" in fig.layout.yaxis.title.text
    fig, df = attention_figures.pe_heatmap(pe, transpose=True)
    assert df.shape == (20, 16) and fig.data[0].z.shape == (20, 16) and "次元" in fig.layout.xaxis.title.text
    fig, df = attention_figures.pe_lines(pe, [0, 3])
    assert list(df.columns) == ["d0", "d3"]
    off, dots = attention.pe_dot_by_offset(pe, 5)
    fig, df = attention_figures.pe_dot(off, dots, 5)
    assert df["q_minus_p"].tolist()[0] == -5 and df["dot"].max() == df["dot"][5]


def test_weights_bar():
    fig, df = attention_figures.weights_bar(torch.tensor([0.7, 0.3]), [XSS, "x"], XSS, hard=torch.tensor([1.0, 0.0]))
    assert "<img" not in _json(fig) and list(df.columns) == ["soft", "hard"]
