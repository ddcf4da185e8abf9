"""The people of a compressed class day, for bench/soak.py: the instructor (a class, changes of
the shared word, long demos, a quick check), students doing the load test's interactions, the
hostile student cycling through the attacks, and the tally all of them count into. Each is a
WebSocket client (stkit.client.Session) of the one server the soak starts; not a bench itself.
"""
from __future__ import annotations

import gzip
import random
import re
import secrets
import threading
import time
from urllib.parse import urlencode

from bench.classroom import Follower, fragment_with, markdown_text
from bench.lecture import SCENARIOS
from stkit.client import ProtocolError, Session
from core.i18n import t
from pages.common.classroom import POLL_S
from pages.common.quickcheck import open_key

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
