"""Locust users that are students of the lecture, speaking Streamlit's WebSocket protocol.

Run by ``python -m core bench load`` (bench/loadtest.py) as
``python -m locust -f bench/locustfile.py --headless --host http://127.0.0.1:PORT Word2vecStudent ...``
from the repository root (``python -m`` puts the root on the import path); it can also be run by
hand that way (web UI, CSV stats, several worker machines: Locust's own flags).

Each user opens its page (one WebSocket session = one browser tab), then repeats its lecture
steps with a think time between them (``PLAYGROUND_LOAD_THINK="5,15"`` seconds). Every step is
timed from send to ``script_finished`` and checked: the expected element arrived in that run,
no exception element, no error alert. Outcomes go to Locust's stats (request type ``WS``, name
``scenario:step``) and, raw, to the JSON file named by ``PLAYGROUND_LOAD_OUT`` at the end.
"""
from __future__ import annotations

import json
import os
import pathlib
import time

from locust import User, between, events, task

from bench.lecture import SCENARIOS
from core.i18n import t  # labels as the Japanese UI shows them
from stkit.client import ProtocolError, Session

THINK = tuple(float(x) for x in os.environ.get("PLAYGROUND_LOAD_THINK", "5,15").split(","))
TIMEOUT = float(os.environ.get("PLAYGROUND_LOAD_TIMEOUT", "120"))
OUTCOMES: list[dict] = []


def sticky_cookie(host: str, page: str) -> str | None:
    """What a browser does before its WebSocket: load the page. Behind `core serve`'s HAProxy the
    answer carries the sticky cookie (``playground_affinity``) that pins the tab to one worker;
    a plain server sets none. Not timed (the interaction is)."""
    import urllib.request

    try:
        with urllib.request.urlopen(f"{host.rstrip('/')}/{page}", timeout=TIMEOUT) as r:
            cookies = [c.split(";", 1)[0] for c in r.headers.get_all("Set-Cookie") or []]
    except OSError:
        return None
    sticky = [c for c in cookies if c.startswith("playground_affinity=")]
    return sticky[0] if sticky else None


class Student(User):
    """One student = one browser tab on ``page``; ``steps`` are (name, action, expected element)."""

    abstract = True
    wait_time = between(*THINK)
    scenario = ""
    page = ""
    tab = ""
    expect = "plotly_chart"
    open_expect = "plotly_chart"

    def on_start(self) -> None:
        self.session = None
        self.step = 0
        self._open()

    def on_stop(self) -> None:
        if self.session is not None:
            self.session.close()

    def steps(self) -> list:
        raise NotImplementedError

    def _open(self) -> None:
        self.session = Session(self.host, self.page, {"tab": t(self.tab)}, timeout=TIMEOUT,
                               cookie=sticky_cookie(self.host, self.page))
        ok = self._timed("open", self.session.open, self.open_expect)
        if not ok:
            self.session.close()
            self.session = None

    @task
    def next_step(self) -> None:
        if self.session is None:  # the last open failed: a student reloads the page
            self._open()
            return
        name, action, expect = self.steps()[self.step % len(self.steps())]
        self.step += 1

        def run():
            action(self.session)
            return self.session.rerun()

        if not self._timed(name, run, expect):
            self.session.close()
            self.session = None

    def _timed(self, name: str, fn, expect: str) -> bool:
        t0 = time.perf_counter()
        error = ""
        try:
            result = fn()
            problems = result.problems()
            if problems:
                error = problems[0]
            elif result.count(expect) == 0:
                error = f"no {expect} in the run"
        except (ProtocolError, OSError) as exc:
            error = f"{type(exc).__name__}: {exc}"[:300]
        seconds = time.perf_counter() - t0
        OUTCOMES.append({"scenario": self.scenario, "step": name, "seconds": seconds, "ok": not error,
                         "error": error, "at": time.time()})
        self.environment.events.request.fire(
            request_type="WS", name=f"{self.scenario}:{name}", response_time=seconds * 1000,
            response_length=0, exception=ProtocolError(error) if error else None, context={})
        return not error


def _student(name: str, scenario: str, doc: str) -> type:
    sc = SCENARIOS[scenario]
    return type(name, (Student,), {"__doc__": doc, "scenario": scenario, "page": sc.page, "tab": sc.tab,
                                   "open_expect": sc.open_expect, "steps": lambda self: sc.steps()})


# the steps of each scenario: bench/lecture.py (shared with the soak)
Word2vecStudent = _student("Word2vecStudent", "neighbors", "Types a word, changes top-N, opens the projection tab.")
AttentionStudent = _student("AttentionStudent", "attention", "Changes the sentence, toggles the √d_k scaling.")
FillMaskStudent = _student("FillMaskStudent", "fill-mask", "Writes a sentence with [MASK] and changes top-k.")
TranslateStudent = _student("TranslateStudent", "translate", "Types a date in another format (seq2seq).")
LstmTrainStudent = _student("LstmTrainStudent", "lstm-train", "Presses 「学習」 on the forecasting tab.")


USERS = {c.scenario: c for c in (Word2vecStudent, AttentionStudent, FillMaskStudent, TranslateStudent,
                                 LstmTrainStudent)}


@events.quitting.add_listener
def _write_outcomes(environment, **_kw) -> None:
    out = os.environ.get("PLAYGROUND_LOAD_OUT")
    if out:
        pathlib.Path(out).write_text(json.dumps(OUTCOMES, ensure_ascii=False))
