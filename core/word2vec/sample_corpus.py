"""The built-in sample corpus, written for this project from templates.

分布仮説 (distributional hypothesis): a word's meaning is formed by the words around it. Each
category below (animals, foods, places, family roles, vehicles) has its own sentence frames
(動物は「鳴く・餌・飼う」, 食べ物は「食べる・美味しい・注文」…), and the words of one category
are interchangeable in those frames. Word2Vec never sees the categories — only the contexts —
yet after training, 猫's nearest neighbours are other animals, 東京's are other places.

Sentences mix categories (「父は京都でラーメンを食べた。」) so the contexts overlap realistically.
Deterministic for a given seed. All words below are single MeCab (unidic-lite) tokens.
"""
from __future__ import annotations

import random

CATEGORIES: dict[str, list[str]] = {
    "動物": ["猫", "犬", "ウサギ", "馬", "牛", "羊", "狐", "熊"],
    "食べ物": ["パン", "寿司", "カレー", "ラーメン", "蕎麦", "うどん", "ケーキ", "餃子"],
    "場所": ["東京", "大阪", "京都", "札幌", "福岡", "名古屋", "神戸", "仙台"],
    "家族": ["父", "母", "兄", "姉", "弟", "妹", "祖父", "祖母"],
    "乗り物": ["電車", "バス", "車", "船", "タクシー"],
}

_SLOTS = {"A": "動物", "F": "食べ物", "P": "場所", "K": "家族", "V": "乗り物"}

# {A}=animal {F}=food {P}=place {K}=family {V}=vehicle
TEMPLATES: dict[str, list[str]] = {
    "動物": [
        "{A}が庭で鳴いている。", "{K}は{A}に餌をあげた。", "{A}を飼いたい。", "{A}が小屋で眠っている。",
        "{A}の毛は柔らかい。", "子供が{A}と遊んでいる。", "{P}の動物園で{A}を見た。", "{A}が尻尾を振った。",
        "{A}が吠えて、みんなが驚いた。", "獣医が{A}を診察した。", "{A}の赤ちゃんが生まれた。", "野生の{A}が森にいる。",
    ],
    "食べ物": [
        "{K}は昼に{F}を食べた。", "{F}はとても美味しい。", "{P}で{F}を食べる。", "店員に{F}を注文した。",
        "夕食に{F}を作った。", "{F}を一人前お願いします。", "{F}の値段が上がった。", "朝ご飯に{F}を食べる。",
        "この店の{F}は有名だ。", "{K}が{F}を温めてくれた。", "{F}をおかわりした。", "{F}を残さず食べた。",
    ],
    "場所": [
        "{K}は{P}に住んでいる。", "{V}で{P}へ行く。", "{P}は人口が多い。", "来週{P}に出張する。",
        "{P}の天気は晴れだ。", "{P}で会議が開かれた。", "{P}から手紙が届いた。", "{P}の観光地を訪れた。",
        "{P}まで三時間かかる。", "{P}に引っ越した。", "{P}の市長が発表した。", "夏休みに{P}を旅行した。",
    ],
    "家族": [
        "{K}は会社に勤めている。", "{K}の誕生日を祝った。", "私の{K}は優しい。", "{K}に電話した。",
        "{K}と一緒に出かけた。", "{K}は毎朝早く起きる。", "{K}が笑って話した。", "{K}に手紙を書いた。",
        "{K}は若い頃に働いていた。", "{K}から小遣いをもらった。", "{K}が病院に入院した。", "{K}は料理が上手だ。",
    ],
    "乗り物": [
        "{V}に乗る。", "{V}が遅れた。", "{V}で通勤する。", "{V}の運転手に道を聞いた。",
        "{V}が駅に着いた。", "{V}の運賃を払った。", "{V}が混んでいる。", "{V}を降りて歩いた。",
    ],
}


# Word-specific facts give each word a little context of its own, so words of one category are
# close but not identical (猫 and 犬 both 鳴く, but only 犬 is taken for a walk).
FACTS: dict[str, list[str]] = {
    "猫": ["猫がニャーと鳴いた。", "猫がネズミを追いかけた。"], "犬": ["犬がワンと吠えた。", "犬を散歩に連れて行った。"],
    "ウサギ": ["ウサギが人参をかじった。"], "馬": ["馬が競馬場を走った。"], "牛": ["牛がモーと鳴いた。", "牛から牛乳を搾った。"],
    "羊": ["羊の毛で毛糸を作る。"], "狐": ["狐が油揚げをくわえていた。"], "熊": ["熊が冬眠から目覚めた。"],
    "パン": ["パンにバターを塗った。"], "寿司": ["寿司に醤油をつけた。"], "カレー": ["カレーはスパイスが辛い。"],
    "ラーメン": ["ラーメンのスープを飲んだ。"], "蕎麦": ["蕎麦をつゆにつけた。"], "うどん": ["うどんは麺が太い。"],
    "ケーキ": ["ケーキに苺をのせた。"], "餃子": ["餃子を焼いた。"],
    "東京": ["東京は日本の首都だ。"], "大阪": ["大阪でたこ焼きを食べた。"], "京都": ["京都には寺が多い。"],
    "札幌": ["札幌は雪が多い。"], "福岡": ["福岡は九州にある。"], "名古屋": ["名古屋城を見学した。"],
    "神戸": ["神戸の港を歩いた。"], "仙台": ["仙台は東北にある。"],
    "父": ["父は男だ。"], "母": ["母は女だ。"], "兄": ["兄は年上の男だ。"], "姉": ["姉は年上の女だ。"],
    "弟": ["弟は年下の男だ。"], "妹": ["妹は年下の女だ。"], "祖父": ["祖父は父の父だ。"], "祖母": ["祖母は父の母だ。"],
    "電車": ["電車が線路を走る。"], "バス": ["バスが停留所に止まった。"], "車": ["車にガソリンを入れた。"],
    "船": ["船が港を出た。"], "タクシー": ["タクシーを呼んだ。"],
}
FACT_RATE = 0.15


def sentences(n: int = 4000, seed: int = 0) -> list[str]:
    """``n`` sentences, categories in turn, slots filled at random (deterministic); about 15 %
    are word-specific facts."""
    rng = random.Random(seed)
    cats = list(TEMPLATES)
    facts = [f for fs in FACTS.values() for f in fs]
    out = []
    for i in range(n):
        if rng.random() < FACT_RATE:
            out.append(rng.choice(facts))
            continue
        template = rng.choice(TEMPLATES[cats[i % len(cats)]])
        fill = {slot: rng.choice(CATEGORIES[cat]) for slot, cat in _SLOTS.items()}
        out.append(template.format(**fill))
    return out


def text(n: int = 4000, seed: int = 0) -> str:
    """The corpus as one text, one sentence per line (what an upload would look like)."""
    return "\n".join(sentences(n, seed)) + "\n"


def category_of(word: str) -> str | None:
    for cat, words in CATEGORIES.items():
        if word in words:
            return cat
    return None
