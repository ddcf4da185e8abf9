"""Section 3: sinusoidal positional encoding (heatmap, chosen dimensions, PE(p)·PE(q) vs |p − q|)."""
from __future__ import annotations

import streamlit as st

from core import attention as A
from core import attention_views as V
from pages.common.ui import chart, guard, t

MAX_LEN = 512  # slider limits: a 512 × 1024 heatmap (and its CSV) stays quick to draw
MAX_DIM = 1024


def render() -> None:
    st.markdown(t("att.pe.intro"))
    st.latex(r"PE_{(pos,\,2i)}=\sin\!\left(\frac{pos}{10000^{2i/d_{\mathrm{model}}}}\right),\quad"
             r"PE_{(pos,\,2i+1)}=\cos\!\left(\frac{pos}{10000^{2i/d_{\mathrm{model}}}}\right)")
    c1, c2 = st.columns(2)
    max_len = c1.slider(t("att.pe.len"), 2, MAX_LEN, 100, key="att_pe_len", bind="query-params")
    d_model = c2.slider("d_model", 2, MAX_DIM, 512, step=2, key="att_pe_dim", bind="query-params")
    with guard():
        pe = A.positional_encoding(max_len, d_model)
        fig, df = V.pe_heatmap(pe)
        chart(fig, key="att_pe_heatmap", data=df.round(4))
        st.caption(t("att.pe.heatmap.help"))

        st.subheader(t("att.pe.lines"))
        default = [d for d in (4, 5, 6, 7) if d < d_model] or [0]
        chosen = st.multiselect(t("att.pe.dims"), list(range(d_model)), default=default, key="att_pe_dims",
                                max_selections=8, bind="query-params")
        chosen = [int(d) for d in chosen if 0 <= int(d) < d_model]
        if chosen:
            fig, df = V.pe_lines(pe, chosen)
            chart(fig, key="att_pe_lines", data=df)
        else:
            st.info(t("att.pe.nodims"))

        st.subheader(t("att.pe.dot"))
        p = st.slider(t("att.pe.p"), 0, max_len - 1, min(max_len // 2, 50), key="att_pe_p", bind="query-params")
        offsets, dots = A.pe_dot_by_offset(pe, min(int(p), max_len - 1))
        fig, df = V.pe_dot(offsets, dots, int(p))
        chart(fig, key="att_pe_dot", data=df)
        st.caption(t("att.pe.dot.help", half=d_model / 2))
