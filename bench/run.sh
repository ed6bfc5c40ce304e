#!/usr/bin/env bash
# Throughput, latency and memory of the gateway against a Partnero stand-in, as the README reports them.
#
#   bench/run.sh                 # JVM jar, and the native executable if target/ has one
#   RUNS=5 DURATION=10 bench/run.sh
#   SOAK=1 bench/run.sh          # adds a 10-minute soak per artifact, RSS sampled every 30 s
#   KINDS=native bench/run.sh    # only one of the artifacts (default: "jvm native")
#
# What it does, on a Debian-like machine with two or more cores:
#   - installs wrk and nginx from the package manager if they are missing (root or sudo);
#   - builds target/quarkus-app/quarkus-run.jar if it is missing (./mvnw package -DskipTests);
#   - serves two static Partnero answers with nginx (bench/upstream/), which needs a bearer token and
#     sends Cache-Control: no-cache like Partnero, and measures that stand-in directly: the ceiling;
#   - runs the gateway pinned to CPU 0 (taskset), with wrk and nginx pinned to CPU 1, and measures
#     customers(page: 1, limit: 15) with every field and searchCustomer(email:), cache off and on:
#     64 connections, a warm-up, then RUNS runs of DURATION seconds; every answer is checked (a 200
#     with "errors" counts as a failure); medians with min-max;
#   - reads the gateway's RSS after its first answer, after 10 s of load and after all the load.
# Startup time and RSS after the first answer: bench/startup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-60}  # one core: the JIT compilers still take 5-8 % of it after 90 s
CONNECTIONS=${CONNECTIONS:-64}
SOAK=${SOAK:-0}
KINDS=${KINDS:-jvm native}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
NATIVE=${NATIVE:-$(ls target/*-runner 2>/dev/null | head -1 || true)}
JAVA=${JAVA:-java}
OUT=${OUT:-target/bench}

GATEWAY_CPU=0
LOAD_CPU=1

need() {
    local missing=()
    for tool in wrk nginx taskset curl python3; do
        command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing+=("$tool")
    done
    if ((${#missing[@]})); then
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo=sudo
        echo "installing: wrk nginx-light (for ${missing[*]})"
        $sudo apt-get update -qq
        $sudo apt-get install -y -qq wrk nginx-light util-linux curl python3 >/dev/null
    fi
    [ "$(nproc)" -ge 2 ] || { echo "the benchmark pins the gateway and the load to different cores: it needs 2" >&2; exit 1; }
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
stats() { # "median (min-max)" of the numbers on stdin
    sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
        printf "%s (%s-%s)", m, v[1], v[NR] }'
}
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }

start_upstream() {
    UPSTREAM_PORT=$(free_port)
    RUN_DIR=$(mktemp -d)
    mkdir -p "$RUN_DIR"/{body,proxy,fastcgi,uwsgi,scgi}
    sed -e "s#@ROOT@#$PWD/bench/upstream#g" -e "s#@PORT@#$UPSTREAM_PORT#g" -e "s#@RUN@#$RUN_DIR#g" \
        bench/upstream/nginx.conf.template > "$RUN_DIR/nginx.conf"
    local nginx
    nginx=$(command -v nginx || echo /usr/sbin/nginx)
    taskset -c $LOAD_CPU "$nginx" -c "$RUN_DIR/nginx.conf" -p "$RUN_DIR" &
    UPSTREAM_PID=$!
    until curl -sf -o /dev/null -H 'Authorization: Bearer x' "http://127.0.0.1:$UPSTREAM_PORT/v1/customers"; do sleep 0.1; done
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$UPSTREAM_PORT/v1/customers")
    [ "$status" = 401 ] || { echo "the stand-in must refuse requests without Authorization (got $status)" >&2; exit 1; }
}

stop_upstream() {
    kill "$UPSTREAM_PID" 2>/dev/null || true
    wait "$UPSTREAM_PID" 2>/dev/null || true
}

# wrk URL BODY EXPECT AUTH SECONDS -> the RESULT line
load() {
    BODY=$2 EXPECT=$3 AUTH=$4 taskset -c $LOAD_CPU wrk -t1 -c"$CONNECTIONS" -d"$5"s --latency \
        -s bench/check.lua "$1" | grep '^RESULT'
}

# scenario NAME URL BODY EXPECT AUTH -> one table row
scenario() {
    local name=$1 url=$2 body=$3 expect=$4 auth=$5 results=()
    load "$url" "$body" "$expect" "$auth" "$WARMUP" >/dev/null
    for _ in $(seq "$RUNS"); do
        results+=("$(load "$url" "$body" "$expect" "$auth" "$DURATION")")
    done
    printf '%s\n' "${results[@]}" >> "$OUT/raw.txt"
    local rps p50 p99 failures
    rps=$(printf '%s\n' "${results[@]}" | field rps | stats)
    p50=$(printf '%s\n' "${results[@]}" | field p50_ms | stats)
    p99=$(printf '%s\n' "${results[@]}" | field p99_ms | stats)
    failures=$(printf '%s\n' "${results[@]}" | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^(failures|socket_errors)=/) { split($i, kv, "="); n += kv[2] } } END { print n + 0 }')
    printf '| %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "$failures" | tee -a "$OUT/results.md"
}

start_gateway() { # artifact-kind cache-enabled
    GATEWAY_PORT=$(free_port)
    local cmd
    if [ "$1" = native ]; then cmd=("$NATIVE"); else cmd=("$JAVA" -jar "$JAR"); fi
    QUARKUS_HTTP_PORT=$GATEWAY_PORT PARTNERO_API_URL="http://127.0.0.1:$UPSTREAM_PORT/v1" PARTNERO_API_KEY=bench-key \
        PARTNERO_CACHE_ENABLED=$2 taskset -c $GATEWAY_CPU "${cmd[@]}" > "$OUT/gateway-$1-cache-$2.log" 2>&1 &
    GATEWAY_PID=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$GATEWAY_PORT/q/health/ready"; do
        kill -0 "$GATEWAY_PID" 2>/dev/null || { echo "the gateway died; see $OUT/gateway-$1-cache-$2.log" >&2; exit 1; }
        sleep 0.2
    done
}

stop_gateway() {
    kill "$GATEWAY_PID" 2>/dev/null || true
    wait "$GATEWAY_PID" 2>/dev/null || true
}

# RSS after the first correct customers answer, and after the first 10 s of load (part of the warm-up)
rss_early() {
    local kind=$1 cache=$2 url=$3 answer
    answer=$(curl -s "$url" -H 'Content-Type: application/json' -d "$CUSTOMERS")
    case $answer in *"$CUSTOMERS_EXPECT"*) ;; *) echo "wrong first answer: $answer" >&2; exit 1 ;; esac
    local first
    first=$(rss_mib "$GATEWAY_PID")
    load "$url" "$CUSTOMERS" "$CUSTOMERS_EXPECT" "" 10 >/dev/null
    echo "RSS of the $kind gateway (cache $cache): $first MiB after the first answer, $(rss_mib "$GATEWAY_PID") MiB after 10 s of load" \
        | tee -a "$OUT/rss.txt"
}

rss_mib() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

CUSTOMERS='{"query": "{ customers(page: 1, limit: 15) { items { key email name surname partnerKey deleted createdAt updatedAt deletedAt } pageInfo { currentPage perPage from to hasNextPage hasPreviousPage } } }"}'
CUSTOMERS_EXPECT='"hasNextPage":true'
SEARCH='{"query": "{ searchCustomer(email: \"customer1@example.com\") { key email name surname partnerKey deleted createdAt updatedAt deletedAt } }"}'
SEARCH_EXPECT='"key":"customer_001"'

main() {
    need
    [[ " $KINDS " != *" jvm "* ]] || [ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
    mkdir -p "$OUT"
    : > "$OUT/raw.txt"
    {
        echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ { print $2 }') GiB;"
        echo "$RUNS runs of ${DURATION} s after ${WARMUP} s of warm-up, $CONNECTIONS connections; gateway on CPU $GATEWAY_CPU, wrk and nginx on CPU $LOAD_CPU. $(date -u +%F)."
        echo
        echo '| scenario | requests/s | p50 ms | p99 ms | failures |'
        echo '| --- | --- | --- | --- | --- |'
    } | tee "$OUT/results.md"

    start_upstream
    trap 'stop_gateway 2>/dev/null; stop_upstream' EXIT
    scenario "Partnero stand-in directly (ceiling): GET /v1/customers" "http://127.0.0.1:$UPSTREAM_PORT/v1/customers" \
        "" '"current_page"' "Bearer bench-key"

    local kinds=()
    [[ " $KINDS " == *" jvm "* ]] && kinds+=(jvm)
    [[ " $KINDS " == *" native "* ]] && [ -n "$NATIVE" ] && [ -x "$NATIVE" ] && kinds+=(native)
    for kind in "${kinds[@]}"; do
        for cache in false true; do
            start_gateway "$kind" "$cache"
            local url="http://127.0.0.1:$GATEWAY_PORT/graphql"
            rss_early "$kind" "$cache" "$url"
            scenario "$kind, cache $([ "$cache" = true ] && echo on || echo off): customers" "$url" "$CUSTOMERS" "$CUSTOMERS_EXPECT" ""
            scenario "$kind, cache $([ "$cache" = true ] && echo on || echo off): searchCustomer(email:)" "$url" "$SEARCH" "$SEARCH_EXPECT" ""
            echo "RSS of the $kind gateway after this load (cache $cache): $(rss_mib "$GATEWAY_PID") MiB" | tee -a "$OUT/rss.txt"
            if [ "$SOAK" = 1 ] && [ "$cache" = false ]; then
                soak "$kind" "$url"
            fi
            stop_gateway
        done
    done
    echo
    cat "$OUT/rss.txt"
    echo "Results in $OUT/results.md, every run in $OUT/raw.txt."
}

soak() { # 10 minutes at full load, RSS every 30 s
    local kind=$1 url=$2
    BODY=$CUSTOMERS EXPECT=$CUSTOMERS_EXPECT taskset -c $LOAD_CPU wrk -t1 -c"$CONNECTIONS" -d600s \
        -s bench/check.lua "$url" > "$OUT/soak-$kind.txt" &
    local wrk_pid=$!
    for i in $(seq 0 20); do
        echo "$((i * 30)) s: $(rss_mib "$GATEWAY_PID") MiB" | tee -a "$OUT/soak-$kind-rss.txt"
        sleep 30 || true
        kill -0 "$wrk_pid" 2>/dev/null || break
    done
    wait "$wrk_pid" || true
    grep '^RESULT' "$OUT/soak-$kind.txt" | tee -a "$OUT/soak-$kind-rss.txt"
}

main "$@"
