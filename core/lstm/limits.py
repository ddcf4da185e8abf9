"""Per-session limits for a classroom (40 students share one server) and input validation.

Each training run a session starts is checked against these caps; the page shows them on its
widgets. An administrator can raise them with environment variables
(``PLAYGROUND_RNN_MAX_EPOCHS`` …). Bad values raise InvalidInput with a Japanese message that
says what to do.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass

from core import InvalidInput, term_en


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class Limits:
    max_epochs: int = _env_int("PLAYGROUND_RNN_MAX_EPOCHS", 300)
    max_hidden: int = _env_int("PLAYGROUND_RNN_MAX_HIDDEN", 256)
    max_layers: int = _env_int("PLAYGROUND_RNN_MAX_LAYERS", 3)
    max_length: int = _env_int("PLAYGROUND_RNN_MAX_LENGTH", 3000)
    max_window: int = _env_int("PLAYGROUND_RNN_MAX_WINDOW", 200)
    max_text_chars: int = _env_int("PLAYGROUND_RNN_MAX_TEXT", 20000)
    max_seconds: float = float(_env_int("PLAYGROUND_RNN_MAX_SECONDS", 120))
    max_lr: float = 100.0
    max_steps: int = 500  # gradient lab sequence length


LIMITS = Limits()


def check_cell(cell: str, allowed: tuple[str, ...] = ("rnn", "lstm", "gru")) -> str:
    cell = str(cell).strip().lower()
    if cell not in allowed:
        raise InvalidInput(f"セルの種類「{cell}」は使えません。{'・'.join(allowed)} のどれかを選んでください。",
                           en=f"The cell type \"{cell}\" cannot be used. Choose one of {', '.join(allowed)}.")
    return cell


def check_int(value, name: str, lo: int, hi: int, what_next: str = "") -> int:
    try:
        v = int(value)
    except (TypeError, ValueError):
        raise InvalidInput(f"{name}は整数で指定してください（{lo}〜{hi}）。",
                           en=f"Give {term_en(name)} as an integer ({lo}–{hi}).") from None
    if v != value and not (isinstance(value, float) and value.is_integer()):
        raise InvalidInput(f"{name}は整数で指定してください（{lo}〜{hi}）。",
                           en=f"Give {term_en(name)} as an integer ({lo}–{hi}).")
    if v < lo:
        raise InvalidInput(f"{name}が {v} です。{lo} 以上にしてください。{what_next}".strip(),
                           en=f"{term_en(name, cap=True)} is {v}. Use {lo} or more.")
    if v > hi:
        raise InvalidInput(f"{name}が {v:,} です。この教室用サーバーでは {hi:,} までです"
                           f"（40 人で共有しているため）。{what_next}".strip(),
                           en=f"{term_en(name, cap=True)} is {v:,}. This classroom server allows up to {hi:,} "
                              f"(40 people share it).")
    return v


def check_lr(lr) -> float:
    try:
        v = float(lr)
    except (TypeError, ValueError):
        raise InvalidInput("学習率 (learning rate) は数値で指定してください（例: 0.01）。",
                           en="Give the learning rate as a number (e.g. 0.01).") from None
    if not math.isfinite(v) or v <= 0:
        raise InvalidInput(f"学習率 (learning rate) が {lr} です。0 では重みが変わらず学習が進みません。"
                           "0.001〜0.05 くらいの正の値にしてください。",
                           en=f"The learning rate is {lr}. With 0 the weights never change and nothing is learnt. "
                              "Use a positive value around 0.001–0.05.")
    if v > LIMITS.max_lr:
        raise InvalidInput(f"学習率 (learning rate) {v:g} は大きすぎます。{LIMITS.max_lr:g} 以下にしてください"
                           "（ふつうは 0.001〜0.05）。",
                           en=f"The learning rate {v:g} is too large. Use {LIMITS.max_lr:g} or less "
                              "(usually 0.001–0.05).")
    return v


def check_clip(clip) -> float | None:
    """Clipping threshold V; None or 0 switches clipping off."""
    if clip is None:
        return None
    try:
        v = float(clip)
    except (TypeError, ValueError):
        raise InvalidInput("クリッピングの閾値 V は数値で指定してください（例: 1.0、0 でなし）。",
                           en="Give the clipping threshold V as a number (e.g. 1.0; 0 for none).") from None
    if not math.isfinite(v) or v < 0:
        raise InvalidInput(f"クリッピングの閾値 V が {clip} です。0 以上にしてください（0 でクリッピングなし）。",
                           en=f"The clipping threshold V is {clip}. Use 0 or more (0 = no clipping).")
    return v or None


def check_seconds(seconds) -> float:
    """A wall-clock training budget in seconds (> 0)."""
    try:
        s = float(seconds)
    except (TypeError, ValueError):
        raise InvalidInput("学習時間 (seconds) は正の数値で指定してください（例: 30）。",
                           en="Give the training time as a positive number of seconds (e.g. 30).") from None
    if not math.isfinite(s) or s <= 0:
        raise InvalidInput(f"学習時間 (seconds) が {seconds} です。0 より大きい秒数にしてください。",
                           en=f"The training time is {seconds}. Give a number of seconds greater than 0.")
    return s
