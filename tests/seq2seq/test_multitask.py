"""T5-style multi-task learning (issue 27, item 8): core, the seq2seq page's table, the CLI contract."""
import json

import pytest

from core import InvalidInput
from core.seq2seq import multitask as M
from tests.conftest import assert_no_exception
from tests.seq2seq.apptest import s2s_app


def test_prefixes_and_budget_per_model():
    seen = []
    res = M.run("dates,addition", seconds=0.5, n_per_task=60, on_progress=lambda s, total, m: seen.append((s, total)))
    assert set(res.per_task) == set(res.single_task) == {"dates", "addition"}
    assert all(0.0 <= v <= 1.0 for v in [*res.per_task.values(), *res.single_task.values()])
    assert seen[-1] == (pytest.approx(1.5), pytest.approx(1.5))  # three models, 0.5 s each
    for tr in res.trainers.values():
        assert tr.result.seconds <= 0.5 + 5  # stopped at the budget (after the mini-batch that passed it)
    multi_val = res.trainers["multi"].val_pairs.raw
    assert multi_val[0][0].startswith(M.PREFIX["dates"])
    with pytest.raises(InvalidInput):
        M.check_tasks("dates,poetry")


def test_cli_multitask_contract():
    import os
    import subprocess
    import sys

    from tests.seq2seq.test_cli import ROOT

    env = dict(os.environ, HF_HUB_OFFLINE="1", OMP_NUM_THREADS="1")
    r = subprocess.run([sys.executable, "-m", "core", "transformer", "multitask", "--tasks", "dates,addition,translate",
                        "--seconds", "0.5", "--n-per-task", "60", "--json"], cwd=ROOT, env=env, capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert set(out) == {"per_task", "single_task", "seconds"} and out["seconds"] == 0.5
    assert set(out["per_task"]) == set(out["single_task"]) == {"dates", "addition", "translate"}


def test_multitask_tab_shows_the_per_task_table():
    at = s2s_app("multitask")
    assert_no_exception(at)
    at.slider(key="s2s_mt5_seconds").set_value(2)
    at.select_slider(key="s2s_mt5_n").set_value(200)
    at.button(key="s2s_mt5_run__start").click().run()
    assert_no_exception(at)
    res = at.session_state["s2s_multitask"]
    assert set(res.per_task) == {"dates", "addition"} and not res.trainers
    table = at.dataframe[-1].value
    assert list(table.iloc[:, 0]) == ["日付の正規化", "足し算"] and table.shape[1] == 3
    assert len(at.get("plotly_chart")) >= 1
