"""Fine-tuning BERT for sentence classification (the course's jrte pn.tsv exercise).

Fine-tuning adds a small head on the [CLS] vector and trains everything end to end:

    p(y | x) = softmax(W · h_[CLS] + b),    loss = − log p(y_gold | x)   (cross-entropy)

with AdamW and a linearly decaying learning rate. The model is a fresh copy loaded from the
base checkpoint (the shared cached models are never touched); the result belongs to the caller
(the page keeps it in st.session_state). One loop, two faces: ``on_progress(step, total,
metrics)`` and ``should_stop()`` serve both the page (LiveRun) and the CLI (tqdm).
"""
from __future__ import annotations

import json
import math
import pathlib
import time
from dataclasses import dataclass, field

from core import InvalidInput, TrainingDiverged
from core.i18n import Text
from core.paths import build_into, claim_dir

CPU_MAX_TRAIN = 1000  # examples per run on CPU (a class shares the server)
CPU_MAX_EVAL = 400
GPU_MAX_TRAIN = 20000
MAX_EPOCHS = 10
MAX_LENGTH_CAP = 256
META_FILE = "playground_finetune.json"


@dataclass
class FinetuneConfig:
    epochs: int = 2
    lr: float = 3e-5
    batch_size: int = 16
    max_length: int = 64
    max_train: int | None = None  # None: the device's cap
    max_eval: int | None = None  # dev and test examples used (None: the device's cap on CPU)
    seed: int = 0
    eval_every: int | None = None  # steps between dev evaluations (None: 4 per epoch)
    warmup_ratio: float = 0.1

    def validate(self) -> None:
        if not 1 <= int(self.epochs) <= MAX_EPOCHS:
            raise InvalidInput(f"エポック数 (epochs) は 1〜{MAX_EPOCHS} にしてください。",
                               en=f"The number of epochs must be 1–{MAX_EPOCHS}.")
        if not (0 < float(self.lr) <= 1e-2) or math.isnan(float(self.lr)):
            raise InvalidInput("学習率 (learning rate) は 0 より大きく 0.01 以下にしてください（BERT では 2e-5〜5e-5 が目安）。",
                               en="The learning rate must be greater than 0 and at most 0.01 (2e-5 to 5e-5 is typical for BERT).")
        if not 1 <= int(self.batch_size) <= 128:
            raise InvalidInput("バッチサイズ (batch size) は 1〜128 にしてください。",
                               en="The batch size must be 1–128.")
        if not 8 <= int(self.max_length) <= MAX_LENGTH_CAP:
            raise InvalidInput(f"最大長 (max length) は 8〜{MAX_LENGTH_CAP} トークンにしてください。",
                               en=f"The max length must be 8–{MAX_LENGTH_CAP} tokens.")
        if self.max_train is not None and int(self.max_train) < 2:
            raise InvalidInput("学習に使う文の数 (max train) は 2 以上にしてください。",
                               en="The number of training sentences (max train) must be at least 2.")


@dataclass
class FinetuneResult:
    loaded: object  # core.bert.models.LoadedModel (kind "classifier"), owned by the caller
    base: str
    labels: list[str]
    history: list[dict]  # per step: step, epoch, loss, (dev_acc)
    test_accuracy: float
    macro_f1: float
    per_class: list[dict]  # label, precision, recall, f1, support
    confusion: list[list[int]]  # rows = gold, columns = predicted (order of ``labels``)
    mistakes: list[dict]  # text, gold, predicted, confidence (most confident first)
    train_examples: int
    test_examples: int
    seconds: float
    stopped: bool = False
    notes: list[str] = field(default_factory=list)
    config: dict = field(default_factory=dict)

    @property
    def loss_first(self) -> float | None:
        return self.history[0]["loss"] if self.history else None

    @property
    def loss_last(self) -> float | None:
        return self.history[-1]["loss"] if self.history else None

    def summary(self) -> dict:
        """The CLI's JSON (issue #7 contract) plus a few extras."""
        return {"test_accuracy": self.test_accuracy, "macro_f1": self.macro_f1,
                "train_examples": self.train_examples, "seconds": round(self.seconds, 2),
                "loss_first": self.loss_first, "loss_last": self.loss_last,
                "test_examples": self.test_examples, "labels": self.labels, "stopped": self.stopped}


def caps(device_type: str) -> tuple[int, int | None]:
    """(max train examples, max dev/test examples) for the device."""
    return (CPU_MAX_TRAIN, CPU_MAX_EVAL) if device_type == "cpu" else (GPU_MAX_TRAIN, None)


def _take(split, n: int | None, seed: int):
    """The first n examples after a seeded shuffle (keeps class balance roughly)."""
    import random

    idx = list(range(len(split.texts)))
    if n is not None and len(idx) > n:
        random.Random(seed).shuffle(idx)
        idx = sorted(idx[:n])
    return [split.texts[i] for i in idx], [split.labels[i] for i in idx]


def encode_all(tok, texts, max_length: int) -> list[list[int]]:
    """Tokenize once (MeCab + WordPiece is the slow part), truncated to max_length."""
    enc = tok(list(texts), truncation=True, max_length=max_length, padding=False)
    return [list(x) for x in enc["input_ids"]]


def _collate(rows: list[list[int]], pad_id: int, device):
    import torch

    n = max(len(r) for r in rows)
    ids = torch.full((len(rows), n), pad_id, dtype=torch.long)
    mask = torch.zeros((len(rows), n), dtype=torch.long)
    for i, r in enumerate(rows):
        ids[i, :len(r)] = torch.tensor(r, dtype=torch.long)
        mask[i, :len(r)] = 1
    return {"input_ids": ids.to(device), "attention_mask": mask.to(device),
            "token_type_ids": torch.zeros_like(ids).to(device)}


def _batches(encoded, labels, batch_size, pad_id, device, order=None):
    import torch

    order = list(range(len(encoded))) if order is None else order
    for start in range(0, len(order), batch_size):
        ids = order[start:start + batch_size]
        yield (_collate([encoded[i] for i in ids], pad_id, device),
               torch.tensor([labels[i] for i in ids], device=device))


def predict_proba(model, tok, texts=None, *, encoded=None, batch_size=32, max_length=64):
    """Class probabilities [n, C] (model in eval mode, no gradients)."""
    import torch

    device = next(model.parameters()).device
    if encoded is None:
        encoded = encode_all(tok, texts, max_length)
    was_training = model.training
    model.eval()
    out = []
    with torch.inference_mode():
        for enc, _ in _batches(encoded, [0] * len(encoded), batch_size, tok.pad_token_id or 0, device):
            out.append(torch.softmax(model(**enc).logits.float(), dim=-1).cpu())
    if was_training:
        model.train()
    return torch.cat(out) if out else torch.zeros(0, model.config.num_labels)


def evaluate(model, tok, texts, labels, label_names, *, encoded=None, batch_size=32, max_length=64,
             n_mistakes=10) -> dict:
    """Accuracy, per-class precision/recall/F1, macro-F1, confusion matrix, confident mistakes."""
    from core.metrics import metrics_from

    probs = predict_proba(model, tok, texts, encoded=encoded, batch_size=batch_size, max_length=max_length)
    pred = probs.argmax(-1).tolist()
    m = metrics_from(labels, pred, label_names)
    wrong = [(float(probs[i, pred[i]]), i) for i in range(len(labels)) if pred[i] != labels[i]]
    wrong.sort(reverse=True)
    mistakes = [{"text": texts[i], "gold": label_names[labels[i]], "predicted": label_names[pred[i]],
                 "confidence": round(c, 4)} for c, i in wrong[:n_mistakes]]
    return {"accuracy": m.accuracy, "macro_f1": m.macro_f1, "per_class": m.per_class,
            "confusion": m.confusion, "mistakes": mistakes}


def finetune(source: str, data, cfg: FinetuneConfig | None = None, *, on_progress=None,
             should_stop=None, state: dict | None = None) -> FinetuneResult:
    """Fine-tune the checkpoint ``source`` on ``data`` (core.bert.data.LabelledData).

    ``state`` (optional dict) is filled as training goes (model, tokenizer, history, …): when
    the caller is interrupted mid-run (a page's Stop reruns the script), it can still turn what
    was trained so far into a result with :func:`result_from_state`."""
    import torch

    from core import device
    from core.bert import models

    cfg = cfg or FinetuneConfig()
    cfg.validate()
    dev = device.get_device()
    max_train_cap, max_eval_cap = caps(dev.type)
    notes: list[str] = []
    n_train = min(int(cfg.max_train or max_train_cap), max_train_cap)
    if cfg.max_train and int(cfg.max_train) > max_train_cap:
        notes.append(Text("bert.ft.note.cap", device=dev.type, n=max_train_cap))
    n_eval = cfg.max_eval if cfg.max_eval is not None else max_eval_cap
    tr_x, tr_y = _take(data.train, n_train, cfg.seed)
    dv_x, dv_y = _take(data.dev, n_eval, cfg.seed)
    te_x, te_y = _take(data.test, n_eval, cfg.seed)
    if len(tr_x) < 2:
        raise InvalidInput("学習データが少なすぎます（2 文以上必要です）。",
                           en="Too little training data (at least 2 sentences are needed).")
    if len(data.train) > len(tr_x):
        notes.append(Text("bert.ft.note.sample", n=len(tr_x), total=len(data.train), seed=cfg.seed))
    if len(data.test) > len(te_x):
        notes.append(Text("bert.ft.note.eval", n=n_eval))

    torch.manual_seed(cfg.seed)
    labels = list(data.label_names)
    model, tok = models.load_classifier_for_training(source, labels)
    model.train()
    pad_id = tok.pad_token_id or 0
    tr_enc = encode_all(tok, tr_x, cfg.max_length)
    dv_enc = encode_all(tok, dv_x, cfg.max_length) if dv_x else []
    steps_per_epoch = math.ceil(len(tr_x) / cfg.batch_size)
    total = steps_per_epoch * cfg.epochs
    eval_every = cfg.eval_every or max(1, steps_per_epoch // 4)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=0.01)
    warmup = int(total * cfg.warmup_ratio)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / max(1, warmup) if s < warmup else max(0.0, (total - s) / max(1, total - warmup)))
    gen = torch.Generator().manual_seed(cfg.seed)
    history: list[dict] = []
    step = 0
    stopped = False
    t0 = time.perf_counter()
    if state is not None:
        state.update(model=model, tok=tok, labels=labels, history=history, source=source, test=(te_x, te_y),
                     train_examples=len(tr_x), t0=t0, cfg=cfg, notes=notes, total=total)
    for epoch in range(1, cfg.epochs + 1):
        order = torch.randperm(len(tr_x), generator=gen).tolist()
        for enc, y in _batches(tr_enc, tr_y, cfg.batch_size, pad_id, dev, order):
            if should_stop and should_stop():
                stopped = True
                break
            loss = torch.nn.functional.cross_entropy(model(**enc).logits.float(), y)
            if not torch.isfinite(loss):
                raise TrainingDiverged(f"損失が {loss.item()} になりました（発散）。学習率 (learning rate) を下げてください。",
                                       en=f"The loss became {loss.item()} (diverged). Lower the learning rate.")
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            row = {"step": step, "epoch": epoch, "loss": float(loss.item()), "time": time.perf_counter()}
            if dv_x and (step % eval_every == 0 or step == total):
                ev = evaluate(model, tok, dv_x, dv_y, labels, encoded=dv_enc, n_mistakes=0)
                row["dev_acc"] = ev["accuracy"]
            history.append(row)
            if on_progress:
                on_progress(step, total, {k: v for k, v in row.items() if k in ("loss", "dev_acc")})
        if stopped:
            notes.append(Text("bert.ft.note.stopped", step=step, total=total))
            break
    return _result(model, tok, labels, history, source, te_x, te_y, len(tr_x), time.perf_counter() - t0,
                   cfg, notes, stopped)


def _result(model, tok, labels, history, source, te_x, te_y, n_train, seconds, cfg, notes, stopped):
    from core.bert import models

    model.eval()
    model.requires_grad_(False)
    ev = evaluate(model, tok, te_x, te_y, labels, max_length=cfg.max_length)
    loaded = models.LoadedModel(model, tok, f"fine-tuned: {source}", "", "classifier",
                                id2label=dict(enumerate(labels)))
    return FinetuneResult(loaded=loaded, base=source, labels=labels, history=list(history),
                          test_accuracy=ev["accuracy"], macro_f1=ev["macro_f1"], per_class=ev["per_class"],
                          confusion=ev["confusion"], mistakes=ev["mistakes"], train_examples=n_train,
                          test_examples=len(te_x), seconds=seconds, stopped=stopped, notes=list(notes),
                          config={k: getattr(cfg, k) for k in cfg.__dataclass_fields__})


def result_from_state(state: dict) -> FinetuneResult | None:
    """The model of an interrupted run (see ``state`` of :func:`finetune`), evaluated on test."""
    if not state or "model" not in state or not state.get("history"):
        return None
    te_x, te_y = state["test"]
    notes = list(state["notes"]) + [Text("bert.ft.note.stopped", step=len(state["history"]), total=state["total"])]
    seconds = (state["history"][-1].get("time") or time.perf_counter()) - state["t0"]
    return _result(state["model"], state["tok"], state["labels"], state["history"], state["source"], te_x, te_y,
                   state["train_examples"], seconds, state["cfg"], notes, True)


def _owner(path: pathlib.Path) -> str | None:
    try:
        return json.loads((path / META_FILE).read_text(encoding="utf-8")).get("owner")
    except (OSError, ValueError, AttributeError):
        return None


def owned(root, owner: str | None) -> list[pathlib.Path]:
    """The saved models under ``root`` that ``owner`` (a session id) saved."""
    root = pathlib.Path(root)
    if owner is None or not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".") and _owner(p) == owner)


def save(result: FinetuneResult, out_dir, *, owner: str | None = None, replace: bool = True) -> pathlib.Path:
    """Save the fine-tuned model (safetensors + config with id2label + tokenizer files + a JSON
    of the run). The directory loads back with core.bert.models.load_classifier.

    Bounded (core.saving): the server's quota and, for an ``owner`` (the page passes its session's
    id), the session's limit. A save never replaces another's model: when ``out_dir`` is taken,
    the model goes to the first free ``out_dir-2``, ``out_dir-3``, … (the returned path says
    where). ``out_dir`` saved earlier by the same ``owner`` (and ``replace``) is replaced
    atomically: built beside, then swapped in (core.paths.build_into), so a reader never sees a
    half-written model."""
    from core import saving

    out = pathlib.Path(out_dir).expanduser()
    mine = replace and owner is not None and out.is_dir() and _owner(out) == owner
    model = result.loaded.model

    def build(tmp: pathlib.Path) -> None:
        model.save_pretrained(str(tmp), safe_serialization=True)
        result.loaded.tokenizer.save_pretrained(str(tmp))
        meta = {"base": result.base, **result.summary(), "config": result.config,
                "per_class": result.per_class, "confusion": result.confusion, "owner": owner,
                "saved": time.strftime("%Y-%m-%d %H:%M:%S")}
        (tmp / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")

    with saving.room_for(saving.model_bytes(model), owned=owned(out.parent, owner),
                         replacing=out if mine else None):
        if not mine:
            out = claim_dir(out)  # ours now (mkdir is atomic), empty until the swap
        return build_into(out, build, done=META_FILE, replace=True)


def saved_summary(path: pathlib.Path) -> dict:
    """One row about a saved model (for the page's list of models saved on this server)."""
    try:
        meta = json.loads((pathlib.Path(path) / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = {}
    return {"name": pathlib.Path(path).name, "test_accuracy": meta.get("test_accuracy"),
            "labels": " / ".join(meta.get("labels") or []), "base": meta.get("base"), "saved": meta.get("saved")}
