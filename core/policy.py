"""The operator's settings for a shared class server: what students may load, download and save.

Read from environment variables first, then from ``.streamlit/playground.toml`` (next to
``.streamlit/config.toml``; another file with ``PLAYGROUND_CONFIG=/path/to/file.toml``), then
the safe defaults below. Students cannot change any of it; the operator restarts the app.

```toml
[models]
allow_custom = false            # PLAYGROUND_ALLOW_CUSTOM_MODELS: free-text hub ids / paths
max_download_mb = 1500          # PLAYGROUND_MAX_DOWNLOAD_MB: size cap of one repository
local_roots = ["/srv/models"]   # PLAYGROUND_MODEL_ROOTS (os.pathsep-separated)

[models.allowed]                # PLAYGROUND_ALLOWED_FILL_MASK etc. (comma-separated)
fill-mask = ["tohoku-nlp/bert-base-japanese-v3", "/srv/models/my-bert"]

[saving]
enabled = true                  # PLAYGROUND_ALLOW_SAVE: students may save fine-tuned models
```

No streamlit, no torch: the CLI, the sidebar and the tests read it.
"""
from __future__ import annotations

import os
import pathlib
import tomllib

from core import InvalidInput

CONFIG_ENV = "PLAYGROUND_CONFIG"
CUSTOM_ENV = "PLAYGROUND_ALLOW_CUSTOM_MODELS"
MAX_MB_ENV = "PLAYGROUND_MAX_DOWNLOAD_MB"
ROOTS_ENV = "PLAYGROUND_MODEL_ROOTS"
SAVE_ENV = "PLAYGROUND_ALLOW_SAVE"
ALLOWED_ENV = "PLAYGROUND_ALLOWED_{TASK}"  # e.g. PLAYGROUND_ALLOWED_FILL_MASK

DEFAULT_MAX_DOWNLOAD_MB = 1500  # a BERT-base repository is ~450 MB; bigscience/bloom is ~700 GB
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


def config_path() -> pathlib.Path:
    value = os.environ.get(CONFIG_ENV, "").strip()
    if value:
        return pathlib.Path(value).expanduser()
    return pathlib.Path(__file__).resolve().parent.parent / ".streamlit" / "playground.toml"


def _file() -> dict:
    path = config_path()
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InvalidInput(f"設定ファイル {path} を読めません（{exc}）。TOML の書き方を確かめてください。",
                           en=f"Cannot read the settings file {path} ({exc}). Check its TOML syntax.") from exc


def _section(name: str) -> dict:
    value = _file().get(name, {})
    return value if isinstance(value, dict) else {}


def _flag(env: str, section: str, key: str, default: bool) -> bool:
    value = os.environ.get(env, "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    return bool(_section(section).get(key, default))


def allow_custom_models() -> bool:
    """Free-text hub ids and paths in the model fields (off by default)."""
    return _flag(CUSTOM_ENV, "models", "allow_custom", False)


def saving_enabled() -> bool:
    """Students may save fine-tuned models on the server (on by default)."""
    return _flag(SAVE_ENV, "saving", "enabled", True)


def max_download_mb() -> float:
    value = os.environ.get(MAX_MB_ENV, "").strip() or _section("models").get("max_download_mb", "")
    try:
        return float(value) if str(value).strip() else float(DEFAULT_MAX_DOWNLOAD_MB)
    except ValueError:
        raise InvalidInput(f"{MAX_MB_ENV} は数（MB）にしてください（今: {value!r}）。",
                           en=f"{MAX_MB_ENV} must be a number (MB) (now: {value!r}).") from None


def local_roots() -> list[pathlib.Path]:
    """Directories (besides the app's own trained models and PLAYGROUND_MODELS_DIR) whose
    model folders students may load."""
    env = [p for p in os.environ.get(ROOTS_ENV, "").split(os.pathsep) if p.strip()]
    listed = env or list(_section("models").get("local_roots", []) or [])
    return [pathlib.Path(str(p).strip()).expanduser() for p in listed]


def allowed_extra(task: str) -> list[str]:
    """The operator's extra sources for ``task`` (besides its default)."""
    env = os.environ.get(ALLOWED_ENV.format(TASK=task.upper().replace("-", "_")), "").strip()
    if env:
        return [s.strip() for s in env.split(",") if s.strip()]
    listed = (_section("models").get("allowed", {}) or {}).get(task, [])
    return [str(s).strip() for s in listed if str(s).strip()]
