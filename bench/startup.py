"""Home page render time in Chromium on a fresh server (issue #2: under 3 s after the server is up).

    .venv/bin/python -m bench.startup [--quick]  →  {"home": {"server_up_s": ..., ...}, "word2vec": {...}}

``--quick`` (the test suite's run): the home page only.
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
import pathlib
import time

from stkit.server import CHROMIUM, CHROMIUM_ARGS, Server
from tests.browser.wait import new_context, wait_run_after

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="the home page only")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    results = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for path in [""] if args.quick else ["", "word2vec"]:
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
