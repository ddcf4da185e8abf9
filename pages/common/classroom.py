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

The poll is a fragment rerun, not a page run: when nothing changed it costs the server a few
milliseconds (bench/classroom.py), which is why .streamlit/config.toml turns off Streamlit's
gc.collect() after every run (with the models in memory that alone cost 0.1-0.6 s per tick).
"""
from __future__ import annotations

import json
import time

import streamlit as st

from core import PlaygroundError
from core import classroom
from core import resources
from pages.common import quickcheck
from pages.common.ui import checked, lang, presenter, t

POLL_S = 1.0  # followers see a change within about this (+ one run of the page)
RETRY_S = 15.0  # a follow after which no run of the page started at all is sent again
TOKEN, ROLE, CODE, ATTACHED = "cls_token", "cls_role", "cls_code", "cls_attached"
PAGE, MINE, TARGET, PENDING, MSG, SHARE, JOINED, RUNS, SENT = (
    "cls_page", "cls_mine", "cls_target", "cls_pending", "cls_msg", "cls_share", "cls_joined", "cls_runs",
    "cls_sent")
MAX_SENT = 8  # the state last reached + those sent to since (the instructor may change faster than a page runs)


def token() -> str:
    return st.session_state.setdefault(TOKEN, classroom.new_token())


def _params() -> dict:
    qp = st.query_params
    return {k: qp.get_all(k) for k in qp}


def current_state(page_path: str) -> tuple:
    return page_path, classroom.shared_params(_params())


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

def top(page) -> None:
    """Before the page: join from ?class=CODE, then the follower's or instructor's live panel,
    and the share panel (QR) when open."""
    ss = st.session_state
    ss[PAGE] = page.url_path
    ss[RUNS] = ss.get(RUNS, 0) + 1
    ss[MINE] = start = current_state(page.url_path)  # a follow's run starts with the URL it was sent to
    if ss.get(ROLE) == "follower" and ss.get(ATTACHED) and ss.get(TARGET) is not None \
            and start != ss[TARGET] and start not in ss.get(SENT, ()):
        # a run that starts on a URL we did not send this browser to: the student opened another
        # page, a tab, or changed a bound input (the browser writes it to the URL first). Stop
        # following until 先生に戻る.
        ss[ATTACHED] = False
        ss.pop(PENDING, None)
    _join_from_url()
    if ss.get(MSG):
        st.info(ss[MSG], icon=":material/school:")
    role = ss.get(ROLE)
    if role == "follower":
        _follower_panel()
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
    mine = current_state(page.url_path)
    ss[MINE] = mine
    role = ss.get(ROLE)
    if role == "instructor":
        try:
            resources.classrooms().publish(ss[CODE], token(), *mine)
        except PlaygroundError as exc:  # ended meanwhile (timeout) or taken over with the PIN
            _leave(exc.text(lang()))
    elif role == "follower" and mine == ss.get(TARGET):
        ss.pop(PENDING, None)  # arrived
        ss[SENT] = [mine]
    quickcheck.section(page.url_path, class_code=ss.get(CODE) if role == "instructor" else None)


def sidebar_section() -> None:
    """Sidebar: join a class by code, or open the share panel (QR)."""
    ss = st.session_state
    st.caption(t("cls.sidebar"))
    role = ss.get(ROLE)
    if role == "follower":
        st.markdown(t("cls.sidebar.following", code=ss[CODE]))
        st.button(t("cls.leave"), key="cls_leave", on_click=_leave)
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
    code = st.query_params.get("class")
    if code and code != st.session_state.get(JOINED):
        st.session_state[JOINED] = code
        if not (st.session_state.get(ROLE) == "instructor" and st.session_state.get(CODE) == code):
            _join(code)


def _join(code: str) -> None:
    ss = st.session_state
    try:
        view = resources.classrooms().follow(code, token())
    except PlaygroundError as exc:
        ss[MSG] = exc.text(lang())
        return
    ss.update({ROLE: "follower", CODE: view.code, ATTACHED: True, TARGET: None, SENT: [], MSG: None})
    ss.pop(PENDING, None)


def _leave(message: str | None = None) -> None:
    ss = st.session_state
    for key in (ROLE, CODE, ATTACHED, TARGET, PENDING, SENT):
        ss.pop(key, None)
    ss[MSG] = message


def _toggle_share() -> None:
    st.session_state[SHARE] = not st.session_state.get(SHARE, False)


# --- follower -------------------------------------------------------------------------------

@st.fragment(run_every=POLL_S)
def _follower_panel() -> None:
    ss = st.session_state
    if ss.get(ROLE) != "follower":
        if ss.get(MSG):  # the class ended on an earlier tick: keep saying so (until a page run does)
            st.info(ss[MSG], icon=":material/school:")
        return
    try:
        view = resources.classrooms().follow(ss[CODE], token())
    except PlaygroundError as exc:  # ended (teacher left, timed out) or unknown
        _leave(exc.text(lang()))
        st.info(exc.text(lang()), icon=":material/school:")
        return
    with st.container(border=True, key="cls_follow_panel"):
        if ss.get(ATTACHED):
            st.markdown(t("cls.following", code=view.code))
            _follow(view.state)
        else:
            c1, c2 = st.columns([3, 2], vertical_alignment="center")
            c1.markdown(t("cls.detached", code=view.code))
            c2.button(t("cls.reattach"), key="cls_reattach", type="primary", on_click=_reattach)
        if view.question is not None:
            quickcheck.student(view.code, token(), view.question)


def _reattach() -> None:
    st.session_state.update({ATTACHED: True, TARGET: None, SENT: []})
    st.session_state.pop(PENDING, None)


def _follow(state: classroom.DemoState) -> None:
    """Send this browser to the instructor's state unless it is there or on its way."""
    ss = st.session_state
    if state.version == 0:
        return  # the instructor has not published yet
    target = (state.page, state.params)
    if ss.get(MINE) == target:
        ss[TARGET], ss[SENT] = target, [target]
        ss.pop(PENDING, None)
        return
    pending = ss.get(PENDING)
    now = time.monotonic()
    if not (pending and pending[0] == target and (pending[2] != ss.get(RUNS) or now - pending[1] < RETRY_S)):
        # send it (again, if no run of the page started since the last try)
        url = classroom.demo_link(request_root(), state.page, state.params, ss[CODE])
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
        if ss.get(MSG):
            st.info(ss[MSG], icon=":material/school:")
        return
    rooms = resources.classrooms()
    try:
        rooms.publish(ss[CODE], token(), ss.get(PAGE, ""), _params())
        view = rooms.heartbeat(ss[CODE], token())
    except PlaygroundError as exc:
        _leave(exc.text(lang()))
        st.info(exc.text(lang()), icon=":material/school:")
        return
    with st.container(border=True, key="cls_teach_panel"):
        c1, c2, c3 = st.columns([3, 1, 1], vertical_alignment="center")
        c1.markdown(t("cls.teaching", code=view.code, n=view.n_followers))
        c2.button(t("cls.share.open"), key="cls_share_btn_inst", icon=":material/qr_code_2:", on_click=_toggle_share)
        c3.button(t("cls.end"), key="cls_end", on_click=_end)
        if view.question is not None:
            quickcheck.instructor(view.code, token(), view.question)


def _start(pin: str) -> None:
    ss = st.session_state
    try:
        code = resources.classrooms().start(token(), pin)
    except PlaygroundError as exc:
        ss["cls_start_error"] = exc.text(lang())
        return
    ss.update({ROLE: "instructor", CODE: code, MSG: None, "cls_start_error": None})


def _take_over(code: str, pin: str) -> None:
    ss = st.session_state
    try:
        resources.classrooms().take_over(code, token(), pin)
    except PlaygroundError as exc:
        ss["cls_start_error"] = exc.text(lang())
        return
    ss.update({ROLE: "instructor", CODE: classroom.normalize_code(code), MSG: None, "cls_start_error": None})


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
    base = classroom.public_base(request_root())
    code = ss.get(CODE) if ss.get(ROLE) == "instructor" else None
    link = classroom.demo_link(base, page_path, _params(), code)
    with st.container(border=True, key="cls_share_panel"):
        st.subheader(t("cls.share.title"))
        left, right = st.columns([1, 1])
        with left:
            st.image(classroom.qr_png(link), width=360, caption=t("cls.share.qr"))
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
    if classroom.pin_required():
        with st.expander(t("cls.takeover")):
            code = checked(st.text_input(t("cls.join.code"), key="cls_takeover_code", max_chars=8), limit=8)
            st.button(t("cls.takeover.go"), key="cls_takeover", on_click=lambda: _take_over(code, ss.get("cls_pin", "")))
    if ss.get("cls_start_error"):
        st.warning(ss["cls_start_error"], icon="⚠️")
