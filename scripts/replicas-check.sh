#!/usr/bin/env bash
# Scale-out proof (issue 15): three `weather-tracker serve` replicas on loopback behind nginx
# (round-robin), one redis-server, one `weather-tracker stub` as upstream, a bounded Python loader.
#   scripts/replicas-check.sh                         the full form (docs/scaling.md's figures; ~3 min)
#   REPLICAS_CHECK_SHORT=1 scripts/replicas-check.sh  the short form CI runs (~2.5 min): fewer
#                                                     cities and a shorter lease, the same five checks
# Ports: REPLICAS_CHECK_PORT (default 18100): nginx on it, replicas on +1..+3, the stub on +10,
# redis on +20. Needs nginx, redis-server, python3, curl (scripts/install-deps.sh installs them).
# Checks, each printing its figures and failing the script on a miss:
#   1. distinct cities × 20 asks, concurrency 64, over the replicas: upstream current calls ≤ cities × 1.02;
#      and a key's ETag / Cache-Control are the same whichever replica answers it.
#   2. QUOTA_PER_MINUTE=120, 1,000 distinct cities over 60 s: ≤ 120 upstream calls in any 60 s
#      window (from the stub's call log), every refusal a 429 problem with Retry-After, no 5xx.
#   3. the stub answers one 429 with Retry-After: 5: no replica calls upstream for 5 s.
#   4. kill -9 the tracker lease holder: another replica tracks within one lease period.
#   5. Redis killed for 10 s under load: no failed request for keys already seen; each replica
#      spends at most the divided local budget, less what it spent in the minute before; all are
#      back on the shared quota within seconds.
# Every wait is bounded; the cleanup trap stops only the PIDs started here.
set -euo pipefail
cd "$(dirname "$0")/.."

SHORT="${REPLICAS_CHECK_SHORT:-0}"
BASE_PORT="${REPLICAS_CHECK_PORT:-18100}"
NGINX_PORT="$BASE_PORT"
STUB_PORT=$((BASE_PORT + 10))
REDIS_PORT=$((BASE_PORT + 20))
REPLICA_PORTS=($((BASE_PORT + 1)) $((BASE_PORT + 2)) $((BASE_PORT + 3)))
if [ "$SHORT" = 1 ]; then
  COALESCE_CITIES=150; LEASE_TTL=5; SEEN_CITIES=40; FORM=short
else
  COALESCE_CITIES=500; LEASE_TTL=15; SEEN_CITIES=100; FORM=full
fi
KEY="replicas-secret-$RANDOM$RANDOM-key"

scripts/install-deps.sh
command -v curl > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl > /dev/null; }
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
# The debug binary, built here unless WEATHER_TRACKER_BIN names one (.ci/run does, so that the DocC
# step can hold the build folder meanwhile).
if [ -z "${WEATHER_TRACKER_BIN:-}" ]; then
  swift build --product weather-tracker >&2
  WEATHER_TRACKER_BIN="$(swift build --show-bin-path)/weather-tracker"
fi
BIN="$WEATHER_TRACKER_BIN"

WORK="$(mktemp -d)"
chmod 755 "$WORK"  # nginx workers may run as another user
declare -A PID_OF=()
cleanup() {
  for role in "${!PID_OF[@]}"; do kill "${PID_OF[$role]}" 2> /dev/null || true; done
  for role in "${!PID_OF[@]}"; do wait "${PID_OF[$role]}" 2> /dev/null || true; done
  if [ -n "${REPLICAS_CHECK_KEEP:-}" ]; then cp -r "$WORK" "$REPLICAS_CHECK_KEEP"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
log() { echo "[replicas] $*" >&2; }
fail() { echo "[replicas] FAIL: $*" >&2; exit 1; }
ROWS=()
row() { ROWS+=("$(printf '| %s | %s | %s | %s |' "$1" "$2" "$3" "$4")"); log "check $1: $2 (limit: $3) — $4"; }
wait_http() {  # url seconds
  for _ in $(seq 1 $(($2 * 10))); do curl -sf -o /dev/null --max-time 1 "$1" && return 0; sleep 0.1; done
  fail "timed out waiting for $1"
}
stop_role() {  # role [signal]
  local pid="${PID_OF[$1]:-}"
  [ -n "$pid" ] || return 0
  kill "-${2:-TERM}" "$pid" 2> /dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  unset "PID_OF[$1]"
}
start_redis() {
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --dir "$WORK" \
    --logfile "$WORK/redis.log" --daemonize no &
  PID_OF[redis]=$!
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping > /dev/null 2>&1 && return 0; sleep 0.1; done
  fail "redis-server did not start on $REDIS_PORT"
}
metric() {  # port name → the sum of the series named exactly `name` (with any labels)
  curl -sf --max-time 2 "http://127.0.0.1:$1/metrics" \
    | awk -v n="$2" '$1 == n || index($1, n "{") == 1 { s += $NF } END { printf "%d\n", s + 0 }'
}
metric_all() { local total=0; for p in "${REPLICA_PORTS[@]}"; do total=$((total + $(metric "$p" "$1"))); done; echo "$total"; }
# Starts the three replicas with the given extra VAR=value settings (replacing running ones).
# CLIENT_LIMIT=off: every request reaches the replicas from nginx's one address, mostly uncached —
# what the per-client limit (on by default) would answer 429; it is checked by scripts/reliability/.
start_replicas() {
  stop_replicas
  local i
  for i in 0 1 2; do
    env OPENWEATHER_API_KEY="$KEY" OPENWEATHER_BASE_URL="http://127.0.0.1:$STUB_PORT" \
      REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0" QUOTA_REPLICAS=3 LOG_LEVEL=notice SHUTDOWN_TIMEOUT=3 CLIENT_LIMIT=off "$@" \
      "$BIN" serve --host 127.0.0.1 --port "${REPLICA_PORTS[$i]}" >> "$WORK/replica$i.log" 2>&1 &
    PID_OF[replica$i]=$!
  done
  for i in 0 1 2; do wait_http "http://127.0.0.1:${REPLICA_PORTS[$i]}/health" 20; done
}
stop_replicas() { local i; for i in 0 1 2; do stop_role "replica$i"; done; }
fresh_round() {  # empty Redis, zeroed stub counters and call log, no faults
  redis-cli -p "$REDIS_PORT" flushall > /dev/null
  curl -sf -X POST "http://127.0.0.1:$STUB_PORT/__stub/reset" > /dev/null
  curl -sf -X DELETE "http://127.0.0.1:$STUB_PORT/__stub/faults" > /dev/null
}
load() {  # VAR=value… for scripts/replicas_check_load.py; prints its JSON
  env "$@" python3 scripts/replicas_check_load.py
}
field() { python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(eval(sys.argv[2], {}, {"d": d}))' "$1" "$2"; }
calls_json() { curl -sf "http://127.0.0.1:$STUB_PORT/__stub/calls" > "$WORK/calls.json"; echo "$WORK/calls.json"; }

# --- the deployment ---------------------------------------------------------------------------
start_redis
"$BIN" stub --port "$STUB_PORT" --api-key "$KEY" > "$WORK/stub.out" 2> "$WORK/stub.err" &
PID_OF[stub]=$!
wait_http "http://127.0.0.1:$STUB_PORT/__stub/stats" 10
mkdir -p "$WORK/nginx"
cat > "$WORK/nginx/nginx.conf" << EOF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
  upstream replicas {
    server 127.0.0.1:${REPLICA_PORTS[0]}; server 127.0.0.1:${REPLICA_PORTS[1]}; server 127.0.0.1:${REPLICA_PORTS[2]};
    keepalive 64;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://replicas;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_next_upstream error timeout;
    }
  }
}
EOF
"$NGINX" -p "$WORK/nginx" -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
PID_OF[nginx]=$!
LB="http://127.0.0.1:$NGINX_PORT"
log "$FORM form: nginx :$NGINX_PORT → replicas :${REPLICA_PORTS[*]}, redis :$REDIS_PORT, stub :$STUB_PORT"
BIG_QUOTA=(QUOTA_PER_MINUTE=1000000 QUOTA_ONECALL_PER_DAY=1000000)

# --- 1. cross-replica coalescing ----------------------------------------------------------------
fresh_round
start_replicas "${BIG_QUOTA[@]}"
wait_http "$LB/health" 10
out="$(load BASE="$LB" PREFIX=coalesce- COUNT="$COALESCE_CITIES" REPEATS=20 CONCURRENCY=64 ORDER=grouped MAX_SECONDS=120)"
log "load: $out"
upstream="$(curl -sf "http://127.0.0.1:$STUB_PORT/__stub/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["paths"].get("/data/2.5/weather", 0))')"
requests="$(field "$out" 'd["requests"]')"; ok="$(field "$out" 'd["status"].get("200", 0)')"
limit="$(python3 -c "print(int($COALESCE_CITIES * 1.02))")"
served="$(metric_all weather_refresh_lock_waits_total)"
holder="$(for p in "${REPLICA_PORTS[@]}"; do curl -sf "http://127.0.0.1:$p/metrics"; done | awk '/^weather_refresh_lock_waits_total/ && /served_holder_entry/ { s += $NF } END { printf "%d", s }')"
{ [ "$ok" = "$requests" ] && [ "$requests" = $((COALESCE_CITIES * 20)) ]; } || fail "check 1: $ok of $requests answered 200: $out"
[ "$upstream" -le "$limit" ] || fail "check 1: $upstream upstream calls for $COALESCE_CITIES cities (limit $limit)"
row "1 coalescing" "$COALESCE_CITIES cities × 20 = $requests requests at $(field "$out" 'd["per_second"]') req/s, all 200; $upstream upstream calls; lock lost $served times, holder's entry served $holder" "≤ $limit upstream calls" pass
same=0
for i in $(seq 0 19); do
  sigs=""
  for p in "${REPLICA_PORTS[@]}"; do
    h="$(curl -s -D - -o /dev/null "http://127.0.0.1:$p/v1/weather/current?city=coalesce-$i")"
    etag="$(grep -i '^etag:' <<< "$h" | tr -d '\r')"
    cc="$(grep -i '^cache-control:' <<< "$h" | tr -d '\r' | sed 's/max-age=\([0-9]*\)/max-age=N/')"
    maxage="$(grep -io 'max-age=[0-9]*' <<< "$h" | cut -d= -f2)"
    sigs+="$etag|$cc|$maxage"$'\n'
  done
  # The same ETag and directives on every replica; max-age the same to within the second it was read in.
  distinct="$(cut -d'|' -f1,2 <<< "$sigs" | sort -u | grep -c . || true)"
  spread="$(cut -d'|' -f3 <<< "$sigs" | grep . | sort -n | sed -n '1p;$p' | paste -sd' ' | awk '{ print $2 - $1 }')"
  if [ "$distinct" = 1 ] && [ "$spread" -le 1 ]; then same=$((same + 1)); else log "differs for coalesce-$i: $sigs"; fi
done
[ "$same" = 20 ] || fail "check 1: the cache headers differ between replicas for $((20 - same)) of 20 keys"
row "1 headers" "20 keys asked of each replica directly: same ETag and Cache-Control on all 3 for $same/20" "20/20" pass

# --- 2. one quota for all replicas ----------------------------------------------------------------
fresh_round
start_replicas QUOTA_PER_MINUTE=120
out="$(load BASE="$LB" PREFIX=quota- COUNT=1000 REPEATS=1 CONCURRENCY=32 RATE=16.7 MAX_SECONDS=90)"
log "load: $out"
window="$(python3 - "$(calls_json)" << 'EOF'
import json, sys
times = sorted(t for t, path in json.load(open(sys.argv[1]))["calls"])
best = 0; j = 0
for i in range(len(times)):
    while times[i] - times[j] >= 60000: j += 1
    best = max(best, i - j + 1)
print(best, len(times), round((times[-1] - times[0]) / 1000, 1) if times else 0)
EOF
)"
read -r in_window calls span <<< "$window"
requests="$(field "$out" 'd["requests"]')"; ok="$(field "$out" 'd["status"].get("200", 0)')"
refused="$(field "$out" 'd["status"].get("429", 0)')"; bad="$(field "$out" 'd["bad_429"] + d["errors"]')"
five="$(field "$out" 'd["server_errors"]')"
[ "$in_window" -le 120 ] || fail "check 2: $in_window upstream calls in one 60 s window"
{ [ "$five" = 0 ] && [ "$bad" = 0 ] && [ $((ok + refused)) = "$requests" ]; } || fail "check 2: refusals not all 429 problems: $out"
[ "$requests" = 1000 ] || fail "check 2: $requests of 1000 requests answered"
# GET /v1/quota on each replica: the same shared figures, the calls upstream saw in the last 60 s.
quota_view="$(python3 - "$STUB_PORT" "$KEY" "${REPLICA_PORTS[@]}" << 'EOF'
import json, sys, time, urllib.request
stub, key, ports = sys.argv[1], sys.argv[2], sys.argv[3:]
views = [json.load(urllib.request.urlopen(f"http://127.0.0.1:{p}/v1/quota", timeout=5)) for p in ports]
calls = json.load(urllib.request.urlopen(f"http://127.0.0.1:{stub}/__stub/calls", timeout=5))["calls"]
now_ms = time.time() * 1000
recent = sum(1 for t, _ in calls if now_ms - t < 60_000)
used = [v["per_minute"]["used"] for v in views]
ok = (all(v["scope"] == "shared" for v in views) and max(used) - min(used) <= 1 and abs(used[0] - recent) <= 2
      and len({v["key_fingerprint"] for v in views}) == 1 and key not in json.dumps(views))
print("ok" if ok else "FAIL", ",".join(map(str, used)), recent, views[0]["scope"])
EOF
)"
read -r quota_ok quota_used quota_recent quota_scope <<< "$quota_view"
[ "$quota_ok" = ok ] || fail "check 2: /v1/quota on the replicas: used $quota_used, scope $quota_scope, upstream saw $quota_recent calls in the last 60 s"
row "2 quota" "1000 cities in $(field "$out" 'd["seconds"]') s: $ok × 200, $refused × 429 problem+Retry-After, $five × 5xx; $calls upstream calls (span $span s), max $in_window in any 60 s; /v1/quota on each replica: $quota_scope, used $quota_used (upstream saw $quota_recent)" "≤ 120 in any 60 s, no 5xx; the same shared figures" pass

# --- 3. a 429 pauses every replica ----------------------------------------------------------------
fresh_round
start_replicas "${BIG_QUOTA[@]}"
curl -sf -X PUT -H 'Content-Type: application/json' "http://127.0.0.1:$STUB_PORT/__stub/faults" \
  -d '[{"fault":"rate_limited","retry_after":5,"path_prefix":"/data/2.5/weather","times":1}]' > /dev/null
out="$(load BASE="$LB" PREFIX=cool- COUNT=400 REPEATS=1 CONCURRENCY=8 RATE=40 MAX_SECONDS=30)"
log "load: $out"
pause="$(python3 - "$(calls_json)" << 'EOF'
import json, sys
calls = sorted(t for t, path in json.load(open(sys.argv[1]))["calls"] if path == "/data/2.5/weather")
first = calls[0]  # the stub rate-limited this one
in_flight = sum(1 for t in calls[1:] if t - first <= 50)
during = sum(1 for t in calls[1:] if 50 < t - first < 5000)
after = [t for t in calls[1:] if t - first >= 5000]
print(in_flight, during, round((after[0] - first) / 1000, 2) if after else -1, len(calls))
EOF
)"
read -r in_flight during resumed calls <<< "$pause"
five="$(field "$out" 'd["server_errors"] + d["errors"] + d["bad_429"]')"
[ "$during" = 0 ] || fail "check 3: $during upstream calls within 5 s of the 429"
[ "$resumed" != -1 ] || fail "check 3: upstream was not called again after the cooldown"
[ "$five" = 0 ] || fail "check 3: failed requests: $out"
cooldowns="$(metric_all weather_upstream_rate_limit_cooldowns_total)"
row "3 shared 429" "429 with Retry-After: 5 on one replica ($cooldowns cooldown started): $during upstream calls in the next 5 s ($in_flight already in flight ≤ 50 ms), next call after $resumed s; $(field "$out" 'd["status"].get("429", 0)') × 429, $(field "$out" 'd["status"].get("200", 0)') × 200" "0 calls for 5 s" pass

# --- 4. one tracker, taken over when its holder dies -----------------------------------------------
fresh_round
start_replicas "${BIG_QUOTA[@]}" TRACKED_PLACES="London,GB;Paris,FR;Berlin,DE" TRACKER_LEASE_TTL="$LEASE_TTL"
leader=""
for _ in $(seq 1 $((LEASE_TTL * 20))); do
  holders=(); for i in 0 1 2; do [ "$(metric "${REPLICA_PORTS[$i]}" weather_tracker_leader)" = 1 ] && holders+=("$i"); done
  if [ "${#holders[@]}" = 1 ] && [ "$(metric "${REPLICA_PORTS[${holders[0]}]}" weather_tracked_checks_total)" -ge 9 ]; then leader="${holders[0]}"; break; fi
  [ "${#holders[@]}" -le 1 ] || fail "check 4: ${#holders[@]} replicas hold the tracker lease"
  sleep 0.1
done
[ -n "$leader" ] || fail "check 4: no replica took the tracker lease"
others=0; for i in 0 1 2; do [ "$i" = "$leader" ] || others=$((others + $(metric "${REPLICA_PORTS[$i]}" weather_tracked_checks_total))); done
[ "$others" = 0 ] || fail "check 4: replicas without the lease ran $others tracked checks"
tracked_calls="$(curl -sf "http://127.0.0.1:$STUB_PORT/__stub/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["requests"])')"
killed_at="$(date +%s.%N)"
stop_role "replica$leader" 9
taker=""
for _ in $(seq 1 $((LEASE_TTL * 30))); do
  for i in 0 1 2; do
    [ "$i" = "$leader" ] && continue
    if [ "$(metric "${REPLICA_PORTS[$i]}" weather_tracker_leader)" = 1 ] && [ "$(metric "${REPLICA_PORTS[$i]}" weather_tracked_checks_total)" -ge 9 ]; then taker="$i"; break 2; fi
  done
  sleep 0.1
done
[ -n "$taker" ] || fail "check 4: no replica took over the tracker"
takeover="$(python3 -c "import time; print(round(time.time() - $killed_at, 2))")"
bound="$(python3 -c "print($LEASE_TTL * 1.1 + 1.0)")"  # the lease expires ≤ TTL after the kill; attempts every TTL/10; 1 s for polling
python3 -c "import sys; sys.exit(0 if $takeover <= $bound else 1)" || fail "check 4: takeover took $takeover s (bound $bound s)"
row "4 one tracker" "3 places: only replica $leader tracked ($tracked_calls upstream calls, 0 checks elsewhere); kill -9 → replica $taker tracked all 9 entries $takeover s later" "≤ lease ${LEASE_TTL} s + one attempt (TTL/10) + 1 s" pass

# --- 5. Redis down for 10 s ----------------------------------------------------------------------
fresh_round
start_replicas QUOTA_PER_MINUTE=120
for p in "${REPLICA_PORTS[@]}"; do  # keys seen by every replica (as round-robin does in steady state)
  warm="$(load BASE="http://127.0.0.1:$p" PREFIX=seen- COUNT="$SEEN_CITIES" CONCURRENCY=8 MAX_SECONDS=30)"
  [ "$(field "$warm" 'd["status"].get("200", 0)')" = "$SEEN_CITIES" ] || fail "check 5: warm-up on :$p: $warm"
done
# What each replica spent upstream in this minute (the first one's warm-up went upstream, the others'
# were hits): its local window starts from that when Redis goes away, so it never overspends.
spent=(); for p in "${REPLICA_PORTS[@]}"; do spent+=("$(metric "$p" weather_upstream_calls_total)"); done
load BASE="$LB" PREFIX=seen- COUNT="$SEEN_CITIES" REPEATS=1 CONCURRENCY=8 RATE=200 LOOP_SECONDS=18 MAX_SECONDS=40 > "$WORK/outage-load.json" &
PID_OF[loader]=$!
sleep 2
stop_role redis 9
down_at="$(date +%s.%N)"
sleep 1
granted=(); limits=(); shared_flags=()
for i in 0 1 2; do  # new cities, straight to each replica: the local budget is 120 / 3 = 40, less what it spent
  burst="$(load BASE="http://127.0.0.1:${REPLICA_PORTS[$i]}" PREFIX="down$i-" COUNT=60 CONCURRENCY=4 MAX_SECONDS=20)"
  [ "$(field "$burst" 'd["server_errors"] + d["bad_429"] + d["errors"]')" = 0 ] || fail "check 5: refusals during the outage: $burst"
  granted+=("$(field "$burst" 'd["status"].get("200", 0)')")
  limits+=("$(metric "${REPLICA_PORTS[$i]}" weather_quota_per_minute_limit)")
  shared_flags+=("$(metric "${REPLICA_PORTS[$i]}" weather_quota_shared)")
  # What /v1/quota says while Redis is away: this replica's own figures, its share of the budget.
  scope="$(curl -sf --max-time 5 "http://127.0.0.1:${REPLICA_PORTS[$i]}/v1/quota" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["scope"], d["per_minute"]["limit"])')"
  [ "$scope" = "local 40" ] || fail "check 5: replica $i's /v1/quota during the outage says '$scope', not 'local 40'"
done
for i in 0 1 2; do
  left=$(( 40 - spent[i] > 0 ? 40 - spent[i] : 0 ))
  { [ "${granted[$i]}" -le "$left" ] && { [ "$left" = 0 ] || [ "${granted[$i]}" -ge 1 ]; }; } \
    || fail "check 5: replica $i answered ${granted[$i]} new cities during the outage (local budget 40, ${spent[i]} already spent this minute)"
  { [ "${limits[$i]}" = 40 ] && [ "${shared_flags[$i]}" = 0 ]; } || fail "check 5: replica $i not on the local budget (limit ${limits[$i]}, shared ${shared_flags[$i]})"
done
sleep "$(python3 -c "import time; print(max(0, 10 - (time.time() - $down_at)))")"
start_redis
up_at="$(date +%s.%N)"
back=""
for n in $(seq 1 100); do
  all=1
  for i in 0 1 2; do
    curl -s -o /dev/null --max-time 2 "http://127.0.0.1:${REPLICA_PORTS[$i]}/v1/weather/current?city=after$n-$i"
    [ "$(metric "${REPLICA_PORTS[$i]}" weather_quota_shared)" = 1 ] || all=0
  done
  if [ "$all" = 1 ]; then back="$(python3 -c "import time; print(round(time.time() - $up_at, 2))")"; break; fi
  sleep 0.1
done
[ -n "$back" ] || fail "check 5: the replicas did not return to the shared quota within 10 s of Redis' restart"
wait "${PID_OF[loader]}" || true
unset "PID_OF[loader]"
out="$(cat "$WORK/outage-load.json")"
log "outage load: $out"
failed="$(field "$out" 'd["requests"] - d["status"].get("200", 0) + d["errors"]')"
[ "$failed" = 0 ] || fail "check 5: $failed failed requests for keys already seen: $out"
row "5 Redis down" "10 s outage under $(field "$out" 'd["requests"]') requests for $SEEN_CITIES seen keys: $failed failed; new cities answered per replica ${granted[*]} (local limit ${limits[*]}/min, spent before ${spent[*]}); shared again $back s after restart" "0 failed; ≤ 40 less spent per replica; back within 5 s" "$(python3 -c "print('pass' if $back <= 5 else 'FAIL')")"
python3 -c "import sys; sys.exit(0 if $back <= 5 else 1)" || fail "check 5: back to the shared quota only after $back s"

# The API key must appear nowhere: replica logs, Redis keys and values.
redis-cli -p "$REDIS_PORT" --scan > "$WORK/redis-keys"
if grep -qF "$KEY" "$WORK"/replica*.log "$WORK/redis-keys"; then fail "the API key appears in a log or Redis key"; fi

echo
echo "replicas-check ($FORM form, $(nproc) CPUs, $(date -u +%Y-%m-%d))"
echo "| check | figures | limit | result |"
echo "|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
log "passed"
