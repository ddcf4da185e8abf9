"""UI strings of the /basics page (ニューラルネットの基礎)."""

PREFIXES = ("basics",)

_ACT = {"relu": ("ReLU", "ReLU"), "sigmoid": ("シグモイド (sigmoid)", "Sigmoid"), "tanh": ("tanh", "tanh"),
        "step": ("ステップ関数 (step)", "Step"), "identity": ("恒等関数（線形）(identity)", "Identity (linear)")}
_DATA = {"circles": ("円 (circles)", "Circles"), "xor": ("XOR", "XOR"), "spirals": ("渦巻き (spirals)", "Spirals"),
         "blobs": ("2 つの塊 (two blobs)", "Two blobs"), "blobs3": ("3 クラス: 3 つの塊", "3 classes: three blobs"),
         "spirals3": ("3 クラス: 3 本の渦巻き", "3 classes: three spirals")}
_EX = {"coin": ("コイン（表・裏）", "A coin (heads / tails)"), "suit": ("トランプのマーク（♠♥♦♣）", "A card suit"),
       "direction": ("8 方位（東西南北と北東…）", "Eight directions")}
# 100本ノック 第8章 (2020): exercise → (title ja, title en, where ja, where en)
_KNOCK = {
    70: ("単語ベクトルの和による特徴量", "Features from summed word vectors", "BERT ページ: 平均単語ベクトルのベースライン",
         "BERT page: the mean-word-vector baseline"),
    71: ("単層ニューラルネットワークによる予測", "Prediction with a single-layer network", "全結合層 = 行列の積 (xW)",
         "Fully connected layer = matrix product"),
    72: ("損失と勾配の計算", "Loss and gradients", "交差エントロピーと −log p（勾配は「誤差逆伝播」タブ）",
         "Cross entropy and −log p (gradients: backprop tab)"),
    73: ("確率的勾配降下法による学習", "Training with SGD", "p′ = p − η∂E/∂p を 1 ステップずつ", "p′ = p − η∂E/∂p step by step"),
    74: ("正解率の計測", "Measuring accuracy", "学習データ・評価データの正解率", "Train / test accuracy"),
    75: ("損失と正解率のプロット", "Plotting loss and accuracy", "学習中に更新される損失・正解率の曲線",
         "Live loss and accuracy curves"),
    76: ("チェックポイント", "Checkpoints", "ファインチューニングしたモデルの保存 (safetensors)",
         "Saving the fine-tuned model (safetensors)"),
    77: ("ミニバッチ化", "Mini-batches", "SGD（ミニバッチ）と全データ（フルバッチ）の比較", "SGD vs full batch"),
    78: ("GPU 上での学習", "Training on a GPU", "サイドバーに使用中のデバイス（CUDA があれば GPU で計算）",
         "The sidebar shows the device (CUDA when present)"),
    79: ("多層ニューラルネットワーク", "Multi-layer network", "隠れ層の数・ユニット数を変えて 2D 分類",
         "2-D classification with hidden layers"),
}

STRINGS = {
    "basics.title": {"ja": "ニューラルネットの基礎", "en": "Neural-network basics"},
    "basics.lead": {"ja": "ニューロン・活性化関数・全結合層・softmax・交差エントロピー・勾配降下法・誤差逆伝播を、"
                          "講義資料の数値で動かして確かめます（100本ノック 第8章の土台）。word2vec の損失や BPTT はここが前提です。",
                    "en": "Neurons, activations, fully connected layers, softmax, cross entropy, gradient descent and "
                          "backpropagation, live with the notes' numbers (the ground of 100 knocks ch. 8)."},
    "basics.tab.neuron": {"ja": "ニューロン (neuron)", "en": "Neuron"},
    "basics.tab.depth": {"ja": "多層化 (depth)", "en": "Depth"},
    "basics.tab.matmul": {"ja": "全結合層 = 行列の積", "en": "Fully connected = matmul"},
    "basics.tab.softmax": {"ja": "Softmax 出力層", "en": "Softmax output"},
    "basics.tab.entropy": {"ja": "情報量・エントロピー", "en": "Information and entropy"},
    "basics.tab.descent": {"ja": "勾配降下法 (gradient descent)", "en": "Gradient descent"},
    "basics.tab.backprop": {"ja": "誤差逆伝播 (backprop)", "en": "Backpropagation"},
    "basics.tab.playground": {"ja": "2D 分類プレイグラウンド", "en": "2-D playground"},
    "basics.tab.knock": {"ja": "100本ノック 第8章", "en": "100 knocks ch. 8"},
    "basics.activation": {"ja": "活性化関数 (activation)", "en": "Activation"},
    **{f"basics.act.{k}": {"ja": ja, "en": en} for k, (ja, en) in _ACT.items()},
    # --- 1 neuron
    "basics.neuron.intro": {"ja": "ニューロンは入力 x に重み w を掛けて足し、バイアス b を加えた u を活性化関数 f に通します。"
                                  "スライダーで値を変えてみましょう。",
                            "en": "A neuron weights its inputs, adds a bias and passes the sum u through an activation f."},
    "basics.neuron.bias": {"ja": "b（バイアス）", "en": "b (bias)"},
    "basics.neuron.u": {"ja": "u = w·x + b（活性化の前）", "en": "u = w·x + b (pre-activation)"},
    "basics.neuron.y": {"ja": "y = f(u)（出力）", "en": "y = f(u) (output)"},
    "basics.neuron.curves": {"ja": "活性化関数の形と今の (u, y)", "en": "Activation functions and the current (u, y)"},
    "basics.linear.title": {"ja": "線形かどうかの確認 (linearity check)", "en": "Linearity check"},
    "basics.linear.intro": {"ja": "線形な関数なら f(a + b) = f(a) + f(b) が必ず成り立ちます。講義資料の例 a = −1, b = 1 で、"
                                  "活性化関数ごとに確かめます。",
                            "en": "A linear f always has f(a + b) = f(a) + f(b). The notes use a = −1, b = 1."},
    "basics.linear.same": {"ja": "一致", "en": "Equal"},
    "basics.linear.relu": {"ja": "ReLU({a} + {b}) = {whole} ですが ReLU({a}) + ReLU({b}) = {parts}。"
                                 "一致しないので ReLU は線形ではありません。この「曲がり」が層を重ねる意味を生みます。",
                           "en": "ReLU({a} + {b}) = {whole} but ReLU({a}) + ReLU({b}) = {parts}: ReLU is not linear."},
    # --- 2 depth
    "basics.depth.intro": {"ja": "線形の層をいくつ重ねても、行列の積は 1 つの行列にまとまります（W = W1 W2）。"
                                 "間に ReLU を入れると、同じ重みで 1 層では作れない関数 |x| = ReLU(x) + ReLU(−x) ができます。",
                           "en": "Stacked linear layers collapse into one matrix W = W1 W2; with ReLU between them the same "
                                 "weights make |x|, which one linear layer cannot."},
    "basics.depth.product": {"ja": "W = W1 W2（1 × 1: まとめた 1 つの行列）", "en": "W = W1 W2 (1 × 1)"},
    "basics.depth.collapsed": {"ja": "活性化なしの 2 層は y = x · W1 W2 = {w} · x。1 層の y = {w}·x と全く同じです。",
                               "en": "Without activation the two layers are y = {w} · x, one layer."},
    "basics.depth.linear": {"ja": "線形 2 層 x W1 W2", "en": "Two linear layers"},
    "basics.depth.relu": {"ja": "ReLU を挟んだ 2 層 ReLU(x W1) W2", "en": "With ReLU between"},
    "basics.depth.bestline": {"ja": "1 層で一番近い直線 a·x + c", "en": "Best single layer a·x + c"},
    "basics.depth.chart": {"ja": "同じ重み、非線形の有無", "en": "Same weights, with and without a non-linearity"},
    "basics.depth.error": {"ja": "直線（1 層）で近づけたときの平均二乗誤差", "en": "MSE of the best straight line"},
    "basics.depth.explain": {"ja": "誤差が 0 にならない = どんな 1 層の線形モデルでもこの折れ線は作れません。"
                                   "重みを変えると、線形 2 層は常に直線のままです。",
                             "en": "No single linear layer makes this bend; the linear stack always stays a line."},
    # --- 3 matmul
    "basics.mm.intro": {"ja": "全結合層 (fully connected layer) は行列の積です。入力 x（1 × 3）と重み W（3 × 2）から出力"
                              "（1 × 2）: 各出力は「入力 × 重み」の和です。",
                        "en": "A fully connected layer is a matrix product: x (1 × 3) · W (3 × 2) → y (1 × 2)."},
    "basics.mm.symbols": {"ja": "y1 = {y1}、y2 = {y2}", "en": "y1 = {y1}, y2 = {y2}"},
    "basics.mm.numbers": {"ja": "数値で計算", "en": "With numbers"},
    "basics.mm.rule": {"ja": "形のルール: 左の列数 = 右の行数", "en": "Shape rule: columns of the left = rows of the right"},
    "basics.mm.rule.intro": {"ja": "(m × n)·(n × k) → (m × k)。合わないと PyTorch は下のエラーを出します。形を変えて試しましょう。",
                             "en": "(m × n)·(n × k) → (m × k). Otherwise PyTorch raises the error below."},
    "basics.mm.left_rows": {"ja": "左の行数", "en": "Left rows"},
    "basics.mm.left_cols": {"ja": "左の列数", "en": "Left columns"},
    "basics.mm.right_rows": {"ja": "右の行数", "en": "Right rows"},
    "basics.mm.right_cols": {"ja": "右の列数", "en": "Right columns"},
    "basics.mm.fails": {"ja": "({a})·({b}) は計算できません: 左の列数と右の行数が違います。PyTorch のエラー:",
                        "en": "({a})·({b}) cannot be multiplied. PyTorch says:"},
    "basics.mm.ok": {"ja": "({a})·({b}) → ({c})", "en": "({a})·({b}) → ({c})"},
    "basics.mm.batch": {"ja": "ミニバッチ (mini-batch): 3 × 3 · 3 × 2", "en": "Mini-batch: 3 × 3 · 3 × 2"},
    "basics.mm.batch.intro": {"ja": "3 つの例を行に積んだ X（3 × 3）に同じ W を掛けると、3 つの出力が 1 回の積で出ます。",
                              "en": "Stack three examples as rows of X and multiply by the same W: three outputs at once."},
    "basics.mm.batch.X": {"ja": "X（3 × 3、1 行 = 1 例）", "en": "X (3 × 3, one example per row)"},
    "basics.mm.batch.same": {"ja": "1 行目は上の x と同じ例なので、Y の 1 行目は上の y と同じ値です。",
                             "en": "Row 1 is the x above, so Y's row 1 equals y."},
    # --- 4 softmax
    "basics.sm.intro": {"ja": "Softmax はロジット（出力層の値）を、合計 1 の確率に変えます。講義資料の例: (6, 4) → (0.88, 0.12)。",
                        "en": "Softmax turns logits into probabilities that sum to 1. The notes: (6, 4) → (0.88, 0.12)."},
    "basics.sm.logits": {"ja": "ロジット a（カンマか空白で区切る）", "en": "Logits a (comma or space separated)"},
    "basics.sm.logits.help": {"ja": "最大 {n} 個まで。例: 6, 4 や 2 1 0.1", "en": "Up to {n} values, e.g. 6, 4"},
    "basics.sm.temperature": {"ja": "温度 T (temperature)", "en": "Temperature T"},
    "basics.sm.temperature.help": {"ja": "T < 1 で尖り、T > 1 で平らになります（T = 1 が普通の softmax）。",
                                   "en": "T < 1 sharpens, T > 1 flattens (T = 1 is plain softmax)."},
    "basics.sm.result": {"ja": "softmax の出力 y = ({p})", "en": "Softmax output y = ({p})"},
    "basics.sm.logit": {"ja": "ロジット a_k", "en": "Logit a_k"},
    "basics.sm.prob": {"ja": "確率 y_k", "en": "Probability y_k"},
    "basics.sm.sum": {"ja": "合計 Σ y_k = {s}", "en": "Sum Σ y_k = {s}"},
    "basics.sm.chart": {"ja": "softmax の出力（T = {T}）", "en": "Softmax output (T = {T})"},
    "basics.sm.steps": {"ja": "スライドの計算: eᵃ → 合計 Σ → eᵃ/Σ（左）と、max を引く安全な計算（右）",
                        "en": "The slide's steps: eᵃ → sum Σ → eᵃ/Σ (left) and the safe path that subtracts the max (right)"},
    "basics.sm.steps.line": {"ja": "{parts}、Σ ≈ {total} → {ratios}",
                             "en": "{parts}, Σ ≈ {total} → {ratios}"},
    "basics.sm.steps.same": {"ja": "どちらの計算も同じ確率になります: 分子と分母に同じ e^(−max) を掛けただけだからです。"
                                   "max を引くと eᵃ は 1 以下になり、ロジットが大きくてもあふれません。",
                             "en": "Both give the same probabilities: numerator and denominator are multiplied by the same "
                                   "e^(−max). After subtracting the max every eᵃ is at most 1, so nothing overflows."},
    "basics.out.title": {"ja": "タスクごとの出力層と損失関数", "en": "The output layer and loss by task"},
    "basics.out.intro": {"ja": "出力層の活性化と損失はタスクで組で決まります: 多クラス分類は softmax と交差エントロピー、"
                               "2 値（はい / いいえ）は sigmoid と 2 値交差エントロピー、回帰は恒等関数と二乗誤差。"
                               "値を変えて、PyTorch の損失関数と同じ値になることを確かめましょう。",
                         "en": "The output activation and the loss come in pairs: multi-class → softmax + cross entropy; "
                               "yes/no → sigmoid + binary cross entropy; regression → identity + squared error. The "
                               "values match PyTorch's loss functions."},
    "basics.out.multiclass": {"ja": "多クラス分類: softmax", "en": "Multi-class: softmax"},
    "basics.out.binary": {"ja": "2 値分類（はい / いいえ）: sigmoid", "en": "Yes / no: sigmoid"},
    "basics.out.regression": {"ja": "回帰: 恒等関数", "en": "Regression: identity"},
    "basics.out.a": {"ja": "出力層への入力 a", "en": "Input a of the output layer"},
    "basics.out.t.multiclass": {"ja": "正解クラス t（0 から）", "en": "Correct class t (from 0)"},
    "basics.out.t.binary": {"ja": "正解 t（0 か 1）", "en": "Target t (0 or 1)"},
    "basics.out.t.regression": {"ja": "正解の値 t", "en": "Target value t"},
    "basics.out.loss.multiclass": {"ja": "交差エントロピー", "en": "Cross entropy"},
    "basics.out.loss.binary": {"ja": "2 値交差エントロピー", "en": "Binary cross entropy"},
    "basics.out.loss.regression": {"ja": "二乗誤差", "en": "Squared error"},
    "basics.out.torch.multiclass": {"ja": "nn.CrossEntropyLoss()(a, t) = {E}", "en": "nn.CrossEntropyLoss()(a, t) = {E}"},
    "basics.out.torch.binary": {"ja": "nn.BCEWithLogitsLoss()(a, t) = {E}", "en": "nn.BCEWithLogitsLoss()(a, t) = {E}"},
    "basics.out.torch.regression": {"ja": "nn.MSELoss()(y, t) = {E}", "en": "nn.MSELoss()(y, t) = {E}"},
    "basics.sm.stable": {"ja": "数値的に安定な softmax（最大値を引く）", "en": "Numerically stable softmax"},
    "basics.sm.stable.intro": {"ja": "exp(1000) はコンピュータでは無限大 (inf) になり、そのまま割ると nan です。"
                                     "分子・分母から同じ max を引いても値は変わらず、exp が 1 以下に収まります。",
                               "en": "exp(1000) overflows to inf; subtracting the max changes nothing mathematically and keeps exp ≤ 1."},
    "basics.sm.big": {"ja": "大きなロジット", "en": "Large logits"},
    "basics.sm.naive": {"ja": "そのまま exp(a)/Σexp(a)", "en": "Naive exp(a)/Σexp(a)"},
    "basics.sm.stable.col": {"ja": "max を引いた版", "en": "Max subtracted"},
    "basics.sm.overflow": {"ja": "そのままの式は exp があふれて nan になりました。max を引いた版は (6, 4) と同じ確率を正しく出します。",
                           "en": "The naive form overflowed to nan; the stable one gives the right probabilities."},
    # --- 5 entropy
    "basics.ent.intro": {"ja": "情報量 (information) は「どれだけ珍しいか」: 確率 p の出来事は −log2 p ビット。"
                               "エントロピー (entropy) は情報量の期待値です。等しく起こる n 通りなら log2 n ビット。",
                         "en": "Information −log2 p bits; entropy is its expectation; n equally likely outcomes: log2 n bits."},
    "basics.ent.example": {"ja": "講義資料の例", "en": "Example from the notes"},
    **{f"basics.ent.ex.{k}": {"ja": ja, "en": en} for k, (ja, en) in _EX.items()},
    "basics.ent.bits": {"ja": "エントロピー（ビット）", "en": "Entropy (bits)"},
    "basics.ent.yours": {"ja": "自分で分布を作る", "en": "Your distribution"},
    "basics.ent.dist": {"ja": "確率（合計 1、カンマか空白で区切る）", "en": "Probabilities (sum 1)"},
    "basics.ent.dist.help": {"ja": "例: 0.5, 0.5（1 ビット）、0.25 ×4（2 ビット）、1, 0（0 ビット）",
                             "en": "e.g. 0.5, 0.5 (1 bit); four 0.25 (2 bits); 1, 0 (0 bits)"},
    "basics.ent.H": {"ja": "エントロピー H (bits)", "en": "Entropy H (bits)"},
    "basics.ent.max": {"ja": "同じ個数で最大（一様分布）", "en": "Maximum for this many outcomes"},
    "basics.ent.outcome": {"ja": "結果", "en": "Outcome"},
    "basics.ent.chart": {"ja": "確率 p と情報量 −log2 p（H = {H} ビット）", "en": "p and −log2 p (H = {H} bits)"},
    "basics.ce.title": {"ja": "交差エントロピー (cross entropy)", "en": "Cross entropy"},
    "basics.ce.intro": {"ja": "正解が one-hot（正解クラスだけ 1）のとき、交差エントロピーは正解クラスの確率の −log です。"
                              "正解の確率が 1 に近いほど 0 に、0 に近いほど大きくなります（自然対数、PyTorch と同じ）。",
                        "en": "With a one-hot target, cross entropy is −log of the correct class's probability (natural log)."},
    "basics.ce.pred": {"ja": "予測の確率 y（合計 1）", "en": "Predicted probabilities y (sum 1)"},
    "basics.ce.target": {"ja": "正解クラス", "en": "Correct class"},
    "basics.ce.value": {"ja": "交差エントロピー E (nats)", "en": "Cross entropy E (nats)"},
    "basics.ce.chart": {"ja": "正解クラスの確率と損失 −log p", "en": "Loss −log p of the correct class"},
    "basics.ce.p": {"ja": "正解クラスの確率 p", "en": "Probability of the correct class"},
    "basics.ce.here": {"ja": "今の予測", "en": "Current prediction"},
    "basics.pq.title": {"ja": "2 つの分布の交差エントロピー H(p, q)", "en": "Cross entropy between two distributions H(p, q)"},
    "basics.pq.intro": {"ja": "正解が one-hot でなくても、真の分布 p をモデルの分布 q で測ると H(p, q) = −Σ p log q。"
                              "講義資料のコイン: 公平なコイン p = (0.5, 0.5) を、q = (0.4, 0.6) と思っているモデルで測ります。"
                              "H(p, q) は必ずエントロピー H(p) 以上で、q = p のときだけ等しくなります（差が KL ダイバージェンス）。",
                        "en": "With a true distribution p and a model q: H(p, q) = −Σ p log q. The notes' coin: a fair coin "
                              "p = (0.5, 0.5) measured with a model q = (0.4, 0.6). H(p, q) ≥ H(p), equal only when q = p "
                              "(the gap is the KL divergence)."},
    "basics.pq.p": {"ja": "真の分布 p（合計 1）", "en": "True distribution p (sum 1)"},
    "basics.pq.q": {"ja": "モデルの分布 q（合計 1）", "en": "Model distribution q (sum 1)"},
    "basics.pq.unit": {"ja": "単位", "en": "Unit"},
    "basics.pq.bits": {"ja": "ビット (bits, log2)", "en": "bits (log2)"},
    "basics.pq.nats": {"ja": "ナット (nats, 自然対数)", "en": "nats (natural log)"},
    "basics.pq.Hp": {"ja": "エントロピー H(p) [{u}]", "en": "Entropy H(p) [{u}]"},
    "basics.pq.Hpq": {"ja": "交差エントロピー H(p, q) [{u}]", "en": "Cross entropy H(p, q) [{u}]"},
    "basics.pq.kl": {"ja": "差 H(p, q) − H(p)（KL）[{u}]", "en": "Gap H(p, q) − H(p) (KL) [{u}]"},
    "basics.pq.ge": {"ja": "H(p, q) ≥ H(p): 間違った q で符号化すると、平均してより多くの情報量が必要です。"
                           "1 ビット = ln 2 ≈ 0.6931 ナット（PyTorch の損失はナット）。",
                     "en": "H(p, q) ≥ H(p): coding with the wrong q costs more on average. 1 bit = ln 2 ≈ 0.6931 nats "
                           "(PyTorch's losses are in nats)."},
    "basics.pq.note": {"ja": "**ノートの値との違い**: 手計算のように途中の対数を小数 2 桁に丸めると（{log} 0.4、{log} 0.6 を"
                             "2 桁で）H(p, q) ≈ {rounded} {unit}、丸めずに計算すると {exact} {unit} です。"
                             "最後の桁の違いは丸めだけによるもので、式は同じです。",
                       "en": "**Difference from the notes' value**: rounding the logs to 2 decimals first, as by hand "
                             "({log} 0.4, {log} 0.6), gives H(p, q) ≈ {rounded} {unit}; exact: {exact} {unit}. The last "
                             "digit differs only by rounding; the formula is the same."},
    # --- 6 gradient descent
    "basics.gd.intro": {"ja": "損失 E を小さくする方向（勾配の逆）へ、学習率 η の歩幅で少しずつ進みます。",
                        "en": "Step against the gradient with step size η."},
    "basics.gd.eta": {"ja": "学習率 η (learning rate)", "en": "Learning rate η"},
    "basics.gd.eta.help": {"ja": "この面では 0 < η < {top} で収束し、η = {best} 付近が一番速く、{top} 以上は発散します"
                                 "（2 / 曲率 から）。0 だと動きません。",
                           "en": "On this surface 0 < η < {top} converges, about η = {best} is fastest, {top} or more "
                                 "diverges (2 / curvature). 0 never moves."},
    "basics.gd.range": {"ja": "この面の曲率（∂²E/∂p² の固有値）: {lam} → 安定な学習率は 0 < η < 2 / {lmax} = {top}、"
                              "最速は η = {best}。",
                        "en": "Curvatures of this surface (eigenvalues of ∂²E/∂p²): {lam} → stable for 0 < η < 2 / {lmax} "
                              "= {top}; fastest at η = {best}."},
    "basics.gd.steps": {"ja": "ステップ数", "en": "Steps"},
    "basics.gd.1d": {"ja": "1 次元の損失", "en": "A 1-D loss"},
    "basics.gd.2d": {"ja": "2 次元の損失（等高線）", "en": "A 2-D loss (contours)"},
    "basics.gd.path": {"ja": "更新の軌跡", "en": "Path"},
    "basics.gd.1d.chart": {"ja": "E(p) と p の更新（η = {eta}、数字はステップ）", "en": "E(p) and the updates (η = {eta})"},
    "basics.gd.2d.chart": {"ja": "等高線の上の更新（η = {eta}）", "en": "Updates on the contours (η = {eta})"},
    "basics.gd.diverged": {"ja": "発散しました（η = {eta}、{n} ステップで損失が最初より大きくなりました。|p| が 10⁶ を超えたら"
                                 "そこで止めます）。η が大きすぎて、谷を飛び越えるたびに遠くへ行きます。η を 0.1 くらいに下げてください。",
                           "en": "Diverged (η = {eta}, step {n}): η is too large; try 0.1."},
    "basics.gd.stuck": {"ja": "η = 0 なので p は一歩も動きません（p′ = p − 0·∂E/∂p = p）。",
                        "en": "η = 0: p never moves."},
    "basics.gd.converged": {"ja": "{n} ステップで谷底（E < 0.001）に着きました。", "en": "Reached the minimum in {n} steps."},
    "basics.gd.slow": {"ja": "まだ谷底に着いていません（E = {E}）。η が小さいと歩みが遅く、大きすぎると振動します。",
                       "en": "Not at the minimum yet (E = {E})."},
    "basics.gd.batch": {"ja": "SGD とフルバッチ (SGD vs full batch)", "en": "SGD vs full batch"},
    "basics.gd.batch.intro": {"ja": "同じ 64 点（y ≈ 2x + 1）に直線 y = wx + b を当てはめます。フルバッチは全データの勾配で"
                                    "1 エポック 1 回、SGD はミニバッチ B 個ごとに更新します（同じ η・同じエポック数）。",
                              "en": "Fit y = wx + b to the same 64 points: full batch updates once per epoch, SGD once per mini-batch."},
    "basics.gd.epochs": {"ja": "エポック数 (epochs)", "en": "Epochs"},
    "basics.gd.B": {"ja": "ミニバッチの大きさ B", "en": "Mini-batch size B"},
    "basics.gd.full": {"ja": "フルバッチ", "en": "Full batch"},
    "basics.gd.sgd": {"ja": "SGD（B = {B}）", "en": "SGD (B = {B})"},
    "basics.gd.data": {"ja": "データ", "en": "Data"},
    "basics.gd.batch.chart": {"ja": "エポックごとの損失（対数目盛）", "en": "Loss per epoch (log scale)"},
    "basics.gd.batch.fit": {"ja": "当てはめた直線", "en": "Fitted lines"},
    "basics.gd.batch.updates": {"ja": "更新回数: フルバッチ {full} 回、SGD（B = {B}）{sgd} 回。SGD は 1 回の更新が安く、"
                                      "同じエポック数でずっと多く進みますが、損失はぎざぎざに揺れます。",
                                "en": "Updates: full batch {full}, SGD (B = {B}) {sgd}."},
    "basics.gd.batch.diverged": {"ja": "η = {eta} では発散しました（重みが 10⁶ を超えたので止めました）。η を 0.1 くらいにしてください。",
                                 "en": "Diverged at η = {eta}; try 0.1."},
    # --- 7 backprop
    "basics.bp.intro": {"ja": "計算グラフを前から計算（順伝播）し、後ろから各ノードの局所的な微分を掛けて戻ります（連鎖律）。"
                              "青が順伝播の値、赤が ∂E/∂(そのノード) です。PyTorch の autograd と一致するか確かめます。",
                        "en": "Forward values (blue) and backward gradients ∂E/∂node (red), checked against autograd."},
    "basics.bp.t": {"ja": "正解 t", "en": "Target t"},
    "basics.bp.graph": {"ja": "計算グラフ: 順伝播の値と逆伝播の勾配", "en": "Computation graph: forward values, backward gradients"},
    "basics.bp.manual": {"ja": "連鎖律（手計算）", "en": "Chain rule (by hand)"},
    "basics.bp.autograd": {"ja": "PyTorch autograd (loss.backward())", "en": "PyTorch autograd"},
    "basics.bp.diff": {"ja": "差の絶対値", "en": "Absolute difference"},
    "basics.bp.match": {"ja": "手計算の勾配と autograd が一致しました（最大の差 {d}）。", "en": "Chain rule = autograd (max diff {d})."},
    "basics.bp.mismatch": {"ja": "手計算と autograd が一致しません（最大の差 {d}）。不具合です、報告してください。",
                           "en": "Chain rule and autograd disagree (max diff {d}): a bug, please report it."},
    "basics.bp.idiom": {"ja": "PyTorch での書き方: outputs = model(inputs)", "en": "The PyTorch idiom: outputs = model(inputs)"},
    "basics.bp.idiom.intro": {"ja": "nn.Module を呼ぶと（model(inputs)）、中で forward が呼ばれます。下のコードを今の x, w, b, t で"
                                    "実際に 1 回動かした結果です（学習率 0.5 の SGD で 1 ステップ）。",
                              "en": "Calling the module runs forward. The code below, run once with the current x, w, b, t."},
    "basics.bp.calls": {"ja": "forward が呼ばれた回数", "en": "forward calls"},
    "basics.bp.step": {"ja": "{p}（1 ステップ後）", "en": "{p} after one step"},
    "basics.bp.idiom.grads": {"ja": "loss.backward() の後: weight.grad = {gw}、bias.grad = {gb}（上の表の ∂E/∂w, ∂E/∂b と同じ）",
                              "en": "After loss.backward(): weight.grad = {gw}, bias.grad = {gb}."},
    "basics.bp.deep": {"ja": "活性化関数の局所的な微分: ReLU′ = 1 と σ′ ≤ 0.25", "en": "Local derivatives: ReLU′ = 1 vs σ′ ≤ 0.25"},
    "basics.bp.deep.intro": {"ja": "逆伝播では各層で活性化関数の微分 f′(u) が掛かります。1 ユニットの層を L 段つないだ鎖"
                                   "（y_l = f(w·y_(l−1) + b)、w = 1、b = 0.1、x = 1）で、出力から各層へ届く勾配を比べます。"
                                   "シグモイドの微分は最大でも 0.25（u = 0）なので、段ごとに 1/4 以下に縮みます。",
                             "en": "Backprop multiplies each layer's f′(u). A chain of L one-unit layers (w = 1, b = 0.1, x = 1): "
                                   "the sigmoid's derivative is at most 0.25, so the gradient shrinks by ≥ 4× per layer."},
    "basics.bp.deep.L": {"ja": "層の数 L", "en": "Depth L"},
    "basics.bp.deep.reach": {"ja": "{act}: 1 層目に届く勾配", "en": "{act}: gradient reaching layer 1"},
    "basics.bp.deep.chart": {"ja": "出力から層 l に届く勾配 Π w f′(u)（対数目盛）", "en": "Gradient reaching layer l (log scale)"},
    "basics.bp.deep.layer": {"ja": "層 l", "en": "Layer l"},
    "basics.bp.deep.why": {"ja": "シグモイドだけの {L} 層では最大でも 0.25^{L} = {q} 倍しか届きません（勾配消失）。"
                                 "ReLU は u > 0 で微分がちょうど 1 なので、何層重ねても勾配がそのまま通ります。深いネットで ReLU が"
                                 "使われる理由です（u ≤ 0 の層では 0 になる点に注意）。",
                           "en": "With sigmoids only, {L} layers pass at most 0.25^{L} = {q} (vanishing gradient). ReLU's "
                                 "derivative is exactly 1 for u > 0, so the gradient passes unchanged however deep "
                                 "(it is 0 where u ≤ 0)."},
    # --- 8 playground
    "basics.pg.intro": {"ja": "TensorFlow Playground のように、2 次元の点を 2 クラスに分ける MLP を学習します。"
                              "隠れ層・ユニット数・活性化関数を変えて、決定境界（青 = クラス 1 の確率）が学習とともに変わる様子を見ましょう。"
                              "隠れ層 0 はロジスティック回帰で、直線しか引けません。渦巻きは難しいので、ユニット数・エポック数を増やしてみましょう。",
                        "en": "Like TensorFlow Playground: an MLP separates 2-D points; watch the decision boundary learn."},
    "basics.pg.dataset": {"ja": "データ", "en": "Data"},
    **{f"basics.pg.data.{k}": {"ja": ja, "en": en} for k, (ja, en) in _DATA.items()},
    "basics.pg.noise": {"ja": "ノイズ", "en": "Noise"},
    "basics.pg.seed": {"ja": "乱数シード", "en": "Seed"},
    "basics.pg.layers": {"ja": "隠れ層の数", "en": "Hidden layers"},
    "basics.pg.layers.help": {"ja": "0 にすると隠れ層なし（直線の境界しか作れません）。", "en": "0: no hidden layer (a straight boundary)."},
    "basics.pg.units": {"ja": "各層のユニット数", "en": "Units per layer"},
    "basics.pg.optimizer": {"ja": "最適化手法", "en": "Optimizer"},
    "basics.pg.lr": {"ja": "学習率 η", "en": "Learning rate η"},
    "basics.pg.lr.help": {"ja": "Adam なら 0.01〜0.1、SGD なら 0.1〜1 くらい。大きすぎると発散します。",
                          "en": "Adam: 0.01–0.1; SGD: 0.1–1. Too large diverges."},
    "basics.pg.epochs": {"ja": "エポック数", "en": "Epochs"},
    "basics.pg.batch": {"ja": "ミニバッチの大きさ", "en": "Mini-batch size"},
    "basics.pg.train": {"ja": "学習を開始", "en": "Train"},
    "basics.pg.preview": {"ja": "データ（{n} 点、赤 = クラス 0、青 = クラス 1）", "en": "Data ({n} points)"},
    "basics.pg.none": {"ja": "「学習を開始」を押すと、この設定で学習します（モデルはあなたのセッションだけに残ります）。",
                       "en": "Press Train to train with these settings (the model stays in your session)."},
    "basics.pg.live": {"ja": "学習中の決定境界（エポック {epoch}）", "en": "Decision boundary while learning (epoch {epoch})"},
    "basics.pg.boundary": {"ja": "決定境界（エポック {epoch}、● 学習データ、× 評価データ）",
                           "en": "Decision boundary (epoch {epoch}; ● train, × test)"},
    "basics.pg.trainset": {"ja": "学習データ (train)", "en": "Train"},
    "basics.pg.test": {"ja": "評価データ (test)", "en": "Test"},
    "basics.pg.diverged": {"ja": "学習率 {lr} で発散しました（エポック {epoch} で損失が爆発）。学習率を 0.03 くらいに下げてください。",
                           "en": "Diverged at learning rate {lr} (epoch {epoch}); try 0.03."},
    "basics.pg.stopped": {"ja": "停止しました（{epoch} / {total} エポック）。ここまでのモデルを表示しています。",
                          "en": "Stopped after {epoch} / {total} epochs; showing the model so far."},
    "basics.pg.old": {"ja": "設定が変わりました。下は前回学習したモデルです。新しい設定で「学習を開始」してください。",
                      "en": "Settings changed: below is the previous model."},
    "basics.pg.model": {"ja": "{data}・隠れ層 {layers} × {units}・{act}・η = {lr}・{epoch} エポック（{s} 秒）",
                        "en": "{data}, {layers} × {units} hidden, {act}, η = {lr}, {epoch} epochs ({s} s)"},
    "basics.pg.train_loss": {"ja": "学習データの損失", "en": "Train loss"},
    "basics.pg.test_loss": {"ja": "評価データの損失", "en": "Test loss"},
    "basics.pg.train_acc": {"ja": "学習データの正解率", "en": "Train accuracy"},
    "basics.pg.test_acc": {"ja": "評価データの正解率", "en": "Test accuracy"},
    "basics.pg.curves.loss": {"ja": "損失（交差エントロピー）", "en": "Loss (cross entropy)"},
    "basics.pg.curves.acc": {"ja": "正解率", "en": "Accuracy"},
    # --- 9 100 knocks
    "basics.knock.intro": {"ja": "言語処理100本ノック 第8章「ニューラルネット」を、このアプリに同梱した 4 カテゴリの日本語見出し文で"
                                 "実際に動かします: 単語ベクトルの平均（300 次元）→ W（300 × 4）→ softmax → 交差エントロピー → SGD。",
                           "en": "100 knocks ch. 8 for real on the app's shipped 4-category Japanese headlines: mean word vector "
                                 "(300-d) → W (300 × 4) → softmax → cross entropy → SGD."},
    "basics.knock.flow": {"ja": "流れ: **特徴量 → 単層 → softmax → 交差エントロピー → SGD → ミニバッチ → GPU → 多層**",
                          "en": "Flow: **features → single layer → softmax → cross entropy → SGD → mini-batch → GPU → multi-layer**"},
    "basics.knock.data": {"ja": "データ: 4 カテゴリの日本語見出し文（同梱）", "en": "Data: 4-category Japanese headlines (shipped)"},
    "basics.knock.data.source": {
        "ja": "元の課題は英語のニュース見出し（UCI News Aggregator、b = ビジネス・t = 科学技術・e = エンタメ・m = 健康）ですが、"
              "再配布できないため、このアプリ用に書いた日本語の見出し文 240 文（各 60、学習 192・検証 24・評価 24）を使います。"
              "同じ 4 カテゴリですが、語句の組み合わせで作った短い文で、カテゴリごとの語がほとんど重ならないので本物のニュースより"
              "ずっと簡単です（形と手順を学ぶためのデータ）。出典と利用条件: core/basics/knock_news.LICENSE.md（CC0）。",
        "en": "The original task uses English news headlines (UCI News Aggregator: b business, t science & technology, "
              "e entertainment, m health), which cannot be shipped; here 240 Japanese headlines written for this app "
              "(60 each; 192 train, 24 valid, 24 test), the same 4 categories, composed from phrase lists whose words "
              "rarely cross categories, so far easier than real news (for the shapes and steps). Source and licence: "
              "core/basics/knock_news.LICENSE.md (CC0)."},
    "basics.knock.label": {"ja": "カテゴリ", "en": "Category"},
    "basics.knock.cat.b": {"ja": "ビジネス", "en": "business"},
    "basics.knock.cat.t": {"ja": "科学技術", "en": "science & technology"},
    "basics.knock.cat.e": {"ja": "エンタメ", "en": "entertainment"},
    "basics.knock.cat.m": {"ja": "健康", "en": "health"},
    "basics.knock.text": {"ja": "見出し文", "en": "Headline"},
    "basics.knock.X": {"ja": "学習データの X の形（n × 300）", "en": "Shape of X (train, n × 300)"},
    "basics.knock.coverage": {"ja": "chiVe で見つかったトークン", "en": "Tokens found in chiVe"},
    "basics.knock.W": {"ja": "W はランダムに初期化（torch.randn、シード 0）、形は {shape}。", "en": "W is random (torch.randn, seed 0), shape {shape}."},
    "basics.knock.y1": {"ja": "ŷ₁ = softmax(x₁W) = ({y1})（上の表の 1 行目、合計 1）", "en": "ŷ₁ = softmax(x₁W) = ({y1}) (row 1 above, sums to 1)"},
    "basics.knock.loss1": {"ja": "x₁ の損失 L", "en": "Loss L of x₁"},
    "basics.knock.loss4": {"ja": "x₁…x₄ の損失 L（平均）", "en": "Loss L of x₁…x₄ (mean)"},
    "basics.knock.gradshape": {"ja": "∂L/∂W の形", "en": "Shape of ∂L/∂W"},
    "basics.knock.labels": {"ja": "x₁…x₄ の正解: {labels}。表は x₁ だけ、x₁…x₄ の平均の ∂L/∂W（300 × 4）の最初の 5 行です。",
                            "en": "Labels of x₁…x₄: {labels}. The tables show the first 5 rows of ∂L/∂W (300 × 4) for x₁ "
                                  "alone and for x₁…x₄ (mean)."},
    "basics.knock.autograd": {"ja": "手計算の (1/n) Xᵀ(Ŷ − T) と loss.backward() の勾配が一致しました（最大の差 {d}）。",
                              "en": "(1/n) Xᵀ(Ŷ − T) by hand equals loss.backward()'s gradient (max diff {d})."},
    "basics.knock.idioms": {"ja": "PyTorch の書き方（実際に動かした値）", "en": "The PyTorch idioms (run live)"},
    "basics.knock.idioms.intro": {"ja": "`torch.softmax(x, dim=1)`: dim 0 はミニバッチ（例）、dim 1 がクラスなので、各行の合計が 1。"
                                        "`nn.CrossEntropyLoss()(logits, labels)`: softmax の前のロジットと、one-hot ではない 1 次元の"
                                        "正解番号を渡します（中で log-softmax を計算）。下のコードをそのまま実行した結果です。",
                                  "en": "`torch.softmax(x, dim=1)`: dim 0 is the mini-batch, dim 1 the classes, so each row sums "
                                        "to 1. `nn.CrossEntropyLoss()(logits, labels)` takes logits (before softmax) and 1-D "
                                        "integer labels (not one-hot). The code below, run as shown:"},
    "basics.knock.idioms.same": {"ja": "loss は上の「x₁…x₄ の損失」と同じ値です（同じ W、同じ 4 例）。",
                                 "en": "The loss equals “Loss of x₁…x₄” above (same W, same 4 examples)."},
    "basics.knock.train": {"ja": "73–79: SGD・正解率・損失のプロット・ミニバッチ・デバイス・多層", "en": "73–79: SGD, accuracy, curves, mini-batches, device, multi-layer"},
    "basics.knock.train.intro": {"ja": "ミニバッチ B = 1 が 73 の SGD（1 例ずつ更新）、B を大きくすると 77 のミニバッチ化。"
                                       "隠れ層を 1 以上にすると 79 の多層ネット（ReLU）。計算するデバイス（78）は右端に出ます。",
                                 "en": "B = 1 is exercise 73's SGD; larger B is 77's mini-batches; hidden layers ≥ 1 is 79's "
                                       "multi-layer net (ReLU). The device (78) is shown on the right."},
    "basics.knock.layers": {"ja": "隠れ層の数", "en": "Hidden layers"},
    "basics.knock.layers.help": {"ja": "0 = ŷ = softmax(xW)（W は 300 × 4、バイアスなし）。1 以上 = 多層ネット。",
                                 "en": "0: ŷ = softmax(xW) (W 300 × 4, no bias). 1 or more: a multi-layer net."},
    "basics.knock.hidden": {"ja": "隠れ層のユニット数", "en": "Hidden units"},
    "basics.knock.lr": {"ja": "学習率 η", "en": "Learning rate η"},
    "basics.knock.epochs": {"ja": "エポック数", "en": "Epochs"},
    "basics.knock.batch": {"ja": "ミニバッチの大きさ B", "en": "Mini-batch size B"},
    "basics.knock.batch.help": {"ja": "1 = SGD（73）、192 = 学習データ全部（フルバッチ）。", "en": "1 = SGD (73); 192 = full batch."},
    "basics.knock.start": {"ja": "学習を開始", "en": "Train"},
    "basics.knock.none": {"ja": "「学習を開始」を押すと、この設定で学習します（モデルはあなたのセッションだけに残ります）。",
                          "en": "Press Train to train with these settings (the model stays in your session)."},
    "basics.knock.stopped": {"ja": "停止しました（{epoch} / {total} エポック）。", "en": "Stopped after {epoch} / {total} epochs."},
    "basics.knock.valid_acc": {"ja": "検証データの正解率", "en": "Valid accuracy"},
    "basics.knock.device": {"ja": "デバイス (78)", "en": "Device (78)"},
    "basics.knock.model": {"ja": "隠れ層 {layers} × {hidden}・η = {lr}・B = {B}・{epoch} エポック（更新 {updates} 回、{s} 秒）",
                           "en": "{layers} × {hidden} hidden, η = {lr}, B = {B}, {epoch} epochs ({updates} updates, {s} s)"},
    "basics.knock.map": {"ja": "各問題とアプリの他の場所", "en": "Each exercise elsewhere in the app"},
    "basics.knock.baseline": {"ja": "BERT ページの「感情分析」にある平均単語ベクトルのベースラインが、この章のモデルを日本語データ"
                                    "（jrte pn.tsv）で動かしたものです。",
                              "en": "The word-vector baseline on the BERT page is this chapter's model on Japanese data."},
    **{f"basics.knock.{n}": {"ja": ja, "en": en} for n, (ja, en, _, _) in _KNOCK.items()},
    **{f"basics.knock.{n}.where": {"ja": wj, "en": we} for n, (_, _, wj, we) in _KNOCK.items()},
    # --- CNN (the notes' §9.2)
    "basics.tab.cnn": {"ja": "CNN（畳み込み）", "en": "CNN (convolution)"},
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
    "basics.gd.E_all": {"ja": "E（全データ）", "en": "E (all data)"},
    "basics.ent.what.p": {"ja": "確率", "en": "probabilities"},
    "basics.ce.what.y": {"ja": "予測の確率", "en": "predicted probabilities"},
    "basics.ce.correct": {"ja": "正解", "en": "correct"},
    "basics.pg.p_blue": {"ja": "P(青)", "en": "P(blue)"},
    "basics.pg.multi": {"ja": "3 クラスのデータでは出力層が 3 ユニットの softmax になり、損失は交差エントロピー −log ŷ_t です。"
                              "背景の色は各点で一番確率の高いクラス（argmax）: 赤 = クラス 0、青 = クラス 1、緑 = クラス 2。"
                              "マウスを載せると 3 つの確率が見えます。",
                        "en": "With three classes the output layer is a 3-unit softmax and the loss is cross entropy −log ŷ_t. "
                              "The background shows the most probable class at each point (argmax): red 0, blue 1, green 2; "
                              "hover for the three probabilities."},
    "basics.pg.preview3": {"ja": "データ（{n} 点、赤 = クラス 0、青 = クラス 1、緑 = クラス 2）", "en": "Data ({n} points, 3 classes)"},
}
