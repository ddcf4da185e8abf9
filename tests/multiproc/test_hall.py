"""Issue 25: a lecture hall on real processes — two `streamlit run` workers, one Redis and HAProxy
(stkit/server.py's Hall: what `python -m core serve --workers 2` runs, from deploy/haproxy.cfg,
the template compose.yaml's proxy mounts). Browsers are spoken over Streamlit's WebSocket
(stkit/client.py) with the proxy's sticky cookie, as a browser sends it; which worker served a
client is the proxy's X-Playground-Worker header.

The tests of one module share one hall and run in file order: the class is started once
(``klass``), followed, asked a quick check, survives a Redis restart, then worker 2 is killed.
Every wait is on state (a poll tick's content, the proxy's answer), bounded by a timeout."""
from __future__ import annotations

import json
import os
import pathlib
import re
import shutil
import time
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from core.i18n import t

ROOT = pathlib.Path(__file__).resolve().parents[2]
WAIT_S = 60  # any one state a test waits for (a follow, a rejoin) arrives well within this

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (shutil.which("redis-server") or os.path.exists("/usr/bin/redis-server"))
                       or not os.path.exists("/usr/sbin/haproxy"),
                       reason="needs Debian's redis-server and haproxy (apt-get install redis-server haproxy)"),
]


@pytest.fixture(scope="module")
def hall(tmp_path_factory):
    from stkit.server import Hall

    h = Hall(workers=2, log_dir=tmp_path_factory.mktemp("hall"), extra_env={"PLAYGROUND_CLASS_TIMEOUT": "120"})
    yield h
    h.stop()


def pinned_cookie(hall, worker: str) -> str:
    """The sticky cookie of ``worker``, as a browser gets it: new browsers (no cookie) are spread
    round-robin, so load the page until that worker answers."""
    for _ in range(20):
        name, cookie = hall.proxy.worker_of()
        if name == worker and cookie:
            return cookie
    raise AssertionError(f"the proxy never sent a browser to {worker}")


def browser(hall, worker: str, page: str = "", query: dict | None = None):
    from stkit.client import Session

    s = Session(hall.url, page, query, timeout=WAIT_S, cookie=pinned_cookie(hall, worker))
    run = s.open()
    assert s.served_by == worker, (s.served_by, worker)
    assert exceptions(run) == [], exceptions(run)
    return s, run


def exceptions(run) -> list[str]:
    """What would be a traceback in the browser (exception elements, a compile error)."""
    return [p for p in run.problems() if not p.startswith("error alert")]


def texts(run) -> str:
    """Everything a run wrote as text (markdown, alerts, captions, chart specs)."""
    out = []
    for e in run.elements:
        kind = e.WhichOneof("type")
        if kind == "markdown":
            out.append(e.markdown.body)
        elif kind == "alert":
            out.append(e.alert.body)
        elif kind == "plotly_chart":
            out.append(e.plotly_chart.spec)
    return "\n".join(out)


# --- the proxy --------------------------------------------------------------------------------

def test_new_browsers_spread_and_the_cookie_pins_each_to_its_worker(hall):
    from stkit.client import Session

    first = [hall.proxy.worker_of() for _ in range(4)]
    assert {name for name, _ in first} == {"w1", "w2"}, first  # new browsers: both workers
    assert all(cookie and cookie.startswith("playground_affinity=") for _, cookie in first)
    for worker in ("w1", "w2"):
        cookie = pinned_cookie(hall, worker)
        assert {hall.proxy.worker_of(cookie)[0] for _ in range(6)} == {worker}
        # the WebSocket (a browser's session) goes where its page load went, through the proxy
        s = Session(hall.url, "word2vec", {"tab": t("w2v.tab.neighbors")}, timeout=WAIT_S, cookie=cookie)
        try:
            run = s.open()
            assert s.served_by == worker and run.problems() == [] and run.count("plotly_chart")
        finally:
            s.close()


def test_the_proxy_config_comes_from_the_compose_template(hall):
    """What the proxy runs is deploy/haproxy.cfg with only the server list swapped."""
    template = (ROOT / "deploy" / "haproxy.cfg").read_text()
    running = hall.proxy.config.read_text()
    keep = [ln for ln in template.splitlines() if not ln.strip().startswith("#")
            and ("cookie" in ln or "httpchk" in ln or "timeout tunnel" in ln or "redispatch" in ln)]
    assert len(keep) >= 5, keep
    assert keep and all(ln in running for ln in keep)
    directives = [ln.split()[0] for ln in running.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    assert "server-template" not in directives and "resolvers" not in directives
    assert [ln.split()[1] for ln in running.splitlines() if ln.strip().startswith("server ")] == ["w1", "w2"]


def test_bench_load_runs_through_the_proxy_on_both_workers(hall):
    """`python -m core bench load --url <proxy>`: students spread over both workers, all ok."""
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "core", "bench", "load", "--users", "4", "--duration", "6", "--think", "0.5,1",
         "--what", "neighbors,attention", "--url", hall.url, "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["workers"] == ["w1", "w2"] and out["url"] == hall.url
    assert out["interactions"] >= 4 and out["ok"] == out["interactions"], out["errors"]
    assert out["peak_rss_mb"] > 0 and len(out["load_average"]) == 3


# --- a class across the two workers ----------------------------------------------------------

class Class:
    """An instructor pinned to w1 and two students pinned to w2, ticking their polls as the
    browser's st.fragment(run_every=…) does and going where a follow script sends them."""

    def __init__(self, hall):
        from bench.classroom import fragment_with

        self.hall = hall
        self.teacher, _ = browser(hall, "w1", "word2vec", {"tab": t("w2v.tab.neighbors")})
        self.teacher.press(t("cls.share.open"))
        self.teacher.rerun()
        self.teacher.press(t("cls.start"))
        run = self.teacher.rerun()
        self.code = re.search(r"`([A-Z]{4})`", texts(run)).group(1)
        self.teacher.press(t("cls.share.close"))
        self.teacher.rerun()
        self.teacher_poll = fragment_with(self.teacher, self.code)
        self.students = [browser(hall, "w2", "", {"class": self.code})[0] for _ in range(2)]
        self.nonces: dict[int, str] = {}
        self.last: dict[int, object] = {}

    def student_poll(self, s) -> str:
        from bench.classroom import fragment_with

        return fragment_with(s, self.code) or ""

    def tick(self) -> list:
        """One poll tick of the instructor and of every student; a student that is sent
        somewhere goes there (history.pushState + popstate = Session.navigate)."""
        from bench.classroom import follow_script

        self.teacher_run = self.teacher.rerun(self.teacher_poll, auto=True)
        runs = []
        for i, s in enumerate(self.students):
            poll = self.student_poll(s)
            run = s.rerun(poll, auto=bool(poll))
            script = follow_script(run)
            if script and script[1] != self.nonces.get(i):
                self.nonces[i] = script[1]
                target = urlsplit(script[0])
                run = s.navigate(target.path.strip("/"), target.query)
            self.last[i] = run
            runs.append(run)
        return runs

    def wait(self, done, what: str) -> None:
        deadline = time.monotonic() + WAIT_S
        while True:
            runs = self.tick()
            for run in [self.teacher_run, *runs]:
                assert exceptions(run) == [], exceptions(run)
            if done(runs):
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}: {[texts(r)[:300] for r in runs]}")
            time.sleep(0.3)

    def at(self, page: str, **params) -> bool:
        """Every student's session is on ``page`` with ``params`` in its URL."""
        for s in self.students:
            q = parse_qs(s.query_string)
            if s.page != page or any(q.get(k) != [v] for k, v in params.items()):
                return False
        return True


@pytest.fixture(scope="module")
def klass(hall):
    c = Class(hall)
    yield c
    for s in [c.teacher, *c.students]:
        s.close()


def test_students_on_worker_2_follow_the_instructor_on_worker_1(klass):
    assert klass.teacher.served_by == "w1" and {s.served_by for s in klass.students} == {"w2"}
    # the class code started on w1 is found on w2: the students follow to the neighbours tab
    klass.wait(lambda runs: klass.at("word2vec"), "the students to open the instructor's page")
    # an input: the word (the frontend writes a bound widget's new value to the URL, as here)
    klass.teacher.type_text(t("w2v.nb.word"), "東京")
    klass.teacher.query_string = urlencode({"tab": t("w2v.tab.neighbors"), "w2v_word": "東京"})
    klass.teacher.rerun()
    klass.wait(lambda runs: klass.at("word2vec", w2v_word="東京")
               and all(r.count("plotly_chart") for r in klass.last.values()), "the word 東京")
    # a tab
    klass.teacher.open_tab(t("w2v.tab.analogy"))
    klass.teacher.query_string = urlencode({"tab": t("w2v.tab.analogy"), "w2v_word": "東京"})
    klass.teacher.rerun()
    klass.wait(lambda runs: klass.at("word2vec", tab=t("w2v.tab.analogy")), "the analogy tab")
    # a page
    klass.teacher.navigate("attention", "")
    klass.teacher.rerun()
    klass.wait(lambda runs: klass.at("attention"), "the attention page")


def test_a_quick_check_asked_on_worker_1_is_answered_on_worker_2_and_counted_there(klass):
    klass.teacher.expand("確認クイズ", prefix=True)  # the quick checks are built once opened
    klass.teacher.rerun()
    klass.teacher.press(t("qc.ask"))  # the page's first question
    klass.teacher.rerun()
    send = t("qc.send")
    klass.wait(lambda runs: all(_has_button(s, send) for s in klass.students),
               "the question on the students' phones")
    for s in klass.students:
        # a choice question (a radio) or a number question (a text field), as the page asked it
        node = next(n for n in s.tree.values() if n.WhichOneof("type") in ("radio", "text_input")
                    and "qc_class_" in getattr(n, n.WhichOneof("type")).id)
        field = getattr(node, node.WhichOneof("type"))
        if node.WhichOneof("type") == "radio":
            s.choose(field.label, field.options[0], key=field.id.rsplit("-", 1)[1])
        else:
            s.type_text(field.label, "8", key=field.id.rsplit("-", 1)[1])
        button = next(n for n in s.tree.values() if n.WhichOneof("type") == "button" and "qc_send_" in n.button.id)
        s.press(send, key=button.button.id.rsplit("-", 1)[1])
        run = s.rerun()
        assert exceptions(run) == [], exceptions(run)
    # the instructor's live distribution counts both answers (sent on the other worker)
    klass.wait(lambda runs: t("qc.results", n=2) in _chart_titles(klass.teacher_run), "2 answers on the projector")


def _has_button(s, label: str) -> bool:
    return any(n.WhichOneof("type") == "button" and n.button.label == label for n in s.tree.values())


def _chart_titles(run) -> str:
    return " ".join(json.dumps(json.loads(e.plotly_chart.spec).get("layout", {}).get("title", ""), ensure_ascii=False)
                    for e in run.elements if e.WhichOneof("type") == "plotly_chart")


def test_redis_restarted_mid_class_says_so_and_the_class_goes_on(klass, hall):
    hall.redis.stop()
    # during the outage: a clear message, no traceback, on both workers
    klass.wait(lambda runs: all("Redis" in texts(r) for r in runs) and "Redis" in texts(klass.teacher_run),
               "the message that the class store is unreachable")
    hall.redis.start()  # its data came back from the append-only file
    klass.wait(lambda runs: all(klass.code in texts(r) and "Redis" not in texts(r) for r in runs),
               "the students back in the same class")
    klass.teacher.navigate("word2vec", "")
    klass.teacher.rerun()
    klass.wait(lambda runs: klass.at("word2vec"), "a follow after the restart")


# --- a worker dies -----------------------------------------------------------------------------

def test_a_killed_worker_leaves_the_pool_and_its_browsers_are_repinned(hall):
    from stkit.client import ProtocolError, Session

    lone, _ = browser(hall, "w2", "word2vec", {"tab": t("w2v.tab.neighbors")})
    w2 = hall.server("w2")
    w2.proc.kill()
    w2.proc.wait(10)
    with pytest.raises((ProtocolError, OSError)):
        lone.rerun()
    # the frontend reconnects to the same address with the same cookie: the proxy re-pins it
    again = Session(hall.url, lone.page, {"tab": t("w2v.tab.neighbors")}, timeout=WAIT_S, cookie=lone.cookie)
    run = again.open()
    assert again.served_by == "w1" and run.problems() == [] and run.count("plotly_chart")
    again.close()
    # the health check takes it out: new browsers all go to worker 1
    deadline = time.monotonic() + WAIT_S
    while {hall.proxy.worker_of()[0] for _ in range(4)} != {"w1"}:
        assert time.monotonic() < deadline, "worker 2 never left the pool"
        time.sleep(0.5)


def test_students_of_the_killed_worker_rejoin_the_same_class(klass, hall):
    """After the test above: the class's students were on worker 2. Their browsers reconnect the
    same way, on the URL they were following (?class=CODE), and land in the same class on w1."""
    from stkit.client import Session

    assert hall.server("w2").proc.poll() is not None
    rejoined = []
    for s in klass.students:
        s.close()
        back = Session(hall.url, s.page, None, timeout=WAIT_S, cookie=s.cookie)
        back.query_string = s.query_string
        run = back.open()
        assert back.served_by == "w1" and exceptions(run) == [], exceptions(run)
        assert f"class={klass.code}" in back.query_string
        assert klass.code in texts(run)  # "following class CODE": the same class, said on screen
        rejoined.append(back)
    klass.students = rejoined
    klass.nonces.clear()
    klass.teacher.navigate("attention", "")
    klass.teacher.rerun()
    klass.wait(lambda runs: klass.at("attention"), "a follow after the re-pin")
