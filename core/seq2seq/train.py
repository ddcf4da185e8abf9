"""Training loop of the seq2seq models: one loop, two faces (page: LiveRun; CLI: tqdm).

``Trainer`` holds the model while it trains, so a page can keep the trainer in
st.session_state and still show the partial model after Stop. Loss: cross entropy of the
next target token (teacher forcing), Adam, gradient clipping g ← g·(V/‖g‖) when ‖g‖ > V.
Validation metric: exact match (完全一致率) of greedy decoding on the held-out pairs.
"""
from __future__ import annotations

import random
import time
from dataclasses import asdict, dataclass, field
from typing import Callable

import numpy as np
import torch
from torch import nn

from core import InvalidInput, TrainingDiverged
from core.device import cpu_threads
from core.seq2seq.data import EOS_ID, PAD_ID, BOS_ID, Pairs, Vocab
from core.seq2seq.build import build_model
from core.seq2seq.model import ATTENTIONS, CELLS, Seq2Seq, Seq2SeqConfig

MAX_EPOCHS = 200
MAX_HIDDEN = 512
MAX_EMB = 256
MAX_LAYERS = 6  # transformer: encoder and decoder layers each


@dataclass
class TrainConfig:
    epochs: int = 10
    batch_size: int = 128
    lr: float = 3e-3
    teacher_forcing: float = 1.0
    clip: float = 1.0  # max gradient L2 norm (0 = no clipping)
    target_accuracy: float | None = None  # stop once validation exact match ≥ this (0–1)
    seed: int = 0
    max_seconds: float | None = None  # wall-clock budget (stops after the epoch that passes it)
    evals_per_epoch: int = 1  # with target_accuracy: also check the target this often within an epoch
    lr_decay: bool = False  # decay the learning rate linearly to lr/10 over the planned epochs
    threads: int | None = 1  # CPU threads while training; these small RNNs run fastest on 1
    #  (2+ threads spend more time synchronising than computing, badly so on a shared machine)

    def validate(self) -> None:
        if not isinstance(self.epochs, int) or self.epochs < 1:
            raise InvalidInput(f"エポック数 (epochs) は 1 以上にしてください（{self.epochs}）。",
                               en=f"The number of epochs must be at least 1 ({self.epochs}).")
        if self.epochs > MAX_EPOCHS:
            raise InvalidInput(f"エポック数 (epochs) は {MAX_EPOCHS} 以下にしてください（{self.epochs}）。",
                               en=f"The number of epochs must be at most {MAX_EPOCHS} ({self.epochs}).")
        if not 1 <= self.batch_size <= 4096:
            raise InvalidInput("バッチサイズは 1〜4096 にしてください。",
                               en="The batch size must be 1–4096.")
        if not (0 < self.lr <= 1):
            raise InvalidInput("学習率 (learning rate) は 0 より大きく 1 以下にしてください。",
                               en="The learning rate must be greater than 0 and at most 1.")
        if not 0.0 <= self.teacher_forcing <= 1.0:
            raise InvalidInput("教師強制率 (teacher forcing ratio) は 0〜1 にしてください。",
                               en="The teacher forcing ratio must be 0–1.")
        if self.clip < 0:
            raise InvalidInput("勾配クリッピングの閾値は 0 以上にしてください（0 でクリップなし）。",
                               en="The gradient clipping threshold must be 0 or more (0 = no clipping).")
        if self.target_accuracy is not None and not 0.0 < self.target_accuracy <= 1.0:
            raise InvalidInput("目標正解率 (target accuracy) は 0 より大きく 1 以下にしてください（例: 0.99）。",
                               en="The target accuracy must be greater than 0 and at most 1 (e.g. 0.99).")


def model_config(src_vocab: int, tgt_vocab: int, *, emb=32, hidden=128, cell="gru",
                 attention="additive", reverse_input=False, heads=4, layers=2) -> Seq2SeqConfig:
    """Validated model config. For ``cell="transformer"`` hidden = d_model, ``attention`` is
    always multi-head scaled dot-product (stored as "multi_head") and heads / layers apply."""
    if cell not in CELLS:
        raise InvalidInput(f"モデルの種類は {' / '.join(CELLS)} から選んでください（{cell!r}）。",
                           en=f"Choose the model type from {' / '.join(CELLS)} ({cell!r}).")
    if cell == "transformer":
        from core.transformer.layers import TransformerConfig

        if not 1 <= int(layers) <= MAX_LAYERS:
            raise InvalidInput(f"層の数 (layers) は 1〜{MAX_LAYERS} にしてください（{layers}）。",
                               en=f"The number of layers must be 1–{MAX_LAYERS} ({layers}).")
        TransformerConfig(d_model=int(hidden), h=int(heads), n_layers=int(layers)).validated()
        attention = "multi_head"
    elif attention not in ATTENTIONS:
        raise InvalidInput(f"注意機構は {' / '.join(ATTENTIONS)} から選んでください（{attention!r}）。",
                           en=f"Choose the attention from {' / '.join(ATTENTIONS)} ({attention!r}).")
    if not 1 <= int(hidden) <= MAX_HIDDEN:
        raise InvalidInput(f"隠れ層のサイズ (hidden) は 1〜{MAX_HIDDEN} にしてください。",
                           en=f"The hidden size must be 1–{MAX_HIDDEN}.")
    if not 1 <= int(emb) <= MAX_EMB:
        raise InvalidInput(f"埋め込みのサイズ (embedding) は 1〜{MAX_EMB} にしてください。",
                           en=f"The embedding size must be 1–{MAX_EMB}.")
    return Seq2SeqConfig(src_vocab=src_vocab, tgt_vocab=tgt_vocab, emb=int(emb), hidden=int(hidden),
                         cell=cell, attention=attention, reverse_input=bool(reverse_input),
                         heads=int(heads), layers=int(layers))


@dataclass
class Encoded:
    """Padded id arrays of a Pairs set (source possibly reversed; target ends with </s>)."""

    src: np.ndarray  # (N, S_max)
    src_len: np.ndarray  # (N,)
    tgt: np.ndarray  # (N, T_max) = y_1 … y_T </s> <pad>…
    tgt_len: np.ndarray


def encode_pairs(pairs: Pairs, src_vocab: Vocab, tgt_vocab: Vocab, reverse: bool) -> Encoded:
    n = len(pairs)
    s_len = np.array([max(1, len(s)) for s in pairs.src], dtype=np.int64)
    t_len = np.array([len(t) + 1 for t in pairs.tgt], dtype=np.int64)
    src = np.full((n, int(s_len.max())), PAD_ID, dtype=np.int64)
    tgt = np.full((n, int(t_len.max())), PAD_ID, dtype=np.int64)
    for i, (s, t) in enumerate(zip(pairs.src, pairs.tgt)):
        ids = src_vocab.encode(s) or [PAD_ID]
        if reverse:
            ids = ids[::-1]
        src[i, :len(ids)] = ids
        tids = tgt_vocab.encode(t) + [EOS_ID]
        tgt[i, :len(tids)] = tids
    return Encoded(src, s_len, tgt, t_len)


def batches(enc: Encoded, batch_size: int, rng: np.random.Generator | None):
    """Index batches of similar source length (little padding); shuffled when rng is given."""
    n = len(enc.src_len)
    noise = rng.random(n) if rng is not None else np.zeros(n)
    order = np.lexsort((noise, enc.src_len))
    out = [order[i:i + batch_size] for i in range(0, n, batch_size)]
    if rng is not None:
        rng.shuffle(out)
    return out


def to_tensors(enc: Encoded, idx, device):
    s_max, t_max = int(enc.src_len[idx].max()), int(enc.tgt_len[idx].max())
    src = torch.from_numpy(enc.src[idx, :s_max]).to(device)
    src_len = torch.from_numpy(enc.src_len[idx]).to(device)
    tgt = torch.from_numpy(enc.tgt[idx, :t_max]).to(device)
    bos = torch.full((len(idx), 1), BOS_ID, dtype=torch.long, device=device)
    tgt_in = torch.cat([bos, tgt[:, :-1]], dim=1)
    return src, src_len, tgt_in, tgt


@torch.no_grad()
def predict_ids(model: Seq2Seq, enc: Encoded, batch_size: int = 1024) -> list[list[int]]:
    """Greedy outputs (token ids, without </s>) for every row of ``enc``, in order."""
    device = next(model.parameters()).device
    was_training = model.training
    model.eval()
    out: list[list[int] | None] = [None] * len(enc.src_len)
    max_len = int(enc.tgt.shape[1]) + 5
    for idx in batches(enc, batch_size, None):
        src, src_len, _, _ = to_tensors(enc, idx, device)
        ids = model.greedy_batch(src, src_len, max_len).cpu().numpy()
        for row, i in zip(ids, idx):
            row = row.tolist()
            out[i] = row[:row.index(EOS_ID)] if EOS_ID in row else row
    if was_training:
        model.train()
    return out  # type: ignore[return-value]


def exact_matches(model: Seq2Seq, pairs: Pairs, enc: Encoded | None = None) -> np.ndarray:
    """Boolean per pair: does greedy decoding reproduce the target exactly?"""
    if enc is None:
        enc = encode_pairs(pairs, model.src_vocab, model.tgt_vocab, model.config.reverse_input)
    preds = predict_ids(model, enc)
    gold = [model.tgt_vocab.encode(t) for t in pairs.tgt]
    return np.array([p == g for p, g in zip(preds, gold)], dtype=bool)


def accuracy_by_length(model: Seq2Seq, pairs: Pairs, bins: int = 6) -> list[dict]:
    """Exact match against source length (in source tokens), in ``bins`` length groups."""
    ok = exact_matches(model, pairs)
    lengths = np.array([len(s) for s in pairs.src])
    edges = np.unique(np.quantile(lengths, np.linspace(0, 1, bins + 1)).round().astype(int))
    rows = []
    for lo, hi in zip(edges[:-1], edges[1:]):
        last = hi == edges[-1]
        sel = (lengths >= lo) & ((lengths <= hi) if last else (lengths < hi))
        if sel.any():
            rows.append({"length": f"{lo}–{hi if last else hi - 1}", "min_len": int(lo),
                         "n": int(sel.sum()), "exact_match": float(ok[sel].mean())})
    return rows


@dataclass
class TrainResult:
    model: Seq2Seq
    history: list[dict] = field(default_factory=list)  # per epoch: epoch, loss, val_exact_match, seconds
    epochs_run: int = 0
    seconds: float = 0.0
    val_exact_match: float = 0.0
    stopped: bool = False
    reached_target: bool = False
    train_pairs: int = 0
    val_pairs: int = 0

    def summary(self) -> dict:
        return {"val_exact_match": self.val_exact_match, "seconds": round(self.seconds, 3),
                "epochs_run": self.epochs_run, "train_pairs": self.train_pairs, "val_pairs": self.val_pairs}


class Trainer:
    """Builds vocabularies and the model from the training pairs, then trains epoch by epoch."""

    def __init__(self, train: Pairs, val: Pairs, cfg: TrainConfig | None = None, *, device=None,
                 meta: dict | None = None, **model_kw):
        self.cfg = cfg or TrainConfig()
        self.cfg.validate()
        if len(train) < 1 or len(val) < 1:
            raise InvalidInput("学習データと検証データが 1 組以上必要です。",
                               en="At least one training pair and one validation pair are needed.")
        torch.manual_seed(self.cfg.seed)
        random.seed(self.cfg.seed)
        self.rng = np.random.default_rng(self.cfg.seed)
        from core.device import get_device

        self.device = device or get_device()
        src_vocab = Vocab.build(train.src)
        tgt_vocab = Vocab.build(train.tgt)
        config = model_config(len(src_vocab), len(tgt_vocab), **model_kw)
        meta = {"src_level": train.src_level, "tgt_level": train.tgt_level, "normalize": train.normalize,
                "max_src_len": max(len(s) for s in train.src), "max_tgt_len": max(len(t) for t in train.tgt),
                **(meta or {})}
        self.model = build_model(config, src_vocab, tgt_vocab, meta).to(self.device)
        self.train_pairs, self.val_pairs = train, val
        self.train_enc = encode_pairs(train, src_vocab, tgt_vocab, config.reverse_input)
        self.val_enc = encode_pairs(val, src_vocab, tgt_vocab, config.reverse_input)
        self.opt = torch.optim.Adam(self.model.parameters(), lr=self.cfg.lr)
        self.sched = None
        if self.cfg.lr_decay:
            total = max(1, self.cfg.epochs * len(batches(self.train_enc, self.cfg.batch_size, None)))
            self.sched = torch.optim.lr_scheduler.LambdaLR(self.opt, lambda step: max(0.1, 1.0 - 0.9 * step / total))
        self.loss_fn = nn.CrossEntropyLoss(ignore_index=PAD_ID)
        self.result = TrainResult(self.model, train_pairs=len(train), val_pairs=len(val))

    def train_epoch(self, should_stop: Callable[[], bool] | None = None) -> float:
        model, cfg = self.model, self.cfg
        model.train()
        total, count = 0.0, 0
        order = batches(self.train_enc, cfg.batch_size, self.rng)
        checks = set()
        if cfg.target_accuracy is not None and cfg.evals_per_epoch > 1:
            checks = {round(len(order) * k / cfg.evals_per_epoch) for k in range(1, cfg.evals_per_epoch)}
        self._mid_em = None
        for b, idx in enumerate(order):
            if should_stop is not None and should_stop():
                self.result.stopped = True
                break
            if b in checks:  # reached the target part-way through the epoch: stop here
                em = self.evaluate()
                model.train()
                if em >= cfg.target_accuracy:
                    self._mid_em = em
                    break
            src, src_len, tgt_in, tgt = to_tensors(self.train_enc, idx, self.device)
            logits = model(src, src_len, tgt_in, teacher_forcing=cfg.teacher_forcing)
            loss = self.loss_fn(logits.reshape(-1, logits.shape[-1]), tgt.reshape(-1))
            if not torch.isfinite(loss):
                raise TrainingDiverged("損失が NaN / 無限大になりました（発散）。学習率を下げるか、勾配クリッピングを有効にしてください。",
                                       en="The loss became NaN / infinite (diverged). Lower the learning rate or turn on gradient clipping.")
            self.opt.zero_grad(set_to_none=True)
            loss.backward()
            if cfg.clip > 0:
                nn.utils.clip_grad_norm_(model.parameters(), cfg.clip)
            self.opt.step()
            if self.sched is not None:
                self.sched.step()
            total += float(loss.detach()) * len(idx)
            count += len(idx)
        return total / max(1, count)

    def evaluate(self) -> float:
        ok = exact_matches(self.model, self.val_pairs, self.val_enc)
        return float(ok.mean())

    def one_epoch(self, should_stop: Callable[[], bool] | None = None) -> dict:
        """Train one epoch, evaluate, record and return the history row."""
        res = self.result
        t0 = time.perf_counter()
        with cpu_threads(self.cfg.threads, self.device):
            loss = self.train_epoch(should_stop)
            val_em = self._mid_em if self._mid_em is not None else self.evaluate()
        res.epochs_run += 1
        res.seconds += time.perf_counter() - t0
        res.val_exact_match = val_em
        row = {"epoch": res.epochs_run, "loss": loss, "val_exact_match": val_em, "seconds": res.seconds}
        res.history.append(row)
        return row

    def run(self, on_progress: Callable | None = None, should_stop: Callable[[], bool] | None = None) -> TrainResult:
        """Train up to cfg.epochs more epochs; stops early at Stop, the target accuracy or the
        time budget. on_progress(epoch, epochs, {"loss", "val_exact_match"}) after each epoch."""
        cfg, res = self.cfg, self.result
        for i in range(1, cfg.epochs + 1):
            row = self.one_epoch(should_stop)
            if on_progress is not None:
                on_progress(i, cfg.epochs, {"loss": row["loss"], "val_exact_match": row["val_exact_match"]})
            if res.stopped or (should_stop is not None and should_stop()):
                res.stopped = True
                break
            if cfg.target_accuracy is not None and row["val_exact_match"] >= cfg.target_accuracy:
                res.reached_target = True
                break
            if cfg.max_seconds is not None and res.seconds >= cfg.max_seconds:
                break
        self.model.eval()
        return res

    def release(self) -> None:
        """Drop what only training needs (encoded training data, optimizer state) so a finished
        trainer kept in st.session_state holds just the model, history and validation pairs."""
        self.train_enc = None
        self.train_pairs = None
        self.opt = None
        self.sched = None

    def config_dict(self) -> dict:
        return {"train": asdict(self.cfg), "model": self.model.config.as_dict()}


def train_pairs(train: Pairs, val: Pairs, cfg: TrainConfig | None = None, *, on_progress=None,
                should_stop=None, **model_kw) -> TrainResult:
    """Convenience: build a Trainer and run it."""
    return Trainer(train, val, cfg, **model_kw).run(on_progress, should_stop)
