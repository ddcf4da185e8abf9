"""Section 「Transformer を組み立てる」: one encoder layer and one decoder layer step by step on
the user's sentences (core.transformer.demo), post-LN / pre-LN, without the residual, and a
diagram of N stacked layers."""
from __future__ import annotations

import streamlit as st

from core import attention
from core.attention import figures as attention_figures
from core.transformer import figures as transformer_figures
from core.transformer.demo import Assembled, assemble, similarity
from pages.attention import common
from pages.common.ui import chart, checked, guard, lang, t

DEFAULT_SRC = "私は甘いバナナが好きです"
DEFAULT_TGT = "I like sweet bananas"
MAX_TOKENS = 12


def render() -> None:
    st.markdown(t("tf.asm.intro"))
    c1, c2 = st.columns(2)
    src_text = checked(c1.text_input(t("tf.asm.src"), value=DEFAULT_SRC, key="tf_asm_src", bind="query-params",
                                     max_chars=attention.MAX_TEXT_CHARS), limit=attention.MAX_TEXT_CHARS)
    tgt_text = checked(c2.text_input(t("tf.asm.tgt"), value=DEFAULT_TGT, key="tf_asm_tgt", bind="query-params",
                                     max_chars=attention.MAX_TEXT_CHARS), limit=attention.MAX_TEXT_CHARS)
    c = st.columns(4)
    d_model = c[0].number_input(t("att.d_model"), 1, 64, 16, key="tf_asm_d", bind="query-params")
    h = c[1].number_input(t("att.mh.h"), 0, 16, 4, key="tf_asm_h", bind="query-params", help=t("att.mh.h.help"))
    n_layers = c[2].number_input(t("tf.asm.n"), 1, 12, 6, key="tf_asm_n", bind="query-params")
    seed = c[3].number_input(t("att.seed"), 0, 9999, 0, key="tf_asm_seed", bind="query-params")
    c1, c2 = st.columns(2)
    ln = c1.radio(t("tf.asm.ln"), ("post", "pre"), format_func=lambda v: t(f"tf.asm.ln.{v}"), horizontal=True,
                  key="tf_asm_ln", bind="query-params")
    no_residual = c2.toggle(t("tf.asm.nores"), key="tf_asm_nores", bind="query-params", help=t("tf.asm.nores.help"))
    with guard():
        src = common.tokens_with_notes(src_text, max_tokens=MAX_TOKENS)
        tgt = attention.tokens_of(tgt_text, max_tokens=MAX_TOKENS).tokens
        common.show_tokens(tgt)
        a = assemble(src, tgt, d_model=int(d_model), h=int(h), norm_first=ln == "pre",
                     residual=not no_residual, seed=int(seed))
        _formulas(a)
        with st.expander(t("tf.asm.diagram", n=int(n_layers)), expanded=True):
            st.graphviz_chart(transformer_figures.stack_diagram(int(n_layers), norm_first=ln == "pre", residual=not no_residual,
                                                 lang=lang()))
        _encoder(a)
        _decoder(a)


def _formulas(a: Assembled) -> None:
    pre, res = a.cfg.norm_first, a.cfg.residual
    if pre:
        f = r"x \leftarrow x + \mathrm{Sublayer}(\mathrm{LN}(x))" if res else r"x \leftarrow \mathrm{Sublayer}(\mathrm{LN}(x))"
    else:
        f = r"x \leftarrow \mathrm{LN}(x + \mathrm{Sublayer}(x))" if res else r"x \leftarrow \mathrm{LN}(\mathrm{Sublayer}(x))"
    st.latex(f + r",\quad \mathrm{Sublayer} \in \{\mathrm{MultiHead},\ \mathrm{FFN}\}")
    st.caption(t("tf.asm.shapes", d=a.cfg.d_model, h=a.cfg.h, dk=a.cfg.d_k, dff=a.cfg.d_ff))


def _matrix(M, rows, title: str, key: str) -> None:
    fig, df = attention_figures.heatmap(M, rows, attention_figures.dims(M.shape[-1]), title=title + t("common.dims", r=M.shape[0], c=M.shape[1]), signed=True,
                        height=max(200, 70 + 26 * len(rows)))
    chart(fig, key=key, data=df)


def _steps(steps, tokens, prefix: str) -> None:
    cols = st.columns(2)
    for i, s in enumerate(steps):
        with cols[i % 2]:
            _matrix(s.value, tokens, f"{i + 1}. {t(f'tf.step.{s.key}')}", f"{prefix}_{i}_{s.key}")


def _heads(W, rows, cols_tokens, prefix: str, title: str, masked=None) -> None:
    st.markdown(f"**{title}**")
    per_row = min(4, W.shape[0])
    for start in range(0, W.shape[0], per_row):
        cols = st.columns(per_row)
        for i, col in zip(range(start, min(W.shape[0], start + per_row)), cols):
            with col:
                fig, df = attention_figures.heatmap(W[i], rows, cols_tokens, title=f"head {i + 1}", zmin=0, zmax=1, masked=masked,
                                    annotate=len(rows) * len(cols_tokens) * per_row <= 160, height=260)
                fig.update_traces(showscale=False)
                chart(fig, key=f"{prefix}{i}", data=df)


def _encoder(a: Assembled) -> None:
    st.subheader(t("tf.asm.enc"))
    c = st.columns(2)
    with c[0]:
        _matrix(a.X, a.src, t("tf.step.X"), "tf_asm_X")
    with c[1]:
        _matrix(a.PE_src, a.src, "PE", "tf_asm_PE")
    _steps(a.enc_steps, a.src, "tf_asm_enc")
    _heads(a.enc_weights, a.src, a.src, "tf_asm_ew", t("tf.asm.enc.weights"))
    _keep(a.enc_steps)


def _keep(steps) -> None:
    """How much of the input x0 the layer's output keeps (cosine similarity per token, mean)."""
    sim = similarity(steps[0].value, steps[-1].value)
    st.metric(t("tf.asm.keep"), f"{sim:.2f}", help=t("tf.asm.keep.help"))


def _decoder(a: Assembled) -> None:
    st.subheader(t("tf.asm.dec"))
    st.caption(t("tf.asm.dec.help"))
    _steps(a.dec_steps, a.tgt, "tf_asm_dec")
    hidden = ~attention.causal_mask(len(a.tgt)).numpy()
    _heads(a.self_weights, a.tgt, a.tgt, "tf_asm_sw", t("tf.asm.dec.self"), masked=hidden)
    _heads(a.cross_weights, a.tgt, a.src, "tf_asm_cw", t("tf.asm.dec.cross"))
    _keep(a.dec_steps)
