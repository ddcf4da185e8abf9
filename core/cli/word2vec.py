"""`python -m core word2vec ...` (filled in by issue #3)."""
from __future__ import annotations

import argparse


def register(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    del sub  # subcommands arrive with issue #3
