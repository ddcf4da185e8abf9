"""core.figures: the one probability/score bar figure and the one confusion matrix of the app."""
from __future__ import annotations

from core.figures import BLUE, RED, bars, confusion


def test_bars_keep_the_given_order_first_on_top_and_colour_the_highlight():
    fig = bars(["猫", "犬", "1"], [0.6, 0.3, 0.1], title="T", x_title="P", highlight={"犬"})
    bar = fig.data[0]
    assert list(bar.y) == ["猫", "犬", "1"] and list(bar.x) == [0.6, 0.3, 0.1]
    assert fig.layout.yaxis.autorange == "reversed" and fig.layout.yaxis.type == "category"  # "1" stays a label
    assert list(bar.marker.color) == [BLUE, RED, BLUE]
    assert list(bar.text) == ["0.600", "0.300", "0.100"]
    assert fig.layout.title.text == "T" and fig.layout.xaxis.title.text == "P"


def test_bars_axis_fits_small_values_or_shows_at_least_the_given_range():
    fitted = bars(["a", "b"], [0.02, 0.01]).layout.xaxis.range
    assert fitted[0] == 0 and abs(fitted[1] - 0.023) < 1e-9  # small probabilities stay readable
    lo, hi = bars(["a", "b"], [0.5, -0.4], x_range=(-0.2, 1.0)).layout.xaxis.range
    assert lo < -0.4 and hi == 1.0  # widened to fit a negative cosine
    assert bars(["a"], [0.95], x_range=(0.0, 1.0)).layout.xaxis.range[1] > 1.0  # room for the value


def test_confusion_rows_true_columns_predicted_with_counts_and_titles():
    fig = confusion([[5, 1], [2, 7]], ["pos", "neg"], true_title="正解", pred_title="予測", title="C")
    hm = fig.data[0]
    assert [list(r) for r in hm.z] == [[5, 1], [2, 7]] and list(hm.x) == ["pos", "neg"] == list(hm.y)
    assert fig.layout.yaxis.autorange == "reversed"  # the first true class on top
    assert fig.layout.xaxis.title.text == "予測" and fig.layout.yaxis.title.text == "正解"
    assert hm.texttemplate == "%{text}" and "正解 %{y} → 予測 %{x}" in hm.hovertemplate
