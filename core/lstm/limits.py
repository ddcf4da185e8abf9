"""The recurrent area's own caps (series length, window, gradient-lab steps) and the cell check.

The caps of a training run (epochs, seconds, hidden size, layers, text length, learning rate)
and the checks of its settings are shared by every model: core/limits.py. An administrator can
raise these with environment variables (``PLAYGROUND_RNN_MAX_LENGTH`` …).
"""
from __future__ import annotations

from dataclasses import dataclass

from core import InvalidInput
from core.limits import env_int


@dataclass(frozen=True)
class SeriesLimits:
    max_length: int = env_int("PLAYGROUND_RNN_MAX_LENGTH", 3000)
    max_window: int = env_int("PLAYGROUND_RNN_MAX_WINDOW", 200)
    max_steps: int = 500  # gradient lab sequence length


LIMITS = SeriesLimits()


def check_cell(cell: str, allowed: tuple[str, ...] = ("rnn", "lstm", "gru")) -> str:
    cell = str(cell).strip().lower()
    if cell not in allowed:
        raise InvalidInput(f"セルの種類「{cell}」は使えません。{'・'.join(allowed)} のどれかを選んでください。",
                           en=f"The cell type \"{cell}\" cannot be used. Choose one of {', '.join(allowed)}.")
    return cell
