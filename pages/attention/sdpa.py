"""Section 1: scaled dot-product attention step by step (Q, K, V, QKᵀ, /√d_k, softmax, output)."""
from __future__ import annotations

import streamlit as st

from core import attention
from core import resources
from core.attention import figures as attention_figures
from core.device import cpu_threads
from pages.attention import common
from pages.common.ui import chart, checked, guard, lang, t

DEFAULT_TEXT = "バナナが好き"


def render() -> None:
    st.markdown(t("att.sdpa.intro"))
    st.latex(r"\mathrm{Attention}(Q,K,V)=\mathrm{softmax}\!\left(\frac{QK^{\top}}{\sqrt{d_k}}\right)V,"
             r"\quad Q=XW_Q,\; K=XW_K,\; V=XW_V")
    text = checked(st.text_input(t("att.sentence"), value=DEFAULT_TEXT, key="att_text", bind="query-params",
                         max_chars=attention.MAX_TEXT_CHARS, help=t("att.sentence.help", n=attention.MAX_TOKENS)), limit=attention.MAX_TEXT_CHARS)
    c1, c2, c3, c4 = st.columns([2, 1, 1, 1])
    source = common.vector_source_radio(c1, key="att_vec")
    d_model = c2.slider(t("att.d_model"), 4, 64, 8, key="att_dmodel", bind="query-params",
                        disabled=source == "chiVe", help=t("att.d_model.help"))
    d_k = c3.slider("d_k", attention.D_K_RANGE[0], attention.D_K_RANGE[1], 4, key="att_dk", bind="query-params",
                    help=t("att.d_k.help"))
    seed = c4.number_input(t("att.seed"), 0, 9999, 0, key="att_seed", bind="query-params")
    t1, t2 = st.columns(2)
    no_scale = t1.toggle(t("att.noscale"), key="att_noscale", bind="query-params", help=t("att.noscale.help"))
    causal = t2.toggle(t("att.causal"), key="att_causal", bind="query-params", help=t("att.causal.help"))

    with guard(), cpu_threads(1):  # tiny matrices: a second torch thread only adds waiting (see core.device)
        tokens = common.tokens_with_notes(text)
        X, d_used = common.token_vectors(tokens, source, d_model, seed)
        W_Q, W_K, W_V = attention.projections(d_used, d_k, seed=seed)
        s = attention.steps(attention.standardize(X), W_Q, W_K, W_V, scale=not no_scale, causal=causal)
        _draw(s, tokens, d_used, no_scale, causal)


def _draw(s: attention.Steps, tokens: list[str], d_model: int, no_scale: bool, causal: bool) -> None:
    dk = s.d_k
    cols = attention_figures.dims(dk)
    with st.expander(t("att.step0", n=len(tokens), d=d_model)):
        fig, df = resources.shared_figure(attention_figures.heatmap, s.X, tokens, attention_figures.dims(d_model), title=t("att.fig.X"), signed=True)
        chart(fig, key="att_sdpa_X", data=df)

    st.subheader(t("att.step1"))
    st.caption(t("att.step1.help", d=d_model, dk=dk))
    c = st.columns(3)
    for col, name, M in zip(c, ("Q", "K", "V"), (s.Q, s.K, s.V)):
        with col:
            fig, df = resources.shared_figure(attention_figures.heatmap, M, tokens, cols, title=t("att.fig.proj", name=name, n=len(tokens), dk=dk), signed=True)
            chart(fig, key=f"att_sdpa_{name}", data=df)

    st.subheader(t("att.step2"))
    st.caption(t("att.step2.help", dk=dk, sq=f"{dk ** 0.5:.2f}"))
    from pages.common import slips

    slips.show("scale")  # the notes' √(embedding dim): issue 27, item 13
    hidden = None if s.mask is None else ~s.mask
    c = st.columns(2)
    with c[0]:
        fig, df = resources.shared_figure(attention_figures.heatmap, s.scores, tokens, tokens, title="QKᵀ", signed=True, masked=hidden,
                            row_title=t("att.axis.query"), col_title=t("att.axis.key"))
        chart(fig, key="att_sdpa_scores", data=df)
    with c[1]:
        fig, df = resources.shared_figure(attention_figures.heatmap, s.scaled, tokens, tokens, title=t("att.fig.scaled", dk=dk, sq=f"{dk ** 0.5:.2f}"),
                            signed=True, masked=hidden, row_title=t("att.axis.query"), col_title=t("att.axis.key"))
        chart(fig, key="att_sdpa_scaled", data=df)
    if causal:
        st.info(t("att.causal.note"), icon=":material/visibility_off:")
        slips.show("mask")

    st.subheader(t("att.step3"))
    st.caption(t("att.step3.noscale") if no_scale else t("att.step3.help"))
    c = st.columns(2)
    with c[0]:
        title = t("att.fig.noscale") if no_scale else "softmax(QKᵀ / √d_k)"
        fig, df = resources.shared_figure(attention_figures.heatmap, s.weights, tokens, tokens, title=title, zmin=0, zmax=1,
                            row_title=t("att.axis.query"), col_title=t("att.axis.key"))
        chart(fig, key="att_sdpa_weights", data=df)
    with c[1]:
        fig, df = resources.shared_figure(attention_figures.heatmap, s.output, tokens, attention_figures.dims(s.output.shape[1], "v"),
                            title=t("att.fig.output", n=len(tokens), d=s.output.shape[1]), signed=True)
        chart(fig, key="att_sdpa_output", data=df)
    if no_scale:
        _saturation(s, tokens)

    st.subheader(t("att.step4"))
    options = [f"{i}: {tok}" for i, tok in enumerate(tokens)]  # the value names the token (URL too)
    picked = st.selectbox(t("att.query"), options, key="att_query", bind="query-params")
    q = options.index(picked) if picked in options else 0
    _hard(s, tokens, q)


def _next_draw() -> None:
    st.session_state["att_hard_seed"] = int(st.session_state.get("att_hard_seed", 0)) + 1


def _hard(s: attention.Steps, tokens: list[str], q: int) -> None:
    """Soft vs the two hard attentions: argmax (deterministic) and sampling (the notes' definition)."""
    import pandas as pd

    c1, c2 = st.columns([1, 1], vertical_alignment="bottom")
    seed = c1.number_input(t("att.hard.seed"), 0, 99999, 0, key="att_hard_seed", help=t("att.hard.seed.help"))
    c2.button(t("att.hard.redraw"), key="att_hard_redraw", on_click=_next_draw)
    sampled = attention.sampled_hard_attention(s.weights, seed=int(seed))
    st.caption(t("att.hard.which"))
    c = st.columns([3, 2])
    with c[0]:
        fig, df = resources.shared_figure(attention_figures.weights_bar, s.weights[q], tokens, tokens[q], hard=s.hard[q], sampled=sampled[q], lang=lang())
        chart(fig, key="att_sdpa_bar", data=df)
    with c[1]:
        fig, df = resources.shared_figure(attention_figures.heatmap, s.hard, tokens, tokens, title=t("att.fig.hard_argmax"),
                            zmin=0, zmax=1, fmt=".0f", colorscale="Oranges")
        chart(fig, key="att_sdpa_hard", data=df)
        fig, df = resources.shared_figure(attention_figures.heatmap, sampled, tokens, tokens, title=t("att.fig.hard_sampled", seed=int(seed)),
                            zmin=0, zmax=1, fmt=".0f", colorscale="Greens")
        chart(fig, key="att_sdpa_hard_sampled", data=df)
    j_max, j_draw = int(s.hard[q].argmax()), int(sampled[q].argmax())
    cmp = pd.DataFrame({t("att.col.soft"): s.output[q].numpy(),
                        t("att.col.hard_argmax", j=j_max): s.hard_output[q].numpy(),
                        t("att.col.hard_sampling", j=j_draw): (sampled @ s.V)[q].numpy()},
                       index=attention_figures.dims(s.output.shape[1], "v"))
    st.caption(t("att.softhard.help", token=tokens[j_max]) + " " + t("att.hard.drawn", token=tokens[j_draw]))
    st.dataframe(cmp.T.round(3), width="stretch")  # rounded, not a Styler: a Styler costs ~10 ms per run
    n = 1000
    freq = attention.sample_frequencies(s.weights[q], n, seed=int(seed))
    st.caption(t("att.hard.freq", n=n))
    st.dataframe(pd.DataFrame({t("att.col.alpha"): s.weights[q].numpy(), t("att.col.freq", n=n): freq.numpy()},
                              index=[f"{i}: {tok}" for i, tok in enumerate(tokens)]).T.round(3),
                 width="stretch")


def _saturation(s: attention.Steps, tokens: list[str]) -> None:
    st.markdown(t("att.saturation.title"))
    scaled_w = attention.steps(s.X, s.W_Q, s.W_K, s.W_V, scale=True, causal=s.mask is not None).weights
    c = st.columns(2)
    for col, name, W, key in ((c[0], "softmax(QKᵀ / √d_k)", scaled_w, "att_sat_scaled"),
                              (c[1], t("att.fig.noscale"), s.weights_unscaled, "att_sat_raw")):
        with col:
            fig, df = resources.shared_figure(attention_figures.heatmap, W, tokens, tokens, title=name, zmin=0, zmax=1)
            chart(fig, key=key, data=df)
            m1, m2 = st.columns(2)
            m1.metric(t("att.maxweight"), f"{float(W.max(-1).values.mean()):.3f}")
            m2.metric(t("att.entropy"), f"{float(attention.entropy(W).mean()):.3f}")
    st.caption(t("att.saturation.help"))
