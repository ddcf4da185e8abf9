"""Where the classroom keeps its state: two stores with one small interface (issue 25).

- ``MemoryStore``: a dict in this process (the embedded default: laptop, Community Cloud, one
  ``streamlit run``). Every method takes one lock.
- ``RedisStore``: a Redis (or Valkey) server named by ``PLAYGROUND_REDIS_URL`` — any number of
  app processes share the classes. Read-modify-writes are optimistic transactions
  (WATCH/MULTI) or one Lua script, so two processes never lose each other's update.

Values are JSON (the memory store keeps the same JSON text, so both behave alike: e.g. a dict's
keys come back as strings). Every key has a time to live: nothing a class leaves behind stays.
``core.classroom.Classrooms`` holds the classroom's rules and speaks only this interface.

Faults: a Redis that cannot be reached raises ``StoreUnavailable`` (Japanese + English text, the
page shows it and tries again on its next poll: it recovers when Redis returns); a malformed
URL raises ``InvalidInput``. ``store_from_env()`` falls back to the memory store with a warning
when Redis is unreachable at start, unless ``PLAYGROUND_REDIS_REQUIRED=1`` (several workers:
a private store per process would split the class).
"""
from __future__ import annotations

import json
import logging
import os
import threading
import time
from urllib.parse import urlsplit

from core import InvalidInput, PlaygroundError
from core.i18n import Text

REDIS_URL_ENV = "PLAYGROUND_REDIS_URL"
REDIS_REQUIRED_ENV = "PLAYGROUND_REDIS_REQUIRED"
PREFIX = "pg:cls:"  # every key of the classroom starts with this (one Redis can serve other apps)
KEEP = object()  # ``update``'s fn returns it as the new value: leave the key as it is

log = logging.getLogger("playground.classroom")


class StoreUnavailable(PlaygroundError):
    """The shared class store (Redis) cannot be reached right now."""


def _unavailable(detail: str = "") -> StoreUnavailable:
    return StoreUnavailable(
        "授業の共有データ (Redis) に接続できません。しばらくすると自動で再接続します。"
        "続く場合は管理者に連絡してください。",
        en="The shared class store (Redis) cannot be reached. The app reconnects automatically; "
           "if this goes on, tell the administrator.",
        hint=detail or None)


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _load(raw):
    return None if raw is None else json.loads(raw)


class MemoryStore:
    """The class store of one process (a dict with expiry; ``clock`` in seconds)."""

    def __init__(self, clock=time.time):
        self._clock = clock
        self._lock = threading.RLock()
        self._data: dict[str, object] = {}  # key → JSON text, or dict field → JSON text (a hash)
        self._expires: dict[str, float] = {}
        self._writes = 0
        self.warning: Text | None = None  # set when this store stands in for an unreachable Redis

    # --- plumbing --------------------------------------------------------------------------
    def _live(self, key: str):
        exp = self._expires.get(key)
        if exp is not None and self._clock() >= exp:
            self._data.pop(key, None)
            self._expires.pop(key, None)
        return self._data.get(key)

    def _touch(self, key: str, ttl: float) -> None:
        self._expires[key] = self._clock() + ttl
        self._writes += 1
        if self._writes % 256 == 0:  # forget expired keys now and then: memory stays bounded
            for k in list(self._expires):
                self._live(k)

    # --- values ----------------------------------------------------------------------------
    def get(self, key: str):
        with self._lock:
            return _load(self._live(key))

    def get_many(self, keys: list[str]) -> list:
        with self._lock:
            return [_load(v) if isinstance(v := self._live(k), str) else None for k in keys]

    def put(self, key: str, value, ttl: float, only_new: bool = False) -> bool:
        with self._lock:
            if only_new and self._live(key) is not None:
                return False
            self._data[key] = _dump(value)
            self._touch(key, ttl)
            return True

    def delete(self, *keys: str) -> None:
        with self._lock:
            for k in keys:
                self._data.pop(k, None)
                self._expires.pop(k, None)

    def update(self, key: str, fn, ttl: float):
        """Atomically: ``new, result = fn(old)``; store new (None deletes, KEEP leaves it)."""
        with self._lock:
            new, result = fn(_load(self._live(key)))
            if new is None:
                self.delete(key)
            elif new is not KEEP:
                self._data[key] = _dump(new)
                self._touch(key, ttl)
            return result

    def incr(self, key: str, ttl: float) -> int:
        with self._lock:
            n = int(_load(self._live(key)) or 0) + 1
            self._data[key] = _dump(n)
            self._touch(key, ttl)
            return n

    # --- hashes ----------------------------------------------------------------------------
    def hset(self, key: str, field: str, value, ttl: float) -> None:
        with self._lock:
            h = self._live(key)
            if not isinstance(h, dict):
                h = self._data[key] = {}
            h[str(field)] = _dump(value)
            self._touch(key, ttl)

    def hget(self, key: str, field: str):
        with self._lock:
            h = self._live(key)
            return _load(h.get(str(field))) if isinstance(h, dict) else None

    def hgetall(self, key: str) -> dict:
        with self._lock:
            h = self._live(key)
            return {f: _load(v) for f, v in h.items()} if isinstance(h, dict) else {}

    def hdel(self, key: str, *fields: str) -> None:
        with self._lock:
            h = self._live(key)
            if isinstance(h, dict):
                for f in fields:
                    h.pop(str(f), None)

    def hjoin(self, key: str, field: str, now: float, live_after: float, cap: int, ttl: float) -> bool:
        """Set ``field`` = now in a hash of last-seen times, forgetting entries older than
        ``live_after``; a field that is not live yet is admitted only while fewer than ``cap``
        are live. Returns whether it was admitted."""
        with self._lock:
            h = self._live(key)
            if not isinstance(h, dict):
                h = self._data[key] = {}
            if field not in h or float(json.loads(h[field])) < live_after:  # a new (or returning) follower
                for f in [f for f, v in h.items() if float(json.loads(v)) < live_after]:
                    del h[f]
                if len(h) - (field in h) >= cap:
                    return False
            h[field] = _dump(now)
            self._touch(key, ttl)
            return True


# Lua: the same as MemoryStore.hjoin, in one step on the server (no other process interleaves)
_HJOIN = """
local key, field = KEYS[1], ARGV[1]
local now, after, cap = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local seen = redis.call('HGET', key, field)
if seen and tonumber(seen) >= after then  -- a live follower's poll: no scan
  redis.call('HSET', key, field, ARGV[2])
  redis.call('PEXPIRE', key, ARGV[5])
  return 1
end
local all = redis.call('HGETALL', key)
local live = 0
for i = 1, #all, 2 do
  if tonumber(all[i + 1]) < after then redis.call('HDEL', key, all[i])
  elseif all[i] ~= field then live = live + 1 end
end
if live >= cap then return 0 end
redis.call('HSET', key, field, ARGV[2])
redis.call('PEXPIRE', key, ARGV[5])
return 1
"""


def _ms(ttl: float) -> int:
    return max(1, int(ttl * 1000))


class RedisStore:
    """The class store shared by every process through one Redis server."""

    def __init__(self, url: str):
        import redis

        check_url(url)
        self.url = url
        self.warning: Text | None = None
        self._errors = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
        self._watch_error = redis.exceptions.WatchError
        try:
            self.r = redis.Redis.from_url(url, decode_responses=True, socket_timeout=2.0,
                                          socket_connect_timeout=2.0, health_check_interval=15,
                                          retry_on_timeout=False)
        except ValueError as exc:
            raise _bad_url(url, str(exc)) from None
        self._hjoin = self.r.register_script(_HJOIN)

    def ping(self) -> None:
        self._call(self.r.ping)

    def _call(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except self._errors as exc:
            raise _unavailable(f"{type(exc).__name__}: {exc}") from None

    def get(self, key: str):
        return _load(self._call(self.r.get, key))

    def get_many(self, keys: list[str]) -> list:
        return [_load(v) for v in self._call(self.r.mget, keys)] if keys else []

    def put(self, key: str, value, ttl: float, only_new: bool = False) -> bool:
        return bool(self._call(self.r.set, key, _dump(value), px=_ms(ttl), nx=only_new))

    def delete(self, *keys: str) -> None:
        if keys:
            self._call(self.r.delete, *keys)

    def update(self, key: str, fn, ttl: float):
        def attempt():
            with self.r.pipeline() as p:
                for _ in range(100):
                    try:
                        p.watch(key)
                        new, result = fn(_load(p.get(key)))
                        if new is KEEP:
                            p.unwatch()
                            return result
                        p.multi()
                        if new is None:
                            p.delete(key)
                        else:
                            p.set(key, _dump(new), px=_ms(ttl))
                        p.execute()
                        return result
                    except self._watch_error:
                        continue  # another process changed it meanwhile: read again
            raise _unavailable("too much contention")
        return self._call(attempt)

    def incr(self, key: str, ttl: float) -> int:
        def run():
            p = self.r.pipeline()
            p.incr(key)
            p.pexpire(key, _ms(ttl))
            return int(p.execute()[0])
        return self._call(run)

    def hset(self, key: str, field: str, value, ttl: float) -> None:
        def run():
            p = self.r.pipeline()
            p.hset(key, str(field), _dump(value))
            p.pexpire(key, _ms(ttl))
            p.execute()
        self._call(run)

    def hget(self, key: str, field: str):
        return _load(self._call(self.r.hget, key, str(field)))

    def hgetall(self, key: str) -> dict:
        return {f: _load(v) for f, v in self._call(self.r.hgetall, key).items()}

    def hdel(self, key: str, *fields: str) -> None:
        if fields:
            self._call(self.r.hdel, key, *[str(f) for f in fields])

    def hjoin(self, key: str, field: str, now: float, live_after: float, cap: int, ttl: float) -> bool:
        return bool(self._call(self._hjoin, keys=[key], args=[field, repr(float(now)), repr(float(live_after)),
                                                               int(cap), _ms(ttl)]))


def redact(url: str) -> str:
    """The URL without its password (for logs and messages)."""
    parts = urlsplit(url)
    if parts.password is None and "@" not in parts.netloc:
        return url
    return parts._replace(netloc=f"***@{parts.netloc.rsplit('@', 1)[-1]}").geturl()


def _bad_url(url: str, why: str = "") -> InvalidInput:
    shown = url.split("@")[-1][:80]  # never echo a password
    return InvalidInput(
        f"{REDIS_URL_ENV} の形式が正しくありません（「{shown}」）。例: redis://localhost:6379/0",
        en=f"{REDIS_URL_ENV} is not a valid Redis URL (\"{shown}\"). Example: redis://localhost:6379/0",
        hint=why or None)


def check_url(url: str) -> None:
    """redis://[:password@]host[:port][/db], rediss://… or unix:///path; else InvalidInput."""
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError for a port that is not a number
    except ValueError as exc:
        raise _bad_url(url, str(exc)) from None
    if parts.scheme not in ("redis", "rediss", "unix") or (parts.scheme != "unix" and not parts.hostname) \
            or (parts.scheme == "unix" and not parts.path):
        raise _bad_url(url)
    db = parts.path.strip("/")
    if parts.scheme != "unix" and db and not db.isdigit():
        raise _bad_url(url, "the database must be a number")
    del port


FALLBACK_WARNING = Text("cls.store.fallback")


def store_from_env(clock=time.time):
    """The store the environment asks for: Redis when ``PLAYGROUND_REDIS_URL`` is set, else (or
    when it cannot be reached at start and ``PLAYGROUND_REDIS_REQUIRED`` is not set) memory."""
    url = os.environ.get(REDIS_URL_ENV, "").strip()
    if not url:
        return MemoryStore(clock)
    store = RedisStore(url)  # InvalidInput for a malformed URL: a configuration error, said clearly
    try:
        store.ping()
    except StoreUnavailable as exc:
        if os.environ.get(REDIS_REQUIRED_ENV, "") not in ("", "0"):
            raise
        log.warning("classroom: Redis at %s unreachable (%s); falling back to the in-process store",
                    redact(url), exc.hint)
        mem = MemoryStore(clock)
        mem.warning = FALLBACK_WARNING
        return mem
    return store
