"""Tab — mini-BERT を事前学習: a small BertForMaskedLM pre-trained live with the lecture's MLM
masking on the built-in text, a pasted text or an upload; live MLM loss / masked accuracy, Stop;
the fill-mask predictions of one sentence as training goes on; save → usable by fill-mask, the
attention page and fine-tuning. The trained model lives in this session only until saved."""
from __future__ import annotations

import pandas as pd
import secrets

import streamlit as st

from core import InvalidInput, hub, inputs, policy
from core.bert import fill_mask as fm
from core.bert import mlm, nsp
from core.bert import pretrain
from core.bert import saved
from core.bert.figures import loss_accuracy_figure
from core.figures import bars
from pages.bert.common import candidates_frame, save_usage
from pages.common.longrun import LiveRun
from pages.common.ui import chart, checked, guard, local, plain, t

RESULT_KEY = "bert_pt_result"
OWNER_KEY = "bert_pt_owner"  # this session's id: default save names
PARTIAL_KEY = "bert_pt_partial"
KINDS = ("builtin", "paste", "upload")
LRS = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 1.0, 100.0]


def render() -> None:
    st.markdown(t("bert.pt.lead"))
    text, name = _text()
    c1, c2, c3 = st.columns(3)
    layers = c1.select_slider(t("bert.pt.layers"), [1, 2, 3, 4], value=2, key="bert_pt_layers", bind="query-params")
    d_model = c2.select_slider(t("bert.pt.d_model"), [64, 128, 192, 256], value=128, key="bert_pt_d", bind="query-params")
    heads = c3.select_slider(t("bert.pt.heads"), [1, 2, 4], value=2, key="bert_pt_heads")
    c4, c5, c6 = st.columns(3)
    seconds = c4.slider(t("bert.pt.seconds"), 5, 300, 30, step=5, key="bert_pt_seconds", bind="query-params")
    lr = c5.select_slider(t("bert.pt.lr"), LRS, value=1e-3, key="bert_pt_lr", format_func=lambda v: f"{v:g}")
    vocab = c6.select_slider(t("bert.pt.vocab"), [500, 1000, 2000, 4000, 8000], value=2000, key="bert_pt_vocab")
    probe = checked(st.text_input(t("bert.pt.probe"), pretrain.PretrainConfig.probe, key="bert_pt_probe", max_chars=200),
                    limit=200)
    cfg = pretrain.PretrainConfig(layers=int(layers), d_model=int(d_model), heads=int(heads), seconds=float(seconds),
                           lr=float(lr), vocab_size=int(vocab), probe=probe)
    run = LiveRun("bert_pt", total=1, chart_metrics=("mlm_loss", "masked_acc", "nsp_loss", "nsp_acc"))
    if run.start_button(t("bert.pt.start", s=int(seconds)), disabled=text is False):
        with guard():
            st.session_state.pop(RESULT_KEY, None)
            partial: dict = {}
            st.session_state[PARTIAL_KEY] = partial  # survives the rerun that Stop triggers
            with run:
                result = pretrain.pretrain(text, cfg, text_name=name, on_progress=run.on_progress,
                                    should_stop=run.should_stop, state=partial)
            st.session_state[RESULT_KEY] = result
            st.session_state.pop(PARTIAL_KEY, None)
    elif st.session_state.get(PARTIAL_KEY):
        with guard():  # interrupted mid-run (Stop): keep what was trained so far
            partial = st.session_state.pop(PARTIAL_KEY)
            if partial.get("result") is not None:
                res = partial["result"]
                res.stopped = True
                st.session_state[RESULT_KEY] = pretrain.finish(res, partial.get("val_batches"))
    result = st.session_state.get(RESULT_KEY)
    if result is not None:
        _results(result)
    _saved()


def _text():
    """(text or None for the built-in one, its name); (False, None) while nothing is chosen."""
    kind = st.radio(t("bert.pt.data"), KINDS, format_func=lambda k: t(f"bert.pt.data.{k}"), horizontal=True,
                    key="bert_pt_data", bind="query-params")
    if kind == "builtin":
        st.caption(t("bert.pt.builtin.info", n=_builtin_count()))
        return None, t("bert.pt.textname.builtin")
    if kind == "paste":
        return (checked(st.text_area(t("bert.pt.paste"), "", key="bert_pt_text", height=150), area=True,
                        limit=pretrain.MAX_TEXT_CHARS), t("bert.pt.textname.paste"))
    up = st.file_uploader(t("bert.pt.upload"), type=["txt", "tsv", "csv"], key="bert_pt_upload")
    if up is None:
        st.caption(t("bert.pt.upload.none"))
        return False, None
    from core.text import decode_upload

    with guard():
        return decode_upload(up.getvalue(), what=t("bert.pt.textname.file", name=plain(up.name))), up.name
    return False, None


@st.cache_data(show_spinner=False)
def _builtin_count() -> int:
    return len(pretrain.sentences_of(pretrain.builtin_text())[0])


def _results(r: pretrain.PretrainResult) -> None:
    st.subheader(t("bert.pt.results"))
    if r.stopped:
        st.info(t("common.stopped"), icon="⏹️")
    for note in r.notes:
        st.caption(local(note))
    st.info(t("bert.pt.session_label", text=plain(r.text_name), n=r.n_sentences, steps=r.steps), icon="🧪")
    s = r.summary()
    c1, c2, c3, c4 = st.columns(4)
    first, last = s["mlm_loss_first"], s["mlm_loss_last"]
    c1.metric(t("bert.pt.loss_first_last"), "—" if last is None else f"{first:.2f} → {last:.2f}")
    c2.metric(t("bert.pt.val_acc"), f"{r.val_masked_accuracy:.3f}")
    c3.metric(t("bert.pt.steps"), f"{r.steps} / {r.seconds:.0f}")
    c4.metric(t("bert.pt.params"), f"{s['params']:,} / {s['vocab_size']:,}")
    if r.val_nsp_accuracy is not None:
        st.metric(t("bert.pt.nsp.val_acc"), f"{r.val_nsp_accuracy:.3f}", help=t("bert.pt.nsp.val_help"))
    if r.history:
        hist = pd.DataFrame(r.history).set_index("step")
        fig = loss_accuracy_figure(hist, ("mlm_loss", "MLM loss"),
                                   [("masked_acc", "masked acc (batch)", "lines"),
                                    ("val_acc", "masked acc (val)", "lines+markers")],
                                   y_title="MLM loss", y2_title="accuracy", title=t("bert.pt.curve"), height=340)
        chart(fig, key="bert_pt_curve", filename="minibert-mlm-curve", data=hist)
        if "nsp_loss" in hist:
            fig = loss_accuracy_figure(hist, ("nsp_loss", "NSP loss"),
                                       [("nsp_acc", "NSP acc (batch)", "lines"),
                                        ("val_nsp_acc", "NSP acc (val)", "lines+markers")],
                                       y_title="NSP loss", y2_title="accuracy", title=t("bert.pt.nsp.curve"), height=300)
            chart(fig, key="bert_pt_nsp_curve", filename="minibert-nsp-curve", data=hist)
    st.markdown(f"**{t('bert.pt.snapshots', text=r.config.probe)}**")
    st.dataframe(pd.DataFrame([{t("bert.pt.col.step"): snap["step"],
                                t("bert.pt.col.top"): "  ".join(f"{tok} {p:.3f}" for tok, p in snap["predictions"])}
                               for snap in r.snapshots]), hide_index=True, width="stretch")
    _try(r)
    if r.config.nsp and r.pair_examples:
        _nsp(r)
    _save(r)


def _nsp(r: pretrain.PretrainResult) -> None:
    """次文予測 (NSP): how the pairs were built, and P(IsNext) of this session's model."""
    st.markdown(f"**{t('bert.pt.nsp.title')}**")
    st.caption(t("bert.pt.nsp.lead"))
    with st.expander(t("bert.pt.nsp.pairs"), expanded=False):
        st.dataframe(pd.DataFrame([{"A": f"s{e['i']}: {e['a']}", "B": f"s{e['j']}: {e['b']}",
                                    t("bert.pt.nsp.label"): "IsNext" if e["label"] == nsp.IS_NEXT else "NotNext"}
                                   for e in r.pair_examples]), hide_index=True, width="stretch")
    real = next((e for e in r.pair_examples if e["label"] == nsp.IS_NEXT), r.pair_examples[0])
    c1, c2 = st.columns(2)
    a = checked(c1.text_input(t("bert.nsp.a"), real["a"], key="bert_pt_nsp_a", max_chars=200), limit=200)
    b = checked(c2.text_input(t("bert.nsp.b"), real["b"], key="bert_pt_nsp_b", max_chars=200), limit=200)
    with guard():
        out = mlm.next_sentence(pretrain.as_loaded(r), a, b)
        if out.is_next is not None:
            fig = bars([t("bert.nsp.isnext"), t("bert.nsp.notnext")], [out.is_next, 1 - out.is_next],
                       title=t("bert.nsp.chart"), x_title=t("bert.chart.prob"))
            chart(fig, key="bert_pt_nsp_chart", filename="minibert-nsp",
                  data=pd.DataFrame({"probability": [out.is_next, 1 - out.is_next]}, index=["IsNext", "NotNext"]))


def _try(r: pretrain.PretrainResult) -> None:
    st.markdown(f"**{t('bert.pt.try')}**")
    text = checked(st.text_input(t("bert.pt.try.text"), r.config.probe, key="bert_pt_try", max_chars=200), limit=200)
    with guard():
        out = fm.fill_mask(pretrain.as_loaded(r), text, top_k=5)
        st.code(out.filled, language=None, wrap_lines=True)
        m = out.masks[0]
        fig = bars([tok for tok, _ in m.candidates], [p for _, p in m.candidates], x_title=t("bert.chart.prob"),
                   title=t("bert.fm.mask_title", n=1, pos=m.position))
        chart(fig, key="bert_pt_try_chart", filename="minibert-fill-mask", data=candidates_frame(m.candidates))
        if any(tok == r.tokenizer.unk_token for tok in out.tokens):
            st.caption(t("bert.pt.unk"))


def _use(path: str) -> None:
    """on_click: point this session's fill-mask source (sidebar field) at ``path``."""
    st.session_state[hub.spec("fill-mask").session_key] = path
    st.session_state["bert_pt_used"] = path


def _save(r: pretrain.PretrainResult) -> None:
    with st.expander(t("bert.pt.save"), expanded=False):
        if not policy.saving_enabled():
            st.info(t("ft.save.off"), icon="🔒")
            return
        root = saved.models_root()
        # a name unique to this session by default; a taken name gets -2, -3, …; its own name: replaced
        owner = st.session_state.setdefault(OWNER_KEY, secrets.token_hex(3))
        name = checked(st.text_input(t("bert.pt.save.name"), f"mini-bert-{owner}", key="bert_pt_save_name",
                                     max_chars=inputs.NAME_LIMIT, help=t("bert.pt.save.help", root=str(root))),
                       limit=inputs.NAME_LIMIT)
        save_usage(saved.owned(owner))
        if st.button(t("bert.pt.save.button"), key="bert_pt_save_btn"):
            with guard():
                clean = inputs.name(name)
                if saved.DEFAULT_NAME == clean:
                    raise InvalidInput(t("bert.pt.save.reserved", name=clean))
                out = saved.save_for(r, clean, owner=owner)  # its own name again: replaced atomically
                st.session_state["bert_pt_saved_path"] = str(out)
                if out.name != clean:
                    st.info(t("ft.save.renamed", name=plain(clean), saved=plain(out.name)), icon="ℹ️")
        path = st.session_state.get("bert_pt_saved_path")
        if path:
            st.success(t("bert.pt.save.done", path=plain(path)))
            st.code(f"python -m core bert fill-mask \"{r.config.probe}\" --model {path} --json", language="bash")
            st.button(t("bert.pt.use"), key="bert_pt_use_btn", on_click=_use, args=(path,))
        if st.session_state.get("bert_pt_used"):
            st.caption(t("bert.pt.use.done", path=plain(st.session_state["bert_pt_used"])))


def _saved() -> None:
    st.divider()
    st.markdown(f"**{t('bert.pt.saved')}**")
    rows = saved.saved_models()
    if not rows:
        st.caption(t("bert.pt.saved.none"))
        return
    st.dataframe(pd.DataFrame([{k: row.get(k) for k in ("name", "label", "date", "steps", "val_masked_accuracy",
                                                          "params", "path")} for row in rows]),
                 hide_index=True, width="stretch")
    pick = st.selectbox(t("bert.pt.use"), [row["path"] for row in rows], key="bert_pt_pick")
    st.button(t("bert.pt.use"), key="bert_pt_use_saved", on_click=_use, args=(pick,))
