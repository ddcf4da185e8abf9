STRINGS = {
    "s2s.title": {"ja": "seq2seq — エンコーダ・デコーダと注意機構", "en": "seq2seq — encoder–decoder with attention"},
    "s2s.tab.train": {"ja": "学習 (training)", "en": "Training"},
    "s2s.tab.compare": {"ja": "注意あり・なしの比較", "en": "With vs without attention"},
    "s2s.tab.translate": {"ja": "変換してみる (translate)", "en": "Translate"},
    "s2s.tab.pretrained": {"ja": "事前学習済み翻訳 (pretrained MT)", "en": "Pretrained MT"},
}
