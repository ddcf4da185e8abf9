"""Recurrent networks for the LSTM page (issue #4).

- cells.py   RNN / LSTM / GRU cells written from the lecture's equations, stacked layers,
             the bidirectional wrapper, and the fused (torch) path for speed.
- limits.py  the series / window / step caps and the cell check (run caps: core/limits.py).
- data.py    time series (synthetic and real) and training windows.
- models.py  Forecaster (window → next value), Denoiser (bidirectional labelling), TokenLM.
- train.py   RNNConfig (cell, hidden, layers, direction, fused, peephole), RNNRun (the recurrent
             runs' base on core/training.py's loop) and the forecasting runs.
- bidir.py, seqtasks.py, blank.py   denoising (bidirectional), classification vs labelling, blanks.
- lm.py      RNNLMRun: the recurrent language model (text, tokens, sampling: core/lm).
- probes.py  gate traces over time and ‖∂L_T/∂h_k‖ through time (vanishing / exploding).
"""

CELL_TYPES = ("rnn", "lstm", "gru")
CELL_LABELS = {"rnn": "RNN", "lstm": "LSTM", "gru": "GRU"}
