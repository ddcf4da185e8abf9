"""UI strings of the LSTM page's architecture figures, BPTT triangle and history line (issue 26)."""

PREFIXES = ("lstm.arch", "lstm.bptt", "lstm.history")

STRINGS = {
    "lstm.arch.title": {"ja": "講義ノートの図: RNN のループと時間方向の展開、LSTM のユニット",
                        "en": "The notes' figures: the RNN loop, its unrolling in time, the LSTM unit"},
    "lstm.arch.intro": {"ja": "上のモデルの実際の値で描いています。丸にマウスを載せると、その時刻の値（最初の 4 ユニットと平均）が出ます。",
                        "en": "Drawn from the model above: hover a node for its values at that time (first 4 units and the mean)."},
    "lstm.arch.t": {"ja": "時刻 t", "en": "Time t"},
    "lstm.arch.unroll": {"ja": "RNN のループ（左）= 時間方向に展開したもの（右、t = {t} まで）",
                         "en": "The RNN loop (left) = unrolled in time (right, up to t = {t})"},
    "lstm.arch.unit": {"ja": "LSTM のユニット（t = {t}）: ゲート f・i・o（色 = 平均値）と記憶セル c",
                       "en": "The LSTM unit at t = {t}: gates f, i, o (colour = mean value) and the memory cell c"},
    "lstm.arch.unit.note": {"ja": "この時刻のゲートの平均: 忘却 f_t = {f}、入力 i_t = {i}、出力 o_t = {o}。"
                                  "c_t = f_t ⊙ c_{{t−1}} + i_t ⊙ c̃_t、h_t = o_t ⊙ tanh(c_t)。",
                            "en": "Mean gates at this time: forget f_t = {f}, input i_t = {i}, output o_t = {o}. "
                                  "c_t = f_t ⊙ c_{{t−1}} + i_t ⊙ c̃_t, h_t = o_t ⊙ tanh(c_t)."},
    "lstm.arch.encdec": {"ja": "エンコーダ・デコーダ: 注意なし（左）と注意あり（右）", "en": "Encoder–decoder: without (left) and with attention (right)"},
    "lstm.arch.encdec.none": {"ja": "seq2seq ページの「注意あり・なしの比較」で 2 つのモデルを学習すると、ここにその値で"
                                    "エンコーダ・デコーダの図（注意なし: 最後の h だけがデコーダへ、注意あり: 全ての h へ重み a_t(s)）を描きます。",
                              "en": "Train the pair on the seq2seq page's “with vs without attention” tab to draw the "
                                    "encoder–decoder here from it (without: only the last h reaches the decoder; with: "
                                    "weights a_t(s) to every h)."},
    "lstm.arch.encdec.input": {"ja": "入力", "en": "Input"},
    "lstm.arch.encdec.without": {"ja": "注意なし: c = h_S だけ → 「{out}」", "en": "Without attention: only c = h_S → “{out}”"},
    "lstm.arch.encdec.with": {"ja": "注意あり: 線の濃さ = a_t(s) → 「{out}」", "en": "With attention: line = a_t(s) → “{out}”"},
    "lstm.bptt.title": {"ja": "BPTT の全体: L = Σ_t L(t) の勾配を t × k の三角形で",
                        "en": "BPTT in full: the gradient of L = Σ_t L(t) as a t × k triangle"},
    "lstm.bptt.intro": {"ja": "各時刻の損失 L(t)（次の値の予測の二乗誤差）が、時刻 k で使われた W_h にどれだけ勾配を送るかを、"
                              "学習した RNN と LSTM で比べます。行 t・列 k のマスが (∂L_t/∂h_t)(Π ∂h_i/∂h_{{i−1}})(∂h_k/∂W_h) の大きさで、"
                              "対角線から離れるほど（k が t より昔ほど）遠くへ届く勾配です。全部のマスの和が ∂L/∂W_h です。",
                        "en": "How much gradient each loss L(t) (squared error of the next-value prediction) sends to the use of "
                              "W_h at time k, for the trained RNN and LSTM. Cell (t, k) is the size of "
                              "(∂L_t/∂h_t)(Π ∂h_i/∂h_{{i−1}})(∂h_k/∂W_h); far from the diagonal = far into the past. The sum "
                              "of all cells is ∂L/∂W_h."},
    "lstm.bptt.steps": {"ja": "時刻の数 T", "en": "Time steps T"},
    "lstm.bptt.train": {"ja": "RNN と LSTM を学習（各 15 エポック）", "en": "Train the RNN and the LSTM (15 epochs each)"},
    "lstm.bptt.untrained": {"ja": "{cell} はまだ学習していません（初期値のモデルで描いています）。上のボタンか「セルの中」タブで学習できます。",
                            "en": "{cell} is not trained yet (drawn with initial weights). Train it with the button above or on the gates tab."},
    "lstm.bptt.fig": {"ja": "{cell}: ‖∂L_t/∂W_h（時刻 k 経由）‖", "en": "{cell}: ‖∂L_t/∂W_h via step k‖"},
    "lstm.bptt.reach": {"ja": "{cell}: 10 時刻前へ届く勾配（平均）", "en": "{cell}: gradient 10 steps back (mean)"},
    "lstm.bptt.check": {"ja": "三角形の全部の項の和と、L = Σ_t L(t) を 1 回 backward した ∂L/∂W_h の差: RNN {rnn}、LSTM {lstm}"
                              "（一致）。k = 1 の列が空なのは h_0 = 0 で ∂h_1/∂W_h = 0 だからです。",
                        "en": "Sum of all terms vs one backward of L = Σ_t L(t): RNN {rnn}, LSTM {lstm} (equal). The k = 1 "
                              "column is empty because h_0 = 0 makes ∂h_1/∂W_h = 0."},
    "lstm.history": {"ja": "歴史: LSTM は、RNN の勾配消失問題を解決するために Hochreiter と Schmidhuber が提案しました。"
                           "講義ノートでは年が 2 通りに書かれていますが、論文が出版されたのは 1997 年（Neural Computation 9(8)）で、"
                           "ここではその年を使います（1995 年は同じ著者の技術報告）。",
                     "en": "History: the LSTM was proposed by Hochreiter and Schmidhuber to fix the RNN's vanishing gradient. "
                           "The notes give two different years; the paper was published in 1997 (Neural Computation 9(8)), "
                           "which is the year used here (1995 was the authors' technical report)."},
}
