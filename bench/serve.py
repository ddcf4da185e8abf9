"""Moved to ``stkit.server``. This re-export keeps branches written before the move working for
one merge round; import ``stkit.server`` (the lead removes this file after merging)."""
from stkit.server import CHROMIUM, CHROMIUM_ARGS, ROOT, Server, free_port

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "ROOT", "Server", "free_port"]
