#!/usr/bin/env bash
# Run every test: unit, evaluation and integration suites against the real components (the in-process Kafka
# broker, H2, the embedding model). Installs nothing by hand: the Maven wrapper fetches Maven and the dependencies
# into ~/.m2 (cached outside the repo), and the scripts start whatever servers a suite needs.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
java -version 2>&1 | head -1
./mvnw -B -ntp verify "$@"
