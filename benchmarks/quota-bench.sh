#!/usr/bin/env bash
# The quota store benchmark (docs/quotas.md, "Benchmark"): QuotaBenchmark against a local Redis
# with 1 and 16 callers, each next to `redis-benchmark -t incr` with the same client count on the
# same server (no pipelining), and the in-memory store's single-thread rate.
#
#   benchmarks/quota-bench.sh        needs redis-server and redis-benchmark on the PATH
#
# It starts its own redis-server (port $QUOTA_BENCH_PORT, default 6390, no persistence) and stops
# it at the end. Short runs, sized for a 2-core machine: 1 fork, 2 x 1 s warm-up, 3 x 2 s measured.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${QUOTA_BENCH_PORT:-6390}"

(cd "$root" && mvn -q -DskipTests install)
(cd "$root/benchmarks" && mvn -q package)

redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "/tmp/budget4j-quota-bench-$port.pid" --logfile "/tmp/budget4j-quota-bench-$port.log"
trap 'redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true' EXIT
until redis-cli -p "$port" ping 2>/dev/null | grep -q PONG; do sleep 0.05; done

jmh() {
    java -jar "$root/benchmarks/target/benchmarks.jar" \
        -jvmArgsAppend "-javaagent:$root/target/budget4j-agent.jar -Dbudget4j.bench.redis=redis://127.0.0.1:$port" \
        -f 1 -wi 2 -w 1s -i 3 -r 2s "$@" 2>&1 | sed -n '/^Benchmark /,$p'
}
incr() {
    redis-benchmark -p "$port" -t incr -P 1 -c "$1" -n 200000 2>/dev/null | tr '\r' '\n' \
        | sed -n '/throughput summary/p;/latency summary/,+2p'
}

echo "== in-memory store, 1 thread (ops/s)"
jmh 'QuotaBenchmark.tryConsume' -p store=memory -t 1 -bm thrpt -tu s
for c in 1 16; do
    echo "== Redis, $c caller(s)"
    incr "$c"
    jmh 'QuotaBenchmark' -p store=redis -t "$c" -bm thrpt -tu s
    jmh 'QuotaBenchmark' -p store=redis -t "$c" -bm sample -tu us
    incr "$c"
done
