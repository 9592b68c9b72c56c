#!/usr/bin/env bash
# Throughput of the two reference workloads on a running workspace: the example jobs of the image
# (deploy/workspace-image/jobs) submitted from the workspace's notebook container against its own
# cluster and bucket, at SCALE times the notebooks' default sizes. Prints, per run, how long the
# generation, the Reddit query and every KMeans iteration (uncached, then cached) took, and the
# rates: comments/s and MB/s of the query, MB/s of an uncached KMeans pass. Asserts nothing beyond
# the jobs' own checks, which it reports.
#
# Usage: benchmark/workloads.sh NOTEBOOK_CONTAINER [SCALE] [RUNS]
#   NOTEBOOK_CONTAINER  e.g. wsp-0123456789ab-notebook (docker ps --filter label=org.workspaceportal.role=notebook)
#   SCALE               multiplies the notebooks' default sizes (100,000 comments, 10,000 points;
#                       the 5,000 authors stay); default 10
#   RUNS                runs of each job; default 1
# Environment: PARTITIONS (default 8), DATA (default s3a://$S3_BUCKET/benchmark in the container).
# The data it writes stays in the bucket (replaced by the next run); the workspace's deletion
# removes it with the bucket.
set -euo pipefail

CONTAINER="${1:?usage: benchmark/workloads.sh NOTEBOOK_CONTAINER [SCALE] [RUNS]}"
SCALE="${2:-10}"
RUNS="${3:-1}"
PARTITIONS="${PARTITIONS:-8}"
for value in "$SCALE" "$RUNS" "$PARTITIONS"; do
  [[ "$value" =~ ^[1-9][0-9]*$ ]] || { echo "SCALE, RUNS and PARTITIONS must be positive numbers, got '$value'" >&2; exit 2; }
done
readonly JAR=/opt/workspace/jobs/workspace-examples.jar
docker exec "$CONTAINER" test -f "$JAR" ||
  { echo "$CONTAINER has no $JAR: is it a workspace notebook container from an image with the examples?" >&2; exit 1; }
# shellcheck disable=SC2016 # expanded in the container
DATA="${DATA:-$(docker exec "$CONTAINER" sh -c 'echo "s3a://$S3_BUCKET/benchmark"')}"

# Runs one job; prints its RESULT-JSON line (its progress and Spark's log are dropped).
submit() {
  local class="$1"
  shift
  docker exec "$CONTAINER" spark-submit --class "org.workspaceportal.examples.spark.$class" "$JAR" "$@" 2>/dev/null |
    sed -n 's/^RESULT-JSON //p'
}

# Reads a result on standard input and prints its figures.
REPORT_PY="$(
  cat <<'PY'
import json, statistics, sys
r = json.loads(sys.stdin.read())
mb = r['input_bytes'] / 1e6
check = r['check']['passed']
if r['workload'] == 'reddit-top-authors':
    n, q = r['comments'], r['query_seconds']
    print(f"reddit: {n:,} comments ({mb:.0f} MB): generate {r['generate_seconds']} s, query {q} s"
          f" = {n / q:,.0f} comments/s, {mb / q:.1f} MB/s; check passed: {check}")
else:
    u, c = r['uncached_iteration_seconds'], r['cached_iteration_seconds']
    print(f"kmeans: {r['samples']:,} points x {r['features']} ({mb:.0f} MB): generate {r['generate_seconds']} s;"
          f" iterations uncached {u} s, cached {c} s (cache fill {r['cache_seconds']} s);"
          f" median uncached pass {mb / statistics.median(u):.1f} MB/s,"
          f" {statistics.median(u) / statistics.median(c):.1f}x the cached one; check passed: {check}")
PY
)"
report() {
  local result
  result="$(cat)"
  [[ -n "$result" ]] || { echo "the job gave no result (its log: run it by hand without 2>/dev/null)" >&2; return 1; }
  python3 -c "$REPORT_PY" <<<"$result"
}

echo "workloads on $CONTAINER, scale $SCALE, $PARTITIONS partitions, data under $DATA"
for ((run = 1; run <= RUNS; run++)); do
  echo "-- run $run"
  submit RedditTopAuthorsJob --data "$DATA/reddit" --comments $((100000 * SCALE)) --partitions "$PARTITIONS" |
    report
  submit KMeansJob --data "$DATA/kmeans" --samples $((10000 * SCALE)) --partitions "$PARTITIONS" | report
done
