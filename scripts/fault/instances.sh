# Sourced by scripts/fault-test.sh and scripts/bench-throughput.sh once the servers are up and their env exported:
# one run's directory, PostgreSQL schema and copy of the jar, its app instances (stopped on exit) and the broker's
# Java clients. Expects: run_prefix (fault, bench), profiles, binder. Sets: run, schema, work, jar, pids, clients_cp,
# address.

. scripts/jar.sh
run=$run_prefix$(date +%s)
schema=$run
work=$(mktemp -d "/tmp/daca-$run_prefix.XXXXXX")
# the run's own copy, so that a rebuild during a run does not change the jar under its JVMs
cp app/target/daca.jar "$work/daca.jar"
jar=$work/daca.jar

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_instance NAME PORT [ARG...]: starts one app instance in the background, prints its pid
start_instance() {
  local name=$1 port=$2
  shift 2
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "[$0] port $port is taken (another run?): set DACA_FAULT_PORT / DACA_BENCH_PORT" >&2
    return 1
  fi
  DACA_DATA_DIR=$work/$name java -Xmx700m --enable-native-access=ALL-UNNAMED -jar "$jar" \
    --spring.profiles.active="$profiles" --server.port="$port" \
    --spring.datasource.hikari.schema="$schema" --spring.flyway.schemas="$schema" \
    --spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms=10000 \
    --spring.cloud.stream.kafka.binder.consumer-properties.heartbeat.interval.ms=1000 \
    "$@" >>"$work/$name.log" 2>&1 &
  echo $!
}

# await_ready PORT PID: until the instance's readiness probe is UP (exits the script if it dies or takes longer than
# DACA_READY_TIMEOUT seconds [600]: a start takes ~30 s on an idle machine, ~300 s on a loaded 2-core one)
await_ready() {
  local port=$1 pid=$2 limit=${DACA_READY_TIMEOUT:-600}
  local deadline=$((SECONDS + limit))
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "[$0] instance on $port died, see $work"; exit 1; }
    ((SECONDS < deadline)) || { echo "[$0] instance on $port not ready after $limit s, see $work"; exit 1; }
    sleep 1
  done
}

# the broker's Java clients (from the local Maven repository, where the build put them) and the broker's address
m2=$HOME/.m2/repository
clients_cp="$m2/org/apache/kafka/kafka-clients/3.9.2/kafka-clients-3.9.2.jar:$m2/com/rabbitmq/amqp-client/5.25.0/amqp-client-5.25.0.jar:$m2/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar"
if [ "$binder" = kafka ]; then address=${SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS:-127.0.0.1:19092}
else address=${SPRING_RABBITMQ_HOST:-127.0.0.1}:${SPRING_RABBITMQ_PORT:-15673}:daca:daca; fi
