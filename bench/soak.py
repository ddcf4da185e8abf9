"""Soak: a compressed day of teaching against a real `streamlit run`, measured.

    .venv/bin/python bench/soak.py --minutes 20 --json      # the acceptance run (issue 24)
    .venv/bin/python bench/soak.py --quick --json           # 30 s, 3 followers, 3 students (the suite)

Everybody is a browser tab spoken over Streamlit's WebSocket (stkit/client.py), as in the load
test, all in this process (threads), against one server this script starts (stkit/server.py);
the people are in bench/classday.py, the run and its measurements here:

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
import json
import os
import pathlib
import secrets
import shutil
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.classday import WORDS, Hostile, Instructor, Student, Tally  # noqa: E402
from bench.classroom import Follower  # noqa: E402
from bench.lecture import SCENARIOS  # noqa: E402
from bench.loadtest import percentile  # noqa: E402
from stkit.server import Server  # noqa: E402
from stkit.client import ProtocolError, Session  # noqa: E402
from core import registry  # noqa: E402
from core.i18n import t  # noqa: E402

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
