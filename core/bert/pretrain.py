"""mini-BERT: an encoder-only Transformer pre-trained here with the masked language model and
next-sentence prediction (core.bert.nsp: [CLS] A [SEP] B [SEP], B the real next sentence 50 % of
the time, L = L_MLM + L_NSP).

BERT = N × [self-attention, FFN] (bidirectional: every position sees every other), trained to
recover hidden words. The masking is the lecture's (core.bert.mlm.choose): of each sentence's
tokens 15 % are chosen, 80 % of those become [MASK], 10 % a random word, 10 % stay. With x̃ the
corrupted sentence and C the chosen positions,

    L_MLM = − 1/|C| Σ_{i ∈ C} log softmax(W_out · h_i + b)_{x_i}      h = Encoder(x̃)

and the masked-token accuracy is the share of i ∈ C where argmax = x_i. The vocabulary is a
WordPiece vocabulary learnt from the same text after MeCab (core.bert.wordpiece); the model is
a small ``transformers.BertForPreTraining`` (MLM head + NSP head). The result is saved as a normal transformers
directory + ``minibert_card.json`` (provenance, core.bert.saved), so every BERT path of the app
loads it.
"""
from __future__ import annotations

import math
import random
import re
import time
from dataclasses import dataclass, field
from typing import Callable

from core import InvalidInput, TrainingDiverged
from core.i18n import Text
from core.bert import mlm, nsp
from core.bert import wordpiece as wp

MAX_TEXT_CHARS = 500_000  # longer texts are cut here (with a note): minutes of CPU already
MIN_SENTENCES, MIN_DISTINCT_CHARS = 20, 10
MAX_SECONDS = 600
MAX_LAYERS, MAX_D_MODEL = 6, 512


@dataclass
class PretrainConfig:
    layers: int = 2  # N encoder layers
    d_model: int = 128  # hidden size d (d_ff = 4d)
    heads: int = 2  # h heads, d_k = d / h
    vocab_size: int = 2000  # WordPiece target size (a small text gives fewer pieces)
    max_len: int = 64  # tokens per sentence incl. [CLS]/[SEP]
    batch_size: int = 32
    lr: float = 1e-3
    seconds: float | None = 60.0  # wall-clock budget; None = only max_steps
    max_steps: int = 100_000
    eval_every: int = 50  # steps between validation / fill-mask snapshots
    val_fraction: float = 0.1
    seed: int = 0
    probe: str = "父は昼に[MASK]を食べた。"  # fill-mask sentence followed during training
    nsp: bool = True  # also next-sentence prediction: inputs are sentence pairs (core.bert.nsp)

    def check(self) -> None:
        if not 1 <= self.layers <= MAX_LAYERS:
            raise InvalidInput(f"層の数 (layers) は 1〜{MAX_LAYERS} にしてください。",
                               en=f"The number of layers must be 1–{MAX_LAYERS}.")
        if not 16 <= self.d_model <= MAX_D_MODEL:
            raise InvalidInput(f"隠れ次元 d (d_model) は 16〜{MAX_D_MODEL} にしてください。",
                               en=f"The hidden size d (d_model) must be 16–{MAX_D_MODEL}.")
        if self.heads < 1 or self.d_model % self.heads:
            raise InvalidInput(f"d_model（{self.d_model}）はヘッド数（{self.heads}）で割り切れる必要があります"
                               "（d_k = d_model / h）。",
                               en=f"d_model ({self.d_model}) must be divisible by the number of heads ({self.heads}) "
                                  "(d_k = d_model / h).")
        if self.seconds is not None and not 0 < self.seconds <= MAX_SECONDS:
            raise InvalidInput(f"学習時間 (seconds) は 0 より大きく {MAX_SECONDS} 秒以下にしてください。",
                               en=f"The training time must be greater than 0 and at most {MAX_SECONDS} seconds.")
        if not (self.lr > 0 and math.isfinite(self.lr)):
            raise InvalidInput("学習率 (learning rate) は正の数にしてください。",
                               en="The learning rate must be a positive number.")


@dataclass
class PretrainResult:
    model: object  # BertForPreTraining (eval mode, CPU)
    tokenizer: object  # BertJapaneseTokenizer over ``vocab``
    vocab: list[str]
    config: PretrainConfig
    text_name: str
    n_sentences: int
    history: list[dict] = field(default_factory=list)  # per step: mlm_loss, masked_acc, nsp_loss, nsp_acc (+ val_*)
    snapshots: list[dict] = field(default_factory=list)  # {"step", "predictions": [[tok, p], ...]}
    steps: int = 0
    seconds: float = 0.0
    train_tokens: int = 0
    val_masked_accuracy: float = 0.0
    val_nsp_accuracy: float | None = None  # validation pairs, 50 % real / 50 % random (None without NSP)
    stopped: bool = False
    notes: list[str] = field(default_factory=list)
    pair_examples: list[dict] = field(default_factory=list)  # NSP pairs as built (core.bert.nsp.examples)

    @property
    def params(self) -> int:
        return sum(p.numel() for p in self.model.parameters())

    def summary(self) -> dict:
        losses = [h["mlm_loss"] for h in self.history]
        s = max(self.seconds, 1e-9)
        nsp_losses = [h["nsp_loss"] for h in self.history if "nsp_loss" in h]
        return {"mlm_loss_first": losses[0] if losses else None, "mlm_loss_last": _tail_mean(losses),
                "val_masked_accuracy": self.val_masked_accuracy, "nsp_accuracy": self.val_nsp_accuracy,
                "nsp_loss_last": _tail_mean(nsp_losses), "seconds": round(self.seconds, 2),
                "params": self.params, "vocab_size": len(self.vocab), "steps": self.steps,
                "sentences": self.n_sentences, "sentences_per_s": round(self.steps * self.config.batch_size / s, 1),
                "tokens_per_s": round(self.train_tokens / s, 1), "stopped": self.stopped}


def _tail_mean(xs: list[float], n: int = 20) -> float | None:
    """The last loss, smoothed over the last ``n`` steps (one batch is noisy)."""
    return sum(xs[-n:]) / len(xs[-n:]) if xs else None


# --- text --------------------------------------------------------------------------------

def builtin_text() -> str:
    """The app's own Japanese text (nothing downloaded): the LSTM page's story, the tiny-BERT
    sample sentences and 3,000 sentences of the word2vec sample corpus (templated sentences
    where words of one category share contexts: 父は昼に[MASK]を食べた → a food), arranged in
    paragraphs about one word each (see ``topical``) so that a sentence's real successor talks
    about the same thing, as in a real text — what next-sentence prediction can learn."""
    from core.bert.tiny import SAMPLE_TEXT
    from core.lm.text import BUILTIN_TEXT
    from core.word2vec import sample_corpus

    return BUILTIN_TEXT + SAMPLE_TEXT + "\n".join(topical(sample_corpus.sentences(3000, seed=0))) + "\n"


def topical(sentences: list[str]) -> list[str]:
    """The sentences regrouped (stable) by the first sample-corpus word each one contains: all the
    猫 sentences, then all the パン sentences, … (sentences without such a word last)."""
    from core.word2vec.sample_corpus import CATEGORIES

    words = [w for ws in CATEGORIES.values() for w in ws]
    groups: dict[str, list[str]] = {}
    for sent in sentences:
        found = [(sent.find(w), -len(w), w) for w in words if w in sent]
        groups.setdefault(min(found)[2] if found else "", []).append(sent)
    rest = groups.pop("", [])
    return [s for group in groups.values() for s in group] + rest


BUILTIN_NAME = Text("bert.pt.textname.builtin")
_SPLIT = re.compile(r"(?<=[。！？!?])|\n")


def sentences_of(text: str) -> tuple[list[str], list[str]]:
    """Split a text into sentences (at 。！？ and line ends) and check it can train a model:
    (sentences, notes). Over MAX_TEXT_CHARS the text is cut with a note."""
    from core.text import normalize_input

    if text is None or not str(text).strip():
        raise InvalidInput("学習に使うテキストが空です。文章を貼り付けるか、組み込みの例文を使ってください。",
                           en="The training text is empty. Paste some text or use the built-in example text.")
    text = normalize_input(str(text))
    notes = []
    if len(text) > MAX_TEXT_CHARS:
        notes.append(Text("bert.pt.note.long", chars=len(text), max=MAX_TEXT_CHARS))
        text = text[:MAX_TEXT_CHARS]
    sents = [s.strip() for s in _SPLIT.split(text) if s and s.strip()]
    if len(set("".join(sents))) < MIN_DISTINCT_CHARS:
        raise InvalidInput(f"テキストの文字の種類が少なすぎます（{len(set(''.join(sents)))} 種類）。"
                           "同じ文字の繰り返しでは語彙も文脈も学べません。ふつうの日本語の文章を使ってください。",
                           en=f"The text has too few different characters ({len(set(''.join(sents)))}). "
                              "Repeating the same characters teaches neither vocabulary nor context. Use ordinary Japanese text.")
    if len(sents) < MIN_SENTENCES or len(set(sents)) < MIN_SENTENCES // 2:
        raise InvalidInput(f"文が少なすぎます（{len(sents)} 文、異なる文 {len(set(sents))}）。"
                           f"マスク言語モデルを学習するには {MIN_SENTENCES} 文以上（できれば数百文）の文章が必要です。",
                           en=f"Too few sentences ({len(sents)}, {len(set(sents))} different). "
                              f"Training a masked language model needs at least {MIN_SENTENCES} sentences (a few hundred if possible).")
    return sents, notes


# --- masking -----------------------------------------------------------------------------

def mask_batch(seqs: list[list[int]], rng: random.Random, *, mask_id: int, pool: list[int], pad_id: int = 0,
               token_types: list[list[int]] | None = None):
    """The lecture's corruption of a batch of ``[CLS] … [SEP]`` (or ``[CLS] A [SEP] B [SEP]``) id
    lists (core.bert.mlm.choose on the tokens that are not [CLS]/[SEP]: 15 % chosen; 80 % →
    [MASK], 10 % → random word, 10 % kept).

    Returns (input_ids x̃ [B, T], labels [B, T] = x_i at chosen positions else −100,
    attention_mask [B, T], token_type_ids [B, T])."""
    import torch

    T = max(len(s) for s in seqs)
    x = torch.full((len(seqs), T), pad_id, dtype=torch.long)  # [B, T]
    labels = torch.full((len(seqs), T), -100, dtype=torch.long)  # [B, T]
    att = torch.zeros((len(seqs), T), dtype=torch.long)  # [B, T]
    tt = torch.zeros((len(seqs), T), dtype=torch.long)  # [B, T] segment ids
    for b, s in enumerate(seqs):
        x[b, :len(s)] = torch.tensor(s)
        att[b, :len(s)] = 1
        if token_types is not None:
            tt[b, :len(s)] = torch.tensor(token_types[b])
        inner = [i for i, tok in enumerate(s) if tok not in (nsp.CLS_ID, nsp.SEP_ID)]
        for j, action in mlm.choose(len(inner), rng):
            i = inner[j]
            labels[b, i] = s[i]
            if action == "mask":
                x[b, i] = mask_id
            elif action == "random":
                x[b, i] = rng.choice(pool)
    return x, labels, att, tt


def make_batch(examples, rng: random.Random, *, mask_id: int, pool: list[int]) -> dict:
    """Model inputs of a batch: examples are id lists (MLM only) or (ids, token_types, NSP label)."""
    import torch

    if examples and isinstance(examples[0], tuple):
        x, labels, att, tt = mask_batch([e[0] for e in examples], rng, mask_id=mask_id, pool=pool,
                                        token_types=[e[1] for e in examples])
        return {"input_ids": x, "labels": labels, "attention_mask": att, "token_type_ids": tt,
                "next_sentence_label": torch.tensor([e[2] for e in examples])}
    x, labels, att, tt = mask_batch(examples, rng, mask_id=mask_id, pool=pool)
    return {"input_ids": x, "labels": labels, "attention_mask": att, "token_type_ids": tt}


def losses(model, batch: dict):
    """(L_MLM, L_NSP or None, MLM logits, NSP logits or None) of one batch on the model's device."""
    import torch.nn.functional as F

    dev = model.device
    out = model(input_ids=batch["input_ids"].to(dev), attention_mask=batch["attention_mask"].to(dev),
                token_type_ids=batch["token_type_ids"].to(dev))
    logits = out.prediction_logits  # [B, T, V]
    l_mlm = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), batch["labels"].to(dev).reshape(-1),
                            ignore_index=-100)
    if "next_sentence_label" not in batch:
        return l_mlm, None, logits, None
    nsp_logits = out.seq_relationship_logits  # [B, 2] = W_nsp · pooled_[CLS] + b
    return l_mlm, F.cross_entropy(nsp_logits, batch["next_sentence_label"].to(dev)), logits, nsp_logits


def _masked_stats(logits, labels) -> tuple[int, int]:
    """(correct, chosen) over the chosen positions (labels ≠ −100)."""
    chosen = labels != -100
    correct = (logits.argmax(-1) == labels) & chosen
    return int(correct.sum()), int(chosen.sum())


# --- model -------------------------------------------------------------------------------

def build_model(cfg: PretrainConfig, vocab_size: int):
    """A small BertForPreTraining: token + position + segment embeddings → N encoder layers
    (post-LN, as BERT) → MLM head tied to the token embeddings, and the NSP head
    Linear(hidden, 2) on the pooled [CLS] vector."""
    import torch
    from transformers import BertConfig, BertForPreTraining

    from core.bert.models import quiet_transformers

    quiet_transformers()
    torch.manual_seed(cfg.seed)
    bc = BertConfig(vocab_size=vocab_size, hidden_size=cfg.d_model, num_hidden_layers=cfg.layers,
                    num_attention_heads=cfg.heads, intermediate_size=4 * cfg.d_model,
                    max_position_embeddings=max(128, 2 * cfg.max_len), type_vocab_size=2, pad_token_id=0)
    return BertForPreTraining(bc)


def as_loaded(result: PretrainResult, source: str = "mini-BERT (session)"):
    """The session's model as a core.bert.models.LoadedModel, for core.bert.fill_mask / mlm."""
    from core.bert.models import LoadedModel

    return LoadedModel(result.model, result.tokenizer, source, source, "masked_lm",
                       has_nsp=bool(result.config.nsp and result.steps))


def _probe(result: PretrainResult, step: int, top_k: int = 5) -> None:
    from core.bert import fill_mask as fm

    model = result.model
    was_training = model.training
    model.eval()
    try:
        out = fm.fill_mask(as_loaded(result), result.config.probe, top_k=top_k)
        result.snapshots.append({"step": step, "predictions": [[t, round(p, 4)] for t, p in out.masks[0].candidates]})
    finally:
        model.train(was_training)


def _val_accuracy(model, val_batches) -> tuple[float, float | None]:
    """(masked-token accuracy, NSP accuracy or None) on the fixed validation batches."""
    import torch

    was_training = model.training
    model.eval()
    correct = chosen = nsp_ok = nsp_n = 0
    with torch.inference_mode():
        for batch in val_batches:
            _, _, logits, nsp_logits = losses(model, batch)
            c, n = _masked_stats(logits.cpu(), batch["labels"])
            correct, chosen = correct + c, chosen + n
            if nsp_logits is not None:
                nsp_ok += int((nsp_logits.argmax(-1).cpu() == batch["next_sentence_label"]).sum())
                nsp_n += len(batch["next_sentence_label"])
    model.train(was_training)
    return correct / max(1, chosen), (nsp_ok / nsp_n if nsp_n else None)


# --- training ----------------------------------------------------------------------------

def pretrain(text: str | None = None, cfg: PretrainConfig | None = None, *, text_name: str | None = None,
             on_progress: Callable[[int, int, dict], None] | None = None,
             should_stop: Callable[[], bool] | None = None, state: dict | None = None) -> PretrainResult:
    """Learn a WordPiece vocabulary from ``text`` (default: builtin_text()), then train a
    mini-BERT on L_MLM until ``cfg.seconds`` / ``cfg.max_steps`` / ``should_stop()``.

    ``state`` (a dict) receives ``state["result"]`` at once and is updated every step, so a page
    interrupted mid-run can still finish() the partial model. Raises TrainingDiverged on NaN/inf."""
    import torch

    from core import device
    from core.bert import fill_mask as fm

    cfg = cfg or PretrainConfig()
    cfg.check()
    if fm.MASK not in fm.normalize_masks(cfg.probe or ""):
        raise InvalidInput("観察する文に [MASK] がありません。例: 父は昼に[MASK]を食べた。",
                           en="The sentence to watch has no [MASK]. Example: 父は昼に[MASK]を食べた。")
    if text is None:
        text, text_name = builtin_text(), text_name or BUILTIN_NAME
    sents, notes = sentences_of(text)
    words = wp.pretokenize(sents)
    vocab = wp.train_vocab(words, cfg.vocab_size)
    pieces = [ids[:cfg.max_len - 2] for ids in wp.encode_words(vocab, words) if ids]  # in the text's order
    rng = random.Random(cfg.seed)
    n_val = max(2, min(512, int(len(pieces) * cfg.val_fraction)))
    mask_id, pool = vocab.index("[MASK]"), list(range(len(wp.SPECIALS), len(vocab)))
    val_rng = random.Random(cfg.seed + 1)  # the same corruption (and the same pairs) at every check
    if cfg.nsp:  # A = s_i from the first 90 % of the sentences for training, the last 10 % for validation
        train = list(range(len(pieces) - n_val - 1))
        val = nsp.pairs(pieces, range(len(pieces) - n_val, len(pieces) - 1), val_rng, 2 * cfg.max_len)
    else:
        seqs = [[nsp.CLS_ID, *ids, nsp.SEP_ID] for ids in pieces]
        rng.shuffle(seqs)
        train, val = seqs[:-n_val], seqs[-n_val:]
    val_batches = [make_batch(val[i:i + 64], val_rng, mask_id=mask_id, pool=pool) for i in range(0, len(val), 64)]
    dev = device.get_device()
    model = build_model(cfg, len(vocab)).to(dev)
    model.train()
    res = PretrainResult(model, wp.load(vocab), vocab, cfg, text_name or "テキスト (text)", len(sents), notes=notes)
    if cfg.nsp:
        res.pair_examples = nsp.examples(sents, 6, cfg.seed)
    if state is not None:
        state.update(result=res, val_batches=val_batches)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=0.01)
    warmup = min(50, max(1, cfg.max_steps // 10))  # linear warm-up steps
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warmup))
    _probe(res, 0)
    t0 = time.perf_counter()
    with device.cpu_threads(1, dev):
        while res.steps < cfg.max_steps:
            elapsed = time.perf_counter() - t0
            if (cfg.seconds is not None and elapsed >= cfg.seconds) or (should_stop is not None and should_stop()):
                res.stopped = cfg.seconds is None or elapsed < cfg.seconds
                break
            chosen = rng.sample(train, min(cfg.batch_size, len(train)))
            if cfg.nsp:
                chosen = nsp.pairs(pieces, chosen, rng, 2 * cfg.max_len)
            batch = make_batch(chosen, rng, mask_id=mask_id, pool=pool)
            l_mlm, l_nsp, logits, nsp_logits = losses(model, batch)
            loss = l_mlm if l_nsp is None else l_mlm + l_nsp  # L = L_MLM + L_NSP
            if not torch.isfinite(loss):
                raise TrainingDiverged(
                    f"ステップ {res.steps + 1} で損失が {loss.item()} になりました（発散, diverged）。"
                    f"学習率 {cfg.lr:g} が大きすぎます。1e-3 や 5e-4 に下げてやり直してください。",
                    en=f"At step {res.steps + 1} the loss became {loss.item()} (diverged). "
                       f"The learning rate {cfg.lr:g} is too large. Lower it to 1e-3 or 5e-4 and try again.")
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            res.steps += 1
            res.train_tokens += int(batch["attention_mask"].sum())
            res.seconds = time.perf_counter() - t0
            c, n = _masked_stats(logits.detach().cpu(), batch["labels"])
            row = {"step": res.steps, "mlm_loss": float(l_mlm.detach()), "masked_acc": c / max(1, n)}
            if l_nsp is not None:
                row["nsp_loss"] = float(l_nsp.detach())
                row["nsp_acc"] = float((nsp_logits.detach().argmax(-1).cpu() == batch["next_sentence_label"])
                                       .float().mean())
            if res.steps % cfg.eval_every == 0:
                res.val_masked_accuracy, res.val_nsp_accuracy = _val_accuracy(model, val_batches)
                row["val_acc"] = res.val_masked_accuracy
                if res.val_nsp_accuracy is not None:
                    row["val_nsp_acc"] = res.val_nsp_accuracy
                _probe(res, res.steps)
            res.history.append(row)
            if on_progress is not None:
                total = cfg.max_steps if cfg.seconds is None else \
                    min(cfg.max_steps, max(res.steps, int(res.steps * cfg.seconds / max(res.seconds, 1e-6))))
                on_progress(res.steps, total, {k: v for k, v in row.items() if k != "step"})
    res.seconds = time.perf_counter() - t0
    return finish(res, val_batches)


def finish(res: PretrainResult, val_batches=None) -> PretrainResult:
    """Final validation accuracy and fill-mask snapshot; the model on the CPU in eval mode."""
    if val_batches is not None and res.steps:
        res.val_masked_accuracy, res.val_nsp_accuracy = _val_accuracy(res.model, val_batches)
    if not res.snapshots or res.snapshots[-1]["step"] != res.steps:
        _probe(res, res.steps)
    res.model.to("cpu")
    res.model.eval()
    return res
