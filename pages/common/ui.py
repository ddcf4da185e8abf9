"""Small UI helpers every page uses: language, errors, charts with export, not-ready notice.

Pages are thin: read widgets → call core → draw with these helpers and the figures of
core/figures.py (shared) and core/<area>/figures.py.
"""
from __future__ import annotations

import contextlib
import html
import re
import logging
from typing import Iterator

import streamlit as st

from core import PlaygroundError, inputs
from core.i18n import LABEL_TO_LANG, Text
from core.i18n import t as _t

log = logging.getLogger("playground")

LANG_KEY = "lang"
PRESENTER_KEY = "presenter"


def lang() -> str:
    """"ja" or "en". The sidebar radio (bound to ?lang=English) holds the label."""
    value = st.session_state.get(LANG_KEY) or st.query_params.get(LANG_KEY) or "日本語"
    return LABEL_TO_LANG.get(value, value if value in ("ja", "en") else "ja")


def presenter() -> bool:
    return bool(st.session_state.get(PRESENTER_KEY, False))


def t(key: str, **fmt) -> str:
    """The UI string ``key`` in the session's language (core/i18n)."""
    return _t(key, lang(), **fmt)


def local(text) -> str:
    """A core.i18n.Text (a note or label from core, a table key) in the UI language; any other
    value as it is (user data, numbers, strings already from t())."""
    return text.text(lang()) if isinstance(text, Text) else text


def show_error(exc: BaseException) -> None:
    """Render an exception for a person: never a traceback.

    PlaygroundError subclasses carry their message in both languages (and maybe a hint /
    suggestions), shown in the UI language; anything else is logged on the server and shown
    as a generic message.
    """
    if isinstance(exc, PlaygroundError):
        st.warning(exc.text(lang()), icon="⚠️")
        hint = exc.hint_text(lang())
        if hint:
            st.code(hint, language="bash") if hint.startswith(("python", "pip", "huggingface", "hf ")) \
                else st.caption(hint)
        suggestions = getattr(exc, "suggestions", None)
        if suggestions:
            st.caption(t("common.suggestions", words="、".join(suggestions)))
    else:
        log.exception("unexpected error on a page", exc_info=exc)
        st.error(t("common.error.unexpected", kind=type(exc).__name__), icon="🚨")


@contextlib.contextmanager
def guard() -> Iterator[None]:
    """``with guard(): ...`` renders any error of the block as a message (Streamlit's own
    control-flow exceptions derive from BaseException and pass through)."""
    try:
        yield
    except Exception as exc:  # noqa: BLE001 - the point is to never show a traceback
        show_error(exc)


def tabbed(sections, render=None) -> None:
    """A page's sections as tabs bound to ``?tab=<label>`` (shareable links, the lecture map's
    deep links); only the open tab's code runs. ``sections``: [(i18n key, module with render())],
    a module may be given by name (imported when its tab opens); ``render(key, module)`` replaces
    the plain ``module.render()`` call."""
    import importlib

    tabs = st.tabs([t(key) for key, _ in sections], key="tab", bind="query-params")
    for tab, (key, section) in zip(tabs, sections):
        if tab.open:
            with tab:
                module = importlib.import_module(section) if isinstance(section, str) else section
                if render is None:
                    module.render()
                else:
                    render(key, module)


def checked(value, *, limit: int | None = None, area: bool = False, label: str | None = None) -> str:
    """A text widget's value after core.inputs' checks (length cap, control characters, path
    traversal), before any other use: the value, or "" after a visible message when refused.
    ``area=True`` for text areas (line breaks allowed, larger default cap)."""
    try:
        if area:
            return inputs.area(value, label=label, limit=limit or inputs.AREA_LIMIT)
        return inputs.text(value, label=label, limit=limit or inputs.LINE_LIMIT)
    except PlaygroundError as exc:
        show_error(exc)
        return ""


def style_figure(fig):
    """Presenter mode: larger text in charts, on a copy (the figure may be a shared one of
    core.resources)."""
    if presenter():
        fig = type(fig)(fig)
        fig.update_layout(font=dict(size=20), title_font=dict(size=26),
                          legend=dict(font=dict(size=18)))
    return fig


def chart(fig, *, key: str, filename: str | None = None, data=None, csv_label: str | None = None) -> None:
    """Draw a plotly figure with PNG export (modebar camera) and, with ``data`` (a DataFrame, or
    a function without arguments that returns one), a CSV download button. Every chart of the
    app goes through here.

    The CSV is written when the button is clicked (Streamlit's deferred download), not on every
    run: a class of followers reruns each page at once, and writing every chart's CSV on each of
    those runs cost more of the server's one GIL than drawing the chart."""
    name = filename or key
    fig = style_figure(fig)
    st.plotly_chart(
        fig, key=key,
        config={"displaylogo": False,
                "toImageButtonOptions": {"format": "png", "filename": name, "scale": 2}},
    )
    if data is not None:
        st.download_button(csv_label or t("common.download_csv"), data=lambda: _csv(data() if callable(data) else data),
                           file_name=f"{name}.csv", mime="text/csv", key=f"{key}__csv")


_CSV: dict[int, bytes] = {}  # id of a live shared DataFrame → its CSV


def _csv(data) -> bytes:
    """The CSV of ``data`` (UTF-8 with BOM, for Excel). A shared figure's frame
    (core.resources.shared_figure: read-only, the same object on every run of every session) is
    written once; the entry goes with the frame (weakref.finalize). Any other frame anew."""
    import weakref

    from core.resources import SHARED_FRAME

    if not getattr(data, "attrs", {}).get(SHARED_FRAME):
        return data.to_csv(index=True).encode("utf-8-sig")
    key = id(data)
    out = _CSV.get(key)
    if out is None:
        out = data.to_csv(index=True).encode("utf-8-sig")
        try:
            weakref.finalize(data, _CSV.pop, key, None)
        except TypeError:  # not weak-referenceable: no memo
            return out
        _CSV[key] = out
    return out


def escape(text: str) -> str:
    """HTML-escape user text before it goes into any HTML (prefer not building HTML at all)."""
    return html.escape(str(text), quote=True)


_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
_ZWSP = "\u200b"


def plain(text) -> str:
    """Student-supplied text (an uploaded file's name, a saved model's label) made literal for
    st.markdown / st.caption / st.info: every ASCII punctuation character backslash-escaped
    (CommonMark allows it for all of them), so ``[解答はこちら](https://example.com).txt`` stays
    text — no link, no emphasis, no ``:red[…]`` / ``:material/…:`` directive, no HTML, no math.
    Escapes do not stop GFM's autolinks (found in the text after parsing: a bare
    ``https://…``, ``www.…`` or ``a@b.c`` still became a link in Chromium), so an invisible
    zero-width space breaks those patterns. Line breaks become spaces."""
    raw = " ".join(str(text).split())
    raw = re.sub(r"(?i)\bwww(?=\.)", "www" + _ZWSP, raw).replace(":", ":" + _ZWSP).replace("@", "@" + _ZWSP)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", raw)
