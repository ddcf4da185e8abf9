"""Tab 学習 (train your own): gensim Word2Vec on the built-in sample corpus or an uploaded text,
per-epoch progress (loss, words/sec) with Stop, CBOW vs skip-gram side by side, download in
word2vec text format. Trained vectors stay in this session and the other tabs can use them."""
from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from core import InvalidInput
from core.text import decode_upload
from core.word2vec import figures, sample_corpus, train
from pages.common.longrun import LiveRun
from pages.common.ui import chart, checked, guard, lang, t
from pages.word2vec import sources

LIMITS = train.CLASSROOM
COMPARE_KEY = "w2v_compare"
LAST_KEY = "w2v_last_trained"
TOKENS_KEY = "w2v_corpus_tokens"
CHECK_WORDS = "猫 東京 父 カレー バス"


def _name(cfg: train.TrainConfig) -> str:
    """Session key of a trained model (language-independent; sources shows it translated)."""
    return f"{sources.TRAINED_PREFIX}{cfg.name}"


def _sentences(kind: str, upload, mode: str):
    if kind == "sample":
        return train.sample_sentences(mode)
    if upload is None:
        raise InvalidInput(t("w2v.tr.upload.none"))
    data = upload.getvalue()
    digest = hashlib.sha1(data).hexdigest() + mode
    cached = st.session_state.get(TOKENS_KEY)
    if cached and cached[0] == digest:
        return cached[1]
    text = decode_upload(data, what=t("w2v.tr.upload.what"))
    with st.spinner(t("w2v.tr.tokenizing")):
        sents = train.tokenize_corpus(text, mode=mode, limits=LIMITS)
    st.session_state[TOKENS_KEY] = (digest, sents)
    return sents


def _config(sg: int) -> train.TrainConfig:
    ss = st.session_state
    return train.TrainConfig(sg=sg, vector_size=int(ss["w2v_tr_dim"]), window=int(ss["w2v_tr_window"]),
                             negative=int(ss["w2v_tr_negative"]), min_count=int(ss["w2v_tr_min_count"]),
                             epochs=int(ss["w2v_tr_epochs"]), sample=float(ss["w2v_tr_sample"]))


def _store(result: train.TrainResult) -> None:
    sources.trained()[_name(result.config)] = result
    st.session_state[LAST_KEY] = _name(result.config)


def render() -> None:
    st.markdown(t("w2v.tr.lead"))
    c1, c2 = st.columns([1, 1])
    kind = c1.radio(t("w2v.tr.corpus"), ("sample", "upload"), key="w2v_tr_corpus", bind="query-params",
                    format_func=lambda k: t(f"w2v.tr.corpus.{k}"), horizontal=True)
    mode = c2.radio(t("w2v.tr.mode"), ("surface", "lemma"), key="w2v_tr_mode", bind="query-params",
                    format_func=lambda m: t(f"w2v.tr.mode.{m}"), horizontal=True)
    upload = None
    if kind == "upload":
        upload = st.file_uploader(t("w2v.tr.upload"), type=["txt", "csv", "tsv"], key="w2v_tr_upload",
                                  help=t("w2v.tr.upload.help", chars=LIMITS.max_chars, tokens=LIMITS.max_tokens))
        if upload is not None:  # read it now (cached by content): a bad file is answered at once
            with guard():
                _sentences(kind, upload, mode)
    else:
        with st.expander(t("w2v.tr.sample.show")):
            st.caption(t("w2v.tr.sample.about"))
            st.dataframe(pd.DataFrame({t("w2v.col.sentence"): sample_corpus.sentences(12)}), hide_index=True)
            st.download_button(t("w2v.tr.sample.download"), sample_corpus.text().encode("utf-8"),
                               file_name="sample_corpus.txt", mime="text/plain", key="w2v_tr_sample_dl")

    c = st.columns(4)
    sg = c[0].radio(t("w2v.tr.model"), (0, 1), key="w2v_tr_sg", bind="query-params",
                    format_func=lambda v: "skip-gram" if v else "CBOW", help=t("w2v.tr.model.help"))
    c[1].slider(t("w2v.tr.window"), 1, LIMITS.max_window, 3, key="w2v_tr_window", bind="query-params")
    c[1].select_slider(t("w2v.tr.dim"), [10, 20, 50, 100, 200, 300], 50, key="w2v_tr_dim", bind="query-params")
    c[2].slider(t("w2v.tr.negative"), 1, LIMITS.max_negative, 5, key="w2v_tr_negative", bind="query-params",
                help=t("w2v.tr.negative.help"))
    c[2].slider(t("w2v.tr.min_count"), 1, 20, 2, key="w2v_tr_min_count", bind="query-params")
    epochs = c[3].slider(t("w2v.tr.epochs"), 1, LIMITS.max_epochs, 15, key="w2v_tr_epochs", bind="query-params")
    c[3].select_slider(t("w2v.tr.sample"), [0.0, 1e-5, 1e-4, 1e-3, 1e-2], 1e-3, key="w2v_tr_sample",
                       bind="query-params", help=t("w2v.tr.sample.help"))
    st.caption(t("w2v.tr.limits", chars=LIMITS.max_chars, tokens=LIMITS.max_tokens, epochs=LIMITS.max_epochs))

    b1, b2 = st.columns(2)
    run = LiveRun("w2v_train", total=epochs, chart_metrics=("loss",))
    start = b1.button(t("w2v.tr.start"), key="w2v_train__start", type="primary")
    compare = b2.button(t("w2v.tr.compare"), key="w2v_compare__start", help=t("w2v.tr.compare.help"))
    if start:
        with guard():
            sents = _sentences(kind, upload, mode)
            cfg = _config(int(sg))
            with run:
                result = train.train(sents, cfg, limits=LIMITS, on_progress=run.on_progress,
                                     should_stop=run.should_stop, on_result=_store)
            _store(result)
            st.session_state.pop(COMPARE_KEY, None)
    if compare:
        with guard():
            sents = _sentences(kind, upload, mode)
            both = LiveRun("w2v_compare", total=2 * epochs, chart_metrics=("loss",))
            results = {}
            with both:
                for i, s in enumerate((0, 1)):
                    cfg = _config(s)
                    results[cfg.name] = train.train(
                        sents, cfg, limits=LIMITS, should_stop=both.should_stop, on_result=_store,
                        on_progress=lambda step, total, m, i=i: both.on_progress(i * epochs + step, 2 * epochs, m))
            for r in results.values():
                _store(r)
            st.session_state[COMPARE_KEY] = list(results)
    _show_last()
    _show_compare()


def _show_last() -> None:
    name = st.session_state.get(LAST_KEY)
    result = sources.trained().get(name) if name else None
    if result is None:
        st.info(t("w2v.tr.none"))
        return
    st.divider()
    st.subheader(t("w2v.tr.result", name=sources.display(name)))
    s = result.summary()
    if s["epochs_done"] < result.config.epochs:
        st.warning(t("w2v.tr.partial", done=s["epochs_done"], total=result.config.epochs))
    c = st.columns(5)
    c[0].metric(t("w2v.tr.vocab"), f"{s['vocab']:,}")
    c[1].metric(t("w2v.tr.tokens"), f"{s['tokens']:,}")
    c[2].metric(t("w2v.tr.seconds"), f"{s['seconds']:.2f} s")
    c[3].metric(t("w2v.tr.wps"), f"{s['words_per_sec']:,.0f}")
    c[4].metric(t("w2v.tr.loss"), "—" if s["final_loss"] is None else f"{s['final_loss']:.3f}")
    hist = pd.DataFrame(result.history)
    if not hist.empty:
        chart(figures.lines(hist, "epoch", ["loss"], title=t("w2v.tr.loss.chart"), y_title=t("w2v.tr.loss")),
              key="w2v_tr_loss_chart", filename="training_loss", data=hist)
    st.caption(t("w2v.tr.use_elsewhere"))
    st.download_button(t("w2v.tr.download"), train.to_word2vec_text(result.kv),
                       file_name=f"word2vec_{result.config.name}.txt", mime="text/plain", key="w2v_tr_dl")
    words = checked(st.text_input(t("w2v.tr.check"), value=CHECK_WORDS, key="w2v_tr_check", bind="query-params"))
    with guard():
        from core.word2vec.query import split_words

        rows = train.compare_neighbors({sources.display(name): result}, split_words(words, maximum=10), topn=5, lang=lang())
        st.dataframe(pd.DataFrame(rows), hide_index=True)


def _show_compare() -> None:
    names = st.session_state.get(COMPARE_KEY)
    if not names:
        return
    results = {n: sources.trained().get(f"{sources.TRAINED_PREFIX}{n}") for n in names}
    if any(r is None for r in results.values()):
        return
    st.divider()
    st.subheader(t("w2v.tr.compare.title"))
    c = st.columns(len(results))
    for col, (n, r) in zip(c, results.items()):
        s = r.summary()
        col.metric(t("w2v.tr.compare.metric", model=n), f"{s['seconds']:.2f} s",
                   help=t("w2v.tr.compare.metric.help", wps=f"{s['words_per_sec']:,.0f}", loss=s["final_loss"] or 0))
    words = st.session_state.get("w2v_tr_check", CHECK_WORDS)
    with guard():
        from core.word2vec.query import split_words

        rows = train.compare_neighbors(results, split_words(words, maximum=10), topn=5, lang=lang())
        st.dataframe(pd.DataFrame(rows), hide_index=True)
        st.caption(t("w2v.tr.compare.note"))
