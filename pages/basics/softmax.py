"""Section 4: the softmax output layer — the notes' (6, 4) → (0.88, 0.12), editable logits,
temperature, and the numerically stable form (subtract the max) with large logits."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core.basics import information
from core.basics.numbers import MAX_VALUES, parse_numbers
from core.basics.figures import softmax_figure
from pages.common.ui import chart, checked, guard, t


def render() -> None:
    st.markdown(t("basics.sm.intro"))
    st.latex(r"y_k = \frac{\exp(a_k / T)}{\sum_{j} \exp(a_j / T)}")
    c = st.columns([3, 2])
    text = checked(c[0].text_input(t("basics.sm.logits"), "6, 4", key="bs_logits", bind="query-params", max_chars=4000,
                           help=t("basics.sm.logits.help", n=MAX_VALUES)), limit=4000)
    T = c[1].slider(t("basics.sm.temperature"), 0.1, 5.0, 1.0, 0.1, key="bs_T", bind="query-params",
                    help=t("basics.sm.temperature.help"))
    with guard():
        a = parse_numbers(text)
        p = information.softmax(a, T)
        labels = [f"y{k + 1}" for k in range(len(a))]
        df = pd.DataFrame({t("basics.sm.logit"): a, t("basics.sm.prob"): p}, index=labels)
        shown = ", ".join(f"{v:.4f}" for v in p[:10]) + (", …" if len(p) > 10 else "")
        st.markdown(t("basics.sm.result", p=shown))
        st.dataframe(df.T.style.format("{:.4f}"), width="stretch")
        st.caption(t("basics.sm.sum", s=f"{p.sum():.4f}"))
        chart(softmax_figure(labels, p, t("basics.sm.chart", T=f"{T:g}")), key="bs_bar", data=df)
        _slide_columns(a, T, labels)

    _by_task()

    st.subheader(t("basics.sm.stable"))
    st.markdown(t("basics.sm.stable.intro"))
    st.latex(r"\frac{\exp(a_k)}{\sum_j \exp(a_j)} = \frac{\exp(a_k - \max_j a_j)}{\sum_j \exp(a_j - \max_j a_j)}")
    big = checked(st.text_input(t("basics.sm.big"), "1000, 998", key="bs_big", bind="query-params", max_chars=4000), limit=4000)
    with guard():
        a = parse_numbers(big)
        naive, stable = information.naive_softmax(a), information.softmax(a)
        fmt = lambda v: "nan" if not np.isfinite(v) else f"{v:.4f}"  # noqa: E731
        rows = pd.DataFrame({t("basics.sm.naive"): [fmt(v) for v in naive],
                             t("basics.sm.stable.col"): [fmt(v) for v in stable],
                             "a − max a": [f"{v:g}" for v in a - a.max()]}, index=[f"y{k + 1}" for k in range(len(a))])
        st.dataframe(rows.T, width="stretch")
        if not np.isfinite(naive).all():
            st.warning(t("basics.sm.overflow"), icon=":material/warning:")


def _by_task() -> None:
    """The output layer by task: softmax + cross entropy / sigmoid + BCE / identity + squared error."""
    st.subheader(t("basics.out.title"))
    st.markdown(t("basics.out.intro"))
    cols = st.columns(3)
    specs = {"multiclass": ("2, 1, 0.1", 0.0, r"y = \mathrm{softmax}(a),\; E = -\log y_t"),
             "binary": ("0.8", 1.0, r"y = \sigma(a),\; E = -[t\log y + (1-t)\log(1-y)]"),
             "regression": ("2.5", 3.0, r"y = a,\; E = (y - t)^2")}
    for col, (task, (a0, t0, tex)) in zip(cols, specs.items()):
        with col, st.container(border=True):
            st.markdown(f"**{t(f'basics.out.{task}')}**")
            st.latex(tex)
            a_text = checked(st.text_input(t("basics.out.a"), a0, key=f"bs_out_{task}_a", max_chars=400), limit=400)
            target = st.number_input(t(f"basics.out.t.{task}"), value=t0, step=1.0 if task != "regression" else 0.5,
                                     key=f"bs_out_{task}_t", format="%g")
            with guard():
                r = information.output_layer(task, parse_numbers(a_text, cap=10), target)
                st.markdown("y = (" + ", ".join(f"{v:.4f}" for v in r["y"]) + ")")
                st.metric(t(f"basics.out.loss.{task}"), f"{r['loss']:.4f}")
                st.caption(t(f"basics.out.torch.{task}", E=f"{r['torch_loss']:.4f}"))


def _approx(v: float) -> str:
    """403.43 → "403" (the slide rounds eᵃ to whole numbers); small values keep 3 digits."""
    return "inf" if not np.isfinite(v) else f"{v:.0f}" if abs(v) >= 10 else f"{v:.3g}"


def _slide_columns(a: np.ndarray, T: float, labels: list[str]) -> None:
    """The slide's columns eᵃ, Σ, eᵃ/Σ next to the safe path (subtract the max first)."""
    st.markdown(f"**{t('basics.sm.steps')}**")
    s = information.softmax_steps(a, T)
    if len(a) <= 6:
        parts = "、".join(f"e^{{{v:g}}} ≈ {_approx(e)}" for v, e in zip(a / T, s.exp))
        ratios = "、".join(f"{_approx(e)}/{_approx(s.sum)} ≈ {q:.2f}" for e, q in zip(s.exp, s.p))
        st.markdown(t("basics.sm.steps.line", parts=parts, total=_approx(s.sum), ratios=ratios))
    fmt = lambda v: "inf" if not np.isfinite(v) else f"{v:.4f}"  # noqa: E731
    z = a / T
    rows = pd.DataFrame({"a / T": [f"{v:g}" for v in z], "eᵃ": [fmt(v) for v in s.exp], "Σ": [fmt(s.sum)] * len(a),
                         "eᵃ / Σ": [fmt(v) if not s.overflow else "nan" for v in s.exp / s.sum],
                         "a − max a": [f"{v:g}" for v in z - z.max()], "e^(a − max)": [fmt(v) for v in s.shifted_exp],
                         "Σ′": [fmt(s.shifted_sum)] * len(a), "e^(a − max) / Σ′": [fmt(v) for v in s.p]},
                        index=labels)
    st.dataframe(rows, width="stretch")
    st.caption(t("basics.sm.steps.same"))
