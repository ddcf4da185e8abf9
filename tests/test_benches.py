"""Benchmarks cannot rot: every script in bench/ runs its quick mode (small sizes, seconds) here,
as a subprocess the way an operator runs it (``python bench/NAME.py --quick``, which runs itself as
``python -m bench.NAME`` with the repository on the path, from any directory), and its last
stdout line is one JSON object with the keys its full run reports. No timing assertions: the
figures themselves come from the full runs (docs/performance.md).

``bench/loadtest.py`` (with ``bench/locustfile.py``) runs through ``python -m core bench load`` in
tests/test_bench_load.py; ``bench/soak.py --quick --json`` runs once, in tests/test_bench_soak.py,
which checks its JSON more closely (its quick mode is a real server for 30 s: twice cost a minute).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

# bench module → (extra arguments, keys its JSON must hold, marks)
QUICK = {
    "attention": ([], {"positional_encoding", "model_view_bert_base_128"}, ()),
    "baseline": ([], {"vectors_load_s", "sample_all"}, ()),
    "basics": ([], {"datasets", "boundary_frame_ms", "xor_meets_target"}, ()),
    "bert": ([], {"fill_mask", "sentiment", "build_seconds"}, ()),
    "classroom": ([], {"follow_p50_s", "followed", "expected", "idle_poll", "n_errors"}, (pytest.mark.slow,)),
    "costs": ([], {"pages", "rss_per_session_mb", "problems"}, (pytest.mark.slow,)),
    "lstm": ([], {"throughput_sequences_per_s", "sine_default", "gradient_decay_default"}, ()),
    "memory": (["--json"], {"steps", "peak_rss_mb", "budget_mb", "loaded_at_end"}, ()),
    "minibert": ([], {"steps", "sentences_per_s", "mlm_loss_first", "mlm_loss_last"}, ()),
    "seq2seq": ([], {"time_to_99_cpu", "same_budget_without_attention", "transformer_vs_gru_time_to_99",
                     "decode_latency_ms_cpu"}, ()),
    "startup": ([], {"home"}, (pytest.mark.slow,)),
    "transformer": ([], {"mini_gpt", "lstm", "tokens", "vocab"}, ()),
    "word2vec": ([], {"most_similar_20k", "pca_500", "tsne_500_2d", "train_CBOW", "train_skip-gram",
                      "targets"}, ()),
}
# bench/ modules that are not benchmarks of their own (run by another entry point)
NOT_BENCHES = {"__init__", "classday", "lecture", "loadtest", "locustfile"}
# benches whose quick mode a test file of their own runs (and checks more closely)
OWN_TEST = {"soak": "tests/test_bench_soak.py"}


def test_every_bench_has_a_quick_run_here():
    scripts = {p.stem for p in (ROOT / "bench").glob("*.py")} - NOT_BENCHES
    assert scripts == set(QUICK) | set(OWN_TEST), f"add the new bench's quick mode to QUICK: {sorted(scripts ^ set(QUICK))}"
    for name, test in OWN_TEST.items():
        assert f"bench/{name}.py" in (ROOT / test).read_text(), f"{test} no longer runs bench/{name}.py"


@pytest.mark.parametrize("name", [pytest.param(n, marks=QUICK[n][2]) for n in sorted(QUICK)])
def test_bench_quick_mode_prints_its_json(name, tmp_path):
    args, keys, _ = QUICK[name]
    if name == "startup":
        from stkit.server import CHROMIUM

        if not os.path.exists(CHROMIUM):
            pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium-headless-shell)")
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PLAYGROUND_DEVICE="cpu")
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / f"{name}.py"), "--quick", *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert isinstance(out, dict)
    assert keys <= set(out), sorted(keys - set(out))
    assert out.get("quick", True) is True  # the benches that report it ran their quick mode
    if name in ("classroom", "costs"):
        assert not out.get("problems") and not out.get("n_errors"), out
