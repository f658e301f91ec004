#!/usr/bin/env bash
# Runs one of the benchmarks (never part of `mvn verify`): they print figures measured side by side in one run.
#   scripts/benchmark.sh intake [seconds] [conns,...]  case submission: Gehoord vs a bare Javalin+SQLite insert, each
#                                                      in its own process, at 8, 64 and 256 connections (default
#                                                      10 s each); BENCH_JVM overrides the servers' JVM options,
#                                                      BENCH_PROFILE=FILE records Gehoord's load with JFR
#                                                      (BENCH_PROFILE_SETTINGS: a .jfc instead of "profile")
#   scripts/benchmark.sh push [pushes] [rounds]        outbox throughput against a fake FCM on loopback vs a bare
#                                                      sendEach through the Firebase Admin SDK
#   scripts/benchmark.sh danger [rounds]                the danger-phrase check per text length
#   scripts/benchmark.sh trends [cases]                trends query on a rollup of N generated cases (default
#                                                      1,000,000) vs a scan of the cases table, then
#                                                      the trends-http part
#   scripts/benchmark.sh trends-http                   GET /v1/trends?by=topic on the demo: CPU per request and
#                                                      latency at 64 concurrent requests
#   scripts/benchmark.sh inbox [cases]                 GET /v1/inbox and /v1/queue on N generated cases (default
#                                                      100,000): V13 indexes vs the query and indexes before V13
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:-intake}"; shift || true
case "$name" in
  intake) main=nl.gehoord.bench.IntakeBenchmark ;;
  push) main=nl.gehoord.bench.OutboxThroughputBenchmark ;;
  danger) main=nl.gehoord.bench.DangerPhrasesBenchmark ;;
  trends) main=nl.gehoord.bench.TrendsBenchmark ;;
  trends-http) main=nl.gehoord.bench.TrendsHttpBenchmark ;;
  inbox) main=nl.gehoord.bench.InboxBenchmark ;;
  *) echo "unknown benchmark: $name" >&2; exit 2 ;;
esac
mvn -B -q -DskipTests test-compile -pl backend
jar=()
if [ "$name" = intake ]; then
  # Start-up is also measured as operations run it: the jar, with and without its class-data archive.
  mvn -B -q -DskipTests -Djacoco.skip=true package -pl backend
  jar=(-Dbench.jar=backend/target/gehoord.jar)
fi
cpfile=$(mktemp)
mvn -B -q -pl backend dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile"
cp=$(cat "$cpfile"); rm -f "$cpfile"
exec java -Xmx4g ${BENCH_JVM+"-Dbench.jvm=$BENCH_JVM"} ${BENCH_PROFILE+"-Dbench.profile=$BENCH_PROFILE"} ${BENCH_PROFILE_SETTINGS+"-Dbench.profile.settings=$BENCH_PROFILE_SETTINGS"} "${jar[@]}" -cp "backend/target/test-classes:backend/target/classes:$cp" "$main" "$@"
