"""The instructor's liveness, independent of page runs (issue 24).

A class ends when its instructor has been silent for ``PLAYGROUND_CLASS_TIMEOUT`` seconds, and a
page run that trains for five minutes cannot say anything meanwhile. So liveness comes from
outside page runs: one daemon thread per server process (``Keepalive``), started by the page
(pages/common/classroom.py) for its instructor sessions. Core code: no Streamlit here.
"""
from __future__ import annotations

import logging
import threading
import time

from core import PlaygroundError
from core.classroom import Classrooms
from core.classstore import StoreUnavailable

log = logging.getLogger("playground.classroom")

KEEPALIVE_S = 2.0  # how often the thread refreshes its instructors' classes


class Keepalive:
    """Keeps the classes of connected instructors alive, whatever their tab is doing.

    A page run cannot refresh liveness while it is busy (a five-minute training run), so liveness
    comes from outside page runs: one daemon thread per process, every ``interval`` seconds,
    asks ``is_connected(session_id)`` (the page passes Streamlit's runtime check) and calls
    ``Classrooms.alive`` for each instructor session that still is. A session that closed,
    ended its class or lost it is dropped; a store that is down is tried again next tick."""

    def __init__(self, rooms: Classrooms, is_connected, interval: float = KEEPALIVE_S):
        self.rooms, self.is_connected, self.interval = rooms, is_connected, interval
        self._sessions: dict[str, tuple[str, str]] = {}
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def add(self, session_id: str, code: str, token: str) -> None:
        with self._lock:
            self._sessions[session_id] = (code, token)
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="classroom-keepalive", daemon=True)
                self._thread.start()

    def discard(self, session_id: str) -> None:
        with self._lock:
            self._sessions.pop(session_id, None)

    def tick(self) -> None:
        with self._lock:
            items = list(self._sessions.items())
        for sid, (code, token) in items:
            try:
                if not self.is_connected(sid):
                    self.discard(sid)
                    continue
                self.rooms.alive(code, token)
            except StoreUnavailable:
                continue  # Redis down: the next tick tries again
            except PlaygroundError:
                self.discard(sid)  # ended, taken over or forgotten
            except Exception:
                log.exception("classroom: keepalive tick failed")

    def _loop(self) -> None:
        while True:
            time.sleep(self.interval)
            self.tick()
