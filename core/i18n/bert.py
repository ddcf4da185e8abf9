STRINGS = {
    "bert.title": {"ja": "BERT — 穴埋め・感情分析・ファインチューニング", "en": "BERT — fill-mask, sentiment, fine-tuning"},
    "bert.tab.fillmask": {"ja": "穴埋め (fill-mask)", "en": "Fill-mask"},
    "bert.tab.mlm": {"ja": "MLM の作り方", "en": "How MLM works"},
    "bert.tab.sentiment": {"ja": "感情分析 (sentiment)", "en": "Sentiment"},
    "bert.tab.finetune": {"ja": "ファインチューニング (fine-tuning)", "en": "Fine-tuning"},
}
