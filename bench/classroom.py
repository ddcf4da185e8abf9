"""Classroom mode under load: one instructor and N following browsers (Chromium pages, one
context each) against a real `streamlit run`; the instructor changes the word on the word2vec
page and we measure how long each follower takes to show it. Prints one JSON object.

    .venv/bin/python bench/classroom.py --followers 40 --changes 3

Each follower page records (in the page, every 100 ms) when its input first shows the new word,
so the figures are the browser's own clock, not the order we look at the pages in.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))

from bench.serve import CHROMIUM, CHROMIUM_ARGS, Server  # noqa: E402
from core.i18n import t  # noqa: E402
from tests.browser.wait import act, goto, new_context  # noqa: E402

WATCH = """() => { window.__pgSeen = {}; setInterval(() => {
  const box = [...document.querySelectorAll('input')].find(i => i.getAttribute('aria-label') === %s);
  if (box && !(box.value in window.__pgSeen)) window.__pgSeen[box.value] = Date.now(); }, 100); }"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--followers", type=int, default=40)
    ap.add_argument("--changes", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=300)
    args = ap.parse_args()
    import psutil
    from playwright.sync_api import expect, sync_playwright

    label = t("w2v.nb.word")
    server = Server()
    proc = psutil.Process(server.proc.pid)
    result = {"followers": args.followers, "changes": args.changes}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            teacher = new_context(browser).new_page()
            teacher.set_default_timeout(args.timeout * 1000)
            goto(teacher, f"{server.url}/word2vec", int(args.timeout * 1000))
            act(teacher, lambda: teacher.get_by_role("button", name=t("cls.share.open")).first.click())
            act(teacher, lambda: teacher.get_by_role("button", name=t("cls.start")).click())
            line = teacher.get_by_text(re.compile("クラスコード")).first
            line.wait_for()
            code = re.search(r"[A-Z]{4}", line.inner_text()).group(0)
            t0 = time.time()
            pages = []
            for _ in range(args.followers):
                p = new_context(browser, viewport={"width": 390, "height": 844}).new_page()
                p.set_default_timeout(args.timeout * 1000)
                p.goto(f"{server.url}/?class={code}", wait_until="commit")
                pages.append(p)
            for p in pages:
                expect(p.get_by_role("textbox", name=label, exact=True)).to_have_value("猫", timeout=args.timeout * 1000)
                p.evaluate(WATCH % json.dumps(label))
            result["all_joined_s"] = round(time.time() - t0, 1)
            proc.cpu_percent(None)
            latencies = []
            box = teacher.get_by_role("textbox", name=label, exact=True)
            for i, word in enumerate(["東京", "犬", "りんご", "大学", "電車"][: args.changes]):
                box.fill(word)
                sent = time.time() * 1000
                box.press("Enter")
                for p in pages:
                    expect(p.get_by_role("textbox", name=label, exact=True)).to_have_value(word, timeout=args.timeout * 1000)
                latencies += [(p.evaluate(f"() => window.__pgSeen[{json.dumps(word)}]") - sent) / 1000 for p in pages]
            q = statistics.quantiles(latencies, n=20)
            result.update({"follow_p50_s": round(statistics.median(latencies), 2), "follow_p95_s": round(q[18], 2),
                           "follow_max_s": round(max(latencies), 2), "all_followed": len(latencies),
                           "server_cpu_percent": round(proc.cpu_percent(None), 1),
                           "server_rss_mb": round(proc.memory_info().rss / 2**20)})
            browser.close()
    finally:
        server.stop()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
