"""Time series for forecasting: synthetic ones with controls, and real ones shipped by statsmodels.

A series is cut at ``split``: the part before is for training, the rest for validation. A
model sees a window of ``window`` past values and predicts the next one (autoregressive
model); many steps ahead are forecast by feeding its own predictions back in.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from core import InvalidInput
from core import i18n
from core.limits import check_int
from core.lstm.limits import LIMITS

SYNTHETIC = ("sine", "sines", "damped", "square", "random_walk")
REAL = ("sunspots", "co2")
SERIES = SYNTHETIC + REAL  # their names in the UI: core/i18n keys lstm.series.<name>
PERIOD = 25  # steps per cycle of the synthetic periodic series


@dataclass
class Series:
    name: str
    values: np.ndarray  # float32, shape (n,)
    x: np.ndarray  # time axis (step index, or year for real series)
    x_label: str = "t"
    real: bool = False


def make_series(name: str = "sine", length: int = 400, noise: float = 0.0, seed: int = 0) -> Series:
    """A synthetic series of ``length`` points with Gaussian noise of std ``noise``, or a real
    series (``length``/``noise`` are then ignored: the data are what they are)."""
    if name not in SERIES:
        raise InvalidInput(f"系列「{name}」はありません。{'・'.join(SERIES)} から選んでください。",
                           en=f"There is no series \"{name}\". Choose one of {', '.join(SERIES)}.")
    if name in REAL:
        return _real(name)
    length = check_int(length, "系列の長さ", 50, LIMITS.max_length)
    try:
        noise = float(noise)
    except (TypeError, ValueError):
        raise InvalidInput("ノイズは 0〜1 の数値で指定してください。",
                           en="Give the noise as a number from 0 to 1.") from None
    if not (0.0 <= noise <= 1.0):
        raise InvalidInput(f"ノイズ {noise:g} は範囲外です。0〜1 にしてください。",
                           en=f"The noise {noise:g} is out of range. Use 0–1.")
    rng = np.random.default_rng(seed)
    t = np.arange(length, dtype=np.float64)
    w = 2 * np.pi / PERIOD
    if name == "sine":
        v = np.sin(w * t)
    elif name == "sines":
        v = 0.7 * np.sin(w * t) + 0.3 * np.sin(2.7 * w * t + 1.0)
    elif name == "damped":
        v = np.exp(-t / (length / 2.5)) * np.sin(w * t)
    elif name == "square":
        v = np.sign(np.sin(w * t + 1e-9))
    else:  # random walk
        v = np.cumsum(rng.normal(0.0, 0.1, size=length))
    v = v + rng.normal(0.0, noise, size=length) if noise > 0 else v
    return Series(name, v.astype(np.float32), t.astype(np.float32))


def _real(name: str) -> Series:
    try:
        import statsmodels.api as sm
    except ImportError as exc:  # pragma: no cover - statsmodels is in requirements
        raise InvalidInput("statsmodels が入っていないため実データを読めません。pip install statsmodels",
                           en="statsmodels is not installed, so the real data cannot be read. pip install statsmodels") from exc
    if name == "sunspots":
        df = sm.datasets.sunspots.load_pandas().data
        return Series(name, df["SUNACTIVITY"].to_numpy(np.float32), df["YEAR"].to_numpy(np.float32), "年", True)
    df = sm.datasets.co2.load_pandas().data
    monthly = df["co2"].resample("MS").mean().interpolate()
    x = (monthly.index.year + (monthly.index.month - 1) / 12).to_numpy(np.float32)
    return Series(name, monthly.to_numpy(np.float32), x, "年", True)


@dataclass
class ForecastData:
    """Windows of a series, z-scored with the training part's mean and std.

    X_train[j] = z[t − window : t], y_train[j] = z[t] for training targets t < split; the
    validation targets are t ≥ split (their windows may reach back into the training part).
    """

    series: Series
    window: int
    split: int
    mean: float
    std: float
    z: np.ndarray = field(repr=False)
    X_train: np.ndarray = field(repr=False)
    y_train: np.ndarray = field(repr=False)
    X_val: np.ndarray = field(repr=False)
    y_val: np.ndarray = field(repr=False)

    def denorm(self, z):
        return np.asarray(z) * self.std + self.mean


def make_windows(series: Series, window: int = 20, val_fraction: float = 0.2) -> ForecastData:
    n = len(series.values)
    window = check_int(window, "窓の長さ (window)", 2, LIMITS.max_window)
    if not (0.05 <= float(val_fraction) <= 0.5):
        raise InvalidInput("検証に使う割合は 0.05〜0.5 にしてください。",
                           en="The validation fraction must be 0.05–0.5.")
    split = int(round(n * (1 - val_fraction)))
    if window >= n:
        raise InvalidInput(f"窓の長さ (window) {window} が系列の長さ {n} 以上です。"
                           "窓を短くするか、系列を長くしてください。",
                           en=f"The window length {window} is not shorter than the series ({n}). "
                              "Shorten the window or lengthen the series.")
    if split - window < 10:
        raise InvalidInput(f"窓の長さ (window) {window} が長すぎて、学習用の窓が {max(0, split - window)} 個しか"
                           f"作れません（学習部分は {split} 点）。窓を {max(2, split - 10)} 以下にするか、"
                           "系列を長くしてください。",
                           en=f"The window length {window} is too long: only {max(0, split - window)} training windows "
                              f"can be made (the training part has {split} points). Use a window of {max(2, split - 10)} or less, "
                              "or lengthen the series.")
    train_part = series.values[:split].astype(np.float64)
    mean = float(train_part.mean())
    std = float(train_part.std()) or 1.0
    z = ((series.values - mean) / std).astype(np.float32)
    idx_train = np.arange(window, split)
    idx_val = np.arange(split, n)
    X_train = np.stack([z[t - window:t] for t in idx_train])
    X_val = np.stack([z[t - window:t] for t in idx_val])
    return ForecastData(series, window, split, mean, std, z,
                        X_train[..., None], z[idx_train], X_val[..., None], z[idx_val])


def series_label(name: str, lang: str = "ja") -> str:
    return i18n.t(f"lstm.series.{name}", lang) if name in SERIES else name
