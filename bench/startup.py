"""Home page render time in Chromium on a fresh server (issue #2: under 3 s after the server is up).

    .venv/bin/python bench/startup.py  →  {"server_up_s": ..., "home_rendered_s": ..., ...}
"""
from __future__ import annotations

import json
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serve import CHROMIUM, CHROMIUM_ARGS, Server  # noqa: E402
from tests.browser.wait import new_context, wait_run_after  # noqa: E402


def main() -> None:
    from playwright.sync_api import sync_playwright

    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    results = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for path in ["", "word2vec"]:
            t0 = time.perf_counter()
            server = Server()
            up = time.perf_counter() - t0
            page = new_context(browser).new_page()
            t1 = time.perf_counter()
            page.goto(f"{server.url}/{path}")
            page.wait_for_selector("h1", timeout=60_000)
            first_heading = time.perf_counter() - t1
            wait_run_after(page, 0)
            idle = time.perf_counter() - t1
            page.close()
            server.stop()
            results[path or "home"] = {"server_up_s": round(up, 3), "first_heading_s": round(first_heading, 3),
                                       "script_idle_s": round(idle, 3)}
        browser.close()
    print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
