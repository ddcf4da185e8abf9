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
import random
import time

from locust import User, between, events, task

from core.i18n import t  # labels as the Japanese UI shows them
from stkit.client import ProtocolError, Session

THINK = tuple(float(x) for x in os.environ.get("PLAYGROUND_LOAD_THINK", "5,15").split(","))
TIMEOUT = float(os.environ.get("PLAYGROUND_LOAD_TIMEOUT", "120"))
OUTCOMES: list[dict] = []

WORDS = ["猫", "犬", "東京", "コンピュータ", "先生", "りんご", "電車", "音楽", "海", "学校"]
SENTENCES = ["バナナが好き", "猫が魚を食べた", "私は毎朝コーヒーを飲む", "東京は日本の首都です", "彼は本を読んだ"]
MASK_TEXTS = ["今日は[MASK]が降っている。", "東北大学で[MASK]を研究しています。", "この映画は本当に[MASK]かった。",
              "私は毎朝[MASK]を飲みます。"]
DATES = ["1994年9月27日", "September 27, 1994", "平成6年9月27日", "27 Sep 1994", "令和元年五月一日"]


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


class Word2vecStudent(Student):
    """Types a word, changes top-N, opens the projection tab, comes back."""

    scenario, page, tab = "neighbors", "word2vec", "w2v.tab.neighbors"

    def steps(self):
        return [
            ("word", lambda s: s.type_text(t("w2v.nb.word"), random.choice(WORDS)), "plotly_chart"),
            ("top-n", lambda s: s.set_number(t("w2v.nb.topn"), random.choice([5, 10, 15, 20])), "plotly_chart"),
            ("projection-tab", lambda s: s.open_tab(t("w2v.tab.projection")), "plotly_chart"),
            ("neighbors-tab", lambda s: s.open_tab(t("w2v.tab.neighbors")), "plotly_chart"),
        ]


class AttentionStudent(Student):
    """Changes the sentence, toggles the √d_k scaling (scaled dot-product tab)."""

    scenario, page, tab = "attention", "attention", "att.tab.sdpa"

    def steps(self):
        return [
            ("sentence", lambda s: s.type_text(t("att.sentence"), random.choice(SENTENCES)), "plotly_chart"),
            ("sqrt-dk", lambda s: s.toggle(t("att.noscale")), "plotly_chart"),
        ]


class FillMaskStudent(Student):
    """Writes a sentence with [MASK] (bert-base-sized weights) and changes top-k."""

    scenario, page, tab = "fill-mask", "bert", "bert.tab.fillmask"

    def steps(self):
        return [
            ("text", lambda s: s.type_text(t("bert.fm.text"), random.choice(MASK_TEXTS), kind="text_area"),
             "plotly_chart"),
            ("top-k", lambda s: s.set_slider(t("bert.fm.topk"), random.choice([3, 5, 10])), "plotly_chart"),
        ]


class TranslateStudent(Student):
    """Types a date in another format; the seq2seq model translates it (beam search)."""

    scenario, page, tab = "translate", "seq2seq", "s2s.tab.translate"

    def steps(self):
        return [("date", lambda s: s.type_text(t("s2s.tr.input"), random.choice(DATES)), "plotly_chart")]


class LstmTrainStudent(Student):
    """Presses 「学習」 on the forecasting tab: a training run within the per-session caps, behind
    the heavy-work lock (「順番待ち」 while another run holds it), live chart, then the forecast."""

    scenario, page, tab = "lstm-train", "lstm", "lstm.tab.forecast"
    open_expect = "alert"  # 「まだ学習していません」 before the first run

    def steps(self):
        return [("train", lambda s: s.press(t("lstm.train")), "plotly_chart")]


USERS = {c.scenario: c for c in (Word2vecStudent, AttentionStudent, FillMaskStudent, TranslateStudent,
                                 LstmTrainStudent)}


@events.quitting.add_listener
def _write_outcomes(environment, **_kw) -> None:
    out = os.environ.get("PLAYGROUND_LOAD_OUT")
    if out:
        pathlib.Path(out).write_text(json.dumps(OUTCOMES, ensure_ascii=False))
