#!/usr/bin/env bash
# Benchmarks (never part of `mvn verify`). Usage: scripts/benchmark.sh [trends] [number of cases, default 1000000]
set -euo pipefail
cd "$(dirname "$0")/../backend"
which="${1:-trends}"
mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null 2>&1 \
  || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
classpath="target/test-classes:target/classes:$(cat target/bench.classpath)"
case "$which" in
  trends)
    # --- Trends (issue 6): 1,000,000 generated cases, rollup vs scan ---
    java -Xmx4g -cp "$classpath" nl.gehoord.bench.TrendsBenchmark "${2:-1000000}"
    ;;
  *)
    echo "Unknown benchmark: $which (known: trends)" >&2
    exit 2
    ;;
esac
