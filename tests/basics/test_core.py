"""core.basics against closed forms and torch: softmax, entropy bits, cross entropy, the chain
rule vs autograd, gradient descent, matrix shapes, and the 2-D playground."""
import math

import numpy as np
import pytest
import torch

from core import InputTooLong, InvalidInput
from core.basics import backprop
from core.basics import descent
from core.basics import information
from core.basics import neuron
from core.basics import playground
from core.basics.numbers import check_distribution, parse_numbers


# --- parsing ---------------------------------------------------------------------------------

def test_parse_numbers_accepts_commas_spaces_and_japanese_commas():
    assert parse_numbers("6, 4").tolist() == [6.0, 4.0]
    assert parse_numbers("1 2、3，-4.5").tolist() == [1.0, 2.0, 3.0, -4.5]
    assert parse_numbers(["6", "4"]).tolist() == [6.0, 4.0]


@pytest.mark.parametrize("text,exc,needle", [
    ("", InvalidInput, "入っていません"),
    ("6, x", InvalidInput, "「x」は数ではありません"),
    ("nan 1", InvalidInput, "有限"),
    ("1e300", InvalidInput, "大きすぎます"),
    (" ".join(["1"] * 1000), InputTooLong, "1,000 個"),
])
def test_parse_numbers_rejects_bad_input_in_japanese(text, exc, needle):
    with pytest.raises(exc) as e:
        parse_numbers(text)
    assert needle in e.value.message


def test_check_distribution():
    assert check_distribution(np.array([0.333, 0.333, 0.334])).sum() == pytest.approx(1.0)
    with pytest.raises(InvalidInput, match="合計が 0.9"):
        check_distribution(np.array([0.5, 0.4]))
    with pytest.raises(InvalidInput, match="負"):
        check_distribution(np.array([1.5, -0.5]))


# --- softmax, entropy, cross entropy -------------------------------------------------------------

def test_softmax_the_notes_example():
    p = information.softmax(np.array([6.0, 4.0]))
    assert p.round(4).tolist() == [0.8808, 0.1192]
    assert p[0] == pytest.approx(1 / (1 + math.exp(-2)))  # closed form for two classes: σ(a1 − a2)


def test_softmax_matches_torch_with_temperature():
    a = np.random.default_rng(0).normal(size=(5, 7)) * 3
    for T in (0.5, 1.0, 2.0):
        ours = information.softmax(a, T)
        ref = torch.softmax(torch.from_numpy(a) / T, dim=-1).numpy()
        assert np.abs(ours - ref).max() < 1e-12


def test_stable_softmax_survives_large_logits_where_the_naive_one_does_not():
    a = np.array([1000.0, 998.0])
    assert np.isnan(information.naive_softmax(a)).any()
    assert information.softmax(a).round(4).tolist() == [0.8808, 0.1192]


def test_temperature_must_be_positive():
    with pytest.raises(InvalidInput, match="温度"):
        information.softmax(np.array([1.0, 2.0]), 0.0)


@pytest.mark.parametrize("n,bits", [(2, 1.0), (4, 2.0), (8, 3.0)])  # coin, card suit, eight directions
def test_the_notes_entropy_examples(n, bits):
    assert information.uniform_bits(n) == bits
    assert information.entropy_bits(np.full(n, 1 / n)) == pytest.approx(bits)
    assert information.information_bits(1 / n) == pytest.approx(bits)


def test_entropy_of_an_uneven_distribution_and_a_certain_one():
    assert information.entropy_bits(np.array([0.5, 0.25, 0.125, 0.125])) == pytest.approx(1.75)
    assert information.entropy_bits(np.array([1.0, 0.0])) == 0.0
    p = np.array([0.7, 0.2, 0.1])
    ref = float(torch.distributions.Categorical(probs=torch.tensor(p)).entropy()) / math.log(2)
    assert information.entropy_bits(p) == pytest.approx(ref, abs=1e-12)


def test_cross_entropy_matches_torch_and_minus_log_p():
    logits = np.array([2.0, 0.5, -1.0])
    y = information.softmax(logits)
    for k in range(3):
        ref = float(torch.nn.functional.cross_entropy(torch.tensor(logits)[None], torch.tensor([k])))
        assert information.cross_entropy(y, k) == pytest.approx(ref, abs=1e-12)
        assert information.cross_entropy(y, k) == pytest.approx(-math.log(y[k]))
    # a soft target
    t = np.array([0.5, 0.5, 0.0])
    assert information.cross_entropy(y, t) == pytest.approx(-(0.5 * math.log(y[0]) + 0.5 * math.log(y[1])))


# --- neuron, depth, matmul -----------------------------------------------------------------------

def test_neuron_and_activations():
    u, y = neuron.neuron(np.array([1.0, 0.5]), np.array([0.8, -0.6]), 0.1, "relu")
    assert u == pytest.approx(0.6) and y == pytest.approx(0.6)
    assert neuron.neuron(np.array([1.0]), np.array([-2.0]), 0.0, "relu")[1] == 0.0
    assert neuron.neuron(np.array([0.0]), np.array([1.0]), 0.0, "sigmoid")[1] == 0.5
    assert neuron.neuron(np.array([1.0]), np.array([1.0]), 0.0, "step")[1] == 1.0
    with pytest.raises(InvalidInput):
        neuron.activation("swish")


def test_the_notes_linearity_check():
    r = neuron.linearity_check(-1, 1, "relu")
    assert r["f(a+b)"] == 0 and r["f(a)+f(b)"] == 1 and not r["linear_here"]
    assert neuron.linearity_check(-1, 1, "identity")["linear_here"]


def test_linear_layers_collapse_and_relu_makes_abs():
    d = neuron.depth_demo()
    assert d.collapsed.tolist() == [[0.0]]  # W1 W2 = 1·1 + (−1)·1 = 0
    assert np.allclose(d.linear, d.x * d.collapsed[0, 0])
    assert np.allclose(d.relu, np.abs(d.x))
    assert d.line_error > 0.05  # no straight line makes |x|
    W = [np.random.default_rng(i).normal(size=s) for i, s in enumerate([(3, 4), (4, 5), (5, 2)])]
    x = np.random.default_rng(9).normal(size=(6, 3))
    assert np.allclose(x @ W[0] @ W[1] @ W[2], x @ neuron.collapse(W))


def test_matmul_shapes_and_torch_error():
    assert neuron.matmul_or_error((1, 3), (3, 2)) == ((1, 2), None)
    shape, err = neuron.matmul_or_error((1, 3), (2, 3))
    assert shape is None and "cannot be multiplied" in err and "1x3 and 2x3" in err
    assert (neuron.X_DEMO @ neuron.W_DEMO).round(6).tolist() == [[2.2, 2.8]]
    Y = neuron.BATCH_DEMO @ neuron.W_DEMO  # (3 × 3)·(3 × 2)
    assert Y.shape == (3, 2) and np.allclose(Y[0], (neuron.X_DEMO @ neuron.W_DEMO)[0])
    assert neuron.symbolic_product()[0] == "x1·w11 + x2·w21 + x3·w31"


# --- backprop --------------------------------------------------------------------------------

@pytest.mark.parametrize("x,w,b,t", [(1.5, 0.8, -0.5, 1.0), (-2.0, 3.0, 1.0, 0.0), (5.0, 5.0, 5.0, 0.0),
                                     (-5.0, 5.0, -5.0, 1.0), (0.0, 0.0, 0.0, 1.0)])
def test_chain_rule_equals_autograd_within_1e_6(x, w, b, t):
    g = backprop.forward_backward(x, w, b, t)
    assert g.max_abs_diff < 1e-6 and set(g.autograd) == set(g.manual)
    for k in ("∂E/∂w", "∂E/∂b", "∂E/∂x", "∂E/∂u"):  # the gradients themselves, absolutely
        assert abs(g.manual[k] - g.autograd[k]) < 1e-6
    y = 1 / (1 + math.exp(-(w * x + b)))
    assert g.manual["∂E/∂u"] == pytest.approx(y - t, abs=1e-9)  # σ′ folds into y − t
    assert g.manual["∂E/∂w"] == pytest.approx((y - t) * x, abs=1e-9)


def test_backprop_rejects_out_of_range_inputs():
    with pytest.raises(InvalidInput):
        backprop.forward_backward(50.0, 1.0, 0.0, 1.0)
    with pytest.raises(InvalidInput, match="0 か 1"):
        backprop.forward_backward(1.0, 1.0, 0.0, 0.5)


def test_model_idiom_calls_forward_once_and_steps():
    r = backprop.run_model_idiom(1.5, 0.8, -0.5, 1.0, eta=0.5)
    g = backprop.forward_backward(1.5, 0.8, -0.5, 1.0)
    assert r["forward_calls"] == 1
    assert r["grads"]["∂E/∂w"] == pytest.approx(g.autograd["∂E/∂w"], abs=1e-9)
    assert r["w_new"] == pytest.approx(0.8 - 0.5 * g.autograd["∂E/∂w"], abs=1e-9)


# --- gradient descent ------------------------------------------------------------------------

def test_descent_follows_the_update_rule():
    run = descent.descend("1d", 0.1, 3)
    p = -2.0
    for step in range(3):
        p = p - 0.1 * 2 * (p - 2)
        assert run.path[step + 1, 0] == pytest.approx(p)
    assert descent.descend("1d", 0.5, 1).path[-1, 0] == pytest.approx(2.0)  # η = 1/2 jumps to the minimum


def test_descent_learning_rates_small_good_diverging_zero():
    assert descent.descend("1d", 0.01, 15).verdict == "slow"
    assert descent.descend("1d", 0.3, 30).verdict == "converged"
    big = descent.descend("1d", 1e6, 50)
    assert big.verdict == "diverged" and len(big.path) < 50
    assert descent.descend("1d", 0.0, 5).verdict == "stuck"
    assert descent.descend("2d", 0.25, 50).verdict == "diverged"  # 5·2·0.25 > 2 along p2
    assert descent.descend("2d", 0.08, 50).verdict == "converged"
    with pytest.raises(InvalidInput):
        descent.descend("1d", -0.1, 5)
    with pytest.raises(InvalidInput):
        descent.descend("1d", 2e6, 5)


def test_gradient_matches_finite_differences():
    p = np.array([1.3, -0.7])
    eps = 1e-6
    fd = [(descent.loss("2d", p + eps * e) - descent.loss("2d", p - eps * e)) / (2 * eps) for e in np.eye(2)]
    assert np.allclose(descent.grad("2d", p), fd, atol=1e-6)


def test_sgd_makes_more_updates_and_both_fit_the_line():
    cmp = descent.compare_batches(eta=0.1, epochs=20, batch_size=8)
    full, sgd = cmp.runs["full"], cmp.runs["sgd"]
    assert full.updates_per_epoch == 1 and sgd.updates_per_epoch == 8
    assert len(sgd.path) == 8 * 20 + 1 and len(full.path) == 21
    assert sgd.loss_per_epoch[-1] < full.loss_per_epoch[-1]  # same epochs, many more steps
    w, b = sgd.path[-1]
    assert abs(w - 2) < 0.3 and abs(b - 1) < 0.2
    assert descent.compare_batches(eta=1e6, epochs=5).runs["full"].diverged


# --- the 2-D playground ----------------------------------------------------------------------

@pytest.mark.parametrize("name", playground.DATASETS)
def test_datasets_are_balanced_and_deterministic(name):
    X, t = playground.make_dataset(name, 200, 0.1, seed=3)
    X2, t2 = playground.make_dataset(name, 200, 0.1, seed=3)
    K = playground.n_classes(name)
    assert X.shape == (200, 2) and set(np.unique(t)) == set(map(float, range(K)))
    assert np.array_equal(X, X2) and np.array_equal(t, t2)
    counts = np.bincount(t.astype(int))
    assert counts.min() >= 0.8 * 200 / K and counts.max() <= 1.2 * 200 / K


@pytest.mark.parametrize("name", ["xor", "circles"])
def test_defaults_learn_xor_and_circles_to_95_percent(name):
    run = playground.PlaygroundRun(playground.PlaygroundConfig(dataset=name)).fit()
    assert run.status == "done" and run.last["test_acc"] >= 0.95


def test_without_a_hidden_layer_xor_is_not_learned():
    run = playground.PlaygroundRun(playground.PlaygroundConfig(dataset="xor", layers=0, epochs=30)).fit()
    assert run.last["test_acc"] < 0.75


def test_training_is_deterministic_for_a_seed():
    a = playground.PlaygroundRun(playground.PlaygroundConfig(dataset="spirals", epochs=5, seed=7)).fit()
    b = playground.PlaygroundRun(playground.PlaygroundConfig(dataset="spirals", epochs=5, seed=7)).fit()
    assert a.history == b.history


def test_stop_keeps_the_partial_model_and_progress_is_reported():
    seen = []
    run = playground.PlaygroundRun(playground.PlaygroundConfig(epochs=50))
    run.fit(on_progress=lambda s, n, m: seen.append((s, n, m["test_acc"])), should_stop=lambda: len(seen) >= 3)
    assert run.status == "stopped" and run.epoch == 3 and [s for s, *_ in seen] == [1, 2, 3]
    xs, ys, Z = run.probabilities(res=20)
    assert Z.shape == (20, 20) and ((0 <= Z) & (Z <= 1)).all()


def test_huge_learning_rate_is_reported_as_diverged_not_raised():
    run = playground.PlaygroundRun(playground.PlaygroundConfig(lr=1e6, epochs=20)).fit()
    assert run.status == "diverged" and run.epoch < 20


@pytest.mark.parametrize("kw,needle", [({"units": 0}, "ユニット数が 0"), ({"layers": 9}, "隠れ層の数"),
                                       ({"lr": -1.0}, "学習率"), ({"dataset": "moons"}, "データ"),
                                       ({"epochs": 0}, "エポック")])
def test_bad_settings_raise_japanese_messages(kw, needle):
    with pytest.raises(InvalidInput, match=needle):
        playground.PlaygroundRun(playground.PlaygroundConfig(**kw))


def test_zero_units_is_fine_without_hidden_layers():
    assert playground.PlaygroundRun(playground.PlaygroundConfig(layers=0, units=0, epochs=1)).fit().status == "done"


def test_an_interruption_from_the_page_ends_the_run_as_stopped():
    class Rerun(BaseException):  # what Streamlit raises into a running script
        pass

    def interrupt(step, total, metrics):
        if step == 2:
            raise Rerun

    run = playground.PlaygroundRun(playground.PlaygroundConfig(epochs=50))
    with pytest.raises(Rerun):
        run.fit(on_progress=interrupt)
    assert run.status == "stopped" and run.epoch == 2 and run.seconds > 0


# --- issue 26 ----------------------------------------------------------------------------------

def test_softmax_steps_are_the_slides_numbers():
    s = information.softmax_steps([6, 4])
    assert round(s.exp[0]) == 403 and round(s.exp[1]) == 55 and round(s.sum) == 458
    assert np.allclose(s.exp / s.sum, s.p) and np.round(s.p, 2).tolist() == [0.88, 0.12]
    big = information.softmax_steps([1000, 998])
    assert big.overflow and np.allclose(big.p, s.p)  # the safe path still gives (0.88, 0.12)


def test_cross_entropy_between_distributions_is_at_least_the_entropy():
    assert information.cross_entropy_pq(information.COIN_P, information.COIN_Q) == pytest.approx(-0.5 * (math.log2(0.4) + math.log2(0.6)))
    assert information.cross_entropy_pq(information.COIN_P, information.COIN_P, "nats") == pytest.approx(math.log(2))
    rng = np.random.default_rng(0)
    for _ in range(20):
        p, q = rng.dirichlet(np.ones(4)), rng.dirichlet(np.ones(4))
        assert information.cross_entropy_pq(p, q) >= information.entropy(p) - 1e-12
    assert information.rounded_cross_entropy(information.COIN_P, information.COIN_Q) == 1.03
    with pytest.raises(InvalidInput):
        information.cross_entropy_pq([0.5, 0.5], [0.2, 0.3, 0.5])


def test_stable_learning_rate_is_two_over_the_curvature():
    assert descent.stable_range("1d").eta_max == pytest.approx(1.0) and descent.stable_range("2d").eta_max == pytest.approx(0.2)
    r = descent.stable_range("2d")
    assert not descent.descend("2d", r.eta_max * 0.95, 50).diverged and descent.descend("2d", r.eta_max * 1.05, 50).diverged
    lr = descent.line_stable_range()
    assert not descent.compare_batches(lr.eta_max * 0.95, 50).runs["full"].diverged


def test_relu_passes_the_gradient_sigmoid_caps_it_at_a_quarter():
    chain = backprop.deep_chain(10)
    assert (chain["sigmoid"]["local"] <= 0.25).all() and (chain["relu"]["local"] == 1).all()
    assert chain["relu"]["reach"][0] == 1.0 and chain["sigmoid"]["reach"][0] < 0.25 ** 10


def test_output_layers_match_torch():
    for task, a, target in (("multiclass", [2, 1, 0.1], 0), ("binary", [0.8], 1), ("regression", [2.5], 3.0)):
        r = information.output_layer(task, a, target)
        assert r["loss"] == pytest.approx(r["torch_loss"])


def test_knock_data_is_what_the_script_builds_and_balanced():
    from core.basics import knock_data

    rows = [tuple(line.split("\t")) for line in knock_data.PATH.read_text(encoding="utf-8").splitlines()[1:]]
    assert rows == knock_data.build()
    assert len({text for _, text, _ in rows}) == 240
    for split, n in (("train", 192), ("valid", 24), ("test", 24)):
        assert sum(s == split for *_, s in rows) == n
    assert {lab for lab, *_ in rows} == set(knock_data.LABELS)
    assert (knock_data.PATH.parent / "knock_news.LICENSE.md").read_text(encoding="utf-8").count("CC0") >= 1


def test_knock_first_values_by_hand_equal_autograd():
    from core.basics import knock
    from core.word2vec.vectors import default_vectors

    task = knock.load_task(default_vectors())
    v = knock.first_values(task)
    assert task.X_train.shape == (192, 300) and v.W.shape == (300, 4) and v.Y_1_4.shape == (4, 4)
    assert np.allclose(v.Y_1_4.sum(axis=1), 1) and np.allclose(v.Y_1_4[0], v.y1)
    assert v.loss_x1 == pytest.approx(-math.log(v.y1[v.labels_1_4[0]]), rel=1e-5)
    assert v.autograd_diff < 1e-5
    assert knock.run_idioms(task)["loss"] == pytest.approx(v.loss_x1_4, rel=1e-6)


@pytest.mark.parametrize("stride,padding", [(1, 0), (2, 1), (1, 2), (3, 0)])
def test_conv2d_equals_torch(stride, padding):
    from core.basics import cnn

    x, w = cnn.IMAGES["cross"], cnn.FILTERS["edge"]
    ours = cnn.conv2d(x, w, stride, padding, bias=0.5)
    ref = torch.nn.functional.conv2d(torch.tensor(x)[None, None], torch.tensor(w)[None, None],
                                     torch.tensor([0.5], dtype=torch.float64), stride=stride, padding=padding)[0, 0]
    assert ours.u.shape == (cnn.out_size(8, 3, stride, padding),) * 2 and np.allclose(ours.u, ref.numpy())
    s = cnn.similarity(x, w, stride, padding)
    assert np.allclose(s.dist2, s.patch_norm2 - 2 * s.inner + s.w_norm2)


def test_channels_params_and_pooling():
    from core.basics import cnn

    x, w = cnn.rgb_example()
    ref = torch.nn.functional.conv2d(torch.tensor(x).permute(2, 0, 1)[None], torch.tensor(w).permute(0, 3, 1, 2))[0]
    assert np.allclose(cnn.conv_channels(x, w), ref.permute(1, 2, 0).numpy())
    conv = torch.nn.Conv2d(3, 16, 3)
    p = cnn.params(32, 32, 3, 16, 3)
    assert p["conv"] == sum(q.numel() for q in conv.parameters()) == 448 and p["out_shape"] == (30, 30, 16)
    assert p["fc"] == (32 * 32 * 3 + 1) * 30 * 30 * 16
    M = np.arange(16.0).reshape(4, 4)
    assert cnn.pool(M, 2, "max").tolist() == [[5, 7], [13, 15]] and cnn.pool(M, 2, "avg").tolist() == [[2.5, 4.5], [10.5, 12.5]]
    with pytest.raises(InvalidInput):
        cnn.conv2d(np.zeros((2, 2)), np.ones((3, 3)))
