"""AppTest of the baseline panel: through the BERT page's sentiment tab, and through small
harness scripts calling render_baseline_panel / render_comparison directly."""
from __future__ import annotations

import pytest

from core.i18n import t
from tests.conftest import app_test, assert_no_exception


def _panel():
    import streamlit as st

    from pages.bert.baseline import render_baseline_panel

    render_baseline_panel(note=st.session_state.get("note"))


def _compare():
    from core.bert import data as bert_data
    from core.bert.baseline import comparison_row
    from pages.bert.baseline import render_comparison

    d = bert_data.select_labels(bert_data.sample_dataset(), "pos,neg")
    render_comparison([comparison_row("BERT (test)", 0.95, 0.94, 120.0, train_examples=len(d.train),
                                      split=d.split_id())], data=d)


def harness(fn, **session):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(fn, default_timeout=120)
    for k, v in session.items():
        at.session_state[k] = v
    at.run()
    assert_no_exception(at)
    return at


def warnings(at) -> str:
    return "\n".join(str(w.value) for w in at.warning)


def _train(at, epochs=3):
    at.slider(key="base_epochs").set_value(epochs)
    at.button(key="base_train__start").click().run()
    assert_no_exception(at)
    return at.session_state["base_result"]


def test_sentiment_tab_of_bert_page_shows_the_baseline():
    at = app_test("bert", query={"tab": t("bert.tab.sentiment", "ja"), "bert_sent_model": "baseline"})
    assert_no_exception(at)
    assert t("base.title") in [s.value for s in at.subheader]
    assert at.button(key="base_train__start")
    assert any(t("base.untrained") in str(i.value) for i in at.info)


def test_train_on_sample_then_predict():
    at = harness(_panel, note="BERT がないのでベースラインを表示しています。")
    assert any("BERT がない" in str(i.value) for i in at.info)
    assert "サンプル" in "\n".join(str(c.value) for c in at.caption)  # clearly marked as sample data
    r = _train(at)
    assert len(r.history) == 3 and r.label_names == ["positive (1)", "neutral (0)", "negative (-1)"]
    labels = [m.label for m in at.metric]
    assert t("base.m.acc") in labels and t("base.m.majority") in labels and t("base.m.coverage") in labels
    # prediction of the default sentence: probabilities + the words found
    found = [str(c.value) for c in at.caption if str(c.value).startswith("見つかった単語")]
    assert found and "/" in found[0]
    words = at.dataframe[-1].value
    assert "スタッフ" in list(words.columns) or "スタッフ" in words.to_string()
    at.text_input(key="base_text").input("最悪のホテルでした。").run()
    assert_no_exception(at)
    assert not warnings(at)
    at.text_input(key="base_text").input("xyzzy").run()
    assert "語彙にありません" in warnings(at)
    at.text_input(key="base_text").input("   ").run()
    assert "空" in warnings(at)
    assert_no_exception(at)


def test_pos_neg_subset_and_hidden_layer():
    at = harness(_panel)
    at.radio(key="base_labels").set_value("pos,neg").run()
    at.toggle(key="base_hidden").set_value(True).run()
    assert_no_exception(at)
    at.number_input(key="base_units").set_value(16)
    r = _train(at, epochs=2)
    assert r.label_names == ["positive (1)", "negative (-1)"] and r.config["hidden"] == 16
    assert r.model.hidden == 16


def test_upload_csv_and_bad_uploads():
    at = harness(_panel)
    at.radio(key="base_data").set_value("upload").run()
    assert_no_exception(at)
    assert "base_train__start" not in [b.key for b in at.button]  # nothing to train on yet
    assert t("base.upload.none") in "\n".join(str(c.value) for c in at.caption)
    rows = "\n".join(f"{'良い部屋でした' if i % 2 else 'ひどい部屋でした'}{i},{'pos' if i % 2 else 'neg'}" for i in range(40))
    at.file_uploader(key="base_upload").set_value(("mine.csv", rows.encode("cp932"), "text/csv")).run()
    assert_no_exception(at)
    assert not warnings(at)
    assert "usage" in "\n".join(str(c.value) for c in at.caption)  # the made-up split is explained
    r = _train(at, epochs=2)
    assert r.train_examples == 32
    for name, blob, needle in [("bad.csv", b"a,b,c\n1,2,3\n", "列数"),
                               ("bin.tsv", b"\x00\x01\x02" * 100, "バイナリ"),
                               ("lab.tsv", "id\t7\t文\t{}\ttrain\n".encode(), "ラベル")]:
        at.file_uploader(key="base_upload").set_value((name, blob, "text/plain")).run()
        assert_no_exception(at)
        assert needle in warnings(at), (name, warnings(at))


def test_pn_missing_offline(monkeypatch):
    import urllib.error

    from core.bert import pn

    monkeypatch.setattr(pn, "find_pn", lambda: None)

    def offline(*a, **k):
        raise urllib.error.URLError("offline")

    monkeypatch.setattr(pn.urllib.request, "urlopen", offline)
    at = harness(_panel)
    at.radio(key="base_data").set_value("pn").run()
    assert_no_exception(at)
    assert any(t("base.pn.missing") in str(i.value) for i in at.info)
    assert "CC BY-NC-SA 4.0" in "\n".join(str(c.value) for c in at.caption)
    at.button(key="base_pn_download").click().run()
    assert_no_exception(at)
    assert "ダウンロードできません" in warnings(at)


def test_pn_present_offers_pos_neg(pn_tsv, monkeypatch):
    from core.bert import pn

    monkeypatch.setattr(pn, "find_pn", lambda: pn_tsv)
    at = harness(_panel)
    at.radio(key="base_data").set_value("pn").run()
    assert_no_exception(at)
    assert t("base.labels.posneg") in at.radio(key="base_labels").options
    assert "CC BY-NC-SA 4.0" in "\n".join(str(c.value) for c in at.caption)


def test_comparison_table_trains_baseline_on_the_same_split():
    at = harness(_compare)
    assert at.button(key="base_cmp_train__start")
    assert len(at.dataframe[0].value) == 1  # only the BERT row so far
    at.button(key="base_cmp_train__start").click().run()
    assert_no_exception(at)
    df = at.dataframe[-1].value
    assert len(df) == 2 and not warnings(at)
    assert df.iloc[1, 0] == t("base.compare.baseline")


@pytest.mark.parametrize("lang", ["English"])
def test_english_ui(lang):
    at = harness(_panel, lang=lang)
    assert "Baseline" in at.subheader[0].value
