"""Per-page cost table: what one rerun costs the server, and what one more session costs.

``python -m core bench costs --json`` (or ``python -m bench.costs``). Against a fresh
`streamlit run` on 127.0.0.1 (stkit/server.py), one WebSocket session at a time
(stkit/client.py): each page is opened and warmed, then each main interaction is repeated
``reruns`` times, cycling through a few inputs. Per interaction: the median wall time from
send to ``script_finished`` (as the client sees it) and the median CPU seconds the server
process spent on it (psutil user + system, all its threads). Then ``sessions`` more tabs are
opened on the word2vec page and kept open: the server's RSS growth per added session.
``python -m bench.costs --quick`` (the test suite's run): the word2vec page, one rerun, one session.
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
import statistics
import time


def _plan(t):
    """(page, tab key, [(interaction, [actions cycling through inputs], expected element)])."""
    words = ["犬", "東京", "先生", "海", "学校"]
    sentences = ["猫が魚を食べた", "私は毎朝コーヒーを飲む", "バナナが好き"]
    masks = ["今日は[MASK]が降っている。", "私は毎朝[MASK]を飲みます。", "この映画は本当に[MASK]かった。"]
    dates = ["September 27, 1994", "平成6年9月27日", "27 Sep 1994"]
    return [
        ("word2vec", "w2v.tab.neighbors", [
            ("word", [lambda s, w=w: s.type_text(t("w2v.nb.word"), w) for w in words], "plotly_chart"),
            ("top-n", [lambda s, n=n: s.set_number(t("w2v.nb.topn"), n) for n in (5, 15, 10)], "plotly_chart"),
            ("projection-tab", [lambda s, k=k: s.open_tab(t(k)) for k in ("w2v.tab.projection", "w2v.tab.neighbors")],
             "plotly_chart"),
        ]),
        ("attention", "att.tab.sdpa", [
            ("sentence", [lambda s, x=x: s.type_text(t("att.sentence"), x) for x in sentences], "plotly_chart"),
            ("sqrt-dk", [lambda s: s.toggle(t("att.noscale"))], "plotly_chart"),
            ("posenc-tab", [lambda s, k=k: s.open_tab(t(k)) for k in ("att.tab.posenc", "att.tab.sdpa")],
             "plotly_chart"),
        ]),
        ("bert", "bert.tab.fillmask", [
            ("fill-mask", [lambda s, x=x: s.type_text(t("bert.fm.text"), x, kind="text_area") for x in masks],
             "plotly_chart"),
            ("top-k", [lambda s, k=k: s.set_slider(t("bert.fm.topk"), k) for k in (3, 10, 5)], "plotly_chart"),
        ]),
        ("seq2seq", "s2s.tab.translate", [
            ("translate", [lambda s, x=x: s.type_text(t("s2s.tr.input"), x) for x in dates], "plotly_chart"),
        ]),
        ("lstm", "lstm.tab.forecast", []),
    ]


def _cpu(proc) -> float:
    import psutil

    total = 0.0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            c = p.cpu_times()
            total += c.user + c.system
        except psutil.Error:
            pass
    return total


def _rss(proc) -> int:
    return proc.memory_info().rss


def _timed(proc, fn):
    c0 = _cpu(proc)
    run = fn()
    time.sleep(0.05)  # let the server finish sending (its CPU counts too)
    return run, _cpu(proc) - c0


def measure(reruns: int = 5, sessions: int = 10, url: str | None = None, server_pid: int | None = None,
            model: str | None = None, pages: tuple[str, ...] | None = None) -> dict:
    """``pages``: only these pages of the plan (default: all)."""
    import psutil

    from bench.loadtest import bert_base_random_dir
    from core.i18n import t
    from stkit.client import Session
    from stkit.server import Server

    server = None
    plan = [row for row in _plan(t) if pages is None or row[0] in pages]
    fill_mask_model = str(model or bert_base_random_dir()) if any(row[0] == "bert" for row in plan) else None
    if url is None:
        server = Server({"PLAYGROUND_MODEL_FILL_MASK": fill_mask_model} if fill_mask_model else {})
        url, server_pid = server.url, server.proc.pid
    proc = psutil.Process(server_pid)
    rows: dict[str, dict] = {}
    problems: list[str] = []
    try:
        for page, tab, interactions in plan:
            s = Session(url, page, {"tab": t(tab)}, timeout=600)
            first, _ = _timed(proc, s.open)  # cold: loads the page's models
            warm = [_timed(proc, s.rerun) for _ in range(reruns)]  # a rerun with nothing changed
            row = {"first_open_s": round(first.seconds, 3),
                   "rerun_wall_s": round(statistics.median(r.seconds for r, _ in warm), 3),
                   "rerun_cpu_s": round(statistics.median(c for _, c in warm), 3)}
            for name, actions, expect in interactions:
                walls, cpus = [], []
                for i in range(reruns):
                    actions[i % len(actions)](s)
                    run, cpu = _timed(proc, s.rerun)
                    walls.append(run.seconds)
                    cpus.append(cpu)
                    bad = run.problems() or ([] if run.count(expect) else [f"no {expect}"])
                    problems += [f"{page}:{name}: {p}" for p in bad]
                row[name] = {"wall_s": round(statistics.median(walls), 3), "cpu_s": round(statistics.median(cpus), 3)}
            s.close()
            rows[page] = row
        # RSS per added session: more tabs on the word2vec neighbours page, all kept open
        base = _rss(proc)
        tabs = []
        for _ in range(sessions):
            s = Session(url, "word2vec", {"tab": t("w2v.tab.neighbors")}, timeout=600)
            s.open()
            tabs.append(s)
        time.sleep(0.5)
        per_session_mb = (_rss(proc) - base) / sessions / 1024 / 1024
        for s in tabs:
            s.close()
    finally:
        if server is not None:
            server.stop()
    return {"pages": rows, "rss_per_session_mb": round(per_session_mb, 2), "sessions": sessions,
            "reruns": reruns, "fill_mask_model": fill_mask_model, "cpus": os.cpu_count(), "problems": problems}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="the word2vec page, one rerun, one session")
    args = ap.parse_args(argv)
    kwargs = {"reruns": 1, "sessions": 1, "pages": ("word2vec",)} if args.quick else {}
    print(json.dumps(measure(**kwargs), ensure_ascii=False))


if __name__ == "__main__":
    main()
