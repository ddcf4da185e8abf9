"""Strings of the seq2seq page's T5-style multi-task tab (issue 27, item 8)."""
PREFIXES = ("s2s.mt5",)
STRINGS = {
    "s2s.mt5.explain": {"ja": "T5 は「タスクの指示 + 入力 → 出力」で、どんな課題も同じ 1 つの encoder–decoder に解かせます。"
                              "ここでは入力の先頭に**タスク接頭辞**（「日付の正規化: 」「足し算: 」「英訳: 」）を付け、1 つのモデルで全タスクを同時に学習します。"
                              "比較のため、同じ構造・同じ学習時間でタスクごとに 1 つずつ学習したモデルも作り、各タスクの検証データの完全一致率を並べます"
                              "（モデルは文字単位の GRU + 加法注意。CLI の --cell transformer で T5 と同じ Transformer にできます）。",
                        "en": "T5 casts every problem as \"task instruction + input → output\" for one encoder–decoder. Here each "
                              "input starts with a **task prefix** and one model learns all tasks at once; for comparison, one "
                              "model per task trains with the same architecture and time. Exact match on each task's validation part "
                              "(character-level GRU + additive attention; --cell transformer in the CLI for T5's Transformer)."},
    "s2s.mt5.col.task": {"ja": "タスク", "en": "Task"},
    "s2s.mt5.col.example": {"ja": "入力 → 出力の例", "en": "Example input → output"},
    "s2s.mt5.col.multi": {"ja": "マルチタスク（1 モデル）", "en": "Multi-task (one model)"},
    "s2s.mt5.col.single": {"ja": "単一タスク（タスクごと）", "en": "Single task (one per task)"},
    "s2s.mt5.task.dates": {"ja": "日付の正規化", "en": "Date normalisation"},
    "s2s.mt5.task.addition": {"ja": "足し算", "en": "Addition"},
    "s2s.mt5.task.translate": {"ja": "英訳（小さな文法）", "en": "Toy ja→en"},
    "s2s.mt5.tasks": {"ja": "タスク", "en": "Tasks"},
    "s2s.mt5.seconds": {"ja": "各モデルの学習時間（秒）", "en": "Training time per model (s)"},
    "s2s.mt5.n": {"ja": "タスクごとのデータ数", "en": "Examples per task"},
    "s2s.mt5.pick": {"ja": "タスクを 1 つ以上選んでください。", "en": "Pick at least one task."},
    "s2s.mt5.start": {"ja": "学習して比べる（合計 約 {total} 秒）", "en": "Train and compare (about {total} s in all)"},
    "s2s.mt5.none": {"ja": "まだ学習していません。", "en": "Not trained yet."},
    "s2s.mt5.summary": {"ja": "各モデル {s:g} 秒の同じ予算で: マルチタスクの方が良かったタスク: {better}。悪かったタスク: {worse}。"
                              "データが少ない・時間が短いと、1 つのモデルが全タスクを覚えるのに時間を取られて単一タスクに負けることがあります。",
                        "en": "At the same budget of {s:g} s per model — multi-task better on: {better}; worse on: {worse}. With "
                              "little data or time, one model learning every task can fall behind the specialists."},
}
