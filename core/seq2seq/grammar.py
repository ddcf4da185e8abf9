"""やさしい日英翻訳 (toy ja→en): sentence pairs from a small grammar written for this project.

Japanese is SOV, English SVO, and the adverbials move from the front to the end:

    [時] [主語]は [場所]で [人]と [形容詞] [目的語]を [動詞]
    [subject] [verb] [object] [with person] [place] [time]

    私は昨日公園で猫を見た → i saw a cat in the park yesterday

so the first English word after the subject is the *last* Japanese word: the order differs a
lot, which is where attention helps. Present tense agrees with the subject (he sees / they
see), negation uses do / does / did not, a/an follows the next word. Everything is
lowercase without final punctuation. One Japanese sentence always has exactly one English
translation (no ambiguity in the data), so exact match is a fair metric.
"""
from __future__ import annotations

import random

# subject: (Japanese, English, third person singular?)
SUBJECTS = [
    ("私", "i", False), ("あなた", "you", False), ("彼", "he", True), ("彼女", "she", True),
    ("私たち", "we", False), ("彼ら", "they", False), ("兄", "my brother", True),
    ("姉", "my sister", True), ("母", "my mother", True), ("父", "my father", True),
    ("先生", "the teacher", True), ("友達", "my friend", True), ("子供たち", "the children", False),
    ("田中さん", "mr. tanaka", True), ("学生たち", "the students", False), ("祖母", "my grandmother", True),
]

# time: (Japanese, English, tense) — tense "past" or "present" (habitual)
TIMES = [
    ("昨日", "yesterday", "past"), ("昨夜", "last night", "past"), ("先週", "last week", "past"),
    ("先月", "last month", "past"), ("去年", "last year", "past"), ("今朝", "this morning", "past"),
    ("おととい", "the day before yesterday", "past"), ("この前の日曜日に", "last sunday", "past"),
    ("毎日", "every day", "present"), ("毎朝", "every morning", "present"), ("毎晩", "every night", "present"),
    ("毎週", "every week", "present"), ("週末に", "on weekends", "present"),
    ("毎年", "every year", "present"), ("時々", "sometimes", "present"),
]

PLACES = [
    ("公園", "in the park"), ("学校", "at school"), ("駅", "at the station"), ("家", "at home"),
    ("図書館", "in the library"), ("店", "at the store"), ("台所", "in the kitchen"),
    ("部屋", "in the room"), ("教室", "in the classroom"), ("町", "in the town"), ("東京", "in tokyo"),
    ("大阪", "in osaka"), ("京都", "in kyoto"), ("レストラン", "at the restaurant"), ("カフェ", "at the cafe"),
    ("庭", "in the garden"), ("病院", "at the hospital"), ("空港", "at the airport"),
    ("市場", "at the market"), ("会社", "at the office"), ("海", "at the beach"), ("山", "in the mountains"),
]

COMPANIONS = [
    ("友達", "with my friend"), ("家族", "with my family"), ("母", "with my mother"),
    ("父", "with my father"), ("先生", "with the teacher"), ("犬", "with the dog"),
    ("姉", "with my sister"), ("兄", "with my brother"),
]

# noun: (Japanese, English, article) — article "a" / "an" / "" (mass noun) / "-" (already definite)
NOUNS = {
    "animal": [("猫", "cat", "a"), ("犬", "dog", "a"), ("鳥", "bird", "a"), ("馬", "horse", "a"),
               ("魚", "fish", "a"), ("牛", "cow", "a"), ("うさぎ", "rabbit", "a"), ("象", "elephant", "an"),
               ("猿", "monkey", "a"), ("熊", "bear", "a"), ("狐", "fox", "a"), ("亀", "turtle", "a"),
               ("ねずみ", "mouse", "a"), ("羊", "sheep", "a"), ("豚", "pig", "a"), ("蛇", "snake", "a")],
    "food": [("りんご", "apple", "an"), ("パン", "bread", ""), ("ケーキ", "cake", "a"), ("卵", "egg", "an"),
             ("バナナ", "banana", "a"), ("みかん", "orange", "an"), ("寿司", "sushi", ""),
             ("カレー", "curry", ""), ("サンドイッチ", "sandwich", "a"), ("ラーメン", "ramen", ""),
             ("おにぎり", "rice ball", "a"), ("クッキー", "cookie", "a"), ("トマト", "tomato", "a"),
             ("ピザ", "pizza", "a"), ("スープ", "soup", ""), ("サラダ", "salad", "a"), ("弁当", "lunch box", "a")],
    "drink": [("水", "water", ""), ("牛乳", "milk", ""), ("お茶", "tea", ""), ("コーヒー", "coffee", ""),
              ("ジュース", "juice", ""), ("スープ", "soup", "")],
    "book": [("本", "book", "a"), ("雑誌", "magazine", "a"), ("新聞", "newspaper", "a"), ("漫画", "comic", "a"),
             ("小説", "novel", "a"), ("手紙", "letter", "a"), ("辞書", "dictionary", "a"),
             ("教科書", "textbook", "a"), ("地図", "map", "a"), ("絵本", "picture book", "a")],
    "writing": [("手紙", "letter", "a"), ("日記", "diary", "a"), ("レポート", "report", "a"),
                ("メール", "email", "an"), ("詩", "poem", "a"), ("物語", "story", "a"), ("名前", "name", "a")],
    "thing": [("車", "car", "a"), ("自転車", "bicycle", "a"), ("傘", "umbrella", "an"), ("鞄", "bag", "a"),
              ("帽子", "hat", "a"), ("時計", "watch", "a"), ("鍵", "key", "a"), ("箱", "box", "a"),
              ("椅子", "chair", "a"), ("机", "desk", "a"), ("皿", "dish", "a"), ("ペン", "pen", "a"),
              ("鉛筆", "pencil", "a"), ("カメラ", "camera", "a"), ("花", "flower", "a"), ("絵", "picture", "a"),
              ("家", "house", "a"), ("電話", "phone", "a"), ("財布", "wallet", "a"), ("人形", "doll", "a"),
              ("ボール", "ball", "a"), ("シャツ", "shirt", "a"), ("窓", "window", "a"), ("コップ", "cup", "a")],
    "music": [("音楽", "music", ""), ("ラジオ", "the radio", "-"), ("歌", "song", "a"), ("ニュース", "the news", "-")],
    "person": [("友達", "my friend", "-"), ("先生", "the teacher", "-"), ("医者", "the doctor", "-"),
               ("子供", "the child", "-"), ("母", "my mother", "-"), ("父", "my father", "-"),
               ("兄", "my brother", "-"), ("姉", "my sister", "-"), ("祖父", "my grandfather", "-"),
               ("警察官", "the police officer", "-"), ("店員", "the clerk", "-"), ("田中さん", "mr. tanaka", "-")],
}

# adjective: (Japanese, English, noun categories it fits)
ADJECTIVES = [
    ("大きい", "big", {"animal", "thing", "food"}), ("小さい", "small", {"animal", "thing", "food", "book"}),
    ("赤い", "red", {"thing", "food"}), ("青い", "blue", {"thing"}), ("白い", "white", {"animal", "thing"}),
    ("黒い", "black", {"animal", "thing"}), ("新しい", "new", {"thing", "book"}), ("古い", "old", {"thing", "book"}),
    ("美しい", "beautiful", {"animal", "thing"}), ("かわいい", "cute", {"animal", "thing"}),
    ("高い", "expensive", {"thing", "book"}), ("安い", "cheap", {"thing", "book", "food"}),
    ("おいしい", "delicious", {"food"}), ("面白い", "interesting", {"book"}), ("長い", "long", {"writing", "book"}),
    ("短い", "short", {"writing"}), ("冷たい", "cold", {"drink"}), ("温かい", "warm", {"drink"}),
]

# verb: (forms: dictionary, past, negative, negative past), (English base, 3sg, past), particle, categories
VERBS = [
    (("見る", "見た", "見ない", "見なかった"), ("see", "sees", "saw"), "を", {"animal", "thing", "person"}),
    (("食べる", "食べた", "食べない", "食べなかった"), ("eat", "eats", "ate"), "を", {"food"}),
    (("飲む", "飲んだ", "飲まない", "飲まなかった"), ("drink", "drinks", "drank"), "を", {"drink"}),
    (("買う", "買った", "買わない", "買わなかった"), ("buy", "buys", "bought"), "を", {"food", "drink", "book", "thing"}),
    (("読む", "読んだ", "読まない", "読まなかった"), ("read", "reads", "read"), "を", {"book"}),
    (("書く", "書いた", "書かない", "書かなかった"), ("write", "writes", "wrote"), "を", {"writing"}),
    (("作る", "作った", "作らない", "作らなかった"), ("make", "makes", "made"), "を", {"food", "thing"}),
    (("洗う", "洗った", "洗わない", "洗わなかった"), ("wash", "washes", "washed"), "を", {"thing", "animal"}),
    (("探す", "探した", "探さない", "探さなかった"), ("look for", "looks for", "looked for"), "を", {"animal", "thing", "book", "person"}),
    (("描く", "描いた", "描かない", "描かなかった"), ("draw", "draws", "drew"), "を", {"animal", "thing"}),
    (("売る", "売った", "売らない", "売らなかった"), ("sell", "sells", "sold"), "を", {"food", "thing", "book"}),
    (("借りる", "借りた", "借りない", "借りなかった"), ("borrow", "borrows", "borrowed"), "を", {"book", "thing"}),
    (("運ぶ", "運んだ", "運ばない", "運ばなかった"), ("carry", "carries", "carried"), "を", {"thing", "food"}),
    (("聞く", "聞いた", "聞かない", "聞かなかった"), ("listen to", "listens to", "listened to"), "を", {"music"}),
    (("待つ", "待った", "待たない", "待たなかった"), ("wait for", "waits for", "waited for"), "を", {"person"}),
    (("呼ぶ", "呼んだ", "呼ばない", "呼ばなかった"), ("call", "calls", "called"), "を", {"person", "animal"}),
    (("手伝う", "手伝った", "手伝わない", "手伝わなかった"), ("help", "helps", "helped"), "を", {"person"}),
    (("会う", "会った", "会わない", "会わなかった"), ("meet", "meets", "met"), "に", {"person"}),
    (("撮る", "撮った", "撮らない", "撮らなかった"), ("take", "takes", "took"), "を", {"photo"}),
]
NOUNS["photo"] = [("写真", "picture", "a"), ("動画", "video", "a")]


def _np(noun: tuple[str, str, str], adj: tuple[str, str, set] | None) -> tuple[str, str]:
    ja, en, art = noun
    words = ([adj[1]] if adj else []) + [en]
    if art == "-":
        phrase = " ".join(words)
    elif art == "":
        phrase = " ".join(words)
    else:
        first = words[0]
        phrase = ("an " if first[0] in "aeiou" else "a ") + " ".join(words)
    return ((adj[0] if adj else "") + ja), phrase


def _verb_en(forms: tuple[str, str, str], tense: str, negative: bool, third: bool) -> str:
    base, s3, past = forms
    if tense == "past":
        return f"did not {base}" if negative else past
    if negative:
        return f"{'does' if third else 'do'} not {base}"
    return s3 if third else base


def generate_pair(rng: random.Random) -> tuple[str, str]:
    """One (Japanese, English) pair."""
    subj = rng.choice(SUBJECTS)
    verb_ja, verb_en, particle, cats = rng.choice(VERBS)
    cat = rng.choice(sorted(cats))
    noun = rng.choice(NOUNS[cat])
    if cat == "person" and noun[0] == subj[0]:
        noun = NOUNS["person"][(NOUNS["person"].index(noun) + 1) % len(NOUNS["person"])]
    adjs = [a for a in ADJECTIVES if cat in a[2]]
    adj = rng.choice(adjs) if adjs and noun[2] != "-" and rng.random() < 0.4 else None
    time = rng.choice(TIMES) if rng.random() < 0.8 else None
    place = rng.choice(PLACES) if rng.random() < 0.6 else None
    comp = rng.choice(COMPANIONS) if rng.random() < 0.25 else None
    if comp and comp[0] in (subj[0], noun[0]):
        comp = None
    tense = time[2] if time else rng.choice(["past", "present"])
    negative = rng.random() < 0.2
    obj_ja, obj_en = _np(noun, adj)
    form = verb_ja[{("present", False): 0, ("past", False): 1, ("present", True): 2, ("past", True): 3}[(tense, negative)]]
    # Japanese: time before or after the subject
    head = [subj[0] + "は"]
    if time:
        head = [time[0], subj[0] + "は"] if rng.random() < 0.5 else [subj[0] + "は", time[0]]
    ja = "".join(head + ([place[0] + "で"] if place else []) + ([comp[0] + "と"] if comp else [])
                 + [obj_ja + particle, form])
    en = " ".join([subj[1], _verb_en(verb_en, tense, negative, subj[2]), obj_en]
                  + ([comp[1]] if comp else []) + ([place[1]] if place else []) + ([time[1]] if time else []))
    return ja, en


def generate_pairs(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """``n`` distinct pairs (as far as the grammar allows), deterministic for ``seed``."""
    rng = random.Random(seed)
    seen: set[str] = set()
    pairs = []
    tries = 0
    while len(pairs) < n and tries < n * 20:
        tries += 1
        ja, en = generate_pair(rng)
        if ja in seen:
            continue
        seen.add(ja)
        pairs.append((ja, en))
    return pairs


def vocabulary_size() -> dict:
    """How many distinct content words the grammar uses on each side."""
    ja = {s[0] for s in SUBJECTS} | {t[0] for t in TIMES} | {p[0] for p in PLACES} | {c[0] for c in COMPANIONS}
    ja |= {n[0] for ns in NOUNS.values() for n in ns} | {a[0] for a in ADJECTIVES}
    ja |= {f for v in VERBS for f in v[0]}
    return {"japanese_words": len(ja)}
