"""マルチタスク (T5 風): one encoder–decoder trained on several tasks at once, each input starting
with its task prefix ("日付の正規化: …", "足し算: …", "英訳: …"), against one model per task at the
same budget (core.seq2seq.multitask). The table answers: does multi-task help or hurt here?"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from core.seq2seq import multitask as M
from pages.common.longrun import LiveRun
from pages.common.ui import chart, guard, t

KEY = "s2s_multitask"


def render() -> None:
    st.markdown(t("s2s.mt5.explain"))
    st.dataframe(pd.DataFrame([{t("s2s.mt5.col.task"): t(f"s2s.mt5.task.{k}"), t("s2s.mt5.col.example"):
                                f"{M.PREFIX[k]}{s} → {g}"} for k in M.TASKS for s, g in M.generate(k, 1, seed=3)]),
                 hide_index=True, width="stretch")
    c1, c2, c3 = st.columns(3)
    tasks = c1.multiselect(t("s2s.mt5.tasks"), list(M.TASKS), default=["dates", "addition"], key="s2s_mt5_tasks",
                           format_func=lambda k: t(f"s2s.mt5.task.{k}"))
    seconds = c2.slider(t("s2s.mt5.seconds"), 2, 120, 30, key="s2s_mt5_seconds")
    n = c3.select_slider(t("s2s.mt5.n"), [200, 1000, 3000, 5000], value=3000, key="s2s_mt5_n")
    with guard():
        if not tasks:
            st.info(t("s2s.mt5.pick"))
            return
        run = LiveRun("s2s_mt5_run", total=int(seconds) * (1 + len(tasks)), chart_metrics=tuple(tasks))
        if run.start_button(t("s2s.mt5.start", total=int(seconds) * (1 + len(tasks)))):
            with run:
                res = M.run(tasks, seconds=float(seconds), n_per_task=int(n), on_progress=run.on_progress,
                            should_stop=run.should_stop)
            res.trainers.clear()  # keep only the numbers in the session
            st.session_state[KEY] = res
    res = st.session_state.get(KEY)
    if res is None:
        st.info(t("s2s.mt5.none"))
        return
    if res.stopped:
        st.warning(t("common.stopped"))
    rows = [{t("s2s.mt5.col.task"): t(f"s2s.mt5.task.{k}"), t("s2s.mt5.col.multi"): res.per_task.get(k),
             t("s2s.mt5.col.single"): res.single_task.get(k)} for k in res.tasks]
    df = pd.DataFrame(rows)
    st.dataframe(df.style.format({t("s2s.mt5.col.multi"): "{:.1%}", t("s2s.mt5.col.single"): "{:.1%}"}, na_rep="—"),
                 hide_index=True, width="stretch")
    from core.bert.figures import comparison_figure

    fig = comparison_figure(df.fillna(0.0), t("s2s.mt5.col.task"), [t("s2s.mt5.col.multi"), t("s2s.mt5.col.single")])
    chart(fig, key="s2s_mt5_chart", filename="multitask-vs-single-task", data=df)
    done = [k for k in res.tasks if k in res.per_task and k in res.single_task]
    better = [t(f"s2s.mt5.task.{k}") for k in done if res.per_task[k] > res.single_task[k]]
    worse = [t(f"s2s.mt5.task.{k}") for k in done if res.per_task[k] < res.single_task[k]]
    st.info(t("s2s.mt5.summary", s=res.seconds, better="、".join(better) or "—", worse="、".join(worse) or "—"))
