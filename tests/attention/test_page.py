"""AppTest of every section of the attention page, its widgets and the bad inputs of issue #6."""
import pytest

from core import attention
from core.attention import bert as attention_bert
from tests.attention.apptest import open_section
from tests.conftest import assert_no_exception

RANDOM = {"att_vec": "random"}


def _texts(elements):
    return " ".join(str(e.value) for e in elements)


def _charts(at):
    return at.get("plotly_chart")


def _spec(at, key) -> str:
    """The plotly JSON of the chart drawn with ``key`` (decoded, so Japanese reads as text)."""
    import json

    for c in _charts(at):
        if c.proto.id.endswith(f"-{key}"):
            return json.dumps(json.loads(c.proto.spec), ensure_ascii=False)
    raise AssertionError(f"no chart {key}: {[c.proto.id for c in _charts(at)]}")


# --- section 1: scaled dot-product step by step ------------------------------------------------

def test_sdpa_default_shows_every_step():
    at = open_section("att.tab.sdpa", query=RANDOM)
    assert_no_exception(at)
    assert at.code[0].value == "バナナ │ が │ 好き"
    # X, Q, K, V, QKᵀ, QKᵀ/√d_k, weights, output, bar, hard (argmax), hard (sampling)
    assert len(_charts(at)) == 11
    assert len(at.get("download_button")) == 11  # every chart has its CSV
    assert "√d_k = 2.00" in _texts(at.caption)


def test_sdpa_with_chive_vectors():
    at = open_section("att.tab.sdpa")
    assert_no_exception(at)
    assert at.radio(key="att_vec").value == "chiVe"
    assert "300 × 4" in _texts(at.caption)


def test_sdpa_toggles_scaling_mask_and_query():
    at = open_section("att.tab.sdpa", query={**RANDOM, "att_dk": "64"})
    at.toggle(key="att_noscale").set_value(True).run()
    assert_no_exception(at)
    metrics = {m.label: float(m.value) for m in at.metric}
    assert len(metrics) == 2 and len(at.metric) == 4  # scaled vs unscaled: max weight, entropy
    values = [float(m.value) for m in at.metric]
    assert values[2] > values[0]  # unscaled: larger max weight (saturation)
    assert values[3] < values[1]  # and lower entropy
    at.toggle(key="att_causal").set_value(True).run()
    assert_no_exception(at)
    assert "因果マスク" in _texts(at.info)
    at.selectbox(key="att_query").set_value("2: 好き").run()
    assert_no_exception(at)
    assert "クエリ「好き」" in _spec(at, "att_sdpa_bar")


@pytest.mark.parametrize("text,kind,needle", [
    ("", "warning", "空です"),
    ("   ", "warning", "空です"),
    ("猫", "info", "1 つだけ"),
    ("猫 " * 600, "info", f"最初の {attention.MAX_TOKENS} トークンだけ"),
])
def test_sdpa_bad_sentences(text, kind, needle):
    at = open_section("att.tab.sdpa", query=RANDOM)
    at.text_input(key="att_text").set_value(text).run()
    assert_no_exception(at)
    assert needle in _texts(getattr(at, kind))


def test_sdpa_html_in_sentence_is_text():
    at = open_section("att.tab.sdpa", query=RANDOM)
    at.text_input(key="att_text").set_value("<img src=x onerror=alert(1)>").run()
    assert_no_exception(at)
    assert at.code[0].value.startswith("< │ img │ src")
    assert not any("<img" in str(m.value) for m in at.markdown)
    spec = _spec(at, "att_sdpa_Q")
    assert "&lt;" in spec and "<img" not in spec  # tick labels escaped for plotly


# --- section 2: multi-head ---------------------------------------------------------------------

def test_multihead_default():
    at = open_section("att.tab.multihead")
    assert_no_exception(at)
    assert [m.value for m in at.metric] == ["4", "768", "256", "1,088"]
    assert len(_charts(at)) == 1 + 4 + 2 + 1  # parameter count, 4 heads, concat + output, FFN


@pytest.mark.parametrize("state,needle", [
    ({"att_mh_h": 0}, "1 以上"),
    ({"att_mh_dmodel": 10, "att_mh_h": 3}, "割り切れません"),
])
def test_multihead_bad_heads(state, needle):
    at = open_section("att.tab.multihead")
    for key, value in state.items():
        at.number_input(key=key).set_value(value)
    at.run()
    assert_no_exception(at)
    assert needle in _texts(at.warning)
    assert not _charts(at)


def test_multihead_chive_many_heads_and_causal():
    at = open_section("att.tab.multihead", query={"att_mh_vec": "chiVe"})
    at.number_input(key="att_mh_h").set_value(60)
    at.toggle(key="att_mh_causal").set_value(True)
    at.run()
    assert_no_exception(at)
    assert [m.value for m in at.metric][0] == "5"  # 300 / 60
    assert "最初の 16 ヘッド" in _texts(at.caption)
    at.number_input(key="att_mh_h").set_value(8).run()
    assert "300 は h = 8 で割り切れません" in _texts(at.warning)


# --- section 3: positional encoding ------------------------------------------------------------

def test_posenc_default_and_sliders():
    at = open_section("att.tab.posenc")
    assert_no_exception(at)
    assert len([c for c in _charts(at) if "att_pe_" in c.proto.id]) == 3  # (the att_pos_* ones: test_positions_page)
    assert "100 位置 × 512 次元" in _spec(at, "att_pe_heatmap")
    assert "講義のスライドと同じ" in _texts(at.caption)
    at.slider(key="att_pe_len").set_value(10).run()
    at.slider(key="att_pe_dim").set_value(8).run()
    assert_no_exception(at)
    assert at.slider(key="att_pe_p").value == 9
    assert all(d < 8 for d in at.multiselect(key="att_pe_dims").value)
    at.multiselect(key="att_pe_dims").set_value([]).run()
    assert "1 つ以上" in _texts(at.info)
    assert len([c for c in _charts(at) if "att_pe_" in c.proto.id]) == 2
    assert "講義のスライドと同じ" not in _texts(at.caption) and "大きさはスライド" in _texts(at.caption)


def test_posenc_axes_as_the_slide_and_transpose_toggle():
    import json

    at = open_section("att.tab.posenc")
    spec = json.loads(_spec(at, "att_pe_heatmap"))
    assert "位置" in spec["layout"]["xaxis"]["title"]["text"] and "次元" in spec["layout"]["yaxis"]["title"]["text"]
    assert spec["data"][0]["z"]["shape"] == "512, 100"  # rows = dimensions 0–511, columns = positions 0–99
    at.toggle(key="att_pe_T").set_value(True).run()
    assert_no_exception(at)
    spec = json.loads(_spec(at, "att_pe_heatmap"))
    assert "次元" in spec["layout"]["xaxis"]["title"]["text"] and spec["data"][0]["z"]["shape"] == "100, 512"
    assert "軸を入れ替えた" in _texts(at.caption) and "講義のスライドと同じ" not in _texts(at.caption)


# --- section 4: BERT ---------------------------------------------------------------------------

def test_bert_offline_names_model_and_shows_untrained_demo():
    at = open_section("att.tab.bert")
    assert_no_exception(at)
    warnings = _texts(at.warning)
    assert "tohoku-nlp/bert-base-japanese-v3" in warnings and "学習していない" in warnings
    assert any("python -m core models download" in c.value for c in at.code)
    tokens = at.code[-1].value.split(" │ ")
    assert tokens[0] == "[CLS]" and tokens.count("[SEP]") == 2  # sentence pair
    assert len(_charts(at)) == 3  # model view, head view heatmap, head view lines


def test_bert_filters_average_and_hide_special():
    at = open_section("att.tab.bert")
    at.toggle(key="att_bert_hide").set_value(True)
    at.toggle(key="att_bert_avg").set_value(True)
    at.multiselect(key="att_bert_layers").set_value([1, 3])
    at.selectbox(key="att_bert_layer").set_value(2)
    at.selectbox(key="att_bert_head").set_value(1)
    at.run()
    assert_no_exception(at)
    assert "[CLS]" not in at.code[-1].value and "[SEP]" not in at.code[-1].value
    import json

    layout = json.loads(_spec(at, "att_bert_model_view"))["layout"]
    titles = {a["text"] for a in layout["annotations"]}
    assert titles == {"L1", "L3", "平均"}
    assert "L2 H1" in _spec(at, "att_bert_head_view")
    at.multiselect(key="att_bert_heads").set_value([]).run()
    assert "1 つ以上" in _texts(at.info)


@pytest.mark.parametrize("a,b,kind,needle", [
    ("", "", "warning", "文 Aが空です"),
    ("猫が寝る", "", None, None),
    ("猫 " * 600, "", "info", f"最初の {attention_bert.MAX_MODEL_TOKENS} トークン"),
    ("<b>太字</b><script>alert(1)</script>", "", None, None),
])
def test_bert_inputs(a, b, kind, needle):
    at = open_section("att.tab.bert")
    at.text_input(key="att_bert_a").set_value(a)
    at.text_input(key="att_bert_b").set_value(b)
    at.run()
    assert_no_exception(at)
    if kind:
        assert needle in _texts(getattr(at, kind))
    else:
        assert at.code[-1].value.count("[SEP]") == 1
        if "<b>" in a:  # the untrained demo's vocabulary has no "<": it becomes [UNK]
            assert "<b>" not in _spec(at, "att_bert_head_view")


def test_bert_model_from_a_local_directory(tmp_path_factory, monkeypatch):
    from core.bert import tiny

    d = tiny.build(tmp_path_factory.mktemp("bert") / "enc", "encoder")
    monkeypatch.setenv("PLAYGROUND_ALLOWED_FILL_MASK", str(d))  # the operator lists it (issue #19)
    at = open_section("att.tab.bert", session={"hub_fill_mask": str(d)})
    assert_no_exception(at)
    assert "がこのコンピュータにありません" not in _texts(at.warning)
    assert len(_charts(at)) == 3
    assert "2 層 × 2 ヘッド" in _texts(at.caption)


# --- section 5: seq2seq ------------------------------------------------------------------------

def test_seq2seq_section():
    import importlib.util

    from core import resources

    at = open_section("att.tab.seq2seq")
    assert_no_exception(at)
    ready = hasattr(resources, "seq2seq_date_model") and importlib.util.find_spec("core.seq2seq.decode")
    if not ready:
        assert "まだ使えません" in _texts(at.info)
        assert not _charts(at)
        return
    assert "平成6年9月27日  →  " in at.code[0].value
    spec = _spec(at, "att_s2s_heatmap")
    assert "平" in spec and "</s>" not in spec.replace("&lt;/s&gt;", "")  # tokens escaped for plotly
    for bad, needle in (("", "空です"), ("<b>x</b>", "学習データにない")):
        at.text_input(key="att_s2s_text").set_value(bad).run()
        assert_no_exception(at)
        assert needle in _texts(at.warning)
        assert not _charts(at)


def test_english_ui_runs():
    at = open_section("att.tab.sdpa", query={**RANDOM, "lang": "English"})
    assert_no_exception(at)
    assert "Self-attention" in _texts(at.markdown)
