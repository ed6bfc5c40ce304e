#!/usr/bin/env bash
# Startup time and memory of the gateway, native executable and JVM jar, next to the Apollo Server peer,
# as the README reports them.
#
#   bench/startup.sh [runs]          # default 7 runs of each artifact that exists in target/
#
# For each run: launch the artifact, POST `{ __typename }` to /graphql until the correct answer comes
# back, and record the time from launch to that answer and the process's resident set size (VmRSS)
# right after it; the process is then stopped. Reported: every run, and the median of each.
#
# `{ __typename }` is answered by the GraphQL engine without a Partnero call, so no network or key is
# needed: PARTNERO_API_URL points at a local port where nothing listens. The answer still goes through
# the HTTP layer, the operation limits and the GraphQL engine, as every query does.
#
# Artifacts (override with the variables):
#   NATIVE=target/partnero-graphql-gateway-1.0.0-SNAPSHOT-runner   built by ./mvnw package -Dnative
#   JAR=target/quarkus-app/quarkus-run.jar                         built by ./mvnw package
#   JAVA=java                                                      the JVM that runs the jar
#   JAVA_OPTS=                                                     options for it, e.g. -XX:SharedArchiveFile=…
#   APOLLO_DIR=/tmp/partnero-bench-apollo                          the peer as bench/run.sh prepares it
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-7}
NATIVE=${NATIVE:-$(ls target/*-runner 2>/dev/null | head -1 || true)}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}
APOLLO_DIR=${APOLLO_DIR:-${TMPDIR:-/tmp}/partnero-bench-apollo}
QUERY='{"query": "{ __typename }"}'
EXPECTED='{"data":{"__typename":"Query"}}'

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# one run: prints "<ms to first answer> <RSS in MiB>"; PATH_ is where the process serves GraphQL
measure() {
    local port pid start answer rss_kb
    port=$(free_port)
    start=$(now_ms)
    QUARKUS_HTTP_PORT=$port PORT=$port NODE_ENV=production PARTNERO_API_URL=http://127.0.0.1:9/v1 PARTNERO_API_KEY=bench-key \
        "$@" >/dev/null 2>&1 &
    pid=$!
    until answer=$(curl -s -m 1 "http://127.0.0.1:$port${PATH_:-/graphql}" -H 'Content-Type: application/json' -d "$QUERY") \
            && [ "${answer%$'\n'}" = "$EXPECTED" ]; do
        kill -0 "$pid" 2>/dev/null || { echo "the process died before answering: $*" >&2; return 1; }
        sleep 0.005 # polling flat out would take a core from the process being measured
    done
    local elapsed=$(($(now_ms) - start))
    rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo "$elapsed $((rss_kb / 1024))"
}

bench() {
    local name=$1
    shift
    local results=()
    for ((i = 1; i <= RUNS; i++)); do
        results+=("$(measure "$@")")
        printf '%-7s run %d: %s ms to the first answer, %s MiB RSS\n' "$name" "$i" ${results[-1]}
    done
    printf '%-7s median of %d runs: %s ms to the first answer, %s MiB RSS\n\n' "$name" "$RUNS" \
        "$(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | median)" \
        "$(printf '%s\n' "${results[@]}" | cut -d' ' -f2 | median)"
}

echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $RUNS runs each"
echo
measured=0
if [ -n "$NATIVE" ] && [ -x "$NATIVE" ]; then
    bench native "$NATIVE"
    measured=1
fi
if [ -f "$JAR" ]; then
    echo "JVM: $("$JAVA" -version 2>&1 | head -1)"
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    bench jvm "$JAVA" $JAVA_OPTS -jar "$JAR"
    measured=1
fi
if [ -f "$APOLLO_DIR/server.js" ] && [ -d "$APOLLO_DIR/node_modules" ]; then
    echo "Apollo peer: node $(node --version)"
    PATH_=/ bench apollo node "$APOLLO_DIR/server.js"
fi
[ "$measured" = 1 ] || { echo "nothing to measure: build with ./mvnw package [-Dnative] first" >&2; exit 1; }
echo "load average afterwards $(cut -d' ' -f1-3 /proc/loadavg)"
