#!/usr/bin/env sh
# Builds Gehoord and starts it on an embedded SQLite file in ./data with demo data.
# The demo staff password is printed at start-up (or set GEHOORD_DEMO_PASSWORD before the first run).
set -e
cd "$(dirname "$0")"
mvn -B -q -DskipTests package
# The heap, collector and allocator arenas docs/operations.md explains.
export MALLOC_ARENA_MAX=2
exec java -Xms64m -Xmx128m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=48m \
  -jar backend/target/gehoord.jar serve --demo
