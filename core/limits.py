"""The caps of one training run, and the checks of its settings.

Two sets of caps, because two kinds of operator run the same code:

- ``CLASSROOM``: a server that a class of 40 shares. The pages use it; an administrator can
  raise each cap with an environment variable (``PLAYGROUND_RNN_MAX_EPOCHS`` …). A value above
  a cap is refused with "この教室用サーバーでは N まで".
- ``MACHINE``: the operator's own machine (``python -m core ...``). Its caps are only about what
  the machine can hold (a text of millions of characters, hours of training). The command line
  uses ``CLASSROOM`` only when asked (``--classroom-limits`` or ``PLAYGROUND_CLASSROOM_LIMITS=1``).

Bad values raise InvalidInput with a Japanese message that says what to do.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass

from core import InvalidInput, term_en


def env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class Limits:
    max_epochs: int
    max_seconds: float | None  # the default time budget of one run (None: no budget)
    max_text_chars: int  # training text of a language model
    max_hidden: int  # hidden units of a recurrent layer
    max_layers: int  # stacked recurrent layers
    max_lr: float = 100.0
    shared: bool = True  # a shared classroom server (the messages say why a cap is there)


CLASSROOM = Limits(
    max_epochs=env_int("PLAYGROUND_RNN_MAX_EPOCHS", 300),
    max_seconds=float(env_int("PLAYGROUND_RNN_MAX_SECONDS", 120)),
    max_text_chars=env_int("PLAYGROUND_RNN_MAX_TEXT", 20000),
    max_hidden=env_int("PLAYGROUND_RNN_MAX_HIDDEN", 256),
    max_layers=env_int("PLAYGROUND_RNN_MAX_LAYERS", 3),
)
MACHINE = Limits(max_epochs=100_000, max_seconds=None, max_text_chars=2_000_000, max_hidden=4096, max_layers=8,
                 shared=False)


def cli_limits(classroom: bool = False) -> Limits:
    """The caps of a command-line run: MACHINE, or CLASSROOM when the operator asks for them
    (``--classroom-limits``, or PLAYGROUND_CLASSROOM_LIMITS=1 in the environment)."""
    env = os.environ.get("PLAYGROUND_CLASSROOM_LIMITS", "").strip().lower() in ("1", "true", "yes", "on")
    return CLASSROOM if classroom or env else MACHINE


def too_large(what: str, value, cap, shared: bool = True, what_next: str = "") -> InvalidInput:
    """The error for a value above a cap: on a classroom server, why the cap is there."""
    if shared:
        return InvalidInput(f"{what}が {value:,} です。この教室用サーバーでは {cap:,} までです"
                            f"（40 人で共有しているため）。{what_next}".strip(),
                            en=f"{term_en(what, cap=True)} is {value:,}. This classroom server allows up to {cap:,} "
                               f"(40 people share it).")
    return InvalidInput(f"{what}が {value:,} です。{cap:,} までにしてください（このマシンで扱える大きさ）。"
                        f"{what_next}".strip(),
                        en=f"{term_en(what, cap=True)} is {value:,}. Use at most {cap:,} (what this machine can hold).")


def check_int(value, name: str, lo: int, hi: int, what_next: str = "", *, shared: bool = True) -> int:
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
        raise too_large(name, v, hi, shared, what_next)
    return v


def check_lr(lr, max_lr: float = CLASSROOM.max_lr) -> float:
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
    if v > max_lr:
        raise InvalidInput(f"学習率 (learning rate) {v:g} は大きすぎます。{max_lr:g} 以下にしてください"
                           "（ふつうは 0.001〜0.05）。",
                           en=f"The learning rate {v:g} is too large. Use {max_lr:g} or less "
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


def check_fraction(value, name: str, hi: float = 0.9) -> float:
    """A rate in [0, hi] (dropout p, weight decay λ)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise InvalidInput(f"{name}は 0〜{hi:g} の数値で指定してください。",
                           en=f"Give {term_en(name)} as a number from 0 to {hi:g}.") from None
    if not math.isfinite(v) or not 0.0 <= v <= hi:
        raise InvalidInput(f"{name}が {value} です。0〜{hi:g} にしてください（0 = 使わない）。",
                           en=f"{term_en(name, cap=True)} is {value}. Use 0–{hi:g} (0 = off).")
    return v


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
