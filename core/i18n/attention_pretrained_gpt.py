"""Strings of the attention page's pretrained-GPT section (issue 27, item 10)."""
PREFIXES = ("att.pgpt",)
STRINGS = {
    "att.pgpt.intro": {"ja": "大きなコーパスで事前学習した日本語 GPT（デコーダだけの Transformer）で、次のトークンの確率を見ます。"
                             "温度 (temperature) で分布を尖らせ・平らにし、top-k は上位 k 個、top-p（nucleus）は確率の合計が p に達するまでの上位だけを残します。"
                             "モデルはサイドバーの欄・許可リスト・ダウンロードボタン・サイズ上限・メモリ予算を BERT と共有します。",
                       "en": "A Japanese GPT pretrained on a large corpus (a decoder-only Transformer): next-token probabilities. "
                             "Temperature sharpens or flattens, top-k keeps the k best, top-p (nucleus) keeps the best tokens until "
                             "their mass reaches p. The model shares the sidebar field, allow-list, download button, size cap and "
                             "memory budget with the BERT models."},
    "att.pgpt.no_mini": {"ja": "オフラインです。「ミニGPT」タブでミニ GPT を学習すると、ここで代わりに使えます。",
                         "en": "Offline. Train a mini-GPT on the mini-GPT tab to use it here instead."},
    "att.pgpt.mini_label": {"ja": "代わりに、このアプリで学習したミニ GPT（事前学習済みではありません）を使っています。",
                            "en": "Using the mini-GPT trained in this app instead (not a pretrained model)."},
    "att.pgpt.prompt": {"ja": "書き出し (prompt)", "en": "Prompt"},
    "att.pgpt.temperature": {"ja": "温度 τ（0 = 貪欲）", "en": "Temperature τ (0 = greedy)"},
    "att.pgpt.top_k": {"ja": "top-k（0 = 制限なし）", "en": "top-k (0 = off)"},
    "att.pgpt.top_k.help": {"ja": "確率の高い k 個だけを残して足し直します。", "en": "Keep the k most probable tokens and renormalise."},
    "att.pgpt.top_p": {"ja": "top-p（nucleus、1 = 制限なし）", "en": "top-p (nucleus, 1 = off)"},
    "att.pgpt.top_p.help": {"ja": "確率の高い順に足して合計が p に達するまでのトークンだけを残します。",
                            "en": "Keep the most probable tokens until their total reaches p."},
    "att.pgpt.raw": {"ja": "元の確率 softmax(z)", "en": "raw softmax(z)"},
    "att.pgpt.after": {"ja": "温度・top-k・top-p の後", "en": "after τ, top-k, top-p"},
    "att.pgpt.bars": {"ja": "次のトークンの確率（上位 10、残るトークン {kept} 個）", "en": "Next-token probabilities (top 10; {kept} tokens kept)"},
    "att.pgpt.steps": {"ja": "1 トークンずつ生成する数", "en": "Tokens to generate step by step"},
    "att.pgpt.top5": {"ja": "そのステップの上位 5（確率）", "en": "Top 5 at that step"},
    "att.pgpt.attention": {"ja": "全層 × 全ヘッドの注意（{L} 層 × {H} ヘッド、因果マスクで右上は 0）",
                           "en": "Attention of every layer × head ({L} × {H}; the causal mask zeroes the upper right)"},
}
