"""Soak: a compressed day of teaching against a real `streamlit run`, measured.

    .venv/bin/python bench/soak.py --minutes 20 --json      # the acceptance run (issue 24)
    .venv/bin/python bench/soak.py --quick --json           # 30 s, 3 followers, 3 students (the suite)

Everybody is a browser tab spoken over Streamlit's WebSocket (stkit/client.py), as in the load
test, all in this process (threads), against one server this script starts (stkit/server.py):

- one instructor starts a class with the operator's PIN on /word2vec, then cycles: changes the
  word (the followers follow; latency measured as in bench/classroom.py), runs a long demo (the
  mini-BERT pre-training for ``--demo-s`` seconds, longer than ``PLAYGROUND_CLASS_TIMEOUT``), and
  opens a quick-check question;
- ``--followers`` students follow the class (bench/classroom.Follower); each follower's arrival
  at each new word is an interaction (not there within the wait: an error saying what the tab shows);
- ``--students`` students do the load test's interactions (bench/lecture.py) with think times;
- one hostile student cycles through attacks, each counted as tried / refused:
  ``gzip_bomb`` (a .bin.gz whose header asks for 20,000 × 10,000 floats; refused = a message,
  nothing loaded), ``save_spam`` (fine-tunes once, then saves under new names; refused = the
  per-session limit or the quota says no), ``pin_guess`` (starts a class with a wrong PIN;
  refused = not made instructor), ``answer_flood`` (a fresh tab joins and answers the open
  question, again and again; refused = the answer is not taken), ``class_link_on_instructor``
  (another instructor's own tab opens ``?class=CODE``; refused = it is still teaching its class).

The server gets a cache folder of its own (the real cache's models linked in, ``trained/``
empty), so ``saved_mb_end`` is what this run saved. The last stdout line (``--json``) is
{"minutes", "class_alive", "follow_p95_s", "interactions", "ok", "errors", "rss_mb_start",
"rss_mb_end", "rss_growth_pct", "saved_mb_end", "attacks": {name: {"tried", "refused"}}} plus
a few details. The class runs ``--warmup-minutes`` (5; 0 with --quick) before the measured
``--minutes``: RSS start = after the warm-up (every page opened once, then the whole class for
the warm-up's minutes, ending with the instructor's cycle: a word, a demo), end = after the run.
The dictionaries' and libtorch's pages that a class touches come in over its first minutes
(clean file pages, bounded by the files' sizes): a leak is growth after that. For comparison
``rss_mb_first_cycle`` / ``rss_growth_from_first_cycle_pct`` start after the first cycle;
``rss_mb_series``: [minute, MB, RssFile MB, RssAnon MB] after each of the instructor's cycles
(a plateau or a slope; file = mapped dictionaries and models, anon = the heap).
"""
from __future__ import annotations

if __name__ == "__main__" and not __package__:  # `python bench/NAME.py` runs as `python -m bench.NAME`
    import os
    import sys
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    os.execve(sys.executable, [sys.executable, "-m", "bench." + os.path.basename(__file__)[:-3], *sys.argv[1:]],
              {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))})

import argparse
import gzip
import json
import os
import pathlib
import random
import re
import secrets
import shutil
import sys
import tempfile
import threading
import time
from urllib.parse import urlencode

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.classroom import Follower, fragment_with, markdown_text  # noqa: E402
from bench.lecture import SCENARIOS  # noqa: E402
from bench.loadtest import percentile  # noqa: E402
from stkit.server import Server  # noqa: E402
from stkit.client import ProtocolError, Session  # noqa: E402
from core import registry  # noqa: E402
from core.i18n import t  # noqa: E402
from pages.common.classroom import POLL_S  # noqa: E402
from pages.common.quickcheck import open_key  # noqa: E402

WORDS = ["東京", "犬", "りんご", "大学", "電車", "音楽"]
ATTACKS = ("gzip_bomb", "answer_flood", "pin_guess", "save_spam", "class_link_on_instructor")
TEACHING = re.compile(r"授業 \*\*([A-Z0-9]+)\*\*")
BOMB = gzip.compress(b"20000 10000\n" + b"\0" * 65536)  # ~ the 860 KB file's header, kept small


class Tally:
    """Interactions, errors and attack counts from every thread."""

    def __init__(self):
        self.lock = threading.Lock()
        self.interactions = 0
        self.ok = 0
        self.errors: dict[str, int] = {}
        self.attacks = {name: {"tried": 0, "refused": 0} for name in ATTACKS}
        self.follow: list[float] = []

    def interaction(self, who: str, error: str = "") -> None:
        with self.lock:
            self.interactions += 1
            if error:
                key = f"{who}: {error}"[:240]
                self.errors[key] = self.errors.get(key, 0) + 1
            else:
                self.ok += 1

    def attack(self, name: str, refused: bool) -> None:
        with self.lock:
            self.attacks[name]["tried"] += 1
            self.attacks[name]["refused"] += int(bool(refused))


def timed(tally: Tally, who: str, fn, expect: str | None = None):
    """Run one interaction (``fn()`` returns the Run), count it; the Run or None."""
    try:
        run = fn()
    except (ProtocolError, OSError) as exc:
        tally.interaction(who, f"{type(exc).__name__}: {exc}")
        return None
    problems = run.problems()
    if not problems and expect and run.count(expect) == 0:
        problems = [f"no {expect} in the run"]
    tally.interaction(who, problems[0] if problems else "")
    return run


def screen_text(session: Session) -> str:
    """Every markdown (captions included) the tab shows now."""
    return "\n".join(n.markdown.body for n in session.tree.values() if n.WhichOneof("type") == "markdown")


def alerts(run) -> str:
    return "\n".join(run.texts("alert")) if run is not None else ""


# --- the instructor ----------------------------------------------------------------------------

def start_class(url: str, pin: str, timeout: float,
                cookie: str | None = None) -> tuple[Session, str | None, str | None]:
    """An instructor's tab on /word2vec that starts a class (with the PIN when asked): the tab,
    the class code, and the PIN-trust cookie the page set (a browser keeps it and sends it as
    ``cookie`` next time; see ``trust_cookie``)."""
    s = Session(url, "word2vec", {"tab": t("w2v.tab.neighbors")}, timeout=timeout, cookie=cookie)
    s.open()
    s.press(t("cls.share.open"))
    s.rerun()
    if s.has("text_input", t("cls.pin")):
        s.type_text(t("cls.pin"), pin)
    s.press(t("cls.start"))
    m = TEACHING.search(markdown_text(s.rerun()))
    code = m.group(1) if m else None
    trust = trust_cookie(s)  # set in the run that started the class (once)
    if s.has("button", t("cls.share.close")):
        s.press(t("cls.share.close"))
        s.rerun()
    return s, code, trust


def follow_state(follower: Follower) -> str:
    """What a follower's tab says about the class (its panel's lines), for an error message."""
    lines = [ln for ln in screen_text(follower.session).splitlines() if "授業" in ln or "先生" in ln]
    return " / ".join(lines)[-160:] or f"(page {follower.session.page!r}, no class panel)"


TRUST_SET = re.compile(r"document\.cookie = \"(pg_teacher_trust=[A-Za-z0-9_-]+)")


def trust_cookie(session: Session) -> str | None:
    """The PIN-trust cookie the page set in this tab (a browser keeps it; the next start sends it)."""
    for node in session.tree.values():
        if node.WhichOneof("type") == "html" and (m := TRUST_SET.search(node.html.body)):
            return m.group(1)
    return None


class Instructor:
    def __init__(self, url: str, pin: str, tally: Tally, *, demo_s: int, timeout: float):
        self.url, self.pin, self.tally, self.demo_s, self.timeout = url, pin, tally, demo_s, timeout
        self.session, self.code, _ = start_class(url, pin, timeout)
        self.poll = fragment_with(self.session, self.code) if self.code else None
        self.question_open = False
        self.demos = 0

    def tick_until(self, until) -> None:
        """The instructor's tab ticks its poll (heartbeat) while waiting."""
        while not until():
            time.sleep(POLL_S)
            timed(self.tally, "instructor:poll", lambda: self.session.rerun(self.poll or "", auto=bool(self.poll)))

    def change_word(self, word: str, followers: list[Follower], wait_s: float) -> None:
        s = self.session
        if s.page != "word2vec":
            timed(self.tally, "instructor:back", lambda: s.navigate("word2vec", urlencode({"tab": t("w2v.tab.neighbors")})))
            self.poll = fragment_with(s, self.code) if self.code else None
        s.type_text(t("w2v.nb.word"), word)
        s.query_string = urlencode({"tab": t("w2v.tab.neighbors"), "w2v_word": word})
        sent = time.perf_counter()
        timed(self.tally, "instructor:word", s.rerun, "plotly_chart")
        end = sent + wait_s
        self.tick_until(lambda: all(word in f.seen or not f.is_alive() for f in followers) or time.perf_counter() > end)
        self.tally.follow += [f.seen[word] - sent for f in followers if word in f.seen]
        for f in followers:  # each follow is an interaction: one that did not arrive is an error
            self.tally.interaction("follower", "" if word in f.seen else
                                   f"{word} not shown within {wait_s:.0f} s; the tab says: {follow_state(f)}")

    def demo(self) -> None:
        """A long demo: the mini-BERT pre-training for demo_s seconds (one page run)."""
        s = self.session
        q = urlencode({"tab": t("bert.tab.pretrain"), "bert_pt_seconds": self.demo_s})
        timed(self.tally, "instructor:to-demo", lambda: s.navigate("bert", q))
        if not s.has("button", t("bert.pt.start", s=self.demo_s)):  # the tab, clicked
            s.open_tab(t("bert.tab.pretrain"))
            timed(self.tally, "instructor:to-demo", s.rerun)
        s.press(t("bert.pt.start", s=self.demo_s))
        timed(self.tally, "instructor:demo", s.rerun)
        self.poll = fragment_with(s, self.code) if self.code else None  # this page's poll fragment
        self.demos += 1

    def ask_question(self) -> None:
        """Open the page's first quick-check question for the class (answer flooding's target)."""
        s = self.session
        if not s.has("button", t("qc.ask")):  # the quick checks are built once their expander is open
            s.expand(key=open_key("word2vec"))
            timed(self.tally, "instructor:open-checks", s.rerun)
        if s.has("button", t("qc.ask")):
            s.press(t("qc.ask"))
            timed(self.tally, "instructor:ask", s.rerun)
            self.question_open = True

    def alive(self) -> bool:
        """The instructor's tab still shows its class as running (one more poll tick)."""
        self.poll = fragment_with(self.session, self.code) if self.code else None
        run = timed(self.tally, "instructor:poll", lambda: self.session.rerun(self.poll or "", auto=bool(self.poll)))
        return bool(run is not None and self.code and self.code in TEACHING.findall(screen_text(self.session)))


# --- students ----------------------------------------------------------------------------------

class Student(threading.Thread):
    """The load test's interactions (bench/lecture.py), with a think time between them."""

    def __init__(self, url: str, scenario: str, tally: Tally, think: tuple[float, float], timeout: float):
        super().__init__(daemon=True)
        self.url, self.scenario, self.tally, self.think, self.timeout = url, scenario, tally, think, timeout
        self.stop = threading.Event()

    def run(self) -> None:
        sc = SCENARIOS[self.scenario]
        session, step = None, 0
        who = f"student:{self.scenario}"
        while not self.stop.is_set():
            if session is None:
                session = Session(self.url, sc.page, {"tab": t(sc.tab)}, timeout=self.timeout)
                if timed(self.tally, who, session.open, sc.open_expect) is None:
                    session.close()
                    session = None
            else:
                name, action, expect = sc.steps()[step % len(sc.steps())]
                step += 1

                def one(action=action, s=session):
                    action(s)
                    return s.rerun()

                if timed(self.tally, f"{who}:{name}", one, expect) is None:
                    session.close()
                    session = None
            self.stop.wait(random.uniform(*self.think))
        if session is not None:
            session.close()


# --- the hostile student -----------------------------------------------------------------------

class Hostile(threading.Thread):
    def __init__(self, url: str, tally: Tally, instructor: Instructor, pin: str, timeout: float, pause: float):
        super().__init__(daemon=True)
        self.url, self.tally, self.instructor, self.pin = url, tally, instructor, pin
        self.timeout, self.pause = timeout, pause
        self.stop = threading.Event()
        self.saver: Session | None = None
        self.guesser: Session | None = None
        self.problems: list[str] = []
        self.victim_cookie: str | None = None  # the victim's laptop: the PIN-trust cookie it was given

    def run(self) -> None:
        i = 0
        while not self.stop.is_set():
            if self.instructor.question_open and not self.tally.attacks["answer_flood"]["tried"]:
                name = "answer_flood"  # the question is open now: flood it first
            else:
                name = ATTACKS[i % len(ATTACKS)]
                i += 1
            try:
                getattr(self, name)()
            except (ProtocolError, OSError) as exc:
                self.problems.append(f"{name}: {type(exc).__name__}: {exc}"[:200])
                self._drop(name)
            self._rest(self.pause)
        for s in (self.saver, self.guesser):
            if s is not None:
                s.close()

    def _drop(self, name: str) -> None:
        """A kept tab that failed is closed; the next attempt opens a fresh one (a reload)."""
        attr = {"save_spam": "saver", "pin_guess": "guesser"}.get(name)
        s = getattr(self, attr) if attr else None
        if s is not None:
            s.close()
            setattr(self, attr, None)

    def _rest(self, seconds: float) -> None:
        """Wait between attacks with the kept tabs open as a browser keeps them: answering the
        server's pings (an unanswered socket is closed after ~30-60 s: every later attack on that
        tab then failed with BrokenPipeError). A tab the server dropped anyway is reopened."""
        end = time.monotonic() + seconds
        while not self.stop.is_set() and (left := end - time.monotonic()) > 0:
            kept = [(n, s) for n, s in (("save_spam", self.saver), ("pin_guess", self.guesser)) if s is not None]
            for name, s in kept:
                try:
                    s.idle(min(left / len(kept), 1.0))
                except (ProtocolError, OSError):
                    self._drop(name)
            if not kept:
                self.stop.wait(min(left, 1.0))

    def _tab(self, page: str, query: dict) -> tuple[Session, object]:
        s = Session(self.url, page, query, timeout=self.timeout)
        return s, s.open()

    def gzip_bomb(self) -> None:
        s, _ = self._tab("word2vec", {"tab": t("w2v.tab.neighbors")})
        try:
            s.upload(t("w2v.source.upload.file"), f"vectors-{secrets.token_hex(2)}.bin.gz", BOMB, "application/gzip")
            run = s.rerun()
            self.tally.attack("gzip_bomb", refused="大きすぎ" in alerts(run) and not run.problems())
        finally:
            s.close()

    def save_spam(self) -> None:
        if self.saver is None:  # fine-tune once (a short run in the heavy-work queue)
            s, _ = self._tab("bert", {"tab": t("bert.tab.finetune"), "bert_ft_data": t("bert.ft.data.sample")})
            s.press(t("bert.ft.start", steps=0).split("0")[0], prefix=True)  # the label names its step count
            run = s.rerun()
            if not s.has("button", t("bert.ft.save.button")):
                self.problems.append(f"save_spam: no model to save ({alerts(run)[:120]})")
                s.close()
                return
            self.saver = s
        s = self.saver
        s.type_text(t("bert.ft.save.name"), f"spam-{secrets.token_hex(3)}")
        s.press(t("bert.ft.save.button"))
        run = s.rerun()
        text = alerts(run)
        self.tally.attack("save_spam", refused=("保存できるモデルは" in text or "保存領域" in text
                                                or "保存しました" not in text))

    def pin_guess(self) -> None:
        """One tab guessing PINs, again and again: taking over the running class (when the form
        offers it), else starting a class of its own. Refused = not made instructor."""
        if self.guesser is None:
            self.guesser, _ = self._tab("word2vec", {"tab": t("w2v.tab.neighbors")})
            self.guesser.press(t("cls.share.open"))
            self.guesser.rerun()
        s = self.guesser
        if s.has("text_input", t("cls.pin")):
            s.type_text(t("cls.pin"), f"{random.randrange(10**6):06d}")
        if self.instructor.code and s.has("button", t("cls.takeover.go")):
            s.type_text(t("cls.join.code"), self.instructor.code, key="cls_takeover_code")
            s.press(t("cls.takeover.go"))
        else:
            s.press(t("cls.start"))
        s.rerun()
        taken = bool(TEACHING.search(screen_text(s)))
        self.tally.attack("pin_guess", refused=not taken)
        if taken:  # a guess won: this tab teaches now; start again from a fresh one
            s.close()
            self.guesser = None

    def answer_flood(self) -> None:
        code = self.instructor.code
        if not code or not self.instructor.question_open:
            return
        s, run = self._tab("", {"class": code})  # a fresh tab each time (a reload = a new session)
        try:
            if not s.has("button", t("qc.send")):
                s.rerun()  # the follow poll draws the question
            if not s.has("button", t("qc.send")):
                self.problems.append("answer_flood: no open question shown to a follower")
                return
            w = s.widget("radio", t("qc.choose"))
            s.choose(t("qc.choose"), list(w.options)[0])
            s.press(t("qc.send"))
            run = s.rerun()
            taken = any(t("qc.sent")[:8] in c for c in [e.markdown.body for e in run.elements
                                                         if e.WhichOneof("type") == "markdown"])
            self.tally.attack("answer_flood", refused=not taken)
        finally:
            s.close()

    def class_link_on_instructor(self) -> None:
        code = self.instructor.code
        if not code:
            return
        s, own, trust = start_class(self.url, self.pin, self.timeout, self.victim_cookie)  # another instructor's tab
        self.victim_cookie = trust or self.victim_cookie
        try:
            if not own:
                self.problems.append("class_link_on_instructor: the victim could not start a class")
                return
            s.navigate("", urlencode({"class": code}))  # the hostile's link opened in that tab
            self.tally.attack("class_link_on_instructor", refused=own in TEACHING.findall(screen_text(s)))
        finally:
            s.close()


# --- the run -----------------------------------------------------------------------------------

def private_cache(tmp: pathlib.Path) -> pathlib.Path:
    """A cache root for the server: the real cache's entries linked in, ``trained/`` empty."""
    from core.paths import cache_root

    real = cache_root()
    out = tmp / "cache"
    out.mkdir()
    for entry in real.iterdir() if real.is_dir() else []:
        if entry.name != "trained":
            (out / entry.name).symlink_to(entry.resolve())
    (out / "trained").mkdir()
    return out


def rss_mb(pid: int) -> float:
    import psutil

    proc = psutil.Process(pid)
    total = proc.memory_info().rss
    for c in proc.children(recursive=True):
        try:
            total += c.memory_info().rss
        except psutil.Error:
            pass
    return total / 2**20


def soak(minutes: float, followers: int, students: int, *, demo_s: int, class_timeout: float,
         think: tuple[float, float], quota_mb: float, model: str | None, timeout: float,
         warmup: float = 0.0) -> dict:
    from core import saving

    tally = Tally()
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="soak-"))
    pin = f"{secrets.randbelow(10**8):08d}"
    if model is None:
        from core.bert import tiny

        model = str(tiny.build(tmp / "mini-bert", "masked_lm"))
    cache = private_cache(tmp)
    env = {"PLAYGROUND_CACHE_DIR": str(cache), "PLAYGROUND_CLASS_TIMEOUT": str(class_timeout),
           "PLAYGROUND_INSTRUCTOR_PIN": pin, saving.MAX_SAVED_MB_ENV: str(quota_mb),
           "PLAYGROUND_MODEL_FILL_MASK": model, "PLAYGROUND_JOB_SECONDS_BERT_FT": str(max(10, demo_s))}
    server = Server(env, timeout=120, warm=True)
    threads: list[threading.Thread] = []
    result: dict = {}
    try:
        for sc in ("neighbors", "attention", "fill-mask", "translate"):  # the warm-up: each page once
            s = Session(server.url, SCENARIOS[sc].page, {"tab": t(SCENARIOS[sc].tab)}, timeout=600)
            try:
                s.open()
            finally:
                s.close()
        teacher = Instructor(server.url, pin, tally, demo_s=demo_s, timeout=timeout)
        flock = [Follower(server.url, teacher.code, timeout) for _ in range(followers if teacher.code else 0)]
        crowd = [Student(server.url, list(SCENARIOS)[:4][k % 4], tally, think, timeout) for k in range(students)]
        hostile = Hostile(server.url, tally, teacher, pin, timeout, pause=max(1.0, think[0]))
        threads = [*flock, *crowd, hostile]
        for th in threads:
            th.start()
        t0 = time.perf_counter()
        warm_until, end = t0 + warmup * 60, t0 + (warmup + minutes) * 60
        k, rss_start, rss_first, series = 0, None, None, []
        teacher.tick_until(lambda: all("猫" in f.seen or not f.is_alive() for f in flock)
                           or time.perf_counter() > min(end, t0 + timeout))
        try:
            teacher.ask_question()  # a quick check stays open (the answer flood's target)
        except ProtocolError as exc:
            tally.interaction("instructor", f"{type(exc).__name__}: {exc}")
        while time.perf_counter() < end:
            try:
                teacher.change_word(WORDS[k % len(WORDS)], flock,
                                    wait_s=min(timeout, max(5.0, end - time.perf_counter())))
                if time.perf_counter() < end:
                    teacher.demo()
                if rss_first is None:  # every page opened, one demo and one fine-tuning ran
                    rss_first = rss_mb(server.proc.pid)
                if rss_start is None and time.perf_counter() >= warm_until:  # the warm-up's last cycle
                    rss_start = rss_mb(server.proc.pid)
                series.append([round((time.perf_counter() - t0) / 60, 1), round(rss_mb(server.proc.pid), 1),
                               *registry.rss_split_mb(server.proc.pid)])
            except ProtocolError as exc:  # counted; the instructor goes on (as a person would reload)
                tally.interaction("instructor", f"{type(exc).__name__}: {exc}")
            k += 1
        class_alive = teacher.alive()
        for th in threads:
            th.stop.set()
        for th in threads:
            th.join(timeout)
        for f in flock:
            for e in f.errors:
                tally.interaction("follower", e)
        rss_end = rss_mb(server.proc.pid)
        rss_start = rss_start or rss_end
        rss_first = rss_first or rss_end
        teacher.session.close()
        result = {
            "minutes": minutes, "class_alive": class_alive,
            "follow_p95_s": round(percentile(tally.follow, 0.95), 2) if tally.follow else None,
            "interactions": tally.interactions, "ok": tally.ok,
            "errors": [f"{n}× {e}" for e, n in sorted(tally.errors.items(), key=lambda kv: -kv[1])][:20],
            "rss_mb_start": round(rss_start, 1), "rss_mb_end": round(rss_end, 1),
            "rss_growth_pct": round(100 * (rss_end - rss_start) / rss_start, 1),
            "rss_mb_first_cycle": round(rss_first, 1),
            "rss_growth_from_first_cycle_pct": round(100 * (rss_end - rss_first) / rss_first, 1),
            "warmup_minutes": warmup,
            "rss_mb_series": series,  # [minute, MB, file MB, anon MB] after each instructor cycle (a leak: a slope)
            "saved_mb_end": round(saving.folder_bytes(cache / "trained") / 2**20, 1),
            "attacks": tally.attacks,
            "followers": followers, "students": students, "demo_s": demo_s, "demos": teacher.demos,
            "class_timeout_s": class_timeout, "quota_mb": quota_mb, "follows": len(tally.follow),
            "hostile_problems": hostile.problems[:10],
            "load_average": [round(x, 1) for x in os.getloadavg()], "cpus": os.cpu_count(),
        }
    finally:
        for th in threads:
            getattr(th, "stop", threading.Event()).set()
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=20.0)
    ap.add_argument("--quick", action="store_true", help="30 s, 3 followers, 3 students, 10 s demos (the suite)")
    ap.add_argument("--warmup-minutes", type=float, default=None,
                    help="minutes of class before RSS start is taken (default 5; 0 with --quick)")
    ap.add_argument("--followers", type=int, default=None)
    ap.add_argument("--students", type=int, default=None)
    ap.add_argument("--demo-s", type=int, default=None, help="seconds of each long demo (multiple of 5)")
    ap.add_argument("--class-timeout", type=float, default=None, help="PLAYGROUND_CLASS_TIMEOUT of the server")
    ap.add_argument("--quota-mb", type=float, default=None, help="PLAYGROUND_MAX_SAVED_MB of the server")
    ap.add_argument("--model", default=None, help="the fill-mask model (default: a tiny BERT built here)")
    ap.add_argument("--timeout", type=float, default=180.0)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    quick = args.quick or args.minutes <= 0.5
    minutes = 0.5 if args.quick else args.minutes
    if not 0 < minutes <= 24 * 60:
        print("エラー: --minutes は 0 より大きく 1440 以下にしてください。", file=sys.stderr)
        return 2
    demo_s = args.demo_s or (10 if quick else 90)
    result = soak(minutes, args.followers if args.followers is not None else (3 if quick else 40),
                  args.students if args.students is not None else (3 if quick else 40),
                  demo_s=max(5, 5 * round(demo_s / 5)),
                  class_timeout=args.class_timeout or (5.0 if quick else 60.0),
                  think=(1.0, 2.0) if quick else (5.0, 15.0),
                  quota_mb=args.quota_mb or (50.0 if quick else 1500.0), model=args.model, timeout=args.timeout,
                  warmup=max(0.0, args.warmup_minutes if args.warmup_minutes is not None else (0.0 if quick else 5.0)))
    print(json.dumps(result, ensure_ascii=False) if args.json else json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
