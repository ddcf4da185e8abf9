"""Filling a blank in a sentence (character level): the notes' example of where a bidirectional
RNN helps — the whole sentence is given, so the blank can be read from both sides.

Examples come from the word2vec page's built-in sample corpus (template sentences): each
character c_p of a sentence becomes one example, a window of ±R characters around it with c_p
replaced by the blank ＿ (PAD beyond the sentence). The model reads the window and predicts c_p
from the state at the blank:

    forward only:    P(c_p | ·) = softmax(W_out h→_p + b)              sees c_{p−R} … c_{p−1}
    bidirectional:   P(c_p | ·) = softmax(W_out [h→_p ; h←_p] + b)     sees both sides
"""
from __future__ import annotations

import numpy as np
import torch
from torch import Tensor, nn

from core import InvalidInput
from core.lm.text import Vocab
from core.lstm.cells import Recurrent
from core.lstm.train import RNNConfig, RNNRun
from core.training import Progress, Stop, train_in_turn

BLANK, PAD = "＿", "␣"
R = 6  # characters of context on each side
N_SENTENCES, N_TRAIN_MAX = 1200, 4000
BLANK_DEFAULTS = RNNConfig(cell="gru", hidden=32, epochs=5, lr=0.01, batch_size=64)
DIRECTIONS = ("uni", "bi")


class BlankFiller(nn.Module):
    """Embedding → (bi)directional Recurrent → linear head at the blank (the window's centre)."""

    def __init__(self, cell: str, vocab_size: int, hidden: int, bidirectional: bool, embed: int = 24):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embed)
        self.rnn = Recurrent(cell, embed, hidden, bidirectional=bidirectional)
        self.head = nn.Linear(hidden * self.rnn.num_directions, vocab_size)

    def forward(self, ids: Tensor, *, fused: bool = True) -> Tensor:
        h = self.rnn(self.embed(ids), fused=fused).output  # (B, 2R + 1, D·H)
        return self.head(h[:, R])  # (B, V): logits at the blank


def _sentences(seed: int) -> list[str]:
    from core.word2vec import sample_corpus

    return sample_corpus.sentences(N_SENTENCES, seed=seed)


def vocabulary(seed: int = 0) -> Vocab:
    chars = [c for s in _sentences(seed) for c in s]
    return Vocab([PAD, BLANK] + sorted(set(chars), key=lambda c: (-chars.count(c), c)), "char")


def windows(sentence: str, vocab: Vocab) -> tuple[np.ndarray, np.ndarray]:
    """Every position of ``sentence`` as (window ids with the blank at the centre, target id)."""
    ids = [vocab.stoi[c] for c in sentence]
    padded = [vocab.stoi[PAD]] * R + ids + [vocab.stoi[PAD]] * R
    X = np.array([padded[p:p + 2 * R + 1] for p in range(len(ids))], dtype=np.int64)
    X[:, R] = vocab.stoi[BLANK]
    return X, np.array(ids, dtype=np.int64)


class BlankRun(RNNRun):
    """A blank filler (one direction or both) with its data split by sentence; loss: cross
    entropy of the character at the blank."""

    def __init__(self, bidirectional: bool, cfg: RNNConfig | None = None):
        super().__init__((cfg or BLANK_DEFAULTS).validated())
        self.bidirectional = bidirectional
        self.vocab = vocabulary(self.cfg.seed)
        sents = _sentences(self.cfg.seed)
        n_val = len(sents) // 10
        Xt, Yt = (np.concatenate(a) for a in zip(*(windows(s, self.vocab) for s in sents[n_val:])))
        Xv, Yv = (np.concatenate(a) for a in zip(*(windows(s, self.vocab) for s in sents[:n_val])))
        keep = np.random.default_rng(self.cfg.seed).permutation(len(Xt))[:N_TRAIN_MAX]
        self._data(Xt[keep], Yt[keep], Xv, Yv)
        self._init_model()

    def _build_model(self) -> BlankFiller:
        return BlankFiller(self.cfg.cell, len(self.vocab), self.cfg.hidden, self.bidirectional)

    def loss(self, out, Y):
        return nn.functional.cross_entropy(out, Y)

    @torch.no_grad()
    def accuracy(self) -> float:
        self.model.eval()
        return float((self.model(self._Xv).argmax(-1) == self._Yv).float().mean())

    @torch.no_grad()
    def fill(self, text: str, k: int = 5) -> list[tuple[str, float]]:
        """The k most probable characters for the one ＿ in ``text``."""
        text = (text or "").strip()
        if len(text) > 100:
            raise InvalidInput("文が長すぎます（100 文字まで）。",
                               en="The sentence is too long (at most 100 characters).")
        if text.count(BLANK) != 1:
            raise InvalidInput(f"穴（{BLANK}）をちょうど 1 つ入れてください（例: 猫が庭で鳴{BLANK}ている。）。",
                               en=f"Put exactly one blank ({BLANK}) in the sentence (e.g. 猫が庭で鳴{BLANK}ている。).")
        p = text.index(BLANK)
        unknown = sorted({c for c in text if c != BLANK and c not in self.vocab.stoi})
        if unknown:
            raise InvalidInput(f"学習した文に出てこない文字があります: {'、'.join(unknown)}。"
                               "組み込みコーパスの文（動物・食べ物・場所・家族・乗り物）に近い文で試してください。",
                               en=f"Some characters never appear in the training sentences: {', '.join(unknown)}. "
                                  "Try a sentence close to the built-in corpus (animals, food, places, family, vehicles).")
        X, _ = windows(text.replace(BLANK, PAD), self.vocab)
        self.model.eval()
        probs = torch.softmax(self.model(torch.as_tensor(X[p:p + 1], device=self.device)), -1)[0]
        probs[self.vocab.stoi[PAD]] = 0
        probs[self.vocab.stoi[BLANK]] = 0
        values, idx = torch.topk(probs, int(k))
        return [(self.vocab.itos[i], float(v)) for v, i in zip(values.tolist(), idx.tolist())]


def compare_blank(cfg: RNNConfig | None = None, *, runs: dict | None = None,
                  on_progress: Progress | None = None, should_stop: Stop | None = None) -> dict[str, BlankRun]:
    """Train the forward-only and the bidirectional filler with the same budget."""
    cfg = (cfg or BLANK_DEFAULTS).validated()
    makers = {name: (lambda bi=name == "bi": BlankRun(bi, cfg)) for name in DIRECTIONS}
    return train_in_turn(makers, cfg.epochs, runs=runs, on_progress=on_progress, should_stop=should_stop)
