"""`python -m core serve --workers N [--port P]` (issue 25): the contract — the proxy's URL is the
first stdout line, it serves until interrupted, and SIGTERM / Ctrl-C stop every child."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import urllib.request

import psutil
import pytest

from tests.multiproc.test_hall import ROOT, pytestmark  # noqa: F401  (same requirements: redis-server, haproxy)


def _serve(tmp_path, *args: str, env: dict | None = None, preexec_fn=None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "core", "serve", *args, "--log-dir", str(tmp_path)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=preexec_fn,
                            env=dict(os.environ, HF_HUB_OFFLINE="1", **(env or {})))


def _ignore_sigint() -> None:  # as a shell starts a background job (`core serve &`) or nohup does
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@pytest.mark.parametrize("sig,started", [(signal.SIGTERM, "plain"), (signal.SIGINT, "plain"),
                                         (signal.SIGINT, "sigint-ignored")])
def test_serve_prints_the_proxy_url_first_and_a_signal_stops_every_child(tmp_path, sig, started):
    proc = _serve(tmp_path, "--workers", "2", "--port", "0", "--address", "127.0.0.1",
                  preexec_fn=_ignore_sigint if started == "sigint-ignored" else None)
    try:
        url = proc.stdout.readline().strip()  # the first line, as soon as the hall is up
        assert url.startswith("http://127.0.0.1:"), (url, proc.stderr.read() if proc.poll() is not None else "")
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=10) as r:
            assert r.status == 200 and r.headers["X-Playground-Worker"] in ("w1", "w2")  # through HAProxy
        children = psutil.Process(proc.pid).children(recursive=True)
        names = sorted(os.path.basename(c.cmdline()[0].split()[0]) for c in children)
        assert "haproxy" in names and "redis-server" in names and len(children) >= 4, names
        proc.send_signal(sig)
        assert proc.wait(60) == 0
        _, alive = psutil.wait_procs(children, timeout=15)
        assert alive == []
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.parametrize("args,env,says", [
    (["--workers", "0"], {}, "--workers"),
    (["--workers", "2", "--port", "70000"], {}, "--port"),
    (["--workers", "2"], {"PLAYGROUND_REDIS_URL": "localhost:6379"}, "PLAYGROUND_REDIS_URL"),
    (["--workers", "2", "--address", "127.0.0.1", "--port", "busy"], {}, "使用中"),
    (["--workers", "2"], {"PLAYGROUND_REDIS_URL": "redis://127.0.0.1:1/0"}, "Redis"),  # nothing listens there
])
def test_serve_refuses_bad_settings_with_a_clear_message(tmp_path, args, env, says):
    if "busy" in args:
        busy = socket.socket()
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        args = [a if a != "busy" else str(busy.getsockname()[1]) for a in args]
    proc = _serve(tmp_path, *args, env=env)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and says in err and "Traceback" not in err, err
    assert out == ""


def test_one_worker_without_redis_is_todays_single_process(tmp_path, monkeypatch):
    """`--workers 1` without PLAYGROUND_REDIS_URL: one plain `streamlit run` on the port — no
    Redis, no proxy, the in-process class store."""
    from stkit.server import Hall, free_port

    monkeypatch.delenv("PLAYGROUND_REDIS_URL", raising=False)
    port = free_port()
    hall = Hall(1, port=port, log_dir=tmp_path, warm=False)
    try:
        assert hall.proxy is None and hall.redis is None and hall.url == f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(f"{hall.url}/_stcore/health", timeout=10) as r:
            assert r.status == 200 and r.headers.get("X-Playground-Worker") is None
        assert "PLAYGROUND_REDIS_URL" not in psutil.Process(hall.servers[0].proc.pid).environ()
    finally:
        hall.stop()


def test_one_worker_with_redis_runs_behind_the_proxy(tmp_path):
    """With PLAYGROUND_REDIS_URL, one worker gets the N-worker topology (proxy + that Redis):
    what `bench load --url` compares one worker against two with."""
    from stkit.server import Hall, Redis

    redis = Redis(tmp_path / "redis", tmp_path)
    try:
        hall = Hall(1, redis_url=redis.url, log_dir=tmp_path, warm=False)
        try:
            assert hall.redis is None and hall.redis_url == redis.url  # used, not started
            assert hall.proxy is not None and hall.url == hall.proxy.url
            assert hall.proxy.worker_of()[0] == "w1"
            env = psutil.Process(hall.servers[0].proc.pid).environ()
            assert env["PLAYGROUND_REDIS_URL"] == redis.url
        finally:
            hall.stop()
    finally:
        redis.stop()
