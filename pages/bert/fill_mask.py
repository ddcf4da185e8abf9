"""Tab 1 — 穴埋め (fill-mask): [MASK] prediction, click-to-mask, MeCab → WordPiece inspector."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from core import resources
from core.bert import fill_mask as fm
from core.figures import bars
from pages.bert.common import candidates_frame, masked_lm
from pages.common.ui import chart, checked, guard, local, t

DEFAULT_TEXT = "東北大学で[MASK]の研究をしています。"
MODES = ("mask", "click")


def render() -> None:
    st.markdown(t("bert.fm.lead"))
    loaded = masked_lm(key_suffix="_fm")
    if loaded is None:
        return
    mode = st.segmented_control(t("bert.fm.mode"), MODES, format_func=lambda m: t(f"bert.fm.mode.{m}"),
                                default="mask", key="bert_fm_mode", bind="query-params") or "mask"
    top_k = st.slider(t("bert.fm.topk"), 1, 20, 5, key="bert_fm_topk", bind="query-params")
    if mode == "mask":
        _mask_mode(loaded, top_k)
    else:
        _click_mode(loaded, top_k)


def _mask_mode(loaded, top_k: int) -> None:
    text = checked(st.text_area(t("bert.fm.text"), DEFAULT_TEXT, key="bert_fm_text", bind="query-params",
                        help=t("bert.fm.text.help"), height=90), area=True)
    with guard():
        result = resources.fill_mask_result(loaded, loaded.path, text, top_k)  # shared model: cached per input
        for note in result.notes:
            st.info(local(note), icon="✂️")
        st.markdown(f"**{t('bert.fm.filled')}**")
        st.code(result.filled, language=None, wrap_lines=True)
        if len(result.masks) > 1:
            st.caption(t("bert.fm.independent"))
        cols = st.columns(min(3, len(result.masks)))
        for i, m in enumerate(result.masks):
            with cols[i % len(cols)]:
                labels = [tok for tok, _ in m.candidates]
                fig = bars(labels, [p for _, p in m.candidates], x_title=t("bert.chart.prob"),
                           title=t("bert.fm.mask_title", n=i + 1, pos=m.position))
                chart(fig, key=f"bert_fm_chart_{i}", filename=f"fill-mask-{i + 1}",
                      data=candidates_frame(m.candidates))
        _inspector(loaded, text)


def _click_mode(loaded, top_k: int) -> None:
    text = checked(st.text_input(t("bert.fm.click.text"), "今日はとても良い天気です。", key="bert_fm_click_text",
                         bind="query-params"))
    with guard():
        ids, tokens, notes = fm.encode(loaded, fm.require_text(text, max_chars=fm.MAX_CHARS, what=t("bert.fm.what")))
        for note in notes:
            st.info(local(note), icon="✂️")
        options = list(range(1, len(tokens) - 1))
        if not options:
            st.info(t("bert.fm.click.none"))
            return
        pick = st.pills(t("bert.fm.click.pick"), options, format_func=lambda i: f"{tokens[i]}",
                        key="bert_fm_pick", default=options[0])
        if pick is None:
            st.caption(t("bert.fm.click.hint"))
            return
        result = fm.predict_at(loaded, text, int(pick), top_k=top_k)
        m = result.masks[0]
        masked = [tok if i != pick else "[MASK]" for i, tok in enumerate(tokens)]
        st.code(" ".join(masked), language=None, wrap_lines=True)
        st.markdown(t("bert.fm.click.original", token=m.original, prob=m.original_prob, rank=m.original_rank))
        labels = [tok for tok, _ in m.candidates]
        fig = bars(labels, [p for _, p in m.candidates], highlight={m.original}, x_title=t("bert.chart.prob"),
                   title=t("bert.fm.mask_title", n=1, pos=m.position))
        chart(fig, key="bert_fm_click_chart", filename="click-to-mask", data=candidates_frame(m.candidates))
        st.markdown(f"**{t('bert.fm.filled')}**")
        st.code(result.filled, language=None, wrap_lines=True)
        _inspector(loaded, text)


def _inspector(loaded, text: str) -> None:
    with st.expander(t("bert.fm.inspector"), expanded=False):
        st.caption(t("bert.fm.inspector.help"))
        with guard():
            rows = fm.inspect_tokens(loaded, fm.normalize_masks(text))
            df = pd.DataFrame([{t("bert.fm.col.word"): r.word, "WordPiece": " ".join(r.pieces),
                                "ids": ", ".join(str(i) for i in r.ids)} for r in rows])
            st.dataframe(df, hide_index=True, width="stretch")
            n_unk = sum(p == loaded.tokenizer.unk_token for r in rows for p in r.pieces)
            st.caption(t("bert.fm.inspector.count", words=len(rows), pieces=sum(len(r.pieces) for r in rows),
                         unk=n_unk))
