"""Recurrent networks for the LSTM page (issue #4).

- cells.py   RNN / LSTM / GRU cells written from the lecture's equations, stacked layers,
             the bidirectional wrapper, and the fused (torch) path for speed.
- limits.py  per-session limits (a class of 40 shares the server) and input validation.
- data.py    time series (synthetic and real) and training windows.
- corpus.py  the built-in Japanese text, character / word tokens, vocabulary.
- models.py  Forecaster (window → next value), Denoiser (bidirectional labelling), TokenLM.
- train.py   TrainingRun, the one base of every run (device, history, mini-batches, loss, the fit
             loop: progress, stop, time budget, NaN check, clipping), and the forecasting runs.
- bidir.py, seqtasks.py, blank.py   denoising (bidirectional), classification vs labelling, blanks.
- lm.py      next-token training, top-k probabilities, sampling with temperature.
- probes.py  gate traces over time and ‖∂L_T/∂h_k‖ through time (vanishing / exploding).
"""

CELL_TYPES = ("rnn", "lstm", "gru")
CELL_LABELS = {"rnn": "RNN", "lstm": "LSTM", "gru": "GRU"}
