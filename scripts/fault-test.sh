#!/usr/bin/env bash
# Fault test (reported, not part of `mvn verify`): publish N content.submitted events (shopper.activity for
# redis-outage), run two app instances in one consumer group on the real broker and PostgreSQL, inject a fault
# mid-stream (once a third are decided), and count: every event must have exactly one decision (0 lost, 0 decided
# twice) at each consumer down the path, and the inbox one row per review request. Appends the counts to
# docs/fault-test.md.
#
# Usage: scripts/fault-test.sh [kafka|rabbit] [N] [FAULT]        (defaults: kafka 10000 kill)
#   FAULT  kill            kill -9 of instance a, restarted 5 s later (a started first: on RabbitMQ it is the single
#                          active consumer of every queue, b the standby; on Kafka each has about half the partitions)
#          broker-restart  scripts/infra.sh restart of the broker (same data dir: durable messages survive)
#          db-outage       PostgreSQL stopped for DACA_FAULT_OUTAGE seconds [12], then started again
#          redis-outage    Redis stopped for DACA_FAULT_OUTAGE seconds; the instances then run with the profile
#                          `redis` too and the events are shopper.activity (recommendProducts keeps each shopper's
#                          recent events in Redis): the row also says how many shoppers' lists Redis holds and how
#                          many events are in them (each event once: must be N while no list exceeds its cap of 50)
# Servers: scripts/infra.sh with the caller's DACA_* variables, so a separate set of servers (own dir and ports) can
# be used (DACA_FAULT_PORT: the instances' first HTTP port [18181]), e.g. DACA_INFRA_DIR=/tmp/daca-infra-fault DACA_PG_PORT=25432 DACA_RABBIT_PORT=25673 ... (docs/fault-test.md).
# DACA_FAULT_APP_ARGS: extra arguments for both instances, shown in the row (e.g. a control run of db-outage with
# --daca.events.store-outage.max-wait=0s, the behaviour before StoreOutage).
# Needs: root for scripts/infra.sh (it starts the broker and PostgreSQL), ~2.5 GB of free memory.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh >/dev/null

binder=${1:-kafka}
n=${2:-10000}
fault=${3:-kill}
outage=${DACA_FAULT_OUTAGE:-12}
port_a=${DACA_FAULT_PORT:-18181} # HTTP ports of the two instances: this and the next (two runs at once need two)
port_b=$((port_a + 1))
usage="usage: $0 [kafka|rabbit] [N] [kill|broker-restart|db-outage|redis-outage]"
case $binder in
  kafka) service=kafka; profile=kafka ;;
  rabbit) service=rabbitmq; profile=rabbit ;;
  *) echo "$usage" >&2; exit 2 ;;
esac
services=("$service" postgres)
profiles=$profile,postgres
kind=content first=moderateContent id_like='-%' # what is published, the first consumer, the run's ids after $run
case $fault in
  kill) fault_text="kill -9 of the active instance (a)" ;;
  broker-restart) fault_text="$service restart" ;;
  db-outage) fault_text="postgres down ${outage} s" ;;
  redis-outage) fault_text="redis down ${outage} s"; services+=(redis); profiles=$profiles,redis
    kind=shopper first=recommendProducts id_like='-s-%' ;;
  *) echo "$usage" >&2; exit 2 ;;
esac

app_args=(${DACA_FAULT_APP_ARGS:-})
[ -z "${DACA_FAULT_APP_ARGS:-}" ] || fault_text="$fault_text (${DACA_FAULT_APP_ARGS})"

scripts/infra.sh up "${services[@]}"
eval "$(scripts/infra.sh env "${services[@]}")"

run_prefix=fault
. scripts/fault/instances.sh
export DACA_REDIS_KEY_PREFIX=$run: # the run's own keys (the instances inherit it)
echo "[fault] run $run: $binder, $n events, fault $fault, logs in $work"
psql_q() { PGPASSWORD=daca psql -h 127.0.0.1 -p "${DACA_PG_PORT:-15432}" -U daca -d daca -tAq -c "$1"; }

# RabbitMQ's queues and their message counts, exact (rabbitmqctl, not the management API: right after a (re)start
# the API has no message statistics yet, and a DLQ's leftover messages would count as 0 before and as new after)
rabbit_queues() { scripts/infra.sh rabbitmqctl list_queues -q --no-table-headers name messages; }

# messages in the dead-letter queues/topics of the broker (all groups): counted before and after the run
dead_letters() {
  if [ $binder = kafka ]; then
    # end offsets of the error.<topic>.<group> topics (the tool fails while there are none: 0)
    { scripts/infra.sh kafka-tool org.apache.kafka.tools.GetOffsetShell \
        --bootstrap-server "$SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS" --topic 'error\..*' 2>/dev/null || true; } |
      awk -F: '{s += $3} END {print s + 0}'
  else
    rabbit_queues | awk '$1 ~ /\.dlq$/ {s += $2} END {print s + 0}'
  fi
}
dlq_before=$(dead_letters)

# an earlier run that was stopped midway leaves its undelivered messages in the durable group queues; this run's
# consumers (same groups) would take them and count them as this run's (its inbox would hold the other run's reviews)
if [ $binder = rabbit ]; then
  rabbit_queues | awk '$1 !~ /\.dlq$/ && $2 > 0 {print $1}' | while read -r queue; do
    echo "[fault] purging $queue: left over from an earlier run"
    scripts/infra.sh rabbitmqctl purge_queue "$queue" >/dev/null
  done
fi

# the first instance migrates the schema; the second starts once the schema exists
a=$(start_instance a $port_a "${app_args[@]}"); pids+=("$a"); await_ready $port_a "$a"
b=$(start_instance b $port_b "${app_args[@]}"); pids+=("$b"); await_ready $port_b "$b"
echo "[fault] both instances ready (a=$a, b=$b)"


# rows of the ledger for the run: the first consumer (moderateContent, recommendProducts) decides the published ids,
# routeForReview its outputs
decided() { psql_q "select count(*) from $schema.processed_event where consumer='$first' and event_id like '$run$id_like'" 2>/dev/null || echo 0; }
routed_q="from $schema.processed_event where consumer='routeForReview' and event_id in (select output_event_id from $schema.processed_event where consumer='$first' and event_id like '$run$id_like')"
routed() { psql_q "select count(*) $routed_q" 2>/dev/null || echo 0; }

started=$SECONDS
java -cp "$clients_cp" scripts/fault/Publish.java $binder "$address" $run $n $kind >"$work/publish.log" 2>&1 &
publisher=$!

# the fault, once a third of the events are decided
inject_fault() {
  case $fault in
  kill)
    kill -9 "$a"
    echo "[fault] kill -9 instance a at $done_count/$n decided"
    sleep 5
    a=$(start_instance a $port_a "${app_args[@]}"); pids+=("$a")
    echo "[fault] instance a restarted (pid $a)" ;;
  broker-restart)
    echo "[fault] restarting $service at $done_count/$n decided"
    scripts/infra.sh restart "$service" >>"$work/infra.log" 2>&1
    echo "[fault] $service is back" ;;
  db-outage | redis-outage)
    local store=postgres; [ $fault = redis-outage ] && store=redis
    echo "[fault] stopping $store for $outage s at $done_count/$n decided"
    scripts/infra.sh down "$store" >>"$work/infra.log" 2>&1
    sleep "$outage"
    scripts/infra.sh up "$store" >>"$work/infra.log" 2>&1
    echo "[fault] $store is back" ;;
  esac
}
killed_at=
published=
timed_out=
timeout=${DACA_FAULT_TIMEOUT:-3600}
stall=${DACA_FAULT_STALL:-180} # all published and no new decision for that long (dead-lettered events): stop waiting
last_count=-1 last_change=$SECONDS
while :; do
  done_count=$(decided)
  [ "$done_count" = "$last_count" ] || { last_count=$done_count; last_change=$SECONDS; }
  if [ -z "$killed_at" ] && ((done_count >= n / 3)); then
    killed_at=$done_count
    inject_fault
  fi
  ((done_count >= n)) && break
  if [ -z "$published" ] && ! kill -0 $publisher 2>/dev/null; then
    wait $publisher || { echo "[fault] the publisher failed:"; tail -5 "$work/publish.log"; exit 1; }
    published=yes
  fi
  ((SECONDS - started < timeout)) || { timed_out="TIMED OUT after $timeout s"; echo "[fault] $timed_out at $done_count/$n"; break; }
  if [ -n "$killed_at" ] && [ -n "$published" ] && ((SECONDS - last_change >= stall)); then
    timed_out="STALLED (no decision for $stall s)"; echo "[fault] $timed_out at $done_count/$n"; break
  fi
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
dlq=$(( $(dead_letters) - dlq_before ))
redis_ok=yes
if [ $kind = shopper ]; then
  # each shopper's recent events in Redis: one list per shopper, each event in it once (Publish: 400 shoppers)
  redis_q() { redis-cli -h 127.0.0.1 -p "${DACA_REDIS_PORT:-16379}" "$@"; }
  shoppers=$(psql_q "select count(distinct subject) from $schema.processed_event where consumer='$first' and event_id like '$run$id_like'")
  lists=$(redis_q --scan --pattern "$run:shopper:*:events" | wc -l)
  remembered=$(redis_q --scan --pattern "$run:shopper:*:events" | while read -r key; do redis_q llen "$key"; done |
    awk '{s += $1} END {print s + 0}')
  latest=$(redis_q --scan --pattern "$run:shopper:*:recommendations" | wc -l)
  redis_counts="; shopper.activity; Redis: $lists/$shoppers shoppers' lists, $remembered/$n events in them, $latest/$shoppers latest recommendations"
  [ "$lists" = "$shoppers" ] && [ "$remembered" = "$n" ] && [ "$latest" = "$shoppers" ] || redis_ok=
fi

result="| $(date -u +%Y-%m-%dT%H:%MZ) | $binder | $n | $fault_text at ${killed_at:-never}/$n${redis_counts:-} | $moderated | $routed | $requests | $filed | $reviews | $inbox | $dlq | ${timed_out:+$timed_out: }$lost | ${elapsed} s |"
echo "$result"
doc=docs/fault-test.md
# the document (in the repository) explains the columns; a run only adds its row
[ -f $doc ] || echo "| when | binder | N | fault | decided | routed | requests | filed | reviews | inbox | dead-lettered | lost | time |" >$doc
echo "$result" >>$doc
echo "[fault] appended to $doc"
[ -z "$timed_out" ] && [ -n "$redis_ok" ] && [ "$dlq" = 0 ] && [ "$moderated" = "$n" ] && [ "$routed" = "$n" ] && [ "$filed" = "$requests" ] && [ "$inbox" = "$reviews" ]
