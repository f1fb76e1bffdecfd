#!/usr/bin/env bash
# Run every test: unit, evaluation and integration suites against the real components — the in-process Kafka
# broker and H2 of the embedded default, real Redis/PostgreSQL/RabbitMQ/Kafka servers (scripts/infra.sh), the real
# Dapr runtime (scripts/dapr.sh, built once from the Go module proxy and cached outside the repo), headless Chromium
# (Debian's package) and the official Python MCP/A2A SDK clients (a cached venv). Everything is installed here,
# idempotently: a fresh machine needs nothing but this command.
# Extra arguments go to Maven, e.g.  scripts/test.sh -pl functions -am
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
java -version 2>&1 | head -1

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "Installing Chromium and ChromeDriver (Debian packages) for the browser tests ..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
scripts/dapr.sh install
scripts/infra.sh up
trap 'scripts/dapr.sh down >/dev/null 2>&1 || true; scripts/infra.sh down >/dev/null 2>&1 || true' EXIT

./mvnw -B -ntp verify -Pexternal "$@"
if [ $# -eq 0 ]; then
  # the Dapr workflow suite ran on Redis as the actor/workflow store above; once more on PostgreSQL
  ./mvnw -B -ntp test -Dgroups=dapr -Dtest='DaprWorkflowsTests' -Dsurefire.failIfNoSpecifiedTests=false -Ddaca.dapr.state=postgres
fi
