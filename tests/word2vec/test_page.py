"""AppTest of the word2vec page: every tab, widget paths, uploads and the bad inputs of issue #3."""
from __future__ import annotations

import json

import pytest

from core.i18n import t
from pages.common.ui import plain
from tests.conftest import assert_no_exception
from tests.word2vec.apptest import open_tab, texts, warnings


def _spec(at, i=0) -> str:
    """The plotly figure JSON of chart ``i`` with non-ASCII characters readable."""
    return json.dumps(json.loads(at.get("plotly_chart")[i].proto.spec), ensure_ascii=False)


# --- 類似語 -------------------------------------------------------------------------------------

def test_neighbors_default_cat():
    at = open_tab("w2v.tab.neighbors")
    assert_no_exception(at)
    assert not warnings(at)
    spec = _spec(at)
    assert "犬" in spec or "子猫" in spec
    assert any("仲間外れ: 自動車" in s.value for s in at.success)
    assert "0.72" in texts(at)  # cos(猫, 犬)


def test_neighbors_reports_how_a_word_was_found():
    at = open_tab("w2v.tab.neighbors", query={"w2v_word": "コンピュータ"})
    assert_no_exception(at)
    assert "Sudachi の正規化形「コンピューター」" in texts(at)
    at.text_input(key="w2v_word").set_value("猫が好き").run()
    assert "分けて平均" in texts(at)


BAD_WORDS = [("", "空です"), ("   ", "空です"), ("猫" * 10_000, "長すぎます"), ("🐱🐶", "語彙にありません"),
             ("<b>猫</b>", "HTML のタグ"), ("コンピューダー", "語彙にありません")]


def test_neighbors_bad_words_and_topn():
    at = open_tab("w2v.tab.neighbors")
    for word, expect in BAD_WORDS:
        at.text_input(key="w2v_word").set_value(word).run()
        assert_no_exception(at)
        assert any(expect in w for w in warnings(at)), (word[:20], warnings(at))
    assert "コンピューター" in texts(at)  # the OOV message offers close spellings
    at.text_input(key="w2v_word").set_value("猫").run()
    for n in (0, 100000):
        at.number_input(key="w2v_topn").set_value(n).run()
        assert_no_exception(at)
        assert any("top-N" in w for w in warnings(at))


def test_similarity_and_doesnt_match_bad_inputs():
    at = open_tab("w2v.tab.neighbors")
    at.text_input(key="w2v_sim_b").set_value("qzxqzx").run()
    at.text_input(key="w2v_odd").set_value("犬 猫").run()
    assert_no_exception(at)
    ws = warnings(at)
    assert any("qzxqzx" in w for w in ws) and any("3 語以上" in w for w in ws)


# --- アナロジー ---------------------------------------------------------------------------------

def test_analogy_default_and_preset():
    at = open_tab("w2v.tab.analogy")
    assert_no_exception(at)
    assert "女王" in _spec(at)
    at.selectbox(key="w2v_preset").set_value("東京 − 日本 + フランス → パリ").run()
    assert at.text_input(key="w2v_pos").value == "東京 フランス"
    assert "「パリ」は 1 位" in texts(at)


@pytest.mark.parametrize("pos,neg,expect", [("王様 qzxqzx", "男", "qzxqzx"), ("  ", "男", "positive"),
                                            ("王様 女", "<script>", "HTML")])
def test_analogy_bad_inputs(pos, neg, expect):
    at = open_tab("w2v.tab.analogy")
    at.text_input(key="w2v_pos").set_value(pos)
    at.text_input(key="w2v_neg").set_value(neg).run()
    assert_no_exception(at)
    assert any(expect in w for w in warnings(at)), warnings(at)


# --- 可視化 -------------------------------------------------------------------------------------

def test_projection_default_pca_with_arrows():
    at = open_tab("w2v.tab.projection")
    assert_no_exception(at)
    spec = _spec(at)
    assert "scattergl" in spec and "東京" in spec and "男 → 女" in spec


def test_projection_tsne_3d_list_and_frequent():
    at = open_tab("w2v.tab.projection", query={"w2v_proj_mode": t("w2v.proj.mode.list", "ja"),
                                               "w2v_proj_method": "t-SNE", "w2v_proj_dims": "3D"})
    assert_no_exception(at)
    assert "scatter3d" in _spec(at)
    at.radio(key="w2v_proj_mode").set_value("frequent").run()
    at.number_input(key="w2v_proj_k").set_value(50)
    at.radio(key="w2v_proj_method").set_value("pca").run()
    assert_no_exception(at)
    assert not warnings(at)


def test_projection_bad_inputs():
    at = open_tab("w2v.tab.projection", query={"w2v_proj_mode": t("w2v.proj.mode.list", "ja")})
    at.text_area(key="w2v_proj_list").set_value("猫 qzxqzx").run()
    assert any("3 語以上" in w for w in warnings(at))
    at.radio(key="w2v_proj_mode").set_value("frequent").run()
    at.number_input(key="w2v_proj_k").set_value(100000).run()
    assert_no_exception(at)
    assert any("top-N" in w or "1〜1000" in w for w in warnings(at)), warnings(at)


# --- 評価 ---------------------------------------------------------------------------------------

def test_eval_samples_by_default():
    at = open_tab("w2v.tab.eval")
    assert_no_exception(at)
    labels = {m.label: m.value for m in at.metric}
    assert labels[t("w2v.ev.coverage", "ja")] == "100.0%"
    assert float(labels[t("w2v.ev.spearman", "ja")]) > 0.4


def test_eval_uploads_shift_jis_pairs_and_analogies():
    at = open_tab("w2v.tab.eval")
    pairs = "word1,word2,score\n猫,犬,9\n猫,車,1\n東京,大阪,8\nqzxqzx,猫,2\n".encode("cp932")
    at.file_uploader(key="w2v_pairs_upload").set_value(("mine.csv", pairs, "text/csv")).run()
    q = ": capital\n東京 日本 パリ フランス\nパリ フランス ベルリン ドイツ\n".encode("utf-8")
    at.file_uploader(key="w2v_analogy_upload").set_value(("q.txt", q, "text/plain")).run()
    assert_no_exception(at)
    vals = {m.label: m.value for m in at.metric}
    assert vals[t("w2v.ev.pairs.n", "ja")] == "4" and vals[t("w2v.ev.covered", "ja")] in ("3", "2")
    assert vals[t("w2v.ev.questions", "ja")] == "2"
    assert plain("mine.csv") in texts(at)  # plain text (issue 24)


@pytest.mark.parametrize("blob,expect", [(b"\x00\x01\x02" * 500, "バイナリ"), (b"", "空"),
                                         (b"a,b,c\n" * 1_000_000, "大きすぎ")])
def test_eval_bad_uploads(blob, expect):
    at = open_tab("w2v.tab.eval")
    at.file_uploader(key="w2v_pairs_upload").set_value(("bad.csv", blob, "text/csv")).run()
    assert_no_exception(at)
    assert any(expect in w for w in warnings(at)), warnings(at)


# --- 学習 ---------------------------------------------------------------------------------------

def test_train_then_other_tabs_use_the_vectors():
    at = open_tab("w2v.tab.train", query={"w2v_tr_epochs": "3"})
    assert_no_exception(at)
    assert t("w2v.tr.none", "ja") in texts(at)
    at.button(key="w2v_train__start").click().run()
    assert_no_exception(at)
    assert not warnings(at)
    name = "trained:CBOW"
    assert name in at.session_state["w2v_trained"]
    assert any(b.label == t("w2v.tr.download", "ja") for b in at.get("download_button"))
    # the neighbours tab of the same session can now pick the session's vectors
    trained = at.session_state["w2v_trained"]
    at = open_tab("w2v.tab.neighbors", session={"w2v_trained": trained})
    assert t("w2v.tr.name", "ja", model="CBOW") in at.selectbox(key="w2v_source").options
    at.selectbox(key="w2v_source").set_value(name).run()
    assert_no_exception(at)
    assert "自分で学習した CBOW" in texts(at)
    spec = _spec(at)
    assert any(w in spec for w in ("犬", "ウサギ", "馬", "羊", "牛", "熊", "狐"))


def test_train_compare_cbow_and_skipgram():
    at = open_tab("w2v.tab.train", query={"w2v_tr_epochs": "2", "w2v_tr_dim": "20"})
    at.button(key="w2v_compare__start").click().run()
    assert_no_exception(at)
    assert t("w2v.tr.compare.title", "ja") in texts(at)
    cols = list(at.dataframe[-1].value.columns)
    assert t("w2v.tr.name", "ja", model="CBOW") not in cols and "CBOW" in cols and "skip-gram" in cols


def test_train_uploads():
    at = open_tab("w2v.tab.train", query={"w2v_tr_corpus": t("w2v.tr.corpus.upload", "ja"), "w2v_tr_epochs": "2", "w2v_tr_min_count": "1"})
    at.button(key="w2v_train__start").click().run()
    assert any("アップロード" in w for w in warnings(at))
    text = "\n".join(["猫が鳴いた。", "犬が吠えた。", "猫が走った。", "犬が走った。"] * 20)
    at.file_uploader(key="w2v_tr_upload").set_value(("c.txt", text.encode("cp932"), "text/plain")).run()
    at.button(key="w2v_train__start").click().run()
    assert_no_exception(at)
    assert not warnings(at), warnings(at)
    at.file_uploader(key="w2v_tr_upload").set_value(("b.txt", b"\x00\xff" * 300, "text/plain")).run()
    at.button(key="w2v_train__start").click().run()
    assert any("バイナリ" in w for w in warnings(at))


# --- 仕組み -------------------------------------------------------------------------------------

def test_mechanics_steps_and_negative_sampling():
    at = open_tab("w2v.tab.mechanics")
    assert_no_exception(at)
    assert "今日 は 朝 ？ 起き まし た 。" in texts(at)
    p0 = at.session_state["w2v_cbow_state"].history[-1]["p_correct"]
    at.button(key="w2v_cb_step100").click().run()
    state = at.session_state["w2v_cbow_state"]
    assert state.steps == 100 and state.history[-1]["p_correct"] > p0
    at.button(key="w2v_cb_step1").click().run()
    assert at.session_state["w2v_cbow_state"].steps == 101
    at.button(key="w2v_ns_resample").click().run()
    at.button(key="w2v_cb_reset").click().run()
    assert at.session_state["w2v_cbow_state"].steps == 0
    at.radio(key="w2v_cb_objective").set_value("negative").run()
    at.radio(key="w2v_cb_corpus").set_value("small").run()
    at.button(key="w2v_cb_step10").click().run()
    assert_no_exception(at)
    assert at.session_state["w2v_cbow_state"].objective == "negative"
    assert len(at.get("plotly_chart")) == 5


def test_mechanics_bad_custom_corpus():
    at = open_tab("w2v.tab.mechanics", query={"w2v_cb_corpus": t("w2v.cb.corpus.custom", "ja")})
    at.text_area(key="w2v_cb_text").set_value("猫").run()
    assert_no_exception(at)
    assert any("3 単語以上" in w for w in warnings(at))
    at.text_area(key="w2v_cb_text").set_value("\n".join(f"文{i}は朝早く起きました。" for i in range(30))).run()
    assert any("多すぎ" in w for w in warnings(at))


# --- sources ------------------------------------------------------------------------------------

def test_upload_vectors_becomes_the_source(tiny_kv, tmp_path):
    f = tmp_path / "v.txt"
    tiny_kv.save_word2vec_format(str(f), binary=False)
    at = open_tab("w2v.tab.neighbors")
    at.file_uploader(key="w2v_vec_upload").set_value(("tiny.txt", f.read_bytes(), "text/plain")).run()
    assert_no_exception(at)
    assert at.session_state["w2v_source"] == "upload:tiny.txt"
    assert plain("tiny.txt") in texts(at)  # a file name is shown as plain text (issue 24)


def test_upload_bad_vectors_file():
    at = open_tab("w2v.tab.neighbors")
    at.file_uploader(key="w2v_vec_upload").set_value(("junk.txt", "これはベクトルではない\n".encode(), "text/plain")).run()
    assert_no_exception(at)
    assert any("ベクトルのファイル" in w for w in warnings(at))


def test_server_file_listed_by_the_administrator(tiny_kv, tmp_path, monkeypatch):
    f = tmp_path / "server_vectors.bin"
    tiny_kv.save_word2vec_format(str(f), binary=True)
    monkeypatch.setenv("PLAYGROUND_W2V_VECTORS", str(f))
    at = open_tab("w2v.tab.analogy")
    name = f"file:{f}"
    assert t("w2v.source.file", "ja", path=str(f)) in at.selectbox(key="w2v_source").options
    at.selectbox(key="w2v_source").set_value(name).run()
    at.text_input(key="w2v_pos").set_value("王 女")
    at.text_input(key="w2v_neg").set_value("男").run()
    assert_no_exception(at)
    assert "server_vectors.bin" in texts(at) and "女王" in _spec(at)
