"""Shared test fixtures: AppTest helpers, the pn.tsv location, the browser server fixtures.

Area-specific fixtures (tiny BERT models, vectors, …) live in each area's own conftest or
helper module under tests/.
"""
from __future__ import annotations

import contextlib
import functools
import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@functools.cache
def _scan_installed_components_once() -> None:
    """Every new AppTest scans the metadata of every installed distribution for Streamlit
    components (streamlit.components.v2.manifest_scanner: ~550 files read and parsed, 0.1 s
    of CPU per AppTest, more than a run of most pages). The installed packages do not change
    during a test run: scan once per process (patched on the first app_test, not at start-up)."""
    try:
        from streamlit.components.v2 import manifest_scanner
    except ImportError:  # pragma: no cover - moved in another Streamlit: scan as usual
        return
    manifest_scanner.scan_component_manifests = functools.cache(manifest_scanner.scan_component_manifests)


def app_test(page: str | None = None, *, query: dict | None = None, session: dict | None = None,
             timeout: float = 120):
    """An AppTest of the whole app (app.py with its navigation), switched to ``page``
    (e.g. "word2vec") and run once. ``query`` sets URL query parameters, ``session`` seeds
    st.session_state before the run."""
    from streamlit.testing.v1 import AppTest

    from core.resources import disable_legacy_pages_mode

    _scan_installed_components_once()
    disable_legacy_pages_mode()  # else the process's first switch_page lands on home
    at = AppTest.from_file(APP, default_timeout=timeout)
    for k, v in (query or {}).items():  # also for the first run: the sidebar's bound widgets read it
        at.query_params[k] = v
    if page and page != "home":
        # st.navigation registers the pages on the first run; only then can switch_page find one
        at.run()
        at.switch_page(f"pages/{page}/page.py")
    for k, v in (query or {}).items():
        at.query_params[k] = v
    for k, v in (session or {}).items():
        at.session_state[k] = v
    at.run()
    return at


def assert_no_exception(at) -> None:
    assert not at.exception, [e.value for e in at.exception]
    errors = [e.value for e in at.error]
    assert not any("予期しないエラー" in str(e) for e in errors), errors


def wait_until(predicate, timeout: float = 30.0, what: str = "condition") -> None:
    """Wait for a state another thread brings about (polls ``predicate``; fails after ``timeout``)."""
    import time

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


@pytest.fixture
def stop_after_checks(monkeypatch):
    """``stop_after_checks(n)``: the page's Stop button counts as pressed from LiveRun's
    (n+1)-th ``should_stop`` check on (training stops mid-run, deterministically)."""
    from pages.common import longrun

    def patch(n: int = 3) -> None:
        calls = {"n": 0}

        def should_stop(self):
            calls["n"] += 1
            return calls["n"] > n

        monkeypatch.setattr(longrun.LiveRun, "should_stop", should_stop)

    return patch


@contextlib.contextmanager
def another_user_training():
    """Another session holds the heavy-work lock until a session of this test is queued behind
    it. After the ``with`` block: asserts that one really waited and the lock was released."""
    import threading

    from core import device

    held, saw_waiter, released = threading.Event(), threading.Event(), threading.Event()

    def other_user():
        with device.heavy_work():
            held.set()
            with contextlib.suppress(AssertionError):  # give up after the timeout: asserted below
                wait_until(lambda: device.waiting_count() >= 1, timeout=120, what="a waiting session")
                saw_waiter.set()
        released.set()

    th = threading.Thread(target=other_user)
    th.start()
    assert held.wait(30), "the other user never got the lock"
    yield
    th.join()
    assert saw_waiter.is_set(), "the second session never waited for the lock"
    assert released.is_set()


@pytest.fixture
def one_torch_thread():
    """torch on one thread for the test, restored after it: tiny models on a shared 2-core
    machine run ~7x faster with one intra-op thread than with two (no spin-waiting)."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="session")
def app_server():
    """One `streamlit run app.py` per test process (stkit/server.py), shared by the browser tests
    and the tests that talk to a real server over the WebSocket: each test opens its own
    sessions on it. Warm: its first run is over (the first deep link of a cold server is
    tests/browser/test_shell.py's, on a server of its own)."""
    from stkit.server import Server

    s = Server(warm=True)
    yield s
    s.stop()


@pytest.fixture
def pn_tsv() -> pathlib.Path:
    """The pn.tsv the app itself would find (core.bert.pn.find_pn: $PLAYGROUND_PN_TSV, else
    .cache/data/ or ../shared/data/), or a skip with the reason. Every test that needs the file
    takes this fixture; `PLAYGROUND_PN_TSV=/nonexistent pytest` runs the suite as a fresh clone
    without the data would (the test servers inherit the variable)."""
    from core.bert.pn import find_pn

    path = find_pn()
    if path is None:
        pytest.skip("pn.tsv (jrte-corpus test data, not committed) not found: ../shared/data/pn.tsv, "
                    ".cache/data/pn.tsv or $PLAYGROUND_PN_TSV")
    return path


# --- parallel runs (`pytest -n 2`, pytest-xdist) ---------------------------------------------
# Each test file is one unit of work, so its module fixtures (a Streamlit server, a trained
# model) start once; the files that take longest go first, so the workers end together: the
# browser files, then the files with tests marked slow, then the rest.

def _file_of(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


def _weight(item) -> int:
    if item.nodeid.startswith("tests/browser/"):
        return 0
    return 1 if item.get_closest_marker("slow") else 2


def pytest_collection_modifyitems(config, items):
    if hasattr(config, "workerinput"):  # an xdist worker: this order is the scheduler's queue
        first = {}
        for item in items:
            path = _file_of(item.nodeid)
            first[path] = min(first.get(path, 2), _weight(item))
        items.sort(key=lambda i: first[_file_of(i.nodeid)])  # stable: files stay together


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") not in ("load", "loadfile"):
        return None  # another --dist asked for by name

    from xdist.scheduler import LoadScopeScheduling

    class FileUnits(LoadScopeScheduling):
        """LoadScope with one scope per file, in the workers' (longest-first) order."""

        def _split_scope(self, nodeid: str) -> str:
            return _file_of(nodeid)

    config.option.loadscopereorder = False
    return FileUnits(config, log)
