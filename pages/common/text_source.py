"""The text-source picker shared by the pages that train a language model on a text (the LSTM
page's language model, the attention page's mini-GPT): token level, then the built-in story, a
pasted text or an upload. The widgets' keys are page-prefixed and bound to the URL."""
from __future__ import annotations

import streamlit as st

from core.limits import CLASSROOM
from core.lm.text import BUILTIN_TEXT
from core.text import decode_upload
from pages.common.ui import checked, guard, t

TEXT_SOURCES = ("builtin", "paste", "upload")


def text_controls(prefix: str) -> tuple[str | None, str]:
    """Token level (char / word) and the text to train on: the built-in story (None), a pasted
    text or an upload. Returns (text, level)."""
    c1, c2 = st.columns([1, 2])
    level = c1.radio(t("lstm.lm.level"), ("char", "word"), format_func=lambda v: t(f"lstm.lm.level.{v}"),
                     key=f"{prefix}_level", bind="query-params")
    source = c2.radio(t("lstm.lm.source"), TEXT_SOURCES, format_func=lambda v: t(f"lstm.lm.source.{v}"),
                      horizontal=True, key=f"{prefix}_source", bind="query-params")
    text = None
    if source == "builtin":
        with st.expander(t("lstm.lm.builtin_show")):
            st.text(BUILTIN_TEXT)
    elif source == "paste":
        text = checked(st.text_area(t("lstm.lm.paste", n=f"{CLASSROOM.max_text_chars:,}"), key=f"{prefix}_text",
                                    height=150), area=True, limit=CLASSROOM.max_text_chars)
    else:
        up = st.file_uploader(t("lstm.lm.upload"), type=["txt", "csv", "tsv", "md"], key=f"{prefix}_upload")
        text = ""
        if up is not None:
            with guard():
                text = decode_upload(up.getvalue())
    return text, level
