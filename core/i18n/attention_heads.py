"""Strings of the attention page's head search (issue 27, item 5)."""
PREFIXES = ("att.heads",)
STRINGS = {
    "att.heads.intro": {"ja": "Transformer の論文は、ヘッドの中に「making … more difficult」のような遠い依存関係や、"
                              "「its → Law」のような代名詞の指す先を見るものがあると示しました。ここでは日本語の例文で、"
                              "読み込んだ BERT の**全層 × 全ヘッド**を調べ、ある語（例: その）から別の語（例: 法律）へ最も注意しているヘッドを探します。"
                              "重み w = （その語のトークンから相手の語のトークンへの注意の合計）の平均。一様な注意の 2 倍以上で、"
                              "ほかの語からの注意の 1.5 倍以上のときだけ「見つかった」とします。",
                        "en": "The Transformer paper showed heads that follow long-distance dependencies (\"making … more "
                              "difficult\") or resolve a pronoun (\"its → Law\"). Here every layer × head of the loaded BERT is "
                              "searched for the head attending most from one word (e.g. sono, 'its') to another (e.g. hōritsu, 'law'). A head "
                              "counts as found only when its weight is at least twice uniform attention and 1.5× what the "
                              "other words pay to the target."},
    "att.heads.preset": {"ja": "例文", "en": "Example"},
    "att.heads.preset.pronoun": {"ja": "代名詞 → 先行詞（その → 法律）", "en": "Pronoun → antecedent (its → law)"},
    "att.heads.preset.distant": {"ja": "遠い依存（難しく → 手続き）", "en": "Long distance (difficult → procedures)"},
    "att.heads.preset.animal": {"ja": "指示語（それ → 猫）", "en": "Demonstrative (it → cat)"},
    "att.heads.text": {"ja": "文", "en": "Text"},
    "att.heads.from": {"ja": "注意する語 (from)", "en": "From word"},
    "att.heads.to": {"ja": "注意される語 (to)", "en": "To word"},
    "att.heads.model": {"ja": "モデル", "en": "Model"},
    "att.heads.model.configured": {"ja": "設定の BERT（東北大 BERT など）", "en": "Configured BERT (e.g. Tohoku BERT)"},
    "att.heads.model.mini": {"ja": "このアプリで学習した mini-BERT（オフライン）", "en": "A mini-BERT trained here (offline)"},
    "att.heads.mini.none": {"ja": "保存済みの mini-BERT がありません。BERT ページの「mini-BERT を事前学習」で学習して保存するか、"
                                  "`python -m core models warmup` で既定のものを作ってください。",
                            "en": "No saved mini-BERT yet. Pre-train and save one on the BERT page, or run "
                                  "`python -m core models warmup`."},
    "att.heads.mini.pick": {"ja": "mini-BERT", "en": "mini-BERT"},
    "att.heads.mini.label": {"ja": "mini-BERT（このアプリで学習）", "en": "mini-BERT (trained here)"},
    "att.heads.offline": {"ja": "オフラインでは「このアプリで学習した mini-BERT」を選ぶと同じ探索ができます。",
                          "en": "Offline, choose the mini-BERT trained here to run the same search."},
    "att.heads.found": {"ja": "見つかりました: 層 L{layer} のヘッド H{head} が「{a}」から「{b}」へ重み {w:.3f} で注意しています"
                              "（一様なら {u:.3f}、ほかの語から「{b}」へは {o:.3f}）。",
                        "en": "Found: layer L{layer}, head H{head} attends from “{a}” to “{b}” with weight {w:.3f} "
                              "(uniform {u:.3f}; other words to “{b}”: {o:.3f})."},
    "att.heads.none": {"ja": "このモデルには「{a}」→「{b}」をはっきり見るヘッドはありません。最大は L{layer} H{head} の {w:.3f} ですが、"
                             "一様な注意 {u:.3f} の 2 倍未満か、ほかの語から「{b}」への注意 {o:.3f} と大差ありません。",
                       "en": "No head of this model clearly attends from “{a}” to “{b}”. The largest is L{layer} H{head} with "
                             "{w:.3f}, under twice uniform attention ({u:.3f}) or close to what other words pay to “{b}” ({o:.3f})."},
    "att.heads.grid": {"ja": "全層 × 全ヘッドの重み w（「{a}」→「{b}」）", "en": "Weight w of every layer × head (“{a}” → “{b}”)"},
    "att.heads.preset.sentiment": {"ja": "感情: [CLS] → 極性の語（親切）", "en": "Sentiment: [CLS] → a polar word"},
    "att.heads.sentiment.note": {"ja": "講義ノートのレビューの例: 感情分析では [CLS]（分類器が読むベクトル）からの注意が「親切」「最高」のような極性の語に集まることがあります。"
                                       "注意は説明そのものではないので、BERT ページの感情分析タブで勾配 × 入力・統合勾配と並べて確かめてください。",
                                 "en": "The notes' review example: in sentiment analysis the attention from [CLS] (what the classifier "
                                       "reads) often gathers on polar words. Attention is not explanation: compare with gradient × input "
                                       "and integrated gradients on the BERT page's sentiment tab."},
    "att.heads.sentiment.link": {"ja": "BERT ページの感情分析（勾配 × 入力・統合勾配）へ", "en": "To the BERT page's sentiment tab (gradient × input, integrated gradients)"},
    "att.heads.using": {"ja": "モデル: {label}", "en": "Model: {label}"},
}
