"""Section 9: 100本ノック 第8章 (exercises 70–79) for real on the shipped 4-class Japanese headline set:
x = mean of chiVe vectors (300-d), W ∈ ℝ^{300×4}, ŷ₁ = softmax(x₁W), Ŷ = softmax(X[1:4]W), losses
and ∂L/∂W, the PyTorch idioms run live, then SGD / mini-batches / device / a multi-layer net trained
live. The map to the rest of the app stays at the bottom."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core import resources
from core.basics import knock
from core.basics.figures import curves_figure
from pages.common.longrun import LiveRun
from pages.common.ui import chart, guard, t
from pages.common.training import finish_interrupted

BASICS, BERT = "pages/basics/page.py", "pages/bert/page.py"
RUN_KEY = "bk_run"  # this session's KnockRun

# (exercise number, where: page file, tab i18n key) — the rest of the app that shows each step too
EXERCISES = [
    (70, BERT, "bert.tab.sentiment"),
    (71, BASICS, "basics.tab.matmul"),
    (72, BASICS, "basics.tab.entropy"),
    (73, BASICS, "basics.tab.descent"),
    (74, BASICS, "basics.tab.playground"),
    (75, BASICS, "basics.tab.playground"),
    (76, BERT, "bert.tab.finetune"),
    (77, BASICS, "basics.tab.descent"),
    (78, BASICS, "basics.tab.playground"),
    (79, BASICS, "basics.tab.playground"),
]


def _class_names() -> list[str]:
    return [f"{code} {t(f'basics.knock.cat.{code}')}" for code in knock.LABELS]


def render() -> None:
    st.markdown(t("basics.knock.intro"))
    st.markdown(t("basics.knock.flow"))
    with guard():
        task = knock.load_task(resources.word_vectors())
        _data(task)
        _first_values(task)
        _idioms(task)
        _training(task)
    _map()


def _data(task: knock.KnockTask) -> None:
    st.subheader(t("basics.knock.data"))
    st.info(t("basics.knock.data.source"), icon=":material/description:")
    names = _class_names()
    counts = pd.DataFrame({s: np.bincount(task.y[s], minlength=4) for s in ("train", "valid", "test")}, index=names)
    c = st.columns([2, 3])
    c[0].dataframe(counts, width="stretch")
    sample = pd.DataFrame({t("basics.knock.label"): [names[k] for k in task.y["train"][:8]],
                           t("basics.knock.text"): task.texts["train"][:8]}, index=range(1, 9))
    c[1].dataframe(sample, width="stretch")  # our shipped data, shown as data (never as HTML)


def _first_values(task: knock.KnockTask) -> None:
    st.subheader(t("basics.knock.70"))
    st.latex(r"x_i = \frac{1}{T_i}\sum_{t=1}^{T_i} \mathrm{emb}(w_{i,t}) \in \mathbb{R}^{300},\qquad "
             r"X \in \mathbb{R}^{n \times 300}")
    m = st.columns(3)
    m[0].metric(t("basics.knock.X"), f"{task.X_train.shape[0]} × {task.X_train.shape[1]}")
    m[1].metric(t("basics.knock.coverage"), f"{task.coverage:.1%}")
    m[2].metric("‖x₁‖", f"{np.linalg.norm(task.X_train[0]):.3f}")
    v = knock.first_values(task)
    names = _class_names()
    st.subheader(t("basics.knock.71"))
    st.latex(r"\hat{y}_1 = \mathrm{softmax}(x_1 W),\quad \hat{Y} = \mathrm{softmax}(X_{[1:4]} W),\quad "
             r"W \in \mathbb{R}^{300 \times 4}")
    st.caption(t("basics.knock.W", shape=f"{v.W.shape[0]} × {v.W.shape[1]}"))
    Y = pd.DataFrame(v.Y_1_4, columns=names, index=[f"x{i + 1}" for i in range(4)])
    st.dataframe(Y.style.format("{:.4f}"), width="stretch")
    st.caption(t("basics.knock.y1", y1=", ".join(f"{p:.4f}" for p in v.y1)))
    st.subheader(t("basics.knock.72"))
    st.latex(r"L = -\frac{1}{n}\sum_{i=1}^{n}\log \hat{y}_{i, y_i},\qquad "
             r"\frac{\partial L}{\partial W} = \frac{1}{n} X^\top (\hat{Y} - T)")
    m = st.columns(3)
    m[0].metric(t("basics.knock.loss1"), f"{v.loss_x1:.4f}")
    m[1].metric(t("basics.knock.loss4"), f"{v.loss_x1_4:.4f}")
    m[2].metric(t("basics.knock.gradshape"), f"{v.grad_x1_4.shape[0]} × {v.grad_x1_4.shape[1]}")
    c = st.columns(2)
    for col, (grad, label) in zip(c, ((v.grad_x1, "∂L/∂W (x₁)"), (v.grad_x1_4, "∂L/∂W (x₁…x₄)"))):
        col.markdown(f"**{label}**")
        g = pd.DataFrame(grad[:5], columns=names, index=[f"W[{i}, :]" for i in range(5)])
        col.dataframe(g.style.format("{:+.5f}"), width="stretch")
    st.caption(t("basics.knock.labels", labels=", ".join(names[k] for k in v.labels_1_4)))
    st.success(t("basics.knock.autograd", d=f"{v.autograd_diff:.1e}"))


def _idioms(task: knock.KnockTask) -> None:
    st.subheader(t("basics.knock.idioms"))
    st.markdown(t("basics.knock.idioms.intro"))
    st.code(knock.IDIOMS, language="python")
    r = knock.run_idioms(task)
    m = st.columns(4)
    m[0].metric("Y.shape", "4 × 4")
    m[1].metric("Y.sum(dim=1)", ", ".join(f"{s:.4f}" for s in r["row_sums"]))
    m[2].metric("loss", f"{r['loss']:.4f}")
    m[3].metric("W.grad.shape", " × ".join(str(n) for n in r["grad_shape"]))
    st.caption(t("basics.knock.idioms.same"))


def _controls() -> knock.KnockConfig:
    d = knock.KnockConfig()
    c = st.columns(5)
    layers = c[0].slider(t("basics.knock.layers"), 0, knock.MAX_LAYERS, d.layers, key="bk_layers", bind="query-params",
                         help=t("basics.knock.layers.help"))
    hidden = c[1].select_slider(t("basics.knock.hidden"), [16, 32, 64, 128, 256], d.hidden, key="bk_hidden",
                                bind="query-params")
    lr = c[2].select_slider(t("basics.knock.lr"), [0.01, 0.05, 0.1, 0.5, 1.0, 5.0], d.lr, key="bk_lr",
                            bind="query-params")
    epochs = c[3].slider(t("basics.knock.epochs"), 1, 100, d.epochs, key="bk_epochs", bind="query-params")
    batch = c[4].select_slider(t("basics.knock.batch"), [1, 2, 4, 8, 16, 32, 64, 192], d.batch_size, key="bk_batch",
                               bind="query-params", help=t("basics.knock.batch.help"))
    return knock.KnockConfig(layers=int(layers), hidden=int(hidden), lr=float(lr), epochs=int(epochs),
                         batch_size=int(batch))


def _training(task: knock.KnockTask) -> None:
    st.subheader(t("basics.knock.train"))
    st.markdown(t("basics.knock.train.intro"))
    cfg = _controls()
    live = LiveRun("bk", total=cfg.epochs, chart_metrics=("train_loss", "valid_loss"))
    if live.start_button(t("basics.knock.start")):
        run = knock.KnockRun(config=cfg)
        st.session_state[RUN_KEY] = run  # kept even when Stop ends the loop early
        with live:
            knock.train(task, cfg, on_progress=live.on_progress, should_stop=live.should_stop, run=run)
    run = st.session_state.get(RUN_KEY)
    finish_interrupted("bk", run)
    if run is None or not run.history:
        st.info(t("basics.knock.none"), icon=":material/play_arrow:")
        return
    if run.status == "stopped":
        st.info(t("basics.knock.stopped", epoch=len(run.history), total=run.config.epochs),
                icon=":material/stop_circle:")
    if run.config != cfg:
        st.caption(t("basics.pg.old"))
    last = run.history[-1]
    m = st.columns(4)
    m[0].metric(t("basics.pg.train_acc"), f"{last['train_acc']:.1%}")
    m[1].metric(t("basics.knock.valid_acc"), f"{last['valid_acc']:.1%}")
    m[2].metric(t("basics.pg.test_acc"), f"{run.test_acc:.1%}")
    m[3].metric(t("basics.knock.device"), run.device)
    c = run.config
    st.caption(t("basics.knock.model", layers=c.layers, hidden=c.hidden if c.layers else "—", lr=f"{c.lr:g}",
                 B=c.batch_size, epoch=len(run.history), updates=len(run.history) * -(-192 // c.batch_size),
                 s=f"{run.seconds:.1f}"))
    hist = pd.DataFrame(run.history).set_index("epoch")
    cols = st.columns(2)
    with cols[0]:
        chart(curves_figure(hist, t("basics.pg.curves.loss"), "epoch", "cross entropy", log_y=True, mode="lines",
                            names={"train_loss": "train", "valid_loss": "valid"}, height=260), key="bk_loss", data=hist)
    with cols[1]:
        chart(curves_figure(hist, t("basics.pg.curves.acc"), "epoch", "accuracy", y_range=(0, 1.02), mode="lines",
                            names={"train_acc": "train", "valid_acc": "valid"}, height=260), key="bk_acc")


def _map() -> None:
    with st.expander(t("basics.knock.map"), icon=":material/link:"):
        for n, page, tab_key in EXERCISES:
            with st.container(border=True):
                left, right = st.columns([2, 3], vertical_alignment="center")
                left.markdown(f"**{n}.** {t(f'basics.knock.{n}')}")
                right.page_link(page, label=f"{t(f'basics.knock.{n}.where')} → {t(tab_key)}",
                                query_params={"tab": t(tab_key)})
        st.info(t("basics.knock.baseline"), icon=":material/link:")
