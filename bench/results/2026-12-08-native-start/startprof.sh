#!/bin/bash
# perf-records N starts of a native executable until its first answer, then folds the stacks together:
#   bench/results/2026-12-08-native-start/startprof.sh path/to/runner 5 /tmp/startprof
EXE=$1; N=${2:-5}; OUT=${3:-/tmp/startprof}; mkdir -p $OUT; rm -f $OUT/*.data
for i in $(seq $N); do
  port=$((20000 + i))
  perf record -q -F 20000 -g -o $OUT/s$i.data -- env QUARKUS_HTTP_PORT=$port PARTNERO_API_KEY=k PARTNERO_API_URL=http://127.0.0.1:9/v1 $EXE > $OUT/s$i.log 2>&1 &
  t0=$(date +%s%N)
  until curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' http://127.0.0.1:$port/graphql; do sleep 0.002; done
  t1=$(date +%s%N)
  echo "start $i: $(( (t1 - t0) / 1000000 )) ms"
  pkill -f "QUARKUS_HTTP_PORT=$port" ; pkill -INT -f "$(basename $EXE)" ; wait
done
for i in $(seq $N); do perf script -i $OUT/s$i.data 2>/dev/null; done | python3 "$(dirname "$0")/../../fold.py" > $OUT/all.folded
wc -l $OUT/all.folded
