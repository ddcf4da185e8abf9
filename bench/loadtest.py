"""Load test for a class: Locust students on a real `streamlit run` server, over its WebSocket.

``python -m core bench load --users 40 --duration 180 --json`` loads this file. It starts
``streamlit run app.py`` on a free 127.0.0.1 port (stkit/server.py) unless ``--url`` names one,
warms each page once (as ``models warmup`` does before class), then runs Locust headless
(bench/locustfile.py) as a subprocess: ``users`` students ramp up within 30 s, think 5–15 s
between steps, for ``duration`` seconds. Every interaction is timed from send to
``script_finished`` and checked (stkit/client.py). It samples the server's RSS meanwhile.

The former in-process AppTest harness is gone: it measured AppTest's threads (17 s p50 for 30
neighbour look-ups that cost a few CPU-seconds), not what a browser sees.
"""
from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlparse

ROOT = pathlib.Path(__file__).resolve().parent.parent

WHAT = ("neighbors", "attention", "fill-mask", "translate")  # the default class
CLASSES = {"neighbors": "Word2vecStudent", "attention": "AttentionStudent",
           "fill-mask": "FillMaskStudent", "translate": "TranslateStudent", "lstm-train": "LstmTrainStudent"}
RAMP_S = 30.0  # a class opens the link within 30 s
STOP_TIMEOUT_S = 60  # students finish the step they are in when the time is up


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


@dataclass
class RSSSampler:
    """Peak RSS of a process tree (the streamlit server), sampled in a thread."""

    pid: int | None
    interval: float = 0.5
    peak_bytes: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)

    def sample(self) -> int:
        import psutil

        try:
            proc = psutil.Process(self.pid)
            total = proc.memory_info().rss
            for c in proc.children(recursive=True):
                try:
                    total += c.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            return self.peak_bytes
        self.peak_bytes = max(self.peak_bytes, total)
        return total

    def __enter__(self):
        def run():
            while not self._stop.is_set():
                self.sample()
                self._stop.wait(self.interval)

        if self.pid:
            self._thread = threading.Thread(target=run, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        if self.pid:
            self._thread.join()
        return False


def listening_pid(url: str) -> int | None:
    """The local process listening on ``url``'s port (for --url: its RSS), if we may see it.
    Behind `core serve`'s HAProxy: the `core serve` process, whose children are every worker."""
    import psutil

    port = urlparse(url).port
    try:
        for c in psutil.net_connections("tcp"):
            if c.status == psutil.CONN_LISTEN and c.laddr and c.laddr.port == port and c.pid:
                proc = psutil.Process(c.pid)
                if proc.name() == "haproxy" and proc.parent() is not None:
                    return proc.parent().pid
                return c.pid
    except (psutil.Error, OSError):
        return None
    return None


def proxy_workers(url: str, tries: int = 8) -> list[str]:
    """The workers behind `core serve`'s proxy (its X-Playground-Worker answers to new
    browsers, round-robin); [] for a plain server."""
    import urllib.request

    names = set()
    for _ in range(tries):
        try:
            with urllib.request.urlopen(f"{url.rstrip('/')}/_stcore/health", timeout=10) as r:
                if r.headers.get("X-Playground-Worker"):
                    names.add(r.headers["X-Playground-Worker"])
        except OSError:
            break
    return sorted(names)


def bert_base_random_dir() -> pathlib.Path:
    """bert-base-japanese-v3's architecture with random weights (the same cost as the real one)."""
    from core.bert import tiny
    from core.paths import cache_dir

    out = cache_dir("bench", "bert-base-v3-random-mlm")
    if not (out / "config.json").is_file():
        tiny.build(out, "masked_lm", size="base")
    return out


def warm(url: str, what: list[str], times: int = 1) -> dict:
    """Open each scenario's page ``times`` times, one after the other (loads the shared caches;
    behind the proxy, once per worker: new connections go round-robin)."""
    from core.i18n import t
    from stkit.client import Session

    tabs = {"neighbors": ("word2vec", "w2v.tab.neighbors"), "attention": ("attention", "att.tab.sdpa"),
            "fill-mask": ("bert", "bert.tab.fillmask"), "translate": ("seq2seq", "s2s.tab.translate"),
            "lstm-train": ("lstm", "lstm.tab.forecast")}
    out = {}
    for name in what:
        page, tab = tabs[name]
        for _ in range(times):
            s = Session(url, page, {"tab": t(tab)}, timeout=600)
            try:
                run = s.open()
                out[name] = {"seconds": round(run.seconds, 2), "problems": run.problems()}
            finally:
                s.close()
    return out


def summarise(outcomes: list[dict], users: int) -> dict:
    lat = [o["seconds"] for o in outcomes]
    by: dict[str, list[dict]] = {}
    by_step: dict[str, list[dict]] = {}
    for o in outcomes:
        by.setdefault(o["scenario"], []).append(o)
        by_step.setdefault(f"{o['scenario']}:{o['step']}", []).append(o)

    def stats(rows: list[dict]) -> dict:
        ls = [r["seconds"] for r in rows]
        return {"interactions": len(rows), "ok": sum(r["ok"] for r in rows),
                "p50_s": round(percentile(ls, 0.5) or 0, 3), "p95_s": round(percentile(ls, 0.95) or 0, 3)}

    errors: dict[str, int] = {}
    for o in outcomes:
        if not o["ok"]:
            errors[o["error"]] = errors.get(o["error"], 0) + 1
    return {
        "users": users, "interactions": len(outcomes), "ok": sum(o["ok"] for o in outcomes),
        "p50_s": round(percentile(lat, 0.5) or 0, 3), "p95_s": round(percentile(lat, 0.95) or 0, 3),
        "by_scenario": {k: stats(v) for k, v in sorted(by.items())},
        "by_step": {k: stats(v) for k, v in sorted(by_step.items())},
        "errors": [f"{n}× {e}" for e, n in sorted(errors.items(), key=lambda kv: -kv[1])][:10],
    }


def load(users: int, duration: float = 60, think: tuple[float, float] = (5, 15), what: list[str] = WHAT,
         model: str | None = None, url: str | None = None, log_dir: pathlib.Path | None = None) -> dict:
    """The `python -m core bench load` entry point: the contract's JSON object."""
    from stkit.server import Server

    log_dir = log_dir or ROOT / "test-artifacts"
    log_dir.mkdir(parents=True, exist_ok=True)
    server = None
    fill_mask_model = None
    if url is None:
        env = {}
        if "fill-mask" in what:
            fill_mask_model = str(model or bert_base_random_dir())
            env["PLAYGROUND_MODEL_FILL_MASK"] = fill_mask_model
        server = Server(env, log_dir=log_dir)
        url = server.url
        pid = server.proc.pid
    else:
        pid = listening_pid(url)
    workers = proxy_workers(url)
    try:
        t0 = time.perf_counter()
        warmup = warm(url, what, times=max(1, len(workers)))
        warmup_s = time.perf_counter() - t0
        ramp = min(RAMP_S, max(1.0, duration / 4))
        with RSSSampler(pid) as rss, tempfile.TemporaryDirectory() as tmp:
            out = pathlib.Path(tmp) / "outcomes.json"
            env = dict(os.environ, PLAYGROUND_LOAD_OUT=str(out),
                       PLAYGROUND_LOAD_THINK=f"{think[0]},{think[1]}", PYTHONUNBUFFERED="1")
            cmd = [sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
                   "--host", url, "--users", str(users), "--spawn-rate", f"{users / ramp:.3f}",
                   "--run-time", f"{int(round(duration))}s", "--stop-timeout", str(STOP_TIMEOUT_S),
                   "--only-summary", "--loglevel", "WARNING",
                   "--csv", str(log_dir / "locust"), *[CLASSES[w] for w in what]]
            with open(log_dir / "locust.log", "w") as log:
                subprocess.run(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, check=False,
                               timeout=duration + STOP_TIMEOUT_S + 120)
            outcomes = json.loads(out.read_text()) if out.is_file() else []
        result = summarise(outcomes, users)
        if not outcomes:
            result["errors"].append(f"locust produced no outcomes; see {log_dir / 'locust.log'}")
        result["peak_rss_mb"] = round(rss.peak_bytes / 1024 / 1024, 1) if pid else None
    finally:
        if server is not None:
            server.stop()
    from core import device

    result.update({"duration_s": duration, "think_s": list(think), "ramp_s": round(ramp, 1), "what": what,
                   "warmup_s": round(warmup_s, 1), "warmup": warmup, "fill_mask_model": fill_mask_model,
                   "url": url, "workers": workers or None, "cpus": os.cpu_count(), "device": device.info().name,
                   "load_average": [round(x, 2) for x in os.getloadavg()]})
    return result
