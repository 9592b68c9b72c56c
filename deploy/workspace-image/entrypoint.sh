#!/usr/bin/env bash
# Entrypoint of the Spark workspace image: one image, three roles (master | worker | notebook),
# configured by environment variables only. README.md in deploy/workspace-image has the contract;
# keep the two in step. With arguments (`docker run IMAGE bash`) it runs them instead of a role.
#
# Secrets (SPARK_AUTH_SECRET, JUPYTER_TOKEN, AWS_SECRET_ACCESS_KEY) are never printed: no `set -x`,
# no command line carries them, and the only file they are written to is the notebook's
# spark-defaults.conf, mode 600. A configuration error exits with status 64 and says which variable.
set -euo pipefail

# tini (when the image has it) runs as PID 1: it reaps zombies and passes docker stop's SIGTERM on;
# -g sends it to the whole process group, so Jupyter's kernels get it too.
if [[ $$ == 1 && -x /usr/bin/tini ]]; then
  exec /usr/bin/tini -g -- "$0" "$@"
fi
if (($# > 0)); then
  exec "$@"
fi

readonly EX_CONFIG=64 # EX_USAGE in sysexits.h: the container was started with a bad configuration
info() { printf 'workspace-entrypoint: %s\n' "$*" >&2; }
fail() {
  printf 'workspace-entrypoint: ERROR: %s\n' "$*" >&2
  exit "$EX_CONFIG"
}

ROLE="${WORKSPACE_ROLE:-}"

require() {
  local name
  for name in "$@"; do
    [[ -n "${!name:-}" ]] || fail "$name is required for role '$ROLE' (see the image's README)"
  done
}

# require_port NAME [random-ok]: a TCP port; 0 (a random free port, Spark's default) only where allowed.
require_port() {
  local name="$1" value="${!1}"
  if [[ "$value" =~ ^[0-9]{1,5}$ ]] && ((10#$value <= 65535)) && { ((10#$value > 0)) || [[ "${2:-}" == random-ok ]]; }; then
    return
  fi
  fail "$name must be a TCP port (1-65535${2:+, or 0 for a random one}), got '$value'"
}

require_match() { # NAME REGEX WHAT
  [[ "${!1}" =~ $2 ]] || fail "$1 must be $3, got '${!1}'"
}

# A value for spark-defaults.conf, which Spark reads as a java.util.Properties file: a backslash
# escapes, a line break ends the value, and leading or trailing blanks are trimmed.
require_property_value() { # NAME [secret]
  local value="${!1}" shown="'${!1}'"
  [[ "${2:-}" == secret ]] && shown='(not shown)'
  if [[ "$value" == *[[:cntrl:]]* || "$value" =~ ^[[:space:]] || "$value" =~ [[:space:]]$ ]]; then
    fail "$1 must not contain control characters or start or end with blanks, got $shown"
  fi
}
property_escape() { printf '%s' "${1//\\/\\\\}"; }

# ---- common to all roles ------------------------------------------------------------------------

if ((EUID == 0)); then
  fail "the image runs as user spark (uid 1080); do not start it as root"
fi
case "$ROLE" in
  master | worker | notebook) ;;
  '') fail "WORKSPACE_ROLE is required: master, worker or notebook" ;;
  *) fail "WORKSPACE_ROLE must be master, worker or notebook, got '$ROLE'" ;;
esac
require SPARK_AUTH_SECRET SPARK_BIND_ADDRESS
require_match SPARK_BIND_ADDRESS '^[A-Za-z0-9.:-]+$' "the host's address (an IP address or host name)"
require_property_value SPARK_AUTH_SECRET secret

# Spark binds its web UIs (and anything not given an address) to SPARK_LOCAL_IP instead of 0.0.0.0;
# the executors a worker launches inherit it. spark-env.sh hands it to the shells that do not
# descend from this script (docker exec), as spark-class reads that file like Spark's own scripts.
export SPARK_LOCAL_IP="$SPARK_BIND_ADDRESS"
printf '# Written by the workspace entrypoint at container start.\nSPARK_LOCAL_IP=%s\n' "$SPARK_LOCAL_IP" \
  >"$SPARK_CONF_DIR/spark-env.sh" 2>/dev/null || fail "$SPARK_CONF_DIR is not writable by uid $EUID"

# Master and worker: RPC authentication with the workspace's secret, which Spark reads from
# _SPARK_AUTH_SECRET (the worker hands it to its executors the same way). A pinned port that is taken
# fails the start instead of moving to the next port: the portal told the others the pinned one.
# The workspace's code runs in its executors and may read anything on its network: RPC is
# encrypted with a key derived from the secret (spark.network.crypto), so the S3 secret the driver
# ships to its executors never travels in clear text. The web UIs cannot kill jobs, dump threads or
# heap histograms: an action or a peek for whoever reaches a UI, not only the owner.
readonly SPARK_HARDENING="-Dspark.network.crypto.enabled=true -Dspark.ui.killEnabled=false -Dspark.ui.threadDumpsEnabled=false -Dspark.ui.heapHistogramEnabled=false"
# The UIs are seen only through the portal's workspace gateway, under /spark/ on the workspace's own
# origin: the master serves the workers' and the applications' UIs under its /proxy/ path, so one
# published port (the master's UI) is all the gateway needs. The setting must be the same on the
# master, the workers and the driver (spark-defaults.conf below).
readonly SPARK_REVERSE_PROXY="-Dspark.ui.reverseProxy=true -Dspark.ui.reverseProxyUrl=/spark"
readonly UI_FILTER=org.workspaceportal.ui.GatewaySignatureFilter UI_FILTER_JAR=/opt/spark/ui/workspace-ui-filter.jar
readonly DAEMON_OPTS="-Dspark.authenticate=true -Dspark.port.maxRetries=0 $SPARK_HARDENING $SPARK_REVERSE_PROXY"
hand_secret_to_spark() {
  # shellcheck disable=SC2153 # SPARK_AUTH_SECRET comes from the container's environment
  export _SPARK_AUTH_SECRET="$SPARK_AUTH_SECRET"
  unset SPARK_AUTH_SECRET
}

# ---- master -------------------------------------------------------------------------------------

run_master() {
  : "${SPARK_MASTER_PORT:=7077}" "${SPARK_MASTER_WEBUI_PORT:=8080}"
  require_port SPARK_MASTER_PORT
  require_port SPARK_MASTER_WEBUI_PORT
  # The REST submission server (port 6066) would accept drivers without the RPC secret: off.
  # The web UI is the port Docker publishes for the portal's gateway: it answers only requests
  # signed with the workspace's secret (GatewaySignatureFilter, /opt/spark/ui; the workers' and the
  # applications' UIs come through it, under /proxy/). Unsigned requests get 403.
  hand_secret_to_spark
  export SPARK_DAEMON_CLASSPATH="$UI_FILTER_JAR${SPARK_DAEMON_CLASSPATH:+:$SPARK_DAEMON_CLASSPATH}"
  export SPARK_MASTER_OPTS="$DAEMON_OPTS -Dspark.master.rest.enabled=false -Dspark.ui.filters=$UI_FILTER ${SPARK_MASTER_OPTS:-}"
  info "master: RPC spark://$SPARK_BIND_ADDRESS:$SPARK_MASTER_PORT, web UI port $SPARK_MASTER_WEBUI_PORT (signed requests only), authentication on, REST submission off"
  exec spark-class org.apache.spark.deploy.master.Master \
    --host "$SPARK_BIND_ADDRESS" --port "$SPARK_MASTER_PORT" --webui-port "$SPARK_MASTER_WEBUI_PORT"
}

# ---- worker -------------------------------------------------------------------------------------

readonly MASTER_URL_PATTERN='^spark://[A-Za-z0-9.:-]+:[0-9]+(,[A-Za-z0-9.:-]+:[0-9]+)*$'

# A worker whose first registration finds no master listening retries only after 5 to 15 s (Spark's
# fixed, randomised interval), which is most of a cluster's start when the master and the workers
# start together. With fast start on, the worker waits (up to SPARK_MASTER_WAIT seconds, default
# 120) until the first master's RPC port accepts a connection, then starts; after that, Spark's own
# retries apply as usual.
wait_for_master() {
  [[ "${WORKSPACE_FAST_START:-on}" != off ]] || return 0
  local wait_s="${SPARK_MASTER_WAIT:-120}" first="${SPARK_MASTER_URL#spark://}"
  [[ "$wait_s" =~ ^[0-9]+$ ]] || fail "SPARK_MASTER_WAIT must be a number of seconds, got '$wait_s'"
  first="${first%%,*}"
  local host="${first%:*}" port="${first##*:}" deadline=$((SECONDS + wait_s))
  until timeout 1 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$host" "$port" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      info "worker: the master $host:$port does not answer after ${wait_s} s; starting anyway (Spark retries)"
      return 0
    fi
    sleep 0.1
  done
}

run_worker() {
  require SPARK_MASTER_URL
  require_match SPARK_MASTER_URL "$MASTER_URL_PATTERN" "spark://HOST:PORT"
  : "${SPARK_WORKER_PORT:=0}" "${SPARK_WORKER_WEBUI_PORT:=8081}"
  : "${SPARK_LOCAL_DIRS:=/scratch}" "${SPARK_WORKER_DIR:=/scratch/work}"
  require_port SPARK_WORKER_PORT random-ok
  require_port SPARK_WORKER_WEBUI_PORT
  local args=(--host "$SPARK_BIND_ADDRESS" --port "$SPARK_WORKER_PORT" --webui-port "$SPARK_WORKER_WEBUI_PORT"
    --work-dir "$SPARK_WORKER_DIR")
  # Unset: Spark's defaults (all cores; the machine's memory less 1 GB), which ignore container limits.
  if [[ -n "${SPARK_WORKER_CORES:-}" ]]; then
    require_match SPARK_WORKER_CORES '^[1-9][0-9]*$' "a positive number of cores"
    args+=(--cores "$SPARK_WORKER_CORES")
  fi
  if [[ -n "${SPARK_WORKER_MEMORY:-}" ]]; then
    require_match SPARK_WORKER_MEMORY '^[1-9][0-9]*[mMgGtT]$' "a size with a unit, like 2048m or 2g"
    args+=(--memory "$SPARK_WORKER_MEMORY")
  fi
  local dir local_dirs
  IFS=, read -r -a local_dirs <<<"$SPARK_LOCAL_DIRS"
  for dir in "${local_dirs[@]}" "$SPARK_WORKER_DIR"; do
    if ! mkdir -p "$dir" 2>/dev/null || [[ ! -w "$dir" ]]; then
      fail "$dir (SPARK_LOCAL_DIRS / SPARK_WORKER_DIR) is not writable by uid $EUID"
    fi
  done
  # Shuffle and spill files of the executors go to SPARK_LOCAL_DIRS (Spark reads it from the
  # environment); finished applications' folders are removed after Spark's default TTL (7 days).
  export SPARK_LOCAL_DIRS
  hand_secret_to_spark
  export SPARK_WORKER_OPTS="$DAEMON_OPTS -Dspark.worker.cleanup.enabled=true ${SPARK_WORKER_OPTS:-}"
  wait_for_master
  info "worker: master $SPARK_MASTER_URL, port $( ((SPARK_WORKER_PORT == 0)) && echo random || echo "$SPARK_WORKER_PORT"), web UI port $SPARK_WORKER_WEBUI_PORT," \
    "cores ${SPARK_WORKER_CORES:-all}, memory ${SPARK_WORKER_MEMORY:-Spark default}, local dirs $SPARK_LOCAL_DIRS"
  exec spark-class org.apache.spark.deploy.worker.Worker "${args[@]}" "$SPARK_MASTER_URL"
}

# ---- notebook -----------------------------------------------------------------------------------

# The driver's defaults, read by every spark-submit (and PySpark session) in this container. The
# executors get the S3 settings from the driver with each job; workers need none.
write_spark_defaults() {
  local file="$SPARK_CONF_DIR/spark-defaults.conf" tmp
  tmp="$(mktemp "$SPARK_CONF_DIR/.spark-defaults.XXXXXX")" || fail "$SPARK_CONF_DIR is not writable by uid $EUID"
  chmod 600 "$tmp"
  property() { printf '%-45s %s\n' "$1" "$(property_escape "$2")"; }
  {
    echo "# Written by the workspace entrypoint at container start, from the container's environment."
    echo "# Edits are lost when the container restarts. Mode 600: it holds the workspace's secrets."
    property spark.master "$SPARK_MASTER_URL"
    property spark.driver.host "$SPARK_BIND_ADDRESS"
    [[ -z "${SPARK_DRIVER_PORT:-}" ]] || property spark.driver.port "$SPARK_DRIVER_PORT"
    [[ -z "${SPARK_BLOCKMANAGER_PORT:-}" ]] || property spark.driver.blockManager.port "$SPARK_BLOCKMANAGER_PORT"
    [[ -z "${SPARK_DRIVER_UI_PORT:-}" ]] || property spark.ui.port "$SPARK_DRIVER_UI_PORT"
    [[ -z "${SPARK_EXECUTOR_MEMORY:-}" ]] || property spark.executor.memory "$SPARK_EXECUTOR_MEMORY"
    [[ -z "${SPARK_EXECUTOR_CORES:-}" ]] || property spark.executor.cores "$SPARK_EXECUTOR_CORES"
    # Two workers of one workspace on one host are two containers with two /scratch volumes but one
    # address: Spark would take them for one machine and read the other's shuffle files from its own
    # disk ("NoSuchFileException …/shuffle_….index"). Shuffle blocks travel over the network instead.
    property spark.shuffle.readHostLocalDisk false
    property spark.authenticate true
    property spark.authenticate.secret "$SPARK_AUTH_SECRET"
    # the same as the daemons (SPARK_HARDENING): encrypted RPC, and UIs that kill and dump nothing
    property spark.network.crypto.enabled true
    property spark.ui.killEnabled false
    property spark.ui.threadDumpsEnabled false
    property spark.ui.heapHistogramEnabled false
    # the same as the daemons (SPARK_REVERSE_PROXY): the application UI through the master's proxy
    property spark.ui.reverseProxy true
    property spark.ui.reverseProxyUrl /spark
    if [[ -n "${S3_ENDPOINT:-}" ]]; then
      property spark.hadoop.fs.s3a.impl org.apache.hadoop.fs.s3a.S3AFileSystem
      property spark.hadoop.fs.s3a.endpoint "$S3_ENDPOINT"
      property spark.hadoop.fs.s3a.endpoint.region "$AWS_REGION"
      property spark.hadoop.fs.s3a.path.style.access true
      property spark.hadoop.fs.s3a.connection.ssl.enabled "$([[ "$S3_ENDPOINT" == https://* ]] && echo true || echo false)"
      property spark.hadoop.fs.s3a.aws.credentials.provider org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider
      property spark.hadoop.fs.s3a.access.key "$AWS_ACCESS_KEY_ID"
      property spark.hadoop.fs.s3a.secret.key "$AWS_SECRET_ACCESS_KEY"
    fi
  } >"$tmp"
  mv -f "$tmp" "$file"
}

# The image's example notebooks into NOTEBOOK_DIR/examples/, each only where that file is missing:
# a user's edited copy is never overwritten (one deleted comes back at the next start). Not fatal:
# a notebook server without its examples is still a notebook server.
readonly EXAMPLES_DIR=/opt/workspace/notebooks
# Jupyter Notebook 6 with fast start (notebook-server.py); the same server as `python3 -m notebook`.
readonly NOTEBOOK_SERVER=/opt/workspace/notebook-server.py
# gateway_auth.py: Jupyter's sign-in through the portal's gateway only
readonly GATEWAY_AUTH_DIR=/opt/workspace/python
install_examples() {
  [[ -d "$EXAMPLES_DIR" ]] || return 0
  local target="$NOTEBOOK_DIR/examples" notebook copied=0
  mkdir -p "$target" 2>/dev/null || {
    info "notebook: cannot create $target; the example notebooks stay in $EXAMPLES_DIR"
    return 0
  }
  for notebook in "$EXAMPLES_DIR"/*.ipynb; do
    [[ -f "$notebook" && ! -e "$target/${notebook##*/}" ]] || continue
    cp "$notebook" "$target/" && copied=$((copied + 1))
  done
  info "notebook: example notebooks in $target ($copied copied now)"
}

# Copies its input to its output with the workspace's secrets and any token=… value blanked. It
# ignores SIGTERM, so that on docker stop it outlives Jupyter and passes on its last lines.
scrub_secrets() {
  trap '' TERM INT
  local awk_options=()
  # mawk reads a pipe in blocks unless told to read line by line.
  if awk -W version 2>&1 | grep -q mawk; then awk_options=(-W interactive); fi
  exec awk "${awk_options[@]}" '
    BEGIN {
      split("JUPYTER_TOKEN SPARK_AUTH_SECRET AWS_SECRET_ACCESS_KEY", names, " ")
      for (i in names) if (length(ENVIRON[names[i]]) >= 4) secrets[++n] = ENVIRON[names[i]]
    }
    {
      line = $0
      for (i = 1; i <= n; i++) {
        done = ""
        while ((at = index(line, secrets[i])) > 0) {
          done = done substr(line, 1, at - 1) "[secret]"
          line = substr(line, at + length(secrets[i]))
        }
        line = done line
      }
      gsub(/token=[^&[:space:]"]+/, "token=[secret]", line)
      print line
      fflush()
    }'
}

run_notebook() {
  require JUPYTER_TOKEN SPARK_MASTER_URL
  require_match SPARK_MASTER_URL "$MASTER_URL_PATTERN" "spark://HOST:PORT"
  require_property_value JUPYTER_TOKEN secret
  : "${JUPYTER_PORT:=8888}" "${NOTEBOOK_DIR:=/home/spark/work}"
  require_port JUPYTER_PORT
  local name
  for name in SPARK_DRIVER_PORT SPARK_BLOCKMANAGER_PORT SPARK_DRIVER_UI_PORT; do
    [[ -z "${!name:-}" ]] || require_port "$name" random-ok
  done
  [[ -z "${SPARK_EXECUTOR_MEMORY:-}" ]] ||
    require_match SPARK_EXECUTOR_MEMORY '^[1-9][0-9]*[mMgGtT]$' "a size with a unit, like 1024m or 1g"
  [[ -z "${SPARK_EXECUTOR_CORES:-}" ]] || require_match SPARK_EXECUTOR_CORES '^[1-9][0-9]*$' "a positive number of cores"
  if [[ -n "${S3_ENDPOINT:-}" ]]; then
    require AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY
    require_match S3_ENDPOINT '^https?://[^[:space:]/]+/?$' "an http:// or https:// URL of the S3 endpoint (host[:port])"
    : "${AWS_REGION:=us-east-1}"
    require_property_value AWS_ACCESS_KEY_ID
    require_property_value AWS_SECRET_ACCESS_KEY secret
    require_property_value AWS_REGION
    # For Python code in the notebooks (boto3, pandas/s3fs): the same endpoint and region.
    export AWS_REGION AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-$AWS_REGION}" AWS_ENDPOINT_URL="${AWS_ENDPOINT_URL:-$S3_ENDPOINT}"
  else
    info "notebook: no S3_ENDPOINT; Spark gets no S3 settings"
  fi
  if ! mkdir -p "$NOTEBOOK_DIR" 2>/dev/null || [[ ! -w "$NOTEBOOK_DIR" ]]; then
    fail "NOTEBOOK_DIR $NOTEBOOK_DIR is not writable by uid $EUID"
  fi

  write_spark_defaults
  install_examples
  # Jupyter Notebook 6 logs the URL of every failed request with its query string, so a link that
  # carries ?token=… (a bookmark to a deleted notebook) would put the token into `docker logs`.
  exec > >(scrub_secrets) 2>&1
  # The driver reads the secret from spark-defaults.conf; kernels need no copy in their environment.
  unset SPARK_AUTH_SECRET

  # JupyterLab where the image has it (production build), else Jupyter Notebook (Debian's 6.4).
  # JUPYTER_TOKEN stays in the environment (gateway_auth.py's key), never on a command line.
  # (Debian's python3-notebook has no `jupyter` command: it is started as a module.)
  # Sign-in: only the portal's gateway gets in, with a short-lived signature keyed with JUPYTER_TOKEN
  # (gateway_auth.py reads it from the environment); tokens, passwords and login cookies open
  # nothing. Jupyter itself gets an empty token: it writes its token into every page it serves
  # (data-jupyter-api-token, the logo's ?token= link), and JUPYTER_TOKEN must never reach a browser.
  # Without a token of its own Jupyter would serve /metrics to anyone: authenticated explicitly.
  # No Quit button: it would stop the notebook container's server under a workspace the portal says
  # is running.
  local app=(python3 -m notebook) auth=(--NotebookApp.login_handler_class=gateway_auth.GatewayLoginHandler
    --NotebookApp.token= --NotebookApp.authenticate_prometheus=True --NotebookApp.quit_button=False)
  if command -v jupyter-lab >/dev/null; then
    app=(jupyter-lab)
    auth=(--ServerApp.identity_provider_class=gateway_auth.GatewayIdentityProvider --IdentityProvider.token=
      --ServerApp.authenticate_prometheus=True --ServerApp.quit_button=False)
  elif [[ "${WORKSPACE_FAST_START:-on}" != off && -r "$NOTEBOOK_SERVER" ]]; then
    app=(env SETUPTOOLS_USE_DISTUTILS=stdlib python3 "$NOTEBOOK_SERVER")
  fi
  export PYTHONPATH="$GATEWAY_AUTH_DIR${PYTHONPATH:+:$PYTHONPATH}"
  info "notebook: ${app[*]} on $SPARK_BIND_ADDRESS:$JUPYTER_PORT, notebooks in $NOTEBOOK_DIR;" \
    "Spark driver defaults in $SPARK_CONF_DIR/spark-defaults.conf (master $SPARK_MASTER_URL${S3_ENDPOINT:+, S3 $S3_ENDPOINT})"
  cd "$NOTEBOOK_DIR"
  # Kernels talk to the server over unix sockets (ipc), not over TCP ports that anything in the
  # container could connect to without a key.
  exec "${app[@]}" "${auth[@]}" --no-browser --ip="$SPARK_BIND_ADDRESS" --port="$JUPYTER_PORT" --port-retries=0 \
    --notebook-dir="$NOTEBOOK_DIR" --KernelManager.transport=ipc
}

case "$ROLE" in
  master) run_master ;;
  worker) run_worker ;;
  notebook) run_notebook ;;
esac
