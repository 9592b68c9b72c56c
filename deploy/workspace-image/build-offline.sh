#!/usr/bin/env bash
# Offline build of the Spark workspace image (README.md in this folder has the contract and the
# layers). Needs only Debian's archive (its mirror from /etc/apt/sources.list*) and Maven Central:
#
#   1. base:  debootstrap bookworm minbase + base/packages installed in the chroot, imported once with
#             `docker import` as workspace-portal/spark-base:<hash of the base inputs>;
#   2. jars:  Spark 4.0.x + hadoop-aws resolved by Maven (spark-jars/pom.xml);
#   3. jobs:  the example Spark jobs (jobs/pom.xml, Java 17 bytecode) packaged by Maven into
#             workspace-examples.jar;
#   4. image: `docker build` (classic builder) of ./Dockerfile FROM that base: one layer each for the
#             AWS SDK bundle, the Spark jars, the scripts, the class-data-sharing archives made by running
#             the daemons (cds-train.sh), the example jobs and the example notebooks
#             (notebooks/), so a change ships only its layer.
#
# The image is tagged workspace-portal/spark:4.0-<10 hex>, a hash of every input (the base inputs,
# the pom, the Dockerfile, the scripts, the jobs' pom and sources, the notebooks and this file), and
# the moving alias workspace-portal/spark:4.0 is pointed at it. Uses whatever engine the docker CLI
# is configured for (DOCKER_HOST etc.).
#
# Usage: build-offline.sh [--if-missing | --print-tag | --help]
#   (none)        build (the base only when the engine lacks its tag; Docker's layer cache does the rest)
#   --if-missing  build only when the engine lacks the current tag; otherwise just point the alias at it
#   --print-tag   print the current tag and exit (no engine, no root needed)
# Environment:
#   WORKSPACE_IMAGE_WORK_DIR  scratch folder for the root file system, the jars and the build context
#                             (default /var/tmp/workspace-image-build; several GB while building)
#   DEBIAN_MIRROR, DEBIAN_SECURITY_MIRROR   override the mirrors found in the apt sources
#   MVN           Maven command (default: the repository's ./mvnw on JDK 25 if present, else mvn)
#   PYSPARK_FROM  optional: adds PySpark (the image then says so with the label
#                 org.workspaceportal.image.pyspark=true), from a local folder of wheels (pyspark-<the
#                 Spark version>-*.whl and py4j-*.whl; every *.whl there is installed) or from a Python
#                 package index URL (http[s]://…/simple, a site's mirror; needs pip on this machine, which
#                 builds the pyspark wheel). Unset or empty: no PySpark, the image and tag as without it.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HERE/../.." && pwd)"
readonly HERE REPO_ROOT

readonly IMAGE_REPO=workspace-portal/spark
# The Spark line of the image: the tag prefix, and the alias the portal's default template names.
readonly IMAGE_LINE=4.0
readonly BASE_REPO=workspace-portal/spark-base
readonly SUITE=bookworm
readonly VARIANT=minbase
readonly TEMURIN_25=/usr/lib/jvm/temurin-25-jdk-amd64
WORK_DIR="${WORKSPACE_IMAGE_WORK_DIR:-/var/tmp/workspace-image-build}"
ARCH="$(dpkg --print-architecture 2>/dev/null || uname -m)"
readonly WORK_DIR ARCH

# Files whose content makes the image tag (paths relative to this folder). A new layer adds its
# sources here and a step to the Dockerfile. The example jobs' inputs (their pom and every file under
# src/main and src/spark: not their tests, which are not in the jar) and the notebooks are listed
# from their folders, so a new file counts without an edit here.
list_files() { (cd "$HERE" && LC_ALL=C find "$@" -type f -not -path '*/.*' | LC_ALL=C sort); }
mapfile -t JOBS_INPUTS < <(list_files jobs/pom.xml jobs/src/main jobs/src/spark jobs/src/ui)
mapfile -t NOTEBOOKS < <(list_files notebooks -name '*.ipynb')
readonly JOBS_INPUTS NOTEBOOKS
readonly IMAGE_INPUTS=(build-offline.sh Dockerfile entrypoint.sh spark-class spark-submit cds-train.sh
  notebook-server.py gateway_auth.py spark-jars/pom.xml
  "${JOBS_INPUTS[@]}" "${NOTEBOOKS[@]}")
readonly BASE_INPUTS=(base/packages base/setup-rootfs.sh)

STARTED_AT=$SECONDS
say() { printf '[build-offline %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
  printf '[build-offline] ERROR: %s\n' "$*" >&2
  exit 1
}

# ---- tags ---------------------------------------------------------------------------------------

# sha256 over "path sha256(content)" lines of the given files, in the given order.
digest_of() {
  local file
  for file in "$@"; do
    [[ -f "$HERE/$file" ]] || die "missing input $HERE/$file"
    printf '%s %s\n' "$file" "$(sha256sum <"$HERE/$file" | cut -c1-64)"
  done | sha256sum | cut -c1-64
}

# The `docker import` settings of the base; part of the base tag. JAVA_HOME is added from the chroot.
readonly BASE_IMPORT_CHANGES=(
  'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  'ENV LANG=C.UTF-8'
  'CMD ["/bin/bash"]'
)

base_tag() {
  {
    printf 'suite=%s variant=%s arch=%s\n' "$SUITE" "$VARIANT" "$ARCH"
    printf '%s\n' "${BASE_IMPORT_CHANGES[@]}"
    digest_of "${BASE_INPUTS[@]}"
  } | sha256sum | cut -c1-10
}

image_tag() {
  {
    printf '%s\n%s\n' "$(base_tag)" "$(digest_of "${IMAGE_INPUTS[@]}")"
    [[ -z "$PYSPARK_DIGEST" ]] || printf 'pyspark %s\n' "$PYSPARK_DIGEST"
  } | sha256sum | cut -c1-10
}

# ---- optional: PySpark from a site's wheels or index (PYSPARK_FROM) ------------------------------

spark_version() { sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$HERE/spark-jars/pom.xml"; }

# What PYSPARK_FROM gives, as part of the tag: the wheels' names and contents, or the index and the
# version asked of it. Dies, naming what is wrong, on anything else.
pyspark_digest() {
  local version wheel
  version="$(spark_version)"
  case "$PYSPARK_FROM" in
    http://* | https://*) printf 'index %s pyspark==%s\n' "$PYSPARK_FROM" "$version" ;;
    *)
      [[ -d "$PYSPARK_FROM" ]] ||
        die "PYSPARK_FROM='$PYSPARK_FROM' is neither a folder of wheels nor an http(s) package index URL"
      compgen -G "$PYSPARK_FROM/pyspark-$version-*.whl" >/dev/null ||
        die "PYSPARK_FROM=$PYSPARK_FROM has no pyspark-$version-*.whl (PySpark must match the Spark jars, $version)"
      compgen -G "$PYSPARK_FROM/py4j-*.whl" >/dev/null || die "PYSPARK_FROM=$PYSPARK_FROM has no py4j-*.whl (PySpark needs it)"
      for wheel in "$PYSPARK_FROM"/*.whl; do
        printf '%s %s\n' "${wheel##*/}" "$(sha256sum <"$wheel" | cut -c1-64)"
      done | LC_ALL=C sort | sha256sum | cut -c1-64
      ;;
  esac
}

# A layer on the built image with the wheels unpacked into Python's site folder (the image has no
# pip, and these wheels are pure Python), the label that tells the portal, and the same tag.
add_pyspark() {
  [[ -n "${PYSPARK_FROM:-}" ]] || return 0
  local t0=$SECONDS context="$WORK_DIR/pyspark-context"
  rm -rf "$context"
  mkdir -p "$context/wheels"
  if [[ "$PYSPARK_FROM" == http://* || "$PYSPARK_FROM" == https://* ]]; then
    python3 -m pip --version >/dev/null 2>&1 ||
      die "PYSPARK_FROM is an index URL and this machine has no pip (apt-get install python3-pip); or give a folder of wheels"
    say "phase pyspark: pip wheel pyspark==$(spark_version) from $PYSPARK_FROM (log: $WORK_DIR/pip.log)"
    python3 -m pip wheel --index-url "$PYSPARK_FROM" -w "$context/wheels" "pyspark==$(spark_version)" >"$WORK_DIR/pip.log" 2>&1 || {
      tail -n 20 "$WORK_DIR/pip.log" >&2
      die "pip could not get pyspark==$(spark_version) from $PYSPARK_FROM (full log: $WORK_DIR/pip.log)"
    }
  else
    cp "$PYSPARK_FROM"/*.whl "$context/wheels/"
  fi
  printf '%s\n' "FROM $IMAGE" 'USER 0' 'COPY wheels/ /tmp/wheels/' \
    "RUN python3 -c 'import glob, site, zipfile; [zipfile.ZipFile(w).extractall(site.getsitepackages()[0]) for w in sorted(glob.glob(\"/tmp/wheels/*.whl\"))]' && rm -rf /tmp/wheels && python3 -c 'import pyspark, py4j'" \
    'ENV PYSPARK_PYTHON=python3' 'LABEL org.workspaceportal.image.pyspark="true"' 'USER 1080:1080' >"$context/Dockerfile"
  say "phase pyspark: docker build of $IMAGE with $(find "$context/wheels" -name '*.whl' | wc -l) wheels"
  DOCKER_BUILDKIT=0 docker build --tag "$IMAGE" "$context" >&2 || die "docker build of the PySpark layer failed (context kept in $context)"
  rm -rf "$context"
  say "phase pyspark: added in $((SECONDS - t0)) s"
}

# Here, not inside image_tag: a bad PYSPARK_FROM stops the script (a subshell's exit would not).
PYSPARK_DIGEST=''
[[ -z "${PYSPARK_FROM:-}" ]] || PYSPARK_DIGEST="$(pyspark_digest)"
readonly PYSPARK_DIGEST
BASE_IMAGE="$BASE_REPO:$(base_tag)"
IMAGE="$IMAGE_REPO:$IMAGE_LINE-$(image_tag)"
readonly BASE_IMAGE IMAGE
readonly ALIAS="$IMAGE_REPO:$IMAGE_LINE"

# ---- engine -------------------------------------------------------------------------------------

image_id() { docker image inspect --format '{{.Id}}' "$1" 2>/dev/null; }

check_engine() {
  command -v docker >/dev/null || die "no docker CLI on PATH (apt-get install docker.io)"
  local version
  version="$(timeout 20 docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})' 2>&1)" ||
    die "no Docker engine answers at ${DOCKER_HOST:-unix:///var/run/docker.sock}: $version"
  say "engine: Docker $version at ${DOCKER_HOST:-unix:///var/run/docker.sock}"
}

point_alias() {
  if [[ "$(image_id "$ALIAS")" != "$(image_id "$IMAGE")" ]]; then
    docker tag "$IMAGE" "$ALIAS"
    say "alias $ALIAS -> $IMAGE"
  else
    say "alias $ALIAS already points to $IMAGE"
  fi
}

# ---- phase 1: the Debian base -------------------------------------------------------------------

# "URI SUITE" for every enabled deb source of the machine, one-line and deb822 formats.
apt_sources() {
  local file
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f "$file" ]] || continue
    awk '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ } print $i, $(i + 1) }' "$file"
  done
  for file in /etc/apt/sources.list.d/*.sources; do
    [[ -f "$file" ]] || continue
    awk '
      function flush(  u, s, nu, ns, us, ss) {
        if (types ~ /(^|[ \t])deb([ \t]|$)/ && enabled != "no") {
          nu = split(uris, us, /[ \t]+/); ns = split(suites, ss, /[ \t]+/)
          for (u = 1; u <= nu; u++) for (s = 1; s <= ns; s++) if (us[u] != "" && ss[s] != "") print us[u], ss[s]
        }
        types = uris = suites = enabled = ""
      }
      /^[ \t]*#/ { next }
      /^[ \t]*$/ { flush(); next }
      { key = tolower($1); sub(/^[^:]*:[ \t]*/, "") }
      key == "types:" { types = $0 } key == "uris:" { uris = $0 }
      key == "suites:" { suites = $0 } key == "enabled:" { enabled = tolower($0) }
      END { flush() }' "$file"
  done
}

mirror_for() { apt_sources | awk -v suite="$1" '$2 == suite { print $1; exit }'; }

need_root_for_base() {
  local why=''
  ((EUID == 0)) || why="building the base needs root (debootstrap, chroot, mount)"
  command -v debootstrap >/dev/null || why="${why:+$why; }debootstrap is not installed"
  [[ -z "$why" ]] && return 0
  # sudo drops the environment: name the engine again when it is not the default one.
  local engine_env=''
  [[ -z "${DOCKER_HOST:-}" ]] || engine_env="--preserve-env=DOCKER_HOST,DOCKER_TLS_VERIFY,DOCKER_CERT_PATH "
  die "the engine lacks the base image $BASE_IMAGE and $why. Run:
    apt-get install -y debootstrap    # if missing
    sudo ${engine_env}$HERE/build-offline.sh ${MODE_FLAG:-}
(or load a saved base: docker save $BASE_IMAGE | docker -H <this engine> load)"
}

ROOTFS=''
PROC_MOUNTED=false
cleanup() {
  if [[ "$PROC_MOUNTED" == true ]]; then umount "$ROOTFS/proc" 2>/dev/null || umount -l "$ROOTFS/proc" || true; fi
  if [[ -n "$ROOTFS" && -d "$ROOTFS" ]]; then rm -rf --one-file-system "$ROOTFS"; fi
}

build_base() {
  if [[ -n "$(image_id "$BASE_IMAGE")" ]]; then
    say "phase base: $BASE_IMAGE is on the engine; skipped"
    return
  fi
  need_root_for_base
  local archive security t0=$SECONDS
  archive="${DEBIAN_MIRROR:-$(mirror_for "$SUITE")}"
  security="${DEBIAN_SECURITY_MIRROR:-$(mirror_for "$SUITE-security")}"
  [[ -n "$archive" ]] || die "no Debian mirror for '$SUITE' in /etc/apt/sources.list*; set DEBIAN_MIRROR=http://…/debian"
  say "phase base: building $BASE_IMAGE (Debian $SUITE $VARIANT from $archive${security:+, security updates from $security})"

  ROOTFS="$WORK_DIR/rootfs"
  trap cleanup EXIT
  [[ ! -e "$ROOTFS" ]] || rm -rf --one-file-system "$ROOTFS"
  mkdir -p "$ROOTFS"
  say "debootstrap (a few minutes; log: $WORK_DIR/debootstrap.log)"
  debootstrap --variant="$VARIANT" --arch="$ARCH" "$SUITE" "$ROOTFS" "$archive" >"$WORK_DIR/debootstrap.log" 2>&1 || {
    tail -n 30 "$WORK_DIR/debootstrap.log" >&2
    die "debootstrap failed (full log: $WORK_DIR/debootstrap.log)"
  }
  local t1=$SECONDS
  say "debootstrap done in $((t1 - t0)) s"

  # The chroot's apt uses the same mirrors as this machine, updates and security included.
  rm -f "$ROOTFS/etc/apt/sources.list"
  {
    printf 'Types: deb\nURIs: %s\nSuites: %s %s-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "$archive" "$SUITE" "$SUITE"
    if [[ -n "$security" ]]; then
      printf '\nTypes: deb\nURIs: %s\nSuites: %s-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
        "$security" "$SUITE"
    fi
  } >"$ROOTFS/etc/apt/sources.list.d/debian.sources"

  # The JRE's package scripts run java, which needs /proc.
  mount -t proc proc "$ROOTFS/proc"
  PROC_MOUNTED=true
  install -m 755 "$HERE/base/setup-rootfs.sh" "$ROOTFS/tmp/setup-rootfs.sh"
  install -m 644 "$HERE/base/packages" "$ROOTFS/tmp/packages"
  say "apt-get install in the chroot (a few minutes; log: $WORK_DIR/chroot-apt.log)"
  env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root chroot "$ROOTFS" /tmp/setup-rootfs.sh /tmp/packages \
    >"$WORK_DIR/chroot-apt.log" 2>&1 || {
    tail -n 40 "$WORK_DIR/chroot-apt.log" >&2
    die "package installation in the chroot failed (full log: $WORK_DIR/chroot-apt.log)"
  }
  grep '^setup-rootfs:' "$WORK_DIR/chroot-apt.log" >&2 || true
  rm -f "$ROOTFS/tmp/setup-rootfs.sh" "$ROOTFS/tmp/packages"
  local java_home
  java_home="$(chroot "$ROOTFS" readlink -f /usr/bin/java)"
  java_home="${java_home%/bin/java}"
  [[ -x "$ROOTFS$java_home/bin/java" ]] || die "no JRE in the root file system (java resolves to '$java_home')"
  umount "$ROOTFS/proc"
  PROC_MOUNTED=false
  # Docker supplies these at run time; the build machine's copies do not belong in the image.
  : >"$ROOTFS/etc/resolv.conf"
  : >"$ROOTFS/etc/hostname"
  local t2=$SECONDS
  say "chroot packages done in $((t2 - t1)) s; root file system $(du -sh --one-file-system "$ROOTFS" | cut -f1)"

  say "docker import as $BASE_IMAGE"
  local changes=() change
  for change in "${BASE_IMPORT_CHANGES[@]}" "ENV JAVA_HOME=$java_home" \
    "LABEL org.workspaceportal.base.suite=$SUITE org.workspaceportal.base.packages-digest=$(digest_of base/packages)"; do
    changes+=(--change "$change")
  done
  tar --numeric-owner --one-file-system -C "$ROOTFS" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -cf - . |
    docker import "${changes[@]}" --message "debootstrap $SUITE $VARIANT + base/packages" - "$BASE_IMAGE" >/dev/null ||
    die "docker import of the base failed"
  local t3=$SECONDS
  cleanup
  ROOTFS=''
  trap - EXIT
  say "phase base: imported in $((t3 - t2)) s, root file system removed in $((SECONDS - t3)) s;" \
    "base total $((SECONDS - t0)) s ($(image_size "$BASE_IMAGE"))"
}

image_size() { docker image inspect --format '{{.Size}}' "$1" | awk '{ printf "%.2f GB", $1 / 1e9 }'; }

# ---- phase 2: Spark jars ------------------------------------------------------------------------

maven() {
  if [[ -n "${MVN:-}" ]]; then
    # shellcheck disable=SC2086 # MVN may carry options
    $MVN "$@"
  elif [[ -x "$REPO_ROOT/mvnw" && -x "$TEMURIN_25/bin/java" ]]; then
    JAVA_HOME="$TEMURIN_25" "$REPO_ROOT/mvnw" "$@"
  elif command -v mvn >/dev/null; then
    mvn "$@"
  else
    die "no Maven: neither $REPO_ROOT/mvnw with a JDK at $TEMURIN_25 nor mvn on PATH (set MVN)"
  fi
}

JARS_DIR=''
resolve_jars() {
  local t0=$SECONDS pom_digest
  pom_digest="$(sha256sum <"$HERE/spark-jars/pom.xml" | cut -c1-12)"
  JARS_DIR="$WORK_DIR/jars-$pom_digest"
  if [[ -f "$JARS_DIR/.complete" ]]; then
    say "phase jars: already resolved for this pom in $JARS_DIR; skipped"
    return
  fi
  say "phase jars: Maven dependency:copy-dependencies of spark-jars/pom.xml (log: $WORK_DIR/maven.log)"
  rm -rf "$JARS_DIR" "$JARS_DIR.tmp"
  maven -B -f "$HERE/spark-jars/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$JARS_DIR.tmp" >"$WORK_DIR/maven.log" 2>&1 || {
    tail -n 40 "$WORK_DIR/maven.log" >&2
    die "Maven could not resolve the Spark jars (full log: $WORK_DIR/maven.log)"
  }
  mv "$JARS_DIR.tmp" "$JARS_DIR"
  touch "$JARS_DIR/.complete"
  say "phase jars: $(find "$JARS_DIR" -name '*.jar' | wc -l) jars, $(du -sh "$JARS_DIR" | cut -f1), in $((SECONDS - t0)) s"
}

# ---- phase 3: the example jobs ------------------------------------------------------------------

# Packaged in the scratch folder (never in the checkout), once per content of their inputs; the pom
# makes the jar reproducible, so the image's jobs layer changes only when they do. Compiling needs the
# Spark jars (scope provided), which phase 2 just put into the local Maven repository.
JOBS_JAR=''
build_jobs() {
  local t0=$SECONDS dir
  dir="$WORK_DIR/jobs-$(digest_of "${JOBS_INPUTS[@]}" | cut -c1-12)"
  JOBS_JAR="$dir/workspace-examples.jar"
  if [[ -f "$JOBS_JAR" && -f "$dir/workspace-examples-ui.jar" ]]; then
    say "phase jobs: already built for these sources in $dir; skipped"
    return
  fi
  say "phase jobs: Maven package of jobs/pom.xml (log: $WORK_DIR/maven-jobs.log)"
  rm -rf "$dir" "$dir.tmp"
  maven -B -f "$HERE/jobs/pom.xml" package -Djobs.build.directory="$dir.tmp" >"$WORK_DIR/maven-jobs.log" 2>&1 || {
    tail -n 40 "$WORK_DIR/maven-jobs.log" >&2
    die "Maven could not build the example jobs (full log: $WORK_DIR/maven-jobs.log)"
  }
  mkdir -p "$dir"
  mv "$dir.tmp/workspace-examples.jar" "$JOBS_JAR"
  mv "$dir.tmp/workspace-examples-ui.jar" "$dir/workspace-examples-ui.jar"
  rm -rf "$dir.tmp"
  say "phase jobs: $JOBS_JAR ($(du -h "$JOBS_JAR" | cut -f1)) in $((SECONDS - t0)) s"
}

# ---- phase 4: the layered image -----------------------------------------------------------------

# The build context: the Dockerfile, the scripts, jars/ and aws-sdk/ (the AWS SDK v2 bundle, kept
# out of jars/: see the Dockerfile), jobs/ (the example jobs' jar) and notebooks/. Jars are hard
# links (copies across file systems); Docker's build cache compares content, owner and mode, not
# times, so unchanged jars reuse their layer.
stage_context() {
  local context="$WORK_DIR/context" bundles=() notebook
  rm -rf "$context"
  mkdir -p "$context/jars" "$context/aws-sdk"
  shopt -s nullglob
  bundles=("$JARS_DIR"/bundle-[0-9]*.jar)
  shopt -u nullglob
  ((${#bundles[@]} == 1)) || die "expected exactly one AWS SDK bundle jar in $JARS_DIR, found ${#bundles[@]}"
  local jar
  for jar in "$JARS_DIR"/*.jar; do
    [[ "$jar" == "${bundles[0]}" ]] && continue
    ln "$jar" "$context/jars/" 2>/dev/null || cp -p "$jar" "$context/jars/"
  done
  ln "${bundles[0]}" "$context/aws-sdk/" 2>/dev/null || cp -p "${bundles[0]}" "$context/aws-sdk/"
  chmod 644 "$context"/jars/*.jar "$context"/aws-sdk/*.jar
  install -m 644 "$HERE/Dockerfile" "$context/Dockerfile"
  install -m 755 "$HERE/entrypoint.sh" "$HERE/spark-class" "$HERE/spark-submit" "$HERE/cds-train.sh" "$context/"
  install -m 644 "$HERE/notebook-server.py" "$context/"
  install -m 644 "$HERE/gateway_auth.py" "$context/"
  install -d -m 755 "$context/jobs" "$context/notebooks" "$context/ui"
  install -m 644 "$JOBS_JAR" "$context/jobs/workspace-examples.jar"
  install -m 644 "${JOBS_JAR%.jar}-ui.jar" "$context/ui/workspace-ui-filter.jar"
  for notebook in "${NOTEBOOKS[@]}"; do
    install -m 644 "$HERE/$notebook" "$context/notebooks/"
  done
  printf '%s\n' "$context"
}

build_image() {
  local t0=$SECONDS context spark_version
  context="$(stage_context)"
  spark_version="$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$HERE/spark-jars/pom.xml")"
  say "phase image: docker build $IMAGE FROM $BASE_IMAGE (context $(du -sh "$context" | cut -f1))"
  # The classic builder: BuildKit is not available on these engines (no buildx).
  DOCKER_BUILDKIT=0 docker build \
    --build-arg BASE_IMAGE="$BASE_IMAGE" \
    --label org.workspaceportal.image.tag="$IMAGE" \
    --label org.workspaceportal.spark.version="$spark_version" \
    --tag "$IMAGE" "$context" >&2 ||
    die "docker build failed (context kept in $context)"
  rm -rf "$context"
  # The tag was computed before the build read the files: an edit in between would mislabel it.
  if [[ "$IMAGE_REPO:$IMAGE_LINE-$(image_tag)" != "$IMAGE" ]]; then
    docker rmi "$IMAGE" >/dev/null 2>&1 || true
    die "the inputs changed during the build; run it again"
  fi
  say "phase image: built in $((SECONDS - t0)) s"
}

# ---- main ---------------------------------------------------------------------------------------

MODE_FLAG=''
main() {
  case "${1:-}" in
    '') ;;
    --if-missing | --print-tag) MODE_FLAG="$1" ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
      return
      ;;
    *) die "unknown argument '$1' (expected --if-missing, --print-tag or --help)" ;;
  esac
  (($# <= 1)) || die "one argument at most"

  if [[ "$MODE_FLAG" == --print-tag ]]; then
    printf '%s\n' "$IMAGE"
    return
  fi

  check_engine
  if [[ "$MODE_FLAG" == --if-missing && -n "$(image_id "$IMAGE")" ]]; then
    say "$IMAGE is on the engine; nothing to build"
    point_alias
    return
  fi

  mkdir -p "$WORK_DIR"
  # One build at a time per work folder (two CI jobs on one machine would share the rootfs path).
  exec 9>"$WORK_DIR/.lock"
  flock -n 9 || {
    say "another build holds $WORK_DIR/.lock; waiting for it"
    flock 9
  }
  if [[ "$MODE_FLAG" == --if-missing && -n "$(image_id "$IMAGE")" ]]; then
    say "$IMAGE was built meanwhile; nothing to build"
    point_alias
    return
  fi

  say "building $IMAGE (base $BASE_IMAGE, work folder $WORK_DIR)"
  build_base
  resolve_jars
  build_jobs
  build_image
  add_pyspark
  point_alias
  say "done in $((SECONDS - STARTED_AT)) s: $IMAGE ($(image_size "$IMAGE")), alias $ALIAS"
}

# On one line, so that bash has read it whole before running: an edit during a build cannot
# make it run a different script tail.
main "$@"; exit
