#!/usr/bin/env bash
# Two builds of the gateway in one sitting, taken in turns (A B A B ...), so that the shared machine's
# drift falls on both alike; each turn is bench/run.sh with RUNS runs per scenario.
#
#   A=/tmp/runner-before B=target/*-runner bench/ab.sh                  # two native executables
#   KIND=jvm A=/tmp/before/quarkus-run.jar B=target/quarkus-app/quarkus-run.jar bench/ab.sh
#   A=… B=… B_OPTS=-Xmn64m bench/ab.sh                                  # one executable, two run-time options
#   ROUNDS=3 RUNS=3 SCENARIOS="hits engine misses" A=… B=… bench/ab.sh
#
# Prints, per scenario and query, every run's requests/s of A and of B, their medians and B / A; then the
# gateway's own CPU per answer likewise (from /proc: far less moved by the shared machine's other work).
# Every turn's results stay in OUT/a-N and OUT/b-N (default OUT=target/bench-ab).
set -euo pipefail
cd "$(dirname "$0")/.."

KIND=${KIND:-native}
ROUNDS=${ROUNDS:-2}
export RUNS=${RUNS:-3}
export SCENARIOS=${SCENARIOS:-engine misses}
OUT=${OUT:-target/bench-ab}
: "${A:?A=the first build (a native executable, or a jar with KIND=jvm)}"
: "${B:?B=the second build}"

rm -rf "$OUT"
mkdir -p "$OUT"
for round in $(seq "$ROUNDS"); do
    for side in a b; do
        build=$A opts=${A_OPTS:-}
        [ "$side" = b ] && build=$B opts=${B_OPTS:-}
        echo "round $round, $side: $build $opts"
        if [ "$KIND" = native ]; then
            OUT="$OUT/$side-$round" KINDS=native NATIVE="$build" NATIVE_OPTS="$opts" MEASURE=1 SOAK=0 bench/run.sh >/dev/null
        else
            OUT="$OUT/$side-$round" KINDS=jvm JAR="$build" JAVA_OPTS="$opts" MEASURE=1 SOAK=0 bench/run.sh >/dev/null
        fi
    done
done

python3 - "$OUT" "$KIND" <<'EOF'
import sys
from pathlib import Path
from statistics import median
out, kind = Path(sys.argv[1]), sys.argv[2]
runs = {}
for side in "ab":
    for raw in sorted(out.glob(f"{side}-*/raw.txt")):
        for line in raw.read_text().splitlines():
            parts = line.split()
            if parts[0] != kind:
                continue
            rps = float(next(p for p in parts if p.startswith("rps=")).split("=")[1])
            runs.setdefault((parts[1], parts[2]), {"a": [], "b": []})[side].append(rps)
cpu = {}
for side in "ab":
    for tsv in sorted(out.glob(f"{side}-*/cpu.tsv")):
        for line in tsv.read_text().splitlines():
            parts = line.split("\t")
            if parts[0] == kind:
                cpu.setdefault((parts[1], parts[2]), {"a": [], "b": []})[side].append(float(parts[3]))


def table(unit, values):
    """One row per scenario and query: every value of A and of B, their medians and B / A."""
    print(f"| scenario | query | A {unit} | B {unit} | A median | B median | B / A |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for (scenario, query), sides in values.items():
        a, b = sides["a"], sides["b"]
        ratio = median(b) / median(a) if a and b else float("nan")
        print(f"| {scenario} | {query} | {' '.join(f'{x:.0f}' for x in a)} | {' '.join(f'{x:.0f}' for x in b)} | "
              f"{median(a):.0f} | {median(b):.0f} | {ratio:.2f} |")


print((out / "a-1" / "machine.txt").read_text().strip())
print()
table("requests/s", runs)
print()
print("The gateway's own CPU per answer (µs, user + system, each turn's runs together): less moved by the rest of")
print("the machine than requests/s.")
print()
table("µs per answer", cpu)
EOF
