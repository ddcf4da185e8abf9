STRINGS = {
    "lstm.title": {"ja": "RNN / LSTM / GRU — 系列を扱うネットワーク", "en": "RNN / LSTM / GRU — sequence models"},
    "lstm.tab.forecast": {"ja": "時系列予測 (forecasting)", "en": "Forecasting"},
    "lstm.tab.text": {"ja": "次の文字予測 (language model)", "en": "Next-token prediction"},
    "lstm.tab.compare": {"ja": "RNN・LSTM・GRU の比較", "en": "Compare cells"},
    "lstm.tab.gates": {"ja": "セルの中 (gates)", "en": "Inside the cell"},
    "lstm.tab.gradients": {"ja": "勾配消失・爆発 (vanishing / exploding gradient)", "en": "Vanishing / exploding gradient"},
}
