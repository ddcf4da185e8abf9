"""`python -m core bert baseline ...` (issue #9)."""
from __future__ import annotations

import argparse


def register(sub) -> None:
    """Adds the `baseline` subcommand to the `bert` group's subparsers (filled in by issue #9)."""
    del sub
