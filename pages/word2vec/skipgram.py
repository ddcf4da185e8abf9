"""Tab 仕組み (skip-gram): skip-gram beside CBOW on the same sentence — one centre word → its
W_in row → W_out → softmax, scored at each context position, the loss, and a step button that
updates both teaching models (core.word2vec.cbow, arch="skipgram" / "cbow")."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core.figures import bars
from core.word2vec import cbow, figures
from pages.common.ui import chart, guard, t

STATE_KEY = "w2v_sg_states"  # {"cbow": CBOWState, "skipgram": CBOWState}
CFG_KEY = "w2v_sg_cfg"


def _states(sentences: list[str], hidden: int, lr: float) -> dict[str, cbow.CBOWState]:
    cfg = (tuple(sentences), hidden, lr)
    states = st.session_state.get(STATE_KEY)
    if states is None or st.session_state.get(CFG_KEY) != cfg:
        states = {arch: cbow.CBOWState(list(sentences), hidden=hidden, lr=lr, arch=arch) for arch in cbow.ARCHITECTURES}
        st.session_state[STATE_KEY] = states
        st.session_state[CFG_KEY] = cfg
    return states


def _reset() -> None:
    st.session_state.pop(STATE_KEY, None)


def render() -> None:
    st.markdown(t("w2v.sg.lead"))
    toks = cbow.lecture_tokens()
    st.markdown(t("w2v.sg.example", tokens=" ".join(toks)))
    c = st.columns(3)
    corpus = c[0].radio(t("w2v.cb.corpus"), ("lecture", "small"), key="w2v_sg_corpus", bind="query-params",
                        format_func=lambda k: t(f"w2v.cb.corpus.{k}"))
    hidden = c[1].slider(t("w2v.cb.hidden"), 1, cbow.MAX_HIDDEN, 3, key="w2v_sg_hidden", bind="query-params")
    lr = c[2].select_slider(t("w2v.cb.lr"), [0.05, 0.1, 0.2, 0.5, 1.0], 0.5, key="w2v_sg_lr", bind="query-params")
    sentences = cbow.SMALL_CORPUS if corpus == "small" else [cbow.LECTURE_TEXT]
    with guard():
        states = _states(sentences, hidden, float(lr))
        b = st.columns(4)
        for col, n in zip(b[:3], (1, 10, 100)):
            if col.button(t("w2v.sg.step", n=n), key=f"w2v_sg_step{n}", type="primary" if n == 1 else "secondary"):
                for s in states.values():
                    s.step(n)
        b[3].button(t("w2v.cb.reset"), key="w2v_sg_reset", on_click=_reset)
        left, right = st.columns(2)
        with left:
            _column(states["cbow"], "cbow")
        with right:
            _column(states["skipgram"], "skipgram")
        hist = pd.DataFrame({"step": [h["step"] for h in states["cbow"].history],
                             "CBOW": [h["loss"] for h in states["cbow"].history],
                             "skip-gram": [h["loss"] for h in states["skipgram"].history]})
        chart(figures.lines(hist, "step", ["CBOW", "skip-gram"], title=t("w2v.sg.history"), y_title="L"),
              key="w2v_sg_hist", filename="cbow_vs_skipgram_loss", data=hist)
        st.caption(t("w2v.sg.note"))


def _column(state: cbow.CBOWState, arch: str) -> None:
    V = state.vocab
    a, w_t, b = state.focus()
    st.subheader("CBOW" if arch == "cbow" else "skip-gram")
    if arch == "cbow":
        st.latex(r"h=\tfrac12\,(x_{t-1}W_{in}+x_{t+1}W_{in})")
        st.latex(r"P(w_t\mid w_{t-1},w_{t+1})=\mathrm{softmax}(hW_{out})")
        st.caption(t("w2v.sg.cbow.flow", a=V[a], b=V[b], t=V[w_t]))
    else:
        st.latex(r"h=x_tW_{in},\quad P(w\mid w_t)=\mathrm{softmax}(hW_{out})")
        st.latex(r"L_t=-\log P(w_{t-1}\mid w_t)-\log P(w_{t+1}\mid w_t)")
        st.caption(t("w2v.sg.sg.flow", a=V[a], b=V[b], t=V[w_t]))
    last = state.history[-1]
    m = st.columns(2)
    m[0].metric(t("w2v.sg.loss"), f"{last['loss']:.4f}")
    m[1].metric(t("w2v.cb.steps"), state.steps)
    h_rows = state.model.W_in.detach().numpy()[state.focus_input()]  # (inputs, H): the picked W_in rows
    names = [V[i] for i in state.focus_input()]
    cols = [f"h{j + 1}" for j in range(h_rows.shape[1])]
    chart(figures.heatmap(h_rows, names, cols, title=t("w2v.sg.rows")), key=f"w2v_sg_rows_{arch}",
          filename=f"{arch}_W_in_rows", data=pd.DataFrame(h_rows, index=names, columns=cols))
    probs = state.focus_probs()
    order = np.argsort(-probs)
    words = [V[i] for i in order]
    targets = {V[i] for i in state.focus_targets()}
    title = (t("w2v.cb.probs", a=V[a], b=V[b]) if arch == "cbow" else t("w2v.sg.probs", t=V[w_t]))
    chart(bars(words, [float(probs[i]) for i in order], title=title, x_title="P", highlight=targets,
               x_range=(0.0, 1.0)),
          key=f"w2v_sg_probs_{arch}", filename=f"{arch}_probs",
          data=pd.DataFrame({"word": words, "p": [float(probs[i]) for i in order]}))
    terms = state.focus_loss_terms()
    st.caption(t("w2v.sg.terms", terms=" + ".join(f"−log P({w}) = {v:.3f}" for w, v in terms),
                 total=sum(v for _, v in terms)))
