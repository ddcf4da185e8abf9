"""Section 8: the 2-D classification playground — circles / XOR / spirals / two blobs, an MLP with
chosen layers, units and activation, trained live (progress, loss, decision boundary redrawn as it
learns, Stop). What a session trains lives in st.session_state only."""
from __future__ import annotations

import time

import numpy as np
import pandas as pd
import streamlit as st

from core.basics import playground
from core.basics.figures import boundary_figure, curves_figure, points_figure
from pages.common.longrun import LiveRun
from pages.common.training import finish_interrupted
from pages.common.ui import chart, guard, lang, t

RUN_KEY = "bpg_run"  # this session's PlaygroundRun (never a cached object)
FRAME_INTERVAL_S = 1.2  # a boundary frame costs ~0.05 s (0.25 s on a busy 2-core machine): keep the loop training


def _controls() -> playground.PlaygroundConfig:
    d = playground.PlaygroundConfig()
    c = st.columns([2, 1, 1])
    dataset = c[0].radio(t("basics.pg.dataset"), playground.DATASETS, key="bpg_data", bind="query-params", horizontal=True,
                         format_func=lambda n: t(f"basics.pg.data.{n}"))
    noise = c[1].slider(t("basics.pg.noise"), 0.0, 1.0, d.noise, 0.05, key="bpg_noise", bind="query-params")
    seed = c[2].number_input(t("basics.pg.seed"), 0, 9999, d.seed, key="bpg_seed", bind="query-params")
    c = st.columns(3)
    layers = c[0].slider(t("basics.pg.layers"), 0, playground.MAX_LAYERS, d.layers, key="bpg_layers", bind="query-params",
                         help=t("basics.pg.layers.help"))
    units = c[1].number_input(t("basics.pg.units"), 0, playground.MAX_UNITS, d.units, key="bpg_units", bind="query-params")
    act = c[2].radio(t("basics.activation"), playground.ACTIVATIONS, key="bpg_act", bind="query-params", horizontal=True,
                     format_func=lambda a: t(f"basics.act.{a}"))
    c = st.columns(4)
    opt = c[0].radio(t("basics.pg.optimizer"), playground.OPTIMIZERS, key="bpg_opt", bind="query-params", horizontal=True,
                     format_func=lambda o: {"adam": "Adam", "sgd": "SGD"}[o])
    lr = c[1].number_input(t("basics.pg.lr"), 0.0, playground.MAX_LR, d.lr, format="%g", step=0.01, key="bpg_lr",
                           bind="query-params", help=t("basics.pg.lr.help"))
    epochs = c[2].slider(t("basics.pg.epochs"), 1, 300, d.epochs, key="bpg_epochs", bind="query-params")
    batch = c[3].select_slider(t("basics.pg.batch"), [8, 16, 32, 64, 128, 280], d.batch_size, key="bpg_batch",
                               bind="query-params")
    return playground.PlaygroundConfig(dataset=dataset, noise=float(noise), seed=int(seed), layers=int(layers),
                              units=int(units), activation=act, optimizer=opt, lr=float(lr), epochs=int(epochs),
                              batch_size=int(batch))


def _boundary(run: playground.PlaygroundRun, title: str):
    return boundary_figure(run, title, t("basics.pg.trainset"), t("basics.pg.test"), lang=lang())


def render() -> None:
    st.markdown(t("basics.pg.intro"))
    st.latex(r"h_l = f(h_{l-1} W_l + b_l),\quad \hat{y} = \sigma(h_L w_{out} + b_{out}),\quad "
             r"E = -\frac{1}{N}\sum_n [t_n \log \hat{y}_n + (1 - t_n)\log(1 - \hat{y}_n)]")
    cfg = _controls()
    if playground.n_classes(cfg.dataset) > 2:
        st.latex(r"\hat{y} = \mathrm{softmax}(h_L W_{out} + b_{out}) \in \mathbb{R}^3,\quad "
                 r"E = -\frac{1}{N}\sum_n \log \hat{y}_{n, t_n}")
        st.info(t("basics.pg.multi"), icon=":material/palette:")
    placeholder = st.empty()
    live = LiveRun("bpg", total=cfg.epochs, chart_metrics=("loss", "test_loss"), min_interval_s=0.75)
    if live.start_button(t("basics.pg.train")):
        with guard():
            run = playground.PlaygroundRun(cfg)  # checks the settings (0 hidden units → a message)
            st.session_state[RUN_KEY] = run  # kept even if Stop ends the loop early
            frame = {"n": 0, "at": 0.0}

            def redraw() -> None:  # the decision boundary as it learns (a fresh key per frame)
                if time.perf_counter() - frame["at"] < FRAME_INTERVAL_S:
                    return
                frame["n"] += 1
                frame["at"] = time.perf_counter()
                with placeholder.container():
                    chart(_boundary(run, t("basics.pg.live", epoch=run.epoch)), key=f"bpg_live_{frame['n']}")

            live.on_draw = redraw
            with live:
                run.fit(live.on_progress, live.should_stop)
            placeholder.empty()
    run = st.session_state.get(RUN_KEY)
    finish_interrupted("bpg", run)  # Stop (or any widget) during training: let that loop end first
    if run is None:
        with guard():
            cfg.checked()  # bad settings (0 hidden units …) get their message before training
            X, tt = playground.make_dataset(cfg.dataset, cfg.n_points, cfg.noise, cfg.seed)
            preview = "basics.pg.preview3" if playground.n_classes(cfg.dataset) > 2 else "basics.pg.preview"
            chart(points_figure(X, tt, t(preview, n=len(X))), key="bpg_preview")
            st.info(t("basics.pg.none"), icon=":material/play_arrow:")
        return
    _results(run, cfg)


def _results(run: playground.PlaygroundRun, cfg: playground.PlaygroundConfig) -> None:
    if run.status == "diverged":
        st.warning(t("basics.pg.diverged", lr=f"{run.cfg.lr:g}", epoch=run.epoch), icon=":material/trending_up:")
    elif run.status == "stopped":
        st.info(t("basics.pg.stopped", epoch=run.epoch, total=run.cfg.epochs), icon=":material/stop_circle:")
    if run.cfg != cfg:
        st.caption(t("basics.pg.old"))
    c = run.cfg
    st.caption(t("basics.pg.model", data=t(f"basics.pg.data.{c.dataset}"), layers=c.layers,
                 units=c.units if c.layers else "—", act=t(f"basics.act.{c.activation}"), lr=f"{c.lr:g}",
                 epoch=run.epoch, s=f"{run.seconds:.1f}"))
    last = run.last
    if not last:
        return
    m = st.columns(4)
    m[0].metric(t("basics.pg.train_loss"), f"{last['loss']:.4g}")
    m[1].metric(t("basics.pg.test_loss"), f"{last['test_loss']:.4g}")
    m[2].metric(t("basics.pg.train_acc"), f"{last['train_acc']:.1%}")
    m[3].metric(t("basics.pg.test_acc"), f"{last['test_acc']:.1%}")
    hist = pd.DataFrame(run.history).set_index("epoch")
    cols = st.columns([3, 2])
    with cols[0]:
        chart(_boundary(run, t("basics.pg.boundary", epoch=run.epoch)), key="bpg_boundary",
              data=pd.DataFrame(np.c_[run.X_test, run.t_test], columns=["x1", "x2", "t"]))
    with cols[1]:
        chart(curves_figure(hist, t("basics.pg.curves.loss"), "epoch", "cross entropy", log_y=True, mode="lines",
                            names={"loss": "train loss", "test_loss": "test loss"}, height=250), key="bpg_loss",
              data=hist)
        chart(curves_figure(hist, t("basics.pg.curves.acc"), "epoch", "accuracy", y_range=(0, 1.02), mode="lines",
                            names={"train_acc": "train accuracy", "test_acc": "test accuracy"}, height=250),
              key="bpg_acc")
