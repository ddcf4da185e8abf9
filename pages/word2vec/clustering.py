"""Tab クラスタリング (100本ノック ch. 7): k-means and Ward's hierarchical clustering of a word
set (default: country names) — a dendrogram, the clusters, and the PCA projection coloured by
cluster beside them. Numbers from core.word2vec.cluster / project."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from core.word2vec import cluster, figures, project
from pages.common.ui import chart, checked, guard, local, t


def render(source) -> None:
    if source is None:
        return
    st.markdown(t("w2v.cl.lead"))
    c1, c2 = st.columns([4, 1])
    words = checked(c1.text_area(t("w2v.cl.words"), cluster.COUNTRIES, key="w2v_cl_words", bind="query-params",
                         height=90, max_chars=3000), area=True, limit=3000)
    k = c2.number_input(t("w2v.cl.k"), 2, cluster.MAX_K, 5, key="w2v_cl_k", bind="query-params")
    with guard():
        ws = project.list_set(source.kv, words)
        for note in ws.notes:
            st.caption(local(note))
        c = cluster.cluster(ws.words, ws.vectors, int(k))
        names = [t("w2v.cl.cluster", n=j + 1) for j in range(int(k))]
        colors = {w: figures.PALETTE[lab % len(figures.PALETTE)] for w, lab in zip(c.words, c.labels)}
        left, right = st.columns(2)
        with left:
            fig = figures.dendrogram(cluster.dendrogram(c), colors, title=t("w2v.cl.dendro"), y_title=t("w2v.cl.height"))
            chart(fig, key="w2v_cl_dendro", filename="ward_dendrogram",
                  data=pd.DataFrame(c.linkage, columns=["a", "b", "height", "size"]))
            st.caption(t("w2v.cl.dendro.help"))
        with right:
            coords = project.project(ws.vectors, "pca", 2)
            fig = figures.scatter(coords, ws.words, [names[j] for j in c.labels], title=t("w2v.cl.proj", k=int(k)))
            fig.update_layout(height=460)
            chart(fig, key="w2v_cl_proj", filename="kmeans_pca",
                  data=pd.DataFrame({"word": ws.words, "kmeans": c.labels + 1, "ward": c.ward_labels(int(k)) + 1,
                                     "x": coords[:, 0], "y": coords[:, 1]}))
        table = pd.DataFrame({t("w2v.cl.col.kmeans"): ["、".join(g) for g in c.groups()],
                              t("w2v.cl.col.ward"): ["、".join(w for w, lab in zip(c.words, c.ward_labels(int(k))) if lab == j)
                                                     for j in range(int(k))]}, index=names)
        st.dataframe(table)
        st.caption(t("w2v.cl.note", inertia=c.inertia))
