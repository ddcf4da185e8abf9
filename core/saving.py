"""Saved models on a shared server: a disk quota, a per-session limit, a bounded list.

Every model a student saves (fine-tuned BERTs ≈ 440 MB, mini-BERTs) lives under
``<cache>/trained/<kind>/<name>``. Without bounds each click wrote another folder and every saved
model appeared in every student's list. The operator's settings:

- ``PLAYGROUND_MAX_SAVED_MB`` (default 3000): all of ``<cache>/trained`` together; a save that
  would pass it is refused before a byte is written (the page shows the usage);
- ``PLAYGROUND_MAX_SAVES_PER_SESSION`` (default 2, per kind): folders one session owns;
  re-saving one's own model under its name replaces it (atomically: core.paths.build_into)
  and does not count again;
- ``PLAYGROUND_MAX_LISTED_MODELS`` (default 20, per kind): the newest saved models offered in
  the model lists.

The check and the write run under one lock per process (two clicks cannot both pass the quota);
with several worker processes the quota can be passed by at most one model per other worker.
"""
from __future__ import annotations

import contextlib
import os
import pathlib
import threading
from typing import Iterator

from core import InvalidInput
from core.paths import cache_dir

MAX_SAVED_MB_ENV = "PLAYGROUND_MAX_SAVED_MB"
MAX_SAVES_ENV = "PLAYGROUND_MAX_SAVES_PER_SESSION"
MAX_LISTED_ENV = "PLAYGROUND_MAX_LISTED_MODELS"
DEFAULT_MAX_SAVED_MB = 3000.0
DEFAULT_MAX_SAVES = 2
DEFAULT_MAX_LISTED = 20

_lock = threading.Lock()


class SaveRefused(InvalidInput):
    """A save over the server's quota or the session's limit."""


def _number(env: str, default: float) -> float:
    try:
        value = float(os.environ.get(env, "").strip() or "nan")
    except ValueError:
        return default
    return value if value > 0 else default


def quota_mb() -> float:
    return _number(MAX_SAVED_MB_ENV, DEFAULT_MAX_SAVED_MB)


def max_saves() -> int:
    return int(_number(MAX_SAVES_ENV, DEFAULT_MAX_SAVES))


def max_listed() -> int:
    return int(_number(MAX_LISTED_ENV, DEFAULT_MAX_LISTED))


def root() -> pathlib.Path:
    return cache_dir("trained")


def folder_bytes(path: pathlib.Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for f in files:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(dirpath, f)).st_size
    return total


def used_mb() -> float:
    """Disk used by every saved model (all kinds, half-written builds included)."""
    r = root()
    return folder_bytes(r) / 2**20 if r.is_dir() else 0.0


def usage() -> dict:
    """For the page and the soak benchmark: {"used_mb", "quota_mb"}."""
    return {"used_mb": round(used_mb(), 1), "quota_mb": quota_mb()}


def model_bytes(model) -> int:
    """What saving ``model`` writes (its parameters and buffers in their dtype) + 2 MB for the
    tokenizer and the cards."""
    n = sum(p.numel() * p.element_size() for p in model.parameters())
    n += sum(b.numel() * b.element_size() for b in model.buffers())
    return n + 2 * 2**20


@contextlib.contextmanager
def room_for(need_bytes: int, *, owned: list[pathlib.Path], replacing: pathlib.Path | None) -> Iterator[None]:
    """Hold the save lock while the caller writes, after refusing a save that would pass the
    session's limit (``owned``: the folders of this kind the session already has; replacing one
    of them does not count) or the server's quota (``replacing``'s bytes are given back)."""
    with _lock:
        if replacing is None and len(owned) >= max_saves():
            raise SaveRefused(
                f"このセッションで保存できるモデルは {max_saves()} 個までです（{MAX_SAVES_ENV}）。"
                f"前に保存した名前（{', '.join(p.name for p in owned)}）で保存すると置き換えられます。",
                en=f"A session can save at most {max_saves()} models ({MAX_SAVES_ENV}). "
                   f"Saving under an earlier name ({', '.join(p.name for p in owned)}) replaces that model.")
        freed = folder_bytes(replacing) if replacing is not None and replacing.is_dir() else 0
        after = used_mb() + (need_bytes - freed) / 2**20
        if after > quota_mb():
            raise SaveRefused(
                f"サーバーの保存領域がいっぱいです（使用 {used_mb():,.0f} MB、このモデルで {after:,.0f} MB、"
                f"上限 {quota_mb():,.0f} MB: {MAX_SAVED_MB_ENV}）。先生に古いモデルの整理を頼んでください。",
                en=f"The server's storage for saved models is full (used {used_mb():,.0f} MB, {after:,.0f} MB with "
                   f"this model, limit {quota_mb():,.0f} MB: {MAX_SAVED_MB_ENV}). Ask the teacher to clear old models.")
        yield


def newest(paths: list[pathlib.Path], n: int | None = None) -> list[pathlib.Path]:
    """The ``n`` (default PLAYGROUND_MAX_LISTED_MODELS) most recently saved of ``paths``, in
    name order."""
    n = max_listed() if n is None else n

    def mtime(p: pathlib.Path) -> float:
        try:
            return p.stat().st_mtime
        except OSError:
            return 0.0

    return sorted(sorted(paths, key=mtime, reverse=True)[:n])
