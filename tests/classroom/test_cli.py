"""`python -m core classroom quiz`: the contract and the same bank as the page."""
from core import quiz
from tests.test_cli import last_json, run_cli


def test_quiz_json_is_the_pages_bank():
    r = run_cli("classroom", "quiz", "--page", "attention", "--json")
    assert r.returncode == 0, r.stderr
    data = last_json(r.stdout)
    assert list(data) == ["questions"]
    assert [q["id"] for q in data["questions"]] == [q.id for q in quiz.for_page("attention")]
    for item, q in zip(data["questions"], quiz.for_page("attention")):
        assert set(item) == {"id", "question", "choices", "answer"}
        assert item["question"] == q.text("ja") and item["choices"] == q.choice_texts("ja")
        assert q.is_correct(item["choices"].index(item["answer"]) if item["choices"] else item["answer"])
    scale = next(q for q in data["questions"] if q["id"] == "att-scale")
    assert scale["choices"] == [] and scale["answer"] == 8


def test_quiz_in_english():
    data = last_json(run_cli("classroom", "quiz", "--page", "bert", "--lang", "en", "--json").stdout)
    assert any("[MASK]" in q["question"] for q in data["questions"])


def test_unknown_page_exits_2_in_japanese():
    r = run_cli("classroom", "quiz", "--page", "nope", "--json")
    assert r.returncode == 2 and "確認クイズはありません" in r.stderr and "attention" in r.stderr
