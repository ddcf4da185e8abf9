"""UI strings of the word2vec page's lecture-fidelity tabs (issue 16): カウントベース,
skip-gram mechanics, clustering."""

PREFIXES = ("w2v.cnt", "w2v.sg", "w2v.cl")

STRINGS = {
    # カウントベース tab
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
STRINGS.update({
    # skip-gram mechanics tab
    "w2v.sg.lead": {"ja": "skip-gram は CBOW の逆で、真ん中の 1 語から周りの単語を予測します（実際によく使われるのはこちら）。"
                          "同じ文で、CBOW（左）と skip-gram（右）を同じ重み W_in・W_out の形のまま並べ、ボタンで両方を 1 ステップずつ更新します。",
                    "en": "skip-gram predicts the surrounding words from one word; CBOW (left) and skip-gram (right) on the same sentence, updated together."},
    "w2v.sg.example": {"ja": "同じ文: **{tokens}**（文脈 ±1 語）", "en": "Same sentence: **{tokens}** (context ±1 word)"},
    "w2v.sg.step": {"ja": "両方を {n} ステップ更新", "en": "{n} step(s) for both"},
    "w2v.sg.loss": {"ja": "損失 L", "en": "Loss L"},
    "w2v.sg.cbow.flow": {"ja": "入力「{a}」「{b}」→ W_in の 2 行の平均 h → W_out → softmax →「{t}」を当てる", "en": "“{a}”, “{b}” → mean of 2 W_in rows → W_out → softmax → predict “{t}”"},
    "w2v.sg.sg.flow": {"ja": "入力「{t}」→ W_in の 1 行 h → W_out → softmax → その 1 つの分布で「{a}」（t−1）と「{b}」（t+1）の両方を当てる",
                       "en": "“{t}” → one W_in row → W_out → softmax → the same distribution scores “{a}” (t−1) and “{b}” (t+1)"},
    "w2v.sg.rows": {"ja": "入力語の W_in の行（= h の材料）", "en": "W_in rows of the input words"},
    "w2v.sg.probs": {"ja": "P(w |「{t}」): 各文脈位置で同じ分布", "en": "P(w | “{t}”): one distribution for every context position"},
    "w2v.sg.terms": {"ja": "この位置の損失: {terms} = {total:.3f}", "en": "Loss at this position: {terms} = {total:.3f}"},
    "w2v.sg.history": {"ja": "損失 L の推移（CBOW vs skip-gram）", "en": "Loss over steps (CBOW vs skip-gram)"},
    "w2v.sg.note": {"ja": "skip-gram の損失は文脈位置ごと（t−1 と t+1）の −log P の和なので、CBOW より大きな値から始まります。"
                          "1 つの softmax 分布で 2 つの単語を当てる必要があるため、1 文だけでは両方に 0.5 ずつ近づくのが最善です。",
                    "en": "skip-gram sums −log P over both context positions; one distribution must cover two words, so 0.5 each is the best it can do on one sentence."},
})
STRINGS.update({
    # clustering tab
    "w2v.cl.lead": {"ja": "言語処理100本ノック第7章の演習のように、単語の集合（初期値は国名）を k-means とウォード法の階層型クラスタリングで分け、デンドログラムと PCA の射影で見比べます。",
                    "en": "As in the 100 knocks ch. 7: k-means and Ward hierarchical clustering of a word set (default: countries), a dendrogram and the PCA projection."},
    "w2v.cl.words": {"ja": "単語の集合（空白区切り）", "en": "Words (space separated)"},
    "w2v.cl.k": {"ja": "クラスタ数 k", "en": "Clusters k"},
    "w2v.cl.cluster": {"ja": "クラスタ {n}", "en": "cluster {n}"},
    "w2v.cl.dendro": {"ja": "ウォード法 (Ward)（文字色 = k-means）", "en": "Ward dendrogram (label colour = k-means cluster)"},
    "w2v.cl.height": {"ja": "併合のコスト（距離）", "en": "Merge cost"},
    "w2v.cl.dendro.help": {"ja": "下から順に、併合しても群内の分散がいちばん増えない 2 つのクラスタをつなぎます。高い所で切るほど少ないクラスタになります。",
                           "en": "Clusters merge bottom-up, cheapest (least variance increase) first; cutting higher gives fewer clusters."},
    "w2v.cl.proj": {"ja": "PCA 射影（色 = k-means、k = {k}）", "en": "PCA projection (colour = k-means, k = {k})"},
    "w2v.cl.col.kmeans": {"ja": "k-means", "en": "k-means"},
    "w2v.cl.col.ward": {"ja": "ウォード法（同じ k で木を切る）", "en": "Ward (tree cut at the same k)"},
    "w2v.cl.note": {"ja": "ベクトルは長さ 1 に正規化（コサイン類似度と同じ幾何）。k-means の目的関数 Σ‖x − μ‖² = {inertia:.3f}。k-means は乱数の初期値に依存し（n_init = 10, seed 0）、ウォード法は決定的です。",
                    "en": "Unit-length vectors; k-means objective Σ‖x − μ‖² = {inertia:.3f}. k-means depends on its random start; Ward is deterministic."},
})
