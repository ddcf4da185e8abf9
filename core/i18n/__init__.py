"""The UI string table. One logical table, split in one module per page so pages can grow
independently: ``core/i18n/<page>.py`` defines ``STRINGS = {key: {"ja": ..., "en": ...}}``.

``t(key, lang)`` returns the string in ``lang``, falling back to Japanese (the complete
language), then to the key itself. ``{name}`` placeholders are filled from keyword arguments.
"""
from __future__ import annotations

import importlib
import pkgutil

LANGS = ("ja", "en")
LANG_LABELS = {"ja": "日本語", "en": "English"}
LABEL_TO_LANG = {v: k for k, v in LANG_LABELS.items()}

_TABLE: dict[str, dict[str, str]] | None = None


def table() -> dict[str, dict[str, str]]:
    global _TABLE
    if _TABLE is None:
        merged: dict[str, dict[str, str]] = {}
        for mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
            strings = getattr(importlib.import_module(f"{__name__}.{mod.name}"), "STRINGS", {})
            dup = set(strings) & set(merged)
            if dup:
                raise KeyError(f"duplicate UI string keys in core/i18n/{mod.name}.py: {sorted(dup)}")
            merged.update(strings)
        _TABLE = merged
    return _TABLE


def t(key: str, lang: str = "ja", **fmt) -> str:
    entry = table().get(key)
    if entry is None:
        text = key
    else:
        text = entry.get(lang) or entry.get("ja") or key
    return text.format(**fmt) if fmt else text


def missing(lang: str) -> list[str]:
    """Keys without a translation in ``lang`` (the English UI fills in as pages land)."""
    return sorted(k for k, v in table().items() if not v.get(lang))
