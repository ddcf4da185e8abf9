"""事前学習済み翻訳 (pretrained MT): MarianMT (Helsinki-NLP/opus-mt-ja-en) via generate, with its
cross-attention per layer / head. Offline: a clear message naming the model and the fetch command."""
from __future__ import annotations

import streamlit as st

from core import ModelUnavailable, resources
from core.seq2seq import figures
from core.seq2seq.pretrained import TASK, translate_pretrained
from pages.common.download import offer
from pages.common.model_source import model_caption, source_field
from pages.common.ui import chart, checked, guard, show_error, t


def render() -> None:
    st.caption(t("s2s.mt.explain"))
    source = source_field(TASK)  # the shared hub-model picker (sidebar)
    model_caption(TASK)
    with guard():
        try:
            with st.spinner(t("s2s.mt.loading")):
                loaded = resources.seq2seq_marian(source)
        except ModelUnavailable as exc:
            show_error(exc)
            offer(source, key="s2s_mt_download")
            return
        c1, c2 = st.columns([3, 1])
        with c1:
            text = checked(st.text_input(t("s2s.mt.input"), value="私は昨日公園で猫を見た", key="s2s_mt_text",
                                 bind="query-params", max_chars=300), limit=300)
        with c2:
            beam = st.number_input(t("s2s.tr.beam"), min_value=1, max_value=8, value=4, key="s2s_mt_beam")
        result = translate_pretrained(loaded, text, beam=int(beam))
        st.markdown(f"**{t('s2s.tr.output')}**")
        st.code(result.output, language=None)
        L, H = result.cross_attention.shape[:2]
        c1, c2 = st.columns(2)
        with c1:
            layer = st.selectbox(t("s2s.mt.layer"), list(range(L)), index=L - 1, format_func=lambda i: f"{i + 1}",
                                 key="s2s_mt_layer")
        with c2:
            head = st.selectbox(t("s2s.mt.head"), [-1] + list(range(H)),
                                format_func=lambda h: t("s2s.mt.mean") if h < 0 else f"{h + 1}", key="s2s_mt_head")
        att = result.layer_head(layer, None if head < 0 else head)
        hover = t("s2s.tr.hover", out="%{customdata[0]}", src="%{customdata[1]}")
        fig, df = figures.attention_heatmap(att, result.src_tokens, result.out_tokens,
                                            f"{t('s2s.mt.heatmap')} — layer {layer + 1}, "
                                            + ("mean" if head < 0 else f"head {head + 1}"), hover=hover)
        chart(fig, key="s2s_mt_heatmap", filename=f"marian-cross-attention-L{layer + 1}", data=df)
        if st.toggle(t("s2s.mt.grid"), key="s2s_mt_grid"):
            fig, df = figures.model_view(result.cross_attention, result.src_tokens, result.out_tokens,
                                         t("s2s.mt.grid"))
            chart(fig, key="s2s_mt_grid_chart", filename="marian-cross-attention-all", data=df)
