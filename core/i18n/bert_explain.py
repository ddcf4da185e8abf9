"""UI strings of the sentiment tab's attribution view (issue 16 item 13)."""

PREFIXES = ("bert.ex",)

STRINGS = {
    "bert.ex.title": {"ja": "どの語が予測を動かしたか（注意と勾配による寄与）", "en": "Which words drove the prediction"},
    "bert.ex.lead.bert": {"ja": "講義では、感情分類で注意が極性の語（良い・残念…）に集まる例を見ました。ここでは 3 つの見方を並べます: "
                                "最終層の [CLS] からの注意（全ヘッドの平均）、勾配 × 入力、統合勾配 (integrated gradients, Captum)。"
                                "赤 = 予測したクラスに寄与、青 = 逆向き。各行は最大の絶対値で割っています。",
                          "en": "Three views: last-layer attention from [CLS] (mean of heads), gradient × input, integrated gradients (Captum). Red = towards the predicted class."},
    "bert.ex.lead.baseline": {"ja": "単語ベクトル平均のモデルには注意がないので、勾配 × 入力と統合勾配 (Captum) だけです（線形モデルでは両者は W_y · v_i / T で一致）。",
                              "en": "The mean-vector model has no attention: gradient × input and integrated gradients (equal for the linear model)."},
    "bert.ex.fig": {"ja": "予測「{label}」への各トークンの寄与", "en": "Per-token contribution to “{label}”"},
    "bert.ex.m.attention": {"ja": "[CLS] からの注意", "en": "attention from [CLS]"},
    "bert.ex.m.grad_x_input": {"ja": "勾配 × 入力", "en": "gradient × input"},
    "bert.ex.m.integrated_gradients": {"ja": "統合勾配", "en": "integrated gradients"},
    "bert.ex.ig_delta": {"ja": "統合勾配の完全性の誤差 |Σ 寄与 − (f(x) − f(0))| = {delta:.2e}（0 に近いほど積分が正確）",
                         "en": "Integrated-gradients completeness error: {delta:.2e}"},
    "bert.ex.caveat": {"ja": "注意は説明ではありません (attention is not explanation): 注意の重みは [CLS] がどこを見たかで、どの語が出力を変えたかではありません。"
                             "注意と勾配の寄与が食い違うことはよくあります（Jain & Wallace 2019; Wiegreffe & Pinter 2019）。",
                       "en": "Attention is not explanation: weights show where [CLS] looked, not what changed the output (Jain & Wallace 2019; Wiegreffe & Pinter 2019)."},
    "bert.ex.run": {"ja": "寄与を計算する（統合勾配: 約 33 回の順伝播＋逆伝播）", "en": "Compute the contributions (integrated gradients: about 33 forward + backward passes)"},
    "bert.ex.running": {"ja": "寄与を計算しています…", "en": "Computing the contributions…"},
}
