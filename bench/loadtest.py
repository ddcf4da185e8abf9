"""Load test for a class: N concurrent sessions doing neighbours, fill-mask and translation.

Two kinds of clients:
- AppTest sessions in threads (they share this process's st.cache_resource caches, like the
  sessions of one `streamlit run` server do);
- optionally a few real Chromium pages against a `streamlit run` server.

Reports ``{"sessions", "requests", "ok", "p50_s", "p95_s", "peak_rss_mb", ...}``. Not a timed
test: run it by hand (``python -m core bench load --sessions 30 --json``) and put the figures in
the README. It lives in bench/ (it drives Streamlit's AppTest, so it is no part of core);
``python -m core bench load`` loads this file.
"""
from __future__ import annotations

import os
import sys
import pathlib
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

ROOT = pathlib.Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@dataclass
class Scenario:
    name: str
    page: str
    query: dict
    check: Callable  # (AppTest) -> bool


@dataclass
class Outcome:
    name: str
    seconds: float
    ok: bool
    error: str = ""


@dataclass
class RSSSampler:
    interval: float = 0.2
    peak_bytes: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)

    def __enter__(self):
        import psutil

        proc = psutil.Process(os.getpid())

        def run():
            while not self._stop.is_set():
                try:
                    total = proc.memory_info().rss + sum(c.memory_info().rss for c in proc.children(recursive=True))
                except Exception:  # noqa: BLE001 - a child may vanish
                    total = proc.memory_info().rss
                self.peak_bytes = max(self.peak_bytes, total)
                time.sleep(self.interval)

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        return False


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


_patched = False


def patch_apptest_for_threads() -> None:
    """AppTest was written for one test at a time: each run installs a mock ``Runtime._instance``
    and sets it back to None at the end, and resets ``PagesManager.uses_pages_directory`` (which
    switches Streamlit's legacy pages mode back on for a moment). With 30 sessions in threads,
    one session's clean-up would pull the runtime from under the others. These two patches make
    the in-process harness behave like one server process (one runtime, st.navigation only);
    the app's code is untouched."""
    global _patched
    if _patched:
        return
    from unittest.mock import MagicMock

    from streamlit.runtime import runtime as runtime_mod
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner import script_runner as runner_mod

    Runtime = runtime_mod.Runtime
    shared = MagicMock(spec=Runtime)
    shared.media_file_mgr = MediaFileManager(MemoryMediaFileStorage("/mock/media"))

    def instance(cls):
        return cls._instance if cls._instance is not None else shared

    Runtime.instance = classmethod(instance)
    runtime_mod.Runtime.exists = classmethod(lambda cls: True)

    class _NavigationOnly(PagesManager):
        uses_pages_directory = False

    runner_mod.PagesManager = _NavigationOnly
    _patched = True


def run_apptest(s: Scenario, timeout: float) -> Outcome:
    from streamlit.testing.v1 import AppTest

    from core.resources import disable_legacy_pages_mode

    disable_legacy_pages_mode()
    t0 = time.perf_counter()
    try:
        at = AppTest.from_file(APP, default_timeout=timeout)
        at.run()  # st.navigation registers the pages on the first run
        at.switch_page(f"pages/{s.page}/page.py")
        for k, v in s.query.items():
            at.query_params[k] = v
        at.run()
        ok = not at.exception and bool(s.check(at))
        err = "" if ok else ("; ".join(str(e.value)[:200] for e in at.exception) or "check failed")
        if at.exception and os.environ.get("PLAYGROUND_LOADTEST_TRACE"):
            print("\n".join(at.exception[0].stack_trace), file=sys.stderr)
    except Exception as exc:  # noqa: BLE001
        ok, err = False, f"{type(exc).__name__}: {exc}"
    return Outcome(s.name, time.perf_counter() - t0, ok, err)


# --- the class's three requests ------------------------------------------------------------

NEIGHBOR_WORDS = ["猫", "犬", "東京", "コンピュータ", "先生", "りんご", "電車", "音楽", "海", "学校"]
MASK_TEXTS = ["今日は[MASK]が降っている。", "東北大学で[MASK]を研究しています。", "この映画は本当に[MASK]かった。",
              "私は毎朝[MASK]を飲みます。"]
DATES = ["1994年9月27日", "September 27, 1994", "平成6年9月27日", "27 Sep 1994", "令和元年五月一日"]


def _charts(at) -> int:
    return len(at.get("plotly_chart"))


def scenarios(what: list[str], session: int) -> list[Scenario]:
    from core.i18n import t

    out = []
    if "neighbors" in what:
        out.append(Scenario("neighbors", "word2vec",
                            {"tab": t("w2v.tab.neighbors"), "w2v_word": NEIGHBOR_WORDS[session % len(NEIGHBOR_WORDS)]},
                            lambda at: _charts(at) >= 1 and not at.warning))
    if "fill-mask" in what:
        out.append(Scenario("fill-mask", "bert",
                            {"tab": t("bert.tab.fillmask"), "bert_fm_text": MASK_TEXTS[session % len(MASK_TEXTS)]},
                            lambda at: _charts(at) >= 1))
    if "translate" in what:
        out.append(Scenario("translate", "seq2seq",
                            {"tab": t("s2s.tab.translate"), "s2s_text": DATES[session % len(DATES)]},
                            lambda at: _charts(at) >= 1))
    return out


def bert_base_random_dir() -> pathlib.Path:
    """bert-base-japanese-v3's architecture with random weights (the same cost as the real one)."""
    from core.bert import tiny
    from core.paths import cache_dir

    out = cache_dir("bench", "bert-base-v3-random-mlm")
    if not (out / "config.json").is_file():
        tiny.build(out, "masked_lm", size="base")
    return out


def run_browsers(what: list[str], pages: int, timeout_s: float = 120) -> dict:
    """``pages`` real Chromium pages against one `streamlit run` server, concurrently."""
    import concurrent.futures as cf
    from urllib.parse import urlencode

    from playwright.sync_api import sync_playwright

    from bench.serve import CHROMIUM, CHROMIUM_ARGS, Server
    from tests.browser.wait import goto, new_context

    server = Server(dict(os.environ))
    results: list[Outcome] = []

    def one(i: int) -> list[Outcome]:
        outs = []
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = new_context(browser).new_page()
            for s in scenarios(what, i):
                t0 = time.perf_counter()
                try:
                    goto(page, f"{server.url}/{s.page}?{urlencode(s.query)}", timeout_ms=int(timeout_s * 1000))
                    # plotly draws a moment after the script run ends
                    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg',
                                           timeout=int(timeout_s * 1000))
                    ok = page.locator('[data-testid="stException"]').count() == 0
                    outs.append(Outcome(s.name, time.perf_counter() - t0, ok, "" if ok else "no chart / exception"))
                except Exception as exc:  # noqa: BLE001
                    outs.append(Outcome(s.name, time.perf_counter() - t0, False, f"{type(exc).__name__}: {exc}"[:200]))
            browser.close()
        return outs

    try:
        one(0)  # warm the server's caches once
        with cf.ThreadPoolExecutor(pages) as pool:
            for outs in pool.map(one, range(pages)):
                results.extend(outs)
    finally:
        server.stop()
    lat = [o.seconds for o in results]
    return {"pages": pages, "requests": len(results), "ok": sum(o.ok for o in results),
            "p50_s": round(percentile(lat, 0.5) or 0, 3), "p95_s": round(percentile(lat, 0.95) or 0, 3),
            "errors": sorted({o.error for o in results if not o.ok})[:5]}


def load(sessions: int, what: list[str], model: str | None = None, rounds: int = 1,
         browsers: int = 0) -> dict:
    """The `python -m core bench load` entry point."""
    if "fill-mask" in what:
        os.environ["PLAYGROUND_MODEL_FILL_MASK"] = str(model or bert_base_random_dir())
    # each session gets its own inputs (different words / sentences / dates)
    result = _run_varied({i: scenarios(what, i) for i in range(sessions)}, rounds)
    result["what"] = what
    result["model"] = os.environ.get("PLAYGROUND_MODEL_FILL_MASK") if "fill-mask" in what else None
    from core import device

    result["device"] = device.info().name
    if browsers:
        result["browser"] = run_browsers(what, browsers)
    return result


def _run_varied(per_session: dict[int, list[Scenario]], rounds: int, timeout: float = 600) -> dict:
    patch_apptest_for_threads()
    sessions = len(per_session)
    for s in per_session[0]:  # warm the shared caches once, as `models warmup` does before class
        run_apptest(s, timeout)
    outcomes: list[Outcome] = []
    lock = threading.Lock()
    barrier = threading.Barrier(sessions)

    def session(i: int) -> None:
        barrier.wait()
        for _ in range(rounds):
            for s in per_session[i]:
                out = run_apptest(s, timeout)
                with lock:
                    outcomes.append(out)

    t0 = time.perf_counter()
    with RSSSampler() as rss:
        threads = [threading.Thread(target=session, args=(i,), daemon=True) for i in range(sessions)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
    wall = time.perf_counter() - t0
    lat = [o.seconds for o in outcomes]
    by_name: dict[str, dict] = {}
    for o in outcomes:
        d = by_name.setdefault(o.name, {"requests": 0, "ok": 0, "latencies": []})
        d["requests"] += 1
        d["ok"] += int(o.ok)
        d["latencies"].append(o.seconds)
    return {
        "sessions": sessions, "requests": len(outcomes), "ok": sum(o.ok for o in outcomes),
        "p50_s": round(percentile(lat, 0.5) or 0, 3), "p95_s": round(percentile(lat, 0.95) or 0, 3),
        "peak_rss_mb": round(rss.peak_bytes / 1024 / 1024, 1), "wall_s": round(wall, 2),
        "by_scenario": {k: {"requests": v["requests"], "ok": v["ok"],
                            "p50_s": round(percentile(v["latencies"], 0.5), 3),
                            "p95_s": round(percentile(v["latencies"], 0.95), 3)} for k, v in by_name.items()},
        "errors": sorted({o.error for o in outcomes if not o.ok})[:5],
    }
