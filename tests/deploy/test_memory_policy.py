"""core.registry's memory policy: least-recently-used releasable models go first when a load
would push RSS over PLAYGROUND_MEMORY_BUDGET_MB (issue 14)."""
from __future__ import annotations

import numpy as np
import pytest

from core import registry

MB = 2**20


@pytest.fixture
def fresh(monkeypatch):
    monkeypatch.setattr(registry, "_loaded", {})
    return registry


def _load(live: dict, key: str, mb: int):
    def loader():
        return np.ones(mb * MB // 8)  # touched pages: counted in RSS

    live[key] = registry.track(key, "test", loader, need_mb=mb, release=lambda: live.pop(key, None))


def test_without_a_budget_nothing_is_released(fresh, monkeypatch):
    monkeypatch.delenv(registry.BUDGET_ENV, raising=False)
    live: dict = {}
    for k in "abc":
        _load(live, k, 60)
    assert sorted(live) == ["a", "b", "c"]
    assert [r["name"] for r in registry.loaded()] == ["a", "b", "c"]


def test_least_recently_used_goes_first_and_rss_stays_under_the_budget(fresh, monkeypatch):
    live: dict = {}
    monkeypatch.setenv(registry.BUDGET_ENV, str(registry.rss_mb() + 170))
    _load(live, "a", 60)
    _load(live, "b", 60)
    registry.touch("a")  # a was used after b: b is the least recently used
    _load(live, "c", 60)
    assert "b" not in live and {"a", "c"} <= set(live)
    assert registry.rss_mb() <= registry.budget_mb() + 10
    names = {r["name"]: r for r in registry.loaded()}
    assert set(names) == {"a", "c"} and names["c"]["mb"] > 40 and names["c"]["releasable"]


def test_models_without_release_are_never_released(fresh, monkeypatch):
    keep = registry.track("vectors", "test", lambda: np.ones(60 * MB // 8))
    monkeypatch.setenv(registry.BUDGET_ENV, "1")  # impossible budget
    assert registry.make_room(0) == []
    assert [r["name"] for r in registry.loaded()] == ["vectors"] and keep.size


class _Node:
    """An object in a reference cycle: only the cyclic GC can free it."""

    def __init__(self):
        self.me = self


def test_loaded_models_leave_full_collections_and_released_ones_are_still_collected(fresh, monkeypatch):
    import gc
    import weakref

    gc.unfreeze()
    live: dict = {}
    live["m"] = registry.track("m", "test", _Node, release=lambda: live.pop("m", None))
    model = weakref.ref(live["m"])
    assert gc.get_freeze_count() > 0  # frozen: full collections no longer walk it
    monkeypatch.setenv(registry.BUDGET_ENV, "1")  # impossible budget: release everything releasable
    assert registry.make_room(0) == ["m"]
    assert model() is None  # the release unfroze, collected the cycle, and froze again
    assert gc.get_freeze_count() > 0


def test_a_load_does_not_freeze_the_garbage_sessions_left(fresh):
    """A lazy model load runs inside some session's page run; the cyclic garbage left by the
    sessions at that moment must stay collectable, not be frozen with the model (issue 24)."""
    import gc
    import weakref

    gc.unfreeze()
    garbage = _Node()  # in a cycle: only the cyclic collector frees it
    left = weakref.ref(garbage)
    del garbage
    registry.track("m2", "test", _Node)
    gc.collect()
    assert left() is None
