"""The 「ダウンロード」 button in Chromium against `streamlit run` and tests/localhub.py (issue 14):
live progress, a second student joining the same download, and the model loading afterwards
without a restart. The Hub server holds the weights file after its first 64 KiB until the test
has seen both students' progress bars (LocalHub.hold_after / proceed: no timing)."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from core import hub
from tests.browser.conftest import no_exception, open_tab, screenshot
from tests.browser.wait import new_context
from tests.localhub import LocalHub

FILL = hub.spec("fill-mask").default


def test_download_button_shared_progress_then_the_model_loads(browser, fresh_server, page, tmp_path):
    from core.bert import tiny

    repo = tiny.build(tmp_path / "mlm", "pretraining")
    with LocalHub({FILL: repo}, hold_after={"model.safetensors": 65536}) as local:
        srv = fresh_server(HF_ENDPOINT=local.url, HF_HUB_OFFLINE="0", HF_HOME=str(tmp_path / "hf"),
                           HF_HUB_DOWNLOAD_TIMEOUT="120")
        open_tab(page, srv, "bert", "bert.tab.fillmask")
        no_exception(page)
        # the device probe reruns the app once torch is loaded: wait for it, then the button
        expect(page.get_by_text(re.compile(r"CPU \(|CUDA|MPS"))).to_be_visible(timeout=120_000)
        expect(page.get_by_text("apache-2.0")).to_be_visible(timeout=60_000)
        button = page.get_by_role("button", name="ダウンロード", exact=True)
        expect(button).to_be_visible(timeout=60_000)
        button.click()  # this run lasts as long as the download: wait on the progress, not the run
        progress = re.compile(r"/秒")
        expect(page.get_by_text(progress)).to_be_visible(timeout=60_000)
        screenshot(page, "deploy-download-progress")

        second = new_context(browser, locale="ja-JP").new_page()  # another student, same model
        second.goto(f"{srv.url}/bert?tab=" + "穴埋め (fill-mask)")
        try:
            expect(second.get_by_text(progress)).to_be_visible(timeout=60_000)
        finally:
            screenshot(second, "deploy-download-second-student")
        assert second.get_by_role("button", name="ダウンロード", exact=True).count() == 0
        local.proceed()

        loaded = "いちばん確率の高い候補で埋めた文"
        expect(page.get_by_text(loaded)).to_be_visible(timeout=120_000)
        expect(second.get_by_text(loaded)).to_be_visible(timeout=120_000)
        no_exception(page)
        screenshot(page, "deploy-download-done")
        assert local.file_requests("config.json") == 1  # one download for both students
        second.context.close()
