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

ENV_VAR = "PLAYGROUND_DEVICE"

_lock = threading.Lock()
_state = threading.local()
_waiting = 0
_waiting_guard = threading.Lock()


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


def waiting_count() -> int:
    """How many callers wait for the heavy-work lock right now."""
    return _waiting


def lock_busy() -> bool:
    return _lock.locked()


@contextlib.contextmanager
def heavy_work(on_wait: Callable[[], None] | None = None, timeout: float | None = None) -> Iterator[float]:
    """Serialise heavy GPU/CPU work across all sessions and threads.

    ``on_wait`` is called once when the lock is busy (pages show 「順番待ち」). Re-entrant for the
    same thread. Yields the seconds spent waiting. Raises TimeoutError after ``timeout``.
    """
    global _waiting
    depth = getattr(_state, "depth", 0)
    if depth:
        _state.depth = depth + 1
        try:
            yield 0.0
        finally:
            _state.depth -= 1
        return
    t0 = time.perf_counter()
    if not _lock.acquire(blocking=False):
        if on_wait is not None:
            on_wait()
        with _waiting_guard:
            _waiting += 1
        try:
            ok = _lock.acquire(timeout=-1 if timeout is None else timeout)
        finally:
            with _waiting_guard:
                _waiting -= 1
        if not ok:
            raise TimeoutError("heavy-work lock not acquired in time")
    _state.depth = 1
    try:
        yield time.perf_counter() - t0
    finally:
        _state.depth = 0
        _lock.release()


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
