"""Issue 24/25: a class survives the instructor's long demo, hostile students and restarts — on
both stores (the ``rooms`` fixture). Each test names the behaviour it guards."""
from __future__ import annotations

import pytest

from core import InputTooLong, InvalidInput, classkeepalive, classlinks, classroom as C


def test_a_long_run_does_not_end_the_class_while_the_instructors_tab_is_connected(rooms, monkeypatch):
    """The page run is busy training (no heartbeat, no publish) for longer than the timeout:
    the keepalive (is the session still connected?) keeps the class alive; once the tab is
    closed it ends after the timeout."""
    monkeypatch.setenv(C.TIMEOUT_ENV, "8")
    code = rooms.start("teacher")
    connected = {"sid-1": True}
    keep = classkeepalive.Keepalive(rooms, is_connected=lambda sid: connected.get(sid, False))
    keep._thread = object()  # ticked by hand here, no thread
    keep.add("sid-1", code, "teacher")
    for _ in range(30):  # 60 s of training, a tick every 2 s
        rooms.clock.now += 2
        keep.tick()
        rooms.follow(code, "s1")
    connected["sid-1"] = False  # the tab is closed
    rooms.clock.now += 2
    keep.tick()
    assert keep._sessions == {}
    rooms.clock.now += 9
    with pytest.raises(C.ClassEnded, match="先生の画面が閉じられた"):
        rooms.follow(code, "s1")


def test_followers_see_the_instructors_activity_until_the_next_publish(rooms):
    code = rooms.start("teacher")
    rooms.publish(code, "teacher", "transformer", {"tab": "GPT"})
    v0 = rooms.version(code)
    rooms.report_activity(code, "teacher", "ミニGPT を学習", 0.42)
    assert rooms.version(code) > v0  # a follower's cheap poll sees that something changed
    assert rooms.follow(code, "s1").activity == C.Activity("ミニGPT を学習", 0.42)
    with pytest.raises(C.NotInstructor):
        rooms.report_activity(code, "s1", "hijack", 1.0)
    rooms.publish(code, "teacher", "transformer", {"tab": "GPT"})  # the run reached its end
    assert rooms.follow(code, "s1").activity is None


def test_the_version_grows_only_with_what_followers_must_see(rooms):
    code = rooms.start("teacher")
    v = rooms.version(code)
    rooms.heartbeat(code, "teacher")
    rooms.follow(code, "s1")
    rooms.publish(code, "teacher", "", {})
    assert rooms.version(code) == v  # nothing changed: the poll stays a single read
    for change in (lambda: rooms.publish(code, "teacher", "bert", {}),
                   lambda: rooms.open_question(code, "teacher", "w2v-cbow", "choice", 4),
                   lambda: rooms.reveal(code, "teacher"),
                   lambda: rooms.close_question(code, "teacher")):
        change()
        assert rooms.version(code) > v
        v = rooms.version(code)
    rooms.end(code, "teacher")
    assert rooms.version(code) is None  # gone: the follower asks follow() why


def test_followers_who_left_expire_and_the_cap_counts_only_live_ones(rooms, monkeypatch):
    monkeypatch.setattr(C, "MAX_FOLLOWERS", 3)
    code = rooms.start("teacher")
    for s in ("a", "b", "c"):
        rooms.follow(code, s)
    with pytest.raises(InvalidInput, match="上限"):
        rooms.follow(code, "d")
    rooms.follow(code, "a")  # one already in is never refused
    rooms.clock.now += C.follower_ttl() / 2
    rooms.follow(code, "a")
    rooms.heartbeat(code, "teacher")
    rooms.clock.now += C.follower_ttl() / 2 + 1  # b and c closed their tabs
    assert rooms.heartbeat(code, "teacher").n_followers == 1
    rooms.follow(code, "d")
    rooms.follow(code, "e")
    assert rooms.heartbeat(code, "teacher").n_followers == 3
    rooms.leave(code, "e")
    assert rooms.heartbeat(code, "teacher").n_followers == 2


def test_answers_only_from_current_followers(rooms):
    code = rooms.start("teacher")
    rooms.follow(code, "s1")
    rooms.open_question(code, "teacher", "w2v-cbow", "choice", 4)
    seq = rooms.heartbeat(code, "teacher").question.seq
    with pytest.raises(InvalidInput, match="参加していない"):
        rooms.answer(code, "never-joined", seq, 1)
    rooms.answer(code, "s1", seq, 1)
    rooms.leave(code, "s1")
    with pytest.raises(InvalidInput, match="参加していない"):
        rooms.answer(code, "s1", seq, 2)
    assert rooms.heartbeat(code, "teacher").question.counts == {1: 1}


def test_followers_do_not_see_the_counts_before_the_reveal(rooms):
    code = rooms.start("teacher")
    rooms.follow(code, "s1")
    rooms.open_question(code, "teacher", "w2v-cbow", "choice", 4)
    seq = rooms.follow(code, "s1").question.seq
    rooms.answer(code, "s1", seq, 2)
    assert rooms.follow(code, "s1").question.counts == {}
    rooms.reveal(code, "teacher")
    assert rooms.follow(code, "s1").question.counts == {2: 1}


def test_ended_codes_are_bounded_and_the_code_generator_gives_up(rooms, monkeypatch):
    monkeypatch.setattr(C, "MAX_CODES", 5)
    for i in range(12):
        rooms.end(rooms.start(f"t{i}"), f"t{i}")
    assert len(rooms.store.hgetall(C.CODES)) <= 5 + 1
    monkeypatch.setattr(C.secrets, "choice", lambda seq: seq[0])  # every draw is "AAAA"
    rooms.start("first")
    with pytest.raises(InvalidInput, match="空いているクラスコード"):
        rooms.start("second")  # no endless loop when codes run out


def test_the_instructor_resumes_the_same_code_after_closing_the_tab(rooms, monkeypatch):
    monkeypatch.setenv(C.PIN_ENV, "246810")
    monkeypatch.setenv(C.TIMEOUT_ENV, "30")
    code = rooms.start("teacher", "246810")
    rooms.clock.now += 31
    with pytest.raises(C.ClassEnded):
        rooms.follow(code, "s1")
    with pytest.raises(C.NotInstructor):
        rooms.resume(code, "student", "")  # not without the PIN
    assert rooms.resume(code, "teacher-again", "246810") == code
    assert rooms.follow(code, "s1").code == code
    rooms.clock.now += C.ENDED_KEPT_S + 100
    assert rooms.resume(code, "teacher-3", "246810") == code  # long gone: it simply starts again


def test_after_a_server_restart_followers_are_told_and_the_teacher_restarts_the_code(backend):
    from tests.classroom.conftest import Clock

    clock = Clock()
    before = C.Classrooms(store=backend[1](clock), clock=clock)
    code = before.start("teacher")
    if backend[0] == "redis":
        backend[2].flush()  # Redis without persistence restarted: everything is gone
    after = C.Classrooms(store=backend[1](clock), clock=clock)  # a fresh process
    with pytest.raises(C.ClassNotFound, match="再起動") as e:
        after.follow(code, "s1")
    assert "restarted" in e.value.text("en")
    assert after.resume(code, "teacher-new-session") == code  # no PIN configured: allowed
    assert after.follow(code, "s1").code == code


def test_two_processes_share_one_class_through_redis(backend):
    if backend[0] != "redis":
        pytest.skip("only Redis is shared between processes")
    from tests.classroom.conftest import Clock

    clock = Clock()
    worker1 = C.Classrooms(store=backend[1](clock), clock=clock)
    worker2 = C.Classrooms(store=backend[1](clock), clock=clock)
    code = worker1.start("teacher")
    worker1.publish(code, "teacher", "attention", {"att_dk": "16"})
    assert worker2.follow(code, "s1").state.params == {"att_dk": ["16"]}
    worker1.open_question(code, "teacher", "w2v-cbow", "choice", 4)
    worker2.answer(code, "s1", worker2.follow(code, "s1").question.seq, 3)
    assert worker1.heartbeat(code, "teacher").question.counts == {3: 1}
    assert worker1.heartbeat(code, "teacher").n_followers == 1


def test_qr_of_a_link_too_long_is_a_message_not_an_exception():
    link = classlinks.demo_link("http://localhost:8501", "bert", {"text": "あ" * 3000}, "ABCD")
    with pytest.raises(InputTooLong, match="長すぎて QR"):
        classlinks.qr_png(link)


# --- the Redis backend's faults -------------------------------------------------------------

def test_wrong_redis_url_syntax_is_a_clear_error(monkeypatch):
    from core import classstore

    for bad in ("localhost:6379", "http://localhost:6379", "redis://", "redis://host:port/0", "redis://h:6379/x"):
        monkeypatch.setenv(classstore.REDIS_URL_ENV, bad)
        with pytest.raises(InvalidInput, match="PLAYGROUND_REDIS_URL"):
            classstore.store_from_env()


def test_unreachable_redis_at_start_falls_back_to_memory_with_a_warning(monkeypatch, caplog):
    from core import classstore
    from tests.classroom.conftest import free_port

    monkeypatch.setenv(classstore.REDIS_URL_ENV, f"redis://127.0.0.1:{free_port()}/0")
    with caplog.at_level("WARNING", logger="playground.classroom"):
        rooms = C.Classrooms()
    assert isinstance(rooms.store, classstore.MemoryStore) and "Redis" in rooms.warning
    assert any("falling back" in r.getMessage() for r in caplog.records)
    rooms.follow(rooms.start("teacher"), "s1")  # and it works
    monkeypatch.setenv(classstore.REDIS_REQUIRED_ENV, "1")  # several workers: no private fallback
    with pytest.raises(classstore.StoreUnavailable):
        C.Classrooms()


def test_redis_gone_mid_class_is_a_clear_error_and_it_recovers(backend):
    if backend[0] != "redis":
        pytest.skip("a Redis fault")
    from tests.classroom.conftest import Clock

    server, clock = backend[2], Clock()
    rooms = C.Classrooms(store=backend[1](clock), clock=clock)
    code = rooms.start("teacher")
    server.stop()
    try:
        with pytest.raises(C.StoreUnavailable, match="Redis") as e:
            rooms.follow(code, "s1")
        assert "cannot be reached" in e.value.text("en")
        with pytest.raises(C.StoreUnavailable):
            rooms.version(code)
    finally:
        server.start()
    with pytest.raises(C.ClassNotFound, match="再起動"):  # it came back empty (no persistence)
        rooms.follow(code, "s1")
    assert rooms.resume(code, "teacher") == code
    assert rooms.follow(code, "s1").code == code


def test_a_reloaded_instructor_tab_is_recognised_only_with_its_token(rooms):
    code = rooms.start("teacher-token")
    assert rooms.is_instructor(code, "teacher-token")
    assert not rooms.is_instructor(code, "student-token")
    assert not rooms.is_instructor("QQQQ", "teacher-token")
    rooms.end(code, "teacher-token")
    assert not rooms.is_instructor(code, "teacher-token")
