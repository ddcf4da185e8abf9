"""`python -m core basics ...` as a subprocess: the JSON contract and Japanese errors (exit 2)."""
import pytest

from tests.test_cli import last_json, run_cli


def test_softmax_the_notes_example():
    r = run_cli("basics", "softmax", "6", "4", "--json")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1].startswith('{"p": [0.8808, 0.1192], "exp": [403.4288, ')


def test_entropy_of_a_coin_is_one_bit():
    r = run_cli("basics", "entropy", "0.5", "0.5", "--json")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1] == '{"bits": 1.0}'


def test_negative_logits_temperature_and_cross_entropy():
    r = run_cli("basics", "softmax", "-1", "-1", "--temperature", "2", "--json")
    assert last_json(r.stdout)["p"] == [0.5, 0.5]
    r = run_cli("basics", "cross-entropy", "0.7", "0.2", "0.1", "--target", "0", "--json")
    assert last_json(r.stdout) == {"nats": 0.3567}  # −ln 0.7


@pytest.mark.parametrize("args,needle", [
    (("softmax", "6", "x"), "数ではありません"),
    (("softmax", *[str(i) for i in range(1000)]), "1,000 個"),
    (("entropy", "0.5", "0.4"), "合計が 0.9"),
    (("cross-entropy", "0.5", "0.5", "--target", "5"), "正解クラス 5"),
    (("playground", "--units", "0"), "ユニット数が 0"),
])
def test_bad_input_exits_2_with_a_japanese_message(args, needle):
    r = run_cli("basics", *args, "--json")
    assert r.returncode == 2 and needle in r.stderr, (r.returncode, r.stderr)


def test_backprop_and_playground_json():
    r = run_cli("basics", "backprop", "--json")
    data = last_json(r.stdout)
    assert data["max_abs_diff"] < 1e-6 and set(data["autograd"]) == {"∂E/∂y", "∂E/∂u", "∂E/∂w", "∂E/∂b", "∂E/∂x"}
    r = run_cli("basics", "playground", "--dataset", "xor", "--json")
    assert r.returncode == 0, r.stderr
    data = last_json(r.stdout)
    assert data["status"] == "done" and data["epochs"] == 60 and data["test_acc"] >= 0.95


# --- issue 26: the CLI contracts ----------------------------------------------------------------

def test_softmax_also_returns_the_slides_exp_and_sum():
    data = last_json(run_cli("basics", "softmax", "6", "4", "--json").stdout)
    assert data == {"p": [0.8808, 0.1192], "exp": [403.4288, 54.5982], "sum": 458.0269}  # 403, 55, 458


def test_cross_entropy_between_two_distributions_in_nats_and_bits():
    r = run_cli("basics", "cross-entropy", "--p", "0.5", "0.5", "--q", "0.4", "0.6", "--json")
    assert r.returncode == 0, r.stderr
    assert last_json(r.stdout) == {"cross_entropy": 0.7136, "entropy": 0.6931, "unit": "nats"}
    r = run_cli("basics", "cross-entropy", "--p", "0.5", "0.5", "--q", "0.4", "0.6", "--bits", "--json")
    assert last_json(r.stdout) == {"cross_entropy": 1.0294, "entropy": 1.0, "unit": "bits"}
    r = run_cli("basics", "cross-entropy", "--p", "0.5", "0.5", "--json")
    assert r.returncode == 2 and "--q" in r.stderr


def test_quiz_of_the_basics_page():
    data = last_json(run_cli("classroom", "quiz", "--page", "basics", "--json").stdout)
    qs = data["questions"]
    assert len(qs) >= 3
    for q in qs:
        assert set(q) == {"id", "question", "choices", "answer"} and q["question"]
        assert not q["choices"] or q["answer"] in q["choices"]


def test_knock_shapes_and_first_values():
    r = run_cli("basics", "knock", "--json")
    assert r.returncode == 0, r.stderr
    data = last_json(r.stdout)
    assert data["x_shape"] == [192, 300] and data["W_shape"] == [300, 4]
    assert len(data["y1"]) == 4 and abs(sum(data["y1"]) - 1) < 1e-3
    assert len(data["Y_1_4"]) == 4 and all(len(row) == 4 for row in data["Y_1_4"])
    assert data["Y_1_4"][0] == data["y1"]  # x₁ is the first row of X[1:4]
    assert data["loss_x1"] > 0 and data["loss_x1_4"] > 0
