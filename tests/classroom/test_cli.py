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


def test_store_check_names_the_store_and_says_what_is_wrong(redis_server):
    r = run_cli("classroom", "store", "--json", env={"PLAYGROUND_REDIS_URL": ""})
    assert r.returncode == 0, r.stderr
    assert last_json(r.stdout) == {"store": "memory", "url": None, "reachable": True, "live_classes": 0}
    if redis_server.proc is None:
        redis_server.start()
    r = run_cli("classroom", "store", "--json", env={"PLAYGROUND_REDIS_URL": redis_server.url})
    assert r.returncode == 0, r.stderr
    assert last_json(r.stdout)["store"] == "redis" and last_json(r.stdout)["reachable"] is True
    r = run_cli("classroom", "store", "--json", env={"PLAYGROUND_REDIS_URL": "localhost:6379"})
    assert r.returncode == 2 and "形式が正しくありません" in r.stderr
    from tests.classroom.conftest import free_port

    dead = f"redis://:s3cret@127.0.0.1:{free_port()}/0"
    r = run_cli("classroom", "store", "--json", env={"PLAYGROUND_REDIS_URL": dead})
    assert r.returncode == 2 and "接続できません" in r.stderr and "s3cret" not in r.stderr + r.stdout


def test_redact_hides_the_password():
    from core.classstore import redact

    assert redact("redis://:pw@h:6379/0") == "redis://***@h:6379/0"
    assert redact("redis://h:6379/0") == "redis://h:6379/0"
