"""Push for followers: wake this process's followers of a class as soon as the class changes.

A follower's poll (pages/common/classroom.py, ``st.fragment(run_every=POLL_S)``) sees the
instructor's new state on its next tick: on average POLL_S / 2 after the change, at worst
POLL_S, before the follower's page even starts to run. In a lecture every follower waits that
long, then all of them run their page at once. Here one daemon thread per process reads the
version of each class that has followers in this process every ``interval`` seconds (one store
read per class: ``Classrooms.version``, the same number the poll reads) and, when it changed,
calls ``wake(session_id, fragment_id)`` for each of them. The page passes a function that asks
Streamlit to run that follower's poll fragment now: the very run its next tick would do, just
earlier. The ticks stay (the fallback: a store that is down, a wake that was refused).

It works the same with the in-process store and with Redis: every worker process watches its own
followers (the instructor's publish in another worker reaches them through the shared version).
``wake`` returns False for a session that is gone; it is dropped. Core code: no Streamlit here.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from core import PlaygroundError

log = logging.getLogger(__name__)

WAKE_S = 0.1  # how often the versions are read (a change reaches followers within this)


class Waker:
    """Which follower sessions of this process follow which class, and one thread that wakes
    them when their class's version changes."""

    def __init__(self, rooms, wake: Callable[[str, str], bool], interval: float = WAKE_S):
        self.rooms, self.wake, self.interval = rooms, wake, interval
        self._followers: dict[str, tuple[str, str]] = {}  # session id → (class code, poll fragment id)
        self._versions: dict[str, int | None] = {}  # class code → the version last seen here
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def watch(self, session_id: str, code: str, fragment_id: str, version: int | None) -> None:
        """This session follows ``code`` and polls with ``fragment_id``; it has seen ``version``."""
        with self._lock:
            self._followers[session_id] = (code, fragment_id)
            self._versions.setdefault(code, version)
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="classroom-push", daemon=True)
                self._thread.start()

    def drop(self, session_id: str) -> None:
        with self._lock:
            self._followers.pop(session_id, None)
            live = {c for c, _ in self._followers.values()}
            for code in [c for c in self._versions if c not in live]:
                del self._versions[code]

    def watching(self) -> int:
        with self._lock:
            return len(self._followers)

    def tick(self) -> None:
        """Read each watched class's version once; wake its followers where it changed."""
        with self._lock:
            by_code: dict[str, list[tuple[str, str]]] = {}
            for sid, (code, fid) in self._followers.items():
                by_code.setdefault(code, []).append((sid, fid))
        for code, followers in by_code.items():
            try:
                version = self.rooms.version(code)
            except PlaygroundError:
                continue  # Redis away (or the code became invalid): the polls carry on
            except Exception:
                log.exception("classroom: push tick failed")
                continue
            with self._lock:
                if self._versions.get(code) == version:
                    continue
                self._versions[code] = version
            for sid, fid in followers:
                try:
                    woke = self.wake(sid, fid)
                except Exception:
                    log.exception("classroom: waking a follower failed")
                    woke = True  # keep it: its poll still ticks
                if not woke:
                    self.drop(sid)

    def _loop(self) -> None:
        while True:
            time.sleep(self.interval)
            self.tick()
