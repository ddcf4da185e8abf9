"""UI strings of the /basics page's CNN tab (the notes' §9.2): convolution step by step,
channels, pooling, normalisation and skip connections, and the sentence classifier."""

PREFIXES = ("basics.cnn",)

STRINGS = {
    "basics.cnn.intro": {"ja": "畳み込みニューラルネット (CNN) は、小さなフィルタ（重み）を入力の上でずらしながら内積を取り、"
                               "同じ重みをすべての位置で使います。画像で 1 ステップずつ確かめてから、文の分類（自然言語処理）に使います。",
                         "en": "A CNN slides a small filter (weights) over the input, taking an inner product at each "
                               "position with the same weights everywhere. Step by step on images first, then for sentences."},
    "basics.cnn.steps": {"ja": "畳み込みを 1 ステップずつ（ストライド・パディング）", "en": "Convolution step by step (stride, padding)"},
    "basics.cnn.image": {"ja": "入力画像", "en": "Input image"},
    "basics.cnn.filter": {"ja": "フィルタ w", "en": "Filter w"},
    "basics.cnn.stride": {"ja": "ストライド S", "en": "Stride S"},
    "basics.cnn.padding": {"ja": "パディング P", "en": "Padding P"},
    "basics.cnn.step": {"ja": "ステップ（出力の位置、左上から順に）", "en": "Step (output position, row by row)"},
    "basics.cnn.img.vline": {"ja": "縦線", "en": "Vertical line"},
    "basics.cnn.img.hline": {"ja": "横線", "en": "Horizontal line"},
    "basics.cnn.img.cross": {"ja": "十字", "en": "Cross"},
    "basics.cnn.img.diag": {"ja": "斜め線", "en": "Diagonal"},
    "basics.cnn.img.square": {"ja": "四角", "en": "Square"},
    "basics.cnn.flt.vline": {"ja": "縦線のフィルタ", "en": "Vertical-bar filter"},
    "basics.cnn.flt.hline": {"ja": "横線のフィルタ", "en": "Horizontal-bar filter"},
    "basics.cnn.flt.diag": {"ja": "斜め線のフィルタ", "en": "Diagonal filter"},
    "basics.cnn.flt.edge": {"ja": "縦のエッジ検出", "en": "Vertical edge"},
    "basics.cnn.size": {"ja": "出力の大きさ: ⌊({H} + 2·{P} − {k}) / {S}⌋ + 1 = {Ho}（縦）× {Wo}（横）",
                        "en": "Output size: ⌊({H} + 2·{P} − {k}) / {S}⌋ + 1 = {Ho} × {Wo}"},
    "basics.cnn.input": {"ja": "入力 x（パディング {P}、枠 = 今の窓）", "en": "Input x (padding {P}; box = current window)"},
    "basics.cnn.w": {"ja": "フィルタ w（3 × 3）", "en": "Filter w (3 × 3)"},
    "basics.cnn.fmap": {"ja": "特徴マップ y（{n} / {N} ステップまで）", "en": "Feature map y (steps 1–{n} of {N})"},
    "basics.cnn.calc": {"ja": "位置 ({i}, {j}): 窓と w の内積 u = {terms} = **{u}**、ReLU で y = **{y}**",
                        "en": "Position ({i}, {j}): window · w = {terms} = **{u}**, ReLU → y = **{y}**"},
    "basics.cnn.sim": {"ja": "類似度としての畳み込み", "en": "Convolution as similarity"},
    "basics.cnn.sim.intro": {"ja": "距離の 2 乗を展開すると内積が出てきます。‖x‖² がほぼ同じなら、内積 xᵀw が大きいほど"
                                   "窓 x はフィルタ w に近い（似ている）ということです。上で選んだ画像とフィルタで比べます。",
                             "en": "Expanding the squared distance gives the inner product: for windows of similar norm, "
                                   "a larger xᵀw means the window is closer to (looks more like) the filter."},
    "basics.cnn.sim.inner": {"ja": "内積 xᵀw（枠 = 最大）", "en": "Inner product xᵀw (box = largest)"},
    "basics.cnn.sim.dist": {"ja": "距離 ‖x − w‖²（枠 = 最小）", "en": "Distance ‖x − w‖² (box = smallest)"},
    "basics.cnn.sim.at": {"ja": "内積が最大の位置 ({i}, {j}): ‖x‖² − 2xᵀw + ‖w‖² = {x2} − 2·{xw} + {w2} = {d2} = ‖x − w‖²",
                          "en": "Largest inner product at ({i}, {j}): ‖x‖² − 2xᵀw + ‖w‖² = {x2} − 2·{xw} + {w2} = {d2} = ‖x − w‖²"},
    "basics.cnn.sim.same": {"ja": "内積が最大の窓と、距離が最小の窓が一致しました: フィルタに一番似た場所で一番強く反応します。",
                            "en": "The window with the largest inner product is the nearest one: the filter fires most where "
                                  "the input looks most like it."},
    "basics.cnn.sim.differ": {"ja": "この組み合わせでは窓の ‖x‖² が位置によって違うため、内積最大と距離最小の位置がずれます"
                                    "（明るい窓ほど内積が大きくなりやすい）。",
                              "en": "Here the windows' norms differ, so the largest inner product and the nearest window "
                                    "are not the same place (brighter windows have larger inner products)."},
    "basics.cnn.ch": {"ja": "チャネルとパラメータ数", "en": "Channels and parameter counts"},
    "basics.cnn.ch.intro": {"ja": "カラー画像は (H, W, 3)（RGB の 3 チャネル）。フィルタも 3 チャネル (k, k, 3) で、各チャネルの畳み込みを"
                                  "足して 1 枚の特徴マップになります。フィルタの数 = 出力のチャネル数。下は赤い縦線と青い横線の画像に、"
                                  "「赤の縦線」と「青の横線」の 2 つのフィルタを掛けた結果です。",
                            "en": "A colour image is (H, W, 3). A filter has 3 channels too (k, k, 3); the channels' "
                                  "convolutions add up to one feature map. Number of filters = output channels. Below: red "
                                  "vertical and blue horizontal bars, a red-vertical and a blue-horizontal filter."},
    "basics.cnn.ch.input": {"ja": "入力 (8, 8, 3): 赤 = R、青 = B", "en": "Input (8, 8, 3): red = R, blue = B"},
    "basics.cnn.ch.out0": {"ja": "出力チャネル 1（赤の縦線フィルタ）", "en": "Output channel 1 (red vertical filter)"},
    "basics.cnn.ch.out1": {"ja": "出力チャネル 2（青の横線フィルタ）", "en": "Output channel 2 (blue horizontal filter)"},
    "basics.cnn.ch.params.intro": {"ja": "重みの共有: 畳み込み層のパラメータ数は入力の大きさによらず C_out (k² C_in + 1)。"
                                         "同じ大きさの出力を全結合層で作ると、入力 × 出力の数だけ重みが要ります。",
                                   "en": "Shared weights: a conv layer has C_out (k² C_in + 1) parameters whatever the input size; "
                                         "a fully connected layer with the same output needs inputs × outputs weights."},
    "basics.cnn.ch.filters": {"ja": "C_out（フィルタ数）", "en": "C_out (filters)"},
    "basics.cnn.ch.out": {"ja": "出力の形 (H_out, W_out, C_out)", "en": "Output shape"},
    "basics.cnn.ch.conv": {"ja": "畳み込み層のパラメータ", "en": "Conv layer parameters"},
    "basics.cnn.ch.fc": {"ja": "同じ出力の全結合層", "en": "Fully connected, same output"},
    "basics.cnn.ch.formula": {"ja": "畳み込み: {Cout} × ({k}² × {Cin} + 1)。全結合層は約 {ratio} 倍です。",
                              "en": "Conv: {Cout} × ({k}² × {Cin} + 1). The fully connected layer is about {ratio}× larger."},
    "basics.cnn.pool": {"ja": "プーリングとずれた模様", "en": "Pooling and a shifted pattern"},
    "basics.cnn.pool.intro": {"ja": "2 × 2 のブロックごとに最大値（max）か平均（average）を取ると、特徴マップが縦横半分になり、"
                                    "模様が少しずれても出力が変わりにくくなります。縦線を右にずらした画像と比べます。",
                              "en": "Taking the max (or mean) of each 2 × 2 block halves the map and makes the output less "
                                    "sensitive to small shifts. Compare with the vertical line shifted right."},
    "basics.cnn.pool.mode": {"ja": "プーリング", "en": "Pooling"},
    "basics.cnn.pool.max": {"ja": "最大値 (max)", "en": "Max"},
    "basics.cnn.pool.avg": {"ja": "平均 (average)", "en": "Average"},
    "basics.cnn.pool.shift": {"ja": "右へずらす画素数", "en": "Shift right (pixels)"},
    "basics.cnn.pool.fmap": {"ja": "特徴マップ", "en": "Feature map"},
    "basics.cnn.pool.fmap_s": {"ja": "特徴マップ（ずらした画像）", "en": "Feature map (shifted)"},
    "basics.cnn.pool.p": {"ja": "プーリング後", "en": "Pooled"},
    "basics.cnn.pool.p_s": {"ja": "プーリング後（ずらした画像）", "en": "Pooled (shifted)"},
    "basics.cnn.pool.changed_f": {"ja": "特徴マップで変わった値の割合", "en": "Feature-map values changed"},
    "basics.cnn.pool.changed_p": {"ja": "プーリング後に変わった値の割合", "en": "Pooled values changed"},
    "basics.cnn.norm": {"ja": "正規化層とスキップ接続", "en": "Normalisation and skip connections"},
    "basics.cnn.norm.intro": {"ja": "左: 層を重ねると活性の大きさ（標準偏差）がどんどん変わりますが、各層でミニバッチの平均 0・標準偏差 1 に"
                                    "そろえる（正規化層）と一定に保たれます。右: 小さな重みの tanh 層を重ねると入力への勾配が消えますが、"
                                    "y = x + F(x) のスキップ接続があると恒等写像の道を通って勾配が届きます（ランダムな重みで実測）。",
                              "en": "Left: stacked layers drift in scale; normalising each layer over the mini-batch (mean 0, "
                                    "std 1) keeps it steady. Right: small-weight tanh layers lose the gradient to the input; a "
                                    "skip connection y = x + F(x) carries it through the identity path (measured, random weights)."},
    "basics.cnn.norm.depth": {"ja": "層の数", "en": "Layers"},
    "basics.cnn.norm.plain": {"ja": "正規化なし", "en": "No normalisation"},
    "basics.cnn.norm.bn": {"ja": "正規化あり（ミニバッチ）", "en": "Batch normalisation"},
    "basics.cnn.norm.chart": {"ja": "各層の活性の標準偏差（対数目盛）", "en": "Std of the activations per layer (log)"},
    "basics.cnn.norm.last_plain": {"ja": "最後の層の標準偏差（正規化なし）", "en": "Last layer std (plain)"},
    "basics.cnn.norm.last_bn": {"ja": "最後の層の標準偏差（正規化あり）", "en": "Last layer std (normalised)"},
    "basics.cnn.skip.plain": {"ja": "スキップなし h ← tanh(hW)", "en": "Plain h ← tanh(hW)"},
    "basics.cnn.skip.skip": {"ja": "スキップあり h ← h + tanh(hW)", "en": "Skip h ← h + tanh(hW)"},
    "basics.cnn.skip.chart": {"ja": "入力に届く勾配 ‖∂L/∂x‖（対数目盛）", "en": "Gradient reaching the input (log)"},
    "basics.cnn.skip.g_plain": {"ja": "‖∂L/∂x‖ スキップなし", "en": "‖∂L/∂x‖ plain"},
    "basics.cnn.skip.g_skip": {"ja": "‖∂L/∂x‖ スキップあり", "en": "‖∂L/∂x‖ with skip"},
    "basics.cnn.nlp": {"ja": "自然言語処理の CNN: 単語ベクトル上の 1 次元畳み込みで文を分類", "en": "CNN for NLP: 1-D convolution over word vectors"},
    "basics.cnn.nlp.intro": {"ja": "文を (単語数 × 300) の単語ベクトルの並びにし、幅 2・3・4 単語のフィルタを時間方向にずらして畳み込み、"
                                   "各フィルタの最大値を取ります（max-over-time プーリング）。同じ分割で「単語ベクトルの平均 + 線形層」"
                                   "（ベースライン）と LSTM も学習して比べます。単語ベクトル（chiVe）は固定です。",
                             "en": "A sentence becomes a (tokens × 300) sequence of word vectors; filters 2, 3 and 4 words wide "
                                   "slide along it, each keeping its maximum (max-over-time pooling). The mean-of-vectors "
                                   "baseline and an LSTM train on the same split. The chiVe vectors stay fixed."},
    "basics.cnn.nlp.data": {"ja": "データ", "en": "Data"},
    "basics.cnn.nlp.src.sample": {"ja": "内蔵サンプル（3 クラス）", "en": "Built-in sample (3 classes)"},
    "basics.cnn.nlp.src.pn": {"ja": "pn.tsv（jrte、学習は先頭 3,000 文まで）", "en": "pn.tsv (jrte; first 3,000 training sentences)"},
    "basics.cnn.nlp.start": {"ja": "3 つのモデルを学習", "en": "Train the three models"},
    "basics.cnn.nlp.none": {"ja": "「3 つのモデルを学習」を押すと、平均ベクトル・CNN・LSTM を順に学習します（進み具合と停止ボタンが出ます）。",
                            "en": "Press the button to train mean-of-vectors, CNN and LSTM in turn (with progress and Stop)."},
    "basics.cnn.nlp.stopped": {"ja": "停止しました。学習を終えたモデルだけ表に出ています。", "en": "Stopped: only the models that finished are listed."},
    "basics.cnn.nlp.split": {"ja": "同じ分割: {split}", "en": "Same split: {split}"},
    "basics.cnn.nlp.model": {"ja": "モデル", "en": "Model"},
    "basics.cnn.nlp.m.mean": {"ja": "単語ベクトルの平均 + 線形層", "en": "Mean of vectors + linear"},
    "basics.cnn.nlp.m.cnn": {"ja": "1 次元 CNN（幅 2・3・4 × 32 フィルタ）", "en": "1-D CNN (widths 2, 3, 4 × 32 filters)"},
    "basics.cnn.nlp.m.lstm": {"ja": "LSTM（隠れ状態 64）", "en": "LSTM (64 hidden)"},
    "basics.cnn.nlp.params": {"ja": "学習するパラメータ数", "en": "Trained parameters"},
    "basics.cnn.nlp.seconds": {"ja": "秒", "en": "Seconds"},
    "basics.cnn.nlp.dev": {"ja": "検証データの正解率（エポックごと）", "en": "Dev accuracy per epoch"},
    "basics.cnn.nlp.ngrams": {"ja": "各フィルタが一番強く反応した n-gram（評価データ、強い順）", "en": "The n-grams each filter fires on most (test data)"},
    "basics.cnn.nlp.filter": {"ja": "フィルタ（幅 k）", "en": "Filter (width k)"},
    "basics.cnn.nlp.max": {"ja": "最大の反応", "en": "Max activation"},
    "basics.cnn.nlp.fires": {"ja": "反応した n-gram（上位 3 文）", "en": "n-grams (top 3 sentences)"},
}
