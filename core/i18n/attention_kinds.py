"""Strings of the attention page's 「注意の種類と辞書」 section (issue 27, items 2–3)."""
PREFIXES = ("att.kinds", "att.dict")
STRINGS = {
    "att.kinds.title": {"ja": "加法注意 (additive) と内積注意 (dot-product)", "en": "Additive vs dot-product attention"},
    "att.kinds.additive": {"ja": "加法注意 (additive, Bahdanau): 小さな FFN でクエリとキーの相性を計算",
                           "en": "Additive (Bahdanau): a small FFN scores query and key"},
    "att.kinds.dot": {"ja": "内積注意 (dot-product, Luong): パラメータなし、行列積 1 回で効率的",
                      "en": "Dot-product (Luong): no parameters, one matrix product"},
    "att.kinds.d": {"ja": "状態の次元 d", "en": "State size d"},
    "att.kinds.col.kind": {"ja": "種類", "en": "Kind"},
    "att.kinds.col.params": {"ja": "スコア関数のパラメータ数", "en": "Score-function parameters"},
    "att.kinds.col.ms": {"ja": "1 ステップの時間 (ms)", "en": "Time per step (ms)"},
    "att.kinds.col.seconds": {"ja": "学習時間（秒）", "en": "Training time (s)"},
    "att.kinds.kind.dot": {"ja": "内積 qᵀk", "en": "dot qᵀk"},
    "att.kinds.kind.general": {"ja": "一般 qᵀW_a k", "en": "general qᵀW_a k"},
    "att.kinds.kind.additive": {"ja": "加法 vᵀtanh(W₁q + W₂k)", "en": "additive vᵀtanh(W₁q + W₂k)"},
    "att.kinds.time_help": {"ja": "時間は seq2seq ページと同じ注意モジュールで、64 文 × 出力 12 ステップ × 入力 20 状態をまとめて計算した中央値（このサーバーで今測った値）。"
                                  "加法注意は (出力ステップ × 入力) の全組で d 次元の tanh を計算するので遅く、内積注意は行列積 1 回です。",
                            "en": "Median over repeats of one batched computation (64 sentences × 12 output steps × 20 inputs) with "
                                  "the seq2seq page's attention module, measured now on this server."},
    "att.kinds.acc": {"ja": "同じ課題・同じ予算での正解率（GRU、隠れ層 64、交互に 1 エポックずつ）",
                      "en": "Accuracy on the same task at the same budget (GRU, hidden 64, one epoch each in turn)"},
    "att.kinds.task": {"ja": "課題", "en": "Task"},
    "att.kinds.start": {"ja": "内積と加法を同じ予算で学習", "en": "Train dot and additive at the same budget"},
    "att.kinds.none": {"ja": "ボタンを押すと、2 つのモデルを同じ条件で学習して比べます。", "en": "Press the button to train both under the same conditions."},
    "att.dict.title": {"ja": "辞書としての注意 (query / key / value)", "en": "Attention as a dictionary (query / key / value)"},
    "att.dict.intro": {"ja": "辞書はクエリと**一致する**キーの値を 1 つ返します（ハードな参照）。注意は、クエリとの内積 q·k が大きいキーほど大きな重み "
                             "w = softmax(β · q Kᵀ) を付けて、**全部の値**の重み付き和 Σ wᵢ vᵢ を返します（ソフトな参照）。"
                             "表のキー・値とクエリを書き換え、スケール β を上げてみてください: 重みが 1 つに集中し、ソフトな参照がハードな参照（最も合うキーの値）に近づきます。",
                       "en": "A dictionary returns the value of the key that matches (hard look-up). Attention weights every "
                             "value by softmax(β · q Kᵀ) and returns Σ wᵢ vᵢ (soft look-up). Edit the table and raise β: the "
                             "weights concentrate and the soft look-up approaches the hard one."},
    "att.dict.same": {"ja": "キーと値を同じにする (K = V)", "en": "Keys = values (K = V)"},
    "att.dict.same.help": {"ja": "オフ: キーと値が別の表 (K ≠ V、Memory Networks の見方)。オン: キー自身を値として返す（seq2seq の注意ではエンコーダの状態がキーでも値でもある）。",
                           "en": "Off: separate key and value tables (K ≠ V, the Memory-Networks view). On: keys are returned as values (as in seq2seq attention)."},
    "att.dict.same.note": {"ja": "K = V: 値の列（v1, v2）は使わず、キーそのものを混ぜて返しています。", "en": "K = V: the value columns are ignored; the keys themselves are mixed."},
    "att.dict.scale": {"ja": "スケール β（大きいほどハード）", "en": "Scale β (larger = harder)"},
    "att.dict.weight": {"ja": "重み w", "en": "weight w"},
    "att.dict.chart": {"ja": "各キーへの重み（β = {b:g}）", "en": "Weight on each key (β = {b:g})"},
    "att.dict.result": {"ja": "ソフトな参照 Σ wᵢ vᵢ = ({soft})、ハードな参照（最も合うキー #{i} の値）= ({hard})。重みのエントロピー {h:.3f} nats（0 = 1 つだけを見る）。",
                        "en": "Soft look-up Σ wᵢ vᵢ = ({soft}); hard look-up (value of best key #{i}) = ({hard}). Weight entropy {h:.3f} nats (0 = one key only)."},
}
