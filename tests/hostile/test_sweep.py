"""The hostile-input sweep over every page of app.py (issue #19), one test per page.

Every text input, text area, number input and file uploader found by tests/hostile/sweep.py
(AppTest discovery, no hand-kept list) gets the payloads of a mischievous student. Server as the
README recommends for Community Cloud: downloads ON, custom models OFF (the free-text model
fields, switched on, get the same payloads in test_pages.py), the Hub faked (sizes answered,
downloads recorded). Asserts: no exception element, no 'unexpected error' box, the core.inputs
message for NUL / path traversal / 1 MB, a message for empty / random / PNG uploads, every model
located and every Hub call is an allowed source (no student input reaches anything else), and
no file written outside the app's cache (PLAYGROUND_CACHE_DIR) in the repository or temp dir.
"""
from __future__ import annotations

import tempfile

import pytest

from core import hub
from tests.conftest import ROOT
from tests.hostile import sweep


@pytest.mark.slow
@pytest.mark.parametrize("page", sweep.pages())
def test_hostile_sweep(page, shared_server, monkeypatch):
    located: list[str] = []
    real = hub.locate
    monkeypatch.setattr(hub, "locate", lambda s, **kw: (located.append(s), real(s, **kw))[1])
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
    allowed = {s for task in hub.MODELS for s in hub.allowed_sources(task)}
    outside = {s for s in located if s not in allowed and not s.startswith(str(shared_server.cache))}
    assert not outside, f"models located outside the allowed list: {outside}"
    hub_calls = set(shared_server.hub.info_calls) | set(shared_server.hub.downloads)
    assert hub_calls <= allowed, f"Hub calls outside the allowed list: {hub_calls - allowed}"
    assert not failures, "\n".join(failures[:40])
    if page != "home":  # the home page is the lecture map: links only
        assert fields, f"no field found on {page}: the discovery is broken"
