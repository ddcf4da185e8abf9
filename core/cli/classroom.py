"""`python -m core classroom ...`: the classroom mode's question bank from the command line.

- ``classroom quiz --page attention [--lang en] [--json]`` → ``{"questions": [{"id", "question",
  "choices", "answer"}, ...]}``: the same 確認クイズ the page shows (``answer`` is the right
  choice's text, or the number for a numeric question, whose ``choices`` is empty).
"""
from __future__ import annotations

import argparse

from core.cli.common import add_json, emit


def register(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    q = sub.add_parser("quiz", help="ページの確認クイズ / a page's quick checks")
    q.add_argument("--page", required=True, help="word2vec, lstm, seq2seq, attention, bert")
    q.add_argument("--lang", choices=("ja", "en"), default="ja")
    add_json(q)
    q.set_defaults(handler=_quiz)


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
