"""Start `streamlit run app.py` on a free localhost port (browser tests, load test, benchmarks),
or a lecture hall: N of them behind HAProxy with one Redis (``Hall``; ``python -m core serve``).

Test and bench tooling (the stkit package), never imported by the app.
"""
from __future__ import annotations

import contextlib
import os
import pathlib
import socket
import subprocess
import sys
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
# Debian's Chromium. Its headless shell (package chromium-headless-shell: the same build's "old"
# headless mode, which Playwright itself uses for headless runs) when installed: measured on the
# browser tests of /basics, 30 % less CPU than the full browser in headless mode (36 vs 52 CPU-s:
# no browser UI renderers), which matters on a 2-core machine. Else /usr/bin/chromium.
CHROMIUM = os.environ.get("PLAYGROUND_CHROMIUM") or (
    "/usr/bin/chromium-headless-shell" if os.path.exists("/usr/bin/chromium-headless-shell") else "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:
    """In the child before exec (Linux): SIGTERM when the process that started it dies, so a
    killed `core serve` or test run leaves no worker, Redis or HAProxy behind."""
    with contextlib.suppress(Exception):
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _stop(*procs: subprocess.Popen, timeout: float = 10) -> None:
    """Ask every process to stop at once (SIGTERM), wait for them together for ``timeout``
    seconds in all, then kill what is left."""
    for proc in procs:
        if proc.poll() is None:
            with contextlib.suppress(OSError):
                proc.terminate()
    deadline = time.monotonic() + timeout
    for proc in procs:
        try:
            proc.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def _healthy(url: str) -> bool:
    with contextlib.suppress(OSError):
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
            return r.status == 200
    return False


class Server:
    """A `streamlit run app.py` subprocess on 127.0.0.1; waits for /_stcore/health.

    ``wait=False`` returns at once (``wait_healthy()`` later: start several, then wait);
    ``offline=False`` leaves the Hub settings to the environment (``core serve``, not tests);
    ``address`` / ``port`` as ``streamlit run``'s (default 127.0.0.1, a free port)."""

    def __init__(self, extra_env: dict | None = None, log_dir: pathlib.Path | None = None,
                 timeout: float = 60, warm: bool = False, *, wait: bool = True, offline: bool = True,
                 port: int | None = None, address: str = "127.0.0.1", die_with_parent: bool = False):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        if offline:
            env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
        env.update(extra_env or {})
        log_dir = log_dir or ROOT / "test-artifacts"
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log = open(log_dir / f"streamlit-{self.port}.log", "w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
             "--server.port", str(self.port), "--server.address", address,
             "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent if die_with_parent else None)
        if wait:
            self.wait_healthy(timeout, warm)

    def wait_healthy(self, timeout: float = 60, warm: bool = False) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited early; see {self.log.name}")
            if _healthy(self.url):
                if warm:
                    self._warm()
                return
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"streamlit did not become healthy in {timeout:.0f} s")

    def _warm(self) -> None:
        """Run the home page once over the WebSocket (stkit/client.py): the process's first
        run ends Streamlit's legacy pages mode (see app.py), so a browser's first deep link
        then opens without the "Page not found" modal that app.py otherwise closes on that run.
        Servers that test that first run itself start cold (warm=False)."""
        from stkit.client import Session

        session = Session(self.url, "", timeout=120)
        try:
            session.open()
        finally:
            session.close()

    def stop(self) -> None:
        _stop(self.proc)
        self.log.close()



# --- a lecture hall: N workers, one Redis, HAProxy (python -m core serve --workers N) ------------
REDIS_SERVER = os.environ.get("PLAYGROUND_REDIS_SERVER", "/usr/bin/redis-server")
HAPROXY = os.environ.get("PLAYGROUND_HAPROXY", "/usr/sbin/haproxy")
HAPROXY_TEMPLATE = ROOT / "deploy" / "haproxy.cfg"
REDIS_URL_ENV = "PLAYGROUND_REDIS_URL"
REDIS_REQUIRED_ENV = "PLAYGROUND_REDIS_REQUIRED"  # core.classstore: no fallback to a private store
STICKY_COOKIE = "playground_affinity"  # deploy/haproxy.cfg's cookie


def _wait_port(port: int, proc: subprocess.Popen, what: str, timeout: float) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited early (status {proc.returncode})")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not listen on port {port} in {timeout:.0f} s")


class Redis:
    """Debian's redis-server on 127.0.0.1 with its data in ``data_dir`` (append-only file: a
    restart keeps the classes). ``restart()`` stops it and starts it again on the same port."""

    def __init__(self, data_dir: pathlib.Path, log_dir: pathlib.Path, port: int | None = None,
                 die_with_parent: bool = False):
        if not os.access(REDIS_SERVER, os.X_OK):
            raise RuntimeError(f"{REDIS_SERVER} がありません（apt-get install redis-server）/ redis-server is not installed")
        self.port = port or free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.data_dir, self.log_dir, self._pdeath = data_dir, log_dir, die_with_parent
        data_dir.mkdir(parents=True, exist_ok=True)
        self.proc: subprocess.Popen | None = None
        self.start()

    def start(self, timeout: float = 20) -> None:
        log = self.log_dir / f"redis-{self.port}.log"
        self.proc = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.data_dir),
             "--appendonly", "yes", "--save", "", "--daemonize", "no", "--logfile", str(log),
             "--protected-mode", "yes"],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent if self._pdeath else None)
        _wait_port(self.port, self.proc, "redis-server", timeout)
        deadline = time.time() + timeout  # listening is not ready: it answers PONG once the AOF is loaded
        while time.time() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=2) as c:
                c.sendall(b"PING\r\n")
                if c.recv(64).startswith(b"+PONG"):
                    return
            time.sleep(0.1)
        raise RuntimeError("redis-server did not answer PING")

    def stop(self) -> None:
        if self.proc is not None:
            _stop(self.proc)

    def restart(self) -> None:
        self.stop()
        self.start()


def render_haproxy(workers: list[tuple[str, int]], template: pathlib.Path = HAPROXY_TEMPLATE) -> str:
    """deploy/haproxy.cfg for local workers [(name, port)]: the compose-only blocks go, one
    ``server`` line per worker comes in the first one's place (stickiness, WebSockets, health
    checks stay as compose.yaml's proxy runs them)."""
    out, blocks, skipping = [], 0, False
    for line in template.read_text().splitlines():
        tag = line.strip()
        if tag.startswith("# compose:begin"):
            skipping = True
            if blocks == 0:
                out += [f"    server {name} 127.0.0.1:{port}" for name, port in workers]
            blocks += 1
            continue
        if tag.startswith("# compose:end"):
            skipping = False
            continue
        if not skipping:
            out.append(line)
    if blocks == 0:
        raise RuntimeError(f"{template} has no '# compose:begin' block to put the servers in")
    return "\n".join(out) + "\n"


class Proxy:
    """HAProxy (Debian's) on ``address``:``port`` with the rendered template."""

    def __init__(self, workers: list[tuple[str, int]], log_dir: pathlib.Path, port: int | None = None,
                 address: str = "127.0.0.1", die_with_parent: bool = False, timeout: float = 20):
        if not os.access(HAPROXY, os.X_OK):
            raise RuntimeError(f"{HAPROXY} がありません（apt-get install haproxy）/ haproxy is not installed")
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.config = log_dir / f"haproxy-{self.port}.cfg"
        self.config.write_text(render_haproxy(workers))
        env = dict(os.environ, PLAYGROUND_PROXY_BIND=f"{address}:{self.port}")
        check = subprocess.run([HAPROXY, "-c", "-q", "-f", str(self.config)], env=env, capture_output=True, text=True,
                               check=False)
        if check.returncode != 0:
            raise RuntimeError(f"haproxy rejected {self.config}: {check.stdout}{check.stderr}"[:2000])
        self.log = open(log_dir / f"haproxy-{self.port}.log", "w")
        self.proc = subprocess.Popen([HAPROXY, "-db", "-f", str(self.config)], env=env, stdout=self.log,
                                     stderr=subprocess.STDOUT,
                                     preexec_fn=_die_with_parent if die_with_parent else None)
        _wait_port(self.port, self.proc, "haproxy", timeout)

    def worker_of(self, cookie: str | None = None) -> tuple[str, str | None]:
        """One request through the proxy: (the worker that answered, the sticky cookie it set)."""
        req = urllib.request.Request(f"{self.url}/_stcore/health", headers={"Cookie": cookie} if cookie else {})
        with urllib.request.urlopen(req, timeout=5) as r:
            sticky = [c.split(";", 1)[0] for c in r.headers.get_all("Set-Cookie") or []
                      if c.startswith(STICKY_COOKIE + "=")]
            return r.headers.get("X-Playground-Worker", ""), (sticky[0] if sticky else None)

    def wait_pool(self, names: set[str], timeout: float = 30) -> None:
        """Until HAProxy's health checks have put every worker in ``names`` into the pool."""
        seen: set[str] = set()
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"haproxy exited (status {self.proc.returncode}); see {self.log.name}")
            with contextlib.suppress(OSError):
                seen.add(self.worker_of()[0])
            if names <= seen:
                return
            time.sleep(0.2)
        raise RuntimeError(f"workers {sorted(names - seen)} never joined the proxy's pool")

    def stop(self) -> None:
        _stop(self.proc)
        self.log.close()


class Hall:
    """``workers`` `streamlit run app.py` processes, one Redis and HAProxy in front (sticky cookie,
    WebSockets, health checks on /_stcore/health): what ``python -m core serve --workers N`` runs
    and what tests/multiproc exercises. The workers get the Redis URL as ``PLAYGROUND_REDIS_URL``
    (Redis is started here unless ``redis_url`` names one). ``workers=1`` without ``redis_url`` is
    one plain server on ``port`` (no Redis, no proxy: today's single process); with one, the same
    topology as N workers (proxy, Redis) with one worker — what a 1-vs-2-worker benchmark compares.

    ``url`` is the address to open; ``servers`` the workers (w1, w2, … in the proxy);
    ``stop()`` stops everything it started."""

    def __init__(self, workers: int = 2, port: int | None = None, redis_url: str | None = None,
                 address: str = "127.0.0.1", log_dir: pathlib.Path | None = None, offline: bool = True,
                 extra_env: dict | None = None, timeout: float = 120, warm: bool = True,
                 die_with_parent: bool = False):
        import tempfile

        if workers < 1:
            raise ValueError("workers must be ≥ 1")
        self.log_dir = log_dir or pathlib.Path(tempfile.mkdtemp(prefix="playground-hall-"))
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.redis: Redis | None = None
        self.proxy: Proxy | None = None
        self.servers: list[Server] = []
        opts = {"log_dir": self.log_dir, "offline": offline, "die_with_parent": die_with_parent}
        try:
            if workers == 1 and not redis_url:
                self.servers.append(Server(extra_env, timeout=timeout, warm=warm, port=port, address=address, **opts))
                self.url, self.redis_url = self.servers[0].url, None
                return
            if not redis_url:
                self.redis = Redis(self.log_dir / "redis-data", self.log_dir, die_with_parent=die_with_parent)
                redis_url = self.redis.url
            self.redis_url = redis_url
            env = dict(extra_env or {}, **{REDIS_URL_ENV: redis_url})
            if workers > 1:  # a worker that fell back to a store of its own would split the class
                env[REDIS_REQUIRED_ENV] = "1"
            self.servers = [Server(env, wait=False, **opts) for _ in range(workers)]
            for s in self.servers:  # they start together; each waits its turn on the cores
                s.wait_healthy(timeout, warm)
            self.proxy = Proxy(self.pool(), self.log_dir, port=port, address=address, die_with_parent=die_with_parent)
            self.proxy.wait_pool({name for name, _ in self.pool()})
            self.url = self.proxy.url
        except BaseException:
            self.stop()
            raise

    def pool(self) -> list[tuple[str, int]]:
        """[(proxy's name of the worker, its port)]: w1, w2, …"""
        return [(f"w{i}", s.port) for i, s in enumerate(self.servers, 1)]

    def server(self, name: str) -> Server:
        return self.servers[int(name[1:]) - 1]

    def problems(self) -> list[str]:
        """What has died (for `core serve`'s watch loop)."""
        out = [f"{name} (port {port}) exited with status {self.server(name).proc.returncode}"
               for name, port in self.pool() if self.server(name).proc.poll() is not None]
        if self.proxy is not None and self.proxy.proc.poll() is not None:
            out.append(f"haproxy exited with status {self.proxy.proc.returncode}")
        if self.redis is not None and self.redis.proc is not None and self.redis.proc.poll() is not None:
            out.append(f"redis-server exited with status {self.redis.proc.returncode}")
        return out

    def stop(self) -> None:
        """Stop every child at once and wait for them together (≈ 10 s at most in all)."""
        procs = [s.proc for s in self.servers]
        if self.proxy is not None:
            procs.append(self.proxy.proc)
        if self.redis is not None and self.redis.proc is not None:
            procs.append(self.redis.proc)
        _stop(*procs)
        for s in self.servers:
            with contextlib.suppress(Exception):
                s.log.close()
        if self.proxy is not None:
            with contextlib.suppress(Exception):
                self.proxy.log.close()

    def __enter__(self) -> Hall:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
