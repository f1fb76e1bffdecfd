#!/usr/bin/env bash
# Run the DACA app on the embedded default: an in-process Kafka broker, an H2 file database under ./data and the
# offline embedding engine. No key, no servers. Builds the jar first when it is missing or older than the sources.
# Extra arguments go to the app, e.g.  scripts/run.sh --server.port=9090  or  --spring.profiles.active=kafka
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh

jar=app/target/daca.jar
if [ ! -f "$jar" ] || [ -n "$(find . -path ./data -prune -o \( -name '*.java' -o -name '*.yml' -o -name '*.tsv' -o -name 'pom.xml' -o -name '*.csv' -o -name '*.json' -o -name '*.sql' \) -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "Building $jar ..."
  ./mvnw -B -q -DskipTests package
fi
exec java --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} -jar "$jar" "$@"
