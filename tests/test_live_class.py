"""Issue #8: a class at once. Two sessions training at the same time never see each other's
models or progress; shared models are one object for everyone; per-session models go away
with the session."""
import threading

from tests.conftest import app_test, assert_no_exception
from core.i18n import t


def _forecast_session(hidden: int, epochs: int, out: dict, name: str, start: threading.Barrier) -> None:
    at = app_test("lstm", query={"tab": t("lstm.tab.forecast", "ja")}, timeout=300)
    at.number_input(key="lstm_fc_hidden").set_value(hidden)
    at.number_input(key="lstm_fc_epochs").set_value(epochs)
    start.wait(timeout=300)
    at.button(key="lstm_fc__start").click().run()
    out[name] = at


def test_two_sessions_training_at_once_stay_apart():
    from core import device
    from tests.conftest import wait_until

    # nothing else may hold the server-wide heavy-work lock (a leaked lock would hang a class)
    wait_until(lambda: not device.lock_busy(), timeout=120, what="the heavy-work lock to be free")
    out: dict = {}
    start = threading.Barrier(2)
    threads = [threading.Thread(target=_forecast_session, args=(8, 2, out, "a", start)),
               threading.Thread(target=_forecast_session, args=(12, 3, out, "b", start))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    a, b = out["a"], out["b"]
    assert_no_exception(a)
    assert_no_exception(b)
    run_a, run_b = a.session_state["lstm_fc_run"], b.session_state["lstm_fc_run"]
    assert run_a is not run_b and run_a.model is not run_b.model
    assert (run_a.cfg.hidden, run_b.cfg.hidden) == (8, 12)
    assert (run_a.epochs_done, run_b.epochs_done) == (2, 3)  # each its own progress
    assert len([r for r in run_a.history if not r.get("partial")]) == 2
    assert len([r for r in run_b.history if not r.get("partial")]) == 3


def test_shared_vectors_are_one_object_for_every_session():
    from core import resources

    assert resources.word_vectors() is resources.word_vectors()


def test_warmup_cli_reports_prepared_and_skipped_offline(tmp_path):
    from tests.test_cli import last_json, run_cli

    # an empty Hugging Face cache and no hub: every hub model must be reported as skipped
    r = run_cli("models", "warmup", "--json", timeout=600, env={"HF_HOME": str(tmp_path / "hf")})
    assert r.returncode == 0, r.stderr
    data = last_json(r.stdout)
    assert set(data) == {"prepared", "skipped", "seconds"}
    joined = " ".join(data["prepared"])
    assert "chiVe" in joined and "seq2seq" in joined and "BERT" in joined
    skipped = {s["name"].split(":")[0]: s["why"] for s in data["skipped"]}
    # the hub is unreachable here: each hub model is skipped with the command that fetches it
    for task in ("fill-mask", "sentiment", "translation"):
        assert task in skipped, (task, skipped)
        assert "python -m core models download" in skipped[task]


def test_shared_bert_tokenizer_is_safe_from_many_threads(tmp_path):
    """40 students share one BertJapaneseTokenizer: its MeCab tagger is serialised."""
    import concurrent.futures as cf

    from core.bert import models, tiny

    loaded = models.load_masked_lm(str(tiny.build(tmp_path / "m", "masked_lm")))
    tok = loaded.tokenizer
    assert type(tok.word_tokenizer.mecab).__name__ == "_SerializedTagger"
    texts = [f"東北大学で自然言語処理を研究しています。{i}回目の講義です。" for i in range(200)]
    expected = [tok.tokenize(x) for x in texts]
    with cf.ThreadPoolExecutor(8) as pool:
        got = list(pool.map(tok.tokenize, texts))
    assert got == expected
