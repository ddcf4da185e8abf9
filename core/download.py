"""Every download of a hub model takes one path, :func:`fetch`: the page's 「ダウンロード」
button (issue 14, through a shared :class:`Job`), ``python -m core models download``, and a
loader fetching a missing model on first use (:func:`fetch_model`, only with
``PLAYGROUND_HUB_DOWNLOAD=1``). No streamlit here.

- :func:`card` asks the Hub (``HF_ENDPOINT``, default huggingface.co) for a model's files, total
  download size and licence; with ``max_mb`` it refuses a larger repository (or one whose sizes
  the Hub does not give) before any byte is fetched. The page shows the card before the button;
  a failure means the server is offline (the page then shows the fetch command instead).
- :func:`check` is everything a student's download must pass first (issue 19): the hub id's
  syntax, the operator's allow-list (core.hub.allowed_sources; any id only when custom models
  are on), and the size cap ``PLAYGROUND_MAX_DOWNLOAD_MB`` (core.policy).
- :func:`fetch` downloads with huggingface_hub's ``snapshot_download`` in two phases: every file
  of the card except ``config.json`` first, ``config.json`` last. ``core.hub.locate`` only sees a
  model whose ``config.json`` is present, so a failed or interrupted download never leaves a
  half-written model that a page would try to load (huggingface_hub keeps unfinished files as
  ``*.incomplete`` blobs and resumes them on the next try). Progress (bytes done / total, speed,
  ETA) comes from huggingface_hub's tqdm hook (``tqdm_class``) routed to a callback. It holds
  :data:`download_lock`: one download at a time in the process (every session of the server).
- :func:`start` runs a button's download as a shared :class:`Job`: a second click or a second
  student on the same model gets the same job and watches the same progress; a job for another
  model waits its turn. When it is done the page reruns and the model loads
  (``core.resources`` does not cache failures), no restart.
- ``PLAYGROUND_UI_DOWNLOAD=0`` forbids downloads from the pages (an offline classroom server);
  the command line keeps working. ``HF_HUB_OFFLINE=1`` forbids both.
"""
from __future__ import annotations

import contextlib
import fnmatch
import os
import pathlib
import threading
import time
from dataclasses import dataclass, field

from core import ModelUnavailable, hub, inputs, policy

UI_ENV = "PLAYGROUND_UI_DOWNLOAD"
DEFAULT_ENDPOINT = "https://huggingface.co"
CARD_TIMEOUT_S = 5.0
LAST_FILE = "config.json"  # written last: its presence means the model is complete
# files a model needs: weights in safetensors, configs, vocabularies
ALLOW_PATTERNS = ["*.json", "*.txt", "*.safetensors", "*.model", "*.spm", "vocab*", "source.spm",
                  "target.spm", "merges.txt"]
download_lock = threading.Lock()  # one download at a time on the whole server


def endpoint() -> str:
    return (os.environ.get("HF_ENDPOINT") or DEFAULT_ENDPOINT).rstrip("/")


def ui_downloads_allowed() -> bool:
    """May the pages offer the 「ダウンロード」 button? (operator switch + offline mode)"""
    return not hub.offline() and os.environ.get(UI_ENV, "1").strip().lower() not in ("0", "false", "no", "off")


@dataclass(frozen=True)
class Card:
    """A repository as the Hub describes it: the files :func:`fetch` downloads, their total size
    (shown by the page before its button), the licence and the commit."""
    repo_id: str
    files: tuple[str, ...]
    size_bytes: int
    license: str | None
    sha: str | None

    size_mb = property(lambda self: self.size_bytes / 1e6)


def _wanted(names: list[str]) -> list[str]:
    """ALLOW_PATTERNS, plus pytorch_model.bin when the repository has no safetensors (loaded
    later with weights_only=True by transformers)."""
    patterns = list(ALLOW_PATTERNS)
    if not any(n.endswith(".safetensors") for n in names):
        patterns.append("pytorch_model.bin")
    return [n for n in names if any(fnmatch.fnmatch(n, p) or fnmatch.fnmatch(n.rsplit("/", 1)[-1], p)
                                    for p in patterns)]


def _api(token: str | None = None):
    from huggingface_hub import HfApi

    return HfApi(endpoint=endpoint(), token=token)


def card(repo_id: str, *, token: str | None = None, timeout: float = CARD_TIMEOUT_S,
         max_mb: float | None = None) -> Card:
    """Files, size and licence of ``repo_id`` from the Hub (``HfApi.model_info(files_metadata=
    True)``, no file fetched). Raises ModelUnavailable (offline, unknown id; above ``max_mb``,
    or sizes unknown while there is a cap) with a Japanese message that says what to do."""
    if hub.offline():
        raise ModelUnavailable(f"HF_HUB_OFFLINE=1 のため {repo_id} の情報を取得できません。",
                               en=f"HF_HUB_OFFLINE=1 is set, so the information on {repo_id} cannot be fetched.",
                               hint=hub.fetch_command(repo_id), hint_en=hub.fetch_command(repo_id, "en"))
    try:
        info = _api(token).model_info(repo_id, files_metadata=True, timeout=timeout)
    except Exception as exc:  # translated for the page
        raise hub.unavailable_from_error(repo_id, exc) from exc
    sizes = {s.rfilename: s.size for s in (info.siblings or [])}
    files = tuple(_wanted(sorted(sizes)))
    total = sum(sizes[f] or 0 for f in files)
    unknown = any(sizes[f] is None for f in files)
    if max_mb is not None and (unknown or total > max_mb * 1e6):
        size = "大きさが分かりません" if unknown else human_bytes(total)
        size_en = "size unknown" if unknown else human_bytes(total)
        raise ModelUnavailable(
            f"モデル {repo_id} は大きすぎるためダウンロードしません（{size}。このサーバーの上限は "
            f"{max_mb:,g} MB です）。小さいモデルを選ぶか、先生に事前のダウンロードを頼んでください。",
            en=f"Model {repo_id} is too large to download ({size_en}; this server's limit is "
               f"{max_mb:,g} MB). Choose a smaller model or ask the teacher to download it beforehand.",
            hint=hub.fetch_command(repo_id), hint_en=hub.fetch_command(repo_id, "en"))
    lic = (info.card_data or {}).get("license") if info.card_data else None
    if not lic:
        lic = next((t.split(":", 1)[1] for t in (info.tags or []) if t.startswith("license:")), None)
    return Card(repo_id, files, total, lic, info.sha)


def check(source: str, task: str | None = None) -> Card:
    """What a student's download must pass before any byte is fetched (the shared class server's
    rules, issue 19): the input checks and the hub id's syntax; an id the operator lets students
    use for ``task`` (for any task when None), unless custom models are on; and its size from the
    Hub API under ``PLAYGROUND_MAX_DOWNLOAD_MB``. Returns the card. Raises InvalidInput /
    ModelUnavailable with the message."""
    s = hub.checked_hub_id(source)
    tasks = [task] if task is not None else list(hub.MODELS)
    if not policy.allow_custom_models() and not any(s in hub.allowed_sources(t) for t in tasks):
        raise inputs.Refused(f"モデル {s} は、この教室のサーバーで先生が許可した一覧にありません。",
                             en=f"model {s} is not on the list the teacher allowed on this classroom server.")
    return card(s, max_mb=policy.max_download_mb())


@contextlib.contextmanager
def one_download(repo_id: str, *, wait: bool = False):
    """``with one_download(repo_id):`` holds :data:`download_lock`. ``wait=False`` refuses at once
    with a message while another download runs (a page's load must not queue behind a big
    fetch); ``wait=True`` (a button's job, in its own thread) waits its turn."""
    if not download_lock.acquire(blocking=wait):
        raise ModelUnavailable(f"ほかのモデルのダウンロードが進行中です（サーバー全体で同時に 1 つまで）。"
                               f"少し待ってから {repo_id} をもう一度試してください。",
                               en=f"Another model is being downloaded (one at a time on the whole server). "
                                  f"Wait a little and try {repo_id} again.")
    try:
        yield
    finally:
        download_lock.release()


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
            kwargs["file"] = open(os.devnull, "w")  # closed in close()
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
          token: str | None = None, known: Card | None = None, max_mb: float | None = None,
          wait: bool = False) -> pathlib.Path:
    """Download the files of ``repo_id``'s card into the HF cache (or ``dest_dir/<id>``),
    config.json last, holding :func:`one_download` (``wait`` as there).

    The card is ``known`` (already checked by the caller) or asked for now, refused above
    ``max_mb`` (None: the operator's command line, no cap). ``on_progress(progress: Progress)``
    is called as bytes arrive. Raises ModelUnavailable."""
    from huggingface_hub import snapshot_download

    info = known or card(repo_id, token=token, timeout=30, max_mb=max_mb)
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
    with one_download(repo_id, wait=wait):
        progress.started = time.monotonic()  # speed and ETA from now, not from the wait for the lock
        try:
            if rest:
                snapshot_download(repo_id, allow_patterns=rest, revision=info.sha or "main", **kwargs)
            # revision "main": also records refs/main, where core.hub.locate looks
            path = snapshot_download(repo_id, allow_patterns=[LAST_FILE], **kwargs)
        except Exception as exc:  # interrupted, offline, disk full, ...
            raise hub.unavailable_from_error(repo_id, exc) from exc
        if on_progress is not None:
            progress.done_bytes = max(progress.done_bytes, progress.total_bytes)
            on_progress(progress)
    return pathlib.Path(path)


def fetch_model(source: str) -> pathlib.Path:
    """What a loader runs for a hub id that is not here (``locate_or_fetch``): only
    with ``PLAYGROUND_HUB_DOWNLOAD=1``, a hub id of the right syntax, under the size cap, and
    refused at once while another download runs. Returns the local snapshot folder.

    No allow-list here: what reaches a loader passed ``core.hub.student_source`` (the pages) or
    comes from the operator (the command line's ``--model``)."""
    s = hub.checked_hub_id(source)
    if not hub.downloads_allowed():
        raise ModelUnavailable(f"このサーバーではアプリからのダウンロードが止められています（{hub.DOWNLOAD_ENV}）。"
                               "先生に事前のダウンロードを頼んでください。",
                               en=f"Downloads from the app are switched off on this server ({hub.DOWNLOAD_ENV}). "
                                  "Ask the teacher to download the model beforehand.",
                               hint=hub.fetch_command(s), hint_en=hub.fetch_command(s, "en"))
    return fetch(s, max_mb=policy.max_download_mb())


def locate_or_fetch(source: str) -> hub.Located:
    """What every loader calls: ``core.hub.locate`` (no network), then a hub id that is not here
    while downloads are allowed is fetched by ``fetch_model`` (the local snapshot is returned)."""
    found = hub.locate(source)
    if found.path is None:
        return hub.Located(found.source, fetch_model(found.source), "cache")
    return found


# --- the shared job: one download at a time, for every session of the server ----------------

class Job:
    """A download shared by every session that asks for the same model."""

    def __init__(self, source: str, size_bytes: int = 0):
        self.source = source
        self.state = "waiting"  # waiting | running | done | failed
        self.progress = Progress(total_bytes=size_bytes)
        self.error: ModelUnavailable | None = None
        self.path: pathlib.Path | None = None
        self.finished = threading.Event()

    @property
    def active(self) -> bool:
        return self.state in ("waiting", "running")

    def _run(self, known: Card) -> None:
        def on_progress(p: Progress) -> None:  # bytes arrive: this job holds the lock
            self.progress, self.state = p, "running"

        try:
            self.path = fetch(self.source, on_progress=on_progress, known=known, wait=True)
            self.state = "done"
        except ModelUnavailable as exc:
            self.error, self.state = exc, "failed"
        except Exception as exc:  # noqa: BLE001 - never lose a job in a silent thread
            self.error, self.state = hub.unavailable_from_error(self.source, exc), "failed"
        finally:
            self.finished.set()


_jobs_lock = threading.Lock()
_jobs: dict[str, Job] = {}


def start(source: str) -> Job:
    """The job downloading ``source`` after :func:`check`: the waiting or running one when there
    is one (a second click or a second student joins it), else a new one that waits for any
    other download to finish first. A finished or failed job is replaced (a model missing again
    is fetched again; files already in the cache are not downloaded twice)."""
    if not ui_downloads_allowed():
        raise ModelUnavailable("このサーバーではページからのダウンロードが無効です（管理者の設定 "
                               f"{UI_ENV}=0）。管理者に次のコマンドでの事前ダウンロードを依頼してください。",
                               en="Downloading from the page is switched off on this server (administrator setting "
                                  f"{UI_ENV}=0). Ask the administrator to download it beforehand with the following command.",
                               hint=hub.fetch_command(source), hint_en=hub.fetch_command(source, "en"))
    checked = check(source)
    with _jobs_lock:
        job = _jobs.get(source)
        if job is None or not job.active:
            job = _jobs[source] = Job(source, checked.size_bytes)
            threading.Thread(target=job._run, args=(checked,), name=f"download {source}", daemon=True).start()
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
