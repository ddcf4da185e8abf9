"""The peephole LSTM option of the gates tab: toggle, the notes' equations (z / y / R / p
notation) with the backward δ equations, and the learned peephole weights."""
from __future__ import annotations

import streamlit as st

from pages.common.ui import t

FORWARD = (r"\begin{aligned}"
           r"z_t&=\tanh(W_z x_t+R_z y_{t-1}+b_z)\\"
           r"i_t&=\sigma(W_{in} x_t+R_{in} y_{t-1}+p_{in}\odot c_{t-1}+b_{in})\\"
           r"f_t&=\sigma(W_{for} x_t+R_{for} y_{t-1}+p_{for}\odot c_{t-1}+b_{for})\\"
           r"c_t&=z_t\odot i_t+c_{t-1}\odot f_t\\"
           r"o_t&=\sigma(W_{out} x_t+R_{out} y_{t-1}+p_{out}\odot c_t+b_{out})\\"
           r"y_t&=\tanh(c_t)\odot o_t"
           r"\end{aligned}")
# δ of the pre-activations (bars), as in the notes (Greff et al. 2017, "LSTM: A Search Space Odyssey")
BACKWARD = (r"\begin{aligned}"
            r"\delta y_t&=\Delta_t+R_z^{\top}\delta\bar z_{t+1}+R_{in}^{\top}\delta\bar i_{t+1}"
            r"+R_{for}^{\top}\delta\bar f_{t+1}+R_{out}^{\top}\delta\bar o_{t+1}\\"
            r"\delta\bar o_t&=\delta y_t\odot\tanh(c_t)\odot\sigma'(\bar o_t)\\"
            r"\delta c_t&=\delta y_t\odot o_t\odot\tanh'(c_t)+p_{out}\odot\delta\bar o_t+p_{in}\odot\delta\bar i_{t+1}"
            r"+p_{for}\odot\delta\bar f_{t+1}+\delta c_{t+1}\odot f_{t+1}\\"
            r"\delta\bar f_t&=\delta c_t\odot c_{t-1}\odot\sigma'(\bar f_t),\quad"
            r"\delta\bar i_t=\delta c_t\odot z_t\odot\sigma'(\bar i_t),\quad"
            r"\delta\bar z_t=\delta c_t\odot i_t\odot\tanh'(\bar z_t)"
            r"\end{aligned}")


def peephole_key(cell: str, peephole: bool) -> str:
    return f"{cell}+peephole" if peephole else cell


def peephole_toggle(cell: str) -> bool:
    if cell != "lstm":
        return False
    return st.toggle(t("lstm.peep.toggle"), key="lstm_gates_peep", bind="query-params", help=t("lstm.peep.help"))


def peephole_equations() -> None:
    st.caption(t("lstm.peep.notation"))
    st.latex(FORWARD)
    with st.expander(t("lstm.peep.backward")):
        st.latex(BACKWARD)


def peephole_values(rnn) -> None:
    cell = rnn.cells[0]
    st.caption(t("lstm.peep.values", pin=float(cell.p_in.norm()), pfor=float(cell.p_for.norm()),
                 pout=float(cell.p_out.norm())))
