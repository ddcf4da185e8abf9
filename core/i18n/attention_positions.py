"""Strings of the positional encodings side by side (issue 27, item 4)."""
PREFIXES = ("att.pos",)
STRINGS = {
    "att.pos.title": {"ja": "3 つの位置エンコーディングを並べる: 正弦波・学習する位置埋め込み・RoPE",
                      "en": "Three positional encodings side by side: sinusoidal, learned, RoPE"},
    "att.pos.col.pair": {"ja": "次元の組 (2i, 2i+1)", "en": "Dimension pair (2i, 2i+1)"},
    "att.pos.col.wave": {"ja": "波長 λ_i（位置）", "en": "Wavelength λ_i (positions)"},
    "att.pos.col.ratio": {"ja": "= ? × 2π", "en": "= ? × 2π"},
    "att.pos.wave.help": {"ja": "正弦波の位置エンコーディングでは、次元の組 i が λ_i = 2π · 10000^(2i/{d}) 位置ごとに繰り返します。"
                                "最初の組は 2π ≈ 6.3 位置、最後の組はほぼ 10000 · 2π 位置（波長が等比数列で伸びる）。",
                          "en": "Dimension pair i repeats every λ_i = 2π · 10000^(2i/{d}) positions: from 2π for the first pair to "
                                "almost 10000 · 2π for the last (a geometric progression)."},
    "att.pos.learned": {"ja": "学習する位置埋め込み（この場で学習した mini-BERT の表 P、位置 0–99）",
                        "en": "Learned position embeddings (the table P of a mini-BERT trained here, positions 0–99)"},
    "att.pos.learned.none": {"ja": "保存済みの mini-BERT がありません。BERT ページで事前学習して保存すると、その位置埋め込みの表がここに出ます。",
                             "en": "No saved mini-BERT yet. Pre-train and save one on the BERT page to see its position table here."},
    "att.pos.learned.help": {"ja": "{n} 位置 × {d} 次元。BERT は位置ごとに 1 本のベクトルを学習して足します。周期性は決めておらず、"
                                   "マスク言語モデルの損失を下げるのに役立った形になっています（短い学習では近くの位置ほど似る程度）。",
                             "en": "{n} positions × {d} dimensions. BERT learns one vector per position and adds it; no periodicity is imposed."},
    "att.pos.rope": {"ja": "RoPE（回転位置埋め込み）: cos(pos · θ_i)、位置 0–99", "en": "RoPE: cos(pos · θ_i), positions 0–99"},
    "att.pos.rope.help": {"ja": "RoPE は埋め込みに足すのではなく、各ヘッドの Q と K の次元の組 i を角度 pos · θ_i（θ_i = 10000^(−2i/d_k)）だけ回転します。"
                                "周波数は正弦波と同じですが、値 V は回しません。",
                          "en": "RoPE adds nothing to the embedding: it rotates pair i of each head's Q and K by pos · θ_i "
                                "(θ_i = 10000^(−2i/d_k)), the sinusoid's frequencies; V is not rotated."},
    "att.pos.rope.rel": {"ja": "同じ q と k を位置 m, n に置いたときの q'_mᵀ k'_n: 対角線に沿って一定 = 相対位置 m − n だけで決まる",
                         "en": "q'_mᵀ k'_n for the same q, k at positions m, n: constant along diagonals = depends on m − n only"},
    "att.pos.cmp": {"ja": "ミニ GPT の位置エンコーディングを変えて、同じ予算での検証損失を比べる（組み込みの文章、文字単位）",
                    "en": "The mini-GPT with each positional encoding, validation loss at the same budget (built-in text, characters)"},
    "att.pos.cmp.seconds": {"ja": "各モデルの学習時間（秒）", "en": "Training time per model (s)"},
    "att.pos.cmp.start": {"ja": "3 種類を学習して比べる（約 {s} 秒）", "en": "Train all three and compare (about {s} s)"},
    "att.pos.cmp.none": {"ja": "ボタンを押すと、正弦波・学習・RoPE の 3 つのミニ GPT を同じ条件で学習します（CLI: transformer train-lm --pos）。",
                         "en": "Press the button to train three mini-GPTs (sinusoidal, learned, RoPE) under the same conditions (CLI: transformer train-lm --pos)."},
    "att.pos.col.kind": {"ja": "位置エンコーディング", "en": "Positional encoding"},
    "att.pos.col.val": {"ja": "検証損失 (nats/文字)", "en": "Validation loss (nats/char)"},
    "att.pos.col.params": {"ja": "パラメータ数", "en": "Parameters"},
    "att.pos.col.seconds": {"ja": "学習時間（秒）", "en": "Training time (s)"},
    "att.pos.kind.sinusoidal": {"ja": "正弦波 (sinusoidal)", "en": "sinusoidal"},
    "att.pos.kind.learned": {"ja": "学習する位置埋め込み (learned)", "en": "learned"},
    "att.pos.kind.rope": {"ja": "RoPE", "en": "RoPE"},
}
