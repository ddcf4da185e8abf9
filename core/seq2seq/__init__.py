"""seq2seq (issue #5): encoder–decoder with and without attention.

dates.py / grammar.py / data.py (datasets, tokens, vocabularies) · model.py (encoder, decoder,
attention scores) · transformer.py (the Transformer encoder–decoder, same
interface) · train.py (one training loop for page and CLI) · decode.py (greedy, beam,
``translate``) · checkpoint.py (safetensors + JSON) · date_model.py (the shared default model)
· pretrained.py (MarianMT with cross-attention) · figures.py (plotly figures).
"""
