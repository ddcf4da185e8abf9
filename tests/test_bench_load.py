"""`python -m core bench load`: Locust students over Streamlit's WebSocket against a real server.

No timing assertions (speed goes in the README from bench runs): the JSON's shape, that every
interaction arrived with its expected element, and the client's protocol handling.
"""
from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
WHAT = ["neighbors", "attention", "fill-mask", "translate"]


@pytest.fixture(scope="module")
def tiny_mlm(tmp_path_factory) -> pathlib.Path:
    from core.bert import tiny

    return tiny.build(tmp_path_factory.mktemp("mlm") / "mlm", "masked_lm")


@pytest.mark.slow  # a real server (load / concurrency)
def test_three_students_over_the_websocket(tiny_mlm):
    """3 users for a few seconds on a server the command starts: JSON per the contract, all ok."""
    proc = subprocess.run(
        [sys.executable, "-m", "core", "bench", "load", "--users", "3", "--duration", "6", "--think", "0.5,1",
         "--what", ",".join(WHAT), "--model", str(tiny_mlm), "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=400)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    for key in ("users", "interactions", "ok", "p50_s", "p95_s", "by_scenario", "peak_rss_mb", "errors"):
        assert key in out, key
    assert out["users"] == 3
    assert out["interactions"] >= 3  # every student at least opened its page
    assert out["ok"] == out["interactions"], out["errors"]
    assert out["errors"] == []
    assert out["peak_rss_mb"] > 0
    scenarios = out["by_scenario"]
    assert set(scenarios) <= set(WHAT) and len(scenarios) == 3  # Locust spreads 3 users over 3 classes
    for s in scenarios.values():
        assert set(s) == {"interactions", "ok", "p50_s", "p95_s"}
        assert s["ok"] == s["interactions"] >= 1
    assert sum(s["interactions"] for s in scenarios.values()) == out["interactions"]
    assert all(w["problems"] == [] for w in out["warmup"].values())


@pytest.mark.parametrize("args", [["--users", "0"], ["--duration", "9999"], ["--think", "5"],
                                  ["--what", "lstm-secret"], ["--url", "http://example.com:80"]])
def test_bad_arguments_exit_2_in_japanese(args):
    proc = subprocess.run([sys.executable, "-m", "core", "bench", "load", *args, "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "エラー" in proc.stderr and "指定" in proc.stderr


def test_client_refuses_other_hosts():
    from stkit.client import Session

    with pytest.raises(ValueError):
        Session("http://example.com:8501", "word2vec")


@pytest.mark.slow  # a real server (load / concurrency)
def test_client_sees_widgets_tabs_and_reruns(app_server):
    """The protocol client itself: open a page, change a widget and a tab, read the new run."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    from stkit.client import Session
    from core.i18n import t

    s = Session(app_server.url, "attention", {"tab": t("att.tab.sdpa")})
    first = s.open()
    assert first.problems() == [] and first.count("plotly_chart") >= 1
    s.type_text(t("att.sentence"), "猫が魚を食べた")
    run = s.rerun()
    assert run.problems() == [] and run.count("plotly_chart") >= 1
    # a whole-page run (the demo tabs are not fragments: classroom mode publishes the
    # instructor's demo state on page runs), sidebar included
    assert run.status == ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY")
    assert run.count("radio") >= first.count("radio") > 0
    s.open_tab(t("att.tab.posenc"))
    run = s.rerun()
    assert run.problems() == [] and run.count("plotly_chart") >= 1
    with pytest.raises(Exception, match="no text_input"):
        s.type_text("存在しないラベル", "x")
    s.close()


@pytest.mark.slow  # a real server (load / concurrency)
def test_concurrent_language_switches_stay_per_session(app_server):
    """Issue 15 item 5: the `KeyError: '$$ID-…-lang'` of the old AppTest harness. Real sessions
    on one server switch the URL-bound language radio at the same time: no exception, and each
    session keeps its own language (its labels follow its own choice, not its neighbour's)."""
    import threading

    from stkit.client import Session
    from core.i18n import LANG_LABELS, t

    log = pathlib.Path(app_server.log.name)
    log_before = log.stat().st_size  # the shared server's log: this test reads its own part
    failures: list[str] = []

    def student(i: int) -> None:
        lang = "en" if i % 2 else "ja"
        query = {"tab": t("w2v.tab.neighbors", lang), **({"lang": "English"} if lang == "en" else {})}
        s = Session(app_server.url, "word2vec", query, timeout=300)
        try:
            runs = [s.open()]
            for _ in range(2):
                new = "ja" if lang == "en" else "en"
                s.choose(t("sidebar.language", lang), LANG_LABELS[new])
                runs.append(s.rerun())
                lang = new
                s.type_text(t("w2v.nb.word", lang), "犬")  # raises if the labels are not in `lang`
                runs.append(s.rerun())
            failures.extend(p for r in runs for p in r.problems())
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            failures.append(f"session {i}: {type(exc).__name__}: {exc}")
        finally:
            s.close()

    warm = Session(app_server.url, "word2vec", {"tab": t("w2v.tab.neighbors")}, timeout=300)
    warm.open()
    warm.close()
    threads = [threading.Thread(target=student, args=(i,)) for i in range(6)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert failures == []
    with log.open("rb") as f:
        f.seek(log_before)
        assert b"KeyError" not in f.read()
