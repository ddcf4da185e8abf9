"""One-click download of a hub model (issue 14): what the page's 「ダウンロード」 button and
``python -m core models download`` run. No streamlit here.

- :func:`card` asks the Hub (``HF_ENDPOINT``, default huggingface.co) for a model's files, total
  download size and licence: the page shows them before the button, and a failure means the
  server is offline (the page then shows the fetch command instead).
- :func:`fetch` downloads with huggingface_hub's ``snapshot_download`` in two phases: every file
  except ``config.json`` first, ``config.json`` last. ``core.hub.locate`` only sees a model whose
  ``config.json`` is present, so a failed or interrupted download never leaves a half-written
  model that a page would try to load (huggingface_hub keeps unfinished files as
  ``*.incomplete`` blobs and resumes them on the next try). Progress (bytes done / total, speed,
  ETA) comes from huggingface_hub's tqdm hook (``tqdm_class``) routed to a callback.
- :func:`start` runs a download as a shared :class:`Job`: one download at a time for the whole
  process (every session of the server), and a second click or a second student on the same
  model gets the same job and watches the same progress. When it is done the page reruns and
  the model loads (``core.resources`` does not cache failures), no restart.
- ``PLAYGROUND_UI_DOWNLOAD=0`` forbids downloads from the pages (an offline classroom server);
  the command line keeps working. ``HF_HUB_OFFLINE=1`` forbids both.
"""
from __future__ import annotations

import fnmatch
import os
import pathlib
import threading
import time
from dataclasses import dataclass, field

from core import ModelUnavailable, hub

UI_ENV = "PLAYGROUND_UI_DOWNLOAD"
DEFAULT_ENDPOINT = "https://huggingface.co"
CARD_TIMEOUT_S = 5.0
LAST_FILE = "config.json"  # written last: its presence means the model is complete


def endpoint() -> str:
    return (os.environ.get("HF_ENDPOINT") or DEFAULT_ENDPOINT).rstrip("/")


def _offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes")


def ui_downloads_allowed() -> bool:
    """May the pages offer the 「ダウンロード」 button? (operator switch + offline mode)"""
    return not _offline() and os.environ.get(UI_ENV, "1").strip().lower() not in ("0", "false", "no", "off")


@dataclass(frozen=True)
class Card:
    """What the page shows before a download: the files that will be fetched and their size."""
    repo_id: str
    files: tuple[str, ...]
    size_bytes: int
    license: str | None
    sha: str | None


def _wanted(names: list[str]) -> list[str]:
    """hub.ALLOW_PATTERNS, plus pytorch_model.bin when the repository has no safetensors."""
    patterns = list(hub.ALLOW_PATTERNS)
    if not any(n.endswith(".safetensors") for n in names):
        patterns.append("pytorch_model.bin")
    return [n for n in names if any(fnmatch.fnmatch(n, p) or fnmatch.fnmatch(n.rsplit("/", 1)[-1], p)
                                    for p in patterns)]


def _api(token: str | None = None):
    from huggingface_hub import HfApi

    return HfApi(endpoint=endpoint(), token=token)


def card(repo_id: str, *, token: str | None = None, timeout: float = CARD_TIMEOUT_S) -> Card:
    """Files, size and licence of ``repo_id`` from the Hub. Raises ModelUnavailable (offline,
    unknown id) with the Japanese message of core.hub."""
    if _offline():
        raise ModelUnavailable(f"HF_HUB_OFFLINE=1 のため {repo_id} の情報を取得できません。",
                               en=f"HF_HUB_OFFLINE=1 is set, so the information on {repo_id} cannot be fetched.",
                               hint=hub.fetch_command(repo_id), hint_en=hub.fetch_command(repo_id, "en"))
    try:
        info = _api(token).model_info(repo_id, files_metadata=True, timeout=timeout)
    except Exception as exc:  # noqa: BLE001 - translated for the page
        raise hub.unavailable_from_error(repo_id, exc) from exc
    sizes = {s.rfilename: (s.size or 0) for s in (info.siblings or [])}
    files = tuple(_wanted(sorted(sizes)))
    lic = (info.card_data or {}).get("license") if info.card_data else None
    if not lic:
        lic = next((t.split(":", 1)[1] for t in (info.tags or []) if t.startswith("license:")), None)
    return Card(repo_id, files, sum(sizes[f] for f in files), lic, info.sha)


@dataclass
class Progress:
    done_bytes: int = 0
    total_bytes: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def fraction(self) -> float:
        return min(1.0, self.done_bytes / self.total_bytes) if self.total_bytes else 0.0

    @property
    def speed_bps(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.done_bytes / elapsed if elapsed > 0 else 0.0

    @property
    def eta_s(self) -> float | None:
        speed = self.speed_bps
        if not self.total_bytes or speed <= 0:
            return None
        return max(0.0, (self.total_bytes - self.done_bytes) / speed)


def _bar_class(on_bytes):
    """A tqdm class for ``snapshot_download(tqdm_class=...)``: silent, and every byte written to
    disk (the "Reconstructing" bar; the "Downloading bytes" bar counts the same bytes) goes to
    ``on_bytes(n)``."""
    from tqdm import tqdm

    class _Bar(tqdm):
        def __init__(self, *args, **kwargs):
            kwargs["file"] = open(os.devnull, "w")  # noqa: SIM115 - closed in close()
            self._bytes = kwargs.get("unit") == "B" and str(kwargs.get("desc", "")).startswith("Reconstruct")
            super().__init__(*args, **kwargs)

        def update(self, n=1):
            if self._bytes and n:
                on_bytes(int(n))
            return super().update(n)

        def close(self):
            fp = self.fp
            super().close()
            try:
                fp.close()
            except Exception:  # noqa: BLE001
                pass

    return _Bar


def fetch(repo_id: str, dest_dir: str | os.PathLike | None = None, *, on_progress=None,
          token: str | None = None, known: Card | None = None) -> pathlib.Path:
    """Download ``repo_id`` into the HF cache (or ``dest_dir/<id>``), config.json last.

    ``on_progress(progress: Progress)`` is called as bytes arrive. Raises ModelUnavailable."""
    from huggingface_hub import snapshot_download

    info = known or card(repo_id, token=token, timeout=30)
    progress = Progress(total_bytes=info.size_bytes)
    lock = threading.Lock()

    def on_bytes(n: int) -> None:
        with lock:
            progress.done_bytes += n
        if on_progress is not None:
            on_progress(progress)

    kwargs = dict(endpoint=endpoint(), token=token, tqdm_class=_bar_class(on_bytes))
    if dest_dir is not None:
        target = pathlib.Path(dest_dir).expanduser() / repo_id
        target.mkdir(parents=True, exist_ok=True)
        kwargs["local_dir"] = str(target)
    rest = [f for f in info.files if f != LAST_FILE]
    try:
        if rest:
            snapshot_download(repo_id, allow_patterns=rest, revision=info.sha or "main", **kwargs)
        # revision "main": also records refs/main, where core.hub.locate looks
        path = snapshot_download(repo_id, allow_patterns=[LAST_FILE], **kwargs)
    except Exception as exc:  # noqa: BLE001 - interrupted, offline, disk full, ...
        raise hub.unavailable_from_error(repo_id, exc) from exc
    if on_progress is not None:
        progress.done_bytes = max(progress.done_bytes, progress.total_bytes)
        on_progress(progress)
    return pathlib.Path(path)


# --- the shared job: one download at a time, for every session of the server ----------------

class Job:
    """A download shared by every session that asks for the same model."""

    def __init__(self, source: str):
        self.source = source
        self.state = "waiting"  # waiting | running | done | failed
        self.progress = Progress()
        self.error: ModelUnavailable | None = None
        self.path: pathlib.Path | None = None
        self.finished = threading.Event()
        self.ran: tuple[float, float] | None = None  # (start, end) of the download, time.monotonic()

    @property
    def active(self) -> bool:
        return self.state in ("waiting", "running")

    def _run(self, known: Card | None) -> None:
        try:
            with _one_at_a_time:
                t0 = time.monotonic()
                self.state = "running"
                self.progress = Progress(total_bytes=known.size_bytes if known else 0)

                def on_progress(p: Progress) -> None:
                    self.progress = p

                try:
                    self.path = fetch(self.source, on_progress=on_progress, known=known)
                finally:
                    self.ran = (t0, time.monotonic())
            self.state = "done"
        except ModelUnavailable as exc:
            self.error, self.state = exc, "failed"
        except Exception as exc:  # noqa: BLE001 - never lose a job in a silent thread
            self.error, self.state = hub.unavailable_from_error(self.source, exc), "failed"
        finally:
            self.finished.set()


_one_at_a_time = hub.download_lock  # one download at a time on the server, button or load-time
_jobs_lock = threading.Lock()
_jobs: dict[str, Job] = {}


def check(source: str) -> None:
    """What a page download must pass before any byte is fetched (core.hub's rules for a shared
    class server): a hub id of the right syntax, one the operator lets students use for some
    task (unless custom models are on), and a size from the Hub API under
    ``PLAYGROUND_MAX_DOWNLOAD_MB``. Raises InvalidInput / ModelUnavailable with the message."""
    from core import policy

    s = hub.checked_hub_id(source)
    if not policy.allow_custom_models() and not any(s in hub.allowed_sources(task) for task in hub.MODELS):
        raise hub.refusal(f"モデル {s} は、この教室のサーバーで先生が許可した一覧にありません。",
                          f"model {s} is not on the list the teacher allowed on this classroom server.")
    hub.plan_download(s, max_mb=policy.max_download_mb())


def start(source: str, known: Card | None = None) -> Job:
    """The job downloading ``source``: the waiting or running one when there is one (a second
    click or a second student joins it), else a new one that waits for any other download to
    finish first. A finished or failed job is replaced (a model missing again is fetched again;
    files already in the cache are not downloaded twice)."""
    if not ui_downloads_allowed():
        raise ModelUnavailable("このサーバーではページからのダウンロードが無効です（管理者の設定 "
                               f"{UI_ENV}=0）。管理者に次のコマンドでの事前ダウンロードを依頼してください。",
                               en="Downloading from the page is switched off on this server (administrator setting "
                                  f"{UI_ENV}=0). Ask the administrator to download it beforehand with the following command.",
                               hint=hub.fetch_command(source), hint_en=hub.fetch_command(source, "en"))
    check(source)
    with _jobs_lock:
        job = _jobs.get(source)
        if job is None or not job.active:
            job = _jobs[source] = Job(source)
            threading.Thread(target=job._run, args=(known,), name=f"download {source}", daemon=True).start()
        return job


def job(source: str) -> Job | None:
    with _jobs_lock:
        return _jobs.get(source)


def human_bytes(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if abs(n) < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"
