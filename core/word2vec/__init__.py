"""word2vec (issue #3): vector sources and queries, gensim training, the teaching CBOW,
projections and evaluation. Importable without Streamlit.

- vectors.py   sources (embedded chiVe from ja_ginza, user files, gensim-data), lookup with
               fallbacks (as typed → Sudachi normalised → unidic lemma → phrase)
- query.py     neighbours, similarity, doesnt_match, analogy (validated top-N)
- project.py   PCA / t-SNE projections of a word set (+ analogy arrows)
- evaluate.py  word-pair similarity (Spearman ρ, coverage), questions-words analogy accuracy
- train.py     gensim Word2Vec with per-epoch progress, Stop, limits, word2vec text export
- sample_corpus.py  the built-in template corpus (distributional hypothesis made visible)
- cbow.py      a tiny CBOW in torch (W_in, W_out, softmax, loss) + negative sampling view
- figures.py   the page's plotly figures (scatter, heatmap, lines, dendrogram; score bars: core.figures)
"""
