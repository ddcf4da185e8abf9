"""Tab 類似語 (neighbours): top-N most similar with cosine scores, similarity of two words,
the odd one out (doesnt_match)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from core import resources
from core.word2vec import figures, query
from pages.common.ui import chart, checked, guard, lang, local, t


def render(source) -> None:
    if source is None:
        return
    kv = source.kv
    st.markdown(t("w2v.nb.lead"))
    c1, c2 = st.columns([3, 1])
    word = checked(c1.text_input(t("w2v.nb.word"), value="猫", key="w2v_word", bind="query-params", max_chars=None))
    topn = c2.number_input(t("w2v.nb.topn"), value=10, step=1, key="w2v_topn", bind="query-params",
                           help=t("w2v.nb.topn.help"))
    with guard():
        result = (resources.word2vec_neighbors(kv, source.name, word, int(topn)) if source.shared
                  else query.neighbors(kv, word, topn))
        st.caption(result.resolution.explain(lang()))
        words = [w for w, _ in result.neighbors]
        scores = [s for _, s in result.neighbors]
        cols = (t("w2v.col.word"), t("w2v.col.cosine"))
        fig = resources.bars_figure(tuple(words), tuple(scores), title=t("w2v.nb.chart", word=result.resolution.key),
                                    x_title=t("w2v.cosine"), x_range=figures.COSINE_RANGE)
        chart(fig, key="w2v_nb_chart", filename="neighbors",
              data=lambda: pd.DataFrame(dict(zip(cols, (words, scores))), index=range(1, len(words) + 1)))

    st.divider()
    st.subheader(t("w2v.sim.title"))
    c1, c2 = st.columns(2)
    a = checked(c1.text_input(t("w2v.sim.a"), value="猫", key="w2v_sim_a", bind="query-params"))
    b = checked(c2.text_input(t("w2v.sim.b"), value="犬", key="w2v_sim_b", bind="query-params"))
    with guard():
        cos, ra, rb = query.similarity(kv, a, b)
        st.metric(t("w2v.sim.metric", a=ra.query, b=rb.query), f"{cos:.4f}")
        for r in (ra, rb):
            if r.how != "as typed" or r.shared_row:
                st.caption(r.explain(lang()))

    st.divider()
    st.subheader(t("w2v.odd.title"))
    words_text = checked(st.text_input(t("w2v.odd.words"), value="犬 猫 鳥 自動車", key="w2v_odd", bind="query-params",
                               help=t("w2v.odd.help")))
    with guard():
        odd = query.doesnt_match(kv, words_text)
        st.success(t("w2v.odd.result", word=odd.odd))
        ws = [w for w, _ in odd.scores]
        ss = [s for _, s in odd.scores]
        fig = resources.bars_figure(tuple(ws), tuple(ss), title=t("w2v.odd.chart"), x_title=t("w2v.cosine"),
                                    highlight=(odd.odd,), x_range=figures.COSINE_RANGE)
        odd_cols = (t("w2v.col.word"), t("w2v.col.mean_cosine"))
        chart(fig, key="w2v_odd_chart", filename="doesnt_match",
              data=lambda: pd.DataFrame(dict(zip(odd_cols, (ws, ss)))))
        notes = [r.explain(lang()) for r in odd.resolutions if r.how != "as typed" or r.shared_row]
        for n in notes:
            st.caption(local(n))
