"""`python -m core basics ...` as a subprocess: the JSON contract and Japanese errors (exit 2)."""
import pytest

from tests.test_cli import last_json, run_cli


def test_softmax_the_notes_example():
    r = run_cli("basics", "softmax", "6", "4", "--json")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1] == '{"p": [0.8808, 0.1192]}'


def test_entropy_of_a_coin_is_one_bit():
    r = run_cli("basics", "entropy", "0.5", "0.5", "--json")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1] == '{"bits": 1.0}'


def test_negative_logits_temperature_and_cross_entropy():
    r = run_cli("basics", "softmax", "-1", "-1", "--temperature", "2", "--json")
    assert last_json(r.stdout) == {"p": [0.5, 0.5]}
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
