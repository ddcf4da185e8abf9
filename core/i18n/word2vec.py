STRINGS = {
    "w2v.title": {"ja": "word2vec — 単語の分散表現", "en": "word2vec — distributed word representations"},
    "w2v.tab.neighbors": {"ja": "類似語 (neighbours)", "en": "Neighbours"},
    "w2v.tab.analogy": {"ja": "アナロジー (analogy)", "en": "Analogy"},
    "w2v.tab.projection": {"ja": "可視化 (projection)", "en": "Projection"},
    "w2v.tab.eval": {"ja": "評価 (evaluation)", "en": "Evaluation"},
    "w2v.tab.train": {"ja": "学習 (train)", "en": "Train"},
    "w2v.tab.mechanics": {"ja": "仕組み (CBOW)", "en": "Mechanics (CBOW)"},
}
