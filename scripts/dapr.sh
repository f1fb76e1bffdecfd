#!/usr/bin/env bash
# Build, start and stop a real Dapr runtime (daprd + placement + scheduler) on loopback.
#
#   scripts/dapr.sh install   build the binaries once into a cache outside the repo (idempotent)
#   scripts/dapr.sh up        start placement, scheduler and a daprd sidecar on 127.0.0.1, wait until healthy
#   scripts/dapr.sh down      stop what `up` started (by pid files only)
#   scripts/dapr.sh status    show processes, health and what daprd reports about placement/scheduler
#   scripts/dapr.sh logs      tail the three logs
#
# No package registry ships daprd, so `install` fetches github.com/dapr/dapr through the Go module
# proxy (GOPROXY as configured), copies it to a writable build dir and runs `go build` there.
# See docs/dapr-runtime.md for the why, the numbers and the CI cache key.
set -euo pipefail

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }
ROOT="$(repo_root)"

# ---- build settings --------------------------------------------------------------------------
DAPR_VERSION="${DAPR_VERSION:-v1.16.0}"
DAPR_TAGS="${DAPR_TAGS:-allcomponents}"
DAPR_CACHE="${DAPR_CACHE:-$HOME/.cache/daca/dapr}"
DAPR_BUILD_JOBS="${DAPR_BUILD_JOBS:-2}"
# Go toolchain used for the build. Default: the `go` line of dapr's own go.mod (the toolchain
# upstream builds with), fetched through the proxy as golang.org/toolchain when it is not local.
DAPR_GO_TOOLCHAIN="${DAPR_GO_TOOLCHAIN:-}"
# 1 = delete the Go module/build caches of the build after a successful install (binaries stay).
DAPR_PRUNE="${DAPR_PRUNE:-0}"

[[ "$DAPR_VERSION" == v* ]] || DAPR_VERSION="v$DAPR_VERSION"
TAG_KEY="${DAPR_TAGS//[ ,]/+}"
INSTALL_DIR="$DAPR_CACHE/$DAPR_VERSION-$TAG_KEY"
DAPR_BIN="${DAPR_BIN:-$INSTALL_DIR/bin}"
GO_CACHE_DIR="$DAPR_CACHE/go"

# ---- run settings ----------------------------------------------------------------------------
DAPR_RUN="${DAPR_RUN:-/tmp/daca-dapr}"
DAPR_APP_ID="${DAPR_APP_ID:-daca}"
DAPR_STATE="${DAPR_STATE:-redis}"         # redis | postgres: folder under deploy/dapr/components
DAPR_PUBSUB="${DAPR_PUBSUB:-}"            # empty | kafka | rabbitmq: folder under deploy/dapr/components
DAPR_CONFIG="${DAPR_CONFIG:-$ROOT/deploy/dapr/config.yaml}"
DAPR_COMPONENTS="${DAPR_COMPONENTS:-$ROOT/deploy/dapr/components}"
DAPR_LOG_LEVEL="${DAPR_LOG_LEVEL:-info}"
DAPR_UP_TIMEOUT="${DAPR_UP_TIMEOUT:-60}"
HOST=127.0.0.1

# Ports: below Linux's ephemeral range (32768-60999, /proc/sys/net/ipv4/ip_local_port_range), so an outgoing
# connection of another process cannot hold one of them when `up` starts; 25001-25380 collides with no port of
# scripts/infra.sh (docs/infra.md). 3500 is Dapr's usual HTTP port.
APP_PORT="${APP_PORT-8080}"               # empty or "none": daprd starts without an app channel
DAPR_HTTP_PORT="${DAPR_HTTP_PORT:-3500}"
DAPR_GRPC_PORT="${DAPR_GRPC_PORT:-25001}"
DAPR_INTERNAL_GRPC_PORT="${DAPR_INTERNAL_GRPC_PORT:-25002}"
DAPR_METRICS_PORT="${DAPR_METRICS_PORT:-25090}"
PLACEMENT_PORT="${PLACEMENT_PORT:-25005}"
PLACEMENT_RAFT_PORT="${PLACEMENT_RAFT_PORT:-25201}"
PLACEMENT_HEALTHZ_PORT="${PLACEMENT_HEALTHZ_PORT:-25081}"
PLACEMENT_METRICS_PORT="${PLACEMENT_METRICS_PORT:-25091}"
SCHEDULER_PORT="${SCHEDULER_PORT:-25006}"
SCHEDULER_HEALTHZ_PORT="${SCHEDULER_HEALTHZ_PORT:-25082}"
SCHEDULER_METRICS_PORT="${SCHEDULER_METRICS_PORT:-25092}"
SCHEDULER_ETCD_CLIENT_PORT="${SCHEDULER_ETCD_CLIENT_PORT:-25379}"
SCHEDULER_ETCD_PEER_PORT="${SCHEDULER_ETCD_PEER_PORT:-25380}"

# Endpoints handed to the components through the local.env secret store (prefix DACA_); the defaults are the
# servers of `scripts/infra.sh up redis postgres` (docs/infra.md).
export DACA_REDIS_HOST="${DACA_REDIS_HOST:-127.0.0.1:16379}"
export DACA_REDIS_PASSWORD="${DACA_REDIS_PASSWORD:-}"
export DACA_POSTGRES_URL="${DACA_POSTGRES_URL:-postgres://daca:daca@127.0.0.1:15432/daca?sslmode=disable}"
export DACA_KAFKA_BROKERS="${DACA_KAFKA_BROKERS:-127.0.0.1:9092}"
export DACA_RABBITMQ_URL="${DACA_RABBITMQ_URL:-amqp://guest:guest@127.0.0.1:5672}"

SERVICES=(placement scheduler daprd)

say() { printf '[dapr.sh] %s\n' "$*"; }
die() { printf '[dapr.sh] ERROR: %s\n' "$*" >&2; exit 1; }

usage() {
	sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
	cat <<EOF

Settings (environment): DAPR_VERSION=$DAPR_VERSION DAPR_TAGS=$DAPR_TAGS DAPR_CACHE=$DAPR_CACHE
  DAPR_STATE=$DAPR_STATE (redis|postgres) DAPR_PUBSUB=${DAPR_PUBSUB:-<none>} (kafka|rabbitmq) DAPR_RUN=$DAPR_RUN
  ports: APP_PORT=${APP_PORT:-none} DAPR_HTTP_PORT=$DAPR_HTTP_PORT DAPR_GRPC_PORT=$DAPR_GRPC_PORT
  PLACEMENT_PORT=$PLACEMENT_PORT SCHEDULER_PORT=$SCHEDULER_PORT metrics: daprd $DAPR_METRICS_PORT,
  placement $PLACEMENT_METRICS_PORT, scheduler $SCHEDULER_METRICS_PORT
EOF
}

# ---- install ---------------------------------------------------------------------------------
installed_ok() {
	[[ -f "$INSTALL_DIR/BUILD-INFO" && -f "$INSTALL_DIR/SHA256SUMS" ]] || return 1
	(cd "$DAPR_BIN" && sha256sum --quiet -c "$INSTALL_DIR/SHA256SUMS") >/dev/null 2>&1 || return 1
	local v
	v="$("$DAPR_BIN/daprd" --version 2>/dev/null)" || return 1
	[[ "$v" == "${DAPR_VERSION#v}" ]]
}

cmd_install() {
	if installed_ok; then
		say "already installed and verified: $DAPR_BIN (daprd $("$DAPR_BIN/daprd" --version))"
		return 0
	fi
	command -v go >/dev/null || die "go is not on PATH"
	local start build src mod_dir timer=()
	start=$(date +%s)
	build="$INSTALL_DIR/build"
	src="$build/src"
	rm -rf "$build" "$DAPR_BIN"
	mkdir -p "$build" "$DAPR_BIN" "$GO_CACHE_DIR"

	# A dedicated module/build cache: measurable, cacheable, and removable with DAPR_PRUNE=1.
	export GOMODCACHE="$GO_CACHE_DIR/mod" GOCACHE="$GO_CACHE_DIR/build"
	export CGO_ENABLED=0 GOFLAGS="-buildvcs=false -p=$DAPR_BUILD_JOBS -mod=readonly"
	[[ -x /usr/bin/time ]] && timer=(/usr/bin/time -v -o "$build/time-build.txt")

	say "fetching github.com/dapr/dapr@$DAPR_VERSION through the Go module proxy ($(go env GOPROXY))"
	if ! (cd "$build" && GOFLAGS='' GOTOOLCHAIN=local go mod download -json "github.com/dapr/dapr@$DAPR_VERSION") >"$build/module.json"; then
		cat "$build/module.json" >&2
		die "go mod download github.com/dapr/dapr@$DAPR_VERSION failed (the proxy or the checksum database refused it)"
	fi
	mod_dir="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' "$build/module.json")"
	[[ -n "$mod_dir" && -d "$mod_dir" ]] || die "no module dir in $build/module.json"
	cp -r "$mod_dir" "$src"
	chmod -R u+w "$src"

	local toolchain="$DAPR_GO_TOOLCHAIN"
	[[ -n "$toolchain" ]] || toolchain="go$(sed -n 's/^go \([0-9.]*\)$/\1/p' "$src/go.mod")"
	export GOTOOLCHAIN="$toolchain"
	say "toolchain $(cd "$src" && go version) (GOTOOLCHAIN=$toolchain)"

	local t0 t1 t2
	t0=$(date +%s)
	say "downloading the dependencies of cmd/daprd, cmd/placement, cmd/scheduler (tags: $DAPR_TAGS)"
	(cd "$src" && go list -deps -tags "$DAPR_TAGS" ./cmd/daprd ./cmd/placement ./cmd/scheduler >/dev/null)
	t1=$(date +%s)
	say "building (nice 19, -p=$DAPR_BUILD_JOBS, CGO_ENABLED=0); this takes a while on 2 cores"
	local ldflags="-s -w -X github.com/dapr/dapr/pkg/buildinfo.version=${DAPR_VERSION#v}"
	if ! (cd "$src" && "${timer[@]}" nice -n 19 go build -trimpath -tags "$DAPR_TAGS" -ldflags "$ldflags" \
		-o "$DAPR_BIN/" ./cmd/daprd ./cmd/placement ./cmd/scheduler) >"$build/build.log" 2>&1; then
		tail -n 40 "$build/build.log" >&2
		die "go build failed; full log: $build/build.log"
	fi
	t2=$(date +%s)

	(cd "$DAPR_BIN" && sha256sum daprd placement scheduler) >"$INSTALL_DIR/SHA256SUMS"
	local peak="n/a"
	[[ -f "$build/time-build.txt" ]] && peak="$(awk -F': ' '/Maximum resident/ {printf "%.0f MiB", $2/1024}' "$build/time-build.txt")"
	local du_bin du_mod du_gocache
	du_bin="$(du -sh "$DAPR_BIN" | cut -f1)"
	du_mod="$(du -sh "$GOMODCACHE" | cut -f1)"
	du_gocache="$(du -sh "$GOCACHE" | cut -f1)"
	cat >"$INSTALL_DIR/BUILD-INFO" <<EOF
module: github.com/dapr/dapr@$DAPR_VERSION
tags: $DAPR_TAGS
toolchain: $(cd "$src" && go version)
built: $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, -p=$DAPR_BUILD_JOBS
download_seconds: $((t1 - t0))
build_seconds: $((t2 - t1))
total_seconds: $((t2 - start))
peak_rss_of_largest_process: $peak
disk: bin=$du_bin gomodcache=$du_mod gocache=$du_gocache
EOF
	rm -rf "$build/src"
	if [[ "$DAPR_PRUNE" == 1 ]]; then
		go clean -modcache && rm -rf "$GO_CACHE_DIR"
		say "pruned the Go caches ($GO_CACHE_DIR)"
	fi
	installed_ok || die "built binaries failed verification (daprd --version)"
	cat "$INSTALL_DIR/BUILD-INFO"
	say "installed into $DAPR_BIN in $((t2 - start)) s; disk: bin $du_bin, Go module cache $du_mod, Go build cache $du_gocache"
}

# ---- run -------------------------------------------------------------------------------------
pidfile() { echo "$DAPR_RUN/$1.pid"; }
logfile() { echo "$DAPR_RUN/$1.log"; }

# Alive and still the program we started (guards against pid reuse), whichever DAPR_BIN it came from.
running() {
	local pf pid
	pf="$(pidfile "$1")"
	[[ -f "$pf" ]] || return 1
	pid="$(cat "$pf")"
	[[ -n "$pid" && -d "/proc/$pid" ]] || return 1
	local exe
	exe="$(readlink "/proc/$pid/exe" 2>/dev/null)" || return 1
	exe="${exe% (deleted)}"
	[[ "${exe##*/}" == "$1" ]]
}

port_busy() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

http_code() { curl -s -o /dev/null -m 2 -w '%{http_code}' "$1" 2>/dev/null || true; }

start_service() {
	local name="$1"
	shift
	say "starting $name: $*"
	(cd "$DAPR_RUN" && DAPR_HOST_IP="$HOST" exec "$DAPR_BIN/$name" "$@") >"$(logfile "$name")" 2>&1 &
	echo $! >"$(pidfile "$name")"
}

# wait_for NAME URL: poll until URL answers 2xx, NAME dies, or the timeout passes.
wait_for() {
	local name="$1" url="$2" deadline code
	deadline=$(($(date +%s) + DAPR_UP_TIMEOUT))
	while :; do
		code="$(http_code "$url")"
		[[ "$code" == 2* ]] && return 0
		if ! running "$name"; then
			say "$name exited; last lines of $(logfile "$name"):" >&2
			tail -n 30 "$(logfile "$name")" >&2 || true
			return 1
		fi
		if (($(date +%s) >= deadline)); then
			say "$name not healthy after ${DAPR_UP_TIMEOUT}s ($url answered '${code:-nothing}'); last lines of $(logfile "$name"):" >&2
			tail -n 30 "$(logfile "$name")" >&2 || true
			return 1
		fi
		sleep 0.5
	done
}

# wait_metadata PATTERN WHAT: poll daprd's metadata until it contains PATTERN (fixed string).
wait_metadata() {
	local deadline
	deadline=$(($(date +%s) + DAPR_UP_TIMEOUT))
	until curl -s -m 2 "http://$HOST:$DAPR_HTTP_PORT/v1.0/metadata" 2>/dev/null | grep -qF "$1"; do
		if (($(date +%s) >= deadline)) || ! running daprd; then
			tail -n 30 "$(logfile daprd)" >&2 || true
			return 1
		fi
		sleep 0.5
	done
	say "$2"
}

resources_args() {
	local dir out=(--resources-path "$DAPR_COMPONENTS/common" --resources-path "$DAPR_COMPONENTS/$DAPR_STATE")
	[[ -d "$DAPR_COMPONENTS/$DAPR_STATE" ]] || die "DAPR_STATE=$DAPR_STATE: no folder $DAPR_COMPONENTS/$DAPR_STATE"
	if [[ -n "$DAPR_PUBSUB" ]]; then
		dir="$DAPR_COMPONENTS/pubsub-$DAPR_PUBSUB"
		[[ -d "$dir" ]] || die "DAPR_PUBSUB=$DAPR_PUBSUB: no folder $dir"
		out+=(--resources-path "$dir")
	fi
	printf '%s\n' "${out[@]}"
}

cmd_up() {
	installed_ok || die "no verified Dapr $DAPR_VERSION ($DAPR_TAGS) in $DAPR_BIN: run 'scripts/dapr.sh install' first"
	command -v curl >/dev/null || die "curl is needed for the health checks"
	local s any=0
	for s in "${SERVICES[@]}"; do running "$s" && any=1; done
	if ((any)); then
		say "already running (pid files in $DAPR_RUN):"
		cmd_status
		return
	fi
	local ports=("$DAPR_HTTP_PORT" "$DAPR_GRPC_PORT" "$DAPR_INTERNAL_GRPC_PORT" "$DAPR_METRICS_PORT"
		"$PLACEMENT_PORT" "$PLACEMENT_RAFT_PORT" "$PLACEMENT_HEALTHZ_PORT" "$PLACEMENT_METRICS_PORT"
		"$SCHEDULER_PORT" "$SCHEDULER_HEALTHZ_PORT" "$SCHEDULER_METRICS_PORT"
		"$SCHEDULER_ETCD_CLIENT_PORT" "$SCHEDULER_ETCD_PEER_PORT")
	local dup
	dup="$(printf '%s\n' "${ports[@]}" "${APP_PORT//none/}" | sed '/^$/d' | sort | uniq -d)"
	[[ -z "$dup" ]] || die "port(s) configured twice: $dup"
	for s in "${ports[@]}"; do
		port_busy "$s" && die "port $HOST:$s is already in use (set the matching *_PORT variable)"
	done
	mapfile -t resources < <(resources_args)
	mkdir -p "$DAPR_RUN"

	start_service placement --mode standalone --id dapr-placement-0 \
		--port "$PLACEMENT_PORT" --listen-address "$HOST" \
		--initial-cluster "dapr-placement-0=$HOST:$PLACEMENT_RAFT_PORT" \
		--healthz-port "$PLACEMENT_HEALTHZ_PORT" --healthz-listen-address "$HOST" \
		--metrics-port "$PLACEMENT_METRICS_PORT" --metrics-listen-address "$HOST" \
		--log-level "$DAPR_LOG_LEVEL"
	start_service scheduler --mode standalone --id dapr-scheduler-server-0 \
		--port "$SCHEDULER_PORT" --listen-address "$HOST" \
		--override-broadcast-host-port "$HOST:$SCHEDULER_PORT" \
		--etcd-data-dir "$DAPR_RUN/scheduler-data" --etcd-client-port "$SCHEDULER_ETCD_CLIENT_PORT" \
		--etcd-initial-cluster "dapr-scheduler-server-0=http://$HOST:$SCHEDULER_ETCD_PEER_PORT" \
		--healthz-port "$SCHEDULER_HEALTHZ_PORT" --healthz-listen-address "$HOST" \
		--metrics-port "$SCHEDULER_METRICS_PORT" --metrics-listen-address "$HOST" \
		--log-level "$DAPR_LOG_LEVEL"
	wait_for placement "http://$HOST:$PLACEMENT_HEALTHZ_PORT/healthz" || { cmd_down; die "placement did not become healthy"; }
	wait_for scheduler "http://$HOST:$SCHEDULER_HEALTHZ_PORT/healthz" || { cmd_down; die "scheduler did not become healthy"; }

	local app_args=()
	[[ -n "$APP_PORT" && "$APP_PORT" != none ]] && app_args=(--app-port "$APP_PORT" --app-channel-address "$HOST")
	start_service daprd --mode standalone --app-id "$DAPR_APP_ID" "${app_args[@]}" \
		--dapr-http-port "$DAPR_HTTP_PORT" --dapr-grpc-port "$DAPR_GRPC_PORT" --dapr-listen-addresses "$HOST" \
		--dapr-internal-grpc-port "$DAPR_INTERNAL_GRPC_PORT" --dapr-internal-grpc-listen-address "$HOST" \
		--metrics-port "$DAPR_METRICS_PORT" --metrics-listen-address "$HOST" \
		--placement-host-address "$HOST:$PLACEMENT_PORT" --scheduler-host-address "$HOST:$SCHEDULER_PORT" \
		--config "$DAPR_CONFIG" "${resources[@]}" --log-level "$DAPR_LOG_LEVEL"
	# healthz/outbound: components loaded and the runtime can call out; it does not wait for the app.
	wait_for daprd "http://$HOST:$DAPR_HTTP_PORT/v1.0/healthz/outbound" || { cmd_down; die "daprd did not become healthy"; }
	wait_metadata '"scheduler":{"connected_addresses":["' "daprd connected to the scheduler" ||
		{ cmd_down; die "daprd did not connect to the scheduler on $HOST:$SCHEDULER_PORT"; }
	# daprd reports its actor types to placement only once the app answers on its port.
	if [[ -n "${app_args[*]}" ]] && port_busy "$APP_PORT"; then
		wait_metadata '"placement":"placement: connected"' "daprd connected to placement" ||
			{ cmd_down; die "daprd did not connect to placement on $HOST:$PLACEMENT_PORT"; }
	elif [[ -n "${app_args[*]}" ]]; then
		say "no app on $HOST:$APP_PORT yet: daprd connects to placement once the app answers there"
	fi
	say "up: daprd http://$HOST:$DAPR_HTTP_PORT grpc=$HOST:$DAPR_GRPC_PORT app-id=$DAPR_APP_ID state=$DAPR_STATE pubsub=${DAPR_PUBSUB:-none}"
	cmd_status
}

stop_service() {
	local name="$1" pf pid i
	pf="$(pidfile "$name")"
	[[ -f "$pf" ]] || return 0
	pid="$(cat "$pf")"
	if running "$name"; then
		kill -TERM "$pid" 2>/dev/null || true
		for ((i = 0; i < 40; i++)); do
			running "$name" || break
			sleep 0.5
		done
		if running "$name"; then
			say "$name (pid $pid) ignored SIGTERM for 20s; sending SIGKILL"
			kill -KILL "$pid" 2>/dev/null || true
		fi
		say "stopped $name (pid $pid)"
	else
		say "$name (pid $pid) was not running"
	fi
	rm -f "$pf"
}

cmd_down() {
	local i
	for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do stop_service "${SERVICES[i]}"; done
}

cmd_status() {
	local s rc=0
	for s in "${SERVICES[@]}"; do
		if running "$s"; then
			say "$s: running (pid $(cat "$(pidfile "$s")"), log $(logfile "$s"))"
		else
			say "$s: not running"
			rc=1
		fi
	done
	running placement && say "placement healthz: $(http_code "http://$HOST:$PLACEMENT_HEALTHZ_PORT/healthz")"
	running scheduler && say "scheduler healthz: $(http_code "http://$HOST:$SCHEDULER_HEALTHZ_PORT/healthz")"
	if running daprd; then
		say "daprd healthz/outbound: $(http_code "http://$HOST:$DAPR_HTTP_PORT/v1.0/healthz/outbound")" \
			"healthz: $(http_code "http://$HOST:$DAPR_HTTP_PORT/v1.0/healthz") (503/500 until the app on ${APP_PORT:-<none>} answers)"
		local meta
		meta="$(curl -s -m 2 "http://$HOST:$DAPR_HTTP_PORT/v1.0/metadata" || true)"
		if command -v python3 >/dev/null && [[ -n "$meta" ]]; then
			python3 - "$meta" <<'PY'
import json, sys
m = json.loads(sys.argv[1])
print("[dapr.sh] metadata: runtimeVersion=%s" % m.get("runtimeVersion"))
print("[dapr.sh]   actorRuntime=%s" % json.dumps(m.get("actorRuntime")))
print("[dapr.sh]   scheduler=%s" % json.dumps(m.get("scheduler")))
print("[dapr.sh]   components=%s" % ", ".join("%s(%s/%s)" % (c["name"], c["type"], c["version"]) for c in m.get("components", [])))
PY
		fi
	fi
	return "$rc"
}

cmd_logs() {
	local s
	for s in "${SERVICES[@]}"; do
		echo "==> $(logfile "$s")"
		tail -n "${LINES:-20}" "$(logfile "$s")" 2>/dev/null || true
	done
}

case "${1:-help}" in
install) cmd_install ;;
up) cmd_up ;;
down) cmd_down ;;
status) cmd_status ;;
logs) cmd_logs ;;
help | -h | --help) usage ;;
*)
	usage >&2
	exit 2
	;;
esac
