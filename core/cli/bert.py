"""`python -m core bert ...` (issue #7; `baseline` from issue #9 lives in core/cli/bert_baseline.py)."""
from __future__ import annotations

import argparse

from core.cli import bert_baseline


def register(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    bert_baseline.register(sub)
    # fill-mask, sentiment, finetune arrive with issue #7
