"""LiveRun turns a same-page rerun request during training into a clean stop."""
import pytest
from streamlit.runtime.scriptrunner_utils.exceptions import RerunException
from streamlit.runtime.scriptrunner_utils.script_requests import RerunData

from pages.common.longrun import LiveRun


class _Bar:
    def __init__(self, exc=None):
        self.exc = exc
        self.calls = 0

    def progress(self, *a, **k):
        self.calls += 1
        if self.exc is not None:
            raise self.exc


def _run_with(bar) -> LiveRun:
    run = LiveRun("t", total=10, min_interval_s=0)
    run._bar = bar
    return run


def test_rerun_request_for_same_page_becomes_stop():
    run = _run_with(_Bar(RerunException(RerunData(page_script_hash=""))))
    assert not run.should_stop()
    run.on_progress(1, 10, {"loss": 1.0})  # must not raise
    assert run.stopped_by_user and run.should_stop()


class _Ctx:
    page_script_hash = "this-page"


def test_rerun_request_for_another_page_propagates(monkeypatch):
    """A click on another page's link while training runs: the rerun goes through (navigation)."""
    import streamlit.runtime.scriptrunner as scriptrunner

    monkeypatch.setattr(scriptrunner, "get_script_run_ctx", lambda *a, **k: _Ctx())
    run = _run_with(_Bar(RerunException(RerunData(page_script_hash="another-page"))))
    with pytest.raises(RerunException):
        run.on_progress(1, 10, {"loss": 1.0})
    assert not run.stopped_by_user


def test_rerun_request_for_this_page_becomes_stop(monkeypatch):
    import streamlit.runtime.scriptrunner as scriptrunner

    monkeypatch.setattr(scriptrunner, "get_script_run_ctx", lambda *a, **k: _Ctx())
    run = _run_with(_Bar(RerunException(RerunData(page_script_hash="this-page"))))
    run.on_progress(1, 10, {"loss": 1.0})  # must not raise
    assert run.stopped_by_user and run.should_stop()


def test_progress_without_interruption_keeps_history():
    bar = _Bar()
    run = _run_with(bar)
    for step in range(1, 4):
        run.on_progress(step, 3, {"loss": 1.0 / step})
    assert bar.calls == 3 and [h["step"] for h in run.history] == [1, 2, 3]
    assert not run.should_stop()


def test_time_budget_stops_like_stop(monkeypatch):
    """Reaching the job's budget makes should_stop() true (the loop ends, the partial model is
    kept) and says why."""
    import time

    monkeypatch.setenv("PLAYGROUND_JOB_SECONDS_T", "5")
    run = LiveRun("t", total=10, min_interval_s=0)
    assert run.budget_s == 5
    run._started = time.monotonic()
    assert not run.should_stop()
    run._started = time.monotonic() - 6
    assert run.should_stop() and run.budget_reached and not run.stopped_by_user
    assert "5" in run.budget_message()


def test_queued_run_shows_its_place_and_longest_wait():
    class _Status:
        text = ""

        def info(self, body, **kw):
            self.text = body

    run = LiveRun("t", total=10)
    run._status = _Status()
    run._show_position(2, 9 * 60)
    assert "2 件" in run._status.text and "9 分" in run._status.text
