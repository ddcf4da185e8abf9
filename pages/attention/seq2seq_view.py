"""Section 5: the attention of the seq2seq page's date-conversion model, for the user's input.

The model is shared through core.resources.seq2seq_date_model() and decoded with
core.seq2seq.decode.translate(model, text, beam=1). While that part of the app is missing the
section says so — it never shows made-up weights.
"""
from __future__ import annotations

import importlib.util

import streamlit as st

from core import InvalidInput
from core import attention_views as V
from pages.common.ui import chart, guard, t

DEFAULT_TEXT = "2024年3月5日"


def _available():
    from core import resources

    loader = getattr(resources, "seq2seq_date_model", None)
    if loader is None or importlib.util.find_spec("core.seq2seq.decode") is None:
        return None, None
    from core.seq2seq import decode

    return loader, getattr(decode, "translate", None)


def _first(obj, *names):
    for n in names:
        v = obj.get(n) if isinstance(obj, dict) else getattr(obj, n, None)
        if v is not None:
            return v
    return None


def render() -> None:
    st.markdown(t("att.s2s.intro"))
    loader, translate = _available()
    if loader is None or translate is None:
        st.info(t("att.s2s.missing"), icon=":material/construction:")
        return
    text = st.text_input(t("att.s2s.input"), value=DEFAULT_TEXT, key="att_s2s_text", bind="query-params",
                         max_chars=200, help=t("att.s2s.input.help"))
    with guard():
        if not (text or "").strip():
            raise InvalidInput(t("att.s2s.empty"))
        model = loader()
        res = translate(model, text, beam=1)
        attn = _first(res, "attention", "attentions", "weights")
        src = _first(res, "src_tokens", "source_tokens", "src")
        tgt = _first(res, "tgt_tokens", "target_tokens", "tokens", "output_tokens")
        output = _first(res, "text", "output", "prediction")
        if attn is None or src is None or tgt is None:
            st.info(t("att.s2s.noattn"), icon=":material/info:")
            return
        import numpy as np

        A = np.asarray(attn, dtype=np.float32)
        tgt, src = [str(x) for x in tgt][: A.shape[0]], [str(x) for x in src][: A.shape[1]]
        A = A[: len(tgt), : len(src)]
        if output is not None:
            st.markdown(t("att.s2s.output"))
            st.code(str(output), language=None)
        fig, df = V.heatmap(A, tgt, src, title=t("att.s2s.title"), zmin=0, zmax=1,
                            annotate=A.size <= 400, row_title="出力 (decoder)", col_title="入力 (encoder)",
                            height=min(900, 140 + 28 * len(tgt)))
        chart(fig, key="att_s2s_heatmap", data=df)
        st.caption(t("att.s2s.help"))
