"""ノートとの違い (issue 27, item 13): where a worked number of the lecture notes is rounded or
slightly off, the exact value and a one-line note — one list, so a lecturer can correct the slides.

``SLIPS``: (key, page file, tab i18n key); the texts are the STRINGS entries
``slip.<key>.notes`` (what the notes write), ``slip.<key>.exact`` (the exact value, computed
below) and ``slip.<key>.note`` (the one-line difference).
"""
import math

_E6, _E4 = math.exp(6), math.exp(4)
_P6, _P4 = _E6 / (_E6 + _E4), _E4 / (_E6 + _E4)

SLIPS = [
    ("softmax", "pages/basics/page.py", "basics.tab.softmax"),
    ("xent", "pages/basics/page.py", "basics.tab.entropy"),
    ("onehot", "pages/word2vec/page.py", "w2v.tab.mechanics"),
    ("lstm_year", "pages/lstm/page.py", "lstm.tab.gates"),
    ("mask", "pages/attention/page.py", "att.tab.sdpa"),
    ("scale", "pages/attention/page.py", "att.tab.sdpa"),
]

PREFIXES = ("slip",)
STRINGS = {
    "slip.title": {"ja": "ノートとの違い（講義資料の数値の丸め・書き違い）", "en": "Where the notes' numbers slip"},
    "slip.lead": {"ja": "講義資料の計算例のうち、丸めや書き違いがある所の正確な値です。スライドを直すときの参考に。",
                  "en": "Worked numbers of the notes that are rounded or slightly off, with the exact values."},
    "slip.col.notes": {"ja": "ノート", "en": "Notes"},
    "slip.col.exact": {"ja": "正確な値", "en": "Exact"},
    "slip.label": {"ja": "ノートとの違い", "en": "Difference from the notes"},
    "slip.softmax.notes": {"ja": "softmax(6, 4) の第 1 成分を「6/458」と書いている",
                           "en": "softmax(6, 4)'s first entry written as \"6/458\""},
    "slip.softmax.exact": {"ja": f"e⁶ / (e⁶ + e⁴) = {_E6:.2f} / {_E6 + _E4:.2f} = {_P6:.6f}（第 2 成分 {_P4:.6f}）",
                           "en": f"e⁶ / (e⁶ + e⁴) = {_E6:.2f} / {_E6 + _E4:.2f} = {_P6:.6f} (second {_P4:.6f})"},
    "slip.softmax.note": {"ja": "分子は 6 ではなく e⁶ ≈ 403.4（458 は e⁶ + e⁴ の丸め）。",
                          "en": "The numerator is e⁶ ≈ 403.4, not 6 (458 is e⁶ + e⁴ rounded)."},
    "slip.xent.notes": {"ja": "交差エントロピーを丸めた確率・丸めた対数から計算（−log 0.88 ≈ 0.13）",
                        "en": "Cross entropy from a rounded probability and rounded logs (−log 0.88 ≈ 0.13)"},
    "slip.xent.exact": {"ja": f"−ln {_P6:.6f} = {-math.log(_P6):.6f} nats（丸めた 0.88 からは {-math.log(0.88):.6f}）",
                        "en": f"−ln {_P6:.6f} = {-math.log(_P6):.6f} nats (from the rounded 0.88: {-math.log(0.88):.6f})"},
    "slip.xent.note": {"ja": "丸めは最後に 1 回だけ。途中で丸めると小数第 3 位がずれます。",
                       "en": "Round once, at the end; rounding midway moves the third decimal."},
    "slip.onehot.notes": {"ja": "one-hot [0 1 0 0 0 0] × W_in（語彙 8 × 隠れ 3）= 2 行目",
                          "en": "one-hot [0 1 0 0 0 0] × W_in (8 words × 3) = row 2"},
    "slip.onehot.exact": {"ja": "[0 1 0 0 0 0 0 0]（8 成分）× W_in = 2 行目", "en": "[0 1 0 0 0 0 0 0] (8 entries) × W_in = row 2"},
    "slip.onehot.note": {"ja": "one-hot の長さは W_in の行数（語彙数 8）と同じでないと積が定義されません。",
                         "en": "The one-hot needs as many entries as W_in has rows (8 words), or the product is undefined."},
    "slip.lstm_year.notes": {"ja": "LSTM の発表年が資料によって 1995 年と 1997 年",
                             "en": "The LSTM dated 1995 in one place and 1997 in another"},
    "slip.lstm_year.exact": {"ja": "Hochreiter & Schmidhuber, Neural Computation 9(8), 1997（1995 年は技術報告）",
                             "en": "Hochreiter & Schmidhuber, Neural Computation 9(8), 1997 (1995: the technical report)"},
    "slip.lstm_year.note": {"ja": "このアプリは論文の 1997 年で統一しています。", "en": "This app uses the journal paper's 1997 throughout."},
    "slip.mask.notes": {"ja": "デコーダのマスクを「1 で埋める」", "en": "The decoder mask \"filled with 1\""},
    "slip.mask.exact": {"ja": "スコア QKᵀ/√d_k に足すマスク: 未来の位置は −∞、それ以外は 0（softmax 後の重みは未来が 0）",
                        "en": "The mask added to QKᵀ/√d_k: −∞ for future positions, 0 elsewhere (future weights become 0)"},
    "slip.mask.note": {"ja": "1 で埋めても softmax は未来を消せません。真偽値のマスクなら「見てよい所 = 1 (True)」の意味です。",
                       "en": "Filling with 1 does not remove the future; as a boolean mask, 1 (True) means \"may attend\"."},
    "slip.scale.notes": {"ja": "スケールを √(埋め込みの次元) = √512 と書いている", "en": "The scale written as √(embedding dim) = √512"},
    "slip.scale.exact": {"ja": f"√d_k = √(d_model / h) = √64 = 8（√512 ≈ {math.sqrt(512):.2f} ではない）",
                         "en": f"√d_k = √(d_model / h) = √64 = 8 (not √512 ≈ {math.sqrt(512):.2f})"},
    "slip.scale.note": {"ja": "割るのは 1 ヘッドのキーの次元 d_k の平方根です（qᵀk の分散が d_k に比例するため）。",
                        "en": "Divide by the square root of one head's key size d_k (the variance of qᵀk grows with d_k)."},
}
