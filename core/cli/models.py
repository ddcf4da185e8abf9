"""`python -m core models ...` (filled in by issue #7)."""
from __future__ import annotations

import argparse


def register(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    del sub  # subcommands arrive with issue #7
