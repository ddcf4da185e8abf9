"""Tab 2: next-token prediction — char / word language model, top-k probabilities, sampling."""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

from core.lm import MAX_GENERATE
from core.lstm.lm import LM_DEFAULTS, RNNLMRun
from core.lstm.train import BIDIRECTIONAL_LM
from core.lstm.figures import topk_figure
from pages.common import lm as lm_views
from pages.common import training
from pages.common.text_source import text_controls
from pages.common.longrun import LiveRun
from pages.common.ui import chart, checked, guard, t
from pages.lstm import controls
from pages.lstm import truncation

RUN_KEY = "lstm_lm_run"


def render() -> None:
    st.markdown(t("lstm.lm.intro"))
    st.latex(r"P(w_{t+1}\mid w_1\dots w_t)=\mathrm{softmax}(W_{out}h_t+b),\quad "
             r"L=-\frac{1}{T}\sum_t \log P(w_{t+1}\mid w_{\le t})")
    text, level = text_controls("lstm_lm")
    cfg = controls.train_controls("lstm_lm", LM_DEFAULTS, bidir_reason=t("lstm.bidir.off_lm"))
    cfg = replace(cfg, **lm_views.regularization_controls("lstm_lm", LM_DEFAULTS))
    k = truncation.k_slider()
    live = LiveRun("lstm_lm", total=max(1, cfg.epochs), chart_metrics=("loss", "val_loss"))
    if live.start_button(t("lstm.train")):
        with guard():
            if cfg.bidirectional:
                st.warning(BIDIRECTIONAL_LM)
                return
            run = RNNLMRun(text, level, cfg, seq_len=k)
            st.session_state[RUN_KEY] = run
            st.session_state.pop("lstm_lm_out", None)
            with live:
                run.fit(live.on_progress, live.should_stop)
            truncation.remember(run)
    draw(st.session_state.get(RUN_KEY))
    truncation.effects(st.session_state.get(RUN_KEY))


def draw(run) -> None:
    if not training.ready("lstm_lm", run):
        return
    with guard():
        st.caption(t("lstm.lm.stats", vocab=len(run.vocab), tokens=run.n_tokens, loss=run.val_loss(),
                     ppl=run.perplexity()))
    c1, c2, c3 = st.columns([3, 1, 1])
    prompt = checked(c1.text_input(t("lstm.lm.prompt"), value="猫は", key="lstm_lm_prompt", bind="query-params", max_chars=200), limit=200)
    k = c2.slider(t("lstm.lm.topk"), 1, 30, 10, key="lstm_lm_k", bind="query-params")
    temperature = c3.slider(t("lstm.lm.temperature"), 0.0, 3.0, 0.8, step=0.1, key="lstm_lm_temp",
                            bind="query-params", help=t("lstm.lm.temperature.help"))
    typed = prompt
    with guard():
        prompt = lm_views.known_prompt(run, prompt)
        items = run.top_k(prompt, k, temperature)
        fig, df = topk_figure(items, t("lstm.lm.fig.topk", k=k))
        chart(fig, key="lstm_lm_topk", data=df)
    g1, g2 = st.columns([1, 3])
    n = g1.number_input(t("lstm.lm.gen_len"), 1, MAX_GENERATE, 80, key="lstm_lm_n", bind="query-params")
    if g1.button(t("lstm.lm.generate"), key="lstm_lm_gen") or "lstm_lm_out" not in st.session_state \
            or st.session_state.get("lstm_lm_out_for") != typed:  # a new prompt generates at once
        with guard():
            count = st.session_state.get("lstm_lm_count", 0)
            st.session_state["lstm_lm_out"] = prompt + run.generate(prompt, n, temperature, seed=count)
            st.session_state["lstm_lm_out_for"] = typed
            st.session_state["lstm_lm_count"] = count + 1
    if st.session_state.get("lstm_lm_out"):
        g2.markdown(f"**{t('lstm.lm.generated')}**")
        g2.text(st.session_state["lstm_lm_out"])  # st.text: never HTML
    lm_views.loss_view(run, key="lstm_lm_loss", title=t("lstm.lm.fig.loss"),
                       train_label=f"{run.cfg.cell.upper()} {t('lstm.lab.train_loss')}",
                       val_label=f"{run.cfg.cell.upper()} {t('lstm.lab.val_loss')}")
