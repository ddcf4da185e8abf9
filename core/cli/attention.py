"""`python -m core attention ...` (filled in by issue #6)."""
from __future__ import annotations

import argparse


def register(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    del sub  # subcommands arrive with issue #6
