"""Tab 4 — ファインチューニング: jrte pn.tsv (or an upload, or the built-in sample) → fine-tune
BERT with live loss / dev accuracy and Stop → test accuracy, per-class F1, confusion matrix,
most confident mistakes. The result lives in this session only; it can be saved (safetensors)
under <cache>/trained/bert-pn/<name>: a per-session default name, never over another model
(core.bert.finetune.save), switched off by the operator with PLAYGROUND_ALLOW_SAVE=0."""
from __future__ import annotations

import secrets

import pandas as pd
import streamlit as st

from core import InvalidInput, PlaygroundError, download, hub, inputs, policy
from core.bert import data as bdata
from core.bert import finetune as ft
from core.bert import pn
from core.bert.figures import loss_accuracy_figure
from core.figures import confusion
from pages.bert.common import save_usage
from pages.common import model_source
from pages.common.longrun import LiveRun
from pages.common.ui import chart, checked, guard, lang, local, plain, show_error, t

RESULT_KEY = "bert_ft_result"
PARTIAL_KEY = "bert_ft_partial"
OWNER_KEY = "bert_ft_owner"  # this session's id: default save names, replacing only its own saves
SAVED_KIND = "bert-pn"
LRS = [1e-5, 2e-5, 3e-5, 5e-5, 1e-4, 3e-4, 1e-3]


def render() -> None:
    st.markdown(t("bert.ft.lead"))
    ds = _data()
    if ds is None:
        return
    base = _base_model()
    if base is None:
        return
    from core import device

    dev_type = device.info().type
    max_train_cap, max_eval_cap = ft.caps(dev_type)
    if dev_type == "cpu":
        st.warning(t("bert.ft.cpu_warning", n=max_train_cap), icon="🐢")
    c1, c2, c3 = st.columns(3)
    epochs = c1.number_input(t("bert.ft.epochs"), 1, ft.MAX_EPOCHS, 1, key="bert_ft_epochs", bind="query-params")
    lr = c2.select_slider(t("bert.ft.lr"), LRS, value=3e-5, key="bert_ft_lr", format_func=lambda v: f"{v:.0e}")
    batch = c3.select_slider(t("bert.ft.batch"), [4, 8, 16, 32, 64], value=16, key="bert_ft_batch")
    c4, c5, c6 = st.columns(3)
    max_len = c4.select_slider(t("bert.ft.maxlen"), [16, 32, 64, 128, 256], value=64, key="bert_ft_maxlen")
    n_default = min(len(ds.train), 200 if dev_type == "cpu" else 5000, max_train_cap)
    max_train = c5.number_input(t("bert.ft.maxtrain"), 2, max_train_cap, max(2, n_default), step=50,
                                key="bert_ft_maxtrain")
    seed = c6.number_input(t("bert.ft.seed"), 0, 10_000, 0, key="bert_ft_seed")
    cfg = ft.FinetuneConfig(epochs=int(epochs), lr=float(lr), batch_size=int(batch), max_length=int(max_len),
                            max_train=int(max_train), max_eval=max_eval_cap, seed=int(seed))
    steps = -(-min(int(max_train), len(ds.train)) // int(batch)) * int(epochs)
    run = LiveRun("bert_ft", total=steps, chart_metrics=("loss", "dev_acc"))
    if run.start_button(t("bert.ft.start", steps=steps)):
        with guard():
            st.session_state.pop(RESULT_KEY, None)
            partial: dict = {}
            st.session_state[PARTIAL_KEY] = partial  # survives the rerun that Stop triggers
            with run:
                result = ft.finetune(base, ds, cfg, on_progress=run.on_progress, should_stop=run.should_stop,
                                     state=partial)
            if run.budget_reached:  # the time budget stopped it, like Stop: the partial model stays
                result.notes.append(run.budget_message())
            st.session_state[RESULT_KEY] = result
            st.session_state.pop(PARTIAL_KEY, None)
    elif st.session_state.get(PARTIAL_KEY):
        # the previous run was interrupted (Stop): evaluate what was trained so far
        with guard():
            result = ft.result_from_state(st.session_state.pop(PARTIAL_KEY))
            if result is not None:
                st.session_state[RESULT_KEY] = result
    result = st.session_state.get(RESULT_KEY)
    if result is not None:
        _results(result)
        _compare_with_baseline(result, ds)


def _compare_with_baseline(r, ds) -> None:
    """Issue #9: fine-tuned BERT and the word-vector baseline on the same split, one table."""
    from core.bert.baseline import comparison_row
    from pages.bert.baseline import render_comparison

    name = f"BERT ({r.base})"
    render_comparison([comparison_row(name, r.test_accuracy, r.macro_f1, r.seconds,
                                      train_examples=r.train_examples, split=ds.split_id())],
                      data=ds, key="bert_ft_cmp")


def _data():
    kinds = ["pn", "upload", "sample"]
    default = 0 if pn.find_pn() is not None else 2  # a fresh offline install starts on the sample
    kind = st.radio(t("bert.ft.data"), kinds, index=default, format_func=lambda k: t(f"bert.ft.data.{k}"),
                    horizontal=True, key="bert_ft_data", bind="query-params")
    ds = None
    with guard():
        if kind == "pn":
            path = pn.find_pn()
            if path is None:
                st.info(t("bert.ft.pn_missing"), icon="ℹ️")
                st.code(pn.fetch_hint(lang=lang()), language="bash")
                if st.button(t("bert.ft.pn_download"), key="bert_ft_pn_download"):
                    pn.download_pn()
                    st.rerun()
                return None
            ds = pn.load_pn(path)
        elif kind == "upload":
            up = st.file_uploader(t("bert.ft.upload"), type=["tsv", "csv", "txt"], key="bert_ft_upload")
            if up is None:
                st.caption(t("bert.ft.upload.help"))
                return None
            ds = bdata.load_labelled(up)
        else:
            ds = bdata.sample_dataset()
        if ds.notice:
            st.caption(local(ds.notice))
        for note in ds.notes:
            st.caption(local(note))
        names = list(ds.label_names)
        pos_neg = [n for n in names if not n.startswith("neutral")]
        chosen = st.multiselect(t("bert.ft.labels"), names, default=pos_neg if len(pos_neg) >= 2 else names,
                                key="bert_ft_labels")
        if len(chosen) < 2:
            raise InvalidInput(t("bert.ft.labels.min"))
        ds = bdata.select_labels(ds, chosen)
        st.dataframe(pd.DataFrame(ds.summary()).T, width="content")
    return ds


def _base_model() -> str | None:
    """The base checkpoint: a pick from the operator's list (free text only when allowed),
    checked by core.hub.student_source before any disk or network work."""
    if policy.allow_custom_models():
        raw = st.text_input(t("bert.ft.base"), model_source.current_source("fill-mask"), key="bert_ft_base",
                            max_chars=hub.SOURCE_LIMIT, help=t("bert.ft.base.help"))
    else:
        options = hub.allowed_sources("fill-mask")
        if st.session_state.get("bert_ft_base") not in options:
            st.session_state.pop("bert_ft_base", None)
        raw = st.selectbox(t("bert.ft.base"), options, key="bert_ft_base",
                           format_func=lambda v: model_source.display("fill-mask", v), help=t("src.pick.help"))
    try:
        base = hub.student_source("fill-mask", raw)
        if hub.locate(base).path is None:  # would download: allow-list and size cap now, no byte fetched
            download.check(base, "fill-mask")
    except PlaygroundError as exc:
        show_error(exc)
        if st.toggle(t("bert.ft.untrained"), key="bert_ft_untrained", help=t("bert.untrained.help")):
            from core import resources

            st.warning(t("bert.untrained.banner"), icon="🎲")
            return resources.bert_untrained_demo_dir("masked_lm")
        return None
    return base


def _results(r) -> None:
    st.subheader(t("bert.ft.results"))
    if r.stopped:
        st.info(t("common.stopped"), icon="⏹️")
    for note in r.notes:
        st.caption(local(note))
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(t("bert.ft.acc"), f"{r.test_accuracy:.3f}")
    c2.metric("macro-F1", f"{r.macro_f1:.3f}")
    c3.metric(t("bert.ft.ntrain"), f"{r.train_examples:,}")
    c4.metric(t("bert.ft.seconds"), f"{r.seconds:.1f}")
    if r.history:
        hist = pd.DataFrame(r.history).drop(columns=["time"], errors="ignore").set_index("step")
        fig = loss_accuracy_figure(hist, ("loss", "loss"), [("dev_acc", "dev accuracy", "lines+markers")],
                                   y_title="loss", y2_title="dev acc")
        chart(fig, key="bert_ft_curve", filename="finetune-curve", data=hist)
    st.dataframe(pd.DataFrame(r.per_class).round(3), hide_index=True, width="stretch")
    z = r.confusion
    chart(confusion(z, r.labels, true_title=t("bert.ft.gold"), pred_title=t("bert.ft.predicted"),
                    title=t("bert.ft.confusion")), key="bert_ft_confusion", filename="confusion-matrix",
          data=pd.DataFrame(z, index=r.labels, columns=r.labels))
    if r.mistakes:
        st.markdown(f"**{t('bert.ft.mistakes')}**")
        st.dataframe(pd.DataFrame(r.mistakes), hide_index=True, width="stretch")
    st.caption(t("bert.ft.use_in_sentiment"))
    _save(r)


def _save(r) -> None:
    with st.expander(t("bert.ft.save"), expanded=False):
        if not policy.saving_enabled():
            st.info(t("ft.save.off"), icon="🔒")
        else:
            owner = st.session_state.setdefault(OWNER_KEY, secrets.token_hex(3))
            root = hub.trained_dir(SAVED_KIND)
            name = checked(st.text_input(t("bert.ft.save.name"), f"bert-pn-{owner}", key="bert_ft_save_name",
                                         max_chars=inputs.NAME_LIMIT, help=t("ft.save.unique")), limit=inputs.NAME_LIMIT)
            save_usage(ft.owned(root, owner))
            if st.button(t("bert.ft.save.button"), key="bert_ft_save_btn"):
                with guard():
                    clean = inputs.name(name)
                    out = ft.save(r, root / clean, owner=owner)  # its own name again: replaced atomically
                    st.success(t("bert.ft.save.done", path=plain(out.name)))
                    if out.name != clean:
                        st.info(t("ft.save.renamed", name=plain(clean), saved=plain(out.name)), icon="ℹ️")
                    st.code(f"python -m core bert sentiment \"良いホテルでした\" --model {out}", language="bash")
        _saved_list()


def _saved_list() -> None:
    """The fine-tuned models saved on this server (usable in the sentiment tab's model list)."""
    saved = hub.trained_models(SAVED_KIND)
    if not saved:
        st.caption(t("ft.saved.none"))
        return
    st.markdown(f"**{t('ft.saved.title')}**")
    st.dataframe(pd.DataFrame([ft.saved_summary(p) for p in saved]), hide_index=True, width="stretch")
    st.caption(t("ft.saved.reuse"))
