STRINGS = {
    "bert.title": {"ja": "BERT — 穴埋め・感情分析・ファインチューニング", "en": "BERT — fill-mask, sentiment, fine-tuning"},
    "bert.tab.fillmask": {"ja": "穴埋め (fill-mask)", "en": "Fill-mask"},
    "bert.tab.mlm": {"ja": "MLM の作り方", "en": "How MLM works"},
    "bert.tab.sentiment": {"ja": "感情分析 (sentiment)", "en": "Sentiment"},
    "bert.tab.finetune": {"ja": "ファインチューニング (fine-tuning)", "en": "Fine-tuning"},
    # model sources (pages/bert/sources.py; also used by the attention and seq2seq pages)
    "bert.source.field": {"ja": "モデル: {label}", "en": "Model: {label}"},
    "bert.source.help": {"ja": "hub の ID またはローカルのディレクトリ。空欄なら環境変数 {env}、なければ既定の {default}。",
                         "en": "Hub id or local directory. Empty: env var {env}, else the default {default}."},
    "bert.source.caption": {"ja": "モデル: `{source}`（{origin}）", "en": "Model: `{source}` ({origin})"},
    "bert.source.origin.session": {"ja": "サイドバーで指定", "en": "set in the sidebar"},
    "bert.source.origin.env": {"ja": "環境変数で指定", "en": "from an environment variable"},
    "bert.source.origin.default": {"ja": "既定", "en": "default"},
}
