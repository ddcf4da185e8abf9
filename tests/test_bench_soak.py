"""`python bench/soak.py --quick --json` (issue 24): a compressed day of teaching against a real
server — the contract's JSON, every interaction ok, the upload and save attacks refused. No
timing or memory assertions (the figures go to docs/performance.md from the 20-minute run);
class_alive and the classroom attacks are reported, not asserted here (tests/classroom has
their own tests)."""
from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
KEYS = {"minutes", "class_alive", "follow_p95_s", "interactions", "ok", "errors", "rss_mb_start", "rss_mb_end",
        "rss_growth_pct", "saved_mb_end", "attacks"}


@pytest.mark.slow  # a real server, a few followers and students for 30 s
def test_quick_soak(tmp_path):
    """Run as an operator would, from another directory (tests/test_benches.py leaves this bench's
    quick mode to this test)."""
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PLAYGROUND_DEVICE="cpu")
    proc = subprocess.run([sys.executable, str(ROOT / "bench/soak.py"), "--quick", "--json"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert KEYS <= set(out)
    assert out["minutes"] == 0.5 and isinstance(out["class_alive"], bool) and out.get("quick", True) is True
    assert out["interactions"] > 10 and out["ok"] == out["interactions"], out["errors"]
    assert out["errors"] == []
    assert out["follow_p95_s"] is not None  # the followers followed the first word
    assert out["rss_mb_start"] > 0 and out["rss_mb_end"] > 0
    assert out["saved_mb_end"] <= out["quota_mb"]
    attacks = out["attacks"]
    assert set(attacks) == {"gzip_bomb", "save_spam", "pin_guess", "answer_flood", "class_link_on_instructor"}
    assert all(set(a) == {"tried", "refused"} and 0 <= a["refused"] <= a["tried"] for a in attacks.values())
    assert attacks["gzip_bomb"]["tried"] >= 1 and attacks["gzip_bomb"]["refused"] == attacks["gzip_bomb"]["tried"]
    assert attacks["pin_guess"]["refused"] == attacks["pin_guess"]["tried"]
    assert all(a["tried"] >= 1 for a in attacks.values()), attacks  # every attack ran (the flood needs the asked question)
    link = attacks["class_link_on_instructor"]
    assert link["refused"] == link["tried"], link


def test_bad_minutes_exit_2():
    proc = subprocess.run([sys.executable, "bench/soak.py", "--minutes", "0", "--json"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "エラー" in proc.stderr
