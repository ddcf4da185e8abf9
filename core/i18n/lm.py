"""UI strings of the language-model controls and views shared by the LSTM page's LM tab and the
attention page's mini-GPT (pages/common/lm.py)."""

PREFIXES = ("lm",)

STRINGS = {
    "lm.dropout": {"ja": "ドロップアウト率 p (dropout)", "en": "Dropout p"},
    "lm.dropout.help": {"ja": "学習中だけ、各ユニットを確率 p で 0 にし残りを 1/(1−p) 倍します。暗記（過学習）を抑えます。0 でなし。",
                        "en": "While training, each unit is zeroed with probability p and the rest scaled by 1/(1−p); "
                              "it curbs memorising (over-fitting). 0 = off."},
    "lm.wd": {"ja": "重み減衰 λ (weight decay)", "en": "Weight decay λ"},
    "lm.wd.help": {"ja": "AdamW: 毎ステップ θ ← θ − η·λ·θ で重みを小さく保ちます。0 でなし（ふつうの Adam）。",
                   "en": "AdamW: θ ← θ − η·λ·θ at every step keeps the weights small. 0 = off (plain Adam)."},
    "lm.patience": {"ja": "早期終了の猶予 (patience)", "en": "Early-stopping patience"},
    "lm.patience.help": {"ja": "検証損失が下がらないエポックがこれだけ続いたら学習を止めます（0 = 止めない）。"
                               "どちらでも、検証損失が最小だったエポックの重みを残します (early stopping)。",
                         "en": "Stop after this many epochs without a lower validation loss (0 = never). Either way the "
                               "weights of the epoch with the lowest validation loss are kept (early stopping)."},
    "lm.status.early": {"ja": "早期終了: エポック {best} のあと検証損失が下がらなかったので {epochs} エポックで止めました（{seconds:.1f} 秒）。",
                        "en": "Early stopping: no lower validation loss after epoch {best}; stopped after {epochs} epochs "
                              "({seconds:.1f} s)."},
    "lm.overfit": {"ja": "検証損失が上がり始めました = 過学習 (overfitting)。学習データを暗記し始め、初めて見る文章では悪くなっています。"
                         "検証損失が最小だったエポック {epoch} の重みを残しています。",
                   "en": "The validation loss has started to rise = over-fitting: the model begins to memorise the training "
                         "text and gets worse on text it has not seen. The weights of epoch {epoch} (lowest validation loss) "
                         "are kept."},
    "lm.best": {"ja": "残したモデル: エポック {epoch}・検証損失 {loss:.3f}（パープレキシティ {ppl:.1f}）。"
                      "文脈なしのユニグラムモデルのパープレキシティは {uni:.1f}: {verdict}",
                "en": "Kept model: epoch {epoch}, val loss {loss:.3f} (perplexity {ppl:.1f}). A unigram model without "
                      "context has perplexity {uni:.1f}: {verdict}"},
    "lm.best.below": {"ja": "文脈を使って、それより良く予測できています。", "en": "the model uses context and predicts better."},
    "lm.best.above": {"ja": "まだ文脈なしのモデルにも届いていません（もっと学習するか、正則化を強めてください）。",
                      "en": "not yet better than no context (train longer or regularise more)."},
    "lm.fig.best": {"ja": "最良（エポック {epoch}、この重みを残す）", "en": "best (epoch {epoch}, kept)"},
    "lm.fig.unigram": {"ja": "ユニグラム（文脈なし）", "en": "unigram (no context)"},
    "lm.topp": {"ja": "top-p (nucleus)", "en": "top-p (nucleus)"},
    "lm.topp.help": {"ja": "確率の高い順に足して p に届くまでのトークンだけから選びます（1 = 制限なし）。",
                     "en": "Sample only from the most probable tokens whose probabilities add up to p (1 = no limit)."},
    "lm.prompt.reset": {"ja": "代わりに学習テキストの冒頭から続けています。",
                        "en": "Continuing from the start of the training text instead."},
}
