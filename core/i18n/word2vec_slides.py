"""UI strings of the word2vec 仕組み tab's slide numbers (issue 26): the CBOW slide's one-hot × W,
h₁ / h₂ / h as numbers, and the measured cost of a full softmax vs negative sampling."""

PREFIXES = ("w2v.slide", "w2v.h", "w2v.cost")

STRINGS = {
    "w2v.slide.title": {"ja": "スライドの計算: one-hot × W = 行を取り出す", "en": "The slide: one-hot × W picks a row"},
    "w2v.slide.intro": {"ja": "one-hot ベクトル x と W の積は、x の 1 が立っている位置の行そのものです。スライドの例"
                              " [0 1 0 …] × W = [1 13 35]（W の 2 行目）。",
                        "en": "A one-hot x times W is the row where x has its 1. The slide: [0 1 0 …] × W = [1 13 35] "
                              "(row 2 of W)."},
    "w2v.slide.row": {"ja": "1 を立てる位置（行）", "en": "Position of the 1 (row)"},
    "w2v.slide.W": {"ja": "W（7 × 3）", "en": "W (7 × 3)"},
    "w2v.slide.shown": {"ja": "スライドの値", "en": "on the slide"},
    "w2v.slide.standin": {"ja": "スライドでは省略（…）、ここでは仮の値", "en": "elided on the slide (…); stand-in values"},
    "w2v.slide.result": {"ja": "x = [{x}] × W = **[{row}]**（W の {n} 行目）", "en": "x = [{x}] × W = **[{row}]** (row {n} of W)"},
    "w2v.slide.size": {"ja": "ノートの one-hot は [0 1 0 0 0 0] と {n} 個ですが、行列は {rows} 行あります。one-hot の長さは W の行数"
                             "（語彙の数）と同じでなければ掛け算ができないので、ここでは長さ {rows} にそろえています。",
                       "en": "The notes' one-hot [0 1 0 0 0 0] has {n} entries but the matrix has {rows} rows. A one-hot "
                             "must have one entry per row of W (the vocabulary), so here it has {rows}."},
    "w2v.h.title": {"ja": "h₁、h₂、h = (h₁ + h₂)/2 の値（今のステップ）", "en": "h₁, h₂ and h = (h₁ + h₂)/2 (current step)"},
    "w2v.h.intro": {"ja": "文脈の 2 語「{a}」「{b}」の one-hot に W_in を掛けて h₁、h₂ を取り出し、平均したものが隠れ層 h です。"
                          "ステップを進めると W_in が変わり、これらの値も変わります。",
                    "en": "The one-hots of the two context words “{a}” and “{b}” times W_in give h₁ and h₂; their mean is "
                          "the hidden layer h. Each step changes W_in and these numbers."},
    "w2v.h.same": {"ja": "モデルの中で計算された h と一致しています（差 {d}）。", "en": "Equal to the model's own h (diff {d})."},
    "w2v.cost.title": {"ja": "なぜ負例サンプリングか: 語彙が増えたときの 1 ステップの時間（実測）",
                       "en": "Why negative sampling: time per step as the vocabulary grows (measured)"},
    "w2v.cost.intro": {"ja": "全語彙の softmax は、1 例ごとに V 個すべての単語のスコアと分母 Σ を計算し、V 個すべての出力ベクトルを"
                             "更新します。負例サンプリングは正例 1 + 負例 k 個のシグモイドだけです。ミニバッチ 64・隠れ層 100・k = 5 で、"
                             "順伝播 + 逆伝播 1 回の時間を V = 10²〜10⁵ でこのサーバー上で測ります。",
                       "en": "A full softmax scores all V words per example (and the normaliser Σ) and updates all V output "
                             "vectors; negative sampling computes 1 + k sigmoids. Batch 64, hidden 100, k = 5: one forward + "
                             "backward, measured on this server for V = 10²…10⁵."},
    "w2v.cost.run": {"ja": "時間を測る", "en": "Measure"},
    "w2v.cost.none": {"ja": "「時間を測る」を押すと、V = 100、1,000、10,000、100,000 で実測します（数秒）。",
                      "en": "Press Measure to time V = 100, 1,000, 10,000 and 100,000 (a few seconds)."},
    "w2v.cost.softmax": {"ja": "全語彙の softmax", "en": "Full softmax"},
    "w2v.cost.negative": {"ja": "負例サンプリング (k = 5)", "en": "Negative sampling (k = 5)"},
    "w2v.cost.chart": {"ja": "1 ステップの時間（秒、対数目盛）", "en": "Seconds per step (log scale)"},
    "w2v.cost.summary": {"ja": "V = {V} では softmax が負例サンプリングの約 {ratio} 倍の時間でした。softmax は V に比例して遅くなり、"
                               "負例サンプリングは V にほとんどよりません。",
                         "en": "At V = {V} the softmax took about {ratio}× as long as negative sampling: the softmax grows "
                               "with V, negative sampling hardly does."},
}
