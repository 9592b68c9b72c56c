#!/usr/bin/env bash
# The reference floor for starting a workspace: plain `docker run` of a Spark master, 2 workers and a
# Jupyter notebook from the workspace image, all at once, host networking, Spark authentication on,
# until the master's JSON UI lists 2 workers ALIVE and the notebook answers /api/status with its
# token. Whatever the portal adds on top of this is its own overhead. Prints each run and the median.
#
# Usage: benchmark/docker-floor.sh [RUNS] [BASE_PORT]      (defaults: 5 runs, ports 19000-19009)
# The ports lie below the kernel's ephemeral range (32768 and up by default): polling a port in that
# range before anything listens there can connect it to itself (a TCP simultaneous open, when the
# probe's own port comes out equal to the one it calls), and Jupyter, binding the port a moment
# later, then finds it in use. They also lie below the portal's default host port range (20000 up).
# Environment:
#   IMAGE          image to run (default: the current offline tag, see build-offline.sh --print-tag)
#   FLOOR_TIMEOUT  seconds one run may take before it counts as failed (default 180)
#   FLOOR_FAST_START  off (default): plain Spark and Jupyter, the image's start-up tuning off
#                  (WORKSPACE_FAST_START=off: no class-data-sharing archives, no waiting for the master,
#                  `python3 -m notebook`); on: the image's defaults, as the portal runs it
#   FLOOR_LABEL    one more label for the containers, KEY=VALUE (they always carry
#                  org.workspaceportal.benchmark=docker-floor and are removed at the end)
# Talks to whatever engine the docker CLI is configured for; the containers listen on 127.0.0.1 only.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS="${1:-5}"
BASE_PORT="${2:-19000}"
IMAGE="${IMAGE:-$(deploy/workspace-image/build-offline.sh --print-tag)}"
TIMEOUT="${FLOOR_TIMEOUT:-180}"
FAST_START="${FLOOR_FAST_START:-off}"
[[ "$FAST_START" == on || "$FAST_START" == off ]] || { echo "FLOOR_FAST_START must be on or off, got '$FAST_START'" >&2; exit 2; }
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive number, got '$RUNS'" >&2; exit 2; }
if ! [[ "$BASE_PORT" =~ ^[0-9]+$ ]] || ((BASE_PORT < 1024 || BASE_PORT > 65525)); then
  echo "BASE_PORT must be 1024-65525, got '$BASE_PORT'" >&2
  exit 2
fi

readonly ADDR=127.0.0.1
readonly MASTER_PORT=$BASE_PORT MASTER_UI=$((BASE_PORT + 1))
# Worker w (1, 2) has RPC port BASE_PORT + 2w and web UI port BASE_PORT + 2w + 1.
readonly JUPYTER_PORT=$((BASE_PORT + 6)) DRIVER_PORT=$((BASE_PORT + 7)) BM_PORT=$((BASE_PORT + 8)) DRIVER_UI=$((BASE_PORT + 9))
readonly RUN_ID="floor-$$-$RANDOM"
LABELS=(--label org.workspaceportal.benchmark=docker-floor --label "org.workspaceportal.benchmark.run=$RUN_ID")
[[ -z "${FLOOR_LABEL:-}" ]] || LABELS+=(--label "$FLOOR_LABEL")

docker image inspect "$IMAGE" >/dev/null 2>&1 ||
  { echo "image $IMAGE is not on the engine; build it: deploy/workspace-image/build-offline.sh --if-missing" >&2; exit 1; }

remove_containers() {
  local ids
  mapfile -t ids < <(docker ps -aq --filter "label=org.workspaceportal.benchmark.run=$RUN_ID")
  ((${#ids[@]} == 0)) || docker rm -f "${ids[@]}" >/dev/null
}
trap remove_containers EXIT

ports_in_use() {
  local port busy=()
  for ((port = BASE_PORT; port <= BASE_PORT + 9; port++)); do
    if (exec 3<>"/dev/tcp/$ADDR/$port") 2>/dev/null; then busy+=("$port"); fi
  done
  printf '%s' "${busy[*]}"
}

now_ms() { date +%s%3N; }
seconds() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }

# Jupyter and the master's UI in the image answer only requests signed as the portal's gateway signs
# them (image contract 3: X-Workspace-Identity = user;expiry;hex(HMAC-SHA256(key, "user;expiry")),
# keyed with JUPYTER_TOKEN for Jupyter and with the Spark secret for the master). Signed once per run,
# for 290 s (the image takes at most 300; a run gives up after FLOOR_TIMEOUT, 180 s by default):
# signing at every poll (two openssl processes) slowed the polling loop and so the floor it measures.
identity() {
  local signed="bench;$(($(date +%s) + 290))" mac
  mac="$(printf '%s' "$signed" | openssl dgst -sha256 -hmac "$1" -r | cut -d' ' -f1)"
  printf 'X-Workspace-Identity: %s;%s' "$signed" "$mac"
}
# Master JSON: one "state" : "ALIVE" per live worker (the master's own is "status"). $1: the header.
alive_workers() {
  curl -s --max-time 1 -H "$1" "http://$ADDR:$MASTER_UI/json/" 2>/dev/null | grep -o '"state" *: *"ALIVE"' | wc -l
}
notebook_status() {
  curl -s --max-time 1 -o /dev/null -w '%{http_code}' -H "$1" \
    "http://$ADDR:$JUPYTER_PORT/api/status" 2>/dev/null || true
}

# The last lines each container of the run logged, on stderr.
last_lines() {
  local c
  for c in master worker-1 worker-2 notebook; do
    echo "---- $c" >&2
    docker logs --tail 15 "$RUN_ID-$c" 2>&1 | sed 's/^/  /' >&2 || true
  done
}

one_run() {
  local n="$1" secret token as_master as_notebook
  secret="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  token="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  as_master="$(identity "$secret")" as_notebook="$(identity "$token")"
  local common=(docker run -d --network host "${LABELS[@]}" -e SPARK_AUTH_SECRET="$secret" -e "SPARK_BIND_ADDRESS=$ADDR"
    -e "WORKSPACE_FAST_START=$FAST_START")
  local master_url="spark://$ADDR:$MASTER_PORT"
  local t0 t_notebook='' t_workers='' elapsed next_exit_check=2000
  t0="$(now_ms)"
  local pids=()
  "${common[@]}" --name "$RUN_ID-master" -e WORKSPACE_ROLE=master \
    -e "SPARK_MASTER_PORT=$MASTER_PORT" -e "SPARK_MASTER_WEBUI_PORT=$MASTER_UI" "$IMAGE" >/dev/null &
  pids+=($!)
  local w port ui
  for w in 1 2; do
    port=$((BASE_PORT + 2 * w)) ui=$((BASE_PORT + 2 * w + 1))
    "${common[@]}" --name "$RUN_ID-worker-$w" -e WORKSPACE_ROLE=worker -e SPARK_MASTER_URL="$master_url" \
      -e SPARK_WORKER_PORT=$port -e SPARK_WORKER_WEBUI_PORT=$ui -e SPARK_WORKER_CORES=1 -e SPARK_WORKER_MEMORY=1g \
      "$IMAGE" >/dev/null &
    pids+=($!)
  done
  "${common[@]}" --name "$RUN_ID-notebook" -e WORKSPACE_ROLE=notebook -e JUPYTER_TOKEN="$token" \
    -e JUPYTER_PORT=$JUPYTER_PORT -e SPARK_MASTER_URL="$master_url" -e SPARK_DRIVER_PORT=$DRIVER_PORT \
    -e SPARK_BLOCKMANAGER_PORT=$BM_PORT -e SPARK_DRIVER_UI_PORT=$DRIVER_UI "$IMAGE" >/dev/null &
  pids+=($!)
  local pid
  for pid in "${pids[@]}"; do
    wait "$pid" || { echo "run $n: a docker run failed" >&2; return 1; }
  done

  while [[ -z "$t_notebook" || -z "$t_workers" ]]; do
    elapsed=$(($(now_ms) - t0))
    if ((elapsed > TIMEOUT * 1000)); then
      echo "run $n: not ready after ${TIMEOUT} s (workers ALIVE: $(alive_workers "$as_master"), notebook: $(notebook_status "$as_notebook")); last log lines:" >&2
      last_lines
      return 1
    fi
    # a container that exited (a port taken, a bad setting) fails the run at once; looked for
    # every 2 s only, a docker CLI call at every poll would slow the loop that measures the floor
    if ((elapsed >= next_exit_check)) && next_exit_check=$((elapsed + 2000)) &&
      [[ -n "$(docker ps -aq --filter "label=org.workspaceportal.benchmark.run=$RUN_ID" --filter status=exited)" ]]; then
      echo "run $n: a container exited; last log lines:" >&2
      last_lines
      return 1
    fi
    [[ -n "$t_notebook" || "$(notebook_status "$as_notebook")" != 200 ]] || t_notebook=$elapsed
    [[ -n "$t_workers" ]] || (($(alive_workers "$as_master") < 2)) || t_workers=$elapsed
    sleep 0.1
  done
  local total=$((t_notebook > t_workers ? t_notebook : t_workers))
  printf 'run %d: %6s s   (notebook answers at %s s, 2 workers ALIVE at %s s)\n' "$n" \
    "$(seconds "$total")" "$(seconds "$t_notebook")" "$(seconds "$t_workers")"
  RESULTS+=("$total")
}

echo "docker floor: $IMAGE (fast start $FAST_START), $RUNS run(s), ports $BASE_PORT-$((BASE_PORT + 9)) on $ADDR, engine ${DOCKER_HOST:-unix:///var/run/docker.sock}"
RESULTS=()
for ((i = 1; i <= RUNS; i++)); do
  in_use="$(ports_in_use)"
  [[ -z "$in_use" ]] || { echo "ports in use: $in_use; choose another BASE_PORT" >&2; exit 1; }
  one_run "$i"
  remove_containers
  # The next run needs the ports back: wait until nothing listens on them any more.
  for ((wait_s = 0; wait_s < 30; wait_s++)); do [[ -n "$(ports_in_use)" ]] || break; sleep 1; done
done
median="$(printf '%s\n' "${RESULTS[@]}" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }')"
printf 'median of %d: %s s (master + 2 workers ALIVE + notebook answering, from the first docker run)\n' \
  "${#RESULTS[@]}" "$(seconds "$median")"
