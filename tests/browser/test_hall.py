"""The app in Chromium through the lecture hall's HAProxy (issue 25: `python -m core serve`'s
topology, stkit/server.py's Hall): a real browser gets the sticky cookie with the page, its
WebSocket and every later run stay on that worker, and two browsers are spread over the two
workers. (The classroom across workers is tests/multiproc/, over the WebSocket protocol.)"""
from __future__ import annotations

import os
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from core.i18n import t
from tests.browser.conftest import no_exception, screenshot
from tests.browser.wait import act, goto, new_context, runs


@pytest.fixture(scope="module")
def hall(browser, tmp_path_factory):
    if not (os.path.exists("/usr/bin/redis-server") and os.path.exists("/usr/sbin/haproxy")):
        pytest.skip("needs Debian's redis-server and haproxy (apt-get install redis-server haproxy)")
    from stkit.server import Hall

    h = Hall(workers=2, log_dir=tmp_path_factory.mktemp("hall"))
    yield h
    h.stop()


def test_two_browsers_through_the_proxy_each_stay_on_their_worker(browser, hall):
    url = f"{hall.url}/word2vec?tab=" + quote(t("w2v.tab.neighbors", "ja"))
    contexts, workers = [], []
    try:
        for i, word in enumerate(("東京", "先生")):
            context = new_context(browser, locale="ja-JP")
            contexts.append(context)
            page = context.new_page()
            goto(page, url)
            no_exception(page)
            (cookie,) = [c for c in context.cookies() if c["name"] == "playground_affinity"]
            assert cookie["httpOnly"]
            sticky = f"{cookie['name']}={cookie['value']}"
            workers.append(hall.proxy.worker_of(sticky)[0])
            # a widget change is a run over the same WebSocket, on the same worker
            field = page.get_by_role("textbox", name=t("w2v.nb.word", "ja"), exact=True)
            act(page, lambda field=field, word=word: (field.fill(word), field.press("Enter")))
            no_exception(page)
            expect(page.locator(".stPlotlyChart").first).to_be_visible()
            assert f"w2v_word={quote(word)}" in page.url
            assert runs(page).socket is not None and not runs(page).socket.is_closed()
            assert [c["value"] for c in context.cookies() if c["name"] == "playground_affinity"] == [cookie["value"]]
            screenshot(page, f"hall-browser-{i + 1}")
        assert sorted(workers) == ["w1", "w2"]  # new browsers are spread over both workers
    finally:
        for context in contexts:
            context.close()
