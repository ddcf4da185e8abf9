"""Section: 畳み込みニューラルネット (CNN, the notes' §9.2) — convolution step by step (stride,
padding, window, inner product, activation), convolution as similarity, channels and parameter
counts, pooling and a shifted pattern, normalisation and a skip connection; then a 1-D CNN over word
vectors for sentence classification trained live against the mean-of-vectors baseline and an LSTM."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core import resources
from core.basics import cnn
from core.basics import textcnn
from core.basics.figures import bars_figure, curves_figure, grid_figure
from pages.common.longrun import LiveRun
from pages.common.ui import chart, guard, local, t
from pages.common.training import finish_interrupted

RUN_KEY = "bc_run"  # this session's TextCNN comparison


def render() -> None:
    st.markdown(t("basics.cnn.intro"))
    _steps()
    _similarity()
    _channels()
    _pooling()
    _norm_skip()
    _nlp()


def _steps() -> None:
    st.subheader(t("basics.cnn.steps"))
    st.latex(r"u_{ij} = \sum_{a,b} x_{iS+a,\,jS+b}\, w_{ab} + b,\qquad y_{ij} = \mathrm{ReLU}(u_{ij}),\qquad "
             r"H_{out} = \left\lfloor \frac{H + 2P - k}{S} \right\rfloor + 1")
    c = st.columns(4)
    img = c[0].selectbox(t("basics.cnn.image"), list(cnn.IMAGES), key="bc_img", format_func=lambda k: t(f"basics.cnn.img.{k}"))
    flt = c[1].selectbox(t("basics.cnn.filter"), list(cnn.FILTERS), key="bc_flt",
                         format_func=lambda k: t(f"basics.cnn.flt.{k}"))
    S = c[2].radio(t("basics.cnn.stride"), [1, 2], key="bc_S", horizontal=True)
    P = c[3].radio(t("basics.cnn.padding"), [0, 1], key="bc_P", horizontal=True)
    with guard():
        conv = cnn.conv2d(cnn.IMAGES[img], cnn.FILTERS[flt], int(S), int(P))
        n_out = conv.u.size
        if st.session_state.get("bc_n", 1) > n_out:  # fewer outputs after a stride / padding change
            st.session_state["bc_n"] = n_out
        first = int(np.argmax(conv.u)) + 1  # start where the filter fires most
        n = st.slider(t("basics.cnn.step"), 1, n_out, first, key="bc_n") - 1
        i, j, r, cc = conv.window(n)
        k = conv.w.shape[0]
        st.caption(t("basics.cnn.size", H=cnn.N, P=P, k=k, S=S, Ho=conv.u.shape[0], Wo=conv.u.shape[1]))
        cols = st.columns(3)
        with cols[0]:
            chart(grid_figure(conv.x_pad, t("basics.cnn.input", P=P), (r, cc, k)), key="bc_in",
                  data=pd.DataFrame(conv.x_pad))
        with cols[1]:
            chart(grid_figure(conv.w, t("basics.cnn.w"), colorscale="RdBu", zmid=0), key="bc_w",
                  data=pd.DataFrame(conv.w))
        so_far = np.full(conv.u.shape, np.nan)
        so_far.flat[:n + 1] = conv.y.flat[:n + 1]
        with cols[2]:
            chart(grid_figure(so_far, t("basics.cnn.fmap", n=n + 1, N=n_out), (i, j, 1), colorscale="Blues"),
                  key="bc_out", data=pd.DataFrame(conv.y))
        patch = conv.patch(n)
        terms = " + ".join(f"{a:g}·{b:g}" for a, b in zip(patch.ravel(), conv.w.ravel()) if a and b) or "0"
        st.markdown(t("basics.cnn.calc", i=i, j=j, terms=terms, u=f"{conv.u[i, j]:g}", y=f"{conv.y[i, j]:g}"))


def _similarity() -> None:
    st.subheader(t("basics.cnn.sim"))
    st.latex(r"\|x - w\|^2 = \|x\|^2 - 2\,x^\top w + \|w\|^2")
    st.markdown(t("basics.cnn.sim.intro"))
    with guard():
        img, flt = st.session_state.get("bc_img", "vline"), st.session_state.get("bc_flt", "vline")
        s = cnn.similarity(cnn.IMAGES[img], cnn.FILTERS[flt])
        best = np.unravel_index(np.argmax(s.inner), s.inner.shape)
        nearest = np.unravel_index(np.argmin(s.dist2), s.dist2.shape)
        cols = st.columns(2)
        with cols[0]:
            chart(grid_figure(s.inner, t("basics.cnn.sim.inner"), (*best, 1), colorscale="Blues"), key="bc_inner",
                  data=pd.DataFrame(s.inner))
        with cols[1]:
            chart(grid_figure(s.dist2, t("basics.cnn.sim.dist"), (*nearest, 1), colorscale="Reds_r"), key="bc_dist",
                  data=pd.DataFrame(s.dist2))
        bi, bj = (int(v) for v in best)
        st.markdown(t("basics.cnn.sim.at", i=bi, j=bj, x2=f"{s.patch_norm2[bi, bj]:g}", xw=f"{s.inner[bi, bj]:g}",
                      w2=f"{s.w_norm2:g}", d2=f"{s.dist2[bi, bj]:g}"))
        st.caption(t("basics.cnn.sim.same" if best == nearest else "basics.cnn.sim.differ"))


def _channels() -> None:
    st.subheader(t("basics.cnn.ch"))
    st.markdown(t("basics.cnn.ch.intro"))
    x, w = cnn.rgb_example()
    out = cnn.conv_channels(x, w)
    cols = st.columns(3)
    with cols[0]:
        chart(grid_figure(x[..., 0] + 2 * x[..., 2], t("basics.cnn.ch.input"), colorscale=[[0, "white"], [0.5, "red"],
                                                                                            [1, "blue"]]),
              key="bc_rgb", data=pd.DataFrame(x.reshape(-1, 3), columns=["R", "G", "B"]))
    for o in range(2):
        with cols[o + 1]:
            chart(grid_figure(out[..., o], t(f"basics.cnn.ch.out{o}"), colorscale="Blues"), key=f"bc_ch{o}",
                  data=pd.DataFrame(out[..., o]))
    st.markdown(t("basics.cnn.ch.params.intro"))
    c = st.columns(5)
    H = c[0].number_input("H", 1, 4096, 32, key="bc_H")
    W = c[1].number_input("W", 1, 4096, 32, key="bc_W")
    Cin = c[2].number_input("C_in", 1, 4096, 3, key="bc_Cin")
    Cout = c[3].number_input(t("basics.cnn.ch.filters"), 1, 4096, 16, key="bc_Cout")
    k = c[4].number_input("k", 1, 32, 3, key="bc_k")
    with guard():
        p = cnn.params(int(H), int(W), int(Cin), int(Cout), int(k))
        m = st.columns(3)
        m[0].metric(t("basics.cnn.ch.out"), " × ".join(str(v) for v in p["out_shape"]))
        m[1].metric(t("basics.cnn.ch.conv"), f"{p['conv']:,}")
        m[2].metric(t("basics.cnn.ch.fc"), f"{p['fc']:,}")
        st.caption(t("basics.cnn.ch.formula", k=k, Cin=Cin, Cout=Cout, ratio=f"{p['ratio']:,.0f}"))


def _pooling() -> None:
    st.subheader(t("basics.cnn.pool"))
    st.markdown(t("basics.cnn.pool.intro"))
    c = st.columns(2)
    mode = c[0].radio(t("basics.cnn.pool.mode"), ["max", "avg"], key="bc_pool", horizontal=True,
                      format_func=lambda m: t(f"basics.cnn.pool.{m}"))
    shift = c[1].slider(t("basics.cnn.pool.shift"), 0, 2, 1, key="bc_shift")
    with guard():
        d = cnn.shift_demo("vline", "vline", int(shift), 2, mode)
        cols = st.columns(4)
        for col, (key, name, digits) in zip(cols, (("fmap", "basics.cnn.pool.fmap", 0), ("fmap_shift", "basics.cnn.pool.fmap_s", 0),
                                                    ("pooled", "basics.cnn.pool.p", 1), ("pooled_shift", "basics.cnn.pool.p_s", 1))):
            with col:
                chart(grid_figure(d[key], t(name), colorscale="Blues", height=260, digits=digits), key=f"bc_{key}",
                      data=pd.DataFrame(d[key]))
        m = st.columns(2)
        m[0].metric(t("basics.cnn.pool.changed_f"), f"{d['fmap_changed']:.0%}")
        m[1].metric(t("basics.cnn.pool.changed_p"), f"{d['pooled_changed']:.0%}")


def _norm_skip() -> None:
    st.subheader(t("basics.cnn.norm"))
    st.latex(r"\hat{x} = \frac{x - \mu_B}{\sqrt{\sigma_B^2 + \varepsilon}},\qquad y = \gamma \hat{x} + \beta"
             r"\qquad\qquad y = x + F(x)")
    st.markdown(t("basics.cnn.norm.intro"))
    depth = st.slider(t("basics.cnn.norm.depth"), 2, 50, 20, key="bc_depth")
    with guard():
        r = cnn.norm_skip_demo(int(depth))
        df = pd.DataFrame({t("basics.cnn.norm.plain"): r["std_plain"], t("basics.cnn.norm.bn"): r["std_bn"]},
                          index=pd.RangeIndex(1, depth + 1, name="layer"))
        cols = st.columns(2)
        with cols[0]:
            chart(curves_figure(df, t("basics.cnn.norm.chart"), t("basics.bp.deep.layer"), "std", log_y=True),
                  key="bc_norm", data=df)
        with cols[1]:
            names = [t("basics.cnn.skip.plain"), t("basics.cnn.skip.skip")]
            chart(bars_figure(names, [r["grad_plain"], r["grad_skip"]], t("basics.cnn.skip.chart"), "‖∂L/∂x‖",
                              log_y=True), key="bc_skip",
                  data=pd.DataFrame({"grad_norm": [r["grad_plain"], r["grad_skip"]]}, index=["plain", "skip"]))
        m = st.columns(4)
        m[0].metric(t("basics.cnn.norm.last_plain"), f"{r['std_plain'][-1]:.3g}")
        m[1].metric(t("basics.cnn.norm.last_bn"), f"{r['std_bn'][-1]:.3g}")
        m[2].metric(t("basics.cnn.skip.g_plain"), f"{r['grad_plain']:.3g}")
        m[3].metric(t("basics.cnn.skip.g_skip"), f"{r['grad_skip']:.3g}")


def _data():
    from core.bert import data as bert_data
    from core.bert import pn

    path = pn.find_pn()
    options = ["sample"] + (["pn"] if path else [])
    src = st.radio(t("basics.cnn.nlp.data"), options, key="bc_src", horizontal=True,
                   format_func=lambda s: t(f"basics.cnn.nlp.src.{s}"))
    data = pn.load_pn(path) if src == "pn" else bert_data.load_labelled(bert_data.SAMPLE_PATH)
    st.caption(local(data.notice))
    return data


def _nlp() -> None:
    st.subheader(t("basics.cnn.nlp"))
    st.latex(r"c^{(f)}_t = \mathrm{ReLU}(w_f \cdot E_{t:t+k_f} + b_f),\quad z_f = \max_t c^{(f)}_t,\quad "
             r"\hat{y} = \mathrm{softmax}(W z + b)\qquad (k_f = 2, 3, 4)")
    st.markdown(t("basics.cnn.nlp.intro"))
    with guard():
        data = _data()
        epochs = st.slider(t("basics.knock.epochs"), 1, textcnn.MAX_EPOCHS, 10, key="bc_epochs")
        live = LiveRun("bc", total=epochs * len(textcnn.MODELS), chart_metrics=("loss", "dev_acc"))
        if live.start_button(t("basics.cnn.nlp.start")):
            enc = textcnn.encode(data, resources.word_vectors())
            run = textcnn.CompareRun(epochs=int(epochs), split=data.split_id())
            st.session_state[RUN_KEY] = (run, enc)
            with live:
                textcnn.train_compare(enc, run, on_progress=live.on_progress, should_stop=live.should_stop)
        stored = st.session_state.get(RUN_KEY)
        finish_interrupted("bc", stored[0] if stored else None)
        if stored is None:
            st.info(t("basics.cnn.nlp.none"), icon=":material/play_arrow:")
            return
        run, enc = stored
        if run.status == "stopped":
            st.info(t("basics.cnn.nlp.stopped"), icon=":material/stop_circle:")
        st.caption(t("basics.cnn.nlp.split", split=run.split))
        rows = pd.DataFrame({t("basics.cnn.nlp.model"): [t(f"basics.cnn.nlp.m.{m}") for m in run.test_acc],
                             t("basics.pg.test_acc"): [run.test_acc[m] for m in run.test_acc],
                             t("basics.cnn.nlp.params"): [run.params[m] for m in run.test_acc],
                             t("basics.cnn.nlp.seconds"): [round(run.seconds[m], 1) for m in run.test_acc]})
        st.dataframe(rows.style.format({t("basics.pg.test_acc"): "{:.1%}"}), hide_index=True, width="stretch")
        dev = pd.DataFrame({t(f"basics.cnn.nlp.m.{m}"): pd.Series([h["dev_acc"] for h in hist],
                                                                  index=[h["epoch"] for h in hist])
                            for m, hist in run.history.items()})
        dev.index.name = "epoch"
        chart(curves_figure(dev, t("basics.cnn.nlp.dev"), "epoch", "accuracy", y_range=(0, 1.02)), key="bc_dev",
              data=dev)
        if run.cnn is not None:
            st.markdown(f"**{t('basics.cnn.nlp.ngrams')}**")
            grams = textcnn.filter_ngrams(run.cnn, enc)[:10]
            st.dataframe(pd.DataFrame({t("basics.cnn.nlp.filter"): [g["filter"] for g in grams],
                                       t("basics.cnn.nlp.max"): [round(g["max"], 3) for g in grams],
                                       t("basics.cnn.nlp.fires"): [" / ".join(g["ngrams"]) for g in grams]}),
                         hide_index=True, width="stretch")  # n-grams of the data, shown as data (never HTML)
