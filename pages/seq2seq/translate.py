"""変換してみる (translate): input → output, beam candidates with log-probabilities, and the
attention heatmap (hover values, PNG via the camera icon, CSV download)."""
from __future__ import annotations

import math

import streamlit as st

from core import resources
from core.seq2seq import figures
from core.seq2seq.decode import MAX_BEAM, translate
from pages.common.ui import chart, checked, guard, t

EXAMPLES = ["平成6年9月27日", "令和元年五月一日", "TUESDAY, SEPTEMBER 27, 1994", "9/27/94",
            "一九九四年九月二十七日", "昭和64年1月7日", "27 Sep 1994", "H31.4.30"]


def _model():
    choice = st.radio(t("s2s.tr.model"), ["default", "mine"],
                      format_func=lambda k: t("s2s.tr.default") if k == "default" else t("s2s.tr.mine"),
                      key="s2s_model", bind="query-params", horizontal=True)
    if choice == "mine":
        trainer = st.session_state.get("s2s_user")
        if trainer is not None and trainer.result.history:
            return trainer.model, "mine"
        st.info(t("s2s.tr.no_mine"))
    with st.spinner(t("s2s.tr.loading")):
        return resources.seq2seq_date_model(), "default"


def render() -> None:
    with guard():
        model, which = _model()
        c1, c2 = st.columns([3, 1])
        with c1:
            text = checked(st.text_input(t("s2s.tr.input"), value=EXAMPLES[0], key="s2s_text", bind="query-params",
                                 max_chars=300), limit=300)
            examples = EXAMPLES
            trainer = st.session_state.get("s2s_user")
            if which == "mine" and trainer is not None:
                examples = [src for src, _ in trainer.val_pairs.raw[:4]]
            st.caption(t("s2s.tr.examples") + ": " + " · ".join(examples))
        with c2:
            beam = st.number_input(t("s2s.tr.beam"), min_value=1, max_value=MAX_BEAM, value=3, key="s2s_beam",
                                   bind="query-params")
        tr = translate(model, text, beam=int(beam))
        st.markdown(f"**{t('s2s.tr.output')}**")
        st.code(tr.output, language=None)
        st.markdown(f"**{t('s2s.tr.candidates')}**")
        st.dataframe({t("s2s.tr.output"): [c for c, _ in tr.candidates],
                      t("s2s.tr.logprob"): [round(lp, 4) for _, lp in tr.candidates],
                      t("s2s.tr.prob"): [round(math.exp(lp), 4) for _, lp in tr.candidates]}, hide_index=True)
        if not tr.has_attention:
            st.info(t("s2s.tr.no_attention"))
            return
        hover = t("s2s.tr.hover", out="%{customdata[0]}", src="%{customdata[1]}")
        fig, df = figures.attention_heatmap(tr.attention, tr.src_tokens, tr.out_tokens, t("s2s.tr.heatmap"), hover=hover)
        chart(fig, key="s2s_heatmap", filename="seq2seq-attention", data=df)
        if "cross" in tr.extra:  # a Transformer: every layer and head of the source–target attention
            st.markdown(f"**{t('s2s.tr.cross_grid')}**")
            st.caption(t("s2s.tr.cross_explain"))
            fig, df = figures.model_view(tr.extra["cross"], tr.src_tokens, tr.out_tokens)
            chart(fig, key="s2s_cross_grid", filename="seq2seq-transformer-cross-attention", data=df)
