"""The command line's help texts and operator messages (core/cli/), shown in both languages at
once as "日本語 / English" by ``core.cli.common.both(key)``."""

PREFIXES = ("cli",)

STRINGS = {
    "cli.group.basics": {"ja": "ニューラルネットの基礎: softmax・エントロピー・逆伝播・2D 分類", "en": "NN basics"},
    "cli.group.env": {"ja": "実行環境（デバイス・バージョン）を表示", "en": "show device and versions"},
    "cli.group.word2vec": {"ja": "単語ベクトル: 類似語・アナロジー・評価・学習", "en": "word vectors"},
    "cli.group.rnn": {"ja": "RNN / LSTM / GRU の学習と勾配（別名 lstm）", "en": "recurrent networks (alias: lstm)"},
    "cli.group.seq2seq": {"ja": "系列変換（日付正規化・翻訳）", "en": "encoder-decoder"},
    "cli.group.attention": {"ja": "注意機構の計算", "en": "attention math"},
    "cli.group.transformer": {"ja": "Transformer: ミニ GPT・ミニ BERT の学習と生成", "en": "mini Transformer models"},
    "cli.group.bert": {"ja": "BERT: 穴埋め・感情分析・ファインチューニング", "en": "BERT"},
    "cli.group.models": {"ja": "モデルの状態・ダウンロード・ウォームアップ", "en": "models"},
    "cli.group.bench": {"ja": "ベンチマーク（JSON を出力）", "en": "benchmarks"},
    "cli.group.classroom": {"ja": "授業モード: 確認クイズ", "en": "classroom quick checks"},
    "cli.group.serve": {"ja": "N 個のプロセス + Redis + HAProxy で起動（大教室）", "en": "serve N workers behind a sticky proxy"},
    "cli.basics.softmax": {"ja": "ソフトマックス", "en": "softmax of logits"},
    "cli.basics.entropy": {"ja": "エントロピー（ビット）", "en": "entropy in bits"},
    "cli.basics.cross-entropy": {"ja": "交差エントロピー H(p, q) か one-hot の正解", "en": "cross entropy"},
    "cli.basics.backprop": {"ja": "連鎖律の勾配と autograd の比較", "en": "chain rule vs autograd"},
    "cli.basics.playground": {"ja": "2D 分類の MLP を学習", "en": "train the 2-D playground MLP"},
    "cli.basics.knock": {"ja": "100本ノック 第8章 70–72: x (n × 300)、W (300 × 4)、ŷ、損失", "en": "chapter-8 shapes"},
    "cli.bench.load": {"ja": "N 人の学生が WebSocket で実サーバーを操作する負荷試験", "en": "class load test (Locust)"},
    "cli.bert.fill-mask": {"ja": "[MASK] の穴埋め", "en": "fill-mask"},
    "cli.bert.sentiment": {"ja": "感情分析", "en": "sentiment"},
    "cli.bert.baseline": {"ja": "単語ベクトルの平均 → 線形層 の感情分類（BERT なし・オフライン）", "en": "mean-vector baseline"},
    "cli.bert.finetune": {"ja": "ファインチューニング", "en": "fine-tuning"},
    "cli.classroom.quiz": {"ja": "ページの確認クイズ", "en": "a page's quick checks"},
    "cli.classroom.store": {"ja": "授業データの置き場所 (メモリ / Redis) を確かめる", "en": "check the class store"},
    "cli.rnn.train": {"ja": "時系列予測モデルを学習して検証 MSE を出す", "en": "train a forecaster"},
    "cli.rnn.gradnorm": {"ja": "‖∂L_T/∂h_k‖ を k = 1..T について", "en": "gradient norm through time"},
    "cli.word2vec.neighbors": {"ja": "類似語トップ N", "en": "most similar words"},
    "cli.word2vec.analogy": {"ja": "アナロジー: positive − negative", "en": "analogy"},
    "cli.word2vec.eval-pairs": {"ja": "単語ペア類似度 CSV でスピアマン相関と被覆率", "en": "word-pair evaluation"},
    "cli.word2vec.eval-analogy": {"ja": "questions-words 形式のアナロジー正解率", "en": "analogy accuracy"},
    "cli.word2vec.train": {"ja": "gensim Word2Vec を学習して .kv に保存", "en": "train word2vec"},
    # python -m core serve: the operator's terminal
    "cli.serve.running": {"ja": "Ctrl-C で停止", "en": "Ctrl-C stops all."},
    "cli.serve.warning": {"ja": "警告", "en": "warning"},
    "cli.serve.dead": {"ja": "エラー: サービスを続けられません", "en": "cannot serve any more"},
    "cli.serve.stopping": {"ja": "停止します", "en": "stopping"},
}
