"""`python -m core classroom ...`: the classroom mode's question bank from the command line.

- ``classroom quiz --page attention [--lang en] [--json]`` → ``{"questions": [{"id", "question",
  "choices", "answer"}, ...]}``: the same 確認クイズ the page shows (``answer`` is the right
  choice's text, or the number for a numeric question, whose ``choices`` is empty).
- ``classroom store [--json]`` → ``{"store": "memory" | "redis", "url", "reachable": true,
  "live_classes"}``: the class store this environment chooses (``PLAYGROUND_REDIS_URL``), checked
  as the app would (a launcher runs it before starting workers). A malformed URL or an
  unreachable Redis exits 2 with the Japanese message; the password never appears.
"""
from __future__ import annotations

import argparse

from core.cli.common import add_json, both, emit
def register(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    q = sub.add_parser("quiz", help=both("cli.classroom.quiz"))
    q.add_argument("--page", required=True, help="word2vec, lstm, seq2seq, attention, bert")
    q.add_argument("--lang", choices=("ja", "en"), default="ja")
    add_json(q)
    q.set_defaults(handler=_quiz)
    s = sub.add_parser("store", help=both("cli.classroom.store"))
    add_json(s)
    s.set_defaults(handler=_store)


def _store(args: argparse.Namespace) -> int:
    import os

    from core import classroom, classstore

    url = os.environ.get(classstore.REDIS_URL_ENV, "").strip()
    if url:
        store = classstore.RedisStore(url)  # InvalidInput for a malformed URL
        store.ping()  # StoreUnavailable when it cannot be reached
    else:
        store = classstore.MemoryStore()
    rooms = classroom.Classrooms(store=store)
    shown = classstore.redact(url) if url else None
    result = {"store": "redis" if url else "memory", "url": shown, "reachable": True,
              "live_classes": rooms.live_count()}
    return emit(result, args.json, lambda r: f"{r['store']} {r['url'] or ''} — 開催中の授業 {r['live_classes']}")


def _quiz(args: argparse.Namespace) -> int:
    from core import quiz

    questions = [q.to_json(args.lang) for q in quiz.page_questions(args.page)]

    def human(result: dict) -> str:
        lines = []
        for i, q in enumerate(result["questions"], 1):
            lines.append(f"{i}. [{q['id']}] {q['question']}")
            lines += [f"   - {c}" for c in q["choices"]]
            lines.append(f"   → {q['answer']}")
        return "\n".join(lines)

    return emit({"questions": questions}, args.json, human)
