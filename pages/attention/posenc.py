"""Section 3: sinusoidal positional encoding (heatmap, chosen dimensions, PE(p)·PE(q) vs |p − q|)."""
from __future__ import annotations

import streamlit as st

from core import attention
from core import resources
from core.attention import figures as attention_figures
from core.device import cpu_threads
from pages.common.ui import chart, guard, lang, t

MAX_LEN = 512  # slider limits: a 512 × 1024 heatmap (and its CSV) stays quick to draw
MAX_DIM = 1024


def default_dims(d_model: int) -> list[int]:
    """Three sines of growing wavelength and the cosine paired with the last (e.g. 16, 64, 128, 129 for 512)."""
    picks = sorted({2 * max(0, round(d_model * f / 2)) for f in (1 / 32, 1 / 8, 1 / 4)})
    picks.append(picks[-1] + 1)
    return [d for d in picks if d < d_model] or [0]


SLIDE_LEN, SLIDE_DIM = 100, 512  # the slide: positions 0–99 across, dimensions 0–511 up the side


def heatmap_caption(max_len: int, d_model: int, transpose: bool) -> str:
    """Say "as the slide" only when the heatmap is the slide's: same sizes, same orientation."""
    if transpose:
        return t("att.pe.heatmap.transposed")
    if (max_len, d_model) == (SLIDE_LEN, SLIDE_DIM):
        return t("att.pe.heatmap.slide")
    return t("att.pe.heatmap.sizes", n=max_len - 1, d=d_model - 1)


def _clamp_state(max_len: int, d_model: int, default: list[int]) -> None:
    """Keep the dependent widgets valid when the sizes shrink (before they are drawn)."""
    ss = st.session_state
    if "att_pe_p" in ss and int(ss["att_pe_p"]) > max_len - 1:
        ss["att_pe_p"] = max_len - 1
    if "att_pe_dims" in ss:
        kept = [d for d in ss["att_pe_dims"] if int(d) < d_model]
        if len(kept) != len(ss["att_pe_dims"]):
            ss["att_pe_dims"] = kept or default


def _initial(key: str, value, name: str = "value") -> dict:
    """Pass the initial value only while the widget has no state (we may adjust its state above)."""
    return {} if key in st.session_state else {name: value}


def pe_heatmap(max_len: int, d_model: int, transpose: bool, lang: str):
    """The PE heatmap of these sizes and its CSV table (4 decimals)."""
    fig, df = attention_figures.pe_heatmap(attention.positional_encoding(max_len, d_model), transpose=transpose, lang=lang)
    return fig, df.round(4)


def pe_dot(max_len: int, d_model: int, p: int, lang: str):
    """PE(p)·PE(q) against the offset q − p."""
    offsets, dots = attention.pe_dot_by_offset(attention.positional_encoding(max_len, d_model), p)
    return attention_figures.pe_dot(offsets, dots, p, lang=lang)


def render() -> None:
    st.markdown(t("att.pe.intro"))
    st.latex(r"PE_{(pos,\,2i)}=\sin\!\left(\frac{pos}{10000^{2i/d_{\mathrm{model}}}}\right),\quad"
             r" PE_{(pos,\,2i+1)}=\cos\!\left(\frac{pos}{10000^{2i/d_{\mathrm{model}}}}\right)")
    c1, c2 = st.columns(2)
    max_len = c1.slider(t("att.pe.len"), 2, MAX_LEN, 100, key="att_pe_len", bind="query-params")
    d_model = c2.slider("d_model", 2, MAX_DIM, 512, step=2, key="att_pe_dim", bind="query-params")
    with guard(), cpu_threads(1):
        pe = attention.positional_encoding(max_len, d_model)
        transpose = st.toggle(t("att.pe.transpose"), key="att_pe_T", bind="query-params")
        # shared by every session (a max_len × d_model heatmap and its CSV are the tab's main cost)
        fig, df = resources.shared_figure(pe_heatmap, max_len, d_model, transpose, lang())
        chart(fig, key="att_pe_heatmap", data=df)
        st.caption(heatmap_caption(max_len, d_model, transpose))

        st.subheader(t("att.pe.lines"))
        default = default_dims(d_model)
        _clamp_state(max_len, d_model, default)
        chosen = st.multiselect(t("att.pe.dims"), list(range(d_model)), key="att_pe_dims", max_selections=8,
                                bind="query-params", **_initial("att_pe_dims", default, "default"))
        chosen = [int(d) for d in chosen if 0 <= int(d) < d_model]
        if chosen:
            fig, df = attention_figures.pe_lines(pe, chosen, lang=lang())
            chart(fig, key="att_pe_lines", data=df)
        else:
            st.info(t("att.pe.nodims"))

        st.subheader(t("att.pe.dot"))
        p = st.slider(t("att.pe.p"), 0, max_len - 1, key="att_pe_p", bind="query-params",
                      **_initial("att_pe_p", min(max_len // 2, 50)))
        p = min(int(p), max_len - 1)
        fig, df = resources.shared_figure(pe_dot, max_len, d_model, p, lang())
        chart(fig, key="att_pe_dot", data=df)
        st.caption(t("att.pe.dot.help", half=d_model / 2))
    from pages.attention import positions

    positions.render(int(d_model))
