"""Tab 可視化 (projection): a word set projected to 2D/3D with PCA or t-SNE, WebGL scatter
coloured by group, and the offset arrows of an analogy."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from core import device, resources
from core.word2vec import figures, project
from core.word2vec.vectors import uid
from pages.common.ui import chart, checked, guard, local, t

MODES = ("neighbors", "list", "frequent")
CACHE_KEY = "w2v_proj_cache"


def render(source) -> None:
    if source is None:
        return
    kv = source.kv
    st.markdown(t("w2v.proj.lead"))
    mode = st.radio(t("w2v.proj.mode"), MODES, key="w2v_proj_mode", bind="query-params", horizontal=True,
                    format_func=lambda m: t(f"w2v.proj.mode.{m}"))
    c1, c2, c3 = st.columns([2, 1, 1])
    if mode == "neighbors":
        queries = checked(c1.text_input(t("w2v.proj.queries"), value="猫 東京 りんご 父", key="w2v_proj_queries",
                                bind="query-params"))
        per = c2.number_input(t("w2v.proj.per"), value=12, step=1, key="w2v_proj_n", bind="query-params")
    elif mode == "list":
        words = checked(c1.text_area(t("w2v.proj.list"), value="犬 猫 馬 牛 東京 大阪 京都 パリ りんご みかん バナナ 父 母 兄 姉",
                             key="w2v_proj_list", bind="query-params", height=90), area=True)
    else:
        k = c1.number_input(t("w2v.proj.k"), value=300, step=50, key="w2v_proj_k", bind="query-params",
                            help=t("w2v.proj.k.help"))
        skip = c2.number_input(t("w2v.proj.skip"), value=100, step=50, key="w2v_proj_skip", bind="query-params",
                               help=t("w2v.proj.skip.help"))
    method = c3.radio(t("w2v.proj.method"), ("pca", "tsne"), key="w2v_proj_method", bind="query-params",
                      format_func=lambda m: "PCA" if m == "pca" else "t-SNE")
    dims = c3.radio(t("w2v.proj.dims"), (2, 3), key="w2v_proj_dims", bind="query-params", horizontal=True,
                    format_func=lambda d: f"{d}D")
    a1, a2, a3 = st.columns([1, 2, 2])
    arrows_on = a1.toggle(t("w2v.proj.arrows"), value=True, key="w2v_proj_arrows", bind="query-params",
                          help=t("w2v.proj.arrows.help"))
    pos = checked(a2.text_input(t("w2v.an.positive"), value="王様 女", key="w2v_proj_pos", bind="query-params",
                        disabled=not arrows_on))
    neg = checked(a3.text_input(t("w2v.an.negative"), value="男", key="w2v_proj_neg", bind="query-params",
                        disabled=not arrows_on))
    with guard():
        if mode == "neighbors":
            ws = project.neighbor_set(kv, queries, per)
        elif mode == "list":
            ws = project.list_set(kv, words)
        else:
            if int(skip) < 0:
                from core import InvalidInput

                raise InvalidInput(t("w2v.proj.skip.bad"))
            ws = project.frequent_set(kv, k, skip=int(skip))
        arrows = []
        if arrows_on:
            arrows, answer = project.add_analogy(kv, ws, pos, neg)
            st.caption(t("w2v.proj.arrows.caption", a=arrows[0].label, b=arrows[1].label, answer=answer))
        for note in ws.notes:
            st.caption(local(note))
        coords = _coords(source, ws, method, int(dims))
        fig = figures.scatter(coords, ws.words, [local(g) for g in ws.groups], arrows=[(a.start, a.end, a.label) for a in arrows],
                              title=t("w2v.proj.chart", method="t-SNE" if method == "tsne" else "PCA",
                                      dims=int(dims), n=len(ws.words)))
        cols = ["x", "y", "z"][: int(dims)]
        df = pd.DataFrame(coords, columns=cols)
        df.insert(0, "group", ws.groups)
        df.insert(0, "word", ws.words)
        chart(fig, key="w2v_proj_chart", filename="projection", data=df)
        st.caption(t("w2v.proj.note.tsne") if method == "tsne" else t("w2v.proj.note.pca"))


def _coords(source, ws, method: str, dims: int):
    """Shared vectors: computed once for the class (core.resources, st.cache_data); a session's
    own vectors: kept for this session (one projection). Both in the quick lane, never queued
    behind another student's training."""
    running = t("w2v.proj.running", method="t-SNE" if method == "tsne" else "PCA", n=len(ws.words))
    if source.shared:
        with st.spinner(running):
            return resources.word2vec_projection(ws.vectors, source.name, tuple(ws.words), method, dims)
    key = (source.name, uid(source.kv), tuple(ws.words), method, dims)
    cache = st.session_state.setdefault(CACHE_KEY, {})
    coords = cache.get(key)
    if coords is None:
        with st.spinner(running):
            with device.quick_work():
                coords = project.project(ws.vectors, method, dims)
        cache.clear()  # keep one projection per session
        cache[key] = coords
    return coords
