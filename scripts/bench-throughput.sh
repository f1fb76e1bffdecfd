#!/usr/bin/env bash
# Throughput benchmark (reported, not asserted): one app instance (profiles <binder>,postgres,bench) on the real
# broker and PostgreSQL runs two consumers side by side: classify (moderateContent: CloudEvent checks, the dedupe
# ledger in PostgreSQL, the domain function, one output event) and a bare Spring Cloud Stream pass-through function
# (profile bench, same binder settings). scripts/fault/Throughput.java measures for each: events/s for N ~1 KB
# CloudEvents published at once, then p50/p99 end-to-end latency (input published -> output seen on the output
# topic) at a steady rate of half that throughput. Appends the figures, machine facts and load to
# docs/benchmarks/throughput.md.
#
# Usage: scripts/bench-throughput.sh [kafka|rabbit]          (default kafka)
#   DACA_BENCH_N [3000] events per throughput burst; DACA_BENCH_M [1000] events per latency phase;
#   DACA_BENCH_RATE [0.5] the latency phase's rate as a fraction of the measured throughput;
#   DACA_BENCH_PORT [18381] the instance's HTTP port. Servers: scripts/infra.sh with the caller's DACA_* variables.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh >/dev/null

binder=${1:-kafka}
n=${DACA_BENCH_N:-3000}
m=${DACA_BENCH_M:-1000}
fraction=${DACA_BENCH_RATE:-0.5}
port=${DACA_BENCH_PORT:-18381}
case $binder in
  kafka) service=kafka ;;
  rabbit) service=rabbitmq ;;
  *) echo "usage: $0 [kafka|rabbit]" >&2; exit 2 ;;
esac
profiles=$binder,postgres,bench

scripts/infra.sh up "$service" postgres
eval "$(scripts/infra.sh env "$service" postgres)"
run_prefix=bench
. scripts/fault/instances.sh

echo "[bench] run $run: $binder, N=$n, M=$m, logs in $work"
app=$(start_instance app "$port" '--spring.cloud.function.definition=moderateContent;passthrough'); pids+=("$app")
await_ready "$port" "$app"
echo "[bench] instance ready"

# the load average every 5 s while the benchmark runs (the machine is shared: the figures mean little without it)
(while :; do cut -d' ' -f1 /proc/loadavg; sleep 5; done) >"$work/load" &
pids+=($!)
started=$SECONDS
java -cp "$clients_cp" scripts/fault/Throughput.java "$binder" "$address" "$run" "$n" "$m" "$fraction" 600 \
  >"$work/rows" 2>"$work/bench.err" || { cat "$work/bench.err"; exit 1; }
elapsed=$((SECONDS - started))
cat "$work/rows"
load=$(awk 'NR == 1 {min = max = $1} {s += $1; if ($1 < min) min = $1; if ($1 > max) max = $1}
  END {printf "mean %.1f, min %.1f, max %.1f (%d samples)", s / NR, min, max, NR}' "$work/load")

doc=docs/benchmarks/throughput.md
mkdir -p docs/benchmarks
if [ ! -f $doc ]; then
  cat >$doc <<'HEAD'
# Throughput and latency per binder: classify vs. a bare pass-through

Reported, not asserted. `scripts/bench-throughput.sh [kafka|rabbit]` starts one app instance (the release jar, profiles
`<binder>,postgres,bench`, `spring.cloud.function.definition=moderateContent;passthrough`, a fresh PostgreSQL schema)
on the real broker and PostgreSQL of `scripts/infra.sh`, and `scripts/fault/Throughput.java` (the broker's own Java
client) drives two paths of that one instance, one after the other, on the same broker in the same run:

- **classify**: `content.submitted` → `moderateContent` (CloudEvent checks, the processed-events ledger in
  PostgreSQL in one transaction with the decision, the `classify` domain function, one output CloudEvent with a
  confirmed/acked publish) → `content.moderated`;
- **pass-through**: `bench.in` → a `Function<Message<byte[]>, Message<byte[]>>` returning its input (profile `bench`,
  `dev.daca.bench.PassThrough`) → `bench.out`, with the same binder settings (Kafka: idempotent producer, acks=all,
  read_committed, retries and DLQ; RabbitMQ: durable single-active-consumer group queue, prefetch 10, publisher
  confirms, persistent delivery).

The inputs are the fault test's ~1 KB binary-mode `content.submitted` CloudEvents (500 posts as subjects). Method:
a warm-up of N/10 events per path (not reported); **throughput** = N events published at once (the publisher waits
for broker acks/confirms), events/s = N / (last output seen − first publish); **latency** = M events at a steady rate
of half the throughput just measured for that path; end-to-end latency = when the benchmark's consumer of the
output topic (a tail of the topic / an exclusive queue bound to the output exchange) sees the output whose
`causationid` (classify) or `id` (pass-through) is the input's, minus when the input was handed to the client: one
clock, one process. The machine is shared with other builds, so each run records its load average.
HEAD
fi
{
  echo
  echo "### $(date -u +%Y-%m-%dT%H:%MZ) $binder (N=$n, M=$m)"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/ {print $2}') GB RAM;" \
    "$(java -version 2>&1 | head -n 1); broker: $([ $binder = kafka ] && echo 'Kafka 3.9.2 KRaft single node' || echo "RabbitMQ $(dpkg-query -W -f '${Version}' rabbitmq-server 2>/dev/null)");" \
    "PostgreSQL $(PGPASSWORD=daca psql -h 127.0.0.1 -p "$DACA_PG_PORT" -U daca -d daca -tAc 'show server_version' | cut -d' ' -f1)." \
    "Load average (1 min) during the run: $load. Wall time $elapsed s."
  echo
  echo "| path | phase | outputs seen | throughput | latency p50 / publish | p99 | max |"
  echo "|---|---|---|---|---|---|---|"
  cat "$work/rows"
} >>$doc
echo "[bench] appended to $doc"
