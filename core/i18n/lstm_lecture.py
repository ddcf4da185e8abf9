"""UI strings of the LSTM page's lecture-fidelity sections (issue 16): why gradients vanish,
peephole LSTM, truncated BPTT, the fixed-window MLP, per-step labelling, blank filling."""

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
}
