#!/usr/bin/env bash
# The quota store benchmark (docs/quotas.md, "Benchmark"): QuotaBenchmark against a local Redis
# with 1 and 16 callers, each run between two `redis-benchmark -t incr` runs with the same client
# count on the same server (no pipelining), repeated REPS times; and the in-memory store's
# single-thread rate.
#
#   benchmarks/quota-bench.sh        needs redis-server and redis-benchmark on the PATH
#
# JMH runs in sample mode: the mean latency gives the rate (callers / mean: every caller has one
# call in flight at a time) and the distribution gives p99. It starts its own redis-server (port
# $QUOTA_BENCH_PORT, default 6390, no persistence) and stops it at the end. Short runs, sized for
# a 2-core machine: 1 fork, 2 x 1 s warm-up, 3 x 2 s measured.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${QUOTA_BENCH_PORT:-6390}"
reps="${REPS:-3}"

(cd "$root" && mvn -q -DskipTests install)
(cd "$root/benchmarks" && mvn -q package)

redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "/tmp/budget4j-quota-bench-$port.pid" --logfile "/tmp/budget4j-quota-bench-$port.log"
trap 'redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true' EXIT
until redis-cli -p "$port" ping 2>/dev/null | grep -q PONG; do sleep 0.05; done

jmh() {
    java -jar "$root/benchmarks/target/benchmarks.jar" \
        -jvmArgsAppend "-javaagent:$root/target/budget4j-agent.jar -Dbudget4j.bench.redis=redis://127.0.0.1:$port" \
        -f 1 -wi 2 -w 1s -i 3 -r 2s "$@" | sed -n '/^Benchmark /,$p' | grep -E 'Benchmark|sample  |:p0.99 |thrpt'
}
incr() { # throughput, then avg/min/p50/p95/p99/max in ms
    redis-benchmark -p "$port" -t incr -P 1 -c "$1" -n 150000 | tr '\r' '\n' \
        | sed -n '/throughput summary/p;/latency summary/,+2p' | sed "s/^/  INCR -c $1: /"
}

echo "== in-memory store, 1 thread"
jmh 'QuotaBenchmark.tryConsume' -p store=memory -t 1 -bm thrpt -tu s
for rep in $(seq "$reps"); do
    for c in 1 16; do
        echo "== Redis, $c caller(s), run $rep"
        incr "$c"
        jmh 'QuotaBenchmark' -p store=redis -t "$c" -bm sample -tu us
        incr "$c"
    done
done
