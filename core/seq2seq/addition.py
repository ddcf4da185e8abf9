"""足し算 (addition): the course book's other seq2seq exercise, "16+75" → "91".

Each question is two non-negative integers of 1 … ``digits`` digits joined by "+" (no spaces,
no leading zeros), the answer their sum in decimal. Read character by character, the model
must carry from the *last* digits of the question to the *last* digits of the answer — but it
writes the answer from its first digit. That is why the book reverses the input
("57+61" for "16+75"): the digits that decide the first output characters move closer to the
decoder's start.

Pairs are distinct (no question repeats), so the validation part is never seen in training.
"""
from __future__ import annotations

import random

from core import InvalidInput

MAX_DIGITS = 6


def check_digits(digits: int) -> int:
    if not 1 <= int(digits) <= MAX_DIGITS:
        raise InvalidInput(f"桁数 (--digits) は 1〜{MAX_DIGITS} にしてください（{digits}）。",
                           en=f"The number of digits must be 1–{MAX_DIGITS} ({digits}).")
    return int(digits)


def n_questions(digits: int) -> int:
    """How many distinct questions a+b exist with a, b < 10^digits."""
    return (10 ** digits) ** 2


def generate_addition(n: int, seed: int = 0, digits: int = 3) -> list[tuple[str, str]]:
    """``n`` distinct (question, answer) pairs such as ("16+75", "91"), deterministic for ``seed``.

    The number of digits of each operand is drawn uniformly from 1 … ``digits`` first (so short
    numbers are not drowned by long ones), then the number itself."""
    digits = check_digits(digits)
    if n > n_questions(digits):
        raise InvalidInput(f"{digits} 桁までの足し算は {n_questions(digits):,} 通りしかありません（{n:,} 組は作れません）。",
                           en=f"There are only {n_questions(digits):,} additions of up to {digits} digits ({n:,} requested).")
    rng = random.Random(seed)

    def number() -> int:
        d = rng.randint(1, digits)
        return rng.randint(0 if d == 1 else 10 ** (d - 1), 10 ** d - 1)

    seen: set[tuple[int, int]] = set()
    pairs: list[tuple[str, str]] = []
    while len(pairs) < n:
        a, b = number(), number()
        if (a, b) in seen:
            if len(seen) > 0.9 * n_questions(digits):  # nearly exhausted: take the next free one
                a, b = next((x, y) for x in range(10 ** digits) for y in range(10 ** digits) if (x, y) not in seen)
            else:
                continue
        seen.add((a, b))
        pairs.append((f"{a}+{b}", str(a + b)))
    return pairs
