"""A tiny CBOW (and its skip-gram counterpart) in torch, written like the lecture slide, plus
the negative-sampling view.

Slide example, context ±1 word: 「今日 は 朝 ？ 起き まし た 。」 — from 朝 and 起き predict ？ (早く).

    h1 = x_{t−1} W_in,  h2 = x_{t+1} W_in          (one-hot × W_in = picking a row of W_in)
    h  = (h1 + h2) / 2
    s  = h W_out,  P(w | context) = softmax(s)
    L  = −(1/T) Σ_t log P(w_t | w_{t−1}, w_{t+1})  (cross entropy)

W_in is vocab × hidden (8 × 3 on the slide); its rows are the word vectors.

skip-gram turns it around: from the one centre word predict each surrounding word, with the
same two matrices and one input (so h is just a row of W_in):

    h = x_t W_in,  P(w | w_t) = softmax(h W_out)     (one distribution, scored at each position)
    L = −(1/T) Σ_t [log P(w_{t−1} | w_t) + log P(w_{t+1} | w_t)]

Negative sampling (負例サンプリング): instead of a softmax over the whole vocabulary, the true
word (1 positive) and k words drawn from P_n(w) ∝ count(w)^0.75 (negatives) are k + 1 binary
decisions σ(h · u_w), with loss L = −log σ(h · u_pos) − Σ_neg log σ(−h · u_neg), where u_w is
the column of W_out for w.

The model is a few hundred numbers: it runs on the CPU (moving it to a GPU would only add
transfer time); training is full-batch SGD, one update per ``step``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from core import InvalidInput
from core.text import wakati

LECTURE_TEXT = "今日は朝早く起きました。"
MASK = "？"
SMALL_CORPUS = [
    "今日は朝早く起きました。",
    "明日は朝早く起きます。",
    "昨日は夜遅く寝ました。",
    "今日は夜遅く寝ます。",
    "明日は朝早く出かけます。",
    "昨日は朝遅く起きました。",
]
MAX_SENTENCES = 20
MAX_VOCAB = 60
MAX_HIDDEN = 10


def lecture_tokens() -> list[str]:
    """The lecture sentence tokenized live with fugashi: 今日 は 朝 早く 起き まし た 。"""
    return wakati(LECTURE_TEXT)


def tokenize_sentences(sentences: list[str]) -> list[list[str]]:
    sents = [s for s in (str(x).strip() for x in sentences) if s]
    if not sents:
        raise InvalidInput("文が空です。1 行に 1 文ずつ入力してください（例: 今日は朝早く起きました。）。",
                           en="The sentences are empty. Enter one sentence per line (e.g. 今日は朝早く起きました。).")
    if len(sents) > MAX_SENTENCES:
        raise InvalidInput(f"文が多すぎます（{len(sents)} 文）。この小さな CBOW は {MAX_SENTENCES} 文までです。",
                           en=f"Too many sentences ({len(sents)}). This small CBOW takes up to {MAX_SENTENCES}.")
    toks = [wakati(s[:200]) for s in sents]
    toks = [t for t in toks if len(t) >= 3]
    if not toks:
        raise InvalidInput("3 単語以上の文が必要です（前後の単語から真ん中を予測するため）。",
                           en="Sentences of at least 3 words are needed (the middle word is predicted from its neighbours).")
    return toks


def build_vocab(token_lists: list[list[str]]) -> list[str]:
    vocab = list(dict.fromkeys(w for toks in token_lists for w in toks))
    if len(vocab) > MAX_VOCAB:
        raise InvalidInput(f"語彙が多すぎます（{len(vocab)} 語）。この図解は {MAX_VOCAB} 語までです。文を減らしてください。",
                           en=f"Too large a vocabulary ({len(vocab)} words). This illustration takes up to {MAX_VOCAB}. Use fewer sentences.")
    return vocab


def make_examples(token_lists: list[list[str]], vocab: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(contexts (N, 2) = [w_{t−1}, w_{t+1}], targets (N,) = w_t) for every inner position t."""
    ix = {w: i for i, w in enumerate(vocab)}
    ctx, tgt = [], []
    for toks in token_lists:
        for t in range(1, len(toks) - 1):
            ctx.append([ix[toks[t - 1]], ix[toks[t + 1]]])
            tgt.append(ix[toks[t]])
    return np.array(ctx, dtype=np.int64), np.array(tgt, dtype=np.int64)


def make_skipgram_examples(token_lists: list[list[str]], vocab: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """skip-gram pairs for the same positions t as ``make_examples``: inputs (2N, 1) = [w_t]
    (each centre twice), targets (2N,) = w_{t−1}, w_{t+1}."""
    ctx, tgt = make_examples(token_lists, vocab)
    centres = np.repeat(tgt, 2)[:, None]  # (2N, 1)
    return centres.astype(np.int64), ctx.reshape(-1).astype(np.int64)  # targets: w_{t−1}, w_{t+1}, …


def unigram_table(token_lists: list[list[str]], vocab: list[str], power: float = 0.75) -> dict[str, np.ndarray]:
    """Raw unigram probabilities and the negative-sampling distribution count^power / Σ."""
    counts = np.array([sum(toks.count(w) for toks in token_lists) for w in vocab], dtype=np.float64)
    raw = counts / counts.sum()
    smoothed = counts ** power
    return {"count": counts, "unigram": raw, "noise": smoothed / smoothed.sum()}


def _torch():
    import torch

    return torch


class CBOW:
    """CBOW with a shared input matrix W_in (V × H) and an output matrix W_out (H × V).

    h = (one_hot(w_{t−1}) W_in + one_hot(w_{t+1}) W_in) / 2,  P = softmax(h W_out).
    With one input word per example (contexts of shape (N, 1)) the same code is skip-gram's
    h = one_hot(w_t) W_in."""

    def __init__(self, vocab_size: int, hidden: int = 3, seed: int = 0, init_scale: float = 0.5):
        torch = _torch()
        g = torch.Generator().manual_seed(seed)
        self.V, self.H = vocab_size, hidden
        self.W_in = (torch.randn(vocab_size, hidden, generator=g) * init_scale).requires_grad_()
        self.W_out = (torch.randn(hidden, vocab_size, generator=g) * init_scale).requires_grad_()

    def parameters(self):
        return [self.W_in, self.W_out]

    def hidden(self, contexts):
        """h = mean over the context words of one_hot(w) × W_in  → (N, H)."""
        torch = _torch()
        x = torch.nn.functional.one_hot(contexts, self.V).to(self.W_in.dtype)  # (N, C, V)
        h_each = x @ self.W_in  # (N, C, H): one-hot × W_in picks a row
        return h_each.mean(dim=1)

    def scores(self, contexts):
        return self.hidden(contexts) @ self.W_out  # (N, V)

    def softmax_loss(self, contexts, targets):
        """L = −(1/T) Σ log P(w_t | context)."""
        torch = _torch()
        return torch.nn.functional.cross_entropy(self.scores(contexts), targets)

    def negative_sampling_loss(self, contexts, targets, negatives):
        """L = mean over examples of −log σ(h·u_pos) − Σ_k log σ(−h·u_neg_k); negatives (N, k)."""
        torch = _torch()
        h = self.hidden(contexts)  # (N, H)
        u_pos = self.W_out[:, targets].T  # (N, H)
        u_neg = self.W_out[:, negatives].permute(1, 2, 0)  # (N, k, H)
        pos = torch.nn.functional.logsigmoid((h * u_pos).sum(-1))
        neg = torch.nn.functional.logsigmoid(-(u_neg @ h.unsqueeze(-1)).squeeze(-1)).sum(-1)
        return -(pos + neg).mean()


ARCHITECTURES = ("cbow", "skipgram")


@dataclass
class CBOWState:
    """Everything the 仕組み tab keeps per session: the model, data and the history of steps.
    ``arch="skipgram"``: the same model fed the centre word, predicting w_{t−1} and w_{t+1}."""
    sentences: list[str]
    hidden: int = 3
    lr: float = 0.5
    objective: str = "softmax"  # or "negative"
    k: int = 2
    seed: int = 0
    arch: str = "cbow"
    tokens: list[list[str]] = field(default_factory=list)
    vocab: list[str] = field(default_factory=list)
    history: list[dict] = field(default_factory=list)
    steps: int = 0

    def __post_init__(self):
        torch = _torch()
        if not 1 <= int(self.hidden) <= MAX_HIDDEN:
            raise InvalidInput(f"隠れ層の次元は 1〜{MAX_HIDDEN} にしてください。",
                               en=f"The hidden size must be 1–{MAX_HIDDEN}.")
        if not 0 < float(self.lr) <= 10:
            raise InvalidInput("学習率は 0 より大きく 10 以下にしてください。",
                               en="The learning rate must be greater than 0 and at most 10.")
        if self.objective not in ("softmax", "negative"):
            raise InvalidInput("目的関数は softmax か negative（負例サンプリング）を選んでください。",
                               en="Choose softmax or negative (negative sampling) as the objective.")
        if self.arch not in ARCHITECTURES:
            raise InvalidInput("モデルは cbow か skipgram を選んでください。",
                               en="Choose cbow or skipgram as the model.")
        self.tokens = tokenize_sentences(self.sentences)
        self.vocab = build_vocab(self.tokens)
        if not 1 <= int(self.k) <= max(1, len(self.vocab) - 1):
            raise InvalidInput(f"負例の数 k は 1〜{max(1, len(self.vocab) - 1)} にしてください。",
                               en=f"The number of negative samples k must be 1–{max(1, len(self.vocab) - 1)}.")
        examples = make_skipgram_examples if self.arch == "skipgram" else make_examples
        ctx, tgt = examples(self.tokens, self.vocab)
        self.contexts = torch.from_numpy(ctx)
        self.targets = torch.from_numpy(tgt)
        self.model = CBOW(len(self.vocab), int(self.hidden), seed=self.seed)
        self.noise = torch.from_numpy(unigram_table(self.tokens, self.vocab)["noise"])
        self.gen = torch.Generator().manual_seed(self.seed + 1)
        self._record()

    # --- the lecture's masked position -------------------------------------------------------
    def focus(self) -> tuple[int, int, int]:
        """(w_{t−1}, w_t, w_{t+1}) ids of the lecture example 朝 ？ 起き (or the first inner
        position of the first sentence)."""
        toks = self.tokens[0]
        t = toks.index("早く") if "早く" in toks[1:-1] else 1
        ix = {w: i for i, w in enumerate(self.vocab)}
        return ix[toks[t - 1]], ix[toks[t]], ix[toks[t + 1]]

    def focus_input(self) -> list[int]:
        """The input word ids of the focus example: [w_{t−1}, w_{t+1}] (CBOW) or [w_t] (skip-gram)."""
        a, t, b = self.focus()
        return [t] if self.arch == "skipgram" else [a, b]

    def focus_targets(self) -> list[int]:
        """What the focus example predicts: [w_t] (CBOW) or [w_{t−1}, w_{t+1}] (skip-gram)."""
        a, t, b = self.focus()
        return [a, b] if self.arch == "skipgram" else [t]

    def focus_probs(self) -> np.ndarray:
        """P(w | input) over the vocabulary (skip-gram: one distribution for every context position)."""
        torch = _torch()
        with torch.no_grad():
            return torch.softmax(self.model.scores(torch.tensor([self.focus_input()])), -1)[0].numpy()

    def focus_loss_terms(self) -> list[tuple[str, float]]:
        """(target word, −log P(target | input)) for each position the focus example predicts."""
        p = self.focus_probs()
        return [(self.vocab[w], -float(np.log(max(p[w], 1e-12)))) for w in self.focus_targets()]

    @property
    def positions(self) -> int:
        """Predicted words per centre position: 1 (CBOW) or 2 (skip-gram, w_{t−1} and w_{t+1})."""
        return 2 if self.arch == "skipgram" else 1

    def sample_negatives(self, targets, k: int | None = None, generator=None):
        """k negatives per target from P_n ∝ count^0.75, never the target itself."""
        torch = _torch()
        k = int(k or self.k)
        gen = generator if generator is not None else self.gen
        p = self.noise.unsqueeze(0).repeat(len(targets), 1)  # (N, V): one row per target
        p[torch.arange(len(targets)), targets] = 0  # never the positive itself
        return torch.multinomial(p, k, replacement=len(self.vocab) - 1 < k, generator=gen)

    def loss(self, negatives=None):
        if self.objective == "negative":
            if negatives is None:
                negatives = self.sample_negatives(self.targets)
            return self.positions * self.model.negative_sampling_loss(self.contexts, self.targets, negatives)
        return self.positions * self.model.softmax_loss(self.contexts, self.targets)  # skip-gram: Σ over 2 positions

    def step(self, n: int = 1) -> dict:
        """n full-batch SGD updates: W ← W − lr ∂L/∂W."""
        torch = _torch()
        n = int(n)
        if not 1 <= n <= 1000:
            raise InvalidInput("ステップ数は 1〜1000 にしてください。",
                               en="The number of steps must be 1–1000.")
        for _ in range(n):
            loss = self.loss()
            for p in self.model.parameters():
                p.grad = None
            loss.backward()
            with torch.no_grad():
                for p in self.model.parameters():
                    p -= self.lr * p.grad
            self.steps += 1
            self._record()
        return self.history[-1]

    def _record(self) -> None:
        torch = _torch()
        with torch.no_grad():
            softmax_loss = self.positions * float(self.model.softmax_loss(self.contexts, self.targets))
        p = self.focus_probs()
        self.history.append({"step": self.steps, "loss": softmax_loss,
                             "p_correct": float(np.mean([p[w] for w in self.focus_targets()]))})

    # --- views ------------------------------------------------------------------------------
    def W_in(self) -> np.ndarray:
        return self.model.W_in.detach().numpy().copy()

    def negative_view(self, seed: int | None = None) -> list[dict]:
        """For the focus example: the positive and k sampled negatives with their sampling
        probabilities (unigram vs unigram^0.75) and σ(h·u_w)."""
        torch = _torch()
        t = self.focus_targets()[-1]  # the positive: w_t (CBOW) or w_{t+1} (skip-gram)
        gen = torch.Generator().manual_seed(int(seed)) if seed is not None else None
        negs = self.sample_negatives(torch.tensor([t]), generator=gen)[0].tolist()
        table = unigram_table(self.tokens, self.vocab)
        with torch.no_grad():
            h = self.model.hidden(torch.tensor([self.focus_input()]))[0]
            rows = []
            for w, label in [(t, 1)] + [(x, 0) for x in negs]:
                z = float(h @ self.model.W_out[:, w])
                sig = float(torch.sigmoid(torch.tensor(z)))
                rows.append({"word": self.vocab[w], "label": label, "role": "正例 (positive)" if label else "負例 (negative)",
                             "unigram": float(table["unigram"][w]), "p_noise": float(table["noise"][w]),
                             "score": z, "sigmoid": sig,
                             "loss_term": -float(np.log(max(sig if label else 1.0 - sig, 1e-12)))})
        return rows


# --- the slide's numbers: one-hot × W picks a row -------------------------------------------------

# The slide's W (vocabulary × hidden): its first two rows are on the slide (74 29 98 / 1 13 35); the
# slide elides the rest ("…"), so rows 3–7 here are fixed stand-ins, labelled as such on the page.
# The slide's one-hot [0 1 0 0 0 0] has 6 entries while its matrix has one row more: a one-hot
# must have exactly one entry per row of W, so the consistent size (7) is used.
SLIDE_W = np.array([[74, 29, 98], [1, 13, 35], [58, 7, 41], [22, 90, 63], [36, 81, 5], [67, 44, 12], [9, 52, 77]],
                   dtype=np.int64)
SLIDE_ROWS_SHOWN = 2  # rows of SLIDE_W that are the slide's own numbers
SLIDE_ONEHOT_LEN = 6  # entries of the slide's one-hot vector


def one_hot_times(W: np.ndarray, index: int) -> tuple[np.ndarray, np.ndarray]:
    """x = one_hot(index) of size V (= rows of W), and x W — the row ``index`` of W.
    The slide: [0 1 0 0 0 0 0] × SLIDE_W = [1 13 35]."""
    W = np.asarray(W)
    if not 0 <= index < W.shape[0]:
        raise InvalidInput(f"行の番号は 1〜{W.shape[0]} にしてください。", en=f"Use a row from 1 to {W.shape[0]}.")
    x = np.zeros(W.shape[0], dtype=W.dtype)
    x[index] = 1
    return x, x @ W


def focus_hidden(state: "CBOWState") -> dict[str, np.ndarray]:
    """h₁ = x_{t−1} W_in, h₂ = x_{t+1} W_in and h = (h₁ + h₂)/2 of the focus example (CBOW),
    computed as one-hot products, with the model's own h for comparison."""
    torch = _torch()
    W = state.W_in()
    a, _, b = state.focus()
    x1, h1 = one_hot_times(W, a)
    x2, h2 = one_hot_times(W, b)
    with torch.no_grad():
        model_h = state.model.hidden(torch.tensor([[a, b]]))[0].numpy()
    return {"x1": x1, "x2": x2, "h1": h1, "h2": h2, "h": (h1 + h2) / 2, "model_h": model_h}


# --- why negative sampling: the cost of one step as V grows ----------------------------------------

COST_VOCABS = (100, 1_000, 10_000, 100_000)


def step_cost(V: int, hidden: int = 100, batch: int = 64, k: int = 5, repeats: int = 5, seed: int = 0) -> dict:
    """Seconds for one forward + backward of a mini-batch with the full softmax over V words
    (h W_out: B × V scores, then the normaliser Σ_V, a gradient for all V output vectors) vs negative
    sampling (the 1 + k output vectors used, k + 1 sigmoids, a sparse gradient); the median of
    ``repeats`` runs on the CPU, one thread."""
    if V not in COST_VOCABS and not 10 <= V <= 100_000:
        raise InvalidInput("語彙の大きさは 10〜100,000 にしてください。", en="Use a vocabulary of 10–100,000 words.")
    import time

    torch = _torch()
    from core.device import cpu_threads

    g = torch.Generator().manual_seed(seed)
    U = (torch.randn(V, hidden, generator=g) * 0.01).requires_grad_()  # W_out stored by word: u_w = U[w]
    h = torch.randn(batch, hidden, generator=g)
    targets = torch.randint(0, V, (batch,), generator=g)
    negatives = torch.randint(0, V, (batch, k), generator=g)
    out = {}
    with cpu_threads(1):
        for name in ("softmax", "negative"):
            times = []
            for _ in range(repeats):
                U.grad = None
                t0 = time.perf_counter()
                if name == "softmax":
                    loss = torch.nn.functional.cross_entropy(h @ U.T, targets)  # B × V scores, Σ over all V
                else:  # only the 1 + k rows used: a sparse gradient, as word2vec updates them
                    u_pos = torch.nn.functional.embedding(targets, U, sparse=True)  # (B, H)
                    u_neg = torch.nn.functional.embedding(negatives, U, sparse=True)  # (B, k, H)
                    loss = -(torch.nn.functional.logsigmoid((h * u_pos).sum(-1))
                             + torch.nn.functional.logsigmoid(-(u_neg @ h.unsqueeze(-1)).squeeze(-1)).sum(-1)).mean()
                loss.backward()
                times.append(time.perf_counter() - t0)
            out[name] = float(np.median(times))
    out["ratio"] = out["softmax"] / out["negative"] if out["negative"] > 0 else float("inf")
    out["V"], out["scores_softmax"], out["scores_negative"] = V, batch * V, batch * (k + 1)
    return out


def measure_costs(vocabs=COST_VOCABS, *, on_progress=None, should_stop=None, **kwargs) -> list[dict]:
    """step_cost for each V (smallest first); on_progress(i, n, {"V", "ratio"}) after each, stops early
    when should_stop() says so (the rows measured so far are returned)."""
    rows = []
    for i, V in enumerate(vocabs, 1):
        if should_stop is not None and should_stop():
            break
        rows.append(step_cost(int(V), **kwargs))
        if on_progress is not None:
            on_progress(i, len(vocabs), {"V": float(V), "ratio": rows[-1]["ratio"]})
    return rows
