"""Section 5: information content, entropy and cross entropy — the notes' coin (1 bit), card suit
(2 bits) and eight directions (3 bits), a distribution to edit, and −log p of the correct class."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core.basics import information
from core.basics.numbers import check_distribution, parse_numbers
from core.basics.figures import cross_entropy_figure, information_figure
from pages.common.ui import chart, checked, guard, t


def render() -> None:
    st.markdown(t("basics.ent.intro"))
    st.latex(r"I(p) = -\log_2 p,\qquad H(p) = -\sum_k p_k \log_2 p_k")
    ex = pd.DataFrame([{t("basics.ent.example"): t(f"basics.ent.ex.{name}"), "n": n, "p": f"1/{n}",
                        t("basics.ent.bits"): information.uniform_bits(n)} for name, n in information.EXAMPLES])
    st.dataframe(ex, hide_index=True)

    st.subheader(t("basics.ent.yours"))
    text = checked(st.text_input(t("basics.ent.dist"), "0.5, 0.25, 0.125, 0.125", key="be_p", bind="query-params",
                         max_chars=4000, help=t("basics.ent.dist.help")), limit=4000)
    with guard():
        p = check_distribution(parse_numbers(text, what=t("basics.ent.what.p")))
        H = information.entropy_bits(p)
        c = st.columns(2)
        c[0].metric(t("basics.ent.H"), f"{H:.4f}")
        c[1].metric(t("basics.ent.max"), f"{information.uniform_bits(len(p)):.4f}")
        labels = [f"{k + 1}" for k in range(len(p))]
        df = pd.DataFrame({"p": p, "I = −log2 p": information.information_bits(p)}, index=labels)
        fig = information_figure(labels, p, df["I = −log2 p"], t("basics.ent.chart", H=f"{H:.3f}"),
                                 t("basics.ent.outcome"))
        chart(fig, key="be_bar", data=df)

    st.subheader(t("basics.ce.title"))
    st.markdown(t("basics.ce.intro"))
    st.latex(r"E = -\sum_k t_k \log y_k = -\log y_{\text{" + t("basics.ce.correct") + "}}")
    c = st.columns([3, 1])
    pred = checked(c[0].text_input(t("basics.ce.pred"), "0.7, 0.2, 0.1", key="be_y", bind="query-params", max_chars=4000), limit=4000)
    with guard():
        y = check_distribution(parse_numbers(pred, what=t("basics.ce.what.y")), what=t("basics.ce.what.y"))
        if st.session_state.get("be_t") not in range(len(y)):  # fewer classes than before
            st.session_state["be_t"] = 0
        k = c[1].selectbox(t("basics.ce.target"), list(range(len(y))), key="be_t",
                           format_func=lambda i: f"{i + 1}")
        E = information.cross_entropy(y, int(k))
        st.metric(t("basics.ce.value"), f"{E:.4f}")
        xs, ys = information.minus_log_curve()
        fig = cross_entropy_figure(xs, ys, y[k], E, t("basics.ce.here"), t("basics.ce.chart"), t("basics.ce.p"))
        chart(fig, key="be_curve",
              data=pd.DataFrame({"p": xs, "-log p": ys}).set_index("p"))
    _two_distributions()


def _two_distributions() -> None:
    """H(p, q) = −Σ p log q with an editable p and q, in bits or nats, H(p) beside it (the notes' coin)."""
    st.subheader(t("basics.pq.title"))
    st.markdown(t("basics.pq.intro"))
    st.latex(r"H(p, q) = -\sum_k p_k \log q_k \;\ge\; H(p) = -\sum_k p_k \log p_k")
    c = st.columns([2, 2, 1])
    p_text = checked(c[0].text_input(t("basics.pq.p"), "0.5, 0.5", key="be_pq_p", bind="query-params", max_chars=4000),
                     limit=4000)
    q_text = checked(c[1].text_input(t("basics.pq.q"), "0.4, 0.6", key="be_pq_q", bind="query-params", max_chars=4000),
                     limit=4000)
    unit = c[2].radio(t("basics.pq.unit"), information.UNITS, key="be_pq_unit", bind="query-params",
                      format_func=lambda u: t(f"basics.pq.{u}"))
    with guard():
        p = check_distribution(parse_numbers(p_text, what="p"), what="p")
        q = check_distribution(parse_numbers(q_text, what="q"), what="q")
        Hpq, Hp = information.cross_entropy_pq(p, q, unit), information.entropy(p, unit)
        m = st.columns(3)
        m[0].metric(t("basics.pq.Hp", u=unit), f"{Hp:.4f}")
        m[1].metric(t("basics.pq.Hpq", u=unit), f"{Hpq:.4f}")
        m[2].metric(t("basics.pq.kl", u=unit), f"{Hpq - Hp:.4f}")
        log = "log2" if unit == "bits" else "ln"
        terms = pd.DataFrame({"p_k": p, "q_k": q, f"−p_k {log} q_k": [float(-pk * (np.log2(qk) if unit == "bits" else
                                                                                  np.log(qk))) if pk > 0 else 0.0
                                                                      for pk, qk in zip(p, q)]},
                             index=[f"{k + 1}" for k in range(len(p))])
        st.dataframe(terms.T.style.format("{:.4f}"), width="stretch")
        st.caption(t("basics.pq.ge"))
        rounded = information.rounded_cross_entropy(p, q, unit)
        if len(p) == 2 and np.allclose(p, information.COIN_P) and np.allclose(q, information.COIN_Q):
            st.info(t("basics.pq.note", unit=t(f"basics.pq.{unit}"), rounded=f"{rounded:.2f}", exact=f"{Hpq:.4f}",
                      log=log), icon=":material/edit_note:")
