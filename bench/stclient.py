"""Moved to ``stkit.client``. This re-export keeps branches written before the move working for
one merge round; import ``stkit.client`` (the lead removes this file after merging)."""
from stkit.client import COMPILE_ERROR, EARLY, ERROR_ALERT, ProtocolError, Run, Session

__all__ = ["COMPILE_ERROR", "EARLY", "ERROR_ALERT", "ProtocolError", "Run", "Session"]
