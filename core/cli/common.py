"""Helpers shared by the CLI groups."""
from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any, Callable


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
