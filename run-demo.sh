#!/usr/bin/env sh
# Builds Gehoord and starts it on an embedded SQLite file in ./data with demo data.
# The demo staff password is printed at start-up (or set GEHOORD_DEMO_PASSWORD before the first run).
set -e
cd "$(dirname "$0")"
mvn -B -q -DskipTests package
exec java -jar backend/target/gehoord.jar serve --demo
