#!/usr/bin/env bash
# Benchmarks that print figures; never part of `mvn verify`.
#   scripts/benchmark.sh [pushes] [rounds]   outbox throughput against a fake FCM on loopback, with a bare
#                                            sendEach baseline in the same run
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${MAVEN_OFFLINE:--o} -DskipTests test-compile
cd backend
mvn -B -q ${MAVEN_OFFLINE:--o} dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  nl.gehoord.bench.OutboxThroughputBenchmark "${1:-5000}" "${2:-3}"
