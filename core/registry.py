"""Which shared models are loaded in this process (shown in the sidebar), and the memory policy.

core.resources records each cached loader here; nothing else writes to it.

Memory policy (issue 14): hub models are loaded on first use (core.resources), and with
``PLAYGROUND_MEMORY_BUDGET_MB`` set, a loader that would push the process's resident memory (RSS)
over the budget first releases the least-recently-used *releasable* models (those registered
with a ``release`` callback: the hub models). A released model loads again on its next use.
Streamlit Community Cloud stops an app that goes over its memory limit for everyone, so there
a budget below the limit is the difference between a slower page and a dead app.
"""
from __future__ import annotations

import ctypes
import functools
import gc
import os
import threading
import time

BUDGET_ENV = "PLAYGROUND_MEMORY_BUDGET_MB"

_lock = threading.RLock()
_loaded: dict[str, dict] = {}


def mark_loaded(name: str, detail: str = "", seconds: float | None = None, *, mb: float | None = None,
                release=None) -> None:
    now = time.time()
    with _lock:
        _loaded[name] = {"name": name, "detail": detail, "seconds": seconds, "at": now, "used": now,
                         "mb": mb, "release": release}


def mark_released(name: str) -> None:
    with _lock:
        _loaded.pop(name, None)


def touch(name: str) -> None:
    """Record a use of ``name`` (least-recently-used order for releasing)."""
    with _lock:
        if name in _loaded:
            _loaded[name]["used"] = time.time()


def loaded() -> list[dict]:
    """[{name, detail, seconds, at, used, mb, releasable}] in loading order."""
    with _lock:
        rows = [{k: v for k, v in e.items() if k != "release"} | {"releasable": e["release"] is not None}
                for e in _loaded.values()]
    return sorted(rows, key=lambda v: v["at"])


def budget_mb() -> float | None:
    value = os.environ.get(BUDGET_ENV, "").strip()
    try:
        return float(value) if value else None
    except ValueError:
        return None


_process = None


def rss_mb() -> float:
    """Resident memory of this process in MB (what a container's memory limit counts). The
    sidebar reads it on every page run: the psutil handle is made once per process."""
    global _process
    import psutil

    if _process is None or _process.pid != os.getpid():  # (a forked child: its own handle)
        _process = psutil.Process()
    return _process.memory_info().rss / 2**20


def rss_split_mb(pid: int | None = None) -> list[float]:
    """[RssFile, RssAnon] of a process (this one by default) in MB, from Linux's /proc: mapped
    files (dictionaries, model files, libraries) vs the heap — which of the two a step in RSS
    is. [] where /proc does not say."""
    try:
        with open(f"/proc/{pid or os.getpid()}/status", encoding="ascii") as fh:
            fields = dict(line.split(":", 1) for line in fh)
        return [round(int(fields[k].split()[0]) / 1024, 1) for k in ("RssFile", "RssAnon")]
    except (OSError, KeyError, ValueError):
        return []


def _trim() -> None:
    """Give freed memory back to the OS (glibc keeps small freed blocks otherwise). The released
    model was frozen out of the collector's sight (see ``track``): unfreeze, collect, freeze."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    trim_heap()


def trim_heap() -> None:
    """Hand the C heap's free pages back to the OS (glibc ``malloc_trim``). A training run frees
    its tensors into glibc's arenas, which keep the pages: a mini-BERT pre-training left ≈ 110 MB
    of such free memory resident (404 → 288 MB RssAnon after a trim, 2026-12-07), and over a
    long class those pages add up as RSS growth. core.device calls this after every heavy job.
    Releases the GIL (ctypes) and takes a few milliseconds."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)


@functools.cache
def _glibc():
    """glibc's malloc controls (``malloc_trim``, ``mallopt``), loaded once; None elsewhere
    (macOS, musl): there is nothing to tune there."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None
    except OSError:
        return None


ARENAS_ENV = "MALLOC_ARENA_MAX"  # glibc's own setting; read by glibc when the process starts
ARENAS = 2
M_ARENA_MAX = -8  # glibc's malloc.h
_arenas_limited = False


def limit_arenas(n: int = ARENAS) -> bool:
    """Cap glibc's malloc arenas at ``n`` for the threads this process starts from now on. glibc
    gives threads arenas of their own (up to 8 per core) and keeps each arena's freed pages;
    Streamlit runs every page run in a thread, so over a class the free space scattered over
    16 arenas grew (the soak: 306 → 506 MB of arena for 215–235 MB in use, issue 24). Called
    first thing in app.py (a ``streamlit run`` has no earlier hook; the few arenas made before
    it stay). An operator's own ``MALLOC_ARENA_MAX`` is left alone. True when set here."""
    global _arenas_limited
    if _arenas_limited or os.environ.get(ARENAS_ENV):
        return False
    _arenas_limited = True
    libc = _glibc()
    return libc is not None and bool(libc.mallopt(M_ARENA_MAX, n))


def make_room(need_mb: float = 0.0) -> list[str]:
    """Release least-recently-used releasable models until RSS + ``need_mb`` fits the budget
    (no budget: nothing happens). Returns the names released, oldest use first."""
    budget = budget_mb()
    released: list[str] = []
    if budget is None:
        return released
    with _lock:
        while rss_mb() + need_mb > budget:
            candidates = sorted((e for e in _loaded.values() if e["release"] is not None), key=lambda e: e["used"])
            if not candidates:
                break
            victim = candidates[0]
            _loaded.pop(victim["name"], None)
            victim["release"]()
            _trim()
            released.append(victim["name"])
    return released


def track(name: str, detail: str, fn, *args, need_mb: float = 0.0, release=None, **kwargs):
    """Load ``fn(*args, **kwargs)`` and record it: time, RSS growth, and (when ``release`` is
    given) make room under the budget first and allow releasing it later."""
    if release is not None:
        make_room(need_mb)
    before = rss_mb()
    t0 = time.perf_counter()
    value = fn(*args, **kwargs)
    mark_loaded(name, detail, time.perf_counter() - t0, mb=max(0.0, rss_mb() - before), release=release)
    # What is in memory now (the model, the libraries it imported) stays for the process's life:
    # move it out of the cyclic GC's full collections. Unfrozen, one full collection walks all of
    # torch / gensim / the vectors' objects (0.1-1.7 s holding the one GIL, measured with 40
    # classroom followers), and with many sessions it runs every few seconds.
    # Collect first: a lazy load runs inside some session's page run, and whatever cyclic garbage
    # the sessions left at that moment would otherwise be frozen too, never to be collected
    # (issue 24's soak). One full collection per model load costs far less than the load.
    gc.collect()
    gc.freeze()
    return value
