"""Widgets and steps the attention sections share: sentence → tokens (with the cap message),
token vectors (chiVe or seeded random)."""
from __future__ import annotations

import streamlit as st

from core import PlaygroundError
from core import attention
from pages.common.ui import t

SOURCES = ("chiVe", "random")  # plain option values: they are also the values in a shared URL


def vector_source_radio(where, *, key: str, default: str = "chiVe") -> str:
    return where.radio(t("att.vectors"), SOURCES, index=SOURCES.index(default), key=key,
                       horizontal=True, bind="query-params", help=t("att.vectors.help"))


def show_tokens(tokens: list[str]) -> None:
    """The tokens as plain text (st.code never interprets HTML or Markdown)."""
    st.caption(t("att.tokens", n=len(tokens)))
    st.code(" │ ".join(tokens), language=None)


def tokens_with_notes(text: str, *, max_tokens: int = attention.MAX_TOKENS) -> list[str]:
    """Tokenise, cap with a message, say so when one token makes attention trivial."""
    ti = attention.tokens_of(text, max_tokens=max_tokens)
    if ti.dropped:
        st.info(t("att.capped", n=len(ti.tokens) + ti.dropped, cap=max_tokens, dropped=ti.dropped), icon=":material/content_cut:")
    show_tokens(ti.tokens)
    if len(ti.tokens) == 1:
        st.info(t("att.one_token"), icon=":material/info:")
    return ti.tokens


def token_vectors(tokens: list[str], source: str, d_model: int, seed: int):
    """(X, d_model used). chiVe: 300-d vectors of the embedded chiVe (unknown tokens get a
    seeded random vector, listed); random: seeded vectors of size ``d_model``."""
    if source == "chiVe":
        try:
            from core import resources
            from core.word2vec import vectors

            kv = resources.word_vectors()
            X, oov = attention.chive_token_vectors(tokens, kv, vectors.word_vector, seed=int(seed))
            if oov:
                st.caption(t("att.oov", words="、".join(oov)))
            return X, X.shape[1]
        except (ImportError, AttributeError, PlaygroundError, OSError) as exc:
            st.info(t("att.chive.missing", error=getattr(exc, "message", type(exc).__name__)), icon=":material/info:")
    return attention.random_token_vectors(tokens, int(d_model), seed=int(seed)), int(d_model)
