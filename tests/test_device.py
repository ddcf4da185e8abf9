import os
import pathlib
import threading

import pytest

from core import device
from tests.conftest import wait_until

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_cpu_here_and_dtype_policy(monkeypatch):
    monkeypatch.setenv(device.ENV_VAR, "cpu")
    info = device.info(refresh=True)
    assert info.type == "cpu" and info.torch_device == "cpu"
    assert info.inference_dtype == "float32"
    import torch

    assert device.get_device() == torch.device("cpu")
    assert device.inference_dtype() is torch.float32
    assert device.training_dtype() is torch.float32
    device.info(refresh=True)


def test_unknown_override_falls_back(monkeypatch):
    monkeypatch.setenv(device.ENV_VAR, "cuda:7")
    import torch

    info = device.info(refresh=True)
    expected = "cuda" if torch.cuda.is_available() else "cpu"
    assert info.type == expected or info.type == "mps"
    monkeypatch.delenv(device.ENV_VAR)
    device.info(refresh=True)


def test_heavy_work_serialises_and_reports_waiting():
    order, waited = [], []
    inside = {"a": threading.Event(), "b": threading.Event()}
    leave = {"a": threading.Event(), "b": threading.Event()}

    def worker(name):
        with device.heavy_work(on_wait=lambda: waited.append(name)):
            order.append(f"{name}-in")
            inside[name].set()
            assert leave[name].wait(30)
            order.append(f"{name}-out")

    a = threading.Thread(target=worker, args=("a",))
    a.start()
    assert inside["a"].wait(30)
    assert device.lock_busy()
    b = threading.Thread(target=worker, args=("b",))
    b.start()
    wait_until(lambda: device.waiting_count() == 1, what="b to wait for the lock")
    assert not inside["b"].is_set()  # b waits while a holds the lock
    leave["a"].set()
    leave["b"].set()
    a.join()
    b.join()
    assert order == ["a-in", "a-out", "b-in", "b-out"]
    assert waited == ["b"]
    assert device.waiting_count() == 0 and not device.lock_busy()


def test_heavy_work_is_reentrant():
    with device.heavy_work():
        with device.heavy_work() as waited:
            assert waited == 0.0
    assert not device.lock_busy()


def test_a_heavy_job_gives_its_freed_heap_back_when_it_ends(monkeypatch):
    """glibc keeps a training run's freed pages (≈ 110 MB after a mini-BERT pre-training) unless
    trimmed: every heavy job trims once when it leaves the lane, also when it failed, and a
    nested job does not trim in the middle of the outer one."""
    from core import registry

    trims = []
    monkeypatch.setattr(registry, "trim_heap", lambda: trims.append(1))
    with device.heavy_work():
        with device.heavy_work():
            pass
        assert trims == []
    assert trims == [1]
    with pytest.raises(RuntimeError):
        with device.heavy_work():
            raise RuntimeError("training failed")
    assert trims == [1, 1]


def test_trim_heap_returns_freed_pages_to_the_os():
    """The real call: freed small blocks (what a training run leaves) stop counting as RSS."""
    import platform

    from core import registry

    if platform.libc_ver()[0] != "glibc" or not pathlib.Path("/proc/self/status").exists():
        pytest.skip("not glibc on Linux: nothing to trim")

    def anon_mb() -> float:
        return registry.rss_split_mb()[1]

    blocks = [bytearray(4000) for _ in range(60_000)]  # ≈ 240 MB in small blocks (below mmap's threshold)
    kept = blocks[::16]  # one block in 16 stays in use: the freed ones are holes glibc keeps resident
    del blocks
    before = anon_mb()
    registry.trim_heap()
    assert anon_mb() < before - 100, (before, anon_mb())
    assert len(kept) == 3750


ARENA_PROBE = """
import ctypes, os, sys, tempfile, threading
from core import registry
print(*((registry.limit_arenas(), registry.limit_arenas()) if sys.argv[1] == "limit" else ("-", "-")))
go = threading.Barrier(8)
def work():  # each thread's first malloc while the others hold theirs: glibc gives it an arena
    go.wait()
    blocks = [bytearray(300_000) for _ in range(20)]
    go.wait()
threads = [threading.Thread(target=work) for _ in range(8)]
[t.start() for t in threads]
[t.join() for t in threads]
libc = ctypes.CDLL("libc.so.6")
libc.fopen.restype, libc.fopen.argtypes = ctypes.c_void_p, [ctypes.c_char_p, ctypes.c_char_p]
fd, path = tempfile.mkstemp()
os.close(fd)
fp = libc.fopen(path.encode(), b"w")
libc.malloc_info(0, ctypes.c_void_p(fp))
libc.fclose(ctypes.c_void_p(fp))
print(open(path).read().count("<heap nr="))
os.unlink(path)
"""


@pytest.mark.parametrize("operator_set", [False, True])
def test_limit_arenas_keeps_threads_to_two_malloc_arenas(operator_set):
    """app.py caps glibc's malloc arenas (core.registry.limit_arenas): eight threads allocating at
    once share two arenas instead of taking eight of their own. An operator's MALLOC_ARENA_MAX
    is left alone (the call says False and glibc keeps the operator's value)."""
    import platform
    import subprocess
    import sys

    if platform.libc_ver()[0] != "glibc":
        pytest.skip("not glibc: no arenas to cap")
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    if operator_set:
        env["MALLOC_ARENA_MAX"] = "4"
    runs = {}
    for mode in ("limit", "none"):
        out = subprocess.run([sys.executable, "-c", ARENA_PROBE, mode], cwd=ROOT, env=env, capture_output=True,
                             text=True, timeout=60, check=True).stdout.split()
        runs[mode] = out
    first, again, arenas = runs["limit"]
    assert again == "False"  # once per process
    if operator_set:
        assert first == "False" and int(arenas) <= 4
    else:
        assert first == "True" and int(arenas) <= 2, runs
        assert int(runs["none"][2]) > 2, runs  # without the cap the same threads take more


def test_cpu_threads_nests_overlaps_and_restores():
    import torch

    before = torch.get_num_threads()
    done, entered, go = threading.Event(), threading.Event(), threading.Event()

    def other_session():
        with device.cpu_threads(1):
            entered.set()
            assert go.wait(30)
        done.set()

    with device.cpu_threads(1):
        assert torch.get_num_threads() == 1
        th = threading.Thread(target=other_session)
        th.start()
        assert entered.wait(30)  # the other session's block overlaps this one
        with device.cpu_threads(1):
            assert torch.get_num_threads() == 1
        assert torch.get_num_threads() == 1
    go.set()
    th.join()
    assert done.is_set() and torch.get_num_threads() == before
    with device.cpu_threads(None):
        assert torch.get_num_threads() == before


# --- issue 24: a fair queue with positions, one place per session, a budget per job ----------

def _holder():
    """A thread that holds the heavy lane until told to leave."""
    inside, leave = threading.Event(), threading.Event()

    def run():
        with device.heavy_work(owner="teacher"):
            inside.set()
            assert leave.wait(30)

    th = threading.Thread(target=run)
    th.start()
    assert inside.wait(30)
    return th, leave


def test_heavy_work_is_first_come_first_served_with_positions():
    th, leave = _holder()
    order, seen = [], {}
    go = {}

    def waiter(name):
        seen[name] = []
        with device.heavy_work(owner=name, on_position=lambda n, eta: seen[name].append((n, eta))):
            order.append(name)

    names = ["s1", "s2", "s3"]
    threads = []
    for i, name in enumerate(names):  # they join one after another: s1 first
        go[name] = threading.Thread(target=waiter, args=(name,))
        go[name].start()
        threads.append(go[name])
        wait_until(lambda i=i: device.waiting_count() == i + 1, what=f"{name} in the queue")
    assert [s[0] for s in seen["s3"]][:1] == [3]  # three ahead: the running job and two waiting
    eta = seen["s3"][0][1]
    budget = device.job_budget_s("job")
    assert 2 * budget < eta <= 3 * budget + 1  # the rest of the running budget + two whole ones
    leave.set()
    for t in [th, *threads]:
        t.join(30)
    assert order == names  # FIFO, whatever the scheduler does
    places = [n for n, _ in seen["s3"]]
    assert places == sorted(places, reverse=True) and not device.lock_busy()  # only ever moves up


def test_one_queued_job_per_session():
    th, leave = _holder()
    queued = threading.Event()

    def first():
        with device.heavy_work(owner="student", on_position=lambda n, eta: queued.set()):
            pass

    a = threading.Thread(target=first)
    a.start()
    assert queued.wait(30)
    with pytest.raises(device.QueueFull):
        with device.heavy_work(owner="student"):
            pass
    assert device.waiting_count() == 1  # the refused one never joined
    leave.set()
    a.join(30)
    th.join(30)
    assert not device.lock_busy()


def test_leaving_the_queue_from_the_callback():
    """A rerun request (the student clicks Stop while queued) surfaces in on_position: the
    ticket leaves the line and the lane is not blocked by a ghost."""
    th, leave = _holder()

    class Rerun(BaseException):
        pass

    def bail(n, eta):
        raise Rerun

    with pytest.raises(Rerun):
        with device.heavy_work(owner="s", on_position=bail):
            pass
    assert device.waiting_count() == 0
    leave.set()
    th.join(30)
    assert not device.lock_busy()


def test_job_budget_from_environment(monkeypatch):
    monkeypatch.delenv(device.JOB_SECONDS_ENV, raising=False)
    monkeypatch.delenv("PLAYGROUND_JOB_SECONDS_BERT_FT", raising=False)
    assert device.job_budget_s("bert_ft") == device.KIND_JOB_SECONDS["bert_ft"]
    assert device.job_budget_s("lstm_fc") == device.DEFAULT_JOB_SECONDS
    monkeypatch.setenv(device.JOB_SECONDS_ENV, "60")
    assert device.job_budget_s("bert_ft") == device.job_budget_s("lstm_fc") == 60
    monkeypatch.setenv("PLAYGROUND_JOB_SECONDS_BERT_FT", "20")
    assert device.job_budget_s("bert_ft") == 20 and device.job_budget_s("lstm_fc") == 60
    monkeypatch.setenv(device.JOB_SECONDS_ENV, "nonsense")
    assert device.job_budget_s("lstm_fc") == device.DEFAULT_JOB_SECONDS  # a typo never removes the cap


def test_quick_lane_does_not_wait_behind_heavy_work():
    th, leave = _holder()
    try:
        with device.quick_work(timeout=1):  # heavy lane busy: the quick lane is free
            pass
        held = [threading.Event() for _ in range(device.DEFAULT_QUICK_LANES)]
        out = threading.Event()

        def hold(ev):
            with device.quick_work():
                ev.set()
                assert out.wait(30)

        ts = [threading.Thread(target=hold, args=(ev,)) for ev in held]
        for t_, ev in zip(ts, held):
            t_.start()
            assert ev.wait(30)
        with pytest.raises(device.Busy):  # full: a bounded wait, then "busy, try again"
            with device.quick_work(timeout=0.05):
                pass
        out.set()
        for t_ in ts:
            t_.join(30)
    finally:
        leave.set()
        th.join(30)
