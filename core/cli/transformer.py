"""`python -m core transformer ...` (issue 13). Minimal group on the minibert branch: only
``pretrain-mlm`` (core/cli/mlm.py); the lead merges it with the group's other commands."""
from __future__ import annotations

import argparse

from core.cli.mlm import register_pretrain


def register(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    register_pretrain(sub)
