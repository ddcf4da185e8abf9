"""The classroom's stores for its tests: every test that takes ``rooms`` runs against both the
in-process store and a real redis-server (started on a free localhost port, no persistence,
stopped after the session), so the two backends cannot drift."""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
import types

import pytest

from core import classroom
from core.classstore import MemoryStore, RedisStore

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


class Clock:
    def __init__(self):
        self.now = 1_000_000.0

    def __call__(self):
        return self.now


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    """A throwaway redis-server on 127.0.0.1 (no RDB, no AOF); ``stop()``/``start()`` to test faults."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc = None
        self.start()

    def start(self) -> None:
        self.proc = subprocess.Popen([REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1",
                                      "--save", "", "--appendonly", "no", "--daemonize", "no",
                                      "--loglevel", "warning"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        import redis

        client = redis.Redis(port=self.port, socket_connect_timeout=0.5)
        deadline = time.monotonic() + 20
        while True:  # wait until it answers (a state, not a fixed sleep)
            try:
                client.ping()
                return
            except redis.exceptions.ConnectionError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.05)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)
        self.proc = None

    def flush(self) -> None:
        import redis

        redis.Redis(port=self.port).flushall()


@pytest.fixture(scope="session")
def redis_server():
    if not shutil.which("redis-server") and not __import__("os").path.exists(REDIS_SERVER):
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    server = RedisServer()
    yield server
    server.stop()


@pytest.fixture(params=["memory", "redis"])
def backend(request):
    """A fresh store of each kind: ("memory" | "redis", store, redis server or None)."""
    if request.param == "memory":
        return "memory", (lambda clock: MemoryStore(clock)), None
    server = request.getfixturevalue("redis_server")
    if server.proc is None:
        server.start()
    server.flush()
    return "redis", (lambda clock: RedisStore(server.url)), server


@pytest.fixture
def rooms(backend):
    """A Classrooms on a fake clock (``rooms.clock.now += s``), on each backend."""
    clock = Clock()
    r = classroom.Classrooms(store=backend[1](clock), clock=clock)
    r.clock = clock
    r.backend = backend[0]
    return r


@pytest.fixture(params=["memory", "redis"])
def app_rooms(request, monkeypatch):
    """The app's own class registry (core.resources.classrooms) on each store: the page tests
    that take it run once on the in-process store and once on a real Redis."""
    from core import classstore
    from core.resources import classrooms

    server = None
    if request.param == "redis":
        server = request.getfixturevalue("redis_server")
        if server.proc is None:
            server.start()
        server.flush()
        monkeypatch.setenv(classstore.REDIS_URL_ENV, server.url)
    else:
        monkeypatch.delenv(classstore.REDIS_URL_ENV, raising=False)
    classrooms.clear()
    rooms = classrooms()
    assert isinstance(rooms.store, classstore.RedisStore if server else classstore.MemoryStore)
    yield types.SimpleNamespace(rooms=rooms, server=server, kind=request.param)
    classrooms.clear()
