"""UI strings of the LSTM page's lecture-fidelity sections (issue 16): why gradients vanish,
peephole LSTM, truncated BPTT, the fixed-window MLP, per-step labelling, blank filling."""

PREFIXES = ("lstm.why", "lstm.peep", "lstm.tb", "lstm.mlp", "lstm.seq", "lstm.blank")

STRINGS = {
    # why gradients vanish (gradients tab)
    "lstm.why.title": {"ja": "なぜ消えるのか: 活性化関数の微分とその T 回の積", "en": "Why gradients vanish: activation derivatives and their product"},
    "lstm.why.intro": {"ja": "通時的誤差逆伝播 (BPTT) の勾配には時刻ごとに 1 つずつ因子 w·f′(a_i) が掛かります。"
                             "シグモイドの微分 σ′ は最大 0.25、tanh′ は最大 1 なので、T 回掛けると (|w|·0.25)^T のように指数的に 0 へ（勾配消失）、"
                             "|w|·f′ が 1 を超えると指数的に大きく（勾配爆発・勾配発散）なります。",
                       "en": "Each BPTT step multiplies by w·f′(a_i); σ′ ≤ 0.25 and tanh′ ≤ 1, so the product of T factors vanishes (or explodes when |w| f′ > 1)."},
    "lstm.why.curves": {"ja": "σ′(a) と tanh′(a)（点線 = 最大値 0.25 と 1）", "en": "σ′(a) and tanh′(a) (dotted: maxima 0.25 and 1)"},
    "lstm.why.sigmoid": {"ja": "σ′(a) = σ(a)(1 − σ(a))", "en": "σ′(a) = σ(a)(1 − σ(a))"},
    "lstm.why.tanh": {"ja": "tanh′(a) = 1 − tanh²(a)", "en": "tanh′(a) = 1 − tanh²(a)"},
    "lstm.why.sigmoid_bound": {"ja": "上限 (|w|·0.25)^T", "en": "bound (|w|·0.25)^T"},
    "lstm.why.tanh_bound": {"ja": "上限 (|w|·1)^T", "en": "bound (|w|·1)^T"},
    "lstm.why.w": {"ja": "再帰の重み w", "en": "Recurrent weight w"},
    "lstm.why.spread": {"ja": "前活性 a_i のばらつき（0 = いつも最大値の a = 0）", "en": "Spread of the pre-activations a_i (0 = always a = 0)"},
    "lstm.why.product": {"ja": "T 個の微分の積 |Π w f′(a_i)|（対数目盛）", "en": "Product of T derivatives (log scale)"},
    "lstm.why.max_sigmoid": {"ja": "σ′ の最大値", "en": "max σ′"},
    "lstm.why.max_tanh": {"ja": "tanh′ の最大値", "en": "max tanh′"},
    "lstm.why.after": {"ja": "T = {T} 回の積", "en": "product of T = {T}"},
    "lstm.why.verdict.vanish": {"ja": "{name}: {value:.2e} → 勾配消失 (vanishing)", "en": "{name}: {value:.2e} → vanishing"},
    "lstm.why.verdict.explode": {"ja": "{name}: {value:.2e} → 勾配爆発・勾配発散 (exploding)", "en": "{name}: {value:.2e} → exploding"},
    "lstm.why.verdict.keep": {"ja": "{name}: {value:.2e} → おおむね保たれる", "en": "{name}: {value:.2e} → roughly kept"},
    # peephole LSTM (gates tab)
    "lstm.peep.toggle": {"ja": "ピープホール結合 (peephole)", "en": "Peephole connections"},
    "lstm.peep.help": {"ja": "ゲートが記憶セル c を覗き見る LSTM（もう一方の講義ノートの式）。p = 0 から学習し、p = 0 なら通常の LSTM と同じです。",
                       "en": "Gates look at the memory cell (the other set of notes). With p = 0 it is the plain LSTM."},
    "lstm.peep.notation": {"ja": "ピープホール付き LSTM（講義ノートの記法: z = ブロック入力、y = ブロック出力 = h_t、W = 入力の重み、R = 再帰の重み、p = ピープホール）。"
                                 "上の [h_{t−1}, x_t] の式とは記法が違うだけで、p = 0 なら同じ計算です。",
                           "en": "Peephole LSTM in the notes' notation (z block input, y block output = h_t, W input, R recurrent, p peepholes); with p = 0 it equals the plain LSTM."},
    "lstm.peep.backward": {"ja": "逆伝播 (δ) の式（ノートのとおり。実装は自動微分で、有限差分と一致することをテストしています）",
                           "en": "Backward (δ) equations (as in the notes; the code uses autograd, tested against finite differences)"},
    "lstm.peep.values": {"ja": "学習したピープホールの重み: ‖p_in‖ = {pin:.3f}、‖p_for‖ = {pfor:.3f}、‖p_out‖ = {pout:.3f}",
                         "en": "Learned peepholes: ‖p_in‖ = {pin:.3f}, ‖p_for‖ = {pfor:.3f}, ‖p_out‖ = {pout:.3f}"},
    # truncated BPTT (language-model tab)
    "lstm.tb.k": {"ja": "打ち切りの長さ k (truncated BPTT)", "en": "Truncation length k (truncated BPTT)"},
    "lstm.tb.k.help": {"ja": "テキストを長さ k の区間に切り、区間ごとに通時的誤差逆伝播 (BPTT) します（講義: k ≈ 10〜100）。k が小さいと 1 回の更新は軽く、k より長い依存は学べません。",
                       "en": "Backpropagate through chunks of k tokens (the notes: k ≈ 10–100): smaller k is cheaper and cannot learn dependencies longer than k."},
    "lstm.tb.title": {"ja": "打ち切り型 BPTT (truncated BPTT): k で何が変わるか", "en": "Truncated BPTT: what k changes"},
    "lstm.tb.intro": {"ja": "このモデルは k = {k} トークンの区間で学習しました（区間ごとに状態はゼロから）。最後の予測の損失 L_T の勾配が、どこまで前の入力 x_t に届くかを比べます。"
                            "打ち切りでは状態を次の区間へ引き継ぎますが、境界で勾配を切ります (h ← h.detach())。",
                      "en": "Trained on chunks of k = {k} tokens. How far back does the gradient of the last loss reach? (State carried, gradient cut at each boundary.)"},
    "lstm.tb.trunc": {"ja": "打ち切り k = {k}", "en": "truncated, k = {k}"},
    "lstm.tb.full": {"ja": "打ち切りなし（系列全体）", "en": "full BPTT"},
    "lstm.tb.distance": {"ja": "何ステップ前の入力か (T − t)", "en": "steps back (T − t)"},
    "lstm.tb.fig": {"ja": "‖∂L_T/∂x_t‖（T = {T}、対数目盛。0 は描かれません）", "en": "‖∂L_T/∂x_t‖ (T = {T}, log scale; zeros not drawn)"},
    "lstm.tb.reach": {"ja": "打ち切りでは勾配が届くのは直前の {n} 入力だけで（k = {k}）、それより前は厳密に 0 です。打ち切りなしでは T = {T} 個すべてに届きます（ただし遠いほど小さく、勾配消失）。",
                      "en": "With truncation the gradient reaches only the last {n} inputs (k = {k}); without, all T = {T} (but vanishing with distance)."},
    "lstm.tb.table": {"ja": "k ごとの結果（このセッションで学習した順）", "en": "Results per k (this session)"},
    "lstm.tb.table.help": {"ja": "k を変えて学習し直すと行が増えます。1 エポックの秒数（速さ）と検証損失を比べてください。",
                           "en": "Retrain with another k to add a row: compare seconds per epoch and validation loss."},
    "lstm.tb.col.cell": {"ja": "セル", "en": "cell"},
    "lstm.tb.col.epochs": {"ja": "エポック", "en": "epochs"},
    "lstm.tb.col.loss": {"ja": "検証損失", "en": "val loss"},
    "lstm.tb.col.sec": {"ja": "秒 / エポック", "en": "s / epoch"},
    # fixed-window MLP (compare tab)
    "lstm.mlp.name": {"ja": "固定窓 MLP", "en": "Fixed-window MLP"},
    "lstm.mlp.note": {"ja": "固定窓 MLP は講義で RNN の前に出てくる自己回帰モデルです: いつも直前 w = {w} 個の値だけを入力にし（入力の数が固定）、位置ごとに別の重みを持ちます。"
                            "RNN・LSTM・GRU は同じ W_x・W_h を各時刻で使い回すので、入力の長さは固定されません。",
                      "en": "The fixed-window MLP (the notes' starting point) always reads exactly the last w = {w} values with per-position weights; recurrent cells reuse W_x, W_h at every step."},
    # sequence tasks tab: classification vs labelling, blank filling
    "lstm.seq.title": {"ja": "系列の分類 (h_N から) と各時刻のラベル付け (各 h_t から)", "en": "Sequence classification (from h_N) vs per-step labelling (from every h_t)"},
    "lstm.seq.intro": {"ja": "講義のとおり、RNN の出力は最後の隠れ状態 h_N だけから取る（系列の分類）ことも、各時刻の h_t から取る（系列のラベル付け）こともできます。"
                             "同じ 0/1 の系列（長さ 21）で、分類は「1 が過半数か」を 1 回だけ、ラベル付けは「ここまでで 1 が過半数か」を毎時刻答えます。",
                       "en": "Read the output from h_N only (classification: is 1 the majority?) or from every h_t (labelling: is 1 the majority so far?)."},
    "lstm.seq.train": {"ja": "分類とラベル付けを学習（同じセル・同じ予算）", "en": "Train both (same cell and budget)"},
    "lstm.seq.acc.classify": {"ja": "分類の正解率（系列ごと）", "en": "Classification accuracy (per sequence)"},
    "lstm.seq.acc.label": {"ja": "ラベル付けの正解率（時刻ごと）", "en": "Labelling accuracy (per step)"},
    "lstm.seq.example": {"ja": "検証データの例（番号）", "en": "Validation example (index)"},
    "lstm.seq.fig": {"ja": "入力 x_t、各時刻の答え y_t と P(y_t = 1)、h_N からの分類 P(y = 1)", "en": "x_t, labels y_t and P(y_t = 1), and the one P(y = 1) from h_N"},
    "lstm.seq.lab.x": {"ja": "入力 x_t", "en": "input x_t"},
    "lstm.seq.lab.y_steps": {"ja": "各時刻の正解 y_t", "en": "step label y_t"},
    "lstm.seq.lab.p_steps": {"ja": "ラベル付け P(y_t = 1)（各 h_t から）", "en": "labelling P(y_t = 1) (every h_t)"},
    "lstm.seq.lab.p_class": {"ja": "分類 P(y = 1)（h_N から 1 回）", "en": "classification P(y = 1) (h_N, once)"},
    "lstm.seq.note": {"ja": "分類モデルはこの系列に 1 つの答え P(y = 1) = {p:.3f}（正解 y = {y}）だけを出し、損失も系列ごとに 1 つです。ラベル付けモデルは T 個の答えを出し、T 個の損失の和で学びます。",
                      "en": "The classifier gives one answer P(y = 1) = {p:.3f} (truth {y}) and one loss per sequence; the labeller answers at every step."},
    "lstm.blank.title": {"ja": "文の穴埋め（文字単位）: 順方向のみ vs 双方向 RNN", "en": "Filling a blank (characters): forward-only vs bidirectional"},
    "lstm.blank.intro": {"ja": "講義の例: 文全体が与えられていれば、穴の前だけでなく後ろも使えます。word2vec ページの組み込みコーパスの文で、各文字を＿で隠し（前後 {r} 文字の窓）、"
                               "順方向 RNN（穴の前だけを読む h→）と双方向 RNN（[h→ ; h←]、前後を読む）に当てさせます。",
                         "en": "With the whole sentence given, the blank can be read from both sides: forward-only (h→) vs bidirectional ([h→ ; h←]), windows of ±{r} characters."},
    "lstm.blank.train": {"ja": "順方向と双方向を学習（同じ予算）", "en": "Train forward-only and bidirectional"},
    "lstm.blank.acc.uni": {"ja": "順方向のみの正解率（検証の文）", "en": "Forward-only accuracy (held-out sentences)"},
    "lstm.blank.acc.bi": {"ja": "双方向の正解率（検証の文）", "en": "Bidirectional accuracy (held-out sentences)"},
    "lstm.blank.text": {"ja": "穴（＿）を 1 つ入れた文", "en": "A sentence with one blank (＿)"},
    "lstm.blank.text.help": {"ja": "{blank} を 1 つ入れてください。組み込みコーパスに出てくる文字だけが使えます（例: 父は昼にカレーを{blank}べた。）。",
                             "en": "Put one {blank}; only characters of the built-in corpus."},
    "lstm.blank.fig.uni": {"ja": "順方向のみ: 穴の文字の確率 上位 5", "en": "Forward-only: top 5 for the blank"},
    "lstm.blank.fig.bi": {"ja": "双方向: 穴の文字の確率 上位 5", "en": "Bidirectional: top 5 for the blank"},
    "lstm.blank.note": {"ja": "「〜を＿べた」の＿は後ろの「べた」を見ないと決まりません。順方向のみのモデルには後ろが見えないので、双方向のほうが正解率が高くなります（自己回帰の予測には未来が無いので双方向は使えません）。",
                        "en": "The blank often depends on what follows; only the bidirectional model sees it (it cannot be used for autoregressive prediction)."},
}
