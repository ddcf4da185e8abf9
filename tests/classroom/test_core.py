"""core.classroom on both stores (memory and a real redis-server: the ``rooms`` fixture of
tests/classroom/conftest.py) and core.quiz (the question bank)."""
from __future__ import annotations

import threading

import pytest

from core import InvalidInput, classlinks, classroom as C, quiz


def test_codes_are_short_and_normalised(rooms):
    code = rooms.start("teacher")
    assert len(code) == 4 and set(code) <= set(C.CODE_ALPHABET)
    assert rooms.follow(f" {code.lower()} ", "s1").code == code
    assert rooms.follow(code.translate(str.maketrans("ABCDEFGHJKLMNPQRSTUVWXYZ", "ＡＢＣＤＥＦＧＨＪＫＬＭＮＰＱＲＳＴＵＶＷＸＹＺ")), "s1").code == code


def test_unknown_and_malformed_codes_say_so(rooms):
    with pytest.raises(C.ClassNotFound, match="見つかりません"):
        rooms.follow("QQQQ", "s1")
    with pytest.raises(C.ClassNotFound, match="正しくありません"):
        rooms.follow("<script>", "s1")


def test_publish_shares_only_demo_params_and_versions_on_change(rooms):
    code = rooms.start("teacher")
    s1 = rooms.publish(code, "teacher", "attention", {"tab": "x", "att_dk": ["8"], "presenter": "true", "class": code})
    assert s1.params == {"att_dk": ["8"], "tab": ["x"]} and s1.version == 1
    assert rooms.publish(code, "teacher", "attention", {"tab": ["x"], "att_dk": "8"}).version == 1
    assert rooms.publish(code, "teacher", "bert", {}).version == 2
    assert rooms.follow(code, "s1").state == C.DemoState("bert", {}, 2)


def test_only_the_instructor_controls_the_class(rooms):
    code = rooms.start("teacher")
    for action in (lambda: rooms.publish(code, "student", "bert", {}),
                   lambda: rooms.open_question(code, "student", "att-scale", "number", 0),
                   lambda: rooms.reveal(code, "student"),
                   lambda: rooms.end(code, "student")):
        with pytest.raises(C.NotInstructor):
            action()


def test_pin_guards_starting_and_taking_over_a_quiet_class(rooms, monkeypatch):
    with pytest.raises(C.NotInstructor):  # without a PIN configured nobody can take over a live class
        rooms.resume(rooms.start("teacher"), "student", "")
    monkeypatch.setenv(C.PIN_ENV, "246810")
    with pytest.raises(C.NotInstructor, match="PIN"):
        rooms.start("student", "123456")
    with pytest.raises(C.NotInstructor, match="PIN"):
        rooms.start("student")  # a PIN is configured: starting needs it
    code = rooms.start("teacher", "246810")
    with pytest.raises(C.NotInstructor):
        rooms.resume(code, "student", "000000")
    rooms.clock.now += C.quiet_s() + 1  # the teacher's tab went quiet (closed, reloaded)
    rooms.resume(code, "teacher-reloaded", "246810")
    rooms.publish(code, "teacher-reloaded", "bert", {})
    with pytest.raises(C.NotInstructor):
        rooms.publish(code, "teacher", "bert", {})


def test_a_live_instructor_must_confirm_a_take_over(rooms, monkeypatch):
    monkeypatch.setenv(C.PIN_ENV, "246810")
    code = rooms.start("teacher", "246810")
    with pytest.raises(C.HandoverAsked):
        rooms.resume(code, "other", "246810")  # right PIN, but the teacher's tab is alive
    rooms.publish(code, "teacher", "bert", {})  # still the teacher's class
    assert rooms.heartbeat(code, "teacher").handover is True  # the projector asks the teacher
    rooms.approve_handover(code, "teacher")
    assert rooms.resume(code, "other", "246810") == code
    rooms.publish(code, "other", "lstm", {})
    with pytest.raises(C.NotInstructor):
        rooms.heartbeat(code, "teacher")


def test_wrong_pins_are_rate_limited_with_backoff_and_logged(rooms, monkeypatch, caplog):
    monkeypatch.setenv(C.PIN_ENV, "246810")
    code = rooms.start("teacher", "246810")
    rooms.clock.now += C.quiet_s() + 1
    free, _ = C.PIN_LIMITS["session"]
    with caplog.at_level("WARNING", logger="playground.classroom"):
        for i in range(free):
            with pytest.raises(C.NotInstructor, match="PIN が違います"):
                rooms.resume(code, "guesser", f"00000{i}")
        with pytest.raises(C.TooManyAttempts, match="秒待って"):
            rooms.resume(code, "guesser", "246810")  # even the right PIN waits: no guessing at full speed
        with pytest.raises(C.TooManyAttempts):
            rooms.resume(code, "guesser-2", "000009")  # a new session on the same class waits too
    assert sum("wrong instructor PIN" in r.getMessage() for r in caplog.records) == free
    assert any("refused" in r.getMessage() for r in caplog.records)
    assert all("guesser" not in r.getMessage() for r in caplog.records)  # tokens are not logged
    rooms.clock.now += 2.0  # the first wait is short, then it doubles
    with pytest.raises(C.NotInstructor, match="PIN が違います"):
        rooms.resume(code, "guesser", "000009")
    with pytest.raises(C.TooManyAttempts):
        rooms.resume(code, "guesser", "246810")
    rooms.clock.now += 4.0
    assert rooms.resume(code, "guesser", "246810") == code


def test_a_pin_guesser_cannot_hold_up_a_browser_that_entered_the_right_pin(rooms, monkeypatch):
    """The server-wide limit stops guessing from many fresh sessions, and so also a real
    instructor's new class: not a browser that proved the PIN before (its secret, a cookie)."""
    monkeypatch.setenv(C.PIN_ENV, "246810")
    rooms.start("teacher-monday", "246810", browser="laptop-secret-0001")  # proved once
    free, _ = C.PIN_LIMITS["any"]
    for i in range(free):  # a student guessing from fresh sessions (and a browser secret of its own)
        with pytest.raises(C.NotInstructor):
            rooms.start(f"guess-{i}", f"{i:06d}", browser=f"student-secret-{i}")
    with pytest.raises(C.TooManyAttempts):
        rooms.start("someone-new", "246810")  # the server-wide wait: a browser never seen before waits
    with pytest.raises(C.TooManyAttempts):
        rooms.start("guess-x", "000000", browser="student-secret-0")  # a wrong PIN proves nothing
    code = rooms.start("teacher-tuesday", "246810", browser="laptop-secret-0001")  # the laptop does not
    assert C.normalize_code(code) == code
    with pytest.raises(C.NotInstructor):  # a trusted browser still needs the PIN
        rooms.start("teacher-tuesday-2", "999999", browser="laptop-secret-0001")
    rooms.clock.now += C.TRUST_TTL_S + 1  # a term later the trust is gone (the guesses too)
    for i in range(free):
        with pytest.raises((C.NotInstructor, C.TooManyAttempts)):
            rooms.start(f"guess2-{i}", f"{i:06d}")
    with pytest.raises(C.TooManyAttempts):
        rooms.start("teacher-next-term", "246810", browser="laptop-secret-0001")


def test_a_short_pin_is_a_configuration_error(rooms, monkeypatch):
    monkeypatch.setenv(C.PIN_ENV, "1234")
    with pytest.raises(InvalidInput, match="短すぎ"):
        rooms.start("teacher", "1234")


def test_answers_are_counted_once_per_session(rooms):
    code = rooms.start("teacher")
    rooms.open_question(code, "teacher", "w2v-cbow", "choice", 4)
    seq = rooms.follow(code, "s1").question.seq
    for s in ("s2", "s3"):
        rooms.follow(code, s)
    for _ in range(200):
        rooms.answer(code, "s1", seq, 2)
    rooms.answer(code, "s2", seq, 0)
    rooms.answer(code, "s2", seq, 1)  # changed their mind: still one answer
    q = rooms.heartbeat(code, "teacher").question
    assert q.n_answers == 2 and q.counts == {2: 1, 1: 1}
    with pytest.raises(InvalidInput):
        rooms.answer(code, "s3", seq, 4)  # no such choice
    with pytest.raises(InvalidInput):
        rooms.answer(code, "s3", seq - 1, 0)  # an older question
    rooms.reveal(code, "teacher")
    with pytest.raises(InvalidInput):
        rooms.answer(code, "s3", seq, 0)


def test_free_text_answers_are_normalised_and_kept_as_text(rooms):
    code = rooms.start("teacher")
    rooms.open_question(code, "teacher", "att-scale", "number", 0)
    seq = rooms.heartbeat(code, "teacher").question.seq
    for s in "abc":
        rooms.follow(code, s)
    rooms.answer(code, "a", seq, "８")
    rooms.answer(code, "b", seq, " 8.0 ")
    rooms.answer(code, "c", seq, "<b>8</b>" * 20)
    counts = rooms.heartbeat(code, "teacher").question.counts
    assert counts["8"] == 2 and len(max(counts, key=len)) == quiz.MAX_TEXT_ANSWER
    labels, n, right = quiz.tally(quiz.get("att-scale"), counts)
    assert labels[right] == "8" and n[right] == 2
    assert all("<" not in label for label in labels) and any("&lt;b&gt;" in label for label in labels)


def test_instructor_closing_the_tab_ends_the_class_after_the_timeout(rooms, monkeypatch):
    monkeypatch.setenv(C.TIMEOUT_ENV, "30")
    code = rooms.start("teacher")
    rooms.open_question(code, "teacher", "w2v-cbow", "choice", 4)
    rooms.clock.now += 20
    rooms.heartbeat(code, "teacher")
    rooms.clock.now += 25
    rooms.follow(code, "s1")  # followers alone do not keep a class alive
    rooms.clock.now += 10
    with pytest.raises(C.ClassEnded, match="先生の画面が閉じられた"):
        rooms.follow(code, "s1")
    rooms.clock.now += C.ENDED_KEPT_S + 1
    with pytest.raises(C.ClassNotFound):
        rooms.follow(code, "s1")


def test_ended_class_tells_followers(rooms):
    code = rooms.start("teacher")
    rooms.end(code, "teacher")
    with pytest.raises(C.ClassEnded, match="終了しました"):
        rooms.follow(code, "s1")


def test_registry_is_thread_safe(rooms):
    code = rooms.start("teacher")
    rooms.open_question(code, "teacher", "w2v-cbow", "choice", 4)
    seq = rooms.heartbeat(code, "teacher").question.seq

    def student(i):
        for _ in range(10):
            rooms.follow(code, f"s{i}")
            rooms.answer(code, f"s{i}", seq, i % 4)

    threads = [threading.Thread(target=student, args=(i,)) for i in range(40)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    view = rooms.heartbeat(code, "teacher")
    assert view.n_followers == 40 and view.question.n_answers == 40
    assert view.question.counts == {0: 10, 1: 10, 2: 10, 3: 10}


def test_demo_link_and_qr_round_trip():
    zxingcpp = pytest.importorskip("zxingcpp")
    import io

    from PIL import Image

    link = classlinks.demo_link("https://nlp.example.ac.jp/pg/", "attention", {"tab": "マルチヘッド", "presenter": "true"}, "ABCD")
    assert link == "https://nlp.example.ac.jp/pg/attention?tab=%E3%83%9E%E3%83%AB%E3%83%81%E3%83%98%E3%83%83%E3%83%89&class=ABCD"
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(classlinks.qr_png(link))))
    assert [f.text for f in found] == [link]


def test_public_url_comes_from_the_environment(monkeypatch):
    assert classlinks.public_base("http://10.0.0.5:8501/") == "http://10.0.0.5:8501"
    monkeypatch.setenv(classlinks.PUBLIC_URL_ENV, "https://nlp.example.ac.jp/playground/")
    assert classlinks.public_base("http://10.0.0.5:8501") == "https://nlp.example.ac.jp/playground"


# --- the question bank -------------------------------------------------------------------------

@pytest.mark.parametrize("page", ["basics", "word2vec", "lstm", "seq2seq", "attention", "bert"])
def test_every_page_has_two_to_four_complete_questions(page):
    from core.i18n import table

    qs = quiz.for_page(page)
    assert 2 <= len(qs) <= 4
    for q in qs:
        for lang in ("ja", "en"):
            assert q.text(lang) and q.why(lang) and q.answer_text(lang)
            assert all(q.choice_texts(lang))
        assert q.tab in table()
        if q.kind == "choice":
            assert 0 <= q.answer < len(q.choices) and len(set(q.choice_texts())) == len(q.choices)
            assert q.is_correct(q.answer) and not q.is_correct((q.answer + 1) % len(q.choices))
        else:
            assert q.is_correct(str(q.answer)) and not q.is_correct(str(q.answer + 1))


def test_ids_are_unique_and_unknown_ones_are_bad_input():
    assert len({q.id for q in quiz.BANK}) == len(quiz.BANK)
    with pytest.raises(InvalidInput):
        quiz.get("nope")
    with pytest.raises(InvalidInput):
        quiz.page_questions("nope")


def test_numeric_answers_accept_what_people_type():
    q = quiz.get("att-scale")
    assert q.is_correct("８") and q.is_correct(" 8.0 ") and not q.is_correct("1/8") and not q.is_correct("")
