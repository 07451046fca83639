#!/usr/bin/env bash
# flatline's MLP against scikit-learn and PyTorch, side by side in one run on this machine, one thread
# each, on the same data, split, network and epochs. Prints a Markdown table (the README's) with the
# date and the CPU model: for each side the first fit in a fresh process (cold: what a notebook cell or
# a one-shot command sees) and the median of the following fits (warm).
#
#   environment/bench_compare.sh [CSV] [TARGET]     (default: the bundled Shuttle data, target class)
#
# Needs the peers from Debian: apt-get install python3-sklearn python3-torch python3-imblearn python3-threadpoolctl
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data=${1:-}
target=${2:-class}
if [ -z "$data" ]; then
    data=$work/shuttle.csv
    gunzip -c "$ROOT/src/main/resources/dev/flatline/data/shuttle.csv.gz" > "$data"
fi
[ -f "$data" ] || { echo "bench_compare: no such file: $data" >&2; exit 2; }
/usr/bin/python3 -c "import sklearn, threadpoolctl" 2>/dev/null || {
    echo "bench_compare: the peers are missing: apt-get install python3-sklearn python3-torch python3-imblearn python3-threadpoolctl" >&2
    exit 1; }

export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
for batch in 256 32; do
    echo "flatline bench mlp, batch $batch ..." >&2
    "$ROOT/flatline" bench mlp --data "$data" --target "$target" --hidden 64,64 --batch "$batch" --epochs 10 \
        --lr 0.001 --seed 0 --repeat 5 | tail -n 1 > "$work/flatline-$batch.json"
done
echo "peers (environment/bench_peers.py) ..." >&2
/usr/bin/python3 "$ROOT/environment/bench_peers.py" --data "$data" --target "$target" --batches 256,32 --repeat 5 \
    | sed -n 's/^PEERS_JSON //p' > "$work/peers.json"

/usr/bin/python3 - "$work" <<'PY'
import json, subprocess, sys, datetime
work = sys.argv[1]
peers = json.load(open(f"{work}/peers.json"))
cpu = next((l.split(":", 1)[1].strip() for l in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines()
            if l.startswith("Model name")), "unknown CPU")
print(f"Measured {datetime.date.today().isoformat()} on {cpu}, one thread each; Shuttle-style run: 64-64 ReLU, Adam 1e-3, 10 epochs, "
      f"{peers['train_rows']} training rows; examples/s (cold = first fit in a fresh process, warm = median of the next 4).")
print(f"Peers: scikit-learn {peers['sklearn']}, PyTorch {peers.get('torch')}, numpy {peers['numpy']}, BLAS "
      + ", ".join(f"{b['internal_api']} {b['version']} ({b['architecture']})" for b in peers['blas'])
      + (f"; unset for the peers: {', '.join(peers['unset_for_fairness'])}" if peers['unset_for_fairness'] else ""))
print()
print("| batch | flatline cold | flatline warm | scikit-learn cold | scikit-learn warm | PyTorch cold | PyTorch warm | cold vs scikit-learn | warm vs scikit-learn |")
print("|---|---|---|---|---|---|---|---|---|")
def k(v):
    return f"{v / 1000:.0f}k"
for batch in ("256", "32"):
    ours = json.load(open(f"{work}/flatline-{batch}.json"))
    sk, th = peers["mlp"][batch]["sklearn"], peers["mlp"][batch]["torch"]
    oc, ow = ours["cold_examples_per_s"], ours["warm_examples_per_s"]
    print(f"| {batch} | {k(oc)} | {k(ow)} | {k(sk['cold_examples_per_s'])} | {k(sk['warm_examples_per_s'])} | "
          + (f"{k(th['cold_examples_per_s'])} | {k(th['warm_examples_per_s'])}" if th else "– | –")
          + f" | {oc / sk['cold_examples_per_s']:.2f}x | {ow / sk['warm_examples_per_s']:.2f}x |")
if peers.get("imblearn"):
    print()
    print("imbalanced-learn on the same training split (cold / warm seconds): "
          + ", ".join(f"{n} {v['cold_s']} / {v['warm_s']}" for n, v in peers["imblearn"].items()))
PY
