"""The peephole option on the LSTM page's gates tab (issue 16 item 5)."""
from tests.conftest import assert_no_exception
from tests.lstm.helpers import lstm_app, texts


def test_gates_tab_peephole_option(monkeypatch):
    from pages.lstm import gates

    monkeypatch.setattr(gates, "QUICK", gates.QUICK.__class__(hidden=4, epochs=1))
    at = lstm_app("gates")
    assert "p_{in}" not in texts(at)
    at.toggle(key="lstm_gates_peep").set_value(True).run()
    assert_no_exception(at)
    body = texts(at)
    assert "p_{in}\\odot c_{t-1}" in body and "p_{out}\\odot c_t" in body and "\\delta c_t" in body
    assert "ブロック入力" in body
    at.button(key="lstm_gates__start").click().run()
    assert_no_exception(at)
    run = at.session_state["lstm_gates_runs"]["lstm+peephole"]
    assert run.model.rnn.peephole and run.epochs_done == 1
    assert "‖p_in‖" in texts(at)
    at.radio(key="lstm_gates_cell").set_value("gru").run()  # the option is LSTM-only
    assert_no_exception(at)
    assert "p_{in}" not in texts(at)
