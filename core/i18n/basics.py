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
    # --- CNN (the notes' §9.2): its strings are in basics_cnn.py
    "basics.tab.cnn": {"ja": "CNN（畳み込み）", "en": "CNN (convolution)"},
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
