#!/usr/bin/env bash
# Installs the .deb built by installer/build.sh, checks that the studio's launcher and the `fermata`
# command work (version, render of the bundled demo), then uninstalls and checks nothing is left.
# Needs root (dpkg/apt). Run on a Debian or Ubuntu machine; it changes the system's packages.
#   installer/test-deb.sh [path/to/fermata_*.deb]
set -euo pipefail
cd "$(dirname "$0")/.."
deb="${1:-$(ls target/installer/fermata_*_amd64.deb | head -1)}"
[ -f "$deb" ] || { echo "test-deb: no .deb; run installer/build.sh deb first" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "test-deb: installing $deb"
apt-get install -y "$(realpath "$deb")" >/dev/null
test -x /opt/fermata/bin/fermata
test "$(readlink /usr/bin/fermata)" = /opt/fermata/bin/fermata
grep -q "MimeType=.*application/x-fermata-project" /opt/fermata/lib/fermata-fermata.desktop
if [ -d /etc/xdg/menus ]; then xdg-mime query default application/x-fermata-project | grep -q fermata; fi
du -sh /opt/fermata | sed 's/^/test-deb: installed size /'

export FERMATA_HOME="$work/home"
fermata --version
fermata generate --bars 4 --seed 1 -o "$work/draft.mid"
fermata render "$work/draft.mid" -o "$work/draft.wav"
fermata render /opt/fermata/lib/app/assets/demo/first-light.fermata -o "$work/demo.wav"
fermata info "$work/demo.wav"
test "$(stat -c %s "$work/demo.wav")" -gt 1000000

echo "test-deb: removing"
dpkg -r fermata >/dev/null
test ! -e /opt/fermata
test ! -e /usr/bin/fermata
echo "test-deb: passed"
