"""Classroom mode (issue 18): 「みんなで開く」 (QR code of the demo), students following the
instructor live, and the class's quick checks. Mounted by app.py around the page:
``top(page)`` before it runs, ``bottom(page)`` after; ``sidebar_section()`` in the sidebar.

How following works: the pages bind their main inputs and tabs to the URL
(``bind="query-params"``), so the shared demo state is the instructor's page + query parameters
(core.classroom.shared_params: never presenter / class, never anything in st.session_state such
as a student's trained models or uploads). The instructor publishes it after each run and on
each tick of its poll; a follower's poll (``st.fragment(run_every=…)``) sees a new version and
moves its browser there the way the Back button does (history.pushState + popstate), so
Streamlit runs the target page with the URL winning over the widgets' current values, including
back to defaults. A page run of a follower that starts on a URL it was not sent to is the
student's own doing (the browser writes a changed input or tab to the URL before the run): it
detaches until 「先生に戻る」.

The poll is a fragment rerun, not a page run: a follower's tick reads one version number from
the class store (core.classroom ``version``) and fetches the class only when it changed (or every
``SEEN_S`` to stay counted), so a tick costs the server a few milliseconds (bench/classroom.py) —
which is why .streamlit/config.toml turns off Streamlit's gc.collect() after every run.

A follower is also woken as soon as its class changes (pages/common/push.py, core.classpush):
its poll fragment runs at once instead of at its next tick; the ticks stay as the fallback.

The instructor's class stays alive whatever the tab is doing: a ``Keepalive`` thread asks
Streamlit's runtime whether the instructor's session is still connected (a long training run
included), and ``report_activity`` (called by LiveRun) tells the followers what is running.
A follower's token is kept in a cookie, so a reload is the same student (counted once).
"""
from __future__ import annotations

import contextlib
import json
import re
import threading
import time

import streamlit as st

from core import PlaygroundError, classkeepalive, classlinks, classroom, limits, resources
from pages.common import push, quickcheck
from pages.common.ui import checked, lang, local, presenter, t

POLL_S = 1.0  # the follower poll's tick: the fallback of the push (pages/common/push.py), and staying counted
SEEN_S = 5.0  # a follower's full read at least this often (it stays counted; classroom.follower_ttl() > this)
ACTIVITY_S = 1.0  # report_activity publishes at most this often
STUDENT_COOKIE = "pg_student"
TEACHER_COOKIE = "pg_teacher"
TRUST_COOKIE = "pg_teacher_trust"  # this browser entered the right PIN once (core.classroom._check_pin)
TRUST, TRUST_SENT = "cls_trust", "cls_trust_sent"
RETRY_S = 15.0  # a follow after which no run of the page started at all is sent again
TOKEN, ROLE, CODE, ATTACHED = "cls_token", "cls_role", "cls_code", "cls_attached"
PAGE, MINE, TARGET, PENDING, MSG, SHARE, JOINED, RUNS, SENT = (
    "cls_page", "cls_mine", "cls_target", "cls_pending", "cls_msg", "cls_share", "cls_joined", "cls_runs",
    "cls_sent")
ARRIVED = "cls_arrived"  # (target, the same state as Streamlit shows it) of the last arrival
MAX_SENT = 8  # the state last reached + those sent to since (the instructor may change faster than a page runs)
VIEW, VER, SEEN_AT, OPEN_Q, STOKEN, RETRY, TITLE, ACT_AT = (
    "cls_view", "cls_ver", "cls_seen_at", "cls_open_qid", "cls_student", "cls_retry_code", "cls_title", "cls_act_at")
PIN_USED, RESTORED, TEACHER_SENT, MSG_SHOWN, STUDENT_SENT = (
    "cls_pin_used", "cls_restored", "cls_teacher_sent", "cls_msg_shown", "cls_student_sent")


def token() -> str:
    """This session's instructor token (never leaves the server)."""
    return st.session_state.setdefault(TOKEN, classroom.new_token())


def _cookie_token(name: str) -> str:
    """A token cookie of this browser ([A-Za-z0-9_-], 16–64 characters), or ""."""
    cookie = (st.context.cookies or {}).get(name, "") if st.context.cookies is not None else ""
    return cookie if re.fullmatch(r"[A-Za-z0-9_-]{16,64}", cookie or "") else ""


def browser_secret() -> str:
    """This browser's secret for the PIN's server-wide limit: from its cookie (it entered the
    right PIN before, so a student guessing PINs does not hold it up), else a new one that
    ``_teacher_cookie`` keeps once this browser's PIN was right."""
    return st.session_state.setdefault(TRUST, _cookie_token(TRUST_COOKIE) or classroom.new_token())


def student_token() -> str:
    """This browser's follower token: from its cookie when it has one (a reload is the same
    student, counted once), else a new one that ``_remember_student`` writes to the cookie."""
    ss = st.session_state
    if STOKEN not in ss:
        ss[STOKEN] = _cookie_token(STUDENT_COOKIE) or classroom.new_token()
    return ss[STOKEN]


def _restore_instructor() -> None:
    """A new session of the instructor's browser (the tab reloaded, or a link opened in it) is the
    instructor again: the browser's session cookie holds CODE.TOKEN of the class it teaches, and
    the store confirms the token is still that class's instructor. Checked once per session."""
    ss = st.session_state
    if ss.get(RESTORED) or ss.get(ROLE) is not None:
        return
    ss[RESTORED] = True
    cookie = (st.context.cookies or {}).get(TEACHER_COOKIE, "") if st.context.cookies is not None else ""
    ss[TEACHER_SENT] = cookie
    m = re.fullmatch(r"([A-Z]{4})\.([A-Za-z0-9_-]{16,64})", cookie or "")
    if not m:
        return
    try:
        if resources.classrooms().is_instructor(m.group(1), m.group(2)):
            ss.update({TOKEN: m.group(2), ROLE: "instructor", CODE: m.group(1), MSG: None})
    except PlaygroundError:
        return


def _write_cookie(name: str, value: str, max_age: int | None = None) -> None:
    """Set a cookie of this browser (path=/, SameSite=Strict; ``max_age`` None: a session
    cookie, 0: delete it). ``value`` is a token or CODE.TOKEN ([A-Za-z0-9_.-] only, checked or
    made here), passed as JSON data; the script is otherwise static."""
    age = "" if max_age is None else f"; max-age={max_age}"
    st.html(f"<script>document.cookie = {json.dumps(f'{name}={value}; path=/{age}; SameSite=Strict')};</script>",
            unsafe_allow_javascript=True)


def _teacher_cookie() -> None:
    """Keep the browser's session cookie in step with this session's role (set while teaching,
    cleared after; a session cookie, gone when the browser closes), and, once this browser's PIN
    was right, its PIN-trust cookie (``browser_secret``)."""
    ss = st.session_state
    want = f"{ss[CODE]}.{token()}" if ss.get(ROLE) == "instructor" else ""
    if want != ss.get(TEACHER_SENT, ""):
        ss[TEACHER_SENT] = want
        _write_cookie(TEACHER_COOKIE, want, None if want else 0)
    trust = ss.get(TRUST, "")
    if ss.get(ROLE) == "instructor" and ss.get(PIN_USED) and trust and ss.get(TRUST_SENT) != trust \
            and _cookie_token(TRUST_COOKIE) != trust:
        ss[TRUST_SENT] = trust
        _write_cookie(TRUST_COOKIE, trust, int(classroom.TRUST_TTL_S))


def _remember_student() -> None:
    tok = student_token()
    if _cookie_token(STUDENT_COOKIE) != tok and st.session_state.get(STUDENT_SENT) != tok:
        st.session_state[STUDENT_SENT] = tok  # once per session (the handshake's cookies never change)
        _write_cookie(STUDENT_COOKIE, tok, 28800)


# --- the instructor's liveness, independent of page runs --------------------------------------

_keepalive: classkeepalive.Keepalive | None = None
_keepalive_lock = threading.Lock()


def _is_connected(session_id: str) -> bool:
    from streamlit.runtime import Runtime

    return Runtime.exists() and Runtime.instance().is_active_session(session_id)


def _keep_alive() -> None:
    """Register this instructor session with the process's keepalive thread (a real server only)."""
    global _keepalive
    try:
        from streamlit.runtime import Runtime
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx()
        if ctx is None or not Runtime.exists():
            return
        with _keepalive_lock:
            if _keepalive is None:
                _keepalive = classkeepalive.Keepalive(resources.classrooms(), _is_connected)
        _keepalive.add(ctx.session_id, st.session_state[CODE], token())
    except Exception:  # noqa: BLE001 - liveness still comes from the poll; never break the page
        return


def report_activity(label: str | None = None, fraction: float | None = None) -> None:
    """Tell the class what the instructor's tab is doing during a long run (LiveRun calls it
    with the run's progress, ``fraction`` None while it waits its turn): followers see
    「先生が … を実行中 — 42 %」. ``label`` is our own UI text (default: the page's title).
    A no-op unless this session is teaching; at most every ACTIVITY_S; never raises."""
    try:
        ss = st.session_state
        if ss.get(ROLE) != "instructor":
            return
        now = time.monotonic()
        if now - ss.get(ACT_AT, 0.0) < ACTIVITY_S and fraction not in (0.0, 1.0):
            return
        ss[ACT_AT] = now
        resources.classrooms().report_activity(ss[CODE], token(), label or ss.get(TITLE) or "", fraction)
    except Exception:  # noqa: BLE001 - a class message must never stop a training run
        return


def _params() -> dict:
    qp = st.query_params
    return {k: qp.get_all(k) for k in qp}


def current_state(page_path: str) -> tuple:
    return page_path, classroom.shared_params(_params())


def shown_as(state: tuple, sent: tuple | None) -> bool:
    """Is ``state`` the URL ``sent`` as Streamlit keeps it after a run? Streamlit drops a bound
    widget's parameter from the URL while the widget holds its default (or is not drawn in that
    run), so a follower sent to ``?tab=<first tab>&w2v_word=犬`` has ``?w2v_word=犬`` a moment
    later, and a run Streamlit starts by itself (a reconnect, its own rerun) starts there: the
    same screen, not the student's doing. A page, a parameter or a value of its own is. (The one
    change this cannot tell from Streamlit's, as the URL is all there is: a student who sets an
    input or tab back to its default stays with the class and is sent back to the instructor's
    screen.) Only for that question: whether a browser is already where the class is takes the
    state it arrived at (``ARRIVED``), as a page's defaults are not known here."""
    return sent is not None and state[0] == sent[0] and all(sent[1].get(k) == v for k, v in state[1].items())


def _was_sent(state: tuple) -> bool:
    """Did this follower's browser get ``state`` from the class (the target, or one of the
    URLs sent since it last arrived), in Streamlit's form or as sent?"""
    ss = st.session_state
    return any(shown_as(state, sent) for sent in (ss.get(TARGET), *ss.get(SENT, ())))


def request_root() -> str:
    """The app's root URL as the browser sees it (st.context.url without the page path)."""
    url = (st.context.url or "").rstrip("/")
    if not url:
        host = st.context.headers.get("Host") if st.context.headers else None
        return f"http://{host}" if host else ""
    page = st.session_state.get(PAGE, "")
    if page and url.endswith("/" + page):
        url = url[: -len(page) - 1]
    return url


# --- mounting points ------------------------------------------------------------------------

FOLLOW_SLOTS_ENV = "PLAYGROUND_FOLLOW_SLOTS"
FOLLOW_SLOTS = max(1, limits.env_int(FOLLOW_SLOTS_ENV, 1))
FOLLOW_SLOT_WAIT_S = 2.0
_follow_slots = threading.BoundedSemaphore(FOLLOW_SLOTS)


@contextlib.contextmanager
def follow_slot(page):
    """Around a follower's page run that goes where the instructor sent it: at most
    ``FOLLOW_SLOTS`` such runs at once per process. After a change every follower runs the page;
    forty runs at once on one GIL all finish at the end, each slowed by the others (≈ 10 % more
    CPU per run, measured); in a short line the first ones are done early and the whole class
    sooner. A run waits at most ``FOLLOW_SLOT_WAIT_S`` for a slot, then goes on without one (a
    follow run that waits on something slow cannot hold the class up for longer)."""
    ss = st.session_state
    follows = ss.get(ROLE) == "follower" and ss.get(ATTACHED) and _was_sent(current_state(page.url_path))
    got = follows and _follow_slots.acquire(timeout=FOLLOW_SLOT_WAIT_S)
    try:
        yield
    finally:
        if got:
            _follow_slots.release()


def top(page) -> None:
    """Before the page: join from ?class=CODE, then the follower's or instructor's live panel,
    and the share panel (QR) when open."""
    ss = st.session_state
    ss[PAGE] = page.url_path
    ss[TITLE] = getattr(page, "title", "") or page.url_path
    ss[RUNS] = ss.get(RUNS, 0) + 1
    ss[MINE] = start = current_state(page.url_path)  # a follow's run starts with the URL it was sent to
    if ss.get(ROLE) == "follower" and ss.get(ATTACHED) and ss.get(TARGET) is not None and not _was_sent(start):
        # a run that starts on a URL we did not send this browser to: the student opened another
        # page, a tab, or changed a bound input (the browser writes it to the URL first). Stop
        # following until 先生に戻る.
        ss[ATTACHED] = False
        ss.pop(PENDING, None)
    _restore_instructor()
    _join_from_url()
    _teacher_cookie()
    if ss.get(RETRY) and ss.get(ROLE) is None and _class_back(ss[RETRY]):
        _join(ss[RETRY])  # the teacher restarted the class this student was in: back in it
    ss[MSG_SHOWN] = ss.get(MSG)  # shown here, above the page: the polls need not say it again
    if ss.get(MSG):
        st.info(ss[MSG], icon=":material/school:")
    warning = resources.classrooms().warning
    if warning and ss.get(ROLE) == "instructor":
        st.caption(local(warning))
    role = ss.get(ROLE)
    if role == "follower" or (role is None and ss.get(RETRY)):
        _remember_student()
        _follower_panel()  # also while waiting for a restarted class: its poll rejoins
    elif role == "instructor":
        _instructor_panel()
    elif presenter():
        st.button(t("cls.share.open"), key="cls_share_btn_top", icon=":material/qr_code_2:",
                  on_click=_toggle_share)
    if ss.get(SHARE) and role != "follower":
        _share_panel(page.url_path)


def bottom(page) -> None:
    """After the page ran (its bound widgets are in st.query_params now): the instructor
    publishes, a follower checks whether it was itself who changed something; then the page's
    quick checks."""
    ss = st.session_state
    start, mine = ss.get(MINE), current_state(page.url_path)
    ss[MINE] = mine
    role = ss.get(ROLE)
    if role == "instructor":
        try:
            try:
                resources.classrooms().publish(ss[CODE], token(), *mine)
            except classroom.ClassNotFound:  # forgotten by the store: restart the same code (see the panel)
                resources.classrooms().resume(ss[CODE], token(), ss.get(PIN_USED, ""), browser_secret())
                resources.classrooms().publish(ss[CODE], token(), *mine)
        except classroom.StoreUnavailable as exc:  # Redis away for a moment: still teaching, the poll retries
            st.warning(exc.text(lang()), icon="⚠️")
        except PlaygroundError as exc:  # ended meanwhile (timeout) or taken over with the PIN
            _leave(exc.text(lang()))
    elif role == "follower" and ss.get(TARGET) is not None and (_there(ss[TARGET], mine) or _there(ss[TARGET], start)):
        ss.pop(PENDING, None)  # arrived (or still there), in Streamlit's form of the URL sent
        ss[ARRIVED], ss[SENT] = (ss[TARGET], mine), _both(ss[TARGET], mine)
    quickcheck.section(page.url_path, class_code=ss.get(CODE) if role == "instructor" else None)


def sidebar_section() -> None:
    """Sidebar: join a class by code, or open the share panel (QR)."""
    ss = st.session_state
    _restore_instructor()
    st.caption(t("cls.sidebar"))
    role = ss.get(ROLE)
    if role == "follower":
        st.markdown(t("cls.sidebar.following", code=ss[CODE]))
        st.button(t("cls.leave"), key="cls_leave", on_click=_leave_class)
        return
    if role == "instructor":
        st.markdown(t("cls.sidebar.teaching", code=ss[CODE]))
    else:
        code = checked(st.text_input(t("cls.join.code"), max_chars=8, key="cls_join_code",
                                     placeholder="ABCD"), limit=8)
        if st.button(t("cls.join"), key="cls_join_btn") and code:
            _join(code)
    st.button(t("cls.share.open"), key="cls_share_btn_side", icon=":material/qr_code_2:", on_click=_toggle_share)


# --- joining and leaving ----------------------------------------------------------------------

def _join_from_url() -> None:
    ss = st.session_state
    code = st.query_params.get("class")
    if code and code != ss.get(JOINED):
        ss[JOINED] = code
        if ss.get(ROLE) == "instructor":
            # the instructor's own session never turns into a follower by a link (its own class's
            # link, or a hijack link sent to it): say so and stay the instructor
            if str(code).strip().upper() != ss.get(CODE):
                ss[MSG] = t("cls.instructor.link", code=ss[CODE])
            return
        _join(code)


def _join(code: str) -> None:
    ss = st.session_state
    ss[RETRY] = None
    try:
        view = resources.classrooms().follow(code, student_token())
    except PlaygroundError as exc:
        ss[MSG] = exc.text(lang())
        if isinstance(exc, (classroom.ClassNotFound, classroom.StoreUnavailable)):
            try:
                ss[RETRY] = classroom.normalize_code(code)  # after a restart: join again once the teacher restarted it
            except classroom.ClassNotFound:
                pass
        return
    ss.update({ROLE: "follower", CODE: view.code, ATTACHED: True, TARGET: None, SENT: [], ARRIVED: None, MSG: None,
               VIEW: view, VER: None, SEEN_AT: time.monotonic()})
    ss.pop(PENDING, None)


def _leave(message: str | None = None) -> None:
    ss = st.session_state
    push.stop()
    for key in (ROLE, CODE, ATTACHED, TARGET, PENDING, SENT, ARRIVED, VIEW, VER, OPEN_Q):
        ss.pop(key, None)
    ss[MSG] = message


def _leave_class() -> None:
    """The follower's 「授業から抜ける」: it stops counting at once."""
    ss = st.session_state
    try:
        resources.classrooms().leave(ss[CODE], student_token())
    except PlaygroundError:
        pass
    _leave()


def _toggle_share() -> None:
    st.session_state[SHARE] = not st.session_state.get(SHARE, False)


# --- follower -------------------------------------------------------------------------------

@st.fragment(run_every=POLL_S)
def _follower_panel() -> None:
    ss = st.session_state
    if ss.get(ROLE) is None and ss.get(RETRY) and _class_back(ss[RETRY]):
        _join(ss[RETRY])
    if ss.get(ROLE) != "follower":
        if ss.get(MSG) and ss[MSG] != ss.get(MSG_SHOWN):  # the class ended on an earlier tick:
            st.info(ss[MSG], icon=":material/school:")  # keep saying so (until a page run does)
        if ss.get(RETRY):  # waiting for a restarted class: this poll rejoins it, or the student does
            st.button(t("cls.retry"), key="cls_retry", on_click=_join, args=(ss[RETRY],))
        return
    try:
        view = _poll(ss[CODE])
    except classroom.StoreUnavailable as exc:  # Redis away: stay in the class, the next tick tries again
        st.warning(exc.text(lang()), icon="⚠️")
        return
    except PlaygroundError as exc:  # ended (teacher left, timed out) or unknown (server restarted)
        code = ss[CODE]
        _leave(exc.text(lang()))
        if isinstance(exc, classroom.ClassNotFound):
            ss[RETRY] = code
            st.button(t("cls.retry"), key="cls_retry", on_click=_join, args=(code,))
        st.info(exc.text(lang()), icon=":material/school:")
        return
    q = view.question
    ss[OPEN_Q] = q.qid if q is not None and not q.revealed else None  # the page's own check stays shut
    with st.container(border=True, key="cls_follow_panel"):
        if view.activity is not None:
            _activity(view.activity)
        elif view.quiet:
            st.caption(t("cls.quiet"))
        if ss.get(ATTACHED):
            st.markdown(t("cls.following", code=view.code))
            _follow(view.state)
            push.follow(view.code, ss.get(VER))  # woken at once when the class changes (core.classpush)
        else:
            push.stop()
            c1, c2 = st.columns([3, 2], vertical_alignment="center")
            c1.markdown(t("cls.detached", code=view.code))
            c2.button(t("cls.reattach"), key="cls_reattach", type="primary", on_click=_reattach)
        if view.question is not None:
            quickcheck.student(view.code, student_token(), view.question)


def _class_back(code: str) -> bool:
    """Is the class ``code`` (forgotten by a restarted server) running again? One version read."""
    try:
        return resources.classrooms().version(code) is not None
    except PlaygroundError:
        return False


def _poll(code: str) -> classroom.ClassView:
    """A follower's tick: one version read; the class is fetched only when it changed (or every
    SEEN_S, which also keeps this follower counted)."""
    ss = st.session_state
    rooms = resources.classrooms()
    version = rooms.version(code)
    now = time.monotonic()
    if version is None or ss.get(VIEW) is None or version != ss.get(VER) or now - ss.get(SEEN_AT, 0.0) > SEEN_S:
        ss[VIEW], ss[VER], ss[SEEN_AT] = rooms.follow(code, student_token()), version, now
    return ss[VIEW]


def _activity(activity: classroom.Activity) -> None:
    """「先生がミニGPT … を実行中 — 42 %」 (our own text: the label comes from the app, not a student)."""
    if activity.fraction is None:
        st.markdown(t("cls.activity.wait", label=activity.label))
    else:
        pct = round(100 * activity.fraction)
        st.markdown(t("cls.activity", label=activity.label, pct=pct))
        st.progress(activity.fraction)


def _reattach() -> None:
    st.session_state.update({ATTACHED: True, TARGET: None, SENT: [], ARRIVED: None})
    st.session_state.pop(PENDING, None)


def _there(target: tuple, state: tuple | None) -> bool:
    """Is a browser whose URL gives ``state`` where ``target`` sent it: the URL as sent, or the
    form Streamlit showed when it last arrived there (ARRIVED)?"""
    return state == target or st.session_state.get(ARRIVED) == (target, state)


def _both(sent: tuple, shown: tuple) -> list[tuple]:
    """The state arrived at, as sent and as Streamlit shows it (once if they are the same)."""
    return [sent] if shown == sent else [sent, shown]


def _follow(state: classroom.DemoState) -> None:
    """Send this browser to the instructor's state unless it is there or on its way."""
    ss = st.session_state
    if state.version == 0:
        return  # the instructor has not published yet
    target = (state.page, state.params)
    mine = ss.get(MINE)
    if _there(target, mine):
        ss[TARGET], ss[SENT] = target, _both(target, mine)
        ss.pop(PENDING, None)
        return
    pending = ss.get(PENDING)
    now = time.monotonic()
    if not (pending and pending[0] == target and (pending[2] != ss.get(RUNS) or now - pending[1] < RETRY_S)):
        # send it (again, if no run of the page started since the last try)
        url = classlinks.demo_link(request_root(), state.page, state.params, ss[CODE])
        nonce = f"{state.version}-{now:.3f}"
        # The URL is data in a JSON string ("<" escaped so no "</script>" can close the tag);
        # the script is otherwise static. It does what the browser's Back button does: Streamlit
        # reruns the page of the new URL and seeds the bound widgets from it.
        script = (FOLLOW_JS.replace("__URL__", json.dumps(url).replace("<", "\\u003c"))
                  .replace("__NONCE__", json.dumps(nonce)))
        ss[TARGET], pending = target, (target, now, ss.get(RUNS, 0), script)
        ss[PENDING] = pending
        ss[SENT] = [*ss.get(SENT, []), target][-MAX_SENT:]
    # Drawn on every tick until it lands: a busy browser may take seconds to mount it, and the
    # nonce makes it run once.
    st.html(pending[3], unsafe_allow_javascript=True)


FOLLOW_JS = """<script>(function () {
  const url = __URL__, nonce = __NONCE__;
  if (window.__pgFollowed === nonce) return;
  window.__pgFollowed = nonce;
  let waited = 0;
  const go = () => {  // between two runs (a navigation that arrives mid-run can be lost)
    const app = document.querySelector('[data-testid="stApp"]');
    if (app && app.getAttribute("data-test-script-state") === "running" && waited++ < 100) {
      setTimeout(go, 50);
      return;
    }
    window.history.pushState(null, "", url);
    window.dispatchEvent(new PopStateEvent("popstate", {state: null}));
  };
  go();
})();</script>"""


# --- instructor -------------------------------------------------------------------------------

@st.fragment(run_every=POLL_S)
def _instructor_panel() -> None:
    ss = st.session_state
    if ss.get(ROLE) != "instructor":
        if ss.get(MSG) and ss[MSG] != ss.get(MSG_SHOWN):
            st.info(ss[MSG], icon=":material/school:")
        return
    rooms = resources.classrooms()
    try:
        try:
            rooms.publish(ss[CODE], token(), ss.get(PAGE, ""), _params())
        except classroom.ClassNotFound:
            # the store forgot the class (Redis restarted empty): this session is still its
            # teacher, so it restarts the same code (with the PIN it started with); students rejoin
            rooms.resume(ss[CODE], token(), ss.get(PIN_USED, ""))
            rooms.publish(ss[CODE], token(), ss.get(PAGE, ""), _params())
        view = rooms.heartbeat(ss[CODE], token())
    except classroom.StoreUnavailable as exc:  # Redis away: still teaching, the next tick tries again
        st.warning(exc.text(lang()), icon="⚠️")
        return
    except PlaygroundError as exc:
        _leave(exc.text(lang()))
        st.info(exc.text(lang()), icon=":material/school:")
        return
    _keep_alive()
    with st.container(border=True, key="cls_teach_panel"):
        c1, c2, c3 = st.columns([3, 1, 1], vertical_alignment="center")
        c1.markdown(t("cls.teaching", code=view.code, n=view.n_followers))
        c2.button(t("cls.share.open"), key="cls_share_btn_inst", icon=":material/qr_code_2:", on_click=_toggle_share)
        c3.button(t("cls.end"), key="cls_end", on_click=_end)
        if view.handover:
            st.warning(t("cls.handover.asked"), icon=":material/swap_horiz:")
            h1, h2 = st.columns(2)
            h1.button(t("cls.handover.give"), key="cls_handover_give", on_click=_handover, args=(True,))
            h2.button(t("cls.handover.keep"), key="cls_handover_keep", on_click=_handover, args=(False,))
        if view.question is not None:
            quickcheck.instructor(view.code, token(), view.question)


def _start(pin: str) -> None:
    ss = st.session_state
    try:
        code = resources.classrooms().start(token(), pin, browser_secret())
    except PlaygroundError as exc:
        ss["cls_start_error"] = exc.text(lang())
        return
    # the PIN stays in this session's server-side state only, to restart the class by itself
    # if the shared store forgets it (it never goes to a browser)
    ss.update({ROLE: "instructor", CODE: code, MSG: None, "cls_start_error": None, PIN_USED: pin})


def _resume(code: str, pin: str) -> None:
    """Resume a class by its code: restart it (ended, or forgotten by a restarted server), take
    it over when its instructor's tab went quiet, or ask that instructor to hand it over."""
    ss = st.session_state
    try:
        code = resources.classrooms().resume(code, token(), pin, browser_secret())
    except PlaygroundError as exc:
        ss["cls_start_error"] = exc.text(lang())
        return
    ss.update({ROLE: "instructor", CODE: code, MSG: None, "cls_start_error": None, PIN_USED: pin})


def _handover(give: bool) -> None:
    ss = st.session_state
    rooms = resources.classrooms()
    try:
        if give:
            rooms.approve_handover(ss[CODE], token())
            _leave(t("cls.handover.given"))
        else:
            rooms.decline_handover(ss[CODE], token())
    except PlaygroundError as exc:
        ss[MSG] = exc.text(lang())


def _end() -> None:
    ss = st.session_state
    try:
        resources.classrooms().end(ss[CODE], token())
    except PlaygroundError:
        pass
    _leave(t("cls.ended.self"))


# --- share panel (QR) -------------------------------------------------------------------------

def _share_panel(page_path: str) -> None:
    ss = st.session_state
    base = classlinks.public_base(request_root())
    code = ss.get(CODE) if ss.get(ROLE) == "instructor" else None
    link = classlinks.demo_link(base, page_path, _params(), code)
    with st.container(border=True, key="cls_share_panel"):
        st.subheader(t("cls.share.title"))
        if resources.classrooms().warning and not code:  # Redis was unreachable at start
            st.warning(local(resources.classrooms().warning), icon="⚠️")
        left, right = st.columns([1, 1])
        with left:
            try:
                st.image(classlinks.qr_png(link), width=360, caption=t("cls.share.qr"))
            except PlaygroundError as exc:  # a link too long for a QR code: the code and short URL still work
                st.warning(exc.text(lang()), icon="⚠️")
        with right:
            if code:
                st.markdown(t("cls.share.code", code=code))
                st.markdown(t("cls.share.short"))
                st.code(f"{base}/?class={code}", language=None, wrap_lines=True)
            st.caption(t("cls.share.link"))
            st.code(link, language=None, wrap_lines=True)
            if not code:
                _start_form()
        st.button(t("cls.share.close"), key="cls_share_close", on_click=_toggle_share)


def _start_form() -> None:
    ss = st.session_state
    st.markdown(t("cls.start.lead"))
    if classroom.pin_required():
        checked(st.text_input(t("cls.pin"), type="password", key="cls_pin", max_chars=64), limit=64)
    st.button(t("cls.start"), key="cls_start", type="primary", on_click=lambda: _start(ss.get("cls_pin", "")))
    with st.expander(t("cls.takeover")):
        st.caption(t("cls.takeover.lead"))
        checked(st.text_input(t("cls.join.code"), key="cls_takeover_code", max_chars=8), limit=8)
        # the callback reads the field's value now (a closure would hold the previous run's)
        st.button(t("cls.takeover.go"), key="cls_takeover",
                  on_click=lambda: _resume(ss.get("cls_takeover_code", ""), ss.get("cls_pin", "")))
    if ss.get("cls_start_error"):
        st.warning(ss["cls_start_error"], icon="⚠️")
