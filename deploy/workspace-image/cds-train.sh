#!/usr/bin/env bash
# Makes the image's class-data-sharing archives (README.md, "Start-up"): $SPARK_HOME/cds/launcher.jsa,
# master.jsa and worker.jsa. Run by the Dockerfile as user spark, in the layer right after the jars
# and the scripts: an archive only maps into a JVM with the same JDK build, options and class path
# (every jar's size and time), which that layer fixes. It starts a master and a worker through the
# entrypoint exactly as a workspace does (on 127.0.0.1, authentication on), waits until the worker
# has registered, and stops both: each JVM writes its archive as it exits (-XX:ArchiveClassesAtExit,
# set by spark-class from SPARK_CDS_DUMP and SPARK_CDS_DUMP_LAUNCHER).
set -euo pipefail

: "${SPARK_HOME:?SPARK_HOME is not set}" "${SPARK_CONF_DIR:?SPARK_CONF_DIR is not set}"
readonly OUT="$SPARK_HOME/cds" TIMEOUT_S=600
readonly MASTER_PORT=17077 MASTER_UI=18080 WORKER_PORT=17078 WORKER_UI=18081
say() { printf 'cds-train: %s\n' "$*" >&2; }
mkdir -p "$OUT"
rm -f "$OUT"/*.jsa

# The launcher: spark-class runs it before every Spark JVM. `--help` makes the master print its
# usage and exit, without an archive of its own (no SPARK_CDS_DUMP).
SPARK_CDS_DUMP_LAUNCHER="$OUT/launcher.jsa" spark-class org.apache.spark.deploy.master.Master --help \
  >/dev/null 2>&1 || true
[[ -s "$OUT/launcher.jsa" ]] || { say "the launcher wrote no archive"; exit 1; }

secret="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
common=(env SPARK_AUTH_SECRET="$secret" SPARK_BIND_ADDRESS=127.0.0.1)
"${common[@]}" WORKSPACE_ROLE=master SPARK_CDS_DUMP="$OUT/master.jsa" SPARK_MASTER_PORT=$MASTER_PORT \
  SPARK_MASTER_WEBUI_PORT=$MASTER_UI workspace-entrypoint >/tmp/cds-master.log 2>&1 &
master=$!
"${common[@]}" WORKSPACE_ROLE=worker SPARK_CDS_DUMP="$OUT/worker.jsa" SPARK_MASTER_URL="spark://127.0.0.1:$MASTER_PORT" \
  SPARK_WORKER_PORT=$WORKER_PORT SPARK_WORKER_WEBUI_PORT=$WORKER_UI SPARK_WORKER_CORES=1 SPARK_WORKER_MEMORY=1g \
  SPARK_LOCAL_DIRS=/tmp/cds-scratch SPARK_WORKER_DIR=/tmp/cds-scratch/work workspace-entrypoint >/tmp/cds-worker.log 2>&1 &
worker=$!

# The master's UI answers only signed requests (GatewaySignatureFilter), as the portal signs them.
signed() {
  local expiry=$(($(date +%s) + 60)) signature
  signature="$(printf '%s' "cds-train;$expiry" | openssl dgst -sha256 -hmac "$secret" -r | cut -d' ' -f1)"
  printf 'X-Workspace-Identity: cds-train;%s;%s' "$expiry" "$signature"
}

# Registered: the master lists one ALIVE worker, and the worker's own UI answers.
for ((waited = 0; ; waited++)); do
  if curl -fs --max-time 2 -H "$(signed)" "http://127.0.0.1:$MASTER_UI/json/" | grep -q '"state" *: *"ALIVE"' &&
    curl -fs --max-time 2 -o /dev/null "http://127.0.0.1:$WORKER_UI/json/"; then
    break
  fi
  if ((waited >= TIMEOUT_S * 2)) || ! kill -0 "$master" "$worker" 2>/dev/null; then
    say "the worker did not register within ${TIMEOUT_S} s; last lines:"
    tail -n 20 /tmp/cds-master.log /tmp/cds-worker.log >&2
    exit 1
  fi
  sleep 0.5
done
say "worker registered after about $((waited / 2)) s; stopping both, they write their archives"
kill -TERM "$worker"
wait "$worker" || true
kill -TERM "$master"
wait "$master" || true

for name in launcher master worker; do
  [[ -s "$OUT/$name.jsa" ]] || { say "no archive for $name; last lines:"; tail -n 20 /tmp/cds-*.log >&2; exit 1; }
done
# The image keeps the conf folder empty (the entrypoint writes it at start) and no training leftovers.
rm -rf "$SPARK_CONF_DIR"/spark-env.sh /tmp/cds-scratch /tmp/cds-*.log "$HOME"/.java 2>/dev/null || true
ls -l "$OUT" >&2
