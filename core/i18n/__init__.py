"""The UI string table. One logical table, split in one module per area so pages can grow
independently: ``core/i18n/<area>.py`` defines ``STRINGS = {key: {"ja": ..., "en": ...}}`` and
``PREFIXES``, the key prefixes it owns (dotted, e.g. ``("lstm.why", "lstm.peep")``). A prefix is
declared by exactly one module, and a key lives in the module that declares its longest prefix
(``lstm.why.title`` → lstm_lecture.py, ``lstm.tab.grad`` → lstm.py); :func:`owner` names it
(not ``home``: importing the submodule core/i18n/home.py would rebind that name).

``t(key, lang)`` returns the string in ``lang``, falling back to Japanese (the complete
language), then to the key itself. ``{name}`` placeholders are filled from keyword arguments.
Core code that hands displayable text to a page (a note, a label) returns a :class:`Text`.
"""
from __future__ import annotations

import functools
import importlib
import pkgutil
from typing import Callable

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


def both(key: str, **fmt) -> str:
    """``key`` in both languages at once, "日本語 / English": only where the UI language is not
    known — the command line's help texts and messages, a loader's spinner text (fixed when
    core/resources.py is imported)."""
    return f"{t(key, 'ja', **fmt)} / {t(key, 'en', **fmt)}"


def missing(lang: str) -> list[str]:
    """Keys without a translation in ``lang`` (the English UI fills in as pages land)."""
    return sorted(k for k, v in table().items() if not v.get(lang))


def prefixes() -> dict[str, str]:
    """Every declared key prefix → the module (``core/i18n/<name>.py``) that owns it."""
    owners: dict[str, str] = {}
    for mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        for prefix in getattr(importlib.import_module(f"{__name__}.{mod.name}"), "PREFIXES", ()):
            if prefix in owners:
                raise KeyError(f"key prefix {prefix!r} declared by both {owners[prefix]} and {mod.name}")
            owners[prefix] = mod.name
    return owners


def owner(key: str) -> str | None:
    """The module whose declared prefix is the longest one ``key`` starts with (None: no owner)."""
    parts = key.split(".")
    owners = prefixes()
    for n in range(len(parts), 0, -1):
        if ".".join(parts[:n]) in owners:
            return owners[".".join(parts[:n])]
    return None


def _from_table(key: str, fmt: dict, lang: str) -> str:
    return t(key, lang, **{k: v.text(lang) if isinstance(v, Text) else v for k, v in fmt.items()})


class Text(str):
    """Displayable text that core hands to a page (a note, a label, a legend name): a table key
    and its format arguments. The str itself is the Japanese (what the CLI, JSON and comparisons
    see); ``text(lang)`` is the string in a UI language (format arguments that are Text follow
    the language too). ``Text.of(render)`` wraps text composed from several keys, where
    ``render(lang)`` builds it (e.g. ``Resolution.explain``). Pages show it with
    ``pages.common.ui.local``."""

    _render: Callable[[str], str]

    def __new__(cls, key: str, **fmt) -> "Text":
        return cls.of(functools.partial(_from_table, key, fmt))

    @classmethod
    def of(cls, render: Callable[[str], str]) -> "Text":
        s = str.__new__(cls, render("ja"))
        s._render = render
        return s

    def text(self, lang: str = "ja") -> str:
        return self._render(lang)

    @property
    def en(self) -> str:
        return self._render("en")

    def __reduce__(self):  # pickles (a saved KeyedVectors keeps its label) and copies
        return _rebuild, (self._render,)


def _rebuild(render: Callable[[str], str]) -> Text:
    return Text.of(render)
