"""Tab カウントベース: co-occurrence matrix of the built-in corpus (window selectable), PPMI,
truncated SVD, and the neighbours of the same words from SVD vs word2vec trained on the same
corpus, side by side (the notes' カウントベース vs 推論ベース). Numbers from core.word2vec.count."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from core.word2vec import count, figures, train
from core.word2vec.query import split_words
from pages.common.longrun import LiveRun
from pages.common.ui import chart, checked, guard, lang, t

ROWS = "猫 犬 馬 パン 寿司 カレー 東京 大阪 父 母 電車 バス"
QUERIES = "猫 東京 父 カレー バス"
W2V_KEY = "w2v_cnt_w2v"  # (settings, TrainResult) of the word2vec trained here


def _model(window: int) -> count.CountModel:
    return count.cooccurrence(train.sample_sentences("surface"), window)


def render() -> None:
    st.markdown(t("w2v.cnt.lead"))
    c = st.columns(4)
    window = c[0].slider(t("w2v.cnt.window"), 1, 5, 2, key="w2v_cnt_window", bind="query-params")
    kind = c[1].radio(t("w2v.cnt.kind"), ("C", "PPMI"), index=1, key="w2v_cnt_kind", bind="query-params",
                      format_func=lambda k: t(f"w2v.cnt.kind.{k}"), horizontal=True)
    d = c[2].select_slider(t("w2v.cnt.dim"), [2, 5, 10, 20, 50, 100], 50, key="w2v_cnt_dim", bind="query-params")
    n_cols = c[3].slider(t("w2v.cnt.cols"), 5, 30, 15, key="w2v_cnt_cols", bind="query-params")
    rows_text = checked(st.text_input(t("w2v.cnt.rows"), ROWS, key="w2v_cnt_rows", bind="query-params",
                              max_chars=300, help=t("w2v.cnt.rows.help")), limit=300)
    svd_kv = None
    with guard():
        model = _model(window)
        P = count.ppmi(model.C)
        st.caption(t("w2v.cnt.size", V=len(model.vocab), sents=len(train.sample_sentences("surface")),
                     nnz=int((model.C > 0).sum()), total=int(model.C.sum())))
        st.latex(r"\mathrm{PPMI}(i,j)=\max\!\Bigl(0,\ \log_2\frac{C_{ij}\,N}{c_i\,c_j}\Bigr),\qquad"
                 r"\mathrm{PPMI}\approx U_d\,\Sigma_d\,V_d^{\top}\ \Rightarrow\ \text{word vectors}=U_d\Sigma_d")
        vecs, sv = count.svd_vectors(P, d)
        svd_kv = count.keyed_vectors(model.vocab, vecs)
    if svd_kv is None:
        return
    with guard():
        M = P if kind == "PPMI" else model.C
        rows, cols, sub = count.submatrix(model, M, split_words(rows_text, maximum=20), n_cols)
        title = t("w2v.cnt.heat.title", kind=t(f"w2v.cnt.kind.{kind}"), window=window)
        fig = figures.heatmap(sub, rows, cols, title=title, zmid=None)
        fig.update_traces(colorscale="Blues", reversescale=False,
                          texttemplate="%{z:.0f}" if kind == "C" else "%{z:.1f}")
        chart(fig, key="w2v_cnt_heat", filename="cooccurrence", data=pd.DataFrame(sub, index=rows, columns=cols))
        st.caption(t("w2v.cnt.heat.help"))
    st.caption(t("w2v.cnt.svd", d=d, V=len(model.vocab), top=", ".join(f"{x:.1f}" for x in sv[:5])))
    _compare(window, d, svd_kv)


def _compare(window: int, d: int, svd_kv) -> None:
    st.subheader(t("w2v.cnt.cmp.title"))
    st.caption(t("w2v.cnt.cmp.lead"))
    c1, c2 = st.columns([1, 3])
    sg = c1.radio(t("w2v.tr.model"), (1, 0), key="w2v_cnt_sg", format_func=lambda v: "skip-gram" if v else "CBOW")
    queries = checked(c2.text_input(t("w2v.cnt.queries"), QUERIES, key="w2v_cnt_q", bind="query-params", max_chars=200), limit=200)
    settings = {"window": window, "d": d, "sg": int(sg)}
    cfg = train.TrainConfig(sg=int(sg), vector_size=d, window=window, epochs=10, min_count=1)
    run = LiveRun("w2v_cnt", total=cfg.epochs, chart_metrics=("loss",))
    if run.start_button(t("w2v.cnt.train", model=cfg.name, window=window, d=d)):
        with guard():
            with run:
                result = train.train([list(s) for s in train.sample_sentences("surface")], cfg,
                                     on_progress=run.on_progress, should_stop=run.should_stop)
            st.session_state[W2V_KEY] = (settings, result)
    with guard():
        results = {t("w2v.cnt.col.svd", d=d): svd_kv}
        saved = st.session_state.get(W2V_KEY)
        if saved and saved[0] == settings:
            results[t("w2v.cnt.col.w2v", model=saved[1].config.name, d=d)] = saved[1]
        elif saved:
            st.info(t("w2v.cnt.stale", **saved[0]))
        else:
            st.info(t("w2v.cnt.none"))
        rows = train.compare_neighbors(results, split_words(queries, maximum=10), topn=5, lang=lang())
        st.dataframe(pd.DataFrame(rows), hide_index=True)
        st.caption(t("w2v.cnt.cmp.note"))

