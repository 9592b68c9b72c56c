#!/usr/bin/env bash
# Throughput of the two reference workloads on a running workspace: the example jobs of the image
# (deploy/workspace-image/jobs) submitted from the workspace's notebook container against its own
# cluster and bucket, at SCALE times the notebooks' default sizes. Prints a markdown table: the
# Reddit query's MB/s and MB/s per core (the reference post's unit: 330 GB in about a minute on 960
# cores, about 5.7 MB/s per core), the same query from S3 and from the same data on local disk, and
# KMeans' first iteration against the later ones, uncached and cached. Asserts nothing beyond the
# jobs' own checks, which it reports.
#
# Usage: benchmark/workloads.sh NOTEBOOK_CONTAINER [SCALE] [RUNS]
#   NOTEBOOK_CONTAINER  e.g. wsp-0123456789ab-notebook (docker ps --filter label=org.workspaceportal.role=notebook)
#   SCALE               multiplies the notebooks' default sizes (100,000 comments, 10,000 points;
#                       the 5,000 authors stay); default 10
#   RUNS                runs of each job; the table shows medians; default 1
# Environment:
#   PARTITIONS  default 8
#   DATA        default s3a://$S3_BUCKET/benchmark in the container
#   CORES       the cluster's executor cores, for the per-core rates (default: the sum of
#               SPARK_WORKER_CORES of the workspace's workers on this engine)
#   LOCAL_DISK  1 (default) also reads the Reddit comments from local disk: the job writes the same
#               comments (same sizes and seed) under LOCAL_DIR in the notebook container (Spark in
#               local mode there), they are copied to the same path in every worker container, and
#               the cluster queries file://LOCAL_DIR; then the S3 copy is queried again the same way
#               (no generation in the same job), so that both sides start alike. 0 skips it. Needs
#               every worker on this engine.
#   LOCAL_DIR   default /tmp/workspace-bench (removed from the containers at the end)
# The data it writes to the bucket stays there (replaced by the next run); the workspace's deletion
# removes it with the bucket.
set -euo pipefail

CONTAINER="${1:?usage: benchmark/workloads.sh NOTEBOOK_CONTAINER [SCALE] [RUNS]}"
SCALE="${2:-10}"
RUNS="${3:-1}"
PARTITIONS="${PARTITIONS:-8}"
LOCAL_DISK="${LOCAL_DISK:-1}"
LOCAL_DIR="${LOCAL_DIR:-/tmp/workspace-bench}"
for value in "$SCALE" "$RUNS" "$PARTITIONS"; do
  [[ "$value" =~ ^[1-9][0-9]*$ ]] || { echo "SCALE, RUNS and PARTITIONS must be positive numbers, got '$value'" >&2; exit 2; }
done
[[ "$LOCAL_DIR" =~ ^/tmp/[A-Za-z0-9._-]+$ ]] || { echo "LOCAL_DIR must be a folder directly under /tmp, got '$LOCAL_DIR'" >&2; exit 2; }
readonly JAR=/opt/workspace/jobs/workspace-examples.jar
docker exec "$CONTAINER" test -f "$JAR" ||
  { echo "$CONTAINER has no $JAR: is it a workspace notebook container from an image with the examples?" >&2; exit 1; }
# shellcheck disable=SC2016 # expanded in the container
DATA="${DATA:-$(docker exec "$CONTAINER" sh -c 'echo "s3a://$S3_BUCKET/benchmark"')}"

WORKSPACE="$(docker inspect -f '{{index .Config.Labels "org.workspaceportal.workspace"}}' "$CONTAINER")"
mapfile -t WORKERS < <(docker ps --filter "label=org.workspaceportal.workspace=$WORKSPACE" \
  --format '{{.Names}} {{.Label "org.workspaceportal.role"}}' | awk '$2 ~ /^worker-/ { print $1 }' | sort)
if [[ -z "${CORES:-}" ]]; then
  CORES=0
  for worker in "${WORKERS[@]}"; do
    cores="$(docker exec "$worker" sh -c 'echo "${SPARK_WORKER_CORES:-1}"')"
    CORES=$((CORES + cores))
  done
fi
((CORES > 0)) || { echo "no worker of $WORKSPACE on this engine: set CORES" >&2; exit 1; }

RESULTS="$(mktemp)"
cleanup() {
  rm -f "$RESULTS"
  if [[ "$LOCAL_DISK" == 1 ]]; then
    local c
    for c in "$CONTAINER" "${WORKERS[@]}"; do docker exec -u 0 "$c" rm -rf "$LOCAL_DIR" 2>/dev/null || true; done
  fi
}
trap cleanup EXIT

# Runs one job and appends "LABEL<TAB>RESULT-JSON" to the results (progress and Spark's log dropped).
submit() {
  local label="$1" class="$2"
  shift 2
  local result
  result="$(docker exec "$CONTAINER" spark-submit "${SUBMIT_OPTIONS[@]}" \
    --class "org.workspaceportal.examples.spark.$class" "$JAR" "$@" 2>/dev/null | sed -n 's/^RESULT-JSON //p')"
  [[ -n "$result" ]] || { echo "$label: the job gave no result (run it by hand without 2>/dev/null for its log)" >&2; return 1; }
  printf '%s\t%s\n' "$label" "$result" >>"$RESULTS"
  echo "  $label done" >&2
}

# Copies LOCAL_DIR from the notebook container to the same path in every worker container.
copy_to_workers() {
  local worker
  for worker in "${WORKERS[@]}"; do
    docker exec -u 0 "$worker" rm -rf "$LOCAL_DIR"
    docker cp "$CONTAINER:$LOCAL_DIR" - | docker cp - "$worker:/tmp"
  done
}

REDDIT=(--comments $((100000 * SCALE)) --partitions "$PARTITIONS")
echo "workloads on $CONTAINER: scale $SCALE, $PARTITIONS partitions, $CORES executor cores, data under $DATA" >&2
for ((run = 1; run <= RUNS; run++)); do
  echo "-- run $run" >&2
  SUBMIT_OPTIONS=()
  submit reddit-s3 RedditTopAuthorsJob --data "$DATA/reddit" "${REDDIT[@]}"
  submit kmeans KMeansJob --data "$DATA/kmeans" --samples $((10000 * SCALE)) --partitions "$PARTITIONS"
  if [[ "$LOCAL_DISK" == 1 ]]; then
    SUBMIT_OPTIONS=(--master 'local[*]')
    submit reddit-local-generate RedditTopAuthorsJob --data "file://$LOCAL_DIR/reddit" "${REDDIT[@]}"
    copy_to_workers
    SUBMIT_OPTIONS=()
    submit reddit-local-disk RedditTopAuthorsJob --data "file://$LOCAL_DIR/reddit" "${REDDIT[@]}" --no-generate
    submit reddit-s3-query RedditTopAuthorsJob --data "$DATA/reddit" "${REDDIT[@]}" --no-generate
  fi
done

python3 - "$RESULTS" "$CORES" "$SCALE" "$PARTITIONS" "$RUNS" <<'PY'
import json, statistics, sys
path, cores, scale, partitions, runs = sys.argv[1], int(sys.argv[2]), *sys.argv[3:]
by = {}
for line in open(path):
    label, result = line.rstrip("\n").split("\t", 1)
    by.setdefault(label, []).append(json.loads(result))
med = statistics.median

def rows():
    if "reddit-s3" in by:
        rs = by["reddit-s3"]
        mb = rs[0]["input_bytes"] / 1e6
        q = med(r["query_seconds"] for r in rs)
        yield (f"Reddit top authors from S3: {rs[0]['comments']:,} comments, {mb:.0f} MB of JSON",
               f"query {q:.2f} s = {mb / q:.1f} MB/s = **{mb / q / cores:.2f} MB/s per core**"
               f" (reference post: about 5.7); generation {med(r['generate_seconds'] for r in rs):.2f} s")
    if "reddit-local-disk" in by and "reddit-s3-query" in by:
        local, s3 = by["reddit-local-disk"], by["reddit-s3-query"]
        mb = local[0]["input_bytes"] / 1e6
        ql, qs = med(r["query_seconds"] for r in local), med(r["query_seconds"] for r in s3)
        yield ("Reddit query alone (new job, no generation): local disk (file://, copied into"
               " every container) vs S3",
               f"local {ql:.2f} s = {mb / ql / cores:.2f} MB/s per core; S3 {qs:.2f} s ="
               f" {mb / qs / cores:.2f} MB/s per core; S3 / local = {qs / ql:.2f}")
    if "kmeans" in by:
        ks = by["kmeans"]
        mb = ks[0]["input_bytes"] / 1e6
        u = [r["uncached_iteration_seconds"] for r in ks]
        c = [r["cached_iteration_seconds"] for r in ks]
        u1, ul = med(x[0] for x in u), med(med(x[1:] or x) for x in u)
        c1, cl = med(x[0] for x in c), med(med(x[1:] or x) for x in c)
        yield (f"KMeans: {ks[0]['samples']:,} points x {ks[0]['features']} features,"
               f" {mb:.0f} MB of text, k = {ks[0]['k']}",
               f"generation {med(r['generate_seconds'] for r in ks):.2f} s;"
               f" cache fill {med(r['cache_seconds'] for r in ks):.2f} s")
        yield ("KMeans uncached: first iteration / later ones (median)",
               f"{u1:.2f} s / {ul:.2f} s; a later pass reads {mb / ul / cores:.2f} MB/s per core")
        yield ("KMeans cached: first iteration / later ones (median)",
               f"{c1:.2f} s / {cl:.2f} s; later uncached / cached = **{ul / cl:.1f}x**")
    checks = [f"{label} {'passed' if all(r['check']['passed'] for r in rs) else 'FAILED'}"
              for label, rs in by.items()]
    yield ("jobs' own checks", ", ".join(checks))

print(f"| workload ({cores} executor cores, scale {scale}, {partitions} partitions, median of {runs} run(s)) | figures |")
print("|---|---|")
for what, figures in rows():
    print(f"| {what} | {figures} |")
PY
