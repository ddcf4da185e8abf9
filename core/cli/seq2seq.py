"""`python -m core seq2seq ...` (filled in by issue #5)."""
from __future__ import annotations

import argparse


def register(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    del sub  # subcommands arrive with issue #5
