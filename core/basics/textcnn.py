"""A 1-D CNN over word vectors for sentence classification (the notes' CNN for NLP), trained next to
the mean-of-vectors baseline and an LSTM on the same split, and which n-gram each filter fires on.

    E ∈ ℝ^{T×300}: the sentence's chiVe vectors (frozen), one row per token
    CNN:   c^(f)_t = ReLU(w_f · E[t : t + k_f] + b_f)   (filters of width k = 2, 3, 4)
           z_f = max_t c^(f)_t                         (max-over-time pooling)   ŷ = softmax(W z + b)
    mean:  ŷ = softmax(W ((1/T) Σ_t E_t) + b)                 (100本ノック 第8章's model)
    LSTM:  h_t = LSTM(E_t, h_{t−1}),  ŷ = softmax(W h_T + b)
All three see the same tokens (core.bert.baseline.sentence_tokens), the same train / dev / test.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from core import InvalidInput, OutOfVocabulary
from core.bert.baseline import sentence_tokens

MODELS = ("mean", "cnn", "lstm")
WIDTHS = (2, 3, 4)
MAX_LEN = 40  # tokens per sentence (longer ones are cut)
MAX_TRAIN = 3000  # a class shares the server: pn.tsv's train split is cut to this many sentences
MAX_EPOCHS = 50


@dataclass
class Encoded:
    """Token ids into a small table E of the vectors the data uses (row 0 = padding = 0)."""

    E: np.ndarray  # (V_used + 1, 300)
    words: list[str]  # row → the surface form first seen for it ("" for padding)
    ids: dict[str, np.ndarray]  # split → (N, MAX_LEN) int64
    lengths: dict[str, np.ndarray]  # split → (N,) ≥ 1
    y: dict[str, np.ndarray]  # split → (N,)
    texts: dict[str, list[list[str]]]  # split → the tokens (surface forms) actually used
    label_names: list[str]


def encode(data, kv, max_train: int = MAX_TRAIN) -> Encoded:
    """Tokenise every split, keep the tokens found in the vectors (as the baseline does)."""
    rows, words, E = {}, [""], [np.zeros(kv.vector_size, dtype=np.float32)]
    ids, lengths, ys, texts = {}, {}, {}, {}
    for split, part in (("train", data.train), ("dev", data.dev), ("test", data.test)):
        sents, labels = part.texts, part.labels
        if split == "train":
            sents, labels = sents[:max_train], labels[:max_train]
        M = np.zeros((len(sents), MAX_LEN), dtype=np.int64)
        L = np.ones(len(sents), dtype=np.int64)
        toks_all = []
        for n, text in enumerate(sents):
            toks = []
            for h in sentence_tokens(kv, text):
                if h.key is None or len(toks) >= MAX_LEN:
                    continue
                if h.key not in rows:
                    rows[h.key] = len(E)
                    E.append(np.asarray(kv.vectors[kv.key_to_index[h.key]], dtype=np.float32))
                    words.append(h.surface)
                M[n, len(toks)] = rows[h.key]
                toks.append(h.surface)
            L[n] = max(1, len(toks))
            toks_all.append(toks)
        ids[split], lengths[split], ys[split], texts[split] = M, L, np.asarray(labels, dtype=np.int64), toks_all
    if len(E) == 1:
        raise OutOfVocabulary("データの単語がひとつも単語ベクトルにありません。日本語の文か確かめてください。",
                              en="None of the data's words are in the word vectors. Check that the sentences are Japanese.")
    return Encoded(E=np.stack(E), words=words, ids=ids, lengths=lengths, y=ys, texts=texts,
                   label_names=list(data.label_names))


def build(kind: str, E: np.ndarray, n_classes: int, filters: int = 32, hidden: int = 64):
    """One of MODELS as an nn.Module over token ids (B, T) and lengths (B,) → logits (B, K)."""
    import torch
    from torch import nn

    class Base(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding.from_pretrained(torch.from_numpy(E), freeze=True, padding_idx=0)

    class Mean(Base):
        def __init__(self):
            super().__init__()
            self.out = nn.Linear(E.shape[1], n_classes)

        def forward(self, ids, lengths):
            x = self.emb(ids)  # (B, T, 300); padding rows are 0
            return self.out(x.sum(dim=1) / lengths[:, None])  # mean over the real tokens

    class CNN(Base):
        def __init__(self):
            super().__init__()
            self.convs = nn.ModuleList(nn.Conv1d(E.shape[1], filters, k) for k in WIDTHS)
            self.out = nn.Linear(filters * len(WIDTHS), n_classes)

        def feature_maps(self, ids):
            x = self.emb(ids).transpose(1, 2)  # (B, 300, T): channels = the word-vector dimensions
            return [torch.relu(conv(x)) for conv in self.convs]  # each (B, F, T − k + 1)

        def forward(self, ids, lengths):
            z = []
            for k, c in zip(WIDTHS, self.feature_maps(ids)):
                valid = torch.arange(c.shape[2], device=c.device)[None, :] <= (lengths[:, None] - k)
                valid[:, 0] = True  # a sentence shorter than k keeps its first window
                z.append(c.masked_fill(~valid[:, None, :], 0).max(dim=2).values)  # max over time (B, F)
            return self.out(torch.cat(z, dim=1))

    class LSTM(Base):
        def __init__(self):
            super().__init__()
            self.rnn = nn.LSTM(E.shape[1], hidden, batch_first=True)
            self.out = nn.Linear(hidden, n_classes)

        def forward(self, ids, lengths):
            packed = nn.utils.rnn.pack_padded_sequence(self.emb(ids), lengths.cpu(), batch_first=True,
                                                       enforce_sorted=False)
            _, (h_T, _) = self.rnn(packed)  # h_T: (1, B, H) at each sentence's last real token
            return self.out(h_T[0])

    if kind not in MODELS:
        raise InvalidInput(f"モデル {kind} はありません。{', '.join(MODELS)} から選んでください。",
                           en=f"There is no model {kind}. Choose one of {', '.join(MODELS)}.")
    return {"mean": Mean, "cnn": CNN, "lstm": LSTM}[kind]()


@dataclass
class CompareRun:
    """One session's comparison: per model its history and test accuracy; the trained CNN kept."""

    epochs: int
    models: tuple[str, ...] = MODELS
    history: dict[str, list[dict]] = field(default_factory=dict)
    test_acc: dict[str, float] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    params: dict[str, int] = field(default_factory=dict)
    cnn: object = None
    status: str = "new"  # running | done | stopped
    split: str = ""


def train_compare(enc: Encoded, run: CompareRun, *, lr: float = 3e-3, batch_size: int = 32, seed: int = 0,
                  on_progress: Callable | None = None, should_stop: Callable[[], bool] | None = None) -> CompareRun:
    """Train each model of ``run.models`` for ``run.epochs`` epochs with Adam on the same split;
    on_progress(step, total, {"model", "loss", "dev_acc"}) once per epoch and model."""
    if not 1 <= run.epochs <= MAX_EPOCHS:
        raise InvalidInput(f"エポック数は 1〜{MAX_EPOCHS} にしてください。", en=f"Use 1–{MAX_EPOCHS} epochs.")
    import torch
    from torch import nn

    from core.device import cpu_threads

    K = len(enc.label_names)
    T = {s: (torch.from_numpy(enc.ids[s]), torch.from_numpy(enc.lengths[s]), torch.from_numpy(enc.y[s]))
         for s in enc.ids}
    total, step = run.epochs * len(run.models), 0
    run.status = "running"
    try:
        with cpu_threads(1):
            for kind in run.models:
                torch.manual_seed(seed)
                model = build(kind, enc.E, K)
                run.params[kind] = sum(p.numel() for p in model.parameters() if p.requires_grad)
                opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=lr)
                gen, t0 = torch.Generator().manual_seed(seed), time.perf_counter()
                hist = run.history.setdefault(kind, [])
                for epoch in range(1, run.epochs + 1):
                    if should_stop is not None and should_stop():
                        run.status = "stopped"
                        return run
                    model.train()
                    ids, lens, y = T["train"]
                    for idx in torch.randperm(len(y), generator=gen).split(batch_size):
                        loss = nn.functional.cross_entropy(model(ids[idx], lens[idx]), y[idx])
                        opt.zero_grad()
                        loss.backward()
                        opt.step()
                    model.eval()
                    with torch.no_grad():
                        row = {"epoch": epoch, "loss": float(nn.functional.cross_entropy(model(ids, lens), y)),
                               "dev_acc": _acc(model, *T["dev"])}
                    hist.append(row)
                    step += 1
                    if on_progress is not None:
                        on_progress(step, total, {"model": kind, "loss": row["loss"], "dev_acc": row["dev_acc"]})
                with torch.no_grad():
                    run.test_acc[kind] = _acc(model, *T["test"])
                run.seconds[kind] = time.perf_counter() - t0
                if kind == "cnn":
                    run.cnn = model
        run.status = "done"
    finally:
        if run.status == "running":
            run.status = "stopped"
    return run


def _acc(model, ids, lens, y) -> float:
    return float((model(ids, lens).argmax(dim=1) == y).float().mean()) if len(y) else float("nan")


def filter_ngrams(model, enc: Encoded, split: str = "test", top: int = 3) -> list[dict]:
    """For every CNN filter: its width k, the largest activation over the split and the n-grams
    (k tokens) of the windows where it fires most strongly (one per sentence), strongest first."""
    import torch

    ids, lens = torch.from_numpy(enc.ids[split]), enc.lengths[split]
    out = []
    with torch.no_grad():
        maps = model.feature_maps(ids)  # per width: (N, F, T − k + 1)
    for k, c in zip(WIDTHS, maps):
        c = c.numpy().copy()
        for n, L in enumerate(lens):
            c[n, :, max(1, L - k + 1):] = -np.inf  # windows past the sentence's end
        for f in range(c.shape[1]):
            best_t = c[:, f, :].argmax(axis=1)  # (N,)
            best_v = c[np.arange(len(best_t)), f, best_t]
            order = np.argsort(-best_v)[:top]
            grams = [" ".join(enc.texts[split][n][best_t[n]:best_t[n] + k]) for n in order]
            out.append({"filter": f"k={k} #{f}", "k": k, "max": float(best_v[order[0]]) if len(order) else 0.0,
                        "ngrams": grams})
    return sorted(out, key=lambda r: -r["max"])
