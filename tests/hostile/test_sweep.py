"""The hostile-input sweep over every page of app.py (issue #19), one test per page.

Every text input, text area, number input and file uploader found by tests/hostile/sweep.py
(AppTest discovery, no hand-kept list) gets the payloads of a mischievous student. Server as the
README recommends for Community Cloud and a permissive operator: downloads ON and custom models
ON (so the free-text model fields exist too), the Hub faked (sizes answered, downloads recorded).
Asserts: no exception element, no 'unexpected error' box, the core.inputs message for NUL /
path traversal / 1 MB, a message for empty / random / PNG uploads, no download, and no file
written outside the app's cache (PLAYGROUND_CACHE_DIR) in the repository tree or the temp dir.
"""
from __future__ import annotations

import tempfile

import pytest

from tests.conftest import ROOT
from tests.hostile import sweep


@pytest.mark.slow
@pytest.mark.parametrize("page", sweep.pages())
def test_hostile_sweep(page, shared_server, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_ALLOW_CUSTOM_MODELS", "1")
    tmp = shared_server.tmp / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    before = sweep.snapshot(ROOT, shared_server.tmp, skip=(shared_server.cache,))

    at, fields = sweep.discover(page)
    failures: list[str] = []
    for f in fields:
        at, found = sweep.feed(at, f)
        failures += found

    after = sweep.snapshot(ROOT, shared_server.tmp, skip=(shared_server.cache,))
    written = sorted(p for p, m in after.items() if before.get(p) != m)
    assert not written, f"files written outside the app's cache: {written[:20]}"
    assert not shared_server.hub.downloads, shared_server.hub.downloads
    assert not failures, "\n".join(failures[:40])
    if page != "home":  # the home page is the lecture map: links only
        assert fields, f"no field found on {page}: the discovery is broken"
