"""Language models on a text, shared by the LSTM LM (core/lstm/lm.py) and the mini-GPT
(core/transformer/lm.py).

- text.py      the built-in text, the text check (prepare_text), char / word tokens, Vocab
- sampling.py  temperature, top-k, top-p (nucleus) and the draw of the next token
- run.py       LMRun: tokens, split, batches, cross-entropy, perplexity, top-k view, generation
"""
from core.lm.run import MAX_GENERATE, LMRun, token_loss
from core.lm.sampling import probabilities, sample
from core.lm.text import BUILTIN_TEXT, Vocab, prepare_text, tokens_of

__all__ = ["BUILTIN_TEXT", "LMRun", "MAX_GENERATE", "Vocab", "prepare_text", "probabilities", "sample",
           "token_loss", "tokens_of"]
