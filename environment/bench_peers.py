#!/usr/bin/python3
"""Time the Python peers on the work `./flatline bench mlp` times, fairly, and print one JSON line.

The same data and split rule (stratified 80/20, seed 0, features standardised on the training part),
the same network (two hidden ReLU layers of 64, Adam 1e-3, exactly --epochs epochs, no L2) in
scikit-learn's MLPClassifier and in PyTorch, one thread each. Each peer is fitted --repeat times in this
one process: the first fit is reported apart (cold) from the median of the others (warm), as ours is.
imbalanced-learn's samplers (RandomOverSampler, RandomUnderSampler, SMOTE to the majority count) are
timed the same way on the standardised training split.

Fair to the peers: OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE (set on some machines for old OpenBLAS
builds) slow a current numpy, so they are removed for this process before numpy loads; the BLAS
kernel numpy then runs is printed (threadpoolctl). Run with Debian's python3 and
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 (environment/bench_compare.sh does all of this).
"""
import argparse
import csv
import json
import os
import statistics
import sys
import time
import warnings

UNSET = {k: os.environ.pop(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE") if k in os.environ}
import numpy as np  # noqa: E402  (after the environment is made fair)


def load(path, target):
    with open(path, newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        t = header.index(target)
        x, y = [], []
        for row in rows:
            y.append(row[t])
            x.append([float(v) for j, v in enumerate(row) if j != t])
    names = sorted(set(y))
    index = {c: i for i, c in enumerate(names)}
    return np.asarray(x), np.array([index[c] for c in y]), len(names)


def timed(fit, repeat):
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        fit()
        seconds.append(time.perf_counter() - start)
    return seconds


def summary(seconds, examples):
    warm = statistics.median(seconds[1:]) if len(seconds) > 1 else seconds[0]
    return {"cold_fit_s": round(seconds[0], 4), "warm_fit_s": round(warm, 4),
            "cold_examples_per_s": round(examples / seconds[0]), "warm_examples_per_s": round(examples / warm)}


def sklearn_fit(x, y, batch, epochs):
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    def fit():
        model = MLPClassifier(hidden_layer_sizes=(64, 64), solver="adam", learning_rate_init=1e-3,
                              batch_size=batch, max_iter=epochs, alpha=0.0, tol=0.0,
                              n_iter_no_change=epochs + 1, random_state=0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(x, y)
    return fit


def torch_fit(x, y, k, batch, epochs):
    import torch
    torch.set_num_threads(1)
    xt = torch.from_numpy(x.astype(np.float32))
    yt = torch.from_numpy(y)

    def fit():
        torch.manual_seed(0)
        generator = torch.Generator().manual_seed(0)
        net = torch.nn.Sequential(torch.nn.Linear(x.shape[1], 64), torch.nn.ReLU(), torch.nn.Linear(64, 64),
                                  torch.nn.ReLU(), torch.nn.Linear(64, k))
        optimiser = torch.optim.Adam(net.parameters(), lr=1e-3)
        loss = torch.nn.CrossEntropyLoss()
        for _ in range(epochs):
            order = torch.randperm(len(yt), generator=generator)
            for s in range(0, len(yt), batch):
                b = order[s:s + batch]
                optimiser.zero_grad(set_to_none=True)
                loss(net(xt[b]), yt[b]).backward()
                optimiser.step()
    return fit


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--target", default="class")
    parser.add_argument("--batches", default="256,32")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import sklearn
    import threadpoolctl
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler

    x, y, k = load(args.data, args.target)
    xtr, _, ytr, _ = train_test_split(x, y, test_size=0.2, stratify=y, random_state=0)
    xtr = StandardScaler().fit(xtr).transform(xtr)
    out = {"unset_for_fairness": UNSET, "sklearn": sklearn.__version__, "numpy": np.__version__,
           "blas": [{k2: p.get(k2) for k2 in ("internal_api", "version", "num_threads", "architecture")}
                    for p in threadpoolctl.threadpool_info()],
           "train_rows": len(ytr), "epochs": args.epochs, "repeat": args.repeat, "mlp": {}}
    examples = len(ytr) * args.epochs
    for batch in (int(b) for b in args.batches.split(",")):
        row = {"sklearn": summary(timed(sklearn_fit(xtr, ytr, batch, args.epochs), args.repeat), examples)}
        try:
            import torch
            row["torch"] = summary(timed(torch_fit(xtr, ytr, k, batch, args.epochs), args.repeat), examples)
            out["torch"] = torch.__version__
        except ImportError:
            row["torch"] = None
        out["mlp"][str(batch)] = row
        print(f"batch {batch}: {json.dumps(row)}", file=sys.stderr, flush=True)
    try:
        from imblearn.over_sampling import RandomOverSampler, SMOTE
        from imblearn.under_sampling import RandomUnderSampler
        samplers = {}
        for name, make in (("random_over", lambda: RandomOverSampler(random_state=0)),
                           ("random_under", lambda: RandomUnderSampler(random_state=0)),
                           ("smote", lambda: SMOTE(random_state=0, k_neighbors=5))):
            seconds = timed(lambda: make().fit_resample(xtr, ytr), args.repeat)
            samplers[name] = {"cold_s": round(seconds[0], 4),
                              "warm_s": round(statistics.median(seconds[1:] or seconds), 4)}
        out["imblearn"] = samplers
    except ImportError:
        out["imblearn"] = None
    print("PEERS_JSON " + json.dumps(out))


if __name__ == "__main__":
    main()
