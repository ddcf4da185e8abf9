"""What a person types on the basics page or the command line → numpy arrays, with Japanese
errors that say what to do next."""
from __future__ import annotations

import math
import re
from typing import Iterable

import numpy as np

from core import InputTooLong, InvalidInput

MAX_VALUES = 100  # logits / probabilities one request may hold (a class shares the server)
MAX_ABS = 1e6  # larger logits are surely a typo; softmax would be a one-hot anyway
SUM_TOL = 1e-3  # 0.333 0.333 0.334 is a distribution; 0.5 0.4 is not

_SPLIT = re.compile(r"[\s,、，]+")


def parse_numbers(values: str | Iterable[str], *, what: str = "ロジット", cap: int = MAX_VALUES,
                  min_count: int = 1) -> np.ndarray:
    """``"6, 4"`` or ``["6", "4"]`` → array([6., 4.]). Commas (also 、 and ，) and spaces separate.

    Raises InvalidInput for empty or non-numeric input or inf/nan, InputTooLong above ``cap``.
    """
    if isinstance(values, str):
        parts = [p for p in _SPLIT.split(values.strip()) if p]
    else:
        parts = [p for v in values for p in _SPLIT.split(str(v).strip()) if p]
    if len(parts) < min_count:
        raise InvalidInput(f"{what}が入っていません。数を {min_count} 個以上、カンマか空白で区切って入力してください"
                           f"（例: 6, 4）。",
                           en=f"The {what} field is empty. Enter at least {min_count} numbers separated by commas or spaces "
                              f"(e.g. 6, 4).")
    if len(parts) > cap:
        raise InputTooLong(f"{what}が {len(parts):,} 個あります。ここでは {cap} 個までです。"
                           f"数を減らしてからもう一度試してください。",
                           en=f"The {what} field has {len(parts):,} values; at most {cap} are allowed here. "
                              f"Use fewer numbers and try again.")
    out = []
    for p in parts:
        try:
            v = float(p)
        except ValueError:
            raise InvalidInput(f"「{p[:20]}」は数ではありません。{what}は 6, 4 のように数で入力してください。",
                               en=f"\"{p[:20]}\" is not a number. Enter the {what} as numbers, like 6, 4.") from None
        if not math.isfinite(v):
            raise InvalidInput(f"「{p[:20]}」は有限の数ではありません。普通の数（例: 2.5）を入力してください。",
                               en=f"\"{p[:20]}\" is not a finite number. Enter an ordinary number (e.g. 2.5).")
        if abs(v) > MAX_ABS:
            raise InvalidInput(f"{p[:20]} は大きすぎます。{what}は ±{MAX_ABS:,.0f} 以内にしてください。",
                               en=f"{p[:20]} is too large. Keep the {what} within ±{MAX_ABS:,.0f}.")
        out.append(v)
    return np.asarray(out, dtype=np.float64)


def check_distribution(p: np.ndarray, *, what: str = "確率") -> np.ndarray:
    """p must be non-negative and sum to 1 (within ``SUM_TOL``); returns p renormalised exactly."""
    p = np.asarray(p, dtype=np.float64)
    if (p < 0).any():
        raise InvalidInput(f"{what}に負の値があります。{what}は 0 以上の数にしてください。",
                           en=f"The {what} field has a negative value. Use numbers of 0 or more.")
    total = float(p.sum())
    if abs(total - 1.0) > SUM_TOL:
        raise InvalidInput(f"{what}の合計が {total:.4g} です。合計が 1 になるように直してください"
                           f"（例: 0.5 0.5、0.25 0.25 0.25 0.25）。",
                           en=f"The {what} add up to {total:.4g}. Change them so they add up to 1 "
                              f"(e.g. 0.5 0.5, 0.25 0.25 0.25 0.25).")
    return p / total


def check_positive(value: float, name: str, lo: float, hi: float) -> float:
    """A finite number in (lo, hi]; InvalidInput otherwise (name is the Japanese label)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise InvalidInput(f"{name}は数で指定してください（{lo:g} より大きく {hi:g} 以下）。",
                           en=f"Give {name} as a number (greater than {lo:g}, at most {hi:g}).") from None
    if not math.isfinite(v) or v <= lo or v > hi:
        raise InvalidInput(f"{name}が {v:g} です。{lo:g} より大きく {hi:g} 以下にしてください。",
                           en=f"{name} is {v:g}. Use a value greater than {lo:g} and at most {hi:g}.")
    return v
