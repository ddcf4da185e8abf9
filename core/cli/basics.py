"""`python -m core basics ...`: the /basics page's math from the command line.

- ``basics softmax 6 4 [--temperature T] [--json]`` → ``{"p": [0.8808, 0.1192], "exp": [403.4288,
  54.5982], "sum": 458.0269}`` (eᵃ before normalising and their sum, as on the slide; 4 decimals;
  null where eᵃ overflows — p still comes from the safe path)
- ``basics entropy 0.5 0.5 [--json]`` → ``{"bits": 1.0}``
- ``basics cross-entropy 0.7 0.2 0.1 --target 0 [--json]`` → ``{"nats": 0.3567}`` (one-hot target)
- ``basics cross-entropy --p 0.5 0.5 --q 0.4 0.6 [--bits] [--json]`` → ``{"cross_entropy": 0.7136,
  "entropy": 0.6931, "unit": "nats"}`` (H(p, q) and H(p); nats unless --bits)
- ``basics knock [--json]`` → the chapter-8 task's shapes and first values: ``{"x_shape": [n, 300],
  "W_shape": [300, 4], "y1", "Y_1_4", "loss_x1", "loss_x1_4"}``
- ``basics backprop [--x X --w W --b B --t T] [--json]`` → chain-rule gradients vs autograd
- ``basics playground [--dataset xor] [--epochs 60] ... [--json]`` → train/test loss and accuracy
"""
from __future__ import annotations

import argparse

from core.cli.common import add_json, both, emit, progress_bar
def register(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    s = sub.add_parser("softmax", help=both("cli.basics.softmax"))
    s.add_argument("logits", nargs="+", help="ロジット（例: 6 4）")
    s.add_argument("--temperature", type=float, default=1.0, help="温度 T（既定 1）")
    add_json(s)
    s.set_defaults(handler=_softmax)
    e = sub.add_parser("entropy", help=both("cli.basics.entropy"))
    e.add_argument("probs", nargs="+", help="確率（合計 1、例: 0.5 0.5）")
    add_json(e)
    e.set_defaults(handler=_entropy)
    c = sub.add_parser("cross-entropy", help=both("cli.basics.cross-entropy"))
    c.add_argument("probs", nargs="*", help="予測の確率（合計 1、--target と一緒に）")
    c.add_argument("--target", type=int, help="正解クラスの番号（0 から、one-hot の正解）")
    c.add_argument("--p", nargs="+", metavar="P", help="正解（真）の分布 p（例: 0.5 0.5）")
    c.add_argument("--q", nargs="+", metavar="Q", help="モデルの分布 q（例: 0.4 0.6）")
    c.add_argument("--bits", action="store_true", help="ビット (log2) で出す（既定はナット、自然対数）")
    add_json(c)
    c.set_defaults(handler=_cross_entropy)
    b = sub.add_parser("backprop", help=both("cli.basics.backprop"))
    from core.basics.backprop import DEFAULTS

    for name, v in DEFAULTS.items():
        b.add_argument(f"--{name}", type=float, default=v)
    add_json(b)
    b.set_defaults(handler=_backprop)
    g = sub.add_parser("playground", help=both("cli.basics.playground"))
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
    k = sub.add_parser("knock", help=both("cli.basics.knock"))
    k.add_argument("--seed", type=int, default=0, help="W の初期化の乱数シード（既定 0）")
    add_json(k)
    k.set_defaults(handler=_knock)


def _softmax(args: argparse.Namespace) -> int:
    from core.basics.information import softmax_steps
    from core.basics.numbers import parse_numbers

    s = softmax_steps(parse_numbers(args.logits), args.temperature)
    def r4(v):  # inf stays inf: null in the JSON
        return round(float(v), 4)
    return emit({"p": [r4(v) for v in s.p], "exp": [r4(v) for v in s.exp], "sum": r4(s.sum)}, args.json,
                lambda r: "p = (" + ", ".join(f"{v:.4f}" for v in r["p"]) + ")"
                          f"   eᵃ = ({', '.join(f'{v:.4f}' for v in s.exp)}), Σ = {s.sum:.4f}")


def _entropy(args: argparse.Namespace) -> int:
    from core.basics.information import entropy_bits
    from core.basics.numbers import parse_numbers

    bits = entropy_bits(parse_numbers(args.probs, what="確率"))
    return emit({"bits": round(bits, 4)}, args.json, lambda r: f"H = {r['bits']} ビット (bits)")


def _cross_entropy(args: argparse.Namespace) -> int:
    from core import InvalidInput
    from core.basics.information import cross_entropy, cross_entropy_pq, entropy
    from core.basics.numbers import check_distribution, parse_numbers

    if args.p is not None or args.q is not None:  # H(p, q) between two distributions
        if args.p is None or args.q is None or args.probs or args.target is not None:
            raise InvalidInput("--p と --q を両方指定してください（例: --p 0.5 0.5 --q 0.4 0.6）。"
                               "one-hot の正解なら: 確率 --target 番号。",
                               en="Give both --p and --q (e.g. --p 0.5 0.5 --q 0.4 0.6), or probabilities with --target.")
        unit = "bits" if args.bits else "nats"
        p = parse_numbers(args.p, what="分布 p")
        q = parse_numbers(args.q, what="分布 q")
        ce = cross_entropy_pq(p, q, unit)
        return emit({"cross_entropy": round(ce, 4), "entropy": round(entropy(check_distribution(p, what="分布 p"), unit), 4),
                     "unit": unit}, args.json,
                    lambda r: f"H(p, q) = {r['cross_entropy']} {unit}、H(p) = {r['entropy']} {unit}")
    if args.target is None or not args.probs:
        raise InvalidInput("予測の確率と --target（正解クラス）か、--p と --q を指定してください。",
                           en="Give probabilities with --target, or --p and --q.")
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


def _knock(args: argparse.Namespace) -> int:
    from core.basics.knock import first_values, load_task
    from core.word2vec.vectors import default_vectors

    task = load_task(default_vectors())
    v = first_values(task, seed=args.seed)
    def r4(xs):
        return [round(float(x), 4) for x in xs]
    return emit({"x_shape": list(task.X_train.shape), "W_shape": list(v.W.shape), "y1": r4(v.y1),
                 "Y_1_4": [r4(row) for row in v.Y_1_4], "loss_x1": round(v.loss_x1, 4),
                 "loss_x1_4": round(v.loss_x1_4, 4)}, args.json)
