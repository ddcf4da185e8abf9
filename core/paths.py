"""Where the app keeps what it builds on disk (converted vectors, demo models, checkpoints).

One root for every area: ``$PLAYGROUND_CACHE_DIR``, else
``~/.cache/nlp-playground``. Each area uses a sub-folder (``cache_dir("seq2seq", "dates")``).
"""
from __future__ import annotations

import os
import pathlib

ENV_VAR = "PLAYGROUND_CACHE_DIR"


def cache_root() -> pathlib.Path:
    value = os.environ.get(ENV_VAR, "").strip()
    if value:
        return pathlib.Path(value).expanduser()
    return pathlib.Path.home() / ".cache" / "nlp-playground"


def cache_dir(*parts: str) -> pathlib.Path:
    """``cache_root()/parts...`` (not created here)."""
    return cache_root().joinpath(*parts)


def claim_dir(out: pathlib.Path) -> pathlib.Path:
    """Create and return ``out``, or the first free ``out-2``, ``out-3``, … (mkdir is atomic:
    two sessions saving the same name at the same moment get two folders)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 1
    while True:
        candidate = out if n == 1 else out.with_name(f"{out.name}-{n}")
        try:
            candidate.mkdir()
            return candidate
        except FileExistsError:
            n += 1
