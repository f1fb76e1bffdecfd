#!/usr/bin/env bash
# Benchmark (reported, never asserted): how many open A2A SSE streams one instance holds on 2 cores (taskset), and
# the memory per stream. The streams are tasks/resubscribe on input-required tasks (they stay open until a reviewer
# decides), opened by a Python asyncio client (scripts/bench/a2a_sse.py) outside the 2 cores. Prints JSON lines.
# Usage: scripts/bench-a2a-sse.sh [levels...]   (default 1000 5000 10000); BENCH_MAX_CONNECTIONS (default 8192,
# Tomcat's default) sets server.tomcat.max-connections.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
levels=("${@:-1000 5000 10000}"); levels=(${levels[*]})
port=${BENCH_PORT:-18091}
work=$(mktemp -d /tmp/daca-sse.XXXXXX)
. scripts/jar.sh
DACA_DATA_DIR="$work/data" taskset -c 0,1 java -jar app/target/daca.jar --server.port=$port \
  --server.tomcat.max-connections=${BENCH_MAX_CONNECTIONS:-8192} >"$work/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
  kill -0 $pid 2>/dev/null || { tail -30 "$work/app.log"; exit 1; }
  sleep 0.5
done
for i in $(seq 1 20); do  # 20 pending unlock tasks; the streams are spread over them
  curl -sf -H 'Content-Type: application/json' "http://127.0.0.1:$port/a2a" -d '{"jsonrpc":"2.0","id":1,
    "method":"message/send","params":{"message":{"role":"user","kind":"message","messageId":"bench-'$i'",
    "parts":[{"kind":"text","text":"unlock front door"}],"metadata":{"skill":"actuate"}}}}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["id"])'
done >"$work/tasks"
vt=$(grep -A2 '^  threads:' app/src/main/resources/application.yml | grep -o 'enabled: .*')
echo "{\"java\": \"$(java -version 2>&1 | head -1 | tr -d '"')\", \"cpus\": \"$(nproc), server pinned to 0,1\", \"spring.threads.virtual\": \"$vt\"}"
ulimit -n 65536 2>/dev/null || true
python3 scripts/bench/a2a_sse.py "http://127.0.0.1:$port" $pid "${levels[@]}" <"$work/tasks"
