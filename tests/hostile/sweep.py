"""The hostile-input sweep (issue #19): discover every text input, text area, number input and
file uploader of every page and tab with AppTest — no hand-kept list — and feed each the
payloads a mischievous student would type or upload.

Discovery: the pages are the ``st.Page("pages/<name>/page.py", ...)`` entries of app.py's
navigation; the tabs are the labels of each page's ``st.tabs`` (opened with ``?tab=<label>``,
the tabs are bound to the query parameter); inside a tab, each radio / toggle / checkbox of the
main area is switched once to each other value, which reveals the fields that only appear then
(the upload field after choosing "upload", …). A field is identified by its widget id.
"""
from __future__ import annotations

import os
import pathlib
import re
from dataclasses import dataclass, field

from core import inputs
from tests.conftest import APP, app_test

KINDS = ("text_input", "text_area", "number_input", "file_uploader")
SWITCH_KINDS = ("radio", "toggle", "checkbox")
MAX_OPTIONS = 4  # options tried per radio (the first ones; enough to open each branch of the pages)

TEXT_PAYLOADS = {
    "spaces": "   \u3000  ",
    "10k_a": "あ" * 10_000,
    "emoji_zwj": "👩‍👩‍👧‍👦🏳️‍🌈👨🏽‍💻",
    "html": "<img src=x onerror=alert(1)>",
    "template": "${7*7}{{7*7}}",
    "mask20": "[MASK]" * 20,
    "kana_sql": "ｱｲｳ' OR 1=1;--",
    "nul": "猫\x00\x00犬",
    "traversal": "../../etc/passwd",
    "1mb": "x" * (1 << 20),
    "hub_100gb": "bigscience/bloom",
}
MUST_REFUSE = ("nul", "traversal", "1mb")  # every text field must refuse these with a message
NUMBER_PAYLOADS = {"huge": 10 ** 12, "negative": -(10 ** 12), "zero": 0}


def bad_files() -> dict[str, tuple[str, bytes, str]]:
    """(filename suffix-less stem → (name, bytes, mime)); ``.EXT`` is replaced per uploader."""
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + os.urandom(64)
    pn_like = "".join(f"pn{i}\t{2 + i % 2}\tとても良い部屋{i}\ttrain\n" for i in range(30))
    return {
        "empty": ("empty.EXT", b"", "text/plain"),
        "random_1mb": ("random.EXT", os.urandom(1 << 20), "application/octet-stream"),
        "png_as_txt": ("picture.txt", png, "text/plain"),
        "shift_jis": ("sjis.EXT", "猫\t1\n犬\t0\n良い部屋でした\t1\n".encode("shift_jis"), "text/plain"),
        "utf16": ("utf16.EXT", "猫\t1\n犬\t0\n良い部屋でした\t1\n".encode("utf-16"), "text/plain"),
        "one_column": ("one.tsv", "良い\n悪い\n普通\n".encode(), "text/tab-separated-values"),
        "pn_labels_2_3": ("pn.tsv", pn_like.encode(), "text/tab-separated-values"),
    }


MUST_ANSWER_FILES = ("empty", "random_1mb", "png_as_txt")  # refused with a visible message


def pages() -> list[str]:
    """The page packages of app.py's navigation, in menu order."""
    text = pathlib.Path(APP).read_text(encoding="utf-8")
    return re.findall(r'st\.Page\(\s*"pages/(\w+)/page\.py"', text)


@dataclass
class Field:
    page: str
    tab: str | None
    kind: str
    id: str
    label: str
    setup: tuple = ()  # ((switch kind, switch id, value), ...) that reveals the field
    allowed_type: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.page}/{self.tab or '-'}/{self.kind}:{self.label[:30]}"


def find(at, kind: str, wid: str):
    for w in at.get(kind):
        if w.id == wid:
            return w
    return None


def _set(w, kind: str, value) -> None:
    """Set a switch; a radio by its displayed option (AppTest sends the displayed text, so the
    format function is made the identity for this one interaction)."""
    if kind == "radio":
        from streamlit.runtime.state.common import TESTING_KEY

        w.root.session_state[TESTING_KEY][w.id] = lambda v: v
    w.set_value(value)


def navigate(at, tab: str | None, setup: tuple = ()):
    """Open ``tab`` (the ?tab= query parameter the tabs are bound to) and apply ``setup``. A
    session already on ``tab`` is not run again (feed leaves it on its tab's defaults)."""
    if tab is not None and at.query_params.get("tab") != tab:
        at.query_params["tab"] = tab
        at.run()
    for kind, wid, value in setup:
        w = find(at, kind, wid)
        if w is None:
            return at
        _set(w, kind, value)
        at.run()
    return at


def open_at(page: str, tab: str | None, setup: tuple = ()):
    """A fresh session of ``page`` on ``tab`` with ``setup`` applied."""
    return navigate(app_test(page, query={"tab": tab} if tab else None), None, setup)


def _fields_of(at, page, tab, setup, seen: dict) -> None:
    for kind in KINDS:
        for w in at.get(kind):
            if w.id not in seen and not getattr(w, "disabled", False):
                seen[w.id] = Field(page, tab, kind, w.id, str(w.label), setup,
                                   list(getattr(w, "allowed_type", []) or []) if kind == "file_uploader" else [])


def _shown(w, kind: str):
    """The switch's current value as _set takes it (a radio's displayed option)."""
    return w.options[w.index] if kind == "radio" and w.index is not None else w.value


def _switches(at) -> list[tuple]:
    """(kind, id, new value, old value) for every other value of the main area's radios /
    toggles / checkboxes."""
    out = []
    for kind in SWITCH_KINDS:
        for w in at.main.get(kind):
            if getattr(w, "disabled", False):
                continue
            old = _shown(w, kind)
            if kind == "radio":
                out += [(kind, w.id, o, old) for o in list(w.options)[:MAX_OPTIONS] if o != old]
            else:
                out.append((kind, w.id, not w.value, w.value))
    return out


def discover(page: str) -> tuple[object, list[Field]]:
    """Every field of every tab of ``page`` (one level of switches deep), each once, found in
    one AppTest session (returned for reuse)."""
    seen: dict[str, Field] = {}
    at = app_test(page)
    tabs = [t.label for t in at.tabs] or [None]
    for tab in tabs:
        navigate(at, tab)
        _fields_of(at, page, tab, (), seen)
        restore = None  # the switch changed last, put back by the next run (one run per value)
        for kind, wid, new, old in _switches(at):
            if restore is not None and restore[1] != wid:
                _put_back(at, *restore)
            w = find(at, kind, wid)
            if w is None:  # hidden by the value tried last: back to the defaults first
                at.run()
                w = find(at, kind, wid)
                if w is None:
                    restore = None
                    continue
            _set(w, kind, new)
            at.run()
            _fields_of(at, page, tab, ((kind, wid, new),), seen)
            restore = (kind, wid, old)
        if restore is not None:
            _put_back(at, *restore)
            at.run()
    return at, list(seen.values())


def _put_back(at, kind: str, wid: str, old) -> None:
    """Give a switch back its default value; the next run applies it with the next change."""
    w = find(at, kind, wid)
    if w is not None:
        _set(w, kind, old)


def messages(at) -> list[str]:
    return [str(e.value) for kind in ("warning", "error", "info") for e in at.get(kind)]


def problems(at) -> list[str]:
    """What must never show: an exception element, the generic 'unexpected error' box."""
    out = [f"exception: {str(e.value)[:200]}" for e in at.exception]
    out += [f"unexpected: {m[:200]}" for m in messages(at) if "予期しないエラー" in m or "unexpected error" in m]
    return out


def _payloads(f: Field) -> dict:
    if f.kind == "file_uploader":
        # the browser only offers files of the uploader's types: a bad file keeps its name when
        # its extension is allowed (the PNG renamed .txt), else gets the first allowed one
        allowed = [a if a.startswith(".") else f".{a}" for a in f.allowed_type] or [".txt"]
        out = {}
        for k, (n, b, m) in bad_files().items():
            stem, _, ext = n.rpartition(".")
            out[k] = (n if f".{ext}" in allowed else f"{stem}{allowed[0]}", b, m)
        return out
    if f.kind == "number_input":
        return dict(NUMBER_PAYLOADS)
    return dict(TEXT_PAYLOADS)


def _check(at, f: Field, pname: str, capped: bool) -> list[str]:
    failures = [f"{f.name} ← {pname}: {p}" for p in problems(at)]
    shown = messages(at)
    if pname == "1mb" and capped:
        pass  # a field with max_chars: Streamlit's server cuts the value to max_chars itself
    elif f.kind in ("text_input", "text_area") and pname in MUST_REFUSE:
        if not any(inputs.REFUSED in m for m in shown):
            failures.append(f"{f.name} ← {pname}: refused input without the core.inputs message")
    if f.kind == "file_uploader" and pname in MUST_ANSWER_FILES:
        if not [e for k in ("warning", "error") for e in at.get(k) if str(e.value).strip()]:
            failures.append(f"{f.name} ← {pname}: bad file without a visible message")
    return failures


def feed(at, f: Field) -> tuple[object, list[str]]:
    """Feed every payload of the field's kind into it, in the given session (opened on the
    field's tab and setup; a fresh one only when the field disappeared), then put the field
    back (applied by the session's next run). Returns the session and the failures found."""
    failures: list[str] = []
    at = navigate(at, f.tab, f.setup)
    original = None
    for pname, payload in _payloads(f).items():
        w = find(at, f.kind, f.id)
        if w is None:  # the previous payload hid it (e.g. a refused file): start again
            at = open_at(f.page, f.tab, f.setup)
            w = find(at, f.kind, f.id)
        if w is None:
            failures.append(f"{f.name}: field not found again for {pname}")
            continue
        if original is None and f.kind != "file_uploader":
            original = (w.value,)
        if f.kind == "number_input":
            lo, hi = w.min, w.max
            payload = max(lo, payload) if lo is not None else payload
            payload = min(hi, payload) if hi is not None else payload
            payload = type(w.value)(payload) if w.value is not None else payload
        capped = bool(getattr(w.proto, "max_chars", 0)) if f.kind in ("text_input", "text_area") else False
        at = w.set_value(payload).run()
        failures += _check(at, f, pname, capped)
    w = find(at, f.kind, f.id)
    if w is not None:  # put back; the next field's first run (or its tab's) applies it
        w.set_value(None if f.kind == "file_uploader" else (original or (None,))[0])
    for kind, wid, _value in f.setup:  # back to the tab's defaults for the next field
        sw = find(at, kind, wid)
        if sw is not None:
            at = open_at(f.page, None)
            break
    return at, failures


def snapshot(*roots: pathlib.Path, skip: tuple[pathlib.Path, ...] = ()) -> dict[str, float]:
    """{path: mtime} of every file under ``roots`` (minus ``skip`` and caches of Python/git)."""
    out: dict[str, float] = {}
    skip_parts = {".git", "__pycache__", ".pytest_cache", "test-artifacts", ".venv"}
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            d = pathlib.Path(dirpath)
            dirnames[:] = [n for n in dirnames if n not in skip_parts and not any(
                (d / n) == s or s in (d / n).parents for s in skip)]
            for n in filenames:
                p = d / n
                try:
                    out[str(p)] = p.stat().st_mtime
                except OSError:
                    pass
    return out
