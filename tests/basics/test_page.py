"""AppTest of every section of the /basics page, its widgets and the bad inputs of issue #17."""

import pytest

from tests.basics.apptest import open_section, texts
from tests.conftest import another_user_training, assert_no_exception


def _charts(at):
    return at.get("plotly_chart")


def _metrics(at) -> dict:
    return {m.label: m.value for m in at.metric}


def _frames(at) -> str:
    return " ".join(df.value.to_string() for df in at.dataframe)


# --- 1 neuron ------------------------------------------------------------------------------------

def test_neuron_default_and_linearity_check():
    at = open_section("basics.tab.neuron")
    assert_no_exception(at)
    m = _metrics(at)
    assert m["u = w·x + b（活性化の前）"] == "0.600" and m["y = f(u)（出力）"] == "0.600"  # 0.8·1 − 0.6·0.5 + 0.1
    assert "ReLU(-1 + 1) = 0 ですが ReLU(-1) + ReLU(1) = 1" in texts(at.info)
    assert len(_charts(at)) == 1
    at.radio(key="bn_act").set_value("sigmoid").run()
    assert _metrics(at)["y = f(u)（出力）"] == "0.646"
    at.slider(key="bn_w1").set_value(-3.0).run()  # u < 0
    at.radio(key="bn_act").set_value("relu").run()
    assert _metrics(at)["y = f(u)（出力）"] == "0.000"


# --- 2 depth -------------------------------------------------------------------------------------

def test_depth_collapses_and_relu_bends():
    at = open_section("basics.tab.depth")
    assert_no_exception(at)
    assert "0 · x" in texts(at.markdown)
    assert float(at.metric[0].value) > 0.05
    at.number_input(key="bd_v2").set_value(2.0).run()
    assert_no_exception(at)
    assert "-1 · x" in texts(at.markdown)  # W1 W2 = 1·1 + (−1)·2


# --- 3 matmul ------------------------------------------------------------------------------------

def test_matmul_numbers_shape_error_and_minibatch():
    at = open_section("basics.tab.matmul")
    assert_no_exception(at)
    assert "計算できません" in texts(at.warning)
    assert "mat1 and mat2 shapes cannot be multiplied (1x3 and 2x3)" in at.code[0].value
    assert "2.2" in _frames(at) and "2.8" in _frames(at)
    at.number_input(key="bm_br").set_value(3).run()
    assert_no_exception(at)
    assert not at.warning and "(1 × 3)·(3 × 3) → (1 × 3)" in texts(at.success)


# --- 4 softmax -----------------------------------------------------------------------------------

def test_softmax_the_notes_example_and_overflow():
    at = open_section("basics.tab.softmax")
    assert_no_exception(at)
    assert "0.8808" in _frames(at) and "0.1192" in _frames(at)
    assert "nan" in _frames(at) and "nan になりました" in texts(at.warning)  # naive softmax of 1000, 998
    at.slider(key="bs_T").set_value(2.0).run()
    assert "0.731059" in _frames(at)  # softmax((6, 4) / 2) = softmax(3, 2)


@pytest.mark.parametrize("text,needle", [
    ("6, x", "「x」は数ではありません"),
    (", ".join(["1"] * 1000), "1,000 個"),
    ("", "入っていません"),
])
def test_softmax_bad_logits(text, needle):
    at = open_section("basics.tab.softmax")
    at.text_input(key="bs_logits").set_value(text).run()
    assert_no_exception(at)
    assert needle in texts(at.warning)


# --- 5 entropy -----------------------------------------------------------------------------------

def test_entropy_examples_distribution_and_cross_entropy():
    at = open_section("basics.tab.entropy")
    assert_no_exception(at)
    assert "コイン" in _frames(at) and "3.0" in _frames(at)
    m = _metrics(at)
    assert m["エントロピー H (bits)"] == "1.7500" and m["交差エントロピー E (nats)"] == "0.3567"
    at.selectbox(key="be_t").set_value(2).run()
    assert _metrics(at)["交差エントロピー E (nats)"] == "2.3026"  # −ln 0.1
    at.text_input(key="be_y").set_value("0.9, 0.1").run()  # fewer classes than the chosen target
    assert_no_exception(at)
    assert _metrics(at)["交差エントロピー E (nats)"] == "0.1054"


def test_entropy_distribution_not_summing_to_one():
    at = open_section("basics.tab.entropy")
    at.text_input(key="be_p").set_value("0.5, 0.4").run()
    assert_no_exception(at)
    assert "合計が 0.9" in texts(at.warning)


# --- 6 gradient descent --------------------------------------------------------------------------

def test_descent_default_converges_and_shows_batches():
    at = open_section("basics.tab.descent")
    assert_no_exception(at)
    assert len(_charts(at)) == 4  # 1D, 2D, loss per epoch, fitted lines
    assert "谷底" in texts(at.success)
    assert "SGD（B = 8）160 回" in texts(at.caption)


@pytest.mark.parametrize("eta,kind,needle", [(0.0, "info", "一歩も動きません"), (1e6, "warning", "発散しました"),
                                             (1.05, "warning", "発散しました"), (0.01, "info", "まだ谷底")])
def test_descent_learning_rates(eta, kind, needle):
    at = open_section("basics.tab.descent", query={"bg_steps": "50"})
    at.number_input(key="bg_eta").set_value(eta).run()
    assert_no_exception(at)
    assert needle in texts(getattr(at, kind))
    at.number_input(key="bg_eta3").set_value(eta).run()  # the SGD / full-batch comparison too
    assert_no_exception(at)
    assert len(_charts(at)) == 4


# --- 7 backprop ----------------------------------------------------------------------------------

def test_backprop_matches_autograd_and_runs_the_idiom():
    at = open_section("basics.tab.backprop")
    assert_no_exception(at)
    assert "autograd が一致しました" in texts(at.success)
    assert _metrics(at)["forward が呼ばれた回数"] == "1"
    assert "outputs = model(inputs)" in at.code[0].value
    at.slider(key="bb_w").set_value(5.0).run()
    at.slider(key="bb_x").set_value(5.0).run()
    at.radio(key="bb_t").set_value(0).run()
    assert_no_exception(at)
    assert "autograd が一致しました" in texts(at.success)


# --- 8 playground --------------------------------------------------------------------------------

FAST = {"bpg_epochs": "8"}


def test_playground_preview_then_training_keeps_the_model_in_the_session():
    at = open_section("basics.tab.playground", query=FAST)
    assert_no_exception(at)
    assert len(_charts(at)) == 1 and "学習を開始" in texts(at.info)
    at.button(key="bpg__start").click().run()
    assert_no_exception(at)
    run = at.session_state["bpg_run"]
    assert run.status == "done" and run.epoch == 8
    assert len(_charts(at)) == 3  # boundary, loss, accuracy
    assert set(_metrics(at)) == {"学習データの損失", "評価データの損失", "学習データの正解率", "評価データの正解率"}
    at.radio(key="bpg_data").set_value("spirals").run()  # changing a setting keeps the old model shown
    assert_no_exception(at)
    assert "設定が変わりました" in texts(at.caption)


def test_playground_zero_hidden_units_says_what_to_do():
    at = open_section("basics.tab.playground", query=FAST)
    at.number_input(key="bpg_units").set_value(0).run()
    assert_no_exception(at)
    assert "ユニット数が 0" in texts(at.warning)
    at.button(key="bpg__start").click().run()
    assert_no_exception(at)
    assert "bpg_run" not in at.session_state
    at.slider(key="bpg_layers").set_value(0).run()  # no hidden layer: units do not matter
    at.button(key="bpg__start").click().run()
    assert_no_exception(at)
    assert at.session_state["bpg_run"].status == "done"


def test_playground_huge_learning_rate_shows_divergence():
    at = open_section("basics.tab.playground", query=FAST)
    at.number_input(key="bpg_lr").set_value(1e6).run()
    at.button(key="bpg__start").click().run()
    assert_no_exception(at)
    assert "発散しました" in texts(at.warning)
    assert at.session_state["bpg_run"].status == "diverged"


def test_playground_learning_rate_zero_trains_without_learning():
    at = open_section("basics.tab.playground", query=FAST)
    at.number_input(key="bpg_lr").set_value(0.0).run()
    at.button(key="bpg__start").click().run()
    assert_no_exception(at)
    h = at.session_state["bpg_run"].history
    assert h[0]["loss"] == h[-1]["loss"]


def test_playground_stop_keeps_the_partial_model(stop_after_checks):
    stop_after_checks(3)
    at = open_section("basics.tab.playground", query={"bpg_epochs": "100"})
    at.button(key="bpg__start").click().run()
    assert_no_exception(at)
    run = at.session_state["bpg_run"]
    assert run.status == "stopped" and 0 < run.epoch < 100
    assert "停止しました" in texts(at.info)
    assert len(_charts(at)) == 3  # the partial model is drawn


def test_two_sessions_each_keep_their_own_model_and_wait_their_turn():
    """Another session holds the heavy-work lock; this one waits for it, then trains. Two AppTest
    sessions never see each other's model."""
    with another_user_training():
        a = open_section("basics.tab.playground", query=FAST)
        a.radio(key="bpg_data").set_value("xor")
        a.button(key="bpg__start").click().run()
    b = open_section("basics.tab.playground", query=FAST)
    assert "bpg_run" not in b.session_state  # b starts empty
    b.radio(key="bpg_data").set_value("blobs")
    b.button(key="bpg__start").click().run()
    assert_no_exception(a)
    assert_no_exception(b)
    assert a.session_state["bpg_run"].cfg.dataset == "xor"
    assert b.session_state["bpg_run"].cfg.dataset == "blobs"
    assert a.session_state["bpg_run"] is not b.session_state["bpg_run"]


# --- 9 100 knocks ch. 8 ----------------------------------------------------------------------------

def test_knock_map_links_every_exercise():
    at = open_section("basics.tab.knock")
    assert_no_exception(at)
    m = _metrics(at)
    assert m["学習データの X の形（n × 300）"] == "192 × 300" and m["∂L/∂W の形"] == "300 × 4"
    assert m["W.grad.shape"] == "300 × 4" and m["loss"] == m["x₁…x₄ の損失 L（平均）"]  # the idiom = the notes' L
    assert m["Y.sum(dim=1)"] == "1.0000, 1.0000, 1.0000, 1.0000"
    assert "一致しました" in texts(at.success) and "CC0" in texts(at.info)
    assert {"∂L/∂W (x₁)", "∂L/∂W (x₁…x₄)"} <= {m.value.strip("*") for m in at.markdown}
    links = at.get("page_link")
    assert len(links) == 10
    assert "ベースライン" in texts(at.info)
    md = texts(at.markdown)
    for n in range(70, 80):
        assert f"**{n}.**" in md


def test_english_ui_has_the_same_sections():
    at = open_section("basics.tab.neuron", query={"lang": "English"})
    assert_no_exception(at)
    assert at.title[0].value == "Neural-network basics"



TAB_KEYS = [f"basics.tab.{k}" for k in ("neuron", "depth", "matmul", "softmax", "entropy", "descent", "backprop",
                                         "playground", "knock", "cnn")]


def test_lecture_map_and_navigation_list_the_page_first():
    from core.i18n import t
    from pages.home.lecture_map import CHAPTERS, CONCEPTS
    from tests.conftest import ROOT, app_test

    assert CHAPTERS[0] == "0"
    tabs = [c.tab for c in CONCEPTS if c.page == "pages/basics/page.py" and c.chapter == "0"]
    assert list(dict.fromkeys(tabs)) == TAB_KEYS  # every section on the map, first met in the page's order
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    lecture = app[app.index('t("nav.section.pages")'):]
    assert lecture.index("pages/basics/page.py") < lecture.index("pages/word2vec/page.py")  # first lecture page
    home = app_test("home")
    assert_no_exception(home)
    assert "第0章 ニューラルネットの基礎" in texts(home.markdown)
    labels = [link.proto.label for link in home.get("page_link")]
    assert sum(any(t(k, "ja") in label for label in labels) for k in TAB_KEYS) == len(TAB_KEYS)
    for needle in ("403", "H(p, q)", "2 / 曲率", "σ′ ≤ 0.25", "3 クラス分類", "W ∈ ℝ^{300×4}", "畳み込み", "自然言語処理の CNN"):
        assert any(needle in label for label in labels), needle  # issue 26's items are linked from the map


# --- issue 26 ----------------------------------------------------------------------------------------

def test_softmax_shows_the_slides_403_55_458_beside_the_safe_path():
    at = open_section("basics.tab.softmax")
    assert_no_exception(at)
    line = texts(at.markdown)
    assert "e^{6} ≈ 403" in line and "e^{4} ≈ 55" in line and "Σ ≈ 458" in line
    assert "403/458 ≈ 0.88" in line and "55/458 ≈ 0.12" in line
    frames = _frames(at)
    assert "403.4288" in frames and "458.0269" in frames and "0.8808" in frames
    assert "同じ確率" in texts(at.caption)


def test_cross_entropy_of_the_notes_coin_in_bits_and_nats():
    at = open_section("basics.tab.entropy")
    assert_no_exception(at)
    m = _metrics(at)
    assert m["エントロピー H(p) [bits]"] == "1.0000" and m["交差エントロピー H(p, q) [bits]"] == "1.0294"
    assert "ノートの値との違い" in texts(at.info) and "1.03" in texts(at.info)
    at.radio(key="be_pq_unit").set_value("nats").run()
    m = _metrics(at)
    assert m["エントロピー H(p) [nats]"] == "0.6931" and m["交差エントロピー H(p, q) [nats]"] == "0.7136"
    at.text_input(key="be_pq_q").set_value("0.5 0.5").run()  # q = p: H(p, q) = H(p)
    m = _metrics(at)
    assert m["交差エントロピー H(p, q) [nats]"] == "0.6931" and "ノートの値との違い" not in texts(at.info)
    at.text_input(key="be_pq_q").set_value("0.5 0.4").run()
    assert "合計が 0.9" in texts(at.warning)


def test_backprop_relu_passes_the_gradient_sigmoid_shrinks_it():
    at = open_section("basics.tab.backprop")
    assert_no_exception(at)
    m = _metrics(at)
    assert m["ReLU: 1 層目に届く勾配"] == "1"
    assert float(m["シグモイド (sigmoid): 1 層目に届く勾配"]) < 0.25 ** 10
    assert "0.25^10" in texts(at.caption)
    at.slider(key="bb_L").set_value(2).run()
    assert 0.25 ** 2 > float(_metrics(at)["シグモイド (sigmoid): 1 層目に届く勾配"]) > 0.25 ** 3


def test_each_surface_shows_its_own_stable_learning_rate():
    at = open_section("basics.tab.descent")
    assert_no_exception(at)
    caps = texts(at.caption)
    assert "0 < η < 2 / 2 = 1" in caps and "0 < η < 2 / 10 = 0.2" in caps  # 1-D: curvature 2; 2-D: 2 and 10
    assert "0.2" in at.number_input(key="bg_eta2").help and "0.1–0.5" not in at.number_input(key="bg_eta2").help
    at.number_input(key="bg_eta2").set_value(0.21).run()  # just above 2/10: the 2-D surface diverges
    assert "発散しました（η = 0.21" in texts(at.warning)
    at.number_input(key="bg_eta2").set_value(0.19).run()
    assert not any("η = 0.19" in w.value for w in at.warning)


def test_output_layer_by_task_matches_torch_losses():
    at = open_section("basics.tab.softmax")
    assert_no_exception(at)
    m = _metrics(at)
    assert m["交差エントロピー"] == "0.4170" and m["2 値交差エントロピー"] == "0.3711" and m["二乗誤差"] == "0.2500"
    caps = texts(at.caption)
    assert "nn.CrossEntropyLoss()(a, t) = 0.4170" in caps and "nn.MSELoss()(y, t) = 0.2500" in caps
    at.number_input(key="bs_out_binary_t").set_value(0.0).run()
    assert _metrics(at)["2 値交差エントロピー"] == "1.1711"  # −log(1 − σ(0.8))
    at.number_input(key="bs_out_multiclass_t").set_value(5.0).run()
    assert "0〜2 の整数" in texts(at.warning)


def test_basics_has_its_quick_checks():
    at = open_section("basics.tab.neuron", session={"qc_open_basics": True})
    assert_no_exception(at)
    assert at.radio(key="qc_basics-softmax") and at.text_input(key="qc_basics-coin")
    at.radio(key="qc_basics-softmax").set_value(0)
    at.button(key="qc_basics-softmax_check").click().run()
    assert any("403 / 458" in c.value for c in at.caption) and any("正解" in s.value for s in at.success)
    at.text_input(key="qc_basics-coin").input("2")
    at.button(key="qc_basics-coin_check").click().run()
    assert any("1 ビット" in c.value for c in at.caption) and at.error


def test_knock_trains_live_and_stop_keeps_the_partial_history(stop_after_checks):
    at = open_section("basics.tab.knock", query={"bk_epochs": "3", "bk_layers": "1", "bk_batch": "16"})
    assert "学習を開始" in texts(at.info)
    at.button(key="bk__start").click().run()
    assert_no_exception(at)
    run = at.session_state["bk_run"]
    assert run.status == "done" and len(run.history) == 3 and run.config.layers == 1
    m = _metrics(at)
    assert m["デバイス (78)"] == "cpu" and m["検証データの正解率"].endswith("%")
    assert "更新 36 回" in texts(at.caption)  # 3 epochs × ⌈192 / 16⌉ mini-batches
    stop_after_checks(2)
    at.slider(key="bk_epochs").set_value(50).run()
    at.button(key="bk__start").click().run()
    run = at.session_state["bk_run"]
    assert run.status == "stopped" and 0 < len(run.history) < 50 and "停止しました" in texts(at.info)


def test_playground_three_classes_softmax_and_a_coloured_decision_map():
    at = open_section("basics.tab.playground", query={"bpg_epochs": "15"})
    at.radio(key="bpg_data").set_value("blobs3").run()
    assert_no_exception(at)
    assert "緑 = クラス 2" in texts(at.info)
    at.button(key="bpg__start").click().run()
    assert_no_exception(at)
    run = at.session_state["bpg_run"]
    assert run.status == "done" and run.n_classes == 3
    assert run.model[-1].out_features == 3  # a 3-unit softmax output layer
    xs, ys, Z = run.probabilities(res=20)
    assert Z.shape == (20, 20, 3) and abs(Z.sum(axis=2) - 1).max() < 1e-5
    assert len(set(Z.argmax(axis=2).ravel().tolist())) == 3  # all three classes own a region of the map
    heat = [c for c in _charts(at) if '"type":"heatmap"' in c.proto.spec.replace(" ", "")]
    assert heat and float(_metrics(at)["評価データの正解率"].rstrip("%")) > 80


# --- CNN (issue 26 items 9, 10) -------------------------------------------------------------------

def test_cnn_step_by_step_similarity_channels_pooling_norm_and_skip():
    at = open_section("basics.tab.cnn")
    assert_no_exception(at)
    md, caps, m = texts(at.markdown), texts(at.caption), _metrics(at)
    assert "⌊(8 + 2·0 − 3) / 1⌋ + 1 = 6（縦）× 6（横）" in caps
    assert "u = 1·1 + 1·1 + 1·1 = **3**" in md  # the window on the vertical line: three 1·1 products
    assert "3 − 2·3 + 3 = 0 = ‖x − w‖²" in md and "一致しました" in caps  # most similar = largest inner product
    assert m["畳み込み層のパラメータ"] == "448" and m["同じ出力の全結合層"] == "44,251,200"  # 16·(3²·3 + 1)
    assert m["特徴マップで変わった値の割合"] == "33%" and m["プーリング後に変わった値の割合"] == "0%"
    assert float(m["最後の層の標準偏差（正規化あり）"]) < 2 < float(m["最後の層の標準偏差（正規化なし）"])
    assert float(m["‖∂L/∂x‖ スキップあり"]) > 1e3 * float(m["‖∂L/∂x‖ スキップなし"])
    at.radio(key="bc_S").set_value(2).run()
    at.radio(key="bc_P").set_value(1).run()
    assert_no_exception(at)
    assert "⌊(8 + 2·1 − 3) / 2⌋ + 1 = 4（縦）× 4（横）" in texts(at.caption)


def test_cnn_for_sentences_trains_three_models_on_one_split_and_names_ngrams():
    at = open_section("basics.tab.cnn", query={})
    at.slider(key="bc_epochs").set_value(2).run()
    at.button(key="bc__start").click().run()
    assert_no_exception(at)
    run, enc = at.session_state["bc_run"]
    assert run.status == "done" and set(run.test_acc) == {"mean", "cnn", "lstm"}
    assert all(len(h) == 2 for h in run.history.values())
    table = at.dataframe[-2].value
    assert len(table) == 3 and "1 次元 CNN（幅 2・3・4 × 32 フィルタ）" in table.iloc[:, 0].tolist()
    grams = at.dataframe[-1].value
    assert len(grams) == 10 and grams.iloc[0, 0].startswith("k=")
    k = int(grams.iloc[0, 0][2])
    assert all(len(g.split(" ")) == k for g in grams.iloc[0, 2].split(" / "))  # a width-k filter fires on k-grams
