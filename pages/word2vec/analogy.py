"""Tab アナロジー: positive − negative (王様 − 男 + 女), top-N answers, presets labelled by source
(100本ノック No. 63 from the course vs commonly used examples)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from core.figures import bars
from core.word2vec import figures, query
from pages.common.ui import chart, checked, guard, lang, t

CUSTOM = "—"


def _apply_preset() -> None:
    label = st.session_state.get("w2v_preset")
    for p in query.ANALOGY_PRESETS:
        if p["label"] == label:
            st.session_state["w2v_pos"] = p["positive"]
            st.session_state["w2v_neg"] = p["negative"]


def _preset_label(label: str) -> str:
    if label == CUSTOM:
        return t("w2v.an.custom")
    p = next(p for p in query.ANALOGY_PRESETS if p["label"] == label)
    return f"{label} — {t('w2v.an.src.' + p['source'])}"


def render(source) -> None:
    if source is None:
        return
    kv = source.kv
    st.markdown(t("w2v.an.lead"))
    labels = [CUSTOM] + [p["label"] for p in query.ANALOGY_PRESETS]
    st.selectbox(t("w2v.an.preset"), labels, key="w2v_preset", on_change=_apply_preset,
                 format_func=_preset_label)
    st.session_state.setdefault("w2v_pos", "王様 女")
    st.session_state.setdefault("w2v_neg", "男")
    c1, c2, c3 = st.columns([2, 2, 1])
    pos = checked(c1.text_input(t("w2v.an.positive"), key="w2v_pos", bind="query-params", help=t("w2v.an.help")))
    neg = checked(c2.text_input(t("w2v.an.negative"), key="w2v_neg", bind="query-params"))
    topn = c3.number_input(t("w2v.nb.topn"), value=10, step=1, key="w2v_an_topn", bind="query-params")
    with guard():
        result = query.analogy(kv, pos, neg, topn)
        formula = " + ".join(r.query for r in result.positive)
        if result.negative:
            formula += " − " + " − ".join(r.query for r in result.negative)
        st.markdown(t("w2v.an.formula", formula=formula))
        for r in result.positive + result.negative:
            if r.how != "as typed" or r.shared_row:
                st.caption(r.explain(lang()))
        words = [w for w, _ in result.answers]
        scores = [s for _, s in result.answers]
        preset = next((p for p in query.ANALOGY_PRESETS
                       if p["positive"] == pos.strip() and p["negative"] == neg.strip()), None)
        expected = preset["expected"] if preset else None
        if preset:
            src = t("w2v.an.src." + preset["source"])
            rank = words.index(expected) + 1 if expected in words else None
            st.info(t("w2v.an.expected.rank", word=expected, rank=rank, source=src) if rank
                    else t("w2v.an.expected.none", word=expected, n=len(words), source=src))
        fig = bars(words, scores, title=t("w2v.an.chart", formula=formula), x_title=t("w2v.cosine"),
                   highlight={expected} if expected else None, x_range=figures.COSINE_RANGE)
        chart(fig, key="w2v_an_chart", filename="analogy",
              data=pd.DataFrame({t("w2v.col.answer"): words, t("w2v.col.cosine"): scores}, index=range(1, len(words) + 1)))
        st.caption(t("w2v.an.note"))
