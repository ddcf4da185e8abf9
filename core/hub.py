"""The one config of Hugging Face Hub models for the whole app.

Each task has a default source; a source is a hub id (``org/name``) or a local directory.
Resolution order for a task (first non-empty wins):

1. a per-session override (the page's sidebar field; pages pass it in),
2. the environment variable ``PLAYGROUND_MODEL_<TASK>`` (e.g. ``PLAYGROUND_MODEL_FILL_MASK``),
3. the default below.

On a shared class server the operator decides (core/policy.py): students pick from
:func:`allowed_sources` (the defaults, the operator's list, the models trained and saved in this
app); free-text ids and paths pass :func:`student_source` only when the operator enables them,
local paths only inside :func:`allowed_roots`. Downloads (the checks before any byte, the
size cap, one at a time) are core/download.py's.

``trust_remote_code`` is never switched on. The app does not download at page-render time
(a class's server must not stall on the network): a hub id must be in the local Hugging Face
cache, or in ``PLAYGROUND_MODELS_DIR/<org>/<name>`` (where ``python -m core models download
--dir DIR`` puts it). ``PLAYGROUND_HUB_DOWNLOAD=1`` lets loaders download missing models.
Anything missing raises :class:`core.ModelUnavailable` naming the model and the exact command.

No torch / transformers import here: the sidebar and the CLI's ``models status`` use it.
"""
from __future__ import annotations

import os
import pathlib
import re
from dataclasses import dataclass

from core import ModelUnavailable, inputs, policy
from core.i18n import Text, t
from core.paths import cache_dir

TRUST_REMOTE_CODE = False  # never on: a hub id must not run code on the class's server
DOWNLOAD_ENV = "PLAYGROUND_HUB_DOWNLOAD"
MODELS_DIR_ENV = "PLAYGROUND_MODELS_DIR"
FETCH_ALL = "python -m core models download"


@dataclass(frozen=True)
class ModelSpec:
    task: str  # "fill-mask" | "sentiment" | "translation"
    default: str  # hub id
    env: str  # environment variable that overrides the default
    label: Text  # description for the UI
    session_key: str  # st.session_state key of the page's override field
    bundled: bool = True  # part of `models download` / `models status` by default (False: on request)


MODELS: dict[str, ModelSpec] = {
    "fill-mask": ModelSpec("fill-mask", "tohoku-nlp/bert-base-japanese-v3", "PLAYGROUND_MODEL_FILL_MASK",
                           Text("res.hub.fill-mask"), "hub_fill_mask"),
    "sentiment": ModelSpec("sentiment", "llm-book/bert-base-japanese-v3-marc_ja", "PLAYGROUND_MODEL_SENTIMENT",
                           Text("res.hub.sentiment"), "hub_sentiment"),
    "translation": ModelSpec("translation", "Helsinki-NLP/opus-mt-ja-en", "PLAYGROUND_MODEL_TRANSLATION",
                             Text("res.hub.translation"), "hub_translation"),
    # issue 27, item 10: a pretrained Japanese GPT (GPT-2 architecture, no remote code), fetched on request
    "text-generation": ModelSpec("text-generation", "rinna/japanese-gpt2-xsmall", "PLAYGROUND_MODEL_TEXT_GENERATION",
                                 Text("res.hub.text-generation"),
                                 "hub_text_generation", bundled=False),
}
BUNDLED = [task for task, s in MODELS.items() if s.bundled]

_HUB_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$")


def hub_id_ok(source: str) -> bool:
    """The Hub's repository id syntax: ``[org/]name``, letters, digits, ``. _ -``, each part at
    most 96 characters, no ``--`` / ``..``, not ending in ``.git`` or ``.``."""
    return bool(_HUB_ID.match(source)) and all(len(part) <= 96 for part in source.split("/")) \
        and "--" not in source and ".." not in source and not source.endswith((".git", "."))


def spec(task: str) -> ModelSpec:
    try:
        return MODELS[task]
    except KeyError:
        raise ValueError(f"unknown model task {task!r}; known: {sorted(MODELS)}") from None


def resolve(task: str, override: str | None = None) -> str:
    """The source (hub id or directory) used for ``task``: override > env var > default."""
    s = spec(task)
    for value in (override, os.environ.get(s.env)):
        if value and str(value).strip():
            return str(value).strip()
    return s.default


def origin(task: str, override: str | None = None) -> str:
    """Where the source of ``task`` comes from: "session" | "env" | "default" (for the UI)."""
    s = spec(task)
    if override and str(override).strip():
        return "session"
    if os.environ.get(s.env, "").strip():
        return "env"
    return "default"


def offline() -> bool:
    """``HF_HUB_OFFLINE`` is set: no download of any kind, page or command line."""
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes")


def downloads_allowed() -> bool:
    """May the loaders fetch a missing hub model on first use? (``PLAYGROUND_HUB_DOWNLOAD``)"""
    return not offline() and os.environ.get(DOWNLOAD_ENV, "").strip() in ("1", "true", "yes")


def fetch_command(source: str, lang: str = "ja") -> str:
    """The exact commands that fetch ``source`` (shown in the page and the CLI)."""
    return f"{FETCH_ALL}\n{t('res.fetch.or', lang, source=source)}"


def is_local(source: str) -> bool:
    """A source that names a path (absolute, ./relative, ~, or an existing directory).
    Never raises: a 10,000-character or NUL-holding string is simply not a directory."""
    s = str(source)
    if s.startswith(("/", "./", "../", "~", ".\\")):
        return True
    try:
        return (os.sep in s and pathlib.Path(s).expanduser().exists()) or pathlib.Path(s).expanduser().is_dir()
    except (OSError, ValueError):  # File name too long, embedded null byte
        return False


def models_dir() -> pathlib.Path | None:
    value = os.environ.get(MODELS_DIR_ENV, "").strip()
    return pathlib.Path(value).expanduser() if value else None


def _is_model_dir(path: pathlib.Path) -> bool:
    return (path / "config.json").is_file()


def _cached_snapshot(repo_id: str) -> pathlib.Path | None:
    """The local snapshot directory of ``repo_id`` in the HF cache, or None (no network)."""
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:  # pragma: no cover - huggingface_hub is a requirement
        return None
    try:
        found = try_to_load_from_cache(repo_id, "config.json")
    except Exception:  # noqa: BLE001 - malformed ids etc.: treat as not cached
        return None
    if isinstance(found, str) and os.path.isfile(found):
        return pathlib.Path(found).parent
    return None


@dataclass(frozen=True)
class Located:
    """Where a source was found: ``path`` is a local directory, or None when a download is
    allowed and the loaders should fetch ``source`` from the hub."""
    source: str
    path: pathlib.Path | None
    where: str  # "dir" | "models_dir" | "cache" | "hub"

    @property
    def load_arg(self) -> str:
        return str(self.path) if self.path is not None else self.source


def locate(source: str) -> Located:
    """Find ``source`` locally (no network). Raises ModelUnavailable with a clear message:
    a directory that is not a model, a malformed id, or a hub id not downloaded yet.

    A hub id that is not here while downloads are allowed is returned with ``path=None``; the
    loaders call :func:`core.download.locate_or_fetch`, which then downloads it (size cap, one
    download at a time) and returns the local snapshot."""
    source = (source or "").strip()
    if not source:
        raise ModelUnavailable("モデルが指定されていません。hub の ID（例: tohoku-nlp/bert-base-japanese-v3）"
                               "またはモデルのディレクトリを入力してください。",
                               en="No model given. Enter a hub ID (e.g. tohoku-nlp/bert-base-japanese-v3) "
                                  "or a model directory.")
    if is_local(source):
        path = pathlib.Path(source).expanduser()
        if not path.exists():
            raise ModelUnavailable(f"ディレクトリ {source} がありません。パスを確かめてください。",
                                   en=f"Directory {source} does not exist. Check the path.")
        if not path.is_dir():
            raise ModelUnavailable(f"{source} はディレクトリではありません。モデルのディレクトリ"
                                   "（config.json と重みのあるフォルダ）を指定してください。",
                                   en=f"{source} is not a directory. Give a model directory "
                                      "(a folder with config.json and the weights).")
        if not _is_model_dir(path):
            raise ModelUnavailable(
                f"ディレクトリ {source} はモデルではありません（config.json がありません）。"
                "save_pretrained() で保存したフォルダか、hub からダウンロードしたフォルダを指定してください。",
                en=f"Directory {source} is not a model (no config.json). "
                   "Give a folder saved with save_pretrained() or downloaded from the hub.")
        return Located(source, path.resolve(), "dir")
    if not hub_id_ok(source):
        raise ModelUnavailable(
            f"「{source}」はモデルの ID として正しくありません。"
            "hub の ID（例: tohoku-nlp/bert-base-japanese-v3）またはローカルのディレクトリを指定してください。",
            en=f"\"{source}\" is not a valid model ID. "
               "Give a hub ID (e.g. tohoku-nlp/bert-base-japanese-v3) or a local directory.")
    base = models_dir()
    if base is not None and _is_model_dir(base / source):
        return Located(source, (base / source).resolve(), "models_dir")
    snap = _cached_snapshot(source)
    if snap is not None:
        return Located(source, snap, "cache")
    if downloads_allowed():
        return Located(source, None, "hub")
    raise ModelUnavailable(
        f"モデル {source} がこのコンピュータにありません（オフライン、またはまだダウンロードしていません）。"
        "次のコマンドで事前にダウンロードしてください（ID が正しいかも確かめてください）。",
        en=f"Model {source} is not on this computer (offline, or not downloaded yet). "
           "Download it beforehand with the following command (and check that the ID is right).",
        hint=fetch_command(source), hint_en=fetch_command(source, "en"))


def status(task: str, override: str | None = None) -> dict:
    """Availability of the source of ``task`` (no network, no torch)."""
    source = resolve(task, override)
    row = {"task": task, "source": source, "origin": origin(task, override), "available": False,
           "where": None, "path": None, "message": None}
    try:
        found = locate(source)
    except ModelUnavailable as exc:
        row["message"] = exc.message
        return row
    row.update(available=found.path is not None, where=found.where,
               path=str(found.path) if found.path else None)
    if found.path is None:
        row["message"] = "ローカルにありません（読み込み時にダウンロードします）"
    return row


def status_all() -> list[dict]:
    return [status(task) for task in BUNDLED]


def unavailable_from_error(source: str, exc: BaseException) -> ModelUnavailable:
    """Translate a loader's exception (OSError, RepositoryNotFoundError, ValueError, ...) into
    ModelUnavailable with a Japanese message that says what to do."""
    name = type(exc).__name__
    text = str(exc)
    if "RepositoryNotFound" in name or "404" in text or "is not a valid model identifier" in text \
            or "not a local folder and is not a valid model identifier" in text:
        return ModelUnavailable(
            f"モデル {source} が見つかりません（存在しない ID か、非公開です）。ID のつづりを確かめてください。",
            en=f"Model {source} not found (the ID does not exist or is private). Check the spelling of the ID.",
            hint=f"{FETCH_ALL}  # 既定のモデル（default models）", hint_en=f"{FETCH_ALL}  # default models")
    if "trust_remote_code" in text:
        return ModelUnavailable(
            f"モデル {source} は独自コードの実行（trust_remote_code）を必要とするため、この教室用アプリでは使えません。",
            en=f"Model {source} needs to run its own code (trust_remote_code), so this classroom app cannot use it.")
    low = (name + " " + text).lower()
    if any(w in low for w in ("offline", "connect", "resolve", "timed out", "timeout", "localentrynotfound",
                              "name or service", "network", "unreachable")):
        return ModelUnavailable(
            f"モデル {source} をダウンロードできません（オフライン、またはネットワークに接続できません）。"
            "インターネットにつながる環境で事前にダウンロードしてください。",
            en=f"Model {source} cannot be downloaded (offline, or no network connection). "
               "Download it beforehand on a machine with internet access.", hint=fetch_command(source), hint_en=fetch_command(source, "en"))
    return ModelUnavailable(
        f"モデル {source} を読み込めません（{name}: {text[:300]}）。"
        "このページに合う種類のモデル（BERT など）か、ファイルが壊れていないかを確かめてください。",
        en=f"Model {source} cannot be loaded ({name}: {text[:300]}). "
           "Check that it is a kind of model this page uses (BERT, …) and that its files are not broken.",
        hint=fetch_command(source) if not is_local(source) else None, hint_en=fetch_command(source, "en") if not is_local(source) else None)


# --- the shared class server: what students may load and download (operator: core/policy.py) ---

SOURCE_LIMIT = 300  # characters of a model source typed by a student
TRAINED_KINDS = {"fill-mask": ("mini-bert",), "sentiment": ("bert-pn",)}  # models trained in this app


def trained_dir(kind: str) -> pathlib.Path:
    """Where the app saves the models students train (``<cache>/trained/<kind>``)."""
    return cache_dir("trained", kind)


def trained_models(kind: str) -> list[pathlib.Path]:
    """The loadable models saved under :func:`trained_dir` (folders with a config.json): the
    newest PLAYGROUND_MAX_LISTED_MODELS (core.saving), in name order."""
    from core import saving

    root = trained_dir(kind)
    if not root.is_dir():
        return []
    return saving.newest([p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".") and _is_model_dir(p)])


def allowed_roots() -> list[pathlib.Path]:
    """Directories whose model folders a free-text local path may name (symlinks resolved)."""
    roots = [cache_dir("trained")] + ([models_dir()] if models_dir() else []) + policy.local_roots()
    return [r.expanduser().resolve() for r in roots]


def allowed_sources(task: str) -> list[str]:
    """What students may pick for ``task``: the operator's default, the operator's list
    (core.policy), and the models trained and saved in this app for that task."""
    out = [resolve(task)] + policy.allowed_extra(task)
    for kind in TRAINED_KINDS.get(task, ()):
        out += [str(p) for p in trained_models(kind)]
    return list(dict.fromkeys(out))


def student_source(task: str, value: str | None) -> str:
    """A model source chosen or typed by a student, checked before any filesystem or network
    work: the length and character checks of core.inputs; then an entry of
    :func:`allowed_sources`, or — only when the operator allows custom models — a hub id of the
    Hub's syntax or a local folder that resolves (symlinks included) inside :func:`allowed_roots`.
    Empty means the operator's default. Raises InvalidInput with what to do."""
    s = inputs.text(value, label="モデル", limit=SOURCE_LIMIT).strip()
    if not s:
        return resolve(task)
    if s in allowed_sources(task):
        return s
    if not policy.allow_custom_models():
        raise inputs.Refused("この教室のサーバーでは、先生が用意した一覧のモデルだけを使えます。一覧から選んでください。",
                             en="on this classroom server only the models the teacher listed can be used. Choose one from the list.")
    looks_like_id = hub_id_ok(s)
    if looks_like_id and not is_local(s):
        return s
    if not s.startswith(("/", "./", "~")) and not looks_like_id:
        raise inputs.Refused(f"「{s[:80]}」は hub の ID（例: tohoku-nlp/bert-base-japanese-v3）でも、"
                             "フォルダの場所（/ で始まるパス）でもありません。",
                             en=f"\"{s[:80]}\" is neither a hub ID (e.g. tohoku-nlp/bert-base-japanese-v3) "
                             "nor a folder location (a path starting with /).")
    try:
        path = pathlib.Path(s).expanduser().resolve()
    except (OSError, RuntimeError, ValueError):
        raise inputs.Refused("このフォルダの場所は使えません。", en="this folder location cannot be used.") from None
    if not any(path.is_relative_to(root) for root in allowed_roots()):
        raise inputs.Refused("先生が許可したフォルダの外にあるモデルは読み込めません。一覧から選ぶか、先生に相談してください。",
                             en="models outside the folders the teacher allowed cannot be loaded. Choose one from the list or ask the teacher.")
    return str(path)


def checked_hub_id(repo_id: str) -> str:
    """``repo_id`` after the input checks and the Hub's id syntax (raises InvalidInput)."""
    s = inputs.text(repo_id, label="モデルの ID", limit=SOURCE_LIMIT).strip()
    if not hub_id_ok(s):
        raise inputs.Refused(f"「{s[:80]}」は hub の ID として正しくありません（例: tohoku-nlp/bert-base-japanese-v3）。",
                             en=f"\"{s[:80]}\" is not a valid hub ID (e.g. tohoku-nlp/bert-base-japanese-v3).")
    return s
