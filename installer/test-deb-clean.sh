#!/usr/bin/env bash
# Installs the .deb into a clean Debian 12 (a debootstrap minbase chroot: no JDK, no desktop, no
# SoundFont), checks the command line there (version, generate, render of a draft and of the
# bundled demo), removes the package and checks nothing is left. Needs root, debootstrap and
# network access to a Debian mirror; leaves the chroot in $CHROOT for inspection.
#   installer/test-deb-clean.sh [path/to/fermata_*.deb]
set -euo pipefail
cd "$(dirname "$0")/.."
deb="$(realpath "${1:-$(ls target/installer/fermata_*_amd64.deb | head -1)}")"
chroot_dir="${CHROOT:-/tmp/fermata-clean-debian}"
if [ ! -x "$chroot_dir/bin/bash" ]; then
  debootstrap --variant=minbase bookworm "$chroot_dir" http://deb.debian.org/debian >/dev/null
fi
cp "$deb" "$chroot_dir/root/fermata.deb"
cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf"
mountpoint -q "$chroot_dir/proc" || mount -t proc proc "$chroot_dir/proc"
trap 'umount "$chroot_dir/proc" 2>/dev/null || true' EXIT
chroot "$chroot_dir" /bin/bash -euo pipefail -c '
  export DEBIAN_FRONTEND=noninteractive FERMATA_HOME=/root/fermata-test/home
  rm -rf /root/fermata-test && mkdir -p /root/fermata-test && cd /root/fermata-test
  apt-get update -qq
  apt-get install -y -qq /root/fermata.deb >/dev/null
  test "$(readlink /usr/bin/fermata)" = /opt/fermata/bin/fermata
  fermata --version
  fermata generate --bars 4 --seed 1 -o draft.mid
  fermata render draft.mid -o draft.wav
  fermata render /opt/fermata/lib/app/assets/demo/first-light.fermata -o demo.wav
  test "$(stat -c %s demo.wav)" -gt 1000000
  dpkg -r fermata >/dev/null
  test ! -e /opt/fermata && test ! -e /usr/bin/fermata
'
echo "test-deb-clean: passed in a clean Debian 12 chroot ($chroot_dir)"
