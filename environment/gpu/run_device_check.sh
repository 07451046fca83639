#!/usr/bin/env bash
# The GPU device check, run ON the lent GPU machine (no JVM there: it uses the bundle that
# environment/gpu/prepare_bundle.sh built into .gpu/ here, carried along with the working tree).
#
#   1. engine agreement: every knob of EngineAgreementTest trained on the CUDA engine, held to the stored
#      outcomes of the reference engine (ND4J's op API, computed by prepare_bundle.sh) with the test's own
#      assertions;
#   2. examples/s at batch 32, 256, 4096 on a 64-64 net and at batch 256 on 1024-1024 (Shuttle, Adam);
#   3. the same table from PyTorch, eager and CUDA-graphed, when torch is importable.
#
# Results go to stdout and, when $OUT is set, to $OUT/device_check.txt. Exit status: the Java check's
# (0 every knob agrees, 1 one does not or no GPU, 2 the bundle is missing).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
B=.gpu
if [ ! -x "$B/jre/bin/java" ] || [ ! -d "$B/lib" ] || [ ! -d "$B/data" ]; then
    echo "run_device_check: $B is missing or incomplete; run environment/gpu/prepare_bundle.sh on a machine with a JDK and carry $B" >&2
    exit 2
fi
LOG=/dev/null
if [ -n "${OUT:-}" ]; then
    mkdir -p "$OUT" && LOG=$OUT/device_check.txt
fi

# CUDA 13's libraries (libcudart.so.13, libcublas.so.13, libnvrtc.so.13): the CUDA install's lib folder,
# else the pip wheels' folders (nvidia/*/lib) where PyTorch brought them.
find_lib() {
    local name=$1 d
    for d in ${CUDA_HOME:+$CUDA_HOME/targets/x86_64-linux/lib} ${CUDA_HOME:+$CUDA_HOME/lib64} \
             /usr/local/cuda/targets/x86_64-linux/lib /usr/local/cuda/lib64 /usr/local/cuda-13*/targets/x86_64-linux/lib \
             /usr/lib/x86_64-linux-gnu; do
        [ -e "$d/$name" ] && { echo "$d"; return; }
    done
    find /usr /opt -name "$name" 2>/dev/null | head -1 | xargs -r dirname
}
LIBS=""
for lib in libcudart.so.13 libcublas.so.13 libnvrtc.so.13; do
    dir=$(find_lib "$lib")
    if [ -z "$dir" ]; then
        echo "run_device_check: $lib not found on this machine (set CUDA_HOME)" | tee -a "$LOG" >&2
    else
        case ":$LIBS:" in *":$dir:"*) ;; *) LIBS="$LIBS:$dir" ;; esac
    fi
done
export LD_LIBRARY_PATH="${LIBS#:}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
echo "LD_LIBRARY_PATH=$LD_LIBRARY_PATH" | tee -a "$LOG"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null | tee -a "$LOG"

"$B/jre/bin/java" -Xmx8g -Dorg.bytedeco.javacpp.cachedir="${TMPDIR:-/tmp}/flatline-javacpp" -cp "$B/lib/*" \
    dev.flatline.nn.CudaDeviceCheck check "$B/data" --engine cuda "$@" 2>&1 | grep -v '^WARNING: \|^[A-Z][a-z][a-z] [0-9][0-9], ' | tee -a "$LOG"
status=${PIPESTATUS[0]}

if command -v python3 >/dev/null && python3 -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)' 2>/dev/null; then
    python3 environment/gpu/torch_speed.py "$B/data/shuttle-train.csv.gz" 2>&1 | tee -a "$LOG"
else
    echo "PyTorch with CUDA is not importable here: no PyTorch row in the table" | tee -a "$LOG"
fi
exit "$status"
