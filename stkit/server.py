"""Start `streamlit run app.py` on a free localhost port (browser tests, load test, benchmarks).

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


class Server:
    """A `streamlit run app.py` subprocess on 127.0.0.1; waits for /_stcore/health."""

    def __init__(self, extra_env: dict | None = None, log_dir: pathlib.Path | None = None,
                 timeout: float = 60, warm: bool = False):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, PYTHONUNBUFFERED="1", HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
        env.update(extra_env or {})
        log_dir = log_dir or ROOT / "test-artifacts"
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log = open(log_dir / f"streamlit-{self.port}.log", "w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
             "--server.port", str(self.port), "--server.address", "127.0.0.1",
             "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited early; see {self.log.name}")
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
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
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()

