"""Where the app keeps what it builds on disk (converted vectors, demo models, checkpoints).

One root for every area: ``$PLAYGROUND_CACHE_DIR``, else
``~/.cache/nlp-playground``. Each area uses a sub-folder (``cache_dir("seq2seq", "dates")``).
"""
from __future__ import annotations

import os
import pathlib
import shutil
import tempfile
from typing import Callable

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


def build_into(target: pathlib.Path, build: Callable[[pathlib.Path], object], done: str, *,
               replace: bool = False) -> pathlib.Path:
    """Build a cache folder beside ``target`` and move it in at once (``os.replace``): another
    process (a second server, a parallel test) never reads a half-written folder; when two race,
    the first to finish wins. ``done`` names the file a finished build always has; ``replace``
    lets the new build take the place of a finished one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = pathlib.Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        build(tmp)
        if target.exists() and (replace or not (target / done).is_file()) and any(target.iterdir()):
            # a partial older build, or the finished one replaced (an empty folder, e.g. one that
            # claim_dir() reserved, stays: the rename below takes its place in one step, so no
            # other session can claim the name in between)
            shutil.rmtree(target, ignore_errors=True)
        try:
            os.replace(tmp, target)
        except OSError:
            if not (target / done).is_file():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target
