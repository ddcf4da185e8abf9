"""Section 5: the attention of the seq2seq page's date-conversion model, for the user's input.

The model is shared through core.resources.seq2seq_date_model() and decoded with
core.seq2seq.decode.translate(model, text, beam=1).
"""
from __future__ import annotations

import streamlit as st

from core.attention import figures as attention_figures
from core import resources
from core.seq2seq.decode import translate
from pages.common.ui import chart, checked, guard, t

DEFAULT_TEXT = "平成6年9月27日"


def render() -> None:
    st.markdown(t("att.s2s.intro"))
    text = checked(st.text_input(t("att.s2s.input"), value=DEFAULT_TEXT, key="att_s2s_text", bind="query-params",
                         max_chars=200, help=t("att.s2s.input.help")), limit=200)
    with guard():
        model = resources.seq2seq_date_model()
        res = translate(model, text, beam=1)  # InvalidInput / OutOfVocabulary / InputTooLong: a message
        if not res.has_attention:
            st.info(t("att.s2s.noattn"), icon=":material/info:")
            return
        import numpy as np

        A = np.asarray(res.attention, dtype=np.float32)
        src = [("␣" if s == "▁" else str(s)) for s in res.src_tokens][: A.shape[1]]
        tgt = [str(x) for x in res.out_tokens][: A.shape[0]]
        A = A[: len(tgt), : len(src)]
        st.markdown(t("att.s2s.output"))
        st.code(f"{text.strip()}  →  {res.output}", language=None)
        fig, df = attention_figures.heatmap(A, tgt, src, title=t("att.s2s.title"), zmin=0, zmax=1,
                            annotate=A.size <= 300, row_title=t("att.axis.decoder"), col_title=t("att.axis.encoder"),
                            height=min(900, 160 + 28 * len(tgt)))
        chart(fig, key="att_s2s_heatmap", data=df)
        st.caption(t("att.s2s.help"))
