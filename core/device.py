"""Device and dtype policy, and the one process-wide lock for heavy work.

Order: cuda > mps > cpu. ``PLAYGROUND_DEVICE`` (cpu / cuda / cuda:1 / mps) overrides it.
torch is imported lazily so that importing this module stays cheap (the home page and the
``--help`` of the CLI must not pay for torch).
"""
from __future__ import annotations

import contextlib
import os
import threading
import time
from dataclasses import dataclass
from typing import Callable, Iterator

from core import PlaygroundError, registry

ENV_VAR = "PLAYGROUND_DEVICE"

@dataclass(frozen=True)
class DeviceInfo:
    type: str  # "cuda" | "mps" | "cpu"
    name: str  # e.g. "NVIDIA H100 80GB HBM3", "Apple MPS", "CPU (2 threads)"
    torch_device: str  # string accepted by torch.device
    inference_dtype: str  # "float16" | "bfloat16" | "float32"

    def as_dict(self) -> dict:
        return {"type": self.type, "name": self.name, "device": self.torch_device,
                "inference_dtype": self.inference_dtype}


def _choose(torch) -> str:
    wanted = os.environ.get(ENV_VAR, "").strip().lower()
    if wanted:
        if wanted.startswith("cuda") and torch.cuda.is_available():
            return wanted
        if wanted == "mps" and _mps_available(torch):
            return "mps"
        if wanted == "cpu":
            return "cpu"
        # requested device not present: fall through to automatic choice
    if torch.cuda.is_available():
        return "cuda"
    if _mps_available(torch):
        return "mps"
    return "cpu"


def _mps_available(torch) -> bool:
    backend = getattr(torch.backends, "mps", None)
    return bool(backend is not None and backend.is_available())


_cached: DeviceInfo | None = None


def info(refresh: bool = False) -> DeviceInfo:
    """Describe the device the app computes on (imports torch on first call)."""
    global _cached
    if _cached is not None and not refresh:
        return _cached
    import torch

    dev = _choose(torch)
    if dev.startswith("cuda"):
        idx = torch.device(dev).index or 0
        name = torch.cuda.get_device_name(idx)
        dtype = "float16"  # fp16 inference on CUDA (BERT, Marian); training stays fp32
        kind = "cuda"
    elif dev == "mps":
        name, dtype, kind = "Apple MPS", "float32", "mps"
    else:
        name, dtype, kind = f"CPU ({torch.get_num_threads()} threads)", "float32", "cpu"
    _cached = DeviceInfo(type=kind, name=name, torch_device=dev, inference_dtype=dtype)
    return _cached


def get_device():
    """The torch.device to compute on."""
    import torch

    return torch.device(info().torch_device)


def inference_dtype():
    """dtype for inference of pretrained models: fp16 on CUDA, fp32 elsewhere."""
    import torch

    return getattr(torch, info().inference_dtype)


def training_dtype():
    """Training always runs in fp32 (small models; numerically simpler for teaching)."""
    import torch

    return torch.float32


# --- heavy work: one fair FIFO queue, a time budget per job ----------------------------------
# Training, fine-tuning and projections share one "heavy" lane: one job at a time, served in
# the order they asked (FIFO), each session holding at most one place in the queue. Every job
# has a time budget (the page's loop stops there, like Stop, keeping the partial model), so the
# wait of the n-th in line is bounded by the budgets of those ahead. Short interactive views
# (attention of a BERT, translation) use the separate quick lane below and never queue
# behind training.

JOB_SECONDS_ENV = "PLAYGROUND_JOB_SECONDS"  # every kind's budget (seconds), unless …
JOB_SECONDS_KIND_ENV = "PLAYGROUND_JOB_SECONDS_{KIND}"  # … one kind's own, e.g. _BERT_FT
DEFAULT_JOB_SECONDS = 180.0
# per-kind defaults, keyed by the LiveRun key's prefix: each is a little above the page's own
# longest run (mini-BERT pre-training 300 s, seq2seq 240 s), BERT fine-tuning had none at all
KIND_JOB_SECONDS = {"bert_ft": 300.0, "bert_pt": 330.0, "s2s": 270.0}


class QueueFull(PlaygroundError):
    """This session already holds a place in the heavy-work queue (one per session)."""

    def __init__(self):
        super().__init__("あなたの重い処理がすでに順番待ち（または実行中）です。終わるか停止してから、もう一度始めてください。",
                         en="A heavy job of yours is already queued (or running). Wait for it or stop it, then start again.")


def job_budget_s(kind: str = "job") -> float:
    """The time budget of a heavy job of ``kind`` (seconds): ``PLAYGROUND_JOB_SECONDS_<KIND>``,
    else ``PLAYGROUND_JOB_SECONDS``, else the kind's default. Unparsable or non-positive
    values fall back to the default (an operator's typo never removes the cap)."""
    kind = (kind or "job").strip()
    default = next((v for k, v in KIND_JOB_SECONDS.items() if kind == k or kind.startswith(k + "_")),
                   DEFAULT_JOB_SECONDS)
    for env in (JOB_SECONDS_KIND_ENV.format(KIND=kind.upper()), JOB_SECONDS_ENV):
        try:
            value = float(os.environ.get(env, "").strip() or "nan")
        except ValueError:
            continue
        if value > 0:
            return value
    return default


@dataclass
class Ticket:
    """One place in the heavy-work queue."""
    owner: str | None  # the session (one place per session), None = not limited (CLI, tests)
    kind: str
    budget_s: float
    thread: int
    asked: float  # time.monotonic() when it joined the queue
    started: float | None = None  # when it got the lane


class _FairQueue:
    """FIFO of tickets; the head runs. A condition variable wakes the waiters on each change."""

    def __init__(self):
        self.cond = threading.Condition()
        self.line: list[Ticket] = []  # line[0] runs when ``started`` is set

    def join(self, ticket: Ticket) -> None:
        with self.cond:
            if ticket.owner is not None and any(t.owner == ticket.owner for t in self.line):
                raise QueueFull()
            self.line.append(ticket)
            if len(self.line) == 1:
                ticket.started = time.monotonic()

    def leave(self, ticket: Ticket) -> None:
        with self.cond:
            if ticket in self.line:
                self.line.remove(ticket)
            if self.line and self.line[0].started is None:
                self.line[0].started = time.monotonic()
            self.cond.notify_all()

    def position(self, ticket: Ticket) -> int:
        """0 = running; n = n jobs ahead."""
        with self.cond:
            return self.line.index(ticket) if ticket in self.line else -1

    def estimate_s(self, ticket: Ticket) -> float:
        """Seconds until ``ticket`` runs at the latest: the rest of the running job's budget
        plus the budgets of those waiting ahead."""
        with self.cond:
            if ticket not in self.line:
                return 0.0
            ahead = self.line[:self.line.index(ticket)]
            now = time.monotonic()
            total = 0.0
            for t in ahead:
                total += max(0.0, t.budget_s - (now - t.started)) if t.started is not None else t.budget_s
            return total


_queue = _FairQueue()
_state = threading.local()


def waiting_count() -> int:
    """How many jobs wait for the heavy lane right now (the running one not counted)."""
    with _queue.cond:
        return max(0, len(_queue.line) - 1)


def lock_busy() -> bool:
    with _queue.cond:
        return bool(_queue.line)


def queue_snapshot() -> list[dict]:
    """The line as it is now (the sidebar, the soak benchmark): kind, owner, seconds waited/ran."""
    now = time.monotonic()
    with _queue.cond:
        return [{"kind": t.kind, "owner": t.owner, "running": t.started is not None,
                 "seconds": round(now - (t.started or t.asked), 1), "budget_s": t.budget_s}
                for t in _queue.line]


@contextlib.contextmanager
def heavy_work(on_wait: Callable[[], None] | None = None, timeout: float | None = None, *,
               owner: str | None = None, kind: str = "job",
               on_position: Callable[[int, float], None] | None = None,
               poll_s: float = 0.5) -> Iterator[float]:
    """Serialise heavy GPU/CPU work across all sessions and threads, first come first served.

    ``on_wait`` is called once when the lane is busy (pages show 「順番待ち」);
    ``on_position(n_ahead, estimate_s)`` each time the place in line changes, and at least every
    ``poll_s`` seconds while waiting — an exception it raises (Streamlit's rerun request when the
    student clicks something) leaves the queue. ``owner`` (a session id) holds at most one place:
    a second job of the same owner while the first is queued or running raises QueueFull.
    Re-entrant for the same thread. Yields the seconds spent waiting. Raises TimeoutError after
    ``timeout``.
    """
    depth = getattr(_state, "depth", 0)
    if depth:
        _state.depth = depth + 1
        try:
            yield 0.0
        finally:
            _state.depth -= 1
        return
    t0 = time.monotonic()
    ticket = Ticket(owner=owner, kind=kind, budget_s=job_budget_s(kind), thread=threading.get_ident(), asked=t0)
    _queue.join(ticket)
    try:
        if ticket.started is None:
            if on_wait is not None:
                on_wait()
            last = None
            with _queue.cond:
                while ticket.started is None:
                    left = None if timeout is None else timeout - (time.monotonic() - t0)
                    if left is not None and left <= 0:
                        raise TimeoutError("heavy-work lane not free in time")
                    pos = _queue.line.index(ticket)
                    if on_position is not None and pos != last:
                        last = pos
                        estimate = _queue.estimate_s(ticket)
                        _queue.cond.release()  # the callback draws UI: never under the lock
                        try:
                            on_position(pos, estimate)
                        finally:
                            _queue.cond.acquire()
                        continue
                    _queue.cond.wait(poll_s if left is None else min(poll_s, left))
                    if on_position is not None:
                        last = None  # redraw (estimate moves on; a rerun request surfaces)
    except BaseException:
        _queue.leave(ticket)
        raise
    _state.depth = 1
    try:
        yield time.monotonic() - t0
    finally:
        _state.depth = 0
        _queue.leave(ticket)
        registry.trim_heap()  # the job's freed tensors: back to the OS, not kept by glibc


# --- the quick lane: short interactive work never waits behind training --------------------

QUICK_WAIT_ENV = "PLAYGROUND_QUICK_WAIT_S"
QUICK_LANES_ENV = "PLAYGROUND_QUICK_LANES"
DEFAULT_QUICK_WAIT_S = 15.0
DEFAULT_QUICK_LANES = 2


class Busy(PlaygroundError):
    """The quick lane stayed full for its bounded wait (pages say: busy, try again)."""

    def __init__(self, waited_s: float = 0.0):
        super().__init__(f"サーバーが混んでいます（{waited_s:.0f} 秒待ちました）。少し待ってから、もう一度試してください。",
                         en=f"The server is busy (waited {waited_s:.0f} s). Try again in a moment.")
        self.waited_s = waited_s


def _env_number(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, "").strip() or "nan")
    except ValueError:
        return default
    return value if value > 0 else default


_quick = threading.BoundedSemaphore(int(_env_number(QUICK_LANES_ENV, DEFAULT_QUICK_LANES)))


@contextlib.contextmanager
def quick_work(timeout: float | None = None) -> Iterator[None]:
    """A separate lane for short interactive work (one forward pass of a BERT for its attention,
    a translation, a projection): at most ``PLAYGROUND_QUICK_LANES`` at once, independent of the
    heavy lane, so a class's training never makes them wait minutes. Waits at most
    ``timeout`` (default ``PLAYGROUND_QUICK_WAIT_S``) and then raises :class:`Busy`.
    Inside heavy work of the same thread it runs at once (the thread holds the heavy lane)."""
    if getattr(_state, "depth", 0):
        yield
        return
    wait = _env_number(QUICK_WAIT_ENV, DEFAULT_QUICK_WAIT_S) if timeout is None else timeout
    if not _quick.acquire(timeout=wait):
        raise Busy(wait)
    try:
        yield
    finally:
        _quick.release()


_threads_state = threading.local()


@contextlib.contextmanager
def cpu_threads(n: int | None = 1, device=None) -> Iterator[None]:
    """Run small models with ``n`` torch CPU threads, restoring the setting afterwards.

    The playground's trained models (RNN cells, seq2seq, the sentiment baseline) are far too
    small for intra-op parallelism: on a shared, busy CPU two threads made them 10–15× slower.
    No-op for ``n=None`` or a non-CPU ``device``. torch keeps this setting per calling thread
    (measured), so each session thread saves and restores its own; nesting is counted.
    """
    import torch

    if not n or (device is not None and torch.device(device).type != "cpu"):
        yield
        return
    st = _threads_state
    depth = getattr(st, "depth", 0)
    if depth == 0:
        st.saved = torch.get_num_threads()
    if torch.get_num_threads() != n:
        torch.set_num_threads(n)
    st.depth = depth + 1
    try:
        yield
    finally:
        st.depth -= 1
        if st.depth == 0 and torch.get_num_threads() != st.saved:
            torch.set_num_threads(st.saved)
