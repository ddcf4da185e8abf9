STRINGS = {
    "home.title": {"ja": "ニューラル自然言語処理プレイグラウンド", "en": "Neural NLP Playground"},
    "home.lead": {"ja": "講義の考え方を、その場で動かして確かめるための教材アプリです。下の講義マップから、見たい概念のデモへ移動できます。",
                  "en": "Try every idea of the course live. Pick a concept below to open its demo."},
    "home.map": {"ja": "講義マップ", "en": "Lecture map"},
    "home.chapter": {"ja": "第{n}章 {name}", "en": "Chapter {n}: {name}"},
    "home.open": {"ja": "開く", "en": "Open"},
    "home.howto": {"ja": "使い方: 左のメニューでページを選びます。プレゼンモードで文字が大きくなります。URL をコピーすると、同じ入力のデモを共有できます。",
                   "en": "Use the menu on the left. Presenter mode enlarges text. Copy the URL to share a demo with its inputs."},
}

PREFIXES = ("home",)
