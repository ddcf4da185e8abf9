"""Train your own word2vec with gensim, one epoch at a time (progress, loss, words/sec, Stop).

CBOW (sg=0) predicts the centre word from the mean of its context vectors; skip-gram (sg=1)
predicts each context word from the centre word. Both use negative sampling here: for each
(input, target) pair, one positive and ``negative`` = k words drawn from the unigram
distribution^0.75 are k + 1 sigmoid binary decisions.

The learning rate decays linearly from ``alpha`` to ``min_alpha`` over the planned epochs, as
gensim does in one call; we call ``Word2Vec.train(epochs=1)`` per epoch with the matching
start/end alpha so a page can show each epoch and stop between them.

Per-session limits (a class of 40 students shares one server): corpus size, epochs,
vector_size, window, negative — ``Limits``; the CLI may pass larger ones.
"""
from __future__ import annotations

import functools
import io
import logging
import os
import re
import time
from dataclasses import asdict, dataclass, field
from typing import Callable

import numpy as np

from core import InputTooLong, InvalidInput, term_en
from core.i18n import Text
from core.text import tokenize

ProgressFn = Callable[[int, int, dict], None]
StopFn = Callable[[], bool]


@dataclass(frozen=True)
class Limits:
    max_chars: int = 1_000_000  # characters of corpus text (about 1 MB of Japanese)
    max_tokens: int = 300_000  # tokens after segmentation
    max_epochs: int = 30
    max_vector_size: int = 300
    max_window: int = 10
    max_negative: int = 20
    max_min_count: int = 100


CLASSROOM = Limits()
CLI = Limits(max_chars=50_000_000, max_tokens=20_000_000, max_epochs=200)


@dataclass
class TrainConfig:
    sg: int = 0  # 0 = CBOW, 1 = skip-gram
    vector_size: int = 50
    window: int = 3
    negative: int = 5
    min_count: int = 2
    epochs: int = 15
    sample: float = 1e-3  # down-sampling of frequent words
    alpha: float = 0.025
    min_alpha: float = 0.0001
    seed: int = 0
    workers: int = 0  # 0 = the CPU cores this process may use (≤ 4)

    def validate(self, limits: Limits = CLASSROOM) -> "TrainConfig":
        def rng(name, lo, hi, what):
            v = getattr(self, name)
            if not isinstance(v, (int, np.integer)) or isinstance(v, bool) or not lo <= v <= hi:
                raise InvalidInput(f"{what} ({name}) は {lo}〜{hi} の整数にしてください（{v!r}）。",
                                   en=f"{term_en(what, cap=True)} ({name}) must be an integer from {lo} to {hi} ({v!r}).")

        if self.sg not in (0, 1):
            raise InvalidInput("sg は 0（CBOW）か 1（skip-gram）にしてください。",
                               en="sg must be 0 (CBOW) or 1 (skip-gram).")
        rng("vector_size", 2, limits.max_vector_size, "ベクトルの次元数")
        rng("window", 1, limits.max_window, "窓幅")
        rng("negative", 1, limits.max_negative, "負例の数")
        rng("min_count", 1, limits.max_min_count, "最小出現回数")
        rng("epochs", 1, limits.max_epochs, "エポック数")
        if not 0 <= float(self.sample) <= 0.1:
            raise InvalidInput("sample（高頻度語の間引き）は 0〜0.1 にしてください（例: 0.001）。",
                               en="sample (down-sampling of frequent words) must be 0–0.1 (e.g. 0.001).")
        if not 0 < float(self.alpha) <= 1 or not 0 <= float(self.min_alpha) <= float(self.alpha):
            raise InvalidInput("学習率 alpha は 0〜1、min_alpha は 0〜alpha にしてください。",
                               en="The learning rate alpha must be 0–1 and min_alpha 0–alpha.")
        return self

    @property
    def name(self) -> str:
        return "skip-gram" if self.sg else "CBOW"


_SENT_END = re.compile(r"(?<=[。！？!?])")


def tokenize_corpus(text: str, *, mode: str = "surface", limits: Limits = CLASSROOM,
                    on_progress: ProgressFn | None = None) -> list[list[str]]:
    """One sentence per line (long lines also split after 。！？), tokenized with fugashi;
    ``mode`` = "surface" (as written) or "lemma" (原形: 食べた → 食べる). Punctuation is kept."""
    if mode not in ("surface", "lemma"):
        raise InvalidInput("分かち書きの単位は surface（表層形）か lemma（原形）を選んでください。",
                           en="Choose surface (surface form) or lemma (base form) as the unit of segmentation.")
    if text is None or not str(text).strip():
        raise InvalidInput("コーパスが空です。文章を 1 行に 1 文ずつ入れたテキストを使ってください。",
                           en="The corpus is empty. Use a text with one sentence per line.")
    if len(text) > limits.max_chars:
        raise InputTooLong(f"コーパスが大きすぎます（{len(text):,} 文字）。{limits.max_chars:,} 文字以下にしてください"
                           "（教室では 1 人あたりの学習量を制限しています）。",
                           en=f"The corpus is too large ({len(text):,} characters). Use at most {limits.max_chars:,} "
                              "(in class the training per person is limited).")
    lines = [s.strip() for line in str(text).splitlines() for s in _SENT_END.split(line)]
    lines = [s for s in lines if s]
    out: list[list[str]] = []
    n_tokens = 0
    for i, line in enumerate(lines):
        toks = [t.lemma if mode == "lemma" else t.surface for t in tokenize(line)]
        if toks:
            out.append(toks)
            n_tokens += len(toks)
        if n_tokens > limits.max_tokens:
            raise InputTooLong(f"コーパスの単語数が上限（{limits.max_tokens:,} 語）を超えました。もっと小さなコーパスにしてください。",
                               en=f"The corpus has more words than the limit ({limits.max_tokens:,}). Use a smaller corpus.")
        if on_progress is not None and (i % 500 == 0 or i == len(lines) - 1):
            on_progress(i + 1, len(lines), {"tokens": n_tokens})
    if not out:
        raise InvalidInput("コーパスから単語を取り出せませんでした。日本語の文章を入れてください。",
                           en="No words could be taken from the corpus. Enter Japanese text.")
    return out


@dataclass
class TrainResult:
    kv: object  # gensim KeyedVectors (the trained W_in rows)
    config: TrainConfig
    history: list[dict] = field(default_factory=list)  # per epoch: epoch, loss, words_per_sec, seconds
    seconds: float = 0.0
    words_per_sec: float = 0.0
    vocab: int = 0
    corpus_sentences: int = 0
    corpus_tokens: int = 0
    stopped: bool = False

    def summary(self) -> dict:
        return {"model": self.config.name, "config": asdict(self.config), "vocab": self.vocab,
                "sentences": self.corpus_sentences, "tokens": self.corpus_tokens,
                "epochs_done": len(self.history), "seconds": round(self.seconds, 3),
                "words_per_sec": round(self.words_per_sec, 1), "stopped": self.stopped,
                "final_loss": self.history[-1]["loss"] if self.history else None}


def _workers(cfg: TrainConfig) -> int:
    if cfg.workers:
        return int(cfg.workers)
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS
        n = os.cpu_count() or 1
    return max(1, min(4, n))


def train(sentences: list[list[str]], cfg: TrainConfig, *, limits: Limits = CLASSROOM,
          on_progress: ProgressFn | None = None, should_stop: StopFn | None = None,
          on_result: Callable[[TrainResult], None] | None = None) -> TrainResult:
    """gensim Word2Vec, one epoch per ``train`` call; returns the vectors trained so far
    (also after Stop). ``on_result(result)`` receives the usable partial result after each
    epoch (a page keeps it, so a Stop that interrupts the script loses nothing)."""
    from gensim.models import Word2Vec

    cfg.validate(limits)
    if not sentences:
        raise InvalidInput("コーパスが空です。",
                           en="The corpus is empty.")
    logging.getLogger("gensim").setLevel(logging.ERROR)
    n_tokens = sum(len(s) for s in sentences)
    model = Word2Vec(vector_size=cfg.vector_size, window=cfg.window, min_count=cfg.min_count, sg=cfg.sg,
                     negative=cfg.negative, hs=0, sample=cfg.sample, alpha=cfg.alpha, min_alpha=cfg.min_alpha,
                     seed=cfg.seed, workers=_workers(cfg), compute_loss=True)
    model.build_vocab(sentences)
    if len(model.wv) < 2:
        raise InvalidInput(f"語彙が {len(model.wv)} 語しかありません。最小出現回数 (min_count={cfg.min_count}) を下げるか、"
                           "もっと大きなコーパスを使ってください。",
                           en=f"The vocabulary has only {len(model.wv)} words. Lower the minimum count (min_count={cfg.min_count}) "
                              "or use a larger corpus.")
    result = TrainResult(kv=model.wv, config=cfg, vocab=len(model.wv), corpus_sentences=len(sentences),
                         corpus_tokens=n_tokens)
    total_words, total_time = 0, 0.0
    E = cfg.epochs
    for epoch in range(E):
        if should_stop is not None and should_stop():
            result.stopped = True
            break
        a0 = cfg.alpha - (cfg.alpha - cfg.min_alpha) * epoch / E
        a1 = cfg.alpha - (cfg.alpha - cfg.min_alpha) * (epoch + 1) / E
        t0 = time.perf_counter()
        effective, _raw = model.train(sentences, total_examples=model.corpus_count, epochs=1,
                                      start_alpha=a0, end_alpha=a1, compute_loss=True)
        dt = max(time.perf_counter() - t0, 1e-9)
        loss_total = float(model.get_latest_training_loss())
        row = {"epoch": epoch + 1, "loss": loss_total / max(1, effective), "loss_total": loss_total,
               "words_per_sec": effective / dt, "seconds": dt, "alpha": a1}
        if not np.isfinite(row["loss"]):
            from core import TrainingDiverged

            raise TrainingDiverged("損失 (loss) が NaN/無限大になりました。学習率 alpha を下げてください。",
                                   en="The loss became NaN/infinite. Lower the learning rate alpha.")
        result.history.append(row)
        total_words += effective
        total_time += dt
        _finish(result, total_words, total_time)
        if on_result is not None:
            on_result(result)
        if on_progress is not None:
            on_progress(epoch + 1, E, {"loss": row["loss"], "words_per_sec": round(row["words_per_sec"])})
    _finish(result, total_words, total_time)
    return result


def _finish(result: TrainResult, total_words: int, total_time: float) -> None:
    cfg = result.config
    result.seconds = total_time
    result.words_per_sec = total_words / total_time if total_time else 0.0
    result.kv.fill_norms(force=True)
    result.kv.playground_label = Text("w2v.label.trained", name=cfg.name, n=result.vocab, d=cfg.vector_size,
                                      done=len(result.history), epochs=cfg.epochs)


@functools.lru_cache(maxsize=2)
def sample_sentences(mode: str = "surface") -> tuple[tuple[str, ...], ...]:
    """The built-in sample corpus, tokenized once per process (immutable, shared)."""
    from core.word2vec import sample_corpus

    return tuple(tuple(s) for s in tokenize_corpus(sample_corpus.text(), mode=mode))


def to_word2vec_text(kv) -> bytes:
    """The vectors in word2vec text format (first line "語数 次元数", then "word v1 v2 …")."""
    buf = io.StringIO()
    vecs = np.asarray(kv.vectors, dtype=np.float32)
    buf.write(f"{len(kv.index_to_key)} {kv.vector_size}\n")
    for key, vec in zip(kv.index_to_key, vecs):
        buf.write(str(key).replace(" ", "_") + " " + " ".join(f"{x:.6f}" for x in vec) + "\n")
    return buf.getvalue().encode("utf-8")


def compare_neighbors(results: dict, words: list[str], topn: int = 5, lang: str = "ja") -> list[dict]:
    """Rows for a side-by-side table: for each word and model, its top-N neighbours.
    ``results``: name → a TrainResult or a KeyedVectors (e.g. count-based SVD vectors)."""
    from core import OutOfVocabulary
    from core.word2vec.query import neighbors

    rows = []
    for w in words:
        row = {"word" if lang == "en" else "単語": w}
        for name, res in results.items():
            try:
                nb = neighbors(getattr(res, "kv", res), w, topn)
                row[name] = "、".join(f"{x}({s:.2f})" for x, s in nb.neighbors)
            except OutOfVocabulary:
                row[name] = "(not in the vocabulary)" if lang == "en" else "（語彙にない）"
        rows.append(row)
    return rows
