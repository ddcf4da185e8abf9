"""Classroom mode: live classes held in memory by one in-process object (issue 18).

One ``Classrooms`` registry per server process (loaded once through ``core.resources.classrooms``,
so every session and thread shares it; all methods take one lock). A class has

- a short code (4 letters, no I / O) and one instructor, identified by a per-session token;
  starting a class needs the operator's PIN when ``PLAYGROUND_INSTRUCTOR_PIN`` is set;
- the instructor's demo state: the page and the URL query parameters that the pages bind their
  main inputs and tabs to (``bind="query-params"``), never a student's own models or uploads;
- anonymous followers (per-session tokens) and at most one open quick check, whose answers are
  kept per token (sent 200 times, counted once) and only for the class's lifetime.

A class ends when the instructor ends it, when the instructor's heartbeat has been silent for
``PLAYGROUND_CLASS_TIMEOUT`` seconds (the tab was closed), or after ``MAX_AGE_S``. Followers then
get ``ClassEnded`` with the reason; a code never issued gets ``ClassNotFound``.
"""
from __future__ import annotations

import hmac
import os
import secrets
import threading
import time
import unicodedata
from dataclasses import dataclass, field

from core import InvalidInput, PlaygroundError

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I / O: read off a projector
CODE_LEN = 4
MAX_AGE_S = 8 * 3600.0
ENDED_KEPT_S = 3600.0  # how long "this class has ended" is remembered (else: unknown code)
MAX_CLASSES = 200
MAX_FOLLOWERS = 1000
MAX_TEXT_ANSWER = 40
# URL parameters that are never part of the shared demo state
PRIVATE_PARAMS = frozenset({"presenter", "class"})
PIN_ENV = "PLAYGROUND_INSTRUCTOR_PIN"
TIMEOUT_ENV = "PLAYGROUND_CLASS_TIMEOUT"
DEFAULT_TIMEOUT_S = 60.0


class ClassNotFound(PlaygroundError):
    """No class with this code (mistyped, or expired long ago)."""


class ClassEnded(PlaygroundError):
    """The class existed but has ended (instructor ended it, closed the tab, or it expired)."""


class NotInstructor(PlaygroundError):
    """An instructor action from a session that is not the class's instructor, or a wrong PIN."""


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


def pin_required() -> bool:
    return bool(os.environ.get(PIN_ENV, ""))


@dataclass(frozen=True)
class DemoState:
    """What followers follow: the instructor's page (url_path, "" = home) and shared params."""
    page: str
    params: dict
    version: int


@dataclass
class Question:
    """The open quick check of a class: ``kind`` "choice" (answers are choice indices) or
    "number" (answers are short free text, normalised)."""
    qid: str
    kind: str
    n_choices: int
    seq: int
    answers: dict = field(default_factory=dict)  # token → answer (last one kept, counted once)
    revealed: bool = False

    def snapshot(self) -> "QuestionView":
        counts: dict = {}
        for a in self.answers.values():
            counts[a] = counts.get(a, 0) + 1
        return QuestionView(self.qid, self.kind, self.seq, len(self.answers), counts, self.revealed)


@dataclass(frozen=True)
class QuestionView:
    qid: str
    kind: str
    seq: int
    n_answers: int
    counts: dict  # choice index (int) or normalised text → count
    revealed: bool


@dataclass
class _Class:
    code: str
    instructor: str
    created: float
    last_seen: float
    state: DemoState = DemoState("", {}, 0)
    followers: dict = field(default_factory=dict)  # token → last poll time
    question: Question | None = None
    seq: int = 0


@dataclass(frozen=True)
class ClassView:
    """A follower's or instructor's read of a class (a copy; safe to use without the lock)."""
    code: str
    state: DemoState
    question: QuestionView | None
    n_followers: int


class Classrooms:
    """Every live class of this process. Thread-safe; ``clock`` is injectable for tests."""

    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._lock = threading.Lock()
        self._classes: dict[str, _Class] = {}
        self._ended: dict[str, tuple[float, str]] = {}  # code → (when, reason)

    # --- lifecycle ----------------------------------------------------------------------
    def start(self, instructor: str, pin: str = "") -> str:
        """A new class for the session ``instructor``; returns its code."""
        self._check_pin(pin)
        with self._lock:
            now = self._sweep()
            if len(self._classes) >= MAX_CLASSES:
                raise InvalidInput("同時に開ける授業の数の上限です。使っていない授業を終えてください。",
                                   en="The limit of classes open at once is reached. End classes that are not in use.")
            code = self._new_code()
            self._classes[code] = _Class(code, instructor, now, now)
            return code

    def take_over(self, code: str, instructor: str, pin: str) -> None:
        """Become the instructor of a running class (e.g. after reloading the tab); needs the PIN,
        so it is only possible when the operator set one."""
        if not pin_required():
            raise NotInstructor(f"授業を引き継ぐには、サーバーの {PIN_ENV} で講師 PIN を設定しておく必要があります。",
                                en=f"To take over a class, the server needs an instructor PIN set in {PIN_ENV}.")
        self._check_pin(pin)
        with self._lock:
            c = self._get(code)
            c.instructor, c.last_seen = instructor, self._clock()

    def end(self, code: str, instructor: str, reason: str = "ended") -> None:
        with self._lock:
            c = self._get(code)
            self._require(c, instructor)
            self._finish(c.code, reason)

    def heartbeat(self, code: str, instructor: str) -> ClassView:
        """The instructor's tab is alive (its poll calls this every second or two)."""
        with self._lock:
            c = self._get(code)
            self._require(c, instructor)
            c.last_seen = self._clock()
            return self._view(c)

    # --- demo state -----------------------------------------------------------------------
    def publish(self, code: str, instructor: str, page: str, params: dict) -> DemoState:
        """Record the instructor's page and query parameters; the version grows only on change."""
        shared = shared_params(params)
        with self._lock:
            c = self._get(code)
            self._require(c, instructor)
            c.last_seen = self._clock()
            if (page, shared) != (c.state.page, c.state.params):
                c.state = DemoState(page, shared, c.state.version + 1)
            return c.state

    def follow(self, code: str, follower: str) -> ClassView:
        """A follower's poll: joins on first call, marks it present, returns the class's state."""
        with self._lock:
            c = self._get(code)
            if follower not in c.followers and len(c.followers) >= MAX_FOLLOWERS:
                raise InvalidInput("この授業の参加人数の上限に達しました。",
                                   en="This class has reached its limit of participants.")
            c.followers[follower] = self._clock()
            return self._view(c)

    # --- quick checks ---------------------------------------------------------------------
    def open_question(self, code: str, instructor: str, qid: str, kind: str, n_choices: int) -> None:
        if kind not in ("choice", "number"):
            raise InvalidInput(f"問題の種類 {kind} は使えません。",
                               en=f"The question kind {kind} cannot be used.")
        with self._lock:
            c = self._get(code)
            self._require(c, instructor)
            c.seq += 1
            c.question = Question(qid, kind, int(n_choices), c.seq)

    def reveal(self, code: str, instructor: str) -> None:
        with self._lock:
            c = self._get(code)
            self._require(c, instructor)
            if c.question is not None:
                c.question.revealed = True

    def close_question(self, code: str, instructor: str) -> None:
        with self._lock:
            c = self._get(code)
            self._require(c, instructor)
            c.question = None

    def answer(self, code: str, follower: str, seq: int, value) -> None:
        """A student's answer to the open question number ``seq``. One per token: sending again
        replaces it (counted once). Choice: an index; number: short free text (normalised)."""
        with self._lock:
            c = self._get(code)
            q = c.question
            if q is None or q.seq != seq:
                raise InvalidInput("この問題の受付は終わりました。",
                                   en="This question is closed.")
            if q.revealed:
                raise InvalidInput("正解が発表されたので、もう答えを送れません。",
                                   en="The answer has been revealed; answers can no longer be sent.")
            if q.kind == "choice":
                try:
                    v = int(value)
                except (TypeError, ValueError):
                    raise InvalidInput("選択肢を 1 つ選んでください。",
                                       en="Choose one option.") from None
                if not 0 <= v < q.n_choices:
                    raise InvalidInput("選択肢を 1 つ選んでください。",
                                       en="Choose one option.")
            else:
                v = normalize_text_answer(value)
            q.answers[follower] = v

    # --- internals --------------------------------------------------------------------------
    def _check_pin(self, pin: str) -> None:
        expected = os.environ.get(PIN_ENV, "")
        if expected and not hmac.compare_digest(str(pin or "").strip().encode(), expected.encode()):
            raise NotInstructor("講師 PIN が違います。授業を始められるのは先生だけです。",
                                en="Wrong instructor PIN. Only the teacher can start a class.")

    def _new_code(self) -> str:
        while True:
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LEN))
            if code not in self._classes and code not in self._ended:
                return code

    def _sweep(self) -> float:
        now = self._clock()
        limit = timeout_s()
        for code, c in list(self._classes.items()):
            if now - c.last_seen > limit:
                self._finish(code, "timeout")
            elif now - c.created > MAX_AGE_S:
                self._finish(code, "expired")
        for code, (when, _) in list(self._ended.items()):
            if now - when > ENDED_KEPT_S:
                del self._ended[code]
        return now

    def _finish(self, code: str, reason: str) -> None:
        self._classes.pop(code, None)  # answers go with it: nothing is kept
        self._ended[code] = (self._clock(), reason)

    def _get(self, code: str) -> _Class:
        code = normalize_code(code)
        self._sweep()
        c = self._classes.get(code)
        if c is not None:
            return c
        if code in self._ended:
            why = self._ended[code][1] if self._ended[code][1] in ENDED_MESSAGES else "ended"
            raise ClassEnded(ENDED_MESSAGES[why], en=ENDED_MESSAGES_EN[why])
        raise ClassNotFound(f"クラスコード「{code}」の授業は見つかりません。コードを確かめるか、先生に新しいリンクを聞いてください。",
                            en=f"No class with the code \"{code}\" was found. Check the code or ask the teacher for a new link.")

    def _require(self, c: _Class, instructor: str) -> None:
        if not hmac.compare_digest(str(instructor).encode(), c.instructor.encode()):
            raise NotInstructor("この操作は授業を始めた先生だけができます。",
                                en="Only the teacher who started the class can do this.")

    def _view(self, c: _Class) -> ClassView:
        now = self._clock()
        present = sum(1 for seen in c.followers.values() if now - seen <= timeout_s())
        return ClassView(c.code, c.state, c.question.snapshot() if c.question else None, present)


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


def normalize_text_answer(value) -> str:
    """A free-text (numeric) answer as counted: NFKC, trimmed, at most MAX_TEXT_ANSWER chars,
    a number written canonically ("８．０" → "8"). Kept as text: pages escape it when shown."""
    s = unicodedata.normalize("NFKC", str(value or "")).strip()
    if not s:
        raise InvalidInput("答えを入力してください。",
                           en="Enter an answer.")
    s = s[:MAX_TEXT_ANSWER]
    number = parse_number(s)
    return s if number is None else format_number(number)


def parse_number(s: str) -> float | None:
    try:
        x = float(unicodedata.normalize("NFKC", str(s)).strip().replace(",", ""))
    except ValueError:
        return None
    return x if x == x and abs(x) != float("inf") else None


def format_number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


# --- links and the QR code -----------------------------------------------------------------
PUBLIC_URL_ENV = "PLAYGROUND_PUBLIC_URL"


def public_base(request_root: str) -> str:
    """The address students use: ``PLAYGROUND_PUBLIC_URL`` (behind a proxy) else the root of the
    URL the instructor's browser shows. No trailing slash."""
    return (os.environ.get(PUBLIC_URL_ENV, "").strip() or request_root or "http://localhost:8501").rstrip("/")


def demo_link(base: str, page: str, params: dict, code: str | None = None) -> str:
    """base/page?shared params[&class=CODE]: opens the same demo (and joins the class)."""
    from urllib.parse import urlencode

    pairs = [(k, v) for k, vs in shared_params(params).items() for v in vs]
    if code:
        pairs.append(("class", code))
    query = urlencode(pairs)
    return f"{base.rstrip('/')}/{page}" + (f"?{query}" if query else "")


def qr_png(text: str, scale: int = 10) -> bytes:
    """A QR code of ``text`` as PNG bytes (segno, error correction M, quiet zone of 4 modules)."""
    import io

    import segno

    buf = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buf, kind="png", scale=scale, border=4)
    return buf.getvalue()
