#!/usr/bin/env bash
# Builds, HERE (a machine with a JDK and Maven), everything the GPU device check needs on a lent GPU
# machine that has no JVM: .gpu/jre (a jlink'd JRE), .gpu/lib (flatline's classes + the few jars the
# check loads: JavaCPP 1.5.13, the CUDA 13 presets, Tribuo's core), .gpu/data (the agreement sample,
# the reference engine's outcome for every knob, Shuttle's training split). Prints the bundle's size,
# which must fit the device call's 64 MiB together with the working tree.
#
#   environment/gpu/prepare_bundle.sh            then   environment/gpu/run_device_check.sh (on the GPU)
#   environment/gpu/prepare_bundle.sh --cpu-test also runs the check here on the CPU engine (no GPU calls)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
B=.gpu
MVN="mvn -o -q -B -Pcuda13"
rm -rf "$B" && mkdir -p "$B/lib" "$B/data"

$MVN test-compile
$MVN dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$B/full-classpath.txt" >/dev/null
FULL="target/test-classes:target/classes:$(cat "$B/full-classpath.txt")"

# The reference outcomes come from the engine the agreement test trusts (ND4J's op API), here.
OMP_NUM_THREADS=1 java -cp "$FULL" dev.flatline.nn.CudaDeviceCheck prepare "$B/data"

# Only what the check loads on the GPU machine: no ND4J backend (its 90 MB of natives), no OpenBLAS, no
# Tablesaw. nd4j-api's classes are needed all the same: HiddenActivation keeps its ND4J form beside its
# Java loop, and the JVM's verifier loads the ND4J types those methods name when the enum is first used.
KEEP='/(javacpp-1\.5\.13(-linux-x86_64)?|cuda-13[^/]*|tribuo-core-[^/]*|tribuo-classification-core-[^/]*|olcut-core-[^/]*|olcut-config-protobuf-[^/]*|protobuf-java-[^/]*|junit-jupiter-api-[^/]*|opentest4j-[^/]*|apiguardian-api-[^/]*|nd4j-api-[^/]*|nd4j-common-[^/]*)\.jar$'
tr ':' '\n' < "$B/full-classpath.txt" | grep -E "$KEEP" | xargs -I{} cp {} "$B/lib/"
jar --create --file "$B/lib/flatline-gpu-check.jar" -C target/classes dev/flatline/nn -C target/classes dev/flatline/data \
    -C target/test-classes dev/flatline/nn/EngineAgreementTest.class \
    -C target/test-classes 'dev/flatline/nn/EngineAgreementTest$Outcome.class' \
    -C target/test-classes 'dev/flatline/nn/EngineAgreementTest$Sample.class' \
    -C target/test-classes dev/flatline/nn/CudaDeviceCheck.class
# The knobs are lambdas in EngineAgreementTest; Shuttle is referenced by prepare only.
(cd target/test-classes && jar --update --file "$ROOT/$B/lib/flatline-gpu-check.jar" dev/flatline/nn/Shuttle.class)

jlink --add-modules java.base,jdk.unsupported,java.logging --strip-debug --no-header-files --no-man-pages \
      --compress=2 --output "$B/jre" 2>/dev/null
rm -f "$B/full-classpath.txt"

if [ "${1:-}" = "--cpu-test" ]; then
    # Everything but the GPU calls, on the bundle's own JRE and jars (+ OpenBLAS for the CPU engine only).
    OB=$(tr ':' '\n' < <($MVN dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test) | grep -E '/openblas-[^/]*\.jar$' | tr '\n' ':')
    "$B/jre/bin/java" -Dorg.bytedeco.javacpp.cachedir="$B/javacpp-cache" -cp "$B/lib/*:$OB" \
        dev.flatline.nn.CudaDeviceCheck check "$B/data" --engine cpu --speed-rows 8192 --epochs 2
    rm -rf "$B/javacpp-cache"
fi

tree_bytes=$(git ls-files -z | xargs -0 du -cb 2>/dev/null | tail -1 | cut -f1)
bundle_bytes=$(du -sb "$B" | cut -f1)
echo "bundle $B: $((bundle_bytes / 1048576)) MiB ($bundle_bytes bytes); working tree $((tree_bytes / 1048576)) MiB;" \
     "together $(((bundle_bytes + tree_bytes) / 1048576)) MiB of the 64 MiB a device call carries"
