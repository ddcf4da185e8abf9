"""Tab 仕組み (CBOW mechanics): the lecture example 「今日 は 朝 ？ 起き まし た 。」, a tiny CBOW
in torch (one-hot × W_in → mean h → W_out → softmax), W_in heatmap, probabilities, loss,
one update at a time, and the negative-sampling view (unigram^0.75)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core.figures import bars
from core.word2vec import cbow, figures
from pages.common.ui import chart, checked, guard, t

STATE_KEY = "w2v_cbow_state"
CFG_KEY = "w2v_cbow_cfg"


def _state(sentences: list[str], hidden: int, lr: float, objective: str, k: int) -> cbow.CBOWState:
    cfg = (tuple(sentences), hidden, lr, objective, k)
    state = st.session_state.get(STATE_KEY)
    if state is None or st.session_state.get(CFG_KEY) != cfg:
        state = cbow.CBOWState(list(sentences), hidden=hidden, lr=lr, objective=objective, k=k)
        st.session_state[STATE_KEY] = state
        st.session_state[CFG_KEY] = cfg
    return state


def _reset() -> None:
    st.session_state.pop(STATE_KEY, None)


def render() -> None:
    st.markdown(t("w2v.cb.lead"))
    toks = cbow.lecture_tokens()
    masked = [cbow.MASK if w == "早く" else w for w in toks]
    st.markdown(t("w2v.cb.example", tokens=" ".join(masked)))
    st.caption(t("w2v.cb.tokenized", tokens=" | ".join(toks)))
    st.latex(r"h = \frac{1}{2}\left(x_{t-1} W_{in} + x_{t+1} W_{in}\right),\quad "
             r"P(w \mid w_{t-1}, w_{t+1}) = \mathrm{softmax}(h\,W_{out}),\quad "
             r"L = -\frac{1}{T}\sum_t \log P(w_t \mid w_{t-1}, w_{t+1})")

    _slide()

    c = st.columns(4)
    corpus = c[0].radio(t("w2v.cb.corpus"), ("lecture", "small", "custom"), key="w2v_cb_corpus",
                        bind="query-params", format_func=lambda k: t(f"w2v.cb.corpus.{k}"))
    hidden = c[1].slider(t("w2v.cb.hidden"), 1, cbow.MAX_HIDDEN, 3, key="w2v_cb_hidden", bind="query-params")
    lr = c[1].select_slider(t("w2v.cb.lr"), [0.05, 0.1, 0.2, 0.5, 1.0, 2.0], 0.5, key="w2v_cb_lr",
                            bind="query-params")
    objective = c[2].radio(t("w2v.cb.objective"), ("softmax", "negative"), key="w2v_cb_objective",
                           bind="query-params", format_func=lambda o: t(f"w2v.cb.objective.{o}"))
    k = c[3].slider(t("w2v.cb.k"), 1, 5, 2, key="w2v_cb_k", bind="query-params", help=t("w2v.cb.k.help"))
    if corpus == "custom":
        text = checked(st.text_area(t("w2v.cb.custom"), value="\n".join(cbow.SMALL_CORPUS), key="w2v_cb_text",
                            bind="query-params", height=150), area=True)
        sentences = [s for s in text.splitlines() if s.strip()]
    elif corpus == "small":
        sentences = cbow.SMALL_CORPUS
    else:
        sentences = [cbow.LECTURE_TEXT]

    with guard():
        state = _state(sentences, hidden, float(lr), objective, k)
        b = st.columns(4)
        for col, n in zip(b[:3], (1, 10, 100)):
            if col.button(t("w2v.cb.step", n=n), key=f"w2v_cb_step{n}", type="primary" if n == 1 else "secondary"):
                state.step(n)
        b[3].button(t("w2v.cb.reset"), key="w2v_cb_reset", on_click=_reset)
        _views(state)


def _views(state: cbow.CBOWState) -> None:
    a, tgt, b = state.focus()
    V = state.vocab
    last = state.history[-1]
    c = st.columns(3)
    c[0].metric(t("w2v.cb.steps"), state.steps)
    c[1].metric(t("w2v.cb.loss"), f"{last['loss']:.4f}",
                delta=None if len(state.history) < 2 else f"{last['loss'] - state.history[-2]['loss']:+.4f}",
                delta_color="inverse")
    c[2].metric(t("w2v.cb.p", word=V[tgt]), f"{last['p_correct']:.3f}",
                delta=None if len(state.history) < 2 else f"{last['p_correct'] - state.history[-2]['p_correct']:+.3f}")
    st.caption(t("w2v.cb.examples", n=len(state.targets), v=len(V), h=state.hidden))

    left, right = st.columns(2)
    with left:
        W = state.W_in()
        chart(figures.heatmap(W, V, [f"h{j + 1}" for j in range(W.shape[1])],
                              title=t("w2v.cb.win", v=len(V), h=W.shape[1])),
              key="w2v_cb_win", filename="W_in", data=pd.DataFrame(W, index=V, columns=[f"h{j + 1}" for j in range(W.shape[1])]))
        st.caption(t("w2v.cb.win.note"))
    with right:
        probs = state.focus_probs()
        order = np.argsort(-probs)
        words = [V[i] for i in order]
        fig = bars(words, [float(probs[i]) for i in order],
                   title=t("w2v.cb.probs", a=V[a], b=V[b]), x_title="P(w | context)",
                   highlight={V[tgt]}, x_range=(0.0, 1.0))
        chart(fig, key="w2v_cb_probs", filename="cbow_probs",
              data=pd.DataFrame({"word": words, "p": [float(probs[i]) for i in order]}))
    hist = pd.DataFrame(state.history)
    chart(figures.lines(hist, "step", ["loss", "p_correct"], title=t("w2v.cb.history", word=V[tgt])),
          key="w2v_cb_hist", filename="cbow_history", data=hist)
    _hidden_numbers(state)

    st.divider()
    st.subheader(t("w2v.ns.title"))
    st.markdown(t("w2v.ns.lead"))
    st.latex(r"P_n(w) = \frac{\mathrm{count}(w)^{0.75}}{\sum_{w'} \mathrm{count}(w')^{0.75}},\quad "
             r"L = -\log\sigma(h\cdot u_{pos}) - \sum_{neg}\log\sigma(-h\cdot u_{neg})")
    table = cbow.unigram_table(state.tokens, V)
    dist = pd.DataFrame({"word": V, "count": table["count"], "unigram": table["unigram"],
                         "unigram^0.75": table["noise"]})
    chart(figures.grouped_bars(dist, "word", ["unigram", "unigram^0.75"], title=t("w2v.ns.dist"),
                               y_title=t("w2v.ns.prob")), key="w2v_ns_dist", filename="noise_distribution", data=dist)
    raw = st.query_params.get("w2v_ns_seed", "0")  # in the URL: a link shows the same negatives
    seed = int(raw) if raw.isdigit() else 0
    if st.button(t("w2v.ns.resample"), key="w2v_ns_resample"):
        seed += 1
        st.query_params["w2v_ns_seed"] = str(seed)
    rows = pd.DataFrame(state.negative_view(seed=seed))
    st.caption(t("w2v.ns.view", a=V[a], b=V[b], k=state.k))
    chart(bars(list(rows["word"] + " (" + rows["role"] + ")"), list(rows["sigmoid"]),
               title=t("w2v.ns.sigmoid"), x_title="σ(h·u_w)", x_range=(0.0, 1.0),
               highlight={rows["word"][0] + " (" + rows["role"][0] + ")"}),
          key="w2v_ns_sigmoid", filename="negative_sampling", data=rows)
    st.caption(t("w2v.ns.loss", loss=float(rows["loss_term"].sum()), k=state.k))
    _cost()


def _slide() -> None:
    """The slide's [0 1 0 …] × W = [1 13 35] (row 2), with the consistent one-hot size."""
    st.subheader(t("w2v.slide.title"))
    st.markdown(t("w2v.slide.intro"))
    W = cbow.SLIDE_W
    rows = st.number_input(t("w2v.slide.row"), 1, W.shape[0], 2, key="w2v_slide_row")
    x, row = cbow.one_hot_times(W, int(rows) - 1)
    c = st.columns([3, 2])
    notes = [t("w2v.slide.shown") if i < cbow.SLIDE_ROWS_SHOWN else t("w2v.slide.standin") for i in range(W.shape[0])]
    c[0].dataframe(pd.DataFrame(W, index=[f"{i + 1}" for i in range(W.shape[0])], columns=["h1", "h2", "h3"])
                   .assign(**{" ": notes}), width="stretch")
    c[1].markdown(t("w2v.slide.result", x=" ".join(str(v) for v in x), row=" ".join(str(v) for v in row), n=int(rows)))
    c[1].caption(t("w2v.slide.size", n=cbow.SLIDE_ONEHOT_LEN, rows=W.shape[0]))


def _hidden_numbers(state: cbow.CBOWState) -> None:
    """h₁ = x_{t−1} W_in, h₂ = x_{t+1} W_in, h = (h₁ + h₂)/2 of the focus example, as numbers."""
    if state.arch != "cbow":
        return
    a, _, b = state.focus()
    V = state.vocab
    st.markdown(f"**{t('w2v.h.title')}**")
    st.caption(t("w2v.h.intro", a=V[a], b=V[b]))
    hv = cbow.focus_hidden(state)
    cols = [f"h{j + 1}" for j in range(len(hv["h"]))]
    df = pd.DataFrame([hv["h1"], hv["h2"], hv["h"]], columns=cols,
                      index=[f"h₁ = x({V[a]}) W_in", f"h₂ = x({V[b]}) W_in", "h = (h₁ + h₂)/2"])
    st.dataframe(df.style.format("{:+.4f}"), width="stretch")
    st.caption(t("w2v.h.same", d=f"{float(np.abs(hv['h'] - hv['model_h']).max()):.1e}"))


def _cost() -> None:
    """Why negative sampling: time per step measured live for V = 10²…10⁵."""
    from pages.common.longrun import LiveRun

    st.subheader(t("w2v.cost.title"))
    st.markdown(t("w2v.cost.intro"))
    live = LiveRun("w2v_cost", total=len(cbow.COST_VOCABS), chart_metrics=("ratio",))
    if live.start_button(t("w2v.cost.run")):
        with live:
            st.session_state["w2v_cost_rows"] = cbow.measure_costs(on_progress=live.on_progress,
                                                                   should_stop=live.should_stop)
    rows = st.session_state.get("w2v_cost_rows")
    if not rows:
        st.info(t("w2v.cost.none"), icon=":material/timer:")
        return
    df = pd.DataFrame({"V": [r["V"] for r in rows], t("w2v.cost.softmax"): [r["softmax"] for r in rows],
                       t("w2v.cost.negative"): [r["negative"] for r in rows],
                       "softmax / negative": [r["ratio"] for r in rows]}).set_index("V")
    st.dataframe(df.style.format({t("w2v.cost.softmax"): "{:.2e}", t("w2v.cost.negative"): "{:.2e}",
                                  "softmax / negative": "{:.1f}"}), width="stretch")
    fig = figures.lines(df.reset_index(), "V", [t("w2v.cost.softmax"), t("w2v.cost.negative")],
                        title=t("w2v.cost.chart"), y_title="s")
    fig.update_xaxes(type="log")
    fig.update_yaxes(type="log")
    chart(fig, key="w2v_cost_chart", filename="negative_sampling_cost", data=df)
    last = rows[-1]
    st.caption(t("w2v.cost.summary", V=f"{last['V']:,}", ratio=f"{last['ratio']:.0f}"))
