"""Sentiment without BERT: mean word vectors → linear layer (100-knock chapter 8), offline.

A sentence is tokenized with fugashi (MeCab + unidic-lite); each token is looked up in the
word vectors (chiVe, 300-d) with the same fallbacks as the word2vec page (as typed → chiVe
alias → Sudachi normalised form → unidic lemma); the found vectors are averaged:

    x̄ = (1/T) Σ_t x_t            (T = tokens found; x̄ = 0 when none is found)
    ŷ = softmax(W x̄ + b)         W ∈ R^{K×300}  (K classes)

optionally with one hidden layer ``ŷ = softmax(W_2 ReLU(W_1 x̄ + b_1) + b_2)``, trained with
cross-entropy by mini-batch SGD or Adam. ``train_baseline`` takes on_progress/should_stop
like every long operation; ``evaluate`` gives accuracy, macro-F1 and the confusion matrix;
``predict`` gives class probabilities and which words were found.
"""
from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from core import InvalidInput, OutOfVocabulary, TrainingDiverged
from core.i18n import Text
from core.bert.data import LabelledData
from core.metrics import Metrics, metrics_from
from core.word2vec.vectors import lookup_one

# per-session limits (a class shares one server)
MAX_EPOCHS = 200
MAX_TRAIN_EXAMPLES = 20_000
MAX_HIDDEN = 512
SKIP_POS = {"補助記号", "空白"}  # punctuation carries no sentiment; symbols such as ♪ stay

_cache_lock = threading.Lock()
_TOKEN_CACHE_MAX = 300_000


# --- features: mean word vector -------------------------------------------------------------

@dataclass
class TokenHit:
    """One token of a sentence: its surface form and the vocabulary key used (None = not found)."""

    surface: str
    key: str | None

    @property
    def found(self) -> bool:
        return self.key is not None


@dataclass
class Features:
    """X[i] = mean vector of sentence i; coverage = found tokens / all tokens."""

    X: np.ndarray
    n_tokens: int
    n_found: int
    empty_sentences: int  # sentences where no token was found (their x̄ is 0)

    @property
    def coverage(self) -> float:
        return self.n_found / self.n_tokens if self.n_tokens else 0.0


def _token_cache(kv) -> dict:
    """token → key cache stored on the vectors object itself (so it dies with it)."""
    cache = getattr(kv, "_playground_token_cache", None)
    if cache is None:
        with _cache_lock:
            cache = getattr(kv, "_playground_token_cache", None)
            if cache is None:
                cache = {}
                kv._playground_token_cache = cache
    return cache


def _lookup(kv, surface: str, lemma: str) -> str | None:
    """The vocabulary key for a token, via the word2vec page's lookup (as typed → chiVe alias
    → Sudachi normalised form → unidic lemma), tried on the surface then the lemma; cached."""
    cache = _token_cache(kv)
    ck = (surface, lemma)
    if ck in cache:
        return cache[ck]
    key = None
    found = lookup_one(kv, surface) or (lookup_one(kv, lemma) if lemma and lemma != surface else None)
    key = found[0] if found else None
    if len(cache) > _TOKEN_CACHE_MAX:
        cache.clear()
    cache[ck] = key
    return key


def sentence_tokens(kv, text: str) -> list[TokenHit]:
    """fugashi tokens of ``text`` (punctuation dropped) with the key each one resolved to."""
    from core.text import tokenize

    return [TokenHit(t.surface, _lookup(kv, t.surface, t.lemma))
            for t in tokenize(text) if t.pos not in SKIP_POS]


def featurize(kv, texts: list[str], *, should_stop: Callable[[], bool] | None = None) -> Features:
    """Mean word vector per sentence (float32, N × d)."""
    d = int(kv.vector_size)
    X = np.zeros((len(texts), d), dtype=np.float32)
    n_tokens = n_found = empty = 0
    key_to_index = kv.key_to_index
    vectors = kv.vectors
    for i, text in enumerate(texts):
        if should_stop is not None and i % 256 == 0 and should_stop():
            break
        hits = sentence_tokens(kv, text)
        rows = [key_to_index[h.key] for h in hits if h.key is not None]
        n_tokens += len(hits)
        n_found += len(rows)
        if rows:
            X[i] = np.asarray(vectors[rows], dtype=np.float32).mean(axis=0)
        else:
            empty += 1
    return Features(X=X, n_tokens=n_tokens, n_found=n_found, empty_sentences=empty)


# --- model ----------------------------------------------------------------------------------

def _torch():
    import torch

    return torch


def build_model(d_in: int, n_classes: int, hidden: int = 0):
    """The classifier head on x̄ (see the class docstring)."""
    torch = _torch()
    nn = torch.nn

    class MeanVectorClassifier(nn.Module):
        """ŷ = softmax(W x̄ + b); with ``hidden`` > 0: ŷ = softmax(W_2 ReLU(W_1 x̄ + b_1) + b_2).

        ``forward`` returns the logits W x̄ + b (cross-entropy applies the softmax)."""

        def __init__(self):
            super().__init__()
            self.d_in, self.n_classes, self.hidden = d_in, n_classes, hidden
            if hidden:
                self.W_1 = nn.Linear(d_in, hidden)
                self.W_2 = nn.Linear(hidden, n_classes)
            else:
                self.W = nn.Linear(d_in, n_classes)

        def forward(self, x_bar):
            if self.hidden:
                return self.W_2(torch.relu(self.W_1(x_bar)))
            return self.W(x_bar)

    return MeanVectorClassifier()


@dataclass
class BaselineResult:
    """What training returns (kept in st.session_state by the page)."""

    model: object
    label_names: list[str]
    config: dict
    history: list[dict]  # one row per epoch: epoch, loss, train_acc, dev_loss, dev_acc
    test: Metrics
    dev: Metrics
    majority_rate: float  # share of the test set in the most frequent TRAINING class
    majority_label: str
    token_coverage: float  # share of training tokens found in the vocabulary
    train_examples: int
    seconds: float
    stopped: bool = False
    notes: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        """The CLI's JSON (issue #9 contract keys first)."""
        return {"test_accuracy": round(self.test.accuracy, 4), "macro_f1": round(self.test.macro_f1, 4),
                "train_examples": self.train_examples, "seconds": round(self.seconds, 2),
                "token_coverage": round(self.token_coverage, 4),
                "majority_rate": round(self.majority_rate, 4), "majority_label": self.majority_label,
                "labels": self.label_names, "epochs_run": len(self.history), "stopped": self.stopped,
                "confusion": self.test.confusion}


def check_config(epochs: int, lr: float, batch_size: int, hidden: int, optimizer: str) -> None:
    if not 1 <= int(epochs) <= MAX_EPOCHS:
        raise InvalidInput(f"エポック数 (epochs) は 1〜{MAX_EPOCHS} にしてください（{epochs}）。",
                           en=f"The number of epochs must be 1–{MAX_EPOCHS} ({epochs}).")
    if not (isinstance(lr, (int, float)) and math.isfinite(lr) and 0 < lr <= 10):
        raise InvalidInput(f"学習率 (learning rate) は 0 より大きく 10 以下にしてください（{lr}）。",
                           en=f"The learning rate must be greater than 0 and at most 10 ({lr}).")
    if not 1 <= int(batch_size) <= 4096:
        raise InvalidInput(f"ミニバッチの大きさ (batch size) は 1〜4096 にしてください（{batch_size}）。",
                           en=f"The batch size must be 1–4096 ({batch_size}).")
    if not 0 <= int(hidden) <= MAX_HIDDEN:
        raise InvalidInput(f"隠れ層の大きさは 0〜{MAX_HIDDEN} にしてください（{hidden}）。",
                           en=f"The hidden layer size must be 0–{MAX_HIDDEN} ({hidden}).")
    if optimizer not in ("sgd", "adam"):
        raise InvalidInput(f"最適化手法は sgd か adam です（{optimizer}）。",
                           en=f"The optimizer is sgd or adam ({optimizer}).")


def train_baseline(data: LabelledData, kv, *, epochs: int = 30, lr: float = 0.01, batch_size: int = 32,
                   hidden: int = 0, optimizer: str = "adam", seed: int = 0,
                   max_train: int | None = MAX_TRAIN_EXAMPLES,
                   on_progress: Callable[[int, int, dict], None] | None = None,
                   should_stop: Callable[[], bool] | None = None,
                   device=None) -> BaselineResult:
    """Average word vectors, then train the linear (or one-hidden-layer) classifier.

    ``on_progress(epoch, epochs, {"loss", "train_acc", "dev_acc", "dev_loss"})`` after every
    epoch; ``should_stop()`` is checked every mini-batch (the model so far is evaluated)."""
    check_config(epochs, lr, batch_size, hidden, optimizer)
    torch = _torch()
    from core import device as dev_mod

    t0 = time.perf_counter()
    notes: list[str] = []
    train = data.train
    if max_train and len(train) > max_train:
        train = type(train)(train.texts[:max_train], train.labels[:max_train])
        notes.append(Text("base.run.first", n=max_train))
    if len(train) == 0:
        raise InvalidInput("学習 (train) データが空です。",
                           en="The training (train) data is empty.")
    f_train = featurize(kv, train.texts)
    f_dev = featurize(kv, data.dev.texts)
    f_test = featurize(kv, data.test.texts)
    if f_train.n_found == 0:
        raise OutOfVocabulary("学習データの単語がひとつも単語ベクトルの語彙にありません。日本語の文か確かめてください。",
                              en="None of the training data's words are in the word-vector vocabulary. Check that the sentences are Japanese.")

    device = device or dev_mod.get_device()
    # a 300×K layer gains nothing from intra-op threads; on a busy CPU they cost ~10× per step
    with dev_mod.cpu_threads(1, device):
        return _train_loop(data, train, f_train, f_dev, f_test, kv, torch, device, epochs=epochs, lr=lr,
                           batch_size=batch_size, hidden=hidden, optimizer=optimizer, seed=seed,
                           on_progress=on_progress, should_stop=should_stop, notes=notes, t0=t0)


def _train_loop(data, train, f_train, f_dev, f_test, kv, torch, device, *, epochs, lr, batch_size, hidden,
                optimizer, seed, on_progress, should_stop, notes, t0) -> BaselineResult:
    k = data.n_classes
    gen = torch.Generator().manual_seed(int(seed))
    torch.manual_seed(int(seed))
    model = build_model(f_train.X.shape[1], k, int(hidden)).to(device)
    X = torch.from_numpy(f_train.X).to(device)
    y = torch.tensor(train.labels, dtype=torch.long, device=device)
    X_dev = torch.from_numpy(f_dev.X).to(device)
    y_dev = torch.tensor(data.dev.labels, dtype=torch.long, device=device)
    opt = (torch.optim.Adam(model.parameters(), lr=lr) if optimizer == "adam"
           else torch.optim.SGD(model.parameters(), lr=lr))
    loss_fn = torch.nn.CrossEntropyLoss()
    history: list[dict] = []
    stopped = False
    n = X.shape[0]
    for epoch in range(1, int(epochs) + 1):
        model.train()
        perm = torch.randperm(n, generator=gen).to(device)
        total_loss, correct, seen = 0.0, 0, 0
        for start in range(0, n, int(batch_size)):
            if should_stop is not None and should_stop():
                stopped = True
                break
            idx = perm[start:start + int(batch_size)]
            logits = model(X[idx])
            loss = loss_fn(logits, y[idx])
            if not torch.isfinite(loss):
                raise TrainingDiverged(
                    f"損失が発散しました (loss = {loss.item()})。学習率 (learning rate) を小さくしてください（いま {lr}）。",
                    en=f"The loss diverged (loss = {loss.item()}). Lower the learning rate (now {lr}).")
            opt.zero_grad()
            loss.backward()
            opt.step()
            total_loss += loss.item() * len(idx)
            correct += int((logits.argmax(1) == y[idx]).sum())
            seen += len(idx)
        if seen == 0:
            break
        row = {"epoch": epoch, "loss": total_loss / seen, "train_acc": correct / seen}
        if len(y_dev):
            model.eval()
            with torch.inference_mode():
                dl = model(X_dev)
                row["dev_loss"] = float(loss_fn(dl, y_dev))
                row["dev_acc"] = float((dl.argmax(1) == y_dev).float().mean())
        history.append(row)
        if on_progress is not None:
            on_progress(epoch, int(epochs), {k_: v for k_, v in row.items() if k_ != "epoch"})
        if stopped:
            break
    model.eval()
    if stopped:
        notes.append(Text("base.run.stopped", done=len(history), epochs=epochs))
    test = evaluate_features(model, f_test.X, data.test.labels, data.label_names)
    dev = evaluate_features(model, f_dev.X, data.dev.labels, data.label_names)
    counts = train.counts(k)
    majority = int(np.argmax(counts))
    maj_rate = (sum(1 for v in data.test.labels if v == majority) / len(data.test)) if len(data.test) else 0.0
    model.to("cpu")
    config = {"epochs": int(epochs), "lr": float(lr), "batch_size": int(batch_size), "hidden": int(hidden),
              "optimizer": optimizer, "seed": int(seed), "source": data.source, "split": data.split_id(),
              "vectors": getattr(kv, "playground_label", f"{len(kv.index_to_key)} × {kv.vector_size}")}
    return BaselineResult(model=model, label_names=list(data.label_names), config=config, history=history,
                          test=test, dev=dev, majority_rate=maj_rate, majority_label=data.label_names[majority],
                          token_coverage=f_train.coverage, train_examples=len(train),
                          seconds=time.perf_counter() - t0, stopped=stopped, notes=notes)


def _logits(model, X: np.ndarray):
    torch = _torch()
    p = next(model.parameters())
    with torch.inference_mode():
        return model(torch.from_numpy(np.asarray(X, dtype=np.float32)).to(p.device)).float().cpu()


def evaluate_features(model, X: np.ndarray, labels: list[int], label_names: list[str]) -> Metrics:
    if len(labels) == 0:
        return metrics_from([], [], label_names)
    model.eval()
    pred = _logits(model, X).argmax(1).tolist()
    return metrics_from(labels, pred, label_names)


def evaluate(result: BaselineResult, kv, texts: list[str], labels: list[int]) -> Metrics:
    """Metrics of a trained baseline on any labelled texts (e.g. another split)."""
    return evaluate_features(result.model, featurize(kv, texts).X, labels, result.label_names)


@dataclass
class Prediction:
    """Class probabilities for one sentence and which of its words were found."""

    text: str
    label: str
    scores: dict[str, float]
    tokens: list[TokenHit]

    @property
    def coverage(self) -> float:
        return sum(t.found for t in self.tokens) / len(self.tokens) if self.tokens else 0.0

    def as_dict(self) -> dict:
        return {"label": self.label, "scores": self.scores, "coverage": self.coverage,
                "tokens": [{"surface": t.surface, "key": t.key} for t in self.tokens]}


def predict(result: BaselineResult, kv, text: str) -> Prediction:
    """softmax(W x̄ + b) for one sentence. Raises InvalidInput (empty / too long) or
    OutOfVocabulary (no word of the sentence is in the vocabulary)."""
    from core.text import require_text

    text = require_text(text, what="文")
    hits = sentence_tokens(kv, text)
    rows = [kv.key_to_index[h.key] for h in hits if h.key is not None]
    if not rows:
        raise OutOfVocabulary(f"「{text[:30]}」の単語がどれも単語ベクトルの語彙にありません。別の言い方の文を試してください。",
                              en=f"None of the words of \"{text[:30]}\" are in the word-vector vocabulary. Try a sentence worded differently.",
                              word=text[:30])
    x_bar = np.asarray(kv.vectors[rows], dtype=np.float32).mean(axis=0, keepdims=True)
    probs = _torch().softmax(_logits(result.model, x_bar), dim=-1)[0].tolist()
    scores = {name: float(p) for name, p in zip(result.label_names, probs)}
    return Prediction(text=text, label=max(scores, key=scores.get), scores=scores, tokens=hits)


def predict_many(result: BaselineResult, kv, texts: list[str]) -> list[dict]:
    """Batch prediction (label + scores per line); lines without known words get label None."""
    feats = featurize(kv, texts)
    probs = _torch().softmax(_logits(result.model, feats.X), dim=-1).tolist()
    out = []
    for text, p, x in zip(texts, probs, feats.X):
        if not np.any(x):
            out.append({"text": text, "label": None, "scores": {}})
            continue
        scores = dict(zip(result.label_names, p))
        out.append({"text": text, "label": max(scores, key=scores.get), "scores": scores})
    return out


# --- side by side with BERT -------------------------------------------------------------------

def comparison_row(model: str, accuracy: float, macro_f1: float, seconds: float, *,
                   train_examples: int | None = None, split: str = "") -> dict:
    """One row of the BERT-vs-baseline table (all models measured on the same test split)."""
    return {"model": model, "accuracy": float(accuracy), "macro_f1": float(macro_f1),
            "seconds": float(seconds), "train_examples": train_examples, "split": split}


def baseline_row(result: BaselineResult, name: str = "単語ベクトル平均 + 線形層 (baseline)") -> dict:
    return comparison_row(name, result.test.accuracy, result.test.macro_f1, result.seconds,
                          train_examples=result.train_examples, split=result.config.get("split", ""))
