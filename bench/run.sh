#!/usr/bin/env bash
# Throughput, latency and memory of the gateway against a Partnero stand-in, next to the Apollo Server
# and Tailcall peers and the stand-in itself (the ceiling), as the README reports them.
#
#   bench/run.sh                       # Apollo, Tailcall, the JVM jar, and the native executable if target/ has one
#   RUNS=5 DURATION=10 bench/run.sh
#   KINDS="jvm native" bench/run.sh    # some of them only (default: "apollo tailcall jvm native")
#   SCENARIOS="engine misses" bench/run.sh  # some scenarios only (default: "cold hits mix engine misses nested")
#   MEASURE=0 SOAK=1 bench/run.sh      # the soak only
#   PROFILE=1 bench/run.sh             # also a CPU profile of the gateway during each scenario's first
#                                      # run: perf record -e cpu-clock (a software event: no hardware
#                                      # counters needed), own samples and with callees, OUT/profile-*.txt,
#                                      # and the stacks folded (OUT/profile-*.folded; bench/fold.py --under)
#   SYSCALLS=1 bench/run.sh            # also the gateway's system calls and context switches per answer
#                                      # during each scenario's first run (perf stat on the kernel's
#                                      # syscall tracepoints), OUT/syscalls.tsv
#   SOAK=1 bench/run.sh                # then 10 minutes per artifact under distinct and repeated requests
#                                      # (rotating variables and client keys, limit 250 too), RSS and
#                                      # throughput every 10 s, default heap and a 256 MiB heap; plots
#   REPLICAS=1 bench/run.sh            # instead of all that: two JVM replicas, caches memory vs redis
#                                      # (RUNS=3 WARMUP=120 by default here, about 15 minutes; results in
#                                      # target/bench-replicas), see "REPLICAS=1" below
#
# What it does, on a Debian-like machine with two or more cores:
#   - installs wrk, nginx and gnuplot from the package manager if they are missing (root or sudo);
#   - builds target/quarkus-app/quarkus-run.jar if it is missing (./mvnw package -DskipTests);
#   - copies the Apollo Server peer (../shared/peers/apollo, or APOLLO_SRC) to APOLLO_DIR and runs
#     npm ci there once (its node_modules never land in the source); likewise the Tailcall peer (Rust,
#     ../shared/peers/tailcall or TAILCALL_SRC, to TAILCALL_DIR), whose setup.sh also fetches the newer
#     glibc loader its binary needs (Debian 13's, unpacked under /tmp/trixie; the system's is untouched);
#   - serves two static Partnero answers with nginx (bench/upstream/), which needs a bearer token and
#     sends Cache-Control: no-cache like Partnero, and measures that stand-in directly: the ceiling;
#   - runs each gateway pinned to CPU 0 (taskset), with wrk and nginx pinned to CPU 1, 64 connections,
#     every answer checked (bench/check.lua: a 200 with "errors" counts as a failure), a warm-up, then
#     RUNS runs of DURATION seconds, medians with min-max, in these scenarios:
#       cold    a freshly started process, default settings, distinct requests, first COLD seconds
#       hits    default settings, the same request repeated: answered from the answer cache
#       engine  answer cache off, data cache on: the GraphQL engine runs, Partnero is not called
#       misses  all caches off: every request reaches Partnero
#       mix     default settings, every request with other variables (pages, limits, filters)
#       nested  the query "nested" (customers page 1, each with its partner: GET /partners/{id}) in
#               the hits, engine and misses configurations; the stand-in's calls per answer are
#               counted (its stub_status) and reported next to requests/s (OUT/calls.tsv)
#     (Apollo and Tailcall have no cache: their one configuration is compared with every scenario);
#   - reports each figure as a ratio to Apollo's and to the ceiling in the same run, and the
#     gateway's RSS after its first answer and after the load.
# REPLICAS=1 (the JVM jar only; needs redis-server): the shared cache of partnero.cache.backend=redis.
#   - a redis-server on a free port (no persistence) and the stand-in, both on CPU 1, the stand-in
#     logging every call it gets;
#   - mix: two replicas of the jar on CPU 0, both with backend memory, then both with backend redis
#     (Redis emptied first); each loaded by its own wrk with half the connections (wrk targets one
#     port; a proxy in front would add a hop to every answer and a third process on CPU 1), both wrk
#     walking the same 1 800 requests of the mix, the second OFFSET requests (900) behind the first
#     (OFFSET=0: both ask for the same page at the same moment); a warm-up, then RUNS runs of
#     REPLICAS_DURATION seconds (45: the 30 s ttl expires once within a run), each run with a client
#     key of its own so that it starts from empty caches; requests/s added up, p50 and p99 the
#     higher of the two wrk, the stand-in's calls and Redis' commands per 1 000 answers;
#   - hits: one replica, the same request repeated, backend memory then redis: what Redis costs
#     an answer-cache hit; RUNS runs of DURATION seconds after WARMUP.
# Startup time and RSS after the first answer: bench/startup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

REPLICAS=${REPLICAS:-0}
[ "$REPLICAS" != 1 ] || RUNS=${RUNS:-3}
[ "$REPLICAS" != 1 ] || WARMUP=${WARMUP:-120} # two JVMs compiling on one core: with 60 s, Redis commands still timed out
RUNS=${RUNS:-5}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-60}  # one core: the JIT compilers still take 5-8 % of it after 90 s
CONNECTIONS=${CONNECTIONS:-64}
SOAK=${SOAK:-0}
MEASURE=${MEASURE:-1}
KINDS=${KINDS:-apollo tailcall jvm native}
SCENARIOS=${SCENARIOS:-cold hits mix engine misses nested}
PROFILE=${PROFILE:-0}
SYSCALLS=${SYSCALLS:-0}
COLD=${COLD:-30}
NATIVE_WARMUP=${NATIVE_WARMUP:-15} # no JIT to wait for
APOLLO_SRC=${APOLLO_SRC:-../shared/peers/apollo}
APOLLO_DIR=${APOLLO_DIR:-${TMPDIR:-/tmp}/partnero-bench-apollo}
TAILCALL_SRC=${TAILCALL_SRC:-../shared/peers/tailcall}
TAILCALL_DIR=${TAILCALL_DIR:-${TMPDIR:-/tmp}/partnero-bench-tailcall}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
NATIVE=${NATIVE:-$(ls target/*-runner 2>/dev/null | head -1 || true)}
JAVA=${JAVA:-java}
[ "$REPLICAS" != 1 ] || OUT=${OUT:-target/bench-replicas}
OUT=${OUT:-target/bench}
REPLICAS_DURATION=${REPLICAS_DURATION:-45}
OFFSET=${OFFSET:-900}

GATEWAY_CPU=0
LOAD_CPU=1

need() {
    local missing=()
    local tools=(wrk nginx taskset curl python3 gnuplot)
    [ "$PROFILE" = 1 ] || [ "$SYSCALLS" = 1 ] && tools+=(perf)
    for tool in "${tools[@]}"; do
        command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing+=("$tool")
    done
    if ((${#missing[@]})); then
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo=sudo
        echo "installing: wrk nginx-light gnuplot-nox linux-perf (for ${missing[*]})"
        $sudo apt-get update -qq
        $sudo apt-get install -y -qq wrk nginx-light gnuplot-nox util-linux curl python3 linux-perf >/dev/null
    fi
    [ "$(nproc)" -ge 2 ] || { echo "the benchmark pins the gateway and the load to different cores: it needs 2" >&2; exit 1; }
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
stats() { # "median (min-max)" of the numbers on stdin
    sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
        printf "%s (%s-%s)", m, v[1], v[NR] }'
}
wants() { [[ " $SCENARIOS " == *" $1 "* ]]; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }

start_upstream() {
    UPSTREAM_PORT=$(free_port)
    RUN_DIR=$(mktemp -d)
    mkdir -p "$RUN_DIR"/{body,proxy,fastcgi,uwsgi,scgi}
    local log=off # REPLICAS=1 counts the calls
    [ "$REPLICAS" != 1 ] || log="$RUN_DIR/access.log"
    sed -e "s#@ROOT@#$PWD/bench/upstream#g" -e "s#@PORT@#$UPSTREAM_PORT#g" -e "s#@RUN@#$RUN_DIR#g" \
        -e "s#access_log off;#access_log $log;#" bench/upstream/nginx.conf.template > "$RUN_DIR/nginx.conf"
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

# wrk URL SECONDS [VAR=value ...] -> the RESULT line; the variables go to bench/check.lua
load() {
    local url=$1 seconds=$2
    shift 2
    env "$@" taskset -c $LOAD_CPU wrk -t1 -c"$CONNECTIONS" -d"$seconds"s --latency -s bench/check.lua "$url" | grep '^RESULT'
}

# the requests the stand-in has served so far (its stub_status; reading it is one more)
standin_requests() {
    curl -s -H 'Authorization: Bearer x' "http://127.0.0.1:$UPSTREAM_PORT/stand-in/status" | awk 'NR == 3 { print $3 }'
}

# measure KIND SCENARIO QUERY WARMUP URL [VAR=value ...]: a warm-up, RUNS runs, one row of results.tsv
# and one of calls.tsv (the stand-in's calls per answer over the runs) and of cpu.tsv (the gateway's CPU per answer); with PROFILE=1, the first run under perf record
measure() {
    local kind=$1 scenario=$2 query=$3 warmup=$4 url=$5 results=() run calls_before
    shift 5
    [ "$warmup" -gt 0 ] && load "$url" "$warmup" "$@" >/dev/null
    calls_before=$(standin_requests)
    local cpu_before
    cpu_before=$(gateway_cpu_ticks)
    for run in $(seq "$RUNS"); do
        if [ "$PROFILE" = 1 ] && [ "$run" = 1 ] && [ "$kind" != ceiling ]; then
            profile "$kind-$scenario-$query" &
            local profiler=$!
            results+=("$(load "$url" "$DURATION" "$@")")
            wait "$profiler"
        elif [ "$SYSCALLS" = 1 ] && [ "$run" = 1 ] && [ "$kind" != ceiling ]; then
            perf stat -x, -o "$OUT/syscalls.data" -p "$GATEWAY_PID" -e raw_syscalls:sys_enter,context-switches \
                -e "$(printf 'syscalls:sys_enter_%s,' $SYSCALL_NAMES | sed 's/,$//')" -- sleep "$DURATION" 2>/dev/null &
            local counter=$!
            results+=("$(load "$url" "$DURATION" "$@")")
            wait "$counter" || true
            syscalls "$kind" "$scenario" "$query" "$(printf '%s\n' "${results[0]}" | field requests)"
        else
            results+=("$(load "$url" "$DURATION" "$@")")
        fi
    done
    local calls=$(($(standin_requests) - calls_before - 1)) answered cpu=$(($(gateway_cpu_ticks) - cpu_before))
    answered=$(printf '%s\n' "${results[@]}" | field requests | awk '{ n += $1 } END { print n + 0 }')
    [ "$kind" = ceiling ] || printf '%s\t%s\t%s\t%s\n' "$kind" "$scenario" "$query" \
        "$(awk -v c="$calls" -v n="$answered" 'BEGIN { printf "%.3f", n ? c / n : 0 }')" >> "$OUT/calls.tsv"
    # the gateway's own CPU per answer (user + system, from /proc): unlike requests/s, hardly moved by
    # what else the shared machine runs, so two builds compare on it even in a noisy sitting (bench/ab.sh)
    [ "$kind" = ceiling ] || printf '%s\t%s\t%s\t%s\n' "$kind" "$scenario" "$query" \
        "$(awk -v t="$cpu" -v hz="$(getconf CLK_TCK)" -v n="$answered" 'BEGIN { printf "%.1f", n ? t / hz * 1e6 / n : 0 }')" >> "$OUT/cpu.tsv"
    record "$kind" "$scenario" "$query" "${results[@]}"
}

# gateway_cpu_ticks: the gateway process's user + system CPU so far, in clock ticks (0 when it is not running)
gateway_cpu_ticks() {
    [ -n "${GATEWAY_PID:-}" ] && [ -r "/proc/$GATEWAY_PID/stat" ] || { echo 0; return; }
    awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$GATEWAY_PID/stat" # after "(comm) ": utime and stime are the 12th and 13th
}

# profile NAME: DURATION seconds of the gateway's CPU samples (perf's cpu-clock software event, 999 Hz)
# -> OUT/profile-NAME.txt: the hottest symbols by their own samples, then with the samples under them
profile() {
    local data="$OUT/profile-$1.data"
    perf record -q -e cpu-clock -F 999 -g -p "$GATEWAY_PID" -o "$data" -- sleep "$DURATION" >/dev/null 2>&1 || return 0
    # the JIT's code: its symbols from HotSpot's perf map (/tmp/perf-PID.map), written now
    [ "${1%%-*}" != jvm ] || jcmd "$GATEWAY_PID" Compiler.perfmap >/dev/null 2>&1 || true
    {
        echo "# perf record -e cpu-clock -F 999 -g -p <gateway> for $DURATION s; own samples per symbol"
        perf report -i "$data" --no-children --stdio --sort symbol -g none --percent-limit 0.3 2>/dev/null | grep -v '^#' | grep -v '^$'
        echo
        echo "# including the samples of what each symbol called (where the code keeps frame pointers)"
        perf report -i "$data" --children --stdio --sort symbol -g none --percent-limit 2 2>/dev/null | grep -v '^#' | grep -v '^$'
    } > "$OUT/profile-$1.txt"
    perf script -i "$data" 2>/dev/null | python3 bench/fold.py > "$OUT/profile-$1.folded" # bench/fold.py --under FRAME reads it
    rm -f "$data"
}

# syscalls KIND SCENARIO QUERY REQUESTS: perf stat's counts over one run, per answer, -> OUT/syscalls.tsv
# (kind scenario query, then all system calls, context switches and the named calls, each per answer)
SYSCALL_NAMES="read write writev readv epoll_wait epoll_pwait epoll_ctl futex sched_yield mmap munmap madvise mprotect"
syscalls() {
    local kind=$1 scenario=$2 query=$3 requests=$4
    [ -s "$OUT/syscalls.data" ] || return 0
    [ -s "$OUT/syscalls.tsv" ] || printf 'kind\tscenario\tquery\tall\tcontext-switches\t%s\n' "$(echo $SYSCALL_NAMES | tr ' ' '\t')" > "$OUT/syscalls.tsv"
    awk -F, -v n="$requests" -v row="$kind\t$scenario\t$query" '
        $3 ~ /:/ || $3 == "context-switches" { name = $3; sub(/^.*sys_enter_?/, "", name); v[name] = ($1 ~ /^[0-9]/ ? $1 : 0) }
        END { printf "%s\t%.2f\t%.2f", row, v[""] / n, v["context-switches"] / n
              split("'"$SYSCALL_NAMES"'", names, " "); for (i = 1; i in names; i++) printf "\t%.2f", v[names[i]] / n
              print "" }' "$OUT/syscalls.data" >> "$OUT/syscalls.tsv"
    rm -f "$OUT/syscalls.data"
}

# record KIND SCENARIO QUERY RESULT... -> results.tsv: kind scenario query rps min max p50 p99 failures runs
record() {
    local kind=$1 scenario=$2 query=$3
    shift 3
    printf '%s\n' "$@" | sed "s/^/$kind $scenario $query /" >> "$OUT/raw.txt"
    local rps p50 p99 failures
    rps=$(printf '%s\n' "$@" | field rps | stats)
    p50=$(printf '%s\n' "$@" | field p50_ms | stats)
    p99=$(printf '%s\n' "$@" | field p99_ms | stats)
    failures=$(printf '%s\n' "$@" | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^(failures|socket_errors)=/) { split($i, kv, "="); n += kv[2] } } END { print n + 0 }')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$scenario" "$query" "$rps" "$p50" "$p99" "$failures" | tee -a "$OUT/results.tsv"
}

# start_gateway KIND NAME [VAR=value ...]: the gateway (jvm, native) or a peer (apollo, tailcall), on CPU 0
start_gateway() {
    local kind=$1 name=$2
    shift 2
    GATEWAY_PORT=$(free_port)
    local cmd
    case $kind in
        native) cmd=("$NATIVE" ${NATIVE_OPTS:-}) ;;
        jvm) cmd=("$JAVA" ${JAVA_OPTS:-} -jar "$JAR")
            [ "$PROFILE" = 1 ] && cmd=("$JAVA" -XX:+PreserveFramePointer ${JAVA_OPTS:-} -jar "$JAR") ;; # stacks for perf
        apollo) cmd=(node "$APOLLO_DIR/server.js") ;;
        tailcall) cmd=("$TAILCALL_DIR/run.sh") ;; # execs Tailcall itself: its PID and RSS are measured
    esac
    env QUARKUS_HTTP_PORT="$GATEWAY_PORT" PORT="$GATEWAY_PORT" HOST=127.0.0.1 NODE_ENV=production \
        PARTNERO_API_URL="http://127.0.0.1:$UPSTREAM_PORT/v1" PARTNERO_API_KEY=bench-key "$@" \
        taskset -c $GATEWAY_CPU "${cmd[@]}" > "$OUT/$name.log" 2>&1 &
    GATEWAY_PID=$!
    GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT/graphql"
    [ "$kind" = apollo ] && GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT/"
    until curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"query": "{ __typename }"}' "$GATEWAY_URL"; do
        kill -0 "$GATEWAY_PID" 2>/dev/null || { echo "$name died; see $OUT/$name.log" >&2; exit 1; }
        sleep 0.1
    done
}

stop_gateway() {
    kill "$GATEWAY_PID" 2>/dev/null || true
    wait "$GATEWAY_PID" 2>/dev/null || true
}

rss_mib() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

first_answer() { # checks the first customers answer and notes the RSS after it
    local answer
    answer=$(curl -s "$GATEWAY_URL" -H 'Content-Type: application/json' -H 'Authorization: Bearer bench-key' -d "$CUSTOMERS")
    case $answer in *"$CUSTOMERS_EXPECT"*) ;; *) echo "wrong first answer from $1: $answer" >&2; exit 1 ;; esac
    echo "$1: $(rss_mib "$GATEWAY_PID") MiB after the first answer" >> "$OUT/rss.txt"
}

DOCUMENT='{ customers(page: 1, limit: 15) { items { key email name surname partnerKey deleted createdAt updatedAt deletedAt } pageInfo { currentPage perPage from to hasNextPage hasPreviousPage } } }'
CUSTOMERS="{\"query\": \"$DOCUMENT\"}"
CUSTOMERS_EXPECT='"hasNextPage":true'
PAGES='query Page($page: Int, $limit: Int, $partnerKey: String) { customers(page: $page, limit: $limit, partnerKey: $partnerKey) { items { key email name surname partnerKey deleted createdAt updatedAt deletedAt } pageInfo { currentPage perPage from to hasNextPage hasPreviousPage } } }'
SEARCH='{"query": "{ searchCustomer(email: \"customer1@example.com\") { key email name surname partnerKey deleted createdAt updatedAt deletedAt } }"}'
SEARCH_EXPECT='"key":"customer_001"'
# the Partnero graph: page 1 with each customer's partner (4 distinct partners among the 15 customers;
# the fields are the ones the Apollo and Tailcall peers serve)
NESTED='{"query": "{ customers(page: 1, limit: 15) { items { key email name partnerKey partner { id email name surname status approved referralsCount } } pageInfo { hasNextPage } } }"}'
NESTED_EXPECT='"referralsCount":4'

# the scenarios of one kind (those in SCENARIOS); the peers have one configuration, so they run cold,
# misses (both queries) and mix
run_kind() {
    local kind=$1 warmup=$WARMUP
    [ "$kind" = native ] && warmup=$NATIVE_WARMUP
    # Tailcall cannot fall back to a server-side key: its requests carry the key themselves
    local auth=()
    [ "$kind" = tailcall ] && auth=(AUTH="Bearer bench-key")
    local customers=(BODY="$CUSTOMERS" EXPECT="$CUSTOMERS_EXPECT" "${auth[@]}") search=(BODY="$SEARCH" EXPECT="$SEARCH_EXPECT" "${auth[@]}")
    local nested=(BODY="$NESTED" EXPECT="$NESTED_EXPECT" "${auth[@]}")
    local mix=(BODY="$PAGES" EXPECT="$CUSTOMERS_EXPECT" VARY=1 "${auth[@]}")

    # the default process: cold, the mix, and the same request repeated (answer-cache hits; the peers
    # have no cache, so for them that is every request reaching Partnero: misses)
    local repeated=hits settings=" (default settings)" peer=0
    [ "$kind" = apollo ] || [ "$kind" = tailcall ] && peer=1
    [ "$peer" = 1 ] && repeated=misses settings=""
    if wants cold || wants "$repeated" || wants mix || wants nested; then
        start_gateway "$kind" "$kind-default"
        first_answer "$kind"
        ! wants cold || record "$kind" cold customers "$(load "$GATEWAY_URL" "$COLD" "${mix[@]}")"
        if wants "$repeated"; then
            measure "$kind" "$repeated" customers "$warmup" "$GATEWAY_URL" "${customers[@]}"
            measure "$kind" "$repeated" search "$warmup" "$GATEWAY_URL" "${search[@]}"
        fi
        ! wants nested || measure "$kind" "$repeated" nested "$warmup" "$GATEWAY_URL" "${nested[@]}"
        ! wants mix || measure "$kind" mix customers "$warmup" "$GATEWAY_URL" "${mix[@]}"
        echo "$kind: $(rss_mib "$GATEWAY_PID") MiB after the load$settings" >> "$OUT/rss.txt"
        stop_gateway
    fi
    [ "$peer" = 0 ] || return 0

    # one process per configuration: its scenario's queries, and the nested one
    local scenario setting
    for scenario in engine misses; do
        wants "$scenario" || wants nested || continue
        setting=PARTNERO_ANSWER_CACHE_ENABLED=false
        [ "$scenario" = misses ] && setting=PARTNERO_CACHE_ENABLED=false
        start_gateway "$kind" "$kind-$scenario" "$setting"
        if wants "$scenario"; then
            measure "$kind" "$scenario" customers "$warmup" "$GATEWAY_URL" "${customers[@]}"
            measure "$kind" "$scenario" search "$warmup" "$GATEWAY_URL" "${search[@]}"
        fi
        ! wants nested || measure "$kind" "$scenario" nested "$warmup" "$GATEWAY_URL" "${nested[@]}"
        [ "$scenario" = engine ] || echo "$kind: $(rss_mib "$GATEWAY_PID") MiB after the load (caches off)" >> "$OUT/rss.txt"
        stop_gateway
    done
}

prepare_apollo() {
    [ -f "$APOLLO_SRC/server.js" ] || { echo "no Apollo peer at $APOLLO_SRC (set APOLLO_SRC): skipping it" >&2; return 1; }
    command -v node >/dev/null || { echo "no node: skipping the Apollo peer" >&2; return 1; }
    mkdir -p "$APOLLO_DIR"
    cp "$APOLLO_SRC"/server.js "$APOLLO_SRC"/package.json "$APOLLO_SRC"/package-lock.json "$APOLLO_DIR"/
    [ -d "$APOLLO_DIR/node_modules" ] || (cd "$APOLLO_DIR" && npm ci --no-audit --no-fund --silent)
}

prepare_tailcall() {
    [ -f "$TAILCALL_SRC/run.sh" ] || { echo "no Tailcall peer at $TAILCALL_SRC (set TAILCALL_SRC): skipping it" >&2; return 1; }
    mkdir -p "$TAILCALL_DIR"
    cp "$TAILCALL_SRC"/*.sh "$TAILCALL_SRC"/*.graphql "$TAILCALL_SRC"/*.js "$TAILCALL_SRC"/package.json \
        "$TAILCALL_SRC"/package-lock.json "$TAILCALL_DIR"/
    "$TAILCALL_DIR/setup.sh" -q || { echo "the Tailcall peer could not be set up: skipping it" >&2; return 1; }
}

# 10 minutes under load, in 10 s steps: throughput and RSS of each step (soak-<name>.tsv)
soak() {
    local kind=$1 name=$2
    shift 2
    start_gateway "$kind" "soak-$name" "$@"
    first_answer "soak-$name"
    : > "$OUT/soak-$name.tsv"
    for step in $(seq 1 60); do
        local result
        result=$(load "$GATEWAY_URL" 10 BODY="$PAGES" EXPECT="$CUSTOMERS_EXPECT" VARY=1 REPEAT=1 HEAVY=1 KEYS=7)
        printf '%d\t%s\t%s\t%s\n' "$((step * 10))" "$(echo "$result" | field rps)" "$(rss_mib "$GATEWAY_PID")" \
            "$(echo "$result" | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^(failures|socket_errors)=/) { split($i, kv, "="); n += kv[2] } } END { print n + 0 }')" \
            >> "$OUT/soak-$name.tsv"
    done
    if grep -q OutOfMemoryError "$OUT/soak-$name.log"; then echo "soak $name: OutOfMemoryError" | tee -a "$OUT/rss.txt"; fi
    stop_gateway
}

# REPLICAS=1: the redis backend against the memory backend (see the top of this file)
REPLICA_PIDS=()
WRK_PIDS=()
REDIS_PID=

start_redis() {
    command -v redis-server >/dev/null || { echo "REPLICAS=1 needs redis-server (apt-get install redis-server)" >&2; exit 1; }
    REDIS_PORT=$(free_port)
    taskset -c $LOAD_CPU redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no \
        --logfile "$OUT/redis.log" &
    REDIS_PID=$!
    until redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; do
        kill -0 "$REDIS_PID" 2>/dev/null || { echo "redis-server died; see $OUT/redis.log" >&2; exit 1; }
        sleep 0.1
    done
}

stop_all() {
    local pid
    for pid in "${WRK_PIDS[@]}" ${GATEWAY_PID:-} "${REPLICA_PIDS[@]}" $REDIS_PID; do kill "$pid" 2>/dev/null || true; done
    for pid in "${WRK_PIDS[@]}" ${GATEWAY_PID:-} "${REPLICA_PIDS[@]}" $REDIS_PID; do wait "$pid" 2>/dev/null || true; done
    WRK_PIDS=()
    REPLICA_PIDS=()
    REDIS_PID=
}

# start_replicas BACKEND COUNT [VAR=value ...]: REPLICA_URLS
start_replicas() {
    local backend=$1 count=$2 i
    shift 2
    REPLICA_URLS=()
    for i in $(seq "$count"); do
        start_gateway jvm "replicas-$backend-$count-$i" PARTNERO_CACHE_BACKEND="$backend" \
            QUARKUS_REDIS_HOSTS="redis://127.0.0.1:$REDIS_PORT" "$@"
        REPLICA_PIDS+=("$GATEWAY_PID")
        REPLICA_URLS+=("$GATEWAY_URL")
    done
}

# stop_replicas NAME: their cache and Redis counters to metrics.txt, then stopped
stop_replicas() {
    local url pid
    for url in "${REPLICA_URLS[@]}"; do
        echo "# $1, ${url%/graphql}" >> "$OUT/metrics.txt"
        curl -s "${url%/graphql}/q/metrics" | grep -E '^(cache_gets_total|partnero_shared_cache)' >> "$OUT/metrics.txt" || true
    done
    for pid in "${REPLICA_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    REPLICA_PIDS=()
}

calls() { grep -c ' /v1/customers' "$RUN_DIR/access.log" || true; }
cpu_ticks() { local pid; for pid in "${REPLICA_PIDS[@]}"; do awk '{ print $14 + $15 }' "/proc/$pid/stat"; done | awk '{ t += $1 } END { print t + 0 }'; }
redis_commands() { redis-cli -p "$REDIS_PORT" info stats | tr -d '\r' | sed -n 's/^total_commands_processed://p'; }

# load_replicas SECONDS [VAR=value ...]: one wrk per replica, CONNECTIONS split between them, the
# i-th starting OFFSET * i requests further on; LOAD_RESULT, a RESULT line: requests/s, requests and
# failures added up, p50 and p99 the higher of them, calls= and redis= (the stand-in's calls, Redis'
# commands), cpu0= (the share of CPU 0 the replicas got: below 1, something else ran there too, or
# the load was too small). Not in a $(...): the trap must see WRK_PIDS.
load_replicas() {
    local seconds=$1 i=0 url calls_before redis_before ticks
    shift
    calls_before=$(sleep 1; calls)
    redis_before=$(redis_commands)
    ticks=$(cpu_ticks)
    for url in "${REPLICA_URLS[@]}"; do
        env "$@" START=$((OFFSET * i)) taskset -c $LOAD_CPU wrk -t1 -c$((CONNECTIONS / ${#REPLICA_URLS[@]})) \
            -d"$seconds"s --latency -s bench/check.lua "$url" > "$OUT/wrk-$i.txt" &
        WRK_PIDS+=($!)
        i=$((i + 1))
    done
    wait "${WRK_PIDS[@]}"
    WRK_PIDS=()
    ticks=$(($(cpu_ticks) - ticks))
    sleep 1 # the answers in flight
    LOAD_RESULT=$(grep -h '^RESULT' "$OUT"/wrk-*.txt | awk -v calls=$(($(calls) - calls_before)) -v redis=$(($(redis_commands) - redis_before)) \
        -v cpu0="$(awk -v t="$ticks" -v s="$seconds" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz / s }')" '
        { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] ~ /^p(50|99)_ms$/) { if (kv[2] + 0 > m[kv[1]] + 0) m[kv[1]] = kv[2] } else m[kv[1]] += kv[2] } }
        END { printf "RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d failures=%d socket_errors=%d calls=%d redis=%d calls_per_1000=%.2f redis_per_1000=%.0f cpu0=%s wrk=%d\n",
            m["rps"], m["p50_ms"], m["p99_ms"], m["requests"], m["failures"], m["socket_errors"], calls, redis,
            1000 * calls / m["requests"], 1000 * redis / m["requests"], cpu0, NR }')
    rm -f "$OUT"/wrk-*.txt
}

# measure_replicas BACKEND SCENARIO SECONDS [VAR=value ...] (the replicas running): RUNS runs, each with
# a client key of its own (empty caches); a row of replicas.tsv: backend scenario replicas requests/s
# p50 p99 calls/1000 redis/1000 cpu0 calls-per-run failures
measure_replicas() {
    local backend=$1 scenario=$2 seconds=$3 results=() run name
    shift 3
    for run in $(seq "$RUNS"); do
        load_replicas "$seconds" "$@" AUTH="Bearer bench-$scenario-$backend-$run"
        results+=("$LOAD_RESULT")
        echo "  $backend $scenario run $run: ${results[-1]}"
    done
    printf '%s\n' "${results[@]}" | sed "s/^/$backend $scenario ${#REPLICA_URLS[@]} /" >> "$OUT/raw.txt"
    local row=("$backend" "$scenario" "${#REPLICA_URLS[@]}")
    for name in rps p50_ms p99_ms calls_per_1000 redis_per_1000 cpu0 calls; do
        row+=("$(printf '%s\n' "${results[@]}" | field "$name" | stats)")
    done
    row+=("$(printf '%s\n' "${results[@]}" | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^(failures|socket_errors)=/) { split($i, kv, "="); n += kv[2] } } END { print n + 0 }')")
    (IFS=$'\t'; echo "${row[*]}") | tee -a "$OUT/replicas.tsv"
}

# both_backends SCENARIO REPLICAS SECONDS [VAR=value ...]: with backend memory, then redis (Redis emptied
# first): the replicas started, warmed up, measured (a row of replicas.tsv), their RSS noted, stopped
both_backends() {
    local scenario=$1 count=$2 seconds=$3 backend pid
    shift 3
    for backend in memory redis; do
        redis-cli -p "$REDIS_PORT" flushall >/dev/null
        start_replicas "$backend" "$count"
        echo "$scenario, $count replica(s), backend $backend: ${WARMUP} s of warm-up"
        load_replicas "$WARMUP" "$@" AUTH="Bearer bench-warm-up"
        measure_replicas "$backend" "$scenario" "$seconds" "$@"
        for pid in "${REPLICA_PIDS[@]}"; do echo "replica, backend $backend, $scenario: $(rss_mib "$pid") MiB after the load" >> "$OUT/rss.txt"; done
        stop_replicas "$scenario, backend $backend"
    done
}

replicas() {
    [ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
    mkdir -p "$OUT"
    rm -f "$OUT"/replicas-*.log "$OUT/redis.log"
    : > "$OUT/raw.txt"
    : > "$OUT/rss.txt"
    : > "$OUT/replicas.tsv"
    : > "$OUT/metrics.txt"
    echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ { print $2 }') GiB," \
        "load average $(cut -d' ' -f1-3 /proc/loadavg) before the run; $($JAVA -version 2>&1 | head -1), redis-server $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p');" \
        "mix: two replicas, $RUNS runs of ${REPLICAS_DURATION} s after ${WARMUP} s of warm-up, 2 wrk of $((CONNECTIONS / 2)) connections, offset $OFFSET;" \
        "hits: one replica, $RUNS runs of ${DURATION} s after ${WARMUP} s, $CONNECTIONS connections;" \
        "gateways on CPU $GATEWAY_CPU, wrk, nginx and redis-server on CPU $LOAD_CPU. $(date -u +%F)." > "$OUT/machine.txt"

    start_upstream
    trap 'stop_all; stop_upstream; rm -rf "$RUN_DIR"' EXIT
    trap 'exit 130' INT TERM
    start_redis
    both_backends mix 2 "$REPLICAS_DURATION" BODY="$PAGES" EXPECT="$CUSTOMERS_EXPECT" VARY=1
    both_backends hits 1 "$DURATION" BODY="$CUSTOMERS" EXPECT="$CUSTOMERS_EXPECT"
    grep -h -o -E '"level":"(WARN|ERROR)".*"message":"[^"]{0,160}' "$OUT"/replicas-*.log | sort | uniq -c | sort -rn | head -20 > "$OUT/warnings.txt" || true
    python3 bench/report.py "$OUT" | tee "$OUT/results.md"
    echo "Results in $OUT/results.md, every run in $OUT/raw.txt, the gateways' warnings in $OUT/warnings.txt,"
    echo "their cache counters in $OUT/metrics.txt."
}

main() {
    need
    if [ "$REPLICAS" = 1 ]; then
        replicas
        return
    fi
    [[ " $KINDS " != *" jvm "* ]] || [ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
    mkdir -p "$OUT"
    : > "$OUT/raw.txt"
    : > "$OUT/rss.txt"
    : > "$OUT/results.tsv"
    : > "$OUT/calls.tsv"
    : > "$OUT/cpu.tsv"
    echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ { print $2 }') GiB;" \
        "$RUNS runs of ${DURATION} s after ${WARMUP} s of warm-up (native: ${NATIVE_WARMUP} s), $CONNECTIONS connections;" \
        "gateway on CPU $GATEWAY_CPU, wrk and nginx on CPU $LOAD_CPU. $(date -u +%F)." > "$OUT/machine.txt"

    start_upstream
    trap 'stop_gateway 2>/dev/null; stop_upstream' EXIT
    [ "$MEASURE" = 1 ] && measure ceiling direct customers 10 "http://127.0.0.1:$UPSTREAM_PORT/v1/customers" \
        EXPECT='"current_page"' AUTH="Bearer bench-key"

    local kinds=()
    [[ " $KINDS " == *" apollo "* ]] && prepare_apollo && kinds+=(apollo)
    [[ " $KINDS " == *" tailcall "* ]] && prepare_tailcall && kinds+=(tailcall)
    [[ " $KINDS " == *" jvm "* ]] && kinds+=(jvm)
    [[ " $KINDS " == *" native "* ]] && [ -n "$NATIVE" ] && [ -x "$NATIVE" ] && kinds+=(native)
    if [ "$MEASURE" = 1 ]; then
        for kind in "${kinds[@]}"; do
            run_kind "$kind"
        done
    fi
    if [ "$SOAK" = 1 ]; then
        for kind in "${kinds[@]}"; do
            case $kind in
                jvm) soak jvm jvm; JAVA_OPTS="${JAVA_OPTS:-} -Xmx256m" soak jvm jvm-xmx256m ;;
                native) soak native native; NATIVE_OPTS="${NATIVE_OPTS:-} -Xmx256m" soak native native-xmx256m ;;
            esac
        done
    fi
    python3 bench/report.py "$OUT" | tee "$OUT/results.md"
    gnuplot -e "out='$OUT'" bench/plot.gp 2>/dev/null && echo "plots in $OUT/*.png"
    echo "Results in $OUT/results.md, every run in $OUT/raw.txt."
}

main "$@"
