"""Helpers shared by the CLI groups."""
from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any, Callable

from core.i18n import both, t  # noqa: F401  (both: the CLI's help texts, core/i18n/cli.py keys)


def _clean(obj: Any) -> Any:
    """Make numpy/torch scalars and NaN JSON-safe."""
    if isinstance(obj, dict):
        return {str(k): _clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_clean(v) for v in obj]
    if hasattr(obj, "tolist") and not isinstance(obj, (str, bytes)):
        return _clean(obj.tolist())
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj


def emit(result: dict, as_json: bool, human: Callable[[dict], str] | None = None) -> int:
    """Print a result: the JSON object on the last line with --json, else a readable form."""
    if as_json:
        print(json.dumps(_clean(result), ensure_ascii=False))
    else:
        print(human(result) if human else json.dumps(_clean(result), ensure_ascii=False, indent=2))
    return 0


def fail(exc: Exception) -> int:
    message = getattr(exc, "message", str(exc))
    print(f"エラー: {message}", file=sys.stderr)
    hint = getattr(exc, "hint", None)
    if hint:
        print(hint, file=sys.stderr)
    suggestions = getattr(exc, "suggestions", None)
    if suggestions:
        print("候補: " + "、".join(suggestions), file=sys.stderr)
    return 2


def add_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="結果を JSON 1 行で出力（最終行）")


def progress_bar(total: int, desc: str):
    """A tqdm bar on stderr, adapted to core's on_progress(step, total, metrics) callbacks."""
    from tqdm import tqdm

    bar = tqdm(total=total, desc=desc, file=sys.stderr, leave=False, dynamic_ncols=True)

    def on_progress(step: int, total_: int, metrics: dict | None = None) -> None:
        if total_ and bar.total != total_:
            bar.total = total_
        bar.n = step
        if metrics:
            bar.set_postfix({k: (f"{v:.4g}" if isinstance(v, float) else v) for k, v in metrics.items()},
                            refresh=False)
        bar.refresh()

    on_progress.close = bar.close  # type: ignore[attr-defined]
    return on_progress


def epochs_for(epochs: int | None, seconds: float | None, default: int, limits=None) -> int:
    """With a time budget and no epoch count, train until the time is up (at most the cap of
    ``limits``, default the classroom's)."""
    from core.limits import CLASSROOM

    if epochs is not None:
        return epochs
    return (limits or CLASSROOM).max_epochs if seconds is not None else default


def add_lm_options(p: argparse.ArgumentParser) -> None:
    """The regularisation and limits flags of both language-model commands (rnn lm, transformer
    train-lm); left out, each takes its model's default (``lm_overrides``)."""
    p.add_argument("--dropout", type=float, default=None, help="ドロップアウト率 p（0 でなし、default: 0.2）")
    p.add_argument("--weight-decay", type=float, default=None, help="重み減衰 λ（AdamW、0 でなし、default: 0.1）")
    p.add_argument("--patience", type=int, default=None,
                   help="早期終了: 検証損失が下がらないエポックがこれだけ続いたら止める（0 でなし、default: 5）。"
                        "どちらでも検証損失が最小のエポックの重みを残す")
    add_classroom_limits(p)


def lm_overrides(args: argparse.Namespace) -> dict:
    """The regularisation settings given on the command line (the others keep the defaults)."""
    given = {"dropout": args.dropout, "weight_decay": args.weight_decay, "patience": args.patience}
    return {k: v for k, v in given.items() if v is not None}


def add_classroom_limits(p: argparse.ArgumentParser) -> None:
    p.add_argument("--classroom-limits", action="store_true",
                   help="教室用サーバーの上限（ページと同じ: テキスト 20,000 文字まで など）を使う。"
                        "環境変数 PLAYGROUND_CLASSROOM_LIMITS=1 でも同じ。省略時はこのマシンで扱える大きさまで")


def lm_result(run) -> dict:
    """What both language-model commands report: the kept model's validation loss / perplexity
    (val_loss, val_ppl: the best epoch's weights), the best epoch's, the last row's, and the
    unigram baseline (a model without context) on the same validation tokens."""
    import math

    val, last = run.val_loss(), run.last_val_loss
    return {"val_loss": val, "val_ppl": math.exp(min(50.0, val)),
            "best_val_loss": run.best_val_loss if run.best_epoch is not None else None,
            "best_val_ppl": run.best_val_ppl, "best_epoch": run.best_epoch,
            "last_val_loss": last, "last_val_ppl": None if last is None else math.exp(min(50.0, last)),
            "epochs": run.epochs_done, "stopped": run.status, "overfitting": run.overfitting,
            "unigram_ppl": run.unigram_ppl(), "train_tokens": len(run.train_ids), "seconds": round(run.seconds, 3)}


def lm_summary(r: dict) -> str:
    """The human-readable lines of lm_result."""
    best = (f"最良 エポック {r['best_epoch']}: 検証損失 {r['best_val_loss']:.3f}（パープレキシティ {r['best_val_ppl']:.1f}）"
            if r.get("best_epoch") is not None else "")
    last = (f"最後: 検証損失 {r['last_val_loss']:.3f}（パープレキシティ {r['last_val_ppl']:.1f}）"
            if r.get("last_val_loss") is not None else "")
    lines = [best + ("、" if best and last else "") + last,
             f"ユニグラム（文脈なし）のパープレキシティ {r['unigram_ppl']:.1f}"]
    if r.get("overfitting"):
        lines.append("検証損失が上がり始めました = 過学習。最良エポックの重みを残しました。")
    return "\n".join(lines)
