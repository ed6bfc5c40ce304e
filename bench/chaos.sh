#!/usr/bin/env bash
# The chaos run: three gateway replicas behind haproxy, sharing one Redis, in front of the Partnero
# stand-in behind a fault proxy, under a checked load of 64 connections, while Partnero fails on a
# schedule (5xx, latency past the read timeout, resets, 429, a full outage) and Redis and replicas are
# killed and restarted. What it does, and how to read its output: docs/chaos.md.
#
#   bench/chaos.sh                     # 10 minutes, the JVM jar (built if target/ has none)
#   DURATION=180 bench/chaos.sh        # a short run: every phase scaled to 180/600 of its length
#   NATIVE=target/*-runner bench/chaos.sh   # the native executable instead of the jar
#
# Knobs (environment): DURATION (600 s), CONNECTIONS (64), BASE_PORT (19400: nine ports from it),
# TTL (5s), SWR (30s: stale-while-revalidate), SIE (15m: stale-if-error), DELAY (7: seconds the latency
# phase holds each call), FRESH (50: one request in FRESH asks for data never seen), JAVA_OPTS
# (-Xmx256m), NATIVE, NATIVE_OPTS (-Xmx256m, as Dockerfile.native runs it), JAR, REQUEST_LOG (0: the gateways' per-request line off; 1 keeps it), OUT
# (bench/results/<date>-chaos), KEEP (0: raw logs deleted; 1 keeps them in the run's temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-600}
CONNECTIONS=${CONNECTIONS:-64}
BASE_PORT=${BASE_PORT:-19400}
TTL=${TTL:-5s}
SWR=${SWR:-30s}
SIE=${SIE:-15m}
DELAY=${DELAY:-7}
FRESH=${FRESH:-50}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
NATIVE=${NATIVE:-}
NATIVE_OPTS=${NATIVE_OPTS:--Xmx256m}
REQUEST_LOG=${REQUEST_LOG:-0}
OUT=${OUT:-bench/results/$(date -u +%F)-chaos}
KEEP=${KEEP:-0}
REPLICAS=3

LB_PORT=$BASE_PORT
REDIS_PORT=$((BASE_PORT + 4))
STANDIN_PORT=$((BASE_PORT + 5))
PROXY_PORT=$((BASE_PORT + 6))
CONTROL_PORT=$((BASE_PORT + 7))
LB_STATS_PORT=$((BASE_PORT + 8))
replica_port() { echo $((BASE_PORT + $1)); }

# The schedule, in seconds of a 600 s run (scaled to DURATION): label, start, length, fault, events
# (at +seconds into the phase, also scaled): redis-kill, redis-start, kill-N (SIGKILL replica N),
# start-N, term-N (SIGTERM replica N, then start it again once it has exited).
SCHEDULE="
warm      0   60 none
5xx       60  40 5xx
recover-1 100 40 none    redis-kill@5 redis-start@20
latency   140 40 latency term-3@10
recover-2 180 40 none    kill-1@5 start-1@10
reset     220 40 reset
recover-3 260 40 none    term-2@5
429       300 40 429
recover-4 340 40 none
outage    380 60 outage
recover-5 440 40 none
mixed     480 80 mixed   redis-kill@10 redis-start@30
final     560 40 none
"

declare -A PIDS=()   # name -> pid of every process this script started
RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/partnero-chaos.XXXXXX")

cleanup() {
    local name
    for name in "${!PIDS[@]}"; do kill "${PIDS[$name]}" 2>/dev/null || true; done
    for name in "${!PIDS[@]}"; do
        for _ in $(seq 50); do kill -0 "${PIDS[$name]}" 2>/dev/null || break; sleep 0.1; done
        kill -9 "${PIDS[$name]}" 2>/dev/null || true
    done
    if [ "$KEEP" = 1 ]; then echo "raw logs kept in $RUN_DIR"; else rm -rf "$RUN_DIR"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

install_missing() {
    local wanted=() sudo=""
    command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || wanted+=(haproxy)
    command -v redis-server >/dev/null || wanted+=(redis-server)
    command -v wrk >/dev/null || wanted+=(wrk)
    command -v gnuplot >/dev/null || wanted+=(gnuplot-nox)
    command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || wanted+=(nginx-light)
    command -v curl >/dev/null || wanted+=(curl)
    command -v python3 >/dev/null || wanted+=(python3)
    ((${#wanted[@]})) || return 0
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    echo "installing ${wanted[*]} from the package manager"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${wanted[@]}" >/dev/null
}

check_ports() {
    local port busy=()
    for port in $(seq "$BASE_PORT" "$LB_STATS_PORT"); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then busy+=("$port"); fi
    done
    if ((${#busy[@]})); then
        echo "ports ${busy[*]} are in use: choose another block with BASE_PORT= (nine ports from it)" >&2
        exit 1
    fi
}

now() { echo "$EPOCHREALTIME"; }
# scaled SECONDS: SECONDS of a 600 s run in this run's DURATION
scaled() { awk -v s="$1" -v d="$DURATION" 'BEGIN { printf "%.1f", s * d / 600 }'; }
sleep_until() { local left; left=$(awk -v t="$1" -v n="$(now)" 'BEGIN { printf "%.3f", t - n }'); awk -v l="$left" 'BEGIN { exit !(l > 0) }' && sleep "$left" || true; }
event() { printf '%s\t%s\n' "$(now)" "$1" >> "$RUN_DIR/events.tsv"; echo "  $(date -u +%T) $1"; }

start_standin() {
    mkdir -p "$RUN_DIR"/nginx/{body,proxy,fastcgi,uwsgi,scgi}
    sed -e "s#@ROOT@#$PWD/bench/upstream#g" -e "s#@PORT@#$STANDIN_PORT#g" -e "s#@RUN@#$RUN_DIR/nginx#g" \
        bench/upstream/nginx.conf.template > "$RUN_DIR/nginx/nginx.conf"
    "$(command -v nginx || echo /usr/sbin/nginx)" -c "$RUN_DIR/nginx/nginx.conf" -p "$RUN_DIR/nginx" &
    PIDS[nginx]=$!
    python3 bench/chaos/faultproxy.py "$PROXY_PORT" "$STANDIN_PORT" "$CONTROL_PORT" > "$RUN_DIR/faultproxy.log" 2>&1 &
    PIDS[faultproxy]=$!
    until curl -sf -o /dev/null -H 'Authorization: Bearer chaos' "http://127.0.0.1:$PROXY_PORT/v1/customers"; do sleep 0.1; done
}

phase() { curl -sf -o /dev/null "http://127.0.0.1:$CONTROL_PORT/phase?label=$1&fault=$2&delay=$DELAY"; }

start_redis() {
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no \
        --maxmemory 256mb --maxmemory-policy allkeys-lru --logfile "$RUN_DIR/redis.log" &
    PIDS[redis]=$!
    until redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; do sleep 0.1; done
}

# start_replica N: in the background; "ready-N" is noted once /q/health/ready answers
start_replica() {
    local n=$1 cmd
    if [ -n "$NATIVE" ]; then cmd=("$NATIVE" $NATIVE_OPTS); else cmd=(java $JAVA_OPTS -jar "$JAR"); fi
    local level=INFO
    [ "$REQUEST_LOG" = 1 ] || level=WARN
    env QUARKUS_HTTP_PORT="$(replica_port "$n")" PARTNERO_API_URL="http://127.0.0.1:$PROXY_PORT/v1" \
        PARTNERO_API_KEY=chaos-key PARTNERO_CACHE_BACKEND=redis QUARKUS_REDIS_HOSTS="redis://127.0.0.1:$REDIS_PORT" \
        PARTNERO_CACHE_TTL="$TTL" PARTNERO_CACHE_STALE_WHILE_REVALIDATE="$SWR" PARTNERO_CACHE_STALE_IF_ERROR="$SIE" \
        QUARKUS_LOG_CATEGORY__PARTNERO_GATEWAY_REQUESTS__LEVEL=$level \
        "${cmd[@]}" >> "$RUN_DIR/replica-$n.log" 2>&1 &
    PIDS[replica-$n]=$!
    echo "${PIDS[replica-$n]}" > "$RUN_DIR/replica-$n.pid"
    (
        for _ in $(seq 1200); do
            if curl -sf -o /dev/null "http://127.0.0.1:$(replica_port "$n")/q/health/ready"; then event "ready-$n"; exit 0; fi
            sleep 0.1
        done
    ) &
    PIDS[ready-$n]=$!
}

start_haproxy() {
    local n servers=""
    for n in $(seq $REPLICAS); do servers+="    server r$n 127.0.0.1:$(replica_port "$n") check"$'\n'; done
    cat > "$RUN_DIR/haproxy.cfg" <<EOF
global
    maxconn 4096
    nbthread 1
    stats socket $RUN_DIR/haproxy.sock mode 600 level admin
defaults
    mode http
    timeout connect 1s
    timeout client 60s
    timeout server 40s
    timeout http-keep-alive 30s
    timeout check 2s
    option http-buffer-request
    # GraphQL queries are reads: one that met a dead or dying replica goes to another
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response response-timeout
frontend chaos
    bind 127.0.0.1:$LB_PORT
    http-request set-var(txn.chaos_id) req.hdr(x-chaos-id)
    http-after-response set-header x-chaos-id %[var(txn.chaos_id)]
    http-after-response set-header x-replica %s
    default_backend replicas
frontend stats
    bind 127.0.0.1:$LB_STATS_PORT
    stats enable
    stats uri /
backend replicas
    balance roundrobin
    option httpchk GET /q/health/ready
    http-check expect status 200
    default-server inter 1s fastinter 500ms downinter 1s fall 2 rise 2
$servers
EOF
    "$(command -v haproxy || echo /usr/sbin/haproxy)" -f "$RUN_DIR/haproxy.cfg" -db > "$RUN_DIR/haproxy.log" 2>&1 &
    PIDS[haproxy]=$!
}

# RSS of each replica every 2 s: unix time, then per replica its pid and RSS in MiB (0 0 while it is down)
sample_rss() {
    while true; do
        local line n pid
        line=$(now)
        for n in $(seq $REPLICAS); do
            pid=$(cat "$RUN_DIR/replica-$n.pid" 2>/dev/null || echo 0)
            if [ "$pid" != 0 ] && [ -r "/proc/$pid/status" ]; then
                line+=$'\t'$pid$'\t'$(awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$pid/status")
            else
                line+=$'\t0\t0'
            fi
        done
        echo "$line" >> "$RUN_DIR/rss.tsv"
        sleep 2
    done
}

warm_up() { # every request of the mix once, through haproxy; each must be answered with data
    local kind body answer n=0
    while IFS=$'\t' read -r kind body; do
        answer=$(curl -s "http://127.0.0.1:$LB_PORT/graphql" -H 'Content-Type: application/json' -d "$body")
        case $answer in
            *'"errors"'*|'') echo "warm-up: no data for $body: $answer" >&2; exit 1 ;;
        esac
        n=$((n + 1))
    done < bench/chaos/requests.tsv
    echo "warm-up: the $n requests of the mix answered once each"
}

replicas_up() { curl -s "http://127.0.0.1:$LB_STATS_PORT/;csv" | grep -c '^replicas,r[0-9]*,.*,UP,' || true; }

run_event() {
    local what=$1 n
    case $what in # one replica down at a time, as in a rolling restart: the others must be up first
        kill-*|term-*) for _ in $(seq 1800); do [ "$(replicas_up)" = $REPLICAS ] && break; sleep 0.1; done ;;
    esac
    case $what in
        redis-kill) kill -9 "${PIDS[redis]}"; wait "${PIDS[redis]}" 2>/dev/null || true; event redis-kill ;;
        redis-start) start_redis; event redis-start ;;
        kill-*) n=${what#kill-}; kill -9 "${PIDS[replica-$n]}"; wait "${PIDS[replica-$n]}" 2>/dev/null || true
            echo 0 > "$RUN_DIR/replica-$n.pid"; event "kill-$n" ;;
        start-*) n=${what#start-}; start_replica "$n"; event "start-$n" ;;
        term-*) n=${what#term-}; event "term-$n"; kill -TERM "${PIDS[replica-$n]}"
            wait "${PIDS[replica-$n]}" 2>/dev/null || true
            echo 0 > "$RUN_DIR/replica-$n.pid"; event "exited-$n"
            start_replica "$n"; event "start-$n" ;;
    esac
}

drive() { # the schedule, against the clock started at $T0
    local label start length fault events spec at
    while read -r label start length fault events; do
        [ -n "$label" ] || continue
        sleep_until "$(awk -v t="$T0" -v s="$(scaled "$start")" 'BEGIN { printf "%.3f", t + s }')"
        phase "$label" "$fault"
        printf '%s\t%s\t%s\n' "$(now)" "$label" "$fault" >> "$RUN_DIR/phases.tsv"
        echo "$(date -u +%T) phase $label ($fault, $(scaled "$length") s)"
        for spec in $events; do
            at=$(awk -v t="$(tail -1 "$RUN_DIR/phases.tsv" | cut -f1)" -v s="$(scaled "${spec#*@}")" 'BEGIN { printf "%.3f", t + s }')
            sleep_until "$at"
            run_event "${spec%@*}"
        done
    done <<< "$SCHEDULE"
    sleep_until "$(awk -v t="$T0" -v d="$DURATION" 'BEGIN { printf "%.3f", t + d }')"
    printf '%s\tend\tnone\n' "$(now)" >> "$RUN_DIR/phases.tsv"
}

main() {
    install_missing
    check_ports
    if [ -z "$NATIVE" ] && [ ! -f "$JAR" ]; then ./mvnw -B package -DskipTests -Dquarkus.http.test-port=0; fi
    mkdir -p "$OUT"
    find "$OUT" -maxdepth 1 -type f -delete # a previous run's files
    local artifact="JVM jar ($(java -version 2>&1 | head -1), $JAVA_OPTS)"
    [ -z "$NATIVE" ] || artifact="native executable $NATIVE ($NATIVE_OPTS)"
    echo "$(date -u '+%F %T') UTC, $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load average" \
        "$(cut -d' ' -f1-3 /proc/loadavg) at the start; $artifact; haproxy $(haproxy -v 2>/dev/null | head -1 | awk '{ print $3 }')," \
        "redis-server $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p'); DURATION=$DURATION CONNECTIONS=$CONNECTIONS" \
        "TTL=$TTL SWR=$SWR SIE=$SIE DELAY=$DELAY FRESH=$FRESH; commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)" > "$OUT/machine.txt"
    cat "$OUT/machine.txt"

    start_standin
    phase warm-up none
    start_redis
    local n
    for n in $(seq $REPLICAS); do start_replica "$n"; done
    start_haproxy
    for n in $(seq $REPLICAS); do
        for _ in $(seq 1800); do grep -q "ready-$n" "$RUN_DIR/events.tsv" 2>/dev/null && break; sleep 0.1; done
        grep -q "ready-$n" "$RUN_DIR/events.tsv" || { echo "replica $n did not start; its log:" >&2; tail -20 "$RUN_DIR/replica-$n.log" >&2; exit 1; }
    done
    until [ "$(replicas_up)" = $REPLICAS ]; do sleep 0.2; done
    warm_up
    sample_rss &
    PIDS[rss]=$!

    T0=$(now)
    env REQUESTS=bench/chaos/requests.tsv FRESH="$FRESH" RUN="$(date +%s)" LOG="$RUN_DIR/answers" \
        wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 60s -s bench/chaos/check.lua \
        "http://127.0.0.1:$LB_PORT/graphql" > "$RUN_DIR/wrk.txt" 2>&1 &
    PIDS[wrk]=$!
    drive
    wait "${PIDS[wrk]}" || true
    unset 'PIDS[wrk]'
    sleep 1

    curl -s "http://127.0.0.1:$CONTROL_PORT/stats" > "$RUN_DIR/faultproxy.json"
    curl -s "http://127.0.0.1:$LB_STATS_PORT/;csv" > "$OUT/haproxy-stats.csv"
    for n in $(seq $REPLICAS); do # the gateways' warnings and errors, counted (their logs are not kept)
        grep -h -o -E '"level":"(WARN|ERROR)".*"message":"[^"]{0,200}' "$RUN_DIR/replica-$n.log" \
            | sed -E 's/"timestamp":"[^"]*",?//; s/[0-9a-f]{16,}/<hex>/g' | sort | uniq -c | sort -rn | sed "s/^/replica $n: /" || true
    done > "$OUT/warnings.txt"
    grep -h '"level":"ERROR"' "$RUN_DIR"/replica-*.log | head -40 | cut -c1-2000 > "$OUT/errors.txt" || true
    python3 bench/chaos/report.py "$RUN_DIR" "$OUT" | tee "$OUT/results.md"
    gnuplot -e "out='$OUT'" bench/chaos/plot.gp && echo "plot: $OUT/chaos.png"
    [ "$KEEP" = 1 ] || rm -f "$OUT/timeline-raw.tsv"
    echo "results: $OUT/results.md ($(du -sh "$OUT" | cut -f1))"
}

main "$@"
