"""Classroom mode: live classes, one interface over two stores (issues 18, 24, 25).

``Classrooms`` holds the rules; the state lives in a store (core.classstore): this process's
memory by default, or Redis when ``PLAYGROUND_REDIS_URL`` is set (any number of app processes
share the classes). One registry per process, loaded through ``core.resources.classrooms``.
A class has

- a short code (4 letters, no I / O) and one instructor, identified by a per-session token;
  starting a class needs the operator's PIN when ``PLAYGROUND_INSTRUCTOR_PIN`` is set (at least
  ``MIN_PIN_LEN`` characters; wrong PINs are rate-limited per session, per class and overall,
  with a growing wait, and logged; a browser that once entered the right PIN — its ``browser``
  secret, kept in a cookie by the page — is not held by the overall limit, so a student guessing
  PINs cannot keep the real instructor from starting a class);
- the instructor's demo state: the page and the URL query parameters that the pages bind their
  main inputs and tabs to (``bind="query-params"``), never a student's own models or uploads;
  and what the instructor is doing during a long run (``report_activity``: "training — 42 %");
- anonymous followers (per-session tokens) with a last-seen time: one that has not polled for
  ``follower_ttl()`` seconds (closed tab) no longer counts, nor may it answer; at most one open
  quick check, whose answers are kept per follower (sent 200 times, counted once);
- a version number that grows with every change a follower must see: a follower's poll reads
  only that number (``version``) and fetches the class only when it changed.

Liveness: the instructor's tab refreshes it (``heartbeat`` / ``alive``) from a source that does
not depend on page runs — the page's ``Keepalive`` thread (core.classkeepalive) asks Streamlit's
runtime whether the instructor's session is still connected — so a five-minute training run does
not end the class. Links and the QR code: core.classlinks; typed answers: core.quiz.
A class ends when the instructor ends it, when it has been silent for ``PLAYGROUND_CLASS_TIMEOUT``
seconds (tab closed), or after ``MAX_AGE_S``; followers then get ``ClassEnded``. An instructor
whose tab closed (or whose server restarted and forgot the class) ``resume``s the same code
with the PIN: a quiet or ended class is taken over or restarted; a live one only once its
current instructor confirms (``approve_handover``).
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import time
import unicodedata
from dataclasses import dataclass

from core import InvalidInput, PlaygroundError
# StoreUnavailable: what every method raises while Redis is away; callers catch it as classroom.StoreUnavailable
from core.classstore import KEEP, PREFIX, StoreUnavailable, store_from_env  # noqa: F401
from core.quiz import normalize_text_answer

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I / O: read off a projector
CODE_LEN = 4
CODE_TRIES = 64  # random draws for a free code before saying there is none (never an endless loop)
MAX_AGE_S = 8 * 3600.0
ENDED_KEPT_S = 3600.0  # how long "this class has ended" is remembered, and a code kept for a restart
MAX_CLASSES = 200
MAX_CODES = 2000  # live + remembered ended codes; the oldest ended are forgotten beyond it
MAX_FOLLOWERS = 1000
LIVE_TTL_S = MAX_AGE_S + 600  # every key of a class expires by itself after this
# URL parameters that are never part of the shared demo state
PRIVATE_PARAMS = frozenset({"presenter", "class"})
PIN_ENV = "PLAYGROUND_INSTRUCTOR_PIN"
MIN_PIN_LEN = 6
TIMEOUT_ENV = "PLAYGROUND_CLASS_TIMEOUT"
DEFAULT_TIMEOUT_S = 60.0
QUIET_S = 10.0  # an instructor silent this long has "gone quiet": the class may be taken over
FOLLOWER_TTL_S = 30.0  # a follower that has not polled this long has left
HANDOVER_S = 120.0  # a take-over request waits this long for the instructor's confirmation
# wrong-PIN limits: (free attempts, longest wait in s) per session, per class, and overall
PIN_LIMITS = {"session": (3, 300.0), "class": (3, 300.0), "any": (30, 60.0)}
PIN_WINDOW_S = 3600.0  # failures are forgotten after this
TRUST_TTL_S = 120 * 86400.0  # a browser that entered the right PIN skips the overall limit this long (a term)

log = logging.getLogger("playground.classroom")


class ClassNotFound(PlaygroundError):
    """No class with this code (mistyped, expired long ago, or forgotten by a restarted server)."""


class ClassEnded(PlaygroundError):
    """The class existed but has ended (instructor ended it, closed the tab, or it expired)."""


class NotInstructor(PlaygroundError):
    """An instructor action from a session that is not the class's instructor, or a wrong PIN."""


class TooManyAttempts(NotInstructor):
    """Too many wrong PINs: wait ``wait_s`` seconds."""


class HandoverAsked(PlaygroundError):
    """Taking over a live class: its instructor has been asked to confirm."""


def new_token() -> str:
    """An anonymous per-session token (followers, answers, the instructor)."""
    return secrets.token_urlsafe(16)


def normalize_code(code: str) -> str:
    """"abcd", " ＡＢＣＤ " → "ABCD"; raises ClassNotFound for anything that cannot be a code."""
    c = unicodedata.normalize("NFKC", str(code or "")).strip().upper()
    if len(c) != CODE_LEN or any(ch not in CODE_ALPHABET for ch in c):
        raise ClassNotFound(f"クラスコード「{c[:12]}」は正しくありません。先生のスクリーンの {CODE_LEN} 文字のコードを確かめてください。",
                            en=f"The class code \"{c[:12]}\" is not valid. Check the {CODE_LEN}-character code on the teacher's screen.")
    return c


def shared_params(params: dict) -> dict[str, list[str]]:
    """The demo part of a page's query parameters, canonical (sorted keys, lists of strings)."""
    out = {}
    for k in sorted(params):
        if k in PRIVATE_PARAMS:
            continue
        v = params[k]
        out[str(k)] = [str(x) for x in v] if isinstance(v, (list, tuple)) else [str(v)]
    return out


def timeout_s() -> float:
    try:
        return max(5.0, float(os.environ.get(TIMEOUT_ENV, DEFAULT_TIMEOUT_S)))
    except ValueError:
        return DEFAULT_TIMEOUT_S


def quiet_s() -> float:
    return min(QUIET_S, timeout_s())


def follower_ttl() -> float:
    return min(FOLLOWER_TTL_S, timeout_s())


def pin_required() -> bool:
    return bool(os.environ.get(PIN_ENV, ""))


@dataclass(frozen=True)
class DemoState:
    """What followers follow: the instructor's page (url_path, "" = home) and shared params."""
    page: str
    params: dict
    version: int


@dataclass(frozen=True)
class QuestionView:
    qid: str
    kind: str
    seq: int
    n_answers: int
    counts: dict  # choice index (int) or normalised text → count (a follower sees them once revealed)
    revealed: bool


@dataclass(frozen=True)
class Activity:
    """What the instructor's tab is doing during a long run: our own UI text, a fraction or None."""
    label: str
    fraction: float | None


@dataclass(frozen=True)
class ClassView:
    """A follower's or instructor's read of a class (a copy)."""
    code: str
    state: DemoState
    question: QuestionView | None
    n_followers: int | None  # live followers (the instructor's read only)
    activity: Activity | None = None
    quiet: bool = False  # the instructor's tab has not been heard from for quiet_s()
    handover: bool = False  # someone with the PIN asks to take over (the instructor's read only)


def _key(code: str, part: str = "") -> str:
    return f"{PREFIX}{code}" + (f":{part}" if part else "")


CODES = PREFIX + "codes"  # code → created, live and remembered ended classes (bounded: MAX_CODES)


def _digest(token: str) -> str:
    return hashlib.sha256(str(token).encode()).hexdigest()[:16]


class Classrooms:
    """Every live class, in ``store`` (default: the one ``PLAYGROUND_REDIS_URL`` chooses).
    Thread- and process-safe through the store; ``clock`` (wall seconds) is injectable for tests."""

    def __init__(self, store=None, clock=time.time):
        self._clock = clock
        self.store = store if store is not None else store_from_env(clock)
        self.warning = getattr(self.store, "warning", None)  # a core.i18n.Text when Redis was unreachable at start

    # --- lifecycle ----------------------------------------------------------------------
    def start(self, instructor: str, pin: str = "", browser: str = "") -> str:
        """A new class for the session ``instructor``; returns its code. ``browser``: the
        browser's own secret (see ``_check_pin``), "" when it has none."""
        self._check_pin(pin, instructor, None, browser)
        now = self._clock()
        if self._sweep(now) >= MAX_CLASSES:
            raise InvalidInput("同時に開ける授業の数の上限です。使っていない授業を終えてください。",
                               en="The limit of classes open at once is reached. End classes that are not in use.")
        for _ in range(CODE_TRIES):
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LEN))
            if self._create(code, instructor, now, only_new=True):
                return code
        raise InvalidInput("空いているクラスコードが見つかりません。しばらくしてからもう一度始めてください。",
                           en="No free class code was found. Try starting the class again in a while.")

    def resume(self, code: str, instructor: str, pin: str = "", browser: str = "") -> str:
        """Come back to class ``code`` (the tab was closed, or the server restarted): an ended or
        forgotten class restarts with the same code; a live one whose instructor has gone quiet
        is taken over (needs a configured PIN); a live one whose instructor is still there only
        after that instructor confirms (HandoverAsked until then)."""
        code = normalize_code(code)
        self._check_pin(pin, instructor, code, browser)
        now = self._clock()
        meta, hb = self.store.get_many([_key(code), _key(code, "hb")])
        if meta is not None and meta.get("instructor") == instructor and not meta.get("ended"):
            self.store.put(_key(code, "hb"), now, LIVE_TTL_S)
            return code
        if meta is None or meta.get("ended") or self._silent(meta, hb, now):
            if meta is not None and not meta.get("ended"):
                self._finish(code, "timeout", now)
            if self._create(code, instructor, now, only_new=False):
                log.info("classroom: class %s restarted by session %s", code, _digest(instructor))
                return code
            meta, hb = self.store.get_many([_key(code), _key(code, "hb")])  # raced: someone else did
        if not pin_required():
            raise NotInstructor(f"開催中の授業を引き継ぐには、サーバーの {PIN_ENV} で講師 PIN を設定しておく必要があります。",
                                en=f"To take over a running class, the server needs an instructor PIN set in {PIN_ENV}.")
        quiet = hb is None or now - float(hb) > quiet_s()

        def take(old):
            if old is None or old.get("ended"):
                return KEEP, "gone"
            if quiet:
                return {**old, "instructor": instructor, "handover": None}, "taken"
            return {**old, "handover": {"token": instructor, "at": now}}, "asked"

        outcome = self.store.update(_key(code), take, LIVE_TTL_S)
        if outcome == "taken":
            self.store.put(_key(code, "hb"), now, LIVE_TTL_S)
            self.store.incr(_key(code, "v"), LIVE_TTL_S)
            log.warning("classroom: class %s taken over by session %s (instructor quiet)", code, _digest(instructor))
            return code
        if outcome == "asked":
            raise HandoverAsked("先生の画面に引き継ぎの確認を表示しました。先生が「引き渡す」を押したら、もう一度「引き継ぐ」を押してください。",
                                en="The teacher's screen now asks to hand the class over. Once they press \"Hand over\", press \"Take over\" again.")
        raise self._not_found(code)

    def approve_handover(self, code: str, instructor: str) -> None:
        """The current instructor hands the class to the session that asked (resume)."""
        def give(old):
            self._require(old, instructor)
            h = old.get("handover")
            if not h or self._clock() - h["at"] > HANDOVER_S:
                return KEEP, False
            return {**old, "instructor": h["token"], "handover": None}, True

        self._load(code)
        if self.store.update(_key(normalize_code(code)), give, LIVE_TTL_S):
            log.warning("classroom: class %s handed over by its instructor", normalize_code(code))

    def decline_handover(self, code: str, instructor: str) -> None:
        def drop(old):
            self._require(old, instructor)
            return {**old, "handover": None}, None
        self._load(code)
        self.store.update(_key(normalize_code(code)), drop, LIVE_TTL_S)

    def end(self, code: str, instructor: str, reason: str = "ended") -> None:
        meta, _, _ = self._load(code)
        self._require(meta, instructor)
        self._finish(meta["code"], reason, self._clock())

    def heartbeat(self, code: str, instructor: str) -> ClassView:
        """The instructor's poll: alive, and the class as the projector shows it."""
        meta, _, act = self._load(code)
        self._require(meta, instructor)
        now = self._clock()
        self.store.put(_key(meta["code"], "hb"), now, LIVE_TTL_S)
        return self._view(meta, now, act, now, instructor=True)

    def alive(self, code: str, instructor: str) -> None:
        """The instructor's tab is still connected (Keepalive, from outside any page run)."""
        meta, _, _ = self._load(code)
        self._require(meta, instructor)
        self.store.put(_key(meta["code"], "hb"), self._clock(), LIVE_TTL_S)

    def is_instructor(self, code: str, instructor: str) -> bool:
        """Is ``instructor`` the live class's instructor (a reloaded tab that kept its token)?"""
        try:
            self.alive(code, instructor)
        except (ClassNotFound, ClassEnded, NotInstructor):
            return False
        return True

    # --- demo state -----------------------------------------------------------------------
    def publish(self, code: str, instructor: str, page: str, params: dict) -> DemoState:
        """Record the instructor's page and query parameters; the version grows only on change.
        A page run that reached its end has no long run going: the activity is cleared."""
        shared = shared_params(params)
        meta, _, act = self._load(code)
        self._require(meta, instructor)
        code = meta["code"]
        self.store.put(_key(code, "hb"), self._clock(), LIVE_TTL_S)
        changed = act is not None
        if changed:
            self.store.delete(_key(code, "act"))
        st = meta["state"]
        if (page, shared) != (st["page"], st["params"]):
            def move(old):
                self._require(old, instructor)
                s = old["state"]
                if (page, shared) == (s["page"], s["params"]):
                    return KEEP, s
                s = {"page": page, "params": shared, "version": s["version"] + 1}
                return {**old, "state": s}, s
            st = self.store.update(_key(code), move, LIVE_TTL_S)
            changed = True
        if changed:
            self.store.incr(_key(code, "v"), LIVE_TTL_S)
        return DemoState(st["page"], st["params"], st["version"])

    def report_activity(self, code: str, instructor: str, label: str, fraction: float | None) -> None:
        """What the instructor's tab is doing now (a long run); cleared by the next publish."""
        meta, _, _ = self._load(code)
        self._require(meta, instructor)
        now = self._clock()
        f = None if fraction is None else min(1.0, max(0.0, float(fraction)))
        self.store.put(_key(meta["code"], "hb"), now, LIVE_TTL_S)
        self.store.put(_key(meta["code"], "act"), {"label": str(label)[:80], "fraction": f, "at": now}, LIVE_TTL_S)
        self.store.incr(_key(meta["code"], "v"), LIVE_TTL_S)

    def version(self, code: str) -> int | None:
        """The follower's cheap poll: one number that grows with every change it must see
        (None: the class is gone — ask ``follow`` why)."""
        v = self.store.get(_key(normalize_code(code), "v"))
        return None if v is None else int(v)

    def follow(self, code: str, follower: str) -> ClassView:
        """A follower's read: joins on first call, marks it present, returns the class's state.
        The cap counts only followers seen within follower_ttl()."""
        meta, hb, act = self._load(code)
        now = self._clock()
        if not self.store.hjoin(_key(meta["code"], "f"), str(follower), now, now - follower_ttl(),
                                MAX_FOLLOWERS, LIVE_TTL_S):
            raise InvalidInput("この授業の参加人数の上限に達しました。",
                               en="This class has reached its limit of participants.")
        return self._view(meta, hb, act, now, instructor=False)

    def leave(self, code: str, follower: str) -> None:
        """A follower leaves (its answers to the open question stay counted)."""
        try:
            self.store.hdel(_key(normalize_code(code), "f"), str(follower))
        except ClassNotFound:
            pass

    # --- quick checks ---------------------------------------------------------------------
    def open_question(self, code: str, instructor: str, qid: str, kind: str, n_choices: int) -> None:
        if kind not in ("choice", "number"):
            raise InvalidInput(f"問題の種類 {kind} は使えません。",
                               en=f"The question kind {kind} cannot be used.")

        def ask(old):
            self._require(old, instructor)
            seq = old.get("seq", 0) + 1
            q = {"qid": qid, "kind": kind, "n": int(n_choices), "seq": seq, "revealed": False}
            return {**old, "seq": seq, "question": q}, old.get("question")

        self._question_change(code, ask)

    def reveal(self, code: str, instructor: str) -> None:
        def show(old):
            self._require(old, instructor)
            q = old.get("question")
            return ({**old, "question": {**q, "revealed": True}}, None) if q else (KEEP, None)
        self._question_change(code, show)

    def close_question(self, code: str, instructor: str) -> None:
        def close(old):
            self._require(old, instructor)
            return {**old, "question": None}, old.get("question")
        self._question_change(code, close)

    def answer(self, code: str, follower: str, seq: int, value) -> None:
        """A current follower's answer to the open question number ``seq``. One per follower:
        sending again replaces it (counted once). Choice: an index; number: short free text."""
        meta, _, _ = self._load(code)
        q = meta.get("question")
        if q is None or q["seq"] != seq:
            raise InvalidInput("この問題の受付は終わりました。",
                               en="This question is closed.")
        if q["revealed"]:
            raise InvalidInput("正解が発表されたので、もう答えを送れません。",
                               en="The answer has been revealed; answers can no longer be sent.")
        seen = self.store.hget(_key(meta["code"], "f"), str(follower))
        if seen is None or self._clock() - float(seen) > follower_ttl():
            raise InvalidInput("この授業に参加していないため、答えを送れません。授業のリンクを開き直してください。",
                               en="You are not in this class, so the answer cannot be sent. Open the class link again.")
        if q["kind"] == "choice":
            try:
                v = int(value)
            except (TypeError, ValueError):
                raise InvalidInput("選択肢を 1 つ選んでください。",
                                   en="Choose one option.") from None
            if not 0 <= v < q["n"]:
                raise InvalidInput("選択肢を 1 つ選んでください。",
                                   en="Choose one option.")
        else:
            v = normalize_text_answer(value)
        self.store.hset(_key(meta["code"], f"a:{seq}"), str(follower), v, LIVE_TTL_S)

    # --- internals --------------------------------------------------------------------------
    def _question_change(self, code: str, fn) -> None:
        meta, _, _ = self._load(code)
        old_q = self.store.update(_key(meta["code"]), fn, LIVE_TTL_S)
        if old_q:
            self.store.delete(_key(meta["code"], f"a:{old_q['seq']}"))
        self.store.incr(_key(meta["code"], "v"), LIVE_TTL_S)

    def _check_pin(self, pin: str, token: str, code: str | None, browser: str = "") -> None:
        """Refuse a wrong PIN, and any attempt while a limit's wait runs: per session, per class
        and over the whole server (``PIN_LIMITS``). The server-wide limit stops guessing from many
        fresh sessions, but a guesser would hold the real instructor up with it too; a browser
        that has entered the right PIN before (``browser``: a secret only that browser holds,
        recorded here for ``TRUST_TTL_S``) is not held by it — the session and class limits
        still apply, and the PIN is still checked."""
        expected = os.environ.get(PIN_ENV, "")
        if not expected:
            return
        if len(expected) < MIN_PIN_LEN:
            log.error("classroom: %s is shorter than %d characters; classes cannot be started", PIN_ENV, MIN_PIN_LEN)
            raise InvalidInput(f"サーバーの講師 PIN ({PIN_ENV}) が短すぎます。{MIN_PIN_LEN} 文字以上にするよう管理者に伝えてください。",
                               en=f"The server's instructor PIN ({PIN_ENV}) is too short. Ask the administrator to set at least {MIN_PIN_LEN} characters.")
        now = self._clock()
        trust = f"{PREFIX}pin:ok:{_digest(browser)}" if browser else None
        scopes = {"session": f"{PREFIX}pin:s:{_digest(token)}"}
        proved = self.store.get(trust) if trust is not None else None  # when this browser's PIN was right
        if proved is None or now - float(proved) > TRUST_TTL_S:
            scopes["any"] = f"{PREFIX}pin:any"
        if code:
            scopes["class"] = f"{PREFIX}pin:c:{code}"
        for scope, key in scopes.items():
            free, longest = PIN_LIMITS[scope]

            def reserve(old, free=free, longest=longest):
                n, last = (old or {}).get("n", 0), (old or {}).get("last", 0.0)
                wait = min(longest, 2.0 ** (n - free + 1)) - (now - last) if n >= free else 0.0
                if wait > 0:
                    return KEEP, wait
                return {"n": n + 1, "last": now}, 0.0

            wait = self.store.update(key, reserve, PIN_WINDOW_S)
            if wait > 0:
                log.warning("classroom: PIN attempt refused (%s limit, class %s, session %s, wait %.0f s)",
                            scope, code or "-", _digest(token), wait)
                s = int(wait) + 1
                raise TooManyAttempts(f"PIN の入力に失敗した回数が多すぎます。{s} 秒待ってから、もう一度試してください。",
                                      en=f"Too many wrong PINs. Wait {s} seconds, then try again.")
        if hmac.compare_digest(str(pin or "").strip().encode(), expected.encode()):
            self.store.delete(scopes["session"], *([scopes["class"]] if code else []))
            if trust is not None:
                self.store.put(trust, now, TRUST_TTL_S)
            return
        log.warning("classroom: wrong instructor PIN (class %s, session %s)", code or "new", _digest(token))
        raise NotInstructor("講師 PIN が違います。授業を始められるのは先生だけです。",
                            en="Wrong instructor PIN. Only the teacher can start a class.")

    def _create(self, code: str, instructor: str, now: float, only_new: bool) -> bool:
        meta = {"code": code, "instructor": instructor, "created": now, "seq": 0, "question": None,
                "handover": None, "ended": None, "state": {"page": "", "params": {}, "version": 0}}
        if only_new:
            ok = self.store.put(_key(code), meta, LIVE_TTL_S, only_new=True)
        else:
            ok = self.store.update(_key(code), lambda old: (meta, True) if old is None or old.get("ended")
                                   else (KEEP, False), LIVE_TTL_S)
        if ok:
            self.store.delete(_key(code, "f"), _key(code, "act"))
            self.store.put(_key(code, "hb"), now, LIVE_TTL_S)
            self.store.incr(_key(code, "v"), LIVE_TTL_S)
            self.store.hset(CODES, code, now, LIVE_TTL_S)
        return bool(ok)

    def _silent(self, meta: dict, hb, now: float) -> bool:
        return hb is None or now - float(hb) > timeout_s() or now - meta["created"] > MAX_AGE_S

    def live_count(self) -> int:
        """How many classes are live now (ends the silent ones on the way)."""
        return self._sweep(self._clock())

    def _sweep(self, now: float) -> int:
        """End classes whose instructor went silent, forget old ended ones (at most MAX_CODES
        codes are remembered); returns the number of live classes."""
        codes = self.store.hgetall(CODES)
        names = sorted(codes, key=lambda c: codes[c])
        metas = self.store.get_many([_key(c) for c in names])
        hbs = self.store.get_many([_key(c, "hb") for c in names])
        live, ended = 0, []
        for c, meta, hb in zip(names, metas, hbs):
            if meta is None or (meta.get("ended") and now - meta["ended_at"] > ENDED_KEPT_S):
                self.store.hdel(CODES, c)
                self.store.delete(_key(c))
            elif meta.get("ended"):
                ended.append(c)
            elif self._silent(meta, hb, now):
                self._finish(c, "timeout" if now - meta["created"] <= MAX_AGE_S else "expired", now)
                ended.append(c)
            else:
                live += 1
        for c in ended[: max(0, live + len(ended) - MAX_CODES)]:  # the oldest first
            self.store.hdel(CODES, c)
            self.store.delete(_key(c))
        return live

    def _finish(self, code: str, reason: str, now: float) -> None:
        def stop(old):
            if old is None or old.get("ended"):
                return KEEP, None
            return {"code": code, "created": old["created"], "instructor": "", "ended": reason, "ended_at": now,
                    "state": old["state"], "seq": old.get("seq", 0), "question": None, "handover": None}, old
        old = self.store.update(_key(code), stop, ENDED_KEPT_S + 60)
        if old is not None:  # answers, followers and activity go with it: nothing is kept
            q = old.get("question")
            self.store.delete(_key(code, "hb"), _key(code, "v"), _key(code, "f"), _key(code, "act"),
                              *([_key(code, f"a:{q['seq']}")] if q else []))

    def _not_found(self, code: str) -> ClassNotFound:
        return ClassNotFound(
            f"クラスコード「{code}」の授業は見つかりません。コードを確かめてください。授業の途中だった場合は、"
            "サーバーが再起動した可能性があります（そのときは、この画面で学習したモデルや入力も消えています）。"
            "先生に同じコードで授業を再開してもらってください。再開されると自動で参加し直します。",
            en=f"No class with the code \"{code}\" was found. Check the code. If a class was running, the server "
               "may have restarted (then what you trained or typed on this screen is gone too): ask the teacher to "
               "restart the class with the same code. You rejoin by yourself once it is restarted.")

    def _load(self, code: str) -> tuple[dict, float, dict | None]:
        """(meta, last heartbeat, activity) of a live class, or ClassEnded / ClassNotFound."""
        code = normalize_code(code)
        meta, hb, act = self.store.get_many([_key(code), _key(code, "hb"), _key(code, "act")])
        now = self._clock()
        if meta is not None and not meta.get("ended") and self._silent(meta, hb, now):
            self._finish(code, "timeout" if now - meta["created"] <= MAX_AGE_S else "expired", now)
            meta = self.store.get(_key(code))
        if meta is None or (meta.get("ended") and now - meta["ended_at"] > ENDED_KEPT_S):
            raise self._not_found(code)
        if meta.get("ended"):
            why = meta["ended"] if meta["ended"] in ENDED_MESSAGES else "ended"
            raise ClassEnded(ENDED_MESSAGES[why], en=ENDED_MESSAGES_EN[why])
        return meta, float(hb), act

    def _require(self, meta: dict | None, instructor) -> None:
        if meta is None or meta.get("ended"):
            raise ClassEnded(ENDED_MESSAGES["ended"], en=ENDED_MESSAGES_EN["ended"])
        if not hmac.compare_digest(str(instructor).encode(), str(meta["instructor"]).encode()):
            raise NotInstructor("この操作は授業を始めた先生だけができます。",
                                en="Only the teacher who started the class can do this.")

    def _view(self, meta: dict, hb: float, act: dict | None, now: float, instructor: bool) -> ClassView:
        code, q = meta["code"], meta.get("question")
        qv = None
        if q:
            answers = self.store.hgetall(_key(code, f"a:{q['seq']}")) if instructor or q["revealed"] else {}
            counts: dict = {}
            for a in answers.values():
                counts[a] = counts.get(a, 0) + 1
            qv = QuestionView(q["qid"], q["kind"], q["seq"], len(answers), counts, q["revealed"])
        n = None
        if instructor:
            n = sum(1 for seen in self.store.hgetall(_key(code, "f")).values() if now - float(seen) <= follower_ttl())
        h = meta.get("handover")
        st = meta["state"]
        return ClassView(code, DemoState(st["page"], st["params"], st["version"]), qv, n,
                         Activity(act["label"], act["fraction"]) if act else None,
                         quiet=now - hb > quiet_s(),
                         handover=bool(instructor and h and now - h["at"] <= HANDOVER_S))


ENDED_MESSAGES = {
    "ended": "授業は終了しました。このまま自由に操作できます。",
    "timeout": "先生の画面が閉じられたため、授業は終了しました。このまま自由に操作できます。",
    "expired": "授業の時間切れで終了しました。このまま自由に操作できます。",
}
ENDED_MESSAGES_EN = {
    "ended": "The class has ended. You can keep using the app freely.",
    "timeout": "The class ended because the teacher's screen was closed. You can keep using the app freely.",
    "expired": "The class ended because its time ran out. You can keep using the app freely.",
}
