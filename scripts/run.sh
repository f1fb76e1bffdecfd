#!/usr/bin/env bash
# Run the DACA app on the embedded default: an in-process Kafka broker, an H2 file database under ./data and the
# offline embedding engine. No key, no servers. Builds the jar first when it is missing or older than the sources.
# Extra arguments go to the app, e.g.  scripts/run.sh --server.port=9090  or  --spring.profiles.active=kafka
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh

. scripts/jar.sh
exec java --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} -jar "$jar" "$@"
