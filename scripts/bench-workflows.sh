#!/usr/bin/env bash
# Benchmark (reported, not asserted): throughput and latency of the moderation workflow WITHOUT the human step, on
# the real runtime (daprd + placement + scheduler, workflow state in Redis from scripts/infra.sh), the app from its
# jar in the dapr profile. The review policy it runs with has no classify rule, so no post goes to review: each
# workflow is classify -> request-review (the gate says no) -> publish on moderation.decided (3 activities).
#
#   scripts/bench-workflows.sh              N=300 workflows, at most C=32 start requests in flight
#   N=500 C=64 scripts/bench-workflows.sh
#
# Latency of one workflow = daprd's lastUpdatedAt - createdAt (the runtime's own timestamps: from the accepted start
# to completion); throughput = N / (last completion - first creation). A warm-up of W=30 workflows runs first and is
# not counted. Own ports (daprd 3530/25031, app 18090) and run dir, so it does not meet the tests' sidecars.
# Prints one Markdown table row for docs/benchmarks/workflows.md, with the load average before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh

N="${N:-300}"
C="${C:-32}"
W="${W:-30}"
APP_PORT=18090
export DAPR_HTTP_PORT=3530 DAPR_GRPC_PORT=25031 DAPR_INTERNAL_GRPC_PORT=25032 DAPR_METRICS_PORT=25130 \
	PLACEMENT_PORT=25035 PLACEMENT_RAFT_PORT=25231 PLACEMENT_HEALTHZ_PORT=25131 PLACEMENT_METRICS_PORT=25132 \
	SCHEDULER_PORT=25036 SCHEDULER_HEALTHZ_PORT=25133 SCHEDULER_METRICS_PORT=25134 \
	SCHEDULER_ETCD_CLIENT_PORT=25399 SCHEDULER_ETCD_PEER_PORT=25398
export DAPR_RUN=/tmp/daca-bench-dapr DAPR_STATE=redis APP_PORT

work="$(mktemp -d /tmp/daca-bench-wf.XXXXXX)"
app_pid=""
cleanup() {
	[[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
	scripts/dapr.sh down >/dev/null 2>&1 || true
	[[ "${KEEP:-0}" == 1 ]] || rm -rf "$work"
}
trap cleanup EXIT

. scripts/jar.sh

scripts/infra.sh up redis >/dev/null
rm -rf "$DAPR_RUN"
scripts/dapr.sh up >/dev/null

# the shipped policy minus its classify rule: no post is sent to a person
cat >"$work/policy.yml" <<'YML'
diagnose:
  at-or-above-risk: high
  deadline: PT15M
  on-timeout: notify-on-call-clinician
  candidate-group: clinicians
YML
java --enable-native-access=ALL-UNNAMED -Xmx768m -jar "$jar" --spring.profiles.active=dapr \
	--server.port=$APP_PORT --daca.data-dir="$work/data" --daca.review.policy-file="$work/policy.yml" \
	>"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 180); do
	curl -sf "http://127.0.0.1:$APP_PORT/actuator/health/readiness" >/dev/null 2>&1 && break
	kill -0 "$app_pid" 2>/dev/null || { tail -n 40 "$work/app.log"; exit 1; }
	sleep 1
done
for _ in $(seq 1 60); do
	curl -s "http://127.0.0.1:$DAPR_HTTP_PORT/v1.0/metadata" | grep -qF '"placement":"placement: connected"' && break
	sleep 1
done

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$APP_PORT" "$N" "$C" "$W" "$load_before" "$(nproc)" <<'PY'
import concurrent.futures as cf, json, sys, time, uuid, urllib.request
from datetime import datetime

port, n, c, w, load_before, cores = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
base = "http://127.0.0.1:%d" % port
TEXT = "Lovely sunset at the beach tonight, thanks for the photo tips!"

def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read())

def start(_):
    return call("POST", "/workflows/moderation", {"postId": "bench-" + uuid.uuid4().hex, "text": TEXT})["instanceId"]

def ts(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00")[:26] + "+00:00" if "." in s else s.replace("Z", "+00:00"))

def run(count):
    t0 = time.time()
    with cf.ThreadPoolExecutor(c) as pool:
        ids = list(pool.map(start, range(count)))
    started = time.time()
    pending, done = set(ids), {}
    deadline = time.time() + 600
    while pending and time.time() < deadline:
        time.sleep(0.5)
        with cf.ThreadPoolExecutor(4) as pool:
            for i, view in zip(list(pending), pool.map(lambda i: call("GET", "/workflows/" + i), list(pending))):
                if view["status"] in ("COMPLETED", "FAILED", "TERMINATED"):
                    done[i] = view
                    pending.discard(i)
    if pending:
        sys.exit("%d workflows did not finish within 600 s" % len(pending))
    failed = [v for v in done.values() if v["status"] != "COMPLETED" or v["result"]["decidedBy"] != "agent"]
    if failed:
        sys.exit("not completed by the agent alone: %s" % failed[:3])
    return t0, started, done

run(w)  # warm-up: JIT, connections, actor placement
t0, started, done = run(n)
created = [ts(v["createdAt"]) for v in done.values()]
finished = [ts(v["lastUpdatedAt"]) for v in done.values()]
lat = sorted((f - s).total_seconds() * 1000 for s, f in zip(created, finished))
span = (max(finished) - min(created)).total_seconds()
pct = lambda p: lat[min(len(lat) - 1, int(round(p / 100.0 * len(lat) + 0.5)) - 1)]
load_after = open("/proc/loadavg").read().split()[:3]
print("| %d | %d | %s | %.1f | %.0f | %.0f | %.0f | %.1f s | %s | %s |" % (
    n, c, cores, n / span, pct(50), pct(99), lat[-1], started - t0, load_before, " ".join(load_after)))
PY
