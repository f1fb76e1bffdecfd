#!/usr/bin/env bash
# Proves that the servers started by scripts/infra.sh work, each through its own client:
#   postgres  psql over TCP with the daca password (scram-sha-256): create a table, insert, select
#   redis     redis-cli: PING, SET, GET
#   rabbitmq  the AMQP 0-9-1 handshake on the AMQP port; rabbitmqctl list_users; declare a durable queue,
#             publish and get a message back through the management HTTP API (when it is on)
#   kafka     create topic daca-smoke (3 partitions), produce one fresh message with the console producer
#             (kafka.tools.ConsoleProducer: in 3.9 it still lives in the broker jar),
#             read it back with the console consumer
# Usage: scripts/infra/smoke.sh [SERVICE...]   (default: all four; same env vars as scripts/infra.sh)
# Prints one line per check and "N passed, N failed" at the end; exits non-zero if a check failed.
set -euo pipefail

INFRA=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/infra.sh
eval "$("$INFRA" env)"
readonly RABBIT_MGMT_PORT=${DACA_RABBIT_MGMT_PORT:-15674}
TAG="smoke-$(date +%s)-$RANDOM"
readonly TAG
passed=0
failed=0

check() {
	local what=$1 out
	shift
	if out=$("$@" 2>&1); then
		passed=$((passed + 1))
		printf 'ok    %-10s %s\n' "$what" "$(printf '%s' "$out" | tr '\n' ' ' | cut -c1-150)"
	else
		failed=$((failed + 1))
		printf 'FAIL  %-10s %s\n' "$what" "$(printf '%s' "$out" | tr '\n' ' ' | cut -c1-300)"
	fi
}

postgres_check() {
	local psql
	psql=$(find /usr/lib/postgresql -path '*/bin/psql' | sort -V | tail -n 1)
	PGPASSWORD=daca "$psql" -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DACA_PG_PORT" -U daca -d daca -tA <<-SQL
		CREATE TABLE IF NOT EXISTS smoke (tag text PRIMARY KEY, at timestamptz NOT NULL DEFAULT now());
		INSERT INTO smoke (tag) VALUES ('$TAG');
		SELECT current_user || '@' || current_database() || ' ' || tag || ' rows=' || (SELECT count(*) FROM smoke)
			FROM smoke WHERE tag = '$TAG';
	SQL
}

redis_check() {
	local cli=(redis-cli -h 127.0.0.1 -p "$DACA_REDIS_PORT")
	[[ $("${cli[@]}" ping) == PONG ]] || { echo "no PONG"; return 1; }
	"${cli[@]}" set daca:smoke "$TAG" >/dev/null
	local got
	got=$("${cli[@]}" get daca:smoke)
	[[ $got == "$TAG" ]] || { echo "GET returned '$got'"; return 1; }
	echo "PING PONG; SET/GET daca:smoke=$got; appendonly=$("${cli[@]}" config get appendonly | tail -n 1)"
}

# send the AMQP 0-9-1 protocol header, expect a Connection.Start method frame (type 1, class 10, method 10)
amqp_handshake() {
	local reply
	exec 3<>"/dev/tcp/127.0.0.1/$DACA_RABBIT_PORT"
	printf 'AMQP\x00\x00\x09\x01' >&3
	reply=$(timeout 5 head -c 11 <&3 | od -An -tx1 | tr -d ' \n')
	exec 3>&-
	[[ $reply == 01000000*000a000a ]] || { echo "unexpected reply $reply"; return 1; }
	echo "Connection.Start received (frame $reply)"
}

rabbit_users() {
	env HOME="$DACA_INFRA_DIR/rabbitmq/home" /usr/lib/rabbitmq/bin/rabbitmqctl -n daca@localhost -q list_users
}

rabbit_publish_get() {
	local api="http://127.0.0.1:$RABBIT_MGMT_PORT/api" body
	curl -fsS -u daca:daca -X PUT -H 'content-type: application/json' -d '{"durable":true}' \
		"$api/queues/%2F/daca-smoke" >/dev/null
	curl -fsS -u daca:daca -H 'content-type: application/json' \
		-d "{\"properties\":{},\"routing_key\":\"daca-smoke\",\"payload\":\"$TAG\",\"payload_encoding\":\"string\"}" \
		"$api/exchanges/%2F/amq.default/publish" | grep -q '"routed":true' || { echo "not routed"; return 1; }
	body=$(curl -fsS -u daca:daca -H 'content-type: application/json' \
		-d '{"count":1,"ackmode":"ack_requeue_false","encoding":"auto"}' "$api/queues/%2F/daca-smoke/get")
	grep -q "\"payload\":\"$TAG\"" <<<"$body" || { echo "got $body"; return 1; }
	echo "published and got back $TAG on durable queue daca-smoke"
}

kafka() { "$INFRA" kafka-tool "$@"; }

kafka_check() {
	local bootstrap=127.0.0.1:$DACA_KAFKA_PORT got
	kafka org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" --create --if-not-exists \
		--topic daca-smoke --partitions 3 --replication-factor 1 >/dev/null
	echo "$TAG" | kafka kafka.tools.ConsoleProducer --bootstrap-server "$bootstrap" --topic daca-smoke \
		--producer-property acks=all >/dev/null
	got=$(kafka org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$bootstrap" --topic daca-smoke \
		--from-beginning --timeout-ms 10000 2>/dev/null | grep -cx -- "$TAG" || true)
	[[ $got == 1 ]] || { echo "message $TAG read $got times"; return 1; }
	echo "topic daca-smoke: $(kafka org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" \
		--describe --topic daca-smoke | head -n 1 | tr '\t' ' '); produced and consumed $TAG"
}

services=("$@")
((${#services[@]})) || services=(postgres redis rabbitmq kafka)
for service in "${services[@]}"; do
	case $service in
	postgres) check postgres postgres_check ;;
	redis) check redis redis_check ;;
	rabbitmq)
		check rabbitmq amqp_handshake
		check rabbitmq rabbit_users
		[[ $RABBIT_MGMT_PORT == 0 ]] || check rabbitmq rabbit_publish_get
		;;
	kafka) check kafka kafka_check ;;
	*) echo "unknown service $service" >&2; exit 2 ;;
	esac
done
echo "$passed passed, $failed failed"
((failed == 0))
