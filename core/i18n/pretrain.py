"""UI strings of the BERT page's mini-BERT pre-training tab (issue 13, item 4)."""

PREFIXES = ("bert.pt",)
STRINGS = {
    "bert.pt.lead": {
        "ja": "BERT はエンコーダだけの Transformer (encoder only) です。ここでは小さな BERT を**この場で**"
              "事前学習します: テキストから WordPiece の語彙を作り（MeCab で単語に分けてから）、"
              "文のトークンの 15% を選んで 80% を [MASK]、10% をランダムな語、10% をそのままにし、"
              "選んだ位置の元の語を当てる**マスク言語モデル (masked language model, MLM)** の損失を下げます。"
              "東北大の BERT（数十億語で数日学習）とは別物で、ずっと小さく、すぐ学習できます。",
        "en": "BERT is an encoder-only Transformer. Here a small BERT is pre-trained **right now**: a WordPiece "
              "vocabulary is learnt from the text (after MeCab word splitting), 15% of each sentence's tokens are "
              "chosen (80% → [MASK], 10% → a random word, 10% kept) and the **masked language model (MLM)** loss "
              "of recovering them goes down. This is not Tohoku's BERT (billions of words, days of training): "
              "it is tiny and trains in seconds."},
    "bert.pt.data": {"ja": "学習テキスト (training text)", "en": "Training text"},
    "bert.pt.data.builtin": {"ja": "組み込みの例文", "en": "Built-in text"},
    "bert.pt.data.paste": {"ja": "貼り付け", "en": "Paste"},
    "bert.pt.data.upload": {"ja": "アップロード", "en": "Upload"},
    "bert.pt.paste": {"ja": "テキスト（1 行 1 文が目安、20 文以上）", "en": "Text (one sentence per line, 20+ sentences)"},
    "bert.pt.upload": {"ja": "テキストファイル（UTF-8 / Shift-JIS, 5 MB まで）", "en": "Text file (UTF-8 / Shift-JIS, up to 5 MB)"},
    "bert.pt.upload.none": {"ja": "ファイルを選ぶと学習できます。", "en": "Choose a file to train on."},
    "bert.pt.builtin.info": {"ja": "組み込みの例文: {n:,} 文（LSTM ページの文章と word2vec の例文コーパス）。",
                             "en": "Built-in text: {n:,} sentences (the LSTM page's story and the word2vec sample corpus)."},
    "bert.pt.layers": {"ja": "層の数 N (layers)", "en": "Layers N"},
    "bert.pt.d_model": {"ja": "隠れ次元 d (d_model)", "en": "Hidden size d (d_model)"},
    "bert.pt.heads": {"ja": "ヘッド数 h (heads)", "en": "Heads h"},
    "bert.pt.seconds": {"ja": "学習時間（秒）", "en": "Training time (s)"},
    "bert.pt.lr": {"ja": "学習率 (learning rate)", "en": "Learning rate"},
    "bert.pt.vocab": {"ja": "語彙の大きさの目安 (vocabulary size)", "en": "Vocabulary size (target)"},
    "bert.pt.probe": {"ja": "学習中に観察する穴埋め文（[MASK] を 1 つ）", "en": "Fill-mask sentence to follow ([MASK] once)"},
    "bert.pt.start": {"ja": "事前学習を開始（{s} 秒）", "en": "Start pre-training ({s} s)"},
    "bert.pt.results": {"ja": "結果: この場で学習した mini-BERT", "en": "Result: the mini-BERT trained here"},
    "bert.pt.loss_first_last": {"ja": "MLM 損失 (最初 → 最後)", "en": "MLM loss (first → last)"},
    "bert.pt.val_acc": {"ja": "マスク位置の正解率 (val)", "en": "Masked accuracy (val)"},
    "bert.pt.steps": {"ja": "ステップ / 秒", "en": "Steps / seconds"},
    "bert.pt.params": {"ja": "パラメータ数 / 語彙", "en": "Parameters / vocabulary"},
    "bert.pt.curve": {"ja": "MLM 損失とマスク位置の正解率", "en": "MLM loss and masked-token accuracy"},
    "bert.pt.snapshots": {"ja": "「{text}」の穴埋め予測の変化（学習が進むと良くなる）",
                          "en": "Fill-mask predictions for “{text}” as training goes on"},
    "bert.pt.col.step": {"ja": "ステップ (step)", "en": "Step"},
    "bert.pt.col.top": {"ja": "予測 上位 5（確率）", "en": "Top-5 predictions (probability)"},
    "bert.pt.try": {"ja": "この mini-BERT で穴埋め", "en": "Fill-mask with this mini-BERT"},
    "bert.pt.try.text": {"ja": "[MASK] を含む文", "en": "Sentence with [MASK]"},
    "bert.pt.label": {"ja": "このアプリで学習したモデル: {text} の {n:,} 文で学習（{date}, {steps} ステップ）。東北大の BERT ではありません。",
                      "en": "Trained here on {text}, {n:,} sentences ({date}, {steps} steps). Not Tohoku's BERT."},
    "bert.pt.session_label": {"ja": "このセッションで学習: {text} の {n:,} 文、{steps} ステップ（保存するまでほかの人には見えません）。",
                              "en": "Trained in this session on {text}, {n:,} sentences, {steps} steps (private until saved)."},
    "bert.pt.unk": {"ja": "語彙は学習テキストから作ったので、テキストにない文字は [UNK] になります。",
                    "en": "The vocabulary comes from the training text: characters it never saw become [UNK]."},
    "bert.pt.save": {"ja": "保存して BERT ページ・注意のページで使う", "en": "Save and use it on the BERT and attention pages"},
    "bert.pt.save.name": {"ja": "保存名", "en": "Name"},
    "bert.pt.save.help": {"ja": "保存先: {root}/<保存名>（transformers の形式 + 由来のカード）",
                          "en": "Saved to {root}/<name> (transformers format + provenance card)"},
    "bert.pt.save.button": {"ja": "保存", "en": "Save"},
    "bert.pt.save.done": {"ja": "保存しました: {path}", "en": "Saved: {path}"},
    "bert.pt.use": {"ja": "このモデルを穴埋め・注意の可視化で使う", "en": "Use this model for fill-mask and attention"},
    "bert.pt.use.done": {"ja": "このセッションの fill-mask のモデルを {path} にしました（サイドバーで戻せます）。",
                         "en": "This session's fill-mask model is now {path} (change it back in the sidebar)."},
    "bert.pt.saved": {"ja": "保存済みの mini-BERT", "en": "Saved mini-BERTs"},
    "bert.pt.saved.none": {"ja": "まだありません（`python -m core models warmup` で既定の 1 つを作れます）。",
                           "en": "None yet (`python -m core models warmup` builds a default one)."},
    "bert.pt.offline.use": {"ja": "このアプリで学習した mini-BERT を使う（オフライン）",
                            "en": "Use the mini-BERT trained here (offline)"},
    "bert.pt.note.long": {"ja": "テキストが長いので（{chars:,} 文字）、先頭の {max:,} 文字だけを使います。",
                          "en": "The text is long ({chars:,} characters): only the first {max:,} are used."},
    "bert.pt.textname.paste": {"ja": "貼り付けたテキスト (pasted text)", "en": "pasted text"},
    "bert.pt.textname.builtin": {"ja": "組み込みの例文 (built-in text)", "en": "built-in text"},
    "bert.pt.textname.file": {"ja": "ファイル {name}", "en": "file {name}"},
    "bert.pt.save.reserved": {"ja": "「{name}」はウォームアップの既定モデルの名前です。別の名前にしてください。", "en": "\"{name}\" is the name of the warm-up's default model. Choose another name."},
    "bert.pt.nsp.curve": {"ja": "次文予測 (NSP) の損失と正解率（偶然なら 50%）", "en": "Next-sentence prediction (NSP) loss and accuracy (chance = 50%)"},
    "bert.pt.nsp.val_acc": {"ja": "次文予測 (NSP) の正解率 (val)", "en": "NSP accuracy (val)"},
    "bert.pt.nsp.val_help": {"ja": "検証用の文ペア（半分は本当の次の文、半分はランダムな文）で、IsNext / NotNext を当てた割合。偶然なら 0.5。",
                             "en": "Share of validation pairs (half real next sentences, half random) classified right; chance is 0.5."},
    "bert.pt.nsp.title": {"ja": "次文予測 (next sentence prediction, NSP) — この mini-BERT で", "en": "Next-sentence prediction (NSP) with this mini-BERT"},
    "bert.pt.nsp.lead": {"ja": "事前学習の 2 つ目の課題です。入力は [CLS] 文A [SEP] 文B [SEP]（セグメント 0 / 1）。50% は B が A の本当の次の文 (IsNext)、"
                               "50% はテキスト中のランダムな文 (NotNext) です。[CLS] のベクトル（pooler）に Linear(隠れ次元, 2) を載せて 2 クラス分類し、"
                               "損失は L = L_MLM + L_NSP です。",
                         "en": "BERT's second pre-training task. Input: [CLS] A [SEP] B [SEP] (segments 0 / 1). Half the time B is "
                               "A's real next sentence (IsNext), half the time a random sentence of the text (NotNext). A "
                               "Linear(hidden, 2) layer on the pooled [CLS] vector classifies the pair; L = L_MLM + L_NSP."},
    "bert.pt.nsp.pairs": {"ja": "学習用の文ペアの作り方（例。s番号 = テキストの何文目か）", "en": "How the training pairs are built (examples; s-number = sentence index)"},
    "bert.pt.nsp.label": {"ja": "ラベル", "en": "Label"},
}
