#!/usr/bin/env bash
# Builds budget4j and its benchmarks, then runs them with the agent attached to every fork and
# the GC profiler on (gc.alloc.rate.norm = bytes allocated per call).
#
#   benchmarks/run.sh                      every benchmark
#   benchmarks/run.sh WovenCall            those matching a regexp (more JMH options may follow)
#
# Settings are short but steady on a 2-core machine: 1 fork, 3 x 1 s warm-up, 5 x 1 s measured.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

(cd "$root" && mvn -q -DskipTests install)
(cd "$root/benchmarks" && mvn -q package)

exec java -jar "$root/benchmarks/target/benchmarks.jar" \
    -jvmArgsAppend "-javaagent:$root/target/budget4j-agent.jar" \
    -prof gc -f 1 -wi 3 -w 1s -i 5 -r 1s "$@"
