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
}
