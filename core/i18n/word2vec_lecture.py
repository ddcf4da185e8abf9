"""UI strings of the word2vec page's lecture-fidelity tabs (issue 16): カウントベース,
skip-gram mechanics, clustering."""

STRINGS = {
    # カウントベース tab
    "w2v.tab.count": {"ja": "カウントベース (count-based)", "en": "Count-based"},
    "w2v.cnt.lead": {"ja": "講義は word2vec を「カウントベース」と「推論ベース」の対比から始めます。カウントベースはコーパス全体の統計"
                           "（共起行列 → PPMI → 特異値分解 SVD）から一度に単語ベクトルを作り、推論ベース（word2vec）は小さなサンプルを見ながら重みを更新します。"
                           "ここでは組み込みコーパスで両方を作り、同じ単語の近傍を並べます。",
                     "en": "The notes contrast count-based vectors (co-occurrence → PPMI → SVD) with inference-based word2vec; both are built here from the built-in corpus."},
    "w2v.cnt.window": {"ja": "窓幅 (window)", "en": "Window"},
    "w2v.cnt.kind": {"ja": "表示する行列", "en": "Matrix shown"},
    "w2v.cnt.kind.C": {"ja": "共起行列 C（回数）", "en": "Co-occurrence counts C"},
    "w2v.cnt.kind.PPMI": {"ja": "PPMI", "en": "PPMI"},
    "w2v.cnt.dim": {"ja": "SVD の次元数 d", "en": "SVD dimensions d"},
    "w2v.cnt.cols": {"ja": "表示する文脈語の数（列）", "en": "Context words shown (columns)"},
    "w2v.cnt.rows": {"ja": "行に表示する単語（小さな語彙）", "en": "Words shown as rows (a small vocabulary)"},
    "w2v.cnt.rows.help": {"ja": "組み込みコーパスにある単語を空白区切りで。列はそれらといちばん多く共起する文脈語です（句読点は除く）。",
                          "en": "Words of the built-in corpus; columns are their strongest context words (punctuation left out)."},
    "w2v.cnt.size": {"ja": "組み込みコーパス {sents:,} 文、語彙 V = {V} 語、共起行列 {V} × {V}（0 でない要素 {nnz:,} 個、共起の総数 N = {total:,}）。",
                     "en": "Built-in corpus: {sents:,} sentences, V = {V}; a {V} × {V} matrix ({nnz:,} non-zero, N = {total:,})."},
    "w2v.cnt.heat.title": {"ja": "{kind}（窓幅 ±{window}）の一部", "en": "{kind} (window ±{window}), a part"},
    "w2v.cnt.heat.help": {"ja": "共起回数 C では「。」「を」のような高頻度語とよく共起しますが、PPMI はそれを割り引き、動物なら「餌・鳴い・飼い」、食べ物なら「食べ・注文」のような特徴的な文脈が浮かびます（分布仮説）。",
                          "en": "Raw counts favour frequent words; PPMI brings out characteristic contexts (distributional hypothesis)."},
    "w2v.cnt.svd": {"ja": "PPMI 行列 ({V} × {V}) を切り詰め SVD（scikit-learn TruncatedSVD）で d = {d} 次元に。上位の特異値: {top}",
                    "en": "PPMI ({V} × {V}) truncated to d = {d} with scikit-learn's TruncatedSVD; top singular values: {top}"},
    "w2v.cnt.cmp.title": {"ja": "近傍の比較: カウントベース (PPMI + SVD) vs 推論ベース (word2vec)", "en": "Neighbours: count-based vs word2vec"},
    "w2v.cnt.cmp.lead": {"ja": "同じコーパス・同じ窓幅・同じ次元数 d で word2vec（gensim）を学習して、同じ単語の近傍トップ 5 を並べます。",
                         "en": "Train word2vec on the same corpus with the same window and d, and compare the top-5 neighbours."},
    "w2v.cnt.queries": {"ja": "比べる単語", "en": "Words to compare"},
    "w2v.cnt.train": {"ja": "{model} を学習（窓幅 {window}・{d} 次元・10 エポック）", "en": "Train {model} (window {window}, d = {d}, 10 epochs)"},
    "w2v.cnt.col.svd": {"ja": "カウントベース PPMI + SVD（{d} 次元）", "en": "count-based PPMI + SVD (d = {d})"},
    "w2v.cnt.col.w2v": {"ja": "推論ベース word2vec {model}（{d} 次元）", "en": "inference-based word2vec {model} (d = {d})"},
    "w2v.cnt.none": {"ja": "word2vec はまだ学習していません。ボタンで学習すると右の列に並びます。", "en": "word2vec not trained yet: press the button to add its column."},
    "w2v.cnt.stale": {"ja": "学習済みの word2vec は設定が違います（窓幅 {window}・{d} 次元・sg={sg}）。今の設定で学習し直すと並びます。",
                      "en": "The trained word2vec used other settings (window {window}, d = {d}, sg = {sg}); train again."},
    "w2v.cnt.cmp.note": {"ja": "どちらも同じ分布仮説に立つので、近傍はよく似ます。カウントベースは全体の統計を一度に使い（語彙が増えると V × V 行列が大きくなる）、"
                               "推論ベースはミニバッチで少しずつ学習します（新しい文で追加学習しやすい）。",
                         "en": "Both rest on the distributional hypothesis; count-based uses global statistics at once, word2vec learns from small samples."},
}
