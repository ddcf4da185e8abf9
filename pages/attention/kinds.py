"""Section 「注意の種類と辞書」(issue 27, items 2–3): additive vs dot-product attention explained —
formulas, parameters, time per step and accuracy at the same budget on the same task — and
attention as a dictionary: an editable query / key / value table, K ≠ V or K = V, and the soft
look-up turning hard as the scale grows."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core.attention import kinds as Kd
from pages.common.longrun import LiveRun
from pages.common.ui import chart, guard, t

KEY = "att_kinds_cmp"
KEYS = [[1.0, 0.0], [0.0, 1.0], [0.7, 0.7], [-1.0, 0.2]]
VALUES = [[10.0, 0.0], [0.0, 10.0], [5.0, 5.0], [-3.0, 8.0]]


def render() -> None:
    _scores()
    st.divider()
    _dictionary()


def _scores() -> None:
    st.subheader(t("att.kinds.title"))
    c1, c2 = st.columns(2)
    with c1.container(border=True):
        st.markdown(f"**{t('att.kinds.additive')}**")
        st.latex(r"a = \mathrm{softmax}_s\big(v_a^{\top}\tanh(W_1 q + W_2 k_s)\big) = \mathrm{softmax}\big(v^{\top}\tanh(W[q;k])\big)")
    with c2.container(border=True):
        st.markdown(f"**{t('att.kinds.dot')}**")
        st.latex(r"a = \mathrm{softmax}_s\big(q^{\top} k_s\big)\quad\text{(Transformer: }q^{\top}k_s/\sqrt{d}\text{)}")
    d = st.select_slider(t("att.kinds.d"), [16, 32, 64, 128, 256], value=64, key="att_kinds_d")
    with guard():
        rows = [{t("att.kinds.col.kind"): t(f"att.kinds.kind.{k}"), t("att.kinds.col.params"): Kd.param_count(k, d),
                 t("att.kinds.col.ms"): round(1000 * _timed(k, int(d)), 3)} for k in Kd.KINDS]
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
        st.caption(t("att.kinds.time_help"))
    _accuracy()


@st.cache_data(show_spinner=False, max_entries=16)
def _timed(kind: str, d: int) -> float:
    return Kd.time_per_step(kind, d)


def _accuracy() -> None:
    from core.seq2seq.data import dataset, split
    from core.seq2seq.train import TrainConfig, Trainer

    st.markdown(f"**{t('att.kinds.acc')}**")
    c1, c2, c3 = st.columns(3)
    task = c1.radio(t("att.kinds.task"), ["addition", "dates"], format_func=lambda k: t(f"s2s.data.{k}"),
                    key="att_kinds_task", horizontal=True)
    n = c2.select_slider(t("s2s.data.n"), [500, 2000, 5000], value=2000, key="att_kinds_n")
    epochs = int(c3.number_input(t("s2s.epochs"), 1, 30, 8, key="att_kinds_epochs"))
    run = LiveRun("att_kinds_run", total=2 * epochs, chart_metrics=("dot", "additive"))
    if run.start_button(t("att.kinds.start")):
        with guard():
            pairs = dataset(task, int(n), seed=0, digits=2) if task == "addition" else dataset(task, int(n), seed=0)
            train, val = split(pairs, 0.1)
            cfg = dict(epochs=epochs, lr=1e-2, batch_size=64)
            trainers = {k: Trainer(train, val, TrainConfig(**cfg), hidden=64, emb=16, attention=k)
                        for k in ("dot", "additive")}
            st.session_state[KEY] = trainers
            with run:
                for e in range(epochs):
                    for i, (k, tr) in enumerate(trainers.items()):
                        if run.should_stop():
                            break
                        row = tr.one_epoch(run.should_stop)
                        run.on_progress(2 * e + i + 1, 2 * epochs, {k: row["val_exact_match"]})
            for tr in trainers.values():
                tr.model.eval()
                tr.release()
    trainers = st.session_state.get(KEY)
    if not trainers:
        st.caption(t("att.kinds.none"))
        return
    df = pd.DataFrame([{t("att.kinds.col.kind"): t(f"att.kinds.kind.{k}"),
                        t("att.kinds.col.params"): Kd.param_count(k, tr.model.config.hidden),
                        t("s2s.metric.em"): f"{tr.result.val_exact_match:.1%}",
                        t("att.kinds.col.seconds"): round(tr.result.seconds, 1),
                        t("s2s.rev.col.epochs"): tr.result.epochs_run} for k, tr in trainers.items()])
    st.dataframe(df, hide_index=True, width="stretch")
    from core.seq2seq import figures

    fig, data = figures.curves({t(f"att.kinds.kind.{k}"): tr.result.history for k, tr in trainers.items()},
                               {"loss": t("s2s.metric.loss"), "em": t("s2s.metric.em"), "epoch": t("s2s.axis.epoch")})
    chart(fig, key="att_kinds_curves", filename="additive-vs-dot", data=data)


def _dictionary() -> None:
    st.subheader(t("att.dict.title"))
    st.markdown(t("att.dict.intro"))
    same = st.toggle(t("att.dict.same"), key="att_dict_same", help=t("att.dict.same.help"))
    c1, c2 = st.columns([2, 1])
    table = pd.DataFrame({"k1": [r[0] for r in KEYS], "k2": [r[1] for r in KEYS],
                          "v1": [r[0] for r in VALUES], "v2": [r[1] for r in VALUES]},
                         index=[f"#{i}" for i in range(len(KEYS))])
    with c1:
        edited = st.data_editor(table, key="att_dict_table", num_rows="fixed", width="stretch")
    with c2:
        q1 = st.number_input("q1", -10.0, 10.0, 0.9, 0.1, key="att_dict_q1")
        q2 = st.number_input("q2", -10.0, 10.0, 0.1, 0.1, key="att_dict_q2")
        scale = st.select_slider(t("att.dict.scale"), [0.0, 0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 50.0, 100.0], value=1.0,
                                 key="att_dict_scale")
    with guard():
        K = edited[["k1", "k2"]].to_numpy(dtype=float)
        V = K if same else edited[["v1", "v2"]].to_numpy(dtype=float)
        r = Kd.lookup([q1, q2], K, V, float(scale))
        st.session_state["att_dict_result"] = {k: (v.tolist() if isinstance(v, np.ndarray) else v) for k, v in r.items()}
        out = pd.DataFrame({"q·k": r["scores"].round(3), t("att.dict.weight"): r["weights"].round(4)},
                           index=table.index)
        st.dataframe(out, width="stretch")
        from core.figures import bars

        chart(bars(list(table.index), [float(w) for w in r["weights"]], x_title=t("att.dict.weight"),
                   title=t("att.dict.chart", b=scale)), key="att_dict_chart", filename="attention-dictionary",
              data=out)
        soft = ", ".join(f"{v:.3f}" for v in r["output"])
        hard = ", ".join(f"{v:.3f}" for v in r["hard_output"])
        st.info(t("att.dict.result", soft=soft, hard=hard, i=r["hard_index"], h=r["entropy"]))
        if same:
            st.caption(t("att.dict.same.note"))
