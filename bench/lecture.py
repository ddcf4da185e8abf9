"""What a student does in the lecture, as steps over Streamlit's WebSocket (stkit/client.py):
shared by the Locust load test (bench/locustfile.py) and the soak (bench/soak.py).

A scenario is a page (URL path and tab) and its steps; a step is (name, action on a
``Session``, the element the run must draw). No Locust here: importing Locust monkey-patches
the standard library (gevent), which the soak's threads must not get.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable

from core.i18n import t  # labels as the Japanese UI shows them

WORDS = ["猫", "犬", "東京", "コンピュータ", "先生", "りんご", "電車", "音楽", "海", "学校"]
SENTENCES = ["バナナが好き", "猫が魚を食べた", "私は毎朝コーヒーを飲む", "東京は日本の首都です", "彼は本を読んだ"]
MASK_TEXTS = ["今日は[MASK]が降っている。", "東北大学で[MASK]を研究しています。", "この映画は本当に[MASK]かった。",
              "私は毎朝[MASK]を飲みます。"]
DATES = ["1994年9月27日", "September 27, 1994", "平成6年9月27日", "27 Sep 1994", "令和元年五月一日"]

Step = tuple[str, Callable, str]


@dataclass(frozen=True)
class Scenario:
    page: str
    tab: str  # the i18n key of the tab's label
    steps: Callable[[], list[Step]]
    open_expect: str = "plotly_chart"


SCENARIOS = {
    # types a word, changes top-N, opens the projection tab, comes back
    "neighbors": Scenario("word2vec", "w2v.tab.neighbors", lambda: [
        ("word", lambda s: s.type_text(t("w2v.nb.word"), random.choice(WORDS)), "plotly_chart"),
        ("top-n", lambda s: s.set_number(t("w2v.nb.topn"), random.choice([5, 10, 15, 20])), "plotly_chart"),
        ("projection-tab", lambda s: s.open_tab(t("w2v.tab.projection")), "plotly_chart"),
        ("neighbors-tab", lambda s: s.open_tab(t("w2v.tab.neighbors")), "plotly_chart"),
    ]),
    # changes the sentence, toggles the √d_k scaling (scaled dot-product tab)
    "attention": Scenario("attention", "att.tab.sdpa", lambda: [
        ("sentence", lambda s: s.type_text(t("att.sentence"), random.choice(SENTENCES)), "plotly_chart"),
        ("sqrt-dk", lambda s: s.toggle(t("att.noscale")), "plotly_chart"),
    ]),
    # writes a sentence with [MASK] and changes top-k
    "fill-mask": Scenario("bert", "bert.tab.fillmask", lambda: [
        ("text", lambda s: s.type_text(t("bert.fm.text"), random.choice(MASK_TEXTS), kind="text_area"),
         "plotly_chart"),
        ("top-k", lambda s: s.set_slider(t("bert.fm.topk"), random.choice([3, 5, 10])), "plotly_chart"),
    ]),
    # types a date in another format; the seq2seq model translates it (beam search)
    "translate": Scenario("seq2seq", "s2s.tab.translate", lambda: [
        ("date", lambda s: s.type_text(t("s2s.tr.input"), random.choice(DATES)), "plotly_chart"),
    ]),
    # presses 「学習」 on the forecasting tab: a run in the heavy-work queue, then the forecast
    "lstm-train": Scenario("lstm", "lstm.tab.forecast", lambda: [
        ("train", lambda s: s.press(t("lstm.train")), "plotly_chart"),
    ], open_expect="alert"),  # 「まだ学習していません」 before the first run
}
