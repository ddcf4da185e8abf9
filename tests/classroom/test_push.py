"""Push for followers (core/classpush.py, pages/common/push.py): a follower is woken as soon as its
class changes instead of at its poll's next tick."""
from __future__ import annotations

import re

import pytest

from core import classpush
from core.i18n import t


def _waker(rooms):
    woken: list[tuple[str, str]] = []
    alive = {"s1", "s2", "s3"}

    def wake(sid, fid):
        woken.append((sid, fid))
        return sid in alive

    return classpush.Waker(rooms, wake, interval=3600), woken, alive


def test_followers_are_woken_once_per_change_of_their_class(rooms):
    code, other = rooms.start("teacher"), rooms.start("teacher2")
    w, woken, _ = _waker(rooms)
    w.watch("s1", code, "poll-a", rooms.version(code))
    w.watch("s2", code, "poll-b", rooms.version(code))
    w.watch("s3", other, "poll-c", rooms.version(other))
    w.tick()
    assert woken == []  # nothing changed since they last read
    rooms.publish(code, "teacher", "word2vec", {"w2v_word": "犬"})
    w.tick()
    assert sorted(woken) == [("s1", "poll-a"), ("s2", "poll-b")]  # only that class's followers
    w.tick()
    assert len(woken) == 2  # once per change


def test_a_session_that_is_gone_is_dropped_and_a_dropped_one_is_not_woken(rooms):
    code = rooms.start("teacher")
    w, woken, alive = _waker(rooms)
    w.watch("s1", code, "p", rooms.version(code))
    w.watch("s2", code, "p", rooms.version(code))
    w.drop("s2")
    alive.discard("s1")  # the tab closed
    rooms.publish(code, "teacher", "bert", {})
    w.tick()
    assert woken == [("s1", "p")] and w.watching() == 0


def test_a_store_that_is_down_does_not_stop_the_waker(rooms, backend):
    if backend[0] != "redis":
        pytest.skip("only Redis can go away")
    code = rooms.start("teacher")
    w, woken, _ = _waker(rooms)
    w.watch("s1", code, "p", rooms.version(code))
    backend[2].stop()
    try:
        w.tick()  # StoreUnavailable inside: no exception, nobody woken
        assert woken == [] and w.watching() == 1
    finally:
        backend[2].start()


@pytest.mark.slow  # a real server
def test_a_follower_that_does_not_tick_is_woken_by_the_server_and_sent_to_the_new_state(app_server):
    """The follower's browser sends nothing after joining (no poll tick): the server itself runs
    its poll when the instructor changes the word, and that run draws the follow script to the
    new word. Without the push the follower would hear nothing until its next tick."""
    from bench.classroom import follow_script, fragment_with, markdown_text
    from stkit.client import Session

    teacher = Session(app_server.url, "word2vec", {"tab": t("w2v.tab.neighbors")}, timeout=120)
    follower = None
    try:
        teacher.open()
        teacher.press(t("cls.share.open"))
        teacher.rerun()
        teacher.press(t("cls.start"))
        code = re.search(r"クラスコード: `([A-Z]{4})`", markdown_text(teacher.rerun())).group(1)
        teacher.press(t("cls.share.close"))
        teacher.rerun()
        follower = Session(app_server.url, "", {"class": code}, timeout=120)
        run = follower.open()
        script = follow_script(run)
        while script is None:  # the first poll tick sends it to the instructor's page
            run = follower.rerun(fragment_with(follower, "先生の画面") or "", auto=True)
            script = follow_script(run)
        from urllib.parse import urlsplit

        target = urlsplit(script[0])
        follower.navigate(target.path.strip("/"), target.query)  # now on word2vec, following

        teacher.type_text(t("w2v.nb.word"), "犬")
        teacher.query_string = "w2v_word=%E7%8A%AC"
        teacher.rerun()  # publishes the new word at the end of its run
        pushed = follower.listen(15)
        assert pushed is not None, "the server did not wake the follower"
        script = follow_script(pushed)
        assert script is not None and "w2v_word=%E7%8A%AC" in script[0], script
        assert pushed.problems() == []
    finally:
        teacher.close()
        if follower is not None:
            follower.close()


def test_follow_runs_take_turns_but_never_wait_long(monkeypatch):
    """After a change every follower runs the page: in line (one at a time per process by
    default), each waiting at most FOLLOW_SLOT_WAIT_S; the instructor's and a detached student's
    own runs never wait in that line."""
    import threading
    import time
    import types

    from pages.common import classroom as page

    target = ("word2vec", {"w2v_word": ["犬"]})
    state = {page.ROLE: "follower", page.ATTACHED: True, page.TARGET: target, page.SENT: [target]}
    monkeypatch.setattr(page.st, "session_state", state)
    monkeypatch.setattr(page, "current_state", lambda path: target)
    monkeypatch.setattr(page, "_follow_slots", threading.BoundedSemaphore(1))
    monkeypatch.setattr(page, "FOLLOW_SLOT_WAIT_S", 0.5)
    where = types.SimpleNamespace(url_path="word2vec")
    inside, leave = threading.Event(), threading.Event()

    def first_follower():
        with page.follow_slot(where):
            inside.set()
            leave.wait(10)

    th = threading.Thread(target=first_follower)
    th.start()
    assert inside.wait(10)

    def waited() -> float:
        t0 = time.monotonic()
        with page.follow_slot(where):
            return time.monotonic() - t0

    assert 0.45 <= waited() < 5  # in line behind the first, but not longer than the cap
    for role, attached in (("instructor", False), ("follower", False)):
        state.update({page.ROLE: role, page.ATTACHED: attached})
        assert waited() < 0.2  # not a follow: no line
    leave.set()
    th.join()
    state.update({page.ROLE: "follower", page.ATTACHED: True})
    assert waited() < 0.2  # the slot was given back
