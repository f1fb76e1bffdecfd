#!/usr/bin/env bash
# Local infrastructure for the DACA tests: real PostgreSQL, Redis, RabbitMQ and Kafka servers on this machine,
# no Docker. Everything listens on 127.0.0.1 only, on ports that do not collide with the servers' usual defaults.
#
# Usage: scripts/infra.sh COMMAND [SERVICE...]      (SERVICE: postgres redis rabbitmq kafka; default: all four)
#   up        install what is missing (Debian packages, Kafka jars from Maven Central), then start; idempotent
#   down      stop what this script started (found through its pid files); data stays
#   restart   stop then start (the fault tests restart RabbitMQ or Kafka mid-test; data survives)
#   status    state and connection URL of each service; exit 0 only when all the named services are running
#   env       export lines for the tests:  eval "$(scripts/infra.sh env)"
#   kafka-tool CLASS [ARG...]   run a Kafka command-line tool from the broker's jars, e.g.
#             scripts/infra.sh kafka-tool org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:19092 --list
#   rabbitmqctl [ARG...]        rabbitmqctl against this script's RabbitMQ node, e.g.
#             scripts/infra.sh rabbitmqctl list_queues name messages      (exact counts, no statistics delay)
#   clean     down, then delete DACA_INFRA_DIR (all data)
#
# Configuration (environment variables, defaults in brackets):
#   DACA_INFRA_DIR            data, logs and pid files                     [/tmp/daca-infra]
#   DACA_CACHE                downloaded Kafka jars                         [$HOME/.cache/daca]
#   DACA_PG_PORT              PostgreSQL                                    [15432]
#   DACA_REDIS_PORT           Redis                                         [16379]
#   DACA_RABBIT_PORT          RabbitMQ AMQP                                 [15673]
#   DACA_RABBIT_MGMT_PORT     RabbitMQ management HTTP API/UI, 0 = off      [15674]
#   DACA_RABBIT_DIST_PORT     RabbitMQ Erlang distribution                  [35673]  (CLI tools use +10000..+10010)
#   DACA_KAFKA_PORT           Kafka PLAINTEXT listener (clients)            [19092]
#   DACA_KAFKA_CONTROLLER_PORT  Kafka KRaft controller listener             [19093]
#   DACA_KAFKA_HEAP           Kafka broker -Xmx                             [512m]
# Credentials are fixed for tests: PostgreSQL role/database daca, password daca; RabbitMQ user daca/daca on vhost /.
# Redis has no password. RabbitMQ's node is daca@localhost (daca-<DACA_RABBIT_PORT>@localhost on another AMQP port, so
# a second set of servers does not collide with the first); epmd (Erlang's port mapper, 4369) listens on loopback.
set -euo pipefail

readonly KAFKA_VERSION=3.9.2 # the version Spring Boot 3.5.16 manages
readonly ALL_SERVICES=(postgres redis rabbitmq kafka)

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT
readonly INFRA_DIR=${DACA_INFRA_DIR:-/tmp/daca-infra}
readonly CACHE_DIR=${DACA_CACHE:-$HOME/.cache/daca}
readonly PG_PORT=${DACA_PG_PORT:-15432}
readonly REDIS_PORT=${DACA_REDIS_PORT:-16379}
readonly RABBIT_PORT=${DACA_RABBIT_PORT:-15673}
readonly RABBIT_MGMT_PORT=${DACA_RABBIT_MGMT_PORT:-15674}
readonly RABBIT_DIST_PORT=${DACA_RABBIT_DIST_PORT:-35673}
readonly KAFKA_PORT=${DACA_KAFKA_PORT:-19092}
readonly KAFKA_CONTROLLER_PORT=${DACA_KAFKA_CONTROLLER_PORT:-19093}
readonly KAFKA_HEAP=${DACA_KAFKA_HEAP:-512m}

# the node name is derived from the AMQP port, so a second set of servers (other DACA_* ports and dir) is a second node
if [[ $RABBIT_PORT == 15673 ]]; then RABBIT_NODE=daca@localhost; else RABBIT_NODE=daca-$RABBIT_PORT@localhost; fi
readonly RABBIT_NODE
readonly RABBIT_BIN=/usr/lib/rabbitmq/bin
readonly KAFKA_LIBS=$CACHE_DIR/kafka-$KAFKA_VERSION/libs

log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------------------
# small process helpers

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pid_alive PIDFILE PATTERN: the pid in PIDFILE is running and its command line contains PATTERN
# (so a stale pid file whose number was reused by another process does not count)
pid_alive() {
	local pid
	[[ -s $1 ]] || return 1
	pid=$(head -n 1 "$1")
	[[ $pid =~ ^[0-9]+$ ]] || return 1
	kill -0 "$pid" 2>/dev/null || return 1
	! pid_zombie "$pid" || return 1
	tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2"
}
# an exited daemon stays a zombie until PID 1 reaps it (not at once on every machine): that is gone, too
pid_zombie() { [[ $(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) == Z ]]; }

# wait_for SECONDS WHAT COMMAND...: poll COMMAND every half second until it succeeds
wait_for() {
	local seconds=$1 what=$2 deadline
	shift 2
	deadline=$((SECONDS + seconds))
	until "$@"; do
		((SECONDS < deadline)) || { log "$what: not ready after ${seconds}s"; return 1; }
		sleep 0.5
	done
}

# stop_pid PIDFILE PATTERN NAME: TERM, wait up to 60 s, then KILL
stop_pid() {
	local pidfile=$1 pattern=$2 name=$3 pid
	pid_alive "$pidfile" "$pattern" || { rm -f "$pidfile"; return 0; }
	pid=$(head -n 1 "$pidfile")
	kill -TERM "$pid"
	if ! wait_for 60 "$name shutdown" pid_gone "$pid"; then
		log "$name (pid $pid) ignored TERM for 60s: killing it"
		kill -KILL "$pid" 2>/dev/null || true
		wait_for 10 "$name kill" pid_gone "$pid" || true
	fi
	rm -f "$pidfile"
}
pid_gone() { ! kill -0 "$1" 2>/dev/null || pid_zombie "$1"; }

# the port a running service was started on, so that `up` with other DACA_* ports does not mistake it for its own
started() { service_port "$1" >"$INFRA_DIR/$1/port"; }
already_running() {
	local was
	was=$(cat "$INFRA_DIR/$1/port" 2>/dev/null || true)
	[[ -z $was || $was == "$(service_port "$1")" ]] ||
		die "$1: already running on port $was (this call asks for $(service_port "$1")); run down first"
	log "$1: already running"
}

require_free_port() {
	! port_open "$2" || die "$1: port $2 on 127.0.0.1 is taken by a process this script did not start (set DACA_* ports)"
}

# ---------------------------------------------------------------------------------------------------------------
# installation

# apt_install PACKAGE...: install Debian packages without letting their maintainer scripts start system services
# (policy-rc.d exiting 101 tells invoke-rc.d "not allowed"); an existing policy-rc.d is put back afterwards.
apt_install() {
	local policy=/usr/sbin/policy-rc.d saved="" rc=0
	[[ $(id -u) -eq 0 ]] || die "installing $* needs root (apt-get)"
	if [[ -e $policy ]]; then
		saved=$(mktemp)
		cp -p "$policy" "$saved"
	fi
	printf '#!/bin/sh\n# written by scripts/infra.sh for the duration of apt-get install\nexit 101\n' >"$policy"
	chmod 755 "$policy"
	log "apt-get install $*"
	{
		DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
	} >&2 || rc=$?
	if [[ -n $saved ]]; then
		mv "$saved" "$policy"
	else
		rm -f "$policy"
	fi
	return "$rc"
}

pg_bin() {
	local dir
	dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
	[[ -n $dir && -x $dir/pg_ctl ]] || return 1
	printf '%s\n' "$dir"
}

install_missing() {
	local packages=() service
	for service in "$@"; do
		case $service in
		postgres) [[ -x $(pg_bin)/psql ]] || packages+=(postgresql) ;;
		redis) command -v redis-server >/dev/null && command -v redis-cli >/dev/null || packages+=(redis-server redis-tools) ;;
		rabbitmq) [[ -x $RABBIT_BIN/rabbitmq-server ]] || packages+=(rabbitmq-server) ;;
		kafka) ;;
		esac
	done
	if ((${#packages[@]})); then
		apt_install "${packages[@]}"
	fi
	for service in "$@"; do
		[[ $service == kafka ]] && kafka_libs
	done
	return 0
}

# ---------------------------------------------------------------------------------------------------------------
# PostgreSQL: a private cluster in $INFRA_DIR/postgres, owned by the postgres user (the server refuses to run as root)

readonly PG_DIR=$INFRA_DIR/postgres
pg_url() { printf 'jdbc:postgresql://127.0.0.1:%s/daca' "$PG_PORT"; }
pg_running() { pid_alive "$PG_DIR/data/postmaster.pid" postgres; }
pg_psql() { "$(pg_bin)/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR/run" -p "$PG_PORT" -U postgres "$@"; }

postgres_up() {
	local bin
	bin=$(pg_bin) || die "postgres: no server binaries under /usr/lib/postgresql"
	pg_running && { already_running postgres; return; }
	require_free_port postgres "$PG_PORT"
	mkdir -p "$PG_DIR/run"
	chown postgres:postgres "$PG_DIR" "$PG_DIR/run"
	chmod 700 "$PG_DIR/run"
	if [[ ! -s $PG_DIR/data/PG_VERSION ]]; then
		log "postgres: initdb $PG_DIR/data"
		runuser -u postgres -- "$bin/initdb" -D "$PG_DIR/data" -U postgres -E UTF8 --no-locale \
			--auth-local=trust --auth-host=scram-sha-256 >"$PG_DIR/initdb.log"
	fi
	runuser -u postgres -- "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
		-o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_DIR/run" start >/dev/null 9>&-
	pg_psql -d postgres <<-'SQL'
		SELECT 'CREATE ROLE daca LOGIN PASSWORD ''daca''' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'daca')\gexec
		SELECT 'CREATE DATABASE daca OWNER daca' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'daca')\gexec
	SQL
	started postgres
	log "postgres: up on 127.0.0.1:$PG_PORT"
}

postgres_down() {
	pg_running || return 0
	runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 60 stop >/dev/null
	log "postgres: stopped"
}

# ---------------------------------------------------------------------------------------------------------------
# Redis

readonly REDIS_DIR=$INFRA_DIR/redis
redis_running() { pid_alive "$REDIS_DIR/redis.pid" redis-server; }
redis_ping() { [[ $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; }

redis_up() {
	redis_running && { already_running redis; return; }
	require_free_port redis "$REDIS_PORT"
	mkdir -p "$REDIS_DIR/data"
	redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --protected-mode yes --daemonize yes \
		--pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" --dir "$REDIS_DIR/data" \
		--appendonly yes 9>&-
	wait_for 30 redis redis_ping
	started redis
	log "redis: up on 127.0.0.1:$REDIS_PORT"
}

redis_down() {
	redis_running || return 0
	stop_pid "$REDIS_DIR/redis.pid" redis-server redis
	log "redis: stopped"
}

# ---------------------------------------------------------------------------------------------------------------
# RabbitMQ: a private node daca@localhost with its own cookie (HOME), database, logs and config

readonly RABBIT_DIR=$INFRA_DIR/rabbitmq
readonly RABBIT_ENV=(
	HOME="$RABBIT_DIR/home"
	RABBITMQ_NODENAME="$RABBIT_NODE"
	RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
	RABBITMQ_NODE_PORT="$RABBIT_PORT"
	RABBITMQ_DIST_PORT="$RABBIT_DIST_PORT"
	RABBITMQ_MNESIA_BASE="$RABBIT_DIR/mnesia"
	RABBITMQ_LOG_BASE="$RABBIT_DIR/log"
	RABBITMQ_PID_FILE="$RABBIT_DIR/rabbitmq.pid"
	RABBITMQ_CONFIG_FILE="$RABBIT_DIR/rabbitmq.conf"
	RABBITMQ_ENABLED_PLUGINS_FILE="$RABBIT_DIR/enabled_plugins"
	RABBITMQ_CONF_ENV_FILE="$RABBIT_DIR/rabbitmq-env.conf"
	ERL_EPMD_ADDRESS=127.0.0.1
)
rabbit_url() { printf 'amqp://daca:daca@127.0.0.1:%s/' "$RABBIT_PORT"; }
rabbit() { env "${RABBIT_ENV[@]}" "$RABBIT_BIN/$1" "${@:2}"; }
rabbit_ctl() { rabbit rabbitmqctl -n "$RABBIT_NODE" "$@"; }
rabbit_running() { pid_alive "$RABBIT_DIR/rabbitmq.pid" beam; }

rabbit_configure() {
	mkdir -p "$RABBIT_DIR/home" "$RABBIT_DIR/log" "$RABBIT_DIR/mnesia"
	if [[ ! -s $RABBIT_DIR/home/.erlang.cookie ]]; then
		head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$RABBIT_DIR/home/.erlang.cookie"
	fi
	chmod 400 "$RABBIT_DIR/home/.erlang.cookie"
	: >"$RABBIT_DIR/rabbitmq-env.conf" # do not read /etc/rabbitmq/rabbitmq-env.conf
	# the default user is created only when the node's database is new; guest is then never created
	cat >"$RABBIT_DIR/rabbitmq.conf" <<-EOF
		# generated by scripts/infra.sh
		default_vhost = /
		default_user = daca
		default_pass = daca
		default_user_tags.administrator = true
		default_permissions.configure = .*
		default_permissions.read = .*
		default_permissions.write = .*
		log.file.level = info
		log.console = false
	EOF
	if [[ $RABBIT_MGMT_PORT != 0 ]]; then
		printf 'management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = %s\n' "$RABBIT_MGMT_PORT" >>"$RABBIT_DIR/rabbitmq.conf"
		echo '[rabbitmq_management].' >"$RABBIT_DIR/enabled_plugins"
	else
		echo '[].' >"$RABBIT_DIR/enabled_plugins"
	fi
}

epmd_running() { port_open 4369; }
epmd_unused() { ! epmd -names 2>/dev/null | grep -q '^name '; }

rabbitmq_up() {
	rabbit_running && { already_running rabbitmq; return; }
	require_free_port rabbitmq "$RABBIT_PORT"
	require_free_port "rabbitmq distribution" "$RABBIT_DIST_PORT"
	[[ $RABBIT_MGMT_PORT == 0 ]] || require_free_port "rabbitmq management" "$RABBIT_MGMT_PORT"
	rabbit_configure
	epmd_running || touch "$RABBIT_DIR/started-epmd"
	log "rabbitmq: starting node $RABBIT_NODE"
	(
		cd "$RABBIT_DIR" || exit 1
		exec setsid nohup env "${RABBIT_ENV[@]}" "$RABBIT_BIN/rabbitmq-server"
	) >"$RABBIT_DIR/log/startup.log" 2>&1 </dev/null 9>&- &
	wait_for 30 "rabbitmq pid file" test -s "$RABBIT_DIR/rabbitmq.pid" ||
		die "rabbitmq: the node did not start, see $RABBIT_DIR/log/startup.log"
	rabbit_ctl wait --timeout 120 "$RABBIT_DIR/rabbitmq.pid" >/dev/null ||
		die "rabbitmq: the node did not boot, see $RABBIT_DIR/log/"
	started rabbitmq
	log "rabbitmq: up on 127.0.0.1:$RABBIT_PORT"
}

rabbitmq_down() {
	if rabbit_running; then
		rabbit_ctl stop "$RABBIT_DIR/rabbitmq.pid" >/dev/null ||
			stop_pid "$RABBIT_DIR/rabbitmq.pid" beam rabbitmq
		rm -f "$RABBIT_DIR/rabbitmq.pid"
		log "rabbitmq: stopped"
	fi
	# epmd outlives the node; stop it only if this script started it and no other Erlang node uses it
	# (the stopped node's name may stay registered for a moment)
	if [[ -e $RABBIT_DIR/started-epmd ]] && epmd_running && wait_for 10 "epmd deregistration" epmd_unused; then
		epmd -kill >/dev/null 2>&1 || true
	fi
	rm -f "$RABBIT_DIR/started-epmd"
}

# ---------------------------------------------------------------------------------------------------------------
# Kafka: a single-node KRaft broker (broker + controller) from Maven Central jars

readonly KAFKA_DIR=$INFRA_DIR/kafka
kafka_running() { pid_alive "$KAFKA_DIR/kafka.pid" kafka.Kafka; }

java_home() {
	# shellcheck source=scripts/jdk.sh
	. "$ROOT/scripts/jdk.sh" >&2
	command -v java >/dev/null || die "kafka: no java found (scripts/jdk.sh)"
}

# resolve kafka_2.13 + kafka-tools + a log4j backend with Maven into the cache, once
kafka_libs() {
	[[ -e $KAFKA_LIBS/.complete ]] && return 0
	java_home
	log "kafka: resolving org.apache.kafka:kafka_2.13:$KAFKA_VERSION into $KAFKA_LIBS"
	rm -rf "$KAFKA_LIBS.tmp"
	nice "$ROOT/mvnw" -q -B -f "$ROOT/scripts/infra/kafka/pom.xml" dependency:copy-dependencies \
		-Dkafka.version="$KAFKA_VERSION" -DoutputDirectory="$KAFKA_LIBS.tmp" >&2
	compgen -G "$KAFKA_LIBS.tmp/kafka_2.13-$KAFKA_VERSION.jar" >/dev/null || die "kafka: jars not resolved"
	touch "$KAFKA_LIBS.tmp/.complete"
	rm -rf "$KAFKA_LIBS"
	mv "$KAFKA_LIBS.tmp" "$KAFKA_LIBS"
}

# JVM options for the broker and the tools: quiet on JDK 24+ (Kafka 3.9 still calls sun.misc.Unsafe::invokeCleaner)
KAFKA_JVM_OPTS=()
kafka_jvm_opts() {
	KAFKA_JVM_OPTS=(-cp "$KAFKA_LIBS/*" --enable-native-access=ALL-UNNAMED)
	if java --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then
		KAFKA_JVM_OPTS+=(--sun-misc-unsafe-memory-access=allow)
	fi
}

# kafka-tool CLASS ARGS...: a command-line tool with warnings-only logging and a small, fast-starting JVM
kafka_tool() {
	[[ $# -ge 1 ]] || die "usage: kafka-tool CLASS [ARG...]"
	kafka_libs
	java_home
	kafka_jvm_opts
	java "${KAFKA_JVM_OPTS[@]}" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
		-Dlog4j.configuration="file:$ROOT/scripts/infra/kafka/tools-log4j.properties" "$@"
}

kafka_configure() {
	mkdir -p "$KAFKA_DIR/data" "$KAFKA_DIR/logs"
	cat >"$KAFKA_DIR/server.properties" <<-EOF
		# generated by scripts/infra.sh: single-node KRaft broker and controller on loopback
		process.roles=broker,controller
		node.id=1
		controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
		listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
		advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
		controller.listener.names=CONTROLLER
		inter.broker.listener.name=PLAINTEXT
		listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
		log.dirs=$KAFKA_DIR/data
		num.partitions=3
		default.replication.factor=1
		min.insync.replicas=1
		offsets.topic.replication.factor=1
		offsets.topic.num.partitions=3
		transaction.state.log.replication.factor=1
		transaction.state.log.min.isr=1
		transaction.state.log.num.partitions=3
		share.coordinator.state.topic.replication.factor=1
		auto.create.topics.enable=true
		group.initial.rebalance.delay.ms=0
		num.network.threads=2
		num.io.threads=4
	EOF
	if [[ ! -s $KAFKA_DIR/data/meta.properties ]]; then
		[[ -s $KAFKA_DIR/cluster.id ]] ||
			kafka_tool kafka.tools.StorageTool random-uuid >"$KAFKA_DIR/cluster.id"
		log "kafka: formatting $KAFKA_DIR/data (cluster $(<"$KAFKA_DIR/cluster.id"))"
		kafka_tool kafka.tools.StorageTool format --ignore-formatted \
			--cluster-id "$(<"$KAFKA_DIR/cluster.id")" --config "$KAFKA_DIR/server.properties" >/dev/null
	fi
}

kafka_started() { grep -q 'Kafka Server started' "$KAFKA_DIR/logs/server.log" 2>/dev/null && port_open "$KAFKA_PORT"; }

kafka_up() {
	kafka_running && { already_running kafka; return; }
	require_free_port kafka "$KAFKA_PORT"
	require_free_port "kafka controller" "$KAFKA_CONTROLLER_PORT"
	kafka_libs
	java_home
	kafka_jvm_opts
	kafka_configure
	# a fresh server.log per start, so that readiness is read from this start's lines only
	[[ -e $KAFKA_DIR/logs/server.log ]] && mv "$KAFKA_DIR/logs/server.log" "$KAFKA_DIR/logs/server.log.previous"
	log "kafka: starting broker $KAFKA_VERSION ($(java -version 2>&1 | head -n 1))"
	# detached from this shell's session; the pid file gets the JVM's own pid (setsid may fork, exec does not)
	# shellcheck disable=SC2016 # $$ and $@ belong to the inner shell
	(
		cd "$KAFKA_DIR" || exit 1
		exec setsid nohup bash -c 'echo $$ >"$0" && exec "$@"' "$KAFKA_DIR/kafka.pid" \
			java "${KAFKA_JVM_OPTS[@]}" -Xms256m -Xmx"$KAFKA_HEAP" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
			-Djava.awt.headless=true -Dkafka.logs.dir="$KAFKA_DIR/logs" \
			-Dlog4j.configuration="file:$ROOT/scripts/infra/kafka/log4j.properties" \
			kafka.Kafka "$KAFKA_DIR/server.properties"
	) >"$KAFKA_DIR/logs/stdout.log" 2>&1 </dev/null 9>&- &
	if ! wait_for 120 kafka kafka_started; then
		kafka_running || die "kafka: the broker exited, see $KAFKA_DIR/logs/stdout.log and server.log"
		die "kafka: the broker did not start in 120s, see $KAFKA_DIR/logs/server.log"
	fi
	started kafka
	log "kafka: up on 127.0.0.1:$KAFKA_PORT"
}

kafka_down() {
	kafka_running || { rm -f "$KAFKA_DIR/kafka.pid"; return 0; }
	stop_pid "$KAFKA_DIR/kafka.pid" kafka.Kafka kafka
	log "kafka: stopped"
}

# ---------------------------------------------------------------------------------------------------------------
# commands

service_url() {
	case $1 in
	postgres) printf '%s (user daca, password daca)' "$(pg_url)" ;;
	redis) printf 'redis://127.0.0.1:%s' "$REDIS_PORT" ;;
	rabbitmq)
		printf '%s' "$(rabbit_url)"
		[[ $RABBIT_MGMT_PORT == 0 ]] || printf ' (management http://127.0.0.1:%s)' "$RABBIT_MGMT_PORT"
		;;
	kafka) printf '127.0.0.1:%s' "$KAFKA_PORT" ;;
	esac
}

service_port() {
	case $1 in
	postgres) echo "$PG_PORT" ;;
	redis) echo "$REDIS_PORT" ;;
	rabbitmq) echo "$RABBIT_PORT" ;;
	kafka) echo "$KAFKA_PORT" ;;
	esac
}

service_pidfile() {
	case $1 in
	postgres) echo "$PG_DIR/data/postmaster.pid" ;;
	redis) echo "$REDIS_DIR/redis.pid" ;;
	rabbitmq) echo "$RABBIT_DIR/rabbitmq.pid" ;;
	kafka) echo "$KAFKA_DIR/kafka.pid" ;;
	esac
}

service_running() {
	case $1 in
	postgres) pg_running ;;
	redis) redis_running ;;
	rabbitmq) rabbit_running ;;
	kafka) kafka_running ;;
	esac
}

cmd_status() {
	local service state all=0
	for service in "$@"; do
		if service_running "$service"; then
			if port_open "$(service_port "$service")"; then
				state="running (pid $(head -n 1 "$(service_pidfile "$service")"))"
			else
				state="starting (pid $(head -n 1 "$(service_pidfile "$service")"), port not open yet)"
				all=1
			fi
		elif port_open "$(service_port "$service")"; then
			state="port taken by another process"
			all=1
		else
			state=stopped
			all=1
		fi
		printf '%-9s %-30s %s\n' "$service" "$state" "$(service_url "$service")"
	done
	return "$all"
}

cmd_env() {
	local service
	printf 'export DACA_INFRA_DIR=%q\n' "$INFRA_DIR"
	for service in "$@"; do
		case $service in
		postgres)
			printf 'export %s\n' "DACA_PG_PORT=$PG_PORT" "SPRING_DATASOURCE_URL=$(pg_url)" \
				SPRING_DATASOURCE_USERNAME=daca SPRING_DATASOURCE_PASSWORD=daca
			;;
		redis)
			printf 'export %s\n' "DACA_REDIS_PORT=$REDIS_PORT" SPRING_DATA_REDIS_HOST=127.0.0.1 \
				"SPRING_DATA_REDIS_PORT=$REDIS_PORT"
			;;
		rabbitmq)
			printf 'export %s\n' "DACA_RABBIT_PORT=$RABBIT_PORT" "DACA_RABBIT_MGMT_PORT=$RABBIT_MGMT_PORT" \
				SPRING_RABBITMQ_HOST=127.0.0.1 "SPRING_RABBITMQ_PORT=$RABBIT_PORT" \
				SPRING_RABBITMQ_USERNAME=daca SPRING_RABBITMQ_PASSWORD=daca SPRING_RABBITMQ_VIRTUAL_HOST=/
			;;
		kafka)
			printf 'export %s\n' "DACA_KAFKA_PORT=$KAFKA_PORT" "SPRING_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT" \
				"SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS=127.0.0.1:$KAFKA_PORT"
			;;
		esac
	done
}

start() { "${1}_up"; }
stop() { "${1}_down"; }

usage() {
	sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'
}

main() {
	local command=${1:-help} services=() service i
	shift || true
	if [[ $command == kafka-tool ]]; then
		kafka_tool "$@"
		return
	fi
	if [[ $command == rabbitmqctl ]]; then
		rabbit_ctl "$@"
		return
	fi
	for service in "$@"; do
		case $service in
		postgres | redis | rabbitmq | kafka) services+=("$service") ;;
		*) die "unknown service '$service' (postgres redis rabbitmq kafka)" ;;
		esac
	done
	((${#services[@]})) || services=("${ALL_SERVICES[@]}")

	case $command in
	status) cmd_status "${services[@]}"; return ;;
	env) cmd_env "${services[@]}"; return ;;
	help | -h | --help) usage; return ;;
	up | down | restart | clean) ;;
	*) usage >&2; exit 2 ;;
	esac

	mkdir -p "$INFRA_DIR"
	chmod 755 "$INFRA_DIR"
	# one infra.sh at a time changes the servers (two test scripts may call `up` together);
	# every server is started with fd 9 closed, or it would hold the lock for as long as it runs
	exec 9>"$INFRA_DIR/.lock"
	flock -w 600 9 || die "another scripts/infra.sh holds $INFRA_DIR/.lock"

	case $command in
	up)
		install_missing "${services[@]}"
		for service in "${services[@]}"; do start "$service"; done
		cmd_status "${services[@]}"
		;;
	down | clean)
		for ((i = ${#services[@]} - 1; i >= 0; i--)); do stop "${services[i]}"; done
		if [[ $command == clean ]]; then
			for service in "${services[@]}"; do rm -rf "${INFRA_DIR:?}/$service"; done
			log "removed the data of: ${services[*]}"
		fi
		;;
	restart)
		for ((i = ${#services[@]} - 1; i >= 0; i--)); do stop "${services[i]}"; done
		install_missing "${services[@]}"
		for service in "${services[@]}"; do start "$service"; done
		cmd_status "${services[@]}"
		;;
	esac
}

main "$@"
