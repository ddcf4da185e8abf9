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
STRINGS.update({
    # skip-gram mechanics tab
    "w2v.tab.skipgram": {"ja": "仕組み (skip-gram)", "en": "Mechanics (skip-gram)"},
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
