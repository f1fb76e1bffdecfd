#!/usr/bin/env bash
# Fault test (reported, not part of `mvn verify`): publish N content.submitted events, run two app instances in one
# consumer group on the real broker and PostgreSQL, kill -9 one of them mid-stream, restart it, and count: every
# event must have exactly one decision (0 lost, 0 decided twice) at each consumer down the path, and the inbox one
# row per review request. Appends the counts to docs/fault-test.md.
#
# Usage: scripts/fault-test.sh [kafka|rabbit] [N]        (defaults: kafka 10000)
# Needs: root for scripts/infra.sh (it starts the broker and PostgreSQL), ~2.5 GB of free memory.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh >/dev/null

binder=${1:-kafka}
n=${2:-10000}
case $binder in
  kafka) service=kafka; profile=kafka ;;
  rabbit) service=rabbitmq; profile=rabbit ;;
  *) echo "usage: $0 [kafka|rabbit] [N]" >&2; exit 2 ;;
esac

scripts/infra.sh up "$service" postgres
eval "$(scripts/infra.sh env "$service" postgres)"

jar=app/target/daca.jar
if [ ! -f "$jar" ]; then
  echo "[fault] building $jar"
  ./mvnw -B -q -DskipTests -pl app -am package
fi

run=fault$(date +%s)
schema=$run
work=$(mktemp -d /tmp/daca-fault.XXXXXX)
echo "[fault] run $run: $binder, $n events, logs in $work"
psql_q() { PGPASSWORD=daca psql -h 127.0.0.1 -p "${DACA_PG_PORT:-15432}" -U daca -d daca -tAq -c "$1"; }

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# instance NAME PORT: starts one app instance of the group, in the run's own schema
start_instance() {
  local name=$1 port=$2
  DACA_DATA_DIR=$work/$name java -Xmx700m --enable-native-access=ALL-UNNAMED -jar "$jar" \
    --spring.profiles.active=$profile,postgres --server.port=$port \
    --spring.datasource.hikari.schema=$schema --spring.flyway.schemas=$schema \
    --spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms=10000 \
    --spring.cloud.stream.kafka.binder.consumer-properties.heartbeat.interval.ms=1000 \
    >>"$work/$name.log" 2>&1 &
  echo $!
}
await_ready() {
  local port=$1 pid=$2 deadline=$((SECONDS + 300))
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "[fault] instance on $port died"; exit 1; }
    ((SECONDS < deadline)) || { echo "[fault] instance on $port not ready after 300 s"; exit 1; }
    sleep 1
  done
}

# the first instance migrates the schema; the second starts once the schema exists
a=$(start_instance a 18181); pids+=("$a"); await_ready 18181 "$a"
b=$(start_instance b 18182); pids+=("$b"); await_ready 18182 "$b"
echo "[fault] both instances ready (a=$a, b=$b)"

m2=$HOME/.m2/repository
cp="$m2/org/apache/kafka/kafka-clients/3.9.2/kafka-clients-3.9.2.jar:$m2/com/rabbitmq/amqp-client/5.25.0/amqp-client-5.25.0.jar:$m2/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar"
if [ $binder = kafka ]; then address=${SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS:-127.0.0.1:19092}
else address=${SPRING_RABBITMQ_HOST:-127.0.0.1}:${SPRING_RABBITMQ_PORT:-15673}:daca:daca; fi

# rows of the ledger for the run: moderateContent decides the published ids, routeForReview its outputs
decided() { psql_q "select count(*) from $schema.processed_event where consumer='moderateContent' and event_id like '$run-%'" 2>/dev/null || echo 0; }
routed_q="from $schema.processed_event where consumer='routeForReview' and event_id in (select output_event_id from $schema.processed_event where consumer='moderateContent' and event_id like '$run-%')"
routed() { psql_q "select count(*) $routed_q" 2>/dev/null || echo 0; }

started=$SECONDS
java -cp "$cp" scripts/fault/Publish.java $binder "$address" $run $n >"$work/publish.log" 2>&1 &
publisher=$!

# kill -9 instance b once a third of the events are decided, restart it 5 s later
killed_at=
published=
timed_out=
timeout=${DACA_FAULT_TIMEOUT:-3600}
while :; do
  done_count=$(decided)
  if [ -z "$killed_at" ] && ((done_count >= n / 3)); then
    kill -9 "$b"; killed_at=$done_count
    echo "[fault] kill -9 instance b at $done_count/$n decided"
    sleep 5
    b=$(start_instance b 18182); pids+=("$b")
    echo "[fault] instance b restarted (pid $b)"
  fi
  ((done_count >= n)) && break
  if [ -z "$published" ] && ! kill -0 $publisher 2>/dev/null; then
    wait $publisher || { echo "[fault] the publisher failed:"; tail -5 "$work/publish.log"; exit 1; }
    published=yes
  fi
  ((SECONDS - started < timeout)) || { timed_out=yes; echo "[fault] timed out at $done_count/$n"; break; }
  sleep 1
done
[ -n "$published" ] || wait $publisher || { echo "[fault] the publisher failed"; cat "$work/publish.log"; exit 1; }
# let the review gate and the inbox catch up (they are one and two hops behind)
prev=-1
for _ in $(seq 1 120); do
  [ -n "$timed_out" ] && break
  now=$(routed)
  [ "$now" = "$n" ] && [ "$now" = "$prev" ] && break
  prev=$now; sleep 2
done
sleep 5
elapsed=$((SECONDS - started))

moderated=$(decided)
routed=$(routed)
requests=$(psql_q "select count(*) $routed_q and output_event_id is not null")
reviews=$(psql_q "select count(distinct (output_payload::json->>'reviewId')) $routed_q and output_event_id is not null")
filed=$(psql_q "select count(*) from $schema.processed_event where consumer='fileReview' and event_id in (select output_event_id $routed_q)")
inbox=$(psql_q "select count(*) from $schema.review_request")
lost=$((n - moderated))

result="| $(date -u +%Y-%m-%dT%H:%MZ) | $binder | $n | kill -9 of 1 of 2 instances at ${killed_at:-never}/$n | $moderated | $routed | $requests | $filed | $reviews | $inbox | ${timed_out:+TIMED OUT after $timeout s: }$lost | ${elapsed} s |"
echo "$result"
doc=docs/fault-test.md
if [ ! -f $doc ]; then
  cat >$doc <<'HEAD'
# Fault test: no event lost, none decided twice

`scripts/fault-test.sh [kafka|rabbit] [N]` publishes N `content.submitted` CloudEvents (~1 KB, 500 posts as
subjects) to the real broker, runs two app instances in one consumer group (profiles `<binder>,postgres`, a fresh
PostgreSQL schema per run), kills one with `kill -9` once a third are decided and restarts it 5 s later. Counts come
from the processed-events ledger (one row per consumer and event id, written in the transaction of the decision)
and the inbox: *decided* = rows of `moderateContent` for the run's ids (must be N), *routed* = rows of
`routeForReview` for their outcomes (must be N), *requests* = of those, review requests emitted, *filed* = rows of
`fileReview` for those requests (must equal *requests*), *reviews* = distinct review ids among the requests (a review
id is function + subject + the outcome's hash, so the same verdict on the same post is one review) and *inbox* =
rows in `review_request` (must equal *reviews*: a request filed twice would be a duplicate side effect), *lost* =
N − decided (a run that hits `DACA_FAULT_TIMEOUT` says so: undecided is not lost). A second *committed* decision of the same event by
the same consumer cannot happen (the ledger's primary key), so it is not counted; redeliveries after the kill are
absorbed by the ledger and re-emit the recorded output.

| when | binder | N | fault | decided | routed | requests | filed | reviews | inbox | lost | time |
|---|---|---|---|---|---|---|---|---|---|---|---|
HEAD
fi
echo "$result" >>$doc
echo "[fault] appended to $doc"
[ -z "$timed_out" ] && [ "$moderated" = "$n" ] && [ "$routed" = "$n" ] && [ "$filed" = "$requests" ] && [ "$inbox" = "$reviews" ]
