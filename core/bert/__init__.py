"""BERT: models, fill-mask, MLM, sentiment, fine-tuning (issue #7) and the word-vector baseline (issue #9)."""
