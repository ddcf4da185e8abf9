STRINGS = {
    "att.title": {"ja": "注意機構 (attention) と Transformer", "en": "Attention and the Transformer"},
    "att.tab.sdpa": {"ja": "内積注意の計算 (scaled dot-product)", "en": "Scaled dot-product"},
    "att.tab.multihead": {"ja": "マルチヘッド (multi-head)", "en": "Multi-head"},
    "att.tab.posenc": {"ja": "位置エンコーディング (positional encoding)", "en": "Positional encoding"},
    "att.tab.bert": {"ja": "BERT の注意", "en": "BERT attention"},
    "att.tab.seq2seq": {"ja": "seq2seq の注意", "en": "seq2seq attention"},
}
