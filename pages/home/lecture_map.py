"""The lecture map: every concept of the course → the page and section (tab) showing it.

Each entry: (chapter key, concept ja, concept en, page file, tab i18n key, what you do there ja).
"""

CHAPTERS = [
    ("1", "単語の分散表現 (word2vec)", "Distributed representations (word2vec)"),
    ("2", "RNN と BPTT", "RNN and BPTT"),
    ("3", "LSTM・GRU・双方向 RNN", "LSTM, GRU, bidirectional RNN"),
    ("4", "seq2seq と注意機構", "seq2seq and attention"),
    ("5", "Transformer", "Transformer"),
    ("6", "BERT", "BERT"),
]

W2V, LSTM, S2S, ATT, BERT = (f"pages/{p}/page.py" for p in ("word2vec", "lstm", "seq2seq", "attention", "bert"))

CONCEPTS = [
    ("1", "分布仮説 (distributional hypothesis)", "Distributional hypothesis", W2V, "w2v.tab.train",
     "同じ文脈に出る単語（動物・食べ物・場所）が、学習後に近くなるのを確かめる"),
    ("1", "CBOW", "CBOW", W2V, "w2v.tab.mechanics",
     "「今日 は 朝 ？ 起き まし た 。」で、W_in・平均 h・W_out・softmax を1ステップずつ"),
    ("1", "skip-gram", "skip-gram", W2V, "w2v.tab.train",
     "CBOW と skip-gram を同じコーパスで学習して近傍を比べる"),
    ("1", "負例サンプリング (negative sampling)", "Negative sampling", W2V, "w2v.tab.mechanics",
     "正例1つ + 負例 k 個のシグモイド二値分類、unigram^0.75 の抽出確率"),
    ("1", "類似度・類似語 (cosine similarity)", "Similarity and neighbours", W2V, "w2v.tab.neighbors",
     "chiVe ベクトルで類似語トップ N とコサイン類似度"),
    ("1", "アナロジー (スペイン − マドリード + アテネ)", "Analogy", W2V, "w2v.tab.analogy",
     "ベクトルの足し算・引き算（100本ノック No. 63 → ギリシャ、ほかはよく使われる例）"),
    ("1", "t-SNE / PCA による可視化", "t-SNE / PCA projection", W2V, "w2v.tab.projection",
     "単語集合を 2D / 3D に射影、アナロジーの矢印"),
    ("1", "単語類似度・アナロジーによる評価", "Evaluation", W2V, "w2v.tab.eval", "スピアマン相関・正解率"),
    ("2", "再帰型ニューラルネットワーク RNN (h_t = tanh(W_h h_{t−1} + W_x x_t + b))", "Simple RNN", LSTM, "lstm.tab.forecast",
     "時系列を学習して自己回帰で予測"),
    ("2", "通時的誤差逆伝播 (BPTT) と勾配消失・勾配爆発（勾配発散）", "BPTT, vanishing / exploding gradient",
     LSTM, "lstm.tab.gradients", "‖∂L_T/∂h_k‖ を k に対して対数目盛で"),
    ("2", "勾配クリッピング (gradient clipping)", "Gradient clipping", LSTM, "lstm.tab.gradients",
     "g ← g·V/‖g‖ の前後のノルム"),
    ("3", "LSTM の記憶セルとゲート（入力・忘却・出力）", "LSTM gates", LSTM, "lstm.tab.gates",
     "各時刻のゲートとセル状態をヒートマップで"),
    ("3", "GRU（リセット・更新ゲート）", "GRU gates", LSTM, "lstm.tab.gates", "r_t・z_t のヒートマップ"),
    ("3", "RNN・LSTM・GRU の比較", "Comparing cells", LSTM, "lstm.tab.compare", "同じデータ・同じ予算で損失を重ねる"),
    ("3", "双方向 RNN (bidirectional)", "Bidirectional RNN", LSTM, "lstm.tab.gates",
     "順方向・逆方向の隠れ状態（自己回帰予測に使えない理由も）"),
    ("3", "文字単位の言語モデル", "Character-level language model", LSTM, "lstm.tab.text",
     "次の文字の確率と温度つき生成"),
    ("4", "seq2seq（エンコーダ・デコーダ）", "seq2seq", S2S, "s2s.tab.train", "日付の正規化・やさしい日英翻訳を学習"),
    ("4", "注意あり・なし (attention)", "With and without attention", S2S, "s2s.tab.compare",
     "入力の長さ別の正解率で、注意が効く所を見る"),
    ("4", "加法注意・内積注意 (additive / dot-product)", "Additive vs dot-product", S2S, "s2s.tab.train",
     "Bahdanau（additive）と Luong（dot / general）を選んで学習"),
    ("4", "注意の重み (attention heatmap)", "Attention weights", S2S, "s2s.tab.translate",
     "入力トークン × 出力トークンのヒートマップ、ビームサーチ"),
    ("4", "ソフト注意とハード注意 (soft / hard)", "Soft vs hard attention", ATT, "att.tab.sdpa",
     "softmax の重み付き平均 vs ハード注意（重みから 1 つ抽出 (sampling, シード付き) と argmax、並べて）"),
    ("5", "縮小付き内積注意 softmax(QKᵀ/√d_k)V (scaled dot-product)", "Scaled dot-product attention", ATT, "att.tab.sdpa",
     "Q・K・V・QKᵀ・softmax を実際の数値で"),
    ("5", "マスク付きデコーダ (causal mask)", "Masked decoder", ATT, "att.tab.sdpa", "未来を隠すマスクの効果"),
    ("5", "複数ヘッドの注意 (multi-head)", "Multi-head attention", ATT, "att.tab.multihead",
     "ヘッドごとの重み、連結と W^O、パラメータ数"),
    ("5", "位置エンコーディング (positional encoding)", "Positional encoding", ATT, "att.tab.posenc",
     "PE のヒートマップ（スライドの向き: 横 = 位置 0–99、縦 = 次元 0–511、転置も可）"),
    ("5", "Transformer エンコーダの注意 (self-attention)", "Transformer self-attention", ATT, "att.tab.bert",
     "BERT の各層・各ヘッドの注意（model view / head view）"),
    ("6", "BERT のマスク言語モデル (MLM)・自己教師あり学習", "Masked language model", BERT, "bert.tab.fillmask",
     "[MASK] を予測する穴埋め"),
    ("6", "MLM の作り方（15% / 80-10-10）", "MLM masking procedure", BERT, "bert.tab.mlm",
     "どのトークンが選ばれ、何に置き換わるか"),
    ("6", "隣接文の予測 (NSP)", "Next-sentence prediction", BERT, "bert.tab.mlm", "文のペアと [SEP]・セグメント"),
    ("6", "ファインチューニング（感情分析）", "Fine-tuning for sentiment", BERT, "bert.tab.finetune",
     "jrte pn.tsv で学習し評価"),
    ("6", "感情分析と平均単語ベクトルのベースライン", "Sentiment and the word-vector baseline", BERT,
     "bert.tab.sentiment", "BERT と 100本ノック第8章のモデルを比べる"),
]

# Sections added for lecture fidelity (issue 16); shown under their chapter after the entries above.
CONCEPTS += [
    ("1", "カウントベース vs 推論ベース (共起行列・PPMI・SVD)", "Count-based vs inference-based", W2V, "w2v.tab.count",
     "窓幅を選んだ共起行列のヒートマップ、PPMI、切り詰め SVD、SVD と word2vec の近傍を並べる"),
    ("1", "skip-gram の仕組み (CBOW と並べて)", "skip-gram mechanics beside CBOW", W2V, "w2v.tab.skipgram",
     "同じ文で中心語 → W_in の行 → W_out → softmax、文脈位置ごとの損失、ステップボタン"),
    ("1", "クラスタリング (k-means・ウォード法)", "Clustering (k-means, Ward)", W2V, "w2v.tab.cluster",
     "国名などの単語集合を k-means とデンドログラムで分け、PCA の射影と並べる（100本ノック第7章）"),
    ("2", "なぜ勾配が消えるか (σ′ ≤ 0.25, tanh′ ≤ 1)", "Why gradients vanish (σ′ ≤ 0.25)", LSTM, "lstm.tab.gradients",
     "σ′・tanh′ の最大値と T 個の微分の積、勾配消失・勾配爆発（勾配発散）"),
    ("2", "固定窓の自己回帰 MLP vs RNN", "Fixed-window MLP vs RNN", LSTM, "lstm.tab.compare",
     "入力の数が固定の MLP を 4 つ目のモデルとして RNN・LSTM・GRU と同じ予算で比べる"),
    ("2", "打ち切り型 BPTT (truncated BPTT, k ≈ 10–100)", "Truncated BPTT", LSTM, "lstm.tab.text",
     "言語モデルの打ち切り長 k を変えて、損失・速さ・勾配が届く範囲を比べる"),
    ("2", "系列の分類 (h_N) と各時刻のラベル付け (各 h_t)", "Sequence classification vs labelling", LSTM,
     "lstm.tab.seqtasks", "同じ 0/1 系列で、h_N から 1 回答える分類と、毎時刻答えるラベル付けを比べる"),
    ("3", "双方向 RNN で文の穴埋め（文字単位）", "Bidirectional blank filling", LSTM, "lstm.tab.seqtasks",
     "順方向のみと双方向の正解率、自分の文の＿を埋める"),
    ("3", "ピープホール付き LSTM (peephole)", "Peephole LSTM", LSTM, "lstm.tab.gates",
     "z・y・R・p の記法の式と逆伝播 δ の式、ピープホールをオンにして学習・ゲートを見る"),
]
CONCEPTS += [
    ("5", "スキップ接続 (残差接続)・層正規化 (layer normalization)", "Skip (residual) connections, layer normalization",
     ATT, "att.tab.multihead", "注意と FFN の各サブ層を包む x + Sublayer(LayerNorm(x))"),
]
CONCEPTS += [
    ("5", "感情分析で注意が極性の語に集まる (attention on polar words)", "Attention on polar words in sentiment", BERT,
     "bert.tab.sentiment", "[CLS] からの注意・勾配 × 入力・統合勾配で、どの語が予測を動かしたか（注意は説明ではない）"),
]
