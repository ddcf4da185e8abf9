"""Section 「ミニGPT」: a decoder-only Transformer trained live on the LSTM page's text (or a pasted
/ uploaded one), generation with temperature and top-k, the attention of every layer and head,
parallel training vs autoregressive generation, and the LSTM LM on the same text, tokens and
wall-clock budget (core.transformer.lm / core.lstm.lm, both on core.lm)."""
from __future__ import annotations

import streamlit as st

from core.attention import figures as attention_figures
from core.transformer import figures as transformer_figures
from core.limits import CLASSROOM
from core.lm import MAX_GENERATE
from core.lstm.lm import RNNLMRun, lm_config
from core.transformer.gpt import MAX_CONTEXT, MAX_D_MODEL, MAX_GPT_LAYERS
from core.transformer.lm import GPT_TRAIN_DEFAULTS, GPTRun, gpt_config
from pages.common import lm as lm_views
from pages.common import training
from pages.common.longrun import LiveRun
from pages.common.text_source import text_controls
from pages.common.ui import chart, checked, guard, lang, t

RUN_KEY, LSTM_KEY = "tf_gpt_run", "tf_gpt_lstm"
MAX_SHOWN_TOKENS = 32


def render() -> None:
    st.markdown(t("tf.gpt.intro"))
    st.latex(r"h^0_t = E[w_t] + PE(t),\quad h^l = \mathrm{Block}^l(h^{l-1})\ \text{(causal mask)},\quad "
             r"P(w_{t+1}\mid w_{\le t}) = \mathrm{softmax}(\mathrm{LN}(h^N_t)\,W_{vocab})")
    text, level = text_controls("tf_gpt")
    c = st.columns(4)
    d_model = c[0].number_input("d_model", 1, 1024, 64, step=8, key="tf_gpt_d", bind="query-params")
    n_layers = c[1].number_input(t("lstm.layers"), 0, 24, 2, key="tf_gpt_layers", bind="query-params")
    heads = c[2].number_input(t("att.mh.h"), 0, 64, 4, key="tf_gpt_h", bind="query-params")
    context = c[3].number_input(t("tf.gpt.context"), 1, 4096, 64, key="tf_gpt_ctx", bind="query-params")
    c = st.columns(4)
    lr = c[0].number_input(t("lstm.lr"), 0.0, 1000.0, GPT_TRAIN_DEFAULTS.lr, step=0.001, format="%.4f",
                           key="tf_gpt_lr", bind="query-params")
    epochs = c[1].number_input(t("lstm.epochs"), 0, 100_000, GPT_TRAIN_DEFAULTS.epochs, key="tf_gpt_epochs",
                               bind="query-params")
    seconds = c[2].number_input(t("tf.gpt.seconds"), 1, int(CLASSROOM.max_seconds), 20, key="tf_gpt_sec",
                                bind="query-params")
    seed = c[3].number_input(t("lstm.seed"), 0, 9999, 0, key="tf_gpt_seed", bind="query-params")
    regularization = lm_views.regularization_controls("tf_gpt", GPT_TRAIN_DEFAULTS)
    st.caption(t("tf.gpt.limits", d=MAX_D_MODEL, layers=MAX_GPT_LAYERS, ctx=MAX_CONTEXT, sec=int(CLASSROOM.max_seconds)))
    live = LiveRun("tf_gpt", total=max(1, int(epochs)), chart_metrics=("loss", "val_loss"))
    if live.start_button(t("lstm.train")):
        with guard():
            run = GPTRun(text, level, gpt_config(lr=float(lr), epochs=int(epochs), seed=int(seed), **regularization),
                         context=int(context), d_model=int(d_model), h=int(heads), n_layers=int(n_layers))
            st.session_state[RUN_KEY] = run
            st.session_state.pop(LSTM_KEY, None)
            st.session_state.pop("tf_gpt_out", None)
            with live:
                run.fit(live.on_progress, live.should_stop, seconds=float(seconds))
    draw(st.session_state.get(RUN_KEY))


def draw(run: GPTRun | None) -> None:
    if not training.ready("tf_gpt", run, st.session_state.get(LSTM_KEY)):
        return
    with guard():
        st.caption(t("tf.gpt.stats", vocab=len(run.vocab), tokens=run.n_tokens, loss=run.val_loss(),
                     ppl=run.perplexity(), params=run.n_params()))
    lm_views.loss_view(run, key="tf_gpt_loss", title=t("tf.gpt.fig.loss"),
                       train_label="mini-GPT " + t("tf.gpt.train_loss"), val_label="mini-GPT " + t("tf.gpt.val_loss"))
    _generate(run)
    _parallel(run)
    _versus_lstm(run)


def _generate(run: GPTRun) -> None:
    st.subheader(t("tf.gpt.gen"))
    c = st.columns([3, 1, 1, 1, 1])
    prompt = checked(c[0].text_input(t("lstm.lm.prompt"), value="猫は", key="tf_gpt_prompt", bind="query-params",
                                     max_chars=200), limit=200)
    n = c[1].number_input(t("lstm.lm.gen_len"), 1, MAX_GENERATE, 40, key="tf_gpt_n", bind="query-params")
    temperature = c[2].slider(t("lstm.lm.temperature"), 0.0, 3.0, 0.8, step=0.1, key="tf_gpt_temp",
                              bind="query-params", help=t("lstm.lm.temperature.help"))
    k = c[3].number_input(t("tf.gpt.topk"), 0, 1000, 10, key="tf_gpt_k", bind="query-params",
                          help=t("tf.gpt.topk.help"))
    top_p = c[4].number_input(t("lm.topp"), 0.0, 1.0, 1.0, step=0.05, format="%.2f", key="tf_gpt_p",
                              bind="query-params", help=t("lm.topp.help"))
    if st.button(t("lstm.lm.generate"), key="tf_gpt_gen") or "tf_gpt_out" not in st.session_state:
        with guard():
            prompt = lm_views.known_prompt(run, prompt)
            count = st.session_state.get("tf_gpt_count", 0)
            st.session_state["tf_gpt_out"] = (prompt, run.generate(prompt, int(n), temperature, seed=count, top_k=int(k),
                                                                   top_p=float(top_p)))
            st.session_state["tf_gpt_count"] = count + 1
    out = st.session_state.get("tf_gpt_out")
    if not out:
        return
    st.markdown(f"**{t('lstm.lm.generated')}**")
    st.text(out[0] + out[1])  # st.text: never HTML
    with guard():
        tokens, weights = run.attention(out[0] + out[1])
        tokens, weights = tokens[-MAX_SHOWN_TOKENS:], weights[..., -MAX_SHOWN_TOKENS:, -MAX_SHOWN_TOKENS:]
        st.markdown(f"**{t('tf.gpt.attn', n=len(tokens))}**")
        st.caption(t("tf.gpt.attn.help"))
        shown = [tok.replace("\n", "⏎") for tok in tokens]
        fig, df = attention_figures.model_view(weights, shown, layers=list(range(weights.shape[0])), heads=None,
                               cell_px=max(90, 4 * len(shown)), lang=lang())
        chart(fig, key="tf_gpt_model_view", data=df)


def _parallel(run: GPTRun) -> None:
    st.subheader(t("tf.gpt.par"))
    st.markdown(t("tf.gpt.par.intro"))
    sentence = checked(st.text_input(t("att.sentence"), value="猫はごはんを食べて", key="tf_gpt_par",
                                     bind="query-params", max_chars=200), limit=200)
    with guard():
        rows = run.parallel_vs_autoregressive(sentence)
        st.dataframe(transformer_figures.parallel_frame(rows, lang=lang()), hide_index=True)
        st.caption(t("tf.gpt.par.diff", diff=max(r["max_diff"] for r in rows), n=len(rows)))


def _versus_lstm(run: GPTRun) -> None:
    st.subheader(t("tf.gpt.vs"))
    st.markdown(t("tf.gpt.vs.intro", seconds=run.seconds))
    lstm = st.session_state.get(LSTM_KEY)
    if run.text is not None:
        live = LiveRun("tf_gpt_lstm", total=CLASSROOM.max_epochs, chart_metrics=("loss", "val_loss"))
        if live.start_button(t("tf.gpt.vs.train", seconds=run.seconds)):
            with guard():
                lstm = RNNLMRun(run.text, run.level, lm_config(epochs=CLASSROOM.max_epochs, seed=run.cfg.seed))
                st.session_state[LSTM_KEY] = lstm
                with live:
                    lstm.fit(live.on_progress, live.should_stop, seconds=max(1.0, run.seconds))
    if lstm is None:
        st.info(t("tf.gpt.vs.none"))
        return
    with guard():
        c = st.columns(2)
        c[0].metric("mini-GPT " + t("tf.gpt.ppl"), f"{run.perplexity():.2f}", help=t("tf.gpt.ppl.help"))
        c[1].metric("LSTM " + t("tf.gpt.ppl"), f"{lstm.perplexity():.2f}")
        fig, df = transformer_figures.curves_figure({"gpt": run.history, "lstm": lstm.history},
                                   {"gpt": "mini-GPT" + t("common.paren", x=f"{run.n_params():,}"),
                                    "lstm": "LSTM" + t("common.paren", x=f"{sum(p.numel() for p in lstm.model.parameters()):,}")},
                                   t("tf.gpt.vs.fig"), lang=lang())
        chart(fig, key="tf_gpt_vs", data=df)
