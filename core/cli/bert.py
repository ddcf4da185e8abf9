"""`python -m core bert ...` (issue #7; `baseline` from issue #9 lives in core/cli/bert_baseline.py).

- ``bert fill-mask TEXT [--model ID_OR_DIR] [--top-k K] --json``
  → ``{"masks": [{"position": i, "candidates": [[token, prob], ...]}], "filled": "..."}``
- ``bert sentiment TEXT [--model ID_OR_DIR] --json`` → ``{"label": ..., "scores": {label: prob}}``
- ``bert finetune --data pn.tsv --model ID_OR_DIR [--epochs N] [--max-train N]
  [--labels pos,neg|all] [--save DIR] --json`` → ``{"test_accuracy", "macro_f1",
  "train_examples", "seconds", "loss_first", "loss_last"}``

``--model`` defaults to core.hub's source for the task (env var override, then the default).
"""
from __future__ import annotations

import argparse
import sys

from core.cli import bert_baseline
from core.cli.common import add_json, both, emit, progress_bar
def register(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    bert_baseline.register(sub)

    fm = sub.add_parser("fill-mask", help=both("cli.bert.fill-mask"),
                        description="文の [MASK]（＿＿・［MASK］も可）を BERT で予測します。")
    fm.add_argument("text", help="[MASK] を含む文")
    fm.add_argument("--model", default=None, help="hub の ID またはディレクトリ（既定: core.hub の fill-mask）")
    fm.add_argument("--top-k", type=int, default=5, help="各 [MASK] の候補数（既定 5）")
    add_json(fm)
    fm.set_defaults(handler=_fill_mask)

    se = sub.add_parser("sentiment", help=both("cli.bert.sentiment"),
                        description="1 文の感情（ラベルの確率）を分類します。")
    se.add_argument("text", help="分類する文")
    se.add_argument("--model", default=None, help="hub の ID またはディレクトリ（既定: core.hub の sentiment）")
    add_json(se)
    se.set_defaults(handler=_sentiment)

    ft = sub.add_parser("finetune", help=both("cli.bert.finetune"),
                        description="pn.tsv（または CSV text,label）で BERT をファインチューニングし、test で評価します。")
    ft.add_argument("--data", required=True, help="pn.tsv（5 列 TSV）または CSV text,label")
    ft.add_argument("--model", required=True, help="元のモデル: hub の ID またはディレクトリ")
    ft.add_argument("--epochs", type=int, default=2)
    ft.add_argument("--max-train", type=int, default=None, help="学習に使う文の最大数（CPU では最大 1000）")
    ft.add_argument("--max-eval", type=int, default=None, help="dev / test に使う文の最大数")
    ft.add_argument("--labels", default="pos,neg", help="使うラベル: pos,neg（既定）/ pos,neu,neg / all")
    ft.add_argument("--lr", type=float, default=3e-5, help="学習率（既定 3e-5）")
    ft.add_argument("--batch-size", type=int, default=16)
    ft.add_argument("--max-length", type=int, default=64)
    ft.add_argument("--seed", type=int, default=0)
    ft.add_argument("--save", default=None, help="学習したモデルを保存するディレクトリ（safetensors）")
    add_json(ft)
    ft.set_defaults(handler=_finetune)


def _fill_mask(args: argparse.Namespace) -> int:
    from core import hub
    from core.bert import fill_mask, models

    loaded = models.load_masked_lm(hub.resolve("fill-mask", args.model))
    result = fill_mask.fill_mask(loaded, args.text, top_k=args.top_k)
    for note in result.notes:
        print(note, file=sys.stderr)

    def human(r: dict) -> str:
        lines = [f"穴埋め: {r['filled']}"]
        for m in r["masks"]:
            cands = "  ".join(f"{t} {p:.3f}" for t, p in m["candidates"])
            lines.append(f"  位置 {m['position']}: {cands}")
        return "\n".join(lines)

    return emit(result.as_dict(), args.json, human)


def _sentiment(args: argparse.Namespace) -> int:
    from core import hub
    from core.bert import models, sentiment

    loaded = models.load_classifier(hub.resolve("sentiment", args.model))
    pred = sentiment.classify_one(loaded, args.text)

    def human(r: dict) -> str:
        return f"{r['label']}\n" + "\n".join(f"  {k}: {v:.3f}" for k, v in r["scores"].items())

    return emit(pred.as_dict(), args.json, human)


def _finetune(args: argparse.Namespace) -> int:
    from core.bert import data, finetune

    ds = data.select_labels(data.load_labelled(args.data), args.labels)
    cfg = finetune.FinetuneConfig(epochs=args.epochs, lr=args.lr, batch_size=args.batch_size,
                                  max_length=args.max_length, max_train=args.max_train,
                                  max_eval=args.max_eval, seed=args.seed)
    bar = progress_bar(1, "fine-tuning")
    try:
        result = finetune.finetune(args.model, ds, cfg, on_progress=bar)
    finally:
        bar.close()
    for note in result.notes:
        print(note, file=sys.stderr)
    out = {k: result.summary()[k] for k in ("test_accuracy", "macro_f1", "train_examples", "seconds",
                                           "loss_first", "loss_last")}
    out.update(test_examples=result.test_examples, labels=result.labels)
    if args.save:
        out["saved"] = str(finetune.save(result, args.save))

    def human(r: dict) -> str:
        return (f"test accuracy {r['test_accuracy']:.3f}  macro-F1 {r['macro_f1']:.3f}  "
                f"({r['train_examples']} 文で学習, {r['seconds']:.1f} 秒, loss {r['loss_first']:.3f} → {r['loss_last']:.3f})"
                + (f"\n保存先: {r['saved']}" if r.get("saved") else ""))

    return emit(out, args.json, human)
