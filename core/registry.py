"""Which shared models are loaded in this process (shown in the sidebar).

core.resources records each cached loader here; nothing else writes to it.
"""
from __future__ import annotations

import threading
import time

_lock = threading.Lock()
_loaded: dict[str, dict] = {}


def mark_loaded(name: str, detail: str = "", seconds: float | None = None) -> None:
    with _lock:
        _loaded[name] = {"name": name, "detail": detail, "seconds": seconds, "at": time.time()}


def mark_released(name: str) -> None:
    with _lock:
        _loaded.pop(name, None)


def loaded() -> list[dict]:
    with _lock:
        return sorted((dict(v) for v in _loaded.values()), key=lambda v: v["at"])
