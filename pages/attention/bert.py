"""Section 4: BERT's attention — model view (layers × heads grid) and head view (one layer/head).

The model is the BERT page's fill-mask configuration (core.hub, default
tohoku-nlp/bert-base-japanese-v3) loaded with eager attention. Offline, the page says which
model is missing and how to fetch it, then shows the same views on a small UNTRAINED BERT.
"""
from __future__ import annotations

import streamlit as st

from core import ModelUnavailable
from core import attention
from core.attention import bert as attention_bert
from core.attention import figures as attention_figures
from pages.attention import common
from pages.common.model_source import model_caption, source_field
from pages.common.ui import chart, checked, guard, lang, show_error, t

TASK = "fill-mask"
DEFAULT_A = "猫が窓のそばで寝ている。"
DEFAULT_B = "それはとても気持ちよさそうだ。"


def _load():
    """(LoadedModel, untrained?) — the configured BERT, or the untrained demo when it is missing."""
    from core import resources

    source = source_field(TASK)
    try:
        loaded = resources.bert_attention_encoder(source)
        return loaded, bool(getattr(loaded, "untrained", False))
    except ModelUnavailable as exc:
        show_error(exc)
        from pages.common.download import offer

        offer(source, key="att_bert_download")
        st.info(t("att.bert.fallback"), icon=":material/science:")
        return resources.attention_untrained_bert(), True


def render() -> None:
    st.markdown(t("att.bert.intro"))
    text_a = checked(st.text_input(t("att.bert.a"), value=DEFAULT_A, key="att_bert_a", bind="query-params",
                           max_chars=attention.MAX_TEXT_CHARS), limit=attention.MAX_TEXT_CHARS)
    text_b = checked(st.text_input(t("att.bert.b"), value=DEFAULT_B, key="att_bert_b", bind="query-params",
                           max_chars=attention.MAX_TEXT_CHARS, help=t("att.bert.b.help")), limit=attention.MAX_TEXT_CHARS)
    with guard():
        loaded, untrained = _load()
        if untrained:
            st.warning(t("att.bert.untrained"), icon=":material/casino:")
        else:
            model_caption(TASK)
        from core import device

        with device.quick_work():  # the quick lane: never minutes behind training (Busy after a bounded wait)
            ma = attention_bert.bert_attention(loaded, text_a, text_b)
        if ma.dropped:
            st.info(t("att.bert.capped", cap=attention_bert.MAX_MODEL_TOKENS, dropped=ma.dropped), icon=":material/content_cut:")
        _views(ma)


def _views(ma: attention_bert.ModelAttention) -> None:
    L, H = ma.n_layers, ma.n_heads
    c1, c2 = st.columns(2)
    hide = c1.toggle(t("att.bert.hide"), key="att_bert_hide", bind="query-params", help=t("att.bert.hide.help"))
    average = c2.toggle(t("att.bert.avg"), key="att_bert_avg", bind="query-params")
    view = ma.without_special() if hide else ma
    common.show_tokens(view.tokens)
    if len(view.tokens) == 1:
        st.info(t("att.one_token"), icon=":material/info:")

    st.subheader(t("att.bert.model_view"))
    st.caption(t("att.bert.model_view.help", L=L, H=H, n=len(view.tokens)))
    f1, f2 = st.columns(2)
    layers = f1.multiselect(t("att.bert.layers"), list(range(L)), default=list(range(L)), key="att_bert_layers",
                            bind="query-params")
    heads = f2.multiselect(t("att.bert.heads"), list(range(H)), default=list(range(H)), key="att_bert_heads",
                           bind="query-params")
    layers = sorted(int(x) for x in layers if 0 <= int(x) < L)
    heads = sorted(int(x) for x in heads if 0 <= int(x) < H)
    if not layers or not heads:
        st.info(t("att.bert.pick"))
    else:
        n_heads = 1 if average else len(heads)
        small = len(layers) * n_heads * len(view.tokens) ** 2 <= attention_figures.MODEL_VIEW_CSV_MAX
        fig, df = attention_figures.model_view(view.attn, view.tokens, layers=layers, heads=heads, average=average,
                               cell_px=90 if n_heads > 4 else 150, with_data=small, lang=lang())
        chart(fig, key="att_bert_model_view", data=df)
        if not small:
            st.caption(t("att.bert.csv.narrow"))

    st.subheader(t("att.bert.head_view"))
    g1, g2 = st.columns(2)
    layer = g1.selectbox(t("att.bert.layer"), list(range(L)), key="att_bert_layer", bind="query-params",
                         format_func=lambda i: f"L{i}")
    head_opts = ["avg"] + list(range(H))
    head = g2.selectbox(t("att.bert.head"), head_opts, key="att_bert_head", bind="query-params",
                        format_func=lambda h: t("att.bert.head.avg") if h == "avg" else f"H{h}")
    layer = min(int(layer or 0), L - 1)
    if head == "avg" or head is None:
        W, name = view.attn[layer].mean(0), t("att.bert.layer_avg", layer=layer)
    else:
        W, name = view.attn[layer, min(int(head), H - 1)], f"L{layer} H{head}"
    c = st.columns([3, 2])
    with c[0]:
        fig, df = attention_figures.heatmap(W, view.tokens, view.tokens, title=name, zmin=0, zmax=max(float(W.max()), 1e-6),
                            annotate=len(view.tokens) <= 16, row_title=t("att.axis.query"), col_title=t("att.axis.key"),
                            height=min(900, 120 + 26 * len(view.tokens)))
        chart(fig, key="att_bert_head_view", data=df)
    with c[1]:
        if len(view.tokens) <= 48:
            fig = attention_figures.head_view_lines(W, view.tokens, title=t("att.bert.lines"), lang=lang())
            chart(fig, key="att_bert_head_lines")
        else:
            st.caption(t("att.bert.lines.toolong"))
