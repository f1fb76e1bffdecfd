#!/usr/bin/env bash
# Benchmark (reported, never asserted): cold start to the first successful POST /fn/classify, and idle RSS, for
# the same jar under three JVM set-ups: plain, AppCDS (dynamic archive) and the JDK 24+ AOT cache (JEP 483/514).
# Each set-up is started RUNS times on a fresh data directory. Writes docs/benchmarks/startup.md.
# Usage: scripts/bench-startup.sh [runs]     (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
runs=${1:-3}
port=${BENCH_PORT:-18089}
work=$(mktemp -d /tmp/daca-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

. scripts/jar.sh
# CDS and the AOT cache need the classpath as plain jars, not nested ones: extract the layered jar once.
java -Djarmode=tools -jar app/target/daca.jar extract --destination "$work/app" >/dev/null
jar="$work/app/daca.jar"
jv=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
common=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxRAMPercentage=75)
body='{"postId":"bench","text":"Thanks for sharing, this was really helpful!"}'

train() { # $1: extra flags for a training run that exits after the context refreshed
  DACA_DATA_DIR="$work/train" java "${common[@]}" $1 -Dspring.context.exit=onRefresh -jar "$jar" \
    --server.port=$port >"$work/train.log" 2>&1 || true
  rm -rf "$work/train"
}

measure() { # $1: label, $2: flags
  local label=$1 flags=$2 i
  for i in $(seq 1 "$runs"); do
    local data="$work/data-$label-$i"
    local t0; t0=$(date +%s%N)
    DACA_DATA_DIR="$data" java "${common[@]}" $flags -jar "$jar" --server.port=$port >"$work/$label-$i.log" 2>&1 &
    local pid=$!
    until curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$port/fn/classify"; do
      kill -0 $pid 2>/dev/null || { echo "$label: the app died, see $work/$label-$i.log"; tail -20 "$work/$label-$i.log"; exit 1; }
      sleep 0.05
    done
    local t1; t1=$(date +%s%N)
    sleep 10
    local rss; rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
    kill $pid; wait $pid 2>/dev/null || true
    printf "| %s | %d | %d | %d |\n" "$label" "$i" $(( (t1 - t0) / 1000000 )) $(( rss / 1024 )) >>"$work/rows"
    echo "$label run $i: first classify after $(( (t1 - t0) / 1000000 )) ms, idle RSS $((rss / 1024)) MiB"
  done
}

: >"$work/rows"
measure plain ""
train "-XX:ArchiveClassesAtExit=$work/app.jsa"
measure appcds "-XX:SharedArchiveFile=$work/app.jsa"
if [ "${jv%%.*}" -ge 25 ]; then
  train "-XX:AOTCacheOutput=$work/app.aot"
  measure aot-cache "-XX:AOTCache=$work/app.aot"
fi

{
  echo "# Cold start and idle memory"
  echo
  echo "Reported by \`scripts/bench-startup.sh $runs\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)."
  echo "Cold start = from \`java -jar\` to the first successful \`POST /fn/classify\` (the embedded default:"
  echo "in-process Kafka broker, H2 file database, the embedding model loaded and its classifier trained)."
  echo "Idle RSS = resident memory 10 s after that first call. Fresh data directory each run."
  echo
  echo "JVM flags common to all runs: \`${common[*]}\`; per set-up:"
  echo
  echo "- plain: nothing else"
  echo "- appcds: training run with \`-XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh\`, then \`-XX:SharedArchiveFile=app.jsa\`"
  echo "- aot-cache (JDK 25): training run with \`-XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh\`, then \`-XX:AOTCache=app.aot\`"
  echo "  (on the extracted jar: \`java -Djarmode=tools -jar daca.jar extract\`)"
  echo
  echo "| set-up | run | first classify (ms) | idle RSS (MiB) |"
  echo "|---|---|---|---|"
  cat "$work/rows"
} >docs/benchmarks/startup.md
cat docs/benchmarks/startup.md
