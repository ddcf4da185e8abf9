"""core.paths.build_into: a reader never sees half a folder; first finished build wins unless
the caller asks to replace; a failed build leaves nothing behind."""
from __future__ import annotations

import pytest

from core.paths import build_into


def _writer(text: str, fail: bool = False):
    def build(tmp):
        (tmp / "part.bin").write_text(text)
        if fail:
            raise RuntimeError("interrupted")
        (tmp / "done.json").write_text("{}")
    return build


def test_the_first_finished_build_stays_unless_replace(tmp_path):
    target = tmp_path / "model"
    build_into(target, _writer("first"), done="done.json")
    build_into(target, _writer("second"), done="done.json")
    assert (target / "part.bin").read_text() == "first"
    build_into(target, _writer("third"), done="done.json", replace=True)
    assert (target / "part.bin").read_text() == "third"


def test_a_partial_or_empty_folder_gives_way_and_a_failed_build_leaves_no_trace(tmp_path):
    target = tmp_path / "model"
    target.mkdir()  # claimed (core.paths.claim_dir) but empty
    with pytest.raises(RuntimeError):
        build_into(target, _writer("x", fail=True), done="done.json")
    assert list(tmp_path.iterdir()) == [target] and not any(target.iterdir())
    build_into(target, _writer("ok"), done="done.json")
    assert sorted(p.name for p in target.iterdir()) == ["done.json", "part.bin"]
    assert [p.name for p in tmp_path.iterdir()] == ["model"]
