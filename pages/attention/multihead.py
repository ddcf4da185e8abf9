"""Section 2: multi-head attention (h heads of d_k = d_model / h, concat, W^O, parameter count)."""
from __future__ import annotations

import streamlit as st

from core import attention
from core.attention import figures as attention_figures
from pages.attention import common
from pages.common.ui import chart, checked, guard, lang, t

DEFAULT_TEXT = "私は甘いバナナが好きです"
MAX_SHOWN_HEADS = 16


def render() -> None:
    st.markdown(t("att.mh.intro"))
    st.latex(r"\mathrm{MultiHead}(Q,K,V)=\mathrm{Concat}(\mathrm{head}_1,\dots,\mathrm{head}_h)\,W^O")
    st.latex(r"\mathrm{head}_i=\mathrm{Attention}(XW_Q^i,\,XW_K^i,\,XW_V^i),\quad d_k=d_{\mathrm{model}}/h")
    text = checked(st.text_input(t("att.sentence"), value=DEFAULT_TEXT, key="att_mh_text", bind="query-params",
                         max_chars=attention.MAX_TEXT_CHARS, help=t("att.sentence.help", n=attention.MAX_TOKENS)), limit=attention.MAX_TEXT_CHARS)
    c1, c2, c3, c4 = st.columns([2, 1, 1, 1])
    source = common.vector_source_radio(c1, key="att_mh_vec", default="random")
    d_model = c2.number_input(t("att.d_model"), 1, 512, 16, key="att_mh_dmodel", bind="query-params",
                              disabled=source == "chiVe", help=t("att.mh.d_model.help"))
    h = c3.number_input(t("att.mh.h"), 0, 64, 4, key="att_mh_h", bind="query-params", help=t("att.mh.h.help"))
    seed = c4.number_input(t("att.seed"), 0, 9999, 0, key="att_mh_seed", bind="query-params")
    causal = st.toggle(t("att.causal"), key="att_mh_causal", bind="query-params", help=t("att.causal.help"))

    with guard():
        tokens = common.tokens_with_notes(text)
        X, d_used = common.token_vectors(tokens, source, int(d_model), int(seed))
        d_k = attention.check_heads(d_used, int(h))
        X = attention.standardize(X)
        W_Q, W_K, W_V, W_O = attention.square_weights(d_used, seed=int(seed))
        mask = attention.causal_mask(len(tokens)) if causal else None
        r = attention.multi_head(X, X, X, W_Q, W_K, W_V, W_O, int(h), mask=mask)
        _params(d_used, int(h))
        _heads(r, tokens)
        _concat(r, tokens, d_used, d_k)
        _ffn(r.output, tokens, d_used, int(seed))


def _params(d_model: int, h: int) -> None:
    st.subheader(t("att.mh.params"))
    p = attention.multi_head_params(d_model, h)
    c = st.columns(4)
    c[0].metric("d_k = d_model / h", f"{p['d_k']}")
    c[1].metric(t("att.mh.p.qkv"), f"{p['W_QKV']:,}", help=t("att.mh.p.qkv.help", h=h, d=d_model, dk=p["d_k"]))
    c[2].metric("W^O", f"{p['W_O']:,}")
    c[3].metric(t("att.mh.p.total"), f"{p['total']:,}")
    fig, df = attention_figures.params_by_heads(d_model, h, lang=lang())
    chart(fig, key="att_mh_params", data=df)


def _heads(r: attention.MultiHead, tokens: list[str]) -> None:
    st.subheader(t("att.mh.heads", h=r.h, dk=r.d_k))
    shown = min(r.h, MAX_SHOWN_HEADS)
    if r.h > shown:
        st.caption(t("att.mh.heads.more", shown=shown, h=r.h))
    per_row = 4 if shown >= 4 else shown
    for start in range(0, shown, per_row):
        cols = st.columns(per_row)
        for i, col in zip(range(start, min(shown, start + per_row)), cols):
            with col:
                fig, df = attention_figures.heatmap(r.weights[i], tokens, tokens, title=f"head {i + 1}", zmin=0, zmax=1,
                                    annotate=len(tokens) * per_row <= 20, height=300)
                fig.update_traces(showscale=False)
                chart(fig, key=f"att_mh_head{i}", data=df)


def _concat(r: attention.MultiHead, tokens: list[str], d_model: int, d_k: int) -> None:
    st.subheader(t("att.mh.concat"))
    st.caption(t("att.mh.concat.help", h=r.h, dk=d_k, d=d_model))
    c = st.columns(2)
    with c[0]:
        fig, df = attention_figures.heatmap(r.concat, tokens, attention_figures.dims(d_model), title=f"Concat(head_1 … head_{r.h})" + t("common.dims", r=len(tokens), c=d_model),
                            signed=True, annotate=False)
        for i in range(1, r.h):
            fig.add_vline(x=i * d_k - 0.5, line_color="black", line_width=2)
        chart(fig, key="att_mh_concat", data=df)
    with c[1]:
        fig, df = attention_figures.heatmap(r.output, tokens, attention_figures.dims(d_model), title=t("att.mh.out.title", n=len(tokens), d=d_model),
                            signed=True, annotate=False)
        chart(fig, key="att_mh_output", data=df)


def _ffn(x, tokens: list[str], d_model: int, seed: int) -> None:
    """The position-wise FFN that follows attention in each Transformer layer (d_ff = 4·d_model)."""
    import torch

    with st.expander(t("att.mh.ffn")):
        st.latex(r"\mathrm{FFN}(x)=\max(0,\,xW_1+b_1)\,W_2+b_2")
        d_ff = 4 * d_model
        g = torch.Generator().manual_seed(seed + 1)
        W_1 = torch.randn(d_model, d_ff, generator=g) / d_model ** 0.5
        W_2 = torch.randn(d_ff, d_model, generator=g) / d_ff ** 0.5
        b_1, b_2 = torch.zeros(d_ff), torch.zeros(d_model)
        y = attention.ffn(x, W_1, b_1, W_2, b_2)
        st.caption(t("att.mh.ffn.help", d=d_model, dff=d_ff))
        fig, df = attention_figures.heatmap(y, tokens, attention_figures.dims(d_model), title=t("att.mh.ffn.title", n=len(tokens), d=d_model),
                            signed=True, annotate=False)
        chart(fig, key="att_mh_ffn", data=df)
