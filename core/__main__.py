"""``python -m core ...``: the command line over the same functions the pages use."""
import sys

from core.cli import main

sys.exit(main())
