"""`python -m core basics ...`: the /basics page's math from the command line.

- ``basics softmax 6 4 [--temperature T] [--json]`` → ``{"p": [0.8808, 0.1192]}`` (4 decimals)
- ``basics entropy 0.5 0.5 [--json]`` → ``{"bits": 1.0}``
- ``basics cross-entropy 0.7 0.2 0.1 --target 0 [--json]`` → ``{"nats": 0.3567}``
- ``basics backprop [--x X --w W --b B --t T] [--json]`` → chain-rule gradients vs autograd
- ``basics playground [--dataset xor] [--epochs 60] ... [--json]`` → train/test loss and accuracy
"""
from __future__ import annotations

import argparse

from core.cli.common import add_json, emit, progress_bar


def register(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    s = sub.add_parser("softmax", help="ソフトマックス / softmax of logits")
    s.add_argument("logits", nargs="+", help="ロジット（例: 6 4）")
    s.add_argument("--temperature", type=float, default=1.0, help="温度 T（既定 1）")
    add_json(s)
    s.set_defaults(handler=_softmax)
    e = sub.add_parser("entropy", help="エントロピー（ビット）/ entropy in bits")
    e.add_argument("probs", nargs="+", help="確率（合計 1、例: 0.5 0.5）")
    add_json(e)
    e.set_defaults(handler=_entropy)
    c = sub.add_parser("cross-entropy", help="交差エントロピー（one-hot の正解）/ cross entropy")
    c.add_argument("probs", nargs="+", help="予測の確率（合計 1）")
    c.add_argument("--target", type=int, required=True, help="正解クラスの番号（0 から）")
    add_json(c)
    c.set_defaults(handler=_cross_entropy)
    b = sub.add_parser("backprop", help="連鎖律の勾配と autograd の比較 / chain rule vs autograd")
    from core.basics.backprop import DEFAULTS

    for name, v in DEFAULTS.items():
        b.add_argument(f"--{name}", type=float, default=v)
    add_json(b)
    b.set_defaults(handler=_backprop)
    g = sub.add_parser("playground", help="2D 分類の MLP を学習 / train the 2-D playground MLP")
    from core.basics.playground import ACTIVATIONS, DATASETS, OPTIMIZERS, PlaygroundConfig

    d = PlaygroundConfig()
    g.add_argument("--dataset", choices=DATASETS, default=d.dataset)
    g.add_argument("--layers", type=int, default=d.layers)
    g.add_argument("--units", type=int, default=d.units)
    g.add_argument("--activation", choices=ACTIVATIONS, default=d.activation)
    g.add_argument("--optimizer", choices=OPTIMIZERS, default=d.optimizer)
    g.add_argument("--lr", type=float, default=d.lr)
    g.add_argument("--epochs", type=int, default=d.epochs)
    g.add_argument("--batch-size", type=int, default=d.batch_size)
    g.add_argument("--noise", type=float, default=d.noise)
    g.add_argument("--seed", type=int, default=d.seed)
    add_json(g)
    g.set_defaults(handler=_playground)


def _softmax(args: argparse.Namespace) -> int:
    from core.basics.information import softmax
    from core.basics.numbers import parse_numbers

    p = softmax(parse_numbers(args.logits), args.temperature)
    return emit({"p": [round(float(v), 4) for v in p]}, args.json,
                lambda r: "p = (" + ", ".join(f"{v:.4f}" for v in r["p"]) + ")")


def _entropy(args: argparse.Namespace) -> int:
    from core.basics.information import entropy_bits
    from core.basics.numbers import parse_numbers

    bits = entropy_bits(parse_numbers(args.probs, what="確率"))
    return emit({"bits": round(bits, 4)}, args.json, lambda r: f"H = {r['bits']} ビット (bits)")


def _cross_entropy(args: argparse.Namespace) -> int:
    from core import InvalidInput
    from core.basics.information import cross_entropy
    from core.basics.numbers import check_distribution, parse_numbers

    y = check_distribution(parse_numbers(args.probs, what="確率"))
    if not 0 <= args.target < len(y):
        raise InvalidInput(f"正解クラス {args.target} がありません。0〜{len(y) - 1} で指定してください。")
    nats = cross_entropy(y, args.target)
    return emit({"nats": round(nats, 4)}, args.json, lambda r: f"交差エントロピー = {r['nats']} (nats)")


def _backprop(args: argparse.Namespace) -> int:
    from core.basics.backprop import forward_backward

    g = forward_backward(args.x, args.w, args.b, args.t)
    return emit({"forward": g.forward, "manual": g.manual, "autograd": g.autograd,
                 "max_abs_diff": g.max_abs_diff}, args.json)


def _playground(args: argparse.Namespace) -> int:
    from core.basics.playground import PlaygroundConfig, PlaygroundRun

    cfg = PlaygroundConfig(dataset=args.dataset, layers=args.layers, units=args.units,
                           activation=args.activation, optimizer=args.optimizer, lr=args.lr,
                           epochs=args.epochs, batch_size=args.batch_size, noise=args.noise, seed=args.seed)
    run = PlaygroundRun(cfg)
    bar = progress_bar(cfg.epochs, f"playground {cfg.dataset}")
    try:
        run.fit(on_progress=bar)
    finally:
        bar.close()
    last = run.last
    return emit({"dataset": cfg.dataset, "status": run.status, "epochs": run.epoch,
                 "seconds": round(run.seconds, 3), **{k: round(v, 4) for k, v in last.items() if k != "epoch"}},
                args.json)
