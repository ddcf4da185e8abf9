"""AppTest of every tab of the seq2seq page: training, side-by-side, translate, upload, pretrained."""
import pytest

from core.i18n import t
from tests.conftest import assert_no_exception
from tests.seq2seq.apptest import charts, s2s_app, texts, warnings


def _tiny(at, prefix, n=300, epochs=1):
    at.slider(key=f"{prefix}_n").set_value(n)
    at.select_slider(key=f"{prefix}_hidden").set_value(16)
    at.select_slider(key=f"{prefix}_emb").set_value(8)
    at.number_input(key=f"{prefix}_epochs").set_value(epochs)


def test_train_tab_trains_and_shows_results():
    at = s2s_app("train")
    assert_no_exception(at)
    assert t("s2s.train.none", "ja") in texts(at)
    _tiny(at, "s2s_tr", epochs=2)
    at.radio(key="s2s_tr_cell").set_value("lstm")
    at.button(key="s2s_train__start").click().run()
    assert_no_exception(at)
    assert "2 エポック" in at.success[0].value
    assert charts(at) >= 2  # curves + length breakdown
    trainer = at.session_state["s2s_user"]
    assert trainer.model.config.cell == "lstm" and len(trainer.result.history) == 2
    assert trainer.train_enc is None and trainer.opt is None  # training-only data released
    # the trained model is usable in the translate tab
    at.query_params["tab"] = t("s2s.tab.translate", "ja")


def test_train_tab_toy_grammar():
    at = s2s_app("train", query={"s2s_tr_data": t("s2s.data.toy", "ja")})
    assert_no_exception(at)
    _tiny(at, "s2s_tr")
    at.selectbox(key="s2s_tr_att").set_value("none")
    at.button(key="s2s_train__start").click().run()
    assert_no_exception(at)
    assert at.session_state["s2s_user"].model.meta["src_level"] == "word"


def test_upload_paths():
    at = s2s_app("train", query={"s2s_tr_data": t("s2s.data.upload", "ja")})
    assert_no_exception(at)
    assert t("s2s.data.need_file", "ja") in texts(at)
    # AppTest cannot drive st.file_uploader yet: exercise the same parser the uploader feeds
    from core.seq2seq.data import Pairs, read_tsv_bytes

    raw = read_tsv_bytes("私は猫を見た\ti saw a cat\n私は犬を見た\ti saw a dog\n".encode("utf-8"))
    assert Pairs(raw, "word", "word").tgt[0] == ["i", "saw", "a", "cat"]


@pytest.mark.parametrize("bad, fragment", [(b"no tab at all\nstill none\n", "タブ"), (b"\x00\x01\x02" * 300, "バイナリ")])
def test_upload_bad_files_give_messages(monkeypatch, bad, fragment):
    """A TSV with missing tabs / a binary upload: the page shows the message, no traceback."""
    import streamlit as st

    class FakeFile:
        def getvalue(self):
            return bad

    monkeypatch.setattr(st, "file_uploader", lambda *a, **k: FakeFile())
    at = s2s_app("train", query={"s2s_tr_data": t("s2s.data.upload", "ja")})
    assert_no_exception(at)
    assert fragment in warnings(at)


def test_compare_tab_side_by_side():
    at = s2s_app("compare")
    assert_no_exception(at)
    assert t("s2s.cmp.none", "ja") in texts(at)
    _tiny(at, "s2s_cmp", n=300, epochs=1)
    at.button(key="s2s_cmp_run__start").click().run()
    assert_no_exception(at)
    state = at.session_state["s2s_compare"]
    assert state["with"].model.config.attention == "additive"
    assert state["without"].model.config.attention == "none"
    assert len(state["with"].result.history) == len(state["without"].result.history) == 1
    assert charts(at) >= 2 and "注意あり" in texts(at)


def test_translate_tab_default_model_beam_and_heatmap():
    at = s2s_app("translate", query={"s2s_text": "平成6年9月27日", "s2s_beam": "4"})
    assert_no_exception(at)
    assert "1994-09-27" in [c.value for c in at.code]
    assert charts(at) == 1  # the heatmap
    df = at.dataframe[0].value
    assert len(df) == 4 and list(df.iloc[:, 1]) == sorted(df.iloc[:, 1], reverse=True)
    at.text_input(key="s2s_text").set_value("令和元年五月一日").run()
    assert "2019-05-01" in [c.value for c in at.code]


@pytest.mark.parametrize("text, fragment", [("   ", "空"), ("☃☃☃", "学習データにない"),
                                            ("1994年9月27日" * 4, "長すぎ")])
def test_translate_tab_bad_inputs(text, fragment):
    at = s2s_app("translate", query={"s2s_text": "1994"})
    at.text_input(key="s2s_text").set_value(text).run()
    assert_no_exception(at)
    assert fragment in warnings(at)


def test_translate_tab_with_my_model_without_attention():
    at = s2s_app("train")
    _tiny(at, "s2s_tr")
    at.selectbox(key="s2s_tr_att").set_value("none")
    at.button(key="s2s_train__start").click().run()
    at.switch_page("pages/seq2seq/page.py")
    at.query_params["tab"] = t("s2s.tab.translate", "ja")
    at.query_params["s2s_model"] = t("s2s.tr.mine", "ja")
    at.run()
    assert_no_exception(at)
    assert t("s2s.tr.no_attention", "ja") in texts(at)


def test_pretrained_tab_offline_message():
    at = s2s_app("pretrained")
    assert_no_exception(at)
    w = warnings(at)
    assert "Helsinki-NLP/opus-mt-ja-en" in w
    assert any("python -m core models download" in c.value for c in at.code)


def test_pretrained_tab_with_tiny_marian(tiny_marian, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_ALLOWED_TRANSLATION", str(tiny_marian))  # the operator lists it (issue #19)
    at = s2s_app("pretrained", session={"hub_translation": str(tiny_marian)})
    assert_no_exception(at)
    assert not warnings(at)
    assert charts(at) == 1
    at.selectbox(key="s2s_mt_head").set_value(1).run()
    at.selectbox(key="s2s_mt_layer").set_value(0).run()
    assert_no_exception(at)
    assert charts(at) == 1
    at.toggle(key="s2s_mt_grid").set_value(True).run()
    assert_no_exception(at)
    assert charts(at) == 2  # + the model view grid


def test_upload_good_file_trains_word_level(monkeypatch):
    """An uploaded TSV (Shift-JIS, word level) trains through the page."""
    import streamlit as st

    from core.seq2seq.grammar import generate_pairs

    data = "".join(f"{j}\t{e}\n" for j, e in generate_pairs(200, seed=2)).encode("cp932")

    class FakeFile:
        def getvalue(self):
            return data

    monkeypatch.setattr(st, "file_uploader", lambda *a, **k: FakeFile())
    at = s2s_app("train", query={"s2s_tr_data": t("s2s.data.upload", "ja")})
    assert_no_exception(at)
    at.radio(key="s2s_tr_tokens").set_value("word")
    at.select_slider(key="s2s_tr_hidden").set_value(16)
    at.number_input(key="s2s_tr_epochs").set_value(1)
    at.button(key="s2s_train__start").click().run()
    assert_no_exception(at)
    trainer = at.session_state["s2s_user"]
    assert trainer.model.meta["src_level"] == "word" and trainer.result.train_pairs == 180
    assert "は" in trainer.model.src_vocab.stoi


def test_train_tab_transformer_options():
    """Choosing Transformer swaps attention / embedding for heads / layers and trains that model."""
    at = s2s_app("train", query={"s2s_tr_cell": t("s2s.cell.transformer", "ja")})
    assert_no_exception(at)
    assert not [s for s in at.selectbox if s.key == "s2s_tr_att"]  # attention is always multi-head here
    assert t("s2s.tf_model.explain", "ja") in texts(at)
    at.slider(key="s2s_tr_n").set_value(300)
    at.select_slider(key="s2s_tr_hidden").set_value(16)
    at.select_slider(key="s2s_tr_heads").set_value(2)
    at.select_slider(key="s2s_tr_layers").set_value(1)
    at.number_input(key="s2s_tr_epochs").set_value(1)
    at.button(key="s2s_train__start").click().run()
    assert_no_exception(at)
    model = at.session_state["s2s_user"].model
    assert model.config.cell == "transformer" and (model.config.heads, model.config.layers) == (2, 1)
    assert at.session_state["s2s_user"].cfg.lr == 2e-3  # the Transformer's own default learning rate
    # the translate tab: the heatmap plus the layers × heads grid of cross-attention
    at.switch_page("pages/seq2seq/page.py")
    at.query_params["tab"] = t("s2s.tab.translate", "ja")
    at.query_params["s2s_model"] = t("s2s.tr.mine", "ja")
    at.query_params["s2s_text"] = at.session_state["s2s_user"].val_pairs.raw[0][0]
    at.run()
    assert_no_exception(at)
    assert charts(at) == 2 and t("s2s.tr.cross_grid", "ja") in texts(at)


def test_compare_tab_third_curve_transformer():
    at = s2s_app("compare")
    assert_no_exception(at)
    assert not [r for r in at.radio if r.key == "s2s_cmp_cell" and "transformer" in r.options]
    _tiny(at, "s2s_cmp", n=300, epochs=1)
    at.button(key="s2s_cmp_run__start").click().run()
    assert_no_exception(at)
    state = at.session_state["s2s_compare"]
    c = state["transformer"]
    assert c.model.config.cell == "transformer" and c.model.config.hidden == 16 and c.cfg.lr == 2e-3
    assert len(c.result.history) == len(state["with"].result.history) == 1
    assert len(state["groups"]) == 3 and "Transformer" in texts(at)
