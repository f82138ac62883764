#!/usr/bin/env bash
# Start-up cost of attaching the agent: a small app with one annotated class (OutsideRunApp),
# run N times with and without -javaagent, alternating, and the medians compared.
# Usage: benchmarks/startup.sh [runs]   (after mvn -DskipTests package at the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
jar=target/budget4j-agent.jar
cp="target/test-classes:$jar"
main=io.budget4j.it.apps.OutsideRunApp
java=${JAVA:-java}
[ -f "$jar" ] && [ -d target/test-classes ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }

now_ms() { date +%s%N | cut -c1-13; }
plain=(); agent=()
for ((i = 0; i < runs; i++)); do
  t0=$(now_ms); "$java" -cp "$cp" "$main" >/dev/null 2>&1; t1=$(now_ms)
  "$java" -javaagent:"$jar" -cp "$cp" "$main" >/dev/null 2>&1; t2=$(now_ms)
  plain+=($((t1 - t0))); agent+=($((t2 - t1)))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
mp=$(median "${plain[@]}"); ma=$(median "${agent[@]}")
echo "runs=$runs  without agent: median ${mp} ms  with agent: median ${ma} ms  added: $((ma - mp)) ms"
