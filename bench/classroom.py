"""Classroom mode under load: one instructor and N followers against a real `streamlit run`
(stkit/server.py), each a browser tab spoken over Streamlit's WebSocket (stkit/client.py).

    .venv/bin/python -m bench.classroom --url http://127.0.0.1:8080 --followers 40   # a running server or proxy
    .venv/bin/python -m bench.classroom --followers 40 --changes 3
    .venv/bin/python -m bench.classroom --quick   # 2 followers, 1 change, 1 s idle (the suite's run)

Every follower does what a following browser does: it opens the class link ``/?class=CODE``,
ticks its follow poll (the ``st.fragment(run_every=…)`` of pages/common/classroom.py: a
fragment rerun every ``POLL_S``; between ticks the server may run the poll by itself when the
class changes — a wake, pages/common/push.py), and when a poll run draws the follow script it goes where the
script sends the browser (history.pushState + popstate = ``Session.navigate``: the page runs
with the URL winning over the widgets). The instructor, on the word2vec neighbours tab, ticks
its own poll (heartbeat) and changes the word ``--changes`` times; a follower has followed when
the run of its page for the new word has finished (the neighbours chart drawn, no error).
Follow latency = that moment − the moment the instructor sent the change (one clock: all
sessions live in this process). Also measured: the server's CPU while N followers only poll
(nothing changes) and while they follow (only for the server this script starts: with ``--url``
— an already running server or proxy, localhost only — the CPU fields are null). Prints one
JSON object.
"""
from __future__ import annotations

if __name__ == "__main__" and not __package__:  # `python bench/NAME.py` runs as `python -m bench.NAME`
    import os
    import sys
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    os.execve(sys.executable, [sys.executable, "-m", "bench." + os.path.basename(__file__)[:-3], *sys.argv[1:]],
              {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))})

import argparse
import json
import re
import statistics
import threading
import time
from urllib.parse import parse_qs, urlencode, urlsplit

from core.i18n import t
from pages.common.classroom import POLL_S
from stkit.client import ProtocolError, Session
from stkit.server import Server

WORDS = ["東京", "犬", "りんご", "大学", "電車"]
FOLLOW_SCRIPT = re.compile(r"const url = (\".*?\"), nonce = (\".*?\");")


def follow_script(run) -> tuple[str, str] | None:
    """(url, nonce) of the follow script drawn in this run, if any."""
    for e in run.elements:
        if e.WhichOneof("type") == "html" and (m := FOLLOW_SCRIPT.search(e.html.body)):
            return json.loads(m.group(1)), json.loads(m.group(2))
    return None


def fragment_with(session: Session, text: str) -> str | None:
    """The id of the st.fragment that drew a markdown containing ``text`` (the poll's panel)."""
    for path, node in session.tree.items():
        if node.WhichOneof("type") == "markdown" and text in node.markdown.body and session.fragment_of.get(path):
            return session.fragment_of[path]
    return None


def markdown_text(run) -> str:
    return "\n".join(e.markdown.body for e in run.elements if e.WhichOneof("type") == "markdown")


class Follower(threading.Thread):
    """One student's tab: joins, polls, follows; records when each word was first shown."""

    def __init__(self, url: str, code: str, timeout: float):
        super().__init__(daemon=True)
        self.session = Session(url, "", {"class": code}, timeout=timeout)
        self.seen: dict[str, float] = {}  # word → perf_counter when its page run finished
        self.ticks = 0
        self.wakes = 0  # poll runs the server started (the class changed)
        self.errors: list[str] = []
        self.stop = threading.Event()

    def run(self) -> None:
        s, last_nonce, poll_id = self.session, None, None
        try:
            run = s.open()
            next_tick = time.monotonic() + POLL_S
            while not self.stop.is_set():
                self.errors += run.problems()
                poll_id = poll_id or fragment_with(s, "先生の画面")
                script = follow_script(run)
                if script and script[1] != last_nonce:  # the browser runs each follow once
                    last_nonce = script[1]
                    target = urlsplit(script[0])
                    run = s.navigate(target.path.strip("/"), target.query)
                    poll_id = None  # another page draws the poll as another fragment
                    word = parse_qs(target.query).get("w2v_word", ["猫"])[0]
                    if run.count("plotly_chart") and not run.problems() and word not in self.seen:
                        self.seen[word] = time.perf_counter()
                    continue
                # between the browser's ticks (setInterval of the fragment) the server may run the
                # poll by itself when the class changes (a wake: pages/common/push.py)
                pushed = s.listen(max(0.0, next_tick - time.monotonic()))
                if pushed is not None:
                    run, self.wakes = pushed, self.wakes + 1
                    continue
                next_tick = time.monotonic() + POLL_S
                run = s.rerun(poll_id or "", auto=bool(poll_id))
                self.ticks += 1
        except (ProtocolError, OSError) as exc:
            self.errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            s.close()


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--followers", type=int, default=40)
    ap.add_argument("--changes", type=int, default=3)
    ap.add_argument("--idle", type=float, default=10.0, help="seconds of polling only, for its CPU cost")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--url", help="an already running server or proxy (localhost only), e.g. http://127.0.0.1:8080")
    ap.add_argument("--quick", action="store_true", help="2 followers, 1 change, 1 s idle")
    args = ap.parse_args(argv)
    if args.quick:
        args.followers, args.changes, args.idle = 2, 1, 1.0
    import psutil

    if args.url:
        host = urlsplit(args.url).hostname or ""
        if host not in ("127.0.0.1", "localhost", "::1"):
            ap.error(f"--url must be a localhost address (got {host!r}): this benchmark loads the server it names")
        server, proc, base = None, None, args.url.rstrip("/")
    else:
        server = Server()
        proc, base = psutil.Process(server.proc.pid), server.url

    def cpu() -> float:
        return sum(proc.cpu_times()[:2]) if proc else 0.0
    result: dict = {"followers": args.followers, "changes": args.changes, "poll_s": POLL_S, "url": args.url}
    followers: list[Follower] = []
    try:
        teacher = Session(base, "word2vec", {"tab": t("w2v.tab.neighbors")}, timeout=args.timeout)
        teacher.open()
        teacher.press(t("cls.share.open"))
        teacher.rerun()
        teacher.press(t("cls.start"))
        code = re.search(r"クラスコード: `([A-Z]{4})`", markdown_text(teacher.rerun())).group(1)
        teacher.press(t("cls.share.close"))
        teacher.rerun()
        teacher_poll = fragment_with(teacher, code)

        def teacher_wait(until) -> None:  # the instructor's tab ticks its poll (heartbeat)
            while not until():
                time.sleep(POLL_S)
                teacher.rerun(teacher_poll, auto=True)

        t0 = time.perf_counter()
        followers = [Follower(base, code, args.timeout) for _ in range(args.followers)]
        for f in followers:
            f.start()
        deadline = t0 + args.timeout
        teacher_wait(lambda: all("猫" in f.seen or not f.is_alive() for f in followers)
                     or time.perf_counter() > deadline)
        result["all_joined_s"] = round(time.perf_counter() - t0, 1)
        result["joined"] = sum("猫" in f.seen for f in followers)

        ticks0, c0, w0 = sum(f.ticks for f in followers), cpu(), time.perf_counter()
        end = w0 + args.idle
        teacher_wait(lambda: time.perf_counter() > end)
        wall = time.perf_counter() - w0
        ticks = sum(f.ticks for f in followers) - ticks0
        idle_cpu_per_s = (cpu() - c0) / wall
        result["idle_poll"] = {"seconds": round(wall, 1), "ticks": ticks,
                               "server_cpu_percent": round(100 * (cpu() - c0) / wall, 1) if proc else None,
                               "server_cpu_ms_per_tick": round(1000 * (cpu() - c0) / max(ticks, 1), 1) if proc else None}

        latencies, per_change = [], []
        c0, w0, client0 = cpu(), time.perf_counter(), time.process_time()
        for word in WORDS[: args.changes]:
            teacher.type_text(t("w2v.nb.word"), word)
            teacher.query_string = urlencode({"w2v_word": word})  # the frontend writes bound widgets to the URL
            sent = time.perf_counter()
            teacher.rerun()  # the instructor's run publishes the new state at its end
            published = time.perf_counter() - sent  # its run publishes before its end: followers may start first
            deadline = sent + args.timeout
            teacher_wait(lambda word=word, deadline=deadline: all(word in f.seen or not f.is_alive() for f in followers)
                         or time.perf_counter() > deadline)
            lat = [f.seen[word] - sent for f in followers if word in f.seen]
            per_change.append({"word": word, "followed": len(lat), "p50_s": round(statistics.median(lat), 2) if lat else None,
                               "max_s": round(max(lat), 2) if lat else None, "instructor_run_s": round(published, 2)})
            latencies += lat
        wall = time.perf_counter() - w0
        q = statistics.quantiles(latencies, n=20) if len(latencies) >= 2 else [float("nan")] * 19
        result.update({
            "follow_p50_s": round(statistics.median(latencies), 2) if latencies else None,
            "follow_p95_s": round(q[18], 2), "follow_max_s": round(max(latencies), 2) if latencies else None,
            "followed": len(latencies), "expected": args.followers * args.changes, "per_change": per_change,
            "wakes": sum(f.wakes for f in followers),
            "server_cpu_percent_while_following": round(100 * (cpu() - c0) / wall, 1) if proc else None,
            # the N simulated tabs share this process's one GIL and the same 2 cores as the server
            "client_cpu_percent_while_following": round(100 * (time.process_time() - client0) / wall, 1),
            # one follow = one page run per follower: the server's CPU for it, polling taken out
            "server_cpu_s_per_follow": round((cpu() - c0 - idle_cpu_per_s * wall) / max(len(latencies), 1), 3) if proc else None,
            "server_rss_mb": round(proc.memory_info().rss / 2**20) if proc else None,
        })
    finally:
        for f in followers:
            f.stop.set()
        for f in followers:
            f.join(10)
        if server is not None:
            server.stop()
    result["errors"] = sorted({e for f in followers for e in f.errors})[:20]
    result["n_errors"] = sum(len(f.errors) for f in followers)
    result["load_average"] = [round(x, 1) for x in __import__("os").getloadavg()]
    result["cpus"] = __import__("os").cpu_count()
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
