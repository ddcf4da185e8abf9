"""ELMo in the model-family card (issue 27, item 9): BERT's figure 1 — bidirectional encoder vs
left-to-right decoder vs the concatenation of a left-to-right and a right-to-left LSTM."""
PREFIXES = ("tf.fam.elmo",)
STRINGS = {
    "tf.fam.elmo": {"ja": "ELMo", "en": "ELMo"},
    "tf.fam.elmo.arch": {"ja": "Transformer ではなく LSTM: 左→右の LSTM 言語モデルと右→左の LSTM 言語モデルを別々に学習",
                         "en": "not a Transformer: a left-to-right and a right-to-left LSTM language model, trained separately"},
    "tf.fam.elmo.mask": {"ja": "マスクなし（各 LSTM は片側しか読まないので答えを見ない）",
                         "en": "no mask (each LSTM reads one side only, so it never sees the answer)"},
    "tf.fam.elmo.objective": {"ja": "次の単語の予測（左→右）と前の単語の予測（右→左）",
                              "en": "next word (left to right) and previous word (right to left)"},
    "tf.fam.elmo.direction": {"ja": "両方向を**つなげるだけ** [h→ ; h←]（浅い双方向。BERT は全層で深く双方向）",
                              "en": "both directions, only **concatenated** [h→ ; h←] (shallow; BERT is deeply bidirectional)"},
    "tf.fam.elmo.here": {"ja": "LSTM ページの双方向 RNN（[h→_t ; h←_t]）", "en": "the LSTM page's bidirectional RNN ([h→_t ; h←_t])"},
    "tf.fam.elmo.example": {"ja": "「猫は窓の」→ 左→右の LSTM が「そ」を、右→左の LSTM が後ろから前の語を予測し、2 つの隠れ状態をつなげて単語の表現にする",
                            "en": "a forward LSTM predicts the next word, a backward one the previous word; their states are concatenated"},
    "tf.fam.elmo.figure": {"ja": "BERT 論文の図 1: BERT = 双方向の Transformer エンコーダ、OpenAI GPT = 左から右への Transformer デコーダ、"
                                 "ELMo = 左→右と右→左の LSTM をそれぞれ学習してつなげたもの。",
                           "en": "BERT's figure 1: BERT = bidirectional Transformer encoder, OpenAI GPT = left-to-right Transformer "
                                 "decoder, ELMo = separately trained left-to-right and right-to-left LSTMs, concatenated."},
    "tf.fam.elmo.link": {"ja": "LSTM ページの双方向 RNN へ", "en": "To the LSTM page's bidirectional RNN"},
}
