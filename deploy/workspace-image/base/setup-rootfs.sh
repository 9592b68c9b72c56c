#!/bin/bash
# Runs INSIDE the debootstrap chroot (build-offline.sh copies it in, runs it with chroot and removes
# it): installs the base packages and leaves no apt caches behind. Input of the base tag.
# Usage: setup-rootfs.sh PACKAGES_FILE
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive LC_ALL=C

# No manuals or documentation in the image (copyright files stay), as Debian's own slim images do.
cat >/etc/dpkg/dpkg.cfg.d/workspace-image-nodoc <<'CFG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
CFG
# Package scripts must not start services in the chroot.
printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
chmod 755 /usr/sbin/policy-rc.d

apt-get update -qq

packages=()
while read -r line; do
  line="${line%%#*}"
  line="${line//[[:space:]]/}"
  [[ -n "$line" ]] || continue
  if [[ "$line" == *'?' ]]; then
    if apt-cache show "${line%'?'}" >/dev/null 2>&1; then
      packages+=("${line%'?'}")
    else
      echo "setup-rootfs: optional package ${line%'?'} is not on the mirror; skipped"
    fi
  else
    packages+=("$line")
  fi
done <"$1"

echo "setup-rootfs: apt-get install --no-install-recommends ${packages[*]}"
apt-get install -y -q --no-install-recommends -o Dpkg::Use-Pty=0 "${packages[@]}"

# What the docs exclusion could not prevent: files of the packages debootstrap itself installed.
find /usr/share/doc -mindepth 1 -not -name copyright -not -type d -delete
find /usr/share/doc -mindepth 1 -type d -empty -delete
rm -rf /usr/share/man/* /usr/share/info/*

apt-get clean
rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /var/cache/debconf/*-old /var/lib/dpkg/*-old \
  /var/log/apt/* /var/log/dpkg.log /var/log/alternatives.log /var/log/bootstrap.log /tmp/* /var/tmp/*
rm -f /usr/sbin/policy-rc.d
echo "setup-rootfs: done"
